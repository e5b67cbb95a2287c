"""Rules of the news: a news item that names a procedure names one the schedule has."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context
from oko.kinds.news import news
from oko.kinds.schedule.assemble import year_schedules
from oko.kinds.schedule.model import Procedure


def subjects_of(procedure: Procedure) -> list[str]:
    """The names a news item may give a work by: each of its subjects, or the text the pages show."""
    return [*procedure.all_subjects, procedure.subject_text]


def procedures_exist(ctx: Context) -> Iterable[Issue]:
    """`procedure` (date, subject, classes) must match a procedure of the schedule, or the link back fails."""
    placed = [p for schedule in year_schedules(ctx.derived).values() for p in schedule.procedures]
    for entry in news(ctx.project).values():
        ref = entry.model.procedure
        if ref is None:
            continue
        # A work is named by its day (or a day of its window) and one of its subjects (a complex work has several).
        matching = [p for p in placed if p.procedure.holds(ref.date)
                    and ref.subject.casefold() in {s.casefold() for s in subjects_of(p.procedure)}]
        classes = {name for p in matching for name in p.classes} if matching else None
        if classes is None:
            same_day = sorted({p.procedure.subject_text for p in placed if p.procedure.holds(ref.date)})
            yield entry.doc.issue(
                f"в графике нет процедуры «{ref.subject}» {ref.date:%d.%m.%Y}", ("procedure",),
                hint=("в этот день в графике: " + ", ".join(same_day)) if same_day
                else "проверьте дату и предмет: они пишутся как в графике оценочных процедур")
        elif ref.class_names and not set(ref.class_names) & classes:
            yield entry.doc.issue(
                f"процедуру «{ref.subject}» {ref.date:%d.%m.%Y} пишут не {ref.classes}", ("procedure", "classes"),
                hint="классы этой процедуры в графике: " + ", ".join(sorted(classes)))
