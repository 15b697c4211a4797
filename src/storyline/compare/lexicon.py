"""Small multilingual word lists the comparison rules use (general, never story-specific).

Hand-written because no installed library ships them: negation cues, verbs
whose meanings oppose each other, number magnitude words and news agencies.
Stems are matched at a word start, so "admit" covers admits/admitted/admitting.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Negation cues in the languages the embedder covers best.
NEGATION_CUES: tuple[str, ...] = (
    # en
    "not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "cannot",
    # es / pt / it
    "nunca", "jamás", "ningún", "ninguna", "ni", "não", "nem", "nenhum", "non", "mai", "nessun", "nessuna",
    # fr
    "ne", "pas", "jamais", "aucun", "aucune",
    # de / nl
    "nicht", "kein", "keine", "keinen", "niemals", "niet", "geen", "nooit",
    # ru / uk
    "не", "нет", "никогда", "ні",
)  # fmt: skip

#: English contractions written without their apostrophe ("cant", "didnt"), as quick copy has them.
BARE_CONTRACTIONS = ("cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "hasnt", "havent", "hadnt", "wouldnt", "couldnt", "shouldnt")  # fmt: skip

#: Negation cues that also open compounds ("non-business", "no-fly zone").
_PREFIX_CUES = ("non", "no")
#: A negation cue as a word, not the first part of a compound, spaced as in tokenised text ("non - business");
#: "n't" with either apostrophe.
NEGATION_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in NEGATION_CUES + BARE_CONTRACTIONS if c not in _PREFIX_CUES) + r")(?![\w-])"
    r"|(?<![\w-])(?:" + "|".join(_PREFIX_CUES) + r")(?![\w-])(?!\s-\s?\w)"
    r"|n['\u2019]t\b",
    re.IGNORECASE,
)

#: Pairs of opposed meanings. Each side lists regular expressions matched at a word start
#: (any ending allowed), so "admit" covers admits/admitted/admitting.
#: The opposed meaning of a change, which a figure or a market may take either way from one day to the next.
CHANGES = "rise/fall"
OPPOSED_VERBS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "admit/deny",
        ("admit", "acknowledg", "confess", "conced", "reconoci", "reconoc[eií]", "admet", "admis\\b", "ammess", "gestand", "gesteh", "räumte?\\s+\\w+\\s+ein"),
        ("den(?:y|ies|ied|ying|ial)", "refut", "neg[óa]\\b", "negaron", "niega", "niegan", "nieg[ao]", "desmint", "desmient", "dément", "démen", "nient", "nié\\b", "nier\\b",
         "bestreit", "bestritt", "dementier", "leugn", "ontken", "опроверг", "отрица(?!тельн)"),
    ),
    (
        "confirm/reject",
        ("confirm", "corroborat", "bestätig", "bevestig"),
        ("reject", "rebut", "rechaz", "rejet", "respin", "lehnte?\\s+\\w+\\s+ab", "zurückgewiesen", "zurückweis", "verwerp", "отверг"),
    ),
    (
        CHANGES,
        ("ris(?:e|es|en|ing)\\b", "rose\\b", "increas", "grew\\b", "grow(?:s|n|ing)?\\b", "climb", "jump", "soar", "aument", "subi[óe]", "crec", "augment", "hausse", "stieg", "steig", "gestiegen", "steeg", "stijg"),
        ("fall(?:s|en|ing)?\\b", "fell\\b", "declin", "decreas", "drop", "shr[iau]nk", "slump", "plung", "cay[óe]", "bajó", "bajaron", "disminu", "baisse", "diminu", "sank", "sink", "gesunken", "fiel\\b", "daal", "daald"),
    ),
    (
        "accept/refuse",
        ("accept", "approv", "acept", "aprob", "approuv", "akzeptier", "genehmig", "aanvaard", "goedgekeurd"),
        ("refus", "veto", "rehus", "verweiger", "weiger"),
    ),
    (
        "win/lose",
        ("win(?:s|ning|ner|ners)?\\b", "won\\b(?!['\u2019]t)", "victor", "ganó", "ganaron", "remport", "gewann", "gewonnen", "vins[ei]", "vinto"),
        ("los(?:e|es|ing)\\b", "lost\\b", "defeat\\b", "(?:was|were|been|being|be)\\s+defeated\\b", "perdi", "perdu", "verlor", "perso\\b"),
    ),
)  # fmt: skip


#: Opposed meanings of a stance taken on a matter (admits / denies it), which oppose only on one matter.
STANCES = ("admit/deny", "confirm/reject", "accept/refuse")
#: English words that make a figure what may, would or is wanted to be rather than what is: modal auxiliaries
#: ("could throw for 400 yards"), the conjunctions of a condition ("if the Sox are pushed to 10 years"), and
#: verbs and nouns of needing and asking ("needed nine points", "seeking $20 million", "a request for 10 years").
MODALS = frozenset({"could", "would", "might", "may", "should", "'d"})
CONDITIONS = frozenset({"if", "unless"})
WANTING = frozenset({
    "need", "want", "seek", "hope", "wish", "ask", "request", "demand", "prefer", "preference", "expect",
})  # fmt: skip
#: English nouns of what is won or lost in a contest ("lost the final", "won the election"): "win" and "lose" with
#: another object ("lost a fumble", "lost power", "won approval") tell no contest's outcome.
CONTESTS = frozenset({
    "game", "match", "final", "semifinal", "playoff", "series", "tournament", "championship", "title", "cup", "race",
    "election", "primary", "vote", "ballot", "referendum", "seat", "majority", "case", "trial", "appeal", "lawsuit",
    "suit", "battle", "war", "fight", "bout", "contest", "round", "bid", "tie", "set", "medal", "award", "prize",
})  # fmt: skip


def _side_re(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)


#: (meaning, first side, second side) with each side compiled.
OPPOSED_VERB_RES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, _side_re(first), _side_re(second)) for name, first, second in OPPOSED_VERBS
)

#: Meanings whose second side, as a reporting verb, denies what it reports ("denied that", "a démenti").
_DENIAL_MEANINGS = ("admit/deny", "confirm/reject")


def is_denial(cue: str | None) -> bool:
    """Whether a reporting verb denies what it reports, so says the opposite of "said" ("denied", "rejects")."""
    return bool(cue) and any(second.search(cue) for name, _, second in OPPOSED_VERB_RES if name in _DENIAL_MEANINGS)


def takes_a_side(cue: str | None) -> bool:
    """Whether a reporting verb takes a side on what it reports ("admitted", "denies", "confirmed"): part of
    the news, not only who tells it."""
    return bool(cue) and any(side.search(cue) for name, *sides in OPPOSED_VERB_RES if name in STANCES for side in sides)


#: Nouns of what someone alleges ("claims that ...", "rumors that ..."): what a denial takes.
_CLAIM_NOUNS = (
    r"claims?|allegations?|accusations?|reports?|charges?|suggestions?|rumou?rs?|"
    r"informations?|allégations?|affirmations?|rumeurs?|acusaci[oó]n(?:es)?|informaci[oó]n(?:es)?|afirmaci[oó]n(?:es)?|"
    r"rumores?|denuncias?|berichte?|vorwürfe?|behauptung(?:en)?|aussagen?|gerüchte?|сообщени[яейи]|информаци[июя]|"
    r"обвинени[яей]|заявлени[яей]|слух[иов]*"
)
_CLAIM_NOUN_RE = re.compile(rf"(?:{_CLAIM_NOUNS})", re.IGNORECASE)


def is_claim_noun(word: str) -> bool:
    """A noun of what someone alleges ("claims", "allegation", "rumours"): what a denial may take as object."""
    return bool(_CLAIM_NOUN_RE.fullmatch(word))


#: What a denial verb denies when it reports a denial: a clause ("that", "que", "dass", after a comma as German and
#: Russian write it: "bestritt, dass", "отрицает, что"), a claim ("those claims", "any links"), a few words on at most
#: ("denied over the years that"), a gerund ("denied striking") or a perfect infinitive ("a nié avoir", "negó haber").
_DENIED_RE = re.compile(
    r",?\s+(?:[^\W\d_]+\s+){0,3}?(?:that|que|qu'|dass|что|any|avoir|haber|" + _CLAIM_NOUNS + r")\b|\s+[^\W\d_]+ing\b",
    re.IGNORECASE,
)
#: Verbs that deny only with a claim noun: "discounted rumors that", "dismissed claims".
_DISPUTE_RE = re.compile(r"\b(?:dismiss|discount)\w*(?=\s+(?:[^\W\d_]+\s+){0,3}?(?:" + _CLAIM_NOUNS + r")\b)", re.IGNORECASE)


def denial_cue(text: str) -> re.Match[str] | None:
    """A reported denial in ``text``: a denial verb taking what it denies ("denied that ...", "rejected claims
    that ...", "denied any links", "discounted rumors that"), not a verb that only refuses something ("denied
    him bail", "rejected the offer")."""
    for name, _, second in OPPOSED_VERB_RES:
        if name in _DENIAL_MEANINGS:
            for cue in second.finditer(text):
                if _DENIED_RE.match(text, cue.end()):
                    return cue
    return _DISPUTE_RE.search(text)


@lru_cache(maxsize=4096)
def _sides(text: str) -> tuple[tuple[re.Match[str] | None, re.Match[str] | None], ...]:
    """For each opposed meaning, the first cue of either side in ``text`` (cached: pairs reuse texts)."""
    return tuple((first.search(text), second.search(text)) for _, first, second in OPPOSED_VERB_RES)


def opposition(a: str, b: str) -> tuple[str, re.Match[str], re.Match[str]] | None:
    """The opposed meaning two texts take sides on (one side each, neither both), with the cue words."""
    for (meaning, _, _), (a1, a2), (b1, b2) in zip(OPPOSED_VERB_RES, _sides(a), _sides(b)):
        if a1 and b2 and not a2 and not b1:
            return meaning, a1, b2
        if a2 and b1 and not a1 and not b2:
            return meaning, a2, b1
    return None


#: Words that scale the number before them.
MAGNITUDES: dict[str, float] = {
    "thousand": 1e3, "mil": 1e3, "mille": 1e3, "tausend": 1e3, "duizend": 1e3, "тысяч": 1e3,
    "million": 1e6, "millions": 1e6, "millones": 1e6, "millón": 1e6, "millon": 1e6, "milhões": 1e6,
    "milhão": 1e6, "milioni": 1e6, "milione": 1e6, "millionen": 1e6, "miljoen": 1e6, "mln": 1e6,
    "млн": 1e6, "миллион": 1e6,
    "billion": 1e9, "billions": 1e9, "milliard": 1e9, "milliards": 1e9, "miliardi": 1e9,
    "miliardo": 1e9, "milliarden": 1e9, "milliarde": 1e9, "miljard": 1e9, "bn": 1e9, "mrd": 1e9,
    "млрд": 1e9, "миллиард": 1e9, "bilhões": 1e9,
    "trillion": 1e12, "billones": 1e12, "billón": 1e12, "trillions": 1e12,
}  # fmt: skip

#: News agencies whose copy many outlets run; matched as whole words in bylines and credits.
NEWS_AGENCIES: dict[str, str] = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "ap": "AP", "associated press": "AP", "dpa": "dpa", "efe": "EFE",
    "ansa": "ANSA", "xinhua": "Xinhua", "tass": "TASS", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "kyodo": "Kyodo", "yonhap": "Yonhap", "pa media": "PA Media",
    "press association": "PA Media", "bloomberg": "Bloomberg", "upi": "UPI", "apa": "APA",
    "anp": "ANP", "belga": "Belga", "europa press": "Europa Press", "lusa": "Lusa",
    "irna": "IRNA", "anadolu": "Anadolu", "aap": "AAP", "cp": "Canadian Press",
    "canadian press": "Canadian Press", "ukrinform": "Ukrinform", "wafa": "WAFA",
    "тасс": "TASS", "риа новости": "RIA Novosti", "интерфакс": "Interfax", "рейтер": "Reuters",
    "франс пресс": "AFP", "ассошиэйтед пресс": "AP", "укрінформ": "Ukrinform",
}  # fmt: skip
#: Agency names in scripts without spaces, found inside running text ("新华社德黑兰12月18日电").
UNSPACED_NEWS_AGENCIES: dict[str, str] = {
    "新华社": "Xinhua", "新華社": "Xinhua", "法新社": "AFP", "路透社": "Reuters", "美联社": "AP", "美聯社": "AP",
    "塔斯社": "TASS", "共同社": "Kyodo", "共同通信": "Kyodo", "時事通信": "Jiji", "ロイター": "Reuters",
    "聯合ニュース": "Yonhap", "연합뉴스": "Yonhap", "로이터": "Reuters", "중앙통신": "KCNA",
}  # fmt: skip


