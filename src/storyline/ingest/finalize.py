"""The last step of every reader: fill what can be derived and check the article is usable."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from tld import get_tld

from storyline.ingest.clean import (
    Dateline,
    agency_tag_name,
    compact,
    credited_reporters,
    edge_reason,
    is_captioned,
    is_credit,
    persons,
    split_dateline,
    split_lone_dateline,
    split_opening_credit,
    split_title_suffix,
    split_update_label,
)
from storyline.ingest.errors import IngestError
from storyline.ingest.language import NO_LANGUAGE, checked_language, language_sample, normalise_language
from storyline.ingest.metadata import (
    agency_in,
    agency_initials,
    agency_named,
    call_sign,
    date_from_url,
    initials,
    outlet_from_url,
    parse_date,
    site_names,
    title_from_url,
    to_naive_utc,
)
from storyline.model import Article, Stripped

#: Length of generated ids (hex digits of a SHA-256): short, and collisions are negligible.
ID_LENGTH = 16


def short_hash(text: str) -> str:
    """A short, stable id from ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


#: A dateline may follow this many lead paragraphs that are a photo caption or a date line ("FILE PHOTO: ...",
#: "January 18, 2020", then "PARIS (Reuters) -"), as pages whose images and dates sit inside the story give them.
_LEAD_PARAGRAPHS = 2
#: A lead paragraph of at most this many words that is no caption by its form (a video's blurb, "Ruth Adler has
#: that story.", a caption without a credit) goes above a dateline on a line of its own or a sure one
#: (:func:`_sure_dateline`): a dateline opens the story.
_LEAD_WORDS = 60
#: Reason of such a paragraph.
ABOVE_DATELINE = "above the dateline"


def _lead_date(paragraph: str, article: Article) -> datetime | None:
    from storyline.ingest.text import date_of_line  # the text reader finalises its articles: imported late

    return date_of_line(paragraph, normalise_language(article.language)) if len(paragraph.split()) <= 12 else None


def _own_names(article: Article) -> frozenset[str]:
    """Compacted names the article's own site goes by, its initials and the words of its copyright holder too:
    "(PEH)" on the Port Elwyn Herald's page, "(KPEH)" on a page "© KPEH-TV" credit no agency."""
    outlet = article.outlet or ""
    holders = re.split(r"[\W_]+", str(article.extra.get("copyright", "")))
    return site_names(article.url) | {compact(outlet), compact(initials(outlet)), *map(compact, holders)} - {""}


def _credited_agency(name: str | None, article: Article, named: str = "") -> str | None:
    """The agency a credit's name gives: a known one ("Reuters/AFP"), else an unknown one's initials ("RPA"),
    unless they abbreviate the words before them (``named``: "Port Elwyn Authority (PEA):" names, credits no one)."""
    own = _own_names(article) | {compact(initials(named))}
    return agency_in(name) or agency_initials(name, frozenset(own))


def _opening_dateline(paragraph: str, article: Article) -> Dateline | None:
    """The dateline opening ``paragraph``: "PARIS (AFP) -", or a credit alone, an agency's ("(RPA) —") or a
    station's ("(KPEH) —", the outlet: :func:`call_sign`)."""
    credit = split_opening_credit(paragraph)
    if credit is not None and (_credited_agency(credit.agency, article) or call_sign(credit.agency)):
        return credit
    return split_dateline(paragraph)


