"""Plans of measures on the objectivity of assessment («планы мероприятий»), in every shape the seeds have."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from oko.kinds.plans.responsible import people_of
from oko.models.common import (
    AcademicYearField,
    LabelledEnum,
    Link,
    NonEmptyStr,
    OkoModel,
    Period,
    Responsible,
    RuDate,
    Slug,
)
from oko.models.deadline import DeadlineField, heading_years

# «42», «3.1», «2.4.1», and as some documents print them, «1.» (seed 004): digits with dots.
ITEM_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,4}){0,4}\.?$")


class ItemStatus(LabelledEnum):
    PLANNED = ("planned", "запланировано")
    IN_PROGRESS = ("in_progress", "выполняется")
    DONE = ("done", "выполнено")


class Grouping(LabelledEnum):
    SECTIONS = ("sections", "Раздел")
    TASKS = ("tasks", "Задача")
    DIRECTIONS = ("directions", "Направление деятельности")
    HEADINGS = ("headings", "Заголовок")  # sections shown by their titles alone: «2023 год», «I. Мониторинг»


class Level(LabelledEnum):
    """Who carries a measure out, as district and regional plans split one row («уровень»)."""

    FEDERAL = ("federal", "федеральный уровень")
    REGIONAL = ("regional", "региональный уровень")
    MUNICIPAL = ("municipal", "муниципальный уровень")
    SCHOOL = ("school", "уровень образовательной организации")


def _number_as_written(value: Any) -> Any:
    """«42», «3.1», «2.4.1», «1.»: digits with dots, as the document prints them («п. 42» is a citation)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not ITEM_NUMBER.match(value.strip()):
        raise PydanticCustomError("oko_plan_number", "номер мероприятия «{value}» — не номер: пишутся цифры "
                                  "с точками, как в документе, например 42, 3.1 или 2.4.1",
                                  {"value": value})
    return value


class PlanLevel(OkoModel):
    """One level of a measure written for several: its own responsible, result and, if it differs, deadline."""

    level: Level = Field(title="Уровень")
    deadline: DeadlineField | None = Field(default=None, title="Срок (если отличается)")
    responsible: list[Responsible] = Field(default_factory=list, title="Ответственные")
    result: str | None = Field(default=None, title="Ожидаемый результат", min_length=1)
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    @property
    def people(self) -> list[Responsible]:
        return people_of(self.responsible)


class PlanItem(OkoModel):
    """One row of a plan: what is done, when, by whom, with what result."""

    number: str | None = Field(default=None, title="Номер в документе", pattern=ITEM_NUMBER.pattern,
                               description="как напечатан в документе: 42, 3.1, 2.4.1; документы ссылаются на «п. 42»")
    activity: NonEmptyStr = Field(title="Мероприятие")
    deadline: DeadlineField | None = Field(default=None, title="Срок")
    responsible: list[Responsible] = Field(default_factory=list, title="Ответственные")
    result: str | None = Field(default=None, title="Ожидаемый результат", min_length=1)
    levels: list[PlanLevel] = Field(default_factory=list, title="По уровням (региональный, муниципальный, ОО)")
    status: ItemStatus | None = Field(default=None, title="Статус")
    evidence: list[Link] = Field(default_factory=list, title="Подтверждения (протокол, приказ, страница, файл)")
    note: str | None = Field(default=None, title="Примечание", min_length=1)

    _check_number = field_validator("number", mode="before")(_number_as_written)

    @property
    def people(self) -> list[Responsible]:
        """The responsible as people and roles: «Иванова И.И., заместитель директора по УР» is one person."""
        return people_of(self.responsible)

    @property
    def anchor(self) -> str:
        """«42» → p42, «3.1» → p3-1: the fragment documents can cite (empty without a number)."""
        return "p" + self.number.rstrip(".").replace(".", "-") if self.number else ""


class PlanSection(OkoModel):
    """A group of items: a numbered section, a task, a direction of activity, or any heading («2023 год»)."""

    title: NonEmptyStr = Field(title="Название")
    items: list[PlanItem] = Field(min_length=1, title="Мероприятия")

    @property
    def years(self) -> tuple[int, int] | None:
        """A heading that is a year or years («2023 год», «2024–2025 годы»): the dates under it are of those years."""
        return heading_years(self.title)


class Signatory(OkoModel):
    position: NonEmptyStr = Field(title="Должность")
    name: str | None = Field(default=None, title="ФИО", min_length=1)


