"""Date ranges: the start in ``value``, the last day, month or year in ``until``."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.times import find_times

SUNDAY = datetime(2022, 12, 18, 10)
TUESDAY = datetime(2022, 12, 6, 9)


def ranges(text: str, anchor: datetime = SUNDAY, language: str = "en") -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.until) for t in find_times(text, anchor, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ines Vidal held talks in Port Elwyn Dec. 9-11.", [("Dec. 9-11", "2022-12-09", "2022-12-11")]),
        ("Ines Vidal held talks in Port Elwyn on 9-11 December.", [("9-11 December", "2022-12-09", "2022-12-11")]),
        ("The Port Elwyn fair ran from 9 to 11 December.", [("9 to 11 December", "2022-12-09", "2022-12-11")]),
        ("The fair ran December 9–11, 2021.", [("December 9–11, 2021", "2021-12-09", "2021-12-11")]),
        ("Marco Bell was mayor of Port Elwyn 2019-2021.", [("2019-2021", "2019", "2021")]),
        ("Marco Bell was mayor of Port Elwyn in 2019-21.", [("2019-21", "2019", "2021")]),
    ],
)
def test_a_compact_range_is_one_expression(text, expected):
    assert ranges(text) == expected


def test_a_dash_makes_a_range_in_any_language():
    text = "Il festival di Port Elwyn si è tenuto il 9-11 dicembre."
    assert ranges(text, language="it") == [("9-11 dicembre", "2022-12-09", "2022-12-11")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "La foire de Port Elwyn a eu lieu du 9 au 11 décembre.", [("9 au 11 décembre", "2022-12-09", "2022-12-11")]),
        ("fr", "Elle a eu lieu entre le 9 et le 11 décembre.", [("9 et le 11 décembre", "2022-12-09", "2022-12-11")]),
        ("es", "La feria de Port Elwyn fue del 9 al 11 de diciembre.", [("9 al 11 de diciembre", "2022-12-09", "2022-12-11")]),
        ("de", "Die Messe in Port Elwyn lief vom 9. bis 11. Dezember.", [("9. bis 11. Dezember", "2022-12-09", "2022-12-11")]),
        ("it", "La fiera di Port Elwyn si è tenuta dal 9 all'11 dicembre.", [("9 all'11 dicembre", "2022-12-09", "2022-12-11")]),
        ("pt", "A feira de Port Elwyn foi de 9 a 11 de dezembro.", [("9 a 11 de dezembro", "2022-12-09", "2022-12-11")]),
        ("es", "Las obras en Port Elwyn duraron de marzo a mayo.", [("marzo", "2022-03", "2022-05"), ("mayo", "2022-05", "")]),
        ("de", "Gebaut wurde zwischen März und Mai.", [("März", "2022-03", "2022-05"), ("Mai", "2022-05", "")]),
    ],
)
def test_ranges_written_in_words_of_other_languages(language, text, expected):
    assert ranges(text, language=language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "The Port Elwyn office is open Monday through Friday."), ("de", "Das Amt in Port Elwyn ist Montag bis Freitag offen.")],
)
def test_weekdays_joined_by_through_are_one_week(language, text):
    # the end of a weekday range is the first such weekday after its start, not a day of another week
    assert ranges(text, language=language)[0][1:] == ("2022-12-12", "2022-12-16")


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "La mairie a voté en mars et mai."), ("es", "Votaron en marzo y mayo."), ("de", "Sie stimmten im März und Mai ab.")],
)
def test_two_months_joined_by_and_are_no_range_without_between(language, text):
    assert all(until == "" for _, _, until in ranges(text, language=language))


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Prices in Ruritania rose between March and May.", SUNDAY,
         [("March", "2022-03", "2022-05"), ("May", "2022-05", "")]),
        ("Ruth Adler met them March–May 2021.", SUNDAY,
         [("March", "2021-03", "2021-05"), ("May 2021", "2021-05", "")]),
        ("Ruth Adler was jailed 1998–2003.", SUNDAY, [("1998", "1998", "2003"), ("2003", "2003", "")]),
        # Both ends stay in a past week, not a week a year back.
        ("The summit ran from Monday to Wednesday.", TUESDAY,
         [("Monday", "2022-11-28", "2022-11-30"), ("Wednesday", "2022-11-30", "")]),
        ("The summit will run from Monday to Wednesday.", TUESDAY,
         [("Monday", "2022-12-12", "2022-12-14"), ("Wednesday", "2022-12-14", "")]),
        # The end follows its start, not a year later.
        ("The fair ran from 9 December to 11 December.", TUESDAY,
         [("9 December", "2021-12-09", "2021-12-11"), ("11 December", "2021-12-11", "")]),
    ],
)  # fmt: skip
def test_both_ends_of_a_range_stay_and_the_start_carries_the_end(text, anchor, expected):
    assert ranges(text, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Olga Petrenko arrived on Nov. 9 - 11 p.m. local time.",
        "Ruritania won 5-2 on May 5.",
        "Olga Petrenko spoke in March and May.",  # two months, no range
        "The ISO date 2019-12-05 is one day.",
    ],
)
def test_no_range_where_none_is_written(text):
    assert all(until == "" for *_, until in ranges(text))


def test_offsets_of_a_range_point_into_the_text():
    text = "Talks in Port Elwyn ran Dec. 9-11, 2021, and 9–11 December, then 2019-21 budgets."
    for found in find_times(text, SUNDAY, "en"):
        assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Port Elwyn budget for 2009-10 was cut.", [("2009-10", "2009", "2010")]),
        ("The Port Elwyn records of 1997-10 were lost.", []),  # a month written as a number, no span
        ("The Port Elwyn records of 1989-09 were lost.", []),
    ],
)
def test_a_year_with_two_digits_after_it_is_a_span_only_where_no_month_can_be_read(text, expected):
    assert ranges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Port Elwyn fair ran Nov. 30-Dec. 2.", [("Nov. 30-Dec. 2", "2022-11-30", "2022-12-02")]),
        ("The Port Elwyn fair ran 30 Nov. – 2 Dec. 2021.", [("30 Nov. – 2 Dec. 2021", "2021-11-30", "2021-12-02")]),
    ],
)
def test_a_range_of_days_across_months_joined_by_a_dash_is_one_expression(text, expected):
    assert ranges(text) == expected
