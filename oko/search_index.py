"""The search index from the pages in memory: Pagefind's Python API (one service process, no second
interpreter), reused from the build cache while no page changed. The pages go to a scratch folder that
Pagefind walks in parallel (feeding them one request each was ten times slower).

Pagefind reads `lang="ru"` and stems Russian words, so «контрольной» finds «контрольная». Only the
<main data-pagefind-body> of each page is indexed; the search page itself is not.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from pathlib import Path, PurePosixPath

from oko.cache import BuildCache, digest
from oko.outputs.search import SearchIndexError

FOLDER = "pagefind"
ENTRY = "pagefind-entry.json"
RESPONSE_LIMIT = 2**31  # bytes of one answer of the service (all the index files, base64)
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
    """The index files as Pagefind holds them in memory (GetFiles), never as it writes them to disk: its
    writes finish in a background thread after it has answered, so a file read then (or cut short when the
    service is stopped) could be empty — pagefind-entry.json was, on a loaded machine."""
    from pagefind.service import PagefindService  # the package loads only when something is indexed

    with tempfile.TemporaryDirectory(prefix="oko-pagefind-") as scratch:
        site = Path(scratch) / "site"
        for path, data in pages:  # one request per page is ~10× slower than Pagefind's own parallel walk
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        service = await PagefindService().launch()
        try:
            # All the files come back in one line; the wrapper reads at most 2 MiB per line (a few hundred
            # pages' worth), so its reader gets room for the whole index before it reads the first answer.
            service._backend.stdout._limit = RESPONSE_LIMIT  # type: ignore[attr-defined]
            index = await service.create_index()
            await index.add_directory(str(site))
            files = await index.get_files()
        finally:
            await service.close()
    if not any(file["path"] == ENTRY for file in files):
        raise SearchIndexError("Pagefind не построил индекс")
    return {f"{FOLDER}/{PurePosixPath(file['path']).as_posix()}": file["content"]
            for file in sorted(files, key=lambda file: file["path"])}
