"""A region of several words after a reporter's town in a wire credit line is no reporter (fix-enrich5)."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import credited_reporters


@pytest.mark.parametrize(
    ("line", "reporters"),
    [
        ("(Reporting by Mara Quell in Fennick, Western Cape; Editing by Tom Brill)", "Mara Quell"),
        ("Reporting by Mara Quell in Elwyn, Lower Saxony and Tom Brill in Kestrel", "Mara Quell; Tom Brill"),
        ("Reporting by Mara Quell in Elwyn, Upper Ruritania, Tom Brill in Kestrel", "Mara Quell; Tom Brill"),
        # a person's name after the town is still a reporter
        ("Reporting by Olga Petrenko in Port Elwyn, Marco Bell and Ruth Adler in Elwyn City",
         "Olga Petrenko; Marco Bell; Ruth Adler"),
    ],
)  # fmt: skip
def test_a_region_after_a_town_is_no_reporter(line, reporters):
    assert credited_reporters(line) == reporters
