"""Faults while publishing: kill -9 inside the swap, concurrent builds, no space, bad --out places.

Real processes and real file systems: `build.py build` runs as a subprocess and is killed with
SIGKILL at a known step (the writer's test pause, OKO_TEST_PAUSE_BEFORE); a small tmpfs is mounted
when we are root. After every fault the out folder must be a complete site, the old one or the new
one, and every message Russian without a traceback.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oko import cli, write
from oko.write import MARKER, OutputFolderError, check_output_folder, renameat2_of, write_site

ROOT = Path(__file__).resolve().parent.parent
NOT_BUILT = "Сайт не собран, прежняя версия не тронута."


def make_project(root: Path, text: str = "Текст.") -> Path:
    """A three-page school: builds in about a second."""
    files = {
        "site_config.yaml": 'title: "Тест"\norganisation: school\n',
        "content/organisations/school.yaml": 'name: "Школа"\nshort_name: "Школа"\nkind: school\n',
        "content/pages/index.md": f"---\ntitle: Главная\n---\n{text}\n",
    }
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def edit(project: Path, text: str) -> None:
    (project / "content" / "pages" / "index.md").write_text(f"---\ntitle: Главная\n---\n{text}\n", encoding="utf-8")


def command(project: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "--project", str(project), "build", "--out", str(out), *extra]


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command(project, out, *extra), capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def digest(folder: Path) -> dict[str, str]:
    """Every file of a tree (hidden ones too) and the hash of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def beside(out: Path) -> list[str]:
    """What the writer keeps beside the out folder: nothing once a build is over."""
    return sorted(name for name in os.listdir(out.parent) if name.startswith(f".{out.name}."))


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """A project, its out folder holding the old site, and the digests of the old and the new site."""
    project = make_project(tmp_path / "project", "Старый текст.")
    out = tmp_path / "out" / "site"
    assert build(project, out).returncode == 0
    old = digest(out)
    edit(project, "Новый текст.")
    reference = tmp_path / "reference"
    assert build(project, reference).returncode == 0
    new = digest(reference)
    assert old != new and old[MARKER] == new[MARKER]
    return project, out, old, new


