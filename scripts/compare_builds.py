"""Build the demo site at a git commit and from the working tree, and compare every file byte for byte.

Usage: .venv/bin/python scripts/compare_builds.py REF [--keep]

The commit is checked out with `git worktree` into a temporary folder (so its pages get the same
dates from `git log` as the working tree's), both builds run with this repository's Python and
node_modules and the same environment, and every difference is listed. Exit code 0: identical.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(source: Path, out: Path) -> None:
    """`build.py build --out` in `source`, with a fixed environment."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "TZ": "UTC", "LC_ALL": "C.UTF-8",
           "PYTHONHASHSEED": "0", "PYTHONPATH": str(source),
           # One openpyxl XML writer for both (oko/__init__.py pins it; an older REF did not, and lxml is installed).
           "OPENPYXL_LXML": "False"}
    result = subprocess.run([sys.executable, "build.py", "build", "--out", str(out)], cwd=source, env=env,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"build in {source} failed:\n{result.stderr}")


def listing(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(before: Path, after: Path) -> list[str]:
    """Every file only on one side or with other bytes."""
    old, new = listing(before), listing(after)
    found = [f"only at the commit: {name}" for name in sorted(old.keys() - new.keys())]
    found += [f"only in the working tree: {name}" for name in sorted(new.keys() - old.keys())]
    found += [f"differs: {name}" for name in sorted(old.keys() & new.keys())
              if old[name].read_bytes() != new[name].read_bytes()]
    return found


def compare(ref: str, keep: bool = False, against: str | None = None) -> list[str]:
    """Build `ref` and the working tree (or the commit `against`); the list of differences (empty when identical)."""
    temp = Path(tempfile.mkdtemp(prefix="oko-compare-"))
    trees = [(ref, temp / "ref")] + ([(against, temp / "against")] if against else [])
    try:
        for commit, worktree in trees:
            subprocess.run(["git", "worktree", "add", "--detach", str(worktree), commit], cwd=ROOT, check=True,
                           capture_output=True)
            if (ROOT / "node_modules").is_dir():  # the CMS script comes from node_modules (not in git)
                (worktree / "node_modules").symlink_to(ROOT / "node_modules")
        build(temp / "ref", temp / "site-ref")
        build(temp / "against" if against else ROOT, temp / "site-now")
        return differences(temp / "site-ref", temp / "site-now")
    finally:
        for _commit, worktree in trees:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, capture_output=True)
        if not keep:
            shutil.rmtree(temp, ignore_errors=True)
        else:
            print(f"builds kept in {temp}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the commit to compare with, e.g. the one before a refactor")
    parser.add_argument("--keep", action="store_true", help="keep both built sites")
    parser.add_argument("--against", default=None, help="compare with this commit instead of the working tree")
    args = parser.parse_args()
    found = compare(args.ref, args.keep, args.against)
    for line in found:
        print(line)
    print(f"{len(found)} differences" if found else "identical", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
