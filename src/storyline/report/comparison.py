"""Render a :class:`~storyline.model.Comparison` as JSON, Markdown or one self-contained HTML file.

Article content is untrusted: Markdown escapes its control characters and
HTML goes through Jinja2 with autoescaping on, so nothing in an article can
inject markup or script. The HTML file has its CSS inline and loads nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, select_autoescape

from storyline.compare.align import EVIDENCE_BELOW
from storyline.compare.provenance import source_links
from storyline.compare.verdicts import NOT_CONFLICTS
from storyline.enrich.times_calendar import calendar_day
from storyline.ingest.clean import shouts
from storyline.model import Article, Claim, ClaimGroup, Comparison

FORMATS = ("json", "md", "html")
#: Other names accepted for a format.
FORMAT_ALIASES = {"markdown": "md", "htm": "html"}


@dataclass
class ComparisonView:
    """Look-ups the renderers share: claims and articles by id, groups by kind."""

    comparison: Comparison

    @property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.comparison.claims}

    @property
    def names(self) -> dict[str, str]:
        """Article id -> the name that tells it from the story's other articles (outlet in older comparisons)."""
        return {a["id"]: a.get("name") or a.get("outlet") or a["id"] for a in self.comparison.articles}

    def reporters(self, item: dict[str, Any]) -> str:
        """Who tells a quote group (its members) or a timeline entry (its events): the articles' reader names,
        so that two articles of one outlet read as two ("Wikinews (en, ...), Wikinews (es, ...)")."""
        names = self.names
        articles = dict.fromkeys(m["article"] for m in item.get("members") or item.get("events") or [] if m.get("article"))
        return ", ".join(names.get(a, a) for a in articles) or ", ".join(item.get("outlets", []))

    def credited(self, quote: dict[str, Any]) -> str:
        """Who says it, each speaker with the articles that credit them ("Olga Petrenko (A, B); unattributed
        (C)"); older comparisons give the speakers, then the reporters."""
        if "credited" not in quote:
            return f"{', '.join(quote.get('speakers', [])) or 'unattributed'} ({self.reporters(quote)})"
        return "; ".join(f"{c['speaker']} ({self.outlets_of(quote, c['articles'])})" for c in quote["credited"])

    def outlets_of(self, quote: dict[str, Any], articles: Iterable[str]) -> str:
        """The articles of a quote group by reader name, each outlet named once: an outlet with several of
        them here (two versions of one report, two language editions) once, with what tells its articles
        apart ("Wikinews (en; es)"), as the group's members name the outlet."""
        outlet_of = {m["article"]: m.get("outlet") or m["article"] for m in quote.get("members", [])}
        by_outlet: dict[str, list[str]] = {}
        for article in articles:
            by_outlet.setdefault(outlet_of.get(article, article), []).append(article)
        return ", ".join(self._outlet_once(outlet, ids) for outlet, ids in by_outlet.items())

    def _outlet_once(self, outlet: str, articles: list[str]) -> str:
        """"Outlet (en; es)" for an outlet's articles named "Outlet (en)" and "Outlet (es)"; one article by its name."""
        names = [self.names.get(a, a) for a in articles]
        if len(names) == 1:
            return names[0]
        details = [n[len(outlet) + 2 : -1] for n in names if n.startswith(f"{outlet} (") and n.endswith(")")]
        return f"{outlet} ({'; '.join(details)})" if len(details) == len(names) else outlet

    def wordings(self, quote: dict[str, Any]) -> list[tuple[str, str, str]]:
        """Each wording of a statement several articles carry: (who, kind label, text); an outlet's articles
        with one wording (two versions of one report) are one line (:meth:`outlets_of`)."""
        lines: dict[tuple[str, str, str], list[str]] = {}
        for m in quote.get("members", []):
            key = (m.get("outlet") or m["article"], KIND_LABELS.get(m.get("kind"), m.get("kind") or ""), shown(m["text"]))
            lines.setdefault(key, []).append(m["article"])
        if len(lines) < 2:
            return []
        return [(self.outlets_of(quote, dict.fromkeys(ids)), label, text) for (_, label, text), ids in lines.items()]

    def groups(self, verdict: str, kind: str = "alignment") -> list[ClaimGroup]:
        return [g for g in self.comparison.groups if g.verdict == verdict and g.kind == kind]

    def contradictions(self) -> list[ClaimGroup]:
        """Claims of two articles that contradict each other."""
        return [g for g in self.comparison.groups if g.kind == "contradiction"]

    def sources(self, group: ClaimGroup) -> str:
        """Who a group's claims come from: the articles' reader names ("Wikinews (es, 2008-09-17)", where
        the bare outlet would not tell two apart), then those of the claims it was aligned with in other
        groups (a shared group of one claim: its findings quote them), as the group's ``outlets`` count them."""
        claims, names = self.claims, self.names
        articles = dict.fromkeys(claims[c].article for c in group.claims if c in claims)
        for item in group.evidence:
            if item.get("outside"):
                articles.update(dict.fromkeys(span["article"] for span in item.get("spans", [])))
        return ", ".join(names.get(a, a) for a in articles) or ", ".join(group.outlets)

    def sections(self) -> list[tuple[str, list[ClaimGroup]]]:
        """Conflicts first (what a reader most needs to see), then shared, then unique claims, each
        heading with its count. Shared claims most surely one come first (highest alignment score; a group of
        many articles at a middling score is often one topic, not one fact), and those only alike
        (:func:`alike_only`) under a heading of their own, where there are any; an article's unique claims are
        listed together, under its name once, after the facts one outlet tells in several of its articles (an
        update, another language edition), each in its own row as a shared fact is, its wordings side by side."""
        conflicts, shared, unique = self.groups("conflict") + self.contradictions(), self.groups("shared"), self.groups("unique")
        shared.sort(key=lambda g: -(g.score or 0.0))
        alike = [g for g in shared if alike_only(g)]
        surely_one = [g for g in shared if not alike_only(g)]
        told_again = sorted((g for g in unique if not self.single_article(g)), key=lambda g: -(g.score or 0.0))
        told_once = self._by_article([g for g in unique if self.single_article(g)])
        return [
            (f"Conflicts ({len(conflicts)})", conflicts),
            (f"Shared claims ({len(surely_one)})", surely_one),
            *([(f"{ALIKE_HEADING} ({len(alike)}; score under {ALIKE_BELOW:.2f})", alike)] if alike else []),
            (f"Unique claims ({sum(len(g.claims) for g in unique)})", told_again + told_once),
        ]

    def alike_count(self) -> int:
        """How many shared groups are only alike (:func:`alike_only`)."""
        return sum(1 for g in self.groups("shared") if alike_only(g))

    def _by_article(self, groups: list[ClaimGroup]) -> list[ClaimGroup]:
        """One group per article holding the claims of ``groups`` (single-article groups), in article order;
        in each, the claims that name someone or give a figure before the rest (a long list of one outlet's
        extras reads from its news, not from its colour), in text order otherwise."""
        claims = self.claims
        merged: dict[str, ClaimGroup] = {}
        for group in groups:
            article = claims[group.claims[0]].article if group.claims and group.claims[0] in claims else group.id
            if article not in merged:
                merged[article] = ClaimGroup(id=group.id, claims=[], verdict=group.verdict, outlets=group.outlets)
            merged[article].claims.extend(group.claims)
        for group in merged.values():
            group.claims.sort(key=lambda c: not (c in claims and (claims[c].actors or claims[c].quantities)))
        return list(merged.values())

    def single_article(self, group: ClaimGroup) -> bool:
        """Whether all of a group's claims come from one article (its heading then names it; the lines need not)."""
        claims = self.claims
        return len({claims[c].article for c in group.claims if c in claims}) <= 1


