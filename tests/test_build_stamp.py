"""`build` with nothing changed answers from its stamp (oko/build_stamp.py); any change is a real build.

The builds run in process through the command line's main(), as `build.py build` runs them; a real build
is told from the stamp's answer by the «Ничего не изменилось» line, and the stamp's answer must leave the
output folder exactly as it was (the same inode: nothing rewritten).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from oko import build_stamp
from oko.cli import NOT_BUILT, main

UNCHANGED = "Ничего не изменилось с прошлой сборки"
CONFIG = 'title: "Тест"\norganisation: school\n'
ORGANISATION = 'name: "Школа № 1"\nshort_name: "Школа"\nkind: school\n'
PAGE = "---\ntitle: Главная\n---\nТекст главной страницы.\n"
WARNED_PAGE = "---\ntitle: О школе\n---\nТекст.\n\n<p onclick=\"x()\">Абзац.</p>\n"
GIT = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org"}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for name in [name for name in os.environ if name.startswith("OKO_")]:
        monkeypatch.delenv(name)
    root = tmp_path / "project"
    (root / "content" / "organisations").mkdir(parents=True)
    (root / "content" / "pages").mkdir(parents=True)
    (root / "site_config.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "content" / "organisations" / "school.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "content" / "pages" / "index.md").write_text(PAGE, encoding="utf-8")
    return root


def build(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["--project", str(project), "build", "--out", str(project / "site"), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_nothing_changed_is_answered_without_touching_the_site(project: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    code, _, err = build(project, capsys)
    assert code == 0 and UNCHANGED not in err, err
    site = project / "site"
    before, inode = site_files(site), site.stat().st_ino
    code, out, err = build(project, capsys)
    assert code == 0
    assert out == ""
    assert err == (f"{UNCHANGED}: сайт в папке — тот, что она собрала.\n"
                   f"Сайт собран: {site}/ (3 страницы); откройте {site / 'index.html'}\n")
    assert site.stat().st_ino == inode and site_files(site) == before


def _edit(root: Path) -> None:
    (root / "content" / "pages" / "index.md").write_text(PAGE.replace("Текст", "Новый текст"), encoding="utf-8")


def _touch(root: Path) -> None:  # the same bytes, a new time: counted as a change (as make does)
    path = root / "content" / "pages" / "index.md"
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def _add(root: Path) -> None:
    (root / "content" / "pages" / "about.md").write_text(PAGE.replace("Главная", "О школе"), encoding="utf-8")


def _remove(root: Path) -> None:
    (root / "content" / "pages" / "about.md").unlink()


def _template(root: Path) -> None:
    (root / "templates").mkdir()


def _settings(root: Path) -> None:
    (root / "site_config.yaml").write_text(CONFIG.replace("Тест", "Школа"), encoding="utf-8")


def _replace_site(root: Path) -> None:  # the folder swapped for a copy (by hand, or by another tool)
    site = root / "site"
    subprocess.run(["cp", "-a", str(site), str(root / "copy")], check=True)
    subprocess.run(["rm", "-rf", str(site)], check=True)
    (root / "copy").rename(site)


def _remove_site(root: Path) -> None:
    subprocess.run(["rm", "-rf", str(root / "site")], check=True)


def _build_date(_root: Path) -> None:
    os.environ["OKO_BUILD_DATE"] = "2026-05-20"


def _forged_stamp(root: Path) -> None:  # a stamp that did not come from this user's builds
    stamp = root / ".oko-cache" / build_stamp.STAMP_FILE
    data = stamp.read_bytes()
    stamp.write_bytes(data[:len(build_stamp.MAGIC)] + bytes(32) + data[len(build_stamp.MAGIC) + 32:])


CHANGES: list[Callable[[Path], None]] = [_edit, _touch, _add, _remove, _template, _settings, _replace_site,
                                         _remove_site, _build_date, _forged_stamp]


def test_every_kind_of_change_is_a_real_build_and_then_unchanged_again(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKO_PLACEHOLDER", "")  # monkeypatch restores os.environ after _build_date
    assert build(project, capsys)[0] == 0
    for change in CHANGES:
        change(project)
        code, _, err = build(project, capsys)
        assert code == 0 and UNCHANGED not in err, (change.__name__, err)
        code, _, err = build(project, capsys)
        assert code == 0 and UNCHANGED in err, (change.__name__, err)
    assert "about/index.html" not in site_files(project / "site")


def test_clean_and_another_folder_build_for_real(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, capsys)[0] == 0
    code, _, err = build(project, capsys, "--clean")
    assert code == 0 and UNCHANGED not in err
    code = main(["--project", str(project), "build", "--out", str(project / "other")])
    assert code == 0 and UNCHANGED not in capsys.readouterr().err
    code, _, err = build(project, capsys)  # the stamp is the last build's: into other/, not site/
    assert code == 0 and UNCHANGED not in err


def test_a_commit_is_a_change_even_without_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pages' «обновлено» dates come from git history (oko/history.py): a new commit can change them."""
    env = {**os.environ, **GIT}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "a"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    assert build(project, capsys)[0] == 0
    assert UNCHANGED in build(project, capsys)[2]
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "b"], cwd=project, env=env, check=True)
    assert UNCHANGED not in build(project, capsys)[2]


