"""Cleaning rules for text input: what is not article body, recognised line by line.

Every rule names its reason (the ``Stripped.reason`` vocabulary):
"share-widget", "navigation", "boilerplate" (copyright, comment forms),
"timestamp" ("3 hours ago"), "symbols" (a line without a letter), "stray-tag",
"duplicate-title", "caption" (captions and photo credits), "dateline", "byline"
(bylines and contributor credits), "date", "source-url", "title-suffix", "update-label" ("UPDATE:"), "outlet" and
"language" (a text's own header lines); at a text's edges only "newsletter", "standards" and "copyright"
(:func:`edge_reason`). A page's, record's or feed item's title passed over as no headline is "title (date)",
"title (outlet)", "title (section)" or "title (byline)" (:func:`storyline.ingest.text.stated_title_rejection`).

No library recognises scraped-page residue in plain text (trafilatura works on
the HTML tree, which text input no longer has), so these are small hand-written
rules, each general across outlets and languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel.core import Locale
from rapidfuzz import fuzz

# --------------------------------------------------------------------------
# Share widgets

#: Words a share bar is made of: verbs, networks and filler, in several languages.
_SHARE_VERBS = {
    "share", "shares", "spread", "tweet", "retweet", "pin", "email", "e-mail", "mail", "print", "copy",
    "save", "post", "partager", "partagez", "teilen", "compartir", "compartilhar", "compartilhe",
    "condividi", "condividere", "delen", "udostępnij", "поделиться", "paylaş", "dela", "del",
    "jaa", "sdílet", "megosztás", "مشاركة", "分享", "drucken", "imprimer", "imprimir", "stampa",
    "sharen", "weiterempfehlen", "empfehlen", "empfiehl", "recommend", "like", "gefällt", "twittern",
    # Send and copy buttons: es/pt, fr, de, it.
    "enviar", "envoyer", "tweeter", "senden", "invia", "copiar", "copier", "copia",
}  # fmt: skip
_NETWORKS = {
    "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "pinterest",
    "messenger", "vk", "vkontakte", "viber", "pocket", "flipboard", "tumblr", "threads",
    "bluesky", "mastodon", "line", "wechat", "weibo", "xing", "sms", "link", "gmail",
}  # fmt: skip
_FILLER = {
    "on", "to", "via", "with", "this", "the", "article", "story", "page", "post", "it", "link",
    "opens", "in", "new", "window", "tab", "click", "sur", "par", "auf", "per", "en", "por",
    "su", "con", "na", "в", "de", "cet", "artikel", "diesen", "dieses", "esta", "este",
    "noticia", "questo", "articolo", "and", "or", "et", "und", "y", "e", "sie", "dies", "mit",
    "beitrag", "seite", "now", "friends", "your", "url", "zum", "kopieren", "ten", "geschichte",
    "deinen", "freunden", "news", "love", "word", "enlace", "lien", "le", "correo", "no",
}  # fmt: skip
#: Whole-line share phrases that are not made only of the words above.
_SHARE_PHRASES = {
    "like this", "like loading", "sharing is caring", "share the love",
    "share this", "share article", "share story", "share via", "follow us", "facebook twitter",
    "folgen sie uns", "folge uns", "suivez nous", "síguenos", "seguici", "gefällt mir",
    "sei der erste dem dies gefällt", "be the first to like this",
}  # fmt: skip

# --------------------------------------------------------------------------
# Navigation

#: Subscribe buttons alone on a line (es, fr, de, it, pt).
SUBSCRIBE_LABELS = (
    "suscríbete", "suscribirse", "suscríbase", "abonnez-vous", "s'abonner", "je m'abonne", r"(?:jetzt )?abonnieren",
    "iscriviti", "abbonati", "assine(?: já)?", "inscreva-se",
)  # fmt: skip
SUBSCRIBE_BUTTON = rf"^(?:{'|'.join(SUBSCRIBE_LABELS)})!?$"

_NAV_WHOLE = re.compile(
    r"^(?:previous|prev|next|older|newer)(?: (?:article|post|story|page|item|entry))?$"
    r"|^(?:article|post|story) (?:précédent|suivant)e?$"
    r"|^(?:advertisement|advertising|sponsored|anzeige|publicité|publicidad|pubblicità|реклама)$"
    r"|^(?:skip to (?:main )?content|back to top|scroll to top|go to top|home|menu|close)$"
    r"|^(?:you are (?:here|at)|sie sind hier|vous êtes ici|usted está aquí|estás en|ti trovi in)\s*:?$"
    r"|^(?:read|continue reading|load) more$"
    r"|^(?:subscribe|sign up|log in|login|register)(?: now| today| to our newsletter)?$"
    rf"|{SUBSCRIBE_BUTTON}"
    # Headings of link lists and comment sections (en, de, fr, es, it, pl, ru).
    r"|^(?:related|more|similar|recommended|popular|trending|latest|top|most (?:read|popular|viewed))"
    r" (?:articles|stories|posts|news|topics|content|reads)$|^(?:most popular|most read|top stories)$"
    r"|^(?:ähnliche|verwandte|weitere|neueste|meistgelesene) (?:beiträge|artikel|themen|nachrichten)$"
    r"|^(?:vorheriger|nächster) (?:artikel|beitrag)$|^(?:zurück zur (?:übersicht|startseite)|nach oben|weiterlesen)$"
    r"|^(?:das könnte (?:sie|dich) auch interessieren|meist gelesen|schon gelesen)$"
    r"|^(?:articles? (?:liés|similaires|recommandés)|à lire également|sur le même sujet)$"
    r"|^(?:temas relacionados|noticias relacionadas|artículos relacionados|articoli correlati)$"
    r"|^(?:zobacz (?:także|też)|похожие (?:статьи|новости)|другие новости)$"
    r"|^(?:leave a (?:reply|comment)|\d+ comments?|comments|add (?:a )?comment|post a comment"
    r"|schreibe einen kommentar|kommentar (?:verfassen|schreiben|hinzufügen)|\d+ kommentare|kommentare"
    r"|laisser un commentaire|\d+ commentaires|deja un comentario|lascia un commento)$",
    re.IGNORECASE,
)
#: Labels that introduce a link to another article ("Lea también: <headline>"), by language. Alone on a line
#: or before a separator only: "Lea también el informe" is a sentence.
RELATED_LABELS = {
    "en": (
        r"related(?: article| articles| story| stories| content| news| posts| coverage| reading)?",
        "read more", "read also", "also read", "read next", "see also", r"more on this(?: story)?",
        r"more from [\w ]{1,30}", r"recommended(?: for you)?", r"you (?:may|might) also like",
        r"trending(?: now)?", "most read", "popular",
    ),
    "es": (
        "lea también", "lee también", "leer también", "lea además", "vea también", "ver también", "leer más",
        "te puede interesar", "le puede interesar", "te podría interesar", "quizás te interese",
        r"(?:noticias|notas|artículos) relacionad[ao]s", "relacionad[ao]s?",
    ),
    "fr": (
        "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
        "à voir aussi", "vous aimerez aussi", "vous pourriez aussi aimer", "sur le même sujet",
    ),
    "de": (
        r"lesen sie (?:auch|mehr)", "mehr zum thema", "auch interessant", "ebenfalls interessant", "siehe auch",
        "weitere informationen", "das könnte sie auch interessieren",
    ),
    "it": ("leggi anche", "leggi pure", "potrebbe interessarti(?: anche)?", "ti potrebbe interessare", "vedi anche"),
    "pt": ("leia também", "leia mais", "veja também", "saiba mais", "pode interessar", "você pode gostar"),
    "nl": ("lees ook",),
    "pl": ("czytaj też", "czytaj także"),
    "ru": ("читайте также", "смотрите также", "читайте по теме"),
    "tr": ("ayrıca bakınız",),
}  # fmt: skip
RELATED_LABEL = "|".join(label for labels in RELATED_LABELS.values() for label in labels)
#: What separates a label from the headline it introduces ("Te puede interesar ⇩", "Auch interessant...").
LABEL_SEPARATOR = r"\s*(?:[:|›»>–—⇩↓…-]|\.\.\.)"
#: A heading that introduces a link to another article ("Related article: ...") or a tag list ("Tags: a, b").
_NAV_PREFIX = re.compile(
    rf"^(?:{RELATED_LABEL}"
    r"|tags|tagged(?: with)?|topics|categories|category|filed under|themen|thema|schlagworte|schlagwörter"
    r"|kategorien?|getaggt mit|mots-clés|étiquettes|etiquetas|temas|tematy|теги|темы)"
    rf"(?:{LABEL_SEPARATOR}\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
#: Most words a "Related article: <headline>" line may have.
_NAV_MAX_WORDS = 25

#: A rights notice: always boilerplate, even when it names an agency ("© 2019 AP. All rights reserved").
_RIGHTS = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
    r"|tutti i diritti riservati|все права защищены|may not be (?:published|reproduced|redistributed)",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:copyright\b|©|\(c\) \d{4})"
    r"|your email address will not be published|required fields are marked|save my name, email"
    r"|deine e-mail-adresse wird nicht veröffentlicht|ihre e-mail-adresse wird nicht veröffentlicht"
    r"|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|tu dirección de correo electrónico no será publicada"
    r"|^(?:cancel reply|leave a reply cancel reply|post comment|submit comment|view comments|show comments"
    r"|load comments|continue reading the main story|back to gallery|learn more|privacy policy|terms of (?:use|service)"
    r"|reply|write a comment|comments are closed|kommentieren|kommentare geschlossen|antworten|répondre|responder"
    r"|hinterlasse (?:eine antwort|einen kommentar)|notify me (?:of|when) new comments.*|.*uses akismet to reduce spam.*"
    r"|diese website verwendet akismet.*|newsletter(?: abonnieren)?|subscribe to (?:our|the) newsletter"
    r"|(?:wir verwenden|we use|diese website (?:speichert|verwendet)|this website uses) cookies.*|was sind cookies\??"
    r"|privacy|anmelden|abmelden|sign in|log out|watch this next|lade weitere inhalte"
    r"|cookie (?:policy|settings)|accept (?:all )?cookies"
    r"|impressum|datenschutz(?:erklärung)?|mentions légales|aviso legal)$"
    r"|^the post .{1,250} appeared first on .{1,120}$",  # WordPress's feed footer
    re.IGNORECASE,
)
#: A call to subscribe, in the languages of the corpora we read: "Subscribe to our newsletter for the latest updates".
#: A widget anywhere in a page's blocks (:mod:`.html_blocks`); in plain text only at the edges (:func:`edge_reason`).
NEWSLETTER_CALL = (
    r"sign up (for|to) (our|the)\b.*newsletter|subscribe to (our|the)\b.*newsletter|thanks for signing up"
    r"|keep an eye on your inbox|there was an error processing your subscription|delivered (straight )?to your inbox"
    r"|newsletter abonnieren|jetzt (kostenlos )?abonnieren|inscrivez-vous à (notre|la) newsletter"
    r"|suscr[ií]bete a (nuestro|nuestra|la) (newsletter|bolet[ií]n)|iscriviti alla (nostra )?newsletter"
    r"|right (in|to) your inbox|subscribe to\b.{0,40}\bnewsletters?\b|^subscribe (today|now)\W*$|\bsubscribe today!"
)
_NEWSLETTER = re.compile(NEWSLETTER_CALL, re.IGNORECASE)
#: An outlet's standards footer: "Our Standards: The ... Trust Principles.", "Read our editorial guidelines".
_STANDARDS = re.compile(
    r"^(?:(?:read |about |see )?our (?:standards|editorial (?:standards|guidelines|values|policy)|ethics(?: policy)?"
    r"|code of (?:ethics|conduct)|journalistic (?:standards|principles)|corrections policy)"
    r"|editorial (?:standards|guidelines)|why you can trust\b)\b"
    r"|\btrust principles\W*$",
    re.IGNORECASE,
)
#: "© 2025 Ruritania Press", "Copyright 2024-2025 Harbour Wire": a copyright line, a year and a name.
_DATED_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d\d\b", re.IGNORECASE)
#: Longest line the boilerplate patterns apply to, in words.
_BOILERPLATE_MAX_WORDS = 30
#: "3 hours ago", "10H ago", "1 day ago", "vor 2 Stunden", "il y a 3 heures".
_RELATIVE_TIME = re.compile(
    r"^(?:\d+\s*(?:s|m|h|d|w|sec|secs|min|mins|hr|hrs|seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago"
    r"|vor \d+ (?:sekunden|minuten|stunden|tagen|wochen)|il y a \d+ (?:secondes?|minutes?|heures?|jours?)"
    r"|hace \d+ (?:segundos?|minutos?|horas?|días?)|just now|yesterday|today)"
    r"(?:\s+\d+ (?:photos|videos|images))?$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------
# Stray HTML

_TAG_NAMES = (
    r"p|br|div|span|em|strong|b|i|u|a|li|ul|ol|h[1-6]|figure|figcaption|img|blockquote|section"
    r"|article|header|footer|nav|aside|table|tr|td|th|tbody|thead|small|sup|sub|hr|iframe|script"
    r"|style|font|center|picture|source|time|mark|q|cite|abbr"
)
#: A tag, whole or broken: "<p>", "< /p>", "</div >", "<br/>", "<a href=...>".
_TAG = re.compile(rf"<\s*/?\s*(?:{_TAG_NAMES})\b[^<>]*>|<\s*/?\s*(?:{_TAG_NAMES})\s*/?\s*$", re.IGNORECASE)
#: A script or style element with its content, which a page never shows: "<script>alert(1)</script>".
_CODE_ELEMENT = re.compile(r"<\s*(script|style)\b[^<>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE)
#: A closing tag that lost its "<": "text. /p>".
_BROKEN_CLOSE = re.compile(rf"(?<![\w<])/\s*(?:{_TAG_NAMES})\s*>", re.IGNORECASE)
_ONLY_TAGS = re.compile(rf"^(?:\s|<\s*/?\s*(?:{_TAG_NAMES})\b[^<>]*>?|/\s*(?:{_TAG_NAMES})\s*>)+$", re.IGNORECASE)
#: A markdown image: "![alt](src)", "![alt](<src with spaces> "title")" (the source may hold one level of
#: balanced parentheses, as in a link).
_MD_IMAGE = re.compile(
    r"!\[[^\[\]]*\]\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)

# --------------------------------------------------------------------------
# Captions and photo credits

#: Photo and picture agencies, and news agencies as they appear in credits.
_PHOTO_AGENCIES = (
    r"Getty Images|Getty|AFP|AP Photo|AP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|ZUMA(?: Press)?(?: Wire)?"
    r"|Shutterstock|Alamy|Sipa(?: USA)?|Xinhua|TASS|Sputnik|Anadolu(?: Agency)?|dpa|picture alliance"
    r"|Imago|Bloomberg|NurPhoto|SOPA Images|LightRocket|Wikimedia Commons|Flickr|Pool|Handout|iStock"
    r"|Kremlin\.ru|Press Service|Presidency|Ministry"
)
_CREDIT_PATTERNS = (
    # "Photo: Jane Doe", "Image credit - AFP", "Foto: dpa", "Crédit photo : ...".
    re.compile(
        r"^\(?(?:photo|photos|image|images|picture|pictures|foto|fotos|photograph|illustration"
        r"|video|credit|credits|crédit(?: photo)?|bild|bildquelle|source|photo credit|image credit"
        r"|file photo|фото)\s*(?:credit)?\s*[:/©|–—-]",
        re.IGNORECASE,
    ),
    # "© Reuters", "(AFP)", "AFP/Getty Images", "Jane Doe / AFP".
    re.compile(r"^\(?©"),
    re.compile(rf"^\(?(?:{_PHOTO_AGENCIES})(?:\s*(?:/|via)\s*(?:{_PHOTO_AGENCIES}))?\s*(?:photo)?\)?\.?$"),
    re.compile(rf"(?:/|\bvia)\s*(?:{_PHOTO_AGENCIES})[\w .'&-]*\)?\.?$"),
    # "Iranian Presidency via ZUMA Press Wire": capitalised names "via" capitalised names.
    re.compile(r"^\(?[A-Z][\w.'&-]*(?: [A-Z&][\w.'&-]*){0,6} via [A-Z][\w.'&-]*(?: [A-Z&][\w.'&-]*){0,5}\)?$"),
    re.compile(r"\((?:photo|image|picture|foto)s?(?: by| credit)?\s*[:]?\s*[^()]{2,60}\)\.?$", re.IGNORECASE),
)
_CAPTION_PREFIX = re.compile(
    r"^(?:caption|pictured|file photo|above|top|photo|image|foto|légende|bildunterschrift)\s*[:|–—-]",
    re.IGNORECASE,
)
#: A run of at least MENU_MIN_RUN lines of at most MENU_ITEM_MAX_WORDS words is a menu.
MENU_ITEM_MAX_WORDS = 4
MENU_ITEM_MAX_CHARS = 30
MENU_MIN_RUN = 5
#: "2. Marco Rubio": a numbered list in the body, never a menu.
_LIST_NUMBER = re.compile(r"^\d+[.)]\s")
#: Longest credit line, in words; credits are short.
_CREDIT_MAX_WORDS = 12
#: Longest caption line, in words.
_CAPTION_MAX_WORDS = 45

# --------------------------------------------------------------------------
# Datelines, bylines, date lines, source URLs

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
#: A day written before its month: "18", German "18.", French "1er" (the first of the month, as French writes it).
_DAY_FIRST = r"(?:1er|\d{1,2}\.?)"
#: The date of a dateline: "Dec 18", "Dec. 18, 2022", "18 décembre 2022", "18. Dezember 2022", "18 декабря".
#: A month in another language only with a year ("LONDON, 5 things -" stays prose); ingest takes a date
#: with a year for the article's when it has none (``finalize``).
_DATELINE_DATE = (
    rf"(?P<date>{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|{_DAY_FIRST} {_MONTH}(?: \d{{4}})?"
    rf"|{_DAY_FIRST} [^\W\d_]{{3,}}\.?(?: \d{{4}})?)"
)
#: A month name in another language without a year: a dateline date only before an agency in brackets
#: ("БЕРЛИН, 12 марта (Рейтер) -").
_OTHER_MONTH_NO_YEAR = re.compile(rf"^{_DAY_FIRST} (?!{_MONTH}$)[^\W\d_]{{3,}}\.?$")
#: Capital letters a dateline's place may start with: Latin, accented Latin, Cyrillic ("ТЕГЕРАН").
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
#: "MOSCOW (Reuters) -", "PARIS, Dec 18 (AFP) -", "WASHINGTON (AP) —", "KYIV, Ukraine —", "SAN DIEGO ―" (a bar).
_DATELINE = re.compile(
    rf"^(?P<text>(?P<place>[{_UPPER}][{_UPPER}.'’\-]+(?: [{_UPPER}][{_UPPER}.'’\-]+){{0,3}}"
    rf"(?:, [{_UPPER}][\w.'’\-]+(?: [{_UPPER}][\w.'’\-]+){{0,2}})?)"
    rf"(?:,? {_DATELINE_DATE})?"
    rf"\s*(?:\((?P<agency>[^\W\d_][\w .&/-]{{0,40}})\))?\s*[-–—―]+)\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
#: Same, with a title-case place, accepted only with an agency in brackets: "Moscow (AFP) -".
_DATELINE_TITLECASE = re.compile(
    rf"^(?P<text>(?P<place>[{_UPPER}][\w.'’\-]+(?: [{_UPPER}][\w.'’\-]+){{0,3}})"
    rf"(?:,? {_DATELINE_DATE})?"
    rf"\s*\((?P<agency>[^\W\d_][\w .&/-]{{0,40}})\)\s*[-–—―:]+)\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_BYLINE = re.compile(
    r"^(?:by|par|von|por|di|door|av|af|eftir|na|oleh|autor|автор|author|written by|reporting by)\s*[:]?\s+"
    r"(?P<name>\S.{0,100})$",
    re.IGNORECASE,
)
_BYLINE_MAX_WORDS = 12
#: Who else worked on the text: "(Reporting by Jane Doe; Editing by John Roe)",
#: "The Associated Press contributed to this report."
_CONTRIBUTORS = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|writing|editing)\s+by\b[^()]{0,200}\)?\.?$"
    r"|^(?P<who>[^.]{2,80}?) contributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\.?$",
    re.IGNORECASE,
)
#: A line that is only an agency credit: "(AFP)", "— Reuters", "With AFP", "Source: dpa".
_AGENCY_TAG = re.compile(r"^[(\[—–/-]*\s*(?:with|source|sources|quelle|fuente|fonte|avec)?\s*:?\s*(?P<name>[^()\[\]]{2,40}?)\s*[)\]]*\.?$", re.IGNORECASE)
_DATE_LABELS = (
    r"(?:first |last )?(?:published|posted|updated|modified)|date|dated|publié|mis à jour|veröffentlicht"
    r"|aktualisiert|publicado|actualizado|pubblicato|aggiornato|опубликовано|обновлено"
)
#: Words a date line holds besides the date: labels ("Last updated at", "FOR IMMEDIATE RELEASE"),
#: connectives, times ("11:41am", "1052", "p.m."), zones ("GMT", "EDT", "GMT+01:00").
_DATE_LINE_WORDS = re.compile(
    rf"\b(?:{_DATE_LABELS}|for immediate release|released?|created|edited|story|article|time|on|at|le|am"
    r"|de|del|du|the|and)\b"
    r"|\b\d[\d:.]*\s?(?:[ap]\.?\s?m\b\.?|[ap]\b)?"
    r"|\b(?:[ap]\.?\s?m\b\.?)"
    r"|(?-i:\b(?:[A-Z]{1,4}T|UTC|GMT[+-]?[\d:]*)(?![a-z]))",
    re.IGNORECASE,
)
#: Words of their own (not date, label or time) a date line may carry: an agency, a place ("Reuters", "MUMBAI").
DATE_LINE_OTHER_WORDS = 2
_DATE_PREFIX = re.compile(rf"^(?:{_DATE_LABELS})?\s*(?:on|at|le|am)?\s*[:|]?\s*", re.IGNORECASE)
#: "First Published: Tuesday, November 19, 2019": a date line wherever it is.
_LABELLED_DATE = re.compile(rf"^(?:{_DATE_LABELS})\s*(?:on|at|le|am)?\s*[:|]?\s*\S", re.IGNORECASE)
_URL = r"<?(?P<url>https?://[^\s<>]+)>?"
_SOURCE_URL = re.compile(
    rf"^(?:original url|original article|original link|source url|source|url|link|lien|quelle"
    rf"|fuente|fonte|источник)\s*:\s*(?:{_URL}|(?P<other>[a-z][a-z0-9+.-]*:\S+))?$",
    re.IGNORECASE,
)
_BARE_URL = re.compile(rf"^{_URL}$")
#: "[text](url)" -> "text"; "<https://...>" autolinks are handled as bare URLs.
#: A markdown link; its target may hold one level of balanced parentheses, as CommonMark allows
#: ("https://en.wikipedia.org/wiki/Bill_(law)", "javascript:alert(4)").
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
#: Separators between a headline and the site or section name appended to it.
_TITLE_PIPE = re.compile(r"\s+(?:\||::)\s+")
_TITLE_DASH = re.compile(r"\s+[–—-]\s+|:\s+")
_TITLE_SUFFIX_MAX_WORDS = 4


@dataclass
class Dateline:
    """A dateline split off the start of a paragraph."""

    text: str
    place: str | None
    agency: str | None
    rest: str
    #: The date as written ("Dec 18, 2022"), when the dateline carries one.
    date: str | None = None


def fold(text: str) -> str:
    """Lowercase, accents and punctuation gone, single spaces: for comparing lines."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s-]", " ", text.casefold())
    return " ".join(text.split())


