"""Rules of the news: a news item that names a procedure names one the schedule has."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context
from oko.kinds.news import news
from oko.kinds.schedule.assemble import year_schedules


def procedures_exist(ctx: Context) -> Iterable[Issue]:
    """`procedure` (date, subject, classes) must match a procedure of the schedule, or the link back fails."""
    placed = [p for schedule in year_schedules(ctx.derived).values() for p in schedule.procedures]
    known: dict[tuple[object, str], set[str]] = {}
    for p in placed:
        known.setdefault((p.procedure.date, p.procedure.subject.casefold()), set()).update(p.classes)
    for entry in news(ctx.project).values():
        ref = entry.model.procedure
        if ref is None:
            continue
        classes = known.get((ref.date, ref.subject.casefold()))
        if classes is None:
            same_day = sorted({p.procedure.subject for p in placed if p.procedure.date == ref.date})
            yield entry.doc.issue(
                f"в графике нет процедуры «{ref.subject}» {ref.date:%d.%m.%Y}", ("procedure",),
                hint=("в этот день в графике: " + ", ".join(same_day)) if same_day
                else "проверьте дату и предмет: они пишутся как в графике оценочных процедур")
        elif ref.class_names and not set(ref.class_names) & classes:
            yield entry.doc.issue(
                f"процедуру «{ref.subject}» {ref.date:%d.%m.%Y} пишут не {ref.classes}", ("procedure", "classes"),
                hint="классы этой процедуры в графике: " + ", ".join(sorted(classes)))
