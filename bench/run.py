#!/usr/bin/env python3
"""Side-by-side benchmark of `build.py build`: the demo site and bigger generated corpora, in one run.

Prints wall time, pages per second and the peak memory of each build, and the ratios against the
demo, so a change is judged by how the numbers move together on the same machine, not by absolute
values (numbers live here, not in tests). Usage: `.venv/bin/python bench/run.py [--scale 10 50]`.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import make_corpus  # noqa: E402 (the path above makes the repo importable)


def build(project: Path, out: Path) -> tuple[float, int, int]:
    """Seconds, peak RSS (KiB) of the build process, and pages written."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "build",
                             "--out", str(out)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-2000:]}")
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return seconds, peak, sum(1 for _ in out.rglob("index.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, nargs="*", default=[10, 50], help="copies of the demo's plans")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        projects = [("демо", ROOT)] + [(f"×{n}", make_corpus(base / f"x{n}", n)) for n in args.scale]
        for name, project in projects:
            seconds, peak, pages = build(project, base / f"out-{name}")
            rows.append((name, pages, seconds, pages / seconds, peak))
            shutil.rmtree(base / f"out-{name}", ignore_errors=True)
    demo = rows[0]
    print(f"{'корпус':>8} {'страниц':>8} {'секунд':>8} {'стр/с':>8} {'память, МБ':>11} {'время×':>7} {'стр×':>6}")
    for name, pages, seconds, rate, peak in rows:
        print(f"{name:>8} {pages:>8} {seconds:>8.2f} {rate:>8.1f} {peak / 1024:>11.0f} "
              f"{seconds / demo[2]:>7.2f} {pages / demo[1]:>6.2f}")
    print("Строки ниже первой — во сколько раз больше времени и страниц, чем у демо: если время растёт быстрее "
          "страниц, сборка масштабируется хуже линейной.")


if __name__ == "__main__":
    main()
