"""Plans of measures on the objectivity of assessment («планы мероприятий»), in every shape the seeds have."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

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
from oko.models.deadline import DeadlineField


class ItemStatus(LabelledEnum):
    PLANNED = ("planned", "запланировано")
    IN_PROGRESS = ("in_progress", "выполняется")
    DONE = ("done", "выполнено")


class Grouping(LabelledEnum):
    SECTIONS = ("sections", "Раздел")
    TASKS = ("tasks", "Задача")
    DIRECTIONS = ("directions", "Направление деятельности")


class PlanItem(OkoModel):
    """One row of a plan: what is done, when, by whom, with what result."""

    activity: NonEmptyStr = Field(title="Мероприятие")
    deadline: DeadlineField | None = Field(default=None, title="Срок")
    responsible: list[Responsible] = Field(default_factory=list, title="Ответственные")
    result: str | None = Field(default=None, title="Ожидаемый результат", min_length=1)
    status: ItemStatus | None = Field(default=None, title="Статус")
    evidence: list[Link] = Field(default_factory=list, title="Подтверждения (протокол, приказ, страница, файл)")
    note: str | None = Field(default=None, title="Примечание", min_length=1)


class PlanSection(OkoModel):
    """A group of items: a numbered section, a task or a direction of activity."""

    title: NonEmptyStr = Field(title="Название")
    items: list[PlanItem] = Field(min_length=1, title="Мероприятия")


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
        """«Август – октябрь» in a 2023-2024 plan means 2023: years come from the plan's time frame."""
        for _, item in self.located_items():
            if item.deadline is not None:
                item.deadline = item.deadline.resolved(self.time_frame.year_of_month)
        return self

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
