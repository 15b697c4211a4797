"""Article metadata from what the input gives: outlet from the URL, agency from the byline, dates.

Dates are returned as naive UTC datetimes so that every stage can compare them
(a mix of aware and naive values cannot be sorted).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import dateparser
from dateparser.search import search_dates
from htmldate.extractors import COMPLETE_URL
from tld import Result, get_tld

from storyline.ingest.clean import compact

#: Registrable domain -> the outlet's display name (major outlets; others get their domain).
KNOWN_OUTLETS: dict[str, str] = {
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "espn.go.com": "ESPN",
    "npr.org": "NPR",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "bloomberg.com": "Bloomberg",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "france24.com": "France 24",
    "dw.com": "Deutsche Welle",
    "euronews.com": "Euronews",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "telegraph.co.uk": "The Telegraph",
    "independent.co.uk": "The Independent",
    "thetimes.co.uk": "The Times",
    "dailymail.co.uk": "Daily Mail",
    "sky.com": "Sky News",
    "lemonde.fr": "Le Monde",
    "lefigaro.fr": "Le Figaro",
    "liberation.fr": "Libération",
    "spiegel.de": "Der Spiegel",
    "zeit.de": "Die Zeit",
    "faz.net": "Frankfurter Allgemeine Zeitung",
    "sueddeutsche.de": "Süddeutsche Zeitung",
    "elpais.com": "El País",
    "elmundo.es": "El Mundo",
    "corriere.it": "Corriere della Sera",
    "repubblica.it": "la Repubblica",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "rt.com": "RT",
    "meduza.io": "Meduza",
    "kyivindependent.com": "The Kyiv Independent",
    "timesofisrael.com": "The Times of Israel",
    "haaretz.com": "Haaretz",
    "scmp.com": "South China Morning Post",
    "xinhuanet.com": "Xinhua",
    "globaltimes.cn": "Global Times",
    "japantimes.co.jp": "The Japan Times",
    "hindustantimes.com": "Hindustan Times",
    "timesofindia.indiatimes.com": "The Times of India",
    "abc.net.au": "ABC News (Australia)",
    "smh.com.au": "The Sydney Morning Herald",
    "cbc.ca": "CBC News",
    "theglobeandmail.com": "The Globe and Mail",
    "yahoo.com": "Yahoo",
    "huffpost.com": "HuffPost",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "businessinsider.com": "Business Insider",
    "forbes.com": "Forbes",
    "cnbc.com": "CNBC",
    "iranintl.com": "Iran International",
    "presstv.ir": "Press TV",
    "huffingtonpost.com": "HuffPost",
    "marketwatch.com": "MarketWatch",
    "time.com": "TIME",
    "sfgate.com": "San Francisco Chronicle",
    "nydailynews.com": "New York Daily News",
    "nypost.com": "New York Post",
    "hollywoodreporter.com": "The Hollywood Reporter",
    "variety.com": "Variety",
    "ibtimes.com": "International Business Times",
    "upi.com": "UPI",
    "news.com.au": "news.com.au",
    "foxbusiness.com": "Fox Business",
    "businessweek.com": "Bloomberg Businessweek",
    "newsweek.com": "Newsweek",
    "theatlantic.com": "The Atlantic",
    "vox.com": "Vox",
    "msnbc.com": "MSNBC",
    "pbs.org": "PBS",
    "voanews.com": "Voice of America",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "jpost.com": "The Jerusalem Post",
    "arabnews.com": "Arab News",
    "dawn.com": "Dawn",
    "thehindu.com": "The Hindu",
    "straitstimes.com": "The Straits Times",
    "irishtimes.com": "The Irish Times",
    "lastampa.it": "La Stampa",
    "welt.de": "Die Welt",
    "tagesschau.de": "tagesschau",
    "nzz.ch": "Neue Zürcher Zeitung",
    "lavanguardia.com": "La Vanguardia",
    "abc.es": "ABC (Spain)",
    "rtve.es": "RTVE",
    "francetvinfo.fr": "franceinfo",
    "ouest-france.fr": "Ouest-France",
    "rbc.ru": "RBC",
    "kommersant.ru": "Kommersant",
    "ria.ru": "RIA Novosti",
    "interfax.ru": "Interfax",
    "hurriyet.com.tr": "Hürriyet",
    "aa.com.tr": "Anadolu Agency",
    "wyborcza.pl": "Gazeta Wyborcza",
    "tvn24.pl": "TVN24",
    "efe.com": "EFE",
    "ansa.it": "ANSA",
    "dpa.com": "dpa",
}

#: News agencies: canonical short name -> patterns that name it in a byline or dateline.
#: Short all-caps acronyms are matched case-sensitively so "ap"/"pa" in prose do not count.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": (r"AFP", r"Agence France[- ]Presse", r"АФП", r"Франс[- ]Пресс"),
    "Reuters": (r"Reuters", r"REUTERS", r"Thomson Reuters", r"Рейтер", r"Рейтерс"),
    "AP": (r"AP", r"Associated Press"),
    "dpa": (r"dpa", r"DPA", r"Deutsche Presse-Agentur"),
    "EFE": (r"EFE", r"Agencia EFE"),
    "ANSA": (r"ANSA",),
    "Xinhua": (r"Xinhua", r"XINHUA"),
    "TASS": (r"TASS", r"ITAR-TASS", r"ТАСС"),
    "UPI": (r"UPI", r"United Press International"),
    "PA": (r"PA", r"PA Media", r"Press Association"),
    "Anadolu": (r"Anadolu(?: Agency| Ajansı)?", r"AA"),
    "Kyodo": (r"Kyodo(?: News)?",),
    "Yonhap": (r"Yonhap",),
    "Interfax": (r"Interfax", r"Интерфакс"),
    "RIA Novosti": (r"RIA Novosti", r"RIA", r"РИА Новости"),
    "AAP": (r"AAP", r"Australian Associated Press"),
    "PTI": (r"PTI", r"Press Trust of India"),
    "IANS": (r"IANS",),
    "ANP": (r"ANP",),
    "Belga": (r"Belga",),
    "APA": (r"APA",),
    "Europa Press": (r"Europa Press",),
    "Bloomberg": (r"Bloomberg",),
    "IRNA": (r"IRNA",),
    "Ukrinform": (r"Ukrinform", r"Укрінформ", r"Укринформ"),
    "Bernama": (r"Bernama",),
    "CNA": (r"CNA",),
    # State and church agencies whose initials read as a US station's call sign (:func:`call_sign`).
    "KUNA": (r"KUNA", r"Kuwait News Agency"),
    "KCNA": (r"KCNA", r"Korean Central News Agency"),
    "KNA": (r"KNA",),
    "WAM": (r"WAM", r"Emirates News Agency"),
    "WAFA": (r"WAFA",),
}

_AGENCY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(r"(?<![\w-])(?:" + "|".join(aliases) + r")(?![\w-])"))
    for name, aliases in AGENCIES.items()
]

#: Settings shared by every date parse: full dates only, no guessing from "today".
_STRICT_DATE = {"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "TO_TIMEZONE": "UTC"}


def registrable_domain(url: str | None) -> str | None:
    """``https://news.bbc.co.uk/x`` -> ``bbc.co.uk`` (public suffix list via ``tld``)."""
    if not url:
        return None
    parsed = get_tld(url, fix_protocol=True, fail_silently=True, as_object=True)
    if parsed is None:
        return None
    return parsed.fld.lower()  # type: ignore[union-attr]


