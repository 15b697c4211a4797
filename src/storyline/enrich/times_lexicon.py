"""Words for months, weekdays, numbers and calendar units, per language.

English is written out by hand (its grammar in ``times_rules`` is the
richest). Every other language takes its words from dateparser's locale data
(month and weekday names, unit words, "yesterday"/"last week" phrases, "il y a
N jours" patterns), so French, Spanish, German and the rest come for free
instead of from lists of our own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNIT_KEYS = ("year", "month", "week", "day", "hour", "minute", "second")

ENGLISH_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a dozen": 12, "half a": 0, "half an": 0, "a half": 0,
}  # fmt: skip
#: Vague amounts: TimeML writes them with an X ("several years" -> PXY).
ENGLISH_VAGUE = ("several", "a few", "few", "many", "some", "a number of", "numerous")

ENGLISH_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}  # fmt: skip

#: "next"/"last" words, which dateparser's locale data lacks (it only has whole phrases).
RELATIVE_MODIFIERS = {
    "fr": {"prochain": 1, "prochaine": 1, "dernier": -1, "dernière": -1, "passé": -1, "passée": -1},
    "es": {"próximo": 1, "próxima": 1, "que viene": 1, "pasado": -1, "pasada": -1, "último": -1, "última": -1},
    "de": {"nächsten": 1, "nächste": 1, "nächster": 1, "nächstes": 1, "kommenden": 1, "kommende": 1,
           "letzten": -1, "letzte": -1, "letzter": -1, "letztes": -1, "vergangenen": -1, "vergangene": -1,
           "vergangenes": -1},
    "it": {"prossimo": 1, "prossima": 1, "scorso": -1, "scorsa": -1},
    "pt": {"próximo": 1, "próxima": 1, "passado": -1, "passada": -1},
    "nl": {"volgende": 1, "komende": 1, "aanstaande": 1, "vorige": -1, "afgelopen": -1},
}  # fmt: skip
#: Number and unit words dateparser's locale data lacks for some languages.
EXTRA_NUMBERS = {
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30},
    "it": {"un": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
           "nove": 9, "dieci": 10, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
           "dez": 10, "doze": 12, "quinze": 15, "vinte": 20, "trinta": 30},
    "ru": {"один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
           "семь": 7, "восемь": 8, "девять": 9, "двадцать": 20, "тридцать": 30},
    "nl": {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
           "tien": 10, "twaalf": 12, "vijftien": 15, "twintig": 20, "dertig": 30},
}  # fmt: skip
#: Words around "N units" that make it a date before or after publication: (before, after) for "ago" and for
#: "in N units"; "" where the language has none. dateparser's patterns take digits only ("il y a 2 jours")
#: and miss some ("due giorni fa"), so the rule is built from these and the lexicon's number and unit words.
#: "desde hace dos años" is a duration ("for two years"): OFFSET_NOT_AFTER.
OFFSET_WORDS = {
    "fr": {-1: ("il y a", ""), 1: ("dans", "")},
    "de": {-1: ("vor", ""), 1: ("in", "")},
    "es": {-1: ("hace", ""), 1: ("dentro de", "")},
    "it": {-1: ("", "fa"), 1: ("tra", "")},
    "pt": {-1: ("há", ""), 1: ("daqui a", "")},
    "ru": {-1: ("", "назад"), 1: ("через", "")},
    "nl": {-1: ("", "geleden"), 1: ("over", "")},
}  # fmt: skip
OFFSET_NOT_AFTER = {"es": "desde", "pt": "desde", "fr": "depuis"}
EXTRA_UNITS = {"fr": {"an": "year"}}
#: Days two away that dateparser's locale data lacks: (unit, signed amount) as in ``Lexicon.phrases``.
#: The weekend said with a demonstrative or a modifier, which dateparser's data lacks ("dit weekend", "questo fine
#: settimana": this weekend, as English "this weekend" is read).
EXTRA_PHRASES = {
    "es": {"pasado mañana": ("day", 2), "este fin de semana": ("weekend", 0),
           "el próximo fin de semana": ("weekend", 1), "el fin de semana pasado": ("weekend", -1)},
    "it": {"dopodomani": ("day", 2), "questo fine settimana": ("weekend", 0), "questo weekend": ("weekend", 0),
           "il prossimo fine settimana": ("weekend", 1), "il prossimo weekend": ("weekend", 1),
           "lo scorso fine settimana": ("weekend", -1), "lo scorso weekend": ("weekend", -1)},
    "nl": {"dit weekend": ("weekend", 0), "dit weekeinde": ("weekend", 0), "volgend weekend": ("weekend", 1),
           "komend weekend": ("weekend", 1), "vorig weekend": ("weekend", -1), "afgelopen weekend": ("weekend", -1)},
    "fr": {"ce week-end": ("weekend", 0), "le week-end prochain": ("weekend", 1),
           "le week-end dernier": ("weekend", -1)},
    "de": {"dieses wochenende": ("weekend", 0), "nächstes wochenende": ("weekend", 1),
           "letztes wochenende": ("weekend", -1)},
    "pt": {"depois de amanhã": ("day", 2), "este fim de semana": ("weekend", 0)},
}  # fmt: skip
#: Month forms dateparser's locale data lacks: Russian's prepositional case ("в марте", "в декабре").
EXTRA_MONTHS = {
    "ru": {"январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7, "августе": 8,
           "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12},
}  # fmt: skip
#: Tense cues (future, past) deciding where a bare weekday or month points; English is in times_tense.
#: A German weak past tense: -te, or -eten after a stem in -t/-d ("meldeten"; not "bieten", "vertreten").
_GERMAN_WEAK_PAST_WORD = r"[a-zäöü]{2,}(?:[a-rt-zäöüß]te|(?<!ie)(?<!tr)eten)"
#: Its plural in -ten after a consonant ("sagten", "erklärten", "spielten", "mussten", "machten"), not where
#: infinitives and adjectives end the same: "-alten", "-elten" after "g" ("halten", "gelten"), "-arten",
#: "-orten" ("warten", "antworten"), "-chten" ("achten", "richten") but for "mach", "brach", "dach", "such",
#: "-ekten", "-akten" ("direkten"), "-anten", "-enten" ("militanten", "prominenten"; "dienten" is one), "-haften",
#: "-sten" ("besten", "leisten"), "-tten", "-aten", vowels ("bedeuten", "guten").
_GERMAN_WEAK_PAST_PLURAL = (
    r"[a-zäöü]*(?:mach|brach|dach|such)ten"
    r"|[a-zäöü]{2,}(?:[bgmpwxz]|(?<!ha)f|(?<![ae])n|(?<=ie)n|(?<!c)h|(?<![ae])k|ck|ss|(?<![ae])l|(?<=[bcdfhj-np-tv-zßi]e)l"
    r"|(?<![ao])r)ten"
)
#: Words before which such a word is an inflected adjective ("die erwartete Entscheidung", "andere interessierte",
#: "mit geplanten Gesprächen"): determiners and prepositions, which no finite verb follows.
_GERMAN_DETERMINERS = (
    r"der|die|das|den|dem|des|ein|eine[mnrs]?|im|am|vom|zum|zur|beim|sein|seine[mnrs]?|ihre?[mnrs]?|unsere?[mnrs]?|"
    r"diese[mnrs]?|jene[mnrs]?|welche[mnrs]?|alle|viele|einige|mehrere|andere[mnrs]?|keine[mnrs]?|weitere[mnrs]?|"
    r"mit|von|bei|für|aus|nach|zu|in|an|auf|über|unter|vor|gegen|ohne|durch|seit|trotz|wegen"
)
#: Lower-case words in -te(n) that are no past tense: adverbs, adjectives, ordinals, modal "sollte" (a plan:
#: "sollte am Donnerstag vorgestellt werden") and the subjunctives of modals ("könnten am Freitag": a possibility).
_GERMAN_NOT_PAST = (
    r"heute|gute[nr]?|weite[nr]?|bitte|zweite[nr]?|dritte[nr]?|vierte[nr]?|fünfte[nr]?|sechste[nr]?|siebte[nr]?|"
    r"achte[nr]?|neunte[nr]?|zehnte[nr]?|elfte[nr]?|zwölfte[nr]?|letzte[nr]?|rechte[nr]?|echte[nr]?|"
    r"schlechte[nr]?|breite[nr]?|späte[nr]?|harte[nr]?|tote[nr]?|konkrete[nr]?|private[nr]?|direkte[nr]?|"
    r"leute|halbe[nr]?|bereite[nr]?|rote[nr]?|sollte[nt]?|hinten|ernten|(?:be)?werten|bunten|gesamten|selten|"
    r"könnte[nt]?|müsste[nt]?|dürfte[nt]?|wüsste[nt]?|möchte[nt]?"
)
#: Case-sensitive: a capitalised word in -te is a noun ("Mitte", "Seite"); nor is a word after a hyphen a verb
#: ("Corona-bedingte").
_GERMAN_WEAK_PAST = (
    r"(?P<adjective>(?:" + _GERMAN_DETERMINERS + r")\s+(?-i:" + _GERMAN_WEAK_PAST_WORD + "|" + _GERMAN_WEAK_PAST_PLURAL + r"))"
    r"|(?<!-)(?-i:(?!(?:" + _GERMAN_NOT_PAST + r")\b)" + _GERMAN_WEAK_PAST_WORD + r")"
    r"|(?<!-)(?-i:(?!(?:" + _GERMAN_NOT_PAST + r")\b)(?:" + _GERMAN_WEAK_PAST_PLURAL + r")\b(?!\s+[A-ZÄÖÜ]))"
)
TENSE_CUES = {
    "fr": (r"\w{2,}ra|\w{2,}ront|va|vont|prochaine?s?", r"a|ont|avait|avaient|était|étaient|fut|dernière?s?"),
    # Spanish preterites in -ó/-aron/-ieron, the irregular ones news uses most ("dijo", "hizo", "tuvo",
    # "propuso", "condujo", "dio", "vio" and their "-jeron"), and the imperfect in -aba.
    "es": (r"\w{2,}rá|\w{2,}rán|va\s+a|van\s+a|próxim[oa]s?|programad[oa]s?|previst[oa]s?",
           (r"\w{2,}ó|\w{2,}aron|\w{2,}ieron|\w+jeron|\w*(?:dijo|hizo|tuvo|puso|dujo|trajo|quiso|supo|pudo)|dio|vio|"
            r"\w{2,}aban?|ha|han|había|habían|fue|fueron")),
    # German weak past tenses ("brannte", "meldeten", "sagten"; not superlatives in -ste, nor infinitives and
    # adjectives in -ten: "halten", "besten"); a plural before a capitalised word is an adjective ("geplanten Maßnahmen").
    "de": (r"wird|werden|soll|sollen|nächste[nrs]?|kommende[nrs]?",
           r"hat|haben|hatte|hatten|war|waren|wurde|wurden|sagte|" + _GERMAN_WEAK_PAST),
    "it": (r"\w{2,}rà|\w{2,}ranno|prossim[oaie]", r"ha|hanno|aveva|era|erano|fu|scors[oaie]"),
    "pt": (r"\w{2,}rá|\w{2,}rão|vai|vão|próxim[oa]s?", r"\w{2,}ou|\w{2,}aram|\w{2,}eram|foi|foram|tinha"),
    # Dutch future is "zal"/"zullen" or "gaat"/"gaan" + infinitive; its past the auxiliaries of the perfect,
    # the weak past of loan verbs in -eerde(n) ("presenteerde", "reageerden") and a closed list of the pasts
    # news writes most (a weak past in -de/-te ends like adjectives and ordinals: "grote", "tweede").
    # As English "if it is", a present tense closing a clause of condition or time speaks of the future ("Als
    # Hamilton zondag zegeviert, ..."): a verb in -t after a consonant ("wint", "stemt"; not "niet", "dat").
    "nl": ((r"zal|zullen|zult|gaat|gaan|volgende|komende|aanstaande|"
            r"(?:als|indien|zodra|tenzij|wanneer)\s+(?:\w+\s+){1,5}?[a-z]{2,}[^\Waeiou\d_]t(?=\s*(?:[,.;]|$))"),
           (r"heeft|hebben|had|hadden|was|waren|werd|werden|vorige|afgelopen|\w{2,}eerden?|zei|zeiden|"
            r"verklaarde|verklaarden|meldde|meldden|maakte|maakten|stemde|stemden|noemde|noemden|stelde|stelden|"
            r"vertelde|vertelden|bevestigde|bevestigden|ontkende|ontkenden|waarschuwde|waarschuwden|"
            r"benadrukte|benadrukten|kondigde|kondigden|besloot|besloten|kwam|kwamen|ging|gingen|viel|vielen|"
            r"vond|vonden|nam|namen|gaf|gaven|stond|stonden|sprak|spraken|liet|lieten|begon|begonnen|kreeg|"
            r"kregen|bleef|bleven|trad|traden|overleed|stierf|stierven|won|wonnen|verloor|schreef|schreven")),
    # Russian past tense ends in -л/-ла/-ли ("заявил", "прошла"); its future is a form of "быть" or a
    # perfective verb, whose form is that of a present tense, told apart only by its aspect, which the tokens
    # here do not carry: a closed list of those news uses most ("состоится", "пройдёт", "встретятся").
    # The past neuter ("заявило", "произошло") and reflexive past ("встретились", "состоялась") too.
    "ru": ((r"будет|будут|будем|станет|состоится|состоятся|пройд[её]т|пройдут|следующ\w*|предстоящ\w*|"
            r"встретится|встретятся|провед[её]т|проведут|начн[её]тся|начнутся|откроется|откроются|завершится|"
            r"завершатся|обсудит|обсудят|подпишет|подпишут|посетит|посетят|выступит|выступят|рассмотрит|"
            r"рассмотрят|объявит|объявят|примет|примут|вступит|вступят"),
           (r"\w{2,}(?:[аяие]л[аои]?|шло|гло)(?:с[яь])?|был[аои]?|прошл\w*")),
    # Polish future is "będzie" or a perfective verb ("zostanie", "odbędzie się"); its past ends in -ł/-ła/-li.
    "pl": (r"będzie|będą|będziemy|zostanie|zostaną|odbędzie|odbędą|przyszł\w*|nadchodząc\w*",
           r"\w{2,}(?:ał|ała|ali|ił|iła|ili|ył|yła|yli|ół|eł|eła|eli)|był[aoy]?|byli|ubiegł\w*|zeszł\w*"),
    # Turkish future suffix -ecek/-acak ("açıklanacak", "yapılacağını"); "gelecek", "önümüzdeki": next.
    "tr": (r"\w+(?:ecek|acak|eceğ|acağ)\w*|gelecek|önümüzdeki",
           r"geçen|geçtiğimiz|dedi|söyledi|açıkladı|belirtti|oldu|yaptı"),
    # Arabic future "سوف"; "المقبل"/"القادم": next ("the coming"); "الماضي": last.
    "ar": (r"سوف|المقبل|المقبلة|القادم|القادمة", r"الماضي|الماضية|قال|قالت|أعلن|أعلنت|كان|كانت"),
}  # fmt: skip

#: Words that open a clause, where the governing verb of a time expression stops (punctuation also does).
CLAUSE_WORDS = {  # (subordinating words, coordinating words)
    "en": ((r"that|which|who|whom|whose|where|while|whereas|because|although|though|before|after|until|till|"
            r"once|when|unless|if"), r"and|but|or"),
    "es": (r"que|quien|quienes|cual|cuales|cuando|donde|porque|aunque|mientras|si|antes|después", r"y|pero|o"),
    "fr": (r"que|qu|qui|quand|où|lorsque|lorsqu|parce|si|dont|avant|après", r"et|mais|ou"),
    "de": (r"dass|weil|wenn|ob|bevor|nachdem|obwohl|während", r"und|aber|oder"),  # not "als": also "as", "than"
    "it": (r"che|chi|quando|dove|perché|mentre|se|prima|dopo", r"e|ma|o"),
    "pt": (r"que|quem|quando|onde|porque|embora|se|antes|depois", r"e|mas|ou"),
    # not "als" ("if", but also "as", "than") nor "die" (also a demonstrative)
    "nl": (r"dat|wat|wie|waar|wanneer|omdat|hoewel|terwijl|indien|voordat|nadat|toen", r"en|maar|of"),
    "ru": (r"что|который|которая|которое|которые|когда|где|потому|если", r"и|но|или"),
    "pl": (r"że|który|która|które|którzy|kiedy|gdy|gdzie|ponieważ|jeśli|jeżeli", r"i|ale|lub"),
    "tr": (r"çünkü|eğer|ki", r"ve|ama|fakat"),
    "ar": (r"الذي|التي|عندما|لأن|إذا|أن|إن", r"و|لكن|أو"),
}  # fmt: skip

#: Decades by their first year ("les années 1990", "la década de 1980", "los años 90") or by name ("los años
#: noventa"): (words before the number, names of the decades from the twenties on).
DECADE_WORDS = {
    "fr": (r"(?:les\s+)?années", ()),
    "es": (r"(?:(?:los\s+)?años|(?:la\s+)?década\s+de(?:\s+los)?)",
           ("veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")),
    "pt": (r"(?:(?:os\s+)?anos|(?:a\s+)?década\s+de)",
           ("vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa")),
    "it": (r"(?:gli\s+)?anni", ("venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta")),
}  # fmt: skip
#: Words before a number of hours that make it a time of day ("vers 15 heures"), not a duration ("15 heures").
CLOCK_WORDS = {"fr": r"à|vers|dès|avant|après", "es": r"a\s+las|hacia\s+las|desde\s+las", "it": r"alle|verso\s+le",
               "pt": r"às|por\s+volta\s+das", "de": r"um|gegen|ab", "nl": r"om|rond|omstreeks|vanaf"}  # fmt: skip
#: A year framing its sentence, so that a day and month in it without a year fall in that year: one opening the
#: sentence ("In 2019, the company said on March 3 ...") or a season ("the 2011 season ... on Sept. 4"). Not
#: "since 2019" or "by 2019", which bound a span rather than set the scene. "{year}" stands for the year.
FRAME_YEARS = {
    "en": (r"(?:In|During|Throughout)\s+(?:(?:early|late|mid)[\s-]+)?{year}", r"{year}\s+season"),
    "fr": (r"(?:En|Au\s+cours\s+de)\s+{year}", r"saison\s+{year}"),
    "es": (r"(?:En|Durante)\s+(?:el\s+(?:año\s+)?)?{year}", r"temporada\s+(?:de\s+)?{year}"),
    "it": (r"(?:Nel|Durante\s+il)\s+{year}", r"stagione\s+{year}"),
    "pt": (r"(?:Em|Durante)\s+{year}", r"temporada\s+(?:de\s+)?{year}"),
    "de": (r"Im\s+Jahre?\s+{year}", r"Saison\s+{year}"),
    "ru": (r"В\s+{year}\s+году", r"сезоне?\s+{year}"),
}  # fmt: skip
#: Words for "o'clock" that are no unit of duration: "um 11 Uhr" is a time of day, never 11 hours.
HOUR_WORDS = {"de": ("uhr",)}

#: Parts of the day after a weekday, with their TIMEX3 codes: glued to it in German and Dutch ("Montagabend",
#: "dinsdagochtend"), a word or phrase after it elsewhere ("lundi soir", "el martes por la noche").
PARTS_OF_DAY = {
    "de": {"morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF", "abend": "EV", "nacht": "NI"},
    "nl": {"ochtend": "MO", "morgen": "MO", "middag": "AF", "avond": "EV", "nacht": "NI"},
    "fr": {"matin": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI"},
    "it": {"mattina": "MO", "mattino": "MO", "pomeriggio": "AF", "sera": "EV", "notte": "NI"},
    "es": {"por la mañana": "MO", "por la tarde": "AF", "por la noche": "NI"},
    "pt": {"de manhã": "MO", "à tarde": "AF", "à noite": "NI"},
}  # fmt: skip
#: Parts of a day said with a demonstrative or as one word, with the day's offset from the anchor and their
#: TIMEX3 codes: "esta mañana", "ce soir", "stasera" are this morning and this evening, "anoche" last night.
DAY_PART_PHRASES = {
    "es": {"esta mañana": (0, "MO"), "esta tarde": (0, "AF"), "esta noche": (0, "NI"), "anoche": (-1, "NI")},
    "fr": {"ce matin": (0, "MO"), "cet après-midi": (0, "AF"), "ce soir": (0, "EV"), "cette nuit": (0, "NI")},
    "it": {"stamattina": (0, "MO"), "stamani": (0, "MO"), "stamane": (0, "MO"), "stasera": (0, "EV"),
           "stanotte": (0, "NI")},
    "pt": {"esta manhã": (0, "MO"), "esta tarde": (0, "AF"), "esta noite": (0, "NI")},
}  # fmt: skip
#: "This night" said of the night just gone as well as the one ahead: after a past verb it is English "last night"
#: ("cette nuit, un incendie a ravagé"), else "tonight". Spanish "esta noche" is only "tonight" ("anoche" is
#: last night): with a past verb it is an evening already under way ("se encontraba reunida esta noche").
NIGHT_GONE_AFTER_PAST = {"fr": {"cette nuit"}, "it": {"stanotte"}, "de": {"heute nacht"}, "pt": {"esta noite"}}
#: Words of a relative day that are also the noun of a part of the day, with what, right before, makes them the
#: noun: Spanish "mañana" is "tomorrow", but "por la mañana", "a media mañana", "esta mañana" are a morning.
PHRASES_AS_NOUN = {"es": {"mañana": re.compile(r"\b(?:la|esta|esa|media|una|cada|toda|misma|aquella)\s+$", re.IGNORECASE)}}
#: The night between two days, named by both ("in de nacht van zaterdag op zondag"): (what comes before the first
#: day, ending there; what joins the two).
NIGHT_BETWEEN_DAYS = {
    "nl": (r"\bnacht\s+van\s+$", r"\s+op\s+"),
    "de": (r"\bNacht\s+(?:von|vom)\s+$", r"\s+(?:auf|zum)\s+"),
    "it": (r"\bnotte\s+(?:tra|fra)\s+$", r"\s+e\s+"),
    "fr": (r"\bnuit\s+de\s+$", r"\s+à\s+"),
    "es": (r"\bnoche\s+del\s+$", r"\s+al\s+"),
    "en": (r"\bnight\s+(?:of|from)\s+$", r"\s+(?:to|into)\s+"),
}
#: Languages that write a part of the day as one word with the weekday before it.
GLUED_PARTS_OF_DAY = frozenset({"de", "nl"})

#: Languages that write month and weekday names in lower case: a capitalised one inside a sentence is a name
#: ("Mayo Gómez", "el diario Domingo", "le Journal du Dimanche").
LOWER_CASE_CALENDAR = frozenset({"es", "fr", "it", "pt", "ru", "pl", "nl"})
#: Words of newspaper and channel titles: a day next to one names the paper ("the Sunday Times", "Welt am Sonntag").
PRESS_WORDS = (
    r"Times|Post|Journal|News|Herald|Tribune|Gazette|Telegraph|Chronicle|Observer|Mail|Express|Standard|Star|"
    r"Mirror|Sun|Review|Magazine|Edition|Show|Zeitung|Welt|Presse|Diario|Periódico|Giornale"
)
#: Numbering nouns: the number after one is a label ("room 1998", "flight 2012"), not a year.
NUMBERING_NOUNS = r"room|rooms|page|pages|flight|route|exit|gate|platform|line|bus|suite|apartment|box|highway|number|no|chapter|section|item|model|version|unit|lot|row|seat"

#: TIMEX3 duration letters per unit (HeidelTime's: decades "DE", centuries "CE", quarters "Q").
DURATION_CODES = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip


def english_unit(word: str) -> str:
    """Canonical unit of an English unit word ("Years" -> "year", "centuries" -> "century")."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") else word