def unlink_markdown(text: str) -> str:
    """``[AFP](#)`` -> ``AFP``: keep a markdown link's text, drop its target."""
    return _MD_LINK.sub(r"\1", text)


def is_share_widget(line: str) -> bool:
    """A line made only of share buttons: "Share", "Tweet", "Share on Facebook", "Spread the word"."""
    if len(line) > 120:
        return False
    folded = fold(line)
    if not folded:
        return False
    if folded in _SHARE_PHRASES:
        return True
    words = folded.split()
    if len(words) > 12:
        return False
    known = _SHARE_VERBS | _NETWORKS | _FILLER
    return all(w in known for w in words) and any(w in _SHARE_VERBS | _NETWORKS for w in words)


def is_boilerplate(line: str) -> bool:
    """Copyright and legal lines, comment-form prompts, cookie notices."""
    text = line.strip()
    return len(text.split()) <= _BOILERPLATE_MAX_WORDS and bool(_RIGHTS.search(text) or _BOILERPLATE.search(text))


def edge_reason(line: str) -> str | None:
    """Why a line at the very start or end of a text is the outlet's furniture: a subscribe call ("newsletter"),
    a standards footer ("standards"), a dated copyright ("copyright"). Only at the edges: inside a story such
    words may be prose ("Our standards have slipped," she said)."""
    text = line.strip()
    if len(text.split()) > _BOILERPLATE_MAX_WORDS:
        return None
    if _NEWSLETTER.search(text):
        return "newsletter"
    if _STANDARDS.search(text):
        return "standards"
    if _DATED_COPYRIGHT.match(text) or _RIGHTS.search(text):
        return "copyright"
    return None