def _drop_dateline(article: Article) -> None:
    """Move a "PARIS, Dec 18 (AFP) -" dateline out of the story's first paragraph into metadata, with a caption or
    date line above it (the date line dates an undated article), or a short paragraph above a lone or sure one.

    A dateline with a full date ("OSLO, March 3, 2023 (Reuters) -", "Oslo, 3 mars 2023 (AFP) -")
    dates an article that came without a date: relative dates in the text then resolve.
    """
    lead: list[Stripped] = []
    lead_date = None
    for index, paragraph in enumerate(article.paragraphs[: _LEAD_PARAGRAPHS + 1]):
        dateline = _opening_dateline(paragraph, article)
        if dateline is not None:
            if any(s.reason == ABOVE_DATELINE for s in lead) and not _sure_dateline(dateline):
                return
            break
        following = article.paragraphs[index + 1 : index + 2]
        if following and (dateline := split_lone_dateline(paragraph, following[0])):
            del article.paragraphs[index + 1]  # the lede joins its dateline's paragraph
            break
        if is_captioned(paragraph) or is_credit(paragraph):
            lead.append(Stripped(paragraph, "caption"))
        elif date := _lead_date(paragraph, article):
            lead.append(Stripped(paragraph, "date"))
            lead_date = lead_date or date
        elif len(paragraph.split()) <= _LEAD_WORDS:
            lead.append(Stripped(paragraph, ABOVE_DATELINE))
        else:
            return
    else:
        return
    article.published = article.published or lead_date
    article.paragraphs[: len(lead) + 1] = [dateline.rest]
    article.stripped += [*lead, Stripped(dateline.text, "dateline")]
    article.captions += [s.text for s in lead if s.reason == "caption" and s.text not in article.captions]
    if dateline.place:
        article.extra.setdefault("dateline_place", dateline.place)
    if article.published is None and dateline.date:
        article.published = parse_date(dateline.date)
    if dateline.agency:
        # "(Reuters)" names an agency; "(HawaiiNewsNow)" the outlet itself: kept aside.
        known = _credited_agency(dateline.agency, article, dateline.place or "")
        article.agency = article.agency or known
        if known is None:
            article.extra.setdefault("dateline_source", dateline.agency)


#: dpa's signature glued to the last sentence, with its editor's initials: "... gesagt.dpa", "... gesagt. dpa/lsw".
_GLUED_SIGNATURE = re.compile(r"(?<=[.!?\"“”»])\s?(?P<signature>dpa(?:[ /][a-z]{2,4})*)$")


def _drop_glued_signature(article: Article) -> None:
    """Split dpa's signature off the last sentence it was run into (a copy that lost the line break)."""
    last = article.paragraphs[-1] if article.paragraphs else ""
    if (match := _GLUED_SIGNATURE.search(last)) and match.start() > 0:
        article.paragraphs[-1] = last[: match.start()]
        article.stripped.append(Stripped(match.group("signature"), "byline"))
        article.agency = article.agency or "dpa"


def _drop_closing_credit(article: Article) -> None:
    """A last paragraph that is only an agency's credit ("(AFP)", "— RPA", "/dpa"): out of the body, naming the
    agency. Initials count only with a credit's marks around them: a paragraph "NATO." is no credit."""
    _drop_glued_signature(article)
    if len(article.paragraphs) < 2 or not (name := agency_tag_name(article.paragraphs[-1])):
        return
    marked = name != article.paragraphs[-1].strip().rstrip(".")
    agency = agency_named(name) or (agency_initials(name, _own_names(article)) if marked else None)
    if agency:
        article.stripped.append(Stripped(article.paragraphs.pop(), "byline"))
        article.agency = article.agency or agency


def _sure_dateline(dateline: Dateline) -> bool:
    """A dateline that no prose opens with: one with its date ("PORT ELWYN, May 2 (Reuters) -"), a place with its
    state or country ("PALM BEACH, Fla. —") or a paper's own, with no agency ("PORT ELWYN ― As the ferry..."):
    "PORT ELWYN (Reuters) -" may open a roundup's next item, wire copy a paper's dateline does not follow."""
    return bool(dateline.date or not dateline.agency or (dateline.place or "").partition(",")[2].strip())


