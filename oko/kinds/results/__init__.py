"""Results of assessment procedures (content/results/<academic year>/<name>.yaml): counts only, one file per
procedure and parallel. The computation is oko/results/; this package loads, links, checks and publishes."""

from __future__ import annotations

from oko.project import Entry, Project
from oko.results.model import ProcedureResults

NAME = "results"
SECTION_URL = "/results/"


def results(project: Project) -> dict[str, Entry[ProcedureResults]]:
    """By «<year>/<file name>», «2025-2026/vpr-matematika-5», in the order of years and names."""
    return project.entries.get(NAME, {})


def year_of(key: str) -> str:
    return key.split("/", 1)[0]


def result_url(key: str) -> str:
    """«2025-2026/vpr-matematika-5» → «/results/2025-2026/vpr-matematika-5/»."""
    return f"{SECTION_URL}{key}/"


def result_ref(key: str) -> str:
    return f"result:{key}"


def min_group(project: Project) -> int:
    """The smallest group published (site_config.yaml `results: min_group`, default 10; regulations.md §7a)."""
    return project.config.results.min_group if project.config else 10
