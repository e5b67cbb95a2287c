"""Organisations (content/organisations/*.yaml): the site's owner and the authors of plans."""

from __future__ import annotations

from oko.kinds.organisations.model import Organisation
from oko.project import Entry, Project

NAME = "organisations"


def organisations(project: Project) -> dict[str, Entry[Organisation]]:
    return project.entries.get(NAME, {})


def owner(project: Project) -> Entry[Organisation] | None:
    """The organisation site_config.yaml names as the site's owner."""
    return organisations(project).get(project.config.organisation) if project.config else None
