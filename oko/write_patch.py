"""serve's quick write: only the files that changed since its own last write, in place, each atomically.

`build` always stages a whole new site and swaps it in (oko/write.py): a published folder must never be
half old, half new. The preview folder of `serve` is the server's own, and after an edit of one page
a thousand unchanged files need not be linked into a new folder again: the changed files are replaced one by
one (a new file renamed over the old, so the server never sends half a file), the vanished ones removed.
Anything unexpected (the folder is not the one written last, a file system error) is answered by the full
write, which puts the folder right whatever happened to it.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from oko.write import MARKER


class PatchRefusedError(Exception):
    """The folder is not as the last write left it: write it whole instead."""


def patch_site(files: dict[str, bytes], out_dir: Path, written: dict[str, bytes], folder_id: tuple[int, int],
               ) -> None:
    """Make out_dir hold `files`, knowing it holds `written` (the last write, into the folder with `folder_id`,
    its (device, inode)). Raises PatchRefusedError or OSError (then write it whole).

    Without the output lock: serve's writes all run in its one loop thread, and the lock may be held by the
    thread that removes the site before last (oko/write.py remove_later), which must not delay the page."""
    info = os.lstat(out_dir)
    if (info.st_dev, info.st_ino) != folder_id or not (out_dir / MARKER).is_file():
        raise PatchRefusedError  # never shown: serve writes the whole site instead
    for relative, data in sorted(files.items()):
        if written.get(relative) != data:
            _replace(out_dir, relative, data)
    for relative in sorted(set(written) - set(files)):  # each removal climbs to every folder it empties
        _delete(out_dir, relative)


def folder_id(out_dir: Path) -> tuple[int, int]:
    info = os.lstat(out_dir)
    return info.st_dev, info.st_ino


def _parts(relative: str) -> tuple[str, ...]:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"a site file outside the site: {relative!r}")  # an engine bug, not content
    return path.parts


def _replace(out_dir: Path, relative: str, data: bytes) -> None:
    target = out_dir.joinpath(*_parts(relative))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.oko-{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _delete(out_dir: Path, relative: str) -> None:
    """The file, then each folder above it that it left empty (not out_dir itself)."""
    target = out_dir.joinpath(*_parts(relative))
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != out_dir:
        try:
            folder.rmdir()
        except OSError:  # not empty: another page lives there
            return
        folder = folder.parent
