"""Checks across the fields of a results file: counts that add up, typed figures that match the counts.

pydantic checks each value; these need several at once and report every problem with its own data path, so
a school sees all of them in one run (STYLE.md lesson 2). A typed figure is compared with the computed one
within the rounding of what was typed: «88» stands for 87.5–88.5, «88.2» for 88.15–88.25 (half a unit of the
last typed digit; ФИС ОКО prints two decimals, a school's report often none).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from oko.results import figures
from oko.results.model import GroupResult, ProcedureResults, ReferenceFigures
from oko.source_doc import DataPath


@dataclass(frozen=True)
class Problem:
    """One inconsistency: where (a data path inside the file), what, how to fix it; an error unless a warning."""

    path: DataPath
    message: str
    hint: str = ""
    level: str = "error"


def rounding_tolerance(value: float) -> float:
    """Half a unit of the last digit typed: 88 → 0.5, 88.2 → 0.05, 88.25 → 0.005."""
    text = repr(float(value)) if not isinstance(value, int) else str(value)
    if "e" in text or "E" in text:
        return 1e-9
    decimals = len(text.split(".")[1].rstrip("0")) if "." in text else 0
    return 0.5 * 10 ** -decimals + 1e-9


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def problems(result: ProcedureResults) -> list[Problem]:
    """Every inconsistency of the file, in the order of the file."""
    found = list(_groups_problems(result))
    for index, group in enumerate(result.groups):
        found += _group_problems(result, group, ("groups", index))
    for index, reference in enumerate(result.reference):
        found += _reference_problems(result, reference, ("reference", index))
    return found


def _groups_problems(result: ProcedureResults) -> Iterator[Problem]:
    seen: set[str] = set()
    merged = [g.group.isdigit() for g in result.groups]
    for index, group in enumerate(result.groups):
        path = ("groups", index, "group")
        if group.group in seen:
            yield Problem(path, f"группа {group.group} указана дважды", "у каждого класса — одна запись")
        seen.add(group.group)
        grade = int(group.group) if group.group.isdigit() else int(group.group[:-1])
        if grade != result.grade:
            yield Problem(path, f"класс {group.group} не из {result.grade}-й параллели (grade: {result.grade})",
                          "в одном файле — результаты одной параллели")
    if any(merged) and not all(merged):
        index = merged.index(True)
        yield Problem(("groups", index, "group"), "в файле и классы, и вся параллель: итог параллели считается "
                      "сам из классов", "оставьте либо классы, либо одну строку параллели")


def _group_problems(result: ProcedureResults, group: GroupResult, at: DataPath) -> Iterator[Problem]:
    yield from _keys_in(group.marks, result.mark_set, (*at, "marks"), "отметки")
    total = sum(group.marks.values())
    if total != group.participants:
        yield Problem((*at, "marks"), f"{group.group}: по отметкам {total}, а участников {group.participants}",
                      "сумма количеств по отметкам равна количеству участников")
    if group.scores is not None:
        yield from _scores_problems(result, group.scores, group, (*at, "scores"))
    if group.tasks is not None:
        yield from _task_keys(result, group.tasks, (*at, "tasks"))
    if group.shift is not None and group.shift.total > group.participants:
        yield Problem((*at, "shift"), f"{group.group}: в сравнении с журналом {group.shift.total} участников, "
                      f"больше, чем участников работы ({group.participants})")
    yield from _cross_problems(result, group, at)
    yield from _typed_problems(result, group, at)


def _keys_in(counts: Mapping[int, object], allowed: list[int], at: DataPath, what: str) -> Iterator[Problem]:
    for key in counts:
        if key not in allowed:
            yield Problem((*at, key), f"отметки {key} нет среди отметок работы {allowed}",
                          f"{what}: только отметки из mark_set")


def _scores_problems(result: ProcedureResults, scores: Mapping[int, int], group: GroupResult,
                     at: DataPath) -> Iterator[Problem]:
    if result.max_score is not None:
        for score in scores:
            if score > result.max_score:
                yield Problem((*at, score), f"балл {score} больше максимального ({result.max_score})")
    total = sum(scores.values())
    if total != group.participants:
        yield Problem(at, f"{group.group}: по баллам {total}, а участников {group.participants}",
                      "сумма количеств по баллам равна количеству участников")
        return
    if result.boundaries is None:
        return
    by_mark: dict[int, int] = {}
    for score, n in scores.items():
        mark = result.mark_of(score) or 0
        by_mark[mark] = by_mark.get(mark, 0) + n
    for mark in result.mark_set:
        if by_mark.get(mark, 0) != group.marks.get(mark, 0):
            yield Problem(at, f"{group.group}: по шкале перевода баллов отметку «{mark}» получили "
                          f"{by_mark.get(mark, 0)}, а в marks — {group.marks.get(mark, 0)}",
                          "проверьте распределение баллов и шкалу перевода (boundaries)")


def _task_keys(result: ProcedureResults, tasks: Mapping[str, float], at: DataPath) -> Iterator[Problem]:
    if result.tasks is None:
        return
    known = [task.id for task in result.tasks]
    for key in tasks:
        if key not in known:
            yield Problem((*at, key), f"задания «{key}» нет в списке заданий работы", f"задания: {', '.join(known)}")


def _cross_problems(result: ProcedureResults, group: GroupResult, at: DataPath) -> Iterator[Problem]:
    if group.journal_marks is not None:
        for journal, row in group.journal_marks.items():
            yield from _keys_in({journal: 0}, result.mark_set, (*at, "journal_marks"), "отметки по журналу")
            yield from _keys_in(row, result.mark_set, (*at, "journal_marks", journal), "отметки за работу")
        yield from _cross_fits(group, group.journal_marks, group.marks, (*at, "journal_marks"), "отметке")
    if group.journal_scores is not None:
        for journal in group.journal_scores:
            yield from _keys_in({journal: 0}, result.mark_set, (*at, "journal_scores"), "отметки по журналу")
        if group.scores is not None:
            yield from _cross_fits(group, group.journal_scores, group.scores, (*at, "journal_scores"), "баллу")
    derived = None
    if group.journal_marks is not None:
        derived = figures.shift_from_cross(group.journal_marks)
    elif group.journal_scores is not None and result.boundaries is not None:
        derived = figures.shift_from_cross(figures.cross_marks_from_scores(group.journal_scores, result))
    if derived is not None and group.shift is not None and derived != group.shift:
        yield Problem((*at, "shift"), f"{group.group}: по таблице с журналом понизили {derived.lowered}, "
                      f"подтвердили {derived.confirmed}, повысили {derived.raised} — не как в shift",
                      "сравнение с журналом считается из таблицы: shift можно не указывать")


def _cross_fits(group: GroupResult, cross: Mapping[int, Mapping[int, int]], column_counts: Mapping[int, int],
                at: DataPath, by: str) -> Iterator[Problem]:
    """A cross-table covers those with a journal mark: at most the participants, column by column."""
    total = sum(sum(row.values()) for row in cross.values())
    if total > group.participants:
        yield Problem(at, f"{group.group}: в таблице с журналом {total} участников, больше, чем участников "
                      f"работы ({group.participants})")
        return
    columns = figures.summed(list(cross.values()))
    for key, n in columns.items():
        if n > column_counts.get(key, 0):
            yield Problem(at, f"{group.group}: по {by} {key} в таблице с журналом {n}, а всего "
                          f"{column_counts.get(key, 0)}", "таблица с журналом — разбивка тех же участников")


def _typed_problems(result: ProcedureResults, group: GroupResult, at: DataPath) -> Iterator[Problem]:
    computed = {
        "success": (figures.success_rate(group.marks, result.pass_mark), "успеваемость указана"),
        "quality": (figures.quality_rate(group.marks, result.quality_mark), "качество знаний указано"),
        "mean_mark": (figures.mean_mark(group.marks), "средняя отметка указана"),
        "mean_score": (figures.mean_score(group.scores) if group.scores else None, "средний первичный балл указан"),
    }
    for name, (value, label) in computed.items():
        typed = getattr(group, name)
        if typed is None:
            continue
        if value is None:
            if name == "mean_score" and not group.scores:
                yield Problem((*at, name), f"{group.group}: {label}, а распределения баллов нет",
                              "добавьте scores или удалите mean_score: он считается сам", level="warning")
            continue
        if abs(typed - value) > rounding_tolerance(typed):
            yield Problem((*at, name), f"{group.group}: {label} {_fmt(typed)}, а по количествам "
                          f"выходит {_fmt(value)}", "такие показатели считаются сами: удалите строку или "
                          "исправьте количества")
    if group.shares is not None:
        shares = figures.mark_shares(group.marks, result.mark_set) or {}
        for mark, typed in group.shares.items():
            value = shares.get(mark)
            if value is not None and abs(typed - value) > rounding_tolerance(typed):
                yield Problem((*at, "shares", mark), f"{group.group}: доля «{mark}» указана {_fmt(typed)} %, "
                              f"а по количествам выходит {_fmt(value)} %", "доли считаются сами")


def _reference_problems(result: ProcedureResults, reference: ReferenceFigures, at: DataPath) -> Iterator[Problem]:
    if reference.shares is not None:
        yield from _keys_in(reference.shares, result.mark_set, (*at, "shares"), "доли")
        total = sum(reference.shares.values())
        slack = sum(rounding_tolerance(v) for v in reference.shares.values())
        if abs(total - 100) > slack:
            yield Problem((*at, "shares"), f"{reference.label}: доли по отметкам в сумме {_fmt(total)} %, "
                          "а не 100 %", "перепишите доли из отчёта ФИС ОКО без пропусков")
    if reference.score_sd is not None and (reference.mean_score is None or (reference.participants or 0) < 2):
        yield Problem((*at, "score_sd"), f"{reference.label}: для доверительного интервала нужны средний балл "
                      "(mean_score) и участники (participants, не меньше 2)")
    if reference.scores is not None and reference.mean_score is not None:
        value = figures.mean_score(reference.scores)
        if value is not None and abs(reference.mean_score - value) > rounding_tolerance(reference.mean_score):
            yield Problem((*at, "mean_score"), f"{reference.label}: средний балл указан "
                          f"{_fmt(reference.mean_score)}, а по распределению выходит {_fmt(value)}")
    if reference.tasks is not None:
        yield from _task_keys(result, reference.tasks, (*at, "tasks"))