def _drop_edge_furniture(article: Article) -> None:
    """Subscribe calls, standards footers and copyright lines opening or closing any reader's text
    (:func:`~storyline.ingest.clean.edge_reason`); the text reader has labelled its own lines already."""
    while len(article.paragraphs) > 1 and (reason := edge_reason(article.paragraphs[-1])):
        article.stripped.append(Stripped(article.paragraphs.pop(), reason))
    while len(article.paragraphs) > 1 and (reason := edge_reason(article.paragraphs[0])):
        article.stripped.append(Stripped(article.paragraphs.pop(0), reason))


#: How a text cut short ends: "…", "...", "[…]", "[...]" (a feed summary, an API's free tier, a teaser).
_CUT_END = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")


def mark_partial(article: Article) -> None:
    """Mark a text known to be only part of its article, so the store never lets it hide the full text of the
    same page: a teaser is kept as a version, not read in place of the story."""
    if article.paragraphs and _CUT_END.search(article.paragraphs[-1]):
        article.extra["partial"] = True


#: A name of more words than this is a sentence or a menu trafilatura took for an author.
_MAX_NAME_WORDS = 5
#: Account names that sign no article.
_ACCOUNT = re.compile(r"(?i)^(?:by\s+)?(?:site\s+)?(?:admin|administrator|webmaster|editor|staff|guest|user|"
                      r"anonymous|unknown|redaktion|rédaction|redacción|redazione|редакция|name)\b\W*$")
_URL_LIKE = re.compile(r"(?i)^www\b|https?:|\w\.(?:com|net|org|info)\b")
#: Words of the buttons a page sets beside its byline (share, print, follow, comment, a network's name), in a few
#: languages, and the little words joining them: a byline of nothing else ("Teilen", "Share on Facebook",
#: "Partager", "Compartir", "Artikel teilen") is a button's label, not a name.
_BUTTON_WORDS = (
    r"share|teilen|partager|compartir|condividi|compartilhar|partilhar|delen|udostępnij|sdílet|paylaş|поделиться|"
    r"поділитися|print|drucken|imprimer|imprimir|stampa|follow|folgen|suivre|seguir|segui|comments?|kommentare?|"
    r"commentaires?|comentarios?|commenti|e-?mail|facebook|twitter|whatsapp|linkedin|telegram|copy link|"
    r"this|article|story|post|on|via|auf|sur|en|per|artikel|beitrag|l'article|cet|el|este|artículo|la|nota"
)
_BUTTON_LABEL = re.compile(rf"(?i)^(?:(?:{_BUTTON_WORDS})(?![\w'-])[\s:|/·•]*)+$")
#: Words of a URL split into a byline ("Sputnik https; Cdnarabic; I; Logo Png" from a logo's address): every
#: part of such a byline is a piece of it.
_URL_PIECE = re.compile(r"(?i)\b(?:https?|png|jpe?g|gif|svg|webp)\b")
_NAME_SEPARATORS = re.compile(r"\s*;\s*")
#: "Text: Ines Vidal", "Текст Лида ...": the label of the text's author, in a few languages.
_TEXT_LABEL = re.compile(r"(?i)^(?:text|texte|texto|testo|tekst|текст)\s*[:：]?\s+(?=\S)")


def _byline(article: Article) -> str | None:
    """The byline's names without what is no one's name: the site itself ("Example net"), a URL ("Www Example
    Info", "Example https; Logo Png"), an account ("Admin"), a sentence or menu ("Creating Search Engine Api
    Message"), a label ("Text: "), a button ("Teilen", "Share"). People listed in one name are an entry each
    ("Olga Petrenko and Marco Bell"; :func:`persons`), not a role after a name ("Marco Bell, Staff Writer")."""
    if not article.byline or _URL_PIECE.search(article.byline):
        return None
    parsed = get_tld(article.url, fix_protocol=True, fail_silently=True, as_object=True) if article.url else None
    site = {compact(name) for name in (article.outlet, parsed and parsed.domain, parsed and parsed.fld) if name}  # type: ignore[union-attr]
    names = [
        name for name in (_TEXT_LABEL.sub("", part) for part in _NAME_SEPARATORS.split(article.byline.strip()))
        if name
        and not _ACCOUNT.match(name)
        and not _BUTTON_LABEL.match(name)
        and not _URL_LIKE.search(name)
        and compact(name) not in site
        and all(len(person.split()) <= _MAX_NAME_WORDS for person in re.split(r",|\band\b|&", name))
    ]
    return "; ".join(person for name in names for person in persons(name)) or None


