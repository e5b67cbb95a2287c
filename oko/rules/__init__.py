"""Rules that span documents. Each is a small named function returning Issues."""

from __future__ import annotations

from oko.errors import Issue
from oko.project import Project
from oko.rules import plans, references
from oko.site import Routes


def check_project(project: Project, routes: Routes) -> list[Issue]:
    """Run every cross-document rule."""
    return [
        *references.config_organisation_exists(project),
        *references.plan_organisations_exist(project),
        *references.plan_evidence_links_resolve(project, routes),
        *plans.deadlines_fit_the_calendar(project),
        *plans.deadlines_are_given(project),
        *plans.free_text_deadlines(project),
    ]
