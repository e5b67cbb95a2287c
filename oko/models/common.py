"""Building blocks shared by the content models: the base model, dates, years, people, links."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from oko.ru import MONTHS_GENITIVE


class OkoModel(BaseModel):
    """Base of every content model: unknown keys are errors, numbers may stand where text is expected."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        populate_by_name=False,
    )


class LabelledEnum(StrEnum):
    """An enum whose members carry their Russian label: `ItemStatus.DONE.label == "выполнено"`.

    The value is what a content file holds; the label is what people read (pages, CMS forms).
    """

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """Editors may type the value or the Russian label: the schema accepts both."""
        return {"type": "string", "title": cls.__name__, "enum": [m.value for m in cls] + [m.label for m in cls],
                "x-labels": {m.value: m.label for m in cls}}

    @classmethod
    def _missing_(cls, value: object) -> LabelledEnum | None:
        """People may write the Russian label («выполнено», «ВПР») instead of the value."""
        if isinstance(value, str):
            folded = " ".join(value.split()).casefold()
            for member in cls:
                if folded in (member.label.casefold(), member.value.casefold()):
                    return member
        return None


@dataclass(frozen=True)
class PublicByLaw:
    """`Annotated` marker of a field whose values a regulation requires to publish.

    The personal-data rule (oko/rules/personal_data.py) skips findings of these kinds under such a field:
    a manager's phone in «Сведения» is published by law (MR v9), the same phone in a plan item is not.
    Pydantic ignores the marker, so schemas and forms stay as they are.
    """

    kinds: frozenset[str]  # kinds of oko/personal_patterns.py (phone, email, …), or «name» for a person's name
    source: str  # the regulation that requires the value to be public


NonEmptyStr = Annotated[str, Field(min_length=1)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]

DATE_HINT = "дата пишется как 29.08.2023 (или 2023-08-29)"


def parse_date(value: Any) -> Any:
    """«29.08.2023» or «2023-08-29» → date; an impossible date names its wrong part, in Russian."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("oko_date", "ожидалась дата, например 29.08.2023")
    text = value.strip().removesuffix("г.").removesuffix("г").strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not match:
            raise PydanticCustomError(
                "oko_date", "«{value}» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023",
                {"value": value},
            )
        year, month, day = (int(part) for part in match.groups())
    return _checked_date(value, year, month, day)


def _checked_date(value: str, year: int, month: int, day: int) -> dt.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PydanticCustomError(
            "oko_date", "дата «{value}»: год {year} вне допустимых лет ({min}–{max}) — проверьте цифры",
            {"value": value, "year": year, "min": MIN_YEAR, "max": MAX_YEAR})
    if not 1 <= month <= 12:
        raise PydanticCustomError(
            "oko_date", "такой даты нет: «{value}» — в году 12 месяцев, а указан {month}-й",
            {"value": value, "month": month},
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "oko_date", "такой даты нет: «{value}» — в {month_name} {year} года нет {day}-го числа",
            {"value": value, "month_name": _month_prepositional(month), "year": year, "day": day},
        ) from None


def _month_prepositional(month: int) -> str:
    # «в феврале», «в марте»: the prepositional case is regular enough from the genitive.
    genitive = MONTHS_GENITIVE[month - 1]
    return genitive[:-1] + "е"


RuDate = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})$",
                    "description": DATE_HINT}),
]


MIN_YEAR, MAX_YEAR = 1800, 2100  # dates outside these years are typos (a school may date from the 1800s)
MIN_ACADEMIC_YEAR = 1990  # plans and schedules are about recent years


class AcademicYear(BaseModel):
    """An academic year «2023-2024»: from 1 September to 31 August."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    start: int = Field(ge=MIN_ACADEMIC_YEAR, le=MAX_YEAR - 1)

    @property
    def end(self) -> int:
        return self.start + 1

    def __str__(self) -> str:
        return f"{self.start}/{self.end}"

    def year_of_month(self, month: int) -> int:
        """Which calendar year a month without a year means: August–December fall in the first year.

        August is counted with the coming year: plans are adopted in August for it (seed 000,
        «Август – октябрь» in a 2023-2024 plan).
        """
        return self.start if month >= 8 else self.end

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start, 9, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.end, 8, 31)


def parse_academic_year(value: Any) -> Any:
    """«2023-2024», «2023/2024», «2023/24» → AcademicYear."""
    if isinstance(value, AcademicYear | dict):
        return value
    match = re.fullmatch(r"\s*(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})\s*", str(value))
    if not match:
        raise PydanticCustomError(
            "oko_academic_year", "«{value}» не похоже на учебный год: ожидается, например, 2023-2024",
            {"value": value},
        )
    start, end = int(match.group(1)), int(match.group(2))
    if end < 100:  # «2023/24»; «1999/00» crosses the century
        end += start // 100 * 100 + (100 if end < start % 100 else 0)
    if end != start + 1:
        raise PydanticCustomError(
            "oko_academic_year", "учебный год «{value}» должен охватывать два соседних года, например 2023-2024",
            {"value": value},
        )
    if not MIN_ACADEMIC_YEAR <= start < MAX_YEAR:
        raise PydanticCustomError(
            "oko_academic_year", "учебный год «{value}» вне допустимых лет ({min}–{max}): проверьте цифры",
            {"value": value, "min": MIN_ACADEMIC_YEAR, "max": MAX_YEAR})
    return AcademicYear(start=start)


AcademicYearField = Annotated[
    AcademicYear,
    BeforeValidator(parse_academic_year),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}\s*[-/]\s*(\d{2}|\d{4})$",
                    "description": "учебный год, например 2023-2024"}),
]


class Period(OkoModel):
    """A plan period that is not an academic year: from one date to another."""

    start: RuDate = Field(title="Начало")
    end: RuDate = Field(title="Окончание")

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError("oko_period", "окончание периода раньше его начала")
        return self

    def year_of_month(self, month: int) -> int:
        """The year of the first occurrence of the month inside the period."""
        for year in range(self.start.year, self.end.year + 1):
            if self.start <= dt.date(year, month, 28) and dt.date(year, month, 1) <= self.end:
                return year
        return self.start.year


class Responsible(OkoModel):
    """Who is responsible: a role («Зам. директора по УВР») or a person with a position."""

    # Always an object, never bare text: a form's list of {name, position} cannot hold a text among them.

    name: str | None = Field(default=None, title="ФИО", min_length=1)
    position: str | None = Field(default=None, title="Должность или роль", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        """The old shape, a role as bare text: still read, and reported with its new form (rule plan.shape)."""
        return {"position": value} if isinstance(value, str | int) else value

    @model_validator(mode="after")
    def _something_given(self) -> Responsible:
        if not self.name and not self.position:
            raise PydanticCustomError("oko_responsible", "укажите должность (роль) или ФИО ответственного")
        return self

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.position) if part)


class Link(OkoModel):
    """A link from content: an https address, a file under content/files, or another content file."""

    title: NonEmptyStr = Field(title="Название")
    link: NonEmptyStr = Field(
        title="Ссылка",
        description="адрес https://…, файл files/…, другой файл содержимого (../pages/about.md) или page:id",
    )
