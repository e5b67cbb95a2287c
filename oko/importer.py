"""`build.py import-schedule FILE`: a spreadsheet (XLSX or CSV) → procedures in the YAML format.

Two common layouts are understood:
- one row per procedure, with a header row naming the columns (Дата, Класс, Предмет, Вид работы …;
  the files Око itself publishes are of this kind, so they import back unchanged);
- a grid: a row per class and subject (columns «Класс», «Предмет», optionally «Вид работы») and the
  dates of that subject's procedures in the remaining cells («14.10», «14.10.2025», or day numbers
  under a month heading).
Every cell that cannot be understood is reported with its sheet and address («Лист1!C5»). Reading the
file itself, within fixed limits whatever it claims, is oko/spreadsheets.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from oko import spreadsheets
from oko.errors import Issue
from oko.kinds.schedule.model import Procedure, ProcedureKind
from oko.kinds.schedule.shape import shape_problems
from oko.kinds.schedule.window_text import looks_like_window, parse_window
from oko.kinds.schedule.yaml_out import procedure_item, procedures_yaml  # noqa: F401  (build.py import-schedule)
from oko.models.common import AcademicYear
from oko.ru import MONTHS_NOMINATIVE
from oko.spreadsheets import ReadError, Sheet, read_sheets

# Header words → Procedure fields (lower-case prefixes, first match wins).
COLUMN_NAMES = (
    ("date", ("дата",)),
    ("window", ("сроки проведения", "срок проведения", "период проведения", "сроки", "срок")),
    ("classes", ("класс",)),
    ("subject_later", ("предмет определяется позже", "предмет по выбору", "выбор предмета")),
    ("choices", ("предметы на выбор", "из предметов")),
    ("subject", ("предмет", "учебный предмет")),
    ("kind", ("вид", "форма контроля", "тип")),
    ("level", ("уровень",)),
    ("duration", ("продолжительность", "длительность")),
    ("lesson", ("урок", "№ урока", "номер урока")),
    ("form", ("форма",)),
    ("note", ("примечание", "комментарий")),
)


def cell_address(row: int, column: int) -> str:
    """0-based row and column → «C5»."""
    return spreadsheets.cell_address(row + 1, column + 1)


def import_schedule(path: Path, year: AcademicYear | None = None) -> tuple[list[Procedure], list[Issue]]:
    """Procedures found in the file, and an Issue for every cell that could not be read."""
    procedures: list[Procedure] = []
    issues: list[Issue] = []
    shown = path.name
    try:
        sheets = read_sheets(path, _header_score)
    except ReadError as exc:
        return [], [Issue("error", shown, exc.message, line=exc.line, column=exc.column, hint=exc.hint)]
    for sheet in sheets:
        header_row, columns = _find_header(sheet)
        if header_row is None:
            continue
        if "date" in columns:
            found, problems = _read_rows(sheet, header_row, columns, shown, year)
        else:
            found, problems = _read_grid(sheet, header_row, columns, shown, year)
        procedures += found
        issues += problems
    if not procedures and not issues:
        issues.append(Issue("error", shown, "не найдена строка заголовков с колонками «Класс» и «Предмет»",
                            hint="заголовки: Дата, Класс, Предмет, Вид работы … — или Класс, Предмет и даты"))
    return procedures, issues


def _header_score(rows: list[list[Any]]) -> int:
    """How many columns the header row found among these rows names (0: no header)."""
    return len(_find_header(Sheet("", rows))[1])


def _find_header(sheet: Sheet) -> tuple[int | None, dict[str, int]]:
    for index, row in enumerate(sheet.rows[:20]):
        columns: dict[str, int] = {}
        for column, value in enumerate(row):
            name = _column_name(value)
            if name and name not in columns:
                columns[name] = column
        if "classes" in columns and "subject" in columns:
            return index, columns
    return None, {}


def _column_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.lower().split())
    for name, prefixes in COLUMN_NAMES:
        if any(text.startswith(prefix) for prefix in prefixes):
            return name
    return None


def _problem(shown: str, sheet: Sheet, row: int, column: int, message: str, hint: str = "") -> Issue:
    return Issue("error", shown, f"лист «{sheet.name}», ячейка {cell_address(row, column)}: {message}",
                 line=row + 1, column=column + 1, hint=hint)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _date_text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    return _text(value)


def _read_rows(
    sheet: Sheet, header: int, columns: dict[str, int], shown: str, year: AcademicYear | None = None
) -> tuple[list[Procedure], list[Issue]]:
    procedures, issues = [], []
    for index in range(header + 1, len(sheet.rows)):
        row = sheet.rows[index]
        values = {name: (row[column] if column < len(row) else None) for name, column in columns.items()}
        if all(_text(value) == "" for value in values.values()):
            continue
        data, where, problems = _row_data(values, columns, year)
        issues += [_problem(shown, sheet, index, column, message, hint) for column, message, hint in problems]
        if problems:
            continue
        procedure, problems = _validated(data, sheet, index, where, shown)
        issues += problems
        if procedure:
            procedures.append(procedure)
    return procedures, issues


def _row_data(values: dict[str, Any], columns: dict[str, int], year: AcademicYear | None
              ) -> tuple[dict[str, Any], dict[str, int], list[tuple[int, str, str]]]:
    """A row's cells → the fields of a Procedure, the column each field came from, and cells not understood."""
    where = dict(columns)
    problems: list[tuple[int, str, str]] = []
    if isinstance(values.get("classes"), dt.date):
        # Excel turns «5-9» typed into a cell into 9 May: the range is lost, so say so instead of guessing.
        problems.append((columns["classes"], f"в ячейке классов дата «{_date_text(values['classes'])}» — похоже, "
                         "Excel превратил диапазон классов (например, 5-9) в дату",
                         "сделайте ячейку текстовой (Формат ячеек → Текстовый) и введите классы заново"))
    data = {name: (_date_text(value) if name == "date" else _text(value)) for name, value in values.items()}
    data = {name: value for name, value in data.items() if value != "" or name == "kind"}
    if "kind" not in columns:
        data["kind"] = ProcedureKind.CONTROL.label  # a table without the column lists control works
    window_text = data.pop("window", "")
    if not window_text and looks_like_window(data.get("date", "")):
        window_text, where["window"] = data["date"], columns["date"]
    if window_text:
        window = parse_window(window_text, year)
        if window is None:
            problems.append((where["window"], f"не понят срок проведения «{window_text}»",
                             "срок пишется как 11.04.2026–15.04.2026 или «с 11 по 15 апреля 2026»"))
        else:
            data["window"] = {"start": window[0].strftime("%d.%m.%Y"), "end": window[1].strftime("%d.%m.%Y")}
            if data.get("date") == window_text:
                del data["date"]  # the window stands in the date column: no day chosen yet
    _subjects(data)
    return data, where, problems