def test_the_last_builds_warnings_are_said_again_and_strict_refuses(project: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "pages" / "about.md").write_text(WARNED_PAGE, encoding="utf-8")
    code, _, first = build(project, capsys)
    assert code == 0 and "onclick" in first
    code, _, again = build(project, capsys)
    assert code == 0
    assert again.startswith(first.rsplit("Сайт собран", 1)[0])  # the same report, word for word
    assert UNCHANGED in again
    inode = (project / "site").stat().st_ino
    code, out, err = build(project, capsys, "--format=json")
    assert code == 0 and '"onclick' not in err and "onclick" in out
    code, _, err = build(project, capsys, "--strict")
    assert code == 1
    assert err.endswith(NOT_BUILT) and "onclick" in err and "Сайт собран" not in err
    assert (project / "site").stat().st_ino == inode


def test_a_failed_build_leaves_no_stamp_and_the_old_site(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, capsys)[0] == 0
    before = site_files(project / "site")
    (project / "site_config.yaml").write_text("title: [\n", encoding="utf-8")
    code, _, err = build(project, capsys)
    assert code == 1 and err.endswith(NOT_BUILT)
    assert not (project / ".oko-cache" / build_stamp.STAMP_FILE).exists()
    assert site_files(project / "site") == before


def test_a_stamp_through_a_symlinked_cache_folder_is_never_read(project: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, capsys)[0] == 0
    cache = project / ".oko-cache"
    cache.rename(tmp_path / "elsewhere")
    cache.symlink_to(tmp_path / "elsewhere")
    assert UNCHANGED not in build(project, capsys)[2]


def test_the_digest_follows_the_engine_the_libraries_the_day_and_oko_variables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = tmp_path / "p", tmp_path / "p" / "site"
    root.mkdir()
    engine = tmp_path / "engine" / "oko"
    engine.mkdir(parents=True)
    (engine / "a.py").write_text("x = 1\n")
    (engine / "__pycache__").mkdir()
    (engine / "kinds" / "__pycache__").mkdir(parents=True)
    library = tmp_path / "site-packages"
    library.mkdir()
    monkeypatch.setattr(build_stamp, "PACKAGE", engine)
    monkeypatch.setattr(sys, "path", [str(library)])
    monkeypatch.delenv("OKO_BUILD_DATE", raising=False)
    seen = {build_stamp.input_digest(root, out)}

    def changed() -> bool:
        digest = build_stamp.input_digest(root, out)
        new = digest not in seen
        seen.add(digest)
        return new

    (engine / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"")
    (engine / "kinds" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"")
    assert not changed()  # compiled files are not the engine, at any depth
    (engine / "a.py").write_text("x = 22\n")
    assert changed()
    (library / "newlib-1.0.dist-info").mkdir()
    assert changed()
    (library / "newlib-1.0.dist-info").rename(library / "newlib-1.1.dist-info")  # an upgrade
    assert changed()
    (library / "editable.pth").write_text("/src\n")
    assert changed()
    (library / "old-0.1.egg-info").mkdir()
    assert changed()
    (library / "dev.egg-link").write_text("/src\n")
    assert changed()
    (library / "notes.txt").write_text("x")  # not an installed library
    (library / "site").mkdir()
    assert not changed()
    monkeypatch.setenv("OKO_PARALLEL_MIN", "5")
    assert changed()
    monkeypatch.setenv("OTHER", "5")
    assert not changed()

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2030, 1, 1)

    monkeypatch.setattr(build_stamp, "dt", SimpleNamespace(date=Tomorrow))
    assert changed()
    assert build_stamp.input_digest(root, tmp_path / "elsewhere") not in seen


def test_a_project_on_sys_path_is_unchanged_after_its_own_build(project: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is the checkout Око runs from, which is on sys.path: swapping site/ in there changes that folder,
    and must not count as a change of the libraries."""
    monkeypatch.setattr(sys, "path", [str(project), *sys.path])
    assert build(project, capsys)[0] == 0
    assert UNCHANGED in build(project, capsys)[2]


def test_a_stamp_that_is_a_link_is_never_read(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    assert build(project, capsys)[0] == 0
    stamp = project / ".oko-cache" / build_stamp.STAMP_FILE
    stamp.rename(tmp_path / "stamp-elsewhere")
    stamp.symlink_to(tmp_path / "stamp-elsewhere")  # the same signed bytes, through a link
    assert UNCHANGED not in build(project, capsys)[2]


def test_a_file_name_that_is_not_utf8_is_digested(tmp_path: Path) -> None:
    """A name in another encoding (a file copied from an old Windows disk): no crash, and it counts."""
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    before = build_stamp.input_digest(root, root / "site")
    (root / "content" / os.fsdecode(b"\xcf\xeb\xe0\xed.md")).write_text("x")  # «План» in cp1251
    assert build_stamp.input_digest(root, root / "site") != before
