"""An organisation's denial reaches the claims and disputes what another speaker states (fix-enrich5)."""

from __future__ import annotations

from dataclasses import replace

from compare_helpers import entity, make_article, quote_at

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import DisputedStatement

STATED = "Marco Bell said the Kestrel dam had been shelled by army troops on Monday night."
DENIED = "The Elwyn Defence Ministry denied that the Kestrel dam had been shelled by army troops on Monday night."
CLAUSE = "the Kestrel dam had been shelled by army troops on Monday night"


def _claim(article_id: str, text: str, speaker: str, kind: str, cue: str):
    article = make_article(article_id, [text], language="en")
    article.entities = [entity(text, speaker, kind)]
    article.quotes = [replace(quote_at(text, CLAUSE, speaker), cue=cue, kind="indirect")]
    return split_claims(article)[0]


def test_an_organisations_denial_keeps_its_speaker_and_disputes_a_statement():
    stated = _claim("a", STATED, "Marco Bell", "PERSON", "said")
    denied = _claim("b", DENIED, "Elwyn Defence Ministry", "ORG", "denied")
    assert denied.speaker == "Elwyn Defence Ministry"
    finding = DisputedStatement().detect(stated, denied, 0.95)
    assert finding is not None and finding.rule == "disputed"


def test_an_organisation_saying_something_still_speaks_through_people():
    said = DENIED.replace("denied that", "said")
    assert _claim("b", said, "Elwyn Defence Ministry", "ORG", "said").speaker is None
