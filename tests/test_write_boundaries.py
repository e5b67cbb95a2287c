"""oko/write.py and oko/write_lock.py in process, through their public behaviour: what the out folder and its
neighbours hold after each kind of build (first, second, fallback swap, failed), what the guard refuses, how
the lock is waited for. tests/test_write_faults.py kills real builds; these run in milliseconds, so mutation
testing (scripts/mutation.sh) can run them for every mutant."""

from __future__ import annotations

import ctypes
import errno
import os
import time
from pathlib import Path

import pytest

from oko import write
from oko.write import MARKER, MARKER_TEXT, OutputFolderError, check_output_folder, write_site
from oko.write_lock import OutputLockedError, locked


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def beside(out: Path) -> list[str]:
    return sorted(name for name in os.listdir(out.parent) if name != out.name)


@pytest.fixture(params=["exchange", "fallback"])
def swap(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each writing test runs with RENAME_EXCHANGE and with the two-rename fallback (NFS, CIFS, FAT)."""
    if request.param == "fallback":
        def refuse(old: bytes, new: bytes, flags: int) -> int:
            ctypes.set_errno(errno.EINVAL)
            return -1
        monkeypatch.setattr(write, "_RENAMEAT2", refuse)
    return request.param


def test_first_build_writes_every_file_and_the_marker(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "a" / "b" / "site"  # missing parents are made
    assert write_site({"index.html": b"1", "x/y/z.html": b"2"}, out) == []
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"1", "x/y/z.html": b"2"}
    assert beside(out) == []


def test_second_build_replaces_the_site_and_removes_the_old_one(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old", "gone.html": b"old"}, out)
    assert write_site({"index.html": b"new"}, out) == []
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new"}
    assert beside(out) == []  # neither the retired site nor the staging folder nor the lock stays


def test_the_site_keeps_the_folders_mode(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    out.chmod(0o2750)
    write_site({"index.html": b"new"}, out)
    assert out.stat().st_mode & 0o7777 == 0o2750


def test_post_runs_on_the_staged_site_before_the_swap(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    seen: list[tuple[str, dict[str, bytes], dict[str, bytes]]] = []

    def post(staging: Path) -> None:
        seen.append((staging.parent.as_posix(), tree(staging), tree(out)))
        (staging / "pagefind.js").write_bytes(b"index")

    write_site({"index.html": b"new"}, out, post=post)
    assert seen == [(tmp_path.as_posix(), {MARKER: MARKER_TEXT, "index.html": b"new"},
                     {MARKER: MARKER_TEXT, "index.html": b"old"})]
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new", "pagefind.js": b"index"}


def test_a_failing_post_leaves_the_old_site_and_nothing_beside(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)

    def post(staging: Path) -> None:
        raise OSError(errno.EIO, "I/O error")

    with pytest.raises(OSError):
        write_site({"index.html": b"new"}, out, post=post)
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"old"}
    assert beside(out) == []


@pytest.mark.parametrize("bad", ["/etc/passwd", "../evil.html", "a/../../evil.html", ""])
def test_a_path_outside_the_site_is_an_engine_bug(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    with pytest.raises(ValueError, match="a site file outside the site"):
        write_site({"index.html": b"new", bad: b"x"}, out)
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"old"}
    assert beside(out) == []
    assert not (tmp_path / "evil.html").exists()


def test_leftovers_of_killed_builds_are_removed_without_following_links(tmp_path: Path, swap: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "precious").write_bytes(b"p")
    (tmp_path / ".site.tmp-1").mkdir()
    (tmp_path / ".site.tmp-1" / "x.html").write_bytes(b"x")
    (tmp_path / ".site.old-2").mkdir()
    (tmp_path / ".site.old-2" / MARKER).write_bytes(MARKER_TEXT)
    (tmp_path / ".site.tmp-3").symlink_to(keep)
    (tmp_path / ".site.old-4").write_bytes(b"a file")
    (tmp_path / ".sitemap.tmp-5").write_bytes(b"someone else's")  # another out folder's: not ours
    (tmp_path / "site.tmp-6").write_bytes(b"not hidden: not ours")
    assert write_site({"index.html": b"new"}, out) == []
    assert beside(out) == [".sitemap.tmp-5", "keep", "site.tmp-6"]
    assert tree(keep) == {"precious": b"p"}
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new"}


def orphan(tmp_path: Path, pid: int, text: bytes, age: float, marker: bool = True) -> None:
    """The old site as a build killed between the fallback's two renames left it."""
    folder = tmp_path / f".site.old-{pid}"
    folder.mkdir()
    (folder / "index.html").write_bytes(text)
    if marker:
        (folder / MARKER).write_bytes(MARKER_TEXT)
    stamp = time.time() - age
    os.utime(folder, (stamp, stamp))


def test_an_orphaned_old_site_is_put_back_before_anything_else(tmp_path: Path) -> None:
    out = tmp_path / "site"
    orphan(tmp_path, 7, b"older", age=100)
    orphan(tmp_path, 8, b"newest", age=10)
    orphan(tmp_path, 9, b"not ours", age=1, marker=False)
    seen: list[dict[str, bytes]] = []
    write_site({"index.html": b"new"}, out, post=lambda staging: seen.append(tree(out)))
    assert seen == [{MARKER: MARKER_TEXT, "index.html": b"newest"}]
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new"}
    assert beside(out) == []


def test_an_orphan_stays_aside_while_the_out_folder_exists(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"live"}, out)
    orphan(tmp_path, 7, b"aside", age=10)
    seen: list[dict[str, bytes]] = []
    write_site({"index.html": b"new"}, out, post=lambda staging: seen.append(tree(out)))
    assert seen == [{MARKER: MARKER_TEXT, "index.html": b"live"}]
    assert beside(out) == []


