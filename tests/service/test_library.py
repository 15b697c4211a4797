"""Ingest through the real readers, enrichment and story assignment; list, get, search, extract."""

from __future__ import annotations

import gc
import json
from datetime import datetime, timedelta, timezone

from storyline.config import Settings
from storyline.ingest import read_paths
from storyline.model import Article
from storyline.service import library, stories, web_queries
from storyline.service.comparison import compare_story
from storyline.service.workspace import Workspace
from storyline.store import StagedArticles


def test_ingest_counts_new_articles_and_names_failed_files(workspace, inputs):
    report = library.ingest(workspace, [inputs["folder"], inputs["folder"] / "missing.txt"])
    assert (report.new, report.duplicate, report.new_version) == (4, 0, 0)
    failed = {f.source: f.reason for f in report.failures}
    assert any("empty.txt" in s for s in failed) and any("missing.txt" in s for s in failed)
    assert all(reason for reason in failed.values())
    store = workspace.store
    assert store.count_articles() == 4
    assert store.unprocessed_articles() == []  # every stored article was enriched and assigned
    assert all(store.story_of(a.id) is not None for a in store.list_articles())


def test_an_increment_says_which_stories_it_started_and_which_grew(workspace, inputs, tmp_path):
    """Day 1 a story starts; day 2 a follow-up joins it: the report names the story that grew, and by what."""
    first = library.ingest(workspace, [inputs["report"]])
    (started,) = first.stories
    assert started.started and started.size == 1
    follow_up = tmp_path / "day2.txt"
    follow_up.write_text(
        "Danube river ports stay closed after the flooding\n\nBy Reuters\n\nMarch 4, 2021\n\n"
        "Heavy rain kept three river ports in Vienna closed on Thursday, officials said.\n\n"
        '"We have never seen water this high in March," harbour master Anna Berger told reporters again.\n',
        encoding="utf-8",
    )
    second = library.ingest(workspace, [follow_up])
    (grew,) = second.stories
    assert grew.id == started.id and not grew.started and grew.size == 2 and grew.added == second.article_ids
    assert second.to_dict()["stories"] == [
        {"id": grew.id, "label": grew.label, "added": grew.added, "size": 2, "started": False}
    ]
    assert library.ingest(workspace, [follow_up]).stories == []  # a duplicate goes nowhere new


def test_a_storys_articles_are_listed_by_publication_whatever_the_increment_they_came_in(workspace, inputs, tmp_path):
    """Day 2 brings a report published before day 1's: every listing of the story puts it first."""
    (day1,) = library.ingest(workspace, [inputs["report"]]).article_ids
    earlier = tmp_path / "day2.txt"
    earlier.write_text(
        "Danube river ports brace for the flooding\n\nBy Reuters\n\nMarch 2, 2021\n\n"
        "Heavy rain is expected to close three river ports in Vienna on Wednesday, officials said.\n\n"
        '"We have never seen water this high in March," harbour master Anna Berger told reporters.\n',
        encoding="utf-8",
    )
    (day2,) = library.ingest(workspace, [earlier]).article_ids
    story = workspace.store.story_of(day1)
    assert story.articles == [day1, day2]  # the stream's order: as ingested
    assert [a.id for a in stories.story_articles(workspace, story)] == [day2, day1]
    assert stories.story_article_ids(workspace, story) == [day2, day1]  # `stories --json`, from the dates alone
    _, (summary,) = web_queries.story_page(workspace, limit=10, offset=0)
    assert summary.articles == [day2, day1]
    assert [a["id"] for a in compare_story(workspace, story.id).articles] == [day2, day1]


def test_ingest_enriches_what_it_stores(workspace, inputs):
    library.ingest(workspace, [inputs["report"]])
    (article,) = library.list_articles(workspace)
    assert article.title == "Flooding closes river ports along the Danube"
    assert any("Vienna" in [e.name, *e.variants] for e in article.entities)
    assert article.quotes


