"""Conflicts the comparison missed: one event told at two clock times or on two days in sentences worded too
unlike to align ("the blast happened at 3:40 a.m." / "the explosion came at 4:15 a.m."), and a speaker's
statement another speaker denies ("we warned the operator" / "we never received any warning"). Invented
fixtures; the true conflicts fail on the rules before, the non-conflicts guard the rules' limits."""

from datetime import datetime

import pytest
from compare_helpers import english_claim, make_article, quote_at, time_at

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import DenialReport, DisputedStatement, EventTimeConflict
from storyline.compare.lexicon import negation_cue
from storyline.compare.story import compare
from storyline.model import Claim

#: A pair of claims on one topic, under the alignment bar.
UNALIGNED = 0.45
#: A pair of claims worded alike, over it.
ALIGNED = 0.6


def _clash(x: str, y: str, similarity: float = UNALIGNED):
    return EventTimeConflict().detect(english_claim("a:c0", x), english_claim("b:c0", y), similarity)


def test_one_event_under_two_names_at_two_times_conflicts():
    finding = _clash(
        "The blast at the Port Elwyn depot happened at 3:40 a.m., residents said.",
        "The explosion at the depot came at 4:15 a.m., officials said.",
    )
    assert finding is not None and finding.detail == "dates disagree on the time: 3:40 a.m. vs 4:15 a.m."
    assert finding.quantities == ["time"]
    verb_and_noun = _clash("The dam at Holt collapsed at about 3:40 a.m.", "The Holt dam burst at about 4:15 a.m., residents said.")
    assert verb_and_noun is not None  # "collapsed" / "burst": one kind of event, one dam


def test_times_of_claims_that_share_no_setting_are_not_compared():
    # Nothing but the event in common: another blast of the region's news may be meant.
    assert _clash("The blast happened at 3:40 a.m., residents said.", "The explosion came at 4:15 a.m.") is None


def test_two_events_or_two_actors_are_not_one_event():
    assert _clash("The ferry Aurora docked in Port Elwyn at 3 p.m.", "The ferry Aurora left Port Elwyn at 5 p.m.") is None
    assert _clash("The Aurora docked in Port Elwyn at 3 p.m.", "The Elwyn Star docked in Port Elwyn at 5 p.m.") is None
    assert _clash("The blast at the depot happened at 3:40 a.m.", "The fire at the depot broke out at 4:15 a.m.") is None
    assert _clash("The blast at the depot happened at 3:40 a.m.", "A second blast at the depot came at 4:15 a.m.") is None


def test_a_time_of_the_saying_is_not_the_events():
    assert _clash("The blast at the depot happened at 3:40 a.m.", "The police said at 4:15 a.m. that the depot blast killed two.") is None


def test_days_are_not_compared_under_the_bar():
    # Days of one verb and one setting were tried: on ECB+ most such pairs were two events of one life or season.
    def claim(article_id: str, text: str, day: str, value: str):
        article = make_article(article_id, [text], times=[time_at(text, day, value)], language="en")
        return split_claims(article)[0]

    monday = claim("a", "The blast at the Port Elwyn depot happened on Monday, residents said.", "Monday", "2026-03-09")
    tuesday = claim("b", "The explosion at the depot came on Tuesday, officials said.", "Tuesday", "2026-03-10")
    assert EventTimeConflict().detect(monday, tuesday, UNALIGNED) is None


def _dam_story(late_time: str, late_day: datetime) -> list:
    wire = make_article(
        "wire",
        ["The Kestrel dam above Port Elwyn collapsed at about 3:40 a.m. after a week of heavy rain, Ines Vidal told reporters."],
        language="en", outlet="Wire", published=datetime(2026, 3, 14, 9),
    )  # fmt: skip
    paper = make_article(
        "paper",
        [f"The Kestrel dam burst at about {late_time}, according to residents of Holt below Port Elwyn."],
        language="en", outlet="Paper", published=late_day,
    )  # fmt: skip
    return [wire, paper]


def test_a_story_shows_the_unaligned_times_as_a_conflict(use_encode):
    conflicts = [g for g in compare(_dam_story("4:15 a.m.", datetime(2026, 3, 14, 18)), use_encode).groups if g.verdict == "conflict"]
    assert [e["detail"] for g in conflicts for e in g.evidence] == ["dates disagree on the time: 3:40 a.m. (Wire) vs 4:15 a.m. (Paper)"]


