"""Unified assessment criteria («единые критерии оценивания»): `content/criteria/*.md`.

Front matter names the subject, grades and work types and may hold structured `scales:` — percent
thresholds, point ranges, counts of error classes with alternatives, or a rubric; free Markdown
below holds whatever cannot be structured. Ranges are checked in oko/rules/criteria.py.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from oko.models.common import NonEmptyStr, OkoModel, Slug

MARKS = ("5", "4", "3", "2")  # the Russian five-point scale, best first


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


Range = Annotated[
    tuple[int, int],
    BeforeValidator(parse_range),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\s*\d+\s*([-–—]\s*\d+)?\s*%?\s*$"}],
                    "description": "диапазон: 90-100 или одно число"}),
]


def parse_grades(value: Any) -> Any:
    """«5-9», 5, [5, 6, 7] → [5, 6, 7, 8, 9]."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, str):
        low, high = parse_range(value)
        return list(range(low, high + 1))
    return value


Grades = Annotated[
    list[Annotated[int, Field(ge=1, le=11)]], BeforeValidator(parse_grades), Field(min_length=1),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\d+\s*[-–—]\s*\d+$"},
                              {"type": "array", "items": {"type": "integer"}}], "description": "5-9 или список"}),
]


def _marks_keys(value: Any) -> Any:
    """Marks may be written as numbers (5:) or words («отлично»); keys become «5» … «2»."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    return value


class RangeScale(OkoModel):
    """Percent thresholds or point ranges per mark: {5: 90-100, 4: 70-89, …}."""

    kind: Literal["percent", "points"] = Field(title="Вид шкалы: percent (проценты) или points (баллы)")
    title: NonEmptyStr = Field(title="Для какой работы")
    max: int | None = Field(default=None, ge=1, title="Наибольший балл (для баллов)")
    marks: Annotated[dict[str, Range], BeforeValidator(_marks_keys)] = Field(title="Отметка: диапазон")
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    @model_validator(mode="after")
    def _points_need_max(self) -> RangeScale:
        if self.kind == "points" and self.max is None:
            raise PydanticCustomError("oko_scale", "для шкалы в баллах укажите max — наибольший балл")
        return self

    @property
    def top(self) -> int:
        return 100 if self.kind == "percent" else int(self.max or 0)


class ErrorScale(OkoModel):
    """Error-count norms: for each mark, alternatives («или») of allowed errors per class."""

    kind: Literal["errors"] = Field(title="Вид шкалы: errors (число ошибок)")
    title: NonEmptyStr = Field(title="Для какой работы")
    error_classes: dict[NonEmptyStr, NonEmptyStr] = Field(
        title="Виды ошибок", description="короткое имя: что это, например грубые: орфографические ошибки")
    marks: Annotated[dict[str, list[dict[str, Annotated[int, Field(ge=0)]]]], BeforeValidator(_marks_keys)] = Field(
        title="Отметка: допустимые ошибки", description="список вариантов «или»: [{грубые: 1, негрубые: 1}, …]")
    conditions: list[NonEmptyStr] = Field(default_factory=list, title="Дополнительные условия")


class RubricCriterion(OkoModel):
    code: str | None = Field(default=None, title="Обозначение (К1)", min_length=1)
    name: NonEmptyStr = Field(title="Критерий")
    max: int = Field(ge=1, title="Наибольший балл")
    description: str | None = Field(default=None, title="Что оценивается", min_length=1)


class RubricScale(OkoModel):
    """A rubric: criteria with maximum points, then total points → mark."""

    kind: Literal["rubric"] = Field(title="Вид шкалы: rubric (критерии с баллами)")
    title: NonEmptyStr = Field(title="Для какой работы")
    criteria: list[RubricCriterion] = Field(min_length=1, title="Критерии")
    marks: Annotated[dict[str, Range], BeforeValidator(_marks_keys)] = Field(title="Сумма баллов: отметка")

    @property
    def top(self) -> int:
        return sum(criterion.max for criterion in self.criteria)


Scale = Annotated[RangeScale | ErrorScale | RubricScale, Field(discriminator="kind")]


class CriteriaMeta(OkoModel):
    """Front matter of a criteria page."""

    title: str | None = Field(default=None, title="Заголовок", min_length=1)
    subject: NonEmptyStr = Field(title="Предмет", description="«Общие критерии» для общей части")
    grades: Grades = Field(title="Классы", description="5-9 или список")
    work_types: list[NonEmptyStr] = Field(default_factory=list, title="Виды работ")
    inherits: Slug | None = Field(default=None, title="Общая часть", description="имя файла общих критериев")
    adapted: bool = Field(default=False, title="Для адаптированных программ (ОВЗ)")
    general: bool = Field(default=False, title="Это общая часть, которую наследуют предметы")
    scales: list[Scale] = Field(default_factory=list, title="Шкалы оценивания")

    @property
    def display_title(self) -> str:
        return self.title or f"Критерии оценивания: {self.subject.lower()}"
