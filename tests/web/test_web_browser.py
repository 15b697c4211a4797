"""The pages in headless Chromium: the seed story highlighted, claims linked, search, upload, no script injection.

Screenshots for the docs: benchmarks/screenshots.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyline.config import Settings
from storyline.web.app import create_app
from storyline.web.background import CHROMIUM, chromium_context, running
from tests.web.conftest import WAIT_FOR_COMPARISON

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture(scope="module")
def base_url(library_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server on a private copy of the library (the upload test writes to it)."""
    copy = tmp_path_factory.mktemp("browser") / "library.db"
    source, target = sqlite3.connect(library_db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    with running(create_app(Settings(db_path=copy), comparison_wait_s=WAIT_FOR_COMPARISON)) as url:
        yield url


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    with chromium_context(viewport={"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture
def page(browser_context, base_url: str):
    page = browser_context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert dialogs == [], f"a script ran: {dialogs}"  # no injected alert() ever fires
    page.close()


def open_seed_story(page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.locator(".story-card", has_text="2 articles").locator("a.story-link").click()
    page.wait_for_selector(".columns .column")


def test_seed_story_highlights_shared_and_unique_claims(page, base_url: str) -> None:
    open_seed_story(page, base_url)
    assert page.locator(".column").count() == 2
    for verdict in ("shared", "unique"):
        claims = page.locator(f".column .claim.{verdict}")
        assert claims.count() >= 1, verdict
        background = claims.first.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), verdict
    assert page.locator(".column", has_text="Kanani").count() == 2


def test_selecting_a_shared_claim_focuses_its_counterpart_in_the_other_article(page, base_url: str) -> None:
    open_seed_story(page, base_url)
    page.locator(".column").first.locator(".claim.shared").first.click()
    focused_columns = page.locator(".column").filter(has=page.locator(".claim.focus"))
    assert focused_columns.count() == 2
    assert page.locator("tr.group.focus").count() >= 1


def _lines(locator) -> int:
    """How many lines an element's text takes: its text's boxes at distinct heights."""
    return locator.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; }"
    )


def test_table_headings_and_verdicts_keep_their_words(page, base_url: str, tmp_path: Path) -> None:
    # Breaking "anywhere" (for a 200-letter word) let a table's widest column cut "Verdict" into "Verd / ict".
    open_seed_story(page, base_url)
    assert _lines(page.locator(".claims th").first) == 1
    assert _lines(page.locator(".claims .verdict").first) == 1
    report = tmp_path / "story.html"
    report.write_bytes(httpx.get(f"{base_url}/api{page.url.removeprefix(base_url)}/report").content)  # /api/stories/ID/report
    page.goto(report.as_uri())
    headings = page.locator("table th")
    assert [_lines(headings.nth(n)) for n in range(headings.count())] == [1] * headings.count()


def test_search_from_the_header_marks_matches(page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "Kanani")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector(".hits li")
    assert page.locator(".hits li").count() == 2
    assert page.locator(".hits mark").first.inner_text() == "Kanani"


def test_upload_adds_an_article(page, base_url: str, tmp_path: Path) -> None:
    upload = tmp_path / "ferry.txt"
    upload.write_text("Ferry service resumes in Port Alba\n\nThe ferry between Port Alba and Kell resumed on Friday.\n")
    page.goto(base_url + "/upload")
    page.set_input_files("input[type=file]", str(upload))
    page.click("form#upload button")
    link = page.locator("#upload-result a").first
    link.wait_for()
    assert "1 new" in page.locator("#upload-result").inner_text()
    assert "story started (1 article): Port Alba, Kell: Ferry service resumes in Port Alba" in page.locator("#upload-result").inner_text()
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Ferry service resumes in Port Alba"


def test_upload_names_the_refused_file_and_lists_skipped_records(page, base_url: str, tmp_path: Path, warc_bytes) -> None:
    page.goto(base_url + "/upload")
    too_big = tmp_path / "harbour-archive.txt"
    too_big.write_text("Harbour archive\n\n" + "Port Alba ferry log. " * 300_000)  # over the 5 MiB body limit
    page.set_input_files("input[type=file]", str(too_big))
    page.click("form#upload button")
    page.locator("#upload-result ul.error").wait_for()
    assert page.locator("#upload-result").inner_text().startswith("harbour-archive.txt: request body over the upload limit")
    story = "<p>The Port Alba ferry to Kell was cancelled on Monday after a storm, the harbour office said.</p>" * 3
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(warc_bytes([
        ("https://alba.example/ferry", "text/html", f"<html><body><article><h1>Ferry cancelled</h1>{story}</article></body></html>".encode()),
        ("https://alba.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ]))  # fmt: skip
    page.set_input_files("input[type=file]", str(crawl))
    page.click("form#upload button")
    page.locator("#upload-result ul.ok").wait_for()
    result = page.locator("#upload-result").inner_text()
    assert "1 new, 0 already stored, 0 new versions, 1 skipped, 0 failed" in result
    assert "skipped: crawl.warc#" in result


def test_hostile_article_shows_as_text(page, base_url: str) -> None:
    page.goto(base_url + "/articles/hostile-1")
    assert page.locator("h1").inner_text().startswith("<script>alert('title')</script>")
    page.locator("details.stripped summary").click()
    assert "onerror=alert('text-img')" in page.locator("details.stripped").inner_text()
    story = page.locator("a[href^='/stories/']").first
    story.click()
    page.wait_for_selector(".column")
    assert page.locator("img").count() == 0  # no injected element exists
