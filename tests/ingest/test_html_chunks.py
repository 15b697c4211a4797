"""Stories split into sibling chunks are read whole; other stories beside them are not."""

from __future__ import annotations

from storyline.ingest.html import extract_html


def sentence(chunk: int, n: int) -> str:
    return (
        f"In part {chunk}, paragraph {n}, the committee heard how the river flooded the valley "
        f"and how farmers rebuilt their barns over the following {n + 2} months."
    )


def chunk(index: int, paragraphs: int) -> str:
    body = "".join(f"<p>{sentence(index, n)}</p>" for n in range(paragraphs))
    return f"<div class='story-row'><div class='story-body'>{body}</div><aside>Ad</aside></div>"


def test_sibling_chunks_are_appended_in_order() -> None:
    html = (
        "<html><body><main><h1>Flood inquiry</h1><div class='chunks'>"
        + chunk(1, 4)
        + "<div class='ad-slot'>Advertisement</div>"
        + chunk(2, 3)
        + chunk(3, 2)
        + "</div></main></body></html>"
    )
    text = extract_html(html).text
    for part, count in ((1, 4), (2, 3), (3, 2)):
        for n in range(count):
            assert sentence(part, n) in text
    assert text.index(sentence(1, 3)) < text.index(sentence(2, 0)) < text.index(sentence(3, 1))


def test_sibling_articles_stay_out() -> None:
    def article(index: int) -> str:
        body = "".join(f"<p>{sentence(index, n)}</p>" for n in range(5))
        return f"<article class='post'><h2>Story {index}</h2>{body}</article>"

    html = "<html><body><main>" + article(1) + article(2) + "</main></body></html>"
    text = extract_html(html).text
    assert sentence(1, 0) in text or sentence(2, 0) in text
    assert not (sentence(1, 0) in text and sentence(2, 0) in text)
