"""Per-language word lists for reported speech: reporting verbs, "according to", pronouns, titles.

General lists (lemmas), not tuned to any article: written by hand, and for
English extended with cue lemmas mined from annotated news (PolNeAR train,
see :data:`MINED_CUES`). A language missing here still gets punctuation
quotes; it only loses unquoted reported speech.
"""

from __future__ import annotations

import re

#: Cue lemmas mined from PolNeAR train (840 articles; ``benchmarks/quote_cues.py cues --precision 0.3
#: --min-count 3``): lemmas outside the hand lists that are an annotated cue in >= 30 % of their uses
#: and at least 3 times - the thresholds ``quote_cues.py sweep`` found best for train F1. Verbs whose
#: annotated uses mostly take a clause report speech; the others are stances. Derived statistics
#: (English lemmas), not corpus text; some are parser lemmas ("retweete", "seemed").
_MINED_REPORTING_VERBS = frozenset(
    """
    anticipate calculate clarify convince demonstrate forget guess imagine interject notice
    posit proclaim quip read suspect
    """.split()
)
_MINED_STANCE_VERBS = frozenset(
    """
    acquiesce alarm allude anger apologize articulate attack author balk bash bemoan bill
    boo brag broadcast brush care characterize chide circulate coin contemplate continue
    contradict contrast cry dedicate deride devote disagree dislike disparage display distance
    document downplay dub dwell elaborate email envision experience explore felt float forecast
    foresee forward frame hammer hate heap herald hint horrify identify illustrate inform
    infuriate insult interpret introduce issue judge justify lambast lash lay lecture like liken
    look mandate mince mull muse opine opt order paint peg persuade pivot preach press pressure
    prohibit project pronounce pump push quote rattle reaffirm reassure rebuff rebuke rebut
    recite recount regret relish renew repudiate resist restrict retweete revere revile rip
    rouse rule savage scar scoff seemed sentence shrug side sing single sound spar spot startle
    strive sue surface thrill tick title trumpet underscore unveil utter veto vouch witness zero
    """.split()
)
_MINED_STANCE_NOUNS = frozenset(
    """
    admission aim alarm anxiety assumption assurance backing blame blast chant chatter complaint
    confidence consensus cry defender denunciation desire dig disagreement doubt embrace finger
    footage fun hint inclination laugh length mention passion petition plea reference rejection
    reluctance rumor secret smile speculation swipe tribute understanding
    """.split()
)
_MINED_STANCE_ADJECTIVES = frozenset(
    """
    adamant devoted enamored glad guilty impassioned impressed inclined keen nervous optimistic
    outspoken pleased quick shocked stern subtle unaware unhappy upset vocal
    """.split()
)

#: The mined lemmas by the list they extend (``benchmarks/quote_cues.py`` leaves them out to re-mine).
MINED_CUES: dict[str, frozenset[str]] = {
    "reporting": _MINED_REPORTING_VERBS,
    "stance": _MINED_STANCE_VERBS,
    "noun": _MINED_STANCE_NOUNS,
    "adjective": _MINED_STANCE_ADJECTIVES,
}

#: Verbs that introduce what someone said, wrote or holds (lemmas).
REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """say tell add note state claim argue explain insist warn announce report write tweet post reply
        respond retort declare acknowledge admit deny confirm suggest assert contend maintain recall stress
        emphasize emphasise observe comment remark reveal predict promise caution complain concede testify
        allege indicate ask urge believe think feel hope fear worry expect estimate conclude agree
        disclose reiterate counter boast vow pledge threaten charge protest lament speculate
        describe show find learn know""".split()
    )
    | _MINED_REPORTING_VERBS,
    "fr": frozenset(
        """dire déclarer affirmer ajouter expliquer estimer indiquer souligner préciser annoncer assurer
        répondre rétorquer confier noter écrire raconter avertir prévenir insister reconnaître démentir
        juger admettre poursuivre lancer marteler confirmer dénoncer rappeler commenter observer
        regretter promettre prédire révéler avouer nier soutenir penser croire tweeter mentionner signaler
        conclure résumer lâcher glisser témoigner relever détailler déplorer""".split()
    ),
    "ru": frozenset(
        """сказать говорить заявить заявлять отметить отмечать сообщить сообщать добавить добавлять
        подчеркнуть подчеркивать пояснить пояснять рассказать рассказывать написать писать ответить
        признать признавать считать заметить указать указывать уточнить объявить утверждать
        предупредить напомнить заверить настаивать полагать думать опровергнуть опровергать отрицать""".split()
    ),
    "es": frozenset(
        """decir declarar afirmar añadir agregar explicar señalar indicar asegurar anunciar responder
        advertir insistir reconocer negar confirmar escribir sostener destacar subrayar""".split()
    ),
}

