"""When each content file last changed, from git history: the «обновлено» date of a page.

Never the build clock (determinism): the same commit gives the same dates. Outside a git checkout,
or for files git does not know yet, there is simply no date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changes(project_root: Path) -> dict[str, dt.date]:
    """Content-relative path → date of the newest commit touching it (one `git log` for all files)."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=project_root, capture_output=True,
                             text=True, timeout=30, check=True).stdout.strip()
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "content"],
                             cwd=project_root, capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    content = (project_root.resolve() / "content").relative_to(Path(top).resolve()).as_posix() + "/"
    dates: dict[str, dt.date] = {}
    for commit in log.split("\x00")[1:]:
        day_text, _, names = commit.partition("\n")
        day = dt.date.fromisoformat(day_text.strip())
        for name in names.split("\n"):
            if name.startswith(content):
                dates.setdefault(name[len(content):], day)
    return dates
