"""The first shape of schedule.yaml — maps keyed by grade — read into today's lists of rows.

`classes: {5: [А, Б]}`, `hours: {Математика: {5: 170}}` and `lessons_per_day: {5: [5, 6, 5, 6, 5]}` came
back from a form save as lists with nulls (a form holds no map keyed by a number), so they became lists
of rows: `- {grade: 5, letters: [А, Б]}`, `- {subject: Математика, grades: [{grade: 5, hours: 170}]}`,
`- {grade: 5, lessons: [5, 6, 5, 6, 5]}`. A file still in the old shape loads (so every other check
still runs), and the rule `schedule.shape` (shapes.py) reports each old map with its new form in the hint.
"""

from __future__ import annotations

from typing import Any


def _grade(key: Any) -> Any:
    """A map key as the grade it names: the raw data's keys may be texts («5»)."""
    return int(key) if isinstance(key, str) and key.strip().isdigit() else key


def classes_rows(value: dict[Any, Any]) -> list[dict[str, Any]]:
    return [{"grade": _grade(grade), "letters": letters} for grade, letters in value.items()]


def hours_rows(value: dict[Any, Any]) -> list[dict[str, Any]]:
    return [{"subject": subject, "grades": [{"grade": _grade(grade), "hours": hours}
                                            for grade, hours in by_grade.items()]
             if isinstance(by_grade, dict) else by_grade} for subject, by_grade in value.items()]


def lessons_rows(value: dict[Any, Any]) -> list[dict[str, Any]]:
    return [{"grade": _grade(grade), "lessons": lessons} for grade, lessons in value.items()]


# Each field of the old shape and how its map becomes rows.
OLD_MAPS = {"classes": classes_rows, "hours": hours_rows, "lessons_per_day": lessons_rows}


def rows_from_maps(data: Any) -> Any:
    """schedule.yaml's maps keyed by grade → the lists of rows the model reads."""
    if not isinstance(data, dict) or not any(isinstance(data.get(name), dict) for name in OLD_MAPS):
        return data
    return {**data, **{name: rows(data[name]) for name, rows in OLD_MAPS.items() if isinstance(data.get(name), dict)}}
