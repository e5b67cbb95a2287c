"""References to organisations by id: the site's owner and every plan's author must exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.organisations import organisations
from oko.project import Project


def did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    if close:
        return f"возможно, вы имели в виду «{close[0]}»"
    return "есть: " + ", ".join(sorted(choices)) if choices else "папка content/organisations пуста"


def missing(project: Project, org_id: str) -> bool:
    """Not among the organisations; a file that exists but has errors is reported on its own."""
    return org_id not in organisations(project) and f"organisations/{org_id}.yaml" not in project.invalid


def config_organisation_exists(project: Project) -> Iterator[Issue]:
    """The site's owner must be one of content/organisations."""
    config, doc = project.config, project.config_doc
    if config and doc and missing(project, config.organisation):
        yield doc.issue(
            f"организация «{config.organisation}» не найдена в content/organisations", ("organisation",),
            hint=did_you_mean(config.organisation, list(organisations(project))),
        )
