"""False conflicts a second fact-checker walkthrough (ECB+, NewsWCL50, MEANTIME) found: days each told from its
own article's publication day or one weekday read twice, a day read in two years, opposed verbs whose subject
is no one named, a win or loss of no contest, a speaker named only by a surname two speakers share,
hypothetical figures, measures of two actions, another occurrence and negated modifiers. Invented fixtures;
each test fails on the rules before."""

from datetime import datetime

from compare_helpers import english_claim, make_article, time_at

from storyline.compare.conflicts import (
    DateConflict,
    NegationConflict,
    NumberConflict,
    OpposedVerbConflict,
    SpeakerConflict,
    hypothetical,
)
from storyline.compare.story import compare

claim = english_claim


def _dated(name: str, text: str, surface: str, value: str, published: datetime):
    return make_article(name, [text], language="en", published=published, times=[time_at(text, surface, value)])


def _conflicts(articles, encode) -> list[str]:
    groups = compare(articles, encode).groups
    return [e["rule"] for g in groups if g.verdict == "conflict" for e in g.evidence if e["rule"] != "aligned"]


def test_days_each_told_from_its_own_publication_day_are_two_events(encode):
    text = "The ferry Marisol docked at Port Elwyn on Thursday after a storm, the harbour master said."
    a = _dated("a", text, "Thursday", "2025-03-06", datetime(2025, 3, 7, 9))
    b = _dated("b", text, "Thursday", "2025-03-13", datetime(2025, 3, 14, 9))
    assert _conflicts([a, b], encode) == []  # each report's own Thursday: two dockings
    friday = _dated("c", text.replace("Thursday", "Friday"), "Friday", "2025-03-07", datetime(2025, 3, 7, 9))
    assert _conflicts([a, friday], encode) == ["dates"]  # one day's reports give two days
    written = text.replace("on Thursday", "on Thursday, March 13,")
    c = _dated("c", written, "Thursday, March 13", "2025-03-13", datetime(2025, 3, 14, 9))
    assert _conflicts([a, c], encode) == ["dates"]  # a day written out is no report's own day


def test_a_day_whose_year_neither_claim_writes_is_one_day():
    text = "The body of Ines Vidal was found in a car near Port Elwyn on April 9."
    a, b = claim("a:c0", text, dates=["2013-04-09"]), claim("b:c0", text, dates=["2012-04-09"])
    assert DateConflict().detect(a, b, 0.9) is None
    written = claim("c:c0", "The body of Ines Vidal was found in a car near Port Elwyn on April 9, 2012.", dates=["2012-04-09"])
    assert DateConflict().detect(a, written, 0.9) is None  # one side's year read from its publication
    both = claim("d:c0", "The body of Ines Vidal was found in a car near Port Elwyn on April 9, 2013.", dates=["2013-04-09"])
    assert DateConflict().detect(both, written, 0.9) is not None


def test_opposed_verbs_are_judged_on_the_subject_of_the_verb():
    detector = OpposedVerbConflict()
    names = ("Marco Bell", "Port Elwyn")
    won = claim("a:c0", "Two interceptions and a fumble by Marco Bell were what won this game for Port Elwyn.", names)
    lost = claim("b:c0", "Marco Bell lost the game against Port Elwyn on Sunday.", names)
    assert detector.detect(won, lost, 0.9) is None  # the fumble won it, not Bell
    fell = claim("c:c0", "The Port Elwyn Gulls fell to 2-6 at home this season.", ("Port Elwyn Gulls",))
    jumped = claim("d:c0", "The Port Elwyn Gulls scored again, jumping to a 14-0 lead.", ("Port Elwyn Gulls",))
    assert detector.detect(fell, jumped, 0.9) is None  # "jumping" has no subject of its own
    admits = claim("e:c0", "Sanctions hit Ruritania, which admits the allegations.", ("Ruritania",))
    denies = claim("f:c0", "Ruritania denied it had sent drones.", ("Ruritania",))
    assert detector.detect(admits, denies, 0.9) is not None  # "which" stands for Ruritania