#: Documents a body issues in its own name (English), so that a name or a body's noun before one names its issuer
#: ("a police statement", "an Elwyn PD release"); a document, filing or letter may be anyone's that the body holds
#: ("court documents").
ISSUED_DOCUMENT_NOUNS = frozenset({
    "statement", "report", "communique", "communiqué", "release", "notice", "announcement", "bulletin",
})  # fmt: skip

#: Verbs of intention, stance and evaluation (lemmas): "N wants to ...", "N supported the ban",
#: "N called for a ban". Their content is the object or infinitive clause, not a that-clause, so
#: they yield quotes of kind "stance" (what someone holds or wants, not what they said). A
#: reporting verb with no clause falls back to the same object content, so it is not repeated here.
#: "hop": the small English model lemmatises "hopes"/"hoped" so.
STANCE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """want wish plan intend seek aim refuse decline support oppose back endorse favor favour prefer
        criticize criticise condemn praise defend blame accuse reject dismiss welcome applaud propose
        demand mock slam question doubt call vote advocate recommend discuss express mention thank
        cite point talk refer name list share see recognize recognise highlight tout outline hail
        congratulate offer consider denounce decide portray repeat remember remind echo nominate
        challenge assure view answer encourage present wonder compare ignore promote accept decry
        joke imply deem understand shout rail reference voice chant signal request plead
        debate approve label disavow invoke blast detail yell assail realize realise assume
        dispute attribute credit champion cheer hop focus""".split()
    )
    | _MINED_STANCE_VERBS,
    "fr": frozenset(
        """vouloir souhaiter espérer compter refuser appuyer critiquer condamner saluer défendre
        rejeter accuser réclamer exiger proposer demander menacer""".split()
    ),
}
#: Verbs of appearance whose subject and complement form a belief nobody is named as holding:
#: "N seems to ...", "N appears to ..." (passive cues - "N is expected to ..." - count too). The two
#: most frequent annotated cues on PolNeAR train outside the verb lists (129 and 103 uses).
EVIDENTIAL_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("seem appear".split()),
}
#: One-word answers a reporting verb reports: "75 percent said yes", "half said so".
ANSWER_WORDS: dict[str, frozenset[str]] = {"en": frozenset({"yes", "no", "so"})}
#: Adverbs that say the clause they modify is someone's report, unnamed: "N has reportedly left" (PolNeAR
#: train: 16 of the 24 "reportedly" on a verb with a subject are annotated cues; "allegedly" 2 of 6,
#: "apparently" 4 of 18, so they stay out).
REPORT_ADVERBS: dict[str, frozenset[str]] = {"en": frozenset({"reportedly"})}
#: Verbs that tell only how an action runs on in time ("continues to push for X"): the stance, if any, is
#: that of the verb they govern, not theirs.
ASPECTUAL_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"continue", "keep", "begin", "start", "resume", "cease"}),
}
#: Adjectives of stance or belief: "N is confident that ...", "N is wary of ...". Written by hand from
#: the adjectives annotated as cues >= 5 times, in >= 30 % of their uses, on PolNeAR train; the mined
#: list adds the rest with >= 3 uses.
STANCE_ADJECTIVES: dict[str, frozenset[str]] = {
    "en": frozenset("aware clear concerned confident eager hopeful reluctant skeptical supportive wary worried".split())
    | _MINED_STANCE_ADJECTIVES,
}
#: Reporting verbs whose object is not what was said ("told reporters", "added a point"): no stance fallback.
OBJECT_NOT_CONTENT: dict[str, frozenset[str]] = {
    "en": frozenset("tell add maintain write post tweet respond reply learn".split()),
}
#: Nouns naming a stance, with its holder as possessive: "Trump's call for a ban", "her claim that ...".
STANCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """call support criticism attack plan proposal claim demand promise pledge warning view belief opinion
        position stance opposition endorsement praise denial accusation assertion argument insistence hope
        fear concern decision remark comment statement suggestion vow threat push""".split()
    )
    | _MINED_STANCE_NOUNS,
}
#: Prepositions that carry a stance verb's content ("called for a ban", "accused N of lying"); "as",
#: "on", "with" ("described N as", "focused on", "agreed with") each gained F1 on PolNeAR train.
STANCE_PREPOSITIONS: frozenset[str] = frozenset(
    {"for", "against", "about", "to", "of", "as", "on", "with", "pour", "contre"}
)

