"""Clustering metrics and gold-set loaders."""

from __future__ import annotations

import pytest

from datetime import datetime

from storyline.ingest.finalize import short_hash
from storyline.eval.clustering import (
    LOADERS,
    article_from_sentences,
    bcubed,
    detokenise,
    load_meantime,
    pairwise_and_ari,
    read_conll,
    scores,
)


def test_perfect_clustering_scores_one():
    gold = {"a": "1", "b": "1", "c": "2"}
    pred = {"a": "x", "b": "x", "c": "y"}
    assert scores(pred, gold)["bcubed_f1"] == 1.0
    assert pairwise_and_ari(pred, gold) == (1.0, 1.0)


def test_bcubed_of_one_big_cluster():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    precision, recall, f1 = bcubed(dict.fromkeys(gold, "x"), gold)
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_singletons_have_zero_pairwise_f1_and_no_better_than_chance_ari():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pairwise, ari = pairwise_and_ari({k: k for k in gold}, gold)
    assert pairwise == 0.0
    assert ari <= 0.0


def test_detokenise_joins_punctuation():
    assert detokenise(["Hello", ",", "world", "(", "big", ")", "."]) == "Hello, world (big)."


def test_detokenise_rebuilds_urls_times_clitics_and_line_breaks():
    url = ["http", ":", "/", "/", "www", ".", "x", ".", "com", "/", "2013", "/", "a", "-", "b"]
    assert detokenise(url) == "http://www.x.com/2013/a-b"
    assert detokenise(["Posted", "12", "/", "16", "/", "08", "1", ":", "30", "AM"]) == "Posted 12/16/08 1:30 AM"
    assert detokenise(["TV", "'s", "hero", "do", "n't", "``", "go", "''"]) == "TV's hero don't \" go \""
    assert detokenise(["Title", "\\n", "Next", "line"]) == "Title\nNext line"


def _tokens(spaced: str) -> list[str]:
    """Gold tokens written one space apart."""
    return spaced.split()


def test_detokenise_rejoins_figures_initials_and_sites():
    tokens = _tokens("A magnitude 4 . 6 quake hit at 9 . 25 a . m . , the U . S . agency told TMZ . com .")
    assert detokenise(tokens) == "A magnitude 4.6 quake hit at 9.25 a.m., the U.S. agency told TMZ.com."
    tokens = _tokens("It cost $ 27 . 5 million ; 1 , 300 , 000 fled in 2005 . 3 stayed , 12 , 400 left")
    assert detokenise(tokens) == "It cost $27.5 million; 1,300,000 fled in 2005. 3 stayed, 12,400 left"


def test_detokenise_keeps_decimals_and_thousands_whole():
    """A number split by the tokeniser reads as written, so the sentence splitter does not cut "6. 1" at its dot."""
    assert detokenise(["A", "6", ".", "1", "magnitude", "quake"]) == "A 6.1 magnitude quake"
    assert detokenise(["scored", "2", ",", "129", "points", ",", "3", "more"]) == "scored 2,129 points, 3 more"
    assert detokenise(["March", "11", ",", "2005", ",", "at", "noon"]) == "March 11, 2005, at noon"
    assert detokenise(["is", "5", "-", "foot", "-", "8", ",", "135", "pounds"]) == "is 5 - foot - 8, 135 pounds"
    assert detokenise(["went", "5", "-", "11", ",", "220", "in", "all"]) == "went 5-11, 220 in all"


def test_article_goes_through_the_ingest_text_reader():
    sentences = [
        ["http", ":", "/", "/", "news", ".", "example", ".", "org", "/", "quake"],
        ["Quake", "hits", "island"],
        ["March", "01", ",", "2008"],
        ["A", "strong", "quake", "hit", "the", "island", "on", "Saturday", ",", "officials", "said", "."],
    ]
    article = article_from_sentences(sentences, "corpus.xml#doc-1")
    assert article.id == short_hash("http://news.example.org/quake")  # ingest's id, as for a user's file
    assert article.title == "Quake hits island"
    assert article.url == "http://news.example.org/quake"
    assert article.published == datetime(2008, 3, 1)
    assert article.paragraphs == ["A strong quake hit the island on Saturday, officials said."]


def test_date_line_above_the_headline_is_the_date_not_the_title():
    sentences = [
        ["18", "September", "2013"],
        ["Browser", "fix", "released"],
        ["The", "company", "released", "a", "fix", "."],
    ]
    article = article_from_sentences(sentences, "corpus.xml#doc-2")
    assert (article.title, article.published) == ("Browser fix released", datetime(2013, 9, 18))