def _alternation(names: dict[str, str]) -> str:
    return "|".join(sorted((re.escape(k) for k in names), key=len, reverse=True))


AGENCY_RE = re.compile(
    rf"(?<![\w-])({_alternation(NEWS_AGENCIES)})(?![\w-])|({_alternation(UNSPACED_NEWS_AGENCIES)})", re.IGNORECASE
)


#: Running text that credits an agency with what it reports: "according to Reuters", "the Associated Press
#: reported", "(AP)". A bare mention ("he told Reuters") credits nothing.
AGENCY_CREDIT_RE = re.compile(
    rf"\b(?:according\s+to|citing|reported\s+by|selon|según|laut|secondo|segundo|согласно|по\s+данным)\s+(?:the\s+|l['’]\s*|la\s+agencia\s+)?"
    rf"(?P<before>{_alternation(NEWS_AGENCIES)})(?![\w-])"
    rf"|(?<![\w-])(?P<after>{_alternation(NEWS_AGENCIES)})\s+(?:news\s+agency\s+)?(?:reported|reports|quoted|contributed|сообщает|сообщило)\b"
    rf"|\(\s*(?P<bracket>{_alternation(NEWS_AGENCIES)})\s*\)",
    re.IGNORECASE,
)


def credited_agency(match: re.Match[str]) -> str:
    """The agency an :data:`AGENCY_CREDIT_RE` match credits."""
    return NEWS_AGENCIES[next(name for name in match.groups() if name).lower()]


