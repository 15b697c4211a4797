"""Settings: where the database lives and the thresholds every stage uses.

Thresholds are chosen on the dev sets in ``../shared/data`` only (see
docs/BENCHMARKS.md) and live here, in one place, never per dataset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "storyline.db"


def default_db_path() -> Path:
    """``STORYLINE_DB`` if set, else ``storyline.db`` in the working directory."""
    return Path(os.environ.get("STORYLINE_DB", DEFAULT_DB))


def cpu_threads() -> int:
    """Threads for numeric work: ``STORYLINE_THREADS`` if set, else the cores this process may use.

    Set it to 1 on cores shared with other busy processes: BLAS threads waiting for a core
    made embedding 5x slower there (docs/benchmarks/matching.md).
    """
    if (given := os.environ.get("STORYLINE_THREADS", "").strip()).isdigit() and int(given) > 0:
        return int(given)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Settings:
    db_path: Path = field(default_factory=default_db_path)
    #: Largest input file read; bigger files are refused with a message.
    max_file_bytes: int = 50 * 1024 * 1024
    #: Longest article text stored (characters, ~50,000 words); a longer one is refused with a message:
    #: enrichment time grows with it, and one 30 MB text held up its whole batch for 20 minutes.
    max_article_chars: int = 300_000
    #: Articles per store transaction during ingest.
    batch_size: int = 200
