import pytest

from storyline.enrich.pipeline import COMPONENTS, EnrichConfig, Enricher


def test_registry_and_unknown_component():
    assert {"entities", "quotes", "times"} <= set(COMPONENTS)
    with pytest.raises(ValueError, match="nosuch"):
        Enricher(EnrichConfig(components=["entities", "nosuch"]))


def test_enrich_returns_a_copy_and_keeps_the_input(enricher, make_article):
    article = make_article("Senator Ruth Adler said the bill would pass.")
    enriched = enricher.enrich(article)
    assert article.entities == [] and article.quotes == []
    assert [e.name for e in enriched.entities] == ["Ruth Adler"]
    assert enriched.quotes[0].speaker == "Ruth Adler"


def test_french_reported_speech(enricher, make_article):
    article = enricher.enrich(make_article(
        "Le ministre Paul Girard a déclaré que la réforme serait votée en mars.\n\n"
        "« Nous ne reculerons pas », a-t-il ajouté.",
        language="fr",
    ))
    assert any(q.speaker == "Paul Girard" and q.cue == "déclaré" for q in article.quotes)
    assert any(q.kind == "direct" and q.text.startswith("«") for q in article.quotes)


def test_language_without_a_model_falls_back_to_punctuation(enricher, make_article):
    article = enricher.enrich(make_article(
        "La ministra Elena Ruiz habló en Madrid. «No habrá recortes», afirmó Ruiz.", language="es"
    ))
    assert any(e.name == "Madrid" and e.type == "PLACE" for e in article.entities)
    assert "Según" not in {e.name.split()[0] for e in article.entities}
    assert [(q.text, q.speaker) for q in article.quotes] == [("«No habrá recortes»", "Elena Ruiz")]


@pytest.mark.slow
def test_russian_through_natasha(enricher, make_article):
    article = enricher.enrich(make_article(
        "Президент Владимир Путин заявил, что Москва готова к переговорам.\n\n"
        "По словам Путина, встреча пройдет в Женеве.",
        language="ru",
    ))
    people = [e for e in article.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Владимир Путин"] and len(people[0].mentions) == 2
    assert [(q.cue, q.speaker) for q in article.quotes] == [("заявил", "Владимир Путин"), ("По словам", "Владимир Путин")]


def test_enrich_many_matches_enrich_and_keeps_order(enricher, make_article):
    articles = [
        make_article("Coach Dara Quinn said the team is ready.", article_id="en1"),
        make_article("« Nous gagnerons », a déclaré l'entraîneur Luc Morel.", language="fr", article_id="fr1"),
        make_article("Senator Ana Bello told reporters that the vote was delayed.", article_id="en2"),
    ]
    batched = enricher.enrich_many(articles)
    assert [a.id for a in batched] == ["en1", "fr1", "en2"]
    assert [a.quotes for a in batched] == [enricher.enrich(a).quotes for a in articles]


def test_a_text_over_the_piece_limit_is_parsed_in_pieces_with_offsets_into_the_whole(enricher, make_article, monkeypatch):
    from storyline.enrich import languages

    paragraphs = [
        "Senator Ruth Adler said the bill would pass.",
        "The committee met on the third floor of the building for most of the afternoon.",
        "Mayor Ines Vidal told reporters that the bridge will reopen.",
        "Adler said she had the votes.",
    ]
    article = make_article("\n\n".join(paragraphs))
    whole = enricher.enrich(article)
    monkeypatch.setattr(languages, "PIECE_CHARS", 90)  # each paragraph a piece of its own
    assert len(languages.text_pieces(article.text, 90)) == 4
    pieced = enricher.enrich_many([article])[0]
    text = article.text
    assert [(q.speaker, text[q.start : q.end]) for q in pieced.quotes] == [
        (q.speaker, text[q.start : q.end]) for q in whole.quotes
    ]
    assert [q.speaker for q in pieced.quotes] == ["Ruth Adler", "Ines Vidal", "Ruth Adler"]
    adler = next(e for e in pieced.entities if e.name == "Ruth Adler")
    assert [text[s:e] for s, e in adler.mentions] == ["Ruth Adler", "Adler"]  # one entity across pieces


def test_text_pieces_cut_at_paragraphs_then_sentences_then_spaces_and_cover_the_text():
    from storyline.enrich.languages import text_pieces

    text = "One two three. Four five six.\nSeven eight nine ten eleven twelve"
    pieces = text_pieces(text, 20)
    assert "".join(text[s:e] for s, e in pieces) == text and all(e - s <= 20 for s, e in pieces)
    assert [text[s:e] for s, e in pieces][:2] == ["One two three. ", "Four five six.\n"]
    assert text_pieces("x" * 45, 20) == [(0, 20), (20, 40), (40, 45)]  # no break in reach: a hard cut
    assert text_pieces("伊朗外交部表示。俄罗斯回应了。", 10) == [(0, 8), (8, 15)]
