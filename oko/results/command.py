"""`build.py import-results КНИГА.xlsx`: the results template (oko/results/template_layout.py) as content YAML."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from pathlib import Path
from typing import Any

import yaml

from oko.errors import report
from oko.fs_errors import os_error_message
from oko.results.model import ProcedureResults
from oko.results.template import import_results

HEADER = ("# Результаты оценочной процедуры, перенесены из «{name}» командой import-results.\n"
          "# Только количества: ни одного ученика по имени. Показатели (успеваемость, качество, средний балл)\n"
          "# вычисляются сами. Класс меньше порога публикации лучше ввести в составе параллели.\n")


def results_yaml(result: ProcedureResults, source: str) -> str:
    """The result as written in content/results: dates as ДД.ММ.ГГГГ, marks as numbers, no empty fields."""
    data = _plain(result.model_dump(mode="python", exclude_none=True, exclude_defaults=True))
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    return HEADER.format(name=source) + body


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
    sys.stderr.write(f"Записано в {out}\n")
    return 0
