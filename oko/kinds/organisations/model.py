"""Organisations that publish plans: schools, district education offices, administrations, committees."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError
from stdnum.ru import inn as stdnum_inn

from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel


def checked_inn(value: str) -> str:
    """An organisation's ИНН: 10 digits with a right check digit (НК РФ ст.84; приказ ФНС № ММВ-7-6/435@)."""
    if not (len(value) == 10 and value.isdigit()):
        raise PydanticCustomError("oko_inn", "ИНН организации — 10 цифр, а указано «{value}»", {"value": value})
    if not stdnum_inn.is_valid(value):
        raise PydanticCustomError("oko_inn", "ИНН «{value}»: неверная контрольная цифра — проверьте цифры",
                                  {"value": value})
    return value


def _digits(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Inn = Annotated[str, BeforeValidator(_digits), AfterValidator(checked_inn)]


class OrganisationKind(LabelledEnum):
    SCHOOL = ("school", "общеобразовательная организация")
    EDUCATION_OFFICE = ("education_office", "муниципальный орган управления образованием")
    ADMINISTRATION = ("administration", "администрация муниципального образования")
    COMMITTEE = ("committee", "комитет образования")


class Organisation(OkoModel):
    """`content/organisations/<id>.yaml`: one organisation; a district site may hold many."""

    name: NonEmptyStr = Field(title="Полное наименование")
    short_name: NonEmptyStr = Field(title="Сокращённое наименование")
    kind: OrganisationKind = Field(title="Тип организации")
    locality: str | None = Field(default=None, title="Населённый пункт или территория", min_length=1)
    website: str | None = Field(default=None, title="Сайт", pattern=r"^https?://\S+$")
    inn: Inn | None = Field(default=None, title="ИНН", description="10 цифр")
