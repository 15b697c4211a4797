"""When a claim happened, and when two claims' dates and times disagree (fact-checker walkthrough on
ECB+ and NewsWCL50 stories). Invented fixtures; each test fails on the rules before."""

from compare_helpers import make_article, time_at

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import ClockTimeConflict, DateConflict, same_event
from storyline.model import Claim


def claim(cid: str, text: str, **anchors) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), language="en", **anchors)


def _dates(text: str, *times: tuple[str, str]) -> list[str]:
    article = make_article("a", [text], language="en", times=[time_at(text, surface, value) for surface, value in times])
    (only,) = split_claims(article)
    return only.dates


def test_a_year_describing_a_noun_does_not_date_the_claim():
    tsunami = "The 2004 tsunami destroyed the harbour of Port Elwyn, Ines Vidal said on Tuesday."
    assert _dates(tsunami, ("2004", "2004"), ("Tuesday", "2013-04-30")) == []  # Tuesday: the day of the saying
    assert _dates("The 2010 law was struck down in March 2012 by a court.", ("2010", "2010"), ("March 2012", "2012-03")) == ["2012-03"]
    assert _dates("Marco Bell was driving a 1990s model when he crashed.", ("1990s", "199")) == []
    assert _dates("Survivors of the 2004 storm rebuilt the harbour of Port Elwyn.", ("2004", "2004")) == []
    split = "Ruritania split off in July after voting in a January referendum, the end of a 2005 peace deal."
    assert _dates(split, ("July", "2011-07"), ("January", "2011-01"), ("2005", "2005")) == ["2011-07"]
    # what happened in a year, on a day its noun is named by, or in or during a thing a date names, is dated by it
    assert _dates("The harbour of Port Elwyn was destroyed in a 2004 storm.", ("2004", "2004")) == ["2004"]
    assert _dates("Ines Vidal told officials in a March meeting that the port would close.", ("March", "2013-03")) == ["2013-03"]
    assert _dates("In 2004 the harbour of Port Elwyn was destroyed.", ("2004", "2004")) == ["2004"]
    assert _dates("Monday's storm destroyed the harbour of Port Elwyn.", ("Monday", "2013-04-29")) == ["2013-04-29"]
    thieves = "And last month thieves made off with £35, 000 of jewellery after cracking two safes at the Grand Hotel in Port Elwyn."
    assert _dates(thieves, ("last month", "2013-04")) == ["2013-04"]  # parsed "month thieves": still its time


def test_a_month_without_its_year_is_compared_only_within_one_resolved_year():
    march_2012 = claim("a:c0", "The strike at Port Elwyn began in March, union leader Ines Vidal said.", dates=["2012-03"])
    may_2013 = claim("b:c0", "The strike at Port Elwyn began in May, union leader Ines Vidal said.", dates=["2013-05"])
    may_2012 = claim("c:c0", "The strike at Port Elwyn began in May, union leader Ines Vidal said.", dates=["2012-05"])
    undated = claim("d:c0", "The strike at Port Elwyn began in May, union leader Ines Vidal said.", dates=["XXXX-05"])
    detector = DateConflict()
    assert detector.detect(march_2012, may_2013, 0.9) is None  # each borrowed its article's year: 2012 vs 2013
    assert detector.detect(march_2012, undated, 0.9) is None  # no year to compare with
    found = detector.detect(march_2012, may_2012, 0.9)  # one year: March and May disagree
    assert found is not None and found.quantities == ["month"]
    named = claim("e:c0", "The strike at Port Elwyn began in May 2013, union leader Ines Vidal said.", dates=["2013-05"])
    named_too = claim("f:c0", "The strike at Port Elwyn began in March 2012, union leader Ines Vidal said.", dates=["2012-03"])
    assert detector.detect(named_too, named, 0.9) is not None  # both name their years


def test_reporting_verbs_generic_nouns_and_date_words_do_not_make_one_event():
    ferry = claim("a:c0", "Officials said on Monday that the ferry sank near Port Elwyn.", entities=["port elwyn"])
    strike = claim("b:c0", "Officials said on Monday that the strike ended at the port.")
    assert not same_event(ferry, strike)
    sank = claim("c:c0", "The ferry sank near Port Elwyn on Sunday, officials said.", entities=["port elwyn"])
    assert same_event(ferry, sank)


def _ferry(article_id: str, text: str):
    return make_article(article_id, [text], language="en")


def test_two_clock_times_for_one_event_conflict_on_the_time(encode):
    from storyline.compare.story import compare

    three = _ferry("a", "The ferry from Port Elwyn docked at Ruritania harbour at 3 p.m. with 40 passengers aboard.")
    five = _ferry("b", "The ferry from Port Elwyn docked at Ruritania harbour at 5 p.m. with 40 passengers aboard.")
    (group,) = compare([three, five], encode).groups
    assert group.verdict == "conflict"
    (finding,) = [e for e in group.evidence if e["rule"] == "dates"]
    assert finding["quantities"] == ["time"]
    assert finding["detail"] == "dates disagree on the time: 3 p.m. (a) vs 5 p.m. (b)"
    assert [s["text"] for s in finding["spans"]] == [three.text, five.text]


def test_clock_times_of_two_zones_verbs_or_roundings_do_not_conflict():
    detector = ClockTimeConflict()
    local = claim("a:c0", "The ferry docked at Port Elwyn at 5 p.m. local time (1500 GMT) on Sunday.")
    universal = claim("b:c0", "The ferry docked at Port Elwyn at 1500 GMT on Sunday.")
    bare = claim("c:c0", "The ferry docked at Port Elwyn at 3 p.m. on Sunday.")
    assert detector.detect(local, universal, 0.9) is None  # both 1500 GMT
    assert detector.detect(local, bare, 0.9) is None  # local time and an unsaid zone: not compared
    late = claim("d:c0", "The ferry docked at Port Elwyn at 1700 GMT on Sunday.")
    found = detector.detect(local, late, 0.9)
    assert found is not None and found.detail == "dates disagree on the time: 1500 GMT vs 1700 GMT"
    rounded = claim("e:c0", "The ferry docked at Port Elwyn at about 3:20 p.m. on Sunday.")
    assert detector.detect(bare, rounded, 0.9) is None  # within half an hour
    left = claim("f:c0", "The ferry left Port Elwyn at 5 p.m. on Sunday.")
    assert detector.detect(bare, left, 0.9) is None  # docking and leaving: two events
    said = claim("g:c0", "Ines Vidal said at 5 p.m. on Sunday that the ferry was safe.")
    bare_said = claim("h:c0", "Ines Vidal said at 3 p.m. on Sunday that the harbour was closed.")
    assert detector.detect(said, bare_said, 0.9) is None  # a reporting verb is no event in common


def test_a_game_clock_or_a_time_of_another_verb_is_no_clock_time_conflict():
    detector = ClockTimeConflict()
    left = claim("a:c0", "Marco Bell scored the record point for Port Elwyn with 4:43 left in the first half.")
    remaining = claim("b:c0", "Marco Bell scored the record point for Port Elwyn with 7:02 remaining in the half.")
    assert detector.detect(left, remaining, 0.9) is None  # no a.m. or p.m.: a game clock as often as a time of day
    struck = claim("c:c0", "The quake struck Port Elwyn at 9:27 a.m. on Sunday, the survey said.")
    followed = claim("d:c0", "At 9:32 p.m. on Sunday the quake at Port Elwyn was followed by a smaller one.")
    assert detector.detect(struck, followed, 0.9) is None  # the times modify two verbs: two events
