"""A year's schedule assembled from its files: procedures with expanded classes and their positions."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from oko.errors import Issue, Level
from oko.kinds.schedule import NAME, schedule_sources
from oko.kinds.schedule.header_shape import listed_once, old_shapes
from oko.kinds.schedule.model import CLASS_NAME, NamedPeriod, Procedure, ScheduleHeader
from oko.kinds.schedule.shape import shape_problems
from oko.project import Entry, Project
from oko.sources import DataPath, SourceDoc

_TRANSLIT = dict(zip(
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "h", "c", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")


def class_slug(name: str) -> str:
    """«5А» → «5a», «10Б» → «10b»: the class's part of its page address."""
    return "".join(_TRANSLIT.get(char, char.lower()) for char in name)


def grade_of(name: str) -> int:
    match = CLASS_NAME.match(name)
    return int(match.group(1)) if match else int(name)


@dataclass(frozen=True)
class Placed:
    """A procedure with the file and path it was written at, and the classes it covers."""

    procedure: Procedure
    doc: SourceDoc
    path: DataPath
    classes: tuple[str, ...]

    @property
    def line(self) -> int:
        position = self.doc.position(self.path)
        return position.line if position else 0

    @property
    def where(self) -> str:
        """«schedule.yaml:40»: short enough to name in another entry's message."""
        return f"{self.doc.file.rsplit('/', 1)[-1]}:{self.line}"

    def issue(self, message: str, field_name: str = "", *, level: Level = "error", hint: str = "",
              code: str = "") -> Issue:
        path = (*self.path, field_name) if field_name else self.path
        return self.doc.issue(message, path, level=level, hint=hint, code=code)

    def describe(self) -> str:
        """«математика (контрольная работа, procedures.yaml:12)»."""
        return f"{self.procedure.subject_text.lower()} ({self.procedure.kind.label}, {self.where})"


@dataclass
class YearSchedule:
    """Everything known about one academic year's schedule."""

    year: str
    header: ScheduleHeader
    header_entry: Entry[ScheduleHeader]
    procedures: list[Placed] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.header.class_names()

    def for_class(self, name: str) -> list[Placed]:
        return [placed for placed in self.procedures if name in placed.classes]

    def holiday_on(self, day: dt.date) -> NamedPeriod | None:
        return next((holiday for holiday in self.header.holidays if holiday.contains(day)), None)

    def period_of(self, day: dt.date) -> NamedPeriod | None:
        return next((period for period in self.header.periods if period.contains(day)), None)

    def is_weekend(self, day: dt.date) -> bool:
        return day.weekday() >= self.header.week

    def annual_hours(self, subject: str, grade: int) -> int | None:
        return self.header.annual_hours.get(subject, {}).get(grade)

    def weeks(self) -> list[dt.date]:
        """Mondays of every week from the first school day to the last."""
        monday = self.header.first_day - dt.timedelta(days=self.header.first_day.weekday())
        weeks = []
        while monday <= self.header.last_day:
            weeks.append(monday)
            monday += dt.timedelta(days=7)
        return weeks


def assemble_schedules(project: Project) -> tuple[dict[str, YearSchedule], list[Issue]]:
    """Every year's schedule; unknown classes and a year that disagrees with its folder are errors."""
    schedules: dict[str, YearSchedule] = {}
    issues: list[Issue] = []
    for year, sources in schedule_sources(project).items():
        if sources.header is None:
            continue
        header = sources.header.model
        issues += [*old_shapes(sources.header), *listed_once(sources.header)]
        if f"{header.academic_year.start}-{header.academic_year.end}" != year:
            issues.append(sources.header.doc.issue(
                f"учебный год «{header.academic_year}» не совпадает с именем папки «{year}»", ("academic_year",),
                hint="переименуйте папку или исправьте academic_year"))
        schedule = YearSchedule(year, header, sources.header)
        entries = [(sources.header.doc, sources.header.model.procedures)]
        entries += [(entry.doc, entry.model.procedures) for entry in sources.files]
        for doc, procedures in entries:
            for index, procedure in enumerate(procedures):
                shape = [doc.issue(message, ("procedures", index, name), hint=hint)
                         for name, message, hint in shape_problems(procedure)]
                classes, found = _expand_classes(schedule, doc, ("procedures", index), procedure)
                issues += shape + found
                if classes and not shape:
                    schedule.procedures.append(Placed(procedure, doc, ("procedures", index), classes))
        order = {name: i for i, name in enumerate(schedule.classes)}
        schedule.procedures.sort(key=lambda p: (p.procedure.first_day, p.procedure.last_day,
                                                order.get(p.classes[0], 0), p.procedure.subject_text))
        schedules[year] = schedule
    return schedules, issues


def _expand_classes(
    schedule: YearSchedule, doc: SourceDoc, path: DataPath, procedure: Procedure
) -> tuple[tuple[str, ...], list[Issue]]:
    known = schedule.classes
    classes: list[str] = []
    issues: list[Issue] = []
    class_set = procedure.class_set
    for token in class_set.tokens:
        if token.isdigit():
            grade_classes = [name for name in known if grade_of(name) == int(token)]
            if not grade_classes and int(token) not in class_set.ranged:
                issues.append(doc.issue(f"в параллели {token} нет классов", (*path, "classes"),
                                        hint="классы перечислены в schedule.yaml, в поле classes",
                                        code="schedule.known_class"))
            classes += grade_classes
        elif token in known:
            classes.append(token)
        else:
            close = difflib.get_close_matches(token, known, n=1, cutoff=0.5)
            issues.append(doc.issue(
                f"класса «{token}» нет в списке классов", (*path, "classes"),
                hint=f"возможно, вы имели в виду «{close[0]}»" if close else "классы перечислены в schedule.yaml",
                code="schedule.known_class"))
    if not classes and not issues:
        issues.append(doc.issue(f"в параллелях «{procedure.classes}» нет ни одного класса", (*path, "classes"),
                                hint="классы перечислены в schedule.yaml, в поле classes", code="schedule.known_class"))
    return tuple(dict.fromkeys(classes)), issues


def year_schedules(derived: Mapping[str, Any]) -> dict[str, YearSchedule]:
    """The assembled schedules among the kinds' derived values (the schedule kind derives them)."""
    return derived.get(NAME) or {}
