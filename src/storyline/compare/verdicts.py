"""Verdicts: which claims are shared (and by whom), unique to one outlet, or in conflict."""

from __future__ import annotations

import numpy as np

from storyline.compare.align import Alignment
from storyline.compare.conflicts import (
    COUNTERPART_SIMILARITY,
    TOPIC_SIMILARITY,
    Finding,
    NumberConflict,
    claim_span,
    detectors,
    values_by_outlet,
)
from storyline.model import Claim, ClaimGroup


def _findings(a: Claim, b: Claim, similarity: float, scope: str) -> list[Finding]:
    return [f for d in detectors(scope) if (f := d.detect(a, b, similarity)) is not None]


#: Rules whose findings in one group are restated as one list of every outlet's value.
_VALUE_RULES = ("numbers", "dates")


def _with_all_values(evidence: list[dict], members: list[Claim], outlet_of: dict[str, str]) -> list[dict]:
    """Pairwise numbers/dates findings replaced by one per rule naming every member's value:
    "23 vs 31" leaves out the third outlet's 27, "23 (A, C) vs 31 (B) vs 27 (D)" does not."""
    rules = [rule for rule in _VALUE_RULES if any(e["rule"] == rule for e in evidence)]
    kept = [e for e in evidence if e["rule"] not in rules]
    return [values_by_outlet(rule, members, outlet_of).to_dict() for rule in rules] + kept


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
                findings = _findings(a, b, score, "aligned")  # judged at the score that aligned them
                conflict = conflict or bool(findings)
                evidence.extend(f.to_dict() for f in findings)
                if not findings:
                    evidence.append(
                        {"rule": "aligned", "detail": f"same claim (score {score:.2f})", "spans": [claim_span(a), claim_span(b)]}
                    )
        evidence = _with_all_values(evidence, [claims[i] for i in members], outlet_of)
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
    return found + _figure_conflicts(claims, alignment, outlet_of, len(found))


def _counterparts(claims: list[Claim], alignment: Alignment) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that stand for each other: aligned, or each the other's most
    similar claim once the aligned ones are set aside."""
    articles = np.array([c.article for c in claims])
    members = [np.flatnonzero(articles == a) for a in dict.fromkeys(articles.tolist())]
    pairs = [(i, j) for i, j, _ in alignment.pairs()]
    for x, rows in enumerate(members):
        for cols in members[x + 1 :]:
            linked = alignment.links[np.ix_(rows, cols)]
            free_rows, free_cols = rows[~linked.any(axis=1)], cols[~linked.any(axis=0)]
            if not (len(free_rows) and len(free_cols)):
                continue
            block = alignment.similarity[np.ix_(free_rows, free_cols)]
            best_col, best_row = block.argmax(axis=1), block.argmax(axis=0)
            pairs += [(int(free_rows[r]), int(free_cols[c])) for r, c in enumerate(best_col) if best_row[c] == r]
    return pairs


def _figure_conflicts(claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str], first: int) -> list[ClaimGroup]:
    """Two groups giving one figure differently, too unlike in wording to align ("120 passengers were
    rescued" / "pulled 140 survivors"): their closest claims disagree on a number of the same order."""
    group_of = {i: g for g, members in enumerate(alignment.groups) for i in members}
    articles_of = [{claims[i].article for i in members} for members in alignment.groups]
    rule = NumberConflict(floor=COUNTERPART_SIMILARITY)
    disagreeing = dict.fromkeys(
        tuple(sorted((group_of[i], group_of[j])))
        for i, j in _counterparts(claims, alignment)
        if not articles_of[group_of[i]] & articles_of[group_of[j]]  # an article telling both: two facts
        and rule.detect(claims[i], claims[j], float(alignment.similarity[i, j]))
    )
    found = []
    for g, h in disagreeing:
        members = [claims[i] for i in alignment.groups[g] + alignment.groups[h] if claims[i].numbers]
        found.append(
            ClaimGroup(
                id=f"x{first + len(found)}",
                claims=[c.id for c in members],
                verdict="conflict",
                outlets=list(dict.fromkeys(outlet_of[c.article] for c in members)),
                evidence=[values_by_outlet("numbers", members, outlet_of).to_dict()],
                score=None,
                kind="contradiction",
                scope="across-articles",
            )
        )
    return found

