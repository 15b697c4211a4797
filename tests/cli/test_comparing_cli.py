"""`storyline compare` and `story` output: the format from --format or the output file's extension."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Claim, ClaimGroup, Comparison
from storyline.service import comparison as service

runner = CliRunner()


@pytest.fixture
def files(tmp_path, monkeypatch):
    """Two article files whose comparison is made up (no models)."""
    made = Comparison(
        articles=[
            {"id": "a", "title": "Port Elwyn ferry strike ends", "outlet": "Elwyn Courier", "published": "2025-03-03T00:00:00", "language": "en"},
            {"id": "b", "title": "Ferry strike over", "outlet": "Elwyn Tribune", "published": None, "language": "en"},
        ],
        claims=[Claim(id="a:c0", article="a", text="Olga Petrenko ended the strike.", start=0, end=31),
                Claim(id="b:c0", article="b", text="Petrenko ended the strike.", start=0, end=26)],
        groups=[ClaimGroup(id="g0", claims=["a:c0", "b:c0"], verdict="shared", outlets=["Elwyn Courier", "Elwyn Tribune"])],
        summary={"claims": 2, "shared": 1, "unique": 0, "conflicts": 0},
    )  # fmt: skip
    monkeypatch.setattr(service, "compare_files", lambda paths: made)
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


@pytest.mark.parametrize(
    ("name", "starts"), [("report.html", "<!DOCTYPE html>"), ("report.htm", "<!DOCTYPE html>"), ("report.md", "# Story"),
                         ("report.markdown", "# Story"), ("report.json", "{"), ("report.out", "{"),
                         ("report.txt", "Story comparison: Port Elwyn"), ("REPORT.TXT", "Story comparison"),
                         ("report.log", "Story comparison")],
)  # fmt: skip
def test_the_output_files_extension_picks_the_format(tmp_path, files, name, starts):
    result = runner.invoke(app, ["compare", *files, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


def test_a_text_file_holds_the_terminal_view_without_colour_codes(tmp_path, files):
    result = runner.invoke(app, ["compare", *files, "-o", str(tmp_path / "report.txt")], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.output
    written = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "Olga Petrenko ended the strike." in written and "Shared claims (1)" in written
    assert "\x1b" not in written


def test_an_explicit_format_wins_over_the_extension(tmp_path, files):
    result = runner.invoke(app, ["compare", *files, "--format", "json", "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "report.html").read_text(encoding="utf-8"))["summary"]["claims"] == 2


def test_the_terminal_view_can_be_asked_for_by_name(tmp_path, files):
    shown = runner.invoke(app, ["compare", *files, "--format", "Terminal"], env={"COLUMNS": "120"})
    assert shown.exit_code == 0, shown.output
    assert "2 claims: 1 group shared by several outlets" in shown.output and not shown.output.startswith("{")
    written = runner.invoke(app, ["compare", *files, "--format", "terminal", "-o", str(tmp_path / "view.txt")])
    assert written.exit_code == 0, written.output
    assert "Olga Petrenko ended the strike." in (tmp_path / "view.txt").read_text(encoding="utf-8")


def test_an_unknown_format_names_every_choice(files):
    result = runner.invoke(app, ["compare", *files, "--format", "pdf"])
    assert result.exit_code == 2
    assert "choose one of terminal, json, md, html" in result.output


def test_a_file_that_cannot_be_read_fails_the_run_after_the_others_are_compared(tmp_path, files, monkeypatch):
    """As `storyline ingest`: one "failed: FILE: reason" line, the comparison of the rest, exit 1."""
    made = service.compare_files(files)
    made.summary = {**made.summary, "skipped": [{"source": "ferry-notes.html", "error": "binary file (contains NUL bytes)"}]}
    monkeypatch.setattr(service, "compare_files", lambda paths: made)
    result = runner.invoke(app, ["compare", *files, "ferry-notes.html", "--format", "json"])
    assert result.exit_code == 1
    assert "failed: ferry-notes.html: binary file (contains NUL bytes)" in result.output
    assert json.loads(result.stdout)["summary"]["claims"] == 2
