"""The canonical example: two reports of one event (an agency piece and a scraped machine-translated copy)."""

from __future__ import annotations

import pytest

from storyline.model import Comparison

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds(examples_dir) -> tuple[Comparison, dict[str, str]]:
    from storyline.service.comparison import compare_files

    paths = sorted((examples_dir / "seeds").glob("*.txt"))
    comparison = compare_files(paths)
    by_source = {a["source"].rsplit("/", 1)[-1][:3]: a["id"] for a in comparison.articles}
    return comparison, by_source


def groups_with(comparison: Comparison, *words: str) -> list:
    claims = {c.id: c for c in comparison.claims}
    return [
        g
        for g in comparison.groups
        if g.kind == "alignment" and any(all(w in claims[c].text for w in words) for c in g.claims)
    ]


def articles_of(group) -> set[str]:
    return {c.split(":")[0] for c in group.claims}


def test_the_spokesman_statement_is_shared(seeds):
    comparison, ids = seeds
    (group,) = groups_with(comparison, "acts independently")
    assert group.verdict == "shared"
    assert articles_of(group) == {ids["000"], ids["002"]}


@pytest.mark.parametrize("words,only_in", [(("Lavrov",), "000"), (("full defense partnership",), "000"), (("Burns", "PBS"), "002")])
def test_unique_claims(seeds, words, only_in):
    comparison, ids = seeds
    (group,) = groups_with(comparison, *words)
    assert group.verdict == "unique"
    assert articles_of(group) == {ids[only_in]}


def test_an_article_at_odds_with_itself_is_no_conflict(seeds):
    comparison, _ = seeds
    conflicts = [g for g in comparison.groups if g.verdict == "conflict"]
    assert all(len(articles_of(g)) > 1 for g in conflicts)


def test_december_9_is_agreed_by_both(seeds):
    comparison, ids = seeds
    (entry,) = [t for t in comparison.timeline if t["date"].endswith("-12-09")]
    assert {e["article"] for e in entry["events"]} == {ids["000"], ids["002"]}


def test_independent_rewrites_of_one_agency_story(seeds):
    comparison, ids = seeds
    (link,) = comparison.provenance
    assert link.relation == "independent"
    assert link.common_source == "AFP"
    assert {link.from_, link.to} == {ids["000"], ids["002"]}
    assert any("independent rewrites" in e for e in link.evidence)
