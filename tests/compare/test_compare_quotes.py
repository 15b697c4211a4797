import os
import subprocess
import sys

import numpy as np
from compare_helpers import entity, make_article, quote_at

from storyline.compare.involved import quotes_of
from storyline.compare.quotes import _speakers, group_quotes
from storyline.compare.story import compare

SAID = "We will not raise taxes on small firms this year"


def _article(article_id: str, speaker: str, kind: str = "PERSON", words: str = SAID):
    text = f'{speaker} told reporters: "{words}."'
    article = make_article(article_id, [text], outlet=f"Outlet {article_id}")
    article.entities = [entity(text, speaker, kind)]
    article.quotes = [quote_at(text, words, speaker)]
    return article


def test_one_statement_in_two_articles_is_grouped_with_its_speaker(encode):
    (quote,) = compare([_article("a", "Maria Stone"), _article("b", "Stone")], encode).quotes
    assert quote["articles"] == ["a", "b"]
    assert quote["speakers"] == ["Maria Stone"]
    assert not quote["conflict"]


def test_one_statement_credited_to_two_people_is_flagged(encode):
    (quote,) = compare([_article("a", "Maria Stone"), _article("b", "Peter Vance")], encode).quotes
    assert quote["conflict"]
    assert "Maria Stone" in quote["evidence"][0] and "Peter Vance" in quote["evidence"][0]


def test_a_short_answer_two_people_give_is_two_statements(encode):
    quotes = compare([_article("a", "Maria Stone", words="Yes"), _article("b", "Peter Vance", words="Yes")], encode).quotes
    assert len(quotes) == 2 and not any(q["conflict"] for q in quotes)


def test_an_institution_and_its_spokesperson_do_not_conflict(encode):
    (quote,) = compare([_article("a", "Maria Stone"), _article("b", "Finance Ministry", "ORG")], encode).quotes
    assert not quote["conflict"]


def test_different_statements_stay_apart(encode):
    other = _article("b", "Peter Vance", words="The harbour will reopen for fishing boats in April")
    quotes = compare([_article("a", "Maria Stone"), other], encode).quotes
    assert len(quotes) == 2 and not any(q["conflict"] for q in quotes)


def _translated_pair(speaker_a: str, speaker_b: str, language_b: str):
    """Two articles quoting one statement each; the fake encoder puts the quotes at cosine 0.65."""
    a, b = _article("a", speaker_a), _article("b", speaker_b, words="Мы не будем повышать налоги в этом году")
    a.language, b.language = "en", language_b

    def encode(texts):
        return np.array([[1.0, 0.0], [0.65, (1 - 0.65**2) ** 0.5]])[: len(texts)]

    return group_quotes([a, b], encode, {"a": "Outlet a", "b": "Outlet b"})


def test_one_speaker_quoted_in_two_languages_needs_less_similarity():
    (quote,) = _translated_pair("Olaf Scholz", "Олаф Шольц", "ru")
    assert quote["articles"] == ["a", "b"]
    assert len(_translated_pair("Olaf Scholz", "Maria Stone", "ru")) == 2  # other speaker: two statements
    assert len(_translated_pair("Olaf Scholz", "Olaf Scholz", "en")) == 2  # one language: a rewording needs 0.7


def _quoting(article_id: str, text: str, quoted: str, speaker: str, kind: str = "direct", speaker_type: str = "PERSON"):
    """An article whose one quote is ``quoted`` (its text, marks and all for a partial one) by ``speaker``."""
    article = make_article(article_id, [text], outlet=f"Outlet {article_id}")
    article.entities = [entity(text, speaker, speaker_type)] if speaker != "unattributed" else []
    article.quotes = [quote_at(text, quoted, speaker)]
    article.quotes[0].kind = kind
    return article


def _orthogonal(texts):
    """A fake encoder under which no two quotes are alike: only wording and speakers may group them."""
    return np.eye(len(texts))


def _groups(*articles):
    return group_quotes(list(articles), _orthogonal, {a.id: a.outlet for a in articles})


