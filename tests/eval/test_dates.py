"""eval.dates: TimeML reading and TempEval-3 scoring on a small hand-made document."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.data import DataMissing
from storyline.eval.dates import evaluate, parse_timeml, read_documents
from storyline.model import TimeExpression

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Shares fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> at AT&amp;T. \
Profit rose for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>, \
and <TIMEX3 tid="t3" type="DATE" value="1997-Q4">the fourth quarter</TIMEX3> was weak.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tempeval3-tbaq" / "TimeBank"
    folder.mkdir(parents=True)
    (folder / "TEST1.tml").write_text(TIMEML, encoding="utf-8")
    return tmp_path


def test_parse_timeml_offsets_and_anchor(data_dir: Path) -> None:
    doc = parse_timeml(data_dir / "tempeval3-tbaq" / "TimeBank" / "TEST1.tml")
    assert doc.anchor == datetime(1998, 1, 8)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["yesterday", "three years", "the fourth quarter"]
    assert "AT&T" in doc.text
    assert [t.value for t in doc.timexes] == ["1998-01-07", "P3Y", "1997-Q4"]


def test_scores_of_the_storyline_tagger(data_dir: Path) -> None:
    scores = evaluate(read_documents(data_dir))
    assert scores.gold == 3
    assert scores.relaxed["recall"] == 1.0
    assert scores.value_accuracy == 1.0


def test_strict_and_relaxed_differ_on_partial_spans(data_dir: Path) -> None:
    docs = read_documents(data_dir)
    text = docs[0].text
    start = text.index("fourth quarter")

    def partial(_: str, __: datetime | None) -> list[TimeExpression]:
        return [TimeExpression("fourth quarter", start, start + 14, "1998-Q4")]

    scores = evaluate(docs, tagger=partial, max_errors=10)
    assert scores.strict["precision"] == 0.0
    assert scores.relaxed["precision"] == 1.0
    assert scores.value_accuracy == 0.0
    assert {e["kind"] for e in scores.errors} == {"value", "missed"}


def test_missing_data_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataMissing):
        read_documents(tmp_path)
    result = CliRunner().invoke(app, ["eval", "dates", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "tempeval3-tbaq" in result.output


def test_cli_json_and_document_filter(data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "dates", "--data", str(data_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["value_accuracy"] == 1.0
    result = CliRunner().invoke(app, ["eval", "dates", "--data", str(data_dir), "--json", "--only", "wsj,APW"])
    assert json.loads(result.output)["documents"] == 0


def test_shared_tempeval_reaches_target(shared_data: Path) -> None:
    scores = evaluate(read_documents(shared_data))
    assert scores.relaxed["f1"] >= 0.85
    assert scores.value_accuracy >= 0.80
