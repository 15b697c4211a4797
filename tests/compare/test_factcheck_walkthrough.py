"""Faults a fact-checker's walkthrough found in quotes, timeline, provenance and claims (invented stories)."""

from datetime import datetime

from compare_helpers import entity, make_article, quote_at, time_at

from storyline.compare.claims import split_claims
from storyline.compare.provenance import agencies, first_report, first_reporters
from storyline.compare.quotes import group_quotes
from storyline.compare.story import compare
from storyline.compare.timeline import build_timeline
from storyline.model import TimeExpression

# ---------------------------------------------------------------- quotes


def _quoting(article_id: str, text: str, quoted: str, speaker: str, kind: str | None = "PERSON", language: str = "en"):
    """An article quoting ``quoted`` (inside ``text``) from ``speaker``; ``kind`` None: the speaker is no entity."""
    article = make_article(article_id, [text], outlet=f"Outlet {article_id}", language=language)
    article.entities = [entity(text, speaker, kind)] if kind else [entity(text, "Port Elwyn", "PLACE")]
    article.quotes = [quote_at(text, quoted, speaker)]
    return article


def _groups(encode, *articles):
    return group_quotes(list(articles), encode, {a.id: a.outlet for a in articles})


def test_an_officials_denial_and_residents_complaint_are_two_statements(encode):
    official = "We are not facing shortages and the relief operations in Port Elwyn are going smoothly"
    residents = "relief operations in Port Elwyn were slow"
    a = _quoting("a", f'"{official}," said Olga Petrenko.', official, "Olga Petrenko")
    b = _quoting("b", f"Residents said {residents}.", residents, "residents", kind=None)
    assert len(_groups(encode, a, b)) == 2  # one is negated, the other not: not one statement


def test_two_magnitudes_are_two_statements(encode):
    first = "it was a magnitude-6.1 earthquake off the coast of Port Elwyn"
    second = "it was a magnitude-5.9 earthquake off the coast of Port Elwyn"
    a = _quoting("a", f"The Ruritanian Survey said {first}.", first, "Ruritanian Survey", "ORG")
    b = _quoting("b", f"The Elwyn Observatory said {second}.", second, "Elwyn Observatory", "ORG")
    assert len(_groups(encode, a, b)) == 2
    same = _quoting("c", f"The Elwyn Observatory said {first}.", first, "Elwyn Observatory", "ORG")
    assert len(_groups(encode, a, same)) == 1  # the same figure: one statement


def test_a_witness_and_the_police_are_not_pooled_on_a_shared_phrase(encode):
    witness = "I saw smoke coming from the ferry"
    police = "The smoke coming from the ferry was from its kitchen, and all three crew live in Port Elwyn"
    a = _quoting("a", f'"{witness}," said Ines Vidal.', witness, "Ines Vidal")
    b = _quoting("b", f'"{police}," said Olga Petrenko.', police, "Olga Petrenko")
    groups = _groups(encode, a, b)
    assert len(groups) == 2
    assert [g["speakers"] for g in groups] == [["Ines Vidal"], ["Olga Petrenko"]]


def test_one_statement_credited_to_two_people_stays_grouped_and_says_who_credits_whom(encode):
    said = "The harbour of Port Elwyn will reopen for fishing boats in April"
    a = _quoting("a", f'"{said}," said Olga Petrenko.', said, "Olga Petrenko")
    b = _quoting("b", f'"{said}," said Ines Vidal.', said, "Ines Vidal")
    (group,) = _groups(encode, a, b)
    assert group["evidence"] == ["attributed to different speakers: Olga Petrenko (Outlet a); Ines Vidal (Outlet b)"]


def test_a_fragment_is_grouped_unless_it_drops_a_negation_inside_it(encode):
    full = "We did not close the port, and the rumours about the ferry are simply baseless"
    fragment = "the rumours about the ferry are simply baseless"
    a = _quoting("a", f'"{full}," said Olga Petrenko.', full, "Olga Petrenko")
    b = _quoting("b", f'Olga Petrenko called {fragment}.', fragment, "Olga Petrenko")
    assert len(_groups(encode, a, b)) == 1  # the negation is outside the words quoted in part
    negated = "the rumours about the ferry are not simply baseless"
    c = _quoting("c", f'"{negated}," said Olga Petrenko.', negated, "Olga Petrenko")
    assert len(_groups(encode, b, c)) == 2  # the same words but for a "not" between them


# ---------------------------------------------------------------- timeline


