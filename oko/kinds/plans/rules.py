"""Rules for plans of measures."""

from __future__ import annotations

from collections.abc import Iterator

from oko.errors import Issue
from oko.models.deadline import DEADLINE_HINT, DeadlineKind
from oko.project import Project

RULE_CODES = {
    "plan.deadline_missing": "у мероприятия плана указан срок",
    "plan.deadline_free_text": "срок мероприятия записан в распознаваемом виде",
}


def deadlines_fit_the_calendar(project: Project) -> Iterator[Issue]:
    """Dates without a year take it from the plan's year; the result must be a real, ordered date."""
    for entry in project.plans.values():
        for path, item in entry.model.located_items():
            if item.deadline is None:
                continue
            problem = item.deadline.problem()  # years were filled from the plan when it was validated
            if problem:
                yield entry.doc.issue(f"«{item.deadline.text}»: {problem}", (*path, "deadline"),
                                      hint="укажите год явно, например «ноябрь 2025 – февраль 2026»")


def deadlines_are_given(project: Project) -> Iterator[Issue]:
    """A plan item without a deadline is allowed (some seed plans have such rows) but flagged."""
    for entry in project.plans.values():
        for path, item in entry.model.located_items():
            if item.deadline is None:
                yield entry.doc.issue("срок не указан", (*path, "activity"), level="warning",
                                      hint="добавьте строку «deadline: …», " + DEADLINE_HINT,
                                      code="plan.deadline_missing")


def free_text_deadlines(project: Project) -> Iterator[Issue]:
    """A deadline in no recognised form is shown as written, and flagged: maybe it is a typo."""
    for entry in project.plans.values():
        for path, item in entry.model.located_items():
            if item.deadline is not None and item.deadline.kind == DeadlineKind.FREE:
                yield entry.doc.issue(
                    f"срок «{item.deadline.text}» не распознан и будет показан как есть", (*path, "deadline"),
                    level="warning", hint=DEADLINE_HINT, code="plan.deadline_free_text",
                )
