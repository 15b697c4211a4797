"""A translation and its source published the same day, without times: the source is named first (the
translation keeps the name of a plan in the source's language)."""

from datetime import datetime

from compare_helpers import make_article, quote_at

from storyline.compare.story import compare

DAY = datetime(2026, 3, 14)  # a day without a time of day

ENGLISH = [
    "The Kestrel Dam burst above Port Elwyn early on Saturday, flooding three villages in the valley.",
    'Interior Minister Ines Vidal said: "The dam gave way after a week of heavy rain and nobody could stop it."',
    "Rescue teams evacuated about two thousand residents from the villages by mid-morning under the Keep Our Homes Safe plan.",
]
SPANISH = [
    "La presa de Kestrel se rompió sobre Port Elwyn en la madrugada del sábado, inundando tres aldeas del valle.",
    'La ministra del Interior, Ines Vidal, dijo: "La presa cedió tras una semana de fuertes lluvias y nadie pudo detenerla."',
    "Los equipos de rescate evacuaron a unos dos mil vecinos de las aldeas a media mañana según el plan Keep Our Homes Safe.",
]
QUOTED_EN = "The dam gave way after a week of heavy rain and nobody could stop it."
QUOTED_ES = "La presa cedió tras una semana de fuertes lluvias y nadie pudo detenerla."


def _pair():
    english = make_article("harbor-en", ENGLISH, language="en", published=DAY, source="Harbor Courier")
    spanish = make_article("harbor-es", SPANISH, language="es", published=DAY, source="Harbor Courier")
    english.quotes = [quote_at(english.text, QUOTED_EN, "Ines Vidal")]
    spanish.quotes = [quote_at(spanish.text, QUOTED_ES, "Ines Vidal")]
    return english, spanish


def test_a_translation_is_not_named_before_its_source_among_articles_of_one_day(use_encode):
    english, spanish = _pair()
    other = make_article(
        "valley",
        ["Three villages below the Kestrel Dam were flooded after the dam burst on Saturday, officials in Port Elwyn said."],
        language="en",
        published=datetime(2026, 3, 15, 9),
        source="Valley Tribune",
    )
    comparison = compare([spanish, other, english], use_encode)
    assert [(x.from_, x.to, x.relation) for x in comparison.provenance if x.relation == "translates"] == [
        ("harbor-en", "harbor-es", "translates")
    ]
    assert comparison.summary["first_reported"] == ["harbor-en", "harbor-es"]
    note = comparison.summary["first_reported_note"]
    assert note.index(", en)") < note.index(", es)")


def test_a_statement_in_two_languages_tied_is_shown_in_the_sources_wording(use_encode):
    english, spanish = _pair()
    (quote,) = compare([spanish, english], use_encode).quotes
    assert quote["text"] == QUOTED_EN