def domain_label(url: str | None) -> str | None:
    """The registrable domain's own label: ``https://news.elwynpost.co.uk/x`` -> ``elwynpost``."""
    parsed = get_tld(url, fix_protocol=True, fail_silently=True, as_object=True) if url else None
    return parsed.domain.lower() if parsed is not None else None  # type: ignore[union-attr]


#: Hosts whose subdomains (or "/@name" paths) are sites of their own, blogs and newsletters: the subdomain names
#: the outlet ("ruritaniawatch.wordpress.com" is "Ruritaniawatch", not "Wordpress"). Blogspot under any country
#: domain too; the public suffix list already makes "name.blogspot.com" and "name.github.io" sites of their own.
SITE_HOSTS = frozenset({
    "wordpress.com", "substack.com", "medium.com", "tumblr.com", "livejournal.com", "typepad.com", "over-blog.com",
    "weebly.com", "wixsite.com", "ghost.io", "home.blog", "blog.jp", "go.com",
})  # fmt: skip
_SITE_HOST_LABELS = frozenset({"blogspot"})
_HANDLE_PATH = re.compile(r"^/@([\w.-]+)")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's display name from its URL: the known-outlets table, else a name read from the domain (from
    the subdomain, for a blog on a hosting site)."""
    domain = registrable_domain(url)
    if domain is None:
        return None
    host = get_tld(url, fix_protocol=True, fail_silently=True, as_object=True)
    full_host = host.parsed_url.netloc.lower().removeprefix("www.") if host else domain  # type: ignore[union-attr]
    label = host.domain if host else ""  # type: ignore[union-attr]
    suffix = host.tld if host else ""  # type: ignore[union-attr]
    if known := known_outlet(url):
        return known
    if site := _hosted_site(host, domain):  # type: ignore[arg-type]
        address = f"{site}.{domain}" if full_host != domain else f"{domain}/@{site}"
        return KNOWN_OUTLETS.get(f"{site}.{domain}") or name_from_domain(site, suffix) or address
    return name_from_domain(label, suffix) or domain


def known_outlet(url: str | None) -> str | None:
    """The display name :data:`KNOWN_OUTLETS` gives the URL's host or its registrable domain."""
    host = get_tld(url, fix_protocol=True, fail_silently=True, as_object=True) if url else None
    if host is None:
        return None
    full_host = host.parsed_url.netloc.lower().removeprefix("www.")  # type: ignore[union-attr]
    return KNOWN_OUTLETS.get(full_host) or KNOWN_OUTLETS.get(host.fld.lower())  # type: ignore[union-attr]


