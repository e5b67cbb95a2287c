"""serve's quick write (oko/write_patch.py): only what changed, in place; refused when the folder is not ours."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from oko.write import MARKER, write_site
from oko.write_patch import PatchRefusedError, folder_id, patch_site

FIRST = {"index.html": b"home", "a/index.html": b"a", "a/b/index.html": b"ab", "c/index.html": b"c"}


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MARKER}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    write_site(FIRST, out)
    return out


def test_only_the_changed_files_are_written_and_the_vanished_removed(site: Path) -> None:
    untouched = (site / "index.html").stat().st_ino, (site / "c" / "index.html").stat().st_ino
    new = {"index.html": b"home", "a/index.html": b"A!", "c/index.html": b"c", "d/e/index.html": b"de"}
    patch_site(new, site, FIRST, folder_id(site))
    assert site_files(site) == new
    assert ((site / "index.html").stat().st_ino, (site / "c" / "index.html").stat().st_ino) == untouched
    assert not (site / "a" / "b").exists()  # left empty by the removed page: removed too
    assert sorted(p.name for p in site.iterdir()) == sorted([MARKER, "a", "c", "d", "index.html"])


def test_a_folder_that_still_holds_a_page_is_kept(site: Path) -> None:
    new = {key: value for key, value in FIRST.items() if key != "a/b/index.html"}
    patch_site(new, site, FIRST, folder_id(site))
    assert site_files(site) == new
    new.pop("a/index.html")
    patch_site(new, site, {key: value for key, value in FIRST.items() if key != "a/b/index.html"}, folder_id(site))
    assert site_files(site) == new and not (site / "a").exists()


def test_another_folder_or_one_without_the_marker_is_refused(site: Path, tmp_path: Path) -> None:
    known = folder_id(site)
    write_site({"index.html": b"other"}, site)  # swapped: a new folder at the same path
    with pytest.raises(PatchRefusedError):
        patch_site(FIRST, site, FIRST, known)
    assert site_files(site) == {"index.html": b"other"}
    (site / MARKER).unlink()
    with pytest.raises(PatchRefusedError):
        patch_site(FIRST, site, {"index.html": b"other"}, folder_id(site))


def test_a_path_outside_the_site_is_an_engine_error(site: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        patch_site({"../escape.html": b"x"}, site, FIRST, folder_id(site))
    assert not (site.parent / "escape.html").exists()


def test_a_file_already_gone_is_no_error(site: Path) -> None:
    (site / "a" / "b" / "index.html").unlink()  # removed by hand meanwhile
    new = {key: value for key, value in FIRST.items() if key != "a/b/index.html"}
    patch_site(new, site, FIRST, folder_id(site))
    assert site_files(site) == new and not (site / "a" / "b").exists()


def test_a_failed_write_says_why_and_leaves_no_temporary_file(site: Path) -> None:
    """The reason of the failure (a name too long for the disk), not a second error while cleaning up."""
    long = "x" * 250 + ".html"  # the file fits (255), its temporary name beside it does not
    with pytest.raises(OSError) as failure:
        patch_site({**FIRST, long: b"x"}, site, FIRST, folder_id(site))
    assert failure.value.errno == errno.ENAMETOOLONG
    assert sorted(p.name for p in site.iterdir()) == sorted([MARKER, "a", "c", "index.html"])