#: Prepositions that tell when or amid what a stance was taken ("criticized the plan during the debate"), which
#: a stance's content leaves out; PolNeAR annotates the object alone.
CIRCUMSTANCE_PREPOSITIONS: frozenset[str] = frozenset(
    {"during", "since", "amid", "amidst", "after", "before", "until", "throughout", "following", "ahead"}
)

#: Verbs that put someone's words in quotation marks without reporting speech ("called it "baseless"").
NAMING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("call dub label brand term describe denounce slam condemn praise".split()),
    "fr": frozenset("qualifier appeler traiter dénoncer".split()),
    "ru": frozenset("назвать называть".split()),
    "es": frozenset("calificar llamar".split()),
}

#: The forms of naming verbs read from word order where there is no parse: "N ha definito il piano «X»", "N noemde
#: het plan „X”" (the quotation is N's words, the object what they name).
WORD_ORDER_NAMING_VERBS: dict[str, tuple[str, ...]] = {
    "it": ("ha definito", "hanno definito", "definisce", "definiscono", "ha bollato", "ha chiamato", "ha qualificato"),
    "nl": ("noemde", "noemden", "noemt", "noemen", "bestempelde", "bestempelden", "omschreef"),
    "es": ("calificó", "ha calificado", "califica", "llamó", "tildó", "ha tildado"),
    "pt": ("classificou", "chamou", "qualificou"),
    "de": ("nannte", "nannten", "nennt", "bezeichnete", "bezeichneten", "bezeichnet"),
}  # fmt: skip

#: Phrases naming a source before or after a claim: "according to N, ...".
ACCORDING_TO: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("according", "to"),),
    "fr": (("selon",), ("d'après",), ("d’après",)),
    "es": (("según",),),
    "ru": (("по", "словам"), ("по", "мнению"), ("по", "данным"), ("согласно",), ("как", "сказал"), ("как", "сказала"),
           ("как", "заявил"), ("как", "заявила")),
    "de": (("laut",), ("nach", "angaben")),
    "it": (("secondo",),),
    "nl": (("volgens",),),
    "pl": (("według",), ("zdaniem",)),
    "ar": (("حسب",), ("وفقا",), ("وفقاً",)),
}
#: Words before which an "according to" word is an ordinal: Italian "secondo" is also "second" ("il secondo
#: numero", "nel secondo trimestre").
ACCORDING_TO_ORDINAL_AFTER: dict[str, frozenset[str]] = {
    "it": frozenset({"il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "del", "dello", "della", "nel", "nello",
                     "nella", "al", "allo", "alla", "dal", "dallo", "dalla", "sul", "sullo", "sulla", "ogni"}),
}
#: "According to" phrases a possessive pronoun may open: Polish "Jego zdaniem X" ("in his view"); before any
#: other, a pronoun is the clause's subject ("fanden sie laut Polizei": they found, by the police's account).
ACCORDING_TO_AFTER_POSSESSIVE: dict[str, frozenset[tuple[str, ...]]] = {"pl": frozenset({("zdaniem",)})}
#: "according to" written after its source: German "Dem Minister zufolge", Turkish "Bakan Koca'ya göre".
ACCORDING_TO_AFTER: dict[str, frozenset[str]] = {
    "de": frozenset({"zufolge"}),
    "tr": frozenset({"göre"}),
}

