"""Per-language word lists for reported speech: reporting verbs, "according to", pronouns, titles.

General lists (lemmas), not tuned to any article. A language missing here
still gets punctuation quotes; it only loses unquoted reported speech.
"""

from __future__ import annotations

#: Verbs that introduce what someone said, wrote or holds (lemmas).
REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """say tell add note state claim argue explain insist warn announce report write tweet post reply
        respond retort declare acknowledge admit deny confirm suggest assert contend maintain recall stress
        emphasize emphasise observe comment remark reveal predict promise caution complain concede testify
        allege indicate ask urge believe think feel hope fear worry expect estimate conclude agree
        disclose reiterate counter boast vow pledge threaten charge protest lament speculate
        describe show find learn know""".split()
    ),
    "fr": frozenset(
        """dire déclarer affirmer ajouter expliquer estimer indiquer souligner préciser annoncer assurer
        répondre rétorquer confier noter écrire raconter avertir prévenir insister reconnaître démentir
        juger admettre poursuivre lancer marteler confirmer dénoncer rappeler commenter observer
        regretter promettre prédire révéler avouer nier soutenir penser croire tweeter""".split()
    ),
    "ru": frozenset(
        """сказать говорить заявить заявлять отметить отмечать сообщить сообщать добавить добавлять
        подчеркнуть подчеркивать пояснить пояснять рассказать рассказывать написать писать ответить
        признать признавать считать заметить указать указывать уточнить объявить утверждать
        предупредить напомнить заверить настаивать полагать думать""".split()
    ),
    "es": frozenset(
        """decir declarar afirmar añadir agregar explicar señalar indicar asegurar anunciar responder
        advertir insistir reconocer negar confirmar escribir sostener destacar subrayar""".split()
    ),
}

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
    ),
    "fr": frozenset(
        """vouloir souhaiter espérer compter refuser appuyer critiquer condamner saluer défendre
        rejeter accuser réclamer exiger proposer demander menacer""".split()
    ),
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
    ),
}
#: Prepositions that carry a stance verb's content ("called for a ban", "accused N of lying").
STANCE_PREPOSITIONS: frozenset[str] = frozenset({"for", "against", "about", "to", "of", "pour", "contre"})

#: Verbs that put someone's words in quotation marks without reporting speech ("called it "baseless"").
NAMING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("call dub label brand term describe denounce slam condemn praise".split()),
    "fr": frozenset("qualifier appeler traiter dénoncer".split()),
    "ru": frozenset("назвать называть".split()),
    "es": frozenset("calificar llamar".split()),
}

#: Phrases naming a source before or after a claim: "according to N, ...".
ACCORDING_TO: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("according", "to"),),
    "fr": (("selon",), ("d'après",), ("d’après",)),
    "es": (("según",),),
    "ru": (("по", "словам"), ("по", "мнению"), ("по", "данным"), ("согласно",)),
}

#: Pronouns standing for a person (resolved to the nearest person named before).
PERSON_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "him", "her"}),
    "fr": frozenset({"il", "elle", "lui"}),
    "es": frozenset({"él", "ella"}),
    "ru": frozenset({"он", "она", "его", "ее", "её"}),
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

#: Role nouns that, with a definite article and no name, point back to a person named earlier.
TITLES: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson minister president premier chancellor chief director official
    secretary senator governor ambassador general commander leader mayor candidate envoy diplomat adviser
    advisor chairman chairwoman ceo head prosecutor judge lawyer attorney analyst expert researcher
    porte-parole ministre président présidente directeur directrice chef ambassadeur député sénateur
    maire avocat représentant treasurer congressman congresswoman speaker pope king queen prince princess
    mr mrs ms miss dr prof sen rep gov gen col lt sgt capt adm rev sir dame mme mlle m
    представитель министр президент глава директор посол пресс-секретарь""".split()
)
