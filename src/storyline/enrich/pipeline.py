"""The enrichment pipeline: small named components run in order over one article.

Like a spaCy pipeline: :data:`COMPONENTS` registers each component by name,
:class:`EnrichConfig` lists the ones to run, and :class:`Enricher` parses the
article once (models cached per language, see :mod:`.languages`) and hands
the parse to each component, which fills its field of the article.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from storyline.enrich.entities import extract_entities
from storyline.enrich.languages import LanguageModel, get_language_model
from storyline.enrich.quotes import extract_quotes
from storyline.model import Article

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """What components share: the article being filled and its parse."""

    article: Article
    doc: Doc
    model: LanguageModel


Component = Callable[[Analysis], None]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a component under ``name`` so a config can list it."""

    def register(function: Component) -> Component:
        COMPONENTS[name] = function
        return function

    return register


@component("entities")
def entities_component(analysis: Analysis) -> None:
    analysis.article.entities = extract_entities(
        analysis.doc,
        recognised=analysis.model.parsed,
        language=analysis.model.language,
        outlet=analysis.article.outlet,
    )


@component("quotes")
def quotes_component(analysis: Analysis) -> None:
    """Needs "entities" first: speakers are resolved to entity names."""
    analysis.article.quotes = extract_quotes(
        analysis.doc, analysis.article.entities, analysis.model.language, parsed=analysis.model.parsed
    )


@component("times")
def times_component(analysis: Analysis) -> None:
    """Time expressions, anchored on the publication date (the times module is optional)."""
    try:
        from storyline.enrich.times import find_times
    except ImportError:
        log.debug("storyline.enrich.times is not available; times left empty")
        return
    article = analysis.article
    article.times = find_times(article.text, article.published, article.language)


@dataclass
class EnrichConfig:
    """Which components run, in order."""

    components: list[str] = field(default_factory=lambda: ["entities", "quotes", "times"])


class Enricher:
    """Fills ``entities``, ``quotes`` and ``times`` of articles; one instance serves any language."""

    def __init__(self, config: EnrichConfig | None = None) -> None:
        self.config = config or EnrichConfig()
        unknown = [name for name in self.config.components if name not in COMPONENTS]
        if unknown:
            raise ValueError(f"unknown enrichment components: {', '.join(unknown)} (known: {', '.join(COMPONENTS)})")
        self._components = [COMPONENTS[name] for name in self.config.components]

    def enrich(self, article: Article) -> Article:
        """A copy of ``article`` with the configured fields filled in."""
        model = get_language_model(article.language)
        return self._fill(article, model.doc(article.text), model)

    def enrich_many(self, articles: list[Article]) -> list[Article]:
        """Enriched copies of ``articles`` (same order), parsed in batches per language."""
        by_language: dict[str | None, list[int]] = {}
        for index, article in enumerate(articles):
            by_language.setdefault(article.language, []).append(index)
        enriched: list[Article | None] = [None] * len(articles)
        for language, indices in by_language.items():
            model = get_language_model(language)
            docs = model.docs([articles[i].text for i in indices])
            for index, doc in zip(indices, docs, strict=True):
                enriched[index] = self._fill(articles[index], doc, model)
        return [a for a in enriched if a is not None]

    def _fill(self, article: Article, doc: Doc, model: LanguageModel) -> Article:
        enriched = dataclasses.replace(article, entities=[], quotes=[], times=[])
        analysis = Analysis(enriched, doc, model)
        for name, run in zip(self.config.components, self._components, strict=True):
            try:
                run(analysis)
            except Exception as error:  # noqa: BLE001 - one failing component must not lose the others' results
                log.warning("enrichment component %r failed on article %s (%s): %s", name, article.id, article.source, error)
        return enriched
