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


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("In 2019, Ruth Adler said on March 3 that the ferry would stop.", "en", [("2019", "2019"), ("March 3", "2019-03-03")]),
        ("In early 2019 the ferry to Port Elwyn stopped on March 3.", "en", [("early 2019", "2019"), ("March 3", "2019-03-03")]),
        ("During the 2011 season, Marco Bell scored on Sept. 4.", "en", [("2011", "2011"), ("Sept. 4", "2011-09-04")]),
        ("En 2019, Ines Vidal a déclaré le 3 mars que le bac cesserait.", "fr", [("2019", "2019"), ("3 mars", "2019-03-03")]),
        ("En 2019, Ines Vidal dijo el 3 de marzo que el ferry pararía.", "es", [("2019", "2019"), ("3 de marzo", "2019-03-03")]),
        ("В 2019 году Ольга Петренко 3 марта заявила об этом.", "ru", [("2019 году", "2019"), ("3 марта", "2019-03-03")]),
    ],
)
def test_a_year_framing_the_sentence_is_the_year_of_a_day_without_one(text, language, expected):
    assert found(text, FRIDAY, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "since" bounds a span; a year inside a clause ("founded in 1998") does not set the scene
        ("Since 2019, the ferry to Port Elwyn stopped on March 3.", [("2019", "2019"), ("March 3", "2022-03-03")]),
        ("The ferry line, founded in 1998, stopped on March 3.", [("1998", "1998"), ("March 3", "2022-03-03")]),
        # two years named: the sentence has no one frame
        ("In 2019, the ferry stopped on March 3 and the line, opened in 1998, closed.",
         [("2019", "2019"), ("March 3", "2022-03-03"), ("1998", "1998")]),
        # a season of two years is no one year
        ("The 2011-12 season opened on Sept. 4.", [("2011-12", "2011"), ("Sept. 4", "2022-09-04")]),
        # the frame is the sentence's: the next sentence is not in it
        ("In 2019, the ferry stopped. It ran again on March 3.", [("2019", "2019"), ("March 3", "2022-03-03")]),
    ],
)
def test_a_year_that_does_not_frame_the_sentence_leaves_the_day_to_the_tense(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reflexive past ("начались") is nearer than the future in the next clause or the relative one
        ("В марте переговоры начались, а в апреле будут продолжены.", [("марте", "2022-03"), ("апреле", "2023-04")]),
        ("Переговоры, которые пройдут в Порт-Элвине, начались в марте.", [("марте", "2022-03")]),
        ("В марте это произошло, а в апреле будет суд.", [("марте", "2022-03"), ("апреле", "2023-04")]),  # neuter past
        ("Переговоры пройдут в марте.", [("марте", "2023-03")]),
    ],
)
def test_russian_past_forms_rule_out_the_future(text, expected):
    assert found(text, FRIDAY, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В понедельник они встретились в Порт-Элвине.", [("понедельник", "2022-12-12")]),
        ("В понедельник они будут обсуждать план.", [("понедельник", "2022-12-19")]),
        ("В понедельник было решено закрыть порт.", [("понедельник", "2022-12-12")]),
        ("В понедельник стороны встретятся в Порт-Элвине.", [("понедельник", "2022-12-19")]),  # perfective future
        ("В понедельник закон вступит в силу.", [("понедельник", "2022-12-19")]),
    ],
)
def test_a_russian_weekday_points_where_its_verb_does(text, expected):
    assert found(text, FRIDAY, "ru") == expected