def test_a_short_quoted_word_of_one_speaker_joins_the_full_quote():
    # "optimistic" (10 letters) never counted as contained: fragments under 20 characters were ignored
    full = _quoting("a", '"I am optimistic that the harbour will reopen," Olga Petrenko said.', "I am optimistic that the harbour will reopen", "Olga Petrenko")
    part = 'Petrenko said she was "optimistic" about the port.'
    (group,) = _groups(full, _quoting("b", part, 'she was "optimistic" about the port', "Petrenko", "partial"))
    assert group["articles"] == ["a", "b"] and group["speakers"] == ["Olga Petrenko"]
    other = _quoting("b", 'Ines Vidal said she was "optimistic" about the port.', 'she was "optimistic" about the port', "Ines Vidal", "partial")
    assert len(_groups(full, other)) == 2  # another speaker's one word is no evidence


def test_a_compound_written_apart_is_the_same_fragment():
    full = _quoting("a", '"There is a lot of good will in Port Elwyn," Ruth Adler said.', "There is a lot of good will in Port Elwyn", "Ruth Adler")
    part = 'Adler said "there is a lot of goodwill" in the town.'
    (group,) = _groups(full, _quoting("b", part, 'said "there is a lot of goodwill" in the town', "Adler", "partial"))
    assert group["articles"] == ["a", "b"]


def test_two_fragments_sharing_a_short_phrase_stay_apart():
    a = _quoting("a", 'Bell said "half a ton" of grain was lost.', '"half a ton" of grain was lost', "Marco Bell", "partial")
    b = _quoting("b", 'Bell said "half a ton" of nets were stolen.', '"half a ton" of nets were stolen', "Marco Bell", "partial")
    assert len(_groups(a, b)) == 2


def test_a_fragment_negated_outside_its_marks_is_not_the_statement_it_denies(encode):
    # "memos show no collusion" grouped with "X tried to hold up the investigation": the partial quote's own
    # words ("show clearly") carry no negation, the outlet's words around them do
    said = 'Bell said the files "show clearly" no fraud at the port.'
    other = "Critics said the files show clearly that Bell tried to stop the port inquiry."
    a = _quoting("a", said, 'the files "show clearly" no fraud at the port', "Marco Bell", "partial")
    b = _quoting("b", other, "the files show clearly that Bell tried to stop the port inquiry", "Critics", "indirect", "MISC")
    b.entities = []
    assert len(group_quotes([a, b], encode, {"a": "A", "b": "B"})) == 2


def test_two_organisations_are_two_speakers_but_not_an_organisation_and_no_one():
    # two outlets' reports of a visit grouped as one statement: only two people were two speakers
    said, reworded = "The ferry to Port Elwyn will resume on Monday", "Ferries return to the Elwyn route next week"
    gazette = _quoting("a", f"{said}, Elwyn Gazette reported.", said, "Elwyn Gazette", "indirect", "ORG")
    radio = _quoting("b", f"{reworded}, Radio Elwyn reported.", reworded, "Radio Elwyn", "indirect", "ORG")
    nobody = _quoting("b", f"{reworded}, it was reported.", reworded, "unattributed", "indirect")
    assert len(group_quotes([gazette, radio], _cosine(0.8), {"a": "A", "b": "B"})) == 2
    assert len(group_quotes([gazette, nobody], _cosine(0.8), {"a": "A", "b": "B"})) == 1


def _cosine(value: float):
    """A fake encoder putting two texts at cosine ``value``."""
    return lambda texts: np.array([[1.0, 0.0], [value, (1 - value**2) ** 0.5]])[: len(texts)]


def test_one_speaker_has_one_name_across_groups_and_nicknames_are_no_conflict():
    # "Trump" / "Donald Trump" split groups' speakers; "Bob X" vs "Robert W. X" was flagged as two speakers
    said = "The port of Elwyn will stay open all winter"
    a = _quoting("a", f'"{said}," Robert W. Adler said.', said, "Robert W. Adler")
    b = _quoting("b", f'"{said}," Bob Adler said.', said, "Bob Adler")
    c = _quoting("c", '"Fishing quotas are too low," Adler said.', "Fishing quotas are too low", "Adler")
    (same, other) = group_quotes([a, b, c], _cosine_all(0.9), {"a": "A", "b": "B", "c": "C"})
    assert not same["conflict"] and same["articles"] == ["a", "b"]
    assert same["speakers"] == other["speakers"] and len(same["speakers"]) == 1


