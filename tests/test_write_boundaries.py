"""oko/write.py and oko/write_lock.py in process, through their public behaviour: what the out folder and its
neighbours hold after each kind of build (first, second, fallback swap, failed), what the guard refuses, how
the lock is waited for. tests/test_write_faults.py kills real builds; these run in milliseconds, so mutation
testing (scripts/mutation.sh) can run them for every mutant."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import threading
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
    orphan(tmp_path, 8, b"older", age=100)  # the newest by time, not by name
    orphan(tmp_path, 7, b"newest", age=10)
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


# ------------------------------------------------------------------ the steps a killed build can stop at

def paused_at(step: str, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Run a build in a thread with the writer's test pause at `step`; what the folder holds while it waits."""
    flag = tmp_path / "paused"
    monkeypatch.setenv("OKO_TEST_PAUSE_BEFORE", step)
    monkeypatch.setenv("OKO_TEST_PAUSE_FILE", str(flag))
    errors: list[BaseException] = []

    def run() -> None:
        try:
            write_site({"index.html": b"new"}, out)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 30
    while not flag.exists() and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    seen = {"flag": flag.read_text(encoding="utf-8") if flag.exists() else None, "alive": thread.is_alive(),
            "out": tree(out) if out.exists() else None,
            "aside": {name: tree(out.parent / name) for name in beside(out) if name.startswith(".site.")
                      and (out.parent / name).is_dir()}}
    flag.unlink(missing_ok=True)
    thread.join(30)
    assert errors == [] and not thread.is_alive()
    assert tree(out) == {MARKER: MARKER_TEXT, "index.html": b"new"} and beside(out) == []
    return seen


OLD = {MARKER: MARKER_TEXT, "index.html": b"old"}
NEW = {MARKER: MARKER_TEXT, "index.html": b"new"}


@pytest.mark.parametrize(("step", "fallback", "live", "aside"), [
    ("swap", False, OLD, {".site.tmp-": NEW}),
    ("cleanup", False, NEW, {".site.tmp-": OLD}),
    ("swap", True, OLD, {".site.tmp-": NEW}),
    ("swap-2", True, None, {".site.old-": OLD, ".site.tmp-": NEW}),  # the one instant out is missing
    ("cleanup", True, NEW, {".site.old-": OLD}),
])
def test_the_writer_pauses_for_tests_at_each_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str,
                                                  fallback: bool, live: object, aside: dict[str, object]) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    if fallback:
        monkeypatch.setattr(write, "_RENAMEAT2", None)
    seen = paused_at(step, out, tmp_path, monkeypatch)
    pid = os.getpid()
    assert seen == {"flag": step, "alive": True, "out": live,
                    "aside": {f"{prefix}{pid}": content for prefix, content in aside.items()}}


def test_no_pause_without_the_flag_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKO_TEST_PAUSE_BEFORE", "swap")
    monkeypatch.delenv("OKO_TEST_PAUSE_FILE", raising=False)
    started = time.monotonic()
    write_site({"index.html": b"x"}, tmp_path / "site")
    assert time.monotonic() - started < 30


# ------------------------------------------------------------------ the system calls

def test_a_failing_syncfs_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    calls: list[int] = []

    class Libc:
        def syncfs(self, fd: int) -> int:
            calls.append(os.fstat(fd).st_ino)
            ctypes.set_errno(errno.EIO)
            return -1

    monkeypatch.setattr(write, "_LIBC", Libc())
    staging = tmp_path / f".site.tmp-{os.getpid()}"

    def post(folder: Path) -> None:
        calls.append(folder.stat().st_ino)

    with pytest.raises(OSError) as error:
        write_site({"index.html": b"new"}, out, post=post)
    assert (error.value.errno, error.value.strerror, error.value.filename) == (
        errno.EIO, os.strerror(errno.EIO), str(staging))
    assert len(calls) == 2 and calls[0] == calls[1]  # syncfs got the staging folder itself
    assert tree(out) == OLD and beside(out) == []