def agency_name(match: re.Match[str]) -> str:
    """The agency an :data:`AGENCY_RE` match names."""
    if match.group(1):
        return NEWS_AGENCIES[match.group(1).lower()]
    return UNSPACED_NEWS_AGENCIES[match.group(2)]

#: Words that undo the negation cue before them: "not without drama" and "not only X but Y" assert,
#: "not least" stresses, "no matter where", "no doubt" concede; litotes are not denials.
DOUBLE_NEGATION_RE = re.compile(
    r"\s+(?:without|only|just|merely|simply|least|unlike|uncommon|unusual|insignificant|matter|doubt|sooner|"
    r"seulement|que|sans|solo|sólo|sin|nur|ohne)\b",
    re.IGNORECASE,
)


#: A negation that tells a state at its report's time, which a later report may see ended: "not yet known",
#: "yet to be charged", "still not found", "have not been released" (a present perfect: so far).
TIME_BOUND_NEGATION_RE = re.compile(
    r"(?:\bnot|\bnever|n['\u2019]t)\s+(?:\w+\s+)?yet\b|\byet\s+to\b|\bstill\s+(?:\w+\s+)?(?:not|no)\b|\bstill\s+\w+n['\u2019]t\b"
    r"|\b(?:has|have)(?:\s+not|n['\u2019]t)\s+(?:yet\s+)?been\b",
    re.IGNORECASE,
)