#: A shared group whose claims align under this score on average is only alike: claims of one topic in like
#: words, as often two facts as one ("at least 22 houses were badly damaged" / "at least 25 of the injured were
#: hospitalised"). The bar over which the alignment takes a shared topic for one claim without more evidence.
ALIKE_BELOW = EVIDENCE_BELOW
#: The heading of those groups, in the reports and on the web story page.
ALIKE_HEADING = "Alike, perhaps not one fact"


def alike_only(group: ClaimGroup) -> bool:
    """Whether a shared group's claims are only alike (mean alignment score under :data:`ALIKE_BELOW`): shown
    apart from the shared facts, so that a reader does not take two facts of one topic for one fact."""
    return group.verdict == "shared" and group.score is not None and group.score < ALIKE_BELOW


_FRACTION_OF_SECOND_RE = re.compile(r"(?<=:\d\d)\.\d+")


def reader_time(iso: str) -> str:
    """An ISO time as a reader wants it: the day alone at midnight (a source that gave only the day is
    stored at midnight; no false "00:00:00"), else day and time to the second (a feed's microseconds are
    no news)."""
    return _FRACTION_OF_SECOND_RE.sub("", iso).removesuffix("T00:00:00").replace("T", " ")


def article_title(article: dict[str, Any]) -> str:
    """An article's title, or a note that it has none (a text opening with its dateline): an empty cell read
    as a missing value."""
    return article.get("title") or "(no title)"


def when(article: dict[str, Any]) -> str:
    """An article's date as a reader wants it (:func:`reader_time`); an undated
    article's estimate from its story marked as one ("undated (about 2022-12-18)")."""
    published = article.get("published")
    if published:
        return reader_time(published)
    estimate = article.get("published_estimate")
    return f"undated (about {estimate})" if estimate else "undated"


