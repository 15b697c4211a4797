from datetime import datetime

from compare_helpers import entity, make_article

from storyline.compare.provenance import agencies, containment, shingles, translation_link
from storyline.compare.story import compare
from storyline.report.comparison import relation_sentence

BODY = [
    "The city council approved a new budget for road repairs on Friday evening.",
    "The mayor said the plan would fix most of the potholes before winter arrives.",
    "Opposition members voted against the plan, citing the rising cost of asphalt.",
]


def test_a_verbatim_copy_is_linked_to_the_earlier_article(encode):
    original = make_article("orig", BODY, published=datetime(2024, 5, 1, 9))
    copy = make_article("copy", BODY[:2], published=datetime(2024, 5, 1, 12))
    (link,) = compare([copy, original], encode).provenance
    assert (link.from_, link.to, link.relation) == ("orig", "copy", "copies")
    assert any("published first" in e for e in link.evidence)


def test_unrelated_articles_have_no_link(encode):
    other = make_article("other", ["Scientists found a new species of frog in the rainforest near the river delta."])
    assert compare([make_article("a", BODY), other], encode).provenance == []


def test_each_adding_new_actors_means_independent_rewrites(encode):
    extra_a = "Firefighter Jonas Berg warned that the old bridge also needs urgent work soon."
    extra_b = "Engineer Mia Holt told reporters the asphalt plant can deliver by early autumn."
    paraphrase = [
        "On Friday evening the city council approved the new road repairs budget.",
        "Most potholes will be fixed before winter arrives, the mayor said of the plan.",
        "Citing the rising cost of asphalt, opposition members voted against the plan.",
    ]
    a = make_article("a", paraphrase + [extra_a], byline="By Reuters")
    b = make_article("b", BODY + [extra_b], byline="Reuters")
    a.entities = [entity(a.text, "Jonas Berg")]
    b.entities = [entity(b.text, "Mia Holt")]
    (link,) = compare([a, b], encode).provenance
    assert link.relation == "independent"
    assert link.common_source == "Reuters"
    assert any("independent rewrites of one Reuters story" in e for e in link.evidence)
    # One credits Reuters, the other UPI or its own reporter: no common source, two reports made apart.
    for byline in ("UPI", "By Ines Vidal"):
        b.byline = byline
        (link,) = compare([a, b], encode).provenance
        assert link.relation == "independent" and link.common_source is None
        assert any("reported independently" in e for e in link.evidence)
    # A copy naming no author at all: the one credit is the likely common source.
    b.byline = None
    assert compare([a, b], encode).provenance[0].common_source == "Reuters"
    # The link names the pair in one order, its evidence too, whichever order the articles came in.
    (link,) = compare([b, a], encode).provenance
    assert (link.from_, link.to) == ("a", "b")
    assert link.evidence[0] == "75% of a's claims and 75% of b's are aligned"
    assert "claims only in a that bring in new actors: 1; only in b: 1" in link.evidence


def test_agency_credits_are_read_from_byline_and_credit_lines():
    assert agencies(make_article("a", ["Body text here."], byline="By AFP")) == ["AFP"]
    assert agencies(make_article("a", ["(Reuters)", "Body text here."])) == ["Reuters"]
    assert agencies(make_article("a", ["He told Reuters it was over."])) == []
    assert agencies(make_article("a", ["Body text here."], agency="RPA")) == ["RPA"]  # initials ingest read


def test_translation_direction_without_dates(use_encode):
    english = make_article(
        "en",
        [
            "Northrop Grumman and Airbus parent EADS defeat Boeing for a $40 billion US airtanker contract.",
            "The United States Air Force awarded the KC-45 Tanker contract to the Northrop Grumman team on Friday.",
            "Boeing said it would wait for a debriefing from the Air Force before deciding whether to protest.",
        ],
        language="en",
    )
    spanish = make_article(
        "es",
        [
            "Northrop Grumman y EADS, matriz de Airbus, vencen a Boeing en un contrato de 40.000 millones de dólares para aviones cisterna de EEUU.",
            "La Fuerza Aérea de Estados Unidos adjudicó el contrato KC-45 Tanker al equipo de Northrop Grumman el viernes.",
            "Boeing dijo que esperaría una explicación de la Fuerza Aérea antes de decidir si protestaba.",
        ],
        language="es",
    )
    (link,) = compare([spanish, english], use_encode).provenance
    assert (link.from_, link.to, link.relation) == ("en", "es", "translates")