def negation_cue(text: str) -> re.Match[str] | None:
    """The first negation cue of ``text`` that negates: "not without drama" and "not only" do not."""
    for cue in NEGATION_RE.finditer(text):
        if not DOUBLE_NEGATION_RE.match(text, cue.end()):
            return cue
    return None


#: Hedges before a number, as the range they make of it: (low factor, high factor); None is unbounded.
#: "at least 3" is 3 or more, "nearly 1,400" a little under, "about 58km" within a tenth.
HEDGES: dict[str, tuple[float | None, float | None]] = {
    "at least": (1.0, None), "more than": (1.0, None), "over": (1.0, None), "upwards of": (1.0, None),
    "no fewer than": (1.0, None), "no less than": (1.0, None), "in excess of": (1.0, None),
    "at most": (None, 1.0), "up to": (None, 1.0), "fewer than": (None, 1.0), "less than": (None, 1.0),
    "under": (None, 1.0), "as many as": (None, 1.0), "no more than": (None, 1.0),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.0), "just under": (0.9, 1.0),
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "some": (0.9, 1.1), "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1), "approx.": (0.9, 1.1),
    "circa": (0.9, 1.1), "c.": (0.9, 1.1), "~": (0.9, 1.1), "just over": (1.0, 1.1),
    # es / fr / de
    "al menos": (1.0, None), "más de": (1.0, None), "unos": (0.9, 1.1), "unas": (0.9, 1.1),
    "cerca de": (0.85, 1.1), "casi": (0.85, 1.0), "alrededor de": (0.9, 1.1), "hasta": (None, 1.0),
    "au moins": (1.0, None), "plus de": (1.0, None), "près de": (0.85, 1.1), "environ": (0.9, 1.1),
    "presque": (0.85, 1.0), "jusqu'à": (None, 1.0), "mindestens": (1.0, None), "mehr als": (1.0, None),
    "über": (1.0, None), "fast": (0.85, 1.0), "etwa": (0.9, 1.1), "rund": (0.9, 1.1), "bis zu": (None, 1.0),
}  # fmt: skip

