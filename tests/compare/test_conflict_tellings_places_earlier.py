"""False conflicts of a ninth ECB+ pass: a day of telling against the day of what it tells, two departures from two
named places, a figure of an earlier occurrence ("earlier this year"), a figure of another named thing told in a
relative clause. Invented fixtures; each false case fails on the rules before, and its true counterpart stays a
conflict."""

from compare_helpers import english_claim

from storyline.compare.conflicts import DateConflict, NumberConflict
from storyline.model import Claim


def _dated(cid: str, text: str, value: str, phrase: str, verb: str) -> Claim:
    return english_claim(cid, text, dates=[value], date_phrases={value: phrase}, date_verbs={value: verb})


def test_a_day_of_telling_is_no_day_of_what_is_told():
    """ "producer N announced Sunday" dates the announcement; "who is leaving at Christmas" the leaving."""
    leaving = _dated(
        "a:c0", "Orla Venn will take over from Tam Reddy, who is leaving the show at Christmas.", "2031-12-25",
        "Christmas", "leave",
    )  # fmt: skip
    announced = _dated(
        "b:c0", "Orla Venn is set to replace exiting star Tam Reddy, producer Lio Marsh announced on a live special Sunday.",
        "2031-08-03", "Sunday", "announce",
    )  # fmt: skip
    assert DateConflict().detect(leaving, announced, 0.9) is None
    # two days of one telling still clash
    told_monday = _dated(
        "b:c0", "Orla Venn is set to replace exiting star Tam Reddy, producer Lio Marsh announced on a live special Monday.",
        "2031-08-04", "Monday", "announce",
    )  # fmt: skip
    assert DateConflict().detect(announced, told_monday, 0.9) is not None


def test_two_departures_from_two_named_places_are_two_events():
    """Leaving a clinic in one town and, weeks later, checking out of the other clinic are two departures."""
    out_of = _dated(
        "a:c0", "She is already a patient of the Halden clinic, having checked out of the Marrow Lake Centre on "
        "Thursday (June 12) and committing herself to Halden at once.", "2031-06-12", "Thursday", "check out",
    )  # fmt: skip
    left = _dated(
        "b:c0", "After she abruptly left a rehab facility in Port Selby on Thursday, she has checked into the "
        "Marrow Lake Center.", "2031-05-01", "Thursday", "leave",
    )  # fmt: skip
    assert DateConflict().detect(out_of, left, 0.9) is None
    # one departure from one named place on two days still clashes
    left_marrow = _dated(
        "b:c0", "After she abruptly left the Marrow Lake Centre on Thursday, she has checked into a clinic in Port Selby.",
        "2031-05-01", "Thursday", "leave",
    )  # fmt: skip
    assert DateConflict().detect(out_of, left_marrow, 0.9) is not None


def _clash(a: str, b: str) -> bool:
    return NumberConflict().detect(english_claim("a:c0", a), english_claim("b:c0", b), 0.9) is not None


def test_a_figure_of_an_earlier_time_is_another_occurrence():
    """ "Earlier this year, five cables were cut" is another cut than the three of the report's day."""
    now = "Three undersea cables were cut off the coast on Friday morning, the ministry says."
    assert not _clash("Earlier this year, five separate undersea cables were cut off the coast.", now)
    assert _clash("Five undersea cables were cut off the coast on Friday morning, the ministry says.", now)
    assert _clash(
        "Earlier this year, five separate undersea cables were cut off the coast.",
        "Earlier this year, two separate undersea cables were cut off the coast.",
    )
    # a figure on another verb than the earlier time's is the report's own
    assert _clash(
        "The elections, the first since the country adopted a new constitution earlier this year, had 2.5 million voters.",
        "The elections had 1.8 million voters.",
    )


def test_a_figure_told_of_another_named_thing_in_a_relative_clause_is_its_own():
    """The Memoir's 8-megapixel camera is not the device's 3.2-megapixel one."""
    device = "The phone packs a 3.2-megapixel camera that also can be used to record video."
    assert not _clash(
        "The phone, along with the rumored Kestrel Nova, which will carry an 8-megapixel camera, beefs up the range.",
        device,
    )
    # a named thing the other claim names too is what both tell of
    assert _clash(
        "The phone, along with the rumored Kestrel Nova, which will carry an 8-megapixel camera, beefs up the range.",
        "The Kestrel Nova packs a 3.2-megapixel camera that also can be used to record video.",
    )
    # the claim's own subject told in a relative clause is still what it is about
    assert _clash("The Kestrel Nova, which carries an 8-megapixel camera, goes on sale in May.", device)
    assert _clash("The phone, which will carry an 8-megapixel camera, beefs up the range.", device)


def test_moves_of_two_named_indexes_are_two_figures():
    """The Nasdaq's fall and the FTSE's are two indexes' moves; one index told two ways still clashes."""
    nasdaq = "The Nasdaq index has fallen by 3.16% to 2138.14 as of 16:08 UTC."
    assert not _clash(nasdaq, "The primary UK index, the FTSE 100, dropped in value by 2.36% to 4907.20.")
    assert not _clash("Harlow Motors sales fell 41% in March.", "Vanta Motors reported a 32% drop in March.")
    assert _clash(nasdaq, "The Nasdaq Composite index has fallen by 2.36% as of 16:08 UTC.")
    assert _clash(nasdaq, "The index has fallen by 2.36% as of 16:08 UTC.")  # one side names no index
