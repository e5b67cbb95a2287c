"""The tables: medians per tool, Око's ratios to each peer, and the issue's targets as met / not met."""

from __future__ import annotations

import itertools
import os
import platform
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.runner import SERVE, Results, Sample, size_label
from bench.tools import CLEAN, EDIT, NOTHING, Tool
from oko.ru import count

SCENARIOS = {
    CLEAN: "чистая сборка",
    NOTHING: "пересборка без изменений",
    EDIT: "пересборка после правки одной страницы",
    SERVE: "просмотр: сохранение → страница отдана",
}
MEMORY = "пик памяти (чистая сборка)"
OUTPUT = "размер вывода"
DOMAIN_EDIT = "правка одного файла"


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def seconds(value: float) -> str:
    return f"{number(value)} с"


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: its wording and a check on the medians (None: not measured)."""

    text: str
    check: Callable[[Callable[[str, str], Sample | None]], bool | None]

    def verdict(self, get: Callable[[str, str], Sample | None]) -> str:
        met = self.check(get)
        return f"{self.text}: " + ("нет данных" if met is None else "выполнена" if met else "не выполнена")


def _ratio_to_hugo(scenario: str, limit: float) -> Callable:
    def check(get):
        oko, hugo = get("oko", scenario), get("hugo", scenario)
        return None if oko is None or hugo is None else oko.seconds <= limit * hugo.seconds
    return check


def _fast_rebuild(scenario: str) -> Callable:
    def check(get):
        oko = get("oko", scenario)
        peers = [s for s in (get("hugo", scenario), get("mkdocs", scenario)) if s is not None]
        return None if oko is None else oko.seconds <= 0.3 and all(oko.seconds < p.seconds for p in peers)
    return check


def _under(scenario: str, limit: float, memory: bool = False) -> Callable:
    def check(get):
        oko = get("oko", scenario)
        if oko is None:
            return None
        value = oko.peak_mb if memory else oko.seconds
        return value is not None and value <= limit
    return check


TARGETS: dict[tuple[int, str], Target] = {
    (1000, CLEAN): Target("≤ 1,5 × Hugo", _ratio_to_hugo(CLEAN, 1.5)),
    (1000, NOTHING): Target("≤ 0,3 с и быстрее Hugo и MkDocs", _fast_rebuild(NOTHING)),
    (1000, EDIT): Target("≤ 0,3 с и быстрее Hugo и MkDocs", _fast_rebuild(EDIT)),
    (1000, SERVE): Target("≤ 0,3 с", _under(SERVE, 0.3)),
    (5000, CLEAN): Target("≤ 1,5 × Hugo", _ratio_to_hugo(CLEAN, 1.5)),
    (5000, MEMORY): Target("≤ 200 МБ", _under(CLEAN, 200, memory=True)),
}
DOMAIN_TARGETS: dict[tuple[int, str], Target] = {
    (50, CLEAN): Target("≤ 15 с", _under(CLEAN, 15)),
    (50, EDIT): Target("≤ 0,5 с", _under(EDIT, 0.5)),
}


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _ratio(oko: float | None, peer: float | None) -> str:
    return "—" if oko is None or not peer else f"{number(oko / peer, 1)}×"


def synthetic_table(results: Results, tools: list[Tool], size: int) -> list[str]:
    """One size: a row per scenario, a column per tool, Око's ratios, the target beside."""
    corpus = size_label(size)
    peers = [t for t in tools if t.key != "oko"]
    header = [corpus, *(t.label for t in tools), *(f"Око / {t.short}" for t in peers), "цель"]
    lines = [_row(header), _row(["---"] * len(header))]
    served = any(results.median(corpus, t.key, SERVE) for t in tools)
    rows = [(SCENARIOS[s], s, False) for s in SCENARIOS if s != SERVE or served] + [(MEMORY, CLEAN, True)]
    for title, scenario, memory in rows:
        def value(tool: str, scenario: str = scenario, memory: bool = memory) -> float | None:
            found = results.median(corpus, tool, scenario)
            return None if found is None else found.peak_mb if memory else found.seconds
        shown = [_shown(value(t.key), memory) for t in tools]
        ratios = [_ratio(value("oko"), value(t.key)) for t in peers]
        target = TARGETS.get((size, MEMORY if memory else scenario))
        verdict = target.verdict(lambda tool, sc: results.median(corpus, tool, sc)) if target else ""
        lines.append(_row([title, *shown, *ratios, verdict]))
    def size(tool: str) -> float | None:
        return results.facts.get(f"{corpus}/{tool}", {}).get("output_mb")
    lines.append(_row([OUTPUT, *("—" if (v := size(t.key)) is None else f"{number(v, 1)} МБ" for t in tools),
                       *(_ratio(size("oko"), size(t.key)) for t in peers), ""]))
    return lines


