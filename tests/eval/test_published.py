"""`storyline eval published` on an invented htmldate-eval folder: day accuracy, coverage, errors by kind."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.data import DataMissing
from storyline.eval.published import error_kind, evaluate, read_pages

_STORY = "<p>Olga Petrenko said the ferry to Port Elwyn would run again once the strike in Ruritania ended.</p>" * 3


def _page(head: str) -> bytes:
    return f"<html><head><title>Ferry news</title>{head}</head><body><article>{_STORY}</article></body></html>".encode()


def _folder(root: Path) -> Path:
    """An htmldate-eval look-alike: two gold files, gzipped pages under eval/ and cache/."""
    folder = root / "htmldate-eval"
    (folder / "eval").mkdir(parents=True)
    (folder / "cache").mkdir()
    meta = '<meta property="article:published_time" content="{}">'
    pages = {
        "eval/right.html": _page(meta.format("2024-05-02T09:00:00")),
        "eval/late.html": _page(meta.format("2024-05-03T23:30:00")),
        "cache/bare.html": _page(""),
        "eval/nogold.html": _page(""),
    }
    for name, html in pages.items():
        (folder / f"{name}.gz").write_bytes(gzip.compress(html))
    default = {
        "https://herald.example/ferry": {"file": "right.html", "date": "2024-05-02"},
        "https://herald.example/strike": {"file": "late.html", "date": "2024-05-02"},
    }
    mediacloud = {
        "https://elwyn.example/news": {"file": "bare.html", "date": "2023-11-20"},
        "https://elwyn.example/about": {"file": "nogold.html", "date": float("nan")},
    }
    (folder / "eval_default.json").write_text(json.dumps(default))
    (folder / "eval_mediacloud_2020.json").write_text(json.dumps(mediacloud))
    return root


@pytest.mark.parametrize(
    ("gold", "found", "kind"),
    [
        (date(2024, 5, 2), date(2024, 5, 2), None),
        (date(2024, 5, 2), None, "no date"),
        (date(2024, 12, 31), date(2025, 1, 1), "off by a day"),
        (date(2024, 5, 2), date(2023, 5, 2), "wrong year"),
        (date(2024, 5, 2), date(2024, 5, 20), "wrong day"),
        (None, None, None),
        (None, date(2024, 5, 2), "gold has none"),
    ],
)
def test_error_kinds(gold: date | None, found: date | None, kind: str | None) -> None:
    assert error_kind(gold, found) == kind


def test_scores_per_gold_file_and_overall(tmp_path: Path) -> None:
    pages = read_pages(_folder(tmp_path))
    assert [(p.dataset, p.gold) for p in pages] == [
        ("default", date(2024, 5, 2)),
        ("default", date(2024, 5, 2)),
        ("mediacloud", date(2023, 11, 20)),
        ("mediacloud", None),
    ]
    scores, mistakes = evaluate(pages, "storyline")
    by_part = {s.dataset: s for s in scores}
    assert (by_part["default"].right, by_part["default"].errors["off by a day"]) == (1, 1)
    assert (by_part["mediacloud"].right, by_part["mediacloud"].errors["no date"]) == (1, 1)
    assert (by_part["all"].pages, by_part["all"].accuracy, by_part["all"].coverage) == (4, 0.5, 0.5)
    assert [(m.url, m.kind) for m in mistakes] == [
        ("https://herald.example/strike", "off by a day"),
        ("https://elwyn.example/news", "no date"),
    ]


def test_cli_scores_storyline_beside_htmldate(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "published", "--data", str(_folder(tmp_path)), "--json", "--mistakes"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(s["system"], s["dataset"]) for s in report["scores"]] == [
        (system, part) for system in ("storyline", "htmldate") for part in ("default", "mediacloud", "all")
    ]
    assert all(
        0 <= s["accuracy"] <= 1 and s["pages"] == sum(s["errors"].values()) + s["right"] for s in report["scores"]
    )
    assert {m["kind"] for m in report["mistakes"]} == {"off by a day", "no date"}


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissing, match="htmldate-eval"):
        read_pages(tmp_path)
    missing = CliRunner().invoke(app, ["eval", "published", "--data", str(tmp_path)])
    assert missing.exit_code == 2
    assert "htmldate-eval" in missing.output


def test_a_page_ingest_refuses_is_dated_by_the_reader_and_counted_apart(tmp_path: Path) -> None:
    folder = tmp_path / "htmldate-eval"
    (folder / "eval").mkdir(parents=True)
    links = "".join(f'<li><a href="/n{i}">Harbour notice {i}</a></li>' for i in range(8))
    menu = (
        '<html><head><title>Notices</title><meta property="article:published_time" content="2024-06-11T08:00:00">'
        f"</head><body><ul>{links}</ul></body></html>"
    )
    (folder / "eval" / "menu.html.gz").write_bytes(gzip.compress(menu.encode()))
    (folder / "eval" / "right.html.gz").write_bytes(
        gzip.compress(_page('<meta property="article:published_time" content="2024-05-02T09:00:00">'))
    )
    (folder / "eval_default.json").write_text(json.dumps({
        "https://herald.example/notices": {"file": "menu.html", "date": "2024-06-11"},
        "https://herald.example/ferry": {"file": "right.html", "date": "2024-05-02"},
    }))  # fmt: skip
    (folder / "eval_mediacloud_2020.json").write_text("{}")
    scores, mistakes = evaluate(read_pages(tmp_path), "storyline")
    overall = scores[-1]
    assert (overall.right, overall.refused, overall.refused_right) == (2, 1, 1)
    assert (overall.accuracy, overall.ingest_accuracy, mistakes) == (1.0, 0.5, [])


@pytest.mark.slow
def test_storyline_dates_real_gold_pages(shared_data: Path) -> None:
    scores, _ = evaluate(read_pages(shared_data, limit=10), "storyline")
    assert scores[-1].pages == 20 and scores[-1].accuracy >= 0.7
