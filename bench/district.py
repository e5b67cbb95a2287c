#!/usr/bin/env python3
"""A district of N schools built in one run: time and peak memory at each N, and the slope per school.

The corpus (deterministic): the district of examples/district with N schools, school k a copy of the
demo's school k mod 3 (a full school, one with a stale plan and protocol, a small village school) under
its own folder and name, all committed to a fresh git repository with a fixed date, so the «обновлено»
dates of the pages are real and the same on every run. Each N is one `build.py build` of the district
(schools in a process pool, --jobs), measured by bench/measure.py (wall time, summed PSS of the process
tree). The growth is judged, never asserted: time per school at the largest N against the smallest.

`.venv/bin/python bench/district.py` — 50 and 500 schools; `--schools 3 10` for a quick look.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.domain import FIRST_COMMIT, _git  # after the path above: the repository is importable
from bench.runner import ENV, MEASURE, Sample

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "district"
TEMPLATES = ("sosh-1", "sosh-2", "novoaleksandrovka")
LINEAR_MARGIN = 0.25  # time per school at the largest N within ±25 % of the smallest N's: «linear»


def school_folder(number: int) -> str:
    return f"school-{number:04d}"


def make_district(target: Path, schools: int) -> Path:
    """The district project with `schools` schools, committed once (git dates are real); a kept one is reused."""
    if (target / ".git").is_dir() and (target / "schools" / school_folder(schools)).is_dir():
        return target
    target.mkdir(parents=True)
    shutil.copytree(DEMO / "content", target / "content")
    for number in range(1, schools + 1):
        template = DEMO / "schools" / TEMPLATES[(number - 1) % len(TEMPLATES)]
        folder = target / "schools" / school_folder(number)
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("site", ".site.*"))
        for organisation in (folder / "content" / "organisations").glob("*.yaml"):
            text = organisation.read_text(encoding="utf-8")
            text = re.sub(r'^short_name: "(.*)"', rf'short_name: "\1 (школа {number})"', text, flags=re.MULTILINE)
            organisation.write_text(text, encoding="utf-8")
    config = (DEMO / "site_config.yaml").read_text(encoding="utf-8")
    head, _, _ = config.partition("  schools:\n")
    listed = "".join(f"    - folder: schools/{school_folder(n)}\n" for n in range(1, schools + 1))
    (target / "site_config.yaml").write_text(head + "  schools:\n" + listed, encoding="utf-8")
    (target / "content" / "pages" / "index.md").write_text(
        "---\ntitle: \"Район из bench/district.py\"\n---\n[Мониторинг ВСОКО в школах района](section:district)\n",
        encoding="utf-8")
    _git(target, "init", "--quiet", "--initial-branch=main")
    _git(target, "add", "--all")
    _git(target, "commit", "--quiet", "-m", f"district of {schools} schools", when=FIRST_COMMIT)
    return target


def build(project: Path, jobs: int | None, log: Path, timeout: float) -> Sample | None:
    """One measured build (bench/measure.py, with a timeout fitting 500 schools on a busy machine)."""
    command = [sys.executable, str(ROOT / "build.py"), "--project", str(project), "build",
               "--out", str(project.parent / f"{project.name}-site"), *([f"--jobs={jobs}"] if jobs else [])]
    with log.open("ab") as output:
        output.write(f"\n$ {' '.join(command)}\n".encode())
        output.flush()
        done = subprocess.run([*MEASURE, "--timeout", str(timeout), "--", *command], stdout=subprocess.PIPE,
                              stderr=output, env=ENV, timeout=timeout + 60)
    result = json.loads(done.stdout) if done.returncode == 0 else {"returncode": done.returncode}
    if result["returncode"] != 0 or result.get("timed_out"):
        return None
    return Sample(result["seconds"], result["peak_kib"] / 1024)


def table(samples: dict[int, Sample]) -> list[str]:
    lines = ["| Школ | Время, с | Пиковая память, МБ | Секунд на школу |", "|---:|---:|---:|---:|"]
    for schools, sample in sorted(samples.items()):
        memory = f"{sample.peak_mb:.0f}" if sample.peak_mb is not None else "—"
        lines.append(f"| {schools} | {sample.seconds:.1f} | {memory} | {sample.seconds / schools:.2f} |")
    return lines


def slope(samples: dict[int, Sample]) -> list[str]:
    """The growth between the smallest and the largest N: seconds and MB per added school, and the verdict."""
    if len(samples) < 2:
        return []
    low, high = min(samples), max(samples)
    a, b = samples[low], samples[high]
    per_school = (b.seconds - a.seconds) / (high - low)
    ratio = (b.seconds / high) / (a.seconds / low)
    verdict = "линейно" if abs(ratio - 1) <= LINEAR_MARGIN else ("медленнее, чем линейно" if ratio > 1
                                                                  else "быстрее, чем линейно")
    lines = [f"Наклон: {per_school:.2f} с на каждую добавленную школу ({low} → {high}); время на школу при {high} — "
             f"{ratio:.2f} от времени на школу при {low}: {verdict}."]
    if a.peak_mb is not None and b.peak_mb is not None:
        lines.append(f"Память: {(b.peak_mb - a.peak_mb) / (high - low):.2f} МБ на каждую добавленную школу "
                     f"({a.peak_mb:.0f} → {b.peak_mb:.0f} МБ).")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Сборка района из N школ: время и память (bench/district.py)")
    parser.add_argument("--schools", type=int, nargs="*", default=[50, 500], help="сколько школ (50 500)")
    parser.add_argument("--jobs", type=int, default=None, help="сколько школ собирать одновременно (по ядрам)")
    parser.add_argument("--keep", type=Path, help="оставить корпуса и сайты в этой папке (и взять оставленные)")
    parser.add_argument("--timeout", type=float, default=3 * 3600, help="сколько ждать одну сборку, с")
    args = parser.parse_args(argv)
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="oko-bench-district-"))
    scratch.mkdir(parents=True, exist_ok=True)
    samples: dict[int, Sample] = {}
    failed = False
    try:
        for schools in sorted(args.schools):
            project = make_district(scratch / f"district-{schools}", schools)
            sample = build(project, args.jobs, scratch / "build.log", args.timeout)
            if sample is None:
                print(f"Сборка района из {schools} школ не удалась: {scratch / 'build.log'}", file=sys.stderr)
                failed = True
                continue
            samples[schools] = sample
            print(f"  {schools} школ: {sample.seconds:.1f} с, {sample.peak_mb or 0:.0f} МБ", file=sys.stderr,
                  flush=True)
    finally:
        if args.keep is None and not failed:
            shutil.rmtree(scratch, ignore_errors=True)
    print("\n".join(table(samples) + slope(samples)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
