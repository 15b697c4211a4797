"""The stories service on the SQLite store: stream, persist, restart, re-cluster, pairs."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.service import stories as service
from storyline.match.signature import saved_kinds
from storyline.service.workspace import Workspace

from test_stream import QUAKE, QUAKE_REWRITE, RATES  # noqa: E402  (sibling test module on sys.path)


@pytest.fixture
def fake_embedder(monkeypatch, encoder):
    """USE replaced by the hashed bag of words; counts how many texts were embedded."""
    calls = []

    def encode(ws, texts):
        calls.append(len(texts))
        return encoder(texts)

    monkeypatch.setattr(service, "_encode", encode)
    return calls


def stored(ws, articles):
    ws.store.add_articles(articles)
    return [ws.store.get_article(a.id) for a in articles]


def test_stream_persists_and_survives_restart(tmp_path, fake_embedder, article):
    settings = Settings(db_path=tmp_path / "s.db")
    first = [article("q1", "Quake in Turkey", QUAKE, day=6), article("r1", "ECB raises rates", RATES, day=6)]
    with Workspace(settings) as ws:
        service.assign_to_stories(ws, stored(ws, first))
        assert len(service.list_stories(ws)) == 2
    embedded_before = sum(fake_embedder)
    with Workspace(settings) as ws:
        later = stored(ws, [article("q2", "Turkey toll rises", QUAKE_REWRITE, day=7)])
        service.assign_to_stories(ws, later)
        assert sum(fake_embedder) == embedded_before + 1  # restart reused the stored vectors
        story = ws.store.story_of("q2")
        assert story is not None and sorted(story.articles) == ["q1", "q2"]
        streamed = {s.id: sorted(s.articles) for s in service.list_stories(ws)}
        reclustered = {s.id: sorted(s.articles) for s in service.recluster(ws)}
        assert reclustered == streamed
        assert sum(fake_embedder) == embedded_before + 1  # re-clustering embeds nothing


def test_pairs_records_with_bad_lines(fake_embedder):
    records = [
        {"id": "p1", "a": {"title": "Quake", "text": QUAKE}, "b": {"title": "Quake", "text": QUAKE_REWRITE}},
        {"id": "p2", "a": "not an object", "b": {}},
        {"id": "line 3", "error": "line 3 is not JSON"},
        {"id": "p4", "a": {"text": QUAKE, "published": "2023-02-06"}, "b": {"text": RATES, "published": "2023-02-06T10:00:00+00:00"}},
    ]
    results = service.match_pair_records(Workspace(), records)
    assert [r["id"] for r in results] == ["p1", "p2", "line 3", "p4"]
    assert results[0]["label"] == "same story"
    assert "error" in results[1] and "error" in results[2]
    assert results[3]["label"] == "unrelated"
    assert len(fake_embedder) == 1  # one batch for all valid pairs (leads and sentences)


def test_a_pair_side_without_words_or_a_null_id_is_named_not_scored(fake_embedder):
    records = [
        {"id": "e1", "a": {}, "b": {"title": " ", "text": ""}},
        {"id": None, "a": {"title": "Quake", "text": QUAKE}, "b": {"title": "Quake", "text": QUAKE_REWRITE}},
    ]
    results = service.match_pair_records(Workspace(), records, lines=[4, 9])
    assert results[0] == {"id": "e1", "error": "line 4: a: no title and no text to match"}  # was a "copy", p 0.91
    assert results[1]["id"] == "line 9" and results[1]["label"] == "same story"  # was id null


def test_run_end_consolidation_merges_with_a_story_of_an_earlier_run(tmp_path, fake_embedder, article):
    import dataclasses

    from storyline.match.config import MatchConfig

    apart = dataclasses.replace(MatchConfig(), join=1.01, merge=1.01)  # only consolidation can put articles together
    settings = Settings(db_path=tmp_path / "s.db")
    with Workspace(settings) as ws:
        service.recluster(ws, apart)
        service.assign_to_stories(ws, stored(ws, [article("q1", "Quake in Turkey", QUAKE, day=6)]))
        service.assign_to_stories(ws, stored(ws, [article("r1", "ECB raises rates", RATES, day=6)]))
        first = ws.store.story_of("q1").id
        # q1 comes from the store (an earlier run): its signature is rebuilt from the stored article and vector
        service.assign_to_stories(ws, stored(ws, [article("q2", "Turkey toll rises", QUAKE_REWRITE, day=7)]))
        stories = {s.id: sorted(s.articles) for s in service.list_stories(ws)}
        assert stories[first] == ["q1", "q2"] and ["r1"] in stories.values() and len(stories) == 2
        assert ws.store.story_of("q2").reasons["q2"].startswith("merged with this story: same-story probability")


def _stories(ws):
    return {s.id: sorted(s.articles) for s in service.list_stories(ws)}


def test_a_writer_beside_another_builds_on_its_stories(tmp_path, fake_embedder, article):
    """The server keeps its clusterer in memory; the CLI's writes meanwhile must survive the server's next one."""
    from test_stream import OTHER_QUAKE

    settings = Settings(db_path=tmp_path / "s.db")
    with Workspace(settings) as server, Workspace(settings) as cli:
        service.assign_to_stories(server, stored(server, [article("q1", "Quake in Turkey", QUAKE, day=6)]))
        service.assign_to_stories(cli, stored(cli, [article("q2", "Turkey toll rises", QUAKE_REWRITE, day=6)]))
        service.assign_to_stories(server, stored(server, [article("q3", "Turkey quake toll", QUAKE_REWRITE, day=7)]))
        assert sorted(server.store.story_of("q2").articles) == ["q1", "q2", "q3"]
        service.recluster(cli)
        service.assign_to_stories(server, stored(server, [article("j1", "Hokkaido quake", OTHER_QUAKE, day=9)]))
        after = _stories(server)
        assert sorted(a for articles in after.values() for a in articles) == ["j1", "q1", "q2", "q3"]
        for story in service.list_stories(server):  # links are mutual
            assert all(story.id in server.store.get_story(other).related for other in story.related)
    with Workspace(settings) as fresh:  # the saved clusterer state agrees with the saved stories
        _, state = fresh.store.story_state()
        assert {s["id"]: sorted(s["articles"]) for s in state["stories"] if not s["merged_into"]} == after


def test_recluster_keeps_ids_of_stories_that_keep_their_articles(tmp_path, fake_embedder, article):
    import dataclasses

    from storyline.match.config import MatchConfig

    apart = dataclasses.replace(MatchConfig(), join=1.01, merge=1.01, consolidate=1.01, consolidate_undated=1.01)
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        service.recluster(ws, apart)  # an empty library records the settings its stream then uses
        for item in [
            article("q1", "Quake in Turkey", QUAKE, day=6),
            article("q2", "Turkey toll rises", QUAKE_REWRITE, day=6),
            article("r1", "ECB raises rates", RATES, day=6),
        ]:
            service.assign_to_stories(ws, stored(ws, [item]))
        assert _stories(ws) == {"s000001": ["q1"], "s000002": ["q2"], "s000003": ["r1"]}
        service.recluster(ws, MatchConfig())
        assert _stories(ws) == {"s000001": ["q1", "q2"], "s000003": ["r1"]}
        service.assign_to_stories(ws, stored(ws, [article("r2", "Rates up", "A cat show in Port Elwyn.", day=8)]))
        assert ws.store.story_of("r2").id == "s000004"  # s000002 named another story: never given again


def test_the_settings_of_a_recluster_go_on_in_the_stream_after_a_restart(tmp_path, fake_embedder, article):
    import dataclasses

    from storyline.match.config import MatchConfig

    apart = dataclasses.replace(MatchConfig(), join=1.01, merge=1.01, consolidate=1.01, consolidate_undated=1.01)
    settings = Settings(db_path=tmp_path / "s.db")
    with Workspace(settings) as ws:
        service.assign_to_stories(ws, stored(ws, [article("q1", "Quake in Turkey", QUAKE, day=6)]))
        service.recluster(ws, apart)
    with Workspace(settings) as ws:  # a later ingest, in another process
        assert service.library_config(ws) == apart
        service.assign_to_stories(ws, stored(ws, [article("q2", "Turkey toll rises", QUAKE_REWRITE, day=6)]))
        assert _stories(ws) == {"s000001": ["q1"], "s000002": ["q2"]}  # the defaults would have joined them
        service.recluster(ws)  # without settings: the recorded ones again, as the stream used them
        assert _stories(ws) == {"s000001": ["q1"], "s000002": ["q2"]}
        assert ws.store.story_state()[1]["config"] == {"join": 1.01, "merge": 1.01, "consolidate": 1.01, "consolidate_undated": 1.01}


def test_a_restart_reads_saved_signatures_and_an_old_library_migrates_lazily(tmp_path, fake_embedder, article, monkeypatch):
    settings = Settings(db_path=tmp_path / "s.db")
    with Workspace(settings) as ws:
        service.assign_to_stories(ws, stored(ws, [article("q1", "Quake", QUAKE, day=6), article("r1", "Rates", RATES, day=6)]))
        kinds = saved_kinds(service.clusterer_of(ws)[0].config)
        ws.store._conn.execute("DELETE FROM article_features")  # as a library stored before signatures were saved
    built = []
    real = service.build_signature
    monkeypatch.setattr(service, "build_signature", lambda a, *rest: built.append(a.id) or real(a, *rest))
    with Workspace(settings) as ws:
        service.assign_to_stories(ws, stored(ws, [article("q2", "Toll rises", QUAKE_REWRITE, day=7)]))
        assert sorted(built) == ["q1", "q2", "r1"]  # the old ones once, and saved
        assert set(ws.store.load_features(kinds[1], ["q1", "q2", "r1"])) == {"q1", "q2", "r1"}
    built.clear()
    with Workspace(settings) as ws:
        service.assign_to_stories(ws, stored(ws, [article("r2", "Rates again", RATES + " Again.", day=8)]))
        assert built == ["r2"]  # the restart parsed no stored text


def test_a_saved_signature_is_the_built_one(signatures_of, config, article):
    import dataclasses

    from storyline.match.signature import facets_bytes, minhash_bytes, minhash_from_bytes, saved_signature

    for signature in signatures_of([article("q1", "Quake in Turkey", QUAKE, day=6), article("u", "", RATES, day=None)]):
        minhash = minhash_from_bytes(minhash_bytes(signature), config)
        back = saved_signature(signature.id, signature.vector, minhash, facets_bytes(signature))
        assert minhash.digest() == signature.minhash.digest()
        assert dataclasses.replace(back, minhash=signature.minhash) == dataclasses.replace(signature, vector=back.vector)
        assert back.vector.tobytes() == signature.vector.tobytes()


#: The saved facets of the two articles below, as this SIGNATURE_FORMAT builds them. When this test fails,
#: build_signature's output changed: bump SIGNATURE_FORMAT (saved signatures are then rebuilt) and update it.
FACETS_FINGERPRINT = {3: "c54aed2214fdcd1e"}


def test_signature_format_is_bumped_when_signatures_change(signatures_of, article):
    import hashlib
    import json

    from storyline.match.signature import SIGNATURE_FORMAT, facets_bytes

    built = signatures_of([article("q1", "Quake in Turkey", QUAKE, day=6), article("u", "", RATES, day=None)])
    facets = [json.loads(facets_bytes(s)) for s in built]  # canonical: a set's order is no change
    fingerprint = hashlib.sha256(json.dumps(facets, sort_keys=True).encode()).hexdigest()[:16]
    assert FACETS_FINGERPRINT.get(SIGNATURE_FORMAT) == fingerprint, "build_signature changed: bump SIGNATURE_FORMAT"


def test_a_story_id_merged_away_leads_to_the_story_holding_its_articles(tmp_path, fake_embedder, article):
    """A reader who saw a story's id (yesterday's ingest summary, a bookmark) finds its articles after a merge."""
    import dataclasses

    from storyline.match.config import MatchConfig

    apart = dataclasses.replace(MatchConfig(), join=1.01, merge=1.01, consolidate=1.01, consolidate_undated=1.01)
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        service.recluster(ws, apart)
        for item in [article("q1", "Quake in Turkey", QUAKE, day=6), article("q2", "Toll rises", QUAKE_REWRITE, day=6)]:
            service.assign_to_stories(ws, stored(ws, [item]))
        earlier = service.story_ids(ws)
        assert earlier == {"s000001", "s000002"}
        service.recluster(ws, MatchConfig())
        assert _stories(ws) == {"s000001": ["q1", "q2"]}
        assert service.merged_away(ws, earlier) == {"s000002": "s000001"}
        assert service.current_story_id(ws, "s000002") == "s000001" == service.current_story_id(ws, "s000001")
        assert service.current_story_id(ws, "s000009") is None
        service.recluster(ws, apart)  # split in two new stories (neither holds over half): forwarded to one of them
        assert _stories(ws) == {"s000003": ["q1"], "s000004": ["q2"]}
        assert service.current_story_id(ws, "s000001") == "s000003" == service.current_story_id(ws, "s000002")


def test_an_ingest_names_the_earlier_story_it_merged_into_another(tmp_path, fake_embedder):
    """Day 1 a report starts a story; day 2 two more reports of the event start one of their own, which takes the
    first one's in: the day-2 summary says where yesterday's story went, and its id still leads there."""
    import dataclasses

    from storyline.match.config import MatchConfig
    from storyline.service import library

    def day(name, *texts):
        folder = tmp_path / name
        folder.mkdir()
        for n, (title, body) in enumerate(texts):
            (folder / f"{n}.txt").write_text(f"Date: {name}\n\n{title}\n\n{body}\n", encoding="utf-8")
        return folder

    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        service.recluster(ws, dataclasses.replace(MatchConfig(), join=1.01, merge=1.01))  # only the run's end merges
        first = library.ingest(ws, [day("2023-02-06", ("Quake in Turkey", QUAKE))])
        (yesterday,) = first.stories
        reports = [("Turkey toll rises", QUAKE_REWRITE), ("Turkey quake toll passes 1,300", QUAKE_REWRITE)]
        second = library.ingest(ws, [day("2023-02-07", *reports)])
        (today,) = second.stories
        assert today.id != yesterday.id and today.size == 3 and len(today.added) == 2
        assert second.merged == {yesterday.id: today.id}
        assert second.to_dict()["merged"] == [{"id": yesterday.id, "into": today.id}]
        assert service.current_story_id(ws, yesterday.id) == today.id
        assert library.ingest(ws, [tmp_path / "2023-02-07"]).merged == {}  # a duplicate run merges nothing
