"""Pair matching: labels, facets and reasons on small hand-made articles."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.match.pairs import SEMEVAL_FEATURES, SEMEVAL_HEADS, match_article_pairs, match_pair, semeval_map
from storyline.match.pairs_sentences import alignment, coherence, headline_match, sentence_units
from storyline.match.text import proper_nouns, shingles

QUAKE = (
    "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep on Monday, killing more than 1,300 people "
    "and toppling buildings across the region, the Turkish disaster agency AFAD said. Rescue teams in Kahramanmaras "
    "searched rubble through the night as aftershocks shook Hatay and Adana."
)
QUAKE_REWRITE = (
    "More than 1,300 people died after a 7.8 magnitude quake hit Turkey near the city of Gaziantep, according to "
    "AFAD, the Turkish disaster agency. Buildings collapsed in Kahramanmaras and Hatay while rescuers dug through "
    "rubble overnight."
)
OTHER_QUAKE = (
    "A magnitude 6.1 earthquake shook northern Japan off Hokkaido on Thursday, injuring 12 people in Kushiro, "
    "the Japan Meteorological Agency said. Bullet trains were halted and a tsunami advisory for Nemuro was lifted."
)
FOOTBALL = "Arsenal beat Chelsea 3-1 at the Emirates Stadium on Saturday with two goals from Bukayo Saka."


def test_rewrite_of_same_event_is_same_story(signatures_of, config, article):
    a, b = signatures_of(
        [
            article("a", "Quake kills 1,300 in Turkey", QUAKE),
            article("b", "Turkey earthquake death toll passes 1,300", QUAKE_REWRITE),
        ]
    )
    result = match_pair(a, b, config)
    assert result.label == "same story"
    assert result.probability >= config.same_story
    assert any("gaziantep" in r.lower() for r in result.reasons)


def test_similar_but_distinct_event_is_not_same_story(signatures_of, config, article):
    a, b = signatures_of(
        [
            article("a", "Quake kills 1,300 in Turkey", QUAKE),
            article("b", "Earthquake shakes Hokkaido", OTHER_QUAKE, day=9),
        ]
    )
    result = match_pair(a, b, config)
    assert result.label in {"related", "unrelated"}
    assert result.probability < config.same_story


def test_unrelated_articles(signatures_of, config, article):
    a, b = signatures_of([article("a", "Quake kills 1,300 in Turkey", QUAKE), article("b", "Arsenal win", FOOTBALL)])
    result = match_pair(a, b, config)
    assert result.label == "unrelated"
    assert result.semeval["overall"] > 3.0


def test_identical_articles_are_copies(signatures_of, config, article):
    a, b = signatures_of([article("a", "Quake", QUAKE), article("b", "Quake", QUAKE)])
    result = match_pair(a, b, config)
    assert result.label == "copy"
    assert result.facets["near_duplicate"] == 1.0
    assert set(result.semeval) == {"overall", "geography", "entities", "time", "narrative"}
    assert all(1.0 <= v <= 4.0 for v in result.semeval.values())


def test_empty_and_undated_articles_have_defined_result(signatures_of, config, article):
    a, b = signatures_of([article("a", "", "", day=None), article("b", "Word", "", day=None)])
    result = match_pair(a, b, config)
    assert result.label == "unrelated"
    assert "time_distance_days" not in result.facets
    assert "publication date unknown" in result.reasons


def test_unknown_language_still_matches(signatures_of, config, article):
    a, b = signatures_of(
        [article("a", "Quake", QUAKE, language=""), article("b", "Quake", QUAKE_REWRITE, language="xx")]
    )
    assert match_pair(a, b, config).label == "same story"


def test_time_distance_lowers_probability(signatures_of, config, article):
    near = signatures_of([article("a", "Quake", QUAKE), article("b", "Quake", QUAKE_REWRITE, day=2)])
    far = signatures_of([article("a", "Quake", QUAKE), article("b", "Quake", QUAKE_REWRITE, day=28)])
    assert match_pair(*far, config).probability < match_pair(*near, config).probability


def test_proper_noun_fallback_skips_sentence_starts():
    names = proper_nouns("The minister met Putin in Moscow. However, Putin left.", "en")
    assert set(names) == {"putin", "moscow"}


def test_proper_nouns_leave_out_months_weekdays_and_zones_after_a_clock_time():
    names = proper_nouns(
        "Shares fell on Monday in October, at 16:00 UTC, the Bank of Ruritania said. "
        "On Friday the ACT government met; trading ended at 1052 GMT.", "en"
    )  # fmt: skip
    assert not {"monday", "october", "friday", "utc", "gmt"} & set(names)
    addressed = proper_nouns("The award went to Mr Lev Adler Jr and to Dr Ines Vidal.", "en")
    assert set(addressed) == {"lev", "adler", "ines", "vidal"} and addressed["adler"] == "Lev Adler"  # no Mr, Jr, Dr
    assert {"bank", "ruritania", "act"} <= set(names)  # "ACT" with no clock time before it is a name


def test_a_possessive_name_displays_without_its_ending():
    names = proper_nouns("Talks with the Ruritanian Executive's National Security Council ended.", "en")
    assert names["executive's"] == "Ruritanian Executive" and names["council"] == "National Security Council"


def test_proper_nouns_display_the_name_they_most_often_stand_in():
    names = proper_nouns(
        "Officials said the Foreign Ministry in Kyiv agreed. Olga Petrenko said the Foreign Ministry would act. "
        "Later Petrenko left, and the ministry of Ruritania's Foreign Office stayed silent.", "en"
    )  # fmt: skip
    assert names["ministry"] == "Foreign Ministry" and names["foreign"] == "Foreign Ministry"
    assert names["petrenko"] == "Petrenko"  # alone twice, in the full name once
    assert names["office"] == "Foreign Office" and names["kyiv"] == "Kyiv"


def test_shingles_of_short_text():
    assert shingles("one two", 3) == ["one two"]
    assert shingles("", 3) == []


def test_sentence_units_split_on_sentence_ends_and_cut_long_runs():
    text = "Rescuers searched the rubble overnight. The toll rose to 1,300 on Monday! Is more aid coming? Yes."
    assert sentence_units(text) == [
        "Rescuers searched the rubble overnight.",
        "The toll rose to 1,300 on Monday!",
        "Is more aid coming?",
    ]
    long_run = " ".join(f"word{i}" for i in range(100))
    assert [len(u.split()) for u in sentence_units(long_run)] == [40, 40, 20]
    assert sentence_units("") == [" "]
    assert sentence_units("7.8 quake") == ["7.8 quake"]


def test_alignment_rewards_sentences_that_find_a_counterpart():
    basis = np.eye(4, dtype=np.float32)
    assert alignment(basis[:2], basis[:2]) == pytest.approx(1.0)
    assert alignment(basis[:2], basis[2:]) == 0.0
    # Half of a's sentences are told by b, all of b's are in a: F of 0.5 and 1.0.
    assert alignment(basis[:2], basis[:1]) == pytest.approx(2 / 3)
    assert alignment(basis[:0], basis[:1]) == 0.0


def test_coherence_flags_a_body_unrelated_to_its_headline():
    basis = np.eye(4, dtype=np.float32)
    on_topic = np.stack([basis[0], basis[0], basis[0]])
    boilerplate_body = np.stack([basis[0], basis[1], basis[2]])
    assert coherence(on_topic) == pytest.approx(1.0)
    assert coherence(boilerplate_body) == 0.0
    assert coherence(basis[:1]) == 1.0  # a headline alone has nothing to disagree with


def test_headline_match_takes_the_better_direction():
    basis = np.eye(4, dtype=np.float32)
    headline_then_junk = np.stack([basis[0], basis[1]])
    story = np.stack([basis[2], basis[0]])
    # a's headline is half of b's mean direction; b's headline is orthogonal to a's.
    assert headline_match(headline_then_junk, story) == pytest.approx(1 / np.sqrt(2))
    assert headline_match(basis[:1], basis[1:2]) == 0.0
    assert headline_match(basis[:0], basis[:1]) == 0.0


def test_semeval_map_has_every_head_with_one_weight_per_feature():
    heads = semeval_map()
    assert tuple(heads) == (*SEMEVAL_HEADS, "same_story")
    assert all(len(beta) == len(SEMEVAL_FEATURES) + 1 for beta in heads.values())
    # The heads are fitted separately, not copies of one another.
    assert not np.allclose(heads["overall"], heads["narrative"])


def test_known_dates_decide_the_time_score(signatures_of, config, article):
    near = match_pair(
        *signatures_of([article("a", "Quake", QUAKE), article("b", "Quake", QUAKE_REWRITE, day=1)]), config
    )
    far = match_pair(
        *signatures_of([article("a", "Quake", QUAKE), article("b", "Quake", QUAKE_REWRITE, day=28)]), config
    )
    assert near.semeval["time"] == 1.0
    assert far.semeval["time"] > 3.5
    assert near.semeval["narrative"] == far.semeval["narrative"]


def test_match_article_pairs_adds_sentence_alignment_and_orders_scores(config, article, encoder):
    pairs = [
        (
            article("a", "Quake kills 1,300 in Turkey", QUAKE),
            article("b", "Turkey quake toll passes 1,300", QUAKE_REWRITE),
        ),
        (article("c", "Quake kills 1,300 in Turkey", QUAKE), article("d", "Arsenal win", FOOTBALL)),
    ]
    calls = []

    def encode(texts):
        calls.append(len(texts))
        return encoder(texts)

    same, other = match_article_pairs(pairs, encode, config)
    assert len(calls) == 1  # one batch: the model is called once for every lead and sentence
    for facet in ("sentence_alignment", "headline_match"):
        assert facet in same.facets and facet in other.facets
        assert same.facets[facet] > other.facets[facet]
    assert same.semeval["overall"] < other.semeval["overall"]
    assert same.label == "same story" and other.label == "unrelated"


def test_identical_articles_are_a_copy_and_the_same_article_on_every_semeval_head(config, article, encoder):
    (result,) = match_article_pairs([(article("a", "Quake kills 1,300 in Turkey", QUAKE),) * 2], encoder, config)
    assert result.label == "copy"
    assert result.semeval == dict.fromkeys(SEMEVAL_HEADS, 1.0)  # the fitted map alone said 3.3 for this


def test_one_login_page_under_two_headlines_is_no_copy(config):
    from storyline.match.pairs import Facets, is_copy

    page = Facets(duplicate=0.9, semantic=0.9, lexical=0.9, entities=0.0, places=0.0, numbers=0.0, days=None,
                  cross_lingual=False, coherence=0.05)  # headline unrelated to the body it sits on
    assert not is_copy(page, config)
    assert is_copy(Facets(**{**page.__dict__, "coherence": 0.6}), config)


def test_articles_years_apart_score_near_zero_without_overflow(signatures_of, config, article):
    import dataclasses
    from datetime import timedelta

    a, b = signatures_of([article("q1", "Quake", QUAKE), article("q2", "Quake", QUAKE)])
    b = dataclasses.replace(b, published=a.published + timedelta(days=3000))  # day penalty: logit far below -700
    result = match_pair(a, b, config)
    assert result.probability == 0.0 and result.facets["time_distance_days"] == 3000.0


def test_places_are_compared_across_languages_without_enrichment(config, article, encoder):
    english = article("a", "Tehran answers Washington", "Officials in Tehran rejected the claims made in Washington on Sunday.")
    chinese = article("b", "伊朗回应美国", "伊朗官员周日驳斥了美国的说法。", language="zh")
    norwegian = article("c", "Fiske i Norge", "Fiskerne i Norge melder om en god sesong.", language="no")
    (pair, other) = match_article_pairs([(english, chinese), (english, norwegian)], encoder, config)
    assert pair.facets["place"] == 1.0  # capitals stand for their countries: {Iran, United States} both
    assert any(reason == "shared places: Iran, United States" for reason in pair.reasons)
    assert other.facets["place"] == 0.0


def test_a_shared_name_joins_short_texts_only_when_their_meaning_agrees(config):
    from storyline.match.pairs import Facets, probability

    def headlines(semantic: float, brevity: float) -> float:  # one shared name on each side: name facet 1
        return probability(Facets(duplicate=0.0, semantic=semantic, lexical=0.25, entities=1.0, places=0.0,
                                  numbers=0.0, days=None, cross_lingual=False, brevity=brevity), config)

    assert headlines(0.46, brevity=0.8) < config.same_story  # 0.98 before; "Olga Petrenko resigns" / "Olga Petrenko's budget passes"
    assert headlines(0.75, brevity=0.8) > config.same_story  # one event, meaning agreeing
    assert headlines(0.46, brevity=0.05) == pytest.approx(headlines(0.46, brevity=0.0), abs=0.05)  # full articles


def test_pair_reasons_lead_with_the_names_both_texts_return_to(signatures_of, config, article):
    text = (
        "Ruritania Aerospace won the tanker contract over Elwyn Dynamics, the ministry in Port Elwyn said. "
        "Ruritania Aerospace will build 80 tankers. Elwyn Dynamics may appeal; Elwyn Dynamics had led. "
        "Maintenance work goes to Ruritania Aerospace, and Washington officials watched."
    )
    a, b = signatures_of([article("a", "Tanker deal", text), article("b", "Tanker deal", text)])
    names = next(r for r in match_pair(a, b, config).reasons if r.startswith("shared names"))
    shown = names.removeprefix("shared names: ").split(", ")
    assert set(shown[:2]) == {"Ruritania Aerospace", "Elwyn Dynamics"} and "Aerospace" not in shown


def test_a_shared_word_of_two_different_names_is_shown_as_that_word(signatures_of, config, article):
    """"County" in "Brazos County" and "Fulton County" is one shared matching name: the reason must not show one side's
    county as shared by both."""
    a, b = signatures_of([
        article("a", "Inmate escapes", "Olga Petrenko escaped near Port Elwyn. Brazos County deputies searched Brazos County."),
        article("b", "Judge sentences killer", "Marco Bell was sentenced in Strelsau. Fulton County prosecutors spoke."),
    ])  # fmt: skip
    names = next(r for r in match_pair(a, b, config).reasons if "names" in r)
    assert "Brazos" not in names and "Fulton" not in names
    assert names == "shared names: County"


def test_name_variants_are_listed_once_in_their_fullest_form():
    from storyline.match.pairs import unique_names

    assert unique_names(["Petrenko", "Ruritania", "Olga Petrenko", "Petrenko", "Port Elwyn"]) == [
        "Olga Petrenko", "Ruritania", "Port Elwyn"
    ]  # fmt: skip


def test_a_pair_is_related_by_the_streams_link_rule(config):
    from storyline.match.pairs import Facets, label_for

    def facets(semantic, entities):
        return Facets(duplicate=0.0, semantic=semantic, lexical=0.2, entities=entities, places=0.0, numbers=0.0,
                      days=26.0, cross_lingual=False)  # fmt: skip

    # A same-topic follow-up weeks later: the stream links it to the story, so `storyline match` calls it related.
    assert label_for(facets(0.6, 0.3), 0.01, config) == "related"
    assert label_for(facets(0.6, 0.0), 0.01, config) == "unrelated"
    assert label_for(facets(0.8, 0.0), 0.01, config) == "related"
