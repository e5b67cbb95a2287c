"""Reading the results template (its layout: oko/results/template_layout.py) into a ProcedureResults.

Reading goes through oko/spreadsheets (bounded, read-only openpyxl); every bad cell is reported by address,
then the figures are checked against one another (oko/results/consistency.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from oko.errors import Issue
from oko.results import consistency
from oko.results.model import ProcedureResults
from oko.results.template_layout import INFO_FIELDS, cell_text
from oko.results.template_read import Reader
from oko.source_doc import DataPath
from oko.spreadsheets import ReadError, read_sheets


def import_results(path: Path) -> tuple[ProcedureResults | None, list[Issue]]:
    """The results in a template book, or every problem found, each at its cell."""
    shown = path.name
    if path.suffix.lower() != ".xlsx":
        return None, [Issue("error", shown, "шаблон результатов — книга Excel (.xlsx)",
                            hint="сохраните файл как «Книга Excel (.xlsx)»")]
    try:
        sheets = read_sheets(path, lambda rows: 0)
    except ReadError as exc:
        return None, [Issue("error", shown, exc.message, line=exc.line, column=exc.column, hint=exc.hint)]
    reader = Reader(sheets, shown)
    reader.read()
    if reader.issues:
        return None, reader.issues
    try:
        result = ProcedureResults.model_validate(reader.data)
    except ValidationError as exc:
        return None, [reader.located(_path(error["loc"]), _message(error)) for error in exc.errors(include_url=False)]
    found = consistency.problems(result)
    issues = [reader.located(p.path, p.message, p.hint, p.level) for p in found]
    return (None if any(i.is_error for i in issues) else result), issues


def _path(loc: tuple[Any, ...]) -> DataPath:
    return tuple(part for part in loc if not isinstance(part, str) or not part.startswith(("function-", "int")))


def _message(error: Any) -> str:
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        labels = dict(INFO_FIELDS)
        return f"не заполнено «{labels.get(str(error['loc'][0]), field)}»"
    return f"не понято значение «{cell_text(error.get('input'))}» ({field}): {error['msg']}"
