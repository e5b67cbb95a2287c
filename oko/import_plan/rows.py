"""Rows of the plan table(s) → sections and items; every cell that finds no place is an Issue located by
«таблица N, строка R, столбец C» (rows and columns counted from 1, as a person counts them in Word).

A row is a section when one cell spans the activity column and its neighbours (a «1. Работа с педагогами»
row merged across the table), or, in a table numbered 1.1, 1.2 …, when a single-level number stands
beside an activity and nothing else. A «Задачи» column groups the rows under its (usually merged) cell;
a paragraph between two tables heads the rows of the second. Every other row is an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from oko.errors import Issue
from oko.import_plan.columns import (
    ACTIVITY,
    DEADLINE,
    FIELD_NAMES,
    GROUP,
    ITEM_NUMBER,
    KNOWN_HEADERS,
    NOTE,
    NUMBER,
    RESPONSIBLE,
    RESULT,
    STATUS,
    Header,
    section_title,
)
from oko.import_plan.document import Cell, Table
from oko.import_plan.responsible import parse_responsible
from oko.kinds.plans.model import ITEM_NUMBER as OWN_NUMBER
from oko.kinds.plans.model import ItemStatus, PlanItem
from oko.models.deadline import DEADLINE_HINT, DeadlineKind

STATUS_WORDS = {"выполнено": ItemStatus.DONE, "исполнено": ItemStatus.DONE, "да": ItemStatus.DONE,
                "+": ItemStatus.DONE, "✓": ItemStatus.DONE, "✔": ItemStatus.DONE,
                "выполняется": ItemStatus.IN_PROGRESS, "в работе": ItemStatus.IN_PROGRESS,
                "в процессе": ItemStatus.IN_PROGRESS, "запланировано": ItemStatus.PLANNED}
_SINGLE_NUMBER = re.compile(r"\d+\.?")
_SUB_NUMBER = re.compile(r"\d+\.\d+.*")


@dataclass
class Section:
    title: str
    where: str
    items: list[dict[str, Any]] = field(default_factory=list)


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"«{text if len(text) <= limit else text[:limit - 1] + '…'}»"


class PlanRows:
    """Reads plan tables one after another into one list of sections (or of items)."""

    def __init__(self, shown: str):
        self.shown = shown
        self.sections: list[Section] = []
        self.loose: list[tuple[dict[str, Any], str]] = []  # items outside any section, with their row
        self.issues: list[Issue] = []
        self.grouping = ""
        self.current: Section | None = None

    def read(self, table: Table, header: Header, first_row: int, heading: str = "") -> None:
        if heading:
            self._start(section_title(heading), f"таблица {table.number} (заголовок над ней)")
        self.grouping = self.grouping or header.grouping
        sub_numbered = any(_SUB_NUMBER.fullmatch(cell.text) for row in table.rows[first_row:] for cell in row
                           if header.field_at(cell.column) == NUMBER)
        for index in range(first_row, len(table.rows)):
            self._row(table, header, index, sub_numbered)

    def no_header(self, table: Table, hint: str) -> None:
        self._error(f"таблица {table.number}", "не найдена строка заголовков с названиями столбцов плана — "
                                               "таблица не перенесена", hint)

    def result(self) -> dict[str, Any]:
        """{grouping, sections} or {items}; an error for a section without items or an item outside them."""
        if not self.sections:
            return {"items": [item for item, _ in self.loose]}
        for _, where in self.loose:
            self._error(where, "мероприятие стоит выше первого раздела и не относится ни к одному из них",
                        "перенесите строку в раздел или добавьте над ней строку раздела")
        for section in self.sections:
            if not section.items:
                self._error(section.where, f"в разделе {quoted(section.title)} нет мероприятий",
                            "удалите строку раздела или добавьте под неё мероприятия")
        return {"grouping": self.grouping,
                "sections": [{"title": s.title, "items": s.items} for s in self.sections if s.items]}

    # ------------------------------------------------------------ rows

    def _start(self, title: str, where: str) -> None:
        self.current = Section(title, where)
        self.sections.append(self.current)

    def _row(self, table: Table, header: Header, index: int, sub_numbered: bool) -> None:
        row_where = f"таблица {table.number}, строка {index + 1}"
        title = _section_title(table.rows[index], header, sub_numbered)
        if title is not None:
            self._start(title, row_where)
            return
        values: dict[str, Cell] = {}
        for cell in table.rows[index]:
            if cell.lines and self._placed(cell, header, row_where):
                name = header.field_at(cell.column)
                assert name is not None
                values[name] = cell if name not in values else _joined(values[name], cell)
        if not any(not cell.continued for name, cell in values.items() if name != NUMBER):
            return  # an empty row, or only a number, or only what merged cells carry down
        if GROUP in values:
            task = " ".join(values[GROUP].lines)
            if self.current is None or self.current.title != task:
                self._start(task, _where(row_where, values[GROUP].column, header))
        self._item(values, header, row_where)

    def _placed(self, cell: Cell, header: Header, row_where: str) -> bool:
        """Whether the cell has a field to go to; if not, an error that says why (once per merged cell)."""
        if cell.continued:
            return header.field_at(cell.column) is not None and cell.column < header.width
        where = _where(row_where, cell.column, header)
        if cell.column >= header.width:
            self._error(where, f"ячейка за пределами столбцов заголовка (в нём {header.width}): текст "
                               f"{quoted(cell.text)} некуда перенести",
                        "удалите лишнюю ячейку или перенесите её текст в нужный столбец")
            return False
        if cell.nested:
            self._error(where, "в ячейке вложенная таблица: перенос её не читает",
                        "замените вложенную таблицу текстом или строками основной таблицы")
        owner = header.owners.get(cell.column, cell.column)
        if owner in header.duplicates:
            other = header.duplicates[owner]
            self._error(where, f"столбец повторяет столбец {other + 1} {quoted(header.names[other])}: текст "
                               f"{quoted(cell.text)} не перенесён",
                        "объедините два столбца в один")
            return False
        if header.field_at(cell.column) is None:
            problem = "у столбца нет заголовка" if not header.names.get(owner) else "столбец не соответствует " \
                      "ни одному полю плана"
            self._error(where, f"{problem}: текст {quoted(cell.text)} не перенесён",
                        f"столбцы, которые понимает перенос: {KNOWN_HEADERS}")
            return False
        return True

    def _item(self, values: dict[str, Cell], header: Header, row_where: str) -> None:
        def where(name: str) -> str:
            column = values[name].column if name in values else header.column_of(name)
            return _where(row_where, column if column is not None else 0, header)

        if NUMBER in values and not ITEM_NUMBER.fullmatch(values[NUMBER].text):
            self._error(where(NUMBER), f"в столбце «№» не номер: {quoted(values[NUMBER].text)}",
                        "номер пишется как 1, 1.1 или 1.; текст перенесите в столбец мероприятия")
        if ACTIVITY not in values:
            self._error(where(ACTIVITY), "пустая ячейка: у мероприятия нет названия",
                        "впишите мероприятие или удалите строку")
            return
        item = _item_data(values)
        if STATUS in values and "status" not in item:
            self._error(where(STATUS), f"не понята отметка {quoted(values[STATUS].text)}",
                        "пишется «выполнено», «выполняется» или «запланировано»")
        try:
            model = PlanItem.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                name = str(error["loc"][0]) if error["loc"] else ACTIVITY
                hint = DEADLINE_HINT if name == DEADLINE else ""
                self._error(where(name), str(error["msg"]), hint)
            return
        if model.deadline is not None and model.deadline.kind == DeadlineKind.FREE:
            self._issue("warning", where(DEADLINE), f"срок «{model.deadline.text}» не распознан и будет "
                                                    "показан как есть", DEADLINE_HINT)
        if self.current is not None:
            self.current.items.append(item)
        else:  # a plain list keeps the numbers documents cite («п. 12»); sections often restart theirs
            if NUMBER in values and OWN_NUMBER.match(values[NUMBER].text):
                item = {"number": values[NUMBER].text, **item}
            self.loose.append((item, row_where))

    def _error(self, where: str, message: str, hint: str = "") -> None:
        self._issue("error", where, message, hint)

    def _issue(self, level: str, where: str, message: str, hint: str) -> None:
        self.issues.append(Issue(level, self.shown, f"{where}: {message}", hint=hint))  # type: ignore[arg-type]


def _where(row_where: str, column: int, header: Header) -> str:
    """«таблица 1, строка 4, столбец 3 «Сроки»»: the column with the header's own words."""
    owner = header.owners.get(column)
    name = header.names.get(owner, "") if owner is not None else ""
    return f"{row_where}, столбец {column + 1}" + (f" «{name}»" if name else "")