#: Number words for amounts given as a range, per language: "dozens of people" is two dozen up to about
#: a hundred ("miles" is thousands in Spanish only).
VAGUE_AMOUNTS: dict[str, dict[str, tuple[float, float]]] = {
    "en": {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 9999),
           "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e8)},
    "es": {"decenas": (20, 99), "cientos": (200, 999), "centenares": (200, 999), "miles": (2000, 9999)},
    "fr": {"dizaines": (20, 99), "centaines": (200, 999), "milliers": (2000, 9999)},
    "de": {"dutzende": (24, 99), "hunderte": (200, 999), "tausende": (2000, 9999)},
}  # fmt: skip

#: Measure words after a number: (kind, factor to the kind's base unit). Kinds are language-independent,
#: so "58km" and "36 miles" are one distance in any two languages.
MEASURES: dict[str, tuple[str, float]] = {
    "km": ("distance", 1000.0), "kilometres": ("distance", 1000.0), "kilometers": ("distance", 1000.0),
    "kilometre": ("distance", 1000.0), "kilometer": ("distance", 1000.0), "kilómetros": ("distance", 1000.0),
    "kilomètres": ("distance", 1000.0), "километров": ("distance", 1000.0),
    "miles": ("distance", 1609.344), "mile": ("distance", 1609.344), "millas": ("distance", 1609.344),
    "m": ("distance", 1.0), "metres": ("distance", 1.0), "meters": ("distance", 1.0), "metros": ("distance", 1.0),
    "mètres": ("distance", 1.0), "feet": ("distance", 0.3048), "ft": ("distance", 0.3048),
    "kg": ("weight", 1.0), "kilograms": ("weight", 1.0), "kilos": ("weight", 1.0), "tonnes": ("weight", 1000.0),
    "tons": ("weight", 1000.0), "toneladas": ("weight", 1000.0), "lbs": ("weight", 0.4536),
    "%": ("percent", 1.0), "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "pct": ("percent", 1.0),
    "por ciento": ("percent", 1.0), "pour cent": ("percent", 1.0), "prozent": ("percent", 1.0),
    "magnitude": ("magnitude", 1.0), "magnitud": ("magnitude", 1.0), "richter": ("magnitude", 1.0),
    "seconds": ("duration", 1.0), "minutes": ("duration", 60.0), "minute": ("duration", 60.0),
    "hours": ("duration", 3600.0), "hour": ("duration", 3600.0), "days": ("duration", 86400.0),
    "day": ("duration", 86400.0), "weeks": ("duration", 604800.0), "week": ("duration", 604800.0),
    "months": ("duration", 2.63e6), "month": ("duration", 2.63e6), "years": ("duration", 3.156e7),
    "year": ("duration", 3.156e7), "minutos": ("duration", 60.0), "horas": ("duration", 3600.0),
    "días": ("duration", 86400.0), "años": ("duration", 3.156e7), "heures": ("duration", 3600.0),
    "jours": ("duration", 86400.0), "ans": ("duration", 3.156e7), "années": ("duration", 3.156e7),
    "degrees": ("temperature", 1.0), "°c": ("temperature", 1.0), "°f": ("temperature °F", 1.0),
}  # fmt: skip
#: Measure words written before the number: "magnitude 6.1", "a 6.1 quake of magnitude" aside.
MEASURES_BEFORE = ("magnitude", "magnitud", "richter")
#: Currency signs and words: "$5 million" and "5 million dollars" are both money in USD.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "dólares": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP", "sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB", "рублей": "RUB",
}  # fmt: skip

