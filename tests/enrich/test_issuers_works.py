"""Issuers named only before their document, works' titles after the noun of their kind, a person's surname
beside a title named after her (fix-enrich7)."""

from __future__ import annotations

import pytest

from storyline.enrich.entities_base import Mention
from storyline.enrich.entities_merge import merge_mentions


def _enriched(enricher, make_article, text: str):
    return enricher.enrich(make_article(text))


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("The suspect was arrested, according to an EPPD release.", "EPPD"),
        ("The Elwyn Geological Survey report listed the epicenter as two miles east of Cobb.", "Elwyn Geological Survey"),
    ],
)
def test_the_name_before_a_bodys_document_is_its_issuer(enricher, make_article, text, issuer):
    """"an EPPD release": the recogniser found no entity in the acronym, so the quote had no speaker; the
    name compounded before a document a body issues is an organisation, and the document speaks for it."""
    article = _enriched(enricher, make_article, text)
    assert (issuer, "ORG") in {(e.name, e.type) for e in article.entities}
    assert [q.speaker for q in article.quotes] == [issuer]


def test_a_common_nouns_abbreviation_before_a_report_is_no_issuer(enricher, make_article):
    """"a DNA report" is about DNA, nobody's name."""
    article = _enriched(enricher, make_article, "A DNA report showed that he was the father of the child.")
    assert article.entities == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("He starred in the 1983 film Fennick Club before he moved to Canada.", "Fennick Club"),  # a person on main
        ("His novel Port Elwyn sold a million copies.", "Port Elwyn"),  # a place on main
        ('The creative team behind the movie "Dreamgirls," are trying to energize the show.', "Dreamgirls"),  # a firm
    ],
)
def test_a_title_after_the_noun_of_its_kind_is_a_work(enricher, make_article, text, title):
    types = {e.name: e.type for e in _enriched(enricher, make_article, text).entities}
    assert types[title] == "MISC"


def test_a_clauses_subject_after_a_work_noun_is_no_title(enricher, make_article):
    """"a new book Ruth Adler has written": she wrote it; the book has no title here."""
    types = {e.name: e.type for e in _enriched(enricher, make_article, "It is all in a new book Ruth Adler has written.").entities}
    assert types == {"Ruth Adler": "PERSON"}


def test_a_persons_surname_does_not_join_a_title_named_after_her():
    """The film "The Notorious Ruth Adler" and "Adler said": the film is named after the woman who speaks."""
    merged = merge_mentions([Mention("Notorious Ruth Adler", "MISC", 0, 20), Mention("Adler", "PERSON", 30, 35)])
    assert sorted((e.name, e.type) for e in merged) == [("Adler", "PERSON"), ("Notorious Ruth Adler", "MISC")]


def test_an_organisation_of_states_the_recogniser_types_an_organisation_stays_one(enricher, make_article):
    """"The United Nations said": the body that speaks, not a place, though the gazetteer lists it beside the
    countries; "U.S." of "U.S. officials", typed an organisation, is still the country."""
    text = "The United Nations said its school had been hit. U.S. officials said little."
    types = {e.name: e.type for e in _enriched(enricher, make_article, text).entities}
    assert types["United Nations"] == "ORG"
    assert types["United States"] == "PLACE"
