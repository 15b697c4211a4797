"""Streaming clustering: joins, separations, links, determinism and saved state."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from storyline.match.pairs import Facets
from storyline.match.signature import published_order
from storyline.match.stream import MemberLink, MergeEvidence, StoryClusterer, StoryState
from storyline.model import Entity

QUAKE = (
    "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep on Monday, killing more than 1,300 people "
    "and toppling buildings, the Turkish disaster agency AFAD said. Rescue teams in Kahramanmaras searched rubble."
)
QUAKE_REWRITE = (
    "More than 1,300 people died after a 7.8 magnitude quake hit Turkey near Gaziantep, according to AFAD, the "
    "Turkish disaster agency. Buildings collapsed in Kahramanmaras while rescuers searched rubble overnight."
)
OTHER_QUAKE = (
    "A magnitude 6.1 earthquake struck northern Japan off Hokkaido on Thursday, injuring 12 people in Kushiro, "
    "the Japan Meteorological Agency said. Rescue teams searched buildings and a tsunami advisory was lifted."
)
RATES = (
    "The European Central Bank raised interest rates by half a point on Thursday, its president Christine Lagarde said."
)


def corpus(article):
    return [
        article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6),
        article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=6),
        article("j1", "Earthquake shakes Hokkaido", OTHER_QUAKE, day=9),
        article("r1", "ECB raises rates", RATES, day=9),
        article("q3", "Turkey quake toll passes 1,300", QUAKE_REWRITE, day=7),
    ]


def run(signatures, config) -> StoryClusterer:
    clusterer = StoryClusterer(config)
    for signature in signatures:
        clusterer.add(signature)
    return clusterer


def test_same_event_joins_and_distinct_events_stay_apart(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    story = clusterer.assignment()
    assert story["q1"] == story["q2"] == story["q3"]
    assert story["j1"] != story["q1"]
    assert story["r1"] not in {story["q1"], story["j1"]}
    turkey = clusterer.states[story["q1"]].to_story()
    assert turkey.reasons["q1"] == "started the story"
    assert turkey.reasons["q2"].startswith("same-story probability")
    assert "Turkey" in turkey.label or "Gaziantep" in turkey.label


def test_related_needs_shared_names_unless_very_close_in_meaning(config):
    def facets(semantic: float, entities: float) -> Facets:
        return Facets(duplicate=0.0, semantic=semantic, lexical=0.0, entities=entities, places=0.0, numbers=0.0,
                      days=None, cross_lingual=False)  # fmt: skip

    clusterer = StoryClusterer(config)
    assert clusterer.is_related(facets(config.link_semantic, config.link_entities))
    assert not clusterer.is_related(facets(config.link_semantic, 0.0))  # same kind of text, nobody in common
    assert not clusterer.is_related(facets(config.link_semantic - 0.01, 1.0))
    assert clusterer.is_related(facets(config.link_semantic_alone, 0.0))


def test_published_order_is_oldest_first_undated_last_ties_by_id(article):
    articles = [article("b", "x", "x", day=None), article("c", "x", "x", day=2), article("a", "x", "x", day=None),
                article("d", "x", "x", day=1), article("e", "x", "x", day=2)]  # fmt: skip
    assert [a.id for a in published_order(articles)] == ["d", "c", "e", "a", "b"]


def test_enrichment_names_display_but_does_not_change_what_matches(signatures_of, article):
    plain = article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6)
    enriched = replace(plain, entities=[Entity(name="Turkish disaster agency AFAD", type="ORG", variants=["AFAD"]),
                                        Entity(name="Gaziantep", type="PLACE")])  # fmt: skip
    bare, rich = signatures_of([plain, enriched])
    assert bare.entities == rich.entities and "afad" in rich.entities
    assert rich.entity_names["afad"] == "Turkish disaster agency AFAD"
    assert rich.places == {"gaziantep"}
    clusterer = run([rich], StoryClusterer().config)
    assert clusterer.stories()[0].label.startswith("Gaziantep, Turkish disaster agency AFAD: Quake kills")


def test_label_leads_with_the_names_in_headlines_and_most_mentioned(signatures_of, article):
    def entity(name: str, mentions: int) -> Entity:
        return Entity(name=name, type="MISC", mentions=[(i, i + 1) for i in range(mentions)])

    # Every article names all three; alphabetically "AFAD" would lead, but the headlines name Turkey
    # and the texts keep returning to Gaziantep.
    entities = [entity("AFAD", 1), entity("Gaziantep", 4), entity("Turkey", 2)]
    first, second = (replace(article(i, title, text, day=6), entities=entities)
                     for i, title, text in (("q1", "Quake kills 1,300 in Turkey", QUAKE),
                                            ("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE)))  # fmt: skip
    clusterer = run(signatures_of([first, second]), StoryClusterer().config)
    assert clusterer.stories()[0].label.startswith("Turkey, Gaziantep, AFAD: Quake kills")


def test_an_untitled_article_labels_its_story_with_the_start_of_its_text(signatures_of, article):
    untitled = article("u1", "", RATES, day=6)
    [story] = run(signatures_of([untitled]), StoryClusterer().config).stories()
    headline = story.label.split(": ")[-1]  # was blank: an empty row in `storyline stories`
    assert RATES.startswith(headline.removesuffix("…")) and headline.endswith("…") and len(headline) <= 81


def test_join_reason_shows_the_rarest_shared_names_by_their_entity_names(signatures_of, article):
    other_news = [article(f"f{day}", f"Lira news {day}", f"Markets in Ankara said the AFAD budget was cut, {day} AFAD staff said.", day=day)
                  for day in range(1, 6)]  # fmt: skip
    kahraman = Entity(name="Kahramanmaras Governor Office", type="ORG", mentions=[(0, 1)])
    quake = replace(article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6), entities=[kahraman])
    rewrite = article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=6)
    clusterer = run(signatures_of([*other_news, rewrite, quake]), StoryClusterer().config)
    reason = clusterer.states[clusterer.assignment()["q1"]].reasons["q1"]
    shown = reason.split("names ")[1].split(";")[0].split(", ")
    # AFAD is named all week, so it says least of the four shared names (and would lead alphabetically);
    # a word of an enriched name shows as that name, whichever article brought it.
    assert "Afad" not in shown and "Kahramanmaras Governor Office" in shown and len(shown) == 3


def test_same_input_order_gives_same_stories(signatures_of, config, article):
    first = run(signatures_of(corpus(article)), config)
    second = run(signatures_of(corpus(article)), config)
    assert [s.to_dict() for s in first.stories()] == [s.to_dict() for s in second.stories()]


def test_article_seen_twice_keeps_its_story(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    again = signatures_of([article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6)])[0]
    before = len(clusterer.states)
    assert clusterer.add(again) == clusterer.assignment()["q1"]
    assert len(clusterer.states) == before


def test_identical_text_under_new_id_joins_as_copy(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    copy = signatures_of([article("copy", "Quake kills 1,300 in Turkey", QUAKE, day=6)])[0]
    story_id = clusterer.add(copy)
    assert story_id == clusterer.assignment()["q1"]
    assert "near-copy" in clusterer.states[story_id].reasons["copy"]


def test_time_window_starts_a_new_story(signatures_of, config, article):
    signatures = signatures_of([article("q1", "Quake", QUAKE, day=1), article("late", "Quake", QUAKE_REWRITE, day=27)])
    clusterer = run(signatures, config)
    assert clusterer.assignment()["q1"] != clusterer.assignment()["late"]


def test_closed_story_is_linked_as_related_not_joined(signatures_of, config, article):
    signatures = signatures_of([article("q1", "Quake", QUAKE, day=1), article("late", "Quake", QUAKE_REWRITE, day=27)])
    clusterer = run(signatures, config)
    first, late = clusterer.assignment()["q1"], clusterer.assignment()["late"]
    assert first != late
    assert clusterer.states[late].related == {first}
    assert clusterer.states[first].related == {late}


def test_state_round_trip_continues_the_same_way(signatures_of, config, article):
    signatures = signatures_of(corpus(article))
    whole = run(signatures, config)
    part = run(signatures[:3], config)
    restored = StoryClusterer.from_state(part.to_state(), config)
    for signature in signatures[:3]:
        restored.restore_index(signature.id, signature.vector, signature.minhash)
    for signature in signatures[3:]:
        restored.add(signature)
    assert restored.assignment() == whole.assignment()
    assert [s.label for s in restored.stories()] == [s.label for s in whole.stories()]


def test_state_saved_before_label_names_still_labels_its_stories(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    state = clusterer.to_state()
    for story in state["stories"]:
        del story["names"]
    restored = StoryClusterer.from_state(state, config)
    for before, after in zip(clusterer.stories(), restored.stories(), strict=True):
        names, headline = after.label.split(": ", 1)
        assert headline == before.label.split(": ", 1)[1]
        named = set(restored.states[after.id].entity_names.values())
        assert names and set(names.split(", ")) <= named  # the matching names, by how many articles name them


def test_empty_articles_get_their_own_stories(signatures_of, config, article):
    clusterer = run(signatures_of([article("e1", "", "", day=None), article("e2", "", "", day=None)]), config)
    assert len(clusterer.assignment()) == 2


def test_indexes_find_the_article_itself(signatures_of, config, article):
    from storyline.match.index import CopyIndex, VectorIndex

    signatures = signatures_of(corpus(article))
    vectors, copies = VectorIndex(), CopyIndex(config)
    for signature in signatures:
        vectors.add(signature.id, signature.vector)
        copies.add(signature.id, signature.minhash)
    nearest = vectors.nearest(signatures[2].vector, 3)
    assert nearest[0][0] == "j1" and nearest[0][1] > 0.99
    assert ("q1", 1.0) in copies.similar(signatures[0])
    assert "r1" not in {a for a, _ in copies.similar(signatures[0])}


def test_look_back_merge_moves_articles_and_links(signatures_of, article):
    import dataclasses

    from storyline.match.config import MatchConfig

    apart = dataclasses.replace(MatchConfig(), join=1.01, link_semantic_alone=0.0)  # every article starts a story
    clusterer = run(signatures_of(corpus(article)), apart)
    story = clusterer.assignment()
    grown, absorbed = clusterer.states[story["q1"]], story["q2"]
    strict = dataclasses.replace(apart, merge=1.01)
    clusterer.config = strict
    clusterer.merge(grown, [absorbed])
    assert clusterer.assignment()["q2"] != grown.id  # below the threshold: nothing moves
    clusterer.config = dataclasses.replace(apart, merge=0.0)
    clusterer.merge(grown, [absorbed])
    assert clusterer.assignment()["q2"] == grown.id
    assert clusterer.merged() == {absorbed: grown.id}
    assert absorbed not in {s.id for s in clusterer.stories()}
    assert all(absorbed not in s.related for s in clusterer.stories())
    assert grown.articles == ["q1", "q2"] and grown.reasons["q2"] == "started the story"
    restored = StoryClusterer.from_state(clusterer.to_state(), apart)
    assert absorbed not in restored.states  # dropped from the saved state: only its forward names it
    assert restored.assignment() == clusterer.assignment() and restored.issued == clusterer.issued
    assert restored.successor(absorbed) == grown.id == restored.successor(grown.id)  # an id shown before still leads
    assert restored.successor("s999999") is None


def test_state_round_trip_is_exact(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    state = clusterer.to_state()
    assert all(isinstance(story["vector_sum"], str) for story in state["stories"])  # float32 bytes, base64
    restored = StoryClusterer.from_state(json.loads(json.dumps(state)), config)
    for story_id, before in clusterer.states.items():
        assert restored.states[story_id].vector_sum.tobytes() == before.vector_sum.tobytes()
    for story in state["stories"]:  # states saved before kept the sums as lists of floats
        story["vector_sum"] = restored.states[story["id"]].vector_sum.tolist()
    again = StoryClusterer.from_state(state, config)
    assert all(again.states[i].vector_sum.tobytes() == s.vector_sum.tobytes() for i, s in clusterer.states.items())


def test_story_facets_separate_events(signatures_of, config, article):
    clusterer = run(signatures_of(corpus(article)), config)
    story = clusterer.assignment()
    turkey, japan = clusterer.states[story["q1"]], clusterer.states[story["j1"]]
    same = clusterer.story_facets(turkey, turkey)
    other = clusterer.story_facets(turkey, japan)
    assert same.semantic > 0.99 and same.lexical > 0.99
    assert other.lexical < same.lexical and other.entities < same.entities


def apart_then_consolidated(signatures, config, order=None):
    """Every article starts its own story (no join, no look-back), then one consolidation pass."""
    import dataclasses

    clusterer = run(signatures, dataclasses.replace(config, join=1.01, merge=1.01))
    by_id = {s.id: s for s in signatures}
    survivors = clusterer.consolidate(order or list(by_id), by_id.get)
    return clusterer, survivors


def test_consolidation_merges_an_event_split_over_stories(signatures_of, config, article):
    clusterer, survivors = apart_then_consolidated(signatures_of(corpus(article)), config)
    story = clusterer.assignment()
    assert story["q1"] == story["q2"] == story["q3"]
    assert len({story["q1"], story["j1"], story["r1"]}) == 3  # the other quake and the rates stay apart
    assert survivors == [story["q1"]]
    assert set(clusterer.merged().values()) == {story["q1"]} and len(clusterer.merged()) == 2
    turkey = clusterer.states[story["q1"]]
    merged = [turkey.reasons[a] for a in turkey.articles if a != turkey.articles[0]]
    assert len(merged) == 2
    assert all(r.startswith("merged with this story: same-story probability") and "meaning" in r for r in merged)
    restored = StoryClusterer.from_state(clusterer.to_state(), config)
    assert restored.assignment() == story and not restored.merged()  # merged stories are not saved


def test_consolidation_does_not_depend_on_the_order_of_the_run(signatures_of, config, article):
    signatures = signatures_of(corpus(article))
    forward, _ = apart_then_consolidated(signatures, config)
    backward, _ = apart_then_consolidated(signatures, config, order=[s.id for s in reversed(signatures)])
    assert forward.assignment() == backward.assignment()


def test_consolidation_threshold_and_time_window(signatures_of, config, article):
    import dataclasses

    strict = dataclasses.replace(config, consolidate=1.01)
    clusterer, survivors = apart_then_consolidated(signatures_of(corpus(article)), strict)
    assert survivors == [] and len(clusterer.stories()) == 5
    late = signatures_of([article("q1", "Quake", QUAKE, day=1), article("late", "Quake", QUAKE_REWRITE, day=27)])
    clusterer, survivors = apart_then_consolidated(late, dataclasses.replace(config, follow_up=1.01))
    assert survivors == [] and clusterer.assignment()["q1"] != clusterer.assignment()["late"]


def test_consolidation_redirects_links_of_the_absorbed_story(signatures_of, config, article):
    import dataclasses

    linked = dataclasses.replace(config, link_semantic_alone=0.0)  # every pair of stories is linked
    clusterer, _ = apart_then_consolidated(signatures_of(corpus(article)), linked)
    story = clusterer.assignment()
    live = {s.id: s for s in clusterer.stories()}
    assert story["q2"] in live and story["j1"] in live[story["q2"]].related
    assert all(absorbed not in s.related for s in live.values() for absorbed in clusterer.merged())


def test_story_gap_is_zero_when_spans_overlap(signatures_of, config, article):
    import dataclasses

    clusterer = run(signatures_of(corpus(article)), dataclasses.replace(config, join=1.01, merge=1.01))
    story = clusterer.assignment()
    q1, q3, r1 = (clusterer.states[story[a]] for a in ("q1", "q3", "r1"))
    assert q1.gap_to(q3, 7.0) == q3.gap_to(q1, 7.0) == 1.0
    assert q1.gap_to(q1, 7.0) == 0.0 and q1.gap_to(r1, 7.0) == 3.0
    undated = StoryState(id="u", headline="")
    assert q1.gap_to(undated, 7.0) is None and undated.gap_to(q1, 7.0) is None


def test_undated_article_is_linked_to_a_dated_story_and_merged_only_at_the_higher_bar(signatures_of, config, article):
    import dataclasses

    signatures = signatures_of([article("q1", "Quake", QUAKE, day=6), article("q2", "Quake", QUAKE_REWRITE, day=None)])
    clusterer = run(signatures, config)
    first, undated = clusterer.assignment()["q1"], clusterer.assignment()["q2"]
    assert first != undated and clusterer.states[first].related == {undated}  # the stream links, never joins
    by_id = {s.id: s for s in signatures}
    strict = StoryClusterer.from_state(clusterer.to_state(), dataclasses.replace(config, consolidate_undated=1.01))
    for signature in signatures:
        strict.restore_index(signature.id, signature.vector, signature.minhash)
    assert strict.consolidate(by_id, by_id.get) == [] and len(strict.stories()) == 2
    assert clusterer.consolidate(by_id, by_id.get) == [first]
    assert clusterer.assignment()["q2"] == first
    assert clusterer.states[first].reasons["q2"].startswith("merged with this story: same-story probability")


def test_release_takes_back_what_absorb_added(signatures_of, article):
    quake, rates = signatures_of([article("q1", "Quake kills 1,300 in Turkey", QUAKE), article("r1", "ECB raises rates", RATES)])
    alone, both = StoryState(id="a", headline=""), StoryState(id="b", headline="")
    alone.absorb(quake, "started the story")
    for signature in (quake, rates):
        both.absorb(signature, "joined")
    copy = both.without(rates)
    assert both.articles == ["q1", "r1"]  # the copy is apart
    both.release(rates)
    for state in (copy, both):
        assert state.articles == ["q1"] and "r1" not in state.reasons
        assert state.terms == pytest.approx(alone.terms) and set(state.terms) == set(alone.terms)
        assert state.entities == alone.entities and state.numbers == alone.numbers and state.names == alone.names
        assert np.allclose(state.vector_sum, alone.vector_sum, atol=1e-6)


def test_article_in_the_wrong_story_moves_to_the_one_it_now_fits(signatures_of, config, article):
    import dataclasses

    signatures = signatures_of(corpus(article))
    stray = signatures_of([article("q4", "Quake kills 1,300 in Turkey", QUAKE, day=7)])[0]
    clusterer = run(signatures, dataclasses.replace(config, consolidate=1.01))  # isolate the sweep from merging
    story = clusterer.assignment()
    japan, turkey = clusterer.states[story["j1"]], clusterer.states[story["q1"]]
    japan.absorb(stray, "forced")  # as if the stream had put it there
    clusterer._index(stray, japan.id)
    by_id = {s.id: s for s in [*signatures, stray]}
    changed = clusterer.consolidate(["q4"], by_id.get)
    assert clusterer.assignment()["q4"] == turkey.id
    assert turkey.reasons["q4"].startswith("moved here: same-story probability")
    assert japan.articles == ["j1"] and sorted(changed) == sorted({japan.id, turkey.id})
    assert clusterer.consolidate(["q4", "j1"], by_id.get) == []  # settled: nothing moves again


def test_the_sweep_moves_a_dated_report_into_a_story_of_its_topic_only_when_that_story_is_dated(
    signatures_of, config, article
):
    """A dated report in the wrong story moves to the Turkey reports when they are dated, never into them undated:
    one report would give an undated story its day (ECB+: another club's offer into the undated story of the first)."""
    from dataclasses import replace as with_

    from storyline.match.stream import _ConsolidationRun

    def moved(turkey_day: int | None) -> bool:
        signatures = signatures_of([article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=turkey_day),
                                    article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=turkey_day),
                                    article("j1", "Earthquake shakes Hokkaido", OTHER_QUAKE, day=9)])
        stray = signatures_of([article("q4", "Quake kills 1,300 in Turkey", QUAKE, day=7)])[0]
        clusterer = run(signatures, with_(config, consolidate=1.01))
        story = clusterer.assignment()
        assert story["q1"] == story["q2"] != story["j1"]
        clusterer.states[story["j1"]].absorb(stray, "forced")  # as if the stream had put it there
        clusterer._index(stray, story["j1"])
        by_id = {s.id: s for s in [*signatures, stray]}
        clusterer._reassign(["q4"], _ConsolidationRun(clusterer, by_id.get))
        return clusterer.assignment()["q4"] == story["q1"]

    assert moved(6)
    assert not moved(None)


