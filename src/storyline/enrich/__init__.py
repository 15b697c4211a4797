"""Enrichment: entities, quotes and time expressions for each article.

Entry points: :class:`storyline.enrich.pipeline.Enricher` (one article) and
:func:`storyline.enrich.entities.merge_entities` (a story's articles).
"""
