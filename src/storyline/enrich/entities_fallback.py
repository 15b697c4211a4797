"""Mentions without a recogniser: runs of capitalised words (:func:`capitalised_mentions`), German's
capitalised common nouns left out, and, for scripts without capitals, country names and transliterated
foreign names written with a middle dot (:func:`unspaced_mentions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from storyline.enrich.cues import ACCORDING_TO, ROLE_SUFFIX, TITLES
from storyline.enrich.entities_base import (
    _CONNECTORS,
    _DETERMINERS,
    _FUNCTION_POS,
    NAME_DOTS,
    Mention,
    _is_known_place,
    _opens_sentence,
)
from storyline.enrich.entities_places import _LOCATIVE_PREPOSITIONS_ANY
from storyline.enrich.gazetteer import is_place_name, places_in_running_text
from storyline.enrich.quotes_marks import quoted_spans
from storyline.enrich.times_lexicon import lexicon_for
from storyline.enrich.vocabulary import is_common_word, is_known_name

#: Conjunctions join two names far more often than they sit inside one ("GM y Chrysler",
#: "Melbourne y Brisbane"): the fallback, which has no recogniser to tell, splits there.
_CONJUNCTIONS = {"and", "y", "et", "e", "und", "en", "i", "ve"}
_CAPITALISED = re.compile(r"^[^\W\d_][\w'’.-]*$")
#: Languages that write a name's case ending after an apostrophe ("İtalya'dan", "Dünya Sağlık Örgütü’nün").
CASE_ENDING_LANGUAGES = frozenset({"tr", "az"})
#: That ending: an apostrophe and lower-case letters closing the word.
_CASE_ENDING = re.compile(r"['’](?=[a-zçğıöşüâîû]+$)")
#: Abbreviations written in capitals for a common noun ("la TV", "un CD", "una ONG", "el IVA", "im TV", "a DNA
#: report"): without a recogniser no name alone, nor the head of the name after "de" ("TV de Disney" is Disney's
#: television); in English no issuer of the document they qualify (``entities._issuer_before``). The encoder's cased vocabulary cannot tell them from acronyms of bodies ("UN", "EU" are as often
#: lower case), so they are listed: abbreviations of kinds of things (a television, a record, a tax, an NGO), never
#: of one body or party.
COMMON_ABBREVIATIONS = {
    "en": frozenset({"TV", "CD", "DVD", "DJ", "PC", "SMS", "GDP", "DNA", "HIV", "AIDS", "PDF", "GPS", "CPI", "IQ"}),
    "es": frozenset({"TV", "CD", "DVD", "DJ", "PC", "ONG", "SMS", "PIB", "IVA", "ADN"}),
    "pt": frozenset({"TV", "CD", "DVD", "DJ", "PC", "ONG", "SMS", "PIB", "DNA"}),
    "it": frozenset({"TV", "CD", "DVD", "DJ", "PC", "SMS", "PIL", "IVA", "DNA"}),
    "de": frozenset({"TV", "CD", "DVD", "DJ", "PC", "SMS"}),
}


#: Lower-case words inside names, beyond the connectors every language shares ("de", "of"): Dutch and Flemish
#: surname particles ("Pieter van der Berg", "Huub ter Horst"), written in every language that quotes such a
#: name, though not in German, whose "der"/"den" are articles ("Präsident der Republik"); Italian "di", "da" and
#: the elided "d'" of names and bodies ("Luca di Montezemolo", "Castel di Sangro", "Banca d'Italia"), not "della"
#: or "dell'", which tie a person to a team or firm ("Leclerc della Ferrari"). A bare "van" is also "of" ("Sainz
#: van McLaren", "Grand Prix van Rusland"): :func:`_surname_van`.
_NAME_PARTICLES = frozenset({"van", "der", "den", "ter", "ten", "'t", "’t"})
_LANGUAGE_NAME_PARTICLES = {"it": frozenset({"di", "da", "d'", "d’"})}


def name_particles(language: str) -> frozenset[str]:
    """The lower-case words a name may hold in ``language`` besides the shared connectors."""
    if language in CAPITALISED_NOUN_LANGUAGES:
        return frozenset()
    return _NAME_PARTICLES | _LANGUAGE_NAME_PARTICLES.get(language, frozenset())


def capitalised_mentions(doc: Doc, language: str | None = None) -> list[Mention]:
    """Fallback without a recogniser: runs of capitalised words, not at a sentence start alone.

    Typed PLACE when the gazetteer knows the name, else MISC: capitalisation
    alone cannot tell a person from an organisation. A lone month or weekday name
    is no name (German capitalises them: "am Sonntag", "im Dezember").
    """
    language = language or doc.lang_
    lexicon = lexicon_for(language) if language not in {"en", "xx"} else None
    calendar_words = set(lexicon.months) | set(lexicon.weekdays) if lexicon else set()
    nouns_capitalised = language in CAPITALISED_NOUN_LANGUAGES
    # German "des" is an article ("Eskalation des Konflikts"), not the French "of" that joins a name.
    particles = name_particles(language)
    connectors = _CONNECTORS - _CONJUNCTIONS - ({"des"} if nouns_capitalised else set()) | particles
    mentions: list[Mention] = []
    # Capitalised words that open a run inside a sentence (no capitalised word before them but the sentence's
    # first): names written on their own.
    openers = Counter(t.text for t in doc if _opens_run(t))
    quote_starts = _quotation_starts(doc.text)
    run: list = []

    def run_mentions(words: list) -> list[Mention]:
        """The name a run of capitals holds, its words outside a name trimmed."""
        while words and (
            _trailing_connector(words[-1], connectors, particles) or (nouns_capitalised and _is_stop_word(words[-1]))
        ):
            if words[-1].lower_ in _GERMAN_SUBJECT_PRONOUNS and len(words) > 1:
                words.pop()  # "Lesen Sie": the verb before its subject
            words.pop()  # "Bank of", "Christoph Adler Jetzt": a headline run into the text
        while words and (
            words[0].text[0].islower()
            or _opens_sentence_apart(words, nouns_capitalised)
            or (nouns_capitalised and (words[0].lower_ in GERMAN_DETERMINERS or _is_stop_word(words[0])))
        ):
            words.pop(0)  # "Según la Casa Blanca", "Recientemente GM", "Die Corona-Pandemie": not the name's words
        words = _without_common_abbreviation(words, COMMON_ABBREVIATIONS.get(language, frozenset()), connectors)
        lone_word = len(words) == 1 and (
            _opens_sentence(words[0]) or words[0].idx in quote_starts or words[0].lower_ in calendar_words
        )
        # a run of stop words is none ("Y El"), unless particles join it as a surname ("Van der Meer": "more")
        if not words or lone_word or (all(t.is_stop for t in words) and not any(t.lower_ in particles for t in words[:-1])):
            return []
        span = _without_leading_titles(doc[words[0].i : words[-1].i + 1])
        return [_fallback_mention(part) for part in _place_apart(span, openers)]

    for token in [*doc, None]:
        if token is not None and _CAPITALISED.match(token.text) and token.text[0].isupper():
            if run and nouns_capitalised and _article_opening_name(token):
                mentions += run_mentions(run)  # "im Nordland Der Sender Radio Elwyn": a headline run into the text
                run = []
            run.append(token)
            if language in CASE_ENDING_LANGUAGES and _CASE_ENDING.search(token.text):
                mentions += run_mentions(run)  # "İspanya Sağlık Bakanlığı'nın Açıklaması": the ending closes the name
                run = []
            continue
        if token is not None and run and token.lower_ in connectors and _capitalised_after(token, particles):
            run.append(token)  # "Bank of England", "Pieter van der Berg"
            continue
        mentions += run_mentions(run)
        run = []
    mentions += _known_surnames_opening_sentences(doc, mentions, quote_starts)
    mentions = _connected_apart(doc, mentions, connectors)
    if language in CASE_ENDING_LANGUAGES:
        mentions = _without_case_endings(mentions, calendar_words)
    mentions = [_as_settlement(doc.text, m) for m in mentions]
    if not nouns_capitalised:
        return mentions
    return _without_common_nouns(doc, mentions, set(lexicon.numbers) - GERMAN_DETERMINERS if lexicon else set())


def _without_common_abbreviation(words: list, abbreviations: frozenset[str], connectors: set[str]) -> list:
    """A run less a common noun's abbreviation opening it (:data:`COMMON_ABBREVIATIONS`): nothing of "TV" alone,
    "Disney" of "TV de Disney"; "TV Elwyn" (a club) stays whole."""
    if not words or words[0].text not in abbreviations:
        return words
    if len(words) == 1:
        return []
    return words[2:] if len(words) > 2 and words[1].lower_ in connectors else words


def _without_case_endings(mentions: list[Mention], calendar_words: set[str]) -> list[Mention]:
    """Names without the case ending written after their apostrophe, so that "İtalya'dan" and "İtalya'nın"
    are the place "İtalya"; a month or weekday so freed ("Ocak'ta") is no name."""
    kept = []
    for mention in mentions:
        ending = _CASE_ENDING.search(mention.text)
        if ending is None:
            kept.append(mention)
            continue
        name = mention.text[: ending.start()]
        if name.lower() in calendar_words:
            continue
        kind = "PLACE" if is_place_name(name) else mention.type
        kept.append(Mention(name, kind, mention.start, mention.start + len(name)))
    return kept


def _article_opening_name(token) -> bool:
    """A capitalised German article inside a run of capitals opens another name, or a common noun, after the
    run's words ("Anzeige Die Hisbollah", "im Nordland Der Sender": a headline or a teaser run into the text
    with no full stop), unless the article shows the words around it as one name: it writes them so more
    than once ("Partei Die Linke"), or the article and the word after it after a word in lower case ("von Die
    Linke"), the article a name's own."""
    doc = token.doc
    if token.lower_ not in GERMAN_DETERMINERS:
        return False
    if not _next_is_capitalised(token):
        return True  # "Peter Mühlbauer Ein ...": an article ending a run names nothing
    around, named = doc[token.i - 1 : token.i + 2], doc[token.i : token.i + 2]
    written_twice = len(re.findall(rf"(?<![\w-]){re.escape(around.text)}(?![\w-])", doc.text)) > 1
    return not written_twice and not _written_after_lower_case_word(named)


def _quotation_starts(text: str) -> set[int]:
    """Where each quotation's first word starts: a quoted sentence opens there inside the sentence quoting it
    ('dijo que "Evidentemente, ..."'), its capital no name's."""
    starts = set()
    for start, end in quoted_spans(text):
        inner = text[start + 1 : end]
        starts.add(start + 1 + len(inner) - len(inner.lstrip()))
    return starts


#: Words that open a sentence before a name and are no part of it: connectors and "according to" ("Laut N").
_OPENERS = _CONNECTORS | {phrase[0] for phrases in ACCORDING_TO.values() for phrase in phrases}


def _is_opener(token) -> bool:
    """A word opening a sentence that is no part of a name after it: a function word, an adverb where a
    tagger says so ("Meanwhile"), a connector or "according to"."""
    return token.is_stop or token.lower_ in _OPENERS or token.pos_ in _FUNCTION_POS


def _is_stop_word(token) -> bool:
    """A preposition, pronoun, conjunction or adverb written with a capital where every noun has one ("Mit",
    "Von", "Jetzt", "Noch", "Lesen Sie"): no word of a German name; a headline or a teaser ran into the text."""
    return token.lower_ in GERMAN_FUNCTION_WORDS and not token.text.isupper()


def _opens_sentence_apart(run: list, nouns_capitalised: bool) -> bool:
    """The first word of a capitalised run opens its sentence, or a quoted one ('dijo que " El Boeing ...'), and
    is no part of the name after it: a function word (:func:`_is_opener`) that opens no name of its own
    (:func:`_opens_a_name`), or a common word capitalised only there (:func:`_common_word_before_name`)."""
    if not (_opens_sentence(run[0]) or _opens_quoted_sentence(run)):
        return False
    if _is_opener(run[0]):
        return not _opens_a_name(run)
    return _common_word_before_name(run, nouns_capitalised)


def _opens_quoted_sentence(run: list) -> bool:
    """The run follows a quotation mark and no mark closes it: a quoted sentence ('" El Boeing 737 tiene ...',
    its marks unpaired in tokenised copy), not a quoted name or title ('«La Hiena»', :func:`_quotes_a_phrase`)."""
    doc, before, after = run[0].doc, run[0].i - 1, run[-1].i + 1
    if before < 0 or not doc[before].is_quote or (after < len(doc) and doc[after].is_quote):
        return False
    return not _quotes_a_phrase(doc, after)


#: Most words after a name inside a quoted phrase: '" El Mundo de Ruritania de la radio "' is a title quoted.
_QUOTED_PHRASE_WORDS = 6


def _quotes_a_phrase(doc: Doc, after: int) -> bool:
    """Whether the quotation a run opens closes within a few words and no sentence ends inside it: a title or a
    phrase quoted inside the sentence ('calificó al podcasting como " El Mundo de Ruritania de la radio "'), whose
    capitalised article is the title's own."""
    for token in doc[after : after + _QUOTED_PHRASE_WORDS + 1]:
        if token.is_quote:
            return True
        if token.is_sent_end or token.text in {".", "!", "?", ":"}:
            return False
    return False


def _opens_a_name(run: list) -> bool:
    """A word of a stop list that begins the name of a known place the rest alone does not name ("Estados
    Unidos", "Buenos Aires": spaCy's Spanish stop words hold "estados" and "buenos"; "Die Schweiz" is
    "Schweiz" after an article), or of a name the article writes whole after a word in lower case ("de Nueva
    York"), the word no article. The vocabulary cannot tell here: stop words met capitalised in brands
    ("Bizim") would open every name after them."""
    if len(run) < 2 or not run[1].text[:1].isupper():
        return False
    first, second = run[0].text, run[1].text
    if is_place_name(f"{first} {second}") and not is_place_name(second):
        return True
    article = run[0].lower_ in _DETERMINERS | GERMAN_DETERMINERS
    return not article and _written_after_lower_case_word(run[0].doc[run[0].i : run[1].i + 1])


def _written_after_lower_case_word(span: Span) -> bool:
    """Whether the article writes these words, as cased here, right after a word in lower case ("vuelos a Nueva
    York"): their capitals are the name's, whatever the sentence splitter says."""
    doc = span.doc
    for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", doc.text):
        found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if found is not None and found.start and doc[found.start - 1].is_alpha and doc[found.start - 1].is_lower:
            return True
    return False


def _common_word_before_name(run: list, nouns_capitalised: bool) -> bool:
    """"Recientemente GM adelantó", "Zuvor Ruth Adler": a word the language writes in lower case
    (:func:`is_common_word`) before one the vocabulary knows as a name (:func:`is_known_name`). Before a word
    it does not know, the two may make one name of common words ("Straż Pożarna", "Fuerzas Armadas"). Not
    either when the two words name a known place or the article writes them inside a sentence too ("del
    Fondo de Apoyo"), their capital their own. Where every noun is capitalised a word after is no name alone
    ("Mehrere Zeugen"): a name of two words must follow."""
    first, second = run[0], next((t for t in run[1:] if t.text[:1].isupper()), None)  # "Casos de Italia"
    if second is None or (nouns_capitalised and len(run) < 3) or not is_common_word(first.text):
        return False
    pair = first.doc[first.i : second.i + 1]
    return is_known_name(second.text) and not is_place_name(pair.text) and not _written_inside_sentence(pair)


def _written_inside_sentence(span: Span) -> bool:
    """Whether the article writes these words, as cased here, after another word of a sentence somewhere."""
    doc = span.doc
    for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", doc.text):
        found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if found is not None and not _opens_sentence(found[0]):
            return True
    return False


def _known_surnames_opening_sentences(doc: Doc, mentions: list[Mention], quote_starts: set[int]) -> list[Mention]:
    """"Rossi afirmó que ...": a lone capitalised word opening a sentence (or a quotation) is a name when the
    article names someone with it in full ("Agustín Rossi") elsewhere; otherwise it is any capitalised first word."""
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and m.type != "PLACE"}
    return [
        _fallback_mention(doc[t.i : t.i + 1])
        for t in doc
        if t.text in surnames and (_opens_sentence(t) or t.idx in quote_starts) and not _next_is_capitalised(t)
    ]