def _hosted_site(host: Result | None, domain: str) -> str | None:
    """The site's own name on a hosting site (:data:`SITE_HOSTS`): the subdomain next to the host's domain
    ("ruritaniawatch" of "www.ruritaniawatch.wordpress.com"), else a "/@name" path (medium.com/@name)."""
    if host is None or not (domain in SITE_HOSTS or host.domain in _SITE_HOST_LABELS):
        return None
    subdomain = host.subdomain.lower().split(".")[-1]
    if subdomain and subdomain != "www":
        return subdomain
    handle = _HANDLE_PATH.match(host.parsed_url.path)
    return handle.group(1) if handle else None


#: A vowel, in any of the Latin script's forms a domain may hold ("y" sounds as one: "yle").
_VOWEL = re.compile(r"[aeiouyàáâäåæèéêëìíîïòóôöøùúûü]", re.IGNORECASE)
#: Words kept lower-case inside a name read from a domain ("Times of Israel").
_NAME_PARTICLES = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})
#: A word read from a domain counts only among the English words this common (wordninja's frequency rank):
#: "daily" 2,099, "herald" 9,585, "tribune" 11,333; "zax" (of zaxid.net) 62,751.
_MAX_WORD_RANK = 20_000
#: Country domains of English-speaking countries: elsewhere a domain is not split into English words
#: (sheego.de is no "She Ego").
_ENGLISH_COUNTRY_DOMAINS = frozenset({"uk", "us", "au", "ca", "ie", "nz", "in", "za", "ng", "ke", "gh", "ph", "sg", "pk", "jm", "mt"})


def _english_words(part: str) -> list[str] | None:
    """``part`` as the common English words it glues together, or ``None`` unless every word is one."""
    import wordninja

    words = wordninja.split(part)
    for index, word in enumerate(words):
        particle = word in _NAME_PARTICLES and (index > 0 or word == "the") and index < len(words) - 1
        if not particle and (len(word) < 3 or _word_rank(word) > _MAX_WORD_RANK):
            return None
    return words


