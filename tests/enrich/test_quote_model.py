"""The learned quote model: cue features, the refit's rows and fit, the shipped weights in use."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from storyline.enrich.languages import get_language_model
from storyline.enrich.quote_model import NO_MODEL, QuoteModel, cue_features, default_quote_model
from storyline.enrich.quotes import extract_quotes, quoted_spans
from storyline.eval.quotes import GoldArticle, GoldAttribution

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def quote_fit():
    """``benchmarks/quote_fit.py`` as a module (benchmarks is no package)."""
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("quote_fit", BENCHMARKS / "quote_fit.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["quote_fit"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.path.remove(str(BENCHMARKS))
    del sys.modules["quote_fit"]


@pytest.fixture(scope="module")
def parse():
    return get_language_model("en").parse


def test_cue_features_read_the_frame(parse):
    doc = parse("The senator grumbled that the plan was unfair.")
    cue = doc[2]
    features = cue_features(cue, quoted_spans(doc.text))
    assert "lemma=VERB_grumble" in features
    assert "child=ccomp" in features and "ccomp_mark=that" in features
    assert "subj=title" in features or "subj=other" in features
    assert not any(f.startswith("list=") for f in features)  # "grumble" is in no hand list


def test_refit_rows_are_labelled_by_gold_cues(parse, quote_fit):
    text = "Jane Roe hinted that taxes would rise. The weather was “fine” on Monday."
    cue_start = text.index("hinted")
    gold = GoldArticle("t", text, [GoldAttribution(content=(21, 37), source=(0, 8), cue=(cue_start, cue_start + 6))])
    rows = quote_fit.candidate_rows([(gold, parse(text))])
    labelled = dict(zip((next(f for f in row if f.startswith("lemma=")) for row in rows.features), rows.labels))
    assert labelled["lemma=VERB_hint"] == 1.0
    assert labelled["lemma=VERB_rise"] == 0.0
    assert "lemma=ADJ_fine" not in labelled  # inside quotation marks: not a candidate


def test_fit_separates_a_toy_problem(quote_fit):
    features = [["frame=ccomp"], ["frame=ccomp"], ["frame=none"], ["frame=none"]] * 5
    labels = np.array([1.0, 1.0, 0.0, 0.0] * 5)
    model = quote_fit.fit(features, labels, c=10.0, min_count=1)
    assert model.probability(["frame=ccomp"]) > 0.9 > 0.1 > model.probability(["frame=none"])


def test_shipped_model_adds_an_unlisted_cue(parse):
    model = default_quote_model()
    doc = parse("The senator grumbled that the new tax plan was unfair to farmers.")
    assert model.cue_probability(doc[2], []) >= model.add_threshold
    [quote] = extract_quotes(doc, [], "en")
    assert quote.text == "that the new tax plan was unfair to farmers" and quote.cue == "grumbled"
    assert extract_quotes(doc, [], "en", model=NO_MODEL) == []  # the rules alone miss it


def test_filter_drops_quotes_below_its_threshold(parse):
    doc = parse("The senator said that the new tax plan was unfair to farmers.")
    shipped = default_quote_model()
    assert len(extract_quotes(doc, [], "en")) == 1
    strict = QuoteModel(shipped.cue, shipped.keep, shipped.add_threshold, keep_threshold=1.01)
    assert extract_quotes(doc, [], "en", model=strict) == []
