"""`build.py import-results КНИГА.xlsx`: the results template (oko/results/template_layout.py) as content YAML."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from pathlib import Path
from typing import Any

from oko.errors import report
from oko.fs_errors import os_error_message
from oko.results.model import ProcedureResults
from oko.results.template import import_results

# Said on the screen, not written as a comment in the file: a form save would drop it.
WRITTEN = ("Записано в {out}: только количества, ни одного ученика по имени; показатели (успеваемость, качество, "
           "средний балл) вычисляются сами\n")


def results_yaml(result: ProcedureResults, source: str) -> str:
    """The result in the forms' layout (oko/fmt.py): dates as ДД.ММ.ГГГГ, marks as numbers, no empty fields.
    `source` (the book) is not written: a comment would go with the first form save."""
    from oko.fmt import canonical_yaml

    del source
    data = _plain(result.model_dump(mode="python", exclude_none=True, exclude_defaults=True))
    return canonical_yaml(data, "results")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, enum.Enum):
        return value.value
    return value


def run_import_results(file: Path, out: Path | None, fmt: str) -> int:
    """Exit 0 with the YAML written (to out, or to stdout), 1 for errors in the book (located by cell)."""
    result, issues = import_results(file)
    report(issues, fmt)
    if result is None:
        sys.stderr.write("YAML не записан: исправьте ячейки и запустите перенос снова.\n")
        return 1
    text = results_yaml(result, file.name)
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось записать «{out}»"))
        return 1
    sys.stderr.write(WRITTEN.format(out=out))
    return 0
