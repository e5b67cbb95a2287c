"""A procedure's results as downloads: CSV (UTF-8 with BOM, «;»), XLSX and JSON — what its page shows, no more.

A hidden group is a row with its name and the reason, without a number (the suppression holds in every file).
Cells go through oko/outputs/tables.py: never a formula.
"""

from __future__ import annotations

import csv
import io
import json

from oko.kinds.results.figures_view import GroupView
from oko.kinds.results.views import ProcedureView
from oko.outputs.tables import csv_field, workbook_bytes


def columns(view: ProcedureView) -> tuple[str, ...]:
    marks = tuple(f"Отметка «{mark}»" for mark in view.result.mark_set)
    return ("Группа", "Участников", *marks, "Успеваемость, %", "Качество знаний, %", "Средняя отметка",
            "Средний первичный балл", "Примечание")


def _row(group: GroupView, view: ProcedureView) -> list[object]:
    if group.hidden or group.numbers is None:
        return [group.name, *[""] * (len(view.result.mark_set) + 5), group.hidden]
    n = group.numbers
    return [group.name, group.participants, *(count for _, count, _ in group.marks), n.success, n.quality,
            n.mean_mark, n.mean_score if n.mean_score is not None else "", ""]


def rows(view: ProcedureView) -> list[list[object]]:
    return [_row(group, view) for group in view.groups]


def csv_bytes(view: ProcedureView) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(columns(view))
    for row in rows(view):
        # Decimal comma, as Russian Excel reads it; counts stay bare numbers.
        writer.writerow([f"{value}".replace(".", ",") if isinstance(value, float) else csv_field(value)
                         for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(view: ProcedureView) -> bytes:
    widths = (28, 12, *(11 for _ in view.result.mark_set), 16, 18, 16, 22, 50)
    return workbook_bytes("Результаты", columns(view), widths, rows(view), view.result.display_title)


def json_bytes(view: ProcedureView) -> bytes:
    result = view.result
    groups = []
    for group in view.groups:
        if group.hidden or group.numbers is None:
            groups.append({"group": group.key, "published": False, "reason": group.hidden})
            continue
        n = group.numbers
        groups.append({"group": group.key, "published": True, "participants": group.participants,
                       "marks": {str(mark): count for mark, count, _ in group.marks},
                       "shares": {str(mark): share for mark, share in n.shares.items()},
                       "success": n.success, "quality": n.quality, "mean_mark": n.mean_mark,
                       "mean_score": n.mean_score})
    payload = {"title": result.display_title, "kind": result.kind.value, "kind_label": result.kind.label,
               "subject": result.subject, "date": result.date.isoformat(), "grade": result.grade,
               "academic_year": view.year, "mark_set": result.mark_set, "max_score": result.max_score,
               "min_group": view.min_group, "groups": groups}
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def result_files(views: list[ProcedureView]) -> dict[str, bytes]:
    files = {}
    for view in views:
        stem = view.download("")[1:-1]  # «results/2025-2026/vpr-matematika-5»
        files[f"{stem}.csv"] = csv_bytes(view)
        files[f"{stem}.xlsx"] = xlsx_bytes(view)
        files[f"{stem}.json"] = json_bytes(view)
    return files
