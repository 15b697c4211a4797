"""False conflicts of an eighth ECB+ pass and of the bundled samples: a date that is the base a figure is measured
against ("a 32% drop from a year earlier"), box scores (runs of games, games missed, a gap in the standings, kinds
of plays, a tally each of several made), villages destroyed against villages damaged, a starting price against a
configured model's, "this year's" edition of a yearly event against "next year", a rumour about a speaker against
his denial. Invented fixtures; each false case fails on the rules before, and its true counterpart stays a conflict."""

from compare_helpers import english_claim

from storyline.compare.conflicts import DateConflict, DenialConflict, NumberConflict
from storyline.model import Claim

PELL = ("Dario Pell",)


def _dated(cid: str, text: str, value: str, phrase: str, verb: str = "") -> Claim:
    return english_claim(
        cid, text, dates=[value], date_phrases={value: phrase}, date_verbs={value: verb} if verb else {}
    )


def test_a_date_a_figure_is_measured_against_is_no_date_of_the_event():
    """ "a 32% drop from a year earlier" is this year's drop against last year's sales: no clash with "this year"."""
    reported = "This year Vanta Motors reported a 32% drop in sales from a year earlier, and Orlo sales fell 28%."
    base = _dated(
        "a:c0",
        "Vanta Motors reported a 32% drop in sales from a year earlier, and Orlo sales fell 28%.",
        "2030",
        "a year earlier",
        "report",
    )
    assert DateConflict().detect(base, _dated("b:c0", reported, "2031", "This year", "report"), 0.9) is None
    than = _dated(
        "a:c0", "Vanta Motors sold 32% fewer cars than last year, and Orlo sold 28% fewer.", "2030", "last year", "sell"
    )
    assert (
        DateConflict().detect(
            than,
            _dated(
                "b:c0", "This year Vanta Motors sold 32% fewer cars, and Orlo 28% fewer.", "2031", "This year", "sell"
            ),
            0.9,
        )
        is None
    )
    # a date counted back that dates the event itself still clashes
    event = _dated(
        "a:c0",
        "Vanta Motors reported a 32% drop in sales a year earlier, and Orlo sales fell 28%.",
        "2030",
        "a year earlier",
        "report",
    )
    assert DateConflict().detect(event, _dated("b:c0", reported, "2031", "This year", "report"), 0.9) is not None
    # "from" a day that starts something is no base
    start = _dated(
        "a:c0", "About 5,000 Vanta workers will strike from Monday, the union said.", "2031-03-03", "Monday", "strike"
    )
    other = _dated(
        "b:c0", "About 5,000 Vanta workers will strike from Tuesday, the union said.", "2031-03-04", "Tuesday", "strike"
    )
    assert DateConflict().detect(start, other, 0.9) is not None


def _clash(a: str, b: str, names: tuple[str, ...] = ()) -> bool:
    return NumberConflict().detect(english_claim("a:c0", a, names), english_claim("b:c0", b, names), 0.9) is not None


def test_runs_of_games_missed_games_and_kinds_of_plays_are_not_one_tally():
    last = "The Gulls have opened 9-14 with eight losses in their last 10 games, including Friday's setback."
    assert not _clash(last, "The Gulls went on to win 18 of their next 23 games after a 9-14 start.")
    assert _clash(
        last, "The Gulls have opened 9-14 with eight losses in their last 12 games, including Friday's setback."
    )
    assert not _clash(
        "Dario Pell missed four games after knee surgery in October.",
        "Dario Pell played in 10 games after knee surgery in October.",
        PELL,
    )
    assert _clash(
        "Dario Pell missed four games after knee surgery in October.",
        "Dario Pell missed six games after knee surgery in October.",
        PELL,
    )
    assert not _clash(
        "He had 440 yards and four touchdowns receiving this season.",
        "He scored six touchdowns on offense this season.",
    )
    assert _clash("He scored four touchdowns receiving this season.", "He had six touchdowns receiving this season.")
    assert not _clash(
        "The Gulls rushed for over 350 yards in the game.",
        "The Gulls racked up a total of 507 yards on offense in the game.",
    )


def test_a_tally_each_of_several_made_is_no_one_players():
    several = "On a day when at least nine quarterbacks threw for 300 yards or more, the Gulls would not let theirs."
    assert not _clash(several, "Dario Pell set a record, throwing for 205 yards in the game.", PELL)
    assert _clash(
        "Marco Bell threw for 300 yards in the game.",
        "Marco Bell threw for 205 yards in the game, a record.",
        ("Marco Bell",),
    )
    assert _clash(
        "Three tank shells exploded just outside the school grounds.",
        "Two tank shells struck the school, witnesses said.",
    )