def test_a_translation_cites_no_shared_wording(use_encode):
    """Two languages share no word 5-grams: "0% ... appear in" beside "translates" reads as independence."""
    wire = make_article(
        "wire",
        [
            "The Kestrel Dam burst above Port Elwyn early on Saturday, flooding three villages in the valley.",
            "Interior Minister Ines Vidal said the dam gave way after a week of heavy rain.",
            "Rescue teams evacuated about two thousand residents from the villages by mid-morning.",
        ],
        language="en",
        published=datetime(2026, 3, 14, 6),
    )
    translated = make_article(
        "diario",
        [
            "La presa de Kestrel se rompió sobre Port Elwyn en la madrugada del sábado, inundando tres aldeas del valle.",
            "La ministra del Interior, Ines Vidal, dijo que la presa cedió tras una semana de fuertes lluvias.",
            "Los equipos de rescate evacuaron a unos dos mil vecinos de las aldeas a media mañana.",
        ],
        language="es",
        published=datetime(2026, 3, 14, 11),
    )
    (link,) = compare([translated, wire], use_encode).provenance
    assert (link.from_, link.to, link.relation) == ("wire", "diario", "translates")
    assert not any("5-grams" in e for e in link.evidence)
    assert any("published first" in e for e in link.evidence)

def test_each_article_keeps_one_source(encode):
    articles = [make_article(name, BODY, published=datetime(2024, 5, 1, hour)) for name, hour in (("a", 8), ("b", 9), ("c", 10))]
    links = compare(articles, encode).provenance
    assert len(links) == 2
    assert sorted(link.to for link in links) == ["b", "c"]
    assert all(link.relation == "copies" for link in links)


def test_translation_between_scripts_without_dates_says_its_direction_is_unknown(use_encode):
    english = make_article(
        "en",
        [
            "The city council of Norburg approved a new budget for schools on Monday.",
            "Mayor Olga Petrenko said the money would pay for three hundred new teachers.",
            "The opposition voted against the plan and called it too expensive.",
        ],
        language="en",
    )
    russian = make_article(
        "ru",
        [
            "Городской совет Норбурга в понедельник утвердил новый бюджет для школ.",
            "Мэр Ольга Петренко заявила, что эти деньги пойдут на триста новых учителей.",
            "Оппозиция голосовала против плана и назвала его слишком дорогим.",
        ],
        language="ru",
    )
    (link,) = compare([english, russian], use_encode).provenance
    assert link.relation == "translates"
    assert any(e.startswith("direction unknown") for e in link.evidence)


def test_a_translation_sharing_only_names_and_words_both_languages_spell_alike_has_no_direction():
    """Names of a third language and cognates ("crisis global") read as either language: no source is named
    (on MEANTIME en-es every wrong direction came from such words)."""
    english = make_article(
        "en",
        ["The Kabuto 300 index fell 3% after minister Haruto Ishikawa said the global crisis would hurt exports."],
        language="en",
    )
    spanish = make_article(
        "es",
        [
            (
                "El índice Kabuto 300 cayó un 3% después de que el ministro Haruto Ishikawa dijera que la crisis "
                "global dañaría las exportaciones."
            )
        ],
        language="es",
    )
    link = translation_link(spanish, english)
    assert link.direction == "unknown"
    assert any("read as en and es alike" in e for e in link.evidence)


def test_unspaced_text_shares_word_grams_when_rewritten():
    original = "外交部发言人周日表示，该国的对外政策是独立的，不受任何国家的影响。"
    rewrite = "外交部发言人18日表示，该国的对外政策是独立的，不受任何国家影响。"
    assert containment(shingles(rewrite), shingles(original)) > 0.5
    assert containment(shingles("台风周日在沿海登陆，造成大面积停电。"), shingles(original)) == 0.0


