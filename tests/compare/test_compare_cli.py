import json

from compare_helpers import bag_of_words
from typer.testing import CliRunner

from storyline.cli import app
from storyline.compare.story import compare
from storyline.service import comparison as service

BODY = "Council passes budget\n\nThe city council approved a new budget for road repairs on Friday evening.\n\n{}\n"


def _files(tmp_path):
    paths = []
    for name, extra in (("one.txt", "Officials confirmed the figures late at night."), ("two.txt", "Residents said they were relieved by the vote.")):
        path = tmp_path / name
        path.write_text(BODY.format(extra), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_compare_files_to_json_file(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "compare_articles", lambda articles: compare(articles, bag_of_words))
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    output = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["compare", *_files(tmp_path), "--format", "json", "--output", str(output)])
    assert result.exit_code == 0, result.output
    data = json.loads(output.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 2
    assert {g["verdict"] for g in data["groups"]} == {"shared", "unique"}


def test_compare_notes_articles_that_share_no_claim(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "compare_articles", lambda articles: compare(articles, bag_of_words))
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    related = CliRunner().invoke(app, ["compare", *_files(tmp_path), "--format", "json"])
    assert related.exit_code == 0 and "share no claim" not in related.output
    other = tmp_path / "other.txt"
    other.write_text("Harbour seals return\n\nMarine biologists counted forty seals on the northern sandbank.\n")
    unrelated = CliRunner().invoke(app, ["compare", _files(tmp_path)[0], str(other), "--format", "json"])
    assert unrelated.exit_code == 0 and "share no claim" in unrelated.output


def test_compare_refuses_an_unknown_format_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "compare_articles", lambda articles: compare(articles, bag_of_words))
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    output = tmp_path / "out.pdf"
    result = CliRunner().invoke(app, ["compare", *_files(tmp_path), "--format", "pdf", "--output", str(output)])
    assert result.exit_code != 0
    assert "unknown format" in result.output
    assert not output.exists()


def test_compare_needs_two_readable_files(tmp_path):
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "missing.txt" in result.output


def test_story_with_an_unknown_id_is_a_clear_error(tmp_path):
    from storyline.store import open_store

    open_store(tmp_path / "x.db").close()  # an empty library
    result = CliRunner().invoke(app, ["story", "no-such-story", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "no story with id 'no-such-story'" in result.output


def test_compare_takes_markdown_as_another_name_of_md(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "compare_articles", lambda articles: compare(articles, bag_of_words))
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    result = CliRunner().invoke(app, ["compare", *_files(tmp_path), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith("#")
