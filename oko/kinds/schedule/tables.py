"""The schedule as downloadable tables: CSV (UTF-8 with BOM, «;» — opens in Russian Excel), XLSX, JSON.

Order 1493 п.24 wants text and table materials also as files that can be searched and copied:
these are those files. Cells are written through oko/outputs/tables.py: never a formula.
"""

from __future__ import annotations

import csv
import io
import json

from oko.kinds.schedule.assemble import Placed, YearSchedule
from oko.outputs.tables import csv_field, workbook_bytes

COLUMNS = ("Дата", "Классы", "Предмет", "Вид работы", "Уровень", "Продолжительность, мин", "Урок", "Форма",
           "Примечание")
WIDTHS = (12, 16, 28, 28, 14, 12, 8, 22, 40)


def rows(procedures: list[Placed]) -> list[list[object]]:
    """One row per procedure: the fields of COLUMNS, date as a date."""
    return [[p.procedure.date, ", ".join(p.classes), p.procedure.subject, p.procedure.kind.label,
             p.procedure.level.label if p.procedure.level else "", p.procedure.duration,
             p.procedure.lesson or "", p.procedure.form.label if p.procedure.form else "", p.procedure.note or ""]
            for p in procedures]


def csv_bytes(procedures: list[Placed]) -> bytes:
    out = io.StringIO()
    # QUOTE_NONNUMERIC: every text field in quotes (OWASP), the minutes and lesson numbers bare.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(COLUMNS)
    for row in rows(procedures):
        writer.writerow([row[0].strftime("%d.%m.%Y"), *map(csv_field, row[1:])])  # type: ignore[union-attr]
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
            {"date": p.procedure.date.isoformat(), "classes": list(p.classes), "subject": p.procedure.subject,
             "kind": p.procedure.kind.value, "kind_label": p.procedure.kind.label,
             "level": p.procedure.level.value if p.procedure.level else None,
             "duration_min": p.procedure.duration, "lesson": p.procedure.lesson,
             "form": p.procedure.form.value if p.procedure.form else None, "note": p.procedure.note}
            for p in schedule.procedures
        ],
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
