"""A date or month written without its year: the verb of its clause decides the side, a span only leans."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.times import find_times

FRIDAY = datetime(2022, 12, 16, 10)


def found(text: str, anchor: datetime = FRIDAY, language: str = "en") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, anchor, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Olga Petrenko was first arrested on Jan. 5.", [("Jan. 5", "2022-01-05")]),
        ("Olga Petrenko was born on Jan. 20 in Port Elwyn.", [("Jan. 20", "2022-01-20")]),
        ("Port Elwyn has had 40 fires since January 1st.", [("January 1st", "2022-01-01")]),
        ("Olga Petrenko will take office on Jan. 5.", [("Jan. 5", "2023-01-05")]),
        ("Jan. 5: the ferry to Port Elwyn.", [("Jan. 5", "2023-01-05")]),  # no verb: the nearest
    ],
)
def test_a_verb_in_the_clause_rules_out_the_other_side(text, expected):
    assert found(text) == expected


def test_a_spanish_past_verb_rules_out_the_future_too():
    assert found("El 5 de enero fue detenida Ines Vidal.", language="es") == [("5 de enero", "2022-01-05")]


def test_a_range_does_not_end_before_it_starts():
    text = "Port Elwyn had 40 fires between January 1 and September 26."
    assert found(text, datetime(2016, 9, 29)) == [("January 1", "2016-01-01"), ("September 26", "2016-09-26")]


def test_a_weekday_written_with_the_date_picks_its_year():
    assert found("Ines Vidal said in a letter on Saturday, April 25.", datetime(1998, 4, 24)) == [
        ("Saturday, April 25", "1998-04-25")
    ]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Sales in Ruritania were flat this year through August.", datetime(2022, 10, 27),
         [("this year", "2022"), ("August", "2022-08")]),
        ("The Ruritanian fair ran from May to June.", FRIDAY, [("May", "2022-05"), ("June", "2022-06")]),
        ("The offer was extended to Nov. 20.", datetime(2022, 11, 2), [("Nov. 20", "2022-11-20")]),
        ("The lenders have extended the loans through January.", datetime(2022, 10, 30), [("January", "2023-01")]),
        ("Ruritania had bought 481,000 tonnes through Sept. 29.", datetime(2022, 10, 30), [("Sept. 29", "2022-09-29")]),
    ],
)  # fmt: skip
def test_the_end_of_a_span_only_leans(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales in January may rise, Ines Vidal said.", [("January", "2024-01")]),
        ("Prices in Ruritania in February might fall.", [("February", "2024-02")]),
        ("Sales in January should rise, Ines Vidal said.", [("January", "2024-01")]),  # an expectation, not a when
        ("Olga Petrenko should meet Ruth Adler in January.", [("January", "2025-01")]),
        ("Olga Petrenko may meet Ruth Adler again in January.", [("January", "2025-01")]),  # the modal's verb's time
        ("The Port Elwyn fair may open on May 5.", [("May 5", "2024-05-05")]),
    ],
)
def test_a_possibility_modal_after_the_expression_is_no_future_cue(text, expected):
    assert found(text, datetime(2024, 3, 10, 9)) == expected
