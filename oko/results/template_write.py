"""Writing the results template (the layout is in template.py): a blank book for a school, or a result as one.

The bytes are deterministic (the fixed times of oko/outputs/tables.py) and no text becomes a formula: every text
cell is a typed string, one that starts like a formula gets Excel's quote prefix (OWASP «CSV Injection»).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from oko.outputs import tables as spreadsheet
from oko.results.model import GroupResult, ProcedureResults
from oko.results.template_layout import (
    GROUP,
    INFO,
    INFO_FIELDS,
    JOURNAL,
    JOURNAL_MARKS,
    JOURNAL_SCORES,
    MARKS,
    PARTICIPANTS,
    REFERENCE,
    REFERENCE_COLUMNS,
    REFERENCE_TAIL,
    SCORES,
    SHIFT,
    SHIFT_COLUMNS,
    TASKS,
    TYPED,
)


def template_bytes(result: ProcedureResults) -> bytes:
    """The result as a template book that import_results reads back to an equal result."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _info(workbook.create_sheet(INFO), result)
    _marks(workbook.create_sheet(MARKS), result)
    groups = result.groups
    score_keys = _score_keys(result)
    if any(g.scores is not None for g in groups):
        _grid(workbook.create_sheet(SCORES), [GROUP, *score_keys],
              [[g.group, *(g.scores.get(s, 0) for s in score_keys)] for g in groups if g.scores is not None])
    if any(g.shift is not None for g in groups):
        _grid(workbook.create_sheet(SHIFT), [GROUP, *(label for _, label in SHIFT_COLUMNS)],
              [[g.group, g.shift.lowered, g.shift.confirmed, g.shift.raised] for g in groups if g.shift is not None])
    if any(g.journal_marks is not None for g in groups):
        _grid(workbook.create_sheet(JOURNAL_MARKS), [GROUP, JOURNAL, *result.mark_set],
              _cross_rows(groups, "journal_marks", result.mark_set))
    if any(g.journal_scores is not None for g in groups):
        _grid(workbook.create_sheet(JOURNAL_SCORES), [GROUP, JOURNAL, *score_keys],
              _cross_rows(groups, "journal_scores", score_keys))
    _tasks(workbook, result)
    if result.reference:
        _reference(workbook.create_sheet(REFERENCE), result)
    workbook.properties.title = result.display_title
    workbook.properties.creator = "Око"
    workbook.properties.created = workbook.properties.modified = spreadsheet.FIXED_TIME
    raw = io.BytesIO()
    workbook.save(raw)
    return spreadsheet._normalised_zip(raw.getvalue())


def blank_template_bytes(kind: str, subject: str, date: str, grade: int, classes: list[str],
                         max_score: int | None = None) -> bytes:
    """A template to fill in: the work's fields, and a row of zeros per class on «Отметки» (and «Баллы»)."""
    groups = [{"group": name, "participants": 0, "marks": {},
               **({"scores": {}} if max_score is not None else {})} for name in classes]
    result = ProcedureResults.model_validate({"kind": kind, "subject": subject, "date": date, "grade": grade,
                                              "max_score": max_score, "groups": groups})
    return template_bytes(result)


def _score_keys(result: ProcedureResults) -> list[int]:
    if result.max_score is not None:
        return list(range(result.max_score + 1))
    keys = {s for g in result.groups for s in (g.scores or {})}
    keys |= {s for g in result.groups for row in (g.journal_scores or {}).values() for s in row}
    return list(range(max(keys, default=0) + 1))


def _pairs(mapping: dict) -> str:
    return "; ".join(f"{k}: {v}" for k, v in mapping.items())


def _info(sheet: Worksheet, result: ProcedureResults) -> None:
    values = {
        "procedure": result.procedure, "kind": result.kind.label, "subject": result.subject, "date": result.date,
        "grade": result.grade, "title": result.title, "mark_set": ", ".join(map(str, result.mark_set)),
        "pass_mark": result.pass_mark, "quality_mark": result.quality_mark, "max_score": result.max_score,
        "boundaries": _pairs(result.boundaries) if result.boundaries else None,
        "tasks": _pairs({t.id: t.max_score for t in result.tasks}) if result.tasks else None,
    }
    rows = [[label, values[key]] for key, label in INFO_FIELDS if values[key] is not None]
    _grid(sheet, ["Поле", "Значение"], rows, widths=(30, 40))


def _marks(sheet: Worksheet, result: ProcedureResults) -> None:
    typed = [(key, label) for key, label in TYPED if any(getattr(g, key) is not None for g in result.groups)]
    rows = [[g.group, g.participants, *(g.marks.get(m, 0) for m in result.mark_set),
             *(getattr(g, key) for key, _ in typed)] for g in result.groups]
    _grid(sheet, [GROUP, PARTICIPANTS, *result.mark_set, *(label for _, label in typed)], rows)


def _cross_rows(groups: list[GroupResult], field: str, keys: list[int]) -> list[list[object]]:
    rows = []
    for group in groups:
        for journal, row in sorted((getattr(group, field) or {}).items()):
            rows.append([group.group, journal, *(row.get(k, 0) for k in keys)])
    return rows


def _tasks(workbook: Workbook, result: ProcedureResults) -> None:
    owners = [(g.group, g.tasks) for g in result.groups if g.tasks is not None]
    owners += [(r.level.label, r.tasks) for r in result.reference if r.tasks is not None]
    if not owners:
        return
    keys = [t.id for t in result.tasks] if result.tasks else sorted({k for _, tasks in owners for k in tasks})
    rows = [[name, *(tasks.get(k) for k in keys)] for name, tasks in owners]
    _grid(workbook.create_sheet(TASKS), [GROUP, *keys], rows)


def _reference(sheet: Worksheet, result: ProcedureResults) -> None:
    rows = []
    for ref in result.reference:
        shift = ref.shift or {}
        tail = [ref.mean_score, ref.score_sd, *(shift.get(key) for key, _ in SHIFT_COLUMNS)]
        rows.append([ref.level.label, ref.name, ref.participants,
                     *((ref.shares or {}).get(m) for m in result.mark_set), *tail])
    _grid(sheet, [*REFERENCE_COLUMNS, *result.mark_set, *(label for _, label in REFERENCE_TAIL)], rows)


def _grid(sheet: Worksheet, header: list[object], rows: list[list[object]],
          widths: tuple[int, ...] = (14,)) -> None:
    """A header row in bold and the rows; texts as typed strings, never formulas."""
    for values in [header, *rows]:
        sheet.append([spreadsheet._xlsx_value(v) for v in values])
    for number in range(1, len(rows) + 2):
        for column in range(1, len(header) + 1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(cell.value, str):
                spreadsheet._as_text(cell)
            elif cell.value is not None and hasattr(cell.value, "year"):
                cell.number_format = "DD.MM.YYYY"
            if number == 1:
                cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.freeze_panes = "B2"
