"""The schedule as downloadable tables: CSV (UTF-8 with BOM, «;» — opens in Russian Excel), XLSX, JSON.

Order 1493 п.24 wants text and table materials also as files that can be searched and copied:
these are those files. Cells are written through oko/outputs/tables.py: never a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from oko.kinds.schedule.assemble import Placed, YearSchedule
from oko.kinds.schedule.model import Procedure
from oko.outputs.tables import csv_field, workbook_bytes

COLUMNS = ("Дата", "Классы", "Предмет", "Вид работы", "Уровень", "Продолжительность, мин", "Урок", "Форма",
           "Примечание", "Сроки проведения", "Предмет определяется позже", "Предметы на выбор")
WIDTHS = (12, 16, 28, 28, 14, 12, 8, 22, 40, 24, 30, 40)


def _subject_cell(procedure: Procedure) -> str:
    """The subject(s) as written; the label of a subject not yet assigned («Предмет 1 (по выбору ФИС ОКО)»)."""
    if procedure.subjects:
        return ", ".join(procedure.subjects)
    return procedure.subject or (procedure.subject_later.label if procedure.subject_later else "")


def row(procedure: Procedure) -> list[object]:
    """One procedure as the cells of COLUMNS: a date as a date; a window without a day as its text."""
    later = procedure.subject_later
    when: object = procedure.date or (procedure.window.short if procedure.window else "")
    return [when, procedure.classes, _subject_cell(procedure), procedure.kind.label,
            procedure.level.label if procedure.level else "", procedure.duration, procedure.lesson or "",
            procedure.form.label if procedure.form else "", procedure.note or "",
            procedure.window.short if procedure.window else "", later.label if later else "",
            ", ".join(later.choices) if later else ""]


def rows(procedures: list[Placed]) -> list[list[object]]:
    return [row(placed.procedure) for placed in procedures]


def csv_bytes(procedures: list[Placed]) -> bytes:
    out = io.StringIO()
    # QUOTE_NONNUMERIC: every text field in quotes (OWASP), the minutes and lesson numbers bare.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(COLUMNS)
    for cells in rows(procedures):
        when = cells[0].strftime("%d.%m.%Y") if isinstance(cells[0], dt.date) else csv_field(cells[0])
        writer.writerow([when, *map(csv_field, cells[1:])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(procedures: list[Placed], title: str) -> bytes:
    return workbook_bytes("График", COLUMNS, WIDTHS, rows(procedures), title)


def json_bytes(schedule: YearSchedule) -> bytes:
    header = schedule.header
    payload = {
        "academic_year": schedule.year,
        "title": header.display_title,
        "approval": {"number": header.approval.number, "date": header.approval.date.isoformat()}
        if header.approval else None,
        "changes": [{"number": c.number, "date": c.date.isoformat(), "note": c.note} for c in header.changes],
        "classes": schedule.classes,
        "procedures": [
            {"date": p.procedure.date.isoformat() if p.procedure.date else None,
             "window": {"start": p.procedure.window.start.isoformat(), "end": p.procedure.window.end.isoformat()}
             if p.procedure.window else None,
             "classes": list(p.classes), "classes_text": p.procedure.classes, "subject": p.procedure.subject_text,
             "subjects": p.procedure.all_subjects,
             "subject_later": p.procedure.subject_later.model_dump() if p.procedure.subject_later else None,
             "kind": p.procedure.kind.value, "kind_label": p.procedure.kind.label,
             "level": p.procedure.level.value if p.procedure.level else None,
             "duration_min": p.procedure.duration, "lesson": p.procedure.lesson,
             "form": p.procedure.form.value if p.procedure.form else None, "note": p.procedure.note}
            for p in schedule.procedures
        ],
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