def _sinking(article_id: str, text: str, times: list[TimeExpression], **fields):
    article = make_article(article_id, [text], language="en", times=times, **fields)
    return article, split_claims(article)


def _timeline(*pairs):
    articles = [a for a, _ in pairs]
    claims = [c for _, cs in pairs for c in cs]
    return build_timeline(articles, claims, {}, {a.id: a.id for a in articles})


def test_a_bare_year_does_not_give_an_undated_day_its_year():
    text = "The frigate Elwyn, launched in 1991, sank on November 19 off Port Elwyn."
    undated = _sinking("a", text, [time_at(text, "1991", "1991"), time_at(text, "November 19", "XXXX-11-19")])
    dates = [e["date"] for e in _timeline(undated)]
    assert "1991-11-19" not in dates and "XXXX-11-19" in dates
    report = "The frigate Elwyn sank on November 19, 2008 off Port Elwyn in Ruritania."
    dated = _sinking("b", report, [time_at(report, "November 19, 2008", "2008-11-19")], published=datetime(2008, 11, 20))
    assert [e["date"] for e in _timeline(undated, dated)] == ["1991", "2008-11-19"]



def test_a_month_without_its_year_does_not_borrow_a_reports_year():
    text = "In January this year the ferry to Port Elwyn was cancelled, Olga Petrenko said."
    undated = _sinking("a", text, [time_at(text, "January this year", "XXXX-01")])
    report = "The ferry to Port Elwyn was first cancelled in January 2017, Ines Vidal said."
    earlier = _sinking("b", report, [time_at(report, "January 2017", "2017-01")])
    assert sorted(e["date"] for e in _timeline(undated, earlier)) == ["2017-01", "XXXX-01"]

def test_an_estimated_year_yields_to_the_day_another_article_reports():
    text = "The frigate Elwyn sank on November 19 off Port Elwyn, the navy of Ruritania said."
    guessed = TimeExpression("November 19", text.index("November"), text.index("November") + 11, "2012-11-19", estimated=True)
    undated = _sinking("a", text, [guessed])
    (entry,) = _timeline(undated)
    assert (entry["date"], entry["estimated"]) == ("2012-11-19", True)
    report = "The frigate Elwyn sank on November 19, 2008 off Port Elwyn in Ruritania."
    dated = _sinking("b", report, [time_at(report, "November 19, 2008", "2008-11-19")])
    (entry,) = _timeline(undated, dated)
    assert (entry["date"], entry["estimated"], entry["agreed_by"]) == ("2008-11-19", False, 2)


def test_estimated_dates_date_no_claim_and_raise_no_date_conflict(encode):
    text = "The Port Elwyn ferry inquiry opened yesterday in the capital of Ruritania."
    yesterday = TimeExpression("yesterday", text.index("yesterday"), text.index("yesterday") + 9, "2013-04-16", estimated=True)
    undated = make_article("a", [text], language="en", times=[yesterday])
    assert split_claims(undated)[0].dates == []
    other = "The Port Elwyn ferry inquiry opened on April 15 in the capital of Ruritania."
    dated = make_article("b", [other], language="en", times=[time_at(other, "April 15", "2013-04-15")], published=datetime(2013, 4, 17))
    comparison = compare([undated, dated], encode)
    assert not [g for g in comparison.groups if any(e["rule"] == "dates" for e in g.evidence)]
    (estimated,) = [e for e in comparison.timeline if e["date"] == "2013-04-16"]
    assert estimated["estimated"] and estimated["events"][0]["estimated"]


# ---------------------------------------------------------------- provenance

FACTS = [
    "The Ruritanian ferry Elwyn sank near the port of Port Elwyn on Sunday morning.",
    "Harbour master Olga Petrenko said all forty passengers were rescued by fishing boats.",
    "The cause of the sinking is not yet known, the transport ministry said.",
]
RETOLD = [  # the same facts in the same words, told in other phrases: aligned, 3% of word 5-grams shared
    "On Sunday morning the ferry Elwyn, a Ruritanian boat, sank near Port Elwyn port.",
    "Fishing boats rescued forty passengers, all of them, said Olga Petrenko, the harbour master.",
    "Not known yet is the cause of the sinking, said the ministry of transport.",
]
EDITED = [  # sentences kept and lightly edited: a rewrite
    "The Ruritanian ferry Elwyn sank close to the port of Port Elwyn early on Sunday morning.",
    "Harbour master Olga Petrenko said that all the forty passengers had been rescued by fishing boats.",
    "The cause of the sinking is still not known, the Ruritanian transport ministry said.",
]


