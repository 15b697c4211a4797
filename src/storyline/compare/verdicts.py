"""Verdicts: which claims are shared (and by whom), unique to one outlet, or in conflict."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import combinations, pairwise

import numpy as np

from storyline.compare.align import Alignment, ArticleRuns, dates_agree, reported_score
from storyline.compare.conflicts import (
    COUNTERPART_SIMILARITY,
    TOPIC_SIMILARITY,
    Finding,
    NumberConflict,
    claim_span,
    clashing_dates,
    denial_detail,
    detectors,
    listed_values,
    quantity_span,
    values_by_outlet,
    writes_day,
)
from storyline.compare.lexicon import CHANGES, RUNNING_TOTALS, TIME_BOUND_NEGATION_RE, opposition
from storyline.compare.quantities import coarse_kind, disagreements, distinct_figures, figure_key, may_change, of_kind
from storyline.model import Claim, ClaimGroup

Published = dict[str, datetime | None]

#: Evidence rules that are no disagreement between outlets: a claim told alike, a figure that changed from one
#: day to the next, a running total that only grew from report to report (an update, listed in ``updates``:
#: "140 injured" then, six hours later, "more than 200 injured"), one outlet reporting a denial of what another
#: states.
NOT_CONFLICTS = ("aligned", "figure-changed", "figure-updated", "denial-reported")
#: Detectors (and their evidence rules) of two speakers disputing one act: a conflict even where one article
#: tells both sides.
BETWEEN_SPEAKERS = ("disputed",)
#: Ages of one person in reports published this far apart may both be right (at the crime, at the trial).
AGE_SPAN = timedelta(days=180)
#: A running total reported this much later and higher is an update of the earlier figure, not a contradiction.
UPDATE_GAP = timedelta(hours=1)


def _findings(a: Claim, b: Claim, similarity: float, scope: str, only: tuple[str, ...] | None = None) -> list[Finding]:
    """What the detectors of ``scope`` (those named in ``only``, if given) find in a pair."""
    return [f for d in detectors(scope) if (only is None or d.name in only) and (f := d.detect(a, b, similarity)) is not None]


def _far_apart(a: Claim, b: Claim, published: Published) -> bool:
    x, y = published.get(a.article), published.get(b.article)
    return bool(x and y) and abs(x - y) > AGE_SPAN  # type: ignore[operator]


def _in_time(findings: list[Finding], a: Claim, b: Claim, published: Published) -> list[Finding]:
    """Findings without those that may both be true: what each claim tells of its own article's publication
    day (:func:`_of_own_days`), figures of claims dating their events to times that cannot be one (a shooting
    "in February" that killed three, another "on Thursday night" that killed two), and ages when the claims'
    articles are published far apart or the claims date their events differently (a suspect is 18 at the
    shooting and 20 at the trial)."""
    findings = [f for f in findings if not (_of_own_days(f, a, b, published) or _negated_so_far(f, a, b, published))]
    if a.dates and b.dates and not dates_agree(a.dates, b.dates):
        findings = [f for f in findings if f.rule != "numbers"]
    if not (_far_apart(a, b, published) or (a.dates and b.dates and set(a.dates).isdisjoint(b.dates))):
        return findings
    kept = []
    for finding in findings:
        if finding.rule == "numbers" and finding.quantities:
            finding.quantities = [k for k in finding.quantities if not k.startswith("age")]
            if not finding.quantities:
                continue
        kept.append(finding)
    return kept


def _of_own_days(finding: Finding, a: Claim, b: Claim, published: Published) -> bool:
    """Whether the finding sets what each claim tells of its own article's publication day against the other:
    days told from it (:func:`_own_days`), clock times of claims naming no other day, a rise against a fall (a
    market or a toll moves from day to day), the articles published on two days."""
    x, y = published.get(a.article), published.get(b.article)
    if not (x and y) or x.date() == y.date():
        return False
    if finding.rule == "dates" and finding.quantities == ["day"]:
        return _own_days(a, b, x.date() - y.date())
    if finding.rule == "dates" and finding.quantities == ["time"]:
        return _no_other_day(a, x) and _no_other_day(b, y)
    return finding.rule == "opposed-verbs" and (opposition(a.text, b.text) or ("",))[0] == CHANGES


def _negated_so_far(finding: Finding, a: Claim, b: Claim, published: Published) -> bool:
    """Whether a negation finding sets a state told as of its report ("the results were not yet known", "have
    not been released") against a claim that may tell it later: one of an undated article, or published no
    earlier. Only a claim asserting it before the report that says "not yet" contradicts it."""
    if finding.rule != "negation" or a.negated == b.negated:
        return False
    negated, other = (a, b) if a.negated else (b, a)
    if not TIME_BOUND_NEGATION_RE.search(negated.text):
        return False
    said_not, said = published.get(negated.article), published.get(other.article)
    return not (said_not and said and said < said_not)


def _no_other_day(claim: Claim, published: datetime) -> bool:
    """Whether the claim names no day but its article's publication day ("at 16:08 UTC", "earlier today")."""
    return all(d == published.date().isoformat() for d in claim.dates if len(d) == len("YYYY-MM-DD"))


def _own_days(a: Claim, b: Claim, published_gap: timedelta) -> bool:
    """Whether the claims' clashing days lie as far apart as their articles' publication days, neither
    claim writing its day's number: "checked in on Thursday" of one week's report and "checked out on
    Thursday" of a later one, or "fell today" / "rose today" of two days' market reports, each tell their
    own day's event, not one event dated two ways."""
    clash = clashing_dates(a.dates, b.dates)
    if clash is None or len(clash[0]) != len("YYYY-MM-DD"):
        return False
    try:
        gap = date.fromisoformat(clash[0]) - date.fromisoformat(clash[1])
    except ValueError:  # "XXXX-04-09": no year to count days in
        return False
    return gap == published_gap and not (writes_day(a, clash[0]) or writes_day(b, clash[1]))


def _value_rules(evidence: list[dict]) -> tuple[list[str], bool, list[str | None]]:
    """The quantity kinds numbers findings name (a narrowed kind left out where its coarse kind, which
    takes it in, is named too), whether there are numbers findings without kinds (a user's detector), and
    the granularities dates findings name (None for one that names none)."""
    numbers = [e for e in evidence if e["rule"] == "numbers"]
    kinds = list(dict.fromkeys(k for e in numbers for k in e.get("quantities", [])))
    kinds = [k for k in kinds if coarse_kind(k) == k or coarse_kind(k) not in kinds]  # "killed" has "killed (passenger)"
    dates = list(dict.fromkeys(k for e in evidence if e["rule"] == "dates" for k in e.get("quantities") or [None]))
    return kinds, any(not e.get("quantities") for e in numbers), dates


def _with_all_values(evidence: list[dict], members: list[Claim], outlet_of: dict[str, str], published: Published) -> list[dict]:
    """Pairwise numbers/dates findings replaced by one per quantity naming every member's value:
    "23 vs 31" leaves out the third outlet's 27, "killed: 23 (A, C) vs 31 (B) vs 27 (D)" does not."""
    kinds, bare_numbers, dates = _value_rules(evidence)
    restated = [_figures_of(kind, members, outlet_of, published) for kind in kinds]
    restated += [values_by_outlet("numbers", members, outlet_of)] if bare_numbers else []
    restated += [values_by_outlet("dates", members, outlet_of, granularity) for granularity in dates]
    kept = [e for e in evidence if e["rule"] not in ("numbers", "dates")]
    return [f.to_dict() for f in restated] + kept


def _figures_of(kind: str, members: list[Claim], outlet_of: dict[str, str], published: Published) -> Finding:
    """One kind's finding, every value with its outlets. A figure that may change (:func:`may_change`) is
    judged day by day: values of other days than the one the reports disagree on are listed apart, and
    values that differ only from one day to the next are a change over time (rule ``figure-changed``),
    not a conflict: 43 ships waiting on Monday, more than 50 on Tuesday."""
    if not may_change(kind):
        return _as_update(values_by_outlet("numbers", members, outlet_of, kind), members, outlet_of, published)
    that_day, other_days = _by_day(members, kind, published)
    if that_day is None:
        return _changed(kind, other_days, outlet_of, published)
    dated = {c.article: _on_day(outlet_of[c.article], published.get(c.article)) for c in other_days}
    finding = _as_update(values_by_outlet("numbers", that_day, outlet_of, kind), that_day, outlet_of, published)
    if other_days:
        finding.detail += "; changed over time: " + listed_values("numbers", other_days, dated, kind)
        finding.spans += values_by_outlet("numbers", other_days, outlet_of, kind).spans
    return finding


def _changed(kind: str, members: list[Claim], outlet_of: dict[str, str], published: Published) -> Finding:
    """A figure whose values differ only between publication days (rule ``figure-changed``, no conflict); a
    running total that only grew reads as its updates in order: "figure updated on killed: 5 (A, 2024-03-01
    09:00) then 7 (B, 2024-03-02 09:00)", not "5 vs 7"."""
    values = values_by_outlet("numbers", members, outlet_of, kind)
    update = _as_update(values, members, outlet_of, published)
    if update.rule == "figure-updated":
        return Finding("figure-changed", update.detail, values.spans, quantities=[kind])
    dated = {c.article: _on_day(outlet_of[c.article], published.get(c.article)) for c in members}
    detail = f"changed over time on {kind}: " + listed_values("numbers", members, dated, kind)
    return Finding("figure-changed", detail, values.spans, quantities=[kind])


def _on_day(outlet: str, when: datetime | None) -> str:
    return f"{outlet}, {when:%Y-%m-%d}" if when else outlet


def _by_day(members: list[Claim], kind: str, published: Published) -> tuple[list[Claim] | None, list[Claim]]:
    """The claims of the first day whose reports disagree on a figure (with undated ones, and those of other
    days giving one of its figures), and the rest; None and all claims when no day's reports disagree."""
    day_of = {c.id: when.date() if (when := published.get(c.article)) else None for c in members}
    for day in sorted({d for d in day_of.values() if d is not None}) or [None]:
        that_day = [c for c in members if day_of[c.id] in (day, None)]
        if _figures_differ(that_day, kind):
            keys = set().union(*(_figure_keys(c, kind) for c in that_day))
            alike = [c for c in members if c not in that_day and _figure_keys(c, kind) <= keys]
            return that_day + alike, [c for c in members if c not in that_day and c not in alike]
    return None, members


def _figure_keys(claim: Claim, kind: str) -> set[tuple]:
    return {figure_key(q) for q in claim.quantities if of_kind(q, kind)}


def _figures_differ(claims: list[Claim], kind: str) -> bool:
    """Whether claims of two articles give a figure of ``kind`` differently."""
    figures = [(c.article, [q for q in c.quantities if of_kind(q, kind)]) for c in claims]
    return any(a != b and disagreements(x, y, coarse=True) for (a, x), (b, y) in combinations(figures, 2))


def _as_update(finding: Finding, members: list[Claim], outlet_of: dict[str, str], published: Published) -> Finding:
    """A running total ("killed", "injured") that only grows from report to report, each higher figure
    published at least UPDATE_GAP later: the toll was updated, and the finding says so and in which order."""
    kind = finding.quantities[0]
    figures = _growing_total(kind, members, published)
    if figures is None:
        return finding
    said = " then ".join(f"{q.text} ({outlet_of[c.article]}, {when:%Y-%m-%d %H:%M})" for when, _, q, c in _firsts(figures))
    return Finding("figure-updated", f"figure updated on {kind}: {said}", finding.spans, quantities=[kind])


def _growing_total(kind: str, members: list[Claim], published: Published) -> list[tuple] | None:
    """The claims' figures of a running total, (published, value, quantity, claim) in order of publication, when
    they only grow, each higher figure published at least UPDATE_GAP after the one before; else None."""
    if kind.split(" (")[0] not in RUNNING_TOTALS:
        return None
    figures = [(published.get(c.article), q.value, q, c) for c in members for q in c.quantities if of_kind(q, kind)]
    if any(when is None for when, *_ in figures):
        return None
    figures.sort(key=lambda f: (f[0], f[1]))
    steps = [(x, y) for x, y in pairwise(figures) if x[1] != y[1]]
    if not steps or any(y[1] < x[1] or y[0] - x[0] < UPDATE_GAP for x, y in steps):  # type: ignore[operator]
        return None
    return figures


def _firsts(figures: list[tuple]) -> list[tuple]:
    """Each figure at its first report, in order."""
    firsts: dict[float, tuple] = {}
    for figure in figures:
        firsts.setdefault(figure[1], figure)
    return list(firsts.values())


def _pair_evidence(a: Claim, b: Claim, score: float, published: Published) -> list[dict]:
    """What one linked pair shows: its findings, judged at the score that aligned it, or "same claim".

    Topic detectors judge aligned pairs too: "N admitted selling rifles" / "N denies the allegations" can
    align on shared words, and are then one fact told two opposite ways, not a shared claim.
    """
    findings = _in_time(_findings(a, b, score, "aligned") + _findings(a, b, score, "topic"), a, b, published)
    if findings:
        return [f.to_dict() for f in findings]
    return [{"rule": "aligned", "detail": f"same claim (score {reported_score(score):.2f})", "spans": [claim_span(a), claim_span(b)]}]


def _group(
    number: int,
    members: list[int],
    claims: list[Claim],
    alignment: Alignment,
    outlet_of: dict[str, str],
    published: Published,
    figures: dict[tuple[int, int], Finding],
) -> ClaimGroup:
    """One alignment group: its linked pairs judged, plus the counterpart figures that merged it. Shared when
    two outlets tell it: an outlet telling a fact in two articles (an updated version, a follow-up) is still
    the only one telling it."""
    articles = list(dict.fromkeys(claims[i].article for i in members))
    outlets = list(dict.fromkeys(outlet_of[a] for a in articles))
    judged: list[tuple[float, int, int, list[dict]]] = []
    scores: list[float] = []
    for x, i in enumerate(members):
        for j in members[x + 1 :]:
            a, b = claims[i], claims[j]
            if a.article == b.article:
                continue
            score = float(alignment.score[i, j])
            scores.append(score)
            if (i, j) in figures or (j, i) in figures:
                judged.append((score, i, j, [(figures.get((i, j)) or figures[(j, i)]).to_dict()]))
            elif alignment.links[i, j]:  # unlinked: in one group through others, too loosely paired to judge
                judged.append((score, i, j, _pair_evidence(a, b, score, published)))
    evidence, omitted = _listed(judged, len(members))
    evidence = _with_all_values(evidence, [claims[i] for i in members], outlet_of, published)
    evidence = [_named_denial(e, claims, outlet_of) if e["rule"] == "denial-reported" else e for e in evidence]
    conflict = any(e["rule"] not in NOT_CONFLICTS for e in evidence)
    if omitted:
        evidence.append({"rule": "aligned", "detail": _omitted_detail(omitted), "spans": [], "count": omitted})
    matched = _matched_outside(members, claims, alignment, outlet_of) if len(outlets) == 1 and not conflict else []
    if matched:  # pruned from the group its counterpart is in: told by that outlet too, so not unique
        outlets += list(dict.fromkeys(outlet_of[claims[j].article] for _, j, _ in matched))
        scores += [score for _, _, score in matched]
        evidence = [_outside_evidence(claims[i], claims[j], score, outlet_of) for i, j, score in matched]
    elif len(outlets) == 1 and not conflict:  # an outlet's articles (two versions of one report) share nothing
        evidence = [{"rule": "unique", "detail": f"only in {outlets[0]}", "spans": [claim_span(claims[i]) for i in members]}]
    return ClaimGroup(
        id=f"g{number}",
        claims=[claims[i].id for i in members],
        verdict="conflict" if conflict else ("shared" if len(outlets) > 1 else "unique"),
        outlets=outlets,
        evidence=evidence,
        score=round(float(np.mean([reported_score(s) for s in scores])), 4) if scores else None,
    )


def _matched_outside(members: list[int], claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str]) -> list[tuple[int, int, float]]:
    """Members' aligned pairs with another outlet's claims outside the group, best first: a claim aligned with
    under half of a group's claims leaves it (``align._pruned``), yet the claim it was matched to still tells it."""
    own = {outlet_of[claims[i].article] for i in members}
    inside = set(members)
    pairs = [
        (i, int(j), float(alignment.score[i, j]))
        for i in members
        for j in np.flatnonzero(alignment.links[i])
        if int(j) not in inside and outlet_of[claims[j].article] not in own
    ]
    return sorted(pairs, key=lambda pair: -pair[2])