def is_relative_timestamp(line: str) -> bool:
    """A teaser's age ("3 hours ago"): not a publication date, not body."""
    return bool(_RELATIVE_TIME.match(line.strip()))


def has_no_letters(line: str) -> bool:
    """Bullets, arrows, "×", "...", lone numbers: no word in it."""
    return not any(c.isalpha() for c in line)


#: A teaser's link at the end of its cut text: "… Read more", "... Continue reading →".
_READ_MORE = re.compile(
    r"\s*(?P<cut>…|\.\.\.|\[(?:…|\.\.\.)\])?\s*(?P<link>(?:read more|continue reading|read the full (?:story|article)"
    r"|weiterlesen|lire la suite|leer más|seguir leyendo|leggi tutto|continua a leggere|читать далее)\s*[»›→>.]*)$",
    re.IGNORECASE,
)


def split_read_more(line: str) -> tuple[str, str | None]:
    """"Text … Read more" -> ("Text …", "Read more"): the link goes, the cut mark stays (the text is partial).
    Without a cut mark only a capitalised link after a finished sentence ("... on Monday. Read more »"), so
    "I want to read more." stays."""
    match = _READ_MORE.search(line)
    if match is None or match.start() == 0:
        return line, None
    head = line[: match.start()]
    if not match.group("cut") and not (head.rstrip()[-1:] in ".!?\"”" and match.group("link")[:1].isupper()):
        return line, None
    return head + (" …" if match.group("cut") else ""), match.group("link")


