"""Anaphoric expressions count from the explicit date before them, not from the publication."""

from __future__ import annotations

from datetime import datetime

from storyline.enrich.times import find_times

MONDAY = datetime(2022, 12, 19, 10)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_times(text, MONDAY, "en")]


def test_the_following_year_counts_from_the_date_before_it():
    text = "On May 22, 2015, Olga Petrenko was promoted, and the following year she moved to Port Elwyn."
    assert found(text)[1] == ("the following year", "2016", "DATE")


def test_a_day_later_or_earlier_counts_from_the_previous_sentence():
    assert found("The Ruritanian plant reopened on March 3, 2019. A day later, it closed again.")[1] == (
        "A day later", "2019-03-04", "DATE")  # fmt: skip
    assert found("He was hurt on Dec. 2 in Port Elwyn and died the next day.")[1] == ("the next day", "2022-12-03", "DATE")


def test_without_a_date_before_it_only_a_deictic_reading_is_kept():
    assert found("A day earlier, workers in Port Elwyn had protested.") == [("A day earlier", "2022-12-18", "DATE")]
    assert found("Two years later, Ines Vidal moved.") == [("Two years", "P2Y", "DURATION")]
    assert found("Ines Vidal died the next day.") == []


def test_a_comparison_is_a_length_not_a_second_date():
    assert found("The Port Elwyn dam gave way late on Dec. 15, a day earlier than officials said.") == [
        ("Dec. 15", "2022-12-15", "DATE"), ("a day earlier", "P1D", "DURATION")]  # fmt: skip
