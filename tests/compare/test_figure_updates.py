"""Figures that rose or fell between dated reports of one story: updates, listed with who said which value
when (invented reports from Port Elwyn)."""

from datetime import datetime

from compare_helpers import make_article

from storyline.compare.story import compare
from storyline.report.comparison import to_html, to_markdown

EARLY, LATE = datetime(2025, 6, 1, 8), datetime(2025, 6, 2, 14)


def _reports(first: str, second: str, encode, late: datetime = LATE):
    a = make_article("a", [first], language="en", outlet="Ruritania Herald", published=EARLY)
    b = make_article("b", [second], language="en", outlet="Port Elwyn Post", published=late)
    return compare([a, b], encode)


def _told(update) -> list[tuple[str, str, str]]:
    return [(r["text"], r["article"], r["published"]) for r in update["reports"]]


def test_a_toll_that_rose_between_days_is_an_update_in_order_of_publication(encode):
    text = "The ferry sinking off Port Elwyn killed {} people, the coast guard said."
    (fell,) = _reports(text.format(19), text.format(14), encode).updates  # a later day's lower figure: a change
    assert (fell["change"], [r["text"] for r in fell["reports"]]) == ("fall", ["19", "14"])
    result = _reports(text.format(14), text.format(19), encode)
    (update,) = result.updates
    assert (update["figure"], update["change"]) == ("killed", "rise")
    assert _told(update) == [("14", "a", "2025-06-01T08:00:00"), ("19", "b", "2025-06-02T14:00:00")]
    assert update["group"] in {g.id for g in result.groups if g.verdict == "shared"}


def test_a_running_total_that_grew_within_its_hedge_is_an_update(encode):
    result = _reports(
        "At least 30 people were injured in the ferry sinking off Port Elwyn, police said.",
        "42 people were injured in the ferry sinking off Port Elwyn, police said.",
        encode,
    )
    assert [g.verdict for g in result.groups] == ["shared"]  # the figures fit: no conflict
    (update,) = result.updates
    assert (update["figure"], _told(update)) == ("injured", [("At least 30", "a", "2025-06-01T08:00:00"), ("42", "b", "2025-06-02T14:00:00")])


def test_figures_the_reports_disagree_on_are_no_update(encode):
    text = "The ferry sinking off Port Elwyn killed {} people, the coast guard said."
    same_time = _reports(text.format(14), text.format(19), encode, late=EARLY)
    assert [g.verdict for g in same_time.groups] == ["conflict"] and same_time.updates == []


def test_reports_show_updates_with_their_outlets_and_times_escaped(encode):
    text = "The ferry sinking off Port Elwyn killed {} people, the coast guard said."
    result = _reports(text.format(14), text.format(19), encode)
    result.articles[0]["name"] = "<b>Herald</b>"
    markdown = to_markdown(result)
    assert "## Updates (1)" in markdown
    assert "- killed rose: 14 (\\<b\\>Herald\\</b\\>, 2025-06-01 08:00:00) \u2192 19 (Port Elwyn Post, 2025-06-02 14:00:00)" in markdown
    html = to_html(result)
    assert "killed rose: 14 (&lt;b&gt;Herald&lt;/b&gt;, 2025-06-01 08:00:00) \u2192 19" in html and "<b>Herald" not in html


def test_only_a_running_total_given_once_per_report_is_an_update(encode):
    ships = "{} ships were waiting at anchor off Port Elwyn, harbour pilots said."
    assert _reports(ships.format(43), ships.format(50), encode).updates == []  # two days' queues, maybe two events
    two = "Floods killed {} people in Port Elwyn, and landslides killed {} people in Varna, police said."
    assert _reports(two.format(14, 2), two.format(19, 3), encode).updates == []  # which figure rose to which?
