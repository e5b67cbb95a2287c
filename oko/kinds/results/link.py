"""Which procedure of the school's schedule a results file reports: the link must resolve (issue 17).

A file names its procedure by `procedure:` (the schedule entry's `id`), or by what both already say: the date,
the subject, the kind of work and the parallel. ОГЭ and ЕГЭ are not in a school's schedule of assessment
procedures (regulations.md §6: it lists the school's, regional and federal procedures such as ВПР), so they link
to nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from oko.errors import Issue
from oko.kinds.results import results, year_of
from oko.kinds.schedule.assemble import Placed, YearSchedule, grade_of
from oko.project import Entry, Project
from oko.results.model import ProcedureResults, ResultKind

UNSCHEDULED_KINDS = frozenset({ResultKind.OGE, ResultKind.EGE})
RULE_CODES = {
    "results.shape": "таблица записана словарём (прежний вид), а нужен список строк (shapes.py)",
    "results.unscheduled": "результаты процедуры, которой нет в графике оценочных процедур того же учебного года",
    "results.unknown_class": "в результатах класс, которого нет в графике (или который процедуру не писал)",
    "results.small_group": "в результатах группа меньше порога публикации (152-ФЗ: её видно в репозитории)",
}


def matches(result: ProcedureResults, placed: Placed) -> bool:
    """The schedule entry this file reports: by its id when the file names one, else by date, subject, kind, grade."""
    procedure = placed.procedure
    if result.procedure is not None:
        return procedure.id == result.procedure
    return (procedure.holds(result.date) and result.subject.casefold() in map(str.casefold, procedure.all_subjects)
            and procedure.kind.value == result.kind.value
            and any(grade_of(name) == result.grade for name in placed.classes))


def scheduled(result: ProcedureResults, schedule: YearSchedule | None) -> Placed | None:
    if schedule is None:
        return None
    return next((placed for placed in schedule.procedures if matches(result, placed)), None)


def results_by_entry(project: Project, schedules: Mapping[str, YearSchedule]) -> dict[int, list[str]]:
    """id() of each schedule entry → the keys of the results files that report it, in the files' order (the
    ВПР page and the class pages link them): one pass over the files, not one per entry and file."""
    found: dict[int, list[str]] = {}
    for key, entry in results(project).items():
        schedule = schedules.get(year_of(key))
        placed = scheduled(entry.model, schedule) if schedule is not None else None
        if placed is not None:
            found.setdefault(id(placed), []).append(key)
    return found


def check_links(project: Project, schedules: Mapping[str, YearSchedule]) -> Iterator[Issue]:
    """Every file's procedure is in its year's schedule, and its classes are the ones that wrote it."""
    for key, entry in results(project).items():
        result = entry.model
        if result.kind in UNSCHEDULED_KINDS:
            continue
        year = year_of(key)
        schedule = schedules.get(year)
        placed = scheduled(result, schedule)
        if placed is None:
            yield _unscheduled(entry, year, schedule)
            continue
        yield from _classes(entry, placed)


def _unscheduled(entry: Entry[ProcedureResults], year: str, schedule: YearSchedule | None) -> Issue:
    result = entry.model
    if schedule is None:
        return entry.doc.issue(f"нет графика оценочных процедур на {year} учебный год", ("kind",),
                               hint=f"результаты связываются с процедурой графика: content/schedules/{year}/",
                               code="results.unscheduled")
    if result.procedure is not None:
        return entry.doc.issue(f"в графике {year} нет процедуры с id «{result.procedure}»", ("procedure",),
                               hint="id пишется в записи процедуры графика (поле id)", code="results.unscheduled")
    close = [p for p in schedule.procedures if result.subject.casefold() in map(str.casefold, p.procedure.all_subjects)
             and p.procedure.kind.value == result.kind.value and any(grade_of(c) == result.grade for c in p.classes)]
    hint = ("в графике для этой параллели: " + ", ".join(p.procedure.first_day.strftime("%d.%m.%Y") for p in close[:5])
            if close else "проверьте предмет, вид работы и параллель — или укажите procedure: id записи графика")
    return entry.doc.issue(f"в графике {year} нет процедуры «{result.kind.label}, {result.subject}» "
                           f"{result.date.strftime('%d.%m.%Y')} для {result.grade}-х классов", ("date",),
                           hint=hint, code="results.unscheduled")


def _classes(entry: Entry[ProcedureResults], placed: Placed) -> Iterator[Issue]:
    wrote = [name for name in placed.classes if grade_of(name) == entry.model.grade]
    for index, group in enumerate(entry.model.groups):
        if not group.group.isdigit() and group.group not in wrote:
            yield entry.doc.issue(f"класс {group.group} не писал эту работу: по графику — {', '.join(wrote)}",
                                  ("groups", index, "group"), hint=f"график: {placed.where}",
                                  code="results.unknown_class")