def _connected_apart(doc: Doc, mentions: list[Mention], connectors: set[str]) -> list[Mention]:
    """Runs joined by "de"/"of" that hold two names, or a role and a name, not one name.

    Two names: both sides are also written as runs of their own, neither a place ("Macintosh de Apple"), or a
    place or a model's code (a digit or capitals: "KC-45 de Northrop Grumman", a product of its maker) opens the
    run and a name written on its own follows ("Europa de Airbus"). A role: a title word opens
    it ("CEO de Apple Computer" -> "Apple Computer"; the name must be of two words, a place, or written on its
    own, so "Ministro de Defensa" stays). One name: "Banco de España", "Sistema de Reserva Federal" ("Banco"
    and "Sistema" never stand alone), "Estados Unidos de América" (a place as a whole).
    """
    whole = Counter(m.text for m in mentions)

    def kept_sides(span: Span, connector: int) -> list[Span] | None:
        left, right = span.doc[span.start : connector], span.doc[connector + 1 : span.end]
        right_alone, right_place = whole[right.text] > 0, is_place_name(right.text)
        if len(left) == 1 and left.text.lower().rstrip(".") in TITLES and (len(right) > 1 or right_place or right_alone):
            return [right]
        if right_alone and not right_place and (whole[left.text] or is_place_name(left.text) or MARKED_NAME.search(left.text)):
            return [left, right]
        return None

    result: list[Mention] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end)
        if span is None or is_place_name(span.text):
            result.append(mention)
            continue
        sides = next((kept for t in span[1:-1] if t.lower_ in connectors and (kept := kept_sides(span, t.i))), None)
        result += [_fallback_mention(side) for side in sides] if sides else [mention]
    return result