def _subjects(data: dict[str, Any]) -> None:
    """«Русский язык, Математика» is a complex work; a «Предмет определяется позже» cell, a later subject."""
    label, choices = data.pop("subject_later", ""), data.pop("choices", "")
    if label:
        data["subject_later"] = {"label": label, "choices": [c.strip() for c in choices.split(",") if c.strip()]}
        if data.get("subject") == label:
            del data["subject"]  # not assigned yet: the subject column repeats the label
    subjects = [part.strip() for part in data.get("subject", "").split(",") if part.strip()]
    if len(subjects) > 1:
        data["subjects"] = subjects
        del data["subject"]


def _validated(data: dict[str, Any], sheet: Sheet, row: int, columns: dict[str, int],
               shown: str) -> tuple[Procedure | None, list[Issue]]:
    try:
        procedure = Procedure.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else "date"
            column = columns.get(field, columns.get("subject", 0) if field == "subjects" else 0)
            value = data.get(field, "")
            if error["type"] in ("oko_classes", "oko_window"):  # the model's own Russian message names the fault
                message = f"{error['msg']} ({_FIELD_NAMES.get(field, field)})"
            else:
                message = f"не понято значение «{_shown(value)}»" if value != "" else "пустая ячейка"
                message = f"{message} ({_FIELD_NAMES.get(field, field)})"
            problems.append(_problem(shown, sheet, row, column, message, hint=_FIELD_HINTS.get(field, "")))
        if "subject" in columns and not {"subject", "subjects", "subject_later"} & set(data):
            problems.append(_problem(shown, sheet, row, columns["subject"], "пустая ячейка (предмет)"))
        return None, sorted(problems, key=lambda issue: issue.column or 0)
    problems = [_problem(shown, sheet, row, columns.get(name, columns.get("subject", 0)), message, hint)
                for name, message, hint in shape_problems(procedure)]
    return (None if problems else procedure), problems


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return value.get("start", "") + "–" + value.get("end", "")
    return ", ".join(value) if isinstance(value, list) else str(value)


