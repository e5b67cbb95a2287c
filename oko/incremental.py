"""A build for `build` and `serve`: the pipeline with the project's cache (.oko-cache/), then the search index.

`--clean` ignores what the cache holds (the new cache is saved all the same). The files are the same
bytes either way; tests/test_incremental*.py compare them after random edit sequences.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from oko.cache import BuildCache
from oko.cache.store import CACHE_DIR
from oko.pipeline import BuildResult, generate
from oko.search_index import search_files


def project_cache(project: Path, clean: bool = False) -> BuildCache:
    cache = BuildCache(project / CACHE_DIR)
    if clean:
        cache.entries = {}
    return cache


def build_site(project: Path, cache: BuildCache | None, inline_scripts: Iterable[str] = (),
               search: bool = True) -> BuildResult:
    """generate() and, when it succeeded, the Pagefind files added; the cache is saved after a success.

    Raises SearchIndexError (oko/outputs/search.py) when Pagefind fails; the cache is then not saved.
    """
    result = generate(project, inline_scripts, cache)
    if result.failed():
        if cache is not None:
            cache.forget()
        return result
    try:
        if search:
            result.files.update(search_files(result.files, cache))
    except BaseException:
        if cache is not None:
            cache.forget()
        raise
    if cache is not None:
        cache.finish()
    return result
