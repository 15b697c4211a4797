"""Holidays: fixed and computed days, in the written year or the one the tense gives."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.times import find_times


def found(text: str, anchor: datetime = datetime(2022, 12, 16, 10)) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, anchor, "en")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shops in Port Elwyn expect record crowds before Christmas.", [("Christmas", "2022-12-25")]),
        ("Turkey sales in Ruritania slumped at Thanksgiving.", [("Thanksgiving", "2022-11-24")]),
        ("Fireworks are banned in Port Elwyn on New Year's Eve.", [("New Year's Eve", "2022-12-31")]),
        ("Ines Vidal will vote on Election Day.", [("Election Day", "2023-11-07")]),
        ("Olga Petrenko spoke in a Labor Day interview.", [("Labor Day", "2022-09-05")]),
        ("Olga Petrenko met Ines Vidal at Christmas 2019.", [("Christmas 2019", "2019-12-25")]),
        ("Easter 2023 fell early in Ruritania.", [("Easter 2023", "2023-04-09")]),
    ],
)
def test_holidays(text, expected):
    assert found(text) == expected


def test_new_years_day_just_past():
    assert found("The mayor of Port Elwyn spoke on New Year's Day.", datetime(2023, 1, 3)) == [
        ("New Year's Day", "2023-01-01")
    ]


def test_a_holiday_after_a_kind_of_work_is_a_title():
    assert found("The film Christmas Eve opened in Port Elwyn in 1996.") == [("1996", "1996")]


@pytest.mark.parametrize(
    "text",
    [
        "A clerk opened fire at the Port Elwyn Ferries Christmas party Friday.",
        "Christmas shoppers returned to central Port Elwyn.",
        "Ines Vidal had put up a Halloween display in her yard.",
    ],
)
def test_a_thing_of_the_holiday_season_names_no_day(text):
    assert all("12-25" not in value and "10-31" not in value for _, value in found(text))
    assert [t for t, _ in found(text) if t in ("Christmas", "Halloween")] == []


def test_the_party_keeps_its_own_day():
    assert found("A clerk opened fire at an office Christmas party Friday.") == [("Friday", "2022-12-16")]
