"""Bad input: a clear reason per file or record, and the rest still read."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from storyline.ingest import IngestError, read_file, read_paths, reading
from storyline.ingest.sniff import MAX_NESTING


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _errors(paths, limit):
    """File name -> the (last) error of that file or of one of its records."""
    return {Path(o.source.split("#")[0]).name: o.error for o in read_paths(paths, max_file_bytes=limit) if o.error}


@pytest.fixture
def good(tmp_path: Path, story: list[str]) -> Path:
    return _write(tmp_path / "good.txt", "Storm hits northern coast\n\n" + "\n\n".join(story))


def test_binary_empty_and_oversized_refused_rest_continues(tmp_path: Path, good: Path, limit: int) -> None:
    binary = _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = _write(tmp_path / "empty.txt", "  \n\n")
    big = _write(tmp_path / "big.txt", "x" * 2000)
    outcomes = list(read_paths([binary, empty, big, good], max_file_bytes=1500))
    reasons = {Path(o.source).name: o.error for o in outcomes}
    assert "binary" in reasons["photo.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert "over the 1500-byte limit" in reasons["big.txt"]
    assert reasons["good.txt"] is None and outcomes[-1].article.title == "Storm hits northern coast"


def test_an_over_long_article_is_refused_naming_file_and_record(tmp_path: Path, good: Path, limit: int) -> None:
    para = "The Port Elwyn council debated the harbour budget until late in the evening. "
    long_text = _write(tmp_path / "minutes.txt", "Council minutes\n\n" + (para * 40 + "\n\n") * 40)
    records = [{"title": "Short", "text": para}, {"title": "Long", "text": para * 400}]
    export = _write(tmp_path / "x.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    outcomes = list(read_paths([long_text, export, good], max_file_bytes=limit, max_article_chars=10_000))
    errors = {o.source: o.error for o in outcomes if o.error}
    assert set(errors) == {str(long_text), f"{export}#L2"}
    assert all("over the 10,000-character limit (max_article_chars)" in e for e in errors.values())
    assert sum(o.article is not None for o in outcomes) == 2  # the short record and good.txt


def test_oversized_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = _write(tmp_path / "big.txt", "x" * 5000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    (outcome,) = read_paths([big], max_file_bytes=100)
    assert "over the 100-byte limit" in outcome.error


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Élection à Genève\n\nLe président a déclaré que la réforme sera présentée à l'été, après des mois de négociations difficiles."),
        ("cp1251", "Выборы в Москве\n\nПрезидент заявил, что реформа будет представлена летом после долгих и трудных переговоров с регионами."),
    ],
)  # fmt: skip
def test_legacy_encodings_decoded(tmp_path: Path, limit: int, encoding: str, text: str) -> None:
    path = _write(tmp_path / "legacy.txt", text.encode(encoding))
    (outcome,) = read_paths([path], max_file_bytes=limit)
    assert outcome.error is None
    assert outcome.article.title == text.split("\n")[0]


def test_undecodable_bytes_refused(tmp_path: Path, limit: int) -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(3000) if (i * 37 + 11) % 256 not in (0, 10, 13))
    path = _write(tmp_path / "noise.dat", noise)
    (outcome,) = read_paths([path], max_file_bytes=limit)
    assert outcome.article is None and outcome.error


def test_malformed_json_names_position(tmp_path: Path, good: Path, limit: int) -> None:
    bad = _write(tmp_path / "bad.json", '{"title": "x", "text": "unterminated}\n')
    reasons = _errors([bad, good], limit)
    assert reasons["bad.json"].startswith("malformed JSON") and "line 1" in reasons["bad.json"]
    assert "good.txt" not in reasons


def test_json_nested_too_deeply_is_malformed_not_a_crash(tmp_path: Path, good: Path, limit: int, story: list[str]) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # past the json module's recursion limit
    nested = _write(tmp_path / "nested.json", deep)
    lines = _write(tmp_path / "lines.jsonl", deep + "\n" + json.dumps({"title": "Two", "text": story[0]}))
    reasons = _errors([nested, lines, good], limit)
    assert reasons["nested.json"] == "malformed JSON: nested too deeply at line 1 column 1"
    assert reasons["lines.jsonl"].startswith("malformed JSON on line 1: nested too deeply")
    assert "good.txt" not in reasons
    assert [o.article.title for o in read_paths([lines], max_file_bytes=limit) if o.article] == ["Two"]


def test_jsonl_bad_line_reported_with_number_rest_read(tmp_path: Path, limit: int, story: list[str]) -> None:
    lines = [
        json.dumps({"title": "One", "text": story[0]}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"url": "https://n.example/no-text"}),
        json.dumps({"title": "Four", "text": story[1]}),
    ]
    path = _write(tmp_path / "items.jsonl", "\n".join(lines))
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["One", "Four"]
    errors = [(o.source.rsplit("#", 1)[1], o.error) for o in outcomes if o.error]
    assert errors[0][0] == "L2" and "line 2" in errors[0][1]
    assert errors[1][0] == "L3" and "not an object" in errors[1][1]
    assert errors[2][0] == "L4" and "no text" in errors[2][1]


def test_malformed_feed_and_xml(tmp_path: Path, good: Path, limit: int) -> None:
    feed = _write(tmp_path / "broken.rss", "<?xml version='1.0'?><rss><channel><item><title>Half")
    xml = _write(tmp_path / "data.xml", "<?xml version='1.0'?><catalog><book id='1'/></catalog>")
    reasons = _errors([feed, xml, good], limit)
    assert reasons["broken.rss"].startswith("malformed feed")
    assert reasons["data.xml"]
    assert "good.txt" not in reasons


def test_a_feed_nested_too_deeply_is_refused_at_once_and_one_nested_within_the_limit_read(
    tmp_path: Path, good: Path, limit: int
) -> None:
    head = "<?xml version='1.0'?><rss><channel><title>Elwyn Wire</title><item><title>Pier opens in Port Elwyn</title>"
    deep = "<x>" * 50_000 + "Olga Petrenko opened the pier." + "</x>" * 50_000
    nested = _write(tmp_path / "nested.rss", f"{head}<description>ok</description>{deep}</item></channel></rss>")
    started = time.perf_counter()
    reasons = _errors([nested, good], limit)
    assert time.perf_counter() - started < 3  # feedparser took 9 s on it
    assert reasons == {"nested.rss": f"malformed feed: nested too deeply (over {MAX_NESTING} levels)"}
    within = "<x>" * 100 + "</x>" * 100
    fine = _write(tmp_path / "fine.rss", f"{head}<description>Olga Petrenko opened the pier.</description>{within}</item></channel></rss>")
    (outcome,) = read_paths([fine], max_file_bytes=limit)
    assert outcome.article.title == "Pier opens in Port Elwyn"


def test_a_cut_off_feed_keeps_its_whole_entries_and_warns_once(tmp_path: Path, limit: int) -> None:
    items = "".join(f"<item><title>Pier {n} opens in Port Elwyn</title><description>Olga Petrenko opened pier {n}.</description></item>"
                    for n in range(3))
    feed = _write(tmp_path / "cut.rss", f"<?xml version='1.0'?><rss><channel><title>Elwyn Wire</title>{items}<item><title>Pier")
    whole = _write(tmp_path / "whole.rss", f"<?xml version='1.0'?><rss><channel><title>Elwyn Wire</title>{items}</channel></rss>")
    cut_outcomes = list(read_paths([feed], max_file_bytes=limit))
    assert [o.article.title for o in cut_outcomes if o.article][:3] == [f"Pier {n} opens in Port Elwyn" for n in range(3)]
    warnings = [o.warning for o in cut_outcomes if o.warning]
    assert len(warnings) == 1 and warnings[0].startswith("malformed feed") and "entries may be missing" in warnings[0]
    assert not any(o.warning for o in read_paths([whole], max_file_bytes=limit))


def test_malformed_warc(tmp_path: Path, good: Path, limit: int, warc_bytes, html_page) -> None:
    whole = warc_bytes([("https://example.com/a", "text/html", html_page().encode())])
    cut_headers = _write(tmp_path / "cut.warc", whole[:200])
    cut_payload = _write(tmp_path / "short.warc", whole[: len(whole) - 200])
    garbage = _write(tmp_path / "junk.warc", b"WARC/1.0\r\nnot a header\r\n\r\n")
    reasons = _errors([cut_headers, cut_payload, garbage, good], limit)
    assert reasons["cut.warc"].startswith("WARC file is truncated (an interrupted crawl?): it breaks off after 0 whole")
    assert reasons["short.warc"] == reasons["cut.warc"]
    assert reasons["junk.warc"].startswith("malformed WARC")
    assert "good.txt" not in reasons


def test_a_warc_cut_inside_a_status_line_fails_and_is_not_skipped(tmp_path: Path, limit: int, warc_bytes, html_page) -> None:
    first = ("https://example.com/a", "text/html", html_page(title="Ferry strike halts crossings").encode())
    second = ("https://example.com/b", "text/html", html_page(title="Port Elwyn reopens its pier").encode())
    whole = warc_bytes([first, second])
    cut = _write(tmp_path / "cut.warc", whole[: whole.rindex(b"HTTP/1.1 200") + 2])  # "HT"
    outcomes = list(read_paths([cut], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Ferry strike halts crossings"]
    assert not any(o.skipped for o in outcomes)
    assert [o.error for o in outcomes if o.error] == [
        ("WARC file is truncated (an interrupted crawl?): it breaks off after 1 whole record(s); those were read, "
         "the one cut short is left out")]


def test_missing_and_unreadable_paths(
    tmp_path: Path, good: Path, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = _write(tmp_path / "locked.txt", "Title\n\nBody text of a locked file that nobody may read.")
    real_open = open

    def deny_locked(path: Path, *args: object, **kwargs: object) -> object:
        """Stands in for ``open``: refuses the locked file only."""
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", deny_locked, raising=False)  # works as root too
    outcomes = list(read_paths([tmp_path / "missing.txt", "/dev/null", locked, good], max_file_bytes=limit))
    reasons = {Path(o.source).name: o.error for o in outcomes}
    assert reasons["missing.txt"] == "no such file or directory"
    assert reasons["null"] == "not a regular file"
    assert reasons["locked.txt"] == "cannot read: Permission denied"
    assert reasons["good.txt"] is None


def test_read_file_raises_with_reason(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty file"):
        read_file(_write(tmp_path / "empty.txt", ""))


def test_text_without_body_refused(tmp_path: Path, limit: int) -> None:
    path = _write(tmp_path / "widgets.txt", "Share\n\nTweet\n\nPrevious Article\n")
    (outcome,) = read_paths([path], max_file_bytes=limit)
    assert outcome.error == "no article text found"


def test_json_errors_say_where_once_in_one_phrase(tmp_path: Path, limit: int) -> None:
    lines = _write(tmp_path / "items.jsonl", '{"title": "x", "text": "unterminated}\n{"title": "y"}\n{"title": }\n')
    errors = [o.error for o in read_paths([lines], max_file_bytes=limit) if o.error]
    assert errors == ["malformed JSON on line 1: Unterminated string starting at column 24",
                      "malformed JSON on line 3: Expecting value at column 11"]
    whole = _write(tmp_path / "item.json", '{"title": "x", "text": "unterminated}\n')
    assert _errors([whole], limit) == {"item.json": "malformed JSON: Invalid control character at line 1 column 38"}


def test_folder_assets_skipped_named_files_read(tmp_path: Path, limit: int, html_page) -> None:
    saved = tmp_path / "Storm hits_files"
    saved.mkdir()
    _write(tmp_path / "Storm hits.html", html_page())
    for name in ("style.css", "app.js", "photo.jpg", "font.woff2"):
        _write(saved / name, b"\x89PNG\x00\x00" if name == "photo.jpg" else "body { color: red }")
    outcomes = list(read_paths([tmp_path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Storm hits northern coast"]
    skipped = {Path(o.source).name: o.error for o in outcomes if o.skipped}
    assert skipped == {
        "app.js": "not an article format (.js)",
        "font.woff2": "not an article format (.woff2)",
        "photo.jpg": "not an article format (.jpg)",
        "style.css": "not an article format (.css)",
    }
    (named,) = read_paths([saved / "photo.jpg"], max_file_bytes=limit)
    assert not named.skipped and named.error == "binary file (contains NUL bytes)"


def test_a_page_of_only_a_cookie_banner_and_widgets_is_refused(tmp_path: Path, limit: int) -> None:
    page = _write(tmp_path / "notice.html", (
        "<html><head><title>Elwyn Post</title></head><body><div class='cookie'>We use cookies to improve your "
        "experience. <button>Accept all cookies</button></div><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<p>Share this</p><a href='/prev'>Older post</a> <a href='/next'>Newer post</a>"
        "<footer>© 2024 Elwyn Post</footer></body></html>"))
    assert "no extractable text" in _errors([page], limit)["notice.html"]


def test_a_page_of_scripts_and_a_menu_is_refused(tmp_path: Path, limit: int) -> None:
    # the extractor fell back to the menu's word: the page was stored as an article "Home"
    menu = _write(tmp_path / "menu.html", "<html><body><script>var a = 1;</script><nav>Home</nav>"
                  "<script>document.write('x')</script></body></html>")
    short = _write(tmp_path / "short.html", "<html><body><nav>Home</nav><p>The Port Elwyn ferry workers went on "
                   "strike on Monday, Olga Petrenko said.</p></body></html>")
    errors = _errors([menu, short], limit)
    assert "no extractable text" in errors["menu.html"] and "short.html" not in errors


def test_warc_records_that_are_no_page_are_skipped_with_a_reason(tmp_path: Path, limit: int, html_page) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, status, content_type, payload in [
        ("https://herald.example.rt/pier", "200 OK", "text/html", html_page().encode()),
        ("https://herald.example.rt/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://herald.example.rt/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
    ]:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    writer.write_record(writer.create_revisit_record(
        "https://herald.example.rt/pier", digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        refers_to_uri="https://herald.example.rt/pier", refers_to_date="2024-03-11T10:00:00Z"))
    path = _write(tmp_path / "crawl.warc", buffer.getvalue())
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Storm hits northern coast"]
    assert [o.error for o in outcomes if o.skipped] == [
        "WARC record not HTML (image/png)", "WARC record with HTTP status 404",
        "WARC revisit record (a repeat capture whose original is not in this file, no page: the page is read from the crawl that holds it)"]
    assert not any(o.error and not o.skipped for o in outcomes)


def test_csv_rows_with_an_unreadable_date_or_no_text_are_kept_with_a_warning(tmp_path: Path, limit: int) -> None:
    rows = (
        "title,url,date,text\n"
        "Ferry fares rise,https://herald.example/fares,sometime soon,Fares to Port Elwyn rise by a tenth in May.\n"
        "Ferry strike ends,https://herald.example/strike,2026-05-09,\n"
        "Tram line opens,https://herald.example/tram,2026-05-10,The new tram line in Ruritania opened on Sunday.\n"
    )
    outcomes = list(read_paths([_write(tmp_path / "news.csv", rows)], max_file_bytes=limit))
    assert [o.ok for o in outcomes] == [True, True, True]
    fares, strike, tram = outcomes
    assert fares.warning == "row at line 2: field 'date' holds no readable date ('sometime soon'): kept undated"
    assert fares.article.published is None
    assert strike.warning == "row at line 3: empty text field: kept as a headline-only article"
    assert strike.article.extra["headline_only"] and tram.warning is None


def test_a_headline_dataset_without_a_text_column_is_read_without_warnings(tmp_path: Path, limit: int) -> None:
    rows = "title,url,publisher\nFerry strike ends,https://herald.example/strike,Ruritania Herald\n"
    outcomes = list(read_paths([_write(tmp_path / "heads.csv", rows)], max_file_bytes=limit))
    assert outcomes[0].ok and outcomes[0].warning is None


def test_a_file_of_no_words_in_any_language_is_refused_the_rest_read(tmp_path: Path, good: Path, limit: int) -> None:
    """A page of one run of letters, or a base64 dump saved as text, is no article: it was stored and started a
    story labelled by its first letters."""
    letters = _write(tmp_path / "letters.html", "D" * 3000)
    encoded = _write(tmp_path / "attachment.txt", "\n".join(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"[i:] * 3
        for i in range(40)
    ))
    errors = _errors([letters, encoded, good], limit)
    assert errors == {name: "no words in any language (encoded data, or letters run together)" for name in ("letters.html", "attachment.txt")}
