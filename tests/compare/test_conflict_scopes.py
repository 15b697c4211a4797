"""False conflicts a fact-checker's walkthrough of the ECB+ stories found: figures of two scopes (two players,
two places, two quakes, "today" and "Monday"), tokenised text, a refused offer read as a denial, and opposed
words that tell no event. Invented fixtures; each test fails on the rules before."""


from compare_helpers import english_claim

from storyline.compare.clock import clock_times
from storyline.compare.conflicts import (
    ClockTimeConflict,
    DateConflict,
    DenialConflict,
    NumberConflict,
    OpposedVerbConflict,
    SpeakerConflict,
    reported_denial,
)
from storyline.compare.lexicon import negation_cue
from storyline.compare.quantities import disagreements
from storyline.compare.verdicts import _same_values

claim = english_claim


def _kinds(text: str, names: tuple[str, ...] = ()) -> list[str]:
    return [q.kind for q in claim("a:c0", text, names).quantities]


def test_tokenised_ages_measures_and_clock_times_are_read_as_such():
    assert _kinds("A 32 - year - old climber from Port Elwyn fell on Sunday.") == ["age of climber"]
    assert _kinds("Marco Bell, 31, and a 12 - year old boy from Port Elwyn were hurt.", ("Marco Bell",)) == ["age of Marco Bell", "age of boy"]
    assert _kinds("At approximately 7 p. m. the ferry left Port Elwyn.") == []  # a time of day, no count
    assert [t.minutes for t in clock_times("At approximately 7 p. m. the ferry left Port Elwyn.")] == [19 * 60]


def test_counts_of_two_named_players_are_two_figures():
    vidal = claim("a:c0", "Ines Vidal scored 14 points for Port Elwyn on Friday.", ("Ines Vidal",))
    bell = claim("b:c0", "Marco Bell scored 12 points for Port Elwyn on Friday.", ("Marco Bell",))
    assert NumberConflict().detect(vidal, bell, 0.9) is None
    vidal_again = claim("c:c0", "Ines Vidal scored 12 points for Port Elwyn on Friday.", ("Ines Vidal",))
    found = NumberConflict().detect(vidal, vidal_again, 0.9)
    assert found is not None and found.quantities == ["point (of Ines Vidal)"]
    dead = claim("d:c0", "Ruritanian rebels killed 10 people in Port Elwyn.", ("Ruritanian",))
    more = claim("e:c0", "Ruritanian rebels killed 14 people in Port Elwyn.", ("Ruritanian",))
    assert disagreements(dead.quantities, more.quantities) == ["killed"]  # a toll is no one's figure


def test_groups_of_a_box_score_sharing_two_values_are_not_one_disagreement():
    assert _same_values({(7.0,), (8.0,)}, {(7.0,), (8.0,)})  # "killing 7" / "8" told by two pairs of claims
    assert _same_values({(7.0,), (8.0,)}, {(7.0,), (8.0,), (9.0,)})
    assert not _same_values({(3.0,), (5.0,), (10.0,), (17.0,), (23.0,)}, {(3.0,), (5.0,), (8.0,)})


def test_distances_from_two_places_or_of_a_depth_are_two_figures():
    port = claim("a:c0", "The quake struck 20 km (12 miles) off Port Elwyn on Sunday.")
    capital = claim("b:c0", "The quake struck 135 km from the capital of Ruritania on Sunday.")
    deep = claim("c:c0", "The quake struck at a depth of 35 km on Sunday.")
    assert [q.kind for q in port.quantities] == ["distance (port)", "distance (port)"]
    assert disagreements(port.quantities, capital.quantities) == []
    assert disagreements(capital.quantities, deep.quantities) == []
    farther = claim("d:c0", "The quake struck 60 km off Port Elwyn on Sunday.")
    assert disagreements(port.quantities, farther.quantities) == ["distance (port)"]


def test_the_first_of_two_quakes_is_not_compared_with_the_quake():
    first = claim("a:c0", "The first quake struck Port Elwyn at 4:43 a.m. on Sunday.")
    quake = claim("b:c0", "The quake struck Port Elwyn at 7:48 a.m. on Sunday.")
    assert ClockTimeConflict().detect(first, quake, 0.9) is None
    other = claim("c:c0", "The quake struck Port Elwyn at 4:43 a.m. on Sunday.")
    assert ClockTimeConflict().detect(other, quake, 0.9) is not None
    near = claim("d:c0", "The first quake struck 20 km off Port Elwyn on Sunday.")
    far = claim("e:c0", "The quake struck 60 km off Port Elwyn on Sunday.")
    assert NumberConflict().detect(near, far, 0.9) is None


def test_today_is_the_day_before_or_after_in_another_time_zone():
    today = claim("a:c0", "The gunman walked into the Port Elwyn office at about 10am today.", dates=["2024-03-12"])
    monday = claim("b:c0", "The gunman walked into the Port Elwyn office at about 10am on Monday.", dates=["2024-03-11"])
    assert DateConflict().detect(today, monday, 0.9) is None
    tuesday = claim("c:c0", "The gunman walked into the Port Elwyn office at about 10am on Tuesday.", dates=["2024-03-12"])
    assert DateConflict().detect(monday, tuesday, 0.9) is not None
    later = claim("d:c0", "The gunman walked into the Port Elwyn office at about 10am today.", dates=["2024-03-14"])
    assert DateConflict().detect(later, monday, 0.9) is not None  # three days apart


