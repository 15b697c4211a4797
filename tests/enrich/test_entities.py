import re

import spacy

from storyline.enrich.entities import _is_fragment, _known_people_again, merge_entities, merge_mentions
from storyline.enrich.entities_base import Mention
from storyline.enrich.entities_merge import same_person_name
from storyline.enrich.entities_types import _is_place_not_person, _written_as_person
from storyline.enrich.gazetteer import canonical_alias, countries_named, metonym_of, name_key
from storyline.model import Entity


def by_name(entities):
    return {e.name: e for e in entities}


def test_name_key_ignores_articles_dots_possessives_and_accents():
    assert name_key("the U.S.") == name_key("US")
    assert name_key("Élysée’s") == "elysee" == name_key("l'Élysée")


def test_name_key_keeps_names_that_begin_like_an_article():
    assert [name_key(n) for n in ("Adler", "Lavrov", "Anderson", "Elena")] == ["adler", "lavrov", "anderson", "elena"]
    merged = merge_mentions([Mention("Ruth Adler", "PERSON", 0, 10), Mention("Adler", "PERSON", 40, 45)])
    assert [(e.name, len(e.mentions)) for e in merged] == [("Ruth Adler", 2)]


def test_aliases_map_to_one_canonical_name():
    assert canonical_alias("U.S.") == canonical_alias("USA") == "United States"
    assert canonical_alias("Springfield") is None


def test_metonyms_are_linked_not_replaced():
    assert metonym_of("Tehran") == ("Iran", "capital-for-country")
    assert metonym_of("the White House") == ("United States government", "seat-for-government")
    assert metonym_of("Springfield") is None


def test_person_surname_and_acronym_merge_within_an_article():
    mentions = [
        Mention("Maria Lopez-Garcia", "PERSON", 0, 18),
        Mention("Lopez-Garcia", "PERSON", 50, 62),
        Mention("World Health Organization", "ORG", 70, 95),
        Mention("WHO", "ORG", 120, 123),
        Mention("U.S.", "PLACE", 130, 134),
        Mention("United States", "PLACE", 140, 153),
    ]
    entities = by_name(merge_mentions(mentions))
    assert set(entities) == {"Maria Lopez-Garcia", "World Health Organization", "United States"}
    assert entities["Maria Lopez-Garcia"].mentions == [(0, 18), (50, 62)]
    assert set(entities["World Health Organization"].variants) == {"World Health Organization", "WHO"}
    assert entities["United States"].type == "PLACE"


def test_shared_surname_goes_to_the_person_most_named_in_full_not_the_last():
    mentions = [
        Mention("Marco Bell", "PERSON", 0, 10),
        Mention("Marco Bell", "PERSON", 50, 60),
        Mention("Anna Bell", "PERSON", 100, 109),
        Mention("Bell", "PERSON", 120, 124),
    ]
    entities = by_name(merge_mentions(mentions))
    assert (120, 124) in entities["Marco Bell"].mentions
    tie = by_name(merge_mentions([Mention("Anna Bell", "PERSON", 0, 9), Mention("John Bell", "PERSON", 50, 59),
                                  Mention("Bell", "PERSON", 70, 74)]))
    assert (70, 74) in tie["Anna Bell"].mentions  # the first named


def test_a_titled_surname_goes_to_the_person_written_with_that_title():
    mentions = [
        Mention("Ines Vidal", "PERSON", 0, 10, title="president"),
        Mention("Hugo Vidal", "PERSON", 40, 50),
        Mention("Hugo Vidal", "PERSON", 60, 70),
        Mention("Vidal", "PERSON", 90, 95, title="president"),
        Mention("Vidal", "PERSON", 120, 125),
    ]
    entities = by_name(merge_mentions(mentions))
    assert (90, 95) in entities["Ines Vidal"].mentions
    assert (120, 125) in entities["Hugo Vidal"].mentions


def test_an_honorific_goes_to_no_one_written_with_one_of_the_other_sex():
    mentions = [
        Mention("Olga Petrenko", "PERSON", 0, 13, title="mrs"),
        Mention("Olga Petrenko", "PERSON", 20, 33),
        Mention("Ivan Petrenko", "PERSON", 40, 53),
        Mention("Petrenko", "PERSON", 60, 68, title="mr"),
    ]
    entities = by_name(merge_mentions(mentions))
    assert (60, 68) in entities["Ivan Petrenko"].mentions


def test_a_generational_suffix_names_another_person():
    mentions = [
        Mention("Marco Bell Jr.", "PERSON", 0, 14),
        Mention("Marco Bell", "PERSON", 30, 40),
        Mention("Marco Bell", "PERSON", 50, 60),
        Mention("Bell", "PERSON", 70, 74),
    ]
    entities = by_name(merge_mentions(mentions))
    assert entities["Marco Bell"].mentions == [(30, 40), (50, 60), (70, 74)]
    assert entities["Marco Bell Jr."].variants == ["Marco Bell Jr."]
    assert not same_person_name("Marco Bell", "Marco Bell Jr.")
    merged = merge_entities([[Entity("Marco Bell Jr.", "PERSON", ["Marco Bell Jr."], [])],
                             [Entity("Marco Bell", "PERSON", ["Marco Bell"], [])]])
    assert len(merged) == 2


def test_a_suffix_alone_is_no_name_nor_a_surname_to_look_for():
    text = "Marco Bell Jr. spoke. Later, Bell left. Jr. is his title."
    found = _known_people_again(text, [Mention("Marco Bell Jr.", "PERSON", 0, 14)])
    assert {m.text for m in found} == {"Bell"}


def test_the_canonical_name_is_the_most_written_full_form():
    mentions = [Mention("Ruth Adler Papers", "PERSON", 0, 17), Mention("Ruth Adler", "PERSON", 30, 40),
                Mention("Ruth Adler", "PERSON", 50, 60), Mention("Adler", "PERSON", 70, 75)]
    assert [e.name for e in merge_mentions(mentions)] == ["Ruth Adler"]
    once_each = [Mention("Ruth Adler", "PERSON", 0, 10), Mention("Ruth Adler Papers", "PERSON", 30, 47)]
    assert [e.name for e in merge_mentions(once_each)] == ["Ruth Adler"]



def test_a_name_in_capitals_yields_to_its_mixed_case_form():
    """A dateline's "PORT ELWYN" in one article names the story's place "Port Elwyn"; an acronym stays."""
    dateline = [Entity("PORT ELWYN", "PLACE", ["PORT ELWYN"], [(0, 10)])]
    written = [Entity("Port Elwyn", "PLACE", ["Port Elwyn"], [(0, 10)])]
    assert [e.name for e in merge_entities([dateline, written])] == ["Port Elwyn"]
    acronym = [Entity("NATO", "ORG", ["NATO"], [(0, 4), (9, 13)])]
    assert [e.name for e in merge_entities([acronym, [Entity("Nato", "ORG", ["Nato"], [(0, 4)])]])] == ["NATO"]


def test_an_ampersand_and_and_write_one_name():
    ampersand = [Entity("Elwyn Institute for Ports & Ferries", "ORG", ["Elwyn Institute for Ports & Ferries"], [(0, 5)])]
    spelled = [Entity("Elwyn Institute for Ports and Ferries", "ORG", ["Elwyn Institute for Ports and Ferries"], [(0, 5)])]
    assert len(merge_entities([ampersand, spelled])) == 1
    assert name_key("AT&T") == "at&t"

def test_merge_entities_across_articles_pools_variants():
    first = [Entity("Nadia Petrova", "PERSON", ["Nadia Petrova"], [(0, 13)]), Entity("United States", "PLACE", ["US"], [(20, 22)])]
    second = [Entity("Petrova", "PERSON", ["Petrova"], [(5, 12)]), Entity("United States", "PLACE", ["U.S."], [(0, 4)])]
    merged = by_name(merge_entities([first, second]))
    assert set(merged) == {"Nadia Petrova", "United States"}
    assert set(merged["Nadia Petrova"].variants) == {"Nadia Petrova", "Petrova"}
    assert set(merged["United States"].variants) == {"US", "U.S."}
    assert merged["Nadia Petrova"].mentions == []


def test_seed_entities_merge_variants_and_link_metonyms(seed_articles):
    afp = by_name(seed_articles["002"].entities)
    assert {"Nasser Kanani", "Kanani"} <= set(afp["Nasser Kanani"].variants)
    assert afp["Tehran"].refers_to == "Iran"
    assert afp["White House"].reference_kind == "seat-for-government"
    scraped = by_name(seed_articles["000"].entities)
    assert "Hossein Amir-Abdollahian" in scraped
    text = seed_articles["000"].text
    for start, end in scraped["Nasser Kanani"].mentions:
        assert text[start:end] == "Nasser Kanani"


def test_country_names_in_other_languages_map_to_one_name():
    assert canonical_alias("Russland") == canonical_alias("Rusia") == canonical_alias("Россия") == "Russia"
    assert canonical_alias("Türkei") == canonical_alias("Türkiye") == canonical_alias("Turkey") == "Turkey"


def test_a_story_told_in_several_languages_names_a_country_once():
    french = [Entity("Russie", "PLACE", ["Russie"], [(0, 6)])]
    german = [Entity("Russland", "MISC", ["Russland"], [(0, 8)])]
    spanish = [Entity("Rusia", "PLACE", ["Rusia"], [(3, 8)])]
    [russia] = merge_entities([french, german, spanish])
    assert russia.name == "Russia"
    assert set(russia.variants) == {"Russie", "Russland", "Rusia"}


def test_a_person_named_like_a_country_keeps_the_name():
    mentions = [Mention("Michael Jordan", "PERSON", 0, 14), Mention("Jordan", "PERSON", 40, 46)]
    [person] = merge_mentions(mentions)
    assert (person.name, person.type) == ("Michael Jordan", "PERSON")