#: Reporting verbs read from news word order where there is no parse: Chinese verbs that a comma or colon
#: and then the content follow ("N周日表示，..."), Japanese verbs the content precedes with the quotative
#: "と" ("Nは...と述べた"), Korean ones after the quotative "(라)고" ("N은 ...다고 말했다").
WORD_ORDER_REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "zh": ("表示", "说道", "說道", "说", "說", "称", "稱", "指出", "强调", "強調", "认为", "認為", "宣布", "透露",
           "警告", "声称", "聲稱", "回应", "回應", "坦言", "介绍", "介紹", "补充说", "補充說", "告诉", "告訴"),
    "ja": ("述べ", "語っ", "語り", "話し", "強調し", "指摘し", "明らかにし", "説明し", "発表し", "批判し",
           "主張し", "表明し", "訴え", "強調", "言っ", "話す", "語る", "述べる"),
    "ko": ("말했", "밝혔", "강조했", "덧붙였", "전했", "설명했", "주장했", "지적했", "언급했", "말한", "밝힌",
           "강조한", "주장한", "경고했", "비판했", "말하", "밝히"),
    # Languages without a parser here: the inflected forms news uses, "N dijo que X" / "X, dijo N".
    "es": ("ha dicho", "ha afirmado", "ha asegurado", "ha explicado", "ha señalado", "ha declarado", "ha añadido",
           "ha indicado", "ha anunciado", "dijo", "afirmó", "aseguró", "explicó", "señaló", "indicó", "declaró",
           "añadió", "advirtió", "sostuvo", "manifestó", "precisó", "subrayó", "destacó", "reconoció", "anunció",
           "comentó", "agregó", "recordó", "insistió", "admitió", "negó", "desmintió", "ha negado", "ha desmentido",
           "niega", "desmiente", "dice", "afirma", "asegura", "explica",
           "señala", "indica", "añade", "advierte", "sostiene", "ha expresado", "ha comentado", "ha confirmado",
           "ha reconocido", "ha advertido", "ha subrayado", "ha destacado", "ha respondido", "ha aclarado",
           "expresó", "confirmó", "respondió", "aclaró", "apuntó", "puntualizó", "concluyó", "relató",
           "denunció", "lamentó", "remarcó", "resaltó", "consideró", "considera", "opinó", "enfatizó", "reiteró",
           "decía", "afirmaba", "explicaba", "señalaba", "comentaba", "confesaba", "confesó"),
    "it": ("ha detto", "ha dichiarato", "ha affermato", "ha spiegato", "ha sottolineato", "ha aggiunto",
           "ha annunciato", "ha ribadito", "ha precisato", "ha assicurato", "ha osservato", "ha commentato",
           "ha ammesso", "disse", "dichiarò", "affermò", "spiegò", "sottolineò", "aggiunse", "dice", "afferma",
           "spiega", "sottolinea", "aggiunge", "ribadisce", "precisa", "assicura", "commenta", "avverte", "incalza",
           "ripete", "riassume", "osserva", "conclude", "ricorda", "conferma", "replica", "risponde", "ha avvertito",
           "ha concluso", "ha ricordato", "ha confermato", "ha chiarito", "ha replicato", "ha risposto",
           # the plurals ("spiegano gli attivisti", "hanno detto i sindacati") and writing
           "dicono", "affermano", "spiegano", "sottolineano", "aggiungono", "scrivono", "scrive", "ha scritto",
           "hanno detto", "hanno dichiarato", "hanno affermato", "hanno spiegato", "hanno sottolineato",
           "hanno aggiunto", "hanno annunciato", "hanno scritto",
           # "fa sapere il sindacato" (lets it be known); "si legge in una nota di N" (one reads in): the
           # preposition is part of the cue, the document after it is the source
           "fa sapere", "fanno sapere", "ha fatto sapere", "hanno fatto sapere", "si legge in", "si legge nel",
           "si legge nella", "si legge sul", "si legge sulla"),
    "pt": ("disse", "afirmou", "declarou", "explicou", "acrescentou", "garantiu", "sublinhou", "anunciou",
           "salientou", "referiu", "indicou", "adiantou", "destacou", "ressaltou", "diz", "afirma", "explica",
           "garante", "sublinha", "acrescenta"),
    "de": ("sagte", "erklärte", "betonte", "meinte", "warnte", "kritisierte", "schrieb", "sagt", "erklärt",
           "betont", "meint", "warnt", "so", "berichtete", "versicherte", "kommentierte", "teilte", "fügte",
           "kündigte", "bekräftigte", "unterstrich", "räumte", "berichtet", "versichert", "teilt", "bestritt",
           "bestreitet", "dementierte", "dementiert"),
    # Dutch separable verbs are cued by their finite part, the particle left at the clause's end: "voegde N
    # eraan toe", "kondigde N aan", "liet N weten".
    "nl": ("zei", "zeiden", "verklaarde", "verklaarden", "stelde", "benadrukte", "waarschuwde", "zegt", "verklaart",
           "stelt", "aldus", "vertelde", "meldde", "schreef", "voegde", "liet weten", "laat weten", "liet",
           "kondigde", "bevestigde", "ontkende", "erkende", "beweerde", "reageerde", "antwoordde", "zeggen",
           "benadrukt", "waarschuwt", "meldt", "schrijft", "bevestigt", "ontkent", "erkent", "heeft gezegd",
           "heeft verklaard"),
    "pl": ("powiedział", "powiedziała", "oświadczył", "oświadczyła", "stwierdził", "stwierdziła", "dodał",
           "dodała", "podkreślił", "podkreśliła", "zaznaczył", "zaznaczyła", "przekazał", "przekazała",
           "poinformował", "poinformowała", "zapowiedział", "zapowiedziała", "mówi", "uważa", "twierdzi",
           "podkreśla", "zaznacza", "dodaje", "ocenił", "oceniła", "ocenia", "odpowiedział", "odpowiedziała",
           "napisał", "napisała", "napisało", "przyznał", "przyznała", "wyjaśnił", "wyjaśniła", "mówił", "mówiła",
           "uzasadnił", "uzasadniła"),
    # Turkish puts the verb last: "N, X söyledi." (the content between the speaker's comma and the verb).
    "tr": ("söyledi", "dedi", "belirtti", "açıkladı", "ifade etti", "kaydetti", "vurguladı", "bildirdi",
           "aktardı", "dile getirdi", "ekledi", "iddia etti"),
    # Arabic puts the verb first: "وقال N إن X", "وأضاف N: «X»" (the masculine and feminine forms).
    "ar": ("قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "أوضح", "أوضحت", "صرح", "صرحت", "أعلن", "أعلنت",
           "أشار", "أشارت", "ذكر", "ذكرت", "شدد", "شددت", "اعتبر", "اعتبرت", "رأى", "رأت", "تابع", "تابعت"),
}  # fmt: skip
#: The word that opens reported content after a reporting verb ("dijo que X"); a source never holds it.
#: Demonstratives opening a report whose content is the sentence before: "Das sagte N am Montag.", "Dies
#: teilte das Ministerium mit." (German; the verb's separable particle, "mit", may close the sentence).
BACK_REFERRING_REPORTS: dict[str, tuple[frozenset[str], str]] = {"de": (frozenset({"das", "dies"}), "mit")}
#: Adverbs opening a sentence that goes on with what the sentence before reported: "Demnach X" ("according to
#: that"), German.
REPORT_CONTINUING_ADVERBS: dict[str, frozenset[str]] = {"de": frozenset({"demnach", "demzufolge"})}
COMPLEMENTIZERS: dict[str, str] = {"es": "que", "pt": "que", "it": "che", "de": "dass", "nl": "dat", "pl": "że"}
#: What stands between a reporting verb and its content when the speaker comes first ("dijo que X"; German
#: also "sagte, X").
WORD_ORDER_COMPLEMENTIZERS: dict[str, str] = {
    "zh": r"[，,：:]",
    **{language: rf",?\s+{word}\s+|:\s*" + (r"|,\s+" if language == "de" else "") for language, word in COMPLEMENTIZERS.items()},
}
#: Definite articles that open a speaker's phrase after the circumstances of the saying, when those come first:
#: "dijo a los periodistas la ministra", "sagte am Dienstag der Sprecher".
SPEAKER_ARTICLES: dict[str, frozenset[str]] = {
    "es": frozenset({"el", "la", "los", "las"}),
    "pt": frozenset({"o", "a", "os", "as"}),
    "it": frozenset({"il", "lo", "la", "i", "gli", "le"}),
    "de": frozenset({"der", "die", "das"}),
    "nl": frozenset({"de", "het"}),
}
#: Words after a reporting verb's speaker that open the circumstances of the saying (place, medium, audience,
#: time), not part of who speaks: "dijo el órgano en un comunicado", "schrieb der Zoo am Mittwoch auf Facebook".
SPEAKER_CIRCUMSTANCES: dict[str, frozenset[str]] = {
    "es": frozenset({"en", "a", "al", "ante", "durante", "tras", "desde", "mediante", "con", "ayer", "hoy", "anoche"}),
    "pt": frozenset({"em", "no", "na", "nos", "nas", "a", "ao", "à", "durante", "após", "desde", "com", "ontem", "hoje"}),
    "it": frozenset({
        "a", "al", "ai", "agli", "alla", "alle", "in", "nel", "nella", "nei", "nelle", "durante", "dopo", "con", "su",
        "sul", "sulla", "sui", "ieri", "oggi",
    }),
    "de": frozenset({
        "am", "im", "in", "auf", "bei", "beim", "gegenüber", "vor", "nach", "mit", "während", "zum", "zur", "per",
        "heute", "gestern",
    }),
    "nl": frozenset({"in", "op", "aan", "tegen", "tijdens", "bij", "na", "met", "gisteren", "vandaag"}),
    "pl": frozenset({"w", "we", "na", "podczas", "dla", "po", "przed", "wczoraj", "dziś", "dzisiaj"}),
}  # fmt: skip
#: Languages that drop a known subject ("Podkreślił, że X", "Añadió que X"): a reporting verb with no
#: subject before it reports the speaker of the sentences before, as English "he said" does.
PRO_DROP_LANGUAGES: frozenset[str] = frozenset({"es", "it", "pt", "pl"})
#: Languages that put the finite verb second in a main clause: an "according to" phrase opening the sentence
#: is followed by the verb ("Volgens de politie zijn X"), so its source ends before that verb.
VERB_SECOND_LANGUAGES: frozenset[str] = frozenset({"de", "nl"})
#: Words that report only after the content, with a name right after them ("Das sei falsch, so Scholz.").
AFTER_CONTENT_ONLY: frozenset[str] = frozenset({"so", "aldus"})

