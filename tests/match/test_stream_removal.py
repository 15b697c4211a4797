"""Removing articles from the stream clusterer, and which member heads a story's label."""

from __future__ import annotations

from storyline.match.stream import StoryClusterer, StoryState
from tests.match.test_stream import QUAKE, QUAKE_REWRITE, RATES, corpus, run


def test_a_removed_article_leaves_its_story_the_indexes_and_the_counts(signatures_of, config, article):
    signatures = signatures_of(corpus(article))
    clusterer = run(signatures, config)
    without_q2 = run([s for s in signatures if s.id != "q2"], config)
    turkey = clusterer.story_of["q1"]
    q2 = next(s for s in signatures if s.id == "q2")
    assert clusterer.remove([q2]) == {turkey}
    assert "q2" not in clusterer.story_of and "q2" not in clusterer.states[turkey].articles
    assert all(a != "q2" for a, _ in clusterer.vectors.nearest(q2.vector, 10))
    assert all(a != "q2" for a, _ in clusterer.copies.similar(q2))
    assert clusterer.documents == without_q2.documents
    assert clusterer.document_frequency == without_q2.document_frequency
    # The copy of the removed text still finds its story, through the articles left.
    assert clusterer.add(signatures_of([article("again", "Turkey quake toll", QUAKE_REWRITE, day=6)])[0]) == turkey


def test_a_story_left_empty_is_gone_with_its_links(signatures_of, config, article):
    signatures = signatures_of([article("q1", "Quake", QUAKE, day=1), article("late", "Quake", QUAKE_REWRITE, day=27)])
    clusterer = run(signatures, config)
    first, late = clusterer.story_of["q1"], clusterer.story_of["late"]
    assert clusterer.remove([signatures[1]]) == {late, first}  # the linked story changed too
    assert late not in clusterer.states and [s.id for s in clusterer.stories()] == [first]
    assert clusterer.states[first].related == set()
    restored = StoryClusterer.from_state(clusterer.to_state(), config)
    assert [s.to_dict() for s in restored.stories()] == [s.to_dict() for s in clusterer.stories()]


def test_removal_relabels_and_respans_the_story_from_what_remains(signatures_of, config, article):
    signatures = signatures_of(
        [article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6), article("q3", "Turkey quake toll passes 1,300", QUAKE_REWRITE, day=7)]
    )
    clusterer = run(signatures, config)
    story = clusterer.states[clusterer.story_of["q1"]]
    assert story.headline == "Quake kills 1,300 in Turkey" and story.first.day == 6
    clusterer.remove([signatures[0]])
    assert story.headline == "Turkey quake toll passes 1,300" and story.first.day == story.last.day == 7
    assert story.to_story().label.endswith(": Turkey quake toll passes 1,300")


def test_a_story_is_headed_by_its_first_report_not_by_the_member_that_came_in_first(signatures_of, config, article):
    # A later increment brings an earlier report: it, not the follow-up streamed first, heads the story.
    later, earlier = signatures_of(
        [article("q3", "Turkey quake toll passes 1,300", QUAKE_REWRITE, day=7), article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6)]
    )
    clusterer = run([later, earlier], config)
    assert clusterer.story_of["q1"] == clusterer.story_of["q3"]
    assert clusterer.stories()[0].label.endswith(": Quake kills 1,300 in Turkey")


def test_a_merged_story_is_headed_by_the_earliest_report_of_either(signatures_of, article):
    first, follow_up, other = signatures_of(
        [
            article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6),
            article("q2", "Turkey earthquake toll passes 1,300", QUAKE_REWRITE, day=7),
            article("q3", "Rescuers search rubble in Turkey", QUAKE_REWRITE, day=8),
        ]
    )
    small, large = StoryState(id="a", headline=""), StoryState(id="b", headline="")
    small.absorb(first, "started the story")
    for signature in (follow_up, other):
        large.absorb(signature, "joined")
    large.take_over(small)  # the larger story survives, but the earlier report heads it
    assert large.headline == "Quake kills 1,300 in Turkey"


def test_a_story_saved_before_member_dates_keeps_its_head_when_a_later_member_joins(signatures_of, article):
    first, later = signatures_of(
        [article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=None), article("r1", "ECB raises rates", RATES, day=9)]
    )
    state = StoryState(id="a", headline="")
    state.absorb(first, "started the story")
    saved = state.to_state()
    del saved["dates"]
    restored = StoryState.from_state(saved)
    restored.absorb(later, "joined")
    assert restored.headline == "Quake kills 1,300 in Turkey"



def test_removal_narrows_the_story_languages_to_its_members_left(signatures_of, config, article):
    signatures = signatures_of(
        [
            article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6),
            article("q2", "Turkey quake toll passes 1,300", QUAKE_REWRITE, day=7, language="fr"),
            article("q3", "Rescuers search rubble in Turkey", QUAKE_REWRITE, day=8),
        ]
    )
    clusterer = run(signatures, config)
    story = clusterer.states[clusterer.story_of["q1"]]
    assert set(story.articles) == {"q1", "q2", "q3"} and story.languages == {"en", "fr"}
    clusterer.remove([signatures[1]])
    assert story.languages == {"en"}
    restored = StoryClusterer.from_state(clusterer.to_state(), config)
    restored.remove([signatures[0]])
    assert restored.states[story.id].languages == {"en"}


def test_a_story_saved_before_member_languages_keeps_its_languages_on_removal(signatures_of, article):
    english, french = signatures_of(
        [article("q1", "Quake kills 1,300 in Turkey", QUAKE, day=6), article("q2", "Turkey quake toll", QUAKE_REWRITE, day=7, language="fr")]
    )
    state = StoryState(id="a", headline="")
    state.absorb(english, "started the story")
    state.absorb(french, "joined")
    saved = state.to_state()
    del saved["article_languages"]
    restored = StoryState.from_state(saved)
    restored.release(french)
    restored.narrow_to_members()
    assert restored.languages == {"en", "fr"}  # which member wrote which is not known: nothing is dropped