def test_reingest_is_duplicate_and_changed_text_is_a_new_version(workspace, inputs):
    library.ingest(workspace, [inputs["records"]])
    again = library.ingest(workspace, [inputs["records"]])
    assert (again.new, again.duplicate) == (0, 3)
    records = [json.loads(line) for line in inputs["records"].read_text().splitlines()]
    records[0]["text"] += "\n\nThe opposition said it would appeal."
    inputs["records"].write_text("".join(json.dumps(r) + "\n" for r in records))
    changed = library.ingest(workspace, [inputs["records"]])
    assert (changed.new, changed.duplicate, changed.new_version) == (0, 2, 1)
    latest = library.get_article(workspace, "rec-late")
    assert latest.version == 2 and latest.text.endswith("would appeal.")
    assert workspace.store.unprocessed_articles() == []


def test_an_over_long_article_stored_earlier_never_blocks_the_pending_queue(tmp_path, enricher, inputs):
    ws = Workspace(Settings(db_path=tmp_path / "lib.db", max_article_chars=2_000))
    ws.resource("enricher", lambda: enricher)
    huge = Article(id="minutes", title="Council minutes", paragraphs=["The Port Elwyn council met again. " * 100])
    ws.store.add_articles([huge])  # stored by a run before the limit, never processed
    report = library.ingest(ws, [inputs["report"]])
    assert report.new == 1 and ws.store.unprocessed_articles() == []
    [failure] = report.failures
    assert failure.source == "minutes" and "over the 2,000-character limit" in failure.reason
    assert library.get_article(ws, "minutes").entities == []
    ws.close()


def test_ingest_order_is_dated_oldest_first_then_undated_in_input_order():
    def art(id: str, published: datetime | None) -> Article:
        return Article(id=id, title=id, paragraphs=["x"], published=published)

    plus2 = timezone(timedelta(hours=2))
    articles = [
        art("undated-1", None),
        art("b", datetime(2021, 1, 1, 12)),
        art("undated-2", None),
        art("a", datetime(2021, 1, 1, 13, tzinfo=plus2)),  # 11:00 UTC, before b
    ]
    assert [a.id for a in stories.by_publication(articles)] == ["a", "b", "undated-1", "undated-2"]


def test_articles_wait_on_disk_in_the_order_ingest_sorts_them_in():
    """The staged order (SQLite, by text key) is the order ``by_publication`` gives in memory: time zones, a
    fraction of a second and undated articles (in the order read) included."""
    plus2, minus5 = timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))
    times = [None, datetime(2021, 1, 1, 12), datetime(2021, 1, 1, 13, tzinfo=plus2), None,
             datetime(2021, 1, 1, 11, 0, 0, 500), datetime(2021, 1, 1, 6, tzinfo=minus5), datetime(999, 5, 1),
             datetime(2021, 1, 1, 12), datetime(2020, 12, 31, 23, 59, 59, 999999)]
    articles = [Article(id=f"a{n}", title=f"a{n}", paragraphs=["x"], published=t) for n, t in enumerate(times)]
    with StagedArticles() as staged:
        for article in articles:
            staged.add(article, stories.publication_key(article.published))
        assert len(staged) == len(articles)
        assert list(staged.in_order()) == stories.by_publication(articles)
    assert [a.id for a in stories.by_publication(articles)] == ["a6", "a8", "a2", "a5", "a4", "a1", "a7", "a0", "a3"]


