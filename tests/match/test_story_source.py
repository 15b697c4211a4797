"""Which member heads a story's label once a comparison has named the article the story began with: matching
cannot tell a translation published the same day from its original, provenance can."""

from __future__ import annotations

from storyline.match.stream import StoryState

ORIGINAL = ("The Kestrel Dam burst above Port Elwyn early on Saturday, flooding three villages in the valley, "
            "Interior Minister Ines Vidal said.")
TRANSLATION = ("La presa de Kestrel se rompió sobre Port Elwyn en la madrugada del sábado, inundando tres aldeas "
               "del valle, dijo la ministra del Interior, Ines Vidal.")


def _story(*signatures) -> StoryState:
    state = StoryState(id="s1", headline="")
    for signature in signatures:
        state.absorb(signature, "joined")
    return state


def test_the_source_a_comparison_names_heads_its_story_not_the_same_day_translation(signatures_of, article):
    translation, original, later = signatures_of([
        article("a-es", "Se rompe la presa de Kestrel", TRANSLATION, day=14, language="es"),
        article("b-en", "Kestrel Dam bursts above Port Elwyn", ORIGINAL, day=14),
        article("c-en", "Port Elwyn counts the cost of the flood", ORIGINAL, day=15),
    ])
    state = _story(translation, original)
    assert state.headline == "Se rompe la presa de Kestrel"  # dates tie: the member that joined first
    assert state.head_with("b-en") and not state.head_with("b-en")
    assert state.headline == "Kestrel Dam bursts above Port Elwyn"
    state.absorb(later, "joined")
    restored = StoryState.from_state(state.to_state())
    assert (restored.source, restored.headline) == ("b-en", "Kestrel Dam bursts above Port Elwyn")
    assert restored.label() == state.label()


def test_a_source_no_longer_heads_its_story_once_it_leaves_or_an_earlier_report_joins(signatures_of, article):
    translation, original, warning = signatures_of([
        article("a-es", "Se rompe la presa de Kestrel", TRANSLATION, day=14, language="es"),
        article("b-en", "Kestrel Dam bursts above Port Elwyn", ORIGINAL, day=14),
        article("c-en", "Engineers warn the Kestrel Dam may give way", ORIGINAL, day=13),
    ])
    left = _story(translation, original)
    left.head_with("b-en")
    left.release(original)
    assert (left.source, left.headline) == (None, "Se rompe la presa de Kestrel")
    earlier = _story(translation, original)
    earlier.head_with("b-en")
    earlier.absorb(warning, "joined")  # the comparison that named the source did not see a report a day before it
    assert (earlier.source, earlier.headline) == (None, "Engineers warn the Kestrel Dam may give way")


def test_an_undated_source_gives_way_to_a_dated_report_joining(signatures_of, article):
    translation, original, dated = signatures_of([
        article("a-es", "Se rompe la presa de Kestrel", TRANSLATION, day=None, language="es"),
        article("b-en", "Kestrel Dam bursts above Port Elwyn", ORIGINAL, day=None),
        article("c-en", "Port Elwyn counts the cost of the flood", ORIGINAL, day=15),
    ])
    state = _story(translation, original)
    state.head_with("b-en")
    state.absorb(dated, "joined")
    assert (state.source, state.headline) == (None, "Port Elwyn counts the cost of the flood")
