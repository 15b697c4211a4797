"""service.dating.date_undated: an undated copy's estimate comes from its story's main run of dated articles."""

from __future__ import annotations

from datetime import datetime

from storyline.model import Article
from storyline.service.dating import date_undated

TEXT = "Ines Vidal opened the Port Elwyn bridge on December 9."


def _article(article_id: str, published: datetime | None) -> Article:
    return Article(id=article_id, title="Bridge opens", paragraphs=[TEXT], published=published, language="en")


def test_one_article_dated_a_year_off_does_not_move_the_estimate() -> None:
    story = [
        _article("wrong-year", datetime(2021, 12, 10)),
        _article("a", datetime(2022, 12, 10)),
        _article("b", datetime(2022, 12, 11)),
        _article("undated", None),
    ]
    [undated] = date_undated(story)
    assert undated.published_estimate is not None
    assert undated.published_estimate.value == "2022-12-10"
    assert "2021-12-10" in undated.published_estimate.text  # the date left out is shown, not hidden
    assert {t.text: t.value for t in undated.times}["December 9"] == "2022-12-09"


def test_a_story_covered_over_weeks_keeps_its_first_day() -> None:
    days = [datetime(2022, 11, 2), datetime(2022, 11, 25), datetime(2022, 12, 20)]
    [undated] = date_undated([*(_article(f"d{i}", d) for i, d in enumerate(days)), _article("undated", None)])
    assert undated.published_estimate is not None and undated.published_estimate.value == "2022-11-02"


def test_two_dated_articles_far_apart_keep_the_earliest() -> None:
    """No majority to tell the wrong one: the earlier bound stands, as before."""
    story = [_article("a", datetime(2022, 12, 10)), _article("b", datetime(2021, 12, 10)), _article("undated", None)]
    [undated] = date_undated(story)
    assert undated.published_estimate is not None and undated.published_estimate.value == "2021-12-10"
