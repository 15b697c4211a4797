"""Who is involved in a story: its articles' entities merged (compare.involved)."""

from storyline.compare.involved import quotes_of, story_entities
from storyline.model import Article, Entity
from storyline.report.comparison import entity_label

LINK = {"refers_to": "Ruritania", "reference_kind": "capital-for-country"}


def article(article_id: str, *entities: Entity) -> Article:
    return Article(id=article_id, title="Port Elwyn", paragraphs=["x"], entities=list(entities))


def test_a_capital_keeps_its_country_only_where_its_mentions_act_for_it() -> None:
    acting = Entity("Port Elwyn", "PLACE", ["Port Elwyn"], [(0, 10), (20, 30), (40, 50)], **LINK,
                    acting_mentions=[(0, 10), (40, 50)])
    placed = Entity("Port Elwyn", "PLACE", ["Port Elwyn"], [(0, 10), (20, 30)])
    (linked,) = story_entities([article("a", acting), article("b", placed)])
    assert (linked.refers_to, linked.acting, linked.mentions) == ("Ruritania", 2, 5)
    assert entity_label(linked.to_dict()) == "Port Elwyn → Ruritania (acting in 2 of 5 mentions)"
    (place,) = story_entities([article("a", placed), article("b", placed)])
    assert (place.refers_to, place.acting, entity_label(place.to_dict())) == (None, 0, "Port Elwyn")


def test_a_link_no_parse_could_judge_stands_without_a_count() -> None:
    unparsed = Entity("Port Elwyn", "PLACE", ["Port Elwyn"], [(0, 10)], **LINK)
    (linked,) = story_entities([article("a", unparsed)])
    assert (linked.refers_to, linked.acting, entity_label(linked.to_dict())) == ("Ruritania", 0, "Port Elwyn → Ruritania")


def test_a_story_entity_is_typed_by_its_full_name_mentions_not_a_stray_short_one() -> None:
    short = written("a", "Adler wrote it. Adler denied it. Adler left.", "ORG", "Adler")
    full = [written(k, "Ruth Adler wrote the memo.", "PERSON", "Ruth Adler") for k in "bc"]
    (adler,) = story_entities([short, *full])
    assert (adler.name, adler.type, adler.mentions) == ("Ruth Adler", "PERSON", 5)


def person(name: str, *variants: str) -> Entity:
    return Entity(name, "PERSON", [name, *variants], [(0, len(name))])


def speakers_of(articles: list[Article], groups: list[list[str]], speaker: str) -> list[list[str]]:
    """Whose groups of quotes (credited as ``groups``) a speaker filter finds, through the story's merged entities."""
    entities = [e.to_dict() for e in story_entities(articles)]
    return [g["speakers"] for g in quotes_of([{"speakers": names} for names in groups], entities, speaker)]


def written(article_id: str, text: str, kind: str, name: str) -> Article:
    """An article whose recogniser typed every mention of ``name`` as ``kind``."""
    spans = [(i, i + len(name)) for i in range(len(text)) if text.startswith(name, i)]
    return Article(id=article_id, title="Port Elwyn", paragraphs=[text], entities=[Entity(name, kind, [name], spans)])


def test_a_name_typed_two_ways_takes_the_type_its_words_show() -> None:
    """"In Vellora" shows a place, whatever one article's recogniser said; two articles calling it a person by
    bare mentions do not outvote the two mentions written after "in"."""
    person = [written(k, "Vellora was calm on Sunday.", "PERSON", "Vellora") for k in "ab"]
    place = written("c", "Riots broke out in Vellora. Police stayed in Vellora.", "PERSON", "Vellora")
    typed = written("d", "Shops closed in Vellora.", "PLACE", "Vellora")
    (vellora,) = story_entities([*person, place, typed])
    assert (vellora.type, vellora.mentions, len(vellora.articles)) == ("PLACE", 5, 4)


def test_a_name_owning_what_follows_shows_no_place_by_the_in_before_it() -> None:
    """"in Varkas's death": the "in" governs the death, not the man; his two such mentions stay a person's."""
    owned = written("a", "Questions remain in Varkas's death. Gaps remain in Varkas' papers.", "PERSON", "Varkas")
    placed = written("b", "Varkas lived here.", "PLACE", "Varkas")
    person = written("c", "Varkas smiled.", "PERSON", "Varkas")
    (varkas,) = story_entities([owned, placed, person])
    assert (varkas.type, varkas.mentions) == ("PERSON", 4)


