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


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Ines Vidal llegó a Port Elwyn esta mañana.", [("esta mañana", "2026-03-09TMO")]),
        ("es", "Ines Vidal hablará esta tarde.", [("esta tarde", "2026-03-09TAF")]),
        ("es", "Ines Vidal cenará esta noche en Ruritania.", [("esta noche", "2026-03-09TNI")]),
        ("es", "Ines Vidal llegó anoche.", [("anoche", "2026-03-08TNI")]),
        ("es", "Ines Vidal llegó ayer por la tarde.", [("ayer por la tarde", "2026-03-08TAF")]),
        ("es", "Ines Vidal vendrá mañana por la mañana.", [("mañana por la mañana", "2026-03-10TMO")]),
        ("fr", "Ines Vidal est arrivée ce matin.", [("ce matin", "2026-03-09TMO")]),
        ("fr", "Ines Vidal parlera cet après-midi.", [("cet après-midi", "2026-03-09TAF")]),
        ("fr", "Ines Vidal parlera ce soir.", [("ce soir", "2026-03-09TEV")]),
        ("fr", "Ines Vidal est venue hier soir.", [("hier soir", "2026-03-08TEV")]),
        ("de", "Ruth Adler kam heute Morgen an.", [("heute Morgen", "2026-03-09TMO")]),
        ("de", "Ruth Adler sprach gestern Abend.", [("gestern Abend", "2026-03-08TEV")]),
        ("de", "Ruth Adler kommt morgen früh.", [("morgen früh", "2026-03-10TMO")]),
        ("it", "Marco Bell è arrivato stamattina.", [("stamattina", "2026-03-09TMO")]),
        ("it", "Marco Bell parlerà stasera.", [("stasera", "2026-03-09TEV")]),
        ("it", "Marco Bell è arrivato ieri sera.", [("ieri sera", "2026-03-08TEV")]),
        ("pt", "Ines Vidal chegou esta manhã.", [("esta manhã", "2026-03-09TMO")]),
        ("pt", "Ines Vidal chegou ontem à noite.", [("ontem à noite", "2026-03-08TNI")]),
    ],
)
def test_a_part_of_a_relative_day_is_that_part_of_that_day(language, text, expected):
    """Read as English "this morning", "last night", "yesterday evening": a TIME on the day, not nothing
    ("esta mañana") or the bare day ("hier soir" as yesterday)."""
    assert found(text, language, datetime(2026, 3, 9, 10)) == expected


def test_a_part_of_a_relative_day_without_anchor_keeps_its_part():
    assert found("Ines Vidal llegó esta mañana.", "es", None) == [("esta mañana", "XXXX-XX-XXTMO")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Ines Vidal vendrá pasado mañana.", [("pasado mañana", "2026-03-11")]),
        ("es", "Ines Vidal llegó anteayer.", [("anteayer", "2026-03-07")]),
        ("fr", "Ines Vidal viendra après-demain.", [("après-demain", "2026-03-11")]),
        ("fr", "Ines Vidal est venue avant-hier.", [("avant-hier", "2026-03-07")]),
        ("de", "Ruth Adler kommt übermorgen.", [("übermorgen", "2026-03-11")]),
        ("de", "Ruth Adler kam vorgestern.", [("vorgestern", "2026-03-07")]),
        ("it", "Marco Bell verrà dopodomani.", [("dopodomani", "2026-03-11")]),
        ("it", "Marco Bell è arrivato l'altro ieri.", [("altro ieri", "2026-03-07")]),
        ("pt", "Ines Vidal chega depois de amanhã.", [("depois de amanhã", "2026-03-11")]),
    ],
)
def test_days_two_away(language, text, expected):
    """"pasado mañana" is the day after tomorrow, not "mañana" (tomorrow)."""
    assert found(text, language, datetime(2026, 3, 9, 10)) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Cette nuit, un incendie a ravagé le port.", [("Cette nuit", "2026-03-08TNI")]),
        ("fr", "Le conseil se réunira cette nuit.", [("cette nuit", "2026-03-09TNI")]),
        ("it", "Stanotte un incendio ha distrutto il porto.", [("Stanotte", "2026-03-08TNI")]),
        ("it", "Il consiglio si riunirà stanotte.", [("stanotte", "2026-03-09TNI")]),
        ("de", "Heute Nacht hat es im Hafen gebrannt.", [("Heute Nacht", "2026-03-08TNI")]),
        ("de", "Heute Nacht wird im Rat abgestimmt.", [("Heute Nacht", "2026-03-09TNI")]),
        ("de", "Heute Nacht brannte die Fabrik in Port Elwyn.", [("Heute Nacht", "2026-03-08TNI")]),  # weak past
        ("de", "Heute Nacht meldeten die Behörden einen Brand.", [("Heute Nacht", "2026-03-08TNI")]),
        ("de", "Heute Nacht tagt die erwartete Runde.", [("Heute Nacht", "2026-03-09TNI")]),  # an adjective
        ("pt", "Esta noite, o fogo queimou o porto.", [("Esta noite", "2026-03-08TNI")]),
        ("es", "El consejo se encontraba reunido esta noche.", [("esta noche", "2026-03-09TNI")]),  # only "tonight"
    ],
)
def test_this_night_is_last_night_after_a_past_verb(language, text, expected):
    """As English "last night" (the night before) and "tonight" (the night of the day): a past verb makes
    "cette nuit", "stanotte", "heute Nacht", "esta noite" the night just gone; Spanish says "anoche" for it."""
    assert found(text, language, datetime(2026, 3, 9, 10)) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Der Rat tagt heute Abend um 11 Uhr.", [("heute Abend um 11 Uhr", "2026-03-09T23:00")]),
        ("de", "Der Rat tagt am Montag um 9.30 Uhr.", [("Montag um 9.30 Uhr", "2026-03-09T09:30")]),
        ("de", "Ruth Adler schlief 11 Stunden.", [("11 Stunden", "PT11H")]),
        ("fr", "Ines Vidal parlera demain à 15 heures.", [("demain à 15 heures", "2026-03-10T15:00")]),
        ("fr", "Ines Vidal parlera ce soir à 8 heures.", [("ce soir à 8 heures", "2026-03-09T20:00")]),
        ("es", "Mañana a las 10 votarán en Port Elwyn.", [("Mañana a las 10", "2026-03-10T10:00")]),
        ("es", "Ines Vidal ayudó a las 10 empresas.", []),  # "a las" is "to the": no clock without a day
        ("it", "Domani alle 10 voteranno.", [("Domani alle 10", "2026-03-10T10:00")]),
        ("it", "Marco Bell ha scritto alle 10 famiglie.", []),
        ("pt", "Amanhã às 10 votam em Port Elwyn.", [("Amanhã às 10", "2026-03-10T10:00")]),
    ],
)
def test_a_day_and_its_clock_time_are_one_time(language, text, expected):
    """As English "tomorrow at 3 p.m.": one TIME on that day, the hour read in the part of the day it was said with."""
    assert found(text, language, datetime(2026, 3, 9, 10)) == expected
