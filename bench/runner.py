"""Runs the scenarios: every build in a fresh measuring process, tools interleaved and rotated each round."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bench import domain
from bench.layouts import page_text
from bench.serve import ServeError, save_to_served
from bench.synthetic import Page, edited_body, synthetic_pages
from bench.tools import CLEAN, EDIT, NOTHING, ROOT, Tool

SERVE = "serve"
T = TypeVar("T")
MEASURE = [sys.executable, str(ROOT / "bench" / "measure.py")]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # MkDocs-Material prints an end-of-life notice otherwise


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float | None = None


@dataclass
class Results:
    """Samples per (corpus, tool key, scenario); failures as Russian lines to print."""

    samples: dict[tuple[str, str, str], list[Sample]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)
    facts: dict[str, dict[str, float]] = field(default_factory=dict)  # corpus → pages, output MB

    def add(self, corpus: str, tool: str, scenario: str, sample: Sample) -> None:
        self.samples[(corpus, tool, scenario)].append(sample)
        memory = "" if sample.peak_mb is None else f", {sample.peak_mb:.0f} МБ"
        print(f"  {corpus}, {tool}, {scenario}: {sample.seconds:.2f} с{memory}", file=sys.stderr, flush=True)

    def median(self, corpus: str, tool: str, scenario: str) -> Sample | None:
        found = self.samples.get((corpus, tool, scenario))
        if not found:
            return None
        peaks = [s.peak_mb for s in found if s.peak_mb is not None]
        return Sample(statistics.median(s.seconds for s in found), statistics.median(peaks) if peaks else None)


def measured_build(command: list[str], log: Path) -> Sample | None:
    """One build under bench/measure.py; None when it failed (its output is in log)."""
    with log.open("ab") as output:
        output.write(f"\n$ {' '.join(command)}\n".encode())
        output.flush()
        done = subprocess.run([*MEASURE, "--", *command], stdout=subprocess.PIPE, stderr=output, env=ENV,
                              timeout=3600)
    if done.returncode != 0:
        return None
    result = json.loads(done.stdout)
    if result["returncode"] != 0 or result["timed_out"]:
        return None
    return Sample(result["seconds"], result["peak_kib"] / 1024)


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def rotated(items: list[T], shift: int) -> list[T]:
    shift %= len(items) or 1
    return items[shift:] + items[:shift]


def size_label(pages: int) -> str:
    return f"{pages:,}".replace(",", " ") + " страниц"


def synthetic(results: Results, tools: list[Tool], size: int, rounds: int, serve: bool, scratch: Path,
              scenarios: tuple[str, ...] = (CLEAN, NOTHING, EDIT)) -> None:
    """Clean, nothing-changed and one-page rebuilds (and serve) of `size` pages for every tool."""
    corpus = size_label(size)
    pages = synthetic_pages(size)
    edited = pages[len(pages) // 2]
    folder = scratch / f"pages-{size}"
    for tool in tools:
        tool.write(folder / tool.key, pages)
    for round_ in range(rounds):
        for tool in rotated(tools, round_):
            project, out, log = folder / tool.key, folder / f"{tool.key}-site", folder / f"{tool.key}.log"
            ok = _builds(results, corpus, tool, project, out, log, edited, f"{size}-{round_}", scenarios)
            if ok and round_ == 0:
                results.facts[f"{corpus}/{tool.key}"] = {"output_mb": _megabytes(out)}
            if serve and tool.serve is not None:
                _serve(results, corpus, tool, project, folder, edited, f"сохранение-{size}-{round_}", log)


def _builds(results: Results, corpus: str, tool: Tool, project: Path, out: Path, log: Path, edited: Page,
            mark: str, scenarios: tuple[str, ...]) -> bool:
    source = tool.page_file(project, edited.slug)
    source.write_text(page_text(edited), encoding="utf-8")
    tool.clean(project, out)
    for scenario in scenarios:
        text = f"правка-{mark}"
        if scenario == EDIT:
            source.write_text(page_text(edited, edited_body(edited, text)), encoding="utf-8")
        sample = measured_build(tool.build(project, out, scenario), log)
        if sample is not None and scenario == EDIT and text not in _read(tool.output_page(out, edited.slug)):
            results.failures.append(f"{tool.label}, {corpus}: правка не видна в {tool.output_page(out, edited.slug)}")
            return False
        if sample is None:
            results.failures.append(f"{tool.label}, {corpus}, {scenario}: сборка не удалась\n{_tail(log)}")
            return False
        results.add(corpus, tool.key, scenario, sample)
    return True


def _serve(results: Results, corpus: str, tool: Tool, project: Path, scratch: Path, page: Page,
           mark: str, log: Path) -> None:
    try:
        seconds = save_to_served(tool, project, scratch, page, mark, ENV, log)
    except ServeError as error:
        results.failures.append(f"{error}\n{_tail(log)}")
        return
    results.add(corpus, tool.key, SERVE, Sample(seconds))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def domain_corpus(results: Results, oko: Tool, schools: list[int], rounds: int, scratch: Path) -> None:
    """Clean, nothing-changed and one-file rebuilds of N schools' worth of content (Око only)."""
    projects = {n: domain.make_domain_corpus(scratch / f"schools-{n}", n) for n in schools}
    for round_ in range(rounds):
        for n in rotated(schools, round_):
            corpus = f"школ: {n}"
            project, out, log = projects[n], scratch / f"schools-{n}-site", scratch / f"schools-{n}.log"
            oko.clean(project, out)
            for scenario in (CLEAN, NOTHING, EDIT):
                mark = f"{n}-{round_}"
                url = domain.edit_plan(domain.edited_file(project, n), mark) if scenario == EDIT else ""
                sample = measured_build(oko.build(project, out, scenario), log)
                if sample is None:
                    results.failures.append(f"Око, {corpus}, {scenario}: сборка не удалась\n{_tail(log)}")
                    break
                if scenario == EDIT and f"(правка {mark})" not in _read(out / url / "index.html"):
                    results.failures.append(f"Око, {corpus}: правка не видна в {out / url}")
                    break
                results.add(corpus, "oko", scenario, sample)
                if scenario == CLEAN and round_ == 0:
                    pages = sum(1 for _ in out.rglob("index.html"))
                    results.facts[corpus] = {"schools": n, "pages": pages, "output_mb": _megabytes(out)}