def start_paused(project: Path, out: Path, step: str, flag: Path, *extra: str) -> subprocess.Popen[str]:
    """Start a build that stops at `step` of the writer; returns once it stands there."""
    env = {**os.environ, "OKO_TEST_PAUSE_BEFORE": step, "OKO_TEST_PAUSE_FILE": str(flag)}
    process = subprocess.Popen(command(project, out, *extra), env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_until(flag.exists, f"the build never reached the step «{step}»", process)
    return process


def wait_until(condition, what: str, process: subprocess.Popen[str] | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what}: it ended with {process.returncode}\n{process.communicate()[1]}")
        if time.monotonic() > deadline:
            raise AssertionError(what)
        time.sleep(0.02)


def kill(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL


# --- kill -9 inside the swap ------------------------------------------------------------------------

@pytest.mark.parametrize("step", ["swap", "cleanup"])
def test_kill_at_each_step_of_the_swap_leaves_a_complete_site(sites, tmp_path: Path, step: str) -> None:
    project, out, old, new = sites
    process = start_paused(project, out, step, tmp_path / "paused")
    staging = f".site.tmp-{process.pid}"
    assert beside(out) == [".site.lock", staging]
    kill(process)
    # Before the exchange the old site is live and staging holds the new one; after it, the reverse.
    live, aside = (old, new) if step == "swap" else (new, old)
    assert out.is_dir() and not out.is_symlink()
    assert digest(out) == live
    assert digest(out.parent / staging) == aside
    done = build(project, out)
    assert done.returncode == 0, done.stderr
    assert digest(out) == new
    assert beside(out) == []  # the killed build's staging (or old site) and its lock file are gone


def test_the_exchange_is_renameat2_and_also_works_through_the_raw_system_call(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "in-a").write_bytes(b"")
    assert write.exchange(first, second)
    assert [p.name for p in second.iterdir()] == ["in-a"] and not any(first.iterdir())

    class LibcWithoutWrapper:  # glibc < 2.28: no renameat2(), only syscall()
        syscall = write._LIBC.syscall

    raw = renameat2_of(LibcWithoutWrapper())
    assert raw is not None
    assert raw(os.fsencode(first), os.fsencode(second), 2) == 0
    assert [p.name for p in first.iterdir()] == ["in-a"] and not any(second.iterdir())


# --- the fallback where RENAME_EXCHANGE is unsupported ---------------------------------------------

# The fallback forced: renameat2 answers EINVAL, as NFS, CIFS or FAT do for RENAME_EXCHANGE.
NO_EXCHANGE = textwrap.dedent("""\
    import ctypes, errno, sys
    from pathlib import Path
    import oko.write as w
    def refuse(old, new, flags):
        ctypes.set_errno(errno.EINVAL)
        return -1
    w._RENAMEAT2 = refuse
    w.write_site({"index.html": sys.argv[2].encode(), "a/b.html": b"b"}, Path(sys.argv[1]))
""")


def write_without_exchange(out: Path, text: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", NO_EXCHANGE, str(out), text], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP])
def test_exchange_says_unsupported_when_the_system_cannot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                          code: int) -> None:
    def refuse(old: bytes, new: bytes, flags: int) -> int:
        ctypes.set_errno(code)
        return -1

    monkeypatch.setattr(write, "_RENAMEAT2", refuse)
    assert write.exchange(tmp_path / "a", tmp_path / "b") is False


def test_exchange_raises_what_else_the_system_says(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as raised:
        write.exchange(tmp_path / "a", tmp_path / "b")
    assert (raised.value.filename, raised.value.filename2) == (str(tmp_path / "a"), str(tmp_path / "b"))


def test_fallback_swap_replaces_the_site_and_leaves_nothing_beside(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for text in ("old", "new"):
        process = write_without_exchange(out, text)
        assert process.wait(timeout=30) == 0, process.communicate()[1]
    assert (out / "index.html").read_bytes() == b"new" and not out.is_symlink()
    assert beside(out) == []


def test_kill_between_the_fallback_renames_then_the_next_build_puts_the_old_site_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert write_without_exchange(out, "old").wait(timeout=30) == 0
    old = digest(out)
    flag = tmp_path / "paused"
    env = {**os.environ, "OKO_TEST_PAUSE_BEFORE": "swap-2", "OKO_TEST_PAUSE_FILE": str(flag)}
    process = write_without_exchange(out, "new", env)
    wait_until(flag.exists, "the writer never reached the second rename", process)
    kill(process)
    # The one instant the fallback cannot cover: out is missing, the old site waits beside it.
    assert not out.exists()
    assert digest(out.parent / f".site.old-{process.pid}") == old
    seen: list[dict[str, str]] = []
    write_site({"index.html": b"newer"}, out, post=lambda staging: seen.append(digest(out)))
    assert seen == [old]  # put back before anything else
    assert (out / "index.html").read_bytes() == b"newer"
    assert beside(out) == []


def test_a_failing_second_rename_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    monkeypatch.setattr(write, "_RENAMEAT2", None)
    real_rename = os.rename
    calls: list[str] = []

    def rename(source, target):
        calls.append(Path(source).name)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O error", str(source))
        real_rename(source, target)

    monkeypatch.setattr(write.os, "rename", rename)
    with pytest.raises(OSError):
        write_site({"index.html": b"new"}, out)
    assert calls[:3] == ["site", f".site.tmp-{os.getpid()}", f".site.old-{os.getpid()}"]
    assert (out / "index.html").read_bytes() == b"old"
    assert beside(out) == []


# --- concurrent builds -------------------------------------------------------------------------------

def test_a_second_build_waits_for_the_first_and_both_finish(sites, tmp_path: Path) -> None:
    project, out, _, new = sites
    first = start_paused(project, out, "swap", tmp_path / "paused")
    log = tmp_path / "second.log"
    with log.open("w") as stderr:
        second = subprocess.Popen(command(project, out), stderr=stderr, text=True)
        waiting = f"Жду: в папку «{out}» уже собирает сайт другая сборка (не дольше 300 с)…\n"
        wait_until(lambda: waiting in log.read_text(encoding="utf-8"), "the second build never said it waits")
        (tmp_path / "paused").unlink()  # let the first one go on
        assert second.wait(timeout=60) == 0
    assert first.wait(timeout=60) == 0
    assert "Traceback" not in log.read_text(encoding="utf-8") + first.communicate()[1]
    assert digest(out) == new
    assert beside(out) == []


def test_a_second_build_that_must_not_wait_stops_with_a_russian_message(sites, tmp_path: Path) -> None:
    project, out, old, new = sites
    first = start_paused(project, out, "swap", tmp_path / "paused")
    second = build(project, out, "--wait", "0")
    assert second.returncode == 1
    assert second.stderr == (
        f"ошибка: в папку «{out}» уже собирает сайт другая сборка (блокировка «{out.parent / '.site.lock'}»), "
        "ждали 0 с. Дождитесь её окончания и запустите сборку снова (или ждите дольше: --wait СЕКУНДЫ)\n"
        f"{NOT_BUILT}\n")
    assert digest(out) == old
    assert digest(out.parent / f".site.tmp-{first.pid}") == new  # the running build's staging is left alone
    (tmp_path / "paused").unlink()
    assert first.wait(timeout=60) == 0
    assert digest(out) == new
    assert beside(out) == []


def test_three_builds_at_once_into_one_folder(sites) -> None:
    project, out, _, new = sites
    processes = [subprocess.Popen(command(project, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    outcomes = [(process.wait(timeout=120), process.communicate()[1]) for process in processes]
    for code, stderr in outcomes:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    assert digest(out) == new
    assert beside(out) == []


# --- what killed builds left -------------------------------------------------------------------------

def test_the_next_build_removes_leftovers_without_following_symlinks(sites, tmp_path: Path) -> None:
    project, out, _, new = sites
    for name in (".site.tmp-999999", ".site.old-999998"):
        (out.parent / name / "assets").mkdir(parents=True)
        (out.parent / name / "assets" / "x.css").write_bytes(b"x")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_bytes(b"keep")
    (out.parent / ".site.tmp-link").symlink_to(precious)
    (out.parent / ".site.lock").write_bytes(b"")  # a killed build's lock file does not block
    (out.parent / ".sitemap.tmp-1").write_bytes(b"someone else's")
    done = build(project, out)
    assert done.returncode == 0, done.stderr
    assert "Жду" not in done.stderr
    assert beside(out) == []
    assert (precious / "keep.txt").read_bytes() == b"keep"
    assert (out.parent / ".sitemap.tmp-1").read_bytes() == b"someone else's"
    assert digest(out) == new


def test_the_out_folder_keeps_its_mode(sites) -> None:
    project, out, _, _ = sites
    out.chmod(0o2750)
    assert build(project, out).returncode == 0
    assert out.stat().st_mode & 0o7777 == 0o2750


def test_a_site_path_outside_the_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside the site"):
        write_site({"../evil.html": b"x"}, tmp_path / "site")
    assert sorted(os.listdir(tmp_path)) == []


# --- no space ----------------------------------------------------------------------------------------

@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mounts a small tmpfs of the given size (root only); unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; test_no_space_simulated covers ENOSPC")
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        disk = tmp_path / f"disk-{size}"
        disk.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
        mounted.append(disk)
        return disk

    yield mount
    for disk in mounted:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def big_text() -> str:
    """About 830 KB of Russian text: the old site (~0.4 MB) and this do not fit into 1 MB together."""
    return "".join(f"Абзац {i}: " + "текст о проверочной работе. " * 20 + "\n\n" for i in range(800))


def no_space(out: Path, where: str) -> str:
    """The whole message for a full disk, as a pattern; `where` is a pattern of the path named."""
    return (re.escape(f"ошибка: не удалось записать сайт в «{out}»: на диске не хватает места («") + where
            + re.escape("»).\nЧто сделать: освободите место на диске (сборке нужно место на две копии сайта: "
                        f"прежнюю и новую) или укажите другую папку (--out).\n{NOT_BUILT}\n"))


def test_no_space_on_a_small_tmpfs(tmpfs, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    disk = tmpfs("1m")
    out = disk / "site"
    assert build(project, out).returncode == 0
    old = digest(out)
    (project / "content" / "pages" / "big.md").write_text(f"---\ntitle: Большая\n---\n{big_text()}", "utf-8")
    result = build(project, out)
    assert result.returncode == 1
    where = re.escape(f"{disk}/.site.tmp-") + r"\d+/big/index\.html"
    assert re.fullmatch(no_space(out, where), result.stderr), result.stderr
    assert digest(out) == old
    assert os.listdir(disk) == ["site"]


def test_no_space_while_pagefind_writes_its_index(tmpfs, tmp_path: Path) -> None:
    """The search index is written with the pages (Pagefind's files come from memory): a full disk there is
    named at the index file that did not fit, and nothing is left on the disk."""
    project = make_project(tmp_path / "project")
    disk = tmpfs("200k")  # the pages (~80 KB) fit, the search index (~340 KB) does not
    out = disk / "site"
    result = build(project, out)
    assert result.returncode == 1
    where = re.escape(f"{disk}/.site.tmp-") + r"\d+/pagefind/[\w./-]+"
    assert re.fullmatch(no_space(out, where), result.stderr), result.stderr
    assert os.listdir(disk) == []


def test_no_space_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    project = make_project(tmp_path / "project")
    out = tmp_path / "site"
    assert cli.main(["--project", str(project), "build", "--out", str(out)]) == 0
    old = digest(out)
    edit(project, "Другой текст.")  # the home page changes, so it is written (unchanged files are linked)
    real_write = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:
        if path.name == "index.html" and ".site.tmp-" in str(path):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    capsys.readouterr()
    assert cli.main(["--project", str(project), "build", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"ошибка: не удалось записать сайт в «{out}»: на диске не хватает места "
        f"(«{tmp_path}/.site.tmp-{os.getpid()}/index.html»).\n"
        "Что сделать: освободите место на диске (сборке нужно место на две копии сайта: прежнюю и новую) "
        "или укажите другую папку (--out).\n"
        f"{NOT_BUILT}\n")
    assert digest(out) == old
    assert beside(out) == []


# --- bad places for --out ----------------------------------------------------------------------------

def fails_with(project: Path, out: Path, expected: str) -> None:
    result = build(project, out)
    assert result.returncode == 1
    assert result.stderr == f"ошибка: не удалось записать сайт в «{out}»: {expected}\n{NOT_BUILT}\n"


def test_out_under_a_regular_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    file = tmp_path / "notes.txt"
    file.write_text("заметки", encoding="utf-8")
    fails_with(project, file / "site", f"на месте папки уже есть файл («{file}»).\n"
               "Что сделать: переименуйте этот файл или укажите другую папку (--out).")
    fails_with(project, file / "a" / "site", f"в пути есть файл там, где должна быть папка («{file / 'a'}»).\n"
               "Что сделать: укажите в --out путь, все части которого — папки.")
    assert file.read_text(encoding="utf-8") == "заметки"


def test_out_in_proc(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    fails_with(project, Path("/proc/oko-site"),
               "такого места нет или в нём нельзя создавать файлы (например, в /proc) («/proc/.oko-site.lock»).\n"
               "Что сделать: укажите обычную папку на диске (--out).")
    result = build(project, Path("/proc"))
    assert result.returncode == 2
    assert "ошибка: папка «/proc» уже существует и создана не Око: она не будет заменена." in result.stderr


def test_out_through_a_symlink_loop(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    fails_with(project, loop / "site", f"символические ссылки в пути образуют петлю («{loop}»).\n"
               "Что сделать: исправьте ссылки или укажите другую папку (--out).")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder we cannot write to, holding an Око site: a tmpfs remounted read-only as root, else chmod 555."""
    place = tmp_path / "ro"
    place.mkdir()
    project = make_project(tmp_path / "project")
    if os.geteuid() != 0:
        assert build(project, place / "site").returncode == 0
        place.chmod(0o555)
        yield place, "нет прав на запись или чтение"
        place.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(place)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        assert build(project, place / "site").returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(place)], check=True)
        yield place, "диск доступен только для чтения"
    finally:
        subprocess.run(["umount", "-l", str(place)], check=True)


def test_out_in_a_read_only_place(read_only: tuple[Path, str], tmp_path: Path) -> None:
    place, happened = read_only
    out = place / "site"
    old = digest(out)
    project = tmp_path / "project"
    edit(project, "Новый текст.")
    result = build(project, out)
    assert result.returncode == 1
    assert result.stderr.startswith(f"ошибка: не удалось записать сайт в «{out}»: {happened} "
                                    f"(«{place / '.site.lock'}»).\nЧто сделать: "), result.stderr
    assert result.stderr.endswith(f"{NOT_BUILT}\n")
    assert digest(out) == old


def test_serve_into_a_place_it_cannot_write_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "serve",
                             "--port", "0", "--out", "/proc/oko-site"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.endswith(
        "ошибка: не удалось записать сайт в «/proc/oko-site»: такого места нет или в нём нельзя создавать файлы "
        "(например, в /proc) («/proc/.oko-site.lock»).\nЧто сделать: укажите обычную папку на диске (--out).\n")
    assert "Traceback" not in result.stderr


# --- the guard: never replace the project or a folder Око did not make -------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.mark.parametrize("where", ["project", "project/content", "project/content/site", "."])
def test_guard_refuses_the_project_and_its_content(project: Path, where: str) -> None:
    out = project.parent / where
    with pytest.raises(OutputFolderError) as refused:
        check_output_folder(out, project)
    assert str(refused.value) == f"папка «{out}» содержит проект или его содержимое: выберите другую"


def test_guard_refuses_the_content_through_a_symlinked_parent(project: Path, tmp_path: Path) -> None:
    (tmp_path / "alias").symlink_to(project / "content")
    with pytest.raises(OutputFolderError, match="содержит проект или его содержимое"):
        check_output_folder(tmp_path / "alias" / "site", project)


def test_guard_refuses_a_foreign_folder_a_file_and_a_symlink(project: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"important")
    file = tmp_path / "file.html"
    file.write_bytes(b"")
    for out in (foreign, file):
        with pytest.raises(OutputFolderError) as refused:
            check_output_folder(out, project)
        assert str(refused.value) == (f"папка «{out}» уже существует и создана не Око: она не будет заменена. "
                                      "Укажите пустую или новую папку (--out)")
    link = tmp_path / "link"
    link.symlink_to(foreign)
    with pytest.raises(OutputFolderError) as refused:
        check_output_folder(link, project)
    assert str(refused.value) == (f"«{link}» — символическая ссылка (на «{foreign}»): Око заменяет папку целиком "
                                  "и ссылку не сохранит. Укажите в --out саму папку, а не ссылку на неё")
    assert (foreign / "thesis.docx").read_bytes() == b"important"


def test_guard_accepts_a_new_an_empty_and_an_oko_folder(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / MARKER).write_bytes(b"")
    (ours / "index.html").write_bytes(b"")
    for out in (project / "site", tmp_path / "new" / "site", empty, ours):
        check_output_folder(out, project)


def test_guard_through_the_command_line(project: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"important")
    for out, words in ((project, "содержит проект"), (project / "content", "содержит проект"),
                       (tmp_path, "содержит проект"), (foreign, "создана не Око")):
        result = build(project, out)
        assert result.returncode == 2
        assert result.stderr.startswith(f"ошибка: папка «{out}» ") and words in result.stderr
    assert (foreign / "thesis.docx").read_bytes() == b"important"
    assert sorted(os.listdir(project)) == ["content", "site_config.yaml"]