def test_merge_gate_weighs_the_whole_evidence(config):
    one = MergeEvidence(mean=0.6, lowest=0.6, size=1, mixed=False, short=0.05)
    assert one.probability(config) > 0.5
    grown = replace(one, size=12, lowest=0.05)  # a story that grew apart, some articles barely fit
    assert grown.probability(config) < 0.5
    assert replace(one, mixed=True).probability(config) < one.probability(config)
    assert replace(one, mean=0.9).probability(config) > one.probability(config)
    # Among headlines the lowest probability and the size say little: they weigh nothing there.
    headlines = replace(grown, short=1.0)
    assert headlines.probability(config) == replace(headlines, size=1, lowest=0.6).probability(config)


def test_consolidation_merges_only_what_the_gate_admits(signatures_of, config, article):
    closed = replace(config, gate_bias=-100.0)
    clusterer, survivors = apart_then_consolidated(signatures_of(corpus(article)), closed)
    assert survivors == [] and len(clusterer.stories()) == 5
    clusterer, survivors = apart_then_consolidated(signatures_of(corpus(article)), config)
    assert len(survivors) == 1


def test_precomputed_article_maps_score_exactly_as_fresh_ones(signatures_of, config, article):
    """An article's norms are summed once per scoring (``article_maps``); the facets must not change."""
    signatures = signatures_of(corpus(article))
    clusterer = run(signatures[:4], config)
    late = signatures[4]
    maps = clusterer.article_maps(late)
    assert maps.norms["terms"] > 0 and maps.norms["entities"] > 0
    for state in clusterer.states.values():
        link = clusterer._candidates(late).get(state.id) or MemberLink()
        assert clusterer.facets(late, state, link, maps) == clusterer.facets(late, state, link)


