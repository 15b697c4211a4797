"""Small general tables: name aliases, capitals and seats of government; country names.

Used to merge name variants ("U.S." = "US" = "United States") and to link
metonyms kept as written ("Pyongyang" stands for North Korea, "the Kremlin" for the
Russian government). Keys are :func:`name_key` forms. The tables are general
world knowledge, deliberately short: a missing entry only means a link is not
drawn, never a wrong merge. Country names in other languages ("Russland",
"Rusia", "Россия") come from the Unicode CLDR through Babel, so a story told in
several languages names one country once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from babel import Locale

from storyline.ingest.language import ARABIC_LETTER, HANGUL_LETTER, NO_CAPITALS, UNSPACED

_ALIASES: dict[str, list[str]] = {
    "United States": ["US", "U.S.", "U.S.A.", "USA", "United States of America", "Etats-Unis", "États-Unis", "Estados Unidos", "Estados Unidos de América", "EEUU", "EE.UU.", "США", "Соединённые Штаты", "Соединенные Штаты", "米国", "アメリカ"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "Royaume-Uni", "Reino Unido", "Великобритания"],
    "Russia": ["Russian Federation", "Russie", "Rusia", "Россия", "Российская Федерация"],
    "Iran": ["Islamic Republic of Iran", "Islamic Republic", "République islamique d'Iran", "Irán", "Иран"],
    "China": ["People's Republic of China", "PRC", "Chine", "Китай"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea", "Corée du Nord", "Corea del Norte", "КНДР"],
    "South Korea": ["Republic of Korea", "Corée du Sud", "Corea del Sur"],
    "Ukraine": ["Ucrania", "Украина"],
    "Germany": ["Allemagne", "Alemania", "Германия"],
    "France": ["Francia", "Франция"],
    "European Union": ["EU", "E.U.", "Union européenne", "UE", "Unión Europea", "Евросоюз", "ЕС"],
    "United Nations": ["UN", "U.N.", "ONU", "Nations unies", "Naciones Unidas", "ООН"],
    "NATO": ["OTAN", "НАТО", "North Atlantic Treaty Organization"],
    # English names news uses where CLDR's differ (CLDR's own English name is the variant).
    "Turkey": ["Türkiye", "Turquie", "Turquía", "Türkei", "Турция"],
    "Myanmar": ["Burma", "Myanmar (Burma)"],
    "Ivory Coast": ["Côte d'Ivoire", "Côte d’Ivoire"],
    "Czech Republic": ["Czechia"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Congo - Kinshasa"],
    "Republic of the Congo": ["Congo - Brazzaville"],
    "Palestine": ["Palestinian Territories", "State of Palestine"],
}

#: Capital -> country it often stands for in news ("Pyongyang said ...").
CAPITALS: dict[str, str] = {
    "Washington": "United States", "Moscow": "Russia", "Tehran": "Iran", "Beijing": "China",
    "Kyiv": "Ukraine", "Kiev": "Ukraine", "London": "United Kingdom", "Paris": "France",
    "Berlin": "Germany", "Tokyo": "Japan", "Pyongyang": "North Korea", "Seoul": "South Korea",
    "Ankara": "Turkey", "Damascus": "Syria", "Baghdad": "Iraq", "Riyadh": "Saudi Arabia",
    "Jerusalem": "Israel", "Cairo": "Egypt", "New Delhi": "India", "Delhi": "India",
    "Islamabad": "Pakistan", "Kabul": "Afghanistan", "Ottawa": "Canada", "Canberra": "Australia",
    "Rome": "Italy", "Madrid": "Spain", "Warsaw": "Poland", "Minsk": "Belarus", "Brussels": "European Union",
    "Caracas": "Venezuela", "Havana": "Cuba", "Brasilia": "Brazil", "Mexico City": "Mexico",
    "Taipei": "Taiwan", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates", "Beirut": "Lebanon",
    "Tbilisi": "Georgia", "Yerevan": "Armenia", "Baku": "Azerbaijan", "Budapest": "Hungary",
    # More capitals of countries often in the news. No list of capitals ships with the installed packages
    # (CLDR has none; the time-zone cities are no capitals and many are surnames: Darwin, Davis, Nelson);
    # capitals that are common first names or surnames ("Wellington", "Sofia", "Victoria") are left out.
    "Athens": "Greece", "Lisbon": "Portugal", "Dublin": "Ireland", "Amsterdam": "Netherlands",
    "The Hague": "Netherlands", "Vienna": "Austria", "Bern": "Switzerland", "Prague": "Czech Republic",
    "Bratislava": "Slovakia", "Bucharest": "Romania", "Belgrade": "Serbia", "Zagreb": "Croatia",
    "Sarajevo": "Bosnia & Herzegovina", "Pristina": "Kosovo", "Chisinau": "Moldova", "Vilnius": "Lithuania",
    "Riga": "Latvia", "Tallinn": "Estonia", "Helsinki": "Finland", "Stockholm": "Sweden", "Oslo": "Norway",
    "Copenhagen": "Denmark", "Reykjavik": "Iceland", "Nicosia": "Cyprus",
    "Khartoum": "Sudan", "Tripoli": "Libya", "Tunis": "Tunisia", "Algiers": "Algeria",
    "Rabat": "Morocco", "Addis Ababa": "Ethiopia", "Nairobi": "Kenya", "Mogadishu": "Somalia",
    "Kampala": "Uganda", "Kigali": "Rwanda", "Kinshasa": "Democratic Republic of the Congo", "Abuja": "Nigeria",
    "Accra": "Ghana", "Dakar": "Senegal", "Bamako": "Mali", "Niamey": "Niger", "Harare": "Zimbabwe",
    "Pretoria": "South Africa", "Amman": "Jordan", "Sanaa": "Yemen", "Muscat": "Oman", "Kuwait City": "Kuwait",
    "Manama": "Bahrain", "Jakarta": "Indonesia", "Manila": "Philippines", "Bangkok": "Thailand",
    "Hanoi": "Vietnam", "Kuala Lumpur": "Malaysia", "Dhaka": "Bangladesh", "Kathmandu": "Nepal",
    "Colombo": "Sri Lanka", "Naypyidaw": "Myanmar", "Phnom Penh": "Cambodia", "Ulaanbaatar": "Mongolia",
    "Astana": "Kazakhstan", "Tashkent": "Uzbekistan", "Bishkek": "Kyrgyzstan",
    "Bogota": "Colombia", "Bogotá": "Colombia", "Lima": "Peru", "Quito": "Ecuador", "Buenos Aires": "Argentina",
    "Montevideo": "Uruguay", "La Paz": "Bolivia", "Managua": "Nicaragua", "Port-au-Prince": "Haiti",
    "Москва": "Russia", "Вашингтон": "United States", "Киев": "Ukraine", "Пекин": "China", "Тегеран": "Iran",
    "Londres": "United Kingdom", "Moscou": "Russia", "Pékin": "China", "Téhéran": "Iran",
    "Moscú": "Russia", "Pekín": "China", "Teherán": "Iran",
    "华盛顿": "United States", "華盛頓": "United States", "ワシントン": "United States", "워싱턴": "United States",
    "莫斯科": "Russia", "モスクワ": "Russia", "모스크바": "Russia", "德黑兰": "Iran", "德黑蘭": "Iran",
    "テヘラン": "Iran", "테헤란": "Iran", "北京": "China", "베이징": "China", "基辅": "Ukraine", "基輔": "Ukraine",
    "キーウ": "Ukraine", "キエフ": "Ukraine", "키이우": "Ukraine", "东京": "Japan", "東京": "Japan", "도쿄": "Japan",
    "首尔": "South Korea", "ソウル": "South Korea", "서울": "South Korea", "平壤": "North Korea",
    "平壌": "North Korea", "평양": "North Korea", "伦敦": "United Kingdom", "倫敦": "United Kingdom",
    "ロンドン": "United Kingdom", "런던": "United Kingdom", "巴黎": "France", "パリ": "France", "파리": "France",
    "柏林": "Germany", "ベルリン": "Germany", "베를린": "Germany",
}

#: Building or street -> the government it stands for ("the White House said ...").
SEATS: dict[str, str] = {
    "White House": "United States government", "Oval Office": "United States government",
    "Pentagon": "United States Department of Defense", "Capitol Hill": "United States Congress",
    "Foggy Bottom": "United States Department of State", "Kremlin": "Russian government",
    "Downing Street": "United Kingdom government", "Whitehall": "United Kingdom government",
    "Elysee": "French government", "Élysée": "French government", "Elysee Palace": "French government",
    "Matignon": "French government", "Quai d'Orsay": "French Ministry of Foreign Affairs",
    "Zhongnanhai": "Chinese government", "Blue House": "South Korean government",
    "Bankova": "Ukrainian government", "Moncloa": "Spanish government", "La Moncloa": "Spanish government",
    "Chancellery": "German government", "Kanzleramt": "German government", "Quirinale": "Italian government",
    "Casa Blanca": "United States government", "Maison Blanche": "United States government",
    "Кремль": "Russian government", "Белый дом": "United States government",
}

#: AP-style abbreviations of US states as written, dots and all ("Calif.", "N.Y."): variants of the state.
#: Looked up as written, never by :func:`name_key`: keyed without dots, "Miss.", "Ill." and "S.C." are words
#: or acronyms of anything. Not "Wash.": the state would merge with the capital's "Washington".
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}


def us_state_of(name: str) -> str | None:
    """The US state an AP-style abbreviation written as a place stands for ("Calif." -> "California"), else None."""
    return US_STATE_ABBREVIATIONS.get(name.strip())


def is_us_state(name: str) -> bool:
    """A US state by its full name ("South Dakota"). Not one of :func:`is_place_name`'s: a lone "Virginia" may
    be a person's first name."""
    return name_key(name) in _US_STATE_KEYS


