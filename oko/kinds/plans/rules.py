"""Rules for plans of measures."""

from __future__ import annotations

from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.organisations import organisations
from oko.kinds.organisations.rules import did_you_mean, missing
from oko.kinds.plans import plans
from oko.links import LINK_HINT, Routes, resolve_link
from oko.models.deadline import DEADLINE_HINT, DeadlineKind, outside_period, plan_period
from oko.project import Project

RULE_CODES = {
    "plan.deadline_missing": "у мероприятия плана указан срок",
    "plan.deadline_free_text": "срок мероприятия записан в распознаваемом виде",
    "plan.deadline_outside_period": "даты срока лежат в периоде плана",
}


def deadlines_fit_the_calendar(project: Project) -> Iterator[Issue]:
    """Dates without a year take it from the plan's year; the result must be a real, ordered date."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            if item.deadline is None:
                continue
            problem = item.deadline.problem()  # years were filled from the plan when it was validated
            if problem:
                yield entry.doc.issue(f"«{item.deadline.text}»: {problem}", (*path, "deadline"),
                                      hint="укажите год явно, например «ноябрь 2025 – февраль 2026»")


def deadlines_are_given(project: Project) -> Iterator[Issue]:
    """A plan item without a deadline is allowed (some seed plans have such rows) but flagged."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            if item.deadline is None:
                yield entry.doc.issue("срок не указан", (*path, "activity"), level="warning",
                                      hint="добавьте строку «deadline: …», " + DEADLINE_HINT,
                                      code="plan.deadline_missing")


def free_text_deadlines(project: Project) -> Iterator[Issue]:
    """A deadline in no recognised form is shown as written, and flagged: maybe it is a typo."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            if item.deadline is not None and item.deadline.kind == DeadlineKind.FREE:
                yield entry.doc.issue(
                    f"срок «{item.deadline.text}» не распознан и будет показан как есть", (*path, "deadline"),
                    level="warning", hint=DEADLINE_HINT, code="plan.deadline_free_text",
                )


def plan_organisations_exist(project: Project) -> Iterator[Issue]:
    """Every plan names an existing organisation."""
    for entry in plans(project).values():
        org_id = entry.model.organisation
        if missing(project, org_id):
            yield entry.doc.issue(
                f"организация «{org_id}» не найдена в content/organisations", ("organisation",),
                hint=did_you_mean(org_id, list(organisations(project))),
            )


def plan_evidence_links_resolve(project: Project, routes: Routes) -> Iterator[Issue]:
    """An evidence link (протокол, приказ, page or file) must lead to something that exists."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            for index, link in enumerate(item.evidence):
                if resolve_link(link.link, entry.source, routes) is None:
                    yield entry.doc.issue(
                        f"ссылка «{link.link}» никуда не ведёт: такого файла или страницы нет",
                        (*path, "evidence", index, "link"),
                        hint=LINK_HINT,
                    )


def deadlines_inside_the_plan_period(project: Project) -> Iterator[Issue]:
    """A date outside the plan's academic year or period is a warning that names the period (issue 12)."""
    for entry in plans(project).values():
        period = plan_period(entry.model.time_frame)
        for path, item in entry.model.located_items():
            message = outside_period(item.deadline, period) if item.deadline is not None else ""
            if message:
                yield entry.doc.issue(message, (*path, "deadline"), level="warning",
                                      hint="проверьте год или укажите его явно", code="plan.deadline_outside_period")