def test_article_left_alone_is_adopted_by_its_best_story_unless_a_headline(signatures_of, config, article):
    """At the end of the run an article still alone moves at ``adopt``, below ``join``; not headlines."""
    from dataclasses import replace as with_

    # Stream and merges made impossible: every article starts and keeps its own story until the last step.
    apart = with_(config, join=1.01, merge=1.01, consolidate=1.01, consolidate_undated=1.01)
    texts = [("q1", f"{QUAKE} {QUAKE}"), ("q2", f"{QUAKE_REWRITE} {QUAKE_REWRITE}"), ("r1", f"{RATES} {RATES} {RATES}")]

    def consolidated(day, **settings):
        signatures = signatures_of([article(i, "News", text, day=day) for i, text in texts])
        clusterer = run(signatures, with_(apart, **settings))
        by_id = {s.id: s for s in signatures}
        clusterer.consolidate(by_id, by_id.get)
        return clusterer.assignment()

    for day in (None, 6):
        story = consolidated(day)
        assert story["q1"] == story["q2"] and story["r1"] != story["q1"]
    assert len(set(consolidated(None, adopt=1.01).values())) == 3
    assert len(set(consolidated(6, adopt_min_words=1000).values())) == 3


def test_a_dated_article_left_alone_is_adopted_only_by_a_story_of_its_own_days(signatures_of, config, article):
    """The low ``adopt`` bar is for an event's other reports, not for a similar event days later."""
    from dataclasses import replace as with_

    apart = with_(config, join=1.01, merge=1.01, consolidate=1.01, consolidate_undated=1.01)

    def adopted(days_apart: int) -> bool:
        signatures = signatures_of([article("q1", "News", f"{QUAKE} {QUAKE}", day=1),
                                    article("q2", "News", f"{QUAKE_REWRITE} {QUAKE_REWRITE}", day=1 + days_apart)])
        clusterer = run(signatures, apart)
        by_id = {s.id: s for s in signatures}
        clusterer.consolidate(by_id, by_id.get)
        story = clusterer.assignment()
        return story["q1"] == story["q2"]

    assert adopted(1)
    assert not adopted(5)  # within the 7-day window, beyond adopt_max_days


