"""Ingest: read any input a newsroom has into clean :class:`~storyline.model.Article` objects.

Public API (the store/service/CLI code against this):

- :class:`IngestError`, :class:`ReadOutcome`
- :func:`read_paths` - paths, directories, globs, ``-`` (stdin) -> one outcome per article or failure
- :func:`expand_paths` - paths, directories, globs, ``-`` -> the sources to read, in order
- :func:`read_source` - one expanded source -> its outcomes (for readers running in worker processes)
- :func:`read_file` - one file -> its articles (raises :class:`IngestError`)
- :func:`read_text` - plain text -> one clean article (raises :class:`IngestError`)
- :func:`finalize` - fill language, outlet, agency, content hash and id of any reader's article
"""

from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.finalize import finalize
from storyline.ingest.reading import expand_paths, read_file, read_paths, read_source
from storyline.ingest.text import read_text

__all__ = [
    "IngestError",
    "ReadOutcome",
    "expand_paths",
    "finalize",
    "read_file",
    "read_paths",
    "read_source",
    "read_text",
]
