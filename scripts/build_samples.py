"""Rebuild examples/wikinews/ from the MEANTIME corpus (CC BY 4.0) in ../shared/data/meantime-cdcr.

MEANTIME holds 120 English Wikinews articles (4 topics of 30) and
sentence-aligned Spanish translations, as CoNLL tokens with cross-document
coreference chains. This script picks, per topic, the articles that share the
most event/entity chains with other articles of the topic (so the sample holds
related stories), detokenises them back into text and writes one JSONL file
per language: id, url, outlet, title, text, published, language.

    .venv/bin/python scripts/build_samples.py [--data ../shared/data/meantime-cdcr] [--per-topic 6]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "examples" / "wikinews"

# Tokens glued to the word before / after them. Hand-written because the
# CoNLL file keeps no spacing and no installed library detokenises.
NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}»”’]|\.\.\.|'s|'S|n't|'re|'ve|'ll|'d|'m|'|'')$")
NO_SPACE_AFTER = {"(", "[", "{", "¿", "¡", "«", "“", "``", "`"}
CURRENCY = {"$", "US$", "£", "€"}  # glued to a following number only
PTB_QUOTES = {"``": "“", "''": "”", "`": "‘"}
CHAIN = re.compile(r"\(?((?:cross_)?intra_[A-Z]+\d+)\)?")
DATE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%d %B %Y")


@dataclass
class Doc:
    key: str  # "corpus_airbus/100911"
    sentences: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    chains: set[str] = field(default_factory=set)

    @property
    def topic(self) -> str:
        return self.key.split("/")[0].removeprefix("corpus_")

    @property
    def number(self) -> str:
        return self.key.split("/")[1]

    def sentence(self, index: int) -> str:
        return detokenize(self.sentences[index])[0]


def detokenize(tokens: list[str], open_quote: bool = False) -> tuple[str, bool]:
    """Text of one sentence, and whether a quotation is still open at its end."""
    text, prev = "", ""
    for token in _normalise(tokens):
        glue = not text or prev in NO_SPACE_AFTER or (prev in CURRENCY and token[:1].isdigit())
        if token == '"':
            glue = glue or open_quote  # a closing quote sticks to the word before it
            open_quote = not open_quote
            prev = "“" if open_quote else "”"  # so an opening one sticks to the word after it
        else:
            glue = glue or bool(NO_SPACE_BEFORE.match(token))
            prev = token
            open_quote = token in ("“", "``") or (open_quote and token not in ("”", "''"))
        text += ("" if glue else " ") + PTB_QUOTES.get(token, token)
    return text, open_quote


def _normalise(tokens: list[str]) -> list[str]:
    """The corpus writes "£" as "GB #"; put the pound sign back."""
    result: list[str] = []
    for token in tokens:
        if token == "#" and result and result[-1] == "GB":
            result[-1] = "£"
        else:
            result.append(token)
    return result


def paragraphs(sentences: list[list[str]]) -> list[str]:
    """One sentence a paragraph, except that a quotation spanning sentences stays in one."""
    result: list[str] = []
    open_quote = False
    for tokens in sentences:
        continues = open_quote
        text, open_quote = detokenize(tokens, open_quote)
        if result and continues:
            result[-1] += " " + text
        else:
            result.append(text)
    return result


def read_conll(path: Path) -> dict[str, Doc]:
    docs: dict[str, Doc] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 5 or line.startswith("#"):
            continue
        key, sentence, _, token, label = parts[:5]
        doc = docs.setdefault(key, Doc(key))
        doc.sentences[int(sentence)].append(token)
        doc.chains.update(CHAIN.findall(label))
    return docs


def pick(docs: dict[str, Doc], per_topic: int) -> list[Doc]:
    """Per topic, the articles sharing the most coreference chains with the topic's other articles."""
    by_topic: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs.values():
        by_topic[doc.topic].append(doc)
    chosen = []
    for topic in sorted(by_topic):
        members = by_topic[topic]
        counts: dict[str, int] = defaultdict(int)
        for doc in members:
            for chain in doc.chains:
                counts[chain] += 1
        shared = {doc.key: sum(counts[c] > 1 for c in doc.chains) for doc in members}
        ranked = sorted(members, key=lambda d: (-shared[d.key], d.key))
        chosen += sorted(ranked[:per_topic], key=lambda d: d.key)
    return chosen


def published(english: Doc) -> str | None:
    """The dateline (sentence 1 of every MEANTIME article), as an ISO date."""
    line = english.sentence(1)
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(line, form).date().isoformat()
        except ValueError:
            continue
    return None


def record(doc: Doc, english: Doc, language: str) -> dict[str, object]:
    title = doc.sentence(0)
    body = paragraphs([doc.sentences[i] for i in sorted(doc.sentences) if i >= 2])
    english_title = english.sentence(0)
    return {
        "id": f"wikinews-{language}-{doc.topic}-{doc.number}",
        # Only the English original was published; the Spanish text is MEANTIME's translation.
        "url": "https://en.wikinews.org/wiki/" + english_title.replace(" ", "_") if language == "en" else None,
        "outlet": "Wikinews",
        "title": title,
        "text": "\n\n".join(body),
        "published": published(english),
        "language": language,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "meantime-cdcr")
    parser.add_argument("--per-topic", type=int, default=6)
    args = parser.parse_args()
    english = read_conll(args.data / "en" / "meantime.conll")
    spanish = read_conll(args.data / "es" / "meantime.conll")
    chosen = pick(english, args.per_topic)
    OUT.mkdir(parents=True, exist_ok=True)
    for language, docs in (("en", english), ("es", spanish)):
        rows = [record(docs[d.key], d, language) for d in chosen if d.key in docs]
        target = OUT / f"wikinews-{language}.jsonl"
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{target.relative_to(REPO)}: {len(rows)} articles")


if __name__ == "__main__":
    main()