def _outside_evidence(claim: Claim, other: Claim, score: float, outlet_of: dict[str, str]) -> dict:
    detail = f"aligned with {outlet_of[other.article]}: \u201c{other.text}\u201d (score {reported_score(score):.2f}), a claim grouped with others"
    return {"rule": "aligned", "detail": detail, "spans": [claim_span(claim), claim_span(other)], "outside": True}


def _named_denial(evidence: dict, claims: list[Claim], outlet_of: dict[str, str]) -> dict:
    """A reported denial naming the outlets: which reports the denial, of what which states."""
    cue, stated = evidence["spans"]
    denied = next(c for c in claims if c.id == cue["claim"])
    detail = denial_detail(denied, cue["text"], outlet_of[denied.article], outlet_of[stated["article"]])
    return {**evidence, "detail": detail}


def _same_claim(items: list[dict]) -> bool:
    return [item["rule"] for item in items] == ["aligned"]


def _listed(judged: list[tuple[float, int, int, list[dict]]], size: int) -> tuple[list[dict], int]:
    """A group's evidence in pair order, and how many "same claim" pairs are left out of it.

    Findings are all kept. "Same claim" pairs are all listed while they are no more than the group's
    claims; beyond that (every pair of a claim many outlets carry: 85 claims, 2,989 pairs) each claim's
    best-scoring pair is, which still names a counterpart for every claim.
    """
    same = [(score, i, j) for score, i, j, items in judged if _same_claim(items)]
    kept = _best_pairs(same) if len(same) > size else {(i, j) for _, i, j in same}
    evidence = [e for _, i, j, items in judged if not _same_claim(items) or (i, j) in kept for e in items]
    return evidence, len(same) - len(kept)


