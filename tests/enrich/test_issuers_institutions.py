"""Issuing bodies and institutions as speakers, joint speakers, an institution's noun alone across a story's
articles (fix-enrich6)."""

from __future__ import annotations

import pytest

from storyline.compare.claims import split_claims
from storyline.enrich.entities import merge_entities
from storyline.model import Entity


def test_an_institutions_noun_alone_joins_no_qualified_name_of_another_article():
    """"Navy" of one article may be another country's navy than "U.S. Navy" of another: only its own article
    links the two (there it takes the name), so across articles it stays apart; a name that is no bare noun
    still joins ("Steel" of "U.S. Steel")."""
    qualified = [Entity("U.S. Navy", "ORG", ["U.S. Navy"], [(0, 9)])]
    bare = [Entity("Navy", "ORG", ["Navy"], [(0, 4)])]
    assert sorted(e.name for e in merge_entities([qualified, bare])) == ["Navy", "U.S. Navy"]
    linked = [Entity("U.S. Navy", "ORG", ["U.S. Navy", "Navy"], [(0, 9), (20, 24)])]
    assert [e.name for e in merge_entities([qualified, linked])] == ["U.S. Navy"]
    firm = [Entity("U.S. Steel", "ORG", ["U.S. Steel"], [(0, 10)])]
    assert [e.name for e in merge_entities([firm, [Entity("Steel", "ORG", ["Steel"], [(0, 5)])]])] == ["U.S. Steel"]


def _speakers(enricher, make_article, text: str) -> list[str]:
    return [q.speaker for q in enricher.enrich(make_article(text)).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Fennick County Police Department arrested two men. A police release said they had been freed.",
            "Fennick County Police Department",
        ),
        ("A police release said the two men had been freed on Monday.", "police"),
    ],
)
def test_a_bodys_document_speaks_for_the_body(enricher, make_article, text, speaker):
    """"A police release" is the police's: the one the article named before, else "police" as written."""
    assert _speakers(enricher, make_article, text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Ministry of Defence sent two ships. On Tuesday the ministry said the border would reopen.", "Ministry of Defence"),
        ("The Elwyn Defence Ministry sent two ships. The ministry said the border would reopen.", "Elwyn Defence Ministry"),
    ],
)
def test_an_unnamed_institution_is_the_one_named_before(enricher, make_article, text, speaker):
    assert _speakers(enricher, make_article, text)[-1] == speaker


def test_an_unnamed_institution_named_nowhere_is_taken_as_written(enricher, make_article):
    assert _speakers(enricher, make_article, "The ministry said the border would reopen on Monday.") == ["The ministry"]


def test_names_joined_by_and_speak_together(enricher, make_article):
    """Both issuers of a joint statement, as one speaker whose span covers both; a name and a role noun stay
    the name's."""
    text = "Acme Corp and Fennick Ltd said in a joint statement that the merger was off."
    [quote] = enricher.enrich(make_article(text)).quotes
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Acme Corp and Fennick Ltd",) * 2
    later = "Ruth Adler and Tom Bell issued a statement on Monday. The statement said the plan was dead."
    assert _speakers(enricher, make_article, later)[-1] == "Ruth Adler and Tom Bell"
    assert _speakers(enricher, make_article, "Ruth Adler and her lawyer said the plan was dead.") == ["Ruth Adler"]
    neither = "Neither Acme Corp nor Fennick Ltd announced prices for the phone."
    assert _speakers(enricher, make_article, neither) == ["Acme Corp"]


@pytest.mark.parametrize(
    "text",
    [
        "Sandra Bullock, who starred in Gravity, said she was thrilled.",
        "Chris Evans will star in Moon Rising next year, his agent said.",
        'Ruth Adler appeared in "Fennick Hill" last year.',
    ],
)
def test_a_title_after_in_is_no_place(enricher, make_article, text):
    """A film after "starred in" or a quoted title after "in" is a work: no PLACE (nor a person)."""
    types = {e.name: e.type for e in enricher.enrich(make_article(text)).entities}
    title = next(name for name in ("Gravity", "Moon Rising", "Fennick Hill") if name in types)
    assert types[title] == "MISC"
    lived = {e.name: e.type for e in enricher.enrich(make_article("Ruth Adler lived in Fennick Hill last year.")).entities}
    assert lived["Fennick Hill"] == "PLACE"


def test_an_unnamed_institutions_denial_reaches_the_claims_as_the_named_one(enricher, make_article):
    """Claims take an organisation's denial (``compare.claims``): "the ministry denied" after "the Elwyn Defence
    Ministry" is that ministry's, so the claim has a speaker to dispute another's statement with."""
    text = "The Elwyn Defence Ministry sent two ships. The ministry denied that the Kestrel dam had been shelled."
    claims = split_claims(enricher.enrich(make_article(text)))
    assert [c.speaker for c in claims] == [None, "Elwyn Defence Ministry"]
