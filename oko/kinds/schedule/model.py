"""The single schedule of assessment procedures («единый график оценочных процедур»).

A year lives in `content/schedules/<year>/`: `schedule.yaml` holds the calendar (periods, holidays),
the classes, the curriculum hours and the approval order; it and any other file of the folder hold
`procedures:`. Rules on these (../shared/reference/regulations.md §6) are in oko/rules/schedule.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from oko.models.common import AcademicYearField, LabelledEnum, NonEmptyStr, OkoModel, RuDate, Slug

LESSON_MINUTES = 45

# Latin letters that look like Cyrillic ones: «5A» typed on an English keyboard is «5А».
_LOOKALIKES = str.maketrans("ABEKMHOPCTXY", "АВЕКМНОРСТХУ")
CLASS_NAME = re.compile(r"^(\d{1,2})([А-ЯЁ])$")


def normalise_class(name: str) -> str:
    """«5а», «5 А», «5A» → «5А»."""
    return re.sub(r"[\s\-]", "", str(name)).upper().translate(_LOOKALIKES)


class ProcedureKind(LabelledEnum):
    VPR = ("vpr", "ВПР")
    NIKO = ("niko", "НИКО")
    REGIONAL = ("regional_diagnostic", "региональная диагностическая работа")
    CONTROL = ("control", "контрольная работа")
    CHECK = ("check", "проверочная работа")
    DICTATION = ("dictation", "диктант")
    DIAGNOSTIC = ("diagnostic", "диагностическая работа")
    ESSAY = ("essay", "сочинение")
    EXPOSITION = ("exposition", "изложение")
    FINAL_ESSAY = ("final_essay", "итоговое сочинение")
    INTERVIEW = ("interview", "итоговое собеседование")
    TEST = ("test", "тестирование")
    COMPLEX = ("complex", "комплексная работа")
    INTERIM = ("interim", "промежуточная аттестация")


class Level(LabelledEnum):
    """Levels a single schedule includes (regulations.md §6, item 6)."""

    FEDERAL = ("federal", "федеральный")
    REGIONAL = ("regional", "региональный")
    SCHOOL = ("school", "школьный")


class Form(LabelledEnum):
    PAPER = ("paper", "письменно на бланках")
    COMPUTER = ("computer", "на компьютере")
    ORAL = ("oral", "устно")


DEFAULT_LEVELS = {
    ProcedureKind.VPR: Level.FEDERAL,
    ProcedureKind.NIKO: Level.FEDERAL,
    ProcedureKind.FINAL_ESSAY: Level.REGIONAL,
    ProcedureKind.INTERVIEW: Level.REGIONAL,
    ProcedureKind.REGIONAL: Level.REGIONAL,
}


def parse_classes(value: Any) -> Any:
    """«5А, 5Б», «5» (the whole grade), 5, ["5А", "5Б"] → a list of tokens, each «5А» or «5»."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, str):
        value = [part for part in re.split(r"[,;]|\s+и\s+", value) if part.strip()]
    if isinstance(value, list):
        tokens = []
        for item in value:
            if not isinstance(item, str | int) or isinstance(item, bool):
                raise PydanticCustomError("oko_classes", "класс пишется как 5А, параллель — как 5")
            token = normalise_class(str(item))
            if not (CLASS_NAME.match(token) or token.isdigit()):
                raise PydanticCustomError(
                    "oko_classes", "«{value}» не похоже на класс: пишите 5А (класс) или 5 (вся параллель)",
                    {"value": item},
                )
            tokens.append(token)
        if not tokens:
            raise PydanticCustomError("oko_classes", "не указан ни один класс")
        return tokens
    raise PydanticCustomError("oko_classes", "классы пишутся через запятую: 5А, 5Б — или 5 для всей параллели")


ClassList = Annotated[
    list[str],
    BeforeValidator(parse_classes),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": {"type": "string"}}],
                    "description": "класс (5А), несколько через запятую (5А, 5Б) или параллель (5)"}),
]


