"""Independent pieces of work (pages, Markdown bodies) spread over forked processes when it pays.

Forked workers inherit the build's state (environment, routes, pages) without pickling it; only the
results travel back, in order, so the output is the same bytes as one process makes. Below
`min_tasks` tasks, on one core, or where fork is unavailable, everything runs here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
MIN_TASKS = 96  # a worker costs a fork and the pickling of its results: ~10 ms of work per task pays
_tasks: Sequence[Callable[[], Any]] = ()


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def min_tasks() -> int:
    """The threshold; OKO_PARALLEL_MIN overrides it (tests force the pool on a small site)."""
    try:
        return max(1, int(os.environ.get("OKO_PARALLEL_MIN", "")))
    except ValueError:
        return MIN_TASKS


def run_all(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Each task's result, in order."""
    workers = min(cores(), os.cpu_count() or 1)
    if len(tasks) < min_tasks() or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [task() for task in tasks]
    global _tasks
    _tasks = tasks
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, range(len(tasks)), chunksize=max(1, len(tasks) // (workers * 4)))
    finally:
        _tasks = ()


def _run(index: int) -> Any:
    return _tasks[index]()