def test_without_a_recogniser_calendar_words_are_no_names_and_countries_are_places(enricher, make_article):
    article = enricher.enrich(make_article(
        "Die Regierung hat am Sonntag im Dezember mit Russland und der Türkei verhandelt, sagte Jonas Weber.",
        language="de",
    ))
    entities = {e.name: e.type for e in article.entities}
    assert not {"Sonntag", "Dezember"} & set(entities)
    assert entities["Russia"] == entities["Turkey"] == "PLACE"


def test_person_names_match_across_scripts_by_the_surname():
    assert same_person_name("Ned Price", "Price") and same_person_name("José López", "Jose Lopez")
    assert same_person_name("Marco Bell", "Марко Белл")  # "Marko Bell": the surname is close
    assert not same_person_name("Marco Bell", "Нед Прайс")
    assert not same_person_name("Anna Smith", "John Smith")


def test_a_nickname_or_an_initial_names_one_person_in_a_story():
    assert same_person_name("Bill Vidal", "William Vidal") and same_person_name("Bob Vidal", "Robert W. Vidal")
    assert same_person_name("R. Vidal", "Robert Vidal") and not same_person_name("Bill Vidal", "Robert Vidal")
    assert not same_person_name("Seo Jae-in", "Seo Chung-in")  # one family name, two given names
    assert same_person_name("J. Vidal", "Bob Vidal") is False and same_person_name("B. Vidal", "Bob Vidal")
    assert not same_person_name("R. Vidal", "John Vidal") and not same_person_name("A Vidal", "Mark Vidal")
    assert same_person_name("Fred Vidal", "Frederick C. Vidal") and same_person_name("Ken Vidal", "Kenneth Vidal")
    assert not same_person_name("Fred Vidal", "Frank Vidal")
    merged = merge_entities([[Entity("Bill Vidal", "PERSON", ["Bill Vidal"], [])],
                             [Entity("William Vidal", "PERSON", ["William Vidal", "Vidal"], [])]])
    assert [sorted(e.variants) for e in merged] == [["Bill Vidal", "Vidal", "William Vidal"]]


def test_spellings_of_one_sound_agree_across_scripts_and_first_names_must_too():
    assert same_person_name("Olaf Scholz", "Олаф Шольц")  # "sch" / "ш", "z" / "ц"
    assert same_person_name("Joe Biden", "Джо Байден") and same_person_name("Ned Price", "Нед Прайс")
    assert same_person_name("Olga Petrenko", "ペトレンコ")  # katakana, surname alone
    assert not same_person_name("Martin Schulz", "Олаф Шольц")
    assert not same_person_name("Olga Petrenko", "Оксана Петренко")  # one family, two people


def test_a_person_named_in_two_scripts_is_one_entity_of_the_story():
    english = [Entity("Olga Petrenko", "PERSON", ["Olga Petrenko", "Petrenko"], [])]
    russian = [Entity("Ольга Петренко", "PERSON", ["Ольга Петренко"], []), Entity("Ирина Соколова", "PERSON", ["Ирина Соколова"], [])]
    merged = merge_entities([english, russian])
    assert sorted(sorted(e.variants) for e in merged) == [["Olga Petrenko", "Petrenko", "Ольга Петренко"], ["Ирина Соколова"]]


def test_german_common_nouns_are_no_names(enricher, make_article):
    article = enricher.enrich(make_article(
        "Die neue Regierung übernimmt die Verantwortung für 30 Millionen Menschen.\n\n"
        "Am Montag traf Bundeskanzler Olaf Scholz in Wien die SPD-Fraktion und den Verband der Landwirte. "
        "Demnach drohte Scholz mit Konsequenzen für die Landwirte, sagte die Sprecherin. Ein Thema bleibt Covid-19 für alle.",
        language="de",
    ))
    names = {e.name: e.variants for e in article.entities}
    assert names["Olaf Scholz"] == ["Olaf Scholz", "Scholz"]  # no "Bundeskanzler"; "drohte Scholz" is a name
    assert {"Wien", "SPD-Fraktion", "Covid-19"} <= set(names)
    assert not {"Regierung", "Verantwortung", "Millionen Menschen", "Verband", "Landwirte", "Sprecherin", "Thema"} & set(names)


def test_countries_named_in_any_script_through_names_aliases_and_capitals():
    assert countries_named("Officials in Tehran and the U.S. spoke; Russland antwortete.") == {"Iran", "United States", "Russia"}
    assert countries_named("テヘランの米国大使館") == {"Iran", "United States"}
    assert countries_named("워싱턴의 입장과 이란은") == {"United States", "Iran"}  # with particles attached
    assert countries_named("the washington post") == set()  # lower case: no name


def test_fallback_names_lose_a_role_word_before_a_full_name_only(enricher, make_article):
    article = enricher.enrich(make_article(
        "Minister Jan Kowalski odwiedził fabrykę General Motors w Gliwicach.", language="pl"
    ))
    names = {e.name for e in article.entities}
    assert "Jan Kowalski" in names and "General Motors" in names  # "General" before one word is no title
    assert "Minister Jan Kowalski" not in names


def test_fallback_names_lose_a_common_word_that_opens_the_sentence(enricher, make_article):
    spanish = enricher.enrich(make_article(
        "Los sindicatos firmaron el acuerdo. Recientemente Ruth Adler presentó el plan. Creó ZMX en 1998.\n\n"
        "Rosa Vidal dijo que sí. Paz Bell habló después.",
        language="es",
    ))
    names = {e.name for e in spanish.entities}
    assert {"Ruth Adler", "ZMX"} <= names and not any(n.startswith(("Recientemente", "Creó")) for n in names)
    assert {"Rosa Vidal", "Paz Bell"} <= names  # first names that are also common words are met capitalised too
    german = enricher.enrich(make_article(
        "Angela Weber sagte am Montag, sie komme. Zuvor Olga Petrenko hatte gewarnt.", language="de"
    ))
    assert {"Angela Weber", "Olga Petrenko"} <= {e.name for e in german.entities}