def _best_pairs(same: list[tuple[float, int, int]]) -> set[tuple[int, int]]:
    """Each claim's highest-scoring pair (the first on a tie)."""
    best: dict[int, tuple[float, int, int]] = {}
    for pair in same:
        for claim in pair[1:]:
            if claim not in best or pair[0] > best[claim][0]:
                best[claim] = pair
    return {(i, j) for _, i, j in best.values()}


def _omitted_detail(omitted: int) -> str:
    pairs = f"{omitted} more aligned pair{'s' if omitted > 1 else ''}"
    return f"{pairs} of these claims not listed (each claim's best-scoring pair is)"


def alignment_groups(
    claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str], published: Published | None = None
) -> list[ClaimGroup]:
    """One group per set of claims telling one fact: shared, unique, or conflict when they disagree.

    Groups whose closest claims give one figure differently, too unlike in wording to align ("120
    passengers were rescued" / "pulled 140 survivors"), are one fact told two ways: they are merged
    into one conflict group, so that no claim is both shared and conflicting. ``published`` (article
    id -> publication time) tells updates of a running total and ages of far-apart reports.
    """
    published = published or {}
    figures = _counterpart_figures(claims, alignment, published)
    merged = _merged(alignment.groups, list(figures))
    groups = [_group(n, members, claims, alignment, outlet_of, published, figures) for n, members in enumerate(merged)]
    repeated = _repeated_disagreements(groups, merged, claims)
    if not repeated:
        return groups
    merged = _merged(merged, repeated)
    return [_group(n, members, claims, alignment, outlet_of, published, figures) for n, members in enumerate(merged)]


