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

NEGATION_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in NEGATION_CUES) + r")(?![\w-])|n't\b",
    re.IGNORECASE,
)

#: Pairs of opposed meanings. Each side lists regular expressions matched at a word start
#: (any ending allowed), so "admit" covers admits/admitted/admitting.
OPPOSED_VERBS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "admit/deny",
        ("admit", "acknowledg", "confess", "conced", "reconoci", "reconoc[eií]", "admet", "admis\\b", "ammess", "gestand", "gesteh", "räumte?\\s+\\w+\\s+ein"),
        ("den(?:y|ies|ied|ying|ial)", "refut", "neg[óa]\\b", "niega", "niegan", "nieg[ao]", "dément", "démen", "nient", "bestreit", "bestritt", "leugn", "ontken"),
    ),
    (
        "confirm/reject",
        ("confirm", "corroborat", "bestätig", "bevestig"),
        ("reject", "rebut", "rechaz", "rejet", "respin", "lehnte?\\s+\\w+\\s+ab", "verwerp"),
    ),
    (
        "rise/fall",
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
        ("win(?:s|ning|ner|ners)?\\b", "won\\b", "victor", "ganó", "ganaron", "remport", "gewann", "gewonnen", "vins[ei]", "vinto"),
        ("los(?:e|es|ing)\\b", "lost\\b", "defeat", "perdi", "perdu", "verlor", "perso\\b"),
    ),
)  # fmt: skip


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
