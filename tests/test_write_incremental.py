"""The writer writes only what changed: a file whose bytes the previous site has is hard-linked from it."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from oko.write import MARKER, write_site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def inode(path: Path) -> int:
    return os.stat(path, follow_symlinks=False).st_ino


def test_unchanged_files_are_linked_changed_ones_written_removed_ones_gone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old home", "a/index.html": b"same", "gone.txt": b"x", "b/c.css": b"css"}, out)
    before = {name: inode(out / name) for name in ("index.html", "a/index.html", "b/c.css")}
    kept_old = out / "index.html"
    handle = kept_old.open("rb")  # the old home page's inode, to see that it is never written to

    write_site({"index.html": b"new home", "a/index.html": b"same", "b/c.css": b"css!", "new.txt": b""}, out)

    assert tree(out) == {"index.html": b"new home", "a/index.html": b"same", "b/c.css": b"css!", "new.txt": b"",
                         MARKER: (out / MARKER).read_bytes()}
    assert inode(out / "a/index.html") == before["a/index.html"]  # linked, not written
    assert inode(out / "index.html") != before["index.html"]  # new bytes, new file
    assert inode(out / "b/c.css") != before["b/c.css"]  # same size would not do: the bytes differ
    assert handle.read() == b"old home"  # the previous site's file kept its bytes
    handle.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == []  # nothing left beside


def test_a_symlink_in_the_previous_site_is_never_linked_or_followed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"same")
    write_site({"a.txt": b"same"}, out)
    (out / "a.txt").unlink()
    (out / "a.txt").symlink_to(secret)
    write_site({"a.txt": b"same"}, out)
    assert not (out / "a.txt").is_symlink()
    assert inode(out / "a.txt") != inode(secret)
    assert (out / "a.txt").read_bytes() == b"same"


def test_a_file_system_without_hard_links_gets_the_bytes_written(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site({"a.txt": b"same", "b.txt": b"1"}, out)

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # as FAT or some FUSE mounts answer

    monkeypatch.setattr(os, "link", no_links)
    write_site({"a.txt": b"same", "b.txt": b"2"}, out)
    assert tree(out) == {"a.txt": b"same", "b.txt": b"2", MARKER: (out / MARKER).read_bytes()}


def test_a_failed_write_leaves_the_previous_site_and_its_links_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"a.txt": b"same", "b.txt": b"old"}, out)
    before = tree(out)

    def failing(_staging: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_site({"a.txt": b"same", "b.txt": b"new"}, out, post=failing)
    assert tree(out) == before
    assert os.stat(out / "a.txt").st_nlink == 1  # the staging copy's link went with the staging folder



def test_serve_removes_the_old_site_later_under_the_lock(tmp_path: Path) -> None:
    """remove_later: write_site returns right after the swap; the old site waits for the lock (held here as by
    another build into the folder), then a thread removes it; nothing of the old sites stays beside."""
    out = tmp_path / "site"
    write_site({"index.html": b"first", "a/b.html": b"old"}, out)
    lock = tmp_path / ".site.lock"
    write_site({"index.html": b"second"}, out, remove_later=True, on_wait=lambda: None)
    assert tree(out) == {"index.html": b"second", MARKER: (out / MARKER).read_bytes()}
    deadline = time.monotonic() + 30
    while beside(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert beside(tmp_path) == []
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another build holds the folder: the next old site is left alone meanwhile
    try:
        threading.Thread(target=write_site, args=({"index.html": b"third"}, out), kwargs={"remove_later": True}).start()
        time.sleep(0.3)
        assert tree(out)[ "index.html"] == b"second"  # the writer waits for the lock too
    finally:
        os.close(fd)
    deadline = time.monotonic() + 30
    while (beside(tmp_path) or tree(out)["index.html"] != b"third") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert tree(out)["index.html"] == b"third" and beside(tmp_path) == []


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site.") and p.name != ".site.lock")
