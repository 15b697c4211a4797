import numpy as np
from compare_helpers import entity, make_article, quote_at

from storyline.compare.quotes import group_quotes
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