def test_a_win_or_loss_of_no_contest_is_no_outcome():
    detector = OpposedVerbConflict()
    won = claim("a:c0", "Port Elwyn won the final against Ruritania on Sunday.", ("Port Elwyn",))
    fumble = claim("b:c0", "Port Elwyn lost a fumble on the 16 - yard line.", ("Port Elwyn",))
    assert detector.detect(won, fumble, 0.9) is None
    final = claim("c:c0", "Port Elwyn lost the final against Ruritania on Sunday.", ("Port Elwyn",))
    assert detector.detect(won, final, 0.9) is not None


def test_a_surname_two_speakers_share_names_neither():
    said = "Gigante would wander the streets of Port Elwyn in his bathrobe, mumbling to himself."
    a = claim("a:c0", said, speaker="Vincent Gigante")
    b = claim("b:c0", said, speaker="Louis Gigante")
    assert SpeakerConflict().detect(a, b, 0.9) is None
    marco = claim("c:c0", '"We will rebuild the bridge," Marco Bell said.', speaker="Marco Bell")
    anna = claim("d:c0", '"We will rebuild the bridge," Anna Bell said.', speaker="Anna Bell")
    assert SpeakerConflict().detect(marco, anna, 0.9) is not None


def test_a_rise_and_a_fall_told_on_two_days_are_two_days_moves(encode):
    fell = "The Port Elwyn index, the PEX 50, fell in value by 2.4% to below the 5000 mark."
    rose = "The Port Elwyn index, the PEX 50, rose in value by 8.1% to above the 5000 mark."

    def report(name: str, text: str, day: int):
        return make_article(name, [text], language="en", published=datetime(2025, 3, day, 18))

    a, b = report("a", fell, 17), report("b", rose, 20)
    assert "opposed-verbs" not in _conflicts([a, b], encode)
    same_day = report("c", rose, 17)
    assert "opposed-verbs" in _conflicts([a, same_day], encode)


def test_clock_times_of_two_publication_days_are_each_days_own(encode):
    def report(name: str, text: str, day: int):
        return make_article(name, [text], language="en", published=datetime(2025, 3, day, 18))

    a = report("a", "The Port Elwyn index was down 2.6% at 16:08 UTC, a slight increase from earlier in the day.", 17)
    b = report("b", "The Port Elwyn index was down 2.6% at 14:58 UTC, a slight increase from earlier in the day.", 20)
    assert _conflicts([a, b], encode) == []
    c = report("c", "The Port Elwyn index was down 2.6% at 14:58 UTC, a slight increase from earlier in the day.", 17)
    assert _conflicts([a, c], encode) == ["dates"]


def test_hypothetical_figures_are_not_compared():
    detector = NumberConflict()
    needed = claim("a:c0", "Ines Vidal needed 9 points against Port Elwyn to pass the school record.", ("Ines Vidal",))
    scored = claim("b:c0", "Ines Vidal scored 20 points against Port Elwyn to pass the school record.", ("Ines Vidal",))
    assert detector.detect(needed, scored, 0.9) is None
    could = claim("c:c0", "The worm could infect hundreds of thousands of computers in Ruritania, experts said.")
    infected = claim("d:c0", "The worm has infected more than two million computers in Ruritania, experts said.")
    assert detector.detect(could, infected, 0.9) is None
    if_pushed = claim("e:c0", "If the Gulls are pushed to 10 years, they would accept a contract for Marco Bell.")
    offered = claim("f:c0", "The Gulls offered Marco Bell a contract of seven years.")
    assert not hypothetical(offered, offered.quantities[0]) and hypothetical(if_pushed, if_pushed.quantities[0])
    scored_less = claim("g:c0", "Ines Vidal scored 14 points against Port Elwyn to pass the school record.", ("Ines Vidal",))
    assert detector.detect(scored_less, scored, 0.9) is not None
    wouldnt = claim("h:c0", "If it had, we wouldn't have 355 damaged shops in Port Elwyn.")
    assert not hypothetical(wouldnt, wouldnt.quantities[0])  # a negated "would" says there are 355


