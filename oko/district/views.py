"""The district's pages from the schools' summaries: monitoring, the schedule across schools, results, the plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from oko.district.monitoring import REQUIREMENTS, Requirement
from oko.district.summary import SchoolSummary
from oko.kinds.plans import plans
from oko.kinds.plans.model import ItemStatus
from oko.project import Project
from oko.results import analytics
from oko.results.figures import mean_mark, quality_rate, success_rate
from oko.site import HOME, Crumb, Page

SECTION = Crumb("Школы района", "/district/")
STATE_NAMES = {"ok": "есть", "stale": "устарело", "missing": "нет"}
SCHOOL_STATES = {"built": "", "kept": "не обновлён: ошибки в содержимом, опубликована прежняя версия",
                 "failed": "не опубликован: ошибки в содержимом"}


def requirement_anchor(requirement: Requirement) -> str:
    return f"trebovanie-{requirement.key}"


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}".replace(".", ",")


@dataclass
class ShownCell:
    requirement: Requirement
    state: str
    title: str = ""
    url: str = ""
    date: dt.date | None = None


@dataclass
class SchoolRow:
    school: SchoolSummary
    cells: list[ShownCell] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"/{self.school.slug}/"

    @property
    def note(self) -> str:
        return SCHOOL_STATES[self.school.state]

    @property
    def filled(self) -> int:
        return sum(1 for cell in self.cells if cell.state == "ok")


def monitoring_rows(schools: list[SchoolSummary]) -> list[SchoolRow]:
    rows = []
    for school in schools:
        by_key = {cell["key"]: cell for cell in school.cells}
        row = SchoolRow(school)
        for requirement in REQUIREMENTS:
            cell = by_key.get(requirement.key, {"state": "missing"})
            url = cell.get("url", "")
            if url.startswith("/"):
                url = f"/{school.slug}{url}"  # the school's site-absolute address inside the district's site
            row.cells.append(ShownCell(requirement, cell["state"] if school.state != "failed" else "missing",
                                       cell.get("title", ""), url,
                                       dt.date.fromisoformat(cell["date"]) if cell.get("date") else None))
        rows.append(row)
    return rows


def schedule_rows(schools: list[SchoolSummary]) -> list[dict[str, Any]]:
    """One row per date, kind and subject; the schools that write it, with their grades."""
    grouped: dict[tuple[str, str, str, str, str], dict[str, tuple[SchoolSummary, list[str]]]] = {}
    for school in schools:
        for p in school.procedures:
            key = (p["date"], p["last"] if p["dated"] == "no" else p["date"], p["kind"], p["subject"], p["level"])
            grouped.setdefault(key, {}).setdefault(school.slug, (school, []))[1].append(p["grades"])
    return [{"first": dt.date.fromisoformat(first), "last": dt.date.fromisoformat(last), "kind": kind,
             "subject": subject, "level": level,
             "schools": [(school, ", ".join(grades)) for school, grades in entries.values()]}
            for (first, last, kind, subject, level), entries in sorted(grouped.items())]


@dataclass
class ResultLine:
    name: str
    url: str
    participants: int
    success: str
    quality: str
    mean: str
    against: str = ""  # quality minus the group's, in points
    marker: str = ""  # marker A of seed 003: the school's interval above the group's


def _counts(mapping: dict[str, int]) -> dict[int, int]:
    return {int(k): v for k, v in mapping.items()}


def results_tables(schools: list[SchoolSummary], min_group: int) -> list[dict[str, Any]]:
    """Each procedure the schools share (year, kind, subject, grade): every school against the group."""
    grouped: dict[tuple[str, str, str, int], list[tuple[SchoolSummary, dict[str, Any]]]] = {}
    for school in schools:
        for r in school.results:
            grouped.setdefault((r["year"], r["kind"], r["subject"], r["grade"]), []).append((school, r))
    ordered = sorted(grouped.items(), key=lambda item: (item[0][0], item[0][1:]), reverse=True)
    return [_table(key, entries, min_group, f"r-{key[0]}-{number}")
            for number, (key, entries) in enumerate(ordered, 1)]


def _pooled(entries: list[tuple[SchoolSummary, dict[str, Any]]], field_name: str) -> dict[int, int]:
    pooled: dict[int, int] = {}
    for _, r in entries:
        for value, n in _counts(r[field_name]).items():
            pooled[value] = pooled.get(value, 0) + n
    return pooled


def _table(key: tuple[str, str, str, int], entries: list[tuple[SchoolSummary, dict[str, Any]]], min_group: int,
           table_id: str) -> dict[str, Any]:
    """One procedure: the schools with at least min_group participants, and the group of them pooled.

    Marker A of seed 003 (§1.1, oko/results/analytics.py): the school's 95 % interval of the mean primary
    score lies above the group's — computed only when every shown school gave its distribution of scores.
    """
    year, kind, subject, grade = key
    shown = [(s, r) for s, r in entries if r["participants"] >= min_group]
    hidden = [s.short_name for s, r in entries if r["participants"] < min_group]
    marks, scores = _pooled(shown, "marks"), _pooled(shown, "scores")
    first = (shown or entries)[0][1]
    pass_mark, quality_mark = first["pass_mark"], first["quality_mark"]
    group_quality = quality_rate(marks, quality_mark)
    with_scores = bool(shown) and all(r["scores"] for _, r in shown)
    group_interval = analytics.interval_from_counts(scores) if with_scores else None
    lines = []
    for school, r in shown:
        own = _counts(r["marks"])
        quality = quality_rate(own, quality_mark)
        against = "" if quality is None or group_quality is None else _signed(quality - group_quality)
        marker = ""
        if group_interval is not None:
            interval = analytics.interval_from_counts(_counts(r["scores"]))
            if interval is not None and analytics.inflated_mean(interval, group_interval).flagged:
                marker = "средний балл выше, чем у группы школ (доверительные интервалы не пересекаются)"
        lines.append(ResultLine(school.short_name, f"/{school.slug}{r['url']}", r["participants"],
                                _number(success_rate(own, pass_mark)), _number(quality),
                                _number(mean_mark(own), 2), against, marker))
    group = ResultLine("Все школы района", "", sum(marks.values()), _number(success_rate(marks, pass_mark)),
                       _number(group_quality), _number(mean_mark(marks), 2))
    return {"year": year, "kind": kind, "subject": subject, "grade": grade, "lines": lines,
            "group": group if len(shown) > 1 else None, "hidden": hidden, "min_group": min_group, "id": table_id}


def _signed(points: float) -> str:
    return ("+" if points > 0 else "−" if points < 0 else "±") + _number(abs(points))


def plan_views(project: Project) -> list[dict[str, Any]]:
    """The district's own plans (of the site's organisation), newest first, with the state of each item."""
    own = project.config.organisation if project.config else ""
    views = []
    for entry in sorted(plans(project).values(), key=lambda e: e.id, reverse=True):
        plan = entry.model
        if plan.organisation != own:
            continue
        items = [item for _, item in plan.located_items()]
        counts = {status: sum(1 for item in items if item.status is status) for status in ItemStatus}
        unknown = sum(1 for item in items if item.status is None)
        done = counts[ItemStatus.DONE]
        views.append({"entry": entry, "plan": plan, "plan_items": items, "counts": counts, "unknown": unknown,
                      "done_percent": round(done * 100 / len(items)) if items else 0,
                      "url": f"/plans/{entry.id}/"})
    return views


def district_pages(project: Project, schools: list[SchoolSummary], min_group: int, year: str) -> list[Page]:
    crumbs = [HOME, SECTION]
    rows = monitoring_rows(schools)
    common = {"schools": schools, "year": year, "district_nav": NAV}
    return [
        Page(SECTION.url, "district_monitoring.html", f"Мониторинг ВСОКО в школах района, {year} учебный год",
             description="Наличие в школах района документов ВСОКО, протоколов, плана мероприятий, результатов "
                         "и управленческих решений", breadcrumbs=[HOME],
             data={**common, "rows": rows, "requirements": REQUIREMENTS, "state_names": STATE_NAMES,
                   "anchor": requirement_anchor}),
        Page("/district/schedule/", "district_schedule.html", f"График ВПР и других оценочных процедур школ района, "
             f"{year} учебный год", description="Федеральные и региональные оценочные процедуры всех школ района",
             breadcrumbs=crumbs, data={**common, "rows": schedule_rows(schools)}),
        Page("/district/results/", "district_results.html", "Результаты оценочных процедур школ района",
             description="Каждая школа рядом с группой школ района", breadcrumbs=crumbs,
             data={**common, "tables": results_tables(schools, min_group)}),
        Page("/district/plan/", "district_plan.html", "Исполнение плана мероприятий района",
             description="Состояние пунктов плана мероприятий района", breadcrumbs=crumbs,
             data={**common, "plans": plan_views(project), "statuses": list(ItemStatus)}),
    ]


NAV = (("Мониторинг", "/district/"), ("График ВПР", "/district/schedule/"),
       ("Результаты", "/district/results/"), ("План района", "/district/plan/"))