def test_a_denial_of_a_rumour_about_the_speaker_is_no_self_contradiction():
    """ "one of many figures rumored to be the source" (the rumour's subject, cue "rumors") / "he denied he was the
    source": the rumour is others' word; the same speaker saying it and denying it still clashes."""
    rumour = english_claim(
        "a:c0",
        "He was one of many officials rumored over the years to be the secret source of the papers.",
        speaker="Dario Pell",
        cue="rumors",
    )
    denied = english_claim(
        "b:c0",
        "Mr. Pell denied suggestions that he was the secret source of the papers.",
        speaker="Dario Pell",
        cue="denied",
    )
    assert DenialConflict().detect(rumour, denied, 0.9) is None
    said = english_claim(
        "a:c0", "He said over the years that he was the secret source of the papers.", speaker="Dario Pell", cue="said"
    )
    assert DenialConflict().detect(said, denied, 0.9) is not None


def test_things_destroyed_and_things_damaged_are_two_counts_and_a_plain_count_is_compared():
    destroyed = "The governor told the agency four villages had been destroyed and three people killed."
    assert not _clash(
        "Between half and two-thirds of homes in five villages had been damaged, officials said.", destroyed
    )
    assert _clash("The governor said seven villages had been destroyed and three people killed.", destroyed)
    assert _clash(
        "Several buildings have been damaged by the quake, as well as seven bridges.",
        "The quake damaged 8 bridges, the ministry said.",
    )
    assert not _clash("The quake destroyed or damaged 1,500 houses in about 15 villages.", destroyed)


def test_a_starting_price_is_no_rival_of_a_configured_models_price():
    start = "The 13-inch models start at $1,199 and include a 1.8GHz processor and 128GB of storage."
    assert not _clash(
        start, "The 13-inch model will have the option for a 2.9GHz processor and 8GB of memory, priced at $1799."
    )
    assert _clash(start, "The 13-inch models start at $1,099 and include a 1.8GHz processor and 128GB of storage.")


def test_this_years_and_next_years_edition_of_a_yearly_event_may_be_one():
    this = _dated(
        "a:c0",
        "Dana Rell just said she will be hosting the Corvian Film Awards this year.",
        "2031",
        "this year",
        "host",
    )
    nxt = _dated(
        "b:c0",
        "Dana Rell will host the Corvian Film Awards for a second time next year, the academy said.",
        "2032",
        "next year",
        "host",
    )
    assert DateConflict().detect(this, nxt, 0.9) is None
    plant = _dated("a:c0", "The Kelmsby plant will close this year, the company said.", "2031", "this year", "close")
    assert (
        DateConflict().detect(
            plant,
            _dated("b:c0", "The Kelmsby plant will close next year, the company said.", "2032", "next year", "close"),
            0.9,
        )
        is not None
    )
    two_years = _dated(
        "a:c0", "Dana Rell will be hosting the Corvian Film Awards in 2031, the academy said.", "2031", "2031", "host"
    )
    assert DateConflict().detect(two_years, nxt, 0.9) is not None  # years written, no season


def test_a_record_of_a_run_and_a_gap_in_the_standings_are_no_tally_of_games():
    share = "Friday night's loss in Kelmsby, the team's eighth in 10 games, was apparently the last straw."
    below = "The Gulls won 18 of their next 23 games after being at least 12 games below .500 at some point."
    assert not _clash(share, below)
    assert not _clash(
        "They stretched the Herons to six games before losing in the first round.",
        "The Gulls are still just two games in the loss column behind the eighth seed.",
    )
    assert _clash(
        "They stretched the Herons to six games before losing in the first round.",
        "They stretched the Herons to seven games before losing in the first round.",
    )


def test_tallies_told_apart_are_still_another_tally_when_every_count_disagrees():
    """A player's college rushing and receiving yards and scores against another's season: two tallies, as before."""
    college = "He played at Wayne State, where he finished with 6,728 yards rushing with 96 touchdowns in addition to 918 yards and four scores receiving."
    assert not _clash(college, "The undrafted rookie finished with a team-high 716 yards rushing and five touchdowns.")
    assert not _clash(college, "As an undrafted rookie he rushed for 716 yards in 12 games and had five rushing TDs.")
    assert not _clash(
        "He threw two touchdown passes and set up a 45-yard field goal.",
        "Dario Pell caught five passes for 127 yards against the Herons.",
        PELL,
    )


def test_a_share_of_a_total_and_a_total_of_several_still_count_the_total():
    assert _clash("Officers fired seven bullets, and three of the seven bullets hit him.", "Officers fired 11 bullets, witnesses said.")
    assert _clash("The three boats had a total of 26 crew on board.", "The boats had a total of 23 crew on board.")
