"""The organisations kind: loaded, checked, edited in a form; they have no pages of their own."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, Schema
from oko.kinds.organisations import NAME
from oko.kinds.organisations.model import Organisation
from oko.kinds.organisations.rules import config_organisation_exists
from oko.project import Project


class Organisations(Kind):
    name = NAME
    order = 10
    paths = ("organisations",)
    folder = "organisations"
    model = Organisation
    schemas = (Schema("organisation", Organisation, "Организация", "content/organisations/*.yaml"),)

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return config_organisation_exists(ctx.project)

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(60, "organisations", "Организации", "content/organisations", "organisation",
                           summary="{{short_name}}")]


KIND = Organisations()
