"""find_times and estimate_publication: values on the seeds and on small hand-made sentences."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from storyline.enrich.times import estimate_publication, find_times

SUNDAY = datetime(2022, 12, 18, 10, 30)  # the seeds' publication day, a Sunday


def values(text: str, anchor: datetime | None = SUNDAY, language: str | None = "en") -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, anchor, language)}


def seed(examples_dir: Path, prefix: str) -> str:
    return next((examples_dir / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_002_values(examples_dir: Path) -> None:
    found = values(seed(examples_dir, "002"))
    assert found["Sunday"] == "2022-12-18"
    assert found["Dec. 9"] == "2022-12-09"
    assert found["Last month"] == "2022-11"
    assert found["September"] == "2022-09"
    assert found["February"] == "2022-02"
    assert found["Friday"] == "2022-12-16"


def test_seed_000_undated_resolves_through_the_estimate(examples_dir: Path) -> None:
    estimate = estimate_publication([SUNDAY])
    assert estimate is not None and estimate.estimated and estimate.value == "2022-12-18"
    found = values(seed(examples_dir, "000"), datetime.fromisoformat(estimate.value))
    assert found["March"] == "2022-03"
    assert found["Sunday"] == "2022-12-18"
    assert found["December 9"] == "2022-12-09"


def test_offsets_point_into_the_text(examples_dir: Path) -> None:
    text = seed(examples_dir, "002")
    for t in find_times(text, SUNDAY, "en"):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "kind"),
    [
        ("The talks will resume next Sunday.", "next Sunday", "2022-12-25", "DATE"),
        ("Ministers will meet on Tuesday.", "Tuesday", "2022-12-20", "DATE"),
        ("He resigned on Tuesday.", "Tuesday", "2022-12-13", "DATE"),
        ("It happened yesterday.", "yesterday", "2022-12-17", "DATE"),
        ("It was signed two weeks ago.", "two weeks ago", "2022-W48", "DATE"),
        ("Sales rose this week.", "this week", "2022-W50", "DATE"),
        ("The war began in 2014.", "2014", "2014", "DATE"),
        ("He served three years in prison.", "three years", "P3Y", "DURATION"),
        ("Prices are now falling.", "now", "PRESENT_REF", "DATE"),
        ("Prices are currently falling.", "currently", "PRESENT_REF", "DATE"),
        ("The vote will be held in March.", "March", "2023-03", "DATE"),
        ("The plant opened in March.", "March", "2022-03", "DATE"),
        ("The blast came at 10:30 a.m. local time.", "10:30 a.m.", "2022-12-18T10:30", "TIME"),
        ("The paper is published weekly.", "weekly", "P1W", "SET"),
        ("The festival is held each July.", "each July", "XXXX-07", "SET"),
        ("They meet every Sunday.", "every Sunday", "XXXX-WXX-7", "SET"),
        ("Profit fell in the third quarter.", "the third quarter", "2022-Q3", "DATE"),
        ("It was founded on December 9, 2019.", "December 9, 2019", "2019-12-09", "DATE"),
        ("Fighting broke out in the 1990s.", "the 1990s", "199", "DATE"),
        ("It was signed on Friday 9 December 2022.", "Friday 9 December 2022", "2022-12-09", "DATE"),
        ("It was signed on the 9th of December.", "the 9th of December", "2022-12-09", "DATE"),
        ("Polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2022-12-14T22:00", "TIME"),
        ("Bids are due on Friday at 9:30 a.m.", "Friday at 9:30 a.m.", "2022-12-23T09:30", "TIME"),
        ("Profit rose in this year's third quarter.", "this year's third quarter", "2022-Q3", "DATE"),
        ("Profit rose from the year-ago third quarter.", "the year-ago third quarter", "2021-Q3", "DATE"),
        ("Profit fell in the quarter.", "the quarter", "2022-Q3", "DATE"),
        ("Both sides met over the weekend.", "over the weekend", "2022-W50-WE", "DATE"),
        ("Prices rose in July last year.", "July last year", "2021-07", "DATE"),
        ("The 20th century saw two wars.", "The 20th century", "19", "DATE"),
        ("Talks must end by March.", "March", "2023-03", "DATE"),
        ("Sales rose for the past two weeks.", "the past two weeks", "P2W", "DURATION"),
        ("Sales rose nearly four years ago.", "nearly four years ago", "2018", "DATE"),
        ("He resigned Last Friday.", "Last Friday", "2022-12-16", "DATE"),
        ("It happened this past Monday.", "this past Monday", "2022-12-12", "DATE"),
        ("Prices will soon rise.", "soon", "FUTURE_REF", "DATE"),
        ("Sales beat year-earlier results.", "year-earlier", "2021", "DATE"),
        ("It hit a five-year low.", "five-year", "P5Y", "DURATION"),
    ],
)
def test_english_expressions(sentence: str, expression: str, value: str, kind: str) -> None:
    found = {t.text: t for t in find_times(sentence, SUNDAY, "en")}
    assert expression in found, found
    assert (found[expression].value, found[expression].type) == (value, kind)


@pytest.mark.parametrize(
    ("language", "sentence", "expression", "value"),
    [
        ("fr", "L'accord a été signé le 9 décembre 2022.", "9 décembre 2022", "2022-12-09"),
        ("fr", "Il est arrivé hier à Paris.", "hier", "2022-12-17"),
        ("fr", "Le ministre s'est exprimé dimanche.", "dimanche", "2022-12-18"),
        ("fr", "Les combats ont commencé il y a 3 jours.", "il y a 3 jours", "2022-12-15"),
        ("es", "El acuerdo se firmó el 9 de diciembre de 2022.", "9 de diciembre de 2022", "2022-12-09"),
        ("es", "Lo anunció en marzo.", "marzo", "2022-03"),
        ("de", "Am 9. Dezember 2022 wurde es unterzeichnet.", "9. Dezember 2022", "2022-12-09"),
        ("de", "Das Treffen fand am Freitag statt.", "Freitag", "2022-12-16"),
        ("de", "Die Preise stiegen letzten Monat.", "letzten Monat", "2022-11"),
        ("ru", "Это случилось 9 декабря.", "9 декабря", "2022-12-09"),
        ("fr", "Le sommet aura lieu lundi prochain.", "lundi prochain", "2022-12-19"),
        ("fr", "Le sommet aura lieu mardi à Paris.", "mardi", "2022-12-20"),
        ("fr", "Le ministre a parlé mardi à Paris.", "mardi", "2022-12-13"),
        ("es", "La cumbre se celebrará el martes.", "martes", "2022-12-20"),
        ("de", "Der Gipfel wird im März stattfinden.", "März", "2023-03"),
        ("fr", "Il avait démissionné dimanche dernier.", "dimanche dernier", "2022-12-11"),
        ("fr", "Les prix ont baissé l'an dernier.", "an dernier", "2021"),
        ("fr", "Le conflit dure depuis trois ans.", "trois ans", "P3Y"),
        ("es", "La cumbre será el próximo lunes.", "próximo lunes", "2022-12-19"),
        ("es", "La guerra dura desde hace dos años.", "dos años", "P2Y"),
        ("de", "Das Treffen ist am nächsten Montag.", "nächsten Montag", "2022-12-19"),
        ("de", "Im vergangenen Jahr stiegen die Preise.", "vergangenen Jahr", "2021"),
        # "N units ago" / "in N units" with number words, which dateparser's digit patterns miss
        ("fr", "Il y a deux jours, la police est intervenue.", "Il y a deux jours", "2022-12-16"),
        ("de", "Vor zwei Tagen griff die Polizei ein.", "Vor zwei Tagen", "2022-12-16"),
        ("es", "Hace dos días intervino la policía.", "Hace dos días", "2022-12-16"),
        ("it", "Due giorni fa è intervenuta la polizia.", "Due giorni fa", "2022-12-16"),
        ("ru", "Пять дней назад вмешалась полиция.", "Пять дней назад", "2022-12-13"),
        ("nl", "Twee dagen geleden greep de politie in.", "Twee dagen geleden", "2022-12-16"),
        ("fr", "Le vote aura lieu dans trois mois.", "dans trois mois", "2023-03"),
        ("ru", "Выборы пройдут через три месяца.", "через три месяца", "2023-03"),
        ("es", "La guerra dura desde hace dos años.", "hace dos años", None),
        ("ru", "Саммит пройдет в марте.", "марте", "2023-03"),
        ("ru", "Саммит пройдет в мае.", "мае", "2023-05"),  # a hand-listed form as short as an abbreviation
        ("ru", "В декабре 2021 года было холодно.", "декабре 2021", "2021-12"),
        ("ru", "Министр выступил в среду.", "среду", "2022-12-14"),
        ("ru", "Встреча состоится в среду.", "среду", "2022-12-21"),
    ],
)
def test_other_languages(language: str, sentence: str, expression: str, value: str) -> None:
    assert values(sentence, language=language).get(expression) == value


def test_without_anchor_absolute_dates_resolve_and_relative_ones_stay_underspecified() -> None:
    found = values("On Sunday, a day after the December 9, 2022 vote, yesterday's rally and Dec. 9 talks.", None)
    assert found["December 9, 2022"] == "2022-12-09"
    assert found["Sunday"] == "XXXX-WXX-7"
    assert found["Dec. 9"] == "XXXX-12-09"
    assert found["yesterday"] == "XXXX-XX-XX"


def test_estimate_publication_is_bounded_by_the_story() -> None:
    estimate = estimate_publication([datetime(2022, 12, 20), datetime(2022, 12, 18, 9)])
    assert estimate is not None
    assert (estimate.value, estimate.type, estimate.estimated) == ("2022-12-18", "DATE", True)
    assert "2022-12-18 to 2022-12-20" in estimate.text
    assert estimate_publication([]) is None


def test_modal_may_currency_and_conjunctions_are_not_dates() -> None:
    assert values("Talks may resume as soon as possible, costing $2000 overall.") == {}


def test_a_fraction_is_not_a_duration() -> None:
    assert values("About three-quarters of 1988 sales were lost.") == {"1988": "1988"}
    assert values("It won more than a quarter of the vote.") == {}


def test_year_ago_in_a_quarterly_report_is_that_quarter() -> None:
    text = "Net income rose in the third quarter.\n\nSales rose 5% from a year earlier."
    assert values(text)["a year earlier"] == "2021-Q3"
    assert values("A quarter of the people left a year ago.")["a year ago"] == "2021"


WEDNESDAY = datetime(2010, 5, 5, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("language", "anchor", "sentence", "expression", "value"),
    [
        # The verb that governs the expression decides its direction, not any tense word in the sentence.
        ("en", WEDNESDAY, "Olga Petrenko said measures to be voted on Thursday are needed.", "Thursday", "2010-05-06"),
        # Modals of possibility and duty look ahead, unless "have" turns them back.
        ("en", WEDNESDAY, "The two leaders may meet again on Friday.", "Friday", "2010-05-07"),
        ("en", WEDNESDAY, "The ferry may have sunk on Monday.", "Monday", "2010-05-03"),
        ("en", WEDNESDAY, "The sale should be completed in October.", "October", "2010-10"),
        ("en", WEDNESDAY, "Talks are supposed to take place in June.", "June", "2010-06"),
        ("en", WEDNESDAY, "The leaders are poised on Saturday to sign the accord.", "Saturday", "2010-05-08"),
        ("en", datetime(2006, 1, 27), "The loss will be restated before it is reported to the regulator in March.",
         "March", "2006-03"),
        ("en", WEDNESDAY, "Police searched the flat Monday evening, in a street that would later be closed.",
         "Monday evening", "2010-05-03TEV"),
        ("en", WEDNESDAY, "Shares in Port Elwyn Mining are expected to open little changed on Thursday.", "Thursday",
         "2010-05-06"),
        ("en", WEDNESDAY, "Petrenko, who arrived Thursday for a visit likely to last a week, met the mayor.",
         "Thursday", "2010-04-29"),
        ("en", WEDNESDAY, "Olga Petrenko said on Monday that the council would vote on Thursday.", "Monday",
         "2010-05-03"),
        ("en", WEDNESDAY, "Olga Petrenko said on Monday that the council would vote on Thursday.", "Thursday",
         "2010-05-06"),
        ("en", WEDNESDAY, "The ferry has been idle since March and was scheduled to sail again.", "March", "2010-03"),
        ("es", WEDNESDAY, "Olga Petrenko dijo el lunes que la empresa reducirá su plantilla.", "lunes", "2010-05-03"),
        ("es", WEDNESDAY, "Olga Petrenko dijo que la empresa cerrará la planta el lunes.", "lunes", "2010-05-10"),
        # "N and a half"
        ("en", WEDNESDAY, "Olga Petrenko left Ruritania four and a half years ago.", "four and a half years ago",
         "2005"),
        ("en", WEDNESDAY, "He served two and a half years in a Ruritanian prison.", "two and a half years", "P2Y6M"),
        ("en", WEDNESDAY, "The ovation in Port Elwyn lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        # Quarters and halves of this year; a quarter of a century
        ("en", WEDNESDAY, "Output at Port Elwyn should double by the second half of this year.",
         "the second half of this year", "2010-H2"),
        ("en", WEDNESDAY, "Sales will recover in the second half of the year.", "the second half of the year",
         "2010-H2"),
        ("en", WEDNESDAY, "Sales will recover in the second half.", "the second half", "2010-H2"),
        ("en", datetime(2012, 5, 5), "Profit rose in the first quarter of 2012.", "the first quarter of 2012",
         "2012-Q1"),
        ("en", datetime(2012, 5, 5), "Third-quarter earnings at Port Elwyn Mining beat forecasts.", "Third-quarter",
         "2011-Q3"),
        ("en", WEDNESDAY, "Olga Petrenko led the choir for nearly a quarter-century.", "nearly a quarter-century",
         "P25Y"),
        # A clock time and its day, with a part of the day or a zone between
        ("en", WEDNESDAY, "The rally will start at 8:30pm Thursday night in Port Elwyn.", "8:30pm Thursday night",
         "2010-05-06T20:30"),
        ("en", datetime(2010, 6, 4), "The probe was launched at 16:15 UTC, June 1st.", "16:15 UTC, June 1st",
         "2010-06-01T16:15"),
        ("en", WEDNESDAY, "Voting in Port Elwyn ends at 5 pm that day.", "5 pm", "2010-05-05T17:00"),
    ],
)
def test_values_against_their_anchor(
    language: str, anchor: datetime, sentence: str, expression: str, value: str
) -> None:
    assert values(sentence, anchor, language).get(expression) == value


def test_periods_of_play_and_game_clocks_are_not_calendar_times() -> None:
    report = (
        "Port Elwyn led in the first quarter and scored a fourth-quarter touchdown, "
        "but Ruritania took over in the second half and kicked a field goal with 4:08 to go."
    )
    assert values(report, WEDNESDAY) == {}
    assert values("Ruritania equalised with 2:30 left in the match.", WEDNESDAY) == {}


def test_a_quarter_century_adjective_is_left_alone() -> None:
    assert values("Unemployment in Ruritania is near its quarter-century low.", WEDNESDAY) == {}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "В 2014 году порт закрыли, ему 2014 лет.", [("2014 году", "2014"), ("2014 лет", "P2014Y")]),
        ("fr", "Le maire a parlé le 20 mars dernier.", [("20 mars dernier", "2020-03-20")]),
        ("es", "La alcaldesa habló el 20 de marzo pasado.", [("20 de marzo pasado", "2020-03-20")]),
        ("it", "Il sindaco ha parlato il 3 aprile scorso.", [("3 aprile scorso", "2019-04-03")]),
        ("pl", "W sobotę odbędzie się spotkanie w Port Elwyn.", [("sobotę", "2020-03-28")]),
        ("tr", "Cumartesi günü toplantı yapılacak.", [("Cumartesi", "2020-03-28")]),
        ("ar", "سوف يعقد الاجتماع يوم السبت.", [("السبت", "2020-03-28")]),
    ],
)
def test_year_numbers_days_before_last_and_future_cues_in_more_languages(language, text, expected):
    found = find_times(text, datetime(2020, 3, 25), language)  # a Wednesday
    assert [(t.text, t.value) for t in found] == expected


def test_a_capitalised_german_day_adverb_inside_a_sentence_is_a_noun() -> None:
    anchor = datetime(2020, 3, 4, 10)

    def found(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in find_times(text, anchor, "de")]

    assert found("Der Elwyner Morgen berichtete am frühen Morgen davon.") == []  # a newspaper, a morning
    assert found("Wir treffen uns morgen.") == [("morgen", "2020-03-05")]
    assert found("Morgen treffen wir uns.") == [("Morgen", "2020-03-05")]  # a sentence's first word


def test_hours_from_a_publication_known_to_the_day_only_make_no_clock_time() -> None:
    def value(text: str, anchor: datetime, language: str = "en") -> str:
        return find_times(text, anchor, language)[0].value

    assert value("The ship sank six hours ago.", datetime(2020, 3, 4, 10)) == "2020-03-04T04:00"
    assert value("The ship sank six hours ago.", datetime(2020, 3, 4)) == "PAST_REF"  # was 2020-03-03T18:00
    assert value("Переговоры возобновятся через шесть часов.", datetime(2020, 3, 4), "ru") == "FUTURE_REF"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Olga Petrenko traf am Montagabend in Port Elwyn ein.", [("Montagabend", "2020-03-02TEV")]),
        ("de", "Am frühen Dienstagmorgen brannte das Lagerhaus.", [("Dienstagmorgen", "2020-03-03TMO")]),
        ("de", "Am Samstagabend soll Ines Vidal sprechen.", [("Samstagabend", "2020-03-07TEV")]),
        ("nl", "De haven ging dinsdagochtend dicht.", [("dinsdagochtend", "2020-03-03TMO")]),
        ("fr", "Ruth Adler a démissionné lundi soir.", [("lundi soir", "2020-03-02TEV")]),
        ("es", "Marco Bell llegó el martes por la noche.", [("martes por la noche", "2020-03-03TNI")]),
        ("it", "Il porto ha chiuso martedì sera.", [("martedì sera", "2020-03-03TEV")]),
    ],
)
def test_a_weekday_with_a_part_of_the_day_is_that_part_of_that_day(language, text, expected):
    assert [(t.text, t.value) for t in find_times(text, datetime(2020, 3, 4, 10), language)] == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Minister sagten am Freitag, sie werden das Treffen verschieben.", "2020-02-28"),  # was the next Friday
        ("Die Minister erklärten am Freitag, sie werden das Treffen verschieben.", "2020-02-28"),
        ("Die Minister machten am Freitag klar, sie werden das Treffen verschieben.", "2020-02-28"),
        # words in -ten that are no past tense: a noun, a superlative, a participle before its noun, an infinitive
        ("Die Staaten werden am Freitag verhandeln.", "2020-03-06"),
        ("Die besten Spieler werden am Freitag antreten.", "2020-03-06"),
        ("Die geplanten Gespräche werden am Freitag beginnen.", "2020-03-06"),
        ("Wir halten am Freitag an, dann werden wir sehen.", "2020-03-06"),
    ],
)
def test_a_german_weak_past_plural_is_a_past_cue(text, expected):
    assert [t.value for t in find_times(text, datetime(2020, 3, 4, 10), "de")] == [expected]  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De Kamer zal donderdag stemmen.", "2020-03-05"),
        ("De Kamer gaat donderdag over het plan stemmen.", "2020-03-05"),
        ("Het kabinet valt volgende dinsdag.", "2020-03-10"),
        ("De minister komt komende dinsdag met een plan.", "2020-03-10"),
        ("De Kamer stemde donderdag over het plan.", "2020-02-27"),
        ("Het kabinet viel afgelopen vrijdag.", "2020-02-28"),
    ],
)
def test_dutch_tense_and_next_last_words_place_a_weekday(text, expected):
    """Dutch "zal"/"gaat" + infinitive point a weekday ahead, "volgende"/"komende" ("next") too; a past
    ("stemde", "viel", "afgelopen") back. Without Dutch cues English ones were read: "zal donderdag" was past."""
    assert [t.value for t in find_times(text, datetime(2020, 3, 4, 10), "nl")] == [expected]  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De beurs is van 9 tot en met 11 maart open.", [("9 tot en met 11 maart", "2020-03-09", "2020-03-11")]),
        ("De beurs is van 9 tot 11 maart open.", [("9 tot 11 maart", "2020-03-09", "2020-03-11")]),
        ("De kwalificatie begint om 14.00 uur.", [("14.00 uur", "2020-03-04T14:00", "")]),
        ("Het overleg duurde 10 uur.", [("10 uur", "PT10H", "")]),  # a guard: a duration on main too
    ],
)
def test_dutch_day_ranges_and_clock_times(text, expected):
    """"van 9 tot (en met) 11 maart" is one range (main read "11 maart" alone); "om 14.00 uur" is a time of day
    (main: nothing, and "om 14 uur" fourteen hours)."""
    found = find_times(text, datetime(2020, 3, 4, 10), "nl")
    assert [(t.text, t.value, t.until) for t in found] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a present tense closing a clause of condition looks ahead, as English "if he is": the coming Sunday
        ("nl", "Als Hamilton zondag zegeviert, is hij kampioen.", [("zondag", "2020-03-08", "")]),
        ("nl", "Hamilton is kampioen als hij zondag wint.", [("zondag", "2020-03-08", "")]),
        ("nl", "Als Hamilton zondag niet won, was het voorbij.", [("zondag", "2020-03-01", "")]),  # a guard: past
        ("nl", "Als minister zei hij zondag dat het klaar was.", [("zondag", "2020-03-01", "")]),  # a guard: "as"
        # a weekday of a named week is that week's day, not the nearest one (said on a Monday)
        ("nl", "Het kabinet komt volgende week dinsdag met een plan.", [("volgende week dinsdag", "2020-03-10", "")]),
        ("en", "The board meets Tuesday next week.", [("Tuesday next week", "2020-03-10", "")]),
        ("nl", "De haven is maandag tot en met vrijdag dicht.", [("maandag", "2020-02-24", "2020-02-28"), ("vrijdag", "2020-02-28", "")]),
        ("nl", "Het festival vindt dit weekend plaats.", [("dit weekend", "2020-W10-WE", "")]),
        ("it", "Il festival si terrà questo fine settimana.", [("questo fine settimana", "2020-W10-WE", "")]),
        ("en", "The festival takes place this weekend.", [("this weekend", "2020-W10-WE", "")]),  # a guard
        ("nl", "In de nacht van zaterdag op zondag werd ingebroken.", [("zaterdag op zondag", "2020-02-29TNI", "")]),
        ("it", "Nella notte tra sabato e domenica i ladri sono entrati.", [("sabato e domenica", "2020-02-29TNI", "")]),
        ("nl", "De brand brak dinsdagavond uit.", [("dinsdagavond", "2020-02-25TEV", "")]),  # a guard
        ("it", "L'incendio è scoppiato martedì sera.", [("martedì sera", "2020-02-25TEV", "")]),  # a guard
    ],
)  # fmt: skip
def test_dutch_and_italian_future_present_named_weeks_weekends_and_nights(language, text, expected):
    """Main read "Als Hamilton zondag zegeviert" as last Sunday, "volgende week dinsdag" as two expressions (the
    Tuesday this week when said on a Monday), "maandag tot en met vrijdag" as two days (the end before the start),
    "dit weekend" / "questo fine settimana" as nothing and the night between two days as the two days."""
    found = find_times(text, datetime(2020, 3, 2, 10), language)  # a Monday
    assert [(t.text, t.value, t.until) for t in found] == expected
