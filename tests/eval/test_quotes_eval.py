from storyline.eval.quotes import GoldAttribution, evaluate_quotes, match, overlap, parse_brat, speaker_correct
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
