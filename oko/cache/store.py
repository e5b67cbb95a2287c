"""The cache's storage: entries by key in memory, saved as one signed file in `.oko-cache/` of the project.

A build reads the file once, uses what it needs, and saves only the entries it used (so the file never
grows past one build's worth). The file is signed (HMAC-SHA256) with a key kept outside the project,
in the user's cache folder: content arrives by pull request, and a pickle from a foreign or damaged
file is never loaded — any doubt means an empty cache and a clean build, never a failed or different one.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from oko.cache.engine import engine_digest
from oko.signing_key import read_signed, write_signed

CACHE_DIR = ".oko-cache"
STATE_FILE = "state.bin"
MAGIC = b"OKO-CACHE 1\n"
_current: contextvars.ContextVar[BuildCache | None] = contextvars.ContextVar("oko_build_cache", default=None)


def digest(*parts: object) -> str:
    """A key from its parts: bytes and text as they are, anything else by its pickle."""
    hasher = hashlib.sha256(engine_digest().encode())
    for part in parts:
        raw = part if isinstance(part, bytes) else part.encode() if isinstance(part, str) else pickle.dumps(part, 5)
        hasher.update(len(raw).to_bytes(8, "little"))
        hasher.update(raw)
    return hasher.hexdigest()


class BuildCache:
    """Entries (key → pickled value) from the last build; `folder` None keeps them in memory only."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.entries: dict[str, bytes] = _read_state(folder) if folder is not None else {}
        self.saved = set(self.entries)  # the keys the file holds (none when it was foreign, stale or missing)
        self.added = False
        self.used: dict[str, bytes] = {}
        self.hits = self.misses = 0

    def get(self, key: str) -> Any | None:
        raw = self.entries.get(key)
        if raw is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(raw)  # signed by us (see _read_state), or made by this process
        except Exception:  # a class that changed shape: a miss, never a failed build
            self.misses += 1
            return None
        self.used[key] = raw
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        try:
            raw = pickle.dumps(value, 5)
        except Exception:  # something unpicklable (a lambda in page data): simply not cached
            return
        self.entries[key] = raw
        self.used[key] = raw
        self.added = True

    def finish(self) -> None:
        """After a successful build: keep only what it used, and save that unless the file holds just that.

        Compared with what the file holds, not with the entries in memory: after a stale file (another
        engine) every entry is new, and the file must be replaced even though all of them were used."""
        changed = self.added or self.used.keys() != self.saved
        self.entries, self.used = self.used, {}
        self.hits = self.misses = 0
        self.added = False
        if self.folder is not None and (changed or not (self.folder / STATE_FILE).is_file()):
            _write_state(self.folder, self.entries)
        self.saved = set(self.entries)

    def forget(self) -> None:
        """After a failed build: what it added stays available, nothing is saved (the next success saves it)."""
        self.used = {}
        self.hits = self.misses = 0


@contextlib.contextmanager
def using(cache: BuildCache | None) -> Iterator[BuildCache | None]:
    """Make `cache` the one stages consult (render_markdown, deep in the Markdown stage, has no parameter)."""
    token = _current.set(cache)
    try:
        yield cache
    finally:
        _current.reset(token)


def active() -> BuildCache | None:
    return _current.get()


def _header() -> bytes:
    return MAGIC + engine_digest().encode() + b"\n"


def _read_state(folder: Path) -> dict[str, bytes]:
    payload = read_signed(folder, STATE_FILE, _header())
    if payload is None:
        return {}
    try:
        entries = pickle.loads(payload)  # signed by this user's key: made by one of our builds
    except Exception:
        return {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, bytes)
                                                for k, v in entries.items()):
        return {}
    return entries


def _write_state(folder: Path, entries: dict[str, bytes]) -> None:
    """Atomically (oko/signing_key.py); a cache that cannot be saved only makes builds slower."""
    write_signed(folder, STATE_FILE, _header(), pickle.dumps(entries, 5))