def _shown(value: float | None, memory: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.0f} МБ" if memory else seconds(value)


def domain_table(results: Results, schools: list[int]) -> list[str]:
    """A row per N: pages, output size, the three scenarios and memory; then the slopes."""
    header = ["школ", "страниц", "вывод, МБ", SCENARIOS[CLEAN], SCENARIOS[NOTHING], DOMAIN_EDIT, "пик памяти"]
    lines = [_row(header), _row(["---"] * len(header))]
    for n in schools:
        corpus = f"школ: {n}"
        facts = results.facts.get(corpus, {})
        got = {s: results.median(corpus, "oko", s) for s in (CLEAN, NOTHING, EDIT)}
        memory = got[CLEAN].peak_mb if got[CLEAN] and got[CLEAN].peak_mb else None
        lines.append(_row([str(n), str(int(facts.get("pages", 0))) if facts else "—",
                           number(facts["output_mb"], 1) if facts else "—",
                           *(seconds(got[s].seconds) if got[s] else "—" for s in (CLEAN, NOTHING, EDIT)),
                           f"{memory:.0f} МБ" if memory else "—"]))
    if len(schools) > 1:
        lines.append(_row(["наклон, на школу", *_slopes(results, schools)]))
    return lines


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of y on x."""
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else None


def _slopes(results: Results, schools: list[int]) -> list[str]:
    def fit(get: Callable[[int], float | None], shown: Callable[[float], str]) -> str:
        points = [(n, v) for n in schools if (v := get(n)) is not None]
        found = slope(points)
        return "—" if found is None else shown(found)

    def timed(scenario: str) -> Callable[[int], float | None]:
        return lambda n: (s.seconds if (s := results.median(f"школ: {n}", "oko", scenario)) else None)

    def fact(key: str) -> Callable[[int], float | None]:
        return lambda n: results.facts.get(f"школ: {n}", {}).get(key)

    def memory(n: int) -> float | None:
        found = results.median(f"школ: {n}", "oko", CLEAN)
        return found.peak_mb if found else None

    per_second = lambda v: f"{number(v, 3)} с"  # noqa: E731
    return [fit(fact("pages"), lambda v: number(v, 1)), fit(fact("output_mb"), lambda v: number(v, 2)),
            *(fit(timed(s), per_second) for s in (CLEAN, NOTHING, EDIT)), fit(memory, lambda v: f"{number(v, 1)} МБ")]


def marginal_slopes(results: Results, schools: list[int]) -> list[str]:
    """Seconds per school of a clean build between neighbouring N: equal steps mean linear time."""
    timed = [(n, s.seconds) for n in schools if (s := results.median(f"школ: {n}", "oko", CLEAN))]
    steps = [f"{a}→{b}: {number((tb - ta) / (b - a), 2)} с" for (a, ta), (b, tb) in itertools.pairwise(timed)
             if b > a]
    return [f"Чистая сборка, секунд на школу между соседними N: {'; '.join(steps)}."] if len(steps) > 1 else []


def domain_targets(results: Results, schools: list[int]) -> list[str]:
    lines = []
    for (n, scenario), target in DOMAIN_TARGETS.items():
        name = SCENARIOS[CLEAN] if scenario == CLEAN else DOMAIN_EDIT
        if n in schools:
            lines.append(f"- {n} школ, {name}: " + target.verdict(
                lambda tool, sc, n=n: results.median(f"школ: {n}", tool, sc)))
        else:
            lines.append(f"- {n} школ, {name}: {target.text}: не замерялось в этом запуске")
    return lines


def machine() -> str:
    """nproc, CPU model, memory and load: the figures mean little without them."""
    model = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo")
                  if line.startswith("model name")), platform.processor() or "?")
    total = next((int(line.split()[1]) for line in _lines("/proc/meminfo") if line.startswith("MemTotal:")), 0)
    cores = os.cpu_count() or 0
    return (f"{count(cores, 'ядро', 'ядра', 'ядер')} ({model}), {number(total / 1024 / 1024, 1)} ГБ памяти, "
            f"Python {platform.python_version()}, нагрузка (loadavg) в начале: {load()}")


def load() -> str:
    """The 1, 5 and 15 minute load averages: on a shared machine they say how much the figures are worth."""
    found = _lines("/proc/loadavg")
    return " ".join(found[0].split()[:3]) if found else "?"


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []
