"""A bigger project for benchmarks: the demo with its plans copied N times (new ids, same content)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(target: Path, copies: int) -> Path:
    """Copy the demo project to target and add `copies` × each demo plan as new plan files."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yaml", target / "site_config.yaml")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "templates", target / "templates")
    plans = sorted((ROOT / "content" / "plans").glob("*.yaml"))
    for copy in range(1, copies + 1):
        for plan in plans:
            shutil.copy(plan, target / "content" / "plans" / f"{plan.stem}-copy-{copy}.yaml")
    return target