#: A settlement's noun and "of" right before a name, in the languages read without a recogniser: "la localidad de
#: N", "il comune di N", "a cidade de N" (English and French names are typed by their parse).
_SETTLEMENT_OF = re.compile(
    r"(?<![\w-])(?:ciudad|localidad|municipio|pueblo|aldea|poblado|villa|comuna|città|comune|paese|villaggio|frazione"
    r"|cidade|vila|município|aldeia|freguesia|miasto|miasta|wieś|wsi|gmina|gminy)\s+(?:de|di|do|da|del)?\s*$",
    re.IGNORECASE,
)
#: A German settlement's noun opening a run of capitals before its name: "die Gemeinde N", "im Dorf N".
_GERMAN_SETTLEMENT = re.compile(r"(?:Stadt|Kleinstadt|Großstadt|Dorf|Gemeinde|Marktgemeinde|Ortschaft|Ort|Kreisstadt) ")


def _as_settlement(text: str, mention: Mention) -> Mention:
    """An untyped name written as a settlement's is a place: after a settlement's noun and "of" ("el municipio de
    N"), or, in German, with the noun opening the run ("die Gemeinde N" -> "N"). The gazetteer knows countries,
    regions and capitals, not towns and villages."""
    if mention.type != "MISC":
        return mention
    noun = _GERMAN_SETTLEMENT.match(mention.text)
    if noun is not None and len(mention.text.split()) == 2:
        return Mention(mention.text[noun.end() :], "PLACE", mention.start + noun.end(), mention.end)
    if _SETTLEMENT_OF.search(text, max(0, mention.start - 20), mention.start):
        return Mention(mention.text, "PLACE", mention.start, mention.end)
    return mention


