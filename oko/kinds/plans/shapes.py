"""The rule `plan.shape`: a responsible written as bare text (the old shape) is an error that shows its new form.

A form's list of responsible is a list of {name, position}; a text among them it cannot show, and a save
erased it («- Директор» became {name: '', position: ''}). The model still reads such a text as a role
(oko/models/common.py, Responsible), so the rest of the plan is checked; this rule fails the build with
each text's replacement, split into people and roles as the plan's page shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.kinds.plans.model import Plan
from oko.kinds.plans.responsible import people_of, responsible_places
from oko.models.common import Responsible
from oko.old_shapes import rows_hint
from oko.project import Entry

CODE = "plan.shape"


def _rows(text: str) -> list[dict[str, Any]]:
    people = people_of([Responsible(position=text)])
    return [{key: value for key, value in (("name", person.name), ("position", person.position)) if value}
            for person in people]


def old_shapes(entry: Entry[Plan]) -> Iterator[Issue]:
    """Each responsible written as text, located at it."""
    for place, raw in responsible_places(entry.model, entry.doc.data):
        for index, value in enumerate(raw):
            if isinstance(value, str | int) and not isinstance(value, bool):
                yield entry.doc.issue(
                    "ответственный записан текстом, а нужны поля position (должность, роль) и name (ФИО)",
                    (*place, index), code=CODE,
                    hint=rows_hint("теперь каждый ответственный — строка списка", _rows(str(value)), shown=4))
