"""Hints for a value still written in an old shape that a form cannot hold: the new form, from the file's own values.

Shapes changed for the forms (issue «lossless editing through the forms»: maps keyed by grade, texts
among people) keep loading in their old shape, so that everything else in the file is still checked,
and a kind's `*.shape` rule reports each old value, located, with its replacement in the hint — the way
`criteria.shape` (oko/kinds/criteria/shapes.py) reports old scales: rows as one-line YAML, the first
few, then «…».
"""

from __future__ import annotations

from typing import Any

SHOWN_ROWS = 2


def flow(value: Any) -> str:
    """One-line YAML of plain data: texts in double quotes, numbers bare, lists in […], maps in {…}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, int | float):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def rows_hint(lead: str, rows: list[dict[str, Any]], shown: int = SHOWN_ROWS) -> str:
    """«теперь …: - {grade: 5, letters: ["А", "Б"]}; - {…}; …»: the first rows of the new list."""
    written = "; ".join(f"- {flow(row)}" for row in rows[:shown])
    return f"{lead}: {written}" + ("; …" if len(rows) > shown else "")