#: Rules of a figure disagreement between reports.
_FIGURE_RULES = ("numbers", "figure-updated")
#: Rules of a figure told at other values in later reports (:func:`_as_update`, :func:`_changed`).
UPDATE_RULES = ("figure-updated", "figure-changed")


def figure_updates(groups: list[ClaimGroup], claims: list[Claim], outlet_of: dict[str, str], published: Published) -> list[dict]:
    """Figures of one fact that rose or fell between dated reports, each with its reports in order of
    publication: the updates and changes over time the groups' evidence finds, and a running total whose
    reports fit each other yet grew ("at least 30 injured", later "42 injured": no finding, but an update;
    the same decision, :func:`_growing_total`). A figure the reports disagree on (rule ``numbers``) is none.

    Only running totals (RUNNING_TOTALS), each report dated and giving one figure of it: on ECB+ a count of
    anything else ("people", "percent") that differs between days was most often two events' (a vigil's
    marchers on Monday, its crowd on Wednesday), and a claim with two figures of a kind (rushing and receiving
    yards) tells two things."""
    claim_of = {c.id: c for c in claims}
    updates = []
    for group in (g for g in groups if g.kind == "alignment"):
        members = [claim_of[c] for c in group.claims]
        found = [(e["quantities"][0], e["spans"]) for e in group.evidence if e["rule"] in UPDATE_RULES and e.get("quantities")]
        judged = {coarse_kind(k) for e in group.evidence if e["rule"] in ("numbers", *UPDATE_RULES) for k in e.get("quantities", [])}
        for kind in dict.fromkeys(coarse_kind(q.kind) for c in members for q in c.quantities):
            if kind not in judged and (figures := _growing_total(kind, members, published)) is not None:
                found.append((kind, [quantity_span(c, q) for _, _, q, c in figures]))
        found = [(kind, spans) for kind, spans in found if _one_dated_total(kind, spans, claim_of, published)]
        updates += [_update(group.id, kind, spans, claim_of, outlet_of, published) for kind, spans in found]
    return updates


