"""`build` with nothing changed: the output folder already holds what a build would write, so say so at once.

A successful `build` leaves a stamp in .oko-cache/: a digest of everything the build read or depended on,
taken before it read anything, the output folder it swapped in, and the issues it reported. The next
`build` into the same folder computes the digest again; when it is the same, the folder holds exactly the
bytes a build would write, so the issues are reported again and the command ends — without importing the
models, the templates or Pagefind (≈0.1 s instead of seconds). Any difference, a missing or foreign stamp,
or `--clean` means a real build. What the digest covers:

- what the build reads: site_config.yaml, content/ and templates/ (the folders oko/files.py walks) and the
  Sveltia CMS package it copies into /admin/ — each file's and folder's lstat (size, times, inode), so an edit,
  an added, removed or renamed file, even a `touch`, counts as a change;
- the engine: Око's own files, what is installed in the folders of sys.path (the libraries' names and
  versions) and the Python version;
- the git commit (pages' «обновлено» dates come from history, oko/history.py), the day (the schedule's
  staleness check, oko/kinds/schedule/stale.py) and every OKO_* environment variable.

Like make, it trusts that nobody edited the output folder by hand since the build: only the folder itself is
checked (the same inode and times as when it was swapped in). `--clean` rebuilds regardless. The stamp is
signed with the build cache's key, kept outside the project (oko/cache/store.py): a stamp that arrived by
pull request is never believed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from oko.errors import Issue
from oko.signing_key import read_signed, write_signed

CACHE_DIR = ".oko-cache"  # as oko/cache/store.py (not imported: it loads the engine's digest)
STAMP_FILE = "stamp.bin"
MAGIC = b"OKO-STAMP 1\n"
INPUTS = ("site_config.yaml", "content", "templates")  # oko/pipeline.py load_project, oko/files.py scan_project
CMS_PACKAGE = "node_modules/@sveltia/cms/npm"  # oko/cms.py admin_files
PACKAGE = Path(__file__).resolve().parent
ENGINE_ROOT = PACKAGE.parent  # the checkout beside Око, whose node_modules oko/cms.py also reads


def input_digest(project: Path, out: Path) -> str:
    """The digest of everything a build into `out` depends on (see the module's docstring)."""
    hasher = hashlib.sha256()
    for line in _input_lines(project, out):
        hasher.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return hasher.hexdigest()


def _input_lines(project: Path, out: Path) -> Iterator[str]:
    root = project.resolve()
    yield f"project {root}"
    yield f"out {os.path.abspath(out)}"
    for name in INPUTS:
        yield from _tree(root, name)
    for base in dict.fromkeys((root, ENGINE_ROOT)):
        yield from _tree(base, CMS_PACKAGE)
    yield f"python {sys.version}"
    yield from _tree(PACKAGE.parent, PACKAGE.name, skip="__pycache__")
    for entry in sys.path:
        folder = Path(entry or ".").resolve()
        yield f"path {folder} {' '.join(_distributions(folder))}"
    yield f"git {_git_head(root)}"
    yield f"today {dt.date.today().isoformat()}"
    for name in sorted(os.environ):
        if name.startswith("OKO_"):
            yield f"env {name}={os.environ[name]}"


def _tree(base: Path, relative: str, skip: str = "") -> Iterator[str]:
    """One line per file and folder under base/relative (links not followed), in a stable order."""
    path = base / relative
    try:
        info = os.lstat(path)
    except OSError:
        yield f"absent {base}/{relative}"
        return
    yield f"{base}/{relative} {_describe(info)}"
    if not stat.S_ISDIR(info.st_mode):
        return
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        yield f"unreadable {base}/{relative} {exc.errno}"
        return
    for name in names:
        if name != skip:
            yield from _tree(base, f"{relative}/{name}", skip)


def _distributions(folder: Path) -> list[str]:
    """What is installed in a folder of sys.path: pip's records carry each library's name and version, so an
    install, an upgrade or a removal changes them — while the folder's other files do not count (the checkout
    Око runs from is on sys.path, and every build swaps its site/ in there)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return ["absent"]
    return sorted(name for name in names if name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")))


def _describe(info: os.stat_result) -> str:
    return f"{stat.S_IFMT(info.st_mode)} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


def _times(path: Path) -> str:
    try:
        return _describe(os.lstat(path))
    except OSError:
        return "absent"


def _git_head(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--show-toplevel", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def record(project: Path, out: Path, digest: str, issues: list[Issue], pages: int) -> None:
    """After a successful build into `out` whose inputs had `digest`: the stamp (never an error if it fails)."""
    payload = json.dumps({"digest": digest, "out": _times(Path(os.path.abspath(out))), "pages": pages,
                          "issues": [asdict(issue) for issue in issues]}, ensure_ascii=False).encode()
    _write(project, payload)


def forget(project: Path) -> None:
    """Before a real build: whatever it ends with, the old stamp no longer describes the output."""
    with contextlib.suppress(OSError):
        os.unlink(project / CACHE_DIR / STAMP_FILE)


def unchanged(project: Path, out: Path, digest: str) -> tuple[list[Issue], int] | None:
    """The issues and page count of the last build when `out` still holds it for these inputs, else None."""
    payload = _read(project)
    if payload is None:
        return None
    try:
        stamp = json.loads(payload)
        if stamp["digest"] != digest or stamp["out"] != _times(Path(os.path.abspath(out))) or stamp["out"] == "absent":
            return None
        return [Issue(**fields) for fields in stamp["issues"]], int(stamp["pages"])
    except (ValueError, KeyError, TypeError):
        return None


def _write(project: Path, payload: bytes) -> None:
    write_signed(project / CACHE_DIR, STAMP_FILE, MAGIC, payload)


def _read(project: Path) -> bytes | None:
    return read_signed(project / CACHE_DIR, STAMP_FILE, MAGIC)
