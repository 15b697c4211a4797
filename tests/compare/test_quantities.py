"""Numbers read with what they count (an invented quake and shooting in Port Elwyn, Ruritania)."""

from compare_helpers import entity, make_article, parse_numbers, time_at

from storyline.compare.claims import split_claims
from storyline.compare.quantities import read_quantities
from storyline.model import TimeExpression


def _kinds(text: str, language: str | None = "en", **fields) -> list[tuple[str, float]]:
    return [(q.kind, q.value) for q in read_quantities(text, language, **fields)]


def test_number_words_are_read():
    assert parse_numbers("Rescuers used two boats and three people are still missing.", "en") == [2.0, 3.0]
    assert parse_numbers("Rescuers used a dozen boats to reach the island.", "en") == [12.0]
    assert parse_numbers("Twenty-five people were hurt and two hundred fled.", "en") == [25.0, 200.0]
    (dozens,) = read_quantities("Dozens of people were hurt in Port Elwyn.", "en")
    assert (dozens.low, dozens.high) == (24, 99)


def test_a_spelled_one_counts_only_before_its_noun():
    assert parse_numbers("One person died and one of the boats sank.", "en") == [1.0]


def test_codes_addresses_and_names_are_not_quantities():
    assert parse_numbers("A gunman with an AK-47 opened fire on the crowd.", "en") == []
    assert parse_numbers("He opened fire outside a shop at 1800 Pitkin Ave. on Tuesday.", "en") == []
    assert parse_numbers("The suspect, a member of the 8 Block gang, fled on foot.", "en") == []
    assert parse_numbers("Flight 370 vanished with 239 people on board.", "en") == [239.0]


def test_clock_times_are_not_quantities_even_when_a_duration_covers_part_of_them():
    text = "The shooting began at 09:10 hours (0440 GMT) and lasted three minutes."
    # The enrich stage reads "10 hours" as a duration; masking it first left "09" to be read as 9.
    duration = TimeExpression(text="10 hours", start=text.index("10 hours"), end=text.index("10 hours") + 8, value="PT10H", type="DURATION")
    (claim,) = split_claims(make_article("a", [text], times=[duration], language="en"))
    assert [(q.kind, q.text) for q in claim.quantities] == [("duration (minutes)", "three minutes")]


def test_a_street_number_read_as_a_year_dates_nothing():
    text = "A gunman opened fire outside a shop at 1800 Pitkin Ave. in Port Elwyn."
    (claim,) = split_claims(make_article("a", [text], times=[time_at(text, "1800", "1800")], language="en"))
    assert claim.dates == [] and claim.numbers == []


def test_each_number_is_paired_with_what_it_counts():
    assert _kinds("The quake killed 10 people and injured 80 on Sunday.") == [("killed", 10.0), ("injured", 80.0)]
    assert _kinds("The 6.1-magnitude quake struck off the coast.") == [("magnitude", 6.1)]
    assert _kinds("A quake of magnitude 6.1 struck off the coast.") == [("magnitude", 6.1)]
    assert _kinds("Police said 13 shots were fired into the crowd.") == [("shot", 13.0)]
    assert _kinds("The death toll rose to 12 on Monday.") == [("killed", 12.0)]
    assert _kinds("Ten people died and 12 worst-hit villages have no power.") == [("killed", 10.0), ("village", 12.0)]
    assert _kinds("Aid worth $5 million was sent.") == [("money (USD)", 5e6)]


def test_ages_belong_to_a_person():
    for text in ("The victim, Olga Petrenko, 31, had three children.", "The victim, 31-year-old Olga Petrenko, had three children."):
        actors = [(text.index("Olga"), text.index("Olga") + 13, "Olga Petrenko")]
        assert _kinds(text, actors=actors) == [("age of Olga Petrenko", 31.0), ("child", 3.0)]
    assert _kinds("The suspect, aged 18, was arrested.") == [("age of suspect", 18.0)]
    assert _kinds("She was a mother of four whose daughter is 11.") == [("", 4.0), ("age of daughter", 11.0)]


def test_hedges_make_ranges():
    (at_least,) = read_quantities("At least 3 people were killed.", "en")
    assert (at_least.low, at_least.high, at_least.text) == (3.0, None, "At least 3")
    (more,) = read_quantities("More than 1,400 homes were destroyed.", "en")  # "1,400" is no year
    assert (more.kind, more.low, more.high) == ("home", 1400.0, None)
    about, converted = read_quantities("The epicentre was about 58km (36 miles) from Port Elwyn.", "en")
    assert (about.kind, about.low, about.high) == ("distance (port)", 52200.0, 63800.0)
    assert converted.kind == "distance (port)" and converted.low < 57936 < converted.high


def test_without_a_parser_the_neighbouring_words_tell_the_kind():
    assert _kinds("The quake killed 10 people and injured 80 on Sunday.", None) == [("killed", 10.0), ("injured", 80.0)]
    assert _kinds("Rescuers fired 12 shots into the air.", None) == [("shots", 12.0)]


def test_claims_carry_their_quantities_with_article_offsets():
    text = "Minister Olga Petrenko said the quake killed 10 people."
    article = make_article("a", ["A first paragraph about the quake in Ruritania.", text], entities=[], language="en")
    article.entities = [entity(article.text, "Olga Petrenko")]
    claim = split_claims(article)[1]
    (dead,) = claim.quantities
    assert article.text[dead.start : dead.end] == "10" and dead.kind == "killed"
    assert claim.numbers == [10.0]


def test_ranges_and_multiples_of_a_dozen():
    (between,) = read_quantities("Between 150 and 200 migrants reached Port Elwyn.", "en")
    assert (between.kind, between.low, between.high) == ("migrant", 150.0, 200.0)
    assert [q.value for q in read_quantities("The toll rose from 10 to 12 on Monday.", "en")] == [10.0, 12.0]  # a change
    (dozens,) = read_quantities("The inquiry has at least four dozen questions.", "en")
    assert (dozens.value, dozens.high) == (48.0, None)


def test_a_percentage_is_of_something():
    assert _kinds("Imports rose last year, a 15 percent increase.") == [("percent (increase)", 15.0)]
    assert _kinds("Ruritania ships about 13 percent of the imports.") == [("percent (import)", 13.0)]


def test_a_root_word_governs_nothing_of_its_own():
    # spaCy builds a new Token on each access, so "token.head is token" never held and a sentence's root was
    # taken for its own governor
    from storyline.compare.quantities import _governor
    from storyline.enrich.languages import get_language_model

    doc = get_language_model("en").parse("Twelve ferries.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert _governor(root) is None
