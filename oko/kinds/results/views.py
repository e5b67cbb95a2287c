"""The results pages: /results/ (by year and procedure), one page per procedure, and the analytics page.

A group the suppression hides (oko/results/suppression.py) is named where it would be, with the reason, and
none of its figures appear anywhere: not in the table, the chart, the downloads or the markers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from oko.kinds.results import SECTION_URL, min_group, result_url, results, year_of
from oko.kinds.results.figures_view import GroupView, group_name, ru_number, shown_group
from oko.kinds.results.link import scheduled
from oko.kinds.schedule.assemble import Placed, YearSchedule
from oko.kinds.schedule.views import year_url
from oko.project import Entry, Project
from oko.results import checks, figures
from oko.results.model import ProcedureResults
from oko.results.suppression import suppress_result
from oko.site import HOME, Crumb, Page

SECTION = Crumb("Результаты оценочных процедур", SECTION_URL)
ANALYTICS_URL = f"{SECTION_URL}analytics/"
FINDING_TITLES = {
    "inflated_mean": "средний балл против группы сравнения (95 % доверительные интервалы)",
    "negative_correlation": "связь отметки по журналу и первичного балла",
    "shift_profile": "сравнение с отметками по журналу",
    "mark_gaps": "отметки за работу и по журналу различаются на 2 и больше",
    "boundary_peak": "пик распределения баллов на границе отметки",
}
DOWNLOAD_FORMATS = (("csv", "Таблица CSV (.csv, UTF-8)"), ("xlsx", "Таблица Excel (.xlsx)"),
                    ("json", "Данные JSON (.json) — для программ"))


@dataclass(frozen=True)
class ReferenceView:
    name: str
    participants: str
    shares: tuple[str, ...]
    mean_score: str


@dataclass
class ProcedureView:
    """Everything one procedure's page and downloads show."""

    key: str
    entry: Entry[ProcedureResults]
    placed: Placed | None
    groups: list[GroupView]
    min_group: int
    references: list[ReferenceView] = field(default_factory=list)

    @property
    def result(self) -> ProcedureResults:
        return self.entry.model

    @property
    def url(self) -> str:
        return result_url(self.key)

    @property
    def year(self) -> str:
        return year_of(self.key)

    @property
    def shown(self) -> list[GroupView]:
        return [group for group in self.groups if not group.hidden]

    @property
    def task_ids(self) -> list[str]:
        ids = [task.id for task in self.result.tasks or []]
        return ids or sorted({task for group in self.shown for task in group.tasks or {}})

    def download(self, suffix: str) -> str:
        return f"{SECTION_URL}{self.key}.{suffix}"


def procedure_view(key: str, entry: Entry[ProcedureResults], schedules: Mapping[str, YearSchedule],
                   threshold: int) -> ProcedureView:
    result = entry.model
    suppression = suppress_result(result, min_group=threshold)
    rows = [figures.parallel_total(result)]
    if not result.is_merged():
        rows += sorted(result.groups, key=lambda group: group.group)
    chart_id = "chart-" + key.replace("/", "-")
    groups = []
    for group in rows:
        if group.group in suppression.primary:
            groups.append(GroupView(group.group, group_name(group.group), 0,
                                    hidden=f"данные не публикуются: меньше {threshold} участников"))
        elif group.group in suppression.complementary:
            groups.append(GroupView(group.group, group_name(group.group), 0,
                                    hidden="данные не публикуются: по ним и итогу параллели можно было бы вычислить "
                                           f"результаты класса, где меньше {threshold} участников"))
        else:
            groups.append(shown_group(result, group, f"{chart_id}-{group.group}"))
    view = ProcedureView(key, entry, scheduled(result, schedules.get(year_of(key))), groups, threshold)
    view.references = [ReferenceView(
        reference.label[:1].upper() + reference.label[1:],
        str(reference.participants) if reference.participants is not None else "—",
        tuple(ru_number((reference.shares or {}).get(mark), 1) for mark in result.mark_set),
        ru_number(reference.mean_score, 1)) for reference in result.reference if reference.shares]
    return view


def procedure_views(project: Project, schedules: Mapping[str, YearSchedule]) -> list[ProcedureView]:
    """Newest first: by year, then by date, then by title."""
    threshold = min_group(project)
    views = [procedure_view(key, entry, schedules, threshold) for key, entry in results(project).items()]
    return sorted(views, key=lambda v: (v.year, v.result.date, v.result.display_title), reverse=True)


def analytics_findings(view: ProcedureView) -> list[tuple[checks.Finding, str]]:
    """The markers of the groups the page shows, with the title of each marker."""
    hidden = frozenset(group.key for group in view.groups if group.hidden)
    return [(finding, FINDING_TITLES.get(finding.code, finding.code))
            for finding in checks.findings(view.result, view.min_group, hidden=hidden)]


def results_pages(project: Project, schedules: Mapping[str, YearSchedule]) -> list[Page]:
    views = procedure_views(project, schedules)
    if not views:
        return []
    publish = bool(project.config and project.config.results.publish_analytics)
    years = sorted({view.year for view in views}, reverse=True)
    pages = [Page(SECTION_URL, "results.html", SECTION.title, breadcrumbs=[HOME], kind="Результаты",
                  description="Результаты ВПР и контрольных работ по классам: отметки, баллы, таблицы для скачивания",
                  related=[view.entry.source for view in views],
                  data={"years": [(year, [v for v in views if v.year == year]) for year in years],
                        "analytics_url": ANALYTICS_URL if publish else "", "min_group": min_group(project)})]
    for view in views:
        pages.append(Page(view.url, "results_procedure.html", view.result.display_title, source=view.entry.source,
                          breadcrumbs=[HOME, SECTION], kind="Результаты",
                          description=f"{view.result.display_title}: отметки и баллы по классам",
                          data={"view": view, "schedule_url": year_url(view.year) if view.placed else "",
                                "formats": DOWNLOAD_FORMATS}))
    if publish:
        pages.append(Page(ANALYTICS_URL, "results_analytics.html", "Анализ объективности результатов",
                          breadcrumbs=[HOME, SECTION], kind="Результаты", related=[v.entry.source for v in views],
                          description="Признаки необъективности результатов по методике ФИОКО",
                          data={"procedures": [(view, analytics_findings(view)) for view in views]}))
    return pages
