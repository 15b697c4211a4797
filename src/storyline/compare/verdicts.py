"""Verdicts: which claims are shared (and by whom), unique to one outlet, or in conflict."""

from __future__ import annotations

import numpy as np

from storyline.compare.align import Alignment
from storyline.compare.conflicts import TOPIC_SIMILARITY, Finding, claim_span, detectors
from storyline.model import Claim, ClaimGroup


def _findings(a: Claim, b: Claim, similarity: float, scope: str) -> list[Finding]:
    return [f for d in detectors(scope) if (f := d.detect(a, b, similarity)) is not None]


def alignment_groups(claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str]) -> list[ClaimGroup]:
    """One group per set of aligned claims: shared, unique, or conflict when aligned claims disagree."""
    groups = []
    for number, members in enumerate(alignment.groups):
        articles = list(dict.fromkeys(claims[i].article for i in members))
        outlets = list(dict.fromkeys(outlet_of[a] for a in articles))
        evidence: list[dict] = []
        scores: list[float] = []
        conflict = False
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = claims[i], claims[j]
                if a.article == b.article:
                    continue
                score = float(alignment.score[i, j])
                scores.append(score)
                if not alignment.links[i, j]:
                    continue  # in one group through others: too loosely paired to judge
                findings = _findings(a, b, float(alignment.similarity[i, j]), "aligned")
                conflict = conflict or bool(findings)
                evidence.extend(f.to_dict() for f in findings)
                if not findings:
                    evidence.append(
                        {"rule": "aligned", "detail": f"same claim (score {score:.2f})", "spans": [claim_span(a), claim_span(b)]}
                    )
        if len(articles) == 1:
            evidence = [{"rule": "unique", "detail": f"only in {outlets[0]}", "spans": [claim_span(claims[i]) for i in members]}]
        groups.append(
            ClaimGroup(
                id=f"g{number}",
                claims=[claims[i].id for i in members],
                verdict="conflict" if conflict else ("shared" if len(articles) > 1 else "unique"),
                outlets=outlets,
                evidence=evidence,
                score=round(float(np.mean(scores)), 4) if scores else None,
            )
        )
    return groups


def contradiction_groups(claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str]) -> list[ClaimGroup]:
    """Pairs of claims from different groups (or one article) on one topic that contradict each other."""
    group_of = {i: g for g, members in enumerate(alignment.groups) for i in members}
    similarity = alignment.similarity
    rows, cols = np.nonzero(np.triu(similarity >= TOPIC_SIMILARITY, k=1))
    found = []
    for i, j in zip(rows.tolist(), cols.tolist()):
        if group_of[i] == group_of[j]:
            continue
        a, b = claims[i], claims[j]
        findings = _findings(a, b, float(similarity[i, j]), "topic")
        if findings:
            found.append(
                ClaimGroup(
                    id=f"x{len(found)}",
                    claims=[a.id, b.id],
                    verdict="conflict",
                    outlets=list(dict.fromkeys([outlet_of[a.article], outlet_of[b.article]])),
                    evidence=[f.to_dict() for f in findings],
                    score=round(float(similarity[i, j]), 4),
                    kind="contradiction",
                    scope="within-article" if a.article == b.article else "across-articles",
                )
            )
    return found