def _fallback_mention(span: Span) -> Mention:
    """A capitalised run as a mention: a PLACE when the gazetteer knows it, else MISC (a capital alone
    cannot tell a person from an organisation)."""
    return Mention(span.text, "PLACE" if is_place_name(span.text) else "MISC", span.start_char, span.end_char)


def _opens_run(token) -> bool:
    """A capitalised word inside a sentence with no capitalised word before it but the sentence's first."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    return not previous.text[:1].isupper() or bool(previous.is_sent_start)


def _place_apart(span: Span, openers: Counter[str]) -> list[Span]:
    """A run that opens with a country or capital and goes on with a name the article also writes on its own
    (``openers``: how often each capitalised word opens a run): two names side by side ("presidente de Estados
    Unidos Barack Obama", with "Obama" alone elsewhere), not one ("Singapore Airlines", "Estados Unidos de
    América": "Airlines" follows other names, "de" is no name). Two words are a first name and a surname
    ("Mauricio Macri", "Jordan Henderson", with "Macri" alone elsewhere), not a place and a name, unless a
    preposition of place comes before them ("En Latinoamérica Zentra vende poco")."""
    def written_alone(word) -> bool:  # not counting the run itself: "Washington Mutual" opening a sentence
        return openers[word.text] > _opens_run(word)

    after_place_word = span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVE_PREPOSITIONS_ANY
    if len(span) < 2 or (len(span) == 2 and not after_place_word) or not any(written_alone(t) for t in span[1:]):
        return [span]  # the usual case, decided without the gazetteer
    for cut in range(span.start + 1, span.end):
        place, rest = span.doc[span.start : cut], span.doc[cut : span.end]
        if rest.text[:1].isupper() and (written_alone(rest[0]) or written_alone(rest[-1])) and is_place_name(place.text):
            return [span] if is_place_name(span.text) else [place, rest]
    return [span]


#: Languages that capitalise every noun, where a capital alone does not make a name.
CAPITALISED_NOUN_LANGUAGES = frozenset({"de", "lb"})
#: German words before a noun: articles, determiners, possessives, preposition-article contractions.
GERMAN_DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
    dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner ihr ihre
    ihren ihrem ihrer unser unsere unseren unserem im am zum zur vom beim ins ans aufs fürs""".split()
)
#: German prepositions, pronouns, conjunctions and adverbs that no name holds; not stop words that are surnames
#: too ("kurz", "lang", "klein").
GERMAN_FUNCTION_WORDS = frozenset({
    "mit", "von", "für", "seit", "in", "auf", "aus", "bei", "nach", "zu", "über", "unter", "vor", "gegen", "ohne",
    "durch", "um", "an", "ab", "bis", "trotz", "während", "wegen", "sie", "er", "es", "wir", "ihr", "ich", "du",
    "man", "wer", "was", "wo", "wie", "und", "oder", "aber", "doch", "denn", "als", "auch", "noch", "mehr",
    "jetzt", "bisher", "dies", "nun", "schon", "hier", "dort", "so", "dabei", "dazu", "damit", "zudem", "außerdem",
})  # fmt: skip
#: Subject pronouns written with a capital after a verb: "Lesen Sie", "Teilen Sie", "Fügen Sie".
_GERMAN_SUBJECT_PRONOUNS = frozenset({"sie", "er", "es", "wir", "ihr", "ich", "du", "man"})
#: German noun suffixes: a single capitalised word ending so is a common noun ("Verantwortung", "Partei").
GERMAN_NOUN_SUFFIX = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|tum|ment|"
    r"mente|enz|anz|ik|ling|chen|ei|eien|ur|uren|ität|isten|ist|sion|sionen)$"
)


