"""Spanish, French and Italian forms: "del" before a year, decades, clock hours, "programados"."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.times import find_times


def found(text: str, language: str, anchor: datetime = datetime(2005, 11, 5, 10)) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, anchor, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Ines Vidal llegará a Port Elwyn en noviembre del 2006.", [("noviembre del 2006", "2006-11")]),
        ("es", "Ines Vidal nació el 3 de febrero del 2000.", [("3 de febrero del 2000", "2000-02-03")]),
        ("es", "Los vuelos a Port Elwyn están programados para marzo.", [("marzo", "2006-03")]),
        ("es", "A finales de la década de 1980 se firmó el acuerdo.", [("la década de 1980", "198")]),
        ("es", "La banda de Ines Vidal era famosa en los años noventa.", [("los años noventa", "199")]),
        ("fr", "Le groupe était célèbre dans les années 1990.", [("les années 1990", "199")]),
        ("it", "Il gruppo era famoso negli anni novanta.", [("anni novanta", "199")]),
    ],
)
def test_years_and_decades(language, text, expected):
    assert found(text, language) == expected


def test_an_hour_after_a_clock_word_is_a_time_of_day_on_the_day_before_it():
    anchor = datetime(2022, 12, 16, 10)
    assert found("Le feu a pris le 9 décembre vers 15 heures.", "fr", anchor) == [
        ("9 décembre vers 15 heures", "2022-12-09T15:00")
    ]
    assert found("Olga Petrenko a dormi 15 heures.", "fr", anchor) == [("15 heures", "PT15H")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los rescatistas evacuaron Port Elwyn a media mañana.", []),
        ("Ines Vidal llegó por la mañana.", []),
        ("Llegaron en la mañana del sábado.", [("sábado", "2005-11-05")]),
        ("Ines Vidal llegará mañana a Port Elwyn.", [("mañana", "2005-11-06")]),
    ],
)
def test_spanish_morning_is_not_tomorrow(text, expected):
    """"mañana" after an article or "media" is the morning; alone it is still "tomorrow"."""
    assert found(text, "es") == expected