def _word_rank(word: str) -> float:
    """wordninja's frequency rank of an English word (its cost is log(rank * log(vocabulary size)))."""
    import math

    import wordninja

    costs = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost  # the model keeps its ranks only here
    return math.exp(costs[word]) / math.log(len(costs)) if word in costs else math.inf


def name_from_domain(label: str, suffix: str = "com") -> str | None:
    """``thedailystar`` -> "The Daily Star", ``example-daily`` -> "Example Daily", ``nrk`` -> "NRK".

    Sites glue the words of their name together in the domain; wordninja splits them by English word
    frequencies, so a split is kept only when every word is a common English word and the domain is not
    another country's; a part with no vowel is an acronym; hyphens part the words themselves ("port-elwyn-gazette").
    ``None`` for any other label (one word of its own,
    "zaxid", "utsandiego"; one common word alone, "justice", may be anything the site is about; digits), so the
    caller keeps the domain itself rather than invent a capitalised word.
    """
    parts = [part for part in label.lower().split("-") if part]
    if not parts or any(not part.isalpha() for part in parts) or all(len(part) < 2 for part in parts):
        return None
    country = suffix.rsplit(".", 1)[-1]
    english = len(country) > 2 or country in _ENGLISH_COUNTRY_DOMAINS
    words: list[str] = []
    for part in parts:
        read = (_english_words(part) if english else None) or ([part] if len(parts) > 1 or _is_acronym(part) else None)
        if read is None:
            return None
        words += read
    if len(words) == 1 and not _is_acronym(words[0]):
        return None
    return " ".join(w if i and w in _NAME_PARTICLES else _name_word(w) for i, w in enumerate(words))


def _is_acronym(word: str) -> bool:
    """A word of a domain with no vowel: an acronym ("mlb", "nrk")."""
    return not _VOWEL.search(word)


def _name_word(word: str) -> str:
    """A word of a domain as a name writes it: capitalised, or in capitals when it is an acronym ("mlb" -> "MLB",
    "nrk" -> "NRK", not "Mlb")."""
    return word.upper() if _is_acronym(word) else word.capitalize()


@lru_cache(maxsize=1)
def _known_site_names() -> frozenset[str]:
    return frozenset(compact(name) for name in KNOWN_OUTLETS.values())


def initials(name: str) -> str:
    """The capitals a name's words begin with: "Port Elwyn Herald" -> "PEH"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def site_names(url: str | None) -> frozenset[str]:
    """Compacted names a site may append to its titles: known outlets, this URL's outlet and domain."""
    names = set(_known_site_names())
    parsed = get_tld(url, fix_protocol=True, fail_silently=True, as_object=True) if url else None
    if parsed is not None:
        names.update({compact(parsed.domain), compact(parsed.fld), compact(outlet_from_url(url) or "")})  # type: ignore[union-attr]
    return frozenset(names - {""})


def url_sections(url: str | None) -> frozenset[str]:
    """The compacted folders of a URL's path, the sections it is filed under ("/world/europe/slug" -> world,
    europe): a title that says one alone is the section's name, no headline."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment] if url else []
    if not segments:
        return frozenset()
    own = compact(segments[-1].rsplit(".", 1)[0])  # the page's own slug: "/essen/westviertel/westviertel.htm"
    return frozenset(compact(folder) for folder in segments[:-1]) - {"", own}


def agency_in(text: str | None) -> str | None:
    """The news agency a byline or dateline names (first one named), or ``None``."""
    if not text:
        return None
    found = [(m.start(), name) for name, rx in _AGENCY_PATTERNS if (m := rx.search(text))]
    return min(found)[1] if found else None


def agency_named(text: str | None) -> str | None:
    """The agency when ``text`` is nothing but agency names ("AFP", "dpa/AFP", "AP and Reuters")."""
    if not text:
        return None
    rest = text
    for _name, rx in _AGENCY_PATTERNS:
        rest = rx.sub(" ", rest)
    leftover = re.sub(r"\b(?:and|et|und|y|e)\b|[\s/,&+-]", "", rest, flags=re.I)
    return agency_in(text) if not leftover else None


#: An agency's credit in initials ("(RPA) —", "— RPA"): 2 to 5 capitals.
_AGENCY_INITIALS = re.compile(r"[A-Z]{2,5}")


def agency_initials(name: str | None, site: frozenset[str] = frozenset()) -> str | None:
    """An agency :data:`AGENCIES` does not know, credited in initials where a credit stands (a dateline's
    brackets, a closing "— RPA"), unless they are the site's own (``site``, compacted: "(CNN)" on cnn.com names the
    outlet) or a station's call sign. Only for those positions: in running text capitals are any acronym."""
    name = (name or "").strip()
    own = compact(name) in site or call_sign(name)
    return name if _AGENCY_INITIALS.fullmatch(name) and not own else None