def test_a_town_written_before_its_country_is_a_place() -> None:
    """"Vellora (France)" and "Vellora in France" locate a town: three articles so writing it outvote
    one typing it a person with no such words."""
    located = [
        written("a", "a cable between Elwyn and Vellora (France).", "PERSON", "Vellora"),
        written("b", "a cable between Elwyn and Vellora in France.", "PERSON", "Vellora"),
        written("c", "a cable between Elwyn and Vellora (France).", "PLACE", "Vellora"),
    ]
    bare = [written(k, "a cable to Vellora broke.", "PERSON", "Vellora") for k in "de"]
    (vellora,) = story_entities([*located, *bare])
    assert vellora.type == "PLACE"


def test_a_title_before_a_name_shows_a_person() -> None:
    titled = written("a", "Mr. Varkas spoke. Chairman Varkas left.", "ORG", "Varkas")
    bare = written("b", "Varkas grew.", "ORG", "Varkas")
    person = written("c", "Varkas smiled.", "PERSON", "Varkas")
    (varkas,) = story_entities([titled, bare, person])
    assert varkas.type == "PERSON"


def test_a_tie_of_mentions_goes_to_the_type_most_articles_give() -> None:
    """Two mentions each way: the type two articles give, not the first in the alphabet."""
    organisation = written("a", "Telnova grew. Telnova hired.", "ORG", "Telnova")
    people = [written(k, "Telnova smiled.", "PERSON", "Telnova") for k in "bc"]
    (telnova,) = story_entities([organisation, *people])
    assert (telnova.type, telnova.mentions) == ("PERSON", 4)
    organisations = [written(k, "Telnova grew.", "ORG", "Telnova") for k in "bc"]
    person = written("a", "Telnova smiled. Telnova left.", "PERSON", "Telnova")
    (telnova,) = story_entities([person, *organisations])
    assert telnova.type == "ORG"


def test_a_full_name_finds_the_quotes_credited_to_its_short_form_and_back() -> None:
    cast = [article("a", person("Marta Hale")), article("b", person("Hale"))]  # merged: "Hale" a variant of hers
    groups = [["Hale"], ["Marta Hale"], ["the union"], ["port officials"]]
    assert speakers_of(cast, groups, "marta hale") == [["Hale"], ["Marta Hale"]]
    assert speakers_of(cast, groups, "HALE") == [["Hale"], ["Marta Hale"]]
    assert speakers_of(cast, groups, "officials") == [["port officials"]]  # no entity: found by its words
    assert speakers_of(cast, groups, "Ines Hale") == speakers_of(cast, groups, "  ") == []


def test_a_speaker_is_found_under_a_nickname_the_enrich_stage_reads_as_one_name() -> None:
    cast = [article("a", person("William Harmon")), article("b", person("Ruth Adler"))]
    assert speakers_of(cast, [["William Harmon"], ["Ruth Adler"]], "Bill Harmon") == [["William Harmon"]]


def test_two_people_sharing_a_surname_are_not_merged_by_the_speaker_filter() -> None:
    groups = [["Castell"], ["Helen Castell"], ["Tomas Castell"]]
    # each article writes its own Castell short: the story's "Castell" is a variant of both
    shared = [article("a", person("Helen Castell", "Castell")), article("b", person("Tomas Castell", "Castell"))]
    (helen,) = [e for e in story_entities(shared) if e.name == "Helen Castell"]
    assert "Castell" in helen.variants
    assert speakers_of(shared, groups, "helen castell") == [["Helen Castell"]]
    assert speakers_of(shared, groups, "Tomas Castell") == [["Tomas Castell"]]
    assert speakers_of(shared, groups, "castell") == groups  # asked for any Castell: each keeps their own name
    # a short form no article's recogniser found is neither's either
    apart = [article("a", person("Helen Castell")), article("b", person("Tomas Castell"))]
    assert speakers_of(apart, groups, "helen castell") == [["Helen Castell"]]
    # nor one kept as an entity of its own
    alone = [*apart, article("c", person("Castell"))]
    assert speakers_of(alone, groups, "helen castell") == [["Helen Castell"]]