def test_a_long_headline_is_cut_at_a_word_with_an_ellipsis(signatures_of, article):
    title = "Ruritania " + "harbour workers in Port Elwyn strike again " * 6
    [story] = run(signatures_of([article("h1", title, RATES, day=6)]), StoryClusterer().config).stories()
    headline = story.label.split(": ")[-1]
    assert len(headline) <= 160 and headline.endswith("…")
    assert title.startswith(headline.removesuffix("…")) and title[len(headline) - 1] == " "  # a whole word


def test_a_story_whose_first_article_moves_away_takes_the_next_ones_headline(signatures_of, article):
    first, second = signatures_of(
        [article("a", "Ferry sinks off Port Elwyn", "A ferry sank off Port Elwyn on Monday."),
         article("b", "Rescuers reach the ferry", "Rescuers reached the ferry off Port Elwyn on Monday.")]
    )
    story = StoryState(id="s1", headline="Ferry sinks off Port Elwyn")
    story.absorb(first, "started the story")
    story.absorb(second, "joined")
    story.release(first)  # moved to another story by consolidation
    assert story.headline == "Rescuers reach the ferry"
    assert StoryState.from_state(story.to_state()).headlines == {"b": "Rescuers reach the ferry"}


HARBOUR_QUAKE = (
    "A magnitude 5.8 earthquake struck Ruritania near Port Elwyn on Monday, damaging homes and the harbour, the "
    "Ruritanian seismic office said. Olga Petrenko, the mayor of Port Elwyn, said rescuers searched the rubble."
)


