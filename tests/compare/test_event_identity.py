"""False conflicts a second fact-checker walkthrough (ECB+, NewsWCL50, MEANTIME) found: days each told from its
own article's publication day, a day read in two years, opposed verbs whose subject is no one named, a win or
loss of no contest, and a speaker named only by a surname two speakers share. Invented fixtures; each test
fails on the rules before."""

import re
from datetime import datetime

from compare_helpers import make_article, time_at

from storyline.compare.conflicts import DateConflict, OpposedVerbConflict, SpeakerConflict
from storyline.compare.quantities import read_quantities
from storyline.compare.story import compare
from storyline.model import Claim


def claim(cid: str, text: str, names: tuple[str, ...] = (), **anchors) -> Claim:
    """An English claim; ``names`` are its actors (every mention)."""
    actors = [[m.start(), m.end(), n] for n in names for m in re.finditer(re.escape(n), text)]
    quantities = read_quantities(text, "en", actors=[(s, e, n) for s, e, n in actors])
    return Claim(
        id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), language="en", actors=sorted(actors),
        quantities=quantities, **anchors,
    )  # fmt: skip


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
    late = _dated("c", text, "Thursday", "2025-03-13", datetime(2025, 3, 7, 9))
    assert _conflicts([a, late], encode) == ["dates"]  # one day's reports give two days
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