def _cosine_all(value: float):
    """Texts identical by meaning except the last: 1 among the first ones, 0 with the last."""
    return lambda texts: np.array([[1.0, 0.0]] * (len(texts) - 1) + [[0.0, 1.0]])


def test_groups_run_from_most_outlets_and_tie_each_speaker_to_its_outlets(encode):
    said = "The port of Elwyn will stay open all winter"
    a = _quoting("a", f'"{said}," Olga Petrenko said.', said, "Olga Petrenko")
    b = _quoting("b", f'"{said}," it said.', said, "unattributed")
    lone = _quoting("c", '"Quotas are too low," Ines Vidal said.', "Quotas are too low", "Ines Vidal")
    first, second = group_quotes([lone, a, b], encode, {"a": "A", "b": "B", "c": "C"})
    assert first["outlets"] == ["A", "B"] and second["outlets"] == ["C"]
    assert [(c["speaker"], c["articles"], c["outlets"]) for c in first["credited"]] == [
        ("Olga Petrenko", ["a"], ["A"]),
        ("unattributed", ["b"], ["B"]),
    ]


def test_paraphrases_giving_adjacent_figures_are_two_statements(encode):
    """"4%" and "5%" are each rounded to the unit: their margins touch at 4.5 without either figure fitting
    the other, so the quotes are not one statement credited to both outlets."""
    said = "Port authority chief Ines Vidal said the offer of {} was final."
    a, b = (
        _quoting(i, said.format(figure), f"the offer of {figure} was final", "Ines Vidal", kind="indirect")
        for i, figure in (("a", "4%"), ("b", "5%"))
    )
    assert len(compare([a, b], encode).quotes) == 2
    same = _quoting("c", said.format("4 percent"), "the offer of 4 percent was final", "Ines Vidal", kind="indirect")
    assert len(compare([a, same], encode).quotes) == 1


def test_a_fragment_joins_the_translation_of_the_whole_quote_it_is_taken_from():
    # the Spanish rendering of a minister's words stood apart: the English fragment of them scored 0.3 with it,
    # and one low pair kept it out of the statement's group
    said = "We warned the operator twice last year that the spillway was cracked"
    whole = _quoting("a", f'"{said}," Ines Vidal said.', said, "Ines Vidal")
    part = f'Ines Vidal had said that her ministry "{said[3:]}".'
    fragment = _quoting("b", part, f'that her ministry "{said[3:]}"', "Ines Vidal", "partial")
    dicho = "Advertimos al operador dos veces el año pasado de que el aliviadero estaba agrietado"
    spanish = _quoting("c", f'"{dicho}", dijo Ines Vidal.', dicho, "Ines Vidal")
    spanish.language = "es"
    for article in (whole, fragment):
        article.language = "en"
    vectors = np.array([[1.0, 0.0, 0.0], [0.4, 0.0, (1 - 0.4**2) ** 0.5], [0.75, (1 - 0.75**2) ** 0.5, 0.0]])
    (group,) = group_quotes([whole, fragment, spanish], lambda texts: vectors[: len(texts)], {"a": "A", "b": "B", "c": "C"})
    assert group["articles"] == ["a", "b", "c"]


