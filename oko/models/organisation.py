"""Organisations that publish plans: schools, district education offices, administrations, committees."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from oko.models.common import NonEmptyStr, OkoModel


class OrganisationKind(StrEnum):
    SCHOOL = "school"
    EDUCATION_OFFICE = "education_office"
    ADMINISTRATION = "administration"
    COMMITTEE = "committee"


ORGANISATION_KIND_LABELS = {
    OrganisationKind.SCHOOL: "общеобразовательная организация",
    OrganisationKind.EDUCATION_OFFICE: "муниципальный орган управления образованием",
    OrganisationKind.ADMINISTRATION: "администрация муниципального образования",
    OrganisationKind.COMMITTEE: "комитет образования",
}


class Organisation(OkoModel):
    """`content/organisations/<id>.yaml`: one organisation; a district site may hold many."""

    name: NonEmptyStr = Field(title="Полное наименование")
    short_name: NonEmptyStr = Field(title="Сокращённое наименование")
    kind: OrganisationKind = Field(title="Тип организации")
    locality: str | None = Field(default=None, title="Населённый пункт или территория", min_length=1)
    website: str | None = Field(default=None, title="Сайт", pattern=r"^https?://\S+$")

    @property
    def kind_label(self) -> str:
        return ORGANISATION_KIND_LABELS[self.kind]
