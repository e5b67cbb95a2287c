"""Pages of the schedule of assessment procedures: index, year, class, calendar, staff matrix.

Addresses: /schedule/ (pick a class), /schedule/<year>/, /schedule/<year>/<class>/ (e.g. 5a),
/schedule/<year>/calendar/, /schedule/<year>/calendar/<class>/ (the month calendar of one class: a phone
narrows the school's calendar to a class without JavaScript), /schedule/<year>/matrix/,
/schedule/<year>/overview/ (months × levels); files beside them (ics, csv, xlsx, json).
/schedule/<class>/ is the newest year's page of the class at an address without the year, so that a
parent's bookmark survives the new year; the site links classes there.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from oko.cache.digests import cached
from oko.kinds.news import NewsLink, news_about
from oko.kinds.results import result_url
from oko.kinds.results.link import results_by_entry
from oko.kinds.schedule.assemble import Placed, YearSchedule, class_slug, grade_of
from oko.kinds.schedule.calendar_grid import months
from oko.kinds.schedule.ical import calendar_bytes
from oko.kinds.schedule.tables import csv_bytes, json_bytes, xlsx_bytes
from oko.project import Project
from oko.site import HOME, Crumb, Page

NewsByWork = dict[tuple[str, str], dict[str, list[NewsLink]]]  # (year, class) → «date|subject» → news items

SECTION = Crumb("График оценочных процедур", "/schedule/")


def year_url(year: str) -> str:
    return f"/schedule/{year}/"


def class_url(year: str, name: str) -> str:
    return f"/schedule/{year}/{class_slug(name)}/"


def stable_class_url(name: str) -> str:
    """/schedule/5a/: the class's page of the newest year, whichever year that is."""
    return f"/schedule/{class_slug(name)}/"


def calendar_url(year: str, name: str | None = None) -> str:
    """/schedule/2026-2027/calendar/ (the school) or /schedule/2026-2027/calendar/7a/ (one class)."""
    return f"/schedule/{year}/calendar/" + (f"{class_slug(name)}/" if name else "")


def file_url(year: str, stem: str, ext: str) -> str:
    """/schedule/2025-2026/5a.ics; stem «school» is the whole school."""
    return f"/schedule/{year}/{stem}.{ext}"


@dataclass
class ClassGroup:
    grade: int
    classes: list[tuple[str, str]]  # (name, url)


@dataclass
class MatrixRow:
    name: str
    url: str
    cells: list[list[Placed]]  # one list per week


# Levels of general education (273-ФЗ ст. 10: начальное, основное, среднее общее) and their grades.
LEVELS = (("НОО", "начальное общее", range(1, 5)), ("ООО", "основное общее", range(5, 10)),
          ("СОО", "среднее общее", range(10, 12)))


@dataclass
class OverviewRow:
    year: int
    month: int
    counts: list[int]  # per level, in the order of Overview.levels
    total: int  # procedures of the month, each once (a work for two levels counts in each level's cell)


@dataclass
class Overview:
    levels: list[tuple[str, str]]  # (abbreviation, name)
    rows: list[OverviewRow]
    totals: list[int]
    total: int


