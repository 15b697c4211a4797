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


class ComparisonJobs:
    """At most one running job per story and ``workers`` at once (the rest queue): comparing is CPU-bound, and
    every story asked for at once must not take every core from the pages.

    A finished job is forgotten (its comparison is in the store); a failed one is kept until its error is shown
    (:meth:`forget`), so a page that reloads itself reports the error instead of starting the job over and over.
    """

    def __init__(self, compare: Callable[[str], Comparison], *, workers: int) -> None:
        self._compare = compare
        self._workers = workers
        self._jobs: dict[str, Future[Comparison]] = {}
        self._lock = threading.RLock()  # a job done before ``start`` adds its callback runs it in ``start``
        self._executor: ThreadPoolExecutor | None = None

    def start(self, story_id: str) -> Future[Comparison]:
        """The story's job: the one already running or failed, else a new one."""
        with self._lock:
            job = self._jobs.get(story_id)
            if job is None:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(self._workers, thread_name_prefix="storyline-compare")
                job = self._jobs[story_id] = self._executor.submit(self._compare, story_id)
                job.add_done_callback(lambda done: self._forget_compared(story_id, done))
            return job

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