#: After "according to", these name no source: a relative pronoun ("según las cuales ...", "according to
#: which") or, in Spanish, "según cómo / cuando / si" ("depending on how / when / whether").
ACCORDING_TO_NO_SOURCE: frozenset[str] = frozenset(
    "which whom whose cual cuales quien quienes que lequel laquelle lesquels lesquelles quoi cómo como cuando si".split()
)
#: After "según", a verb of saying: "según dijo" ("as he said", the speaker is someone already named),
#: "según dijo un funcionario" (the speaker follows the verb).
ACCORDING_TO_VERBS: dict[str, frozenset[str]] = {
    "es": frozenset(
        """dijo dice dicen dijeron declaró declara afirmó afirma explicó explica señaló señala indicó indica
        informó informa informan aseguró asegura añadió apuntó publicó publica reveló anunció""".split()
    ),
}

#: Pronouns standing for a person (resolved to the nearest person named before).
PERSON_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "him", "her"}),
    "zh": frozenset({"他", "她"}),
    "ja": frozenset({"彼", "彼女"}),
    "ko": frozenset({"그", "그녀"}),
    "it": frozenset({"lui", "lei"}),
    "pt": frozenset({"ele", "ela"}),
    "de": frozenset({"er", "sie"}),
    "nl": frozenset({"hij", "zij", "ze"}),
    "fr": frozenset({"il", "elle", "lui"}),
    "es": frozenset({"él", "ella"}),
    "ru": frozenset({"он", "она", "его", "ее", "её"}),
    "pl": frozenset({"on", "ona", "jego", "jej"}),
}
#: Pronouns standing for an organisation or group.
GROUP_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"it", "they"}),
    "fr": frozenset({"ils", "elles"}),
    "es": frozenset({"ellos", "ellas"}),
    "ru": frozenset({"они", "оно"}),
}

