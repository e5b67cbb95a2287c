"""The key that signs what a build leaves in the project's .oko-cache/ (the cache, the stamp of an unchanged
build), kept outside every project: what arrived by pull request is never believed."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

_KEY_BYTES = 32


def signing_key() -> bytes | None:
    """The signing key, outside every project: $XDG_CACHE_HOME/oko/cache-key (made on first use, mode 0600)."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oko"
    path = home / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    try:
        home.mkdir(parents=True, exist_ok=True)
        fresh = secrets.token_bytes(_KEY_BYTES)
        temporary = home / f"cache-key.{os.getpid()}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(fresh)
        os.replace(temporary, path)
        return fresh
    except OSError:
        return None  # no writable home: the cache works within this process only
