"""The rule `results.shape`: a table still written as a map (the first shape) is an error that shows its new form.

A map keyed by mark or score ({2: 2, 3: 7}) came back from a form save as a list with nulls, so a file writes
each table as rows (oko/results/rows.py). The model still reads the old maps, so that the rest of the file is
checked; this rule fails the build at each map's key, with its rows written out from the file's own values
(the way `criteria.shape` and `plan.shape` report theirs, oko/old_shapes.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.old_shapes import rows_hint
from oko.project import Entry
from oko.results.model import TABLE_ROWS, ProcedureResults
from oko.results.rows import Rows
from oko.source_doc import DataPath

CODE = "results.shape"
ROW_OF = {("mark",): "каждая отметка", ("score",): "каждый балл", ("task",): "каждое задание",
          ("journal", "mark"): "каждая пара «отметка по журналу, отметка»",
          ("journal", "score"): "каждая пара «отметка по журналу, балл»"}


def _tables(data: dict[str, Any]) -> Iterator[tuple[DataPath, Rows, Any]]:
    """Every table's place in the file, its rows, its value as written."""
    for place, rows in TABLE_ROWS.items():
        if len(place) == 1:
            yield place, rows, data.get(place[0])
            continue
        items = data.get(place[0])
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield (place[0], index, place[2]), rows, item.get(place[2])


def _loaded(model: ProcedureResults, path: DataPath) -> Any:
    """The table as the model read it: numbers as numbers (the file's text of them is kept as written)."""
    value: Any = model
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, str(part))
    return value


def old_shapes(entry: Entry[ProcedureResults]) -> Iterator[Issue]:
    """Each table written as a map, located at its key, in the order of the file."""
    data = entry.doc.data if isinstance(entry.doc.data, dict) else {}
    found = sorted(((path, rows, value) for path, rows, value in _tables(data) if isinstance(value, dict)),
                   key=lambda found: entry.doc.position(found[0], key=True) or (0, 0))
    for path, rows, _ in found:
        yield entry.doc.issue(
            f"{rows.what}: записано словарём, а нужен список строк", path, key=True, code=CODE,
            hint=rows_hint(f"теперь {ROW_OF[rows.keys]} — строка списка", rows.rows_of(_loaded(entry.model, path))))
