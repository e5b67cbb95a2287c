"""A plan's table as a spreadsheet beside its page: /plans/<id>.xlsx (order 1493 п.24)."""

from __future__ import annotations

from oko.kinds.plans.model import Plan
from oko.outputs.tables import workbook_bytes

PLAN_COLUMNS = ("№", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Статус")
PLAN_WIDTHS = (7, 60, 24, 36, 48, 14)


def plan_xlsx_bytes(plan: Plan) -> bytes:
    """A plan's items as a spreadsheet: the downloadable copy of the table on its page (1493 п.24)."""
    data: list[list[object]] = []
    numbered = [(f"{s + 1}.{i + 1}", item) for s, section in enumerate(plan.sections)
                for i, item in enumerate(section.items)] + [(str(i + 1), item) for i, item in enumerate(plan.items)]
    for number, item in numbered:
        data.append([number, item.activity, item.deadline.text if item.deadline else "",
                     "; ".join(str(person) for person in item.responsible), item.result or "",
                     item.status.label if item.status else ""])
    return workbook_bytes("План", PLAN_COLUMNS, PLAN_WIDTHS, data, plan.title)
