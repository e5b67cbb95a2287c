"""Rules of a ВПР year's shape: `grades` as the map of the first shape is an error that shows its new form, and
a grade is listed once.

A map keyed by grade came back from a form save as a list with nulls («4: …» became the fifth row);
the list of `- grade: 5` rows a form holds. The model still reads the map (VprYear in
oko/kinds/demos/model.py), so the rest of the file is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.kinds.demos.model import VprYear
from oko.old_shapes import rows_hint
from oko.project import Entry

CODE = "vpr.shape"
RULE_CODES = {CODE: "параллели ВПР записаны списком, который можно править в формах (старый словарь — ошибка)"}


def _row(grade: Any, plan: Any) -> dict[str, Any]:
    grade = int(grade) if str(grade).isdigit() else grade  # the raw data's keys are texts
    return {"grade": grade, **plan} if isinstance(plan, dict) else {"grade": grade}


def old_shapes(entry: Entry[VprYear]) -> Iterator[Issue]:
    """`grades:` written as a map, located at its key."""
    data = entry.doc.data if isinstance(entry.doc.data, dict) else {}
    grades = data.get("grades")
    if isinstance(grades, dict):
        yield entry.doc.issue("параллели записаны словарём, а нужен список", ("grades",), key=True, code=CODE,
                              hint=rows_hint("теперь каждая параллель — строка списка",
                                             [_row(grade, plan) for grade, plan in grades.items()]))


def grades_once(entry: Entry[VprYear]) -> Iterator[Issue]:
    """Each grade once: two rows for one grade would be two tables of the same class on the page."""
    seen: set[int] = set()
    for index, plan in enumerate(entry.model.grades):
        if plan.grade in seen:
            yield entry.doc.issue(f"параллель {plan.grade} указана дважды", ("grades", index, "grade"),
                                  hint="у каждой параллели одна строка: объедините предметы в ней")
        seen.add(plan.grade)
