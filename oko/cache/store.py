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
import hmac
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from oko.cache.engine import engine_digest
from oko.signing_key import signing_key as _secret

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
    key = _secret()
    try:
        if folder.is_symlink():  # never read outside the project
            return {}
        fd = os.open(folder / STATE_FILE, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError:
        return {}
    header = _header()
    if key is None or not data.startswith(header) or len(data) < len(header) + 32:
        return {}
    mac, payload = data[len(header):len(header) + 32], data[len(header) + 32:]
    if not hmac.compare_digest(mac, hmac.new(key, header + payload, hashlib.sha256).digest()):
        return {}  # foreign, damaged, or made by another user's key
    try:
        entries = pickle.loads(payload)
    except Exception:
        return {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, bytes)
                                                for k, v in entries.items()):
        return {}
    return entries


def _write_state(folder: Path, entries: dict[str, bytes]) -> None:
    """Atomically (a new file renamed over the old); a cache that cannot be saved only makes builds slower."""
    key = _secret()
    if key is None:
        return
    payload = pickle.dumps(entries, 5)
    header = _header()
    mac = hmac.new(key, header + payload, hashlib.sha256).digest()
    temporary = folder / f"{STATE_FILE}.{os.getpid()}.tmp"
    try:
        if folder.is_symlink():  # never write outside the project
            return
        folder.mkdir(exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(header + mac + payload)
        os.replace(temporary, folder / STATE_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