class Order(OkoModel):
    """The order (приказ) that approves the plan, or of which the plan is an appendix."""

    number: NonEmptyStr = Field(title="Номер")
    date: RuDate = Field(title="Дата")
    issuer: str | None = Field(default=None, title="Кем издан", min_length=1)
    appendix: bool = Field(default=False, title="План — приложение к приказу")


class Consideration(OkoModel):
    """«Рассмотрено на заседании педагогического совета, протокол № 1 от 29.08.2023»."""

    body: NonEmptyStr = Field(title="Коллегиальный орган")
    protocol: str | None = Field(default=None, title="Номер протокола", min_length=1)
    date: RuDate = Field(title="Дата")


class Approval(OkoModel):
    approved_by: Signatory | None = Field(default=None, title="Утверждаю")
    date: RuDate | None = Field(default=None, title="Дата утверждения")
    order: Order | None = Field(default=None, title="Приказ")
    considered: Consideration | None = Field(default=None, title="Рассмотрено")


class Plan(OkoModel):
    """`content/plans/<id>.yaml`: a plan of measures of one organisation for a year or a period."""

    title: NonEmptyStr = Field(title="Название плана")
    organisation: Slug = Field(title="Организация", description="имя файла в content/organisations без .yaml")
    academic_year: AcademicYearField | None = Field(default=None, title="Учебный год")
    period: Period | None = Field(default=None, title="Период (если не учебный год)")
    approval: Approval | None = Field(default=None, title="Утверждение")
    goals: list[NonEmptyStr] = Field(default_factory=list, title="Цели")
    tasks: list[NonEmptyStr] = Field(default_factory=list, title="Задачи")
    grouping: Grouping = Field(default=Grouping.SECTIONS, title="Как называются группы мероприятий")
    abbreviations: dict[str, NonEmptyStr] = Field(default_factory=dict, title="Сокращения")
    sections: list[PlanSection] = Field(default_factory=list, title="Разделы с мероприятиями")
    items: list[PlanItem] = Field(default_factory=list, title="Мероприятия (простой список)")

    @model_validator(mode="after")
    def _one_time_frame(self) -> Plan:
        if (self.academic_year is None) == (self.period is None):
            raise PydanticCustomError(
                "oko_plan_period", "укажите либо academic_year (учебный год), либо period (начало и окончание)"
            )
        return self

    @model_validator(mode="after")
    def _sections_or_items(self) -> Plan:
        if bool(self.sections) == bool(self.items):
            raise PydanticCustomError(
                "oko_plan_items",
                "план должен содержать либо sections (разделы с мероприятиями), либо items (список мероприятий)",
            )
        return self

    @model_validator(mode="after")
    def _resolve_deadline_years(self) -> Plan:
        """«Август – октябрь» in a 2023-2024 plan means 2023: years come from the plan's time frame, or from
        the section's heading when it is a year («2024 год»: «март» is March 2024)."""
        for path, item in self.located_items():
            year_of_month = self.year_of_month_at(path)
            if item.deadline is not None:
                item.deadline = item.deadline.resolved(year_of_month)
            for level in item.levels:
                if level.deadline is not None:
                    level.deadline = level.deadline.resolved(year_of_month)
        return self

    def section_years(self, path: tuple[str | int, ...]) -> tuple[int, int] | None:
        """The years of the section an item (by its data path) stands in, when its heading is a year."""
        return self.sections[int(path[1])].years if path[0] == "sections" else None

    def year_of_month_at(self, path: tuple[str | int, ...]) -> Callable[[int], int]:
        """Which year a month without one means for the item at `path`."""
        years = self.section_years(path)
        if years is None:
            return self.time_frame.year_of_month
        first, last = years

        def in_section(month: int) -> int:
            year = self.time_frame.year_of_month(month)
            return year if first <= year <= last else first

        return in_section

    @property
    def time_frame(self) -> AcademicYearField | Period:
        return self.academic_year or self.period  # type: ignore[return-value]

    def located_items(self) -> Iterator[tuple[tuple[str | int, ...], PlanItem]]:
        """Every item with its data path, e.g. ('sections', 0, 'items', 2)."""
        for s_index, section in enumerate(self.sections):
            for i_index, item in enumerate(section.items):
                yield ("sections", s_index, "items", i_index), item
        for i_index, item in enumerate(self.items):
            yield ("items", i_index), item

    @property
    def item_count(self) -> int:
        return sum(1 for _ in self.located_items())