#: What a German common noun never has: an acronym ("SPD", "SPÖ-Bundesorganisation") or a digit ("Covid-19").
MARKED_NAME = re.compile(r"(?:^|-)[A-ZÄÖÜ]{2,}(?:$|-)|\d")


def _without_common_nouns(doc: Doc, mentions: list[Mention], number_words: set[str]) -> list[Mention]:
    """German capitalises nouns: a one-word mention is no name when its word ever follows an article, a number
    or a quantifier, or an inflected adjective in the text ("der Wahlschlappe", "vier Verletzte", "mehreren
    Männern", "dramatische Szenen"; :func:`_after_article`), or ends like a noun ("-ung", "-heit", "-tion").
    Acronyms, words with a digit, known places and several-word names stay; so does a name that follows an
    adjective but also a preposition of place ("im westlichen Elwynburg" and "nach Elwynburg").
    On five German news texts read by hand, the fallback's list went from 134 mentions (about 46 names) to
    72 (about 43); docs/benchmarks/enrichment.md, Q7. ``number_words``: the language's ("drei", "zwölf")."""
    placed = {t.text for t in doc if t.i and doc[t.i - 1].lower_ in _LOCATIVE_PREPOSITIONS_ANY}
    nouns = {
        token.text
        for token in doc
        if token.i and token.text[:1].isupper()
        and (_after_article(token, number_words) or (_after_adjective(token) and token.text not in placed))
    }

    def is_noun(word: str) -> bool:
        return word in nouns or GERMAN_NOUN_SUFFIX.search(word.lower()) is not None or ROLE_SUFFIX.search(word) is not None

    kept = []
    for mention in mentions:
        one_word = " " not in mention.text.strip()
        if one_word and is_noun(mention.text) and mention.type != "PLACE" and not MARKED_NAME.search(mention.text):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and (span[0].lower_ in _NUMBER_NOUNS or (span.start and _is_count(doc[span.start - 1], number_words))):
            continue  # "30 Millionen Menschen", "Million Euro": what is counted is no name
        kept.append(_without_leading_noun(mention, is_noun))
    return kept