def test_times_of_reports_of_two_days_naming_no_day_are_each_their_own(use_encode):
    # Published a day apart, neither naming its day: each may tell its own day's event.
    story = _dam_story("4:15 a.m.", datetime(2026, 3, 15, 18))
    assert not [g for g in compare(story, use_encode).groups if g.verdict == "conflict"]


# ---------------------------------------------------------------- a statement another speaker denies


def _quoted(cid: str, text: str, speaker: str):
    return english_claim(cid, text, speaker=speaker, cue="said", negated=negation_cue(text) is not None)


def _dispute(stated: str, denied: str):
    a = _quoted("a:c0", stated, "Ines Vidal")
    b = _quoted("b:c0", denied, "Marco Bell")
    return DisputedStatement().detect(a, b, UNALIGNED)


WARNED = '"We warned the operator twice last year that the spillway was cracked," Ines Vidal said.'


def test_a_warning_given_and_one_never_received_are_disputed():
    finding = _dispute(WARNED, '"We never received any warning from the ministry about cracks," spokesman Marco Bell said.')
    assert finding is not None
    assert finding.detail == "disputed by another speaker: Ines Vidal \u201cwarned\u201d vs Marco Bell \u201cnever received any warning\u201d"
    same_verb = _dispute(
        '"The ministry warned the operator about the cracked spillway," Ines Vidal said.',
        '"The ministry never warned us about the spillway," Marco Bell said.',
    )
    assert same_verb is not None


def test_each_speakers_own_act_or_another_matter_is_no_dispute():
    # Each "we" is its own speaker's side: the minister warned, the operator says it warned no one.
    assert _dispute(WARNED, '"We never warned anyone about the spillway," Marco Bell said.') is None
    assert _dispute(WARNED, '"We never received any warning about the floods," Marco Bell said.') is None
    assert _dispute(WARNED, '"We would never ignore a warning about the spillway," Marco Bell said.') is None
    # A state, not an act: "agencies will have to consult" / "agencies do not have the expertise".
    assert _dispute(
        '"Port Elwyn agencies will once again have to consult biologists on the spillway," Ines Vidal said.',
        '"Port Elwyn agencies do not have the expertise to judge the spillway," Marco Bell said.',
    ) is None
    one_speaker = _quoted("b:c0", '"We never received any warning about cracks," Ines Vidal said.', "Ines Vidal")
    assert DisputedStatement().detect(_quoted("a:c0", WARNED, "Ines Vidal"), one_speaker, UNALIGNED) is None


def test_a_story_telling_both_sides_still_shows_the_dispute_once(use_encode):
    said = "We warned the operator twice last year that the spillway at Kestrel was cracked"
    denied = "We never received any warning from the ministry about cracks at Kestrel"
    def quoting(article_id: str, paragraphs: list[str], quoted: list[tuple[str, str]]):
        article = make_article(article_id, paragraphs, language="en", outlet=article_id.title())
        text = "\n\n".join(paragraphs)
        article.quotes = [quote_at(text, words, speaker) for words, speaker in quoted]
        return article

    wire = quoting("wire", [f'"{said}," Ines Vidal said.'], [(said, "Ines Vidal")])
    copy = quoting("copy", [f'"{said}," Ines Vidal said.'], [(said, "Ines Vidal")])
    paper = quoting(
        "paper", [f'Ines Vidal had said that "{said}".', f'"{denied}," spokesman Marco Bell said.'],
        [(said, "Ines Vidal"), (denied, "Marco Bell")],
    )  # fmt: skip
    conflicts = [g for g in compare([wire, copy, paper], use_encode).groups if g.verdict == "conflict"]
    assert [e["rule"] for g in conflicts for e in g.evidence] == ["disputed"]


def test_a_phrasal_event_verb_tells_the_event_its_one_word_names():
    # "gave way", "caved in", "went off" were the verbs "give", "cave", "go": no event to set against the other's
    assert _clash("The Holt dam gave way at about 3:40 a.m., residents said.", "The Holt dam burst at about 4:15 a.m.") is not None
    assert _clash("The roof of the Holt depot caved in at 3:40 a.m.", "The depot roof at Holt collapsed at 4:15 a.m.") is not None
    assert _clash("A bomb went off at the Holt depot at 3:40 a.m.", "The explosion at the Holt depot came at 4:15 a.m.") is not None
    # "gave way to" another (yielded), "gave a warning": another subject, another act
    assert _clash("The ferry at Holt gave way to the tanker at 3:40 p.m.", "The Holt dam burst at 4:15 p.m.") is None
    assert _clash("The Holt minister gave a warning at 3:40 p.m.", "The Holt dam burst at about 4:15 p.m.") is None


