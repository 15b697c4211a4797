"""False conflicts of a seventh ECB+ pass: a clock time's hour read as the day of the month, a market's fall during
the day against its close, a price in cash and stock against its cash part,
a day told as the possessive of another thing, a relative pronoun taken for its noun.
Invented fixtures; each false case fails on the rules before, and its true counterpart stays a conflict."""

from compare_helpers import english_claim

from storyline.compare.conflicts import DateConflict, NumberConflict

PELL = ("Dario Pell",)


def _clash(a: str, b: str, names: tuple[str, ...] = ()) -> bool:
    return NumberConflict().detect(english_claim("a:c0", a, names), english_claim("b:c0", b, names), 0.9) is not None


def _dated(cid: str, text: str, day: str, phrase: str) -> object:
    return english_claim(cid, text, dates=[day], date_phrases={day: phrase}, date_verbs={day: "find"})


def test_an_hour_of_a_clock_time_does_not_write_the_day_of_a_weekday_read_a_week_off():
    """"on Saturday" read from reports of two weeks is one Saturday; "8.40am" writes no 8th of the month."""
    found = "The bodies of the two women were found in their house in Kelmsby at about 8.40am on Saturday."
    later = "The bodies of the two women were found in their house in Kelmsby on Saturday about 8.40am."
    a, b = _dated("a:c0", found, "2031-06-08", "Saturday"), _dated("b:c0", later, "2031-06-15", "Saturday")
    assert DateConflict().detect(a, b, 0.9) is None
    written = "The bodies of the two women were found in their house in Kelmsby on June 15 at 8.40am."
    assert DateConflict().detect(a, _dated("b:c0", written, "2031-06-15", "June 15"), 0.9) is not None


def test_a_markets_fall_during_the_day_is_not_its_close():
    plunged = "Markets reacted to the violence with alarm as Corvian stocks plunged 5.4 per cent."
    assert not _clash(plunged, "Markets reacted with alarm as Corvian stocks closed down 3.9 percent.")
    assert not _clash(plunged, "Corvian stocks were down 3.9 percent at the close, traders said.")
    assert _clash(plunged, "Markets reacted to the violence with alarm as Corvian stocks plunged 3.9 per cent.")
    assert _clash("Corvian stocks ended the day down 5.4 percent.", "Corvian stocks ended the day down 3.9 percent.")
    assert _clash("Dario Pell finished with 20 points in the win.", "Dario Pell scored 24 points in the win.", PELL)  # no market


def test_a_price_in_cash_and_stock_is_the_whole_not_its_cash_part():
    whole = "Orvex agreed to buy Delmar for around $5.4 billion in cash and stock, the companies announced Monday."
    assert not _clash(whole, "The purchase is a combination of $4.2 billion in cash and 57 million shares of Orvex stock.")
    assert _clash(whole, "Orvex agreed to buy Delmar for about $4.2 billion in cash and stock, the companies said.")


def _on(cid: str, text: str, day: str, phrase: str, verb: str) -> object:
    return english_claim(cid, text, dates=[day], date_phrases={day: phrase}, date_verbs={day: verb})


def test_a_day_told_as_the_possessive_of_another_thing_dates_that_thing():
    """"the winner of Friday's second semifinal" is that semifinal's day, not the day the team plays."""
    plays = _on("a:c0", "The Gulls improved to 25-7 and advance to play Saturday in a semifinal.", "2031-03-01", "Saturday", "play")
    winner = "The Gulls (25-7) will play the winner of Friday's second semifinal between Port Elwyn and Kelmsby."
    assert DateConflict().detect(plays, _on("b:c0", winner, "2031-03-07", "Friday", "play"), 0.9) is None
    called_off = "The Gulls will play again after Friday's semifinal was called off, the league said."
    assert DateConflict().detect(plays, _on("b:c0", "The Gulls will play Friday in a semifinal.", "2031-03-07", "Friday", "play"), 0.9) is not None
    assert DateConflict().detect(
        _on("a:c0", called_off, "2031-03-07", "Friday", "call"),
        _on("b:c0", "Saturday's semifinal was called off and the Gulls will play again, the league said.", "2031-03-08", "Saturday", "call"),
        0.9,
    ) is not None  # both days told of the semifinal that was called off: still compared
    attended = _on("a:c0", "Her family attended Wednesday's arraignment in Kelmsby.", "2031-03-05", "Wednesday", "attend")
    on_thursday = _on("b:c0", "Her family attended the arraignment in Kelmsby on Thursday.", "2031-03-06", "Thursday", "attend")
    assert DateConflict().detect(attended, on_thursday, 0.9) is not None  # the thing attended: the claim's event
    bombing = _on("a:c0", "Twelve people were killed in Thursday's bombing of Kelmsby.", "2031-03-06", "Thursday", "kill")
    on_friday = _on("b:c0", "Twelve people were killed in the bombing of Kelmsby on Friday.", "2031-03-07", "Friday", "kill")
    assert DateConflict().detect(bombing, on_friday, 0.9) is not None  # in what the verb happened: its event


def test_a_relative_pronoun_subject_stands_for_its_noun():
    """"Matt Vell who leaves the show at Christmas": Vell leaves; the producer announced on Sunday. Two subjects,
    two events."""
    leaves = _on("a:c0", "Tom Abel will take over from Matt Vell who leaves the show at Christmas.", "2031-12-25", "Christmas", "leave")
    announced = "Producer Steven Marr announced on Sunday that Tom Abel will take over the show from Matt Vell."
    assert DateConflict().detect(leaves, _on("b:c0", announced, "2031-08-04", "Sunday", "announce"), 0.9) is None
    also_leaves = "Matt Vell leaves the show on Sunday, and Tom Abel will take over from him."
    assert DateConflict().detect(leaves, _on("b:c0", also_leaves, "2031-08-04", "Sunday", "leave"), 0.9) is not None
