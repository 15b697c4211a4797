"""The service layer: one core that the CLI and the web app both call.

Modules: ``library`` (ingest, articles, search), ``enrichment`` (entities,
quotes, times), ``dating`` (estimates for undated articles), ``stories``
(matching and clustering), ``comparison`` (story comparison). Each function
takes a :class:`~storyline.service.workspace.Workspace` (settings + store +
models loaded once).
"""