def harbour_report(magnitude: str) -> str:
    return (
        f"Rescuers searched the rubble in Port Elwyn after a {magnitude} magnitude quake struck Ruritania, the "
        "Ruritanian seismic office said. The mayor, Olga Petrenko, said homes and the harbour were damaged."
    )


def test_an_undated_report_of_another_magnitude_does_not_join_the_dated_quake(signatures_of, config, article):
    """Two earthquakes of one town look alike to every facet; the magnitude tells them apart."""

    def consolidated(magnitude: str, settings):
        signatures = signatures_of(
            [article("q1", "Quake", HARBOUR_QUAKE, day=6), article("q2", "Quake", harbour_report(magnitude), day=None)]
        )
        clusterer = run(signatures, settings)
        by_id = {s.id: s for s in signatures}
        clusterer.consolidate(by_id, by_id.get)
        story = clusterer.assignment()
        return story["q1"] == story["q2"]

    assert consolidated("5.8", config)  # the same quake's report joins
    assert not consolidated("4.9", config)  # another quake's does not
    assert consolidated("4.9", replace(config, figure_share=1.01))  # ... because of the magnitude


def test_a_later_report_retelling_the_event_merges_beyond_the_window_the_next_event_does_not(
    signatures_of, config, article
):
    import dataclasses

    verdict = QUAKE + " Months later a court convicted the builders of the toppled buildings."
    late = signatures_of(
        [
            article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=1),
            article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=1),
            article("v1", "Builders convicted over Turkey quake", verdict, day=25),
            article("j1", "Earthquake shakes Hokkaido", OTHER_QUAKE, day=20),
        ]
    )
    clusterer, _ = apart_then_consolidated(late, config)
    story = clusterer.assignment()
    assert story["v1"] == story["q1"] == story["q2"]  # a follow-up, told again in the same words
    assert story["j1"] != story["q1"]  # the next earthquake of the topic
    strict, _ = apart_then_consolidated(late, dataclasses.replace(config, follow_up=1.01))
    assert strict.assignment()["v1"] != strict.assignment()["q1"]


