"""Data-driven cue lists and error classes for quote extraction, from PolNeAR train.

Parses a split once (spaCy docs and entities cached under ``--cache``; delete them after changing
the parser or the entity code) and then, in seconds:

- ``score``: the quote extractor over the cached parses, scored like ``storyline eval quotes``
  (with the shipped learned model, :mod:`storyline.enrich.quote_model`; ``--rules-only`` without it);
- ``cues``: for every candidate cue token (verb, noun, adjective), how often it is a gold cue,
  by lemma and by syntactic frame (ccomp / xcomp / dobj / "that"-clause / quotation marks in the
  sentence / subject a person, organisation or pronoun); prints the lemmas outside the hand-written
  lists of :mod:`storyline.enrich.cues` whose gold-cue precision and count pass ``--precision`` /
  ``--min-count`` (with 0.3 / 3 it prints ``cues.MINED_CUES`` exactly);
- ``sweep``: train F1 with the lemmas each threshold pair selects, in place of the mined ones;
- ``errors``: misses and false positives, classified (boundaries, nested, no cue, ...), with samples.

Examples::

    .venv/bin/python benchmarks/quote_cues.py score --split train
    .venv/bin/python benchmarks/quote_cues.py cues --split train --precision 0.3 --min-count 3
    .venv/bin/python benchmarks/quote_cues.py sweep --split train
    .venv/bin/python benchmarks/quote_cues.py errors --split train --show 50

Only derived statistics (lemmas, counts) are printed as lists; the corpus stays where it is.
"""

from __future__ import annotations

import argparse
import pickle
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spacy.tokens import Doc, DocBin, Token

from storyline.enrich.cues import (
    EVIDENTIAL_VERBS,
    MINED_CUES,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
)
from storyline.enrich.entities import extract_entities
from storyline.enrich.languages import get_language_model
from storyline.enrich.quote_model import NO_MODEL, QuoteModel
from storyline.enrich.quotes import extract_quotes, quoted_spans
from storyline.eval.data import default_data_dir
from storyline.eval.quotes import OVERLAP, GoldArticle, match, overlap, read_polnear, speaker_correct
from storyline.model import Entity, Quote

CACHE = Path("/tmp/storyline-cache/quote_cues")
_CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ"}
_PEOPLE = {"PERSON", "ORG", "NORP", "GPE"}
#: Lemmas of cues that have a rule of their own: "according to" (storyline.enrich.quotes.according_to_attributions).
HANDLED_ELSEWHERE = frozenset({"accord"})


# --------------------------------------------------------------------------
# Parses, cached


def load(split: str, cache: Path) -> list[tuple[GoldArticle, Doc, list[Entity]]]:
    """Gold articles with their parse and entities; parsed once per split and cached."""
    items = list(read_polnear(default_data_dir(), split))
    model = get_language_model("en")
    docs_path, entities_path = cache / f"{split}.spacy", cache / f"{split}.entities.pkl"
    if not docs_path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for doc in model.docs([item.text for item in items]):
            bin_.add(doc)
        bin_.to_disk(docs_path)
    nlp = model.parse  # the spaCy Language object: its vocab reads the DocBin back
    docs = list(DocBin().from_disk(docs_path).get_docs(nlp.vocab))
    if not entities_path.exists():
        entities_path.write_bytes(pickle.dumps([extract_entities(doc) for doc in docs]))
    entities = pickle.loads(entities_path.read_bytes())
    return list(zip(items, docs, entities, strict=True))


# --------------------------------------------------------------------------
# score


def predict(doc: Doc, entities: list[Entity], model: QuoteModel | None = None) -> list[Quote]:
    return extract_quotes(doc, entities, "en", model=model)


