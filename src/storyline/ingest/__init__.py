"""Ingest: read any input a newsroom has into clean :class:`~storyline.model.Article` objects."""