#: A US broadcaster's name as a dateline credits it: a call sign, K or W and two or three letters, with its band
#: or none ("KPEH", "WPEH-TV"), or a network's station by the network and its market or channel ("CBSLA", "NBCLA",
#: "FOX5", "ABC7NY").
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?|(?:ABC|CBS|NBC|FOX)(?:\d{1,2}[A-Z]{0,3}|[A-Z]{2,3})")


def call_sign(name: str | None) -> str | None:
    """``name`` when it is a station's call sign (or a network station's name, "CBSLA") and no agency
    :data:`AGENCIES` knows. In a dateline's brackets ("HOUSTON, Texas (KPEH) --") it names the station that
    reported the story, an outlet: in ../shared/data all 13 such credits open a local station's own report, and
    none an agency's."""
    name = (name or "").strip()
    return name if _CALL_SIGN.fullmatch(name) and agency_in(name) is None else None


#: A month's folder, then a slug opening with a number ("/2019/12/7-cyber-rules", "/2020/03/13-gruende-..."): the
#: number counts things in the headline, it is no day (so are all such URLs in ../shared/data).
_SLUG_NUMBER = re.compile(r"/\d{4}/\d{1,2}/\d{1,2}[-_][^\W\d_]")


def numbered_slug(url: str | None) -> bool:
    """Whether the URL's path would give a day that is the number opening its slug (``_SLUG_NUMBER``)."""
    return bool(url) and _SLUG_NUMBER.search(urlsplit(url).path) is not None


#: A day filed under the month's English short name ("/world/2013/sep/16/slug", "/2005/jun/26/local/"): htmldate's
#: URL pattern (COMPLETE_URL) reads numeric months only. A year or a month alone ("/2011/", "/2008/12/") is no day.
_WORD_MONTH_URL = re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(\d{1,2})/", re.IGNORECASE)


def date_from_url(url: str | None) -> datetime | None:
    """The day a URL's path files the article under (".../2018/04/24/slug", "/2018-04-24-slug"), by htmldate's
    pattern, or under a month's short name ("/2013/sep/16/slug"). An article read from text or a record without a
    date is dated by it (``finalize`` marks it ``extra["date_source"] = "url"``), as htmldate dates an HTML page:
    undated, two events of one topic a week apart lose the day penalty and the window (matching.md, M13)."""
    if not url or numbered_slug(url):
        return None
    path = urlsplit(url).path
    try:
        if match := COMPLETE_URL.search(path):
            return datetime(*(int(part) for part in match.groups()))  # type: ignore[arg-type]
        if match := _WORD_MONTH_URL.search(path):
            return datetime.strptime(" ".join(match.groups()).lower(), "%Y %b %d")
    except ValueError:  # "/2018/13/45/", "/2013/foo/02/": no day
        return None
    return None