#: Nouns of numbers: a run opening with one counts something ("Million Euro", "Dutzend Mal"), it names nothing.
_NUMBER_NOUNS = frozenset({
    "million", "millionen", "milliarde", "milliarden", "dutzend", "dutzende", "hundert", "hunderte", "tausend",
    "tausende", "prozent",
})  # fmt: skip
#: Quantifiers before a plural noun ("mehreren Männern", "viele Menschen", "solche Fortschritte").
_GERMAN_QUANTIFIER = re.compile(
    r"(?:mehrer|viel|einig|zahlreich|beid|solch|wenig|etlich|weiter|ander|manch|sämtlich|jeglich|all)(?:e|en|er|es|em)"
)
#: Adjectives by their suffix and a strong ending, before a noun with no article ("dramatische Szenen",
#: "aktuelle Fallzahlen", "jüdischen Kernlandes"); not "-te" ("drohte N" is a past tense).
_GERMAN_ADJECTIVE = re.compile(r"\w{2,}(?:isch|lich|ig|bar|sam|haft|los|ell|al|iv|är|ös)(?:e|en|er|es|em)")


def _after_adjective(token) -> bool:
    """Right after an adjective in lower case that ends like one and is inflected (:data:`_GERMAN_ADJECTIVE`)."""
    before = token.doc[token.i - 1]
    return before.is_lower and _GERMAN_ADJECTIVE.fullmatch(before.lower_) is not None


