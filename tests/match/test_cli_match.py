"""`storyline match` and `storyline stories` through the Typer app (USE replaced by a cheap encoder)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.service import stories as service

from test_stream import QUAKE, QUAKE_REWRITE  # noqa: E402  (sibling test module on sys.path)


@pytest.fixture(autouse=True)
def fake_embedder(monkeypatch, encoder):
    monkeypatch.setattr(service, "_encode", lambda ws, texts: encoder(texts))


def test_match_two_files_json(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Quake kills 1,300 in Turkey\n\n" + QUAKE, encoding="utf-8")
    b.write_text("Turkey earthquake toll passes 1,300\n\n" + QUAKE_REWRITE, encoding="utf-8")
    result = CliRunner().invoke(app, ["match", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["label"] == "same story"
    assert {"probability", "facets", "semeval", "reasons"} <= set(data)


def test_match_missing_file_names_it(tmp_path):
    result = CliRunner().invoke(app, ["match", str(tmp_path / "nope.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code != 0
    assert "nope.txt" in result.output


def test_match_pairs_one_line_per_pair(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    good = {"id": "p1", "a": {"title": "Quake", "text": QUAKE}, "b": {"title": "Quake", "text": QUAKE_REWRITE}}
    no_b = {"id": "p3", "a": {"title": "Quake", "text": QUAKE}}
    unnamed = {"a": {"title": "Quake", "text": QUAKE}, "b": {"title": "Quake", "text": QUAKE}}
    lines_in = [json.dumps(good), "{not json", json.dumps(no_b), "", '["a", "b"]', json.dumps(unnamed), "null"]
    pairs.write_text("\n".join(lines_in) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["match", "--pairs", str(pairs), "--json"])
    assert result.exit_code == 1  # every good pair scored; the exit says some were not
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["p1", "line 2", "p3", "line 5", "line 6", "line 7"]  # blank lines skipped
    assert lines[0]["label"] == "same story" and lines[4]["probability"] > 0.9
    assert [line["error"] for line in lines[1:4]] == [
        "line 2 is not JSON: Expecting property name enclosed in double quotes",
        "line 3: no 'b' article (expected {id, a: {...}, b: {...}})",
        "line 5: expected a JSON object {id, a: {...}, b: {...}}, got an array",
    ]  # was "record 3: 'b'" and "list indices must be integers or slices, not str"
    assert lines[5]["error"] == "line 7: expected a JSON object {id, a: {...}, b: {...}}, got null"  # was "a NoneType"


def _scored_ids(tmp_path, lines_in: list[dict]) -> tuple[int, list[dict]]:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(map(json.dumps, lines_in)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["match", "--pairs", str(pairs), "--json"])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


_PAIR = {"a": {"title": "Quake", "text": QUAKE}, "b": {"title": "Quake", "text": QUAKE_REWRITE}}


def test_match_pairs_refuses_an_id_an_earlier_line_has(tmp_path):
    code, lines = _scored_ids(tmp_path, [{"id": "p1", **_PAIR}, {"id": "p1", **_PAIR}, {"id": 4, **_PAIR}, {"id": 4, **_PAIR}])
    assert code == 1 and [line["id"] for line in lines] == ["p1", "p1", 4, 4]
    assert "error" not in lines[0] and "error" not in lines[2]
    assert lines[1] == {"id": "p1", "error": "line 2: id \"p1\" already names line 1's pair: give each pair its own id"}
    assert lines[3]["error"] == "line 4: id 4 already names line 3's pair: give each pair its own id"


def test_a_line_without_an_id_is_named_so_that_no_numeric_id_collides_with_it(tmp_path):
    code, lines = _scored_ids(tmp_path, [{"id": 2, **_PAIR}, _PAIR])  # main named line 2 "2" and refused it
    assert code == 0 and [(line["id"], "error" in line) for line in lines] == [(2, False), ("line 2", False)]
    code, lines = _scored_ids(tmp_path, [_PAIR, {"id": "line 1", **_PAIR}, {"id": "line 4", **_PAIR}, _PAIR])
    assert code == 1 and [line["id"] for line in lines] == ["line 1", "line 1", "line 4", "line 4"]
    assert lines[1]["error"] == "line 2: id \"line 1\" already names line 1's pair: give each pair its own id"
    assert lines[3]["error"] == "line 4: it has no id, and the name it would take, \"line 4\", is line 3's id: give it an id"


def test_match_takes_settings_from_a_config_file_and_refuses_a_bad_one(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Quake kills 1,300 in Turkey\n\n" + QUAKE, encoding="utf-8")
    b.write_text("Turkey earthquake toll passes 1,300\n\n" + QUAKE_REWRITE, encoding="utf-8")
    strict = tmp_path / "strict.toml"
    strict.write_text("same_story = 1.0\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["match", str(a), str(b), "--json", "--config", str(strict)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] != "same story"
    strict.write_text("same_storey = 0.9\n", encoding="utf-8")
    refused = CliRunner().invoke(app, ["match", str(a), str(b), "--config", str(strict)])
    assert refused.exit_code == 2
    assert "unknown setting 'same_storey' (did you mean same_story?)" in refused.stderr