SHOOTING = (
    "A gunman shot dead two workers at the Elwyn bakery on Monday morning. Police arrested Dario Quennell, 41, "
    "a former employee, at his home. The victims were named as Mara Feld and Tomas Ridd, both bakers."
)
SHOOTING_REWRITE = (
    "Police arrested Dario Quennell, 41, after two bakers, Mara Feld and Tomas Ridd, were shot dead at the Elwyn "
    "bakery on Monday. The gunman was a former employee, police said."
)
VERDICT = (
    "A jury convicted Dario Quennell of murdering Mara Feld and Tomas Ridd, two workers shot dead at the Elwyn "
    "bakery. The former employee faces life in prison when he is sentenced next month, prosecutors said."
)


def test_a_late_report_naming_the_events_person_in_its_headline_merges_at_a_lower_bar(signatures_of, config, article):
    """A verdict weeks later tells the shooting in new words (below ``follow_up``) but names its suspect again."""

    def joins(headline: str, settings) -> bool:
        signatures = signatures_of([
            article("s1", "Two shot dead at Elwyn bakery", SHOOTING, day=1),
            article("s2", "Bakery gunman arrested", SHOOTING_REWRITE, day=1),
            article("v1", headline, VERDICT, day=25),
        ])
        story = apart_then_consolidated(signatures, settings)[0].assignment()
        assert story["s1"] == story["s2"]
        return story["v1"] == story["s1"]

    assert joins("Quennell convicted of bakery murders", config)
    assert not joins("Jury returns verdict in bakery murders", config)  # the person in the text only: a spokesman's place
    assert not joins("Quennell convicted of bakery murders", replace(config, follow_up_person=1.0))


