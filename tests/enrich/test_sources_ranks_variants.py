"""Documents as sources (their issuer named before or not an entity), police ranks before names, a first name and its short form in one article, a Russian
plural institution as "они" (fix-enrich5); documents about someone, and an owner's owner (fix-possessor)."""

from __future__ import annotations

import pytest

from storyline.enrich.quotes_base import UNATTRIBUTED


def _speakers(enricher, make_article, text: str) -> list[str]:
    return [q.speaker for q in enricher.enrich(make_article(text)).quotes]


def _entities(enricher, make_article, text: str) -> dict[str, str]:
    return {e.name: e.type for e in enricher.enrich(make_article(text)).entities}


@pytest.mark.parametrize(
    "text",
    [
        'The council met on Monday. A statement said the decision was "final and binding."',
        "The plant closed in May. A report said output at the Fennick mill had fallen by half.",
        "The Acme Board met late. The statement said the Fennick plant would close in June.",
        # documents about someone are not their words (fix-possessor)
        "Nolan Fennick died in custody in April. Fennick's autopsy showed that he suffered a severe spinal injury.",
        "Nolan Fennick died in April. Fennick's autopsy report said he had suffered a high-energy injury.",
        "Nolan Fennick died in April. Fennick's death certificate says he died of a heart attack.",
        "Nolan Fennick was arrested again. Fennick's criminal record shows he was convicted twice.",
        "Nolan Fennick was treated at the clinic. Fennick's medical records show he had been treated for asthma.",
        "Nolan Fennick died in April. His obituary said he loved fishing.",
    ],
)
def test_a_document_naming_no_issuer_names_no_speaker(enricher, make_article, text):
    speakers = _speakers(enricher, make_article, text)
    assert speakers and all(s == UNATTRIBUTED for s in speakers)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not comment further," a statement from the Acme Board said on Tuesday.', "Acme Board"),
        ("The company's statement said the Fennick plant would close in June.", "The company"),
        ("Monday's statement said the Fennick plant would close in June.", UNATTRIBUTED),
        # an owner's owner issues nothing; a document about someone speaks for who made it (fix-possessor)
        ("Nolan Fennick was arrested. Fennick's lawyer's letter said the arrest was unlawful.", "Fennick's lawyer"),
        ("Nolan Fennick resigned. Fennick's statement said he would not run again.", "Nolan Fennick"),
        ("Nolan Fennick died. The autopsy by the medical examiner showed he had a spinal injury.", "the medical examiner"),
        ("Doctors performed an autopsy on Monday. The autopsy showed Nolan Fennick had drowned.", "Doctors"),
        ("Nolan Fennick underwent an autopsy on Monday. The autopsy showed he had drowned.", UNATTRIBUTED),
    ],
)
def test_a_named_document_speaks_for_its_issuer(enricher, make_article, text, speaker):
    assert _speakers(enricher, make_article, text) == [speaker]


def test_a_police_rank_belongs_to_the_name_after_it(enricher, make_article):
    text = (
        "Fennick Police spokesperson Const. Jane Doriel said officers arrived at 9 p.m.\n\n"
        "Elwyn RCMP Cpl. Mara Quell said the road was closed. Elwyn Police Det. Tom Brill confirmed it."
    )
    entities = _entities(enricher, make_article, text)
    assert {entities.get(n) for n in ("Jane Doriel", "Mara Quell", "Tom Brill")} == {"PERSON"}
    assert not [name for name in entities if name.endswith(("Const", "Cpl", "Det", "spokesperson"))]


def test_a_rank_word_ending_a_sentence_stays_in_the_name(enricher, make_article):
    text = "The fire is under investigation by the Fennick Police and the State Fire Marshal."
    assert "State Fire Marshal" in _entities(enricher, make_article, text)


def test_a_short_first_name_is_the_same_person_in_one_article(enricher, make_article):
    text = (
        "Chris Adler, the mayor of Fennick, said the plan was sound.\n\n"
        "Later, Christopher Adler told reporters the vote would go ahead."
    )
    people = [e for e in enricher.enrich(make_article(text)).entities if e.type == "PERSON"]
    assert [sorted(e.variants) for e in people] == [["Chris Adler", "Christopher Adler"]]


def test_a_first_name_alone_still_joins_a_person_written_with_a_nickname(enricher, make_article):
    text = "Timothy D. Brill will run the company. I have asked Tim Brill to lead it. I trust Tim and the team."
    people = [e for e in enricher.enrich(make_article(text)).entities if e.type == "PERSON"]
    assert [sorted(e.variants) for e in people] == [["Tim", "Tim Brill", "Timothy D. Brill"]]


def test_an_initial_or_other_middle_names_are_no_nickname_in_one_article(enricher, make_article):
    text = "Tony Brill coached the team. His son T.J. Brill said he was proud. George H.W. Brill and George W. Brill came."
    names = {e.name for e in enricher.enrich(make_article(text)).entities}
    assert {"Tony Brill", "T.J. Brill", "George H.W. Brill", "George W. Brill"} <= names


def test_a_short_form_of_two_full_names_or_another_first_name_stays_apart(enricher, make_article):
    both = "Christine Adler said yes. Christopher Adler said no. Chris Adler said maybe."
    assert len([e for e in enricher.enrich(make_article(both)).entities if e.type == "PERSON"]) == 3
    siblings = "Marco Calloway said Robert Calloway and Roberta Calloway voted against the plan."
    names = {v for e in enricher.enrich(make_article(siblings)).entities for v in [e.name]}
    assert {"Robert Calloway", "Roberta Calloway"} <= names


@pytest.mark.parametrize("institution", ["Власти", "Силовики", "Спасатели"])
def test_a_russian_plural_institution_is_who_they_are(enricher, make_article, institution):
    text = f"{institution} заявили, что угрозы нет. Они добавили, что мост в Порт-Элвине откроют в мае."
    assert _speakers(enricher, lambda t: make_article(t, language="ru"), text) == [institution, institution]


def test_a_quotation_a_bare_document_goes_on_with_stays_one(enricher, make_article):
    text = '"We will close the Fennick plant in June," the statement said. "No jobs will be lost at the Elwyn site."'
    quotes = enricher.enrich(make_article(text)).quotes
    assert [(q.speaker, q.text.endswith('site."')) for q in quotes] == [(UNATTRIBUTED, True)]


@pytest.mark.parametrize(
    "text",
    [
        "The Acme Board issued a statement on Monday. The statement said the Fennick plant would close in June.",
        'Acme Board said in a statement that talks had failed. The statement added that "no jobs will be lost."',
    ],
)
def test_the_document_speaks_for_the_issuer_of_the_one_before(enricher, make_article, text):
    assert _speakers(enricher, make_article, text)[-1] == "Acme Board"


def test_the_document_takes_no_issuer_of_another_kind_of_document(enricher, make_article):
    text = "The Acme Board issued a statement on Monday. The report said the Fennick plant would close in June."
    assert _speakers(enricher, make_article, text)[-1] == UNATTRIBUTED


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("A statement from the Ruritanian government said the border would reopen.", "the Ruritanian government"),
        ("A Ruritanian police statement said the border would reopen.", "Ruritanian police"),
    ],
)
def test_a_named_issuer_no_entity_covers_is_taken_as_written(enricher, make_article, text, issuer):
    assert _speakers(enricher, make_article, text) == [issuer]