def _conll(doc: str, sentences: list[str]) -> str:
    rows = [f"{doc}\t{i}\t{j}\t{token}\t-" for i, s in enumerate(sentences) for j, token in enumerate(s.split())]
    return f"#begin document ({doc}); part 000\n" + "\n".join(rows) + "\n#end document\n"


def test_meantime_reads_every_language_directory_and_its_date_lines(tmp_path):
    body = {
        "en": ["Airbus wins tanker deal", "March 01 , 2008", "Airbus won a tanker contract worth billions today ."],
        "it": ["Airbus vince il contratto", "01 marzo 2008", "Airbus ha vinto oggi un contratto per aerei cisterna ."],
        "nl": [
            "Airbus wint tankercontract",
            "1 maart 2008",
            "Airbus heeft vandaag een groot contract voor tankers gewonnen .",
        ],
    }
    for language, sentences in body.items():
        folder = tmp_path / "meantime-cdcr" / language
        folder.mkdir(parents=True)
        (folder / "meantime.conll").write_text(_conll("corpus_airbus/1", sentences), encoding="utf-8")
    gold_set = load_meantime(tmp_path)
    assert sorted(a.source for a in gold_set.articles) == [
        f"{tmp_path}/meantime-cdcr/{lang}/meantime.conll#{lang}:corpus_airbus/1" for lang in ("en", "it", "nl")
    ]
    assert {a.published for a in gold_set.articles} == {datetime(2008, 3, 1)}
    assert set(gold_set.gold.values()) == {"corpus_airbus/1"}
    assert set(gold_set.topics.values()) == {"corpus_airbus"}


def test_document_that_ingest_refuses_is_recorded_not_scored(tmp_path):
    folder = tmp_path / "meantime-cdcr" / "en"
    folder.mkdir(parents=True)
    text = _conll("c/1", ["http : / / example . org / page"]) + _conll(
        "c/2", ["Title here", "Body of the second one ."]
    )
    (folder / "meantime.conll").write_text(text, encoding="utf-8")
    gold_set = load_meantime(tmp_path)
    assert [a.title for a in gold_set.articles] == ["Title here"]
    assert list(gold_set.unreadable) == ["en:c/1"]


def test_documents_ingest_would_store_once_are_recorded_not_scored(tmp_path):
    folder = tmp_path / "meantime-cdcr" / "en"
    folder.mkdir(parents=True)
    twice = ["Title here", "Body of the document ."]
    (folder / "meantime.conll").write_text(_conll("c/1", twice) + _conll("c/2", twice), encoding="utf-8")
    gold_set = load_meantime(tmp_path)
    assert len(gold_set.articles) == 1 and list(gold_set.unreadable) == ["en:c/2"]


def test_read_conll(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(
        "#begin document (c/1); part 000\nc/1\t0\t0\tHello\t-\nc/1\t0\t1\tthere\t-\nc/1\t1\t0\tBye\t-\n"
        "#end document\n#begin document (c/2); part 000\nc/2\t0\t0\tSecond\t-\n",
        encoding="utf-8",
    )
    assert list(read_conll(path)) == [("c/1", [["Hello", "there"], ["Bye"]]), ("c/2", [["Second"]])]


@pytest.mark.slow
def test_loaders_read_the_gold_sets(shared_data):
    newswcl = LOADERS["newswcl50"](shared_data)
    assert len(newswcl.articles) == 50 and len(set(newswcl.gold.values())) == 10
    ecb = LOADERS["ecbplus"](shared_data)
    assert len(ecb.articles) + len(ecb.unreadable) == 982 and len(set(ecb.gold.values())) == 86
    assert sum(bool(a.title) for a in ecb.articles) > 900  # one-sentence documents are body only
    assert sum(a.published is not None for a in ecb.articles) > 300  # ECB+'s date lines, as ingest reads them
    assert all("same ingest id" in why for why in ecb.unreadable.values())  # pages with one URL


def test_detokenise_rejoins_a_forum_date_split_at_its_hyphen():
    """ECB+ splits "Dec-19-05" into "Dec - 19-05"; rejoined, the reader dates the post. A dash between words stays."""
    assert detokenise(_tokens("Edited on Mon Dec - 19-05 03 : 49 PM")) == "Edited on Mon Dec-19-05 03:49 PM"
    assert detokenise(_tokens("Talks end in May - 19 delegates stay")) == "Talks end in May - 19 delegates stay"
    assert detokenise(_tokens("Bridge closes in May - council says")) == "Bridge closes in May - council says"
