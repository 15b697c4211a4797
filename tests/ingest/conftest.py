"""Small fixtures of our own for the ingest tests, modelled on real pages (not copied)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

#: A short news story in the shape many outlets publish (three paragraphs, neutral facts).
STORY_PARAGRAPHS = [
    "A powerful storm hit the northern coast on Tuesday, cutting power to thousands of homes, officials said.",
    "Emergency crews worked through the night to restore electricity and clear roads blocked by fallen trees.",
    "The weather service said the storm would weaken as it moved inland later in the week.",
]


def story_html(title: str = "Storm hits northern coast", date: str | None = "2023-03-14") -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{meta}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright 2023</footer></body></html>"
    )


@pytest.fixture
def story() -> list[str]:
    return list(STORY_PARAGRAPHS)


@pytest.fixture
def html_page() -> Callable[..., str]:
    return story_html


@pytest.fixture
def limit() -> int:
    """A max_file_bytes generous for every fixture here."""
    return 1_000_000