def _story(article_id: str, paragraphs: list[str], **fields):
    article = make_article(article_id, paragraphs, language="en", **fields)
    article.entities = [entity(article.text, "Olga Petrenko")]
    return article


def test_a_retelling_without_shared_wording_is_no_rewrite(encode):
    first = _story("a", FACTS, published=datetime(2024, 5, 5, 9))
    later = _story("b", RETOLD, published=datetime(2025, 11, 5, 9))  # 18 months later
    comparison = compare([first, later], encode)
    assert comparison.summary["shared"] >= 2  # the same story...
    assert comparison.provenance == []  # ...but nothing shows that one retells the other


def test_a_rewrite_keeping_sentences_is_linked(encode):
    first = _story("a", FACTS, published=datetime(2024, 5, 5, 9))
    later = _story("b", EDITED, published=datetime(2024, 5, 5, 11))
    (link,) = compare([first, later], encode).provenance
    assert (link.from_, link.to, link.relation, link.direction) == ("a", "b", "rewrites", "dates")
    assert "100% of a's claims keep an aligned claim of b nearly word for word" in link.evidence


def test_a_credited_agency_is_the_source_when_its_report_is_in_the_story(encode):
    wire = _story("wire", FACTS, outlet="AP News")
    credited = [*EDITED[:2], EDITED[2] + " The Associated Press reported."]
    herald = _story("herald", credited, outlet="Port Elwyn Herald")
    daily = _story("daily", [*credited, "Ines Vidal, a fisher, helped pull people from the water."], outlet="Elwyn Daily")
    assert agencies(herald) == ["AP"]
    links = {link.to: link for link in compare([daily, herald, wire], encode).provenance}
    assert (links["herald"].from_, links["herald"].direction) == ("wire", "credit")  # not the near-verbatim Daily
    assert "Port Elwyn Herald credits AP, and AP News is its report" in links["herald"].evidence


def test_a_day_without_a_time_leaves_a_rewrites_direction_unknown(encode):
    day = _story("a", FACTS, published=datetime(2024, 5, 5))
    timed = _story("b", [*EDITED, "Ines Vidal, a fisher, helped pull people from the water."], published=datetime(2024, 5, 5, 14, 30))
    timed.entities.append(entity(timed.text, "Ines Vidal"))
    comparison = compare([timed, day], encode)
    (link,) = comparison.provenance
    assert (link.relation, link.direction) == ("rewrites", "unknown")
    assert "which came first is unknown: a gives only the day (2024-05-05), b 2024-05-05 14:30" in link.evidence
    assert comparison.summary["adds_nothing"] == []  # with no known source it is no derived article


def test_first_reported_is_the_earliest_exact_time_and_day_only_articles_may_precede_it():
    at = {"noon": datetime(2024, 5, 5, 12, 50), "late": datetime(2024, 5, 5, 16, 52), "day": datetime(2024, 5, 5), "next": datetime(2024, 5, 6)}
    articles = [make_article(name, ["The ferry sank off Port Elwyn."], published=when) for name, when in at.items()]
    articles.append(make_article("undated", ["The ferry sank off Port Elwyn."]))
    assert first_reporters(articles) == ["noon"]
    found = first_report(articles)
    assert (found["first_reported"], found["possibly_first"], found["earliest"]) == (["noon"], ["day"], None)
    assert found["first_reported_note"] == (
        "noon: 2024-05-05 12:50, the earliest time given; day gives only that day and may have been earlier; "
        "1 undated article not counted (may have been earlier)"
    )
    earlier_day = make_article("eve", ["The ferry sank off Port Elwyn."], published=datetime(2024, 5, 4))
    assert first_report([*articles, earlier_day])["first_reported"] == ["eve"]


# ---------------------------------------------------------------- claims


def test_links_and_lines_announcing_what_follows_are_no_claims():
    article = make_article(
        "a",
        [
            "http://business.example.com/ruritania/ferry-company",
            "Official PR text follows below.",
            "Here is how they describe the new lifeboats:",
            "The company said its new lifeboats carry sixty people each.",
            "Harbour master Olga Petrenko issued this statement on the sinking:",
        ],
        language="en",
    )
    assert [c.text for c in split_claims(article)] == [
        "The company said its new lifeboats carry sixty people each.",
        "Harbour master Olga Petrenko issued this statement on the sinking:",  # names who: it reports something
    ]