def _claim_of(cid: str, text: str, speaker: str, cue: str, language: str) -> Claim:
    return Claim(
        id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), language=language, speaker=speaker,
        cue=cue, negated=negation_cue(text) is not None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("language", "stated", "cue", "denied", "denial"),
    [
        ("fr", "Selon Ines Vidal, l'exploitant a été averti que le déversoir du barrage était fissuré.", "Selon",
         "Marco Bell a démenti que l'exploitant ait été averti que le déversoir du barrage était fissuré.", "démenti"),
        ("es", "Ines Vidal dijo que el operador fue advertido de que el aliviadero de la presa estaba agrietado.", "dijo",
         "Marco Bell desmintió que el operador fuera advertido de que el aliviadero de la presa estaba agrietado.",
         "desmintió"),
        ("es", "Ines Vidal dijo que el operador recibió un aviso sobre las grietas del aliviadero.", "dijo",
         "Marco Bell negó haber recibido un aviso sobre las grietas del aliviadero.", "negó"),
        ("de", "Ines Vidal sagte, der Betreiber sei gewarnt worden, dass der Überlauf des Damms Risse habe.", "sagte",
         "Marco Bell bestritt, dass der Betreiber gewarnt worden sei, dass der Überlauf des Damms Risse habe.",
         "bestritt"),
        ("de", "Ines Vidal sagte, der Betreiber sei vor Rissen im Überlauf des Damms gewarnt worden.", "sagte",
         "Marco Bell dementierte, dass der Betreiber vor Rissen im Überlauf des Damms gewarnt worden sei.",
         "dementierte"),
        ("ru", "Инес Видаль заявила, что оператора предупредили о трещинах в водосливе плотины.", "заявила",
         "Марко Белл опроверг, что оператора предупредили о трещинах в водосливе плотины.", "опроверг"),
    ],
)  # fmt: skip
def test_a_statement_another_speaker_denies_is_disputed_in_other_languages(language, stated, cue, denied, denial):
    speaker = "Марко Белл" if language == "ru" else "Marco Bell"
    a = _claim_of("a:c0", stated, "Инес Видаль" if language == "ru" else "Ines Vidal", cue, language)
    b = _claim_of("b:c0", denied, speaker, denial, language)
    finding = DisputedStatement().detect(a, b, ALIGNED)
    assert finding is not None and finding.detail.endswith(f"vs {speaker} \u201c{denial}\u201d")
    aligned = DenialReport().detect(a, b, 0.9)  # aligned, the pair is a dispute too, not a reported denial
    assert aligned is not None and aligned.rule == "disputed"
    assert DisputedStatement().detect(a, b, UNALIGNED) is None  # worded unlike the statement: another matter


def test_a_denial_of_another_matter_or_by_the_same_speaker_is_no_dispute():
    stated = _claim_of("a:c0", "Ines Vidal sagte, der Betreiber sei vor Rissen im Damm gewarnt worden.", "Ines Vidal", "sagte", "de")
    other = _claim_of("b:c0", "Marco Bell bestritt, dass die Fähre überladen gewesen sei.", "Marco Bell", "bestritt", "de")
    assert DisputedStatement().detect(stated, other, ALIGNED) is None
    own = _claim_of("b:c0", "Ines Vidal bestritt, dass der Betreiber vor Rissen im Damm gewarnt worden sei.", "Ines Vidal", "bestritt", "de")
    assert DisputedStatement().detect(stated, own, ALIGNED) is None
    # a clause of names only: "denied he was Olga Petrenko" disputes no one who names her
    named = _claim_of("a:c0", "Olga Petrenko, the Elwyn harbour master, said the port was closed.", "Ruth Adler", "said", "en")
    names_only = _claim_of("b:c0", "Marco Bell denied that he was Olga Petrenko.", "Marco Bell", "denied", "en")
    assert DisputedStatement().detect(named, names_only, ALIGNED) is None