def test_ingest_holds_a_batch_of_the_articles_read_not_all_of_them(workspace, tmp_path, monkeypatch):
    """Every article is read before the first is stored (to store them by publication); they wait on disk, so
    an ingest's memory does not grow with its pile: when a batch is stored, only about a batch is alive."""
    records = [
        {"title": f"Harbour report {n}", "text": f"The harbour board of Port Elwyn met for the {n}th time on Monday.",
         "published": f"2021-03-{1 + (n * 7) % 28:02d}T09:00:00Z", "language": "en"}
        for n in range(30)
    ]
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    def articles_alive() -> int:
        gc.collect()
        return sum(isinstance(o, Article) for o in gc.get_objects())

    alive: list[int] = []
    add_articles = workspace.store.add_articles

    def counting(batch):
        alive.append(articles_alive() - before)  # those of this ingest: other tests' may linger
        return add_articles(batch)

    monkeypatch.setattr(workspace.store, "add_articles", counting)
    monkeypatch.setattr(library, "_process_pending", lambda *args: None)  # storing is what is measured here
    before = articles_alive()
    report = library.ingest(workspace, [export])
    assert report.new == 30 and len(alive) == 15
    assert max(alive) <= 2 * workspace.settings.batch_size
    stored = [workspace.store.get_article(i) for i in report.article_ids]
    assert [a.published for a in stored] == sorted(a.published for a in stored)


def test_a_run_resumed_reads_what_an_earlier_run_left_a_batch_at_a_time(workspace, monkeypatch):
    """A run killed after storing a large pile left it unprocessed: the next one enriches it a batch at a time,
    never the whole pile read at once."""
    left = [Article(id=f"left-{n}", title=f"Harbour report {n}", paragraphs=[f"The harbour board met, the {n}th time."],
                    language="en") for n in range(9)]
    workspace.store.add_articles(left)
    sizes: list[int] = []
    enrich = library.enrich_articles

    def counting(ws, chunk, **kwargs):
        sizes.append(len(chunk))
        return enrich(ws, chunk, **kwargs)

    unprocessed = workspace.store.unprocessed_articles
    read: list[int] = []
    monkeypatch.setattr(
        workspace.store, "unprocessed_articles", lambda limit=None: read.append(limit) or unprocessed(limit)
    )
    monkeypatch.setattr(library, "enrich_articles", counting)
    report = library.ingest(workspace, [])
    assert None not in read and set(read) == {workspace.settings.batch_size}
    assert report.resumed == 9 and sum(sizes) == 9 and workspace.store.unprocessed_ids() == []


def test_ingest_completes_an_interrupted_run(workspace, inputs):
    # A run killed after storing (before enriching and assigning stories) left these behind.
    stored = [o.article for o in read_paths([inputs["records"]], max_file_bytes=10**6)]
    workspace.store.add_articles(stored)
    report = library.ingest(workspace, [inputs["records"]])
    assert (report.new, report.duplicate, report.resumed) == (0, 3, 3)
    assert workspace.store.unprocessed_articles() == []
    assert all(workspace.store.story_of(a.id) for a in stored)


def test_progress_is_reported_per_file_read_and_per_article_enriched(workspace, inputs, monkeypatch):
    monkeypatch.setattr(library, "ENRICH_CHUNK", 1)
    seen: list[tuple[str, int, int]] = []
    library.ingest(workspace, [inputs["records"], inputs["report"]], on_progress=lambda *step: seen.append(step))
    assert seen[:2] == [("reading", 1, 2), ("reading", 2, 2)]
    assert [done for stage, done, total in seen[2:]] == [1, 2, 3, 4, 4] and {t for _, _, t in seen[2:]} == {4}


def test_a_warc_moves_the_reading_progress_record_by_record_and_counts_its_records(workspace, tmp_path, warc_bytes):
    """One large crawl is one file: the bar must move while its records are read, not sit at 0 until its end."""
    pages = [(f"https://herald.example.rt/{n}", "text/html; charset=utf-8",
              f"<html><head><title>Pier vote {n}</title></head><body><article><p>The council of Port Elwyn voted on "
              f"pier number {n} on Monday, said Olga Petrenko, who chairs the harbour board.</p></article></body></html>"
              .encode()) for n in range(3)]
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc_bytes([*pages, ("https://herald.example.rt/logo.png", "image/png", b"\x89PNG\r\n")], gzip=True))
    seen: list[tuple[str, float, int]] = []
    report = library.ingest(workspace, [crawl], on_progress=lambda *step: seen.append(step))
    reading = [done for stage, done, total in seen if stage == "reading"]
    assert len(reading) == 5 and reading == sorted(reading) and 0 < reading[1] < reading[3] < 1 == reading[-1]
    assert report.to_dict()["records"] == {str(crawl): {"read": 4, "articles": 3, "skipped": 1, "failed": 0,
                                                        "skipped_because": {"WARC record not HTML (image/png)": 1}}}


