"""The new site's files into the staging folder: a file whose bytes the previous site already has is
hard-linked from it instead of written, so an incremental build writes only what changed (see oko.write)."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath


def write_tree(staging: Path, files: dict[str, bytes], previous: Path | None = None) -> None:
    """Every file into staging; one whose bytes the previous site already has is hard-linked from there
    (only changed bytes are written; the previous site is never written to, so a failure leaves it whole)."""
    os.mkdir(staging)
    for relative, data in sorted(files.items()):
        path = PurePosixPath(relative)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise ValueError(f"a site file outside the site: {relative!r}")  # an engine bug, not content
        target = staging.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        if previous is None or not link_same(previous.joinpath(*path.parts), target, data):
            write_file(target, data)


def link_same(old: Path, target: Path, data: bytes) -> bool:
    """Hard-link old to target if old is a regular file holding exactly `data`; False if not (or no links here)."""
    try:
        fd = os.open(old, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data) or info.st_nlink > 1000:
            return False
        with os.fdopen(os.dup(fd), "rb") as handle:
            if handle.read(len(data) + 1) != data:
                return False
        os.link(old, target, follow_symlinks=False)
    except OSError:  # a file system without hard links (FAT), or too many: written instead
        return False
    finally:
        os.close(fd)
    return True


def write_file(target: Path, data: bytes) -> None:
    try:
        target.write_bytes(data)
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, str(target)) from exc  # write() does not name the file: say which