def test_one_speakers_name_variants_keep_the_storys_first_whatever_the_string_hashing():
    """Equal counts and lengths were ordered by a set, which changes with PYTHONHASHSEED: the same library
    grouped its quotes differently from one process to the next."""
    assert _speakers(["Inés Vidal", "Ines Vidal"]) == ["Inés Vidal"]
    assert _speakers(["Ines Vidal", "Inés Vidal"]) == ["Ines Vidal"]
    program = (
        "from storyline.compare.quotes import _speakers;"
        "print(_speakers(['Ruth Adler', 'Marco Bell', 'Anna Bell', 'Ines Vidal', 'Inés Vidal', 'R. Adler']))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(outputs) == 1


def _port_statement(article_id: str, language: str, said: str, speaker: str, cue: str):
    """A reported statement of ``speaker``, a vague institution no recogniser names ("the port authority"), in
    an enriched article (one that names a place only)."""
    text = f"{said}, {cue} {speaker}." if language == "fr" else f"{said}, {speaker} {cue}."
    article = _quoting(article_id, text, said, speaker, "indirect")
    article.entities, article.language = [entity(text, "Port Elwyn", "GPE")], language
    return article


def test_a_statement_and_its_translation_group_under_the_translated_name_of_their_speaker(use_encode):
    # "the port authority" / "l'autorité portuaire" were two speakers: the translation needed the same-language bar
    english = _port_statement("a", "en", "Crossings to the island should restart by Thursday if the swell eases", "the port authority", "said")
    french = _port_statement(
        "b", "fr", "Les traversées vers l'île devraient reprendre d'ici jeudi si la houle se calme", "l'autorité portuaire", "a indiqué"
    )
    (group,) = group_quotes([english, french], use_encode, {"a": "A", "b": "B"})
    assert group["articles"] == ["a", "b"] and group["speakers"] == ["the port authority"] and not group["conflict"]


def test_an_opposite_statement_on_one_topic_in_another_language_stays_apart(use_encode):
    # near miss: the same speaker, one topic, the other outcome (cosine 0.60)
    english = _port_statement("a", "en", "Ferry traffic is expected to resume on Thursday", "the port authority", "said")
    french = _port_statement("b", "fr", "Les ferries resteront à quai jusqu'à la fin du mois", "l'autorité portuaire", "a indiqué")
    assert len(group_quotes([english, french], use_encode, {"a": "A", "b": "B"})) == 2


def test_another_institution_in_another_language_keeps_its_name_and_the_full_bar(use_encode):
    english = _port_statement("a", "en", "Crossings to the island should restart by Thursday if the swell eases", "the port authority", "said")
    french = _port_statement(
        "b", "fr", "Les traversées vers l'île devraient reprendre d'ici jeudi si la houle se calme", "la mairie", "a indiqué"
    )
    groups = group_quotes([english, french], use_encode, {"a": "A", "b": "B"})
    assert sorted(g["speakers"][0] for g in groups) == ["la mairie", "the port authority"]


def test_a_translation_credited_to_no_one_needs_only_the_translated_bar():
    a, b = _article("a", "Olaf Scholz"), _article("b", "unattributed", words="Мы не будем повышать налоги в этом году")
    a.language, b.language, b.entities = "en", "ru", []
    b.quotes[0].speaker = "unattributed"
    (group,) = group_quotes([a, b], _cosine(0.65), {"a": "Outlet a", "b": "Outlet b"})
    assert group["articles"] == ["a", "b"]


def _unit_vectors(gram: list[list[float]]) -> np.ndarray:
    """Unit vectors whose pairwise cosines are ``gram``'s."""
    return np.linalg.cholesky(np.array(gram))


def test_a_first_sentence_joins_the_translation_of_the_statement_another_outlet_quotes_whole():
    # one senator's two sentences in two languages stood as two statements: one outlet's first sentence alone
    # scored 0.55 with the Spanish whole (under the translated bar) and kept it out of the English group
    first = "We should build our ferries in Port Elwyn with Port Elwyn workers"
    said = f"{first}. I can not believe we would create jobs abroad instead."
    whole = _quoting("a", f'"{said}" Ruth Adler said.', said, "Ruth Adler")
    opening = _quoting("b", f"Ruth Adler said {first}.", first, "Ruth Adler", "indirect")
    dicho = "Deberíamos construir nuestros transbordadores en Port Elwyn. No puedo creer que creemos empleos fuera."
    spanish = _quoting("c", f'"{dicho}" dijo Ruth Adler.', dicho, "Ruth Adler")
    whole.language, opening.language, spanish.language = "en", "en", "es"
    vectors = _unit_vectors([[1.0, 0.75, 0.8], [0.75, 1.0, 0.55], [0.8, 0.55, 1.0]])
    (group,) = group_quotes([whole, opening, spanish], lambda texts: vectors[: len(texts)], {"a": "A", "b": "B", "c": "C"})
    assert group["articles"] == ["a", "b", "c"]


def test_a_first_sentence_with_another_figure_stays_apart_from_the_translation():
    first = "We will build 12 ferries in Port Elwyn with Port Elwyn workers"
    said = f"{first}. I can not believe we would create jobs abroad instead."
    whole = _quoting("a", f'"{said}" Ruth Adler said.', said, "Ruth Adler")
    opening = _quoting("b", f"Ruth Adler said {first.replace('12', '14')}.", first.replace("12", "14"), "Ruth Adler", "indirect")
    dicho = "Construiremos 12 transbordadores en Port Elwyn. No puedo creer que creemos empleos fuera."
    spanish = _quoting("c", f'"{dicho}" dijo Ruth Adler.', dicho, "Ruth Adler")
    whole.language, opening.language, spanish.language = "en", "en", "es"
    vectors = _unit_vectors([[1.0, 0.75, 0.8], [0.75, 1.0, 0.55], [0.8, 0.55, 1.0]])
    groups = group_quotes([whole, opening, spanish], lambda texts: vectors[: len(texts)], {"a": "A", "b": "B", "c": "C"})
    assert ["b"] in [g["articles"] for g in groups]


def _surname_story():
    """Helen and Tomas Rivers quoted once each in full, "Rivers said" in three other articles: one of them
    names Helen Rivers first (its recogniser's entity has "Rivers" as her variant), two name no one else."""
    statements = {
        "helen": ("Helen Rivers", "The clinic will open its doors to every family next spring"),
        "tomas": ("Tomas Rivers", "Our shipyard has hired forty welders since the summer"),
        "named": ("Rivers", "The clinic budget was approved by the whole board in March"),
        "bare1": ("Rivers", "Nobody on the council ever asked about the tunnel"),
        "bare2": ("Rivers", "Flood barriers along the quay are finished at last"),
    }
    articles = []
    for article_id, (speaker, words) in statements.items():
        lead = "Helen Rivers chairs the clinic board. " if article_id == "named" else ""
        text = f'{lead}{speaker} told reporters: "{words}."'
        article = make_article(article_id, [text], outlet=f"Outlet {article_id}")
        mentions = entity(text, speaker)
        if lead:
            mentions = entity(text, "Helen Rivers")
            mentions.variants = ["Rivers"]
        article.entities = [mentions]
        article.quotes = [quote_at(text, words, speaker)]
        articles.append(article)
    return articles


def test_two_people_sharing_a_surname_keep_their_own_quotes(encode):
    comparison = compare(_surname_story(), encode)
    quotes = comparison.quotes
    credited = {q["articles"][0]: q["speakers"] for q in quotes}
    # each full name keeps its person, not the surname most quotes use
    assert credited["helen"] == ["Helen Rivers"] and credited["tomas"] == ["Tomas Rivers"]
    # the article that names Helen Rivers means her by "Rivers"
    assert credited["named"] == ["Helen Rivers"]
    # a bare surname no article resolves stays as written, merged into neither
    assert credited["bare1"] == credited["bare2"] == ["Rivers"]
    # the speaker filter finds hers, not his
    assert sorted(g["articles"][0] for g in quotes_of(quotes, comparison.entities, "helen rivers")) == ["helen", "named"]


def test_a_shared_surname_saying_a_full_names_statement_is_shown_under_the_full_name(encode):
    helen, tomas, *_ = _surname_story()
    text = f'Rivers told reporters: "{helen.quotes[0].text}."'
    bare = make_article("bare", [text], outlet="Outlet bare")
    bare.entities, bare.quotes = [entity(text, "Rivers")], [quote_at(text, helen.quotes[0].text, "Rivers")]
    (group,) = [q for q in compare([helen, tomas, bare], encode).quotes if "helen" in q["articles"]]
    assert group["articles"] == ["helen", "bare"] and group["speakers"] == ["Helen Rivers"]


def test_a_surname_of_one_person_still_takes_the_story_name(encode):
    articles = [a for a in _surname_story() if a.id != "tomas"]
    assert {s for q in compare(articles, encode).quotes for s in q["speakers"]} == {"Helen Rivers"}
