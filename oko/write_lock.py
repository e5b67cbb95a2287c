"""One build at a time into one output folder: an flock on a file beside it, waited for with a limit."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has no flock: builds into one folder must not overlap there
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 300.0  # seconds a build waits for another build into the same folder


class OutputLockedError(Exception):
    """Another build into the same folder held the lock for longer than we were told to wait."""


@contextmanager
def locked(out_dir: Path, wait: float, on_wait: Callable[[], None] | None) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    lock = out_dir.parent / f".{out_dir.name}.lock"
    fd = _acquire(out_dir, lock, wait, on_wait)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)  # before unlocking: a waiter that then gets this file sees it is gone and retries
        os.close(fd)


def _acquire(out_dir: Path, lock: Path, wait: float, on_wait: Callable[[], None] | None) -> int:
    deadline = time.monotonic() + wait
    told = False
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise OutputLockedError(
                    f"в папку «{out_dir}» уже собирает сайт другая сборка "
                    f"(блокировка «{lock}»), ждали {wait:g} с. Дождитесь её окончания и запустите сборку снова "
                    "(или ждите дольше: --wait СЕКУНДЫ)") from None
            if not told and on_wait is not None:
                on_wait()
                told = True
            time.sleep(0.1)
            continue
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, lock):
            return fd
        os.close(fd)  # its holder removed this file just as we got it: lock the new one


def _same_file(fd: int, path: Path) -> bool:
    held = os.fstat(fd)
    try:
        current = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino)