def test_a_merged_follow_up_opens_its_story_around_its_own_date_not_over_the_weeks_between(
    signatures_of, config, article
):
    verdict = QUAKE + " Months later a court convicted the builders of the toppled buildings."
    story_and_follow_up = signatures_of([
        article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=1),
        article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=1),
        article("v1", "Builders convicted over Turkey quake", verdict, day=25),
    ])
    clusterer, _ = apart_then_consolidated(story_and_follow_up, config)
    clusterer.config = config  # later ingests stream with the usual settings
    assert len(set(clusterer.assignment().values())) == 1
    between, after = signatures_of([
        article("q3", "Turkey quake toll climbs", QUAKE_REWRITE, day=13),  # a backfilled report, weeks after both
        article("v2", "Turkey quake builders sentenced", verdict, day=27),
    ])
    story = clusterer.assignment()["q1"]
    assert clusterer.add(between) != story  # as without the follow-up: beyond the window of the first reports (was in)
    assert clusterer.add(after) == story  # the follow-up's own days: open


def test_a_storys_runs_part_where_its_reports_fall_silent_past_the_window():
    from datetime import datetime

    day = [datetime(2023, 2, d) for d in (1, 3, 20)]
    story = StoryState(id="s", headline="", articles=["a", "b", "c"], first=day[0], last=day[2])
    story.dates = dict(zip(story.articles, day, strict=True))
    assert story.runs(7.0) == [(day[0], day[1]), (day[2], day[2])] and story.days_to(datetime(2023, 2, 11), 7.0) == 8.0
    story.dates.pop("c")  # a story saved before its members' dates were kept: its whole span, as before
    assert story.runs(7.0) == [(day[0], day[2])] and story.days_to(datetime(2023, 2, 11), 7.0) == 0.0


OFFICE_SHOOTING = (
    "A gunman opened fire at an accounting office in Port Elwyn on Tuesday, killing one woman and wounding two "
    "colleagues before police arrested him, officers said. The office manager Olga Petrenko was among the wounded."
)
PLANT_SHOOTING = (
    "A suspended worker opened fire at a packing plant in Ruritania on Friday, killing two women and wounding a "
    "colleague before police arrested her, officers said. The supervisor Ines Vidal was among the dead."
)
OTHER_PLANT_SHOOTING = (
    "A former clerk opened fire at a packing plant near Lake Carrow on Sunday, killing two women and wounding a "
    "colleague before police arrested her, officers said. The foreman Ruth Adler was among the dead."
)