def overview(schedule: YearSchedule) -> Overview:
    """Months × levels: how many procedures each level has in each month (a window counts in its first month)."""
    grades = {grade_of(name) for name in schedule.classes}
    levels = [(code, name, span) for code, name, span in LEVELS if grades & set(span)]
    by_month: dict[tuple[int, int], list[Placed]] = defaultdict(list)
    for placed in schedule.procedures:
        by_month[(placed.procedure.first_day.year, placed.procedure.first_day.month)].append(placed)

    def count(placed_list: list[Placed], span: range) -> int:
        return sum(1 for placed in placed_list if any(grade_of(name) in span for name in placed.classes))

    rows = []
    year, month = schedule.header.first_day.year, schedule.header.first_day.month
    last = schedule.header.last_day
    while (year, month) <= (last.year, last.month):
        found = by_month.get((year, month), [])
        rows.append(OverviewRow(year, month, [count(found, span) for *_, span in levels], len(found)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Overview([(code, name) for code, name, _ in levels], rows,
                    [count(schedule.procedures, span) for *_, span in levels], len(schedule.procedures))


def class_groups(schedule: YearSchedule, current: bool = False, calendars: bool = False) -> list[ClassGroup]:
    """Classes by grade, for the one-tap class picker: the newest year's link the stable addresses; calendars=True
    links each class's month calendar instead."""
    groups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for name in schedule.classes:
        url = (calendar_url(schedule.year, name) if calendars
               else stable_class_url(name) if current else class_url(schedule.year, name))
        groups[grade_of(name)].append((name, url))
    return [ClassGroup(grade, classes) for grade, classes in sorted(groups.items())]


def matrix(schedule: YearSchedule, current: bool = False) -> tuple[list[dt.date], list[MatrixRow]]:
    """Classes × weeks: which procedures each class has in each week (the staff overview)."""
    weeks = schedule.weeks()
    index = {monday: i for i, monday in enumerate(weeks)}
    rows = []
    for name in schedule.classes:
        cells: list[list[Placed]] = [[] for _ in weeks]
        for placed in schedule.for_class(name):
            for monday in _mondays(placed.procedure.first_day, placed.procedure.last_day):  # a window: each week
                if monday in index:
                    cells[index[monday]].append(placed)
        rows.append(MatrixRow(name, stable_class_url(name) if current else class_url(schedule.year, name), cells))
    return weeks, rows


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    monday = first - dt.timedelta(days=first.weekday())
    mondays = []
    while monday <= last:
        mondays.append(monday)
        monday += dt.timedelta(days=7)
    return mondays


def results_links(project: Project, schedules: dict[str, YearSchedule]) -> dict[tuple[str, str, int], str]:
    """(date, subject, grade) of each work with published results → its results page (issue 17: class pages link it)."""
    links: dict[tuple[str, str, int], str] = {}
    reported = results_by_entry(project, schedules)
    for schedule in schedules.values():
        for placed in schedule.procedures:
            keys = reported.get(id(placed), [])
            for grade in sorted({grade_of(name) for name in placed.classes} if keys else set()):
                links.setdefault((placed.procedure.first_day.isoformat(), placed.procedure.subject_text, grade),
                                 result_url(keys[0]))
    return links


def news_links(project: Project, schedules: dict[str, YearSchedule]) -> NewsByWork:
    """(year, class) → «date|subject» → the news items about that work of the class (seed 002 §5.1: the
    materials and events of a procedure are published with it, so its row links them)."""
    found: NewsByWork = {}
    for year, schedule in schedules.items():
        for placed in schedule.procedures:
            p = placed.procedure
            for name in placed.classes:
                items = news_about(project, p.first_day, p.subject_text, (name,))
                if items:
                    found.setdefault((year, name), {})[f"{p.first_day.isoformat()}|{p.subject_text}"] = items
    return found


def year_news(news: NewsByWork, year: str) -> list[NewsLink]:
    """Every news item about a work of the year, each once, the newest first (the year page lists them)."""
    found = {link.url: link for (y, _), works in news.items() if y == year
             for links in works.values() for link in links}
    return sorted(found.values(), key=lambda link: (-link.date.toordinal(), link.url))


def _class_results(placed_list: list[Placed], class_name: str,
                   links: dict[tuple[str, str, int], str]) -> dict[str, str]:
    """«date|subject» → results page, for the works of one class (what schedule_class.html looks up)."""
    found = {}
    for placed in placed_list:
        date, subject = placed.procedure.first_day.isoformat(), placed.procedure.subject_text
        url = links.get((date, subject, grade_of(class_name)))
        if url:
            found[f"{date}|{subject}"] = url
    return found


def calendar_pages(schedule: YearSchedule, year_crumb: Crumb, base_url: str | None) -> list[Page]:
    """The school's month calendar and one per class, each linking the others (the class picker on top)."""
    year, shown = schedule.year, schedule.year.replace("-", "/")
    common = {"schedule": schedule, "base_url": base_url, "groups": class_groups(schedule, calendars=True)}
    pages = [Page(calendar_url(year), "schedule_calendar.html", f"Календарь оценочных процедур, {shown}",
                  description=f"Оценочные процедуры школы по дням месяцев, {shown} учебный год",
                  breadcrumbs=[HOME, SECTION, year_crumb],
                  data={**common, "months": months(schedule), "class_name": ""})]
    school = Crumb("Календарь", calendar_url(year))
    for name in schedule.classes:
        pages.append(Page(calendar_url(year, name), "schedule_calendar.html",
                          f"Календарь оценочных процедур {name} класса, {shown}",
                          description=f"Контрольные и проверочные работы {name} класса по дням месяцев, {shown}",
                          breadcrumbs=[HOME, SECTION, year_crumb, school],
                          data={**common, "months": months(schedule, name), "class_name": name,
                                "class_url": class_url(year, name)}))
    return pages


def schedule_pages(schedules: dict[str, YearSchedule], base_url: str | None,
                   results: dict[tuple[str, str, int], str] | None = None,
                   news: NewsByWork | None = None) -> list[Page]:
    """Every schedule page; the newest year is the one /schedule/ opens with; news as news_links gives it."""
    """Every schedule page; the newest year is the one /schedule/ opens with."""
    if not schedules:
        return []
    years = sorted(schedules, reverse=True)
    current = schedules[years[0]]
    pages = [Page("/schedule/", "schedule_index.html", SECTION.title, breadcrumbs=[HOME],
                  description="Когда у вашего ребёнка контрольные и проверочные работы: выберите класс",
                  data={"schedule": current, "years": years, "groups": class_groups(current, True)})]
    for year in years:
        schedule, is_current = schedules[year], year == years[0]
        year_crumb = Crumb(f"{year.replace('-', '/')} учебный год", year_url(year))
        common = {"schedule": schedule, "base_url": base_url}
        pages.append(Page(year_url(year), "schedule_year.html", schedule.header.display_title,
                          source=schedule.header_entry.source, breadcrumbs=[HOME, SECTION],
                          data={**common, "groups": class_groups(schedule, is_current),
                                "news": year_news((news or {}), year)}))
        pages += calendar_pages(schedule, year_crumb, base_url)
        pages.append(Page(f"{year_url(year)}overview/", "schedule_overview.html",
                          f"Оценочные процедуры по месяцам и уровням образования, {year.replace('-', '/')}",
                          breadcrumbs=[HOME, SECTION, year_crumb], data={**common, "overview": overview(schedule)}))
        weeks, rows = matrix(schedule, is_current)
        pages.append(Page(f"{year_url(year)}matrix/", "schedule_matrix.html",
                          f"Сводная таблица оценочных процедур, {year.replace('-', '/')}",
                          breadcrumbs=[HOME, SECTION, year_crumb], data={**common, "weeks": weeks, "rows": rows}))
        for name in schedule.classes:
            stable = stable_class_url(name) if name in current.classes else ""
            data = {**common, "class_name": name, "grade": grade_of(name), "slug": class_slug(name),
                    "procedures": schedule.for_class(name),
                    "results": _class_results(schedule.for_class(name), name, results or {}),
                    "news": (news or {}).get((year, name), {}), "calendar_url": calendar_url(year, name),
                    "stable_url": stable, "current": is_current}
            urls = [class_url(year, name), stable] if is_current else [class_url(year, name)]
            pages += [Page(url, "schedule_class.html",
                           f"График оценочных процедур {name} класса, {year.replace('-', '/')}",
                           description=f"Контрольные и проверочные работы {name} класса с датами",
                           breadcrumbs=[HOME, SECTION, year_crumb], data=data) for url in urls]
    return pages


def schedule_files(schedules: dict[str, YearSchedule]) -> dict[str, bytes]:
    """Downloads beside the pages: .ics, .csv, .xlsx per class and for the school, and JSON — each year's
    from the build cache while its schedule is the same (they are a function of the schedule alone)."""
    files: dict[str, bytes] = {}
    for year, schedule in schedules.items():
        files.update(cached(("schedule files", year), schedule, partial(_year_files, year, schedule)))
    return files


def _year_files(year: str, schedule: YearSchedule) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    title = schedule.header.display_title
    targets = [(None, "school", schedule.procedures)]
    targets += [(name, class_slug(name), schedule.for_class(name)) for name in schedule.classes]
    for class_name, stem, procedures in targets:
        files[file_url(year, stem, "ics").lstrip("/")] = calendar_bytes(schedule, class_name)
        files[file_url(year, stem, "csv").lstrip("/")] = csv_bytes(procedures)
        files[file_url(year, stem, "xlsx").lstrip("/")] = xlsx_bytes(procedures, title)
    files[file_url(year, "school", "json").lstrip("/")] = json_bytes(schedule)
    return files
