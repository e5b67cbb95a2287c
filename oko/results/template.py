"""The results template: an XLSX book, one sheet per table, read back into a ProcedureResults and written from one.

The ФИС ОКО analytic reports («Статистика по отметкам», «Сравнение отметок с отметками по журналу»,
«Выполнение заданий») have no published column layout, and they give shares, not the counts Око keeps; so the
template is Око's own, with the reports' captions where they exist («Кол-во участников», «Понизили» …).
Sheets (names as below; only «Работа» and «Отметки» are required; an empty cell in a count table is 0):
- «Работа»: a label in column A, its value in B — Процедура в графике, Вид работы, Предмет, Дата, Параллель,
  Название, Отметки («2, 3, 4, 5»), Успевает от, Качество от, Максимальный балл, Шкала перевода
  («3: 6; 4: 10; 5: 15»), Задания («1: 1; 2: 2»: номер и максимальный балл);
- «Отметки»: Класс | Кол-во участников | one column per mark | optionally Успеваемость, % | Качество знаний, % |
  Средняя отметка | Средний балл (typed figures, checked against the counts);
- «Баллы»: Класс | one column per primary score 0, 1, … (counts);
- «Журнал»: Класс | Понизили | Подтвердили | Повысили (counts);
- «Журнал и отметки», «Журнал и баллы»: Класс | Отметка по журналу | one column per mark (per score);
- «Задания»: Класс (or a level: муниципалитет, регион, Россия) | one column per task (% of completion);
- «Сравнение»: Уровень | Название | Кол-во участников | one column per mark (%) | Средний балл | Ст. отклонение |
  Понизили, % | Подтвердили, % | Повысили, %.
Reading goes through oko/spreadsheets (bounded, read-only openpyxl); every bad cell is reported by address.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from oko.errors import Issue
from oko.results import consistency
from oko.results.model import ProcedureResults, ReferenceLevel
from oko.source_doc import DataPath
from oko.spreadsheets import ReadError, Sheet, cell_address, read_sheets

INFO, MARKS, SCORES, SHIFT = "Работа", "Отметки", "Баллы", "Журнал"
JOURNAL_MARKS, JOURNAL_SCORES, TASKS, REFERENCE = "Журнал и отметки", "Журнал и баллы", "Задания", "Сравнение"
SHEETS = (INFO, MARKS, SCORES, SHIFT, JOURNAL_MARKS, JOURNAL_SCORES, TASKS, REFERENCE)
INFO_FIELDS = (("procedure", "Процедура в графике"), ("kind", "Вид работы"), ("subject", "Предмет"),
               ("date", "Дата"), ("grade", "Параллель"), ("title", "Название"), ("mark_set", "Отметки"),
               ("pass_mark", "Успевает от"), ("quality_mark", "Качество от"), ("max_score", "Максимальный балл"),
               ("boundaries", "Шкала перевода"), ("tasks", "Задания"))
GROUP, PARTICIPANTS, JOURNAL = "Класс", "Кол-во участников", "Отметка по журналу"
TYPED = (("success", "Успеваемость, %"), ("quality", "Качество знаний, %"), ("mean_mark", "Средняя отметка"),
         ("mean_score", "Средний балл"))
SHIFT_COLUMNS = (("lowered", "Понизили"), ("confirmed", "Подтвердили"), ("raised", "Повысили"))
REFERENCE_COLUMNS = ("Уровень", "Название", PARTICIPANTS)
REFERENCE_TAIL = (("mean_score", "Средний балл"), ("score_sd", "Ст. отклонение"),
                  *((key, f"{label}, %") for key, label in SHIFT_COLUMNS))
Where = tuple[str, int, int]  # sheet, 0-based row and column


def _fold(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split()) if value is not None else ""


class _Reader:
    """Builds the data of a ProcedureResults from the sheets, remembering the cell of every value."""

    def __init__(self, sheets: list[Sheet], shown: str):
        self.sheets = {_fold(sheet.name): sheet for sheet in sheets}
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
        return self.sheets.get(_fold(name))

    def number(self, value: Any, at: Where, whole: bool = True) -> int | float | None:
        """A cell as a number: a count (whole, ≥ 0) or a percent; None and a problem when it is not one."""
        if isinstance(value, bool | dt.date | dt.datetime):
            parsed = None
        elif isinstance(value, int | float):
            parsed = value
        else:
            try:
                parsed = float(_text(value).replace(",", ".").replace(" ", ""))
            except ValueError:
                parsed = None
        if parsed is None or parsed < 0 or (whole and not float(parsed).is_integer()):
            what = "целое неотрицательное число (количество участников)" if whole else "неотрицательное число"
            self.problem(at, f"не понято значение «{_text(value)}»: ожидается {what}")
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
        labels = {_fold(label): key for key, label in INFO_FIELDS}
        for index, row in enumerate(sheet.rows):
            key = labels.get(_fold(row[0] if row else None))
            value = row[1] if len(row) > 1 else None
            if key is None or _text(value) == "":
                continue
            self.where[(key,)] = (sheet.name, index, 1)
            self.data[key] = self._info_value(key, value, (sheet.name, index, 1))

    def _info_value(self, key: str, value: Any, at: Where) -> Any:
        text = _text(value)
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
            if row and _fold(row[0]) in (_fold(GROUP), _fold("Уровень")):
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
            if not any(_text(v) for v in row):
                continue
            yield sheet, header, index, row

    def _group(self, name: Any, at: Where, create: bool) -> int | None:
        key = _fold(name).upper().replace(" ", "")
        if key not in self.groups:
            if not create:
                self.problem(at, f"класса «{_text(name)}» нет на листе «{MARKS}»", "сначала впишите класс туда")
                return None
            self.groups[key] = len(self.data["groups"])
            self.data["groups"].append({"group": _text(name)})
            self.where[("groups", self.groups[key])] = at
            self.where[("groups", self.groups[key], "group")] = at
        return self.groups[key]

    def _columns(self, sheet: Sheet, header: list[Any], start: int, fixed: dict[str, str]) -> dict[int, Any]:
        """Column index → an int key (mark, score) or a fixed field, by the header row."""
        columns: dict[int, Any] = {}
        by_label = {_fold(label): key for key, label in fixed.items()}
        for column, value in enumerate(header[start:], start=start):
            if _text(value) == "":
                continue
            if _fold(value) in by_label:
                columns[column] = by_label[_fold(value)]
            elif _text(value).isdigit():
                columns[column] = int(_text(value))
            else:
                self.problem((sheet.name, 0, column), f"не понят заголовок «{_text(value)}»")
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
                if _text(value) == "" and isinstance(key, str):
                    continue
                number = self.number(value if _text(value) else 0, at, whole=key not in dict(TYPED))
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
                number = self.number(row[column] if column < len(row) and _text(row[column]) else 0, at)
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
                number = self.number(row[column] if column < len(row) and _text(row[column]) else 0, at)
                if number is not None:
                    table[key] = number
                    self.where[("groups", group, field, journal, key)] = at

    def _level(self, value: Any) -> ReferenceLevel | None:
        for level in ReferenceLevel:
            if _fold(value) in (level.value, level.label.casefold()):
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
            columns = {column: _text(value) for column, value in enumerate(header[1:], start=1) if _text(value)}
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
                if _text(value) == "":
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
                self.problem((sheet.name, index, 0), f"не понят уровень «{_text(row[0])}»",
                             "муниципалитет, регион или Россия")
                continue
            item_index = self._reference_index(level, (sheet.name, index, 0))
            item = self.data["reference"][item_index]
            if len(row) > 1 and _text(row[1]):
                item["name"] = _text(row[1])
            for column, key in self._columns(sheet, header, 2, {"participants": PARTICIPANTS} | tail).items():
                value = row[column] if column < len(row) else None
                if _text(value) == "":
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


def import_results(path: Path) -> tuple[ProcedureResults | None, list[Issue]]:
    """The results in a template book, or every problem found, each at its cell."""
    shown = path.name
    if path.suffix.lower() != ".xlsx":
        return None, [Issue("error", shown, "шаблон результатов — книга Excel (.xlsx)",
                            hint="сохраните файл как «Книга Excel (.xlsx)»")]
    try:
        sheets = read_sheets(path, lambda rows: 0)
    except ReadError as exc:
        return None, [Issue("error", shown, exc.message, line=exc.line, column=exc.column, hint=exc.hint)]
    reader = _Reader(sheets, shown)
    reader.read()
    if reader.issues:
        return None, reader.issues
    try:
        result = ProcedureResults.model_validate(reader.data)
    except ValidationError as exc:
        return None, [reader.located(_path(error["loc"]), _message(error)) for error in exc.errors(include_url=False)]
    found = consistency.problems(result)
    issues = [reader.located(p.path, p.message, p.hint, p.level) for p in found]
    return (None if any(i.is_error for i in issues) else result), issues


def _path(loc: tuple[Any, ...]) -> DataPath:
    return tuple(part for part in loc if not isinstance(part, str) or not part.startswith(("function-", "int")))


def _message(error: Any) -> str:
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        labels = dict(INFO_FIELDS)
        return f"не заполнено «{labels.get(str(error['loc'][0]), field)}»"
    return f"не понято значение «{_text(error.get('input'))}» ({field}): {error['msg']}"
