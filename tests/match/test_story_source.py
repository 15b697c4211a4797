"""Which member heads a story's label once a comparison has named the article the story began with: matching
cannot tell a translation published the same day from its original, provenance can."""

from __future__ import annotations

from storyline.match.stream import StoryState

ORIGINAL = ("The Kestrel Dam burst above Port Elwyn early on Saturday, flooding three villages in the valley, "
            "Interior Minister Ines Vidal said.")
TRANSLATION = ("La presa de Kestrel se rompió sobre Port Elwyn en la madrugada del sábado, inundando tres aldeas "
               "del valle, dijo la ministra del Interior, Ines Vidal.")


def _pair_and(signatures_of, article, third_title: str, third_day: int, *, day: int | None = 14):
    """The translation, its original (published the same day, or both undated) and a third report."""
    return signatures_of([
        article("a-es", "Se rompe la presa de Kestrel", TRANSLATION, day=day, language="es"),
        article("b-en", "Kestrel Dam bursts above Port Elwyn", ORIGINAL, day=day),
        article("c-en", third_title, ORIGINAL, day=third_day),
    ])


def _story(*signatures) -> StoryState:
    state = StoryState(id="s1", headline="")
    for signature in signatures:
        state.absorb(signature, "joined")
    return state


def _headed_by_original(translation, original) -> StoryState:
    state = _story(translation, original)
    state.head_with("b-en")
    return state


def test_the_source_a_comparison_names_heads_its_story_not_the_same_day_translation(signatures_of, article):
    translation, original, later = _pair_and(signatures_of, article, "Port Elwyn counts the cost of the flood", 15)
    state = _story(translation, original)
    assert state.headline == "Se rompe la presa de Kestrel"  # dates tie: the member that joined first
    assert state.head_with("b-en") and not state.head_with("b-en")
    assert state.headline == "Kestrel Dam bursts above Port Elwyn"
    state.absorb(later, "joined")
    restored = StoryState.from_state(state.to_state())
    assert (restored.source, restored.headline) == ("b-en", "Kestrel Dam bursts above Port Elwyn")
    assert restored.label() == state.label()


def test_a_source_no_longer_heads_its_story_once_it_leaves_or_an_earlier_report_joins(signatures_of, article):
    translation, original, warning = _pair_and(signatures_of, article, "Engineers warn the Kestrel Dam may give way", 13)
    left = _headed_by_original(translation, original)
    left.release(original)
    assert (left.source, left.headline) == (None, "Se rompe la presa de Kestrel")
    earlier = _headed_by_original(translation, original)
    earlier.absorb(warning, "joined")  # the comparison that named the source did not see a report a day before it
    assert (earlier.source, earlier.headline) == (None, "Engineers warn the Kestrel Dam may give way")


def test_an_undated_source_gives_way_to_a_dated_report_joining(signatures_of, article):
    translation, original, dated = _pair_and(signatures_of, article, "Port Elwyn counts the cost of the flood", 15, day=None)
    state = _headed_by_original(translation, original)
    state.absorb(dated, "joined")
    assert (state.source, state.headline) == (None, "Port Elwyn counts the cost of the flood")