def test_a_refused_offer_is_no_denial_of_a_statement():
    offer = "The prosecutor Marco Bell denied a plea offer from the defence a year ago."
    refused = claim("a:c0", offer, ("Marco Bell",), speaker="Marco Bell", cue="denied")
    assert reported_denial(refused) is None
    stated = claim("b:c0", "Marco Bell said the defence made a plea offer a year ago.", ("Marco Bell",), speaker="Marco Bell", cue="said")
    assert DenialConflict().detect(refused, stated, 0.9) is None
    denied = "Marco Bell denied that the defence made a plea offer a year ago."
    denial = claim("c:c0", denied, ("Marco Bell",), speaker="Marco Bell", cue="denied")
    assert DenialConflict().detect(denial, stated, 0.9) is not None
    other = claim("d:c0", "Marco Bell denied that the prosecution was political.", ("Marco Bell",), speaker="Marco Bell", cue="denied")
    assert DenialConflict().detect(other, stated, 0.9) is None  # he denies something else than he said


def test_opposed_words_that_tell_no_event_do_not_conflict():
    detector = OpposedVerbConflict()
    lost = claim("a:c0", "Port Elwyn lost the final against Ruritania on Sunday.", ("Port Elwyn", "Ruritania"))
    won = claim("b:c0", "Port Elwyn won the final against Ruritania on Sunday.", ("Port Elwyn", "Ruritania"))
    assert detector.detect(lost, won, 0.9) is not None
    chance = claim("c:c0", "Port Elwyn had one final chance to win the game against Ruritania.", ("Port Elwyn", "Ruritania"))
    wont = claim("d:c0", "Port Elwyn won't play Ruritania in the final on Sunday.", ("Port Elwyn", "Ruritania"))
    beat = claim("e:c0", "Port Elwyn defeated Ruritania 65-53 in the final on Sunday.", ("Port Elwyn", "Ruritania"))
    for other in (chance, wont):
        assert detector.detect(lost, other, 0.9) is None
    victory = claim("f:c0", "Port Elwyn's win over Ruritania was historic.", ("Port Elwyn", "Ruritania"))
    assert detector.detect(victory, beat, 0.9) is None  # "defeated Ruritania" is a win too
    denied = claim("g:c0", "Ines Vidal did not deny the ferry was overloaded.", ("Ines Vidal",))
    admitted = claim("h:c0", "Ines Vidal admitted the ferry was overloaded.", ("Ines Vidal",))
    assert detector.detect(denied, admitted, 0.9) is None
    growing = claim("i:c0", "Ines Vidal runs a fast - growing ferry company in Port Elwyn.", ("Ines Vidal",))
    fell = claim("j:c0", "Ines Vidal saw ferry sales fell in Port Elwyn.", ("Ines Vidal",))
    assert detector.detect(growing, fell, 0.9) is None


def test_durations_in_two_units_time_two_things():
    days = claim("a:c0", "The jury in Port Elwyn deadlocked after four days of deliberations.")
    hours = claim("b:c0", "The jury in Port Elwyn deadlocked after 30 hours of deliberations.")
    assert disagreements(days.quantities, hours.quantities) == []
    more = claim("c:c0", "The jury in Port Elwyn deadlocked after six days of deliberations.")
    assert disagreements(days.quantities, more.quantities) == ["duration (days)"]


def test_a_speaker_found_outside_the_claim_is_no_evidence_of_misattribution():
    detector = SpeakerConflict()
    said = '"We appreciate your respect for her privacy," Ines Vidal told reporters in Port Elwyn.'
    named = claim("a:c0", said, ("Ines Vidal",), speaker="Ines Vidal")
    pronoun = claim("b:c0", '"We appreciate your respect for her privacy," he told reporters in Port Elwyn.', speaker="Marco Bell")
    assert detector.detect(named, pronoun, 0.95) is None  # "he" was resolved elsewhere: a guess
    other = claim("c:c0", said.replace("Ines Vidal", "Marco Bell"), ("Marco Bell",), speaker="Marco Bell")
    assert detector.detect(named, other, 0.95) is not None


def test_negations_in_quick_copy_and_tokenised_compounds():
    curly = claim("a:c0", "The case hadn\u2019t been submitted to the Port Elwyn court as of Tuesday.")
    plain = claim("b:c0", "The case hadn't been submitted to the Port Elwyn court as of Tuesday.")
    assert negation_cue(curly.text) is not None and negation_cue(plain.text) is not None
    assert negation_cue("I cant speak for the first death in Port Elwyn.") is not None
    assert negation_cue("Business and non - business customers of Port Elwyn can order it.") is None
    assert negation_cue("Business customers of Port Elwyn can not order it.") is not None


def test_a_claim_giving_several_figures_of_a_kind_is_not_matched_with_one():
    two = claim("a:c0", "A 12-year-old girl and a 15-year-old girl from Port Elwyn testified on Monday.")
    one = claim("b:c0", "A 14-year-old girl from Port Elwyn testified on Monday.")
    assert disagreements(two.quantities, one.quantities) == []  # which of the two girls is 14?
    converted = claim("c:c0", "The quake struck 58km (36 miles) off Port Elwyn on Sunday.")
    farther = claim("d:c0", "The quake struck 100 km off Port Elwyn on Sunday.")
    assert disagreements(converted.quantities, farther.quantities) == ["distance (port)"]  # one figure, converted


def test_a_count_describing_a_noun_counts_for_that_noun():
    goal = claim("a:c0", "Marco Bell kicked a 47-yard field goal for Port Elwyn late in the game.")
    drive = claim("b:c0", "Marco Bell capped a 73-yard drive for Port Elwyn late in the game.")
    assert [q.kind for q in goal.quantities] == ["yard (goal)"]
    assert disagreements(goal.quantities, drive.quantities) == []
    longer = claim("c:c0", "Marco Bell kicked a 52-yard field goal for Port Elwyn late in the game.")
    assert disagreements(goal.quantities, longer.quantities) == ["yard (goal)"]
