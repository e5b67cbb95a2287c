"""References between content files: organisations named by id, links that must lead somewhere."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from oko.errors import Issue
from oko.project import Project
from oko.site import LINK_HINT, Routes, resolve_link


def _did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    if close:
        return f"возможно, вы имели в виду «{close[0]}»"
    return "есть: " + ", ".join(sorted(choices)) if choices else "папка content/organisations пуста"


def _missing(project: Project, org_id: str) -> bool:
    """Not among the organisations; a file that exists but has errors is reported on its own."""
    return org_id not in project.organisations and f"organisations/{org_id}.yaml" not in project.invalid


def config_organisation_exists(project: Project) -> Iterator[Issue]:
    """The site's owner must be one of content/organisations."""
    config, doc = project.config, project.config_doc
    if config and doc and _missing(project, config.organisation):
        yield doc.issue(
            f"организация «{config.organisation}» не найдена в content/organisations", ("organisation",),
            hint=_did_you_mean(config.organisation, list(project.organisations)),
        )


def plan_organisations_exist(project: Project) -> Iterator[Issue]:
    """Every plan names an existing organisation."""
    for entry in project.plans.values():
        org_id = entry.model.organisation
        if _missing(project, org_id):
            yield entry.doc.issue(
                f"организация «{org_id}» не найдена в content/organisations", ("organisation",),
                hint=_did_you_mean(org_id, list(project.organisations)),
            )


def plan_evidence_links_resolve(project: Project, routes: Routes) -> Iterator[Issue]:
    """An evidence link (протокол, приказ, page or file) must lead to something that exists."""
    for entry in project.plans.values():
        for path, item in entry.model.located_items():
            for index, link in enumerate(item.evidence):
                if resolve_link(link.link, entry.source, routes) is None:
                    yield entry.doc.issue(
                        f"ссылка «{link.link}» никуда не ведёт: такого файла или страницы нет",
                        (*path, "evidence", index, "link"),
                        hint=LINK_HINT,
                    )