def parse_duration(value: Any) -> Any:
    """45 (minutes), «90 мин», «2 урока» → minutes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*(мин\w*|урок\w*)?\.?\s*", value.lower())
        if match:
            number, unit = int(match.group(1)), match.group(2) or "мин"
            return number * LESSON_MINUTES if unit.startswith("урок") else number
    raise PydanticCustomError("oko_duration", "продолжительность: число минут (45) или уроков («2 урока»)")


Minutes = Annotated[
    int,
    BeforeValidator(parse_duration),
    Field(ge=1, le=600),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string"}],
                    "description": "минуты (45) или уроки («2 урока»)"}),
]


class Procedure(OkoModel):
    """One assessment procedure: a date, the classes, the subject and what kind of work it is."""

    date: RuDate = Field(title="Дата")
    classes: ClassList = Field(title="Классы")
    subject: NonEmptyStr = Field(title="Предмет")
    kind: ProcedureKind = Field(title="Вид работы")
    level: Level | None = Field(default=None, title="Уровень", description="по умолчанию: ВПР и НИКО — федеральный, "
                                "иначе школьный")
    duration: Minutes = Field(default=LESSON_MINUTES, title="Продолжительность")
    lesson: int | None = Field(default=None, ge=1, le=12, title="Номер урока")
    form: Form | None = Field(default=None, title="Форма проведения")
    note: str | None = Field(default=None, title="Примечание", min_length=1)
    id: Slug | None = Field(default=None, title="Постоянный идентификатор (для календарей)")

    @model_validator(mode="after")
    def _default_level(self) -> Procedure:
        if self.level is None:
            self.level = DEFAULT_LEVELS.get(self.kind, Level.SCHOOL)
        return self

    @property
    def lessons(self) -> int:
        """How many lessons the work takes: the unit of the 10% rule."""
        return max(1, math.ceil(self.duration / LESSON_MINUTES))


class NamedPeriod(OkoModel):
    name: NonEmptyStr = Field(title="Название")
    start: RuDate = Field(title="Начало")
    end: RuDate | None = Field(default=None, title="Окончание", description="для одного дня можно не указывать")

    @model_validator(mode="after")
    def _ordered(self) -> NamedPeriod:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("oko_period", "окончание «{name}» раньше начала", {"name": self.name})
        return self

    @property
    def last(self) -> dt.date:
        return self.end or self.start

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.last


class OrderRef(OkoModel):
    number: NonEmptyStr = Field(title="Номер приказа")
    date: RuDate = Field(title="Дата приказа")
    note: str | None = Field(default=None, title="Что изменено", min_length=1)


class ScheduleHeader(OkoModel):
    """`schedule.yaml`: the calendar, classes and hours a year's procedures are checked against."""

    academic_year: AcademicYearField = Field(title="Учебный год")
    title: str | None = Field(default=None, title="Название", min_length=1)
    approval: OrderRef | None = Field(default=None, title="Приказ об утверждении графика")
    changes: list[OrderRef] = Field(default_factory=list, title="Приказы о внесении изменений")
    week: int = Field(default=5, ge=5, le=6, title="Учебных дней в неделе (5 или 6)")
    periods: list[NamedPeriod] = Field(min_length=1, title="Учебные периоды (четверти, триместры, полугодия)")
    holidays: list[NamedPeriod] = Field(default_factory=list, title="Каникулы и нерабочие дни")
    classes: dict[int, list[NonEmptyStr]] = Field(title="Классы по параллелям", description="5: [А, Б]")
    hours: dict[NonEmptyStr, dict[int, int]] = Field(
        title="Часы по учебному плану за год", description="предмет: {параллель: часов в год}")
    lessons_per_day: dict[int, list[int]] = Field(
        default_factory=dict, title="Уроков в день по параллелям (пн, вт, …)",
        description="нужно, чтобы проверить, что работа не стоит последним уроком")
    procedures: list[Procedure] = Field(default_factory=list, title="Оценочные процедуры")

    @field_validator("classes")
    @classmethod
    def _class_letters(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        for grade, letters in value.items():
            if not 1 <= grade <= 11:
                raise PydanticCustomError("oko_classes", "параллель {grade}: бывают с 1 по 11", {"grade": grade})
            for letter in letters:
                if not CLASS_NAME.match(normalise_class(f"{grade}{letter}")):
                    raise PydanticCustomError(
                        "oko_classes", "«{letter}»: буква класса — одна заглавная русская буква", {"letter": letter})
        return {grade: [normalise_class(f"{grade}{letter}")[len(str(grade)):] for letter in letters]
                for grade, letters in value.items()}

    @property
    def display_title(self) -> str:
        return self.title or f"Единый график оценочных процедур на {self.academic_year} учебный год"

    @property
    def first_day(self) -> dt.date:
        return min(period.start for period in self.periods)

    @property
    def last_day(self) -> dt.date:
        return max(period.last for period in self.periods)

    def class_names(self) -> list[str]:
        """«2А», «2Б», … «11Б» in school order."""
        return [f"{grade}{letter}" for grade in sorted(self.classes) for letter in self.classes[grade]]


class ProcedureFile(OkoModel):
    """Any other file of a year's folder: more procedures (e.g. one file per half-year or level)."""

    procedures: list[Procedure] = Field(min_length=1, title="Оценочные процедуры")