#: A slug with fewer words than this ("/news/index.html", "/qa/11763760.html") names no headline.
_MIN_SLUG_WORDS = 3
#: An id in a slug ("...-north-korea-522179002"): digits only, five or more.
_SLUG_ID = re.compile(r"^\d{5,}$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a line (its capital then says nothing of it)."""
    before = text[max(0, start - 20) : start].rstrip(" \t\"'“‘(«")
    return (not before and start <= 20) or (bool(before) and before[-1] in ".!?:\n")


def written_case(word: str, text: str) -> str:
    """``word`` as ``text`` most often writes it inside a sentence ("japan" -> "Japan", "nato" -> "NATO"), else as
    given: a URL's slug is lower case whatever its words are, the article itself says which are names."""
    forms = Counter(
        found.group()
        for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
        if not _opens_sentence(text, found.start())
    )
    return forms.most_common(1)[0][0] if forms else word


def title_from_url(url: str | None, text: str = "") -> str | None:
    """The headline a URL's last path segment (but an id) spells (".../2024/05/02/ferry-strike-ends-in-port-elwyn.html" ->
    "Ferry strike ends in Port Elwyn", each word cased as the article's ``text`` writes it), for an article that came
    without a title: a text opening with its dateline has none. ``None`` for a segment of fewer than three words
    (an id, "index.html")."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment] if url else []
    while segments and _SLUG_ID.match(segments[-1]):
        segments.pop()  # ".../trade-agenda/522179002/"
    if not segments:
        return None
    slug = re.sub(r"\.[a-z]{2,5}$", "", unquote(segments[-1]), flags=re.IGNORECASE)
    words = [word for word in re.split(r"[-_+]+", slug) if word and not _SLUG_ID.match(word)]
    if sum(word.isalpha() for word in words) < _MIN_SLUG_WORDS or not all(word.isalnum() for word in words):
        return None
    title = " ".join(written_case(word, text) for word in words)
    return title[0].upper() + title[1:]


def to_naive_utc(value: datetime) -> datetime:
    """Aware -> UTC without tzinfo; naive is taken as already UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


#: A full date names a year; without one, strict parsing cannot succeed (cheap pre-check,
#: because dateparser is slow when it must try every locale).
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _parse_any_locale(text: str, settings: dict[str, object]) -> datetime | None:
    try:
        return dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None


@lru_cache(maxsize=4096)
def parse_date(text: str | None, *, strict: bool = True, language: str | None = None) -> datetime | None:
    """A calendar date from free text ("December 18, 2022", "2022-12-18T10:00Z", "18 déc. 2022").

    ``strict`` requires day, month and year, so a stray number is not a date.
    ``language`` (ISO 639-1), when known, spares dateparser trying every locale.
    """
    if not text or not text.strip() or len(text) > 120 or (strict and not _YEAR.search(text)):
        return None
    text = text.strip()
    try:
        return to_naive_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    settings = dict(_STRICT_DATE, STRICT_PARSING=strict)
    # English dates are common in every language's pages; other locales only when asked.
    languages = list(dict.fromkeys([language, "en"])) if language and language != "und" else None
    try:
        value = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    except ValueError:  # a language dateparser does not know: try every locale
        value = _parse_any_locale(text, settings) if languages else None
    except (OverflowError, TypeError):
        return None
    return to_naive_utc(value) if value else None


#: A date with a two-digit year ("12/16/08", a forum's "Dec-19-05"): full, though _YEAR does not see it.
_NUMERIC_DATE = re.compile(r"(?:(?<!\d)\d{1,2}|(?<![^\W\d_])[^\W\d_]{3})([/.-])\d{1,2}\1\d\d(?!\d)")


def _names_year(text: str) -> bool:
    return bool(_YEAR.search(text) or _NUMERIC_DATE.search(text))


@lru_cache(maxsize=4096)
def find_dates(text: str, language: str | None = None) -> tuple[tuple[str, datetime], ...]:
    """Full dates inside a short line, in order: (the words that say it, the date).

    For date lines that are more than a date ("POSTED: 1052 GMT (1852 HKT), April 10, 2007",
    "18 September 2013 Last updated at 13:59 GMT"): dateparser's search finds the date among
    labels, times and zones that make the whole line unparseable. Only matches that name a year
    count, so a time or a weekday alone is never a date. Give it text normalised by
    :func:`storyline.ingest.clean.date_search_text`.
    """
    if not _names_year(text):
        return ()
    languages = list(dict.fromkeys([language, "en"])) if language and language != "und" else None
    try:
        found = search_dates(text, languages=languages, settings=dict(_STRICT_DATE))  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return ()
    return tuple((words, to_naive_utc(value)) for words, value in found or () if _names_year(words))
