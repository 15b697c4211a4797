import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app as cli
from storyline.eval.quotes import (
    GoldAttribution,
    evaluate_agreement,
    evaluate_quotes,
    match,
    overlap,
    parse_brat,
    read_polnear,
    read_polnear_annotators,
    speaker_correct,
)
from storyline.model import Quote

TEXT = "The mayor said that taxes will not rise. Officials disagreed."
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthat taxes will not rise.\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_parse_brat_reads_content_and_source():
    [gold] = parse_brat(ANN, TEXT)
    assert gold.content == (15, 40)
    assert gold.source == (0, 9)
    assert gold.source_text == "The mayor"
    assert gold.cue == (10, 14) and gold.cue_text == "said"


def test_overlap_and_one_to_one_matching():
    assert overlap((0, 10), (5, 10)) == 0.5
    assert overlap((0, 10), (10, 20)) == 0
    assert match([(0, 10), (0, 9)], [(0, 10)], 0.3) == [(0, 0)]


def test_speaker_correct_by_span_or_head_word():
    gold = GoldAttribution((15, 40), (0, 9), "The mayor")
    by_span = Quote("x", 15, 40, speaker="Ann Lee", speaker_start=4, speaker_end=9)
    by_head = Quote("x", 15, 40, speaker="the mayor")
    wrong = Quote("x", 15, 40, speaker="Officials", speaker_start=41, speaker_end=50)
    assert speaker_correct(by_span, gold) and speaker_correct(by_head, gold)
    assert not speaker_correct(wrong, gold)


def test_evaluate_on_a_few_polnear_articles(shared_data):
    scores = evaluate_quotes(shared_data, "dev", limit=3)
    assert scores.articles == 3 and scores.gold > 0
    assert 0.3 < scores.precision <= 1 and 0 < scores.recall <= 1
    assert scores.by_kind.get("stance", 0) > 0 and 0 < scores.stance_recall <= 1


# Two annotators of one short text; "solo" has one annotator and is left out of agreement.
PANEL_TEXT = (
    'The mayor said that taxes will not rise. Officials disagreed. "We need more money," the treasurer told '
    "reporters. She wants a new budget."
)
ANNOTATOR_A = (  # the mayor's clause, the treasurer's quotation, a stance
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 40\tthat taxes will not rise.\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    'T4\tSource 84 97\tthe treasurer\nT5\tCue 98 102\ttold\nT6\tContent 62 83\t"We need more money,"\n'
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    "T7\tSource 114 117\tShe\nT8\tCue 118 123\twants\nT9\tContent 124 136\ta new budget\n"
    "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7\n"
)
ANNOTATOR_B = (  # a shorter clause (overlap 19/25, not exact), the same quotation with another source, no stance
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 20 39\ttaxes will not rise\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    'T4\tSource 103 112\treporters\nT5\tCue 98 102\ttold\nT6\tContent 62 83\t"We need more money,"\n'
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
)


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    split = tmp_path / "polnear" / "data" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for key in ("panel", "solo"):
        (split / "text" / f"{key}.txt").write_text(PANEL_TEXT, encoding="utf-8")
    (split / "attributions" / "panel_a1.ann").write_text(ANNOTATOR_A, encoding="utf-8")
    (split / "attributions" / "panel_b2.ann").write_text(ANNOTATOR_B, encoding="utf-8")
    (split / "attributions" / "solo_a1.ann").write_text(ANNOTATOR_B, encoding="utf-8")
    return tmp_path


def test_multi_annotated_articles_are_read_once_with_every_annotator(panel):
    [article] = read_polnear_annotators(panel, "train")
    assert article.key == "panel" and list(article.annotations) == ["a1", "b2"]
    assert [g.content for g in article.annotations["b2"]] == [(20, 39), (62, 83)]
    # the plain reader still takes the first annotation by file name, and every article
    assert [(g.key, len(g.attributions)) for g in read_polnear(panel, "train")] == [("panel", 3), ("solo", 2)]


def test_annotator_agreement_by_hand(panel):
    scores = evaluate_agreement(panel, "train")
    assert (scores.articles, scores.annotations) == (1, 2)
    human = scores.human
    # a vs b: 2 of a's 3 contents match b's 2; b vs a: 2 of 2 match a's 3 -> 4 matched of 5 each way
    assert (human.matched, human.predicted, human.gold) == (4, 5, 5)
    assert human.overlap_prf() == pytest.approx((0.8, 0.8, 0.8))
    # only the quotation is the same trimmed span, in each direction: 2 of 5
    assert human.exact_prf() == pytest.approx((0.4, 0.4, 0.4))
    # the mayor is agreed both ways, the quotation's source ("the treasurer" / "reporters") neither way
    assert (human.speakers_ok, human.with_source) == (2, 4) and human.speaker_accuracy == 0.5


def test_storyline_is_scored_against_each_annotator_on_the_same_texts(panel):
    scores = evaluate_agreement(panel, "train")
    storyline, first = scores.storyline, scores.storyline_first
    assert storyline.gold == 5 and first.gold == 3
    assert storyline.predicted == 2 * first.predicted > 0
    # against the first annotator it is the plain eval's figure on the same article
    plain = evaluate_quotes(panel, "train", limit=1)
    assert (plain.precision, plain.recall, plain.f1) == pytest.approx(first.overlap_prf())
    assert plain.speaker_accuracy == first.speaker_accuracy


def test_cli_agreement_prints_the_human_ceiling(panel):
    result = CliRunner().invoke(cli, ["eval", "quotes", "--agreement", "--split", "train", "--data", str(panel), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1 and scores["human"]["f1"] == pytest.approx(0.8)
    assert scores["human"]["exact_f1"] == pytest.approx(0.4) and scores["human"]["speaker_accuracy"] == 0.5
    assert scores["storyline"]["gold"] == 5
    table = CliRunner().invoke(cli, ["eval", "quotes", "--agreement", "--split", "train", "--data", str(panel)])
    assert "0.800" in table.stdout and "0.400" in table.stdout
