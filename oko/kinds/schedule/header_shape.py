"""Rules on the shape of schedule.yaml: `schedule.shape` (a map keyed by grade, the first shape, is an error
that shows its new form from the file's own values) and `schedule.listed_once` (a grade or a subject is one
row: a map could not repeat a key, a list can).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.kinds.schedule.legacy import OLD_MAPS
from oko.kinds.schedule.model import ScheduleHeader
from oko.old_shapes import rows_hint
from oko.project import Entry

CODE = "schedule.shape"
ONCE = "schedule.listed_once"
RULE_CODES = {
    CODE: "классы, часы и уроки в день записаны списками, которые можно править в формах (словари — ошибка)",
    ONCE: "каждая параллель и каждый предмет — одной строкой",
}
_WHAT = {"classes": ("классы по параллелям", "каждая параллель"),
         "hours": ("часы по учебному плану", "каждый предмет"),
         "lessons_per_day": ("уроки в день по параллелям", "каждая параллель")}


def old_shapes(entry: Entry[ScheduleHeader]) -> Iterator[Issue]:
    """Each of `classes`, `hours`, `lessons_per_day` written as a map, located at its key."""
    data = entry.doc.data if isinstance(entry.doc.data, dict) else {}
    for name, rows in OLD_MAPS.items():
        value = data.get(name)
        if isinstance(value, dict):
            what, each = _WHAT[name]
            yield entry.doc.issue(f"{what} записаны словарём, а нужен список", (name,), key=True, code=CODE,
                                  hint=rows_hint(f"теперь {each} — строка списка", rows(value)))


def _repeated(keys: list[Any]) -> Iterator[tuple[int, Any]]:
    seen: set[Any] = set()
    for index, key in enumerate(keys):
        if key in seen:
            yield index, key
        seen.add(key)


def listed_once(entry: Entry[ScheduleHeader]) -> Iterator[Issue]:
    """A second row of a grade or a subject is an error at it (only the first would count)."""
    header = entry.model
    lists: list[tuple[tuple[Any, ...], list[Any], str, str]] = [
        (("classes",), [row.grade for row in header.classes], "grade", "параллель {} уже есть в classes"),
        (("hours",), [row.subject for row in header.hours], "subject", "предмет «{}» уже есть в hours"),
        (("lessons_per_day",), [row.grade for row in header.lessons_per_day], "grade",
         "параллель {} уже есть в lessons_per_day"),
    ]
    lists += [(("hours", index, "grades"), [cell.grade for cell in row.grades], "grade",
               f"у предмета «{row.subject}» параллель {{}} уже есть") for index, row in enumerate(header.hours)]
    for path, keys, field, message in lists:
        for index, key in _repeated(keys):
            yield entry.doc.issue(message.format(key), (*path, index, field), code=ONCE,
                                  hint="оставьте одну строку: учитывается только первая")
