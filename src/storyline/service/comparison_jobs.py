"""Story comparisons computed in background threads, for the web app: one job per story, a few at once.

The first comparison of a large story takes a minute (docs/benchmarks/web.md); a page that computed it inline
showed nothing all that time. The web app starts the job here and answers at once; the job caches the comparison
in the store (:func:`storyline.service.comparison.compare_story`), where the next request finds it.
The CLI compares inline and never uses this.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from storyline.model import Comparison


class ComparisonsBusy(RuntimeError):
    """Too many comparisons are waiting for a worker: a new one is refused, not queued (ask again later)."""


class ComparisonJobs:
    """At most one running job per story and ``workers`` at once, at most ``max_waiting`` more queued: comparing
    is CPU-bound, and every story asked for at once must not take every core from the pages; a crawler opening
    every story page must not queue a comparison of each (the rest are refused: :class:`ComparisonsBusy`).

    A finished job is forgotten (its comparison is in the store); a failed one is kept until its error is shown
    (:meth:`forget`), so a page that reloads itself reports the error instead of starting the job over and over.
    """

    def __init__(self, compare: Callable[[str], Comparison], *, workers: int, max_waiting: int) -> None:
        self._compare = compare
        self._workers = workers
        self._max_waiting = max_waiting
        self._jobs: dict[str, Future[Comparison]] = {}
        self._lock = threading.RLock()  # a job done before ``start`` adds its callback runs it in ``start``
        self._executor: ThreadPoolExecutor | None = None

    def find(self, story_id: str) -> Future[Comparison] | None:
        """The story's job running, queued or failed, if any; starts none."""
        with self._lock:
            return self._jobs.get(story_id)

    def start(self, story_id: str) -> Future[Comparison]:
        """The story's job: the one already running or failed, else a new one; ComparisonsBusy when a new one
        would wait behind ``max_waiting`` others."""
        with self._lock:
            job = self._jobs.get(story_id)
            if job is None:
                if self._unfinished() >= self._workers + self._max_waiting:
                    raise ComparisonsBusy(f"{self._max_waiting} comparisons are already waiting for a worker")
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(self._workers, thread_name_prefix="storyline-compare")
                job = self._jobs[story_id] = self._executor.submit(self._compare, story_id)
                job.add_done_callback(lambda done: self._forget_compared(story_id, done))
            return job

    def _unfinished(self) -> int:
        """Jobs running or queued: those beyond the workers wait (counted so, not asked ``running()``, as a job
        just submitted reads as not running until a worker picks it up)."""
        return sum(not job.done() for job in self._jobs.values())

    def _forget_compared(self, story_id: str, job: Future[Comparison]) -> None:
        if not job.cancelled() and job.exception() is None:
            self.forget(story_id, job)

    def forget(self, story_id: str, job: Future[Comparison]) -> None:
        """Drop ``job`` (done, or its failure shown), so the next request for the story starts afresh."""
        with self._lock:
            if self._jobs.get(story_id) is job:
                del self._jobs[story_id]

    def shutdown(self) -> None:
        """Drop the queued jobs and let the running ones end on their own (the server is stopping)."""
        with self._lock:
            executor, self._executor = self._executor, None
            self._jobs.clear()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
