"""Unified assessment criteria («единые критерии оценивания»): `content/criteria/*.md`.

Front matter names the subject, grades and work types, the school's set of marks (`mark_set`: five
levels, «1» included, «зачёт/незачёт», ten points, levels …) and structured `scales:` — percent
thresholds, point ranges, counts of errors, norms of errors by class with alternatives, or a rubric
with groups; free Markdown below holds whatever cannot be structured. Every part is a list of objects,
so a form can hold it exactly. The rules that tie a scale to its mark set are in rules.py.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from oko.kinds.criteria.bounds import Span
from oko.kinds.criteria.legacy import error_norms_from_maps, rows_from_map
from oko.models.common import NonEmptyStr, OkoModel, Slug

Note = Annotated[str, Field(min_length=1, title="Примечание (сноска)",
                            description="условие или исключение, которое уточняет именно эту отметку или ячейку")]


def parse_range(value: Any) -> Any:
    """«90-100», «90–100», «18», 18 → (low, high); «от 90» is not a range."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*%?\s*", value)
        if match:
            low, high = int(match.group(1)), int(match.group(2) or match.group(1))
            if low > high:
                raise PydanticCustomError("oko_range", "«{value}»: начало больше конца", {"value": value})
            return (low, high)
    raise PydanticCustomError("oko_range", "диапазон пишется как 90-100 (или одно число)")


def parse_grades(value: Any) -> Any:
    """«5-9», «5–7, 9», 5 → [5, 6, 7, 8, 9]; a list is read too (for tools reading old files)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, str):
        grades: list[int] = []
        for part in value.split(","):
            low, high = parse_range(part)
            grades.extend(range(low, high + 1))
        return grades
    return value


def grades_text(value: Any) -> Any:
    """Grades are one line of text, so a form holds them exactly: a YAML list is refused with the new form."""
    if isinstance(value, list):
        written = ", ".join(str(item) for item in value)
        raise PydanticCustomError("oko_grades", "классы пишутся одной строкой, а не списком: grades: \"{written}\"",
                                  {"written": written})
    return parse_grades(value)


GRADES_PATTERN = r"^\s*\d+(\s*[-–—]\s*\d+)?(\s*,\s*\d+(\s*[-–—]\s*\d+)?)*\s*$"
Grades = Annotated[
    list[Annotated[int, Field(ge=1, le=11)]], BeforeValidator(grades_text), Field(min_length=1),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": GRADES_PATTERN},
                              {"type": "integer", "minimum": 1, "maximum": 11}],
                    "description": "5-9, или 5, 7, 9, или 5–7, 9"}),
]


def compact_grades(grades: list[int]) -> str:
    """[5, 6, 7, 9] → «5–7, 9»."""
    runs: list[list[int]] = []
    for grade in grades:
        if runs and grade == runs[-1][-1] + 1:
            runs[-1].append(grade)
        else:
            runs.append([grade])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


class Mark(OkoModel):
    """One mark of the school's set, as the school writes it: «5», «зачёт», «высокий уровень»."""

    mark: NonEmptyStr = Field(title="Отметка", description="как в документе школы: 5, зачёт, высокий уровень")
    label: str | None = Field(default=None, min_length=1, title="Что означает", description="например: отлично")

    @property
    def shown(self) -> str:
        """Digits are quoted as Russian documents quote them («5»); words stay as written."""
        return f"«{self.mark}»" if self.mark.isdigit() else self.mark


MarkSetOrNone = Annotated[list[Mark] | None, Field(
    default=None, min_length=1, title="Свой набор отметок для этой шкалы (от лучшей к худшей)",
    description="если шкала ставит другие отметки, чем весь документ, например зачёт и незачёт")]


class MarkRange(OkoModel):
    """One row of a scale: the mark and the range that gives it, with a note that overrides it."""

    mark: NonEmptyStr = Field(title="Отметка")
    range: Span = Field(title="Диапазон", description="как в документе: 90–100 %, менее 20 б, 15–17 баллов")
    note: Note | None = None


def _rows(value: Any) -> Any:
    return rows_from_map(value, "range")


MarkRows = Annotated[list[MarkRange], BeforeValidator(_rows), Field(min_length=1, title="Отметки и диапазоны")]


class RangeScale(OkoModel):
    """Percent thresholds or point ranges per mark."""

    kind: Literal["percent", "points"] = Field(title="Вид шкалы: percent (проценты) или points (баллы)")
    title: NonEmptyStr = Field(title="Для какой работы")
    max: int | None = Field(default=None, ge=1, title="Наибольший балл (для баллов)")
    mark_set: MarkSetOrNone = None
    marks: MarkRows
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    @model_validator(mode="after")
    def _points_need_max(self) -> RangeScale:
        if self.kind == "points" and self.max is None:
            raise PydanticCustomError("oko_scale", "для шкалы в баллах укажите max — наибольший балл")
        return self

    @property
    def top(self) -> int | None:
        return 100 if self.kind == "percent" else self.max


class ErrorCountScale(OkoModel):
    """One count of errors per mark (словарный диктант: «0 ошибок» — «5», «8 и более ошибок» — «1»)."""

    kind: Literal["error_count"] = Field(title="Вид шкалы: error_count (число ошибок)")
    title: NonEmptyStr = Field(title="Для какой работы")
    mark_set: MarkSetOrNone = None
    marks: MarkRows
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    @property
    def top(self) -> None:
        """A count of errors has no top: the worst mark stays open («8 и более ошибок»)."""
        return None


