"""Faults found by a walkthrough of an invented story (a bridge collapse in Ruritania), one test each."""

from datetime import datetime

from compare_helpers import entity, make_article, quote_at, time_at

from storyline.compare.claims import sentence_spans, split_claims
from storyline.compare.conflicts import detectors, values_by_outlet
from storyline.compare.provenance import first_reporters
from storyline.compare.story import compare
from storyline.compare.timeline import build_timeline
from storyline.model import Claim, Quote, TimeExpression


def _claim(cid: str, text: str, **anchors) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), **anchors)


def _said(article_id: str, text: str, quoted: str, speaker: str, cue: str, **fields):
    quote = quote_at(text, quoted, speaker)
    quote.cue = cue
    return make_article(article_id, [text], entities=[entity(text, speaker)], quotes=[quote], language="en", **fields)


def test_a_denial_conflicts_with_the_same_persons_statement():
    said = "Minister Olga Petrenko said the bridge had been overloaded by lorries."
    denied = "Minister Olga Petrenko denied that the bridge had been overloaded by lorries."
    a = _said("a", said, "the bridge had been overloaded by lorries", "Olga Petrenko", "said")
    b = _said("b", denied, "that the bridge had been overloaded by lorries", "Olga Petrenko", "denied")
    (ca,), (cb,) = split_claims(a), split_claims(b)
    assert (ca.cue, cb.cue) == ("said", "denied")
    assert [f.rule for d in detectors("aligned") if (f := d.detect(ca, cb, 0.9))] == ["denial"]
    negated = _claim("c:c0", "Petrenko said the bridge was not overloaded", speaker="Olga Petrenko", cue="said", negated=True)
    (denial,) = [d for d in detectors("aligned") if d.name == "denial"]
    assert denial.detect(negated, cb, 0.9) is None  # both say "not overloaded"


def test_a_quote_group_with_a_denying_member_is_a_conflict(encode):
    said = "Minister Olga Petrenko said the bridge had been overloaded by lorries."
    denied = "Minister Olga Petrenko denied the bridge had been overloaded by lorries."
    articles = [
        _said("a", said, "the bridge had been overloaded by lorries", "Olga Petrenko", "said"),
        _said("b", denied, "the bridge had been overloaded by lorries", "Olga Petrenko", "denied"),
    ]
    (group,) = compare(articles, encode).quotes
    assert group["conflict"]
    assert group["evidence"] == ["denied in b; stated in a"]


def test_aligned_dates_are_judged_at_the_score_that_aligned_them():
    a = _claim("a:c0", "An inquiry will open on May 4, Petrenko said.", dates=["2025-05-04"])
    b = _claim("b:c0", "Petrenko said an independent inquiry opens on May 9.", dates=["2025-05-09"])
    (dates,) = [d for d in detectors("aligned") if d.name == "dates"]
    assert dates.detect(a, b, 0.76) is not None  # aligned at 0.76: one fact, so two days disagree


def test_a_conflict_lists_every_outlets_value():
    claims = [_claim("a:c0", "23 died", numbers=[23.0]), _claim("b:c0", "31 died", numbers=[31.0]), _claim("c:c0", "27 died", numbers=[27.0]), _claim("d:c0", "23 dead", numbers=[23.0])]
    finding = values_by_outlet("numbers", claims, {"a": "A", "b": "B", "c": "C", "d": "D"})
    assert finding.detail == "numbers disagree: 23 (A, D) vs 31 (B) vs 27 (C)"
    assert len(finding.spans) == 4


def test_unaligned_counterparts_with_different_figures_conflict(use_encode):
    a = make_article("a", ["The bridge over the Varna river in Ruritania collapsed during the morning rush hour.", "Rescue teams pulled 140 survivors from the river overnight."], language="en")
    b = make_article("b", ["The Varna river bridge in Ruritania fell down in the morning rush hour.", "Only 120 people were rescued."], language="en")
    conflicts = [g for g in compare([a, b], use_encode).groups if g.verdict == "conflict"]
    assert [g.evidence[0]["detail"] for g in conflicts] == ["numbers disagree on rescued: 140 (a) vs 120 (b)"]
    assert conflicts[0].claims == ["a:c1", "b:c1"]  # the two claims, in one group: each tells the fact its way


def _sunday_night_article() -> tuple:
    text = "At least 12 people died when the bridge fell on Sunday night, officials said on Wednesday."
    times = [
        TimeExpression(text="Sunday night", start=text.index("Sunday"), end=text.index("Sunday") + 12, value="2025-05-04TNI", type="TIME"),
        time_at(text, "Wednesday", "2025-05-07"),
    ]
    quote = Quote(text=text[: text.index(",")], start=0, end=text.index(","), speaker="officials", cue="said")
    return make_article("a", [text], times=times, quotes=[quote], language="en"), text