def test_syncfs_is_called_when_libc_has_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    class Libc:
        def syncfs(self, fd: int) -> int:
            calls.append(fd)
            return 0

    monkeypatch.setattr(write, "_LIBC", Libc())
    write_site({"index.html": b"x"}, tmp_path / "site")
    assert len(calls) == 1
    monkeypatch.setattr(write, "_LIBC", object())  # a libc without syncfs: nothing to flush, no error
    write_site({"index.html": b"y"}, tmp_path / "site")
    assert tree(tmp_path / "site")["index.html"] == b"y"


def test_libc_reports_errno() -> None:
    libc = write._libc()
    assert libc is not None
    ctypes.set_errno(0)
    assert libc.rmdir(b"/nonexistent-oko/x") == -1
    assert ctypes.get_errno() == errno.ENOENT


@pytest.mark.parametrize("raw", [False, True])
def test_renameat2_with_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: bool) -> None:
    """Relative paths: AT_FDCWD must reach the system call (an absolute path would hide a wrong dirfd)."""
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        Path(name).mkdir()
        (Path(name) / f"in-{name}").write_bytes(b"")

    class WithoutWrapper:
        syscall = write._LIBC.syscall

    function = write.renameat2_of(WithoutWrapper() if raw else write._LIBC)
    assert function is not None
    assert function(b"a", b"b", 2) == 0
    assert [p.name for p in Path("a").iterdir()] == ["in-b"] and [p.name for p in Path("b").iterdir()] == ["in-a"]
    assert function(b"a", b"missing", 2) == -1 and ctypes.get_errno() == errno.ENOENT


def test_exchange_names_both_paths_and_the_reason(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as raised:
        write.exchange(tmp_path / "a", tmp_path / "b")
    assert (raised.value.errno, raised.value.strerror) == (errno.ENOENT, os.strerror(errno.ENOENT))


def test_full_disk_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.statvfs
    monkeypatch.setattr(os, "statvfs", lambda path: os.statvfs_result((*real(path)[:4], 0, *real(path)[5:])))
    with pytest.raises(OSError) as error:
        write_site({"index.html": b"x"}, tmp_path / "site")
    assert (error.value.errno, error.value.strerror) == (errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("named", [False, True])
def test_a_failed_write_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: bool) -> None:
    real = Path.write_bytes

    def failing(path: Path, data: bytes) -> int:
        if path.name == "page.html":
            raise OSError(errno.EIO, "I/O error", "elsewhere") if named else OSError(errno.EIO, "I/O error")
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError) as error:
        write_site({"a/page.html": b"x"}, tmp_path / "site")
    target = "elsewhere" if named else str(tmp_path / f".site.tmp-{os.getpid()}" / "a" / "page.html")
    assert (error.value.errno, error.value.strerror, error.value.filename) == (errno.EIO, "I/O error", target)
    assert beside(tmp_path / "site") == []


def test_out_under_a_dangling_link_or_a_loop(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError):
        write_site({"index.html": b"x"}, tmp_path / "dangling" / "site")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(OSError) as error:
        write_site({"index.html": b"x"}, tmp_path / "loop" / "site")
    assert error.value.errno == errno.ELOOP


def test_what_cannot_be_removed_is_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    (tmp_path / ".site.tmp-1").mkdir()
    (tmp_path / ".site.tmp-2").mkdir()
    real = shutil.rmtree

    def rmtree(path: Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == ".site.tmp-1":
            raise OSError(errno.EBUSY, "busy", str(path))
        if Path(path).name == ".site.tmp-2":
            real(path)
            raise OSError(errno.EBUSY, "busy after removing", str(path))  # gone all the same: not stuck
        real(path)

    monkeypatch.setattr(write.shutil, "rmtree", rmtree)
    assert write_site({"index.html": b"new"}, out) == [tmp_path / ".site.tmp-1"]
    assert tree(out) == NEW


def test_the_lock_is_not_followed_through_a_link_and_has_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with locked(out, 0, None):
        assert (tmp_path / ".site.lock").stat().st_mode & 0o777 == 0o644 & ~current_umask()
    target = tmp_path / "target"
    target.write_bytes(b"")
    (tmp_path / ".site.lock").symlink_to(target)
    with pytest.raises(OSError) as error:
        write_site({"index.html": b"x"}, out, wait=0.2)
    assert error.value.errno == errno.ELOOP
    assert not out.exists()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