def residue_reason(line: str) -> str | None:
    """Why ``line`` is page residue wherever it appears, or ``None`` if it may be body."""
    if is_only_tags(line):
        return "stray-tag"
    if is_only_images(line):
        return "image"
    if is_share_widget(line):
        return "share-widget"
    if is_navigation(unlink_markdown(line)):
        return "navigation"
    if is_boilerplate(line) and not is_credit(line):
        return "boilerplate"
    if is_relative_timestamp(line):
        return "timestamp"
    if has_no_letters(line):
        return "symbols"
    return None


def is_navigation(line: str) -> bool:
    """Links to other pages: "Next post", "Related article: <headline>", "Read more"."""
    text = line.strip().strip("«»›>|·•").strip().rstrip(" .…").strip()
    if _NAV_WHOLE.match(text):
        return True
    match = _NAV_PREFIX.match(text)
    return bool(match) and len((match.group("rest") or "").split()) <= _NAV_MAX_WORDS


def remove_stray_tags(text: str) -> tuple[str, list[str]]:
    """Remove HTML tags and broken tag remnants ("< /p>", "/p>") from inside text, a script or style element
    with its code (its content is no text of the page)."""
    return _remove(text, _CODE_ELEMENT, _TAG, _BROKEN_CLOSE)


def remove_markdown_images(text: str) -> tuple[str, list[str]]:
    """Remove markdown images ("![alt](src)") from inside text: page furniture copied with it, whose alt
    text is no sentence of the article (a linked image, "[![alt](src)](href)", leaves an empty link)."""
    return _remove(text, _MD_IMAGE)