#: Relative pronouns: as a subject they stand for the noun their clause describes ("N, who said ...").
RELATIVE_PRONOUNS: frozenset[str] = frozenset(
    "who which that qui lequel laquelle lesquels lesquelles quien quienes cual который которая которое которые".split()
)

#: Honorifics of a man and of a woman: "Mr. Adler" is not the Ruth Adler written "Mrs. Ruth Adler".
MALE_HONORIFICS: frozenset[str] = frozenset({"mr", "sir", "herr", "m", "sr"})
FEMALE_HONORIFICS: frozenset[str] = frozenset({"mrs", "ms", "miss", "dame", "mme", "mlle", "frau", "sra", "srta"})
#: Forms of address before a name ("Mr", "Dr", "Sra", "Herr"): they say how, not who, someone is called.
HONORIFICS: frozenset[str] = MALE_HONORIFICS | FEMALE_HONORIFICS | frozenset({"dr", "prof"})
#: Words written next to a name ("Mrs. N", "spokeswoman N", "N, the actress") that say a person's sex: the text's
#: own evidence for whom "she" or "he" can stand (no list of first names). Keyed by spaCy's morphological Gender.
SEXED_WORDS: dict[str, frozenset[str]] = {
    "Masc": MALE_HONORIFICS - {"sr"} | frozenset({  # "Sr." before an English name is a nun's title
        "spokesman", "chairman", "congressman", "councilman", "businessman", "actor", "king", "prince", "duke",
        "husband", "father", "son", "brother", "uncle", "nephew", "grandfather", "boyfriend", "widower", "man",
        "boy",
        "señor", "monsieur", "signor", "signore",
        "ministro", "diputado", "senador", "gobernador", "alcalde", "funcionario", "segretario", "direttore",
        "directeur", "ambassadeur", "député", "sénateur", "avocat", "président", "esposo", "marido", "mari",
    }),
    "Fem": FEMALE_HONORIFICS | frozenset({
        "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "businesswoman", "actress", "queen",
        "princess", "duchess", "wife", "mother", "daughter", "sister", "aunt", "niece", "grandmother", "girlfriend",
        "widow", "woman", "girl",
        "señora", "madame", "signora",
        "ministra", "diputada", "senadora", "gobernadora", "alcaldesa", "funcionaria", "presidenta", "directora",
        "segretaria", "direttrice", "ministre-présidente", "présidente", "directrice", "ambassadrice", "députée",
        "sénatrice", "avocate", "esposa", "épouse",
    }),
}
#: Singular articles that say the sex of the role noun after them, where the noun alone may not ("la portavoz",
#: "le porte-parole", "la ministre"); not the elided "l'", nor German "der"/"die" (also a case or a plural).
GENDERED_ARTICLES: dict[str, frozenset[str]] = {
    "Masc": frozenset({"le", "el", "il", "lo", "del", "al", "du", "au"}),
    "Fem": frozenset({"la"}),
}
#: Person pronouns that stand for one person only beside a reporting verb in the singular: German "sie" is
#: also "they" ("sagten sie") and, capitalised, the formal "you" (``quotes_speakers.is_one_person``).
NUMBER_AMBIGUOUS_PRONOUNS: dict[str, frozenset[str]] = {"de": frozenset({"sie"})}
#: Third-person pronouns' sex, for texts no parser gives morphology ("ella dijo", "sagte er", "-t-elle").
PRONOUN_SEXES: dict[str, str] = {
    "il": "Masc", "él": "Masc", "lui": "Masc", "ele": "Masc", "er": "Masc",
    "elle": "Fem", "ella": "Fem", "lei": "Fem", "ela": "Fem", "sie": "Fem",
}  # fmt: skip

