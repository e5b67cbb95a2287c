"""The header row of a plan table: which grid column holds which field of a plan item.

The names are those of the seed documents and their usual variants: «№ п/п», «Мероприятия»,
«Направления деятельности, мероприятия», «Содержание работы», «Сроки проведения», «Срок исполнения»,
«Ответственные», «Ответственный исполнитель, соисполнители», «Ожидаемый результат, примечания»,
«Задачи» (a column that groups the items), «Примечание», «Отметка о выполнении».
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from oko.import_plan.document import Cell, Table

NUMBER, GROUP, ACTIVITY = "number", "group", "activity"
DEADLINE, RESPONSIBLE, RESULT, NOTE, STATUS = "deadline", "responsible", "result", "note", "status"

# What each field is called in messages (the plan's own column words).
FIELD_NAMES = {NUMBER: "№", GROUP: "Задачи", ACTIVITY: "Мероприятия", DEADLINE: "Сроки",
               RESPONSIBLE: "Ответственные", RESULT: "Ожидаемый результат", NOTE: "Примечание",
               STATUS: "Отметка о выполнении"}
KNOWN_HEADERS = "№, Мероприятия, Сроки, Ответственные, Ожидаемый результат (и, если есть, Задачи, Примечание)"

Rule = Callable[[str], bool]
# First match wins: «Сроки исполнения» is a deadline though it says «исполн…», «Направления деятельности,
# мероприятия» is the activity though it says «направлени…».
RULES: tuple[tuple[str, Rule], ...] = (
    (NUMBER, lambda t: t.startswith(("№", "n ", "n°", "номер", "п/п")) or t in ("n", "nn")),
    (ACTIVITY, lambda t: "мероприят" in t or t.startswith(("содержание", "наименование", "перечень", "действия"))),
    (GROUP, lambda t: t.startswith(("задач", "направлени", "раздел", "цел"))),
    (DEADLINE, lambda t: t.startswith(("срок", "дата", "период", "время", "когда"))),
    (RESPONSIBLE, lambda t: "ответствен" in t or t.startswith(("исполнител", "кто"))),
    (RESULT, lambda t: "результат" in t or t.startswith(("итог", "форма отчет", "продукт"))),
    (NOTE, lambda t: t.startswith(("примечан", "комментар"))),
    (STATUS, lambda t: t.startswith(("отметка", "статус", "выполнен", "исполнен"))),
)
GROUPINGS = (("задач", "tasks"), ("направлени", "directions"), ("цел", "tasks"), ("раздел", "sections"))


@dataclass
class Header:
    """Where the header is and what each of its columns means."""

    row: int  # 0-based index of the header row in the table
    fields: dict[int, str]  # grid column → field
    names: dict[int, str]  # grid column → the header's own words
    width: int  # grid columns the header covers
    grouping: str = "sections"  # what a group is called: from the «Задачи» column or the activity header
    first_data_row: int = 0
    duplicates: dict[int, int] = field(default_factory=dict)  # column → the column that has its field already
    owners: dict[int, int] = field(default_factory=dict)  # grid column → the header cell (its column) over it

    def column_of(self, name: str) -> int | None:
        return next((column for column, found in self.fields.items() if found == name), None)

    def field_at(self, column: int) -> str | None:
        """The field of the header cell over this grid column (a header cell may span several)."""
        owner = self.owners.get(column)
        return None if owner is None else self.fields.get(owner)


def normalised(text: str) -> str:
    text = " ".join(text.lower().replace("ё", "е").split())
    return text.strip(" .,:;*")


def field_of(text: str) -> str | None:
    words = normalised(text)
    if not words:
        return None
    return next((name for name, rule in RULES if rule(words)), None)


def find_header(table: Table) -> Header | None:
    """The first of the top rows that names an activity column and a deadline or responsible one."""
    for index, row in enumerate(table.rows[:5]):
        header = _header_of(row, index)
        if header is not None:
            header.first_data_row = index + 1 + _numbering_rows(table, index + 1, len(header.names))
            return header
    return None


def _header_of(row: tuple[Cell, ...], index: int) -> Header | None:
    fields: dict[int, str] = {}
    names: dict[int, str] = {}
    duplicates: dict[int, int] = {}
    for cell in row:
        names[cell.column] = " ".join(cell.lines)
        name = field_of(cell.text)
        if name is None:
            continue
        taken = next((column for column, found in fields.items() if found == name), None)
        if taken is not None:
            duplicates[cell.column] = taken
        else:
            fields[cell.column] = name
    if ACTIVITY not in fields.values() or not {DEADLINE, RESPONSIBLE} & set(fields.values()):
        return None
    width = max((cell.column + cell.span for cell in row), default=0)
    owners = {column: cell.column for cell in row for column in range(cell.column, cell.column + cell.span)}
    return Header(index, fields, names, width, _grouping(fields, names), duplicates=duplicates, owners=owners)


def _grouping(fields: dict[int, str], names: dict[int, str]) -> str:
    """tasks for a «Задачи» column, directions when the activities are «Направления деятельности»."""
    for column, name in fields.items():
        if name in (GROUP, ACTIVITY):
            words = normalised(names[column])
            for start, grouping in GROUPINGS:
                if words.startswith(start):
                    return grouping
    return "sections"


def _numbering_rows(table: Table, start: int, columns: int) -> int:
    """A row «1 | 2 | 3 | 4 | 5» under the header numbers its columns: it is skipped, not imported."""
    if start >= len(table.rows):
        return 0
    texts = [cell.text for cell in table.rows[start]]
    return int(len(texts) == columns and texts == [str(n) for n in range(1, columns + 1)])


# «1. Работа с педагогами», «II. Мониторинг», «Раздел 3. …»: a number with its dot, or the word «Раздел».
SECTION_NUMBER = re.compile(r"^(?:раздел\s+\S+?[.:]?\s+|(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]\s*)(?=\S)", re.IGNORECASE)
ITEM_NUMBER = re.compile(r"\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)]?|[а-яa-z][.)]", re.IGNORECASE)


def section_title(text: str) -> str:
    """«1. Работа с педагогами» → «Работа с педагогами» (Око numbers sections itself)."""
    return SECTION_NUMBER.sub("", " ".join(text.split()), count=1)