#: What a count of people is about, by word stem (verbs, adjectives, nouns): "killed 10", "10 dead",
#: "death toll of 10" and "10 fatalities" are one quantity; "injured 80" another.
EVENT_STEMS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead\\b", "death", "die[ds]\\b", "dying", "fatalit", "perish", "toll\\b", "bodies",
               "muert", "fallec", "morts?\\b", "tué", "décéd", "tot\\b", "tote", "getötet", "gestorben", "погиб", "убит"),
    "injured": ("injur", "wound", "hurt", "herid", "lesionad", "blessé", "verletz", "ранен", "пострада"),
    "missing": ("missing", "unaccounted", "desaparec", "disparu", "vermisst", "пропал"),
    "rescued": ("rescu", "surviv", "saved", "rescat", "sauvé", "secour", "gerettet", "спасен"),
    "arrested": ("arrest", "detain", "detention", "custody", "deten", "arrêt", "interpell", "festgenommen", "задержан"),
    "evacuated": ("evacu", "displac", "homeless", "desplazad", "évacu", "déplac", "evakuier"),
    "hospitalised": ("hospitali", "hospitaliz"),
}  # fmt: skip
#: Counts that only grow as a story unfolds: a later, higher figure updates an earlier one.
RUNNING_TOTALS = frozenset({"killed", "injured", "rescued", "arrested", "evacuated", "hospitalised"})
#: Nouns that name people in general: "killed 10" counts the same thing as "10 people were killed".
PEOPLE_NOUNS = frozenset({"people", "person", "persons", "individual", "personas", "personnes", "menschen", "человек"})
#: Nouns (lemmas) any report of a story may use, whatever its event: people in general, the sources they
#: speak for, and what they allege.
GENERIC_NOUNS = PEOPLE_NOUNS | frozenset({
    "official", "officials", "authority", "authorities", "spokesman", "spokeswoman", "spokesperson", "source",
    "sources", "statement", "report", "reports", "news", "media", "resident", "residents", "claim", "claims",
    "suggestion", "suggestions", "allegation", "allegations", "accusation", "accusations", "rumor", "rumors",
    "rumour", "rumours",
})
#: Words of a relative day or a part of one: date words as much as "Monday".
RELATIVE_DAY_WORDS = frozenset({
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "day", "week", "month",
    "year", "weekend", "hoy", "ayer", "mañana", "aujourd'hui", "hier", "demain",
})
#: Words naming a day by the day it is told on ("today", "last night"): read from a publication time, they may
#: be off by a day (the outlet's time zone, a report written the evening before it appeared).
DEICTIC_DAY_RE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|hoy|ayer|anoche|aujourd'hui|hier|demain|heute|gestern)\b",
    re.IGNORECASE,
)
#: Words that make their noun one of several of its kind ("the first quake", "a second blast", "another
#: rocket"): a story with a second quake has a figure for each.
ONE_OF_SEVERAL = frozenset({
    "first", "second", "third", "fourth", "fifth", "another", "other", "earlier", "later", "latest", "previous",
    "last", "final", "initial", "subsequent", "primer", "segundo", "otro", "otra", "premier", "première", "deuxième",
    "autre",
})  # fmt: skip
#: English words, nouns and verbs by lemma, naming one kind of sudden event: "the blast" and "the explosion"
#: (or "exploded") tell one event two ways, where their sentences share too few words to align. A phrasal verb
#: is its lemma and its particle or fixed object ("the dam gave way", "the roof caved in", "a bomb went off").
EVENT_FAMILIES: dict[str, frozenset[str]] = {
    "explosion": frozenset({"blast", "explosion", "explode", "detonation", "detonate", "bombing", "blow up", "go off"}),
    "quake": frozenset({"quake", "earthquake", "temblor"}),
    "fire": frozenset({"blaze", "inferno", "catch fire"}),
    "crash": frozenset({"crash", "collision", "collide"}),
    "shooting": frozenset({"shooting", "gunfire", "shootout"}),
    "breach": frozenset({"burst", "breach", "collapse", "give way", "cave in", "fall in"}),
}  # fmt: skip
#: English verbs that tell only that an event took place ("the blast happened", "the quake struck at 4:43"):
#: the event is their subject.
EVENT_OCCURRED = frozenset({"happen", "occur", "come", "strike", "hit", "take", "be", "erupt", "break", "rock", "shake"})


