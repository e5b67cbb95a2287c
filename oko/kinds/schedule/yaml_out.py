"""Procedures written back as YAML (import-schedule's output): classes as written, a window as {start, end}."""

from __future__ import annotations

from typing import Any

import yaml

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
    """The compact YAML of a procedures file: one procedure per line."""
    items = [procedure_item(p) for p in procedures]
    body = yaml.safe_dump({"procedures": items}, allow_unicode=True, sort_keys=False, default_flow_style=None,
                          width=10_000)
    return f"# Импортировано из {source} командой build.py import-schedule\n{body}"
