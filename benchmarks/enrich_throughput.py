"""Enrichment throughput (entities + quotes + times) per language, articles/s on this machine.

English, French and Spanish texts come from the SemEval-2022 Task 8 sample
in ../shared/data (news, head+tail truncated to ~1,000 characters); the
shared data has no Russian news, so Russian uses a short built-in paragraph
(written for this benchmark) repeated per article. Models load before timing.

    .venv/bin/python benchmarks/enrich_throughput.py [--data ../shared/data] [--n 100] [--languages en,fr,es,ru]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from storyline.enrich.pipeline import Enricher
from storyline.model import Article

RUSSIAN_SAMPLE = (
    "Министр иностранных дел Анна Волкова заявила в понедельник, что переговоры продолжатся в Женеве. "
    "«Мы готовы к диалогу, но не примем ультиматумов», — сказала она журналистам.\n\n"
    "По словам представителя министерства, следующая встреча пройдет в марте. "
    "Эксперты отмечают, что стороны пока далеки от соглашения."
)


def semeval_texts(data: Path, language: str, n: int) -> list[str]:
    """Up to ``n`` distinct article texts in ``language`` from the SemEval sample."""
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    with (data / "semeval2022-task8" / "train_pairs_with_text.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for lang, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                if lang == language and text and text not in texts:
                    texts.append(text)
            if len(texts) >= n:
                break
    return texts[:n]


def texts_for(data: Path, language: str, n: int) -> list[str]:
    if language == "ru":
        return [RUSSIAN_SAMPLE] * n
    return semeval_texts(data, language, n)


def measure(enricher: Enricher, language: str, texts: list[str]) -> dict[str, float]:
    """Batched (``enrich_many``, what the service uses) and one article at a time, back to back."""
    articles = [Article(id=str(i), title="", paragraphs=[t], language=language) for i, t in enumerate(texts)]
    enricher.enrich(articles[0])  # load the language's models outside the timing
    started = time.perf_counter()
    enricher.enrich_many(articles)
    batched = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        enricher.enrich(article)
    single = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    return {
        "articles": len(texts),
        "articles_per_s": len(texts) / batched,
        "chars_per_s": chars / batched,
        "articles_per_s_one_by_one": len(texts) / single,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--languages", default="en,fr,es,ru")
    args = parser.parse_args()
    enricher = Enricher()
    results = {}
    for language in args.languages.split(","):
        texts = texts_for(args.data, language, args.n)
        if texts:
            results[language] = measure(enricher, language, texts)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
