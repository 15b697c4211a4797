"""A story's label comes from the article it began with as soon as it is stored, not only once it is compared:
an original and its translation published the same day are told apart by matching (one meaning, two languages)
and ordered as a comparison orders them (provenance's direction of a translation)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import numpy as np
import pytest

from storyline.config import Settings
from storyline.model import Article
from storyline.service import stories as service
from storyline.service.workspace import Workspace

ORIGINAL = Article(
    id="b-en",
    title="Harlow Reservoir wall gives way above Marden Vale",
    language="en",
    published=datetime(2026, 3, 14, 9, 30),
    paragraphs=[("The wall of the Harlow Reservoir gave way above Marden Vale early on Saturday, flooding three "
                 "villages, Water Minister Ottilie Brandt said.")],
)
TRANSLATION = Article(
    id="a-es",
    title="Cede el muro del embalse Harlow sobre Marden Vale",
    language="es",
    published=datetime(2026, 3, 14),  # the day only: it may have been earlier, and sorts first
    paragraphs=[("El muro del embalse Harlow cedió sobre Marden Vale en la madrugada del sábado, inundando tres "
                 "aldeas, dijo la ministra del Agua, Ottilie Brandt.")],
)


@pytest.fixture
def same_meaning(monkeypatch):
    """USE replaced by one vector for every text: the two articles mean the same, as a translation does."""
    monkeypatch.setattr(service, "_encode", lambda ws, texts: np.ones((len(texts), 512), dtype=np.float32) / 512**0.5)


def _ingest(ws, *batches: list[Article]) -> None:
    for batch in batches:
        ws.store.add_articles(batch)
        service.assign_to_stories(ws, [ws.store.get_article(a.id) for a in batch])


def _labels(ws) -> list[str]:
    return [service.story_row(ws, story)["label"] for story in service.list_stories(ws)]


@pytest.mark.parametrize(
    "batches",
    [[[ORIGINAL, TRANSLATION]], [[TRANSLATION, ORIGINAL]], [[TRANSLATION], [ORIGINAL]], [[ORIGINAL], [TRANSLATION]]],
    ids=["one batch", "one batch, translation first", "translation stored first", "original stored first"],
)
def test_a_story_is_headed_by_the_original_not_its_same_day_translation_once_ingested(tmp_path, same_meaning, batches):
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        _ingest(ws, *batches)
        (label,) = _labels(ws)
        assert label.endswith(": Harlow Reservoir wall gives way above Marden Vale")
        service.recluster(ws)
        assert _labels(ws) == [label]


def test_undated_translations_are_ordered_by_the_language_of_the_words_both_use(tmp_path, same_meaning):
    undated = [replace(a, published=None) for a in (TRANSLATION, ORIGINAL)]
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        _ingest(ws, undated)
        (label,) = _labels(ws)
        assert label.endswith(": Harlow Reservoir wall gives way above Marden Vale")
        service.recluster(ws)
        assert _labels(ws) == [label]


@pytest.mark.parametrize(
    ("cosine", "title"), [(0.65, TRANSLATION.title), (0.72, ORIGINAL.title)], ids=["under the bar", "over it"]
)
def test_members_in_two_languages_are_a_translation_from_the_bar_for_members_on(tmp_path, monkeypatch, cosine, title):
    """Under ``member_translation_cosine`` (0.70) no translation: the member that sorts first (the day only,
    midnight) heads the story, as before; over it (if under the 0.80 of a pair's "translation" label), the original."""
    english, spanish = np.eye(2, 512, dtype=np.float32)[0], np.full(512, 0.0, dtype=np.float32)
    spanish[:2] = cosine, (1 - cosine**2) ** 0.5

    def encode(ws, texts):
        return np.stack([spanish if "embalse" in text else english for text in texts])

    monkeypatch.setattr(service, "_encode", encode)
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        _ingest(ws, [ORIGINAL, TRANSLATION])
        (label,) = _labels(ws)
        assert label.endswith(f": {title}")
