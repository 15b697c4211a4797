"""Enrichment: entities, quotes and time expressions for each article."""