#: An article opening a name: a word of its own ("the Kremlin") or elided ("l'Élysée"), never the first
#: letters of a word ("Adler", "Lebedev", "Anderson" keep theirs), nor initials in capitals before words that are
#: not ("LA Times": Los Angeles; "THE WHITE HOUSE" is a headline's article).
_LEADING_ARTICLES = re.compile(
    r"^(?!(?-i:[A-Z]{2,3}\s+\S*[a-z]))(?:(?:the|a|an|le|la|les|el|los|las|der|die|das)\s+|l['’]\s*)", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


#: "Center for Strategic & International Studies" is the "... and ..." of another article ("AT&T" keeps its sign).
_SPACED_AMPERSAND = re.compile(r"\s+&\s+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key: no leading article, possessive, dots or accents; a spaced "&" read "and"; casefolded.

    Cached: merging an article's mentions compares every name with every group, so the same few names
    are keyed thousands of times (it was two thirds of the fallback languages' enrichment time)."""
    name = _POSSESSIVE.sub("", _LEADING_ARTICLES.sub("", name.strip()))
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = _SPACED_AMPERSAND.sub(" and ", name.replace(".", "").replace("’", "'"))
    return re.sub(r"\s+", " ", name).casefold().strip()


def _keyed(table: dict[str, str]) -> dict[str, str]:
    return {name_key(k): v for k, v in table.items()}


ALIAS_CANONICAL: dict[str, str] = {name_key(c): c for c in _ALIASES} | {
    name_key(v): c for c, variants in _ALIASES.items() for v in variants
}
_CAPITAL_KEYS = _keyed(CAPITALS)
_SEAT_KEYS = _keyed(SEATS)
#: The states AP style never abbreviates: no entry above, states all the same.
_UNABBREVIATED_US_STATES = ("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Utah")
_US_STATE_KEYS = frozenset(name_key(state) for state in [*US_STATE_ABBREVIATIONS.values(), *_UNABBREVIATED_US_STATES])


#: Languages whose country names are looked up: those the multilingual sentence encoder reads.
COUNTRY_NAME_LANGUAGES = (
    "en", "fr", "de", "es", "it", "nl", "pt", "pl", "ru", "uk", "tr", "ar", "zh", "zh_Hant", "ja", "ko", "th",
)  # fmt: skip
#: CLDR territories that are no country or region: the EU, the UN, the eurozone, unknown/pseudo regions.
_NOT_COUNTRIES = frozenset({"EU", "UN", "EZ", "QO", "ZZ", "XA", "XB"})


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """:func:`name_key` of a country's name in any of ``COUNTRY_NAME_LANGUAGES`` -> its English name.

    A name two countries share in different languages is left out (none in the CLDR data of Babel 2.18).
    """
    english = Locale.parse("en").territories
    names: dict[str, str] = {}
    shared: set[str] = set()
    for language in COUNTRY_NAME_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            key, country = name_key(name), english[code]
            country = ALIAS_CANONICAL.get(name_key(country), country)
            if names.setdefault(key, country) != country:
                shared.add(key)
    return {key: country for key, country in names.items() if key not in shared}


#: CLDR regions news names as places: continents and the large regions ("Europa", "Latinoamérica", "Caribe").
#: Not "world" (001: "El Mundo" is a newspaper), "Americas" (019: "America", "Amerika" mostly mean the United
#: States) nor the compass sub-regions ("Europa occidental").
_REGIONS = ("002", "003", "005", "009", "013", "029", "142", "150", "419")


@lru_cache(maxsize=1)
def region_names() -> dict[str, str]:
    """:func:`name_key` of a region's name in any of ``COUNTRY_NAME_LANGUAGES`` -> its English name
    ("Europa" -> "Europe"). Apart from :func:`country_names`: a region is a place but no country, so
    the place facet of a pair (:func:`countries_named`) leaves it out."""
    english = Locale.parse("en").territories
    return {
        name_key(names[code]): english[code]
        for language in COUNTRY_NAME_LANGUAGES
        for names in [Locale.parse(language).territories]
        for code in _REGIONS
        if code in names
    }


#: Locales whose country names are looked for inside running text (no capitals, no word boundary to find them by).
UNSPACED_NAME_LOCALES = ("zh", "zh_Hant", "ja", "th", "ko", "ar")
#: Arabic prefixes a name may carry: "and", "with/in", "to/for", "so", "like" ("وإيران", "بالعراق").
_ARABIC_PREFIXES = "[وفبلك]"
#: Korean particles a name may carry ("이란의", "미국은").
_KOREAN_PARTICLES = "은|는|이|가|을|를|의|에|에서|에게|와|과|도|로|으로|만|까지|측"


def _add_unspaced_name(names: dict[str, set[str]], name: str) -> None:
    if re.fullmatch(HANGUL_LETTER + "+", name):
        names["ko"].add(name)
    elif re.match(ARABIC_LETTER, name):
        names["ar"].add(name)
    elif UNSPACED.search(name):
        names["other"].add(name)


@lru_cache(maxsize=1)
def unspaced_place_pattern() -> re.Pattern[str]:
    """Country names of Chinese, Japanese, Thai, Korean and Arabic, and the capitals and aliases of this
    module's tables in those scripts, longest first, to find inside running text.

    Thai names under four letters are left out: without spaces, a short name is too often part of a word.
    A Korean name is a whole word, or one with a particle attached; an Arabic one may carry a prefix.
    """
    names: dict[str, set[str]] = {"ko": set(), "ar": set(), "other": set()}
    for locale in UNSPACED_NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES or len(name) < (4 if locale == "th" else 2):
                continue
            _add_unspaced_name(names, name)
    for name in [*CAPITALS, *(v for variants in _ALIASES.values() for v in variants)]:
        _add_unspaced_name(names, name)  # "德黑兰", "米国"

    def alternation(found: set[str]) -> str:
        return "|".join(map(re.escape, sorted(found, key=lambda n: (-len(n), n))))

    korean = f"(?<!{HANGUL_LETTER})(?P<ko>{alternation(names['ko'])})(?=(?:{_KOREAN_PARTICLES})?(?!{HANGUL_LETTER}))"
    arabic = f"(?<!{ARABIC_LETTER}){_ARABIC_PREFIXES}?(?P<ar>{alternation(names['ar'])})(?!{ARABIC_LETTER})"
    return re.compile(f"(?P<other>{alternation(names['other'])})|{korean}|{arabic}")


def places_in_running_text(text: str) -> Iterator[tuple[str, int, int]]:
    """Country names, capitals and aliases found by :func:`unspaced_place_pattern`: (name, start, end),
    an Arabic prefix left out ("وإيران" -> "إيران")."""
    if not NO_CAPITALS.search(text):
        return
    for match in unspaced_place_pattern().finditer(text):
        group = match.lastgroup or 0
        yield match.group(group), match.start(group), match.end(group)


#: Longest place name, in words, looked up by :func:`countries_named` ("Bosnia and Herzegovina").
_PLACE_NAME_WORDS = 4
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def countries_named(text: str) -> set[str]:
    """English names of the countries ``text`` names in any of ``COUNTRY_NAME_LANGUAGES``, or through a
    capital or seat of government ("Téhéran" is not known, "Tehran" -> "Iran", "伊朗" -> "Iran").

    A lookup of capitalised word runs (and every run in caseless scripts) in the gazetteer, no model:
    what the place facet of a pair compares when the articles were not enriched.
    """
    words = list(_NAME_WORD.finditer(text))
    names = [
        text[first.start() : last.end()]
        for i, first in enumerate(words)
        if not first.group()[:1].islower()
        for last in words[i : i + _PLACE_NAME_WORDS]
    ]
    names += [name for name, _, _ in places_in_running_text(text)]
    return {country for name in names if (country := _country_of(name)) is not None}


def _country_of(name: str) -> str | None:
    """The country a name, alias or capital stands for, in English; None for anything else."""
    key = name_key(name)
    country = ALIAS_CANONICAL.get(key) or country_names().get(key) or _CAPITAL_KEYS.get(key)
    return country if country is not None and is_place_name(country) else None


def canonical_alias(name: str) -> str | None:
    """The canonical name of a well-known alias or a country named in another language
    ("U.S." -> "United States", "Russland" -> "Russia"), else None."""
    key = name_key(name)
    return ALIAS_CANONICAL.get(key) or country_names().get(key) or region_names().get(key)


#: Names of a country that are also another place's, so no alias by themselves: "America" is the United States
#: in an article that names the United States too (:func:`contextual_alias`), else it may be the continents'.
_CONTEXTUAL_ALIASES = {name_key(k): v for k, v in {"America": "United States", "Amerika": "United States"}.items()}


def contextual_alias(name: str) -> str | None:
    """The country a name means where the article names that country too ("America" -> "United States"), else
    None. "Latin America", "South America" and "the Americas" are names of their own and never match."""
    return _CONTEXTUAL_ALIASES.get(name_key(name))


#: The ``reference_kind`` of a capital linked to its country.
CAPITAL_FOR_COUNTRY = "capital-for-country"


def metonym_of(name: str) -> tuple[str, str] | None:
    """``(what it stands for, kind)`` for a capital or seat of government, else None."""
    key = name_key(name)
    if key in _CAPITAL_KEYS:
        return _CAPITAL_KEYS[key], CAPITAL_FOR_COUNTRY
    if key in _SEAT_KEYS:
        return _SEAT_KEYS[key], "seat-for-government"
    return None


#: Organisations of states among the aliases' names: a place for the gazetteer's facets ("in the EU"), but one the
#: recogniser types an organisation is the body that speaks and acts ("the United Nations said").
ORGANISATIONS_OF_STATES = frozenset({"European Union", "United Nations", "NATO"})


def is_place_name(name: str) -> bool:
    """Known country or region (in any language of ``COUNTRY_NAME_LANGUAGES``), bloc or capital: lets
    the fallback heuristics type a capitalised span."""
    key = name_key(name)
    return is_capital_or_alias(name) or key in country_names() or key in region_names()


def is_capital_or_alias(name: str) -> bool:
    """A capital or a name of this module's own tables: a lone "Washington" is the place, whatever a
    recogniser says. Unlike :func:`is_place_name`, no country that is also a person's name ("Jordan")."""
    key = name_key(name)
    return key in _CAPITAL_KEYS or key in ALIAS_CANONICAL

