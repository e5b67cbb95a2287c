"""The reader of the results template's sheets: the data of a ProcedureResults, every value with its cell."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from oko.errors import Issue
from oko.results.model import ReferenceLevel
from oko.results.template_layout import (
    GROUP,
    INFO,
    INFO_FIELDS,
    JOURNAL_MARKS,
    JOURNAL_SCORES,
    MARKS,
    PARTICIPANTS,
    REFERENCE,
    REFERENCE_TAIL,
    SCORES,
    SHIFT,
    SHIFT_COLUMNS,
    TASKS,
    TYPED,
    Where,
    cell_text,
    fold,
)
from oko.source_doc import DataPath
from oko.spreadsheets import Sheet, cell_address


class Reader:
    """Builds the data of a ProcedureResults from the sheets, remembering the cell of every value."""

    def __init__(self, sheets: list[Sheet], shown: str):
        self.sheets = {fold(sheet.name): sheet for sheet in sheets}
        self.shown = shown
        self.data: dict[str, Any] = {"groups": [], "reference": []}
        self.where: dict[DataPath, Where] = {}
        self.issues: list[Issue] = []
        self.groups: dict[str, int] = {}

    def problem(self, at: Where, message: str, hint: str = "") -> None:
        sheet, row, column = at
        self.issues.append(Issue("error", self.shown, f"лист «{sheet}», ячейка {cell_address(row + 1, column + 1)}: "
                                 f"{message}", line=row + 1, column=column + 1, hint=hint))

    def sheet(self, name: str) -> Sheet | None:
        return self.sheets.get(fold(name))

    def number(self, value: Any, at: Where, whole: bool = True) -> int | float | None:
        """A cell as a number: a count (whole, ≥ 0) or a percent; None and a problem when it is not one."""
        if isinstance(value, bool | dt.date | dt.datetime):
            parsed = None
        elif isinstance(value, int | float):
            parsed = value
        else:
            try:
                parsed = float(cell_text(value).replace(",", ".").replace(" ", ""))
            except ValueError:
                parsed = None
        if parsed is None or parsed < 0 or (whole and not float(parsed).is_integer()):
            what = "целое неотрицательное число (количество участников)" if whole else "неотрицательное число"
            self.problem(at, f"не понято значение «{cell_text(value)}»: ожидается {what}")
            return None
        return int(parsed) if whole or (float(parsed).is_integer() and isinstance(parsed, int)) else float(parsed)

    def read(self) -> None:
        self._info()
        self._table(MARKS, "marks", participants=True)
        self._table(SCORES, "scores")
        self._shift()
        self._cross(JOURNAL_MARKS, "journal_marks")
        self._cross(JOURNAL_SCORES, "journal_scores")
        self._tasks()
        self._reference()

    def _info(self) -> None:
        sheet = self.sheet(INFO)
        if sheet is None:
            self.issues.append(Issue("error", self.shown, f"в книге нет листа «{INFO}»",
                                     hint="возьмите шаблон результатов Око: первый лист «Работа», второй «Отметки»"))
            return
        labels = {fold(label): key for key, label in INFO_FIELDS}
        for index, row in enumerate(sheet.rows):
            key = labels.get(fold(row[0] if row else None))
            value = row[1] if len(row) > 1 else None
            if key is None or cell_text(value) == "":
                continue
            self.where[(key,)] = (sheet.name, index, 1)
            self.data[key] = self._info_value(key, value, (sheet.name, index, 1))

    def _info_value(self, key: str, value: Any, at: Where) -> Any:
        text = cell_text(value)
        if key == "mark_set":
            return [int(part) if part.strip().isdigit() else part.strip() for part in re.split(r"[,;]", text)]
        if key in ("boundaries", "tasks"):
            pairs = [part.split(":") for part in text.split(";") if part.strip()]
            if any(len(pair) != 2 for pair in pairs):
                self.problem(at, f"не понято «{text}»", "пишите пары через «;»: 3: 6; 4: 10; 5: 15")
                return None
            if key == "tasks":
                return [{"id": a.strip(), "max_score": b.strip()} for a, b in pairs]
            return {a.strip(): b.strip() for a, b in pairs}
        return text

    def _header(self, sheet: Sheet) -> tuple[int, list[Any]] | None:
        for index, row in enumerate(sheet.rows[:20]):
            if row and fold(row[0]) in (fold(GROUP), fold("Уровень")):
                return index, row
        self.problem((sheet.name, 0, 0), f"не найдена строка заголовков, начинающаяся с «{GROUP}»")
        return None

    def _rows(self, name: str):
        """(row index, the group's index in data, row) for every filled row of a group table."""
        sheet = self.sheet(name)
        if sheet is None:
            return
        found = self._header(sheet)
        if found is None:
            return
        start, header = found
        for index in range(start + 1, len(sheet.rows)):
            row = sheet.rows[index]
            if not any(cell_text(v) for v in row):
                continue
            yield sheet, header, index, row

    def _group(self, name: Any, at: Where, create: bool) -> int | None:
        key = fold(name).upper().replace(" ", "")
        if key not in self.groups:
            if not create:
                self.problem(at, f"класса «{cell_text(name)}» нет на листе «{MARKS}»", "сначала впишите класс туда")
                return None
            self.groups[key] = len(self.data["groups"])
            self.data["groups"].append({"group": cell_text(name)})
            self.where[("groups", self.groups[key])] = at
            self.where[("groups", self.groups[key], "group")] = at
        return self.groups[key]

    def _columns(self, sheet: Sheet, header: list[Any], start: int, fixed: dict[str, str]) -> dict[int, Any]:
        """Column index → an int key (mark, score) or a fixed field, by the header row."""
        columns: dict[int, Any] = {}
        by_label = {fold(label): key for key, label in fixed.items()}
        for column, value in enumerate(header[start:], start=start):
            if cell_text(value) == "":
                continue
            if fold(value) in by_label:
                columns[column] = by_label[fold(value)]
            elif cell_text(value).isdigit():
                columns[column] = int(cell_text(value))
            else:
                self.problem((sheet.name, 0, column), f"не понят заголовок «{cell_text(value)}»")
        return columns

    def _table(self, name: str, field: str, participants: bool = False) -> None:
        sheet = self.sheet(name)
        if sheet is None and participants:
            self.issues.append(Issue("error", self.shown, f"в книге нет листа «{MARKS}»"))
        fixed = {"participants": PARTICIPANTS} | dict(TYPED) if participants else {}
        for sheet, header, index, row in self._rows(name):
            columns = self._columns(sheet, header, 1, fixed)
            group = self._group(row[0], (sheet.name, index, 0), create=participants)
            if group is None:
                continue
            target = self.data["groups"][group].setdefault(field, {})
            if not participants:
                self.where[("groups", group, field)] = (sheet.name, index, 0)
            for column, key in columns.items():
                value = row[column] if column < len(row) else None
                at = (sheet.name, index, column)
                path = ("groups", group, key) if isinstance(key, str) else ("groups", group, field, key)
                if cell_text(value) == "" and isinstance(key, str):
                    continue
                number = self.number(value if cell_text(value) else 0, at, whole=key not in dict(TYPED))
                if number is None:
                    continue
                self.where[path] = at
                if isinstance(key, str):
                    self.data["groups"][group][key] = number
                else:
                    target[key] = number

    def _shift(self) -> None:
        for sheet, header, index, row in self._rows(SHIFT):
            columns = self._columns(sheet, header, 1, dict(SHIFT_COLUMNS))
            group = self._group(row[0], (sheet.name, index, 0), create=False)
            if group is None:
                continue
            shift = self.data["groups"][group].setdefault("shift", {})
            self.where[("groups", group, "shift")] = (sheet.name, index, 0)
            for column, key in columns.items():
                at = (sheet.name, index, column)
                number = self.number(row[column] if column < len(row) and cell_text(row[column]) else 0, at)
                if number is not None:
                    shift[key] = number
                    self.where[("groups", group, "shift", key)] = at

    def _cross(self, name: str, field: str) -> None:
        for sheet, header, index, row in self._rows(name):
            columns = self._columns(sheet, header, 2, {})
            group = self._group(row[0], (sheet.name, index, 0), create=False)
            journal = self.number(row[1] if len(row) > 1 else None, (sheet.name, index, 1))
            if group is None or journal is None:
                continue
            table = self.data["groups"][group].setdefault(field, {}).setdefault(journal, {})
            self.where[("groups", group, field)] = (sheet.name, index, 0)
            for column, key in columns.items():
                at = (sheet.name, index, column)
                number = self.number(row[column] if column < len(row) and cell_text(row[column]) else 0, at)
                if number is not None:
                    table[key] = number
                    self.where[("groups", group, field, journal, key)] = at

    def _level(self, value: Any) -> ReferenceLevel | None:
        for level in ReferenceLevel:
            if fold(value) in (level.value, level.label.casefold()):
                return level
        return None

    def _reference_index(self, level: ReferenceLevel, at: Where) -> int:
        for index, item in enumerate(self.data["reference"]):
            if item["level"] == level.value:
                return index
        self.data["reference"].append({"level": level.value})
        self.where[("reference", len(self.data["reference"]) - 1)] = at
        return len(self.data["reference"]) - 1

    def _tasks(self) -> None:
        for sheet, header, index, row in self._rows(TASKS):
            columns = {column: cell_text(value) for column, value in enumerate(header[1:], start=1) if cell_text(value)}
            level = self._level(row[0])
            at0 = (sheet.name, index, 0)
            if level is not None:
                prefix: DataPath = ("reference", self._reference_index(level, at0))
                target = self.data["reference"][prefix[1]].setdefault("tasks", {})
            else:
                group = self._group(row[0], at0, create=False)
                if group is None:
                    continue
                prefix, target = ("groups", group), self.data["groups"][group].setdefault("tasks", {})
            for column, key in columns.items():
                value = row[column] if column < len(row) else None
                if cell_text(value) == "":
                    continue
                number = self.number(value, (sheet.name, index, column), whole=False)
                if number is not None:
                    target[key] = number
                    self.where[(*prefix, "tasks", key)] = (sheet.name, index, column)

    def _reference(self) -> None:
        tail = {key: label for key, label in REFERENCE_TAIL}
        for sheet, header, index, row in self._rows(REFERENCE):
            level = self._level(row[0])
            if level is None:
                self.problem((sheet.name, index, 0), f"не понят уровень «{cell_text(row[0])}»",
                             "муниципалитет, регион или Россия")
                continue
            item_index = self._reference_index(level, (sheet.name, index, 0))
            item = self.data["reference"][item_index]
            if len(row) > 1 and cell_text(row[1]):
                item["name"] = cell_text(row[1])
            for column, key in self._columns(sheet, header, 2, {"participants": PARTICIPANTS} | tail).items():
                value = row[column] if column < len(row) else None
                if cell_text(value) == "":
                    continue
                at = (sheet.name, index, column)
                number = self.number(value, at, whole=key == "participants")
                if number is None:
                    continue
                if key in dict(SHIFT_COLUMNS):
                    item.setdefault("shift", {})[key] = number
                    self.where[("reference", item_index, "shift", key)] = at
                elif isinstance(key, int):
                    item.setdefault("shares", {})[key] = number
                    self.where[("reference", item_index, "shares", key)] = at
                else:
                    item[key] = number
                    self.where[("reference", item_index, key)] = at

    def located(self, path: DataPath, message: str, hint: str = "", level: str = "error") -> Issue:
        for end in range(len(path), 0, -1):
            if path[:end] in self.where:
                sheet, row, column = self.where[path[:end]]
                return Issue(level, self.shown, f"лист «{sheet}», ячейка {cell_address(row + 1, column + 1)}: "
                             f"{message}", line=row + 1, column=column + 1, hint=hint)  # type: ignore[arg-type]
        return Issue(level, self.shown, message, hint=hint)  # type: ignore[arg-type]
