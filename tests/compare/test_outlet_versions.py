"""Two articles of one outlet (an updated version of one report) are one outlet: what only it tells is not shared."""

from datetime import datetime

from compare_helpers import entity, make_article, quote_at

from storyline.compare.story import compare
from storyline.report.comparison import ComparisonView

AGROUND = "The ferry Marisol ran aground near Port Elwyn on Monday morning."
RESCUE = "Forty passengers were taken off the ferry by lifeboats before noon."
SAID = "The crew acted quickly and nobody was hurt"


def _gazette(article_id: str, paragraphs: list[str], hour: int):
    return make_article(article_id, paragraphs, outlet="Port Elwyn Gazette", published=datetime(2026, 3, 2, hour))


def _quoting(article_id: str, outlet: str):
    text = f'"{SAID}," harbour master Olga Petrenko said on Monday.'
    article = make_article(article_id, [text], outlet=outlet, published=datetime(2026, 3, 2, 12))
    article.entities = [entity(text, "Olga Petrenko")]
    article.quotes = [quote_at(text, SAID, "Olga Petrenko")]
    return article


def _verdicts(comparison) -> dict[str, tuple[str, list[str]]]:
    text = {c.id: c.text for c in comparison.claims}
    return {text[g.claims[0]]: (g.verdict, g.outlets) for g in comparison.groups}


def test_a_fact_only_one_outlet_tells_twice_is_unique_to_it(encode):
    first = _gazette("g1", [AGROUND, RESCUE], 9)
    updated = _gazette("g2", [AGROUND, RESCUE, "A diver found a long crack in the hull on Monday evening."], 15)
    other = make_article("h1", [AGROUND], outlet="Ruritania Herald", published=datetime(2026, 3, 2, 10))
    comparison = compare([first, updated, other], encode)
    verdicts = _verdicts(comparison)
    assert verdicts[AGROUND] == ("shared", ["Port Elwyn Gazette", "Ruritania Herald"])
    assert verdicts[RESCUE] == ("unique", ["Port Elwyn Gazette"])
    rescue = next(g for g in comparison.groups if g.verdict == "unique" and len(g.claims) == 2)
    assert rescue.evidence[0]["detail"] == "only in Port Elwyn Gazette" and len(rescue.evidence[0]["spans"]) == 2
    assert comparison.summary["shared"] == 1


def test_an_unchanged_republished_version_still_adds_nothing(encode):
    first, again = _gazette("g1", [AGROUND, RESCUE], 9), _gazette("g2", [AGROUND, RESCUE], 15)
    comparison = compare([first, again, make_article("h1", [AGROUND], outlet="Ruritania Herald")], encode)
    assert "g2" in comparison.summary["adds_nothing"]  # its claims are the outlet's alone, but the first told them


def test_a_quote_group_names_an_outlet_once(encode):
    comparison = compare([_quoting("g1", "Port Elwyn Gazette"), _quoting("g2", "Port Elwyn Gazette"), _quoting("h1", "Ruritania Herald")], encode)
    (quote,) = comparison.quotes
    view = ComparisonView(comparison)
    assert view.credited(quote) == "Olga Petrenko (Port Elwyn Gazette (g1; g2), Ruritania Herald)"
    assert view.wordings(quote) == [("Port Elwyn Gazette (g1; g2)", "quote", SAID), ("Ruritania Herald", "quote", SAID)]