def _one_dated_total(kind: str, spans: list[dict], claim_of: dict[str, Claim], published: Published) -> bool:
    """Whether the figure is a running total that every report dates and gives once."""
    return coarse_kind(kind) in RUNNING_TOTALS and all(
        published.get(s["article"]) and len(distinct_figures([q for q in claim_of[s["claim"]].quantities if of_kind(q, kind)])) == 1
        for s in spans
    )


def _update(
    group: str, kind: str, spans: list[dict], claim_of: dict[str, Claim], outlet_of: dict[str, str], published: Published
) -> dict:
    """One figure's reports (value, article, outlet, publication time, offsets) in order of publication, and
    whether it rose, fell, or went both ways."""
    reports = []
    for span in {(s["claim"], s["start"]): s for s in spans}.values():
        when = published.get(span["article"])
        value = next(q.value for q in claim_of[span["claim"]].quantities if q.start == span["start"])
        reports.append({**span, "outlet": outlet_of[span["article"]], "published": when.isoformat() if when else None, "value": value})
    reports.sort(key=lambda r: (r["published"] or "~", r["start"]))
    values = [r["value"] for r in reports]
    rose, fell = any(y > x for x, y in pairwise(values)), any(y < x for x, y in pairwise(values))
    return {"group": group, "figure": kind, "change": "both" if rose and fell else "rise" if rose else "fall", "reports": reports}