def score(
    data: list[tuple[GoldArticle, Doc, list[Entity]]], models: list[QuoteModel] | None = None
) -> dict[str, float]:
    """Overlap P/R/F1 and speaker accuracy, as ``storyline eval quotes`` computes them; ``models``
    (one per article, for cross-validation) replace the shipped quote model."""
    tp = gold_n = pred_n = with_source = speakers_ok = 0
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for n, (item, doc, entities) in enumerate(data):
        quotes = predict(doc, entities, models[n] if models else None)
        kinds.update(q.kind for q in quotes)
        matched = match([(q.start, q.end) for q in quotes], [g.content for g in item.attributions], OVERLAP)
        tp += len(matched)
        gold_n += len(item.attributions)
        pred_n += len(quotes)
        for i, j in matched:
            if item.attributions[j].source is not None:
                with_source += 1
                speakers_ok += speaker_correct(quotes[i], item.attributions[j])
    p, r = tp / max(pred_n, 1), tp / max(gold_n, 1)
    return {
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
        "speaker_accuracy": round(speakers_ok / max(with_source, 1), 4), "gold": gold_n, "predicted": pred_n,
        "seconds": round(time.perf_counter() - started, 1), **{f"kind_{k}": v for k, v in sorted(kinds.items())},
    }  # fmt: skip


# --------------------------------------------------------------------------
# cues


def frame(token: Token, marks: list[tuple[int, int]]) -> tuple[str, ...]:
    """The syntactic frame of a candidate cue: which complements it has and who its subject is."""
    deps = {c.dep_ for c in token.children}
    features = [f"pos={token.pos_}"]
    features += [dep for dep in ("ccomp", "xcomp", "dobj", "prep", "nsubjpass", "attr") if dep in deps]
    if any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in token.children
    ):
        features.append("that")
    sent = token.sent
    if any(sent.start_char <= s < sent.end_char for s, _ in marks):
        features.append("quote-marks")
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "poss"}), None)
    if subject is not None:
        features.append(
            "subj="
            + ("pron" if subject.pos_ == "PRON" else subject.ent_type_ if subject.ent_type_ in _PEOPLE else "other")
        )
    return tuple(features)


def candidate_rows(
    data: list[tuple[GoldArticle, Doc, list[Entity]]],
) -> Iterator[tuple[str, str, tuple[str, ...], bool]]:
    """(lemma, pos, frame, is a gold cue) for every verb, noun and adjective outside quotation marks."""
    for item, doc, _ in data:
        cues = [g.cue for g in item.attributions if g.cue is not None]
        marks = quoted_spans(doc.text)
        for token in doc:
            if token.pos_ not in _CANDIDATE_POS or any(s < token.idx < e for s, e in marks):
                continue
            gold = any(s <= token.idx < e for s, e in cues)
            yield token.lemma_.lower(), token.pos_, frame(token, marks), gold


def known_cues() -> dict[str, frozenset[str]]:
    """The hand-written English cue lists (without the lemmas mined here before), by part of speech."""
    mined = MINED_CUES
    return {
        "VERB": (REPORTING_VERBS["en"] | STANCE_VERBS["en"] | EVIDENTIAL_VERBS["en"]) - mined["reporting"] - mined["stance"],
        "NOUN": STANCE_NOUNS["en"] - mined["noun"], "ADJ": STANCE_ADJECTIVES["en"] - mined["adjective"],
    }  # fmt: skip