def timeline_date(entry: dict[str, Any]) -> str:
    """A timeline entry's date in words (:func:`calendar_words`; the JSON keeps the TIMEX value) as a reader
    should take it: "≈ 17 April 2013 (estimated)" when only undated articles' estimated days put an event
    there (the JSON's ``estimated``), else the date as reported."""
    words = calendar_words(entry["date"], entry.get("until", ""))
    return f"\u2248 {words} (estimated)" if entry.get("estimated") else words


_CALENDAR_VALUE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def calendar_words(value: str, until: str = "") -> str:
    """A TimeML calendar value as a reader says it: "22 September 2018", "22 September (year unknown)"
    for "XXXX-09-22", "week of 9 April 2018" for "2018-W15" (its Monday), "September 2018"; any other
    value as it is. With a range's ``until``, both ends, the words they share said once: "9–11 December
    2022", "30 November – 2 December 2022", "March–May 2022", "2019–2021". The one way the reports and
    the web pages write a timeline's dates."""
    if until:
        return _range_words(calendar_words(value).split(" "), calendar_words(until).split(" "))
    match = _CALENDAR_VALUE.match(value)
    if not match or value == "XXXX" or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        return value
    year, month, day, week = match.groups()
    if week and year != "XXXX":
        monday = calendar_day(value)
        return f"week of {monday.day} {_MONTHS[monday.month - 1]} {monday.year}" if monday else value
    if week:
        words = f"week {int(week)}"
    elif month:
        words = f"{int(day)} {_MONTHS[int(month) - 1]}" if day else _MONTHS[int(month) - 1]
    else:
        return year
    if year == "XXXX":
        return f"{words} (year unknown)"
    return f"{words} {year}"


def _range_words(start: list[str], end: list[str]) -> str:
    """Two dates in words with their shared last words said once; an en dash between single words, spaced
    between longer ones."""
    shared = 0
    while shared < min(len(start), len(end)) - 1 and start[-1 - shared] == end[-1 - shared]:
        shared += 1
    first, last = " ".join(start[: len(start) - shared]), " ".join(end[: len(end) - shared])
    dash = "\u2013" if " " not in first + last else " \u2013 "
    return " ".join([first + dash + last, *end[len(end) - shared :]])


def event_note(entry: dict[str, Any], event: dict[str, Any]) -> str:
    """" (date estimated)" after an event whose date is estimated on an entry others report as fact."""
    return " (date estimated)" if event.get("estimated") and not entry.get("estimated") else ""