def event_family(lemma: str) -> str:
    """The kind of event an English lemma names (:data:`EVENT_FAMILIES`), else the lemma itself."""
    return next((family for family, words in EVENT_FAMILIES.items() if lemma in words), lemma)


def is_event_word(lemma: str) -> bool:
    """Whether an English lemma names a kind of sudden event (:data:`EVENT_FAMILIES`), family names included."""
    return lemma in EVENT_FAMILIES or event_family(lemma) != lemma


#: English verbs of making a thing known: a day they take dates the telling ("producer N announced Sunday"), not what
#: is told. Narrower than the reporting verbs, which hold acts too ("charged", "found guilty", "showed").
MAKING_KNOWN = frozenset({"say", "tell", "announce", "confirm", "reveal", "state", "declare", "disclose", "report", "add"})
#: English verbs of getting what someone gives: "we never received any warning" denies "we warned them".
RECEIVING = frozenset({"receive", "get", "have", "hear", "see"})
#: English pronouns of the speaker's side: each of two speakers' "we" is their own.
FIRST_PERSON = frozenset({"i", "we"})
#: Nouns of a person whose age "is N" gives: "her daughter is 11".
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "child", "son", "daughter", "father", "mother", "husband", "wife", "brother",
    "sister", "victim", "suspect", "driver", "pilot", "teenager", "student", "officer", "soldier", "gunman",
})  # fmt: skip
#: Words after a number that make it a street address ("1800 Pitkin Ave."), not a quantity.
STREET_WORDS = frozenset({
    "ave", "avenue", "st", "street", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way",
    "place", "pl", "square", "court", "ct", "highway", "hwy", "calle", "avenida", "rue", "straße", "strasse",
})  # fmt: skip


@lru_cache(maxsize=16)
def stop_words(language: str) -> frozenset[str]:
    """The language's function words (spaCy's lists; none where spaCy has no data for it)."""
    import spacy

    try:
        return frozenset(spacy.util.get_lang_class(language.split("-")[0].lower()).Defaults.stop_words)
    except (ImportError, KeyError, ValueError):  # no spaCy language data for it
        return frozenset()


def _stem_re(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")", re.IGNORECASE)


EVENT_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((event, _stem_re(stems)) for event, stems in EVENT_STEMS.items())


def event_of(word: str) -> str | None:
    """The people-count event a word names ("killed", "fatalities" -> "killed"), else None."""
    return next((event for event, pattern in EVENT_RES if pattern.match(word)), None)
