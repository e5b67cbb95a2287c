"""Demo versions and the ВПР year: `content/demos/*.yaml` and `content/vpr/<year>.yaml`.

Real ВПР variants (КИМ) must never be published (письмо Рособрнадзора от 18.04.2025 № 02-86,
regulations.md §7): there is no place for them in these models, and oko/rules/criteria.py warns
about files named like variants.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel, RuDate


class DemoProcedure(LabelledEnum):
    VPR = ("vpr", "ВПР")
    OGE = ("oge", "ОГЭ")
    EGE = ("ege", "ЕГЭ")
    NIKO = ("niko", "НИКО")
    SCHOOL = ("school", "школьный уровень")


class MaterialKind(LabelledEnum):
    DEMO = ("demo", "демонстрационный вариант")
    DESCRIPTION = ("description", "описание работы")
    SPECIFICATION = ("specification", "спецификация")
    CODIFIER = ("codifier", "кодификатор")
    ANSWERS = ("answers", "ответы и критерии оценивания")
    SCALE = ("scale", "перевод баллов в отметки")


class Material(OkoModel):
    """One material: a local file (files/…) or an official page (https only)."""

    kind: MaterialKind = Field(title="Что это")
    title: str | None = Field(default=None, title="Название (если не стандартное)", min_length=1)
    file: str | None = Field(default=None, title="Файл в content/files", min_length=1)
    url: str | None = Field(default=None, title="Адрес на официальном сайте (https)", min_length=1)

    @model_validator(mode="after")
    def _one_place(self) -> Material:
        if bool(self.file) == bool(self.url):
            raise PydanticCustomError("oko_material", "укажите либо file (файл в content/files), либо url (https://…)")
        return self

    @property
    def label(self) -> str:
        return self.title or self.kind.label


class Demo(OkoModel):
    grade: int = Field(ge=1, le=11, title="Класс")
    subject: NonEmptyStr = Field(title="Предмет")
    materials: list[Material] = Field(min_length=1, title="Материалы")
    note: str | None = Field(default=None, title="Примечание", min_length=1)


class DemoFile(OkoModel):
    """`content/demos/<name>.yaml`: the demo versions of one procedure in one year."""

    procedure: DemoProcedure = Field(title="Процедура")
    year: int = Field(ge=2000, le=2100, title="Год")
    source: str | None = Field(default=None, title="Официальная страница с материалами", pattern=r"^https://\S+$")
    demos: list[Demo] = Field(min_length=1, title="Демоверсии")


class RandomGroup(OkoModel):
    """Subjects Rosobrnadzor assigns at random: «один из: …», «два из: …»."""

    choose: int = Field(ge=1, title="Сколько предметов")
    subjects: list[NonEmptyStr] = Field(min_length=2, title="Из каких предметов")


class VprGrade(OkoModel):
    """One grade's works: `- grade: 5` with its subjects (a list row, not a map keyed by grade, for the forms)."""

    grade: int = Field(ge=1, le=11, title="Класс (параллель)")
    required: list[NonEmptyStr] = Field(min_length=1, title="Обязательные предметы")
    random: list[RandomGroup] = Field(default_factory=list, title="Предметы по выбору Рособрнадзора")


class VprWindow(OkoModel):
    start: RuDate = Field(title="Начало")
    end: RuDate = Field(title="Окончание")


class VprYear(OkoModel):
    """`content/vpr/<year>.yaml`: which grades write which ВПР in a year, and what parents should know."""

    year: int = Field(ge=2000, le=2100, title="Год")
    window: VprWindow = Field(title="Период проведения")
    basis: str | None = Field(default=None, title="Основание (приказ Рособрнадзора)", min_length=1)
    grades: list[VprGrade] = Field(min_length=1, title="Параллели")
    for_parents: str | None = Field(default=None, title="Что знать родителям (Markdown)", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _grades_from_map(cls, data: Any) -> Any:
        """The old shape, `grades: {5: {…}}` (a form brought it back as a list with nulls): still read, so the
        rest is checked, and reported with its new form by the rule vpr.shape (oko/kinds/vpr/shapes.py)."""
        if isinstance(data, dict) and isinstance(data.get("grades"), dict):
            rows = [{"grade": grade, **plan} if isinstance(plan, dict) else plan
                    for grade, plan in data["grades"].items()]
            return {**data, "grades": rows}
        return data

    @property
    def by_grade(self) -> list[VprGrade]:
        return sorted(self.grades, key=lambda plan: plan.grade)