def is_only_images(line: str) -> bool:
    """A line with nothing but markdown images (linked or not)."""
    return bool(_MD_IMAGE.search(line)) and not unlink_markdown(_MD_IMAGE.sub("", line)).strip()


def _remove(text: str, *patterns: re.Pattern[str]) -> tuple[str, list[str]]:
    """``text`` without what ``patterns`` match (in turn), spaces tidied where something went, and the removed parts."""
    removed: list[str] = []

    def note(match: re.Match[str]) -> str:
        removed.append(match.group(0))
        return " "

    cleaned = text
    for pattern in patterns:
        cleaned = pattern.sub(note, cleaned)
    if removed:
        cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", " ".join(cleaned.split()))
    return cleaned, removed


def is_only_tags(line: str) -> bool:
    """A line with nothing but tags or tag remnants."""
    return bool(line.strip()) and bool(_ONLY_TAGS.match(line))


def is_credit(line: str) -> bool:
    """A photo credit: "Photo: Jane Doe", "(AFP)", "Getty Images", "Name via Agency"."""
    text = line.strip()
    if not text or len(text.split()) > _CREDIT_MAX_WORDS or _RIGHTS.search(text):
        return False
    return any(rx.search(text) for rx in _CREDIT_PATTERNS)


def is_credit_only(line: str) -> bool:
    """A credit with no caption text of its own, so the caption is the line next to it."""
    embedded = _CREDIT_PATTERNS[-1].search(line)
    return is_credit(line) and (embedded is None or len(line[: embedded.start()].split()) < 3)


