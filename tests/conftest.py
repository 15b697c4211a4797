"""Shared test fixtures: the seeds and the shared benchmark data (skipped when absent)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


def make_warc(records: list[tuple[str, str, bytes]], *, gzip: bool = False) -> bytes:
    """A WARC with one response record per (url, content type, payload)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


@pytest.fixture
def warc_bytes() -> Callable[..., bytes]:
    return make_warc
