"""A tiny school with one schedule, written into a temporary project, to break rules one at a time."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from unittest import mock

from oko.errors import Issue
from oko.kinds.schedule.stale import BUILD_DATE_VARIABLE
from oko.pipeline import BuildResult, generate

# The tiny school is checked during its own year: the stale-year warning (tests/test_current_year.py)
# is not what these tests are about, and they must not change with the real date.
SCHOOL_DAY = "2025-10-01"

HEADER = """\
academic_year: "2025-2026"
approval: {number: "1", date: "01.09.2025"}
week: 5
periods:
  - {name: "1 четверть", start: "01.09.2025", end: "24.10.2025"}
  - {name: "2 четверть", start: "05.11.2025", end: "26.12.2025"}
holidays:
  - {name: "Осенние каникулы", start: "25.10.2025", end: "04.11.2025"}
classes:
  - {grade: 5, letters: [А, Б]}
  - {grade: 6, letters: [А]}
hours:
  - subject: Математика
    grades: [{grade: 5, hours: 170}, {grade: 6, hours: 170}]
  - subject: Русский язык
    grades: [{grade: 5, hours: 170}, {grade: 6, hours: 204}]
  - subject: Музыка
    grades: [{grade: 5, hours: 34}, {grade: 6, hours: 34}]
lessons_per_day:
  - {grade: 5, lessons: [5, 6, 5, 6, 5]}
  - {grade: 6, lessons: [6, 6, 6, 6, 5]}
"""


def make_school(root: Path, procedures: str, header: str = HEADER, config_extra: str = "") -> Path:
    """Write a minimal valid project whose schedule has the given procedures (YAML list lines)."""
    files = {
        "site_config.yaml": f'title: "Тест"\norganisation: school\n{config_extra}',
        "content/organisations/school.yaml": 'name: "Школа"\nshort_name: "Школа"\nkind: school\n',
        "content/pages/index.md": "---\ntitle: Главная\n---\nТекст.\n",
        "content/schedules/2025-2026/schedule.yaml": header,
        "content/schedules/2025-2026/procedures.yaml": "procedures:\n" + textwrap.dedent(procedures),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(root: Path, procedures: str, **kwargs: str) -> BuildResult:
    return generate_on_school_day(make_school(root, procedures, **kwargs))


def generate_on_school_day(root: Path) -> BuildResult:
    """A build judged as if today were inside the fixture's year (no stale-year warning)."""
    with mock.patch.dict(os.environ, {BUILD_DATE_VARIABLE: SCHOOL_DAY}):
        return generate(root)


def coded(result: BuildResult, code: str) -> list[Issue]:
    return [issue for issue in result.issues if issue.code == code]