def is_captioned(line: str) -> bool:
    """A line that is a caption by its own form: "Caption: ...", or ending in "(Photo: ...)"."""
    text = line.strip()
    if len(text.split()) > _CAPTION_MAX_WORDS:
        return False
    return bool(_CAPTION_PREFIX.match(text)) or bool(_CREDIT_PATTERNS[-1].search(text))


def could_be_caption(line: str) -> bool:
    """Short enough to be the caption that goes with a neighbouring credit."""
    return 0 < len(line.split()) <= _CAPTION_MAX_WORDS


def is_menu_item(line: str) -> bool:
    """A line that could be one entry of a menu: a few words, not a sentence."""
    text = line.strip()
    return (
        0 < len(text.split()) <= MENU_ITEM_MAX_WORDS
        and not _LIST_NUMBER.match(text)
        and len(text) <= MENU_ITEM_MAX_CHARS
        and not text.endswith((".", "!", "?", ":", ",", ";", '"', "”", "。", "、", "」", "）"))
    )


def is_duplicate_title(line: str, title: str) -> bool:
    """The title repeated (quotes, case and punctuation may differ)."""
    if len(line) > 1.2 * len(title) + 5 or len(line) < 0.6 * len(title):
        return False
    a, b = fold(line), fold(title)
    # The title's head alone also counts: "Headline" repeating "Headline - Site".
    return bool(a) and bool(b) and (a == b or b.startswith(a + " ") or fuzz.ratio(a, b) >= 92)


def compact(text: str) -> str:
    """``fold`` without spaces or hyphens: "The New York Times" == "thenewyorktimes"."""
    return re.sub(r"[\s_-]+", "", fold(text))


def _name_like(part: str, max_words: int = _TITLE_SUFFIX_MAX_WORDS) -> bool:
    return (
        part[:1].isalpha()
        and part[:1].isupper()
        and not part.rstrip("'\"’”»").endswith((".", "?", "!", ","))
        and len(part.split()) <= max_words
    )


