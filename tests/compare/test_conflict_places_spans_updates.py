"""False conflicts of a sixth ECB+ pass: a count over several places against one place's, a margin against a
side's points, tallies of two spans of a game (a run, a half, an average), and a running total that grew within a
day. Invented fixtures; each false case fails on the rules before, and its true counterpart stays a conflict."""

from datetime import datetime

from compare_helpers import english_claim, make_article, time_at

from storyline.compare.conflicts import NumberConflict
from storyline.compare.story import compare

claim = english_claim
VIDAL = ("Ines Vidal",)


def _clash(a: str, b: str, names: tuple[str, ...] = ()) -> bool:
    return NumberConflict().detect(claim("a:c0", a, names), claim("b:c0", b, names), 0.9) is not None


def test_a_count_over_several_places_is_not_one_places():
    province = "In 2004 a massive tremor sparked a tsunami that killed 170,000 people in the province, officials said."
    assert not _clash(province, "In 2004 a huge quake triggered a tsunami that killed 230,000 people across Ruritania.")
    assert not _clash(province, "In 2004 a huge quake triggered a tsunami that killed 230,000 people in 13 countries.")
    both = "A tsunami killed 170,000 people in the province and tens of thousands more in countries around Ruritania."
    assert not _clash(both, "In 2004 a huge quake triggered a tsunami that killed 230,000 people in 14 countries.")
    assert _clash(province, "In 2004 a massive tremor sparked a tsunami that killed 150,000 people in the province, officials said.")
    assert _clash(
        "In 2004 a huge quake triggered a tsunami that killed 230,000 people across Ruritania.",
        "In 2004 a huge quake triggered a tsunami that killed 260,000 people across Ruritania.",
    )


def test_places_named_far_from_the_figure_do_not_widen_it():
    assert _clash(
        "Police said 20,000 people took to the streets of Vellgrad as rallies all around the country kicked off.",
        "Police said 50,000 people took to the streets of Vellgrad on Saturday.",
    )


def test_two_names_of_one_place_are_still_compared():
    assert _clash(
        "Violence also broke out in Vellgrad, where another 20,000 people marched through the city center.",
        "Clashes broke out in Velgorod, where approximately 50,000 people marched through the city center.",
    )


def test_a_margin_is_no_sides_count():
    lead = "That angered the coach of the Gulls although his team led by 18 points."
    assert not _clash(lead, "The leading scorer of the Gulls posted a game-high 29 points.")
    assert _clash(lead, "That angered the coach of the Gulls although his team led by 12 points.")


def test_tallies_of_part_of_a_game_or_an_average_are_not_the_games():
    game = "Ines Vidal scored 23 points and grabbed seven rebounds in the win over Port Elwyn."
    assert not _clash(game, "In 8 first-half minutes, Ines Vidal scored 7 points and ripped down 5 rebounds.", VIDAL)
    assert not _clash(game, "Her coach said Ines Vidal brings 23 points and eight rebounds a game to Port Elwyn.", VIDAL)
    assert _clash(game, "Ines Vidal scored 23 points and grabbed five rebounds in the win over Port Elwyn.", VIDAL)
    run = "During the deciding 15-2 run, Ines Vidal blocked two shots against Port Elwyn."
    assert not _clash("Ines Vidal blocked six shots against Port Elwyn.", run, VIDAL)
    assert _clash(run, "During the deciding 15-2 run, Ines Vidal blocked four shots against Port Elwyn.", VIDAL)


def _story(first: str, second: str, first_at: datetime, second_at: datetime, encode):
    a = make_article("a", [first], language="en", outlet="Ruritania Herald", published=first_at)
    b = make_article("b", [second], language="en", outlet="Port Elwyn Post", published=second_at)
    return compare([a, b], encode)


def test_a_toll_that_grew_within_a_day_is_an_update_not_a_conflict(encode):
    text = "The quake near Port Elwyn injured {} people, the disaster agency said."
    night, morning = datetime(2025, 7, 3, 0, 0), datetime(2025, 7, 3, 6, 22)
    grew = _story(text.format(140), text.format("more than 200"), night, morning, encode)
    assert [g.verdict for g in grew.groups] == ["shared"]
    assert [(u["figure"], u["change"]) for u in grew.updates] == [("injured", "rise")]
    fell = _story(text.format(200), text.format(140), night, morning, encode)
    assert [g.verdict for g in fell.groups] == ["conflict"]  # a toll does not fall: one report is wrong
    same_hour = _story(text.format(140), text.format(200), night, night, encode)
    assert [g.verdict for g in same_hour.groups] == ["conflict"]


def _year_conflicts(first: str, first_when: str, first_year: str, second: str, second_when: str, second_year: str, encode):
    published = datetime(2025, 8, 4, 9)
    a = make_article("a", [first], language="en", outlet="Ruritania Herald", published=published, times=[time_at(first, first_when, first_year)])
    b = make_article("b", [second], language="en", outlet="Port Elwyn Post", published=published, times=[time_at(second, second_when, second_year)])
    result = compare([a, b], encode)
    return [e["detail"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] == "dates"]


def test_a_year_still_to_come_is_not_a_past_years_event(encode):
    leaving = "The actor Ruth Adler will replace Marco Bell, who is leaving the Port Elwyn show later this year."
    introduced = "The actor Ruth Adler will replace Marco Bell, who was introduced on the Port Elwyn show in 2019."
    assert _year_conflicts(leaving, "later this year", "2025", introduced, "2019", "2019", encode) == []
    leaves_earlier = "The actor Ruth Adler will replace Marco Bell, who will be leaving the Port Elwyn show in 2024."
    assert _year_conflicts(leaving, "later this year", "2025", leaves_earlier, "2024", "2024", encode) != []


def test_three_or_four_is_a_range():
    some = "Three or four robbers burst into the Port Elwyn store late Thursday."
    assert not _clash(some, "Four robbers burst into the Port Elwyn store late Thursday.")
    assert _clash(some, "Six robbers burst into the Port Elwyn store late Thursday.")