def test_an_orphan_that_is_a_link_is_not_put_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / MARKER).write_bytes(MARKER_TEXT)
    (tmp_path / ".site.old-3").symlink_to(target)
    write_site({"index.html": b"new"}, out, post=lambda staging: None)
    assert not out.is_symlink() and tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new"}
    assert beside(out) == ["elsewhere"] and tree(target) == {MARKER: MARKER_TEXT}


def test_the_root_of_a_disk_is_refused() -> None:
    with pytest.raises(OutputFolderError) as refused:
        write_site({"index.html": b"x"}, Path("/"))
    assert str(refused.value) == "«/» — корень диска, его нельзя заменить: укажите папку (--out)"


def test_a_foreign_folder_is_refused_by_the_writer_too(tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"important")
    with pytest.raises(OutputFolderError, match="создана не Око"):
        write_site({"index.html": b"x"}, out)
    assert tree(out) == {"thesis.docx": b"important"} and beside(out) == []


def test_an_empty_folder_is_taken(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    write_site({"index.html": b"x"}, out)
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"x"}


def test_a_folder_holding_only_a_marker_folder_is_foreign(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / MARKER).mkdir(parents=True)  # the marker must be a file
    with pytest.raises(OutputFolderError, match="создана не Око"):
        check_output_folder(out, tmp_path / "project")


@pytest.mark.parametrize(("where", "refused"), [
    ("project", True), ("project/content", True), ("project/content/site", True),
    ("project/content/a/b", True), (".", True), ("project/site", False), ("project/contents", False),
    ("project-site", False), ("project/site/content", False),
])
def test_the_guard_on_its_own(tmp_path: Path, where: str, refused: bool) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    out = tmp_path / where
    if refused:
        with pytest.raises(OutputFolderError) as error:
            check_output_folder(out, project)
        assert str(error.value) == f"папка «{out}» содержит проект или его содержимое: выберите другую"
    else:
        check_output_folder(out, project)


def test_a_build_waits_for_the_lock_then_says_who_holds_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    waits: list[float] = []
    with locked(out, 0, None):
        started = time.monotonic()
        with pytest.raises(OutputLockedError) as error:
            write_site({"index.html": b"new"}, out, wait=0.3, on_wait=lambda: waits.append(time.monotonic()))
        waited = time.monotonic() - started
    assert len(waits) == 1 and 0.3 <= waited < 5
    assert str(error.value) == (
        f"в папку «{out}» уже собирает сайт другая сборка (блокировка «{tmp_path / '.site.lock'}»), ждали 0.3 с. "
        "Дождитесь её окончания и запустите сборку снова (или ждите дольше: --wait СЕКУНДЫ)")
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"old"} and beside(out) == []
    write_site({"index.html": b"new"}, out, wait=0)  # free again: no wait needed
    assert tree(out)["index.html"] == b"new"


def test_the_lock_file_is_removed_and_a_free_lock_is_not_waited_for(tmp_path: Path) -> None:
    out = tmp_path / "site"
    waits: list[int] = []
    with locked(out, 0, lambda: waits.append(1)):
        assert beside(out) == [".site.lock"]
    assert waits == [] and beside(out) == []


def test_a_full_disk_after_writing_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    real = os.statvfs

    class Full:
        def __init__(self, path: str, **changes: int) -> None:
            room = real(path)
            self.f_blocks, self.f_bavail, self.f_files, self.f_favail = (
                changes.get(name, getattr(room, name)) for name in ("f_blocks", "f_bavail", "f_files", "f_favail"))

    for changes, fails in (({"f_bavail": 0}, True), ({"f_favail": 0}, True), ({"f_bavail": 1}, False),
                           ({"f_files": 0, "f_favail": 0}, False), ({"f_blocks": 0, "f_bavail": 0}, False)):
        monkeypatch.setattr(os, "statvfs", lambda path, changes=changes: Full(path, **changes))
        if fails:
            with pytest.raises(OSError) as error:
                write_site({"index.html": b"new"}, out)
            assert error.value.errno == errno.ENOSPC
            assert error.value.filename == str(tmp_path / f".site.tmp-{os.getpid()}")
            assert tree(out)["index.html"] == b"old"
        else:
            write_site({"index.html": b"new"}, out)
            assert tree(out)["index.html"] == b"new"
        assert beside(out) == []