def split_title_suffix(title: str, site_names: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """"Headline | Section" or "Headline - Site" -> ("Headline", the suffix), else (title, None).

    A short name after a pipe is a site or section name. After a dash or colon it must
    be the site's own name (``site_names``, compacted), because a dash also joins
    a headline to its subtitle ("Talks stall - minister", "Brexit: what next").
    """
    piped = _TITLE_PIPE.split(title)
    if len(piped) > 1 and len(piped[0].split()) >= 3 and all(_name_like(p) for p in piped[1:]):
        return piped[0].strip(), title[len(piped[0]) :].strip(" |:")
    dashed = _TITLE_DASH.split(title)
    if len(dashed) > 1 and compact(dashed[-1]) in site_names:
        head = title[: len(title) - len(dashed[-1])].rstrip(" -–—:")
        return head, dashed[-1].strip()
    return title, None


#: An update label on a headline: "UPDATE: Ferry sinks", "UPDATED 2-Ferry sinks", "Ferry sinks (updated)",
#: "Ferry sinks - UPDATE", "Ferry sinks [Update 2]".
_UPDATE_LABEL = re.compile(
    r"^\s*(?P<lead>updated?(?:\s+\d+)?\s*(?::|\s-|-|–|—)\s*)(?=\S)"
    r"|(?P<trail>\s*(?:[(\[]\s*updated?(?:\s+\d+)?\s*[)\]]|\s[-–—|]\s+updated?(?:\s+\d+)?:?))\s*$",
    re.IGNORECASE,
)


def split_update_label(title: str) -> tuple[str, str | None]:
    """"UPDATE: Ferry sinks" or "Ferry sinks (updated)" -> ("Ferry sinks", the label), else (title, None): the
    label says the story was revised, the headline is the rest."""
    match = _UPDATE_LABEL.search(title)
    if match is None:
        return title, None
    head = (title[match.end() :] if match.group("lead") else title[: match.start()]).strip()
    return (head, match.group(0).strip()) if head else (title, None)


def _agencyless_dateline_ok(text: str, place: str) -> bool:
    """Without "(Agency)": "PLACE —", or with a plain hyphen a longer or comma'd place
    ("BERLIN -", "NASHUA, N.H. -"), so that "NATO - the alliance..." stays prose. A town of up to three words
    before its state ("WEST PALM BEACH, Fla. —")."""
    if len(place.split(",")[0].split()) > 3:
        return False
    long_place = "," in place or sum(c.isalpha() for c in place) >= 5
    return text.rstrip().endswith(("—", "–", "―", "--")) or long_place


def split_dateline(paragraph: str) -> Dateline | None:
    """"PARIS, Dec 18 (AFP) - Text" -> place "PARIS", agency "AFP", rest "Text"."""
    match = _DATELINE.match(paragraph) or _DATELINE_TITLECASE.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    if not match.group("agency") and not _agencyless_dateline_ok(match.group("text"), place):
        return None
    if not match.group("agency") and _OTHER_MONTH_NO_YEAR.match(match.group("date") or ""):
        return None  # "LONDON, 5 things -" is prose
    if not (match.group("agency") or match.group("date") or place.isascii()):
        return None  # "США — крупнейшая экономика": Russian writes "X — Y" for "X is Y"
    if sum(c.isalpha() for c in place) < 3:
        return None
    rest = match.group("rest").strip()
    return Dateline(match.group("text").strip(), place.strip(" ,"), match.group("agency"), rest, match.group("date"))


#: A credit opening the story with no place: "(Reuters) — The attorney general...".
_OPENING_CREDIT = re.compile(r"^(?P<text>\((?P<agency>[^\W\d_][\w .&/-]{1,40})\)\s*[-–—―]+)\s+(?P<rest>\S.*)$", re.DOTALL)


def split_opening_credit(paragraph: str) -> Dateline | None:
    """"(Reuters) — Text" -> agency "Reuters", rest "Text": a dateline without its place. Whether the name is an
    agency's ("(Leipzig) -" is a place's) is for the caller to say."""
    match = _OPENING_CREDIT.match(paragraph)
    if match is None:
        return None
    return Dateline(match.group("text"), None, match.group("agency").strip(), match.group("rest").strip())


def split_lone_dateline(paragraph: str, following: str) -> Dateline | None:
    """"WASHINGTON —" printed on a line of its own above the lede it opens: the dateline of the two read as one."""
    dateline = split_dateline(f"{paragraph.strip()} {following.strip()}")
    return dateline if dateline is not None and dateline.text == paragraph.strip() else None


def shouts(text: str) -> bool:
    """Written in capitals: no lower-case letter, and two words of four letters or more (not an acronym or two)."""
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    return len(words) >= 2 and not any(c.islower() for c in text) and any(c.isupper() for c in text)


def parse_byline(line: str) -> str | None:
    """"By Jane Doe and John Roe" -> "Jane Doe and John Roe"; ``None`` if not a byline."""
    match = _BYLINE.match(unlink_markdown(line).strip())
    if match is None or len(match.group("name").split()) > _BYLINE_MAX_WORDS:
        return None
    name = match.group("name").strip(" ,|·-")
    if not name[:1].isupper() or name.endswith(":"):
        return None
    return name if not name.endswith((".", "?", "!")) or len(name.split()) <= 3 else None


def contributors(line: str) -> tuple[bool, str | None]:
    """Whether ``line`` credits contributors, and who "contributed to this report" if named."""
    match = _CONTRIBUTORS.match(line.strip())
    return (True, match.group("who")) if match else (False, None)


#: One reporter's credit in a wire story's credit line, less the place it was filed from: "Reporting by Olga
#: Petrenko in Port Elwyn" -> "Olga Petrenko". Editors and additional reporters sign no byline.
_REPORTER_CREDIT = re.compile(r"^(?:reporting|writing)\s+by\s+(?P<names>.+?)(?:\s+in\s+\S.*)?$", re.IGNORECASE)
#: The place one reporter of a list filed from, to the end of their part of it: " in the Gaza Strip".
_FILED_IN = re.compile(r"\s+in\s+\S.*$", re.DOTALL)
#: Where one role's credit ends in a credit line: a semicolon, or a comma before the next role ("Reporting by Olga
#: Petrenko, editing by Ruth Adler", "..., with reporting by Marco Bell").
_CREDIT_PARTS = re.compile(r";|,\s*(?=(?:(?:with|additional|further)\s+)*(?:reporting|writing|editing)\s+by\b)", re.IGNORECASE)


#: What separates the names of a list of people: commas, and the word before the last one in a few languages.
_NAME_LIST = re.compile(r"\s*,\s*(?:(?:and|y|et|und|e)\s+)?|\s+(?:and|y|et|und|e|&)\s+")
#: Words of a person's name in such a list: "Olga Petrenko", "Ines Vidal de la Fuente" (particles allowed).
_PERSON = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s+(?:(?:de|da|del|der|van|von|la|le|bin|al)\s+)*[A-ZÀ-ÖØ-Þ][\w.'’-]+){1,3}$")


#: Words of a reporter's role written after their name ("Marco Bell, Staff Writer"): no second person.
_ROLE_WORD = re.compile(
    r"(?i)\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|photographer|producer|journalist|"
    r"intern|bureau|desk|correspondant|rédacteur|rédactrice|corresponsal|redactor|redactora|periodista|"
    r"redakteur|redakteurin|korrespondent|korrespondentin)s?\b"
)


def persons(names: str) -> list[str]:
    """"Olga Petrenko, Marco Bell and Ruth Adler" -> the three people; ``[names]`` unless every part is a person's
    name of two to four words and no role ("Procter and Gamble", "Marco Bell, Staff Writer" stay one)."""
    parts = [part for part in _NAME_LIST.split(names.strip()) if part]
    people = len(parts) > 1 and all(_PERSON.match(part) and not _ROLE_WORD.search(part) for part in parts)
    return parts if people else [names.strip()]


def credited_reporters(line: str) -> str | None:
    """The reporters and writers a contributor line names ("Reporting by Olga Petrenko; Writing by Ruth Adler;
    Editing by Ines Vidal" -> "Olga Petrenko; Ruth Adler"), or ``None``: wire copy signs there, not in a byline."""
    if not _CONTRIBUTORS.match(line.strip()) or " contributed " in line:
        return None
    parts = [part.strip() for part in _CREDIT_PARTS.split(line.strip().strip("()."))]
    names = [person for part in parts for person in _reporters(part)]
    return "; ".join(names) or None


def _reporters(credit: str) -> list[str]:
    """The people one reporter's credit names, each less the place they filed from: both of "Reporting by Olga
    Petrenko in Port Elwyn and Ruth Adler in Ruritania", not only the first."""
    match = _REPORTER_CREDIT.match(credit)
    if match is None:
        return []
    return _each_filed_from(credit[match.start("names") :]) or persons(match.group("names").strip(" ,"))


def _each_filed_from(names: str) -> list[str]:
    """The people of a reporters' list, each less the place they filed from, a place that may run on past a comma
    ("Olga Petrenko in Washington, D.C. and Ruth Adler", "... in Port Elwyn, Ruritania"): after a placed name, what
    a bare comma adds with no place of its own is more of that place unless it is a person's name and no region's
    ("... in Port Elwyn, Marco Bell and Ruth Adler in Elwyn City": three reporters; "... in Albany, New York":
    one), what "and" adds is a person. ``[]`` when a part is neither (no list of people)."""
    pieces = re.split(f"({_NAME_LIST.pattern})", names.strip(" ,"))
    people: list[str] = []
    placed = False
    for separator, part in zip(["", *pieces[1::2]], pieces[::2], strict=True):
        part = re.sub(r"^by\s+", "", part)  # "... and by Ruth Adler in Ruritania"
        name = _FILED_IN.sub("", part)
        if placed and separator.strip() == "," and name == part and (is_region(name) or not _PERSON.match(name)):
            continue
        if not _PERSON.match(name) or _ROLE_WORD.search(name):
            return []
        people.append(name)
        placed = name != part
    return people


#: First-level divisions of a few English-speaking countries named in more than one word, which a credit line
#: writes after a town ("in Albany, New York"): a person's name has the same form. Countries come from CLDR.
_REGIONS = frozenset({
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
    "South Carolina", "South Dakota", "West Virginia", "District of Columbia", "British Columbia", "New Brunswick",
    "Nova Scotia", "Prince Edward Island", "New South Wales", "South Australia", "Western Australia",
    "Northern Territory", "Northern Ireland",
})  # fmt: skip


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries' and territories' English names in CLDR, as Babel ships them ("South Korea", "Saudi Arabia")."""
    return frozenset(Locale("en").territories.values())


#: Words that open a region's name of several words and no person's ("Western Cape", "Lower Saxony", "North
#: Rhine-Westphalia", "Greater Manchester"): CLDR as Babel ships it names countries only, no provinces or states.
_REGION_OPENERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "central",
    "greater", "new",
})  # fmt: skip


def is_region(name: str) -> bool:
    """Whether ``name`` is a country's name, a region's of :data:`_REGIONS` or one of several words opened by a
    word of :data:`_REGION_OPENERS`, not a person's."""
    words = name.split()
    opened = len(words) > 1 and words[0].lower() in _REGION_OPENERS
    return opened or name in _REGIONS or name in _country_names()


def agency_tag_name(line: str) -> str | None:
    """The name in a line that is only a short credit ("(AFP)" -> "AFP"), else ``None``."""
    match = _AGENCY_TAG.match(line.strip())
    return match.group("name") if match and len(match.group("name").split()) <= 4 else None


def date_line_text(line: str) -> str:
    """The date part of a date line: "Published on: 18 Dec 2022" -> "18 Dec 2022"."""
    return _DATE_PREFIX.sub("", line.strip(), count=1).strip()


#: "7:15 a. m." -> "7:15 am" and "Dec. 7" -> "Dec 7": dateparser's search misreads both forms.
_SPACED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\b\.?", re.IGNORECASE)
_ABBREVIATION_DOT = re.compile(r"(?<=\b[^\W\d]{3})\.(?=\s+\d)")


def date_search_text(line: str) -> str:
    """A date line in the form dateparser's search reads best (see the patterns above)."""
    return _ABBREVIATION_DOT.sub("", _SPACED_MERIDIEM.sub(r"\1m", line))


def is_mostly_date(line: str, date_words: list[str], other_words: int = DATE_LINE_OTHER_WORDS) -> bool:
    """A line that is a date and little else: once the words saying the date, date labels,
    times and zones are taken out, at most ``other_words`` words remain (an agency, a place).

    Keeps ordinary sentences that mention a date ("Obama met Putin on March 5, 2008.") out.
    """
    for words in date_words:
        line = line.replace(words, " ")
    rest = _DATE_LINE_WORDS.sub(" ", line)
    return sum(any(c.isalpha() for c in word) for word in rest.split()) <= other_words


#: A clock time: "3:15", "15.05", "3 PM", "7:15 a.m.".
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?\s?m\b", re.IGNORECASE)


def is_time_line(line: str) -> bool:
    """A clock time with only date labels and zones around it ("Updated 3:15 PM EST"): a page's time stamp,
    which dateparser reads as no date (it has no day)."""
    return bool(_CLOCK.search(line)) and not any(c.isalpha() for c in _DATE_LINE_WORDS.sub(" ", line))


#: A blog's credit line closing on its date after "on": "On behalf of A. Firm posted in Hit and Run Accidents on
#: Friday, September 20, 2013." (a byline and a category around the label: no date line by ``is_mostly_date``).
#: Nothing bracketed: "Posted 1 year ago [downloaded on 2 October 2013]" closes on the day it was saved.
_POSTED_ON = re.compile(
    r"\b(?:posted|published|updated|edited)\b[^()\[\]]*\bon\s+(?P<date>[^;:()\[\]]{6,40}?)\.?$", re.IGNORECASE
)


def posted_on_date(line: str) -> str | None:
    """The words of the date closing a "... posted in <category> on <date>." line, else ``None``."""
    match = _POSTED_ON.search(line.strip())
    return match.group("date") if match else None


def has_date_label(line: str) -> bool:
    """A line that says it is a date ("Published: ...", "Mis à jour le ...")."""
    return bool(_LABELLED_DATE.match(line.strip()))


#: A plain-text file's own header line naming its outlet or language: "Outlet: Harbour Gazette", "Language: fr".
#: Dates ("Published: ..."), bylines ("Author: ...") and URLs ("URL: ...") have rules of their own.
_HEADER_FIELD = re.compile(
    r"^(?P<key>outlet|publisher|publication|source|language|lang)\s*:\s*(?P<value>\S.{0,80})$", re.IGNORECASE
)
_HEADER_KEYS = {"publisher": "outlet", "publication": "outlet", "source": "outlet", "lang": "language"}
#: Words an outlet named as such ("Outlet:", "Publisher:") may have: "Port Elwyn Evening Gazette & Star" is longer
#: than a title's site suffix, and the key says it is a name ("Source:" may begin a chart's credit: the suffix's bound).
_OUTLET_NAME_MAX_WORDS = 8


def header_field(line: str) -> tuple[str, str] | None:
    """("outlet", "Harbour Gazette") for "Source: Harbour Gazette", ("language", "fr") for "Language: fr";
    ``None`` when the value is no name ("Source: company filings" is a chart's credit)."""
    match = _HEADER_FIELD.match(line.strip())
    if match is None:
        return None
    given = match.group("key").lower()
    key, value = _HEADER_KEYS.get(given, given), match.group("value").strip()
    max_words = _TITLE_SUFFIX_MAX_WORDS if given == "source" else _OUTLET_NAME_MAX_WORDS
    return (key, value) if key == "language" or _name_like(value, max_words) else None


def source_url(line: str) -> tuple[bool, str | None, bool]:
    """Whether ``line`` labels the source URL ("Original url: <...>"), the web URL if on the line, and
    whether the line gives any address: one of another scheme ("javascript:...") is stripped, never kept."""
    match = _SOURCE_URL.match(line.strip())
    if match is None:
        return False, None, False
    return True, match.group("url"), bool(match.group("url") or match.group("other"))


def bare_url(line: str) -> str | None:
    """The URL when the line is nothing but one."""
    match = _BARE_URL.match(line.strip())
    return match.group("url") if match else None