def test_agencies_are_read_in_other_scripts():
    chinese = make_article("a", ["新华社德黑兰12月18日电 伊朗外交部发言人周日表示，合作是正常的。"], language="zh")
    russian = make_article("b", ["Текст статьи."], byline="ТАСС", language="ru")
    later = make_article("c", ["发言人说，新华社的报道有误。"], language="zh")  # named inside the text: no credit
    assert agencies(chinese) == ["Xinhua"] and agencies(russian) == ["TASS"] and agencies(later) == []


def test_articles_of_one_outlet_are_told_apart_in_names_and_evidence(encode):
    morning = make_article("m", BODY, outlet="City Wire", language="en", published=datetime(2024, 5, 1, 9))
    evening = make_article("e", BODY[:2], outlet="City Wire", language="en", published=datetime(2024, 5, 2, 9))
    rival = make_article("r", BODY[:2], outlet="Daily Post", language="en", published=datetime(2024, 5, 2, 9))
    comparison = compare([evening, morning, rival], encode)
    names = {a["id"]: a["name"] for a in comparison.articles}
    assert names == {"m": "City Wire (2024-05-01)", "e": "City Wire (2024-05-02)", "r": "Daily Post"}
    assert all(a["outlet"] in {"City Wire", "Daily Post"} for a in comparison.articles)  # the outlet stays the outlet
    link = next(link for link in comparison.provenance if {link.from_, link.to} == {"m", "e"})
    assert "City Wire (2024-05-01) published first" in " ".join(link.evidence)


def test_articles_alike_in_outlet_language_and_day_are_named_by_id(encode):
    first = make_article("first", BODY, outlet="City Wire", language="en")
    second = make_article("second", BODY[:2], outlet="City Wire", language="en")
    names = {a["id"]: a["name"] for a in compare([first, second], encode).articles}
    assert names == {"first": "City Wire (first)", "second": "City Wire (second)"}


def test_links_only_pairs_with_aligned_claims_and_match_every_pair_judged(encode):
    """Skipping article pairs that share no aligned claim changes no link: judging every pair agrees."""
    from storyline.compare.provenance import StoryFacts, pair_link, provenance

    other = ["The harbour of Port Elwyn reopened after the storm damaged two piers last week."]
    articles = [
        make_article("orig", BODY, published=datetime(2024, 5, 1, 9)),
        make_article("copy", BODY[:2], published=datetime(2024, 5, 1, 12)),
        make_article("late", BODY[1:], published=datetime(2024, 5, 2, 8)),
        make_article("port", other),
    ]
    comparison = compare(articles, encode)
    pairs = [(x["a"], x["b"]) for x in comparison.alignments]
    unique = {c for g in comparison.groups if g.verdict == "unique" for c in g.claims}
    facts = StoryFacts.of(articles, comparison.claims, pairs, unique)
    assert ("port", "orig") not in {(a.id, b.id) for a, b in facts.related(articles)}
    everything = [
        link for i, a in enumerate(articles) for b in articles[i + 1 :] if (link := pair_link(a, b, facts)) is not None
    ]
    skipped = [link for a, b in facts.related(articles) if (link := pair_link(a, b, facts)) is not None]
    assert everything == skipped and skipped
    links, _ = provenance(articles, comparison.claims, pairs, unique)
    assert {(x.from_, x.to, x.relation) for x in links} == {("orig", "copy", "copies"), ("orig", "late", "copies")}


def test_a_copy_that_changes_a_figure_adds_something(encode):
    """A later copy giving another figure carries the change: it is a copy, but no copy that adds nothing."""
    offer = "Port authority chief Ines Vidal said the offer of {} was final."
    original = make_article("orig", [*BODY, offer.format("4%")], published=datetime(2024, 5, 1, 9))
    same = make_article("same", [*BODY, offer.format("4%")], published=datetime(2024, 5, 1, 12))
    changed = make_article("changed", [*BODY, offer.format("5%")], published=datetime(2024, 5, 2, 12))
    comparison = compare([original, same, changed], encode)
    assert {(link.from_, link.to, link.relation) for link in comparison.provenance} >= {("orig", "changed", "copies")}
    assert comparison.summary["adds_nothing"] == ["same"]


