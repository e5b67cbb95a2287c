"""The single schedule of assessment procedures («единый график оценочных процедур»).

A year lives in `content/schedules/<year>/`: `schedule.yaml` holds the calendar (periods, holidays),
the classes, the curriculum hours and the approval order; it and any other file of the folder hold
`procedures:` (modelled in procedure.py). Rules on these (../shared/reference/regulations.md §6) are in
oko/rules/schedule.py.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from oko.kinds.schedule.classes import CLASS_NAME, normalise_class
from oko.kinds.schedule.legacy import rows_from_maps
from oko.kinds.schedule.procedure import Level as Level  # re-exported: imported from here, as before the split
from oko.kinds.schedule.procedure import Procedure as Procedure
from oko.kinds.schedule.procedure import ProcedureKind as ProcedureKind
from oko.models.common import AcademicYearField, NonEmptyStr, OkoModel, RuDate


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


Grade = Annotated[int, Field(ge=1, le=11, title="Параллель")]


class GradeClasses(OkoModel):
    """The classes of one grade: `- {grade: 5, letters: [А, Б]}` (a list row a form holds, not a map by grade)."""

    grade: Grade
    letters: list[NonEmptyStr] = Field(min_length=1, title="Буквы классов", description="А, Б")

    @model_validator(mode="after")
    def _class_letters(self) -> GradeClasses:
        for letter in self.letters:
            if not CLASS_NAME.match(normalise_class(f"{self.grade}{letter}")):
                raise PydanticCustomError(
                    "oko_classes", "«{letter}»: буква класса — одна заглавная русская буква", {"letter": letter})
        self.letters = [normalise_class(f"{self.grade}{letter}")[len(str(self.grade)):] for letter in self.letters]
        return self


class GradeHours(OkoModel):
    grade: Grade
    hours: int = Field(ge=1, title="Часов в год")


class SubjectHours(OkoModel):
    """A subject of the curriculum and its hours a year in each grade that has it."""

    subject: NonEmptyStr = Field(title="Предмет", description="так же пишется в subject оценочных процедур")
    grades: list[GradeHours] = Field(min_length=1, title="Часов в год по параллелям")


class GradeLessons(OkoModel):
    grade: Grade
    lessons: list[int] = Field(min_length=1, title="Уроков в день (пн, вт, …)")


class ScheduleHeader(OkoModel):
    """`schedule.yaml`: the calendar, classes and hours a year's procedures are checked against."""

    academic_year: AcademicYearField = Field(title="Учебный год")
    title: str | None = Field(default=None, title="Название", min_length=1)
    approval: OrderRef | None = Field(default=None, title="Приказ об утверждении графика")
    changes: list[OrderRef] = Field(default_factory=list, title="Приказы о внесении изменений")
    week: int = Field(default=5, ge=5, le=6, title="Учебных дней в неделе (5 или 6)")
    periods: list[NamedPeriod] = Field(min_length=1, title="Учебные периоды (четверти, триместры, полугодия)")
    holidays: list[NamedPeriod] = Field(default_factory=list, title="Каникулы и нерабочие дни")
    classes: list[GradeClasses] = Field(title="Классы по параллелям")
    hours: list[SubjectHours] = Field(title="Часы по учебному плану за год")
    lessons_per_day: list[GradeLessons] = Field(
        default_factory=list, title="Уроков в день по параллелям",
        description="нужно, чтобы проверить, что работа не стоит последним уроком")
    procedures: list[Procedure] = Field(default_factory=list, title="Оценочные процедуры")

    @model_validator(mode="before")
    @classmethod
    def _old_maps(cls, data: Any) -> Any:
        return rows_from_maps(data)

    @functools.cached_property
    def letters(self) -> dict[int, list[str]]:
        """{5: ["А", "Б"]}: the classes by grade (a grade listed twice is an error of schedule.listed_once)."""
        found: dict[int, list[str]] = {}
        for row in self.classes:
            found.setdefault(row.grade, row.letters)
        return found

    @functools.cached_property
    def annual_hours(self) -> dict[str, dict[int, int]]:
        """{"Математика": {5: 170}}: the first row of a subject, and of a grade in it, counts."""
        found: dict[str, dict[int, int]] = {}
        for row in self.hours:
            by_grade = found.setdefault(row.subject, {})
            for cell in row.grades:
                by_grade.setdefault(cell.grade, cell.hours)
        return found

    @functools.cached_property
    def lessons_by_grade(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for row in self.lessons_per_day:
            found.setdefault(row.grade, row.lessons)
        return found

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
        letters = self.letters
        return [f"{grade}{letter}" for grade in sorted(letters) for letter in letters[grade]]


class ProcedureFile(OkoModel):
    """Any other file of a year's folder: more procedures (e.g. one file per half-year or level)."""

    procedures: list[Procedure] = Field(min_length=1, title="Оценочные процедуры")
