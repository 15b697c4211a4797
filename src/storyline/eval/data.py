"""Where the gold sets live: ``../shared/data`` (dev copies of public benchmarks, never in the repo)."""

from __future__ import annotations

import os
from pathlib import Path


class DataMissing(FileNotFoundError):
    """The shared gold data is not where we were told to look."""


def default_data_dir() -> Path:
    """``$STORYLINE_SHARED/data`` if set, else ``shared/data`` beside the checkout, else ``../shared/data``."""
    if shared := os.environ.get("STORYLINE_SHARED"):
        return Path(shared) / "data"
    beside_checkout = Path(__file__).resolve().parents[4] / "shared" / "data"
    return beside_checkout if beside_checkout.is_dir() else Path("../shared/data")
