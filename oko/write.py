"""Write the finished site so that the out folder is, at every instant, the complete old site or the new one.

All steps run under a lock (`.<out>.lock`, fcntl.flock, beside the out folder), so builds into one
folder take turns instead of tearing each other's folders apart:

1. what killed builds left beside the out folder (`.<out>.tmp-*`, `.<out>.old-*`) is removed — safe,
   because no other build into this folder runs while we hold the lock; an old site that a killed
   fallback swap (below) left only as `.<out>.old-*` is first put back in place;
2. every file is written into a fresh sibling `.<out>.tmp-<pid>` (a file whose bytes the old site already
   has is hard-linked from it instead: an incremental build writes only what changed), `post` (the search index) runs on
   it, and the file system is flushed (syncfs), so a power cut after the swap finds the data written;
3. staging and out are exchanged in one step with Linux `renameat2(RENAME_EXCHANGE)`: out stays a
   real directory, as GitHub Pages upload, rsync and `serve` expect; the first build (no old out)
   is a plain rename, atomic too;
4. the old site, now under the staging name, is removed.

Where the exchange is unsupported (not Linux, or a file system answering EINVAL/ENOSYS such as NFS,
CIFS or FAT), the swap falls back to two renames: out → `.<out>.old-<pid>`, then staging → out. Out
is then missing for the span of one system call; a failing second rename is rolled back, and a build
killed exactly there has its old site put back by the next build (step 1). An atomic symlink swap was
rejected: out would become a symlink, and rsync without -L, `cp -r` and artifact uploads would then
publish the link instead of the site.

Only a folder Око made itself (with its marker) or an empty one is replaced; a symlink is not.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import itertools
import os
import platform
import shutil
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oko.write_lock import LOCK_WAIT, OutputLockedError, locked
from oko.write_tree import write_file, write_tree

MARKER = ".oko-site"
MARKER_TEXT = b"This folder is written by oko (build.py build); it is replaced on every build.\n"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# renameat2's system call number, for a libc without the wrapper (glibc < 2.28, older musl).
_SYS_RENAMEAT2 = {"x86_64": 316, "i386": 353, "i686": 353, "aarch64": 276, "riscv64": 276, "armv7l": 382,
                  "armv6l": 382, "ppc64le": 357, "ppc64": 357, "s390x": 347}
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


class OutputFolderError(Exception):
    """The output folder is one we must not replace (not ours, a symlink, or it holds the project)."""


def check_output_folder(out_dir: Path, project_root: Path) -> None:
    """Refuse to replace the project itself, a parent of it, its content, a symlink or a folder Око did not make."""
    out = Path(os.path.realpath(out_dir))
    root = Path(os.path.realpath(project_root))
    content = root / "content"
    if out in (root, content) or out in root.parents or content in out.parents:
        raise OutputFolderError(f"папка «{out_dir}» содержит проект или его содержимое: выберите другую")
    _refuse_foreign(out_dir)


def _refuse_foreign(out_dir: Path) -> None:
    if out_dir.is_symlink():
        raise OutputFolderError(
            f"«{out_dir}» — символическая ссылка (на «{os.readlink(out_dir)}»): Око заменяет папку целиком "
            "и ссылку не сохранит. Укажите в --out саму папку, а не ссылку на неё"
        )
    if os.path.lexists(out_dir) and not (out_dir.is_dir() and _ours_or_empty(out_dir)):
        raise OutputFolderError(
            f"папка «{out_dir}» уже существует и создана не Око: она не будет заменена. "
            "Укажите пустую или новую папку (--out)"
        )


def _ours_or_empty(folder: Path) -> bool:
    if (folder / MARKER).is_file():
        return True
    with os.scandir(folder) as entries:
        return next(entries, None) is None


def write_site(files: dict[str, bytes], out_dir: Path, post: Callable[[Path], None] | None = None,
               wait: float = LOCK_WAIT, on_wait: Callable[[], None] | None = None,
               remove_later: bool = False) -> list[Path]:
    """Write the files into a sibling folder, run `post` on it (the search index), then swap it into place.

    Waits up to `wait` seconds for another build into the same folder (calling `on_wait` once when it
    starts waiting), else raises OutputLockedError. Returns what could not be removed of killed
    builds and of the old site (the next build tries again). An OSError leaves the old site in place.
    `remove_later` (serve): the old site is removed by a thread that takes the lock in turn, so the
    caller can reload the page at once (removing a thousand folders took seconds on a busy disk); what
    the thread has not finished when the process ends is a leftover the next build removes (step 1).
    """
    out_dir = Path(os.path.abspath(out_dir))
    if not out_dir.name:
        raise OutputFolderError(f"«{out_dir}» — корень диска, его нельзя заменить: укажите папку (--out)")
    _make_folder(out_dir.parent)
    with locked(out_dir, wait, on_wait):
        _restore_orphaned_site(out_dir)
        _refuse_foreign(out_dir)
        stuck = [path for leftover in _leftovers(out_dir) for path in _remove(leftover)]
        staging = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
        try:
            previous = out_dir if (out_dir / MARKER).is_file() and not out_dir.is_symlink() else None
            write_tree(staging, files, previous)
            write_file(staging / MARKER, MARKER_TEXT)
            if post is not None:
                post(staging)
            _check_room(staging)
            _flush(staging)
            old = _swap(staging, out_dir)
        except BaseException:
            _remove(staging)
            raise
        _pause_for_tests("cleanup")
        if old is not None and remove_later:
            retired = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}-{next(_RETIRED)}"
            os.rename(old, retired)  # its own name: the next build's staging may reuse this process's one
            threading.Thread(target=_remove_when_free, args=(out_dir, retired), daemon=True).start()
            return stuck
        return stuck + (_remove(old) if old is not None else [])


_RETIRED = itertools.count(1)


def _remove_when_free(out_dir: Path, retired: Path) -> None:
    """In a thread: remove an old site under the lock (a build that takes the lock first removes it itself)."""
    with contextlib.suppress(OSError, OutputLockedError), locked(out_dir, LOCK_WAIT, None):
        _remove(retired)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        os.stat(exc.filename)  # a looping or dangling symlink says what it is (ELOOP, ENOENT); a file does not
        raise


def _swap(staging: Path, out_dir: Path) -> Path | None:
    """Put staging at out_dir; returns where the old site went (to remove), None on a first build."""
    _pause_for_tests("swap")
    if not os.path.lexists(out_dir):
        os.rename(staging, out_dir)
        return None
    os.chmod(staging, stat.S_IMODE(os.stat(out_dir).st_mode))  # keep the folder's mode (e.g. g+s for a web server)
    if exchange(staging, out_dir):
        return staging
    retired = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    os.rename(out_dir, retired)
    _pause_for_tests("swap-2")
    try:
        os.rename(staging, out_dir)
    except BaseException:
        os.rename(retired, out_dir)
        raise
    return retired


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (RENAME_EXCHANGE); False where the system or the file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(os.fsencode(first), os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def renameat2_of(libc: Any) -> Callable[[bytes, bytes, int], int] | None:
    """renameat2(AT_FDCWD, old, AT_FDCWD, new, flags) from libc, or its raw system call if libc lacks it."""
    try:
        function = libc.renameat2
    except AttributeError:
        number = _SYS_RENAMEAT2.get(platform.machine())
        if number is None:
            return None
        syscall = libc.syscall
        syscall.restype = ctypes.c_long
        return lambda old, new, flags: syscall(ctypes.c_long(number), ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(old),
                                               ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(new), ctypes.c_uint(flags))
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return lambda old, new, flags: function(_AT_FDCWD, old, _AT_FDCWD, new, flags)


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


_LIBC = _libc()
_RENAMEAT2 = renameat2_of(_LIBC) if _LIBC is not None else None


def _check_room(folder: Path) -> None:
    """A full disk after writing means some write may have been lost: Pagefind 1.4 ignores ENOSPC and exits 0."""
    room = os.statvfs(folder) if hasattr(os, "statvfs") else None
    if room is None or not room.f_blocks:  # a file system that reports no size (some FUSE mounts) tells nothing
        return
    if room.f_bavail == 0 or (room.f_files and room.f_favail == 0):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder))


def _flush(folder: Path) -> None:
    """Write the staged files to disk before the swap publishes them (Linux syncfs: only this file system)."""
    syncfs = getattr(_LIBC, "syncfs", None)
    if syncfs is None:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(folder))
    finally:
        os.close(fd)


def _leftovers(out_dir: Path) -> list[Path]:
    prefixes = (f".{out_dir.name}.tmp-", f".{out_dir.name}.old-")
    return sorted(out_dir.parent / name for name in os.listdir(out_dir.parent) if name.startswith(prefixes))


def _restore_orphaned_site(out_dir: Path) -> None:
    """A build killed between the two renames of the fallback swap left the old site aside: put it back."""
    if os.path.lexists(out_dir):
        return
    prefix = f".{out_dir.name}.old-"
    orphans = [path for path in _leftovers(out_dir) if path.name.startswith(prefix) and not path.is_symlink()
               and (path / MARKER).is_file()]
    if orphans:
        os.rename(max(orphans, key=lambda path: path.stat().st_mtime), out_dir)


def _remove(path: Path) -> list[Path]:
    """Remove a file or folder without following symlinks; returns [path] if some of it stayed."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path)
    except OSError:
        return [path] if os.path.lexists(path) else []
    return []


def _pause_for_tests(step: str) -> None:
    """Test-only: with OKO_TEST_PAUSE_BEFORE=<step> the writer stops here, so a test can kill -9 it at that step.

    It creates the file named by OKO_TEST_PAUSE_FILE and waits (a minute at most) until the test removes it.
    """
    flag = os.environ.get("OKO_TEST_PAUSE_FILE")
    if os.environ.get("OKO_TEST_PAUSE_BEFORE") != step or not flag:
        return
    Path(flag).write_text(step, encoding="utf-8")
    deadline = time.monotonic() + 60
    while os.path.exists(flag) and time.monotonic() < deadline:
        time.sleep(0.02)
