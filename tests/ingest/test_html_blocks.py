"""Block filters: each non-story block is recognised and named, prose survives."""

from __future__ import annotations

import pytest

from storyline.ingest.html_blocks import Block, filter_blocks, metadata_reason, widget_reason

PROSE = Block("The minister said on Friday that the new rules would apply from July, after months of talks.", "p")


def link(text: str) -> Block:
    return Block(text, "item", len(text))


def test_trailing_link_list_is_related_links() -> None:
    blocks = [PROSE, Block("More stories", "head"), link("Bus fares to rise in January"), link("New cycle lanes open")]
    kept, stripped = filter_blocks(blocks)
    assert kept == [PROSE]
    assert [s.reason for s in stripped] == ["related-links"] * 3


def test_single_closing_link_is_kept() -> None:
    closing = Block("Read the full report here", "p", 25)
    kept, _ = filter_blocks([PROSE, closing])
    assert kept == [PROSE, closing]



def test_a_linked_headline_in_capitals_between_paragraphs_is_a_related_link() -> None:
    shouted = "OLGA PETRENKO QUITS OVER PORT ELWYN FERRY DEAL"
    plain_link = "Read the full report here"
    blocks = [PROSE, Block(shouted, "p", len(shouted)), Block(plain_link, "p", len(plain_link)), PROSE]
    kept, stripped = filter_blocks(blocks)
    assert [b.text for b in kept] == [PROSE.text, plain_link, PROSE.text]
    assert [(s.text, s.reason) for s in stripped] == [(shouted, "related-links")]


def test_a_paragraph_in_capitals_that_is_no_link_is_kept() -> None:
    shouted = Block("THE FERRIES WILL NOT RUN UNTIL MONDAY, THE HARBOUR MASTER SAID.", "p")
    kept, _ = filter_blocks([PROSE, shouted, PROSE])
    assert shouted in kept

def test_title_and_caption_blocks_dropped() -> None:
    blocks = [Block("Minister sets new rules", "head"), PROSE, Block("The minister in Paris. Photo: AP", "p")]
    kept, stripped = filter_blocks(blocks, title="Minister sets  new rules", captions=["The minister in Paris. Photo: AP"])
    assert kept == [PROSE]
    assert {s.reason for s in stripped} == {"duplicate-title", "caption"}


def test_widgets_in_several_languages() -> None:
    assert widget_reason(Block("Lesen Sie auch: Die Regierung plant neue Steuern", "p")) == "related-links"
    assert widget_reason(Block("Inscrivez-vous à notre newsletter", "p")) == "newsletter"
    assert widget_reason(Block("Anzeige", "p")) == "advertisement"
    assert widget_reason(Block("Share on Facebook", "p")) == "share-widget"
    assert widget_reason(PROSE) is None


def test_long_prose_mentioning_a_newsletter_is_kept() -> None:
    long = Block("Readers who sign up for our newsletter " + "and keep reading the story " * 10, "p")
    assert widget_reason(long) is None


def test_metadata_lines() -> None:
    assert metadata_reason(Block("2019-11-19T08:57:40+01:00", "p")) == "metadata"
    assert metadata_reason(Block("https://cdn.example.com/img/photo.jpg", "p")) == "metadata"
    assert metadata_reason(Block("Updated at 1:23 p.m.", "p")) == "dateline"
    assert metadata_reason(Block("Stand: 12.05.2021, 14:30 Uhr", "p")) == "dateline"
    assert metadata_reason(Block("Stand der Technik seit 2019.", "p")) is None
    assert metadata_reason(Block("Photo: Jane Smith/Reuters", "p")) == "credit"
    assert metadata_reason(Block("By Jane Smith", "p")) == "byline"
    assert metadata_reason(Block("(Reporting by Jane Smith; Editing by Tom Brown)", "p")) == "staff-credit"
    assert metadata_reason(Block("dpa/lsw", "p")) == "staff-credit"
    assert metadata_reason(Block("Kategorie: News", "p")) is None  # a widget, not metadata
    assert widget_reason(Block("Kategorie: News", "p")) == "tags"
    assert metadata_reason(Block("https://example.org/sources/report-2019", "p")) is None
    assert metadata_reason(PROSE) is None


def test_link_roundup_page_is_kept() -> None:
    blocks = [Block("Links of the week", "head")] + [link(f"Story number {n} about the election results") for n in range(5)]
    kept, _ = filter_blocks(blocks)
    assert len(kept) == 6


def test_sentences_opening_with_widget_words_are_prose() -> None:
    for text in (
        "Share prices fell 3% on Monday.",
        "Also on Tuesday, the minister resigned.",
        "Auch auf dem Land steigen die Mieten.",
        "Related to this, the court ruled on Friday.",
        "Mira cómo cambió la ciudad en diez años.",
    ):
        assert widget_reason(Block(text, "p")) is None, text
    assert widget_reason(Block("Also on example.com: Ministers meet", "p")) == "related-links"
    assert widget_reason(Block("Related: Ministers meet again", "p")) == "related-links"
    assert widget_reason(Block("Teilen mit:", "p")) == "share-widget"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Facebook Compartir", "share-widget"),
        ("Twitter Enviar", "share-widget"),
        ("Copier le lien", "share-widget"),
        ("Auf Facebook teilen", "share-widget"),
        ("Compartilhe no WhatsApp", "share-widget"),
        ("Lea también: Port Elwyn cierra su puerto por la tormenta", "related-links"),
        ("Vous aimerez aussi : Ines Vidal quitte Ruritania", "related-links"),
        ("Ebenfalls interessant: Ruth Adler im Interview", "related-links"),
        ("Veja também: Marco Bell deixa o clube", "related-links"),
        ("Suscríbete", "newsletter"),
        ("Inscreva-se", "newsletter"),
    ],
)
def test_share_related_and_subscribe_labels_in_other_languages(text: str, reason: str) -> None:
    assert widget_reason(Block(text, "p")) == reason


def test_sentences_with_label_words_stay_prose() -> None:
    for text in (
        "Lea también el informe completo, pidió Ines Vidal a los vecinos.",
        "Ines Vidal dijo que hay que compartir la información con el puerto.",
        "Veja também o que disse Marco Bell sobre o acordo.",
        "Vous aimerez aussi la nouvelle gare de Port Elwyn, dit-elle.",
        "Te puede interesar saber que la huelga de Port Elwyn empezó el lunes.",
        "Auch interessant ist, dass Ruth Adler den Hafen schon 2019 schließen wollte.",
    ):
        assert widget_reason(Block(text, "p")) is None, text
    for label in ("Te puede interesar", "Te puede interesar ⇩", "TE PUEDE INTERESAR: Port Elwyn cierra su puerto",
                  "Auch interessant..."):
        assert widget_reason(Block(label, "p")) == "related-links", label
