"""One assessment procedure of the schedule (a row of `procedures:`): its kind, level, form, date window and
subject. The year's header (schedule.yaml) is in oko/kinds/schedule/model.py."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from oko.kinds.schedule.classes import ClassSet, checked, parse_class_set, written
from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel, RuDate, Slug
from oko.ru import human_date

LESSON_MINUTES = 45


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


ClassText = Annotated[
    str,
    BeforeValidator(written),
    AfterValidator(checked),
    WithJsonSchema({"type": "string", "minLength": 1,
                    "description": "как в документе: 5А; 5А, 5Б; 5 или «5-е классы» (параллель); 5-9; «5–7, 9»"}),
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


class DateWindow(OkoModel):
    """A window of dates set from outside (Рособрнадзор, the region): «ВПР проводятся с 11.04 по 16.05».

    The school either picks its day within it later (then `date` is that day) or the window itself is the
    fact: «точные даты образовательная организация определяет самостоятельно в указанный период».
    """

    start: RuDate = Field(title="С")
    end: RuDate = Field(title="По")

    @model_validator(mode="after")
    def _ordered(self) -> DateWindow:
        if self.end <= self.start:
            raise PydanticCustomError(
                "oko_window", "срок проведения: окончание {end} не позже начала {start} — для одного дня пишите date",
                {"start": self.start.strftime("%d.%m.%Y"), "end": self.end.strftime("%d.%m.%Y")})
        return self

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def parts(self, with_year: bool = True) -> tuple[str, str]:
        """(«11», «15 апреля 2026 г.»): the start says only what the end does not, as in «с 11 по 15 апреля»."""
        end = human_date(self.end, with_year)
        if self.start.year != self.end.year:
            return human_date(self.start, True), human_date(self.end, True)
        if self.start.month != self.end.month:
            return human_date(self.start, False), end
        return str(self.start.day), end

    def text(self, with_year: bool = True) -> str:
        """«с 11 по 15 апреля 2026 г.», «с 28 апреля по 16 мая 2026 г.»."""
        start, end = self.parts(with_year)
        return f"с {start} по {end}"

    @property
    def short(self) -> str:
        """«11.04.2026–15.04.2026»: the form tables use (import-schedule reads it back)."""
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"


class LaterSubject(OkoModel):
    """A subject assigned later: ВПР's «предмет на основе случайного выбора», known a week before the work."""

    label: NonEmptyStr = Field(title="Как предмет назван в графике",
                               description="например: Предмет 1 (по выбору ФИС ОКО)")
    choices: list[NonEmptyStr] = Field(default_factory=list, title="Из каких предметов выбирают",
                                       description="необязательно: история, литература, иностранный язык …")


class Procedure(OkoModel):
    """One assessment procedure: when (a date or a window), the classes, the subject(s), the kind of work."""

    date: RuDate | None = Field(default=None, title="Дата",
                                description="день работы; можно не указывать, если указан срок проведения (window)")
    window: DateWindow | None = Field(default=None, title="Срок проведения (с … по …)",
                                      description="окно дат, заданное Рособрнадзором или регионом")
    classes: ClassText = Field(title="Классы")
    subject: NonEmptyStr | None = Field(default=None, title="Предмет")
    subjects: list[NonEmptyStr] = Field(default_factory=list, title="Предметы комплексной работы",
                                        description="вместо subject, если работа охватывает несколько предметов")
    subject_later: LaterSubject | None = Field(default=None, title="Предмет определят позже",
                                               description="ВПР: предмет на основе случайного выбора")
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

    @property
    def class_set(self) -> ClassSet:
        return parse_class_set(self.classes)

    @property
    def first_day(self) -> dt.date:
        """The day, or the window's first day: what procedures are ordered by."""
        return self.date or (self.window.start if self.window else dt.date.min)

    @property
    def last_day(self) -> dt.date:
        return self.date or (self.window.end if self.window else dt.date.min)

    def holds(self, day: dt.date) -> bool:
        """Whether the work may be on that day: its date, or any day of its window when it has no date."""
        if self.date is not None:
            return self.date == day
        return self.window is not None and self.window.contains(day)

    @property
    def all_subjects(self) -> list[str]:
        """The subjects the work counts for: one, a complex work's several, or none until it is assigned."""
        return list(self.subjects) or ([self.subject] if self.subject else [])

    @property
    def subject_text(self) -> str:
        """As pages show it: «Математика», «Русский язык, Математика», «Предмет 1 (по выбору ФИС ОКО)»."""
        if self.subjects:
            return ", ".join(self.subjects)
        if self.subject and self.subject_later:
            return f"{self.subject} — {self.subject_later.label}"
        return self.subject or (self.subject_later.label if self.subject_later else "")
