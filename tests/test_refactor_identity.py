"""The demo site is byte-identical to the one built by the commit before the kinds refactor (issue 11)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BEFORE_REFACTOR = "e1d0165ce090ab37bf47f3a95af75f7048e0414f"  # the last commit before «one folder per kind»
# The last commit of the refactor: later commits change the site on purpose (results, new deadline forms), so
# the proof compares the two fixed commits; `scripts/compare_builds.py REF` compares REF with the working tree.
AFTER_REFACTOR = "619bc7a58f8e821c6c7283ceab0f4aa95f92fc82"


def _compare_builds():
    spec = importlib.util.spec_from_file_location("compare_builds", ROOT / "scripts" / "compare_builds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_differences_lists_added_removed_and_changed_files(tmp_path: Path) -> None:
    before, after = tmp_path / "a", tmp_path / "b"
    for folder, files in ((before, {"same.html": b"x", "gone.html": b"1", "sub/changed.css": b"a"}),
                          (after, {"same.html": b"x", "new.html": b"2", "sub/changed.css": b"b"})):
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    assert _compare_builds().differences(before, after) == [
        "only at the commit: gone.html", "only in the working tree: new.html", "differs: sub/changed.css"]


@pytest.mark.slow
def test_demo_site_is_byte_identical_to_the_one_before_the_refactor() -> None:
    for commit in (BEFORE_REFACTOR, AFTER_REFACTOR):
        known = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT).returncode == 0
        if not known:
            pytest.skip(f"commit {commit} is not in this clone (a shallow checkout)")
    assert _compare_builds().compare(BEFORE_REFACTOR, against=AFTER_REFACTOR) == []