def _joined(first: Cell, second: Cell) -> Cell:
    """Two cells under one header cell (a header merged over two columns): their lines, in order."""
    return Cell(first.column, first.span + second.span, first.lines + second.lines, first.continued and
                second.continued)


def _section_title(row: tuple[Cell, ...], header: Header, sub_numbered: bool) -> str | None:
    own = [cell for cell in row if cell.lines and not cell.continued]
    rest = [cell for cell in own if header.field_at(cell.column) != NUMBER or cell.span > 1]
    activity = header.column_of(ACTIVITY)
    if len(rest) != 1 or activity is None:
        return None
    cell = rest[0]
    if cell.span > 1 and cell.column <= activity < cell.column + cell.span:
        return section_title(" ".join(cell.lines))
    numbers = [c for c in own if header.field_at(c.column) == NUMBER]
    if sub_numbered and header.field_at(cell.column) == ACTIVITY and numbers \
            and _SINGLE_NUMBER.fullmatch(numbers[0].text):
        return section_title(" ".join(cell.lines))
    return None


def _item_data(values: dict[str, Cell]) -> dict[str, Any]:
    """The item as the plan YAML writes it: texts as in the cells, the deadline on one line."""
    item: dict[str, Any] = {"activity": values[ACTIVITY].text}
    if DEADLINE in values:
        item["deadline"] = " ".join(values[DEADLINE].lines)
    if RESPONSIBLE in values:
        # A role as {position}, as plans write it: a form's list of {name, position} holds no bare text.
        item["responsible"] = [{"position": entry} if isinstance(entry, str) else entry
                               for entry in parse_responsible(values[RESPONSIBLE].lines)]
    for name in (RESULT, NOTE):
        if name in values:
            item[name] = values[name].text
    if STATUS in values:
        status = STATUS_WORDS.get(" ".join(values[STATUS].lines).lower().strip(" ."))
        if status is not None:
            item["status"] = status.value
    return item


__all__ = ["FIELD_NAMES", "PlanRows", "quoted"]
