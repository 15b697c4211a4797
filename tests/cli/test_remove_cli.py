"""`storyline remove` through Typer's CliRunner: dry run, by id and by source, exit codes, stories after."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_library_cli import PAGE, RECORDS, invoke


@pytest.fixture()
def library(tmp_path):
    (tmp_path / "storm.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = str(tmp_path / "lib.db")
    result = invoke("ingest", str(tmp_path / "storm.txt"), str(tmp_path / "records.jsonl"), "--db", db)
    assert result.exit_code == 0, result.output
    return {"folder": tmp_path, "db": db}


def _ids(db: str) -> set[str]:
    return {a["id"] for a in json.loads(invoke("articles", "--json", "--db", db).stdout)}


def test_a_dry_run_lists_what_would_go_and_keeps_it(library):
    result = invoke("remove", "r1", "--dry-run", "--db", library["db"])
    assert result.exit_code == 0, result.output
    assert "would remove r1" in result.stdout and "Bridge opens to traffic" in result.stdout
    assert "dry run: nothing removed" in result.stdout
    assert "r1" in _ids(library["db"])


def test_remove_by_id_takes_the_article_out_of_its_story(library):
    result = invoke("remove", "r1", "--json", "--db", library["db"])
    assert result.exit_code == 0, result.output
    done = json.loads(result.stdout)
    assert not done["dry_run"] and [a["id"] for a in done["removed"]] == ["r1"]
    (change,) = done["stories"]  # the bridge story, told in two languages: it keeps the Spanish report
    assert change["removed"] == 1 and change["left"] == 1 and change["label"].endswith("Puente abierto")
    assert "r1" not in _ids(library["db"])
    listed = json.loads(invoke("stories", "--json", "--db", library["db"]).stdout)
    assert {story["id"]: story["articles"] for story in listed}[change["id"]] == ["r2"]
    assert all("r1" not in story["articles"] and "r1" not in story["reasons"] for story in listed)


def test_the_last_article_of_a_story_takes_the_story_with_it(library):
    done = json.loads(invoke("remove", "r1", "r2", "--json", "--db", library["db"]).stdout)
    (change,) = done["stories"]
    assert change["left"] == 0
    listed = json.loads(invoke("stories", "--json", "--db", library["db"]).stdout)
    assert change["id"] not in {story["id"] for story in listed} and all(story["articles"] for story in listed)


def test_remove_by_source_takes_every_record_of_the_file(library):
    result = invoke("remove", "--source", str(library["folder"] / "records.jsonl"), "--db", library["db"])
    assert result.exit_code == 0, result.output
    assert "removed 2 articles" in result.stdout
    assert _ids(library["db"]).isdisjoint({"r1", "r2"}) and len(_ids(library["db"])) == 1


def test_an_unknown_id_is_named_and_exits_1_the_others_still_go(library):
    result = invoke("remove", "r2", "nope", "--db", library["db"])
    assert result.exit_code == 1
    assert "not found: nope" in result.stderr and "r2" not in _ids(library["db"])


def test_remove_needs_something_to_remove(library):
    result = invoke("remove", "--db", library["db"])
    assert result.exit_code == 2 and "give article ids" in result.stderr
