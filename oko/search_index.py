"""The search index from the pages in memory: Pagefind's Python API (one service process, no second
interpreter), reused from the build cache while no page changed. The pages go to a scratch folder that
Pagefind walks in parallel (feeding them one request each was ten times slower).

Pagefind reads `lang="ru"` and stems Russian words, so «контрольной» finds «контрольная». Only the
<main data-pagefind-body> of each page is indexed; the search page itself is not.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from pathlib import Path

from oko.cache import BuildCache, digest
from oko.outputs.search import SearchIndexError

FOLDER = "pagefind"
TIMEOUT = 600  # seconds, as the command-line run had


def search_files(files: dict[str, bytes], cache: BuildCache | None = None) -> dict[str, bytes]:
    """pagefind/… (path → bytes) for the site's HTML files; SearchIndexError when Pagefind fails."""
    pages = sorted((path, data) for path, data in files.items() if path.endswith(".html"))
    key = digest("pagefind", b"".join(f"{path}\0".encode() + hashlib.sha256(data).digest() for path, data in pages))
    hit = cache.get(key) if cache is not None else None
    if hit is not None:
        return hit
    try:
        index = asyncio.run(asyncio.wait_for(_index(pages), TIMEOUT))
    except SearchIndexError:
        raise
    except Exception as exc:  # the service died, timed out or answered with an error
        raise SearchIndexError(f"{type(exc).__name__}: {exc}".strip(": ")) from exc
    if cache is not None:
        cache.put(key, index)
    return index


async def _index(pages: list[tuple[str, bytes]]) -> dict[str, bytes]:
    from pagefind.index import PagefindIndex  # the package loads only when something is indexed

    with tempfile.TemporaryDirectory(prefix="oko-pagefind-") as scratch:
        output = Path(scratch) / FOLDER
        site = Path(scratch) / "site"
        for path, data in pages:  # one request per page is ~10× slower than Pagefind's own parallel walk
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        async with PagefindIndex(config={"output_path": str(output)}) as index:
            await index.add_directory(str(site))
        if not output.is_dir():
            raise SearchIndexError("Pagefind не записал индекс")
        return {f"{FOLDER}/{p.relative_to(output).as_posix()}": p.read_bytes()
                for p in sorted(output.rglob("*")) if p.is_file() and not os.path.islink(p)}
