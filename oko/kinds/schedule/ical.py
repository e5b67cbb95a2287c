"""iCalendar feeds (RFC 5545) of the schedule: one per class and one for the whole school.

Events are all-day (DTSTART;VALUE=DATE, DTEND the next day; a window spans its days). UIDs and DTSTAMP derive from the
content only, so two builds give identical files and a subscribed phone sees no phantom changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from oko.kinds.schedule.assemble import Placed, YearSchedule, class_slug

PRODID = "-//Око//График оценочных процедур//RU"


def _stamp(schedule: YearSchedule) -> dt.datetime:
    """DTSTAMP: the date of the latest order on the schedule (approval or change), never the build clock."""
    header = schedule.header
    dates = [order.date for order in ([header.approval] if header.approval else []) + header.changes]
    day = max(dates, default=header.first_day)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def event_uid(schedule: YearSchedule, placed: Placed, class_name: str | None) -> str:
    """Stable across builds: from the procedure's own id if given, else from what it is.

    A window stands for the date and a later subject's label for the subject, so the UID does not change
    when the school picks the day or the subject is assigned (a subscribed phone updates the event).
    """
    procedure = placed.procedure
    who = class_slug(class_name) if class_name else "school"
    if procedure.id:
        return f"{schedule.year}-{procedure.id}-{who}@oko"
    when = procedure.window.short if procedure.window else procedure.first_day.isoformat()
    subject = procedure.subject_later.label if procedure.subject_later else procedure.subject_text
    key = "|".join([schedule.year, when, ",".join(placed.classes), subject, procedure.kind.value, who])
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}@oko"


def _details(placed: Placed) -> list[str]:
    procedure = placed.procedure
    later = procedure.subject_later
    return [f"Срок проведения: {procedure.window.text()}" if procedure.window else "",
            "Точный день назначит школа в пределах срока" if procedure.date is None else "",
            f"Предметы: {procedure.subject_text}" if procedure.subjects else "",
            "Предмет определят позже" + (f"; один из: {', '.join(later.choices)}" if later.choices else "")
            if later and not procedure.subject else "",
            f"Уровень: {procedure.level.label}" if procedure.level else "",
            f"Продолжительность: {procedure.duration} мин",
            f"Урок: {procedure.lesson}" if procedure.lesson else "",
            f"Форма: {procedure.form.label}" if procedure.form else "",
            procedure.note or ""]


def _event(schedule: YearSchedule, placed: Placed, class_name: str | None, stamp: dt.datetime) -> Event:
    """An all-day event; a window without a day is one event over all its days (DTEND is exclusive)."""
    procedure = placed.procedure
    event = Event()
    event.add("uid", event_uid(schedule, placed, class_name))
    event.add("dtstamp", stamp)
    event.add("dtstart", procedure.first_day)
    event.add("dtend", procedure.last_day + dt.timedelta(days=1))
    classes = class_name or procedure.classes
    event.add("summary", f"{procedure.subject_text}: {procedure.kind.label} ({classes})")
    event.add("description", "\n".join(line for line in _details(placed) if line))
    event.add("categories", [procedure.kind.label])
    event.add("transp", "TRANSPARENT")
    return event


def calendar_bytes(schedule: YearSchedule, class_name: str | None = None) -> bytes:
    """The .ics of one class (or of the whole school when class_name is None)."""
    year = schedule.year.replace("-", "/")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"Оценочные процедуры {class_name}, {year}" if class_name else f"Оценочные процедуры школы, {year}"
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    stamp = _stamp(schedule)
    procedures = schedule.for_class(class_name) if class_name else schedule.procedures
    for placed in procedures:
        cal.add_component(_event(schedule, placed, class_name, stamp))
    return cal.to_ical()