#: Titles written short before a name ("Capt. N", "Sen. N", a police rank: "Const. N", "Insp. N"); the dot
#: closes the abbreviation, not a sentence.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset({
    "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "adm", "rev", "const", "cpl", "insp", "supt",
})  # fmt: skip
#: Role nouns that, with a definite article and no name, point back to a person named earlier.
TITLES: frozenset[str] = HONORIFICS | TITLE_ABBREVIATIONS | frozenset(
    """spokesman spokeswoman spokesperson minister president premier chancellor chief director official
    secretary senator governor ambassador general commander leader mayor candidate envoy diplomat adviser
    advisor chairman chairwoman ceo head prosecutor judge lawyer attorney analyst expert researcher
    porte-parole ministre président présidente directeur directrice chef ambassadeur député sénateur
    maire avocat représentant treasurer congressman congresswoman speaker pope king queen prince princess
    представитель министр президент глава директор посол пресс-секретарь
    prezydent premier rzecznik rzeczniczka burmistrz kanclerz wiceminister woordvoerder burgemeester
    bakan başbakan cumhurbaşkanı sözcü sözcüsü vali
    ministro ministra presidente presidenta portavoz gobernador gobernadora funcionario funcionaria senador senadora
    diputado diputada representante alcalde alcaldesa político política politician
    portavoce direttore direttrice segretario segretaria capo dg sindaco sindaca senatore senatrice deputato deputata
    procuratore assessore governatore ambasciatore staatssecretaris wethouder advocaat ambassadeur
    profesor profesorka ekspert
    sprecher sprecherin""".split()
)
#: The end of German role compounds ("Bundeskanzler", "Fraktionschef", "Finanzministerin").
ROLE_SUFFIX = re.compile(
    r"(?P<role>minister|kanzler|präsident|chef|sprecher|kandidat|leiter|vorsitzender?|bürgermeister|direktor|sekretär|"
    r"botschafter|richter|anwalt|politiker|experte|schauspieler|sänger|trainer|gründer|autor|journalist|"
    # Dutch roles and compounds ("havendirecteur", "oppositieleider", "bondscoach"); "leider", "directeur" and
    # "coach" alone are German "sadly", French and English words that the other lists decide
    r"voorzitter|woordvoerder|woordvoerster|burgemeester|topman|topvrouw|(?<=\w\w)(?:leider|directeur|coach))"
    r"(?:in|innen)?$",
    re.IGNORECASE,
)


