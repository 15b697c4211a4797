"""Article bodies split into sibling chunks (between ads), which trafilatura stops after the first of.

Some templates cut a long story into several containers of the same kind
(``<div class="body">`` ... ad ... ``<div class="body">``). trafilatura
keeps the first and misses the rest. When the paragraphs it kept all sit in
one such chunk, the prose paragraphs of the chunk's identical siblings are
the rest of the story and are appended in page order.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from storyline.ingest.html_blocks import Block, squash

#: Sibling paragraphs shorter than this are captions, buttons or teasers, not story.
MIN_WORDS = 12
#: Paragraphs of a chunk mostly made of links are navigation.
MAX_LINK_RATIO = 0.3


def _signature(element: HtmlElement) -> tuple[str, str]:
    return element.tag, " ".join(sorted((element.get("class") or "").split()))


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _prose(paragraph: HtmlElement) -> str | None:
    text = squash(paragraph.text_content())
    if len(text.split()) < MIN_WORDS:
        return None
    link_chars = sum(len(squash(a.text_content())) for a in paragraph.iter("a"))
    return text if link_chars <= MAX_LINK_RATIO * len(text) else None


#: A continuation is several paragraphs; one or two stray ones are boxes (disclaimers, promos).
MIN_PARAGRAPHS = 3
#: How far above the paragraphs' common container the repeated chunk may sit.
MAX_LEVELS = 3


def _is_whole_story(element: HtmlElement) -> bool:
    """An element that holds one whole story: its siblings are other stories."""
    return element.tag in ("article", "body", "html") or element.get("itemprop") == "articleBody"


def repeated_chunk(element: HtmlElement) -> HtmlElement | None:
    """The ancestor-or-self (a few levels up) that has siblings of its own kind, if any."""
    node: HtmlElement | None = element
    for _ in range(MAX_LEVELS):
        if node is None or _is_whole_story(node):
            return None
        parent = node.getparent()
        if parent is None:
            return None
        if node.get("class") and any(s is not node and _signature(s) == _signature(node) for s in parent):
            return node
        node = parent
    return None


def with_sibling_chunks(tree: HtmlElement, blocks: list[Block]) -> list[Block]:
    """``blocks`` completed with the prose of the chunks that continue the one trafilatura read."""
    kept = {block.text for block in blocks if block.kind == "p"}
    found = [p for p in tree.iter("p") if squash(p.text_content()) in kept]
    common = _common_ancestor(found) if len(found) >= 2 else None
    chunk = repeated_chunk(common) if common is not None else None
    if chunk is None:
        return blocks
    before: list[Block] = []
    after: list[Block] = []
    side = before
    for sibling in chunk.getparent():
        if sibling is chunk:
            side = after
        elif _signature(sibling) == _signature(chunk):
            side += _prose_blocks(sibling, kept)
    if len(before) + len(after) < MIN_PARAGRAPHS:
        return blocks
    return before + blocks + after


def _prose_blocks(container: HtmlElement, seen: set[str]) -> list[Block]:
    found: list[Block] = []
    for paragraph in container.iter("p"):
        text = _prose(paragraph)
        if text and text not in seen:
            found.append(Block(text, "p"))
            seen.add(text)
    return found
