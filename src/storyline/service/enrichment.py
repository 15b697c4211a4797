"""Enrichment in the service layer: entities, quotes and times for articles, stored or new."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.enrich.pipeline import Enricher
from storyline.model import Article
from storyline.service.dating import anchor_to_estimate

log = logging.getLogger(__name__)


@dataclass
class EnrichReport:
    """What a re-enrichment of the store did."""

    enriched: int = 0
    failed: list[str] = field(default_factory=list)  # "<article id>: <reason>"


def get_enricher(workspace) -> Enricher:
    """The workspace's enricher (its models load once per process)."""
    return workspace.resource("enricher", Enricher)


def enrich_articles(
    workspace, articles: list[Article], on_failure: Callable[[Article, Exception], None] | None = None
) -> list[Article]:
    """Return the articles with entities, quotes and times filled in.

    Parsed in batches; if a batch fails, its articles are redone one by one so
    an article the models fail on is returned unchanged and passed to
    ``on_failure`` (logged by id when there is none), and one bad article never
    stops the rest.
    """
    enricher = get_enricher(workspace)
    try:
        return enricher.enrich_many(articles)
    except Exception:  # noqa: BLE001 - find the culprit below, one article at a time
        log.debug("batch enrichment failed; retrying one article at a time")
    enriched = []
    for article in articles:
        try:
            enriched.append(enricher.enrich(article))
        except Exception as error:  # noqa: BLE001 - untrusted content: report and keep going
            enriched.append(article)
            if on_failure is not None:
                on_failure(article, error)  # the caller reports it
            else:
                log.warning("enrichment failed for article %s (%s): %s", article.id, article.source, error)
    return enriched


def enrich_stored(workspace, on_progress: Callable[[int, int], None] | None = None) -> EnrichReport:
    """Re-enrich every stored article (latest versions) and save each in place, an undated one's times dated
    from its story's estimate as ingest dates them; ``on_progress(done, total)`` after each article, so a caller
    can show how far it is."""
    store = workspace.store
    articles = list(store.iter_articles())
    enricher = get_enricher(workspace)
    report = EnrichReport()
    for done, article in enumerate(articles, 1):
        try:
            enriched = enricher.enrich(article)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the rest
            report.failed.append(f"{article.id}: {error}")
        else:
            store.update_article(anchor_to_estimate(enriched))
            report.enriched += 1
        if on_progress is not None:
            on_progress(done, len(articles))
    return report