def parse_number(words: str, numbers: dict[str, int]) -> int | None:
    """Digits or number words ("twenty four", "twenty-four", "14") as an int; None when vague."""
    words = words.lower().strip()
    if words.replace(".", "", 1).isdigit():
        return int(float(words))
    if words in numbers:
        return numbers[words]
    total = 0
    for part in re.split(r"[\s-]+", words):
        if part not in numbers:
            return None
        total += numbers[part]
    return total or None


@dataclass(frozen=True)
class Lexicon:
    """The calendar words of one (non-English) language, from dateparser's locale data."""

    language: str
    date_order: str
    months: dict[str, int] = field(default_factory=dict)  # lowercased name -> 1..12
    weekdays: dict[str, int] = field(default_factory=dict)  # lowercased name -> 0..6
    #: The subset safe on its own in running text (full names, not "mar", "die", "son").
    month_words: dict[str, int] = field(default_factory=dict)
    weekday_words: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # lowercased word -> "day", ...
    numbers: dict[str, int] = field(default_factory=dict)
    #: Fixed phrases: "hier" -> ("day", -1), "la semaine dernière" -> ("week", -1).
    phrases: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: "il y a (\d+) jours" -> ("day", -1): the number times the sign.
    offset_patterns: list[tuple[str, str, int]] = field(default_factory=list)
    #: "prochain" -> +1, "dernier" -> -1.
    modifiers: dict[str, int] = field(default_factory=dict)


