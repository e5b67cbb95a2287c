"""Procedures written back as YAML (import-schedule's output): classes as written, a window as {start, end}."""

from __future__ import annotations

from typing import Any

from oko.fmt import canonical_yaml
from oko.kinds.schedule.model import Procedure


def procedure_item(p: Procedure) -> dict[str, Any]:
    """A procedure as a content file writes it: classes as written, a window as {start, end}."""
    later = p.subject_later
    item: dict[str, Any] = {
        "date": p.date.strftime("%d.%m.%Y") if p.date else None,
        "window": {"start": p.window.start.strftime("%d.%m.%Y"), "end": p.window.end.strftime("%d.%m.%Y")}
        if p.window else None,
        "classes": p.classes, "subject": p.subject, "subjects": list(p.subjects) or None,
        "subject_later": ({"label": later.label, "choices": list(later.choices)} if later.choices
                          else {"label": later.label}) if later else None,
        "kind": p.kind.label, "level": p.level.label if p.level else None, "duration": p.duration,
        "lesson": p.lesson, "form": p.form.label if p.form else None, "note": p.note}
    return {key: value for key, value in item.items() if value is not None}


def procedures_yaml(procedures: list[Procedure], source: str) -> str:
    """A procedures file as the forms write it (oko/fmt.py), so a later form save changes only what is edited.

    `source` (the table's name) is not written: a comment would go with the first save; the command says it.
    """
    del source
    return canonical_yaml({"procedures": [procedure_item(p) for p in procedures]}, "procedures")
