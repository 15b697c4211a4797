"""Extraction metrics as the two benchmarks define them, and a run on real gold pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.data import DataMissing
from storyline.eval.extraction import (
    Page,
    aeb_scores,
    evaluate,
    read_dataset,
    segment_counts,
    segment_scores,
    shingle_counts,
)


def test_shingles_perfect_and_disjoint() -> None:
    text = "one two three four five six"
    assert shingle_counts(text, text) == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts(text, "alpha beta gamma delta epsilon")
    assert tp == 0 and fp > 0 and fn > 0


def test_shingles_extra_text_costs_precision_only() -> None:
    gold = "the storm hit the coast on tuesday night"
    tp, fp, fn = shingle_counts(gold, gold + " sign up for our newsletter today")
    assert fn == 0 and fp > 0 and tp > 0
    precision, recall, f1 = aeb_scores([(tp, fp, fn)])
    assert recall == 1.0 and 0 < precision < 1 and precision < f1 < 1


def test_segments_micro_averaged_with_whitespace_normalised() -> None:
    page = Page("k", b"", None, must_include=["storm  hit", "power cut"], must_exclude=["Impressum"])
    assert segment_counts(page, "The storm\nhit the coast. Impressum") == (1, 1, 1)
    assert segment_scores([(1, 1, 1), (3, 0, 0)]) == (0.8, 0.8, 0.8)


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissing, match="article-extraction-benchmark"):
        read_dataset("aeb", tmp_path)


@pytest.mark.slow
def test_storyline_on_benchmark_pages(shared_data: Path) -> None:
    aeb = evaluate("aeb", "storyline", read_dataset("aeb", shared_data, limit=8))
    assert aeb.pages == 8 and aeb.failures == 0
    assert aeb.f1 > 0.9
    segments = evaluate("trafilatura", "storyline", read_dataset("trafilatura", shared_data, limit=8))
    assert segments.f1 > 0.8


def test_cli_names_missing_data_and_bad_dataset(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["eval", "extraction", "--dataset", "aeb", "--data", str(tmp_path)])
    assert missing.exit_code == 2
    assert "article-extraction-benchmark" in missing.output
    unknown = runner.invoke(app, ["eval", "extraction", "--dataset", "nope", "--data", str(tmp_path)])
    assert unknown.exit_code == 2
    assert "unknown dataset" in unknown.output


@pytest.mark.slow
def test_cli_json_on_a_few_pages(shared_data: Path) -> None:
    import json

    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(
        app, ["eval", "extraction", "--dataset", "aeb", "--limit", "3", "--json", "--data", str(shared_data)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert [s["system"] for s in scores] == ["storyline", "trafilatura"]
    assert all(s["pages"] == 3 and 0 < s["f1"] <= 1 for s in scores)
