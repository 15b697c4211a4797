from compare_helpers import entity, make_article, parse_numbers, quote_at, time_at

from storyline.compare.claims import split_claims


def test_claims_point_into_the_article_text():
    article = make_article("a", ["First sentence is about the mayor. Second sentence says more things.", "Too short.", "Third claim sits in paragraph three."])
    claims = split_claims(article)
    assert [c.id for c in claims] == ["a:c0", "a:c1", "a:c2"]
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text
    assert claims[2].paragraph == 2
    assert "Too short." not in [c.text for c in claims]


def test_abbreviations_do_not_end_a_claim():
    article = make_article("a", ["The spokesperson on Dec. 9 called the partnership harmful to the region."], language="en")
    assert len(split_claims(article)) == 1


def test_anchors_come_from_enrichment():
    text = "Mayor Ana Lopez said on Monday that 40 people were hurt in the blast."
    article = make_article(
        "a",
        [text],
        entities=[entity(text, "Ana Lopez")],
        times=[time_at(text, "Monday", "2024-03-04")],
        quotes=[quote_at(text, "40 people were hurt in the blast", "Ana Lopez")],
    )
    (claim,) = split_claims(article)
    assert claim.entities == ["ana lopez"]
    assert claim.dates == ["2024-03-04"]
    assert claim.numbers == [40.0]
    assert claim.speaker == "Ana Lopez"
    assert not claim.negated


def test_institutions_are_not_claim_speakers():
    text = "The ministry said that the border would stay closed all week."
    article = make_article("a", [text], entities=[entity(text, "ministry", "ORG")], quotes=[quote_at(text, "the border would stay closed all week", "ministry")])
    assert split_claims(article)[0].speaker is None


def test_numbers_are_compared_by_magnitude_across_languages():
    assert parse_numbers("a $40 billion contract") == [4e10]
    assert parse_numbers("un contrato de 40.000 millones") == [4e10]
    assert parse_numbers("up 2.5 percent in 2008") == [2.5]


def test_negation_is_detected_in_several_languages():
    for sentence in ("Iran does not seek permission from anyone today.", "El gobierno no aceptará la propuesta del rival.", "Le ministre ne viendra pas demain matin."):
        assert split_claims(make_article("a", [sentence]))[0].negated


def test_semicolons_split_long_clauses_only():
    two = make_article("a", ["The port reopened on Monday after the storm; fishing boats returned to sea at dawn."])
    assert [c.text for c in split_claims(two)] == ["The port reopened on Monday after the storm;", "fishing boats returned to sea at dawn."]
    one = make_article("a", ["Prices rose sharply; analysts were not surprised."])
    assert len(split_claims(one)) == 1


def test_scripts_without_spaces_still_make_claims():
    article = make_article("a", ["伊朗外交部发言人表示，伊朗发展与俄罗斯的关系不需要任何人的许可。美国对此表示担忧。"], language="zh")
    assert len(split_claims(article)) == 2


def test_japanese_sentences_end_at_full_stops_without_spaces():
    article = make_article("a", ["報道官は米国の主張には根拠がないと強調した。一方、国務省の報道官は懸念を示していた。"], language="ja")
    assert [c.text for c in split_claims(article)] == [
        "報道官は米国の主張には根拠がないと強調した。",
        "一方、国務省の報道官は懸念を示していた。",
    ]


def test_claims_of_a_story_name_one_entity_alike():
    from compare_helpers import bag_of_words

    from storyline.compare.story import compare

    first = "Ines Vidal said the Ruritania bridge would reopen next spring."
    second = "Vidal said the bridge in Ruritania would reopen within months."
    articles = [
        make_article("a", [first], entities=[entity(first, "Ines Vidal")]),
        make_article("b", [second], entities=[entity(second, "Vidal")]),
    ]
    comparison = compare(articles, bag_of_words)
    assert [c.entities for c in comparison.claims] == [["ines vidal"], ["ines vidal"]]
    assert comparison.claims[1].actors[0][2] == "Ines Vidal"
    (vidal,) = comparison.entities
    assert (vidal["name"], vidal["articles"]) == ("Ines Vidal", ["a", "b"])
