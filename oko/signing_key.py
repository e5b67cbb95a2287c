"""The key that signs what a build leaves in the project's .oko-cache/ (the cache, the stamp of an unchanged
build), kept outside every project, and the signed files themselves: what arrived by pull request is never
believed, and nothing is read or written through a link out of the project."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path

_KEY_BYTES = 32


def user_cache_folder() -> Path:
    """$XDG_CACHE_HOME/oko (~/.cache/oko): the user's, outside every project."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oko"


def signing_key() -> bytes | None:
    """The signing key, outside every project: $XDG_CACHE_HOME/oko/cache-key (made on first use, mode 0600)."""
    home = user_cache_folder()
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


def read_signed(folder: Path, name: str, header: bytes) -> bytes | None:
    """The payload of folder/name as write_signed wrote it with this user's key and the same header; None for
    anything else: missing, a link (or in a linked folder), foreign, damaged, another header."""
    try:
        if folder.is_symlink():  # never read outside the project
            return None
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    key = signing_key()
    if key is None or not data.startswith(header):  # a short or cut file fails the signature below
        return None
    mac, payload = data[len(header):len(header) + 32], data[len(header) + 32:]
    if not hmac.compare_digest(mac, hmac.new(key, header + payload, hashlib.sha256).digest()):
        return None  # foreign, damaged, or made with another user's key
    return payload


def write_signed(folder: Path, name: str, header: bytes, payload: bytes) -> None:
    """header, signature, payload into folder/name, atomically (a new file renamed over the old); nothing when
    there is no key or the folder is a link. What cannot be saved only makes the next build slower."""
    key = signing_key()
    if key is None or folder.is_symlink():  # never write outside the project
        return
    temporary = folder / f"{name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(exist_ok=True)
        temporary.write_bytes(header + hmac.new(key, header + payload, hashlib.sha256).digest() + payload)
        os.replace(temporary, folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