def plural(count: int, word: str) -> str:
    """"1 claim", "2 claims"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def one_article(summary: dict[str, Any]) -> bool:
    """Whether the comparison holds one article (a story no other report has joined yet): nothing to compare."""
    return len(summary.get("unique_claims", {})) == 1


def summary_line(summary: dict[str, Any], alike: int = 0) -> str:
    """The counts a report opens with, claims told from groups of claims: "35 claims: 3 groups shared by
    several outlets, 1 group in conflict, 7 claims unique to one outlet" (an outlet's two articles share nothing);
    of one article, that it has nothing to be compared with (all its claims "unique" would read as news); of one
    outlet's articles (one site's story in two languages), that no other outlet confirms them: an outlet does not
    corroborate itself, so every claim would read "unique to one outlet". ``alike``: how many of the shared
    groups are only alike (:func:`alike_only`), said beside their count."""
    if one_article(summary):
        return f"{plural(summary.get('claims', 0), 'claim')} from one article: no other report to compare them with yet"
    if summary.get("outlets") == 1:
        conflicts = summary.get("conflicts", 0)
        between = f"; {plural(conflicts, 'group')} in conflict between its articles" if conflicts else ""
        return (
            f"{plural(summary.get('claims', 0), 'claim')} from {len(summary.get('unique_claims', {}))} articles of one "
            f"outlet: no other outlet to confirm or contradict them yet{between}"
        )
    unique = sum(summary["unique_claims"].values()) if "unique_claims" in summary else summary.get("unique", 0)
    alike_note = f" ({alike} of them only alike, perhaps not one fact)" if alike else ""
    return (
        f"{plural(summary.get('claims', 0), 'claim')}: {plural(summary.get('shared', 0), 'group')} shared by several "
        f"outlets{alike_note}, {plural(summary.get('conflicts', 0), 'group')} in conflict, {plural(unique, 'claim')} unique to one outlet"
    )


def adds_nothing(comparison: Comparison, names: dict[str, str]) -> str | None:
    """The articles that add nothing to their source (copies, translations: ``summary.adds_nothing``), each by
    name with the source it takes everything from, "Metro Wire (copies Harbour Gazette)": the names alone
    left the reader to look the source up in the provenance."""
    source_of = source_links(comparison.provenance)
    parts = []
    for article in comparison.summary.get("adds_nothing", []):
        link = source_of.get(article)
        source = f" ({link.relation} {names.get(link.from_, link.from_)})" if link else ""
        parts.append(names.get(article, article) + source)
    return ", ".join(parts) or None


#: Words a headline in title case keeps in lower case, but first in a part ("Ferry Strike Ends in Port Elwyn").
_MINOR_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
    "of", "on", "onto", "or", "over", "per", "the", "to", "up", "via", "vs", "with",
))  # fmt: skip
#: An all-capital name no longer than this is an acronym ("NATO", "BBC") a heading keeps so.
_ACRONYM_LETTERS = 4
_HEADLINE_PART = re.compile(r"(:\s+|\s+[-–—|]+\s+)")
_WORD = re.compile(r"\S+")
_VOWEL = re.compile(r"[aeiouy]|[^\W\d_a-z]")  # a letter outside a-z (another script, an accent) may be one


def headline_case(text: str, names: Iterable[str] = (), language: str | None = None) -> str:
    """A headline as a heading shows it: one the source wrote in capitals ("FERRY STRIKE ENDS IN PORT
    ELWYN") in title case ("Ferry Strike Ends in Port Elwyn"), each part between colons or dashes judged
    alone (a story label's names stay as they are); any other headline as written. ``names``: the names
    the article or story gives, whose mixed-case forms ("McAllister") and acronyms ("NATO") are kept.
    Title case is an English habit: a headline of another ``language`` reads in sentence case, its names
    capitalised as the text writes them ("El puerto de Port Elwyn cierra")."""
    names = list(names)
    if language not in (None, "en"):
        return "".join(_sentence_case(part, names) if shouts(part) else part for part in _HEADLINE_PART.split(text))
    forms = _name_forms(names)
    return "".join(_title_case(part, forms) if shouts(part) else part for part in _HEADLINE_PART.split(text))


def _name_forms(names: Iterable[str]) -> dict[str, str]:
    """Each name word that title case would spoil, by its folded form: "McAllister", "NATO"."""
    forms = {}
    for name in names:
        for word in _WORD.findall(name):
            letters = [c for c in word if c.isalpha()]
            mixed = any(c.islower() for c in letters[1:]) and any(c.isupper() for c in letters[1:])
            acronym = len(letters) <= _ACRONYM_LETTERS and all(c.isupper() for c in letters) and word.casefold() not in _MINOR_WORDS
            if letters and (mixed or acronym):
                forms[word.casefold()] = word
    return forms


def _title_case(part: str, forms: dict[str, str]) -> str:
    def word_case(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = word.casefold()
        if folded in forms:
            return forms[folded]
        if match.start() > 0 and folded in _MINOR_WORDS:
            return folded
        if not _VOWEL.search(folded):
            return word  # no vowel, no word: an acronym ("NBC", "SXSW")
        return "-".join(piece[:1] + piece[1:].lower() for piece in word.split("-"))

    return _WORD.sub(word_case, part)


def _sentence_case(part: str, names: list[str]) -> str:
    """Lower case but the first word, acronyms (no vowel) and the ``names``, matched whole as written
    ("Port Elwyn", not every "port")."""

    def word_case(match: re.Match[str]) -> str:
        word = match.group(0)
        if not _VOWEL.search(word.casefold()):
            return word
        if match.start() > 0:
            return word.lower()
        first = next((i for i, c in enumerate(word) if c.isalpha()), 0)  # "«EL" -> "«El"
        return word[: first + 1] + word[first + 1 :].lower()

    text = _WORD.sub(word_case, part)
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _, name=name: name, text, flags=re.IGNORECASE)
    return text


#: Words of the text that stand in for an empty title.
HEADING_WORDS = 10


def article_heading(article: Article) -> str:
    """The title (in title case where the source wrote it in capitals, :func:`headline_case`), else the
    text's first words, else the id: an empty title drew an empty, unclickable link, an empty ``<h1>`` and
    a page title of " · storyline"."""
    if article.title.strip():
        return headline_case(article.title.strip(), entity_names(e.to_dict() for e in article.entities), article.language)
    words = article.text.split()
    if not words:
        return article.id
    return " ".join(words[:HEADING_WORDS]) + ("…" if len(words) > HEADING_WORDS else "")


def report_title(comparison: Comparison) -> str:
    """What the story is, for a report's title: its label (else the first article's title; one written in
    capitals in title case, :func:`headline_case`) and its id."""
    label = comparison.summary.get("label") or next((a.get("title") for a in comparison.articles if a.get("title")), "")
    languages = {a.get("language") for a in comparison.articles}
    label = headline_case(label, entity_names(comparison.entities), languages.pop() if len(languages) == 1 else None)
    title = f"Story comparison: {label}" if label else "Story comparison"
    story = comparison.summary.get("story")
    return f"{title} (story {story})" if story else title


def first_reported(summary: dict[str, Any], names: dict[str, str]) -> str | None:
    """Who reported first and by which rule (``first_reported_note``); older comparisons: the names only.
    None for one article: first of one says nothing."""
    if one_article(summary):
        return None
    if note := summary.get("first_reported_note"):
        return str(note)
    first = summary.get("first_reported") or ([summary["earliest"]] if summary.get("earliest") else [])
    return ", ".join(names.get(i, i) for i in first) or None


def findings(group: ClaimGroup) -> list[str]:
    """Why a conflict group conflicts, one line per finding; for other verdicts what still tells the claims
    apart without a disagreement (a figure that changed over time, one outlet reporting a denial), or the other
    outlet's claim a claim was aligned with when that claim stands in another group."""
    if group.verdict == "conflict":
        details = (e["detail"] for e in group.evidence if e.get("rule") not in ("aligned", "unique"))
    else:
        details = (e["detail"] for e in group.evidence if e.get("rule") in NOT_CONFLICTS and (e.get("rule") != "aligned" or e.get("outside")))
    return list(dict.fromkeys(details))  # one line per finding, though several article pairs show it


#: How a figure moved over its reports, in words.
_CHANGE_WORDS = {"rise": "rose", "fall": "fell", "both": "changed"}


def update_line(update: dict[str, Any], names: dict[str, str]) -> str:
    """A figure's reports in order of publication, as a reader follows an update: "killed rose: 14 (A,
    2025-06-01 08:00:00) → 19 (B, 2025-06-02 14:00:00)"; reports in a row giving one value share it."""
    steps: list[tuple[float, str, list[str]]] = []
    for report in update["reports"]:
        who = names.get(report["article"], report.get("outlet") or report["article"])
        said = f"{who}, {reader_time(report['published'])}" if report.get("published") else who
        if steps and steps[-1][0] == report["value"]:
            steps[-1][2].append(said)
        else:
            steps.append((report["value"], report["text"], [said]))
    told = " \u2192 ".join(f"{text} ({'; '.join(sources)})" for _, text, sources in steps)
    return f"{update['figure']} {_CHANGE_WORDS.get(update.get('change', ''), 'changed')}: {told}"


#: Entities of each kind a report lists, the story's most named (the JSON keeps them all).
INVOLVED_TOP = 8
INVOLVED_KINDS = (("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places"), ("MISC", "Other names"))
#: Other names an entity goes by that a report line shows at most.
_VARIANTS_SHOWN = 4


def involved(entities: list[dict[str, Any]], top: int | None = INVOLVED_TOP) -> list[tuple[str, list[dict[str, Any]], int]]:
    """Who is involved, by kind (people, organisations, places, names of no known kind): each kind's heading,
    its first ``entities`` (a story's, named by most articles first; at most ``top``, None for all), and how
    many it has in all. The one grouping of the reports and the web story page."""
    found = []
    for kind, heading in INVOLVED_KINDS:
        of_kind = [e for e in entities if e.get("type") == kind]
        if of_kind:
            found.append((heading, of_kind[:top], len(of_kind)))
    return found


def entity_names(entities: Iterable[dict[str, Any]]) -> list[str]:
    """Every name the entities go by (their names and variants)."""
    return [name for e in entities for name in (e["name"], *e.get("variants", []))]


def entity_label(entity: dict[str, Any]) -> str:
    """An entity's name, with what a capital or seat of government stands for shown, not silently swapped,
    and how often it acts for it: "White House → United States government (acting in 3 of 5 mentions)"."""
    refers_to = entity.get("refers_to")
    if not refers_to:
        return str(entity["name"])
    return f"{entity['name']} → {refers_to}{acting_note(entity)}"


def acting_note(entity: dict[str, Any]) -> str:
    """" (acting in 3 of 5 mentions)" for a capital or seat that acts for what it stands for in some of its
    mentions (the rest name the place), else nothing (no parse could tell)."""
    acting = entity.get("acting") or 0
    return f" (acting in {acting} of {entity.get('mentions', acting)} mentions)" if acting else ""


def entity_detail(entity: dict[str, Any], articles: int) -> str:
    """How many of the story's ``articles`` name it, and the other names it goes by:
    "in 3 of 5 articles; also Adler, R. Adler"."""
    others = [v for v in entity.get("variants", []) if v != entity["name"]]
    also = f"; also {', '.join(others[:_VARIANTS_SHOWN])}{', ...' if len(others) > _VARIANTS_SHOWN else ''}" if others else ""
    return f"in {len(entity.get('articles', []))} of {articles} articles{also}"


def to_json(comparison: Comparison, indent: int | None = 2) -> str:
    """The documented JSON interface (docs/comparison-schema.md)."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=indent)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
#: What opens a heading, list item or thematic break at the start of a line ("# Breaking", "+ Mayor", "1. First").
_MD_BLOCK_START = re.compile(r"^(?:([#+-])|(\d{1,9})([.)])(?=\s|$))")


def md_escape(text: str) -> str:
    """Neutralise Markdown and HTML syntax in article text (one line), a block marker it starts with too:
    the text may open a list item, where "# Breaking" would become a heading and "+ Mayor" a nested list."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _MD_BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def md_code(text: str) -> str:
    """``text`` as a Markdown code span whatever backticks it holds: fenced by one backtick more than its
    longest run, and padded where it starts or ends with one (CommonMark strips one space each side)."""
    text = " ".join(str(text).split())
    fence = "`" * (max(map(len, re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def to_markdown(comparison: Comparison) -> str:
    view = ComparisonView(comparison)
    claims, names = view.claims, view.names
    lines = [f"# {md_escape(report_title(comparison))}", "", md_escape(summary_line(comparison.summary, view.alike_count())), ""]
    if first := first_reported(comparison.summary, names):
        lines += [f"First reported: {md_escape(first)}", ""]
    if copies := adds_nothing(comparison, names):
        lines += [f"Adds nothing to its source: {md_escape(copies)}", ""]
    lines += ["## Articles", ""]
    for a in comparison.articles:
        published = when(a)
        language = md_escape(a.get("language") or "?")
        title = _markdown_link(md_escape(article_title(a)), a.get("url"))  # a fact-checker cites the original
        credits = f", agencies: {md_escape(', '.join(a['agencies']))}" if a.get("agencies") else ""
        lines.append(f"- **{md_escape(names[a['id']])}** ({md_escape(published)}, {language}{credits}): {title} {md_code(a['id'])}")
    lines += _involved_markdown(comparison)
    for heading, groups in view.sections():
        lines += ["", f"## {heading}", ""] + ([] if groups else ["None found."])
        for group in groups:
            score = f" (score {group.score:.2f})" if group.score is not None else ""
            lines.append(f"- {md_escape(view.sources(group))}{score}")
            one = view.single_article(group)  # its heading names the article
            lines += [
                f"  - {'' if one else md_escape(names[claims[c].article]) + ': '}{md_escape(claims[c].text)}"
                for c in group.claims
                if c in claims
            ]
            lines += [f"  - *{md_escape(detail)}*" for detail in findings(group)]
    lines += ["", f"## Updates ({len(comparison.updates)})", ""] + ([] if comparison.updates else ["None found."])
    lines += [f"- {md_escape(update_line(update, names))}" for update in comparison.updates]
    lines += ["", f"## Quotes ({len(comparison.quotes)})", ""]
    for quote in comparison.quotes:
        flag = f" **({md_escape('; '.join(quote.get('evidence', [])) or 'conflict')})**" if quote.get("conflict") else ""
        lines.append(f"- {md_escape(statement(quote))} - {md_escape(view.credited(quote))}{flag}")
        lines += [f"  - {md_escape(name)} ({label}): {md_escape(text)}" for name, label, text in view.wordings(quote)]
        lines += [f"  - *{md_escape(note)}*" for note in quote.get("notes", [])]
    lines += ["", f"## Timeline ({len(comparison.timeline)})", ""]
    for entry in comparison.timeline:
        lines.append(f"- **{md_escape(timeline_date(entry))}** ({md_escape(view.reporters(entry))})")
        lines += [
            f"  - {md_escape(names.get(e.get('article'), e['outlet']))}: {md_escape(e['text'] + event_note(entry, e))}"
            for e in entry["events"]
        ]
    lines += ["", f"## Provenance ({len(comparison.provenance)})", ""]
    for link in comparison.provenance:
        lines.append(f"- {relation_sentence(link.to_dict(), names, md_escape)}")
        lines += [f"  - {md_escape(e)}" for e in link.evidence]
    return "\n".join(lines) + "\n"


def _involved_markdown(comparison: Comparison) -> list[str]:
    """The "Who is involved" section: a line per entity under its kind (:func:`involved`)."""
    kinds = involved(comparison.entities)
    if not kinds:
        return []
    lines = ["", "## Who is involved", ""]
    for heading, entities, total in kinds:
        shown = f" (top {len(entities)} of {total})" if total > len(entities) else ""
        lines.append(f"- **{md_escape(heading)}**{shown}")
        articles = len(comparison.articles)
        lines += [f"  - {md_escape(entity_label(e))} ({md_escape(entity_detail(e, articles))})" for e in entities]
    return lines


def relation_sentence(link: dict[str, Any], names: dict[str, str], escape: Any = str) -> str:
    """"B copies A", "A and B: independent rewrites of one story (AFP)" (an agency both credit), "A and B:
    reported independently", or "A and B: one rewrites the other (which came first is unknown)" when
    nothing told the direction; ``escape`` applied to names."""
    a, b = escape(names.get(link["from"], link["from"])), escape(names.get(link["to"], link["to"]))
    if link["relation"] == "independent":
        if link.get("common_source"):
            return f"{a} and {b}: independent rewrites of one story ({escape(link['common_source'])})"
        return f"{a} and {b}: reported independently"
    if link.get("direction") == "unknown":
        return f"{a} and {b}: one {escape(link['relation'])} the other (which came first is unknown)"
    return f"{b} {escape(link['relation'])} {a}"


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="storyline-schema-version" content="{{ schema_version }}">
<title>{{ title }}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;overflow-wrap:anywhere}
h1{font-size:1.6rem} h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
/* a table's words stay whole (breaking anywhere lets one long column squeeze the others to a letter a line): on a narrow
   screen, or past a word longer than the page, the table scrolls sideways, not the page */
table{display:block;overflow-x:auto} td,th{overflow-wrap:normal}
.group{border-left:4px solid #999;padding:.3rem .8rem;margin:.6rem 0;background:#fafafa}
.shared{border-color:#2a7} .unique{border-color:#57a} .conflict{border-color:#d33;background:#fff5f5}
.outlet{font-weight:600} .ev{color:#a22;font-style:italic} .muted{color:#777;font-size:.9em}
</style></head><body>
<h1 dir="auto">{{ title }}</h1>
<p class="muted">{{ counts }}{% if first %}; first reported: {{ first }}{% endif %}.
{% if copies %}Adds nothing to its source: {{ copies }}.{% endif %}</p>
<h2>Articles</h2>
<table><tr><th>Outlet</th><th>Title</th><th>Published</th><th>Language</th><th>Agencies</th></tr>
{% for a in articles %}<tr><td class="outlet" dir="auto">{{ names[a.id] }}</td><td dir="auto"{% if a.language %} lang="{{ a.language }}"{% endif %}>{% if web_url(a.url) %}<a href="{{ web_url(a.url) }}" rel="noopener noreferrer nofollow">{{ article_title(a) }}</a>{% else %}{{ article_title(a) }}{% endif %}</td><td>{{ when(a) }}</td><td>{{ a.language or "?" }}</td><td>{{ a.agencies|join(", ") }}</td></tr>
{% endfor %}</table>
{% if involved %}<h2>Who is involved</h2>
{% for heading, entities, total in involved %}<h3>{{ heading }}{% if total > entities|length %} <span class="muted">(top {{ entities|length }} of {{ total }})</span>{% endif %}</h3>
<ul>{% for e in entities %}<li><span class="outlet">{{ entity_label(e) }}</span> <span class="muted">{{ entity_detail(e, articles|length) }}</span></li>{% endfor %}</ul>
{% endfor %}{% endif %}
{% for title, groups in sections %}
<h2>{{ title }}</h2>
{% if not groups %}<p class="muted">None found.</p>{% endif %}
{% for g in groups %}<div class="group {{ g.verdict }}">
<div class="muted">{{ sources(g) }}{% if g.score is not none %} &middot; score {{ "%.2f"|format(g.score) }}{% endif %}</div>
{% set one = single_article(g) %}{% for c in g.claims if c in claims %}<div>{% if not one %}<span class="outlet">{{ names[claims[c].article] }}:</span> {% endif %}<bdi>{{ claims[c].text }}</bdi></div>{% endfor %}
{% for detail in findings(g) %}<div class="ev">{{ detail }}</div>{% endfor %}
</div>{% endfor %}
{% endfor %}
<h2>Updates ({{ updates|length }})</h2>
{% if not updates %}<p class="muted">None found.</p>{% endif %}
<ul>{% for u in updates %}<li><bdi>{{ update_line(u, names) }}</bdi></li>{% endfor %}</ul>
<h2>Quotes ({{ quotes|length }})</h2>
{% for q in quotes %}<div class="group {{ 'conflict' if q.conflict else 'shared' }}"><bdi>{{ statement(q) }}</bdi>
<div class="muted">{{ credited(q) }}</div>
{% for name, label, text in wordings(q) %}<div><span class="outlet">{{ name }}</span> ({{ label }}): <bdi>{{ text }}</bdi></div>{% endfor %}
{% for e in (q.evidence or []) + (q.notes or []) %}<div class="ev">{{ e }}</div>{% endfor %}</div>{% endfor %}
<h2>Timeline ({{ timeline|length }})</h2>
<table><tr><th>Date</th><th>Reported by</th><th>Events</th></tr>
{% for t in timeline %}<tr><td>{{ timeline_date(t) }}</td><td>{{ reporters(t) }}</td><td>{% for e in t.events %}<div><span class="outlet">{{ names.get(e.article, e.outlet) }}:</span> <bdi>{{ e.text }}</bdi>{{ event_note(t, e) }}</div>{% endfor %}</td></tr>
{% endfor %}</table>
<h2>Provenance ({{ provenance|length }})</h2>
{% for p in provenance %}<div class="group"><div>{{ p.sentence }}</div><ul>{% for e in p.evidence %}<li>{{ e }}</li>{% endfor %}</ul></div>{% endfor %}
</body></html>
"""

#: Quotation marks a quote's text may carry itself (direct quotes keep theirs; partial ones mark the quoted words).
_QUOTATION_MARKS = frozenset("\"“”‘’«»„「」『』‹›")


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it carries its own ("«Nous…»", "「…」", 'that “X”', 'called it "harmful"'):
    wrapping those again would nest marks and pass the unquoted words off as verbatim."""
    return text if _QUOTATION_MARKS & set(text) else f"\u201c{text}\u201d"


#: Marks that end a quote's text without beginning it, with the commas the tagger left ('It's absurd, "').
_DANGLING = re.compile(r"^\s*[\"”’»]\s*(?=\S)|[\s,]*[\"“‘«]?[\s,]*$")


def shown(text: str) -> str:
    """A quote's text without the stray end a tagger may leave: a trailing comma, a mark that closes or opens
    nothing (the words stay as quoted; balanced marks are kept), and without the cue clauses inside a joined
    quote (:func:`spoken_parts`)."""
    text = text.strip().rstrip(",").rstrip()
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = _DANGLING.sub("", text).rstrip(",").rstrip()
    return spoken_parts(text)


#: One quotation in its marks (straight marks pair in order).
_QUOTATION = re.compile(r"“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|\"[^\"]*\"")


def spoken_parts(text: str) -> str:
    """A quote made of quotations with words between them, "“A,” N said. “B.”" (speech its cue interrupts,
    one quote with the offsets of all of it), as the speaker's words alone: "“A,” … “B.”". Any other text as it is."""
    parts = list(_QUOTATION.finditer(text))
    if len(parts) < 2 or parts[0].start() > 0 or parts[-1].end() < len(text):
        return text
    words = parts[0].group(0)
    for before, part in pairwise(parts):
        between = text[before.end() : part.start()]
        words += (" \u2026 " if between.strip() else between) + part.group(0)
    return words


def _kind(quote: dict[str, Any]) -> str:
    """How the group's shown wording was reported: "direct" when any member quotes it so."""
    kinds = {m.get("kind") for m in quote.get("members", []) if m.get("text") == quote["text"]}
    return "direct" if not kinds or "direct" in kinds else "partial" if "partial" in kinds else "indirect"


def statement(quote: dict[str, Any]) -> str:
    """A quote group's text as a reader should see it: a direct quote in quotation marks (:func:`quoted`),
    a partial one as written (its marks show the verbatim words), reported speech marked so, since its words
    are the outlet's, not the speaker's."""
    return wording(quote["text"], _kind(quote))


def wording(text: str, kind: str | None) -> str:
    """One wording of a statement as :func:`statement` shows it."""
    text = shown(text)
    if kind == "indirect":
        return f"{text} (reported speech)"
    return text if kind == "partial" else quoted(text)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: a ``javascript:`` link must never be drawn."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _markdown_link(text: str, url: str | None) -> str:
    """``text`` (escaped) linked to ``url`` where it is a web address that a link's ``<...>`` can hold whole."""
    address = web_url(url)
    if address is None or re.search(r"[\s<>]", address):
        return text
    return f"[{text}](<{address}>)"


#: What each kind of quote is, beside an outlet's wording.
KIND_LABELS = {"direct": "quote", "partial": "partial quote", "indirect": "paraphrase"}


_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))


def to_html(comparison: Comparison) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no external resources)."""
    view = ComparisonView(comparison)
    names = view.names
    provenance = [
        {"sentence": relation_sentence(link.to_dict(), names, str), "evidence": link.evidence} for link in comparison.provenance
    ]
    return _ENV.from_string(_HTML).render(
        title=report_title(comparison),
        counts=summary_line(comparison.summary, view.alike_count()),
        copies=adds_nothing(comparison, names),
        first=first_reported(comparison.summary, names),
        timeline_date=timeline_date,
        reporters=view.reporters,
        event_note=event_note,
        schema_version=comparison.schema_version,
        articles=comparison.articles,
        involved=involved(comparison.entities),
        entity_label=entity_label,
        entity_detail=entity_detail,
        names=names,
        claims=view.claims,
        sections=view.sections(),
        findings=findings,
        sources=view.sources,
        single_article=view.single_article,
        when=when,
        article_title=article_title,
        web_url=web_url,
        statement=statement,
        credited=view.credited,
        wordings=view.wordings,
        updates=comparison.updates,
        update_line=update_line,
        quotes=comparison.quotes,
        timeline=comparison.timeline,
        provenance=provenance,
    )


def format_name(fmt: str, choices: tuple[str, ...] = FORMATS) -> str:
    """The format ``fmt`` names, one of ``choices`` ("markdown" is "md"); ValueError for an unknown one.
    The one parser of format names: a caller with views of its own (the terminal) passes them in ``choices``."""
    name = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if name not in choices:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(choices)}")
    return name


def format_of_file(path: PurePath) -> str | None:
    """The format a file's extension names ("story.html", "x.markdown"), None for any other extension."""
    try:
        return format_name(path.suffix.removeprefix("."))
    except ValueError:
        return None


def render(comparison: Comparison, fmt: str) -> str:
    """``fmt`` names one of :data:`FORMATS` (or an alias)."""
    renderers = {"json": to_json, "md": to_markdown, "html": to_html}
    return renderers[format_name(fmt)](comparison)