class ErrorClass(OkoModel):
    name: NonEmptyStr = Field(title="Вид ошибок", description="коротко, например: орфографические")
    description: NonEmptyStr = Field(title="Что это", description="например: ошибки в написании слов")


ErrorCounts = Annotated[str, Field(pattern=r"^\s*\d+(\s*/\s*\d+)*\s*$", title="Ошибок каждого вида",
                                   description="через «/» в порядке видов ошибок, например 2/2")]


class ErrorNorm(OkoModel):
    """A mark and its alternatives («или») of allowed errors, one count per class: «2/2», «1/3»."""

    mark: NonEmptyStr = Field(title="Отметка")
    errors: list[ErrorCounts] = Field(
        default_factory=list, title="Допустимые ошибки (варианты «или»)",
        description="каждый вариант — числа через «/» в порядке видов ошибок; у худшей отметки можно не писать:"
                    " «больше, чем для предыдущей»")
    note: Note | None = None

    def alternatives(self) -> list[list[int]]:
        return [[int(part) for part in text.split("/")] for text in self.errors]


class ErrorScale(OkoModel):
    """Error-count norms: for each mark, alternatives («или») of allowed errors per class."""

    kind: Literal["errors"] = Field(title="Вид шкалы: errors (число ошибок)")
    title: NonEmptyStr = Field(title="Для какой работы")
    error_classes: list[ErrorClass] = Field(min_length=1, title="Виды ошибок")
    mark_set: MarkSetOrNone = None
    marks: list[ErrorNorm] = Field(min_length=1, title="Отметка: допустимые ошибки")
    conditions: list[NonEmptyStr] = Field(default_factory=list, title="Дополнительные условия")

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: Any) -> Any:
        return error_norms_from_maps(data)

    @property
    def class_names(self) -> list[str]:
        return [error_class.name for error_class in self.error_classes]


class RubricCriterion(OkoModel):
    code: str | None = Field(default=None, title="Обозначение (К1)", min_length=1)
    name: NonEmptyStr = Field(title="Критерий")
    max: int = Field(ge=1, title="Наибольший балл")
    description: str | None = Field(default=None, title="Что оценивается", min_length=1)
    note: Note | None = None


class RubricGroup(OkoModel):
    """Criteria that add up to a subtotal: «К1–К4 Содержание, максимум 8»."""

    code: str | None = Field(default=None, min_length=1, title="Обозначение группы", description="например К1–К4")
    name: NonEmptyStr = Field(title="Группа критериев", description="например: Содержание")
    max: int | None = Field(default=None, ge=1, title="Наибольший балл группы",
                            description="как в документе; проверяется: равен сумме баллов критериев")
    criteria: list[RubricCriterion] = Field(min_length=1, title="Критерии группы")
    note: Note | None = None

    @property
    def total(self) -> int:
        return sum(criterion.max for criterion in self.criteria)

    @property
    def heading(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


class RubricScale(OkoModel):
    """A rubric: criteria (in groups or not) with maximum points, then total points → mark."""

    kind: Literal["rubric"] = Field(title="Вид шкалы: rubric (критерии с баллами)")
    title: NonEmptyStr = Field(title="Для какой работы")
    max: int | None = Field(default=None, ge=1, title="Наибольший балл за работу",
                            description="как в документе; проверяется: равен сумме групп или критериев")
    criteria: list[RubricCriterion] = Field(default_factory=list, title="Критерии (без групп)")
    groups: list[RubricGroup] = Field(default_factory=list, title="Группы критериев")
    mark_set: MarkSetOrNone = None
    marks: MarkRows
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    @model_validator(mode="after")
    def _criteria_or_groups(self) -> RubricScale:
        if bool(self.criteria) == bool(self.groups):
            raise PydanticCustomError("oko_scale", "укажите критерии одним списком: либо criteria, либо groups "
                                      "(группы со своими criteria)")
        return self

    @property
    def all_criteria(self) -> list[RubricCriterion]:
        return self.criteria or [criterion for group in self.groups for criterion in group.criteria]

    @property
    def computed_top(self) -> int:
        """The sum of groups as declared (or as added up when a group gives no max), else of criteria."""
        if self.groups:
            return sum(group.max or group.total for group in self.groups)
        return sum(criterion.max for criterion in self.criteria)

    @property
    def top(self) -> int:
        return self.max or self.computed_top


Scale = Annotated[RangeScale | ErrorCountScale | ErrorScale | RubricScale, Field(discriminator="kind")]


class CriteriaMeta(OkoModel):
    """Front matter of a criteria page."""

    title: str | None = Field(default=None, title="Заголовок", min_length=1)
    subject: NonEmptyStr = Field(title="Предмет", description="«Общие критерии» для общей части")
    grades: Grades = Field(title="Классы", description="5-9, или 5, 7, 9, или 5–7, 9")
    work_types: list[NonEmptyStr] = Field(default_factory=list, title="Виды работ")
    inherits: Slug | None = Field(default=None, title="Общая часть", description="имя файла общих критериев")
    adapted: bool = Field(default=False, title="Для адаптированных программ (ОВЗ)")
    general: bool = Field(default=False, title="Это общая часть, которую наследуют предметы")
    mark_set: Annotated[list[Mark] | None, Field(
        default=None, min_length=1, title="Набор отметок школы (от лучшей к худшей)",
        description="если не указан — из общей части, иначе 5, 4, 3, 2")] = None
    scales: list[Scale] = Field(default_factory=list, title="Шкалы оценивания")

    @property
    def display_title(self) -> str:
        return self.title or f"Критерии оценивания: {self.subject.lower()}"

    @property
    def grades_shown(self) -> str:
        return compact_grades(self.grades)
