"""Types of names the small English model mistypes, and words it takes for names (invented fixtures)."""

import spacy

from storyline.compare.involved import story_entities
from storyline.enrich.entities import _in_spaced_compound
from storyline.enrich.entities_types import _kind_of_group, _names_institution, _names_vessel, _written_with_the


def types_of(enricher, make_article, text):
    return {e.name: e.type for e in enricher.enrich(make_article(text)).entities}


def test_a_newspaper_after_the_is_an_organisation_in_every_mention(enricher, make_article):
    types = types_of(
        enricher,
        make_article,
        "According to the Port Elwyn Herald, who first reported the deal, Ruth Adler resigned. "
        "Port Elwyn Herald editors declined to comment.",
    )
    assert types["Port Elwyn Herald"] == "ORG"
    assert types["Ruth Adler"] == "PERSON"


def test_institutions_and_teams_are_no_people_for_a_who_after_them(enricher, make_article):
    types = types_of(
        enricher,
        make_article,
        "Ruth Adler studied at Ruritania College, who said she was gifted. "
        "The Elwyn Dispatch reported that the Bell Tigers, who lost, were sold. Marco Bell declined to comment.",
    )
    assert types["Ruritania College"] == "ORG"
    assert types["Bell Tigers"] == "ORG"
    assert types["Marco Bell"] == types["Ruth Adler"] == "PERSON"


def test_a_newspaper_word_closing_a_persons_name_needs_a_place_or_the():
    assert _names_institution("Alaska Post", set(), after_the=False)
    assert _names_institution("Ruritania Star", {"Ruritania"}, after_the=False)
    assert _names_institution("Elwyn Star", set(), after_the=True)
    assert not _names_institution("Marco Press", set(), after_the=False)  # a surname
    assert _names_institution("Elwyn University", set(), after_the=False)


def test_title_holiday_and_state_abbreviation_without_its_dot(enricher, make_article):
    types = types_of(
        enricher,
        make_article,
        "Secretary of State Olga Petrenko travelled over Easter. She checked into a clinic in Port Elwyn, Calif, "
        "on Monday.",
    )
    assert "State" not in types and "Easter" not in types
    assert types["Olga Petrenko"] == "PERSON"
    assert types["California"] == "PLACE"


def test_title_words_run_into_an_organisation_are_cut_from_it(enricher, make_article):
    types = types_of(
        enricher,
        make_article,
        'Asked about the rift, Ruritan Executive Vice President Marco Bell replied, "We will see."',
    )
    assert types == {"Ruritan": "ORG", "Marco Bell": "PERSON"}


def test_a_word_of_a_spaced_hyphen_compound_is_no_name_but_a_dash_is_no_compound():
    doc = spacy.blank("en")("They met at Vel - a - Mora on Friday . Bell - a close friend - came too .")
    words = [t.text for t in doc]
    assert _in_spaced_compound(doc, words.index("Vel"))
    assert _in_spaced_compound(doc, words.index("Mora"))
    assert not _in_spaced_compound(doc, words.index("Bell"))


def test_story_types_follow_the_articles_evidence(enricher, make_article):
    articles = [
        enricher.enrich(make_article(text, article_id=str(i)))
        for i, text in enumerate(
            [
                "According to the Port Elwyn Herald, who first reported the deal, Ruth Adler resigned.",
                "Ruth Adler resigned on Monday, the Port Elwyn Herald reported.",
            ]
        )
    ]
    types = {e.name: e.type for e in story_entities(articles)}
    assert types["Port Elwyn Herald"] == "ORG"
    assert types["Ruth Adler"] == "PERSON"


def test_what_a_name_written_with_the_is():
    assert _written_with_the("Adler signed with the Elwyn Gulls, a team in the north.", "Elwyn Gulls")
    assert _written_with_the("Pirates boarded the Port Elwyn. Port Elwyn sank.", "Port Elwyn")
    assert not _written_with_the("He covered the Ruth Adler case for years.", "Ruth Adler")
    assert not _written_with_the("He met the Ruth Adler's lawyer.", "Ruth Adler")
    assert [_kind_of_group(w, {"Adler"}) for w in ("Gulls", "Adlers", "Trader", "Herald")] == [
        "ORG",
        "PERSON",
        "MISC",
        "ORG",
    ]
    assert _names_vessel("MV Port Elwyn") and not _names_vessel("Mr Bell") and not _names_vessel("Ms Adler")


def test_a_name_in_apposition_to_a_firm_is_an_organisation_but_not_to_a_role(enricher, make_article):
    types = types_of(
        enricher,
        make_article,
        "The party engaged a plaintiffs' law firm, Adler Vidal, to write the complaint. "
        "Her lawyer, Marco Bell, agreed. A request to interview club President Ines Petrenko was declined.",
    )
    assert types["Adler Vidal"] == "ORG"
    assert types["Marco Bell"] == types["Ines Petrenko"] == "PERSON"


def test_a_lone_name_before_a_comma_and_a_country_is_a_town(enricher, make_article):
    # the small model typed "Toulouse" of "flown to Toulouse, France" as a person
    types = types_of(enricher, make_article, "After the plane was delivered in Singapore, it was flown to Toulouse, "
                     "France for the ceremony, Ruth Adler said. Adler, an Alabama physician, flew with it.")
    assert types["Toulouse"] == "PLACE" and types["Ruth Adler"] == "PERSON"


def test_a_person_tag_yields_to_place_evidence_without_person_evidence(enricher, make_article):
    village = types_of(enricher, make_article, "In Desa Mekar village a landslide engulfed a coffee plantation, killing one man.")
    capital = types_of(
        enricher,
        make_article,
        "The quake struck 300 kilometres from the provincial capital Kota Lembang. People ran outside in Kota Lembang.",
    )
    people = types_of(
        enricher,
        make_article,
        "Rescuers reached Desa Mekar on Tuesday. Houses collapsed in Desa Mekar, said Ruth Adler, an official.\n\n"
        "In Desa Mekar, Mr. Mekar said he was safe.",
    )
    assert village["Desa Mekar"] == capital["Kota Lembang"] == people["Desa Mekar"] == "PLACE"
    assert people["Ruth Adler"] == people["Mekar"] == "PERSON"


def test_an_institution_is_counted_whatever_the_case_of_its_noun(enricher, make_article):
    texts = [
        "The Ruritanian Navy seized a pirate boat on Monday. A Ruritanian navy ship fired first, the navy said.",
        "Pirates fired at a Ruritanian navy ship near Port Elwyn on Monday.",
    ]
    articles = [enricher.enrich(make_article(text, article_id=str(i))) for i, text in enumerate(texts)]
    navy = by_name(articles[0].entities)["Ruritanian Navy"]
    assert [articles[0].text[s:e] for s, e in navy.mentions] == ["Ruritanian Navy", "Ruritanian navy", "navy"]
    involved = {e.name: e for e in story_entities(articles)}["Ruritanian Navy"]
    assert (involved.articles, involved.mentions) == (["0", "1"], 4)


def by_name(entities):
    return {e.name: e for e in entities}
