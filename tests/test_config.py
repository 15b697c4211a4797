"""Settings read from the environment."""

import os

from storyline.config import cpu_threads, default_db_path


def test_threads_from_the_environment(monkeypatch):
    monkeypatch.setenv("STORYLINE_THREADS", "1")
    assert cpu_threads() == 1
    monkeypatch.setenv("STORYLINE_THREADS", "zero")  # not a count: the usable cores
    assert cpu_threads() == len(os.sched_getaffinity(0))


def test_database_path_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "news.db"))
    assert default_db_path() == tmp_path / "news.db"
