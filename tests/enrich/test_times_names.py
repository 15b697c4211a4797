"""Calendar words inside names and titles, and numbers that label things, are no dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.times import find_times


def found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, datetime(2022, 12, 16, 10), language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Olga Petrenko told the Sunday Chronicle she was shocked."),
        ("en", "She works for Ruritania Today."),
        ("en", "He ran Elwynsoft 2000 in room 1998."),
        ("es", "Mayo Vidal habló con el diario Domingo."),
        ("fr", "Olga Petrenko a parlé au Journal du Dimanche."),
        ("de", "Olga Petrenko sprach mit der Welt am Sonntag."),
    ],
)
def test_names_and_labels_are_no_dates(language, text):
    assert found(text, language) == []


def test_the_same_words_stay_dates_where_they_are_dates():
    assert found("The Port Elwyn Times on Friday said 2015 was a bad year.") == [
        ("Friday", "2022-12-16"), ("2015", "2015")]  # fmt: skip
    assert found("Today, Ines Vidal flew to Port Elwyn in March 2020.") == [("Today", "2022-12-16"), ("March 2020", "2020-03")]
    assert found("El domingo llegó Ines Vidal.", "es") == [("domingo", "2022-12-11")]
