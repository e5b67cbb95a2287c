"""A plan's table as a spreadsheet beside its page: /plans/<id>.xlsx (order 1493 п.24).

The rows are the page's rows: a heading row per section (as the page shows it), one row per item with
its own number when the document gives one («42», «3.1»), and a row per level of a measure written for
several levels.
"""

from __future__ import annotations

from oko.kinds.plans.model import Grouping, Plan, PlanItem, PlanLevel, PlanSection
from oko.models.common import Responsible
from oko.outputs.tables import workbook_bytes

PLAN_COLUMNS = ("№", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Статус", "Примечание")
PLAN_WIDTHS = (7, 60, 24, 36, 48, 14, 36)


def plan_rows(plan: Plan) -> list[list[object]]:
    """The rows of the spreadsheet under its header."""
    data: list[list[object]] = []
    for s_index, section in enumerate(plan.sections, start=1):
        data.append(["", section_heading(plan, section, s_index), "", "", "", "", ""])
        for i_index, item in enumerate(section.items, start=1):
            data += item_rows(item, f"{s_index}.{i_index}")
    for i_index, item in enumerate(plan.items, start=1):
        data += item_rows(item, str(i_index))
    return data


def section_heading(plan: Plan, section: PlanSection, number: int) -> str:
    """«Раздел 1. Нормативное обеспечение», or the heading alone: when sections are headings, or it is a year
    («2024 год» is a row of the table, not a numbered section)."""
    if plan.grouping == Grouping.HEADINGS or section.years is not None:
        return section.title
    return f"{plan.grouping.label} {number}. {section.title}"


def item_rows(item: PlanItem, counted: str) -> list[list[object]]:
    """An item's row (its own number, else the counted one), then one row per level."""
    rows: list[list[object]] = [[item.number or counted, item.activity, item.deadline.text if item.deadline else "",
                                 _people(item.people), item.result or "", item.status.label if item.status else "",
                                 item.note or ""]]
    return rows + [_level_row(level) for level in item.levels]


def _level_row(level: PlanLevel) -> list[object]:
    return ["", level.level.label, level.deadline.text if level.deadline else "", _people(level.people),
            level.result or "", "", level.note or ""]


def _people(people: list[Responsible]) -> str:
    return "; ".join(str(person) for person in people)


def plan_xlsx_bytes(plan: Plan) -> bytes:
    """A plan's items as a spreadsheet: the downloadable copy of the table on its page (1493 п.24)."""
    return workbook_bytes("План", PLAN_COLUMNS, PLAN_WIDTHS, plan_rows(plan), plan.title)
