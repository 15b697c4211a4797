"""Who is involved in a story: its articles' entities merged (compare.involved)."""

from storyline.compare.involved import story_entities
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
    def written(article_id: str, text: str, kind: str, name: str) -> Article:
        spans = [(i, i + len(name)) for i in range(len(text)) if text.startswith(name, i)]
        entity = Entity(name, kind, [name], spans)
        return Article(id=article_id, title="Port Elwyn", paragraphs=[text], entities=[entity])

    short = written("a", "Adler wrote it. Adler denied it. Adler left.", "ORG", "Adler")
    full = [written(k, "Ruth Adler wrote the memo.", "PERSON", "Ruth Adler") for k in "bc"]
    (adler,) = story_entities([short, *full])
    assert (adler.name, adler.type, adler.mentions) == ("Ruth Adler", "PERSON", 5)
