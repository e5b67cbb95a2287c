"""Organisations that publish plans: schools, district education offices, administrations, committees."""

from __future__ import annotations

from pydantic import Field

from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel


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
