"""Derived figures of results: computed from counts, never typed (issue 17).

The definitions are the ones Russian school analytic reports use (ВСОКО reports, the ФИС ОКО «Статистика по
отметкам», from which they follow): a share is a count over the participants, in percent.
- успеваемость: the share of participants with a mark at or above the pass mark («3», «4», «5» on 2..5);
- качество знаний: the share with a mark at or above the quality mark («4» and «5» on 2..5);
- средняя отметка (средний балл по отметкам): Σ mark × count / participants;
- средний первичный балл: Σ score × count / participants, from the distribution of primary scores;
- процент выполнения (for a cohort, regulations.md §7a, marker C): mean primary score / max score × 100.
Every function returns None for an empty group (0 participants): a figure of nobody is not 0 %.
"""

from __future__ import annotations

from collections.abc import Mapping

from oko.results.model import GroupResult, MarkShift, ProcedureResults

Counts = Mapping[int, int]


def _total(counts: Counts) -> int:
    return sum(counts.values())


def share_percent(part: int, whole: int) -> float | None:
    """part / whole × 100 (None when whole is 0)."""
    return part * 100 / whole if whole else None


def mark_shares(marks: Counts, mark_set: list[int]) -> dict[int, float] | None:
    """Доли по отметкам, %: each declared mark's count over the participants."""
    total = _total(marks)
    if not total:
        return None
    return {mark: marks.get(mark, 0) * 100 / total for mark in mark_set}


def success_rate(marks: Counts, pass_mark: int = 3) -> float | None:
    """Успеваемость, %: participants with a mark ≥ pass_mark over all participants."""
    return share_percent(sum(n for mark, n in marks.items() if mark >= pass_mark), _total(marks))


def quality_rate(marks: Counts, quality_mark: int = 4) -> float | None:
    """Качество знаний, %: participants with a mark ≥ quality_mark («4» and «5») over all participants."""
    return share_percent(sum(n for mark, n in marks.items() if mark >= quality_mark), _total(marks))


def mean_mark(marks: Counts) -> float | None:
    """Средняя отметка: Σ mark × count / participants."""
    total = _total(marks)
    return sum(mark * n for mark, n in marks.items()) / total if total else None


def mean_score(scores: Counts) -> float | None:
    """Средний первичный балл: Σ score × count / participants."""
    total = _total(scores)
    return sum(score * n for score, n in scores.items()) / total if total else None


def completion_percent(scores: Counts, max_score: int) -> float | None:
    """Средний процент выполнения: mean primary score / max score × 100 (marker C of the methodology, §7a)."""
    mean = mean_score(scores)
    return mean * 100 / max_score if mean is not None else None


def shift_shares(shift: MarkShift) -> dict[str, float] | None:
    """Понизили / подтвердили / повысили, % of those compared (the «Всего» row of the ФИС ОКО table)."""
    total = shift.total
    if not total:
        return None
    return {name: getattr(shift, name) * 100 / total for name in ("lowered", "confirmed", "raised")}


def shift_from_cross(journal_marks: Mapping[int, Counts]) -> MarkShift:
    """The shift counts of a cross-table journal mark × procedure mark: below, on and above the diagonal."""
    lowered = confirmed = raised = 0
    for journal, row in journal_marks.items():
        for mark, n in row.items():
            if mark < journal:
                lowered += n
            elif mark == journal:
                confirmed += n
            else:
                raised += n
    return MarkShift(lowered=lowered, confirmed=confirmed, raised=raised)


def cross_marks_from_scores(journal_scores: Mapping[int, Counts],
                            result: ProcedureResults) -> dict[int, dict[int, int]]:
    """journal mark × primary score → journal mark × procedure mark, by the scale of the result."""
    table: dict[int, dict[int, int]] = {}
    for journal, row in journal_scores.items():
        target = table.setdefault(journal, {})
        for score, n in row.items():
            mark = result.mark_of(score)
            if mark is not None:
                target[mark] = target.get(mark, 0) + n
    return table


def group_shift(group: GroupResult, result: ProcedureResults) -> MarkShift | None:
    """The group's shift: typed, or derived from a cross-table (journal × mark, or journal × score with a scale)."""
    if group.shift is not None:
        return group.shift
    if group.journal_marks is not None:
        return shift_from_cross(group.journal_marks)
    if group.journal_scores is not None and result.boundaries is not None:
        return shift_from_cross(cross_marks_from_scores(group.journal_scores, result))
    return None


def summed(counts: list[Mapping[int, int]]) -> dict[int, int]:
    """Counts of several groups added key by key (a parallel from its classes)."""
    total: dict[int, int] = {}
    for one in counts:
        for key, n in one.items():
            total[key] = total.get(key, 0) + n
    return dict(sorted(total.items()))


def summed_cross(tables: list[Mapping[int, Counts]]) -> dict[int, dict[int, int]]:
    """Cross-tables of several groups added cell by cell."""
    rows = sorted({key for table in tables for key in table})
    return {row: summed([table.get(row, {}) for table in tables]) for row in rows}


def parallel_tasks(groups: list[GroupResult]) -> dict[str, float] | None:
    """The parallel's % per task: the classes' rates weighted by their participants (None unless all have them)."""
    if not groups or any(g.tasks is None for g in groups):
        return None
    total = sum(g.participants for g in groups)
    keys = sorted({key for g in groups for key in g.tasks or {}})
    if not total or any(set(g.tasks or {}) != set(keys) for g in groups):
        return None
    return {key: sum((g.tasks or {})[key] * g.participants for g in groups) / total for key in keys}


def parallel_total(result: ProcedureResults) -> GroupResult:
    """The parallel row: the sum of the classes (or the one parallel group itself). Counts only, typed none."""
    if len(result.groups) == 1 and result.is_merged():
        return result.groups[0]
    groups = result.groups

    def every(values: list):
        return values if all(v is not None for v in values) else None

    scores = every([g.scores for g in groups])
    shifts = every([group_shift(g, result) for g in groups])
    journal_marks = every([g.journal_marks for g in groups])
    journal_scores = every([g.journal_scores for g in groups])
    return GroupResult(
        group=str(result.grade), participants=sum(g.participants for g in groups),
        marks=summed([g.marks for g in groups]),
        scores=summed(scores) if scores else None,
        tasks=parallel_tasks(groups),
        shift=MarkShift(**{k: sum(getattr(s, k) for s in shifts) for k in ("lowered", "confirmed", "raised")})
        if shifts else None,
        journal_marks=summed_cross(journal_marks) if journal_marks else None,
        journal_scores=summed_cross(journal_scores) if journal_scores else None,
    )