def shootings(article, *more):
    return [
        article("a1", "Office shooting in Port Elwyn", OFFICE_SHOOTING, day=1),
        article("b1", "Plant shooting in Ruritania", PLANT_SHOOTING, day=12),
        article("r1", "ECB raises rates", RATES, day=13),
        *more,
    ]


def consolidated_run(signatures, config) -> StoryClusterer:
    clusterer = run(signatures, config)
    by_id = {s.id: s for s in signatures}
    clusterer.consolidate(by_id, by_id.get)
    return clusterer


def test_two_events_of_one_topic_naming_nobody_in_common_are_linked_as_each_others_closest_story(
    signatures_of, config, article
):
    signatures = signatures_of(shootings(article))
    clusterer = run(signatures, config)
    office, plant, rates = (clusterer.states[clusterer.assignment()[a]] for a in ("a1", "b1", "r1"))
    assert office.related == set()  # the stream's rule: close in meaning, but no name in common
    by_id = {s.id: s for s in signatures}
    clusterer.consolidate(by_id, by_id.get)
    assert office.related == {plant.id} and plant.related == {office.id} and rates.related == set()


def test_a_story_is_linked_by_closeness_alone_only_to_a_story_whose_closest_it_is(signatures_of, config, article):
    third = article("c1", "Plant shooting near Lake Carrow", OTHER_PLANT_SHOOTING, day=25)
    clusterer = consolidated_run(signatures_of(shootings(article, third)), config)
    office, plant, other_plant = (clusterer.states[clusterer.assignment()[a]] for a in ("a1", "b1", "c1"))
    assert plant.related == {other_plant.id}  # the two plant shootings are each other's closest
    assert office.related == set()  # its closest story is the Ruritania shooting, whose closest is another


def test_the_pass_drops_a_stream_link_the_whole_stories_do_not_bear_and_reports_both_stories(
    signatures_of, config, article
):
    signatures = signatures_of(corpus(article))
    loose = run(signatures, replace(config, link_semantic_alone=0.0))  # the stream links every candidate pair
    clusterer = StoryClusterer.from_state(loose.to_state(), config)
    for signature in signatures:
        clusterer.restore_index(signature.id, signature.vector, signature.minhash)
    story = clusterer.assignment()
    assert story["r1"] in clusterer.states[story["q1"]].related
    by_id = {s.id: s for s in signatures}
    changed = clusterer.consolidate(by_id, by_id.get)
    assert story["r1"] not in clusterer.states[story["q1"]].related  # a quake and a rate rise are no topic
    assert {story["q1"], story["r1"]} <= set(changed)  # both sides saved again


RESCUE = (
    "Rescue teams dug through collapsed buildings in Kahramanmaras on Monday after the earthquake near Gaziantep, "
    "the disaster agency AFAD said, as families waited in the cold for news."
)


def test_a_lone_report_of_an_earlier_run_joins_the_story_a_later_run_makes_of_its_event(signatures_of, config, article):
    """Day by day as in one run: day 1's lone report is weighed again when day 2's reports make a story beside it."""
    import dataclasses

    strict = dataclasses.replace(  # day 2's copies join each other; nothing else joins or merges at once
        config, join=0.99, merge=1.01, consolidate=1.01, consolidate_undated=1.01, adopt_min_words=0
    )
    signatures = signatures_of([
        article("q1", "Rescuers dig through rubble in Kahramanmaras", RESCUE, day=6),  # p 0.54 with day 2's: apart
        article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=7),
        article("q3", "Turkey quake toll passes 1,300", QUAKE_REWRITE, day=7),
    ])  # fmt: skip
    by_id = {s.id: s for s in signatures}
    daily = StoryClusterer(strict)
    for day in (signatures[:1], signatures[1:]):
        for signature in day:
            daily.add(signature)
        daily.consolidate([s.id for s in day], by_id.get)
        if day == signatures[:1]:
            yesterday = daily.assignment()["q1"]
    once = run(signatures, strict)
    once.consolidate(list(by_id), by_id.get)
    story = daily.assignment()
    assert story["q1"] == story["q2"] == story["q3"]
    assert once.assignment()["q1"] == once.assignment()["q2"]  # as one run of the pile puts them
    assert daily.successor(yesterday) == story["q1"]