def _without_leading_noun(mention: Mention, is_noun: Callable[[str], bool]) -> Mention:
    """"Bundeskanzler Olaf Scholz" -> "Olaf Scholz": role nouns before a name of two words or more go, and any
    word the vocabulary never met as a name before one it did ("Aktivistin Ruth Adler": German capitalises its
    nouns, so the encoder's vocabulary holds "Aktivistin" in no other case, and "Ruth" as a name)."""
    words = mention.text.split(" ")
    while len(words) >= 3 and _is_leading_noun(words[0], words[1], is_noun) and not MARKED_NAME.search(words[0]):
        cut = len(words[0]) + 1
        mention = Mention(mention.text[cut:], mention.type, mention.start + cut, mention.end)
        words = words[1:]
    return mention


def _is_leading_noun(word: str, following: str, is_noun: Callable[[str], bool]) -> bool:
    """A noun by the article's evidence (``is_noun``), or a word the vocabulary never met as a name before one it
    did; not the first word of a known place ("New York")."""
    if _is_known_place(f"{word} {following}"):
        return False
    return is_noun(word) or (not is_known_name(word) and is_known_name(following))


def _is_count(token, number_words: set[str]) -> bool:
    """A number of up to three digits ("30", "2,5"), a number word ("drei") or a quantifier ("mehreren"): "1010
    Wien" is a postcode, "2020" a year."""
    if token.lower_ in number_words or _GERMAN_QUANTIFIER.fullmatch(token.lower_):
        return True
    return token.like_num and len(token.text.replace(",", "").replace(".", "")) <= 3


def _after_article(token, number_words: set[str]) -> bool:
    """After a determiner ("der Wahlschlappe"), a number or quantifier ("30 Minuten", "vier Verletzte") or a
    determiner and an inflected adjective ("die neue Regierung"). An "-e" word alone is no evidence: past
    tenses end so too ("drohte N")."""
    before = token.doc[token.i - 1]
    if before.lower_ in GERMAN_DETERMINERS or _is_count(before, number_words):
        return True
    return (
        token.i >= 2
        and before.is_lower
        and before.lower_.endswith(("e", "en", "er", "es", "em"))
        and token.doc[token.i - 2].lower_ in GERMAN_DETERMINERS
    )


#: Common characters of the Chinese transliteration of foreign names (Xinhua's table). A name written with
#: a middle dot ("奥尔加·彼得连科") is read outwards from the dot over them; Chinese names have no dot
#: and no recogniser here, so they are not found.
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂敖奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德得登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰"
    "弗福富伽盖甘冈戈格根贡古瓜哈海汉豪浩赫亨洪胡华怀惠霍基吉纪加佳贾杰金卡凯坎康考柯科克肯孔库夸奎昆拉"
    "莱赖兰朗劳勒雷蕾黎里丽利莉连廉廖列林琳卢鲁路吕伦罗洛马玛迈麦曼芒毛梅美门蒙米敏明姆莫默穆纳娜奈南"
    "内尼妮涅宁纽努诺欧帕派潘庞佩彭皮平珀普奇齐恰乔钦琴琼丘屈萨塞赛桑瑟森沙莎尚绍舍申什施史舒斯松苏索"
    "塔泰坦汤唐特滕提廷通图托瓦万旺威韦维温文沃乌伍武西希锡谢辛欣休许雅亚扬耶伊因英尤于约扎泽詹朱兹"
    "佐夫娃茨龙朔翰柯"
)

#: Most characters read outwards from a middle dot: a given name, a surname.
_NAME_PART_CHARACTERS = 6
#: A Japanese foreign name: katakana parts joined by middle dots or equals signs ("ジョン・カービー").
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,})+")