_OFFSET = re.compile(r"^(?:in )?(\d+|\\1) (\w+?)s?(?: ago)?$")


def _names(values: list[str]) -> list[str]:
    """Names safe to look for in running text: drop 1-2 letter abbreviations ("di", "so")."""
    return [v.lower() for v in values if len(v) >= 3 and not v.isdigit()]


def _full_names(names: dict[str, int]) -> dict[str, int]:
    """Per key the longest name, plus any of five letters or more."""
    longest: dict[int, str] = {}
    for name, key in names.items():
        if len(name) > len(longest.get(key, "")):
            longest[key] = name
    return {n: k for n, k in names.items() if len(n) >= 5 or longest[k] == n}


def _offset(key: str) -> tuple[str, int] | None:
    """dateparser's normalised phrase ("1 week ago", "in 2 day") as (unit, signed amount)."""
    match = _OFFSET.match(key)
    if not match or match.group(2) not in UNIT_KEYS + ("decade", "century"):
        return None
    amount = 1 if match.group(1) == "\\1" else int(match.group(1))
    return match.group(2), amount if key.startswith("in ") else -amount


#: A clock time just before a word: "16:00", "1052", "8 p.m." (what makes "UTC" a zone, not a name).
_CLOCK_BEFORE = re.compile(r"\d(?:\s*[ap]\.?m\.?)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def time_zone_abbreviations() -> frozenset[str]:
    """Zone abbreviations as dateparser knows them ("UTC", "GMT", "EDT", "HKT"), in capitals."""
    from dateparser.timezones import timezone_info_list  # slow import: only when a capitalised word needs it

    return frozenset(name for info in timezone_info_list for name, _ in info["timezones"])


def is_clock_zone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a zone written after a clock time ("at 16:00 UTC", "1052 GMT").

    Recognisers and capital-letter rules read such a zone as an organisation; alone, many of the
    abbreviations are names too ("ACT", "CAT"), so the clock time before it is what decides.
    """
    return text[start:end] in time_zone_abbreviations() and bool(_CLOCK_BEFORE.search(text, max(0, start - 12), start))


@lru_cache(maxsize=32)
def lexicon_for(language: str) -> Lexicon | None:
    """The lexicon of an ISO 639-1 language dateparser knows, else None."""
    from dateparser.languages import default_loader  # slow import: only when a language needs it

    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return None
    months = {n: i + 1 for i, key in enumerate(MONTH_KEYS) for n in _names(info.get(key, []))}
    months |= EXTRA_MONTHS.get(language, {})
    weekdays = {n: i for i, key in enumerate(WEEKDAY_KEYS) for n in _names(info.get(key, []))}
    units = {n: key for key in UNIT_KEYS for n in _names(info.get(key, []))} | EXTRA_UNITS.get(language, {})
    numbers = dict(EXTRA_NUMBERS.get(language, {}))
    for simplification in info.get("simplifications", []):
        for word, replacement in simplification.items():
            if re.fullmatch(r"[^\W\d]+", word) and replacement.isdigit():
                numbers[word.lower()] = int(replacement)
    phrases = {}
    for key, texts in info.get("relative-type", {}).items():
        offset = _offset(key)
        if offset:
            phrases.update({t.lower(): offset for t in texts if len(t) >= 3})
    phrases |= EXTRA_PHRASES.get(language, {})
    patterns = []
    for key, regexes in info.get("relative-type-regex", {}).items():
        offset = _offset(key)
        for regex in regexes if offset else []:
            if re.search(r"\w{3,}\??$", regex):  # whole unit words only, not "(\d+) j"
                patterns.append((regex.replace("++", "+").replace("*+", "*"), *offset))
    return Lexicon(
        language=language,
        date_order=info.get("date_order", "DMY"),
        months=months,
        weekdays=weekdays,
        month_words=_full_names(months) | EXTRA_MONTHS.get(language, {}),  # hand-listed: whole words, however short
        weekday_words=_full_names(weekdays),
        units=units,
        numbers=numbers,
        phrases=phrases,
        offset_patterns=patterns,
        modifiers=RELATIVE_MODIFIERS.get(language, {}),
    )
