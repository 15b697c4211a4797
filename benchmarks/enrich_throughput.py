"""Enrichment throughput (entities + quotes + times) per language, articles/s on this machine.

English, French, Spanish and German texts come from the SemEval-2022 Task 8
sample in ../shared/data (news, head+tail truncated to ~1,000 characters);
the shared data has no Russian, Chinese, Japanese or Korean news, so those use
a short built-in paragraph (written for this benchmark) repeated per article.
Models load before timing.

    .venv/bin/python benchmarks/enrich_throughput.py [--data ../shared/data] [--n 100] [--languages en,fr,es,de,ru,zh,ja,ko]
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


#: Written for this benchmark (invented names), the same wire story in three scripts without capitals.
BUILT_IN_SAMPLES = {
    "ru": RUSSIAN_SAMPLE,
    "zh": "外交部发言人奥尔加·彼得连科周日表示，该国的对外政策是独立的，不受任何国家的影响。\n\n"
    "彼得连科在新闻发布会上说：「我们不会接受任何外国的干涉。」他还指出，美国官员上周五的声明毫无根据。",
    "ja": "外務省のオルガ・ペトレンコ報道官は18日、記者会見で「外交政策は独立している」と述べた。\n\n"
    "ペトレンコ報道官は、米国の主張には根拠がないと強調した。",
    "ko": '올가 페트렌코 외무부 대변인은 18일 기자회견에서 "외교 정책은 독립적이다"라고 말했다.\n\n'
    "페트렌코 대변인은 미국 측의 주장이 근거가 없다고 강조했다. 그는 지난 9일 워싱턴의 입장을 비판했다.",
}


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
    if language in BUILT_IN_SAMPLES:
        return [BUILT_IN_SAMPLES[language]] * n
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
    parser.add_argument("--languages", default="en,fr,es,de,ru,zh,ja,ko")
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