def cue_counts(data) -> tuple[dict[tuple[str, str], list[int]], dict[tuple[str, str], Counter[tuple[str, ...]]]]:
    """[uses, gold cue uses] and the gold frames of every (lemma, VERB/NOUN/ADJ)."""
    by_lemma: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    gold_frames: dict[tuple[str, str], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for lemma, pos, features, gold in candidate_rows(data):
        key = (lemma, "NOUN" if pos == "NOUN" else "ADJ" if pos == "ADJ" else "VERB")
        by_lemma[key][0] += 1
        by_lemma[key][1] += gold
        if gold:
            gold_frames[key][features] += 1
    return by_lemma, gold_frames


def select_cues(by_lemma, gold_frames, precision: float, min_count: int) -> dict[str, list[str]]:
    """New cue lemmas by list: "reporting" verbs (their gold uses mostly take a clause), "stance"
    verbs (an object or infinitive), "noun", "adjective"."""
    known = known_cues()
    selected: dict[str, list[str]] = defaultdict(list)
    for (lemma, pos), (count, gold) in by_lemma.items():
        if gold < min_count or gold / count < precision or lemma in known[pos] or lemma in HANDLED_ELSEWHERE:
            continue
        if pos == "VERB":
            clauses = sum(n for f, n in gold_frames[(lemma, pos)].items() if "ccomp" in f)
            selected["reporting" if clauses >= gold / 2 else "stance"].append(lemma)
        else:
            selected["noun" if pos == "NOUN" else "adjective"].append(lemma)
    return {k: sorted(v) for k, v in selected.items()}


@contextmanager
def with_cues(selected: dict[str, list[str]]) -> Iterator[None]:
    """The extractor with the hand lists plus ``selected`` lemmas in place of the mined ones."""
    lists = {"reporting": REPORTING_VERBS, "stance": STANCE_VERBS, "noun": STANCE_NOUNS, "adjective": STANCE_ADJECTIVES}
    saved = {name: lists[name]["en"] for name in lists}
    for name in lists:
        lists[name]["en"] = saved[name] - MINED_CUES[name] | frozenset(selected.get(name, ()))
    try:
        yield
    finally:
        for name, words in saved.items():
            lists[name]["en"] = words


def cue_report(data, precision: float, min_count: int, frames: int) -> None:
    by_lemma, gold_frames = cue_counts(data)
    known = known_cues()
    print(f"{'lemma':<16}{'pos':<6}{'count':>7}{'gold':>6}{'prec':>7}  known  top gold frames")
    for (lemma, pos), (count, gold) in sorted(by_lemma.items(), key=lambda kv: -kv[1][1]):
        prec = gold / count
        if gold >= min_count and (prec >= precision or lemma in known[pos]):
            top = ", ".join(f"{'+'.join(f)}:{n}" for f, n in gold_frames[(lemma, pos)].most_common(frames))
            print(
                f"{lemma:<16}{pos:<6}{count:>7}{gold:>6}{prec:>7.2f}  {'yes' if lemma in known[pos] else '-':<5}  {top}"
            )
    for name, lemmas in select_cues(by_lemma, gold_frames, precision, min_count).items():
        print(f"\nnew {name} cues (precision >= {precision}, >= {min_count} gold): {' '.join(lemmas)}")
    weak = sorted(lemma for (lemma, pos), (count, gold) in by_lemma.items()
                  if pos == "VERB" and lemma in known["VERB"] and count >= 20 and gold / count < 0.15)  # fmt: skip
    print(f"\nlisted verbs that are rarely gold cues (< 0.15, >= 20 seen): {' '.join(weak)}")


def sweep(data, precisions: list[float], min_counts: list[int]) -> None:
    """Train F1 with the lemmas each (precision, count) threshold selects: pick the best."""
    by_lemma, gold_frames = cue_counts(data)
    print("as listed", score(data))
    with with_cues({}):
        print("hand lists only", score(data))
    for precision in precisions:
        for min_count in min_counts:
            selected = select_cues(by_lemma, gold_frames, precision, min_count)
            with with_cues(selected):
                result = score(data)
            added = sum(len(v) for v in selected.values())
            print(f"precision >= {precision} gold >= {min_count}: +{added} lemmas", result)


# --------------------------------------------------------------------------
# errors


def classify_miss(
    doc: Doc, gold: tuple[int, int], cue: tuple[int, int] | None, quotes: list[Quote], golds: list[tuple[int, int]]
) -> str:
    """Why a gold content has no matched prediction."""
    best = max(quotes, key=lambda q: overlap((q.start, q.end), gold), default=None)
    if best is not None and overlap((best.start, best.end), gold) >= OVERLAP:
        return "taken by another gold (one-to-one)"
    nested = any(g != gold and g[0] <= gold[0] and gold[1] <= g[1] for g in golds)
    if best is not None and min(best.end, gold[1]) > max(best.start, gold[0]):
        length, gold_length = best.end - best.start, gold[1] - gold[0]
        kind = "prediction too short" if length < gold_length else "prediction too long"
        return f"boundary: {kind}" + (" (gold nested)" if nested else "")
    if nested:
        return "nested in another gold"
    if cue is not None and any(q.start <= cue[0] < q.end for q in quotes):
        return "cue inside a predicted quote"
    return "no prediction nearby: " + ("listed cue, frame not read" if _listed_cue(doc, cue) else "cue in no list")


def _listed_cue(doc: Doc, cue: tuple[int, int] | None) -> bool:
    """Whether a word of the gold cue is in the extractor's lists (with its part of speech)."""
    words = doc.char_span(*cue, alignment_mode="expand") if cue is not None else None
    lists = {"VERB": REPORTING_VERBS["en"] | STANCE_VERBS["en"] | EVIDENTIAL_VERBS["en"], "AUX": STANCE_VERBS["en"]}
    lists |= {"NOUN": STANCE_NOUNS["en"], "ADJ": STANCE_ADJECTIVES["en"]}
    return words is not None and any(t.lemma_.lower() in lists.get(t.pos_, ()) for t in words)


def error_report(data, show: int, seed: int) -> None:
    misses: dict[str, list[str]] = defaultdict(list)
    false_positives: dict[str, list[str]] = defaultdict(list)
    for item, doc, entities in data:
        quotes = predict(doc, entities)
        golds = [g.content for g in item.attributions]
        matched = match([(q.start, q.end) for q in quotes], golds, OVERLAP)
        hit_p, hit_g = {i for i, _ in matched}, {j for _, j in matched}
        text = item.text
        for j, g in enumerate(item.attributions):
            if j not in hit_g:
                reason = classify_miss(doc, g.content, g.cue, quotes, golds)
                misses[reason].append(f"[{g.cue_text}] {text[g.content[0] : g.content[1]][:160]!r}  ({item.key})")
        for i, q in enumerate(quotes):
            if i not in hit_p:
                near = any(overlap((q.start, q.end), g) > 0 for g in golds)
                reason = f"{q.kind}, " + ("overlaps a gold below 0.3" if near else "no gold nearby")
                false_positives[reason].append(f"[{q.cue}|{q.speaker}] {q.text[:160]!r}  ({item.key})")
    rng = random.Random(seed)
    for title, groups in (("MISSES", misses), ("FALSE POSITIVES", false_positives)):
        total = sum(len(v) for v in groups.values())
        print(f"\n===== {title}: {total}")
        for reason, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(rows):>6}  {reason}")
        sample = [(reason, row) for reason, rows in groups.items() for row in rows]
        for reason, row in rng.sample(sample, min(show, len(sample))):
            print(f"  <{reason}> {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["score", "cues", "sweep", "errors"])
    parser.add_argument("--split", default="train")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--precision", type=float, default=0.3, help="least share of a lemma's uses that are gold cues")
    parser.add_argument("--min-count", type=int, default=3, help="least gold cue uses of a lemma")
    parser.add_argument("--frames", type=int, default=3, help="gold frames printed per lemma")
    parser.add_argument("--show", type=int, default=50, help="sampled misses and false positives printed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rules-only", action="store_true", help="score without the learned quote model")
    args = parser.parse_args()
    data = load(args.split, args.cache)
    if args.command == "score":
        print(score(data, [NO_MODEL] * len(data) if args.rules_only else None))
    elif args.command == "sweep":
        sweep(data, [0.2, 0.3, 0.4, 0.5], [3, 5, 8])
    elif args.command == "cues":
        cue_report(data, args.precision, args.min_count, args.frames)
    else:
        error_report(data, args.show, args.seed)


if __name__ == "__main__":
    main()