def _drop_title_suffix(article: Article) -> None:
    """" | Inexhibit", " - WSJ", ": CityAM" off any reader's title once the site is known, as the text reader does,
    and an update label ("UPDATE:", "(updated)"): the headline is the rest."""
    names = site_names(article.url) | ({compact(article.outlet)} if article.outlet else set())
    title, suffix = split_title_suffix(article.title, frozenset(names))
    title, label = split_update_label(title)
    if suffix or label:
        if article.extra.get("headline_only") and article.paragraphs == [article.title]:
            article.paragraphs = [title]
        article.title = title
        kinds = ((label, "update-label"), (suffix, "title-suffix"))
        article.stripped[:0] = [Stripped(part, reason) for part, reason in kinds if part]


def _outlet(article: Article) -> str | None:
    """The given outlet name, unless it is only a host name and the URL gives a better one; with neither, the
    station whose call sign the dateline credits ("HOUSTON, Texas (KPEH) --")."""
    given = article.outlet.strip() if article.outlet else None
    looks_like_host = bool(given) and " " not in given and "." in given  # type: ignore[operator]
    if given and not looks_like_host:
        return given
    return outlet_from_url(article.url) or given or call_sign(article.extra.get("dateline_source"))


def _title_from_url(article: Article) -> None:
    """An untitled article is headed by its URL's slug, marked ``extra["title_from_url"]``: a story list of
    empty titles tells the user nothing."""
    if not article.title and (title := title_from_url(article.url, article.text)):
        article.title = title
        article.extra["title_from_url"] = True


#: Why a line was stripped as naming the story's people, as the text and HTML readers label it.
_CREDIT_REASONS = ("byline", "staff-credit")


def _credited_byline(article: Article) -> str | None:
    """The reporters a stripped wire credit line names ("Reporting by ...; Editing by ..."): the only byline
    wire copy carries."""
    credits = (credited_reporters(line.text) for line in article.stripped if line.reason in _CREDIT_REASONS)
    return next((names for names in credits if names), None)


def finalize(article: Article) -> Article:
    """Fill language, outlet, agency, content hash and id; raise :class:`IngestError` if empty.

    A given id is kept; otherwise the id is a short hash of the URL, or of the
    content when there is no URL, so reading the same input twice gives the same id.
    """
    article.title = " ".join(article.title.split())
    article.paragraphs = [p.strip() for p in article.paragraphs if p and p.strip()]
    _drop_edge_furniture(article)
    _drop_dateline(article)
    _drop_closing_credit(article)
    article.paragraphs = [p for p in article.paragraphs if p]
    if not article.paragraphs:
        raise IngestError("no article text found")
    mark_partial(article)
    sample = language_sample(article.title, article.text)
    article.language = checked_language(normalise_language(article.language), sample)
    if article.language == NO_LANGUAGE:  # a story "DDDD…" of one article, its label the blob's first letters
        raise IngestError("no words in any language (encoded data, or letters run together)")
    article.outlet = _outlet(article)
    _drop_title_suffix(article)
    _title_from_url(article)
    article.byline = article.byline or _credited_byline(article)
    article.byline = _byline(article)
    article.agency = article.agency or agency_in(article.byline)
    if article.published is None and (url_day := date_from_url(article.url)):
        article.published = url_day
        article.extra["date_source"] = "url"
    if article.published is not None:
        article.published = to_naive_utc(article.published)
    article.content_hash = article.compute_hash()
    if not article.id:
        article.id = short_hash(article.url) if article.url else article.content_hash[:ID_LENGTH]
    return article