SAME_DAY = datetime(2024, 5, 1)  # a day without a time of day


def test_same_day_copies_that_differ_by_a_word_say_their_order_is_unknown(encode):
    """Neither holds the other's wording with more of its own: the longer one is no more the source."""
    first = make_article("first", BODY, published=SAME_DAY, outlet="Harbor Courier")
    edited = [BODY[0].replace("Friday evening", "Friday night, in a late session"), *BODY[1:]]
    second = make_article("second", edited, published=SAME_DAY, outlet="Valley Tribune")
    (link,) = compare([second, first], encode).provenance
    assert (link.relation, link.direction) == ("copies", "unknown")
    assert any("which came first is unknown: both give 2024-05-01" in e for e in link.evidence)
    assert relation_sentence(link.to_dict(), {}) == "first and second: one copies the other (which came first is unknown)"


def test_a_same_day_copy_whose_credit_line_names_the_other_outlet_copies_it(encode):
    """The copy is the longer text here (its credit line): the credit, not the length, tells the direction."""
    source = make_article("ledger", BODY, published=SAME_DAY, outlet="Daily Ledger")
    copy = make_article(
        "metro", [*BODY, "This story was originally published by the Daily Ledger."], published=SAME_DAY, outlet="Metro"
    )
    (link,) = compare([copy, source], encode).provenance
    assert (link.from_, link.to, link.relation, link.direction) == ("ledger", "metro", "copies", "credit")
    assert any("Metro's credit line names Daily Ledger" in e for e in link.evidence)


def test_a_same_day_copy_holding_part_of_the_other_is_its_trimmed_copy(encode):
    whole = make_article("whole", BODY, published=SAME_DAY, outlet="Harbor Courier")
    trimmed = make_article("trimmed", BODY[:2], published=SAME_DAY, outlet="Valley Tribune")
    (link,) = compare([trimmed, whole], encode).provenance
    assert (link.from_, link.to, link.direction) == ("whole", "trimmed", "subset")
    assert any("Valley Tribune taken as a trimmed copy" in e for e in link.evidence)


def test_a_trimmed_copy_inside_a_longer_cut_of_a_third_text_names_neither_cut_its_source(encode):
    """Of two cuts of one fuller text, the longer is no source of the shorter: what it has more is the fuller one's."""
    fuller = [*BODY, "Road crews will start on the northern district first, the transport office said."]
    full = make_article("full", fuller, outlet="Harbor Courier")
    post = make_article("post", fuller[:3], outlet="Town Forum")
    cut = make_article("cut", fuller[:2], outlet="Valley Tribune")
    links = compare([post, cut, full], encode).provenance
    directed = {(x.from_, x.to) for x in links if x.direction != "unknown"}
    assert ("post", "cut") not in directed and ("full", "cut") in directed and ("full", "post") in directed
    facts_of_pair = [x for x in links if {x.from_, x.to} == {"post", "cut"}]
    assert all(x.direction == "unknown" for x in facts_of_pair)


def test_no_article_is_named_the_earliest_while_an_undated_one_may_precede_it():
    from storyline.compare.provenance import first_report

    dated = make_article("dated", BODY, published=datetime(2024, 5, 1, 9), outlet="Harbor Courier")
    undated = make_article("undated", BODY[:2], outlet="Valley Tribune")
    found = first_report([undated, dated])
    assert (found["first_reported"], found["earliest"]) == (["dated"], None)
    assert found["first_reported_note"].endswith("1 undated article not counted (may have been earlier)")
    assert first_report([dated])["earliest"] == "dated"


def test_articles_published_at_one_exact_time_say_which_came_first_is_unknown():
    from storyline.compare.provenance import first_report

    at = datetime(2024, 5, 1, 9, 30)
    found = first_report([make_article(x, BODY, published=at) for x in ("one", "two")])
    assert (found["first_reported"], found["earliest"]) == (["one", "two"], None)
    assert found["first_reported_note"] == (
        "one, two: 2024-05-01 09:30, the earliest time given; which of them came first is unknown (the same time)"
    )