def is_role_word(word: str) -> bool:
    """A word naming someone by role in any language here: "ministro", "premier", "Arbeitsminister"."""
    return word.lower().rstrip(".") in TITLES or ROLE_SUFFIX.search(word) is not None


def role_key(word: str) -> str:
    """What two ways of writing a role share: "Arbeitsminister" and "Bundesminister" -> "minister"."""
    compound = ROLE_SUFFIX.search(word)
    return compound["role"].lower() if compound else word.lower().rstrip(".")


def sex_of_word(word: str, language: str | None = None) -> str | None:
    """The sex a word written with a name says: "spokeswoman", "ministra" (:data:`SEXED_WORDS`), a German role
    in the feminine ("Finanzministerin"); in German text, one in the masculine before a name ("Bürgermeister N":
    a woman would be "Bürgermeisterin N"), but not "Vorsitzende", the same for both."""
    lowered = word.lower().rstrip(".")
    if (sex := next((sex for sex, words in SEXED_WORDS.items() if lowered in words), None)) is not None:
        return sex
    compound = ROLE_SUFFIX.search(word)
    if compound is None or compound["role"].lower() == "vorsitzende":
        return None
    if lowered.endswith(compound["role"].lower() + "in"):
        return "Fem"
    return "Masc" if language == "de" and lowered.endswith(compound["role"].lower()) else None