def test_distances_and_durations_of_two_actions_are_two_figures():
    detector = NumberConflict()
    building = claim("a:c0", "Police evacuated the office building, about 15 miles north of Port Elwyn.")
    motorist = claim("b:c0", "Police received a tip from a motorist in Elwyn Falls, about 50 miles north of Port Elwyn.")
    assert detector.detect(building, motorist, 0.9) is None
    evacuated = claim("c:c0", "Police evacuated the office building, about 25 miles north of Port Elwyn.")
    assert detector.detect(building, evacuated, 0.9) is not None
    ensued = claim("d:c0", "Legal battles over the competence of Marco Bell ensued for seven years.")
    took = claim("e:c0", "It took another six years for Marco Bell to concede his competence.")
    assert detector.detect(ensued, took, 0.9) is None
    served = claim("f:c0", "Marco Bell served four months in a federal prison.")
    assert detector.detect(served, claim("g:c0", "Marco Bell served five months in a federal prison."), 0.9) is not None


def test_one_weekday_read_from_two_publication_days_is_one_day():
    text = "Olga Petrenko had argued with her co - workers on Thursday evening at the Port Elwyn plant."
    a, b = claim("a:c0", text, dates=["2010-09-09"]), claim("b:c0", text, dates=["2010-11-04"])
    assert DateConflict().detect(a, b, 0.9) is None
    friday = claim("c:c0", text.replace("Thursday", "Friday"), dates=["2010-09-10"])
    assert DateConflict().detect(a, friday, 0.9) is not None


def test_another_object_is_another_occurrence():
    revoked = claim("a:c0", "The government revoked a rule that weakened the Port Elwyn wildlife act.", dates=["2009-04-29"])
    another = claim("b:c0", "The government revoked another rule that weakened the Port Elwyn wildlife act.", dates=["2009-03-03"])
    assert DateConflict().detect(revoked, another, 0.9) is None
    same = claim("c:c0", "The government revoked the rule that weakened the Port Elwyn wildlife act.", dates=["2009-03-03"])
    assert DateConflict().detect(revoked, same, 0.9) is not None
    wounded = claim("d:c0", "The quake killed 10 people in Port Elwyn and wounded other 70.")
    injured = claim("e:c0", "The quake killed 10 people in Port Elwyn and injured 80.")
    assert NumberConflict().detect(wounded, injured, 0.9) is not None  # "other 70": more people, not another quake


def test_a_negated_modifier_or_an_auxiliary_is_no_negated_predicate():
    detector = NegationConflict()
    near = claim("a:c0", "Marco Bell was arrested not far from the scene in Port Elwyn, police said.", negated=True)
    arrested = claim("b:c0", "Marco Bell was arrested several blocks from the scene in Port Elwyn, police said.")
    assert detector.detect(near, arrested, 0.9) is None
    had = claim("c:c0", "Ruritania has not had a functioning government since 1991.", negated=True)
    seen = claim("d:c0", "Ruritania has seen continuous conflict since 1991.")
    assert detector.detect(had, seen, 0.9) is None
    guilty = claim("e:c0", "Marco Bell pleaded not guilty to the charges in Port Elwyn.", negated=True)
    pleaded = claim("f:c0", "Marco Bell pleaded guilty to the charges in Port Elwyn.")
    assert detector.detect(guilty, pleaded, 0.9) is not None


def test_opposed_stances_on_two_matters_do_not_conflict():
    detector = OpposedVerbConflict()
    wives = claim("a:c0", "Marco Bell openly acknowledges having several wives in Port Elwyn.", ("Marco Bell",))
    wrongdoing = claim("b:c0", "Marco Bell has denied any criminal wrongdoing within the community.", ("Marco Bell",))
    assert detector.detect(wives, wrongdoing, 0.9) is None
    denied = claim("c:c0", "Marco Bell has denied having several wives in Port Elwyn.", ("Marco Bell",))
    assert detector.detect(wives, denied, 0.9) is not None
    allegations = claim("d:c0", "Marco Bell denies the allegations.", ("Marco Bell",))
    assert detector.detect(wives, allegations, 0.9) is not None  # what is alleged is not told: it may be the wives
    but = claim("e:c0", "Marco Bell acknowledges having several wives but said the community abhors any wrongdoing.", ("Marco Bell",))
    assert detector.detect(but, wrongdoing, 0.9) is None  # the matter ends at "but"
