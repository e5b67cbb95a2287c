"""Rules for assessment criteria: scales that fit the school's marks, rubrics that add up, general parts.

The school's own local act sets its marks and criteria (273-ФЗ ст. 28 ч. 3 п. 10); «единые критерии»
are one of the measures of objective assessment (regulations.md, monitoring indicator 46), so a
published scale must give exactly one mark for every result.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.criteria import criteria
from oko.kinds.criteria.bounds import ERRORS, PERCENT, POINTS
from oko.kinds.criteria.coverage import MARKS_CODE, SCALE_CODE, marks_covered_once, ordered_rows, ranges_fit
from oko.kinds.criteria.marksets import DeclaredMarks, declared_marks
from oko.kinds.criteria.model import CriteriaMeta, ErrorScale, Mark, RubricScale
from oko.kinds.criteria.shapes import old_shapes
from oko.project import Entry, Project
from oko.sources import DataPath

RUBRIC_CODE, ERRORS_CODE = "criteria.rubric", "criteria.errors"
RULE_CODES = {
    SCALE_CODE: "шкалы: диапазоны по порядку отметок, без пропусков и наложений, в пределах наибольшего балла,"
                " в единицах шкалы",
    MARKS_CODE: "шкалы ставят отметки из объявленного набора (mark_set): каждую ровно один раз",
    RUBRIC_CODE: "критерии с баллами: наибольший балл группы равен сумме её критериев, за работу — сумме групп",
    ERRORS_CODE: "нормы ошибок: лучшая отметка не допускает больше ошибок, чем худшая",
    "criteria.inherits": "общая часть критериев существует",
    "criteria.shape": "шкалы записаны списками, которые можно править в формах (старые словари — ошибка)",
}


def scales_are_consistent(project: Project) -> Iterator[Issue]:
    for entry in criteria(project).values():
        yield from _unique_marks(entry, ("mark_set",), entry.model.mark_set or [])
        for index, scale in enumerate(entry.model.scales):
            path: DataPath = ("scales", index)
            declared = declared_marks(project, entry, scale)
            yield from _unique_marks(entry, (*path, "mark_set"), scale.mark_set or [])
            yield from marks_covered_once(entry, path, scale.marks, declared)
            if isinstance(scale, ErrorScale):
                yield from _error_problems(entry, path, scale, declared)
                continue
            unit = {"percent": PERCENT, "error_count": ERRORS}.get(scale.kind, POINTS)
            yield from ranges_fit(entry, path, ordered_rows(scale.marks, declared), scale.top, unit)
            if isinstance(scale, RubricScale):
                yield from _rubric_adds_up(entry, path, scale)
                yield from _unique_codes(entry, path, scale)


def _unique_marks(entry: Entry[CriteriaMeta], path: DataPath, marks: list[Mark]) -> Iterator[Issue]:
    if len(marks) == 1:
        yield entry.doc.issue(f"в наборе отметок одна отметка «{marks[0].mark}»: нужно хотя бы две", path,
                              key=True, code=MARKS_CODE, hint="например: зачёт и незачёт")
    seen: set[str] = set()
    for index, mark in enumerate(marks):
        if mark.mark in seen:
            yield entry.doc.issue(f"отметка «{mark.mark}» повторяется в наборе отметок", (*path, index, "mark"),
                                  code=MARKS_CODE)
        seen.add(mark.mark)


def _sum_text(parts: list[int]) -> str:
    return str(sum(parts)) + (f" ({' + '.join(map(str, parts))})" if len(parts) > 1 else "")


def _rubric_adds_up(entry: Entry[CriteriaMeta], path: DataPath, scale: RubricScale) -> Iterator[Issue]:
    """A group's maximum is the sum of its criteria; the work's maximum is the sum of groups (or criteria)."""
    for index, group in enumerate(scale.groups):
        if group.max is not None and group.max != group.total:
            yield entry.doc.issue(
                f"группа «{group.heading}»: наибольший балл {group.max}, а сумма баллов её критериев — "
                f"{_sum_text([c.max for c in group.criteria])}", (*path, "groups", index, "max"),
                code=RUBRIC_CODE, hint="исправьте max группы или наибольшие баллы её критериев")
    if scale.max is not None and scale.max != scale.computed_top:
        parts = [g.max or g.total for g in scale.groups] if scale.groups else [c.max for c in scale.criteria]
        what = "групп" if scale.groups else "критериев"
        yield entry.doc.issue(f"наибольший балл за работу {scale.max}, а сумма {what} — {_sum_text(parts)}",
                              (*path, "max"), code=RUBRIC_CODE, hint=f"исправьте max или наибольшие баллы {what}")


def _unique_codes(entry: Entry[CriteriaMeta], path: DataPath, scale: RubricScale) -> Iterator[Issue]:
    seen: set[str] = set()
    located = ([(("criteria", i), c) for i, c in enumerate(scale.criteria)]
               + [(("groups", g, "criteria", i), c) for g, group in enumerate(scale.groups)
                  for i, c in enumerate(group.criteria)])
    for where, criterion in located:
        if criterion.code and criterion.code in seen:
            yield entry.doc.issue(f"критерий «{criterion.code}» повторяется", (*path, *where, "code"),
                                  code=SCALE_CODE)
        seen.add(criterion.code or "")


def _error_problems(entry: Entry[CriteriaMeta], path: DataPath, scale: ErrorScale,
                    declared: DeclaredMarks) -> Iterator[Issue]:
    names = scale.class_names
    worst = declared.names[-1]
    for row_index, row in enumerate(scale.marks):
        if not row.errors and row.mark != worst and row.mark in declared.names:
            yield entry.doc.issue(f"для «{row.mark}» не указаны допустимые ошибки", (*path, "marks", row_index, "mark"),
                                  code=ERRORS_CODE,
                                  hint=f"без errors можно оставить только худшую отметку — «{worst}»")
        for index, text in enumerate(row.errors):
            count = len(text.split("/"))
            if count != len(names):
                yield entry.doc.issue(f"«{text}»: чисел {count}, а видов ошибок {len(names)} ({'/'.join(names)})",
                                      (*path, "marks", row_index, "errors", index), code=ERRORS_CODE,
                                      hint="по одному числу на каждый вид ошибок, через «/», в порядке error_classes")
    rows = {row.mark: row for row in reversed(scale.marks) if row.errors}
    allowed = [(name, max(sum(a) for a in rows[name].alternatives())) for name in declared.names if name in rows]
    for (better, more), (worse, fewer) in itertools.pairwise(allowed):
        if more > fewer:
            yield entry.doc.issue(f"для «{better}» допускается больше ошибок ({more}), чем для «{worse}» ({fewer})",
                                  (*path, "marks", scale.marks.index(rows[better])), code=ERRORS_CODE,
                                  hint="лучшая отметка допускает не больше ошибок, чем худшая")


def inherited_parts_exist(project: Project) -> Iterator[Issue]:
    general = [cid for cid, entry in criteria(project).items() if entry.model.general]
    for entry in criteria(project).values():
        parent = entry.model.inherits
        if parent and parent not in general:
            close = difflib.get_close_matches(parent, general, n=1, cutoff=0.5)
            yield entry.doc.issue(f"общей части «{parent}» нет: нужен файл content/criteria/{parent}.md "
                                  "с general: true", ("inherits",), code="criteria.inherits",
                                  hint=f"возможно, вы имели в виду «{close[0]}»" if close else "")


def check_criteria(project: Project) -> list[Issue]:
    shapes = [issue for entry in criteria(project).values() for issue in old_shapes(entry)]
    return [*shapes, *scales_are_consistent(project), *inherited_parts_exist(project)]