def unspaced_mentions(text: str, taken: Sequence[Mention] = ()) -> list[Mention]:
    """Fallback for Chinese, Japanese, Thai, Korean and Arabic text: country names, and foreign names written with a
    middle dot (PERSON) and their surname alone wherever it recurs ("彼得连科" of "奥尔加·彼得连科")."""
    used = bytearray(len(text))  # 1 = the character is in a mention already
    for mention in taken:
        used[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    people: list[Mention] = []

    def add(name: str, start: int, end: int) -> None:
        people.append(Mention(name, "PERSON", start, end))
        used[start:end] = b"\x01" * (end - start)

    for match in _KATAKANA_NAME.finditer(text):
        add(match.group(), match.start(), match.end())
    for dot in re.finditer("[" + NAME_DOTS + "]", text):
        if used[dot.start()]:
            continue  # a katakana name's own dot, or a later part of a name already read
        start, end = _dotted_name(text, dot.start())
        if start < dot.start() and end > dot.end():
            add(text[start:end], start, end)
    for name in sorted({re.split("[" + NAME_DOTS + "=＝]", m.text)[-1] for m in people}):
        for found in re.finditer(re.escape(name), text) if len(name) >= 2 else ():
            if not any(used[found.start() : found.end()]):
                add(name, found.start(), found.end())
    places = [
        Mention(name, "PLACE", start, end)
        for name, start, end in places_in_running_text(text)
        if not any(used[start:end])
    ]
    return people + places


def _dotted_name(text: str, dot: int) -> tuple[int, int]:
    """The characters of a transliterated name around the middle dot at ``dot``, across further dots."""
    start = dot
    while start > 0 and dot - start < _NAME_PART_CHARACTERS and text[start - 1] in TRANSLITERATION_CHARACTERS:
        start -= 1
    end, part_start = dot + 1, dot + 1
    while end < len(text) and end - part_start < _NAME_PART_CHARACTERS:
        if text[end] in TRANSLITERATION_CHARACTERS:
            end += 1
        elif text[end] in NAME_DOTS and end > part_start and end + 1 < len(text) and text[end + 1] in TRANSLITERATION_CHARACTERS:
            end, part_start = end + 1, end + 1
        else:
            break
    return start, end


def _without_leading_titles(span: Span) -> Span:
    """"Minister Jan Kowalski" -> "Jan Kowalski", "Havendirecteur Maria De Luca" -> "Maria De Luca": a role word
    goes when a capitalised name of two words or more follows it; "General Motors" and "CEO de Apple" stay whole
    (no type says they are people)."""
    start = span.start
    while span.end - start > 2 and _is_title(span.doc[start].text) and span.doc[start + 1].text[:1].isupper():
        start += 1
    return span.doc[start : span.end]


def _trailing_connector(token, connectors: set[str], particles: frozenset[str]) -> bool:
    """A connector closing a run is no part of a name ("Bank of"), but a capitalised particle is a name of its
    own there: the Turkish city "Van", "Ter" of a hyphenated surname the tokenizer cut."""
    return token.lower_ in connectors and not (token.lower_ in particles and token.text[:1].isupper())


def _is_title(word: str) -> bool:
    """A title or a role written as one word before a name: "Minister", "Havendirecteur" (a compound role)."""
    return word.lower().rstrip(".") in TITLES or (word.isalpha() and ROLE_SUFFIX.search(word) is not None)


def _capitalised_after(token, particles: frozenset[str]) -> bool:
    """A capitalised word follows ``token``, right after it or past the name particles after it ("van der
    Berg"; not "de la" of "Secretario de Educación de la Ciudad", where the role's name ends)."""
    doc, after = token.doc, token.i + 1
    while after < len(doc) and doc[after].lower_ in particles and after - token.i < 3:
        after += 1
    if after >= len(doc) or not doc[after].text[:1].isupper():
        return False
    return token.text != "van" or after > token.i + 1 or _surname_van(doc[after])


def _surname_van(surname) -> bool:
    """A bare "van" before ``surname`` is a surname's particle, not "of", where the article writes the surname
    alone, its particle capitalised as Dutch spells it then ("Louis van Gaal" ... "Van Gaal zei")."""
    return re.search(rf"(?<![\w-])Van {re.escape(surname.text)}(?![\w-])", surname.doc.text) is not None


def _next_is_capitalised(token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text[:1].isupper()