def test_a_crawls_requests_and_segments_are_counted_by_reason_not_listed(workspace, tmp_path):
    """A crawl holds a request for each page: listing each as a skip buries the records a user must look at."""
    from tests.ingest.test_ingest_warc import LONG_READ, PAGE, Crawl, _segments

    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    crawl.fetch("gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    _segments(crawl, "long-read", LONG_READ, order=[1, 2, 3])
    path = crawl.save(tmp_path / "crawl.warc.gz")
    report = library.ingest(workspace, [path]).to_dict()
    assert report["skips"] == [{"source": f"{path}#https://herald.example.rt/gone", "reason": "WARC record with HTTP status 404"}]
    because = {"WARC warcinfo record (about the crawl, no page)": 1, "WARC request record (what the crawler sent, no page)": 2,
               "WARC record with HTTP status 404": 1, "WARC segment of a record split over several (told with its first segment)": 2}
    assert report["skipped"] == 6 and report["skipped_because"] == because
    assert report["records"][str(path)] == {"read": 8, "articles": 2, "skipped": 6, "failed": 0, "skipped_because": because}


def test_oversized_files_are_refused_with_a_reason(workspace, inputs):
    workspace.settings.max_file_bytes = 10
    report = library.ingest(workspace, [inputs["report"]])
    assert report.new == 0 and report.failed == 1
    assert "report.txt" in report.failures[0].source


def test_list_get_and_search(workspace, inputs):
    library.ingest(workspace, [inputs["folder"]])
    assert [a.id for a in library.list_articles(workspace, outlet="example daily")] == ["rec-early", "rec-late"]
    assert [a.id for a in library.list_articles(workspace, since=datetime(2021, 4, 1))] == ["rec-late"]
    assert library.list_articles(workspace)[-1].id == "rec-undated"
    total, hits = library.search(workspace, "volcano ash")
    assert total == 1 and hits[0].article.id == "rec-early"
    assert library.search(workspace, "budget", outlet="Gazette")[0] == 0
    assert library.get_article(workspace, "nope") is None


def test_extract_file_reads_and_enriches_without_a_database(tmp_path, inputs, enricher):
    from storyline.config import Settings
    from storyline.service.workspace import Workspace

    ws = Workspace(Settings(db_path=tmp_path / "never.db"))
    ws.resource("enricher", lambda: enricher)
    article = library.extract_file(inputs["report"], ws)
    assert article.title.startswith("Flooding") and article.entities
    assert not (tmp_path / "never.db").exists()


def test_seed_pair_becomes_one_story_and_the_undated_copy_gets_an_estimate(workspace, examples_dir):
    report = library.ingest(workspace, [examples_dir / "seeds"])
    assert report.new == 2
    dated, undated = library.list_articles(workspace)  # dated first
    assert dated.published is not None and undated.published is None
    story = workspace.store.story_of(undated.id)
    assert story is not None and dated.id in story.articles
    assert undated.published_estimate is not None
    assert undated.published_estimate.value.startswith(dated.published.date().isoformat())


def test_parallel_reading_yields_what_serial_reading_does(inputs, monkeypatch):
    for number in range(4):
        (inputs["folder"] / f"extra-{number}.txt").write_text(
            f"Extra report {number}\n\nA short body for report number {number}, long enough to be an article.\n"
        )
    paths = [inputs["folder"], inputs["folder"] / "missing.txt", inputs["records"]]

    def outcomes(workers: int) -> list[tuple[str, str | None, str | None]]:
        read = library.read_inputs(paths, max_file_bytes=10**6, max_article_chars=10**5, workers=workers)
        return [(o.source, o.article.title if o.article else None, o.error) for o in read]

    serial = outcomes(1)
    monkeypatch.setattr(library, "PARALLEL_MIN_FILES", 1)
    assert outcomes(2) == serial
    assert len(serial) == 13 and any(o[2] for o in serial)


def test_parallel_reading_reads_a_file_of_many_records_here_in_its_place(inputs, monkeypatch):
    """A worker hands a file's outcomes back all at once: a JSONL over the limit (read line by line) is read in
    the ingesting process instead, its records yielded where the serial order has them."""
    for number in range(4):
        (inputs["folder"] / f"extra-{number}.txt").write_text(
            f"Extra report {number}\n\nA short body for report number {number}, long enough to be an article.\n"
        )
    export = inputs["folder"] / "large.jsonl"
    records = [{"title": f"Record {n}", "text": f"Record body number {n}, a short one."} for n in range(60)]
    export.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    limit = 1000
    assert export.stat().st_size > limit

    def outcomes(workers: int) -> list[tuple[str, str | None, str | None]]:
        read = library.read_inputs([inputs["folder"]], max_file_bytes=limit, max_article_chars=10**5, workers=workers)
        return [(o.source, o.article.title if o.article else None, o.error) for o in read]

    serial = outcomes(1)
    here: list[str] = []
    read_source = library.read_source
    monkeypatch.setattr(library, "read_source", lambda path, **limits: here.append(path) or read_source(path, **limits))
    monkeypatch.setattr(library, "PARALLEL_MIN_FILES", 1)
    assert outcomes(2) == serial
    assert here == [export] and sum(title is not None and title.startswith("Record") for _, title, _ in serial) == 60


def test_an_article_the_models_fail_on_is_stored_and_assigned_and_reported(tmp_path, enricher, inputs, monkeypatch):
    enrich = enricher.enrich

    def crash(article):
        if "Danube" in article.title:
            raise MemoryError("parser out of memory")
        return enrich(article)

    monkeypatch.setattr(enricher, "enrich_many", lambda articles: [crash(a) for a in articles])
    monkeypatch.setattr(enricher, "enrich", crash)
    with Workspace(Settings(db_path=tmp_path / "lib.db")) as ws:
        ws.resource("enricher", lambda: enricher)
        report = library.ingest(ws, [inputs["report"], inputs["records"]])
        assert report.new == 4
        (failure,) = report.failures
        assert failure.source.endswith("report.txt") and "enrichment failed" in failure.reason
        assert "parser out of memory" in failure.reason
        danube = next(a for a in ws.store.list_articles() if "Danube" in a.title)
        assert danube.entities == [] and ws.store.story_of(danube.id) is not None  # kept, in a story
        assert ws.store.unprocessed_articles() == []


def test_re_enrichment_keeps_an_undated_articles_days_from_its_storys_estimate(workspace, tmp_path):
    # `storyline enrich` resolved an undated copy's "Friday" against no day: its timeline entries were lost
    from storyline.service.enrichment import enrich_stored

    body = (
        "Heavy rain closed three river ports in Port Elwyn on Friday, officials said.\n\n"
        '"We have never seen water this high in March," harbour master Ruth Adler told reporters.\n'
    )
    (tmp_path / "dated.txt").write_text(f"Port Elwyn river ports closed by flooding\n\nMarch 6, 2021\n\n{body}", encoding="utf-8")
    (tmp_path / "undated.txt").write_text(f"River ports of Port Elwyn closed by the flood\n\n{body}", encoding="utf-8")
    library.ingest(workspace, [tmp_path / "dated.txt", tmp_path / "undated.txt"])
    (undated,) = [a for a in workspace.store.list_articles() if a.published is None]

    def friday() -> str:
        stored = workspace.store.get_article(undated.id)
        return {t.text: t.value for t in stored.times}["Friday"]

    assert workspace.store.get_article(undated.id).published_estimate is not None
    assert friday() == "2021-03-05"
    enrich_stored(workspace)
    assert friday() == "2021-03-05"
