"""Rules for plans of measures."""

from __future__ import annotations

from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.organisations import organisations
from oko.kinds.organisations.rules import did_you_mean, missing
from oko.kinds.plans import plans
from oko.kinds.plans.model import Plan, PlanItem
from oko.kinds.plans.responsible import responsible_places, run_together, written_entries
from oko.kinds.plans.shapes import old_shapes
from oko.links import LINK_HINT, Routes, resolve_link
from oko.models.deadline import (
    DEADLINE_HINT,
    Deadline,
    DeadlineKind,
    PlanPeriod,
    outside_period,
    plan_period,
    years_period,
)
from oko.project import Project
from oko.source_doc import DataPath

RULE_CODES = {
    "plan.deadline_missing": "у мероприятия плана указан срок",
    "plan.deadline_free_text": "срок мероприятия записан в распознаваемом виде",
    "plan.deadline_outside_period": "даты срока лежат в периоде плана",
    "plan.names_run_together": "ФИО ответственных разделены запятой",
    "plan.shape": "ответственные записаны полями position и name, которые можно править в формах (текст — ошибка)",
}


def dated(path: DataPath, item: PlanItem) -> list[tuple[DataPath, Deadline]]:
    """The deadlines of an item and of its levels, with their data paths."""
    found = [((*path, "deadline"), item.deadline)] + [((*path, "levels", index, "deadline"), level.deadline)
                                                     for index, level in enumerate(item.levels)]
    return [(where, deadline) for where, deadline in found if deadline is not None]


def deadlines_fit_the_calendar(project: Project) -> Iterator[Issue]:
    """Dates without a year take it from the plan's year; the result must be a real, ordered date."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            for where, deadline in dated(path, item):
                problem = deadline.problem()  # years were filled from the plan when it was validated
                if problem:
                    yield entry.doc.issue(f"«{deadline.text}»: {problem}", where,
                                          hint="укажите год явно, например «ноябрь 2025 – февраль 2026»")


def deadlines_are_given(project: Project) -> Iterator[Issue]:
    """A plan item without a deadline is allowed (some seed plans have such rows) but flagged."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            if not dated(path, item):  # a measure by levels may give each level its own deadline
                yield entry.doc.issue("срок не указан", (*path, "activity"), level="warning",
                                      hint="добавьте строку «deadline: …», " + DEADLINE_HINT,
                                      code="plan.deadline_missing")


def free_text_deadlines(project: Project) -> Iterator[Issue]:
    """A deadline in no recognised form is shown as written, and flagged: maybe it is a typo."""
    for entry in plans(project).values():
        for path, item in entry.model.located_items():
            for where, deadline in dated(path, item):
                if deadline.kind == DeadlineKind.FREE:
                    yield entry.doc.issue(f"срок «{deadline.text}» не распознан и будет показан как есть", where,
                                          level="warning", hint=DEADLINE_HINT, code="plan.deadline_free_text")


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
    """A date outside the plan's academic year or period — or outside the year a section's heading names
    («2024 год») — is a warning that names the period (issue 12)."""
    for entry in plans(project).values():
        plan = entry.model
        for path, item in plan.located_items():
            for where, deadline in dated(path, item):
                found = next(((period, message) for period in _periods_at(plan, path)
                              if (message := outside_period(deadline, period))), None)
                if found:
                    yield entry.doc.issue(found[1], where, level="warning", hint=_period_hint(found[0]),
                                          code="plan.deadline_outside_period")


def _periods_at(plan: Plan, path: DataPath) -> list[PlanPeriod]:
    """The years of the section an item stands in when its heading is a year, then the plan's period."""
    years = plan.section_years(path)
    own = [] if years is None else [years_period(years, plan.sections[int(path[1])].title)]
    return [*own, plan_period(plan.time_frame)]


def _period_hint(period: PlanPeriod) -> str:
    return "проверьте год или укажите его явно" + ("" if period.of == "периода плана" else
                                                   ", либо перенесите мероприятие в раздел своего года")


def item_numbers_are_unique(project: Project) -> Iterator[Issue]:
    """An item's own number («п. 42») is how documents cite it and its page anchor: one per plan."""
    for entry in plans(project).values():
        seen: dict[str, DataPath] = {}
        for path, item in entry.model.located_items():
            if item.number is None:
                continue
            key = item.number.rstrip(".")
            if key in seen:
                first = entry.doc.position((*seen[key], "number"))
                yield entry.doc.issue(
                    f"номер «{item.number}» уже есть у другого мероприятия плана"
                    + (f" (строка {first.line})" if first else ""), (*path, "number"),
                    hint="у каждого мероприятия свой номер: исправьте опечатку или уберите повтор")
            else:
                seen[key] = path


def responsible_names_are_separated(project: Project) -> Iterator[Issue]:
    """«Иванова И.И.Петров П.П.» reads as one person: names run together are flagged (shown split anyway)."""
    for entry in plans(project).values():
        for place, raw in responsible_places(entry.model, entry.doc.data):
            for inside, text in written_entries(raw):
                for joined in run_together(text):
                    yield entry.doc.issue(
                        f"в «{joined}» имена ответственных написаны слитно", (*place, *inside), level="warning",
                        hint="разделите людей запятой или запишите каждого отдельной строкой списка",
                        code="plan.names_run_together")


def check_plans(project: Project, routes: Routes) -> list[Issue]:
    """Every rule of plans: old shapes first (their fix changes the lines the other rules point at)."""
    return [*(issue for entry in plans(project).values() for issue in old_shapes(entry)),
            *plan_organisations_exist(project), *plan_evidence_links_resolve(project, routes),
            *deadlines_fit_the_calendar(project), *deadlines_are_given(project), *free_text_deadlines(project),
            *deadlines_inside_the_plan_period(project), *item_numbers_are_unique(project),
            *responsible_names_are_separated(project)]
