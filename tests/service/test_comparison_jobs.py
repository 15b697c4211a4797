"""Background comparisons: one job per story, a bounded number at once, failures kept until shown."""

from __future__ import annotations

import threading

import pytest

from storyline.model import Comparison
from storyline.service.comparison_jobs import ComparisonJobs, ComparisonsBusy


def _blocking_compare():
    """A compare function that records the stories it starts and blocks until released."""
    release, started = threading.Event(), []

    def compare(story_id: str) -> Comparison:
        started.append(story_id)
        assert release.wait(30)
        return Comparison(articles=[])

    return compare, release, started


def test_one_job_per_story_and_no_more_than_the_workers_at_once() -> None:
    compare, release, started = _blocking_compare()
    jobs = ComparisonJobs(compare, workers=1, max_waiting=1)
    try:
        first, second = jobs.start("s1"), jobs.start("s2")
        assert jobs.start("s1") is first  # asked again while it runs: the same job
        assert not second.running()  # queued behind the one worker
    finally:
        release.set()
    assert first.result(30).articles == [] and second.result(30).articles == []
    assert started == ["s1", "s2"]
    third = jobs.start("s1")  # a finished job is forgotten: the store has its comparison
    assert third is not first
    third.result(30)
    jobs.shutdown()


def test_a_failed_job_is_kept_until_forgotten() -> None:
    def compare(story_id: str) -> Comparison:
        raise ValueError("broken")

    jobs = ComparisonJobs(compare, workers=2, max_waiting=1)
    job = jobs.start("s1")
    assert isinstance(job.exception(30), ValueError)
    assert jobs.start("s1") is job  # the failure waits for a page to show it
    jobs.forget("s1", job)
    assert jobs.start("s1") is not job
    jobs.shutdown()


def test_no_more_than_max_waiting_jobs_queue_behind_the_workers() -> None:
    compare, release, started = _blocking_compare()
    jobs = ComparisonJobs(compare, workers=1, max_waiting=1)
    try:
        running, waiting = jobs.start("s1"), jobs.start("s2")
        with pytest.raises(ComparisonsBusy):
            jobs.start("s3")  # a third story would wait behind two: refused, nothing queued
        assert jobs.find("s3") is None
        assert jobs.start("s2") is waiting  # a story already queued is still found
    finally:
        release.set()
    running.result(30), waiting.result(30)
    jobs.start("s3").result(30)  # room again once the queue drained
    assert started == ["s1", "s2", "s3"]
    jobs.shutdown()