def test_an_event_is_dated_by_its_own_day_not_the_day_it_was_reported():
    article, _ = _sunday_night_article()
    (claim,) = split_claims(article)
    assert claim.dates == ["2025-05-04"]
    (entry,) = build_timeline([article], [claim], {}, {"a": "A"})
    assert (entry["date"], entry["events"][0]["time_text"]) == ("2025-05-04", "Sunday night")


def test_a_bare_clock_time_dates_nothing():
    text = "The last train crossed the bridge at 6 p.m. with forty passengers."
    clock = TimeExpression(text="6 p.m.", start=text.index("6 p.m."), end=text.index("6 p.m.") + 6, value="2025-05-07T18:00", type="TIME")
    assert split_claims(make_article("a", [text], times=[clock]))[0].dates == []


def test_an_opening_quotation_mark_stays_with_its_sentence():
    text = 'Petrenko denied that the bridge had been overloaded. "The bridge was within its limits," Petrenko said.'
    assert [text[s:e] for s, e in sentence_spans(text, "en")] == [
        "Petrenko denied that the bridge had been overloaded.",
        '"The bridge was within its limits," Petrenko said.',
    ]


def test_the_shown_wording_is_the_speakers_in_the_main_language(encode):
    english = "The bridge was safe for every lorry, said engineer Olga Petrenko."
    articles = [
        _said(name, english, "The bridge was safe for every lorry", "Olga Petrenko", "said") for name in ("a", "b")
    ]
    french = "Le pont était sûr pour chaque camion et pour tous les véhicules, a dit l'ingénieure Olga Petrenko."
    articles.append(_said("c", french, "Le pont était sûr pour chaque camion et pour tous les véhicules", "Olga Petrenko", "dit"))
    articles[2].language = "fr"
    unattributed = "The bridge was safe for every lorry and every car that crossed it, said someone."
    articles.append(make_article("d", [unattributed], quotes=[quote_at(unattributed, "The bridge was safe for every lorry and every car that crossed it", "unattributed")], language="en"))
    groups = compare(articles, encode).quotes
    shown = next(g for g in groups if "a" in g["articles"])
    assert shown["text"] == "The bridge was safe for every lorry"



def test_the_shown_wording_is_a_whole_quote_rather_than_a_partial_ones_framing(encode):
    partial = 'Olga Petrenko called the inquiry into the collapse a "political stunt by the council, nothing more".'
    whole = '"This is a political stunt by the council, nothing more," Olga Petrenko said.'
    framed = _said("a", partial, 'the inquiry into the collapse a "political stunt by the council, nothing more"', "Olga Petrenko", "called")
    framed.quotes[0].kind = "partial"
    direct = _said("b", whole, '"This is a political stunt by the council, nothing more,"', "Olga Petrenko", "said")
    shown = next(g for g in compare([framed, direct], encode).quotes if "a" in g["articles"])
    assert shown["text"] == '"This is a political stunt by the council, nothing more,"'

def test_articles_of_one_day_without_a_time_tie_for_first():
    day = [make_article(x, ["The bridge in Ruritania collapsed on Sunday night."], published=datetime(2025, 5, 5)) for x in "abc"]
    later = make_article("d", ["The bridge in Ruritania collapsed on Sunday night."], published=datetime(2025, 5, 6, 9))
    assert first_reporters([later, *day]) == ["a", "b", "c"]
    assert first_reporters([later, day[0]]) == ["a"]


def test_the_timeline_orders_weeks_by_their_first_day():
    text = "Ines Vidal arrived in Port Elwyn on Dec. 16 and will leave next week, before Dec. 21."
    times = [
        TimeExpression(text=w, start=text.index(w), end=text.index(w) + len(w), value=v, type="DATE")
        for w, v in (("Dec. 16", "2022-12-16"), ("next week", "2022-W51"), ("Dec. 21", "2022-12-21"))
    ]
    article = make_article("a", [text], times=times)
    claims = [_claim(f"a:c{i}", text, dates=[t.value]) for i, t in enumerate(times)]
    for claim, time in zip(claims, times):
        claim.start, claim.end = time.start, time.end
    dates = [entry["date"] for entry in build_timeline([article], claims, {}, {"a": "A"})]
    assert dates == ["2022-12-16", "2022-W51", "2022-12-21"]


def test_a_shared_claims_score_is_at_most_one_however_many_anchors_it_shares(encode):
    text = "Minister Olga Petrenko said 12 people died when the Port Elwyn bridge fell on 4 May 2025."
    a, b = (
        make_article(aid, [text], entities=[entity(text, "Olga Petrenko")], times=[time_at(text, "4 May 2025", "2025-05-04")], language="en")
        for aid in ("a", "b")
    )
    comparison = compare([a, b], encode)
    (shared,) = [g for g in comparison.groups if g.verdict == "shared"]
    assert shared.score == 1.0  # the cosine of one wording is 1; the name, figure and date anchors add nothing shown
    assert [p["score"] for p in comparison.alignments] == [1.0]
    assert [e["detail"] for e in shared.evidence] == ["same claim (score 1.00)"]