def test_fallback_a_lone_capitalised_word_opening_a_quotation_is_no_name(enricher, make_article):
    """A quoted sentence inside another opens with a capital, as a sentence does ('dijo que "Evidentemente, ..."').
    A surname the article writes in full stays a name there too."""
    article = enricher.enrich(make_article(
        'El portavoz Marco Bell dijo que "Evidentemente, estamos decepcionados". '
        "Ines Vidal respondió: «Claramente, el puerto cierra», y añadió que «Bell miente».",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert not names & {"Evidentemente", "Claramente"}
    assert {"Marco Bell", "Ines Vidal"} <= names
    bell = next(e for e in article.entities if e.name == "Marco Bell")
    assert len(bell.mentions) == 2



def test_fallback_an_article_opening_a_quoted_sentence_is_no_part_of_the_name(enricher, make_article):
    """Tokenised copy leaves a quoted sentence's marks unpaired ('dijo que " El Zentra 900 ...'): its article goes
    as a sentence's does. A quoted name keeps its own ('«La Garza»'), and so does one after a preposition."""
    article = enricher.enrich(make_article(
        'Ines Vidal dijo que " El Zentra 900 tiene la mejor fiabilidad del mercado. '
        "Marco «La Garza» Bell vive en el barrio de El Alcor, en Port Elwyn.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert "Zentra" in names and not any(n.startswith("El Zentra") for n in names)
    assert {"La Garza", "El Alcor"} <= names

def test_a_name_cut_short_by_the_model_is_not_split_into_its_words(enricher, make_article):
    """The small English model ends a long company name early ("Ruritanian Aeronautic Defence" of "... and Space
    Company"); every word of it hangs on the word after it, so it is one name cut short, not three names."""
    article = enricher.enrich(make_article(
        "Elwyn Motors and its partner Ruritanian Aeronautic Defence and Space Company RADS N.V. (RADS) have "
        "unexpectedly defeated Port Elwyn Shipyards for a contract."
    ))
    names = {e.name for e in article.entities}
    assert not names & {"Ruritanian", "Aeronautic", "Defence"}

def test_fallback_names_of_common_words_keep_their_first_word(enricher, make_article):
    article = enricher.enrich(make_article(
        "Fuerzas Armadas de Ruritania cerraron el puerto. Vecinos de Olga Petrenko convocó una marcha.\n\n"
        "La asociación Vecinos de Olga Petrenko nació en Port Elwyn.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert "Fuerzas Armadas de Ruritania" in names  # "Armadas" is no name the vocabulary knows
    assert "Vecinos de Olga Petrenko" in names  # written inside a sentence too: its capital is its own


def test_a_stop_word_opening_a_place_name_stays_in_it(enricher, make_article):
    # spaCy's Spanish stop words hold "estados" and "buenos": the sentence's first word was cut off the place
    spanish = enricher.enrich(make_article(
        "Estados Unidos firmó el lunes un acuerdo con Ruritania. Buenos Aires guardó silencio, dijo Olga Petrenko.",
        language="es",
    ))
    names = {e.name for e in spanish.entities}
    assert {"United States", "Buenos Aires"} <= names and not names & {"Unidos", "Aires"}
    german = enricher.enrich(make_article("Die Schweiz stimmte am Montag ab, sagte Olga Petrenko.", language="de"))
    assert not any(e.name.startswith("Die ") for e in german.entities)


def test_fallback_names_split_at_a_conjunction_but_keep_of_and_ampersand(enricher, make_article):
    article = enricher.enrich(make_article(
        "Las ventas de GM y Chrysler cayeron en Melbourne y Brisbane, dijo el Banco de España a Standard & Poor's.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert {"GM", "Chrysler", "Melbourne", "Brisbane", "Banco de España", "Standard & Poor's"} <= names
    assert not any(" y " in name for name in names)


def test_a_zone_after_a_clock_time_is_no_entity(enricher, make_article):
    article = enricher.enrich(make_article(
        "The index was down 2.62% at 16:08 UTC, a slight recovery. At 0800 UTC, the Bank of England added funds.",
    ))  # the English model tags both "UTC" as organisations
    names = {e.name for e in article.entities}
    assert "UTC" not in names
    assert "Bank of England" in names


def test_fallback_splits_a_country_from_a_name_written_on_its_own_elsewhere(enricher, make_article):
    article = enricher.enrich(make_article(
        "El presidente de Estados Unidos Olga Petrenko habló el lunes.\n\n"
        "Según Petrenko, la aerolínea China Southern Airlines y Washington Mutual crecen, como Qantas Airlines.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert {"United States", "Olga Petrenko"} <= names and not any("Unidos Olga" in n for n in names)
    assert {"China Southern Airlines", "Washington Mutual"} <= names  # "Airlines" only follows other names


def test_fallback_splits_at_de_only_between_two_names_written_on_their_own(enricher, make_article):
    article = enricher.enrich(make_article(
        "La empresa Zentra presentó el nuevo Orbis de Zentra en Madrid, dijo el Banco de España.\n\n"
        "El Orbis se venderá en España, y Zentra espera ventas altas.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert {"Orbis", "Zentra", "Banco de España"} <= names and "Orbis de Zentra" not in names



def test_fallback_splits_a_model_code_from_its_maker_after_de(enricher, make_article):
    """"ZX-900 de Elwyn Motors": a model written with a digit or in capitals, "de" its maker named on its own
    elsewhere, is two names. A name of common words before a maker's stays one ("Universidad de Zentra")."""
    article = enricher.enrich(make_article(
        "El ejército eligió el avión ZX-900 de Elwyn Motors y la Universidad de Zentra lo celebró.\n\n"
        "Elwyn Motors y Zentra no comentaron, dijo Ines Vidal.",
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert {"ZX-900", "Elwyn Motors", "Universidad de Zentra"} <= names
    assert "ZX-900 de Elwyn Motors" not in names

def test_fallback_splits_a_region_or_role_from_the_name_after_de(enricher, make_article):
    article = enricher.enrich(make_article(
        "Ruth Adler, CEO de Zentra Systems, dijo que la plantilla de Europa de Zentra bajará.\n\n"
        "En Latinoamérica Zentra vende poco. El Ministro de Defensa y los Estados Unidos de América callaron.",
        language="es",
    ))
    names = {e.name: e for e in article.entities}
    assert {"Zentra Systems", "Europe", "Latin America", "United States"} <= names.keys()
    assert "Zentra" in names["Zentra Systems"].variants
    assert names["Europe"].type == "PLACE" and names["Europe"].variants == ["Europa"]
    assert "Ministro de Defensa" in names  # a role before one word never written alone stays whole
    assert not any(name.startswith("CEO") or "de Zentra" in name for name in names)


def test_regions_are_places_but_not_countries():
    from storyline.enrich.gazetteer import canonical_alias, countries_named, is_place_name

    assert canonical_alias("Europa") == "Europe" and canonical_alias("Latinoamérica") == "Latin America"
    assert is_place_name("Asia") and not is_place_name("El Mundo")
    assert canonical_alias("America") is None  # mostly the United States in the news, not the Americas
    assert countries_named("Ruritania y Europa") == set()  # the place facet compares countries only


def test_a_lower_case_phrase_is_no_name_whatever_the_recogniser_says(enricher, make_article):
    article = enricher.enrich(make_article(
        "The regional government on Thursday approved a 40-turbine wind farm off the Elwyn coast, ending a three-year "
        "planning dispute with fishing groups.\n\nConstruction is due to start next spring and the farm should supply "
        "power to 90,000 homes from 2027, the energy ministry said. Olga Petrenko agreed."
    ))  # the small English model tags "energy ministry" as an organisation
    names = {e.name for e in article.entities}
    assert not names & {"energy ministry", "the energy ministry", "energy", "ministry"} and "Olga Petrenko" in names


def test_weekdays_are_no_names_in_a_language_spacy_has_no_pipeline_for(enricher, make_article):
    article = enricher.enrich(make_article(
        "Tamasha kubwa la muziki limefunguliwa katika mji wa Port Elwyn siku ya Jumatatu. "
        "Meya Olga Petrenko alisema tamasha hilo litaleta watalii wengi.",
        language="sw",
    ))  # spaCy has no Swahili: the doc says "xx", the article "sw"
    names = {e.name for e in article.entities}
    assert "Jumatatu" not in names and "Port Elwyn" in names


def test_a_capital_stands_for_its_country_only_where_it_acts(enricher, make_article):
    def links(text):
        return {e.name: e.refers_to for e in enricher.enrich(make_article(text)).entities if e.type == "PLACE"}

    held = links("The trade summit was held in Paris on Monday. Olga Petrenko, the Ruritanian envoy, attended.")
    assert held["Paris"] is None
    warned = links("Berlin warned on Tuesday that the new tariffs would hurt exporters in Ruritania.")
    assert warned["Berlin"] == "Germany"
    criticised = links("Ruth Adler criticised Moscow's policy on grain exports. The plan was also criticised by Tehran.")
    assert (criticised["Moscow"], criticised["Tehran"]) == ("Russia", "Iran")  # a possessor, an agent
    # One mention that acts is enough: the entity is linked.
    met = links("The delegates met in Berlin on Monday. Berlin later said it would send more aid to Ruritania.")
    assert met["Berlin"] == "Germany"
    dateline = links("PARIS (AP) — Olga Petrenko said on Monday that the port of Port Elwyn would reopen.")
    assert all(link is None for link in dateline.values())


def test_each_mention_of_a_capital_or_seat_is_judged_on_its_own(enricher, make_article):
    article = enricher.enrich(make_article(
        "WASHINGTON, April 30 (Reuters) - Olga Petrenko will visit London in July, the British Ambassador to "
        "Washington said. London's mayor welcomed her. Ines Vidal said the agreement between Tehran and world "
        "powers held, though Ruritania kept seeking assistance from Moscow. Ankara, a city of five million, was "
        "quiet. Ankara is still subject to new tariffs. Ruth Adler, a White House correspondent, waited at the "
        "White House. The White House said talks would go on."
    ))
    text = article.text

    def acting(name):
        entity = next(e for e in article.entities if name in e.variants)
        return entity.refers_to, [text[s:e] + "@" + text[max(0, s - 12):s].split()[-1] for s, e in entity.acting_mentions]

    assert acting("Washington") == ("United States", ["Washington@to"])  # not the dateline
    assert acting("London")[0] is None  # a visit, the city's mayor
    assert acting("Tehran")[0] == "Iran" and acting("Moscow")[0] == "Russia"
    assert acting("Ankara") == ("Turkey", ["Ankara@quiet."])  # the second, bound by a predicate
    seat, ways = acting("White House")
    assert seat == "United States government" and ways == ["White House@The"]


def test_a_seat_of_government_used_as_a_building_is_the_place(enricher, make_article):
    article = enricher.enrich(make_article(
        "Protesters gathered outside the White House on Sunday. Tourists queued at the Kremlin walls, and Olga "
        "Petrenko walked past the Kremlin. Snipers stood on the White House roof; guards surrounded the Kremlin. "
        "The Kremlin denied the report."
    ))
    text = article.text
    (house,) = [e for e in article.entities if e.name == "White House"]
    (kremlin,) = [e for e in article.entities if e.name == "Kremlin"]
    assert house.refers_to is None and house.acting_mentions == []
    assert [text[s:e] + " " + text[e:].split()[0] for s, e in kremlin.acting_mentions] == ["Kremlin denied"]


def test_platforms_outlets_common_words_and_fragments_are_no_people(enricher, make_article):
    article = enricher.enrich(make_article(
        "Olga Petrenko wrote on Twitter that the talks in North Ruritania would go on. Aides said she was tired, "
        "and the aides of Ruth Adler agreed. Later Petrenko posted on Twitter again from her Lake-a-Vista estate. "
        "The North will reply, the Ruritanian newswire service Elwynpress reported."
    ))
    types = {e.name: e.type for e in article.entities}
    assert types.get("Twitter") != "PERSON" and "Aides" not in types and "North" not in types
    assert "Lake" not in types and types["Olga Petrenko"] == "PERSON"


def test_a_us_state_abbreviation_is_a_variant_of_the_state():
    mentions = [Mention("California", "PLACE", 0, 10), Mention("Calif.", "PLACE", 20, 26), Mention("Fla.", "PLACE", 30, 34),
                Mention("Fla.", "PLACE", 40, 44), Mention("N.Y.", "PLACE", 50, 54)]
    assert {e.name: e.variants for e in merge_mentions(mentions)} == {
        "California": ["California", "Calif."], "Florida": ["Fla."], "New York": ["N.Y."]}
    counsel = merge_mentions([Mention("Special Counsel", "ORG", 0, 15), Mention("S.C.", "PLACE", 20, 24)])
    assert [(e.name, e.type) for e in counsel] == [("Special Counsel", "ORG")]  # the organisation's initials
    story = merge_entities([[Entity("Florida", "PLACE", ["Fla."], [(0, 4)])], [Entity("Florida", "PLACE", ["Florida"], [])]])
    assert [(e.name, sorted(e.variants)) for e in story] == [("Florida", ["Fla.", "Florida"])]


def test_places_sharing_their_last_words_are_two(enricher, make_article):
    article = enricher.enrich(make_article(
        "Talks between North and South Korea resumed in Port Elwyn. Floods hit North and South Dakota, and "
        "Ruth Adler flew between Port Elwyn and South Korea."
    ))
    text = article.text
    named = {e.name: [text[s:e] for s, e in e.mentions] for e in article.entities if e.type == "PLACE"}
    assert named["North Korea"] == ["North"] and named["South Korea"] == ["South Korea", "South Korea"]
    assert named["North Dakota"] == ["North"] and named["South Dakota"] == ["South Dakota"]
    assert not {"North", "South", "North and South Korea", "Elwyn Korea"} & set(named)


def test_a_title_and_a_name_are_a_person_whatever_type_the_recogniser_gave():
    from spacy.tokens import Span

    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    doc = get_language_model("en").parse(
        "President Marco Bell met Sen. Ines Vidal and Mr Hugo Adler. General Motors and the President Hotel agreed. "
        "The hotel opened.")
    labels = {"President Marco Bell": "ORG", "Ines Vidal": "GPE", "Mr Hugo Adler": "PRODUCT", "General Motors": "ORG",
              "President Hotel": "ORG"}
    doc.ents = [Span(doc, span.start, span.end, label=label) for text, label in labels.items()
                if (span := doc.char_span(doc.text.index(text), doc.text.index(text) + len(text)))]
    assert {e.name: e.type for e in extract_entities(doc)} == {
        "Marco Bell": "PERSON", "Ines Vidal": "PERSON", "Hugo Adler": "PERSON", "General Motors": "ORG",
        "President Hotel": "ORG"}


def test_an_entity_is_typed_by_most_of_its_full_name_mentions():
    mentions = [Mention("Ruth Adler", "ORG", 0, 10), Mention("Ruth Adler", "PERSON", 20, 30),
                Mention("Ruth Adler", "PERSON", 40, 50), Mention("Adler", "PERSON", 60, 65)]
    assert [(e.name, e.type, len(e.mentions)) for e in merge_mentions(mentions)] == [("Ruth Adler", "PERSON", 4)]


def test_a_name_closing_with_a_trade_or_legal_form_is_no_person():
    from spacy.tokens import Span

    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    doc = get_language_model("en").parse("Fire broke out at Elwyn Petroleum, and Ruth Adler of Vidal Holdings Ltd. called.")
    doc.ents = [Span(doc, span.start, span.end, label="PERSON") for text in ("Elwyn Petroleum", "Ruth Adler", "Vidal Holdings Ltd.")
                if (span := doc.char_span(doc.text.index(text), doc.text.index(text) + len(text)))]
    assert {e.name: e.type for e in extract_entities(doc)} == {
        "Elwyn Petroleum": "ORG", "Ruth Adler": "PERSON", "Vidal Holdings Ltd.": "ORG"}


def test_a_capital_linked_by_any_mention_and_across_articles():
    def merged(*acts):
        return merge_mentions([Mention("Paris", "PLACE", 10 * i, 10 * i + 5, act) for i, act in enumerate(acts)])[0]

    assert merged(False, False).refers_to is None  # only ever the city
    assert (merged(False, True).refers_to, merged(False, True).reference_kind) == ("France", "capital-for-country")
    assert merged(None).refers_to == "France"  # no parse to tell: linked as before
    city = Entity("Paris", "PLACE", ["Paris"], [(0, 5)])
    acting = Entity("Paris", "PLACE", ["Paris"], [(0, 5)], refers_to="France", reference_kind="capital-for-country")
    assert merge_entities([[city], [city]])[0].refers_to is None
    assert merge_entities([[city], [acting]])[0].refers_to == "France"


def test_a_place_is_no_part_of_a_person_but_a_mistyped_surname_is():
    entities = by_name(merge_mentions([
        Mention("Elwyn Ranger", "PERSON", 0, 12),
        Mention("Elwyn", "PLACE", 40, 45, placed=True),  # "an Elwyn jury"
        Mention("Elwyn", "PLACE", 60, 65, placed=False),
        Mention("Ruth Adler", "PERSON", 80, 90),
        Mention("Adler", "PLACE", 100, 105, placed=False),  # "Adler said": the model's mistake
    ]))
    assert entities["Elwyn Ranger"].variants == ["Elwyn Ranger"] and entities["Elwyn"].type == "PLACE"
    assert entities["Ruth Adler"].mentions == [(80, 90), (100, 105)]
    # Without a parse to tell, a place stays a place.
    [ranger, place] = merge_mentions([Mention("Elwyn Ranger", "PERSON", 0, 12), Mention("Elwyn", "PLACE", 40, 45)])
    assert (ranger.name, place.name) == ("Elwyn Ranger", "Elwyn")


def test_organisations_go_by_shorter_names():
    entities = by_name(merge_mentions([
        Mention("Port Elwyn Mariners", "ORG", 0, 19),
        Mention("Port Elwyn", "PLACE", 30, 40),
        Mention("Mariners", "ORG", 50, 58),  # less the place it opens with
        Mention("Elwyn Motors Corporation", "ORG", 60, 84),
        Mention("Elwyn Motors", "ORG", 90, 102),  # less the legal form
        Mention("EM", "ORG", 110, 112),
        Mention("Vidal Foods", "ORG", 120, 131),
        Mention("Vidal", "ORG", 140, 145),  # less the trade, the rest distinctive
        Mention("General Foods", "ORG", 150, 163),
        Mention("General", "ORG", 170, 177),  # "General" is a title, no company
    ]))
    assert entities["Port Elwyn Mariners"].variants == ["Port Elwyn Mariners", "Mariners"]
    assert set(entities["Elwyn Motors Corporation"].variants) == {"Elwyn Motors Corporation", "Elwyn Motors", "EM"}
    assert entities["Vidal Foods"].variants == ["Vidal Foods", "Vidal"]
    assert "General" in entities and entities["Port Elwyn"].type == "PLACE"


def test_a_short_name_two_organisations_could_go_by_stays_apart():
    entities = by_name(merge_mentions([
        Mention("Vidal Foods", "ORG", 0, 11), Mention("Vidal Pharma", "ORG", 20, 32), Mention("Vidal", "ORG", 40, 45),
    ]))
    assert set(entities) == {"Vidal Foods", "Vidal Pharma", "Vidal"}


def test_organisation_short_forms_in_an_article(enricher, make_article):
    article = enricher.enrich(make_article(
        "Elwyn Motors Corporation said on Monday it would cut 2,000 jobs. Elwyn Motors, the largest carmaker in "
        "Ruritania, blamed weak demand.\n\nThe Port Elwyn Mariners signed a new coach on Monday. The Mariners said "
        "the coach would arrive in Port Elwyn next week."
    ))
    entities = by_name(article.entities)
    assert set(entities["Elwyn Motors Corporation"].variants) == {"Elwyn Motors Corporation", "Elwyn Motors"}
    assert set(entities["Port Elwyn Mariners"].variants) == {"Port Elwyn Mariners", "Mariners"}


def test_ranks_and_cut_pieces_are_no_names(enricher, make_article):
    article = enricher.enrich(make_article("Rear Admiral Ruth Adler said the fleet would sail on Friday."))
    assert "Ruth Adler" in {e.name for e in article.entities}
    nlp = spacy.blank("en")

    def fragment(text, kind="ORG", name_parts=frozenset()):
        doc = nlp(text)
        return _is_fragment(doc[:], kind, set(name_parts))

    assert fragment("on Interstate") and fragment("Office of") and fragment("Rear Admiral")
    assert fragment("Sgt", "PERSON") and fragment("Sgt.", "PERSON")
    assert not fragment("King", "PERSON", {"Martin", "Luther", "King"})  # the surname of a person named in full
    assert not fragment("Miss.", "PLACE") and not fragment("Bank of Ruritania")


def test_a_known_place_the_model_took_for_a_person_is_a_place():
    assert _is_place_not_person("Khartoum", set()) and _is_place_not_person("Jakarta", set())
    assert not _is_place_not_person("Jordan", {"Michael", "Jordan"})  # "Jordan" of "Michael Jordan"
    assert not _is_place_not_person("Ines", set())
    assert metonym_of("Khartoum") == ("Sudan", "capital-for-country") and metonym_of("Athens")[0] == "Greece"


def test_people_the_recogniser_missed_are_found_by_the_name_it_gave_them_elsewhere():
    text = "Ines Vidal spoke first. Later Vidal, who runs the port, met Marco Bell of Vidal Shipping and Jordan Lee in Jordan."
    def at(name: str, kind: str = "PERSON", after: int = 0) -> Mention:
        start = text.index(name, after)
        return Mention(name, kind, start, start + len(name))

    mentions = [at("Ines Vidal"), at("Marco Bell"), at("Jordan Lee"), at("Jordan", "PLACE", text.index("in Jordan"))]
    again = _known_people_again(text, mentions)
    # "Vidal" alone is Ines Vidal; "Vidal Shipping" is another name; "Jordan" is the place it was.
    assert [(m.text, text[m.start : m.end]) for m in again] == [("Vidal", "Vidal")]
    assert again[0].start == text.index("Later Vidal") + len("Later ")


def test_a_name_written_as_a_persons_is_a_person():
    doc = spacy.blank("en")("Rubio Mendez, 34, a farmer, spoke. Acme Corp, a firm, spoke. Blanco said she was tired.")

    def span(name: str):
        start = doc.text.index(name)
        return doc.char_span(start, start + len(name))

    assert _written_as_person(span("Rubio Mendez"))  # an age after the name
    assert not _written_as_person(span("Acme Corp"))  # "Acme Corp, a firm"
    assert _written_as_person(span("Blanco"))  # "Blanco said she"


def test_fallback_keeps_a_first_name_that_is_also_a_country(enricher, make_article):
    article = enricher.enrich(make_article(
        "El lunes habló Georgia Vidal ante la prensa. Según Vidal, el puerto reabrirá en marzo.", language="es"
    ))
    names = {e.name: e for e in article.entities}
    assert "Georgia Vidal" in names and "Vidal" in names["Georgia Vidal"].variants
    assert not any(e.type == "PLACE" for e in article.entities)


def test_an_article_of_another_language_is_part_of_the_name(enricher, make_article):
    article = enricher.enrich(make_article(
        "Actor Marco Bell was seen in Los Angeles on Friday. He later flew to El Paso. The White House said nothing."
    ))
    names = {e.name for e in article.entities}
    assert {"Los Angeles", "El Paso", "White House"} <= names


def test_a_company_does_not_fold_into_a_product_named_after_it():
    product = [Entity("Ruritan A3", "MISC", ["Ruritan A3"], [(0, 10)]), Entity("Ruritan", "MISC", ["Ruritan"], [(20, 27)])]
    company = [Entity("Ruritan", "ORG", ["Ruritan"], [(0, 7)])]
    merged = by_name(merge_entities([product, company]))
    assert set(merged) == {"Ruritan A3", "Ruritan"}
    assert merged["Ruritan"].type == "ORG"


def test_a_surname_across_articles_goes_to_the_person_most_articles_name():
    olga = [Entity("Olga Petrenko", "PERSON", ["Olga Petrenko", "Petrenko"], [(0, 13)])]
    ivan = [Entity("Ivan Petrenko", "PERSON", ["Ivan Petrenko", "Petrenko"], [(0, 13)])]
    bare = [Entity("Petrenko", "PERSON", ["Petrenko"], [(0, 8)])]
    merged = by_name(merge_entities([olga, olga, ivan, bare]))
    assert set(merged) == {"Olga Petrenko", "Ivan Petrenko"}
    assert "Petrenko" in merged["Olga Petrenko"].variants
    tied = merge_entities([olga, ivan, bare])
    assert {e.name for e in tied} == {"Olga Petrenko", "Ivan Petrenko", "Petrenko"}


def _english_entities(text):
    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    return by_name(extract_entities(get_language_model("en").doc(text)))


def test_a_sentence_opening_function_word_is_no_part_of_a_name():
    entities = _english_entities("Anything Petrenko touched turned to gold, critics said. Olga Petrenko denied it.")
    assert set(entities) == {"Olga Petrenko"}
    assert entities["Olga Petrenko"].variants == ["Olga Petrenko", "Petrenko"]


def test_a_possessive_ends_a_name():
    doc = spacy.blank("en")("Critics met Adler's Ruritania Security Council.")
    from storyline.enrich.entities import _after_possessive

    assert _after_possessive(doc[2:7]).text == "Ruritania Security Council"
    assert _after_possessive(doc[4:7]).text == "Ruritania Security Council"


def test_a_possessive_before_a_lone_common_noun_is_part_of_the_name():
    # "Club" or "Creek" alone names nothing: "Petrenko's Club" is the shop, "Adler's Creek" the show.
    from storyline.enrich.entities import _after_possessive

    doc = spacy.blank("en")("Shoppers queued at Petrenko's Club while Adler's Ruritania watched Adler's Creek.")
    assert _after_possessive(doc[3:6]).text == "Petrenko's Club"
    assert _after_possessive(doc[7:10]).text == "Ruritania"
    assert _after_possessive(doc[11:14]).text == "Adler's Creek"


def test_a_sons_surname_with_his_suffix_is_his():
    entities = _english_entities("Marco Bell Jr. met Marco Bell in Port Elwyn. Bell spoke first. Later Bell Jr. left.")
    assert entities["Marco Bell Jr."].variants == ["Marco Bell Jr.", "Bell Jr."]
    assert entities["Marco Bell"].variants == ["Marco Bell", "Bell"]


def test_a_formal_name_with_initial_and_suffix_is_still_the_short_ones():
    assert same_person_name("Ruth B. Adler III", "Ruth Adler")
    formal = [Entity("Ruth B. Adler III", "PERSON", ["Ruth B. Adler III"], [(0, 17)])]
    short = [Entity("Ruth Adler", "PERSON", ["Ruth Adler"], [(0, 10)])]
    assert len(merge_entities([formal, short])) == 1


def test_a_surname_typed_as_a_place_joins_the_person_named_in_full():
    [adler] = merge_mentions([Mention("Ruth Adler", "PERSON", 0, 10), Mention("Adler", "PLACE", 40, 45, placed=True)])
    assert adler.mentions == [(0, 10), (40, 45)]
    # A surname the gazetteer knows as a place stays apart: "Jordan" of "Michael Jordan".
    assert len(merge_mentions([Mention("Ines Jordan", "PERSON", 0, 11), Mention("Jordan", "PLACE", 40, 46, placed=True)])) == 2


def test_america_is_the_united_states_where_the_article_names_it():
    [country] = merge_mentions([Mention("U.S.", "PLACE", 0, 4), Mention("America", "PLACE", 20, 27)])
    assert (country.name, country.variants) == ("United States", ["U.S.", "America"])
    alone = merge_mentions([Mention("America", "PLACE", 0, 7), Mention("Latin America", "PLACE", 20, 33)])
    assert sorted(e.name for e in alone) == ["America", "Latin America"]  # no country named: kept as written
    continents = merge_mentions([Mention("United States", "PLACE", 0, 13), Mention("South America", "PLACE", 30, 43)])
    assert len(continents) == 2


def test_a_plural_possessive_is_part_of_an_organisation_name():
    from storyline.enrich.entities import _after_possessive, _has_plural_possessive

    doc = spacy.blank("en")("Critics met the Ruritania Farmers' Party and Olga Petrenko's Port Elwyn Council.")
    party, council = doc[3:7], doc[8:14]
    assert party.text == "Ruritania Farmers' Party" and _after_possessive(party).text == party.text
    assert _after_possessive(council).text == "Port Elwyn Council"
    assert _has_plural_possessive(party) and not _has_plural_possessive(council)
    assert not _has_plural_possessive(doc[3:6])  # "Ruritania Farmers'": no name after the possessive


def test_a_surname_listed_beside_a_relative_names_another_person(enricher, make_article):
    # "President Bell and Anna Bell": every later "Bell" and "Mr. Bell" is the president, not Anna Bell
    article = enricher.enrich(make_article(
        "President Bell and Anna Bell arrived in Port Elwyn on Monday.\n\n"
        '"We are glad to be here," Mr. Bell said. Bell later met the mayor.\n\nAnna Bell visited a school.'
    ))
    people = {e.name: e for e in article.entities if e.type == "PERSON"}
    assert set(people) == {"Bell", "Anna Bell"}
    assert len(people["Bell"].mentions) == 3 and len(people["Anna Bell"].mentions) == 2
    assert [q.speaker for q in article.quotes] == ["Bell"]
    # with the president named in full too, the listed surname is his
    named = enricher.enrich(make_article(
        "President Marco Bell landed on Monday. President Bell and Anna Bell arrived in Port Elwyn."
    ))
    assert {e.name: len(e.mentions) for e in named.entities if e.type == "PERSON"} == {"Marco Bell": 2, "Anna Bell": 1}


def test_a_well_known_abbreviation_inside_a_name_is_the_name_spelled_out():
    # "U.N. Command" of one article is the "United Nations Command" of another, not any other command.
    short = [Entity("U.N. Command", "ORG", ["U.N. Command"], [(0, 12)])]
    full = [Entity("United Nations Command", "ORG", ["United Nations Command"], [(0, 22)])]
    other = [Entity("Ruritania Command", "ORG", ["Ruritania Command"], [(0, 17)])]
    merged = merge_entities([short, full, other])
    assert sorted(e.name for e in merged) == ["Ruritania Command", "United Nations Command"]
    [office] = merge_mentions([Mention("US Port Elwyn Office", "ORG", 0, 20), Mention("United States Port Elwyn Office", "ORG", 30, 61)])
    assert sorted(office.variants) == ["US Port Elwyn Office", "United States Port Elwyn Office"]


def test_the_words_after_a_connector_of_an_untyped_name_name_another_entity():
    # Without a recogniser (MISC): "Banco de Port Elwyn" is a bank, "Port Elwyn" the place; "Banco" still joins it.
    bank = [Entity("Banco de Port Elwyn", "MISC", ["Banco de Port Elwyn"], [(0, 19)])]
    place = [Entity("Port Elwyn", "MISC", ["Port Elwyn"], [(0, 10)])]
    assert sorted(e.name for e in merge_entities([bank, place])) == ["Banco de Port Elwyn", "Port Elwyn"]
    [one] = merge_entities([bank, [Entity("Banco", "MISC", ["Banco"], [(0, 5)])]])
    assert one.name == "Banco de Port Elwyn"


def _typed(text: str, labels: dict[str, str]) -> dict[str, str]:
    """Entities of ``text`` parsed by the English model, with the recogniser's spans and labels set by hand (the
    small model's mistypes, made certain)."""
    from spacy.tokens import Span

    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    doc = get_language_model("en").parse(text)
    spans: list[Span] = []
    for name, label in sorted(labels.items(), key=lambda item: -len(item[0])):  # a longer name first, never cut
        for match in re.finditer(rf"\b{re.escape(name)}(?!\w)", text):
            span = doc.char_span(match.start(), match.end())
            if not any(span.start < s.end and s.start < span.end for s in spans):
                spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return {e.name: e.type for e in extract_entities(doc)}


def test_a_dateline_left_in_the_text_names_no_entity(enricher, make_article):
    from storyline.enrich.entities import _dateline_spans

    text = "Ruth Adler spoke.\n\nPORT ELWYN, Calif. —\n\nOlga Petrenko met her in Ruritania.\n\nROME (Reuters) - Talks ended."
    assert [text[s:e] for s, e in _dateline_spans(text)] == ["PORT ELWYN, Calif. —", "ROME (Reuters) -"]
    article = enricher.enrich(make_article(text))
    dated = [(s, e) for s, e in _dateline_spans(article.text)]
    assert dated and not any(d <= s < f for e in article.entities for s, _ in e.mentions for d, f in dated)


def test_dotted_initials_typed_a_place_are_an_organisation_unless_written_as_one():
    text = "Vidal lied to the R.P.B. about it. The R.P.B. director left. She lives in the P.R.E. now."
    types = _typed(text, {"Vidal": "PERSON", "R.P.B.": "GPE", "P.R.E.": "GPE"})
    assert types["R.P.B."] == "ORG" and types["P.R.E."] == "PLACE"


def test_a_demonym_and_a_degree_are_no_places():
    from storyline.enrich.entities_types import _is_demonym

    assert _is_demonym("Ruritanians", {"Ruritania"}) and _is_demonym("Port Elwyners", {"Port Elwyn"})
    assert _is_demonym("Londoners", set()) and not _is_demonym("Elwyn Rangers", set())
    text = "Ruritanians love Ruritania, Ruth Adler, MD, said."
    assert _typed(text, {"Ruritanians": "NORP", "Ruritania": "GPE", "Ruth Adler": "PERSON", "MD": "GPE"}) == {
        "Ruritania": "PLACE", "Ruth Adler": "PERSON"}


def test_a_plural_name_after_a_possessor_with_the_is_a_team():
    text = "Ford, a coach for the NBA's Elwyn Gulls, met the NBA's Marco Bell."
    types = _typed(text, {"Ford": "PERSON", "NBA": "ORG", "Elwyn Gulls": "PERSON", "Marco Bell": "PERSON"})
    assert types["Elwyn Gulls"] == "ORG" and types["Marco Bell"] == "PERSON"


def test_a_person_after_of_is_still_a_person_and_a_plural_name_a_group():
    types = _typed("The talks came at the behest of Petrenko, who later left.", {"Petrenko": "PERSON"})
    assert types == {"Petrenko": "PERSON"}
    assert _typed("The Greeks protested on Sunday.", {"Greeks": "PERSON"}) == {"Greeks": "ORG"}


def test_a_paper_goes_by_its_name_less_its_state_or_with_its_initials():
    merged = merge_mentions([Mention("Vermont Courier", "ORG", 0, 15), Mention("Courier", "ORG", 30, 37),
                             Mention("Port Elwyn Herald", "ORG", 50, 67), Mention("PE Herald", "ORG", 80, 89),
                             Mention("Los Elwyn Star", "ORG", 100, 114), Mention("LE Star", "ORG", 120, 127)])
    assert sorted(e.name for e in merged) == ["Los Elwyn Star", "Port Elwyn Herald", "Vermont Courier"]
    assert name_key("LA Herald") != name_key("Herald") and name_key("The Herald") == name_key("Herald")


def test_a_word_the_language_writes_in_lower_case_names_no_person_alone():
    assert _typed("The song was Le Freak by Chic.", {"Chic": "PERSON"}) == {"Chic": "MISC"}
    assert _typed("Later Vice President Chic spoke.", {"Chic": "PERSON"}) == {"Chic": "PERSON"}  # a title
    assert _typed("They met at the Chic family home.", {"Chic": "PERSON"}) == {"Chic": "PERSON"}  # a family


def test_places_the_model_took_for_people():
    text = ("Ruth Adler, 66, of Elwynville, died in the border town of Portelwyn. An Elwynburg woman flew to "
            "Ruritania's Marco Bell airport. Olga Petrenko of Vidal, Stone and Bell testified. Ines Vidal, 40, of "
            "Elwynton, N.Y., spoke.")
    labels = {"Ruth Adler": "PERSON", "Elwynville": "PERSON", "Portelwyn": "PERSON", "Elwynburg": "PERSON",
              "Ruritania": "GPE", "Marco Bell": "PERSON", "Olga Petrenko": "PERSON", "Vidal": "PERSON",
              "Ines Vidal": "PERSON", "Elwynton": "PERSON"}
    types = _typed(text, labels)
    places = ("Elwynville", "Portelwyn", "Elwynburg", "Marco Bell", "Elwynton")
    assert {n: types[n] for n in places} == dict.fromkeys(places, "PLACE")
    assert {n for n, t in types.items() if t == "PLACE"} == {*places, "Ruritania"}  # not "of Vidal, Stone and Bell"


def test_an_organisation_cut_before_its_last_word_is_made_whole():
    text = "Papers came from Elwyn Vidal, a rival. Elwyn Vidal's rocket flew."
    types = _typed(text, {"Elwyn": "ORG", "Vidal": "PRODUCT", "Elwyn Vidal's": "PERSON"})
    assert types == {"Elwyn Vidal": "ORG"}


def test_a_name_listed_only_with_people_is_a_person():
    text = "Wakes were held for three victims: Ruth Adler, Olga Petrenko and Marco Bell."
    types = _typed(text, {"Ruth Adler": "ORG", "Olga Petrenko": "PERSON", "Marco Bell": "PERSON"})
    assert types == dict.fromkeys(("Ruth Adler", "Olga Petrenko", "Marco Bell"), "PERSON")


def test_fallback_names_opening_a_sentence_and_states_after_a_town(enricher, make_article):
    article = enricher.enrich(make_article(
        "Nueva York recibió el avión. Los vuelos a Nueva York empiezan. El avión voló en Everett (Washington). "
        "Tokio, Washington y Londres acordaron el plan.", language="es"))
    names = {e.name: e for e in article.entities}
    assert "York" not in names and "Nueva York" in names
    article = enricher.enrich(make_article("El avión voló en Everett (Washington) el martes.", language="es"))
    assert [e.refers_to for e in article.entities if e.name == "Washington"] == [None]
    article = enricher.enrich(make_article("Los ministros se reunirán en Washington el lunes.", language="es"))
    assert [e.refers_to for e in article.entities if e.name == "Washington"] == [None]
    article = enricher.enrich(make_article("Tokio, Washington y Londres acordaron el plan.", language="es"))
    assert [e.refers_to for e in article.entities if e.name == "Washington"] == ["United States"]


def test_german_names_lose_their_leading_article_and_common_noun(enricher, make_article):
    article = enricher.enrich(make_article(
        "Aktivistin Ruth Adler sagte am Montag, sie gehe nach Ruritanien. Die Corona-Pandemie traf Port Elwyn.",
        language="de"))
    names = {e.name for e in article.entities}
    assert "Ruth Adler" in names and not any(n.startswith(("Aktivistin", "Die ")) for n in names)


def test_a_title_abbreviation_cut_at_its_dot_closes_no_name(enricher, make_article):
    """"Capt." is cut into "Capt" and "." by the tokenizer, and the recogniser ran it into the organisation
    before it: it is the title of the person after."""
    article = enricher.enrich(make_article(
        "Port Elwyn Police Department Capt. Marco Bell and state police bomb technicians arrived at the bank."
    ))
    names = {e.name for e in article.entities}
    assert {"Port Elwyn Police Department", "Marco Bell"} <= names
    assert not any(n.endswith("Capt") for n in names)


def test_fallback_a_german_article_inside_a_run_opens_another_name(enricher, make_article):
    """A headline or a teaser runs into the text with no full stop ("... in Ruritanien Der Sender ..."): the
    capitalised article inside the run opens another name, and an article ending a run names nothing."""
    article = enricher.enrich(make_article(
        "Streit um Wahlen in Ruritanien Der Sender Radio Elwyn hat am Montag berichtet. "
        "Das sagte Olga Petrenko Ein Sprecher bestätigte es.",
        language="de",
    ))
    names = {e.name for e in article.entities}
    assert {"Radio Elwyn", "Olga Petrenko"} <= {n.removeprefix("Sender ") for n in names}
    assert not any(word in {"Der", "Ein"} for n in names for word in n.split())


def test_fallback_a_german_name_holding_an_article_stays_whole(enricher, make_article):
    """An article the text writes with the same words around it more than once belongs to the name (the noun
    before it goes, as before any name)."""
    article = enricher.enrich(make_article(
        "Die Partei Die Elwyner hat gewonnen. Danach sprach die Partei Die Elwyner mit Olga Petrenko.",
        language="de",
    ))
    assert "Die Elwyner" in {e.name for e in article.entities}


def test_turkish_case_endings_after_an_apostrophe_are_no_part_of_the_name(enricher, make_article):
    text = (
        "Ruritanya'dan gelen heyet dün Port Elwyn'e ulaştı. Heyet, Ruritanya'nın başkentinde Olga Petrenko'yla "
        "görüştü. Dünya Sağlık Örgütü’nün açıklamasına göre Ocak'ta Ines Vidal istifa etti. Dünya Sağlık Örgütü "
        "yeni bir rapor yayımladı."
    )
    entities = enricher.enrich(make_article(text, language="tr")).entities
    names = {e.name: e.variants for e in entities}
    assert {"Ruritanya", "Port Elwyn", "Olga Petrenko", "Dünya Sağlık Örgütü", "Ines Vidal"} <= set(names)
    assert names["Ruritanya"] == ["Ruritanya"]  # both case forms one entity
    assert not any("'" in name or "’" in name or name.startswith("Ocak") for name in names)

def test_a_name_beside_a_noun_of_a_person_is_a_person():
    """The small model types "Ines Vidal" of "port authority chief Ines Vidal" an organisation; a role, kin or
    honorific noun in lower case right before a name, linked to it by the parse, makes it a person's."""
    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    doc = get_language_model("en").parse("Port authority chief Ines Vidal said the harbour would reopen on Monday.")
    assert {e.name: e.type for e in extract_entities(doc)} == {"Ines Vidal": "PERSON"}
    text = "Marco Bell said that his wife, Ruth, had left the Elwyn Herald."
    types = _typed(text, {"Marco Bell": "PERSON", "Ruth": "ORG", "Elwyn Herald": "ORG"})
    assert types == {"Marco Bell": "PERSON", "Ruth": "PERSON", "Elwyn Herald": "ORG"}


def test_an_organisation_closing_with_a_surname_written_alone_is_that_person():
    text = "Ruth Adler won. Adler said it was hard. The Elwyn Adler Inc. board agreed."
    types = _typed(text, {"Ruth Adler": "ORG", "Adler": "PERSON", "Elwyn Adler Inc.": "ORG"})
    assert types == {"Ruth Adler": "PERSON", "Elwyn Adler Inc.": "ORG"}
    text = "Ines Vidal joined the RBC. In an interview with the RBC Vidal admitted she was nervous. Vidal smiled."
    types = _typed(text, {"Ines Vidal": "PERSON", "RBC": "ORG", "RBC Vidal": "ORG", "Vidal": "PERSON"})
    assert types == {"Ines Vidal": "PERSON", "RBC": "ORG"}
    text = "Police arrested Adler and Vidal on Monday. Adler denied it. Vidal did not."
    types = _typed(text, {"Adler and Vidal": "ORG", "Adler": "PERSON", "Vidal": "PERSON"})
    assert types == {"Adler": "PERSON", "Vidal": "PERSON"}


def test_fallback_german_nouns_after_numbers_quantifiers_and_adjectives_are_no_names(enricher, make_article):
    """German capitalises every noun: one after a number word, a quantifier or an inflected adjective with no
    article is no name ("vier Verletzte", "mehreren Männern", "dramatische Szenen"); a name after an adjective
    that the text also places ("nach Elwynburg") stays."""
    article = enricher.enrich(make_article(
        "Beim Brand gab es vier Verletzte. Olga Petrenko sah dramatische Szenen mit mehreren Männern. "
        "Sie liebt sonniges Elwynburg und fuhr danach nach Elwynburg zurück.",
        language="de",
    ))
    names = {e.name for e in article.entities}
    assert {"Olga Petrenko", "Elwynburg"} <= names
    assert not {"Verletzte", "Szenen", "Männern"} & names


def test_fallback_german_function_words_are_no_part_of_a_name(enricher, make_article):
    """A headline or a teaser run into the text leaves capitalised prepositions, adverbs and a verb with its
    "Sie" beside names ("Mit Ruth Adler", "Olga Petrenko Jetzt", "Lesen Sie"); a count is no name either."""
    article = enricher.enrich(make_article(
        "Mit Ruth Adler im Gespräch Olga Petrenko Jetzt kommt es anders. Lesen Sie mehr: Million Euro für Elwynburg.",
        language="de",
    ))
    names = {e.name for e in article.entities}
    assert {"Ruth Adler", "Olga Petrenko"} <= names
    assert not any(word in {"Mit", "Jetzt", "Lesen", "Sie", "Million"} for name in names for word in name.split())


def test_a_person_named_as_a_settlement_or_its_part_is_a_place():
    text = "The hardest hit villages were Elwynbad, Vidalia and Bellton. Services failed in parts of Gorvan."
    types = _typed(text, {"Elwynbad": "GPE", "Vidalia": "PERSON", "Bellton": "PERSON", "Gorvan": "PERSON"})
    assert types == dict.fromkeys(("Elwynbad", "Vidalia", "Bellton", "Gorvan"), "PLACE")


def test_a_people_typed_a_person_is_no_entity():
    text = "Ruritania's ruler called himself the father of all Ruritans. The Adlers of Ruth Adler's family came."
    types = _typed(text, {"Ruritania": "GPE", "Ruritans": "PERSON", "Adlers": "PERSON", "Ruth Adler": "PERSON"})
    assert types == {"Ruritania": "PLACE", "Adlers": "PERSON", "Ruth Adler": "PERSON"}


def test_fallback_a_capital_whose_role_someone_has_names_the_place(enricher, make_article):
    """Without a parse, "el senador de Washington" and "los representantes de Washington" have a role of the place
    (a state or a city), not an act of the government seated there: no link to the country."""
    article = enricher.enrich(make_article(
        "Olga Petrenko, senadora de Washington, criticó el plan. Los representantes de Washington firmaron una carta.",
        language="es",
    ))
    assert [e.refers_to for e in article.entities if e.name == "Washington"] == [None]


def test_relatives_sharing_a_common_surname_stay_two_people():
    """"Bettie Page" typed an organisation beside "her brother Jack Page": the surname, though a common word, closes
    a person's full name and is written alone as a person, so she is a person too; every bare "Page" written before
    her brother is named is hers, never his, and the two full names never merge."""
    entities = _english_entities(
        "Page, the pin-up model, died on Thursday. Bettie Page was born in Port Elwyn. Page began modelling in 1950. "
        "Page was survived by her brother Jack Page, who lives in Ruritania."
    )
    assert entities["Bettie Page"].type == "PERSON"
    assert entities["Bettie Page"].mentions == [(0, 4), (42, 53), (78, 82), (108, 112)]
    assert entities["Jack Page"].variants == ["Jack Page"]


def test_a_surname_goes_to_a_person_already_named_rather_than_one_named_later():
    mentions = [
        Mention("Tom Bell", "PERSON", 0, 8),
        Mention("Bell", "PERSON", 50, 54),
        Mention("Anna Bell", "PERSON", 100, 109),
        Mention("Anna Bell", "PERSON", 150, 159),
    ]
    entities = by_name(merge_mentions(mentions))
    assert (50, 54) in entities["Tom Bell"].mentions  # Anna Bell, named more often, is met only later
    assert len(merge_entities([merge_mentions(mentions[:2]), merge_mentions(mentions[2:])])) == 2


def test_a_capital_written_as_a_sports_team_stands_for_no_state():
    entities = _english_entities(
        "Washington beat Dallas 24-17 on Sunday. Washington's quarterback threw two touchdowns. "
        "Moscow lost to Madrid 3-1 on Saturday."
    )
    assert [entities[n].refers_to for n in ("Washington", "Moscow", "Madrid")] == [None, None, None]
    assert _english_entities("Washington warned Beijing on Sunday.")["Washington"].refers_to == "United States"


def test_an_organisation_named_as_a_settlement_is_a_place():
    entities = _english_entities("Ruth Adler of Port Elwyn Partners said the towns of Elwyn Harbour and Bellton flooded.")
    assert entities["Bellton"].type == "PLACE"


def test_fallback_a_quoted_title_keeps_its_article(enricher, make_article):
    """'como " El Mundo de Port Elwyn de la radio "': a phrase quoted inside a sentence, its article the title's
    own; a quoted sentence still loses it."""
    article = enricher.enrich(make_article(
        'Ines Vidal calificó la emisora como " El Mundo de Port Elwyn de la radio ". '
        'Dijo que " El Banco Elwyn tiene un problema grave con la deuda y los bonos ".',
        language="es",
    ))
    names = {e.name for e in article.entities}
    assert "El Mundo de Port Elwyn" in names and "Banco Elwyn" in names


def test_fallback_a_name_written_as_a_settlements_is_a_place(enricher, make_article):
    spanish = enricher.enrich(make_article(
        "Ines Vidal vive en la localidad de Villa Elwyn y visitó el municipio de Bellton el martes.", language="es"
    ))
    assert {e.name: e.type for e in spanish.entities if e.name != "Ines Vidal"} == {"Villa Elwyn": "PLACE", "Bellton": "PLACE"}
    german = enricher.enrich(make_article(
        "In der Gemeinde Elwynbach wurde Marco Bell verletzt. Die Stadt Bellheim trauert.", language="de"
    ))
    assert {e.name: e.type for e in german.entities if e.name != "Marco Bell"} == {"Elwynbach": "PLACE", "Bellheim": "PLACE"}


def test_a_name_in_apposition_to_a_role_after_its_portfolio_is_a_person(enricher, make_article):
    # the recogniser reads "Transports Olga Petrenko" as one organisation; the parse hangs "Olga" on "ministre"
    article = enricher.enrich(make_article(
        "« Nous trouverons un accord avant la fin de la semaine », a déclaré la ministre des Transports "
        "Olga Petrenko lors d'une conférence de presse à Port Elwyn.",
        language="fr",
    ))
    assert {e.name: e.type for e in article.entities}.get("Olga Petrenko") == "PERSON"


def test_a_russian_place_unknown_to_the_dictionary_is_one_name_in_all_its_cases(enricher, make_article):
    # natasha guesses a paradigm for an unknown name: "в Руритании" -> "Руританий", "в Руританию" kept as written
    article = enricher.enrich(make_article(
        "Руритания закрыла границу. Делегация из Порт-Элвина прибыла в Руританию. В Руритании прошли переговоры.",
        language="ru",
    ))
    assert {(e.name, tuple(e.variants)) for e in article.entities if e.type == "PLACE"} == {
        ("Руритания", ("Руритания", "Руританию", "Руритании")), ("Порт-Элвин", ("Порт-Элвин", "Порт-Элвина"))
    }


def test_a_russian_name_of_several_words_is_in_the_nominative_with_its_written_cases_as_variants(enricher, make_article):
    # natasha inflected every word of a place's name ("Соединенные Провинция Элвин": the complement and the
    # number wrong, "ё" lost) and kept no form written in another case among the variants
    article = enricher.enrich(make_article(
        "Соединённые Провинции Элвина закрыли границу. Глава Государственного банка Руритании ушёл в отставку. "
        "Государственный банк Руритании повысил ставку.",
        language="ru",
    ))
    names = {e.name: e.variants for e in article.entities}
    assert "Соединённые Провинции Элвина" in names
    assert names["Государственный банк"] == ["Государственный банк", "Государственного банка"]


def test_a_place_written_in_two_scripts_is_one_entity_of_the_story():
    russian = [Entity(name="Порт-Элвин", type="PLACE", variants=["Порт-Элвин"]),
               Entity(name="Руритания", type="PLACE", variants=["Руритания"])]
    english = [Entity(name="Port Elwyn", type="PLACE", variants=["Port Elwyn"]),
               Entity(name="Ruritania", type="PLACE", variants=["Ruritania"]),
               Entity(name="Australia", type="PLACE", variants=["Australia"])]
    merged = merge_entities([russian, english + [Entity(name="Австрия", type="PLACE", variants=["Австрия"])]])
    assert sorted(sorted(e.variants) for e in merged) == [
        ["Australia"], ["Port Elwyn", "Порт-Элвин"], ["Ruritania", "Руритания"], ["Австрия"]
    ]


def test_a_place_after_a_reporter_names_an_outlet_only_with_media_evidence():
    from storyline.enrich.entities import extract_entities
    from storyline.enrich.languages import get_language_model

    model = get_language_model("en")
    text = "Marco Bell of Metropolis said the harbour closed. Ruth Adler of Port Elwyn, a fisherman, said she was shocked."
    entities = by_name(extract_entities(model.doc(text), outlet="Metropolis"))  # the article's own outlet
    assert entities["Metropolis"].type == "ORG" and entities["Port Elwyn"].type == "PLACE"
    assert by_name(extract_entities(model.doc(text)))["Metropolis"].type == "PLACE"  # no evidence: a residence
    courier = _english_entities("The mayor resigned, writes Olga Petrenko for the Port Elwyn Courier.")
    assert courier["Port Elwyn Courier"].type == "ORG"


def test_a_capital_in_a_sentence_only_sport_writes_is_a_team():
    entities = _english_entities("Washington and Baltimore have expressed interest in the quarterback.")
    assert entities["Washington"].refers_to is None
    assert _english_entities("Washington signed a treaty last season.")["Washington"].refers_to == "United States"


def test_a_first_name_with_another_names_ending_names_another_person():
    assert not same_person_name("Jack Vidal", "Jackie Vidal") and not same_person_name("Daniel Bell", "Danielle Bell")
    assert same_person_name("Mohamed Vidal", "Mohammed Vidal") and same_person_name("Jon Bell", "John Bell")
    assert same_person_name("Phil Petrenko", "Philip Petrenko")  # a short form and its name


def test_a_first_name_with_a_womans_ending_names_another_person_a_spelling_or_nickname_the_same():
    for man, woman in (("Robert", "Roberta"), ("Victor", "Victoria"), ("Louis", "Louise"), ("Simon", "Simone")):
        assert not same_person_name(f"{man} Adler", f"{woman} Adler"), woman
    assert same_person_name("Bob Adler", "Robert Adler") and same_person_name("Bobby Adler", "Bob Adler")  # nicknames
    assert same_person_name("Ann Adler", "Anne Adler") and same_person_name("Steve Adler", "Steven Adler")  # spellings
    assert same_person_name("Betty Lou Adler", "Bettie Adler") and same_person_name("Bettie Adler", "Elizabeth Adler")
    assert same_person_name("R. Adler", "Roberta Adler") and same_person_name("Roberta Adler", "Adler")
    assert same_person_name("Robert Adler", "Roberta Adlera")  # a case ending on both words: one man, inflected


def test_a_short_form_of_a_mans_and_a_womans_name_agrees_with_either_and_never_joins_the_two():
    assert same_person_name("Chris Adler", "Christopher Adler") and same_person_name("Chris Adler", "Christine Adler")
    assert same_person_name("Pat Vidal", "Patricia Vidal") and same_person_name("Tim Vidal", "Timothy Vidal")
    assert not same_person_name("Christopher Adler", "Christine Adler") and not same_person_name("Chris Adler", "Christopher Bell")
    person = [[Entity(name, "PERSON", [name], [])] for name in ("Chris Adler", "Christopher Adler", "Christine Adler")]
    assert sorted(e.variants for e in merge_entities(person[:2])) == [["Christopher Adler", "Chris Adler"]]
    assert len(merge_entities(person)) == 3  # "Chris" of both: joins neither


def test_fallback_a_common_nouns_abbreviation_is_no_name(enricher, make_article):
    """"TV de Disney": a television's abbreviation is no name, the owner after "de" is; "la ONU" (a body) stays."""
    article = enricher.enrich(make_article(
        "La película de Ines Vidal se estrenó en TV de Elwyn Studios y la ONG lo celebró ante la ONU.", language="es"
    ))
    names = {e.name for e in article.entities}
    assert "Elwyn Studios" in names and not names & {"TV", "TV de Elwyn Studios", "ONG"}


def test_two_speakers_described_by_role_are_no_first_name_and_surname():
    # "a" and "spokesman" are no first name and surname: two roles, two speakers
    assert not same_person_name("a Harbour Board spokesman", "a Ruritanian army spokesman")
    assert not same_person_name("A Harbour Board spokesman", "a Ruritanian army spokesman")
    assert not same_person_name("the ferry company's statement", "the Harbour Board statement")
    assert same_person_name("a Harbour Board spokesman", "the Harbour Board spokesman")  # one role, one body
    assert same_person_name("Bob Vidal", "Robert W. Vidal")


def test_a_name_keeps_no_quotation_mark_it_was_cut_across(enricher, make_article):
    article = make_article('Ruritania sits on the Pacific "Belt of Ash" where tectonic plates collide.\n\n'
                           'The fans of Ruth "Red" Adler cheered.')
    entities = by_name(enricher.enrich(article).entities)
    (start, end), = entities["Pacific Belt of Ash"].mentions
    assert article.text[start:end] == 'Pacific "Belt of Ash'
    assert entities["Pacific Belt of Ash"].variants == ["Pacific Belt of Ash"]
    assert 'Ruth "Red" Adler' in entities


def test_fallback_names_keep_dutch_and_italian_particles_and_lose_a_dutch_compound_role(enricher, make_article):
    """"Pieter van der Berg" is one name, in Dutch and in an Italian text quoting him; "Banca d'Italia" is the
    bank, not the country; "Havendirecteur" (port director) is a role before the name, not part of it."""
    dutch = enricher.enrich(make_article(
        "De staking duurt voort. „Genoeg is genoeg”, zei vakbondsleider Pieter van der Berg.\n\n"
        "Havendirecteur Maria De Luca zei dat er een voorstel komt.",
        language="nl",
    ))
    names = {e.name for e in dutch.entities}
    assert {"Pieter van der Berg", "Maria De Luca"} <= names
    assert not {"Pieter", "Berg", "Havendirecteur Maria De Luca"} & names
    italian = enricher.enrich(make_article(
        "Lo sciopero continua, ha aggiunto Pieter van der Berg. La Banca d'Italia prevede una crescita debole.",
        language="it",
    ))
    names = {e.name for e in italian.entities}
    assert {"Pieter van der Berg", "Banca d'Italia"} <= names and "Italy" not in names


def test_fallback_a_bare_dutch_van_is_of_unless_the_surname_stands_alone_with_it(enricher, make_article):
    """"Carlos Sainz van McLaren" is a driver of a team (a guard: main splits it too); "Louis van Gaal" a name,
    since the article writes "Van Gaal" alone, after the compound role "Bondscoach" (main: "Bondscoach Louis",
    "Gaal")."""
    article = enricher.enrich(make_article(
        "Carlos Sainz van McLaren werd derde. Bondscoach Louis van Gaal was tevreden.\n\nVan Gaal zei dat niet.",
        language="nl",
    ))
    names = {e.name for e in article.entities}
    assert {"Carlos Sainz", "McLaren"} <= names and "Carlos Sainz van McLaren" not in names
    assert "Louis van Gaal" in names


def test_fallback_a_surname_of_particles_and_a_stop_word_is_a_name(enricher, make_article):
    """"Van der Meer" is a surname though each of its words is a Dutch stop word ("meer": more); it is the
    Anna van der Meer named before, and her quote is hers (main: no such name, the speaker the bare words)."""
    article = enricher.enrich(make_article(
        "Anna van der Meer noemde het plan slecht.\n\n„Dit is een stunt”, aldus Van der Meer.", language="nl"
    ))
    assert [(e.name, sorted(e.variants)) for e in article.entities] == [
        ("Anna van der Meer", ["Anna van der Meer", "Van der Meer"])
    ]
    assert [q.speaker for q in article.quotes] == ["Anna van der Meer"]


def test_fallback_names_after_a_role_are_people_and_an_english_port_is_a_place(enricher, make_article):
    """Without a recogniser a name was never a person: "il ministro Mario Rossi", "burgemeester Ahmed Aboutaleb"
    are (and the surname alone joins the full name); "De vakbond FNV" stays untyped (a guard). English spaCy typed
    "the port of Rotterdam" a person in a translated story."""
    italian = enricher.enrich(make_article(
        "Il ministro Mario Rossi ha parlato. Rossi ha detto che il porto resta chiuso.", language="it"
    ))
    assert {e.name: e.type for e in italian.entities}["Mario Rossi"] == "PERSON"
    dutch = enricher.enrich(make_article(
        "Burgemeester Ahmed Aboutaleb sprak de havenarbeiders toe. De vakbond FNV reageerde.", language="nl"
    ))
    types = {e.name: e.type for e in dutch.entities}
    assert types["Ahmed Aboutaleb"] == "PERSON" and types["FNV"] == "MISC"
    english = enricher.enrich(make_article(
        "Dock workers at the port of Rotterdam walked out on Monday, halting container traffic, the union said.",
        language="en",
    ))
    assert {e.name: e.type for e in english.entities}.get("Rotterdam") == "PLACE"