def _disagreements(group: ClaimGroup, members: list[Claim]) -> list[tuple[str, set[tuple]]]:
    """What a conflict group disagrees on: each kind of figure (coarse: "killed", not "killed (passenger)")
    with every value its claims give of it."""
    kinds = {coarse_kind(k) for e in group.evidence if e["rule"] in _FIGURE_RULES for k in e.get("quantities", [])}
    return [(kind, set().union(*(_figure_keys(c, kind) for c in members))) for kind in kinds]


def _repeated_disagreements(groups: list[ClaimGroup], merged: list[list[int]], claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs of claims (one of each group) of conflict groups disagreeing on one figure with two values in
    common: "killing 7 passengers" / "killing 8" and "7 people had died" / "8 people" are one disagreement
    on the toll, told by two pairs of claims, so one conflict with all its evidence (:func:`_same_values`)."""
    found = [
        (members[0], kind, values)
        for group, members in zip(groups, merged)
        if group.verdict == "conflict"
        for kind, values in _disagreements(group, [claims[i] for i in members])
    ]
    return [(i, j) for (i, kind, xs), (j, other, ys) in combinations(found, 2) if i != j and kind == other and _same_values(xs, ys)]


def _same_values(xs: set[tuple], ys: set[tuple]) -> bool:
    """Whether two groups' values of one figure are one disagreement: two values in common, and each group
    gives at most one value besides them. Box scores of one game give "12 points", "9 rebounds", "86 yards"
    by the dozen: two groups of them share two values by chance, and merging them joined a whole game."""
    shared = len(xs & ys)
    return shared >= 2 and max(len(xs), len(ys)) - shared <= 1


def _merged(groups: list[list[int]], pairs: list[tuple[int, int]]) -> list[list[int]]:
    """``groups`` with those holding the two claims of any pair joined, ordered by first claim."""
    root = list(range(len(groups)))
    group_of = {i: g for g, members in enumerate(groups) for i in members}

    def find(g: int) -> int:
        while root[g] != g:
            g = root[g]
        return g

    for i, j in pairs:
        root[find(group_of[i])] = find(group_of[j])
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(find(g), []).extend(members)
    return sorted((sorted(members) for members in joined.values()), key=lambda m: m[0])


def _group_index(claims: list[Claim], alignment: Alignment) -> tuple[dict[int, int], list[set[str]]]:
    """Each claim's alignment group, and each group's articles."""
    group_of = {i: g for g, members in enumerate(alignment.groups) for i in members}
    return group_of, [{claims[i].article for i in members} for members in alignment.groups]


def contradiction_groups(
    claims: list[Claim], alignment: Alignment, outlet_of: dict[str, str], published: Published | None = None
) -> list[ClaimGroup]:
    """Pairs of claims of two articles, from different groups, on one topic that contradict each other.

    Two articles disagree only where neither also tells the other's claim: when article B tells both
    "N admitted X" (aligned with A's claim) and "N denies Y", A's "N admitted X" is what B says too.
    One article telling both ("N denied it, then admitted it") disagrees with no one: no conflict. Two
    speakers disputing one act (:data:`BETWEEN_SPEAKERS`) are a conflict however many sides an article tells,
    listed once per stated claim's group and denial.
    """
    group_of, articles_of = _group_index(claims, alignment)
    similarity = alignment.similarity
    rows, cols = np.nonzero(np.triu(similarity >= TOPIC_SIMILARITY, k=1))
    found: list[ClaimGroup] = []
    disputes: set[tuple[int, str]] = set()
    for i, j in zip(rows.tolist(), cols.tolist()):
        a, b = claims[i], claims[j]
        if a.article == b.article or group_of[i] == group_of[j]:
            continue
        told_both = b.article in articles_of[group_of[i]] or a.article in articles_of[group_of[j]]
        only = BETWEEN_SPEAKERS if told_both else None
        findings = _in_time(_findings(a, b, float(similarity[i, j]), "topic", only), a, b, published or {})
        findings = [f for f in findings if f.rule not in BETWEEN_SPEAKERS or _first_of_dispute(f, (i, j), claims, group_of, disputes)]
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
                    scope="across-articles",
                )
            )
    return found


def _first_of_dispute(finding: Finding, pair: tuple[int, int], claims: list[Claim], group_of: dict[int, int], seen: set[tuple[int, str]]) -> bool:
    """Whether a dispute (the finding's spans: stated claim, denying claim) is the first of its stated claim's group
    with that denial: three outlets carrying the minister's words disputed by one spokesman are one dispute."""
    stated, denying = (span["claim"] for span in finding.spans)
    key = (group_of[pair[0] if claims[pair[0]].id == stated else pair[1]], denying)
    if key in seen:
        return False
    seen.add(key)
    return True


def _counterparts(claims: list[Claim], alignment: Alignment) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that stand for each other: aligned, or each the other's most
    similar claim once the aligned ones are set aside (per article pair: a claim linked to any claim of
    the other article is set aside for that pair). Done an article's rows at a time against every later
    article, not pair by pair: a story of n articles has n(n-1)/2 pairs."""
    runs = ArticleRuns.of(np.array([c.article for c in claims]))
    pairs = [(i, j) for i, j, _ in alignment.pairs()]
    for x, rows in enumerate(runs.members):
        free = (runs.rank > x) & ~alignment.links[rows].any(axis=0)  # later claims no claim of x is linked to
        free_rows = ~runs.per_article(alignment.links[rows], np.logical_or)  # (row, article): linked to none of it
        block = np.where(free[None, :] & free_rows[:, runs.rank], alignment.similarity[rows], -np.inf)
        peaks = runs.per_article(block, np.maximum)  # (row, article): its highest free similarity there
        best_row = block.argmax(axis=0)  # per claim of a later article, its most similar free row
        best_col = _first_at(block, peaks, runs)  # per row and article, its most similar free claim there
        found = np.isfinite(peaks) & (best_row[best_col] == np.arange(len(rows))[:, None])
        pairs += [(int(rows[r]), int(best_col[r, y])) for y, r in zip(*np.nonzero(found.T))]
    return pairs


def _first_at(block: np.ndarray, peaks: np.ndarray, runs: ArticleRuns) -> np.ndarray:
    """Per row of ``block`` and article, the first of that article's columns holding the row's peak there
    (the column ``argmax`` over the article's columns would give)."""
    at_peak = block[:, runs.order] == peaks[:, runs.rank[runs.order]]
    positions = np.where(at_peak, np.arange(len(runs.order)), len(runs.order))
    return runs.order[np.minimum.reduceat(positions, runs.starts, axis=1)]


def _counterpart_figures(claims: list[Claim], alignment: Alignment, published: Published) -> dict[tuple[int, int], Finding]:
    """Counterpart claims of two groups that tell no article in common, giving one quantity differently.

    An article telling both groups' facts tells two facts, not one twice; the claims are judged at their
    similarity (not aligned, so no anchors), from COUNTERPART_SIMILARITY up.
    """
    group_of, articles_of = _group_index(claims, alignment)
    rule = NumberConflict(floor=COUNTERPART_SIMILARITY)
    found: dict[tuple[int, int], Finding] = {}
    for i, j in _counterparts(claims, alignment):
        g, h = group_of[i], group_of[j]
        if g == h or articles_of[g] & articles_of[h]:
            continue
        finding = rule.detect(claims[i], claims[j], float(alignment.similarity[i, j]))
        if finding is not None and _in_time([finding], claims[i], claims[j], published):
            found[(i, j)] = finding
    return found