_FIELD_NAMES = {"date": "дата", "window": "срок проведения", "subjects": "предметы", "classes": "класс",
                "subject_later": "предмет определяется позже", "subject": "предмет", "kind": "вид работы",
                "level": "уровень",
                "duration": "продолжительность", "lesson": "урок", "form": "форма", "note": "примечание"}
_FIELD_HINTS = {
    "date": "дата пишется как 14.10.2025",
    "classes": "класс пишется как 5А, несколько — через запятую, параллели — 5 или 5-9",
    "kind": "например: контрольная работа, диктант, ВПР, диагностическая работа",
    "level": "федеральный, региональный или школьный",
    "duration": "минуты (45) или уроки («2 урока»)",
    "lesson": "номер урока — число от 1 до 12",
}


def _read_grid(sheet: Sheet, header: int, columns: dict[str, int], shown: str,
               year: AcademicYear | None) -> tuple[list[Procedure], list[Issue]]:
    """Rows of class × subject; the other cells hold dates (months may come from the header)."""
    procedures, issues = [], []
    fixed = set(columns.values())
    months = {column: _month_of(value) for column, value in enumerate(sheet.rows[header])}
    for index in range(header + 1, len(sheet.rows)):
        row = sheet.rows[index]
        cls = _text(row[columns["classes"]]) if columns["classes"] < len(row) else ""
        subject = _text(row[columns["subject"]]) if columns["subject"] < len(row) else ""
        kind = _text(row[columns["kind"]]) if "kind" in columns and columns["kind"] < len(row) else ""
        if not cls and not subject:
            continue
        for column, value in enumerate(row):
            if column in fixed or _text(value) == "":
                continue
            dates, bad = _grid_dates(value, months.get(column), year)
            if bad:
                issues.append(_problem(shown, sheet, index, column, f"не понята дата «{_text(value)}»",
                                       hint="в ячейке — даты через запятую: 14.10 или 14.10.2025; "
                                            "под названием месяца — числа: 14, 28"))
                continue
            for day in dates:
                data = {"date": day.strftime("%d.%m.%Y"), "classes": cls, "subject": subject,
                        "kind": kind or ProcedureKind.CONTROL.label}
                procedure, problems = _validated(data, sheet, index, columns, shown)
                issues += problems
                if procedure:
                    procedures.append(procedure)
    return procedures, issues


def _month_of(value: Any) -> int | None:
    text = _text(value).lower()
    for number, name in enumerate(MONTHS_NOMINATIVE, start=1):
        if text.startswith(name[:3]):
            return number
    return None


def _grid_dates(value: Any, month: int | None, year: AcademicYear | None) -> tuple[list[dt.date], bool]:
    """A grid cell → dates; (dates, True) when some part is not a date."""
    if isinstance(value, dt.datetime | dt.date):
        return [value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else value.date()], False
    dates = []
    for part in re.split(r"[,;\s]+", _text(value)):
        if not part:
            continue
        match = re.fullmatch(r"(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{2,4}))?)?", part)
        if not match:
            return [], True
        day, part_month, part_year = match.groups()
        number = int(part_month) if part_month else month
        if number is None:
            return [], True
        if part_year:
            calendar_year = int(part_year) + (2000 if len(part_year) == 2 else 0)
        elif year is not None:
            calendar_year = year.year_of_month(number)
        else:
            return [], True
        try:
            dates.append(dt.date(calendar_year, number, int(day)))
        except ValueError:
            return [], True
    return dates, False
