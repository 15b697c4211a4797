from storyline.model import Article
from storyline.service.enrichment import enrich_articles, enrich_stored


class FakeStore:
    def __init__(self, articles):
        self.articles = {a.id: a for a in articles}
        self.updated = []

    def iter_articles(self):
        return iter(list(self.articles.values()))

    def update_article(self, article):
        self.updated.append(article.id)
        self.articles[article.id] = article


class FakeWorkspace:
    def __init__(self, enricher, articles=()):
        self.store = FakeStore(articles)
        self._enricher = enricher

    def resource(self, name, load):
        assert name == "enricher"
        return self._enricher


class BrokenOn:
    """Wraps an enricher; fails on one article id, as a model crash would."""

    def __init__(self, enricher, bad_id):
        self.enricher, self.bad_id = enricher, bad_id

    def enrich(self, article):
        if article.id == self.bad_id:
            raise ValueError("model crashed")
        return self.enricher.enrich(article)

    def enrich_many(self, articles):
        return [self.enrich(a) for a in articles]


def test_enrich_articles_keeps_a_failing_article_unchanged(enricher, make_article):
    good = make_article("Mayor Ines Vidal said the bridge will reopen.", article_id="good")
    bad = Article(id="bad", title="", paragraphs=["x"], language="en")
    result = enrich_articles(FakeWorkspace(BrokenOn(enricher, "bad")), [good, bad])
    assert [a.id for a in result] == ["good", "bad"]
    assert result[0].quotes and result[1] is bad


def test_enrich_stored_updates_each_article_and_reports_failures(enricher, make_article):
    articles = [make_article("Chief Omar Diallo said rain is coming.", article_id="a"),
                Article(id="b", title="", paragraphs=["y"], language="en")]
    workspace = FakeWorkspace(BrokenOn(enricher, "b"), articles)
    progress = []
    report = enrich_stored(workspace, on_progress=lambda done, total: progress.append((done, total)))
    assert report.enriched == 1 and report.failed == ["b: model crashed"]
    assert progress == [(1, 2), (2, 2)]  # failures count as done: the bar reaches the end
    assert workspace.store.updated == ["a"]
    assert workspace.store.articles["a"].quotes[0].speaker == "Omar Diallo"
