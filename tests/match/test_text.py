"""Matching's word features: text written without spaces (Chinese, Japanese, Thai), names in German."""

from __future__ import annotations

from storyline.match.pairs_sentences import sentence_units
from storyline.match.text import (
    content_terms,
    measures,
    names_in,
    numbers,
    person_names,
    proper_nouns,
    shingles,
    word_count,
    words,
)

ORIGINAL = "外交部发言人周日表示，该国的对外政策是独立的，不受任何国家的影响。"
REWRITE = "外交部发言人18日表示，该国外交政策独立自主，不受任何国家影响。"
OTHER = "台风周日在沿海登陆，造成大面积停电，数千居民被迫撤离。"


def test_unspaced_runs_are_character_pairs_and_latin_words_stay_whole() -> None:
    assert words("发言人Olga Petrenko说12月18日") == ["发言", "言人", "Olga", "Petrenko", "说", "12", "月", "18", "日"]
    assert words("Olga said") == ["Olga", "said"]
    assert numbers("12月18日，3000人") == {"12", "18", "3000"}


def test_a_rewrite_shares_more_pairs_than_another_story() -> None:
    original, rewrite, other = (set(content_terms(t, "zh")) for t in (ORIGINAL, REWRITE, OTHER))
    assert len(original & rewrite) / len(original | rewrite) > 0.4
    assert len(original & other) / len(original | other) < 0.1
    assert set(shingles(ORIGINAL, 4)) & set(shingles(REWRITE, 4))


def test_hangul_words_match_whatever_particle_they_carry() -> None:
    assert "이란" in set(content_terms("이란의 외교", "ko")) & set(content_terms("이란은 말했다", "ko"))


def test_a_pair_counts_as_half_a_word() -> None:
    terms = content_terms("外交部发言人", "zh")
    assert sum(terms.values()) == 5 and word_count(terms) == 2.5
    assert word_count(content_terms("foreign ministry spokesman", "en")) == 3


def test_sentences_end_at_cjk_full_stops_without_spaces() -> None:
    text = "他说：「我们不会接受外国的任何干涉。」他还指出，声明毫无根据。据报道，双方曾表示担忧。"
    assert sentence_units(text) == ["他说：「我们不会接受外国的任何干涉。」", "他还指出，声明毫无根据。", "据报道，双方曾表示担忧。"]


def test_german_common_nouns_are_no_names_but_people_acronyms_and_places_stay() -> None:
    text = (
        "Port Elwyn. Die Polizei hat einen Mann festgenommen, sagte Olga Petrenko. Nach Angaben der Polizei waren "
        "30 Prozent der Menschen betroffen. Die neue Regierung der Ukraine und die SPD schwiegen. "
        "Polizeisprecher Olga Petrenko sagte, die Menschen seien ruhig."
    )
    names = set(names_in(text, "de")[0])
    assert {"olga", "petrenko", "spd", "ukraine"} <= names
    assert not names & {"polizei", "mann", "prozent", "menschen", "regierung", "polizeisprecher"}
    assert {"polizei", "menschen"} <= set(names_in(text, "en")[0])  # English capitals are names


def test_names_in_counts_the_mentions_of_each_name() -> None:
    display, mentions = names_in("The envoy Olga Petrenko met Ruritania. Later Petrenko left Ruritania.", "en")
    assert display["petrenko"] == "Olga Petrenko" and mentions["petrenko"] == 2 and mentions["olga"] == 1


def test_a_months_short_form_before_a_day_is_no_name():
    names = proper_nouns("Police said on Feb. 12 that Jan Nowak met Ines Vidal in Port Elwyn on Sept 3.", "en")
    assert "feb" not in names and "sept" not in names
    assert names["jan"] == "Jan Nowak"  # a first name, with no day after it


def test_measures_are_figures_with_a_decimal_point_and_the_words_beside_them() -> None:
    found = measures("A magnitude 4.6 quake and a 4.4-magnitude aftershock hit Port Elwyn at 9:25; 1,300 fled", "en")
    assert found == {"magnitude 4.6", "quake 4.6", "magnitude 4.4"}  # no count, time or thousands group
    assert measures("Un terremoto de magnitud 5,8 en Port Elwyn", "es") == {"magnitud 5.8"}


def test_person_names_are_two_or_three_uncommon_capitalised_words_after_a_title():
    names = ["Judge Lena Marsh", "Dario Quennell", "Harbour Police", "New Elwyn", "Port Elwyn", "Quennell", "Mara De Feld"]
    assert person_names(names) == {"lena marsh", "dario quennell", "mara de feld"}
