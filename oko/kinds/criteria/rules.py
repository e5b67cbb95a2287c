"""Rules for assessment criteria: consistent scales and norms of errors, general parts that exist."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.criteria import criteria
from oko.kinds.criteria.model import MARKS, CriteriaMeta, ErrorScale, RangeScale, RubricScale
from oko.project import Entry, Project
from oko.sources import DataPath

RULE_CODES = {
    "criteria.scale": "шкалы: отметки по порядку, диапазоны без пропусков и наложений, в пределах наибольшего балла",
    "criteria.errors": "нормы ошибок: лучшая отметка не допускает больше ошибок, чем худшая",
    "criteria.inherits": "общая часть критериев существует",
}


def scales_are_consistent(project: Project) -> Iterator[Issue]:
    for entry in criteria(project).values():
        for index, scale in enumerate(entry.model.scales):
            path: DataPath = ("scales", index)
            if isinstance(scale, RangeScale | RubricScale):
                yield from _range_problems(entry, path, scale.marks, scale.top)
            if isinstance(scale, RubricScale):
                yield from _unique_codes(entry, path, scale)
            if isinstance(scale, ErrorScale):
                yield from _error_problems(entry, path, scale)


def _range_problems(entry: Entry[CriteriaMeta], path: DataPath, marks: dict[str, tuple[int, int]],
                    top: int) -> Iterator[Issue]:
    code = "criteria.scale"
    for mark in marks:
        if mark not in MARKS:
            yield entry.doc.issue(f"отметки «{mark}» нет в пятибалльной шкале", (*path, "marks", mark), key=True,
                                  hint="отметки: 5, 4, 3, 2", code=code)
    ordered = [(mark, marks[mark]) for mark in MARKS if mark in marks]
    for (better, high), (worse, low) in itertools.pairwise(ordered):
        if high[0] < low[0]:
            yield entry.doc.issue(f"отметки не по порядку: диапазон «{worse}» ({_r(low)}) выше, чем у «{better}» "
                                  f"({_r(high)})", (*path, "marks", worse), code=code,
                                  hint="у лучшей отметки — самые высокие баллы")
    for mark, (low, high) in ordered:
        if high > top:
            yield entry.doc.issue(f"«{mark}»: {_r((low, high))} — больше наибольшего балла {top}",
                                  (*path, "marks", mark), code=code)
    spans = sorted((span, mark) for mark, span in ordered)
    expected = 0
    for (low, high), mark in spans:
        if low > expected:
            yield entry.doc.issue(f"пропущены баллы {_r((expected, low - 1))}: им не соответствует ни одна отметка",
                                  (*path, "marks", mark), code=code)
        elif low < expected:
            other = next(m for (lo, hi), m in spans if m != mark and lo <= low <= hi)
            first, second = sorted((other, mark), key=MARKS.index)
            yield entry.doc.issue(f"баллы {_r((low, min(high, expected - 1)))} попадают и в «{first}», и в «{second}»",
                                  (*path, "marks", mark), code=code)
        expected = max(expected, high + 1)
    if spans and expected <= top:
        yield entry.doc.issue(f"пропущены баллы {_r((expected, top))}: им не соответствует ни одна отметка",
                              (*path, "marks"), code=code)


def _r(span: tuple[int, int]) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}–{span[1]}"


def _unique_codes(entry: Entry[CriteriaMeta], path: DataPath, scale: RubricScale) -> Iterator[Issue]:
    seen: set[str] = set()
    for index, criterion in enumerate(scale.criteria):
        if criterion.code and criterion.code in seen:
            yield entry.doc.issue(f"критерий «{criterion.code}» повторяется", (*path, "criteria", index, "code"),
                                  code="criteria.scale")
        seen.add(criterion.code or "")


def _error_problems(entry: Entry[CriteriaMeta], path: DataPath, scale: ErrorScale) -> Iterator[Issue]:
    names = list(scale.error_classes)
    for mark, alternatives in scale.marks.items():
        if mark not in MARKS:
            yield entry.doc.issue(f"отметки «{mark}» нет в пятибалльной шкале", (*path, "marks", mark), key=True,
                                  hint="отметки: 5, 4, 3, 2", code="criteria.scale")
        for index, alternative in enumerate(alternatives):
            for name in alternative:
                if name not in scale.error_classes:
                    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
                    yield entry.doc.issue(
                        f"вида ошибок «{name}» нет в error_classes", (*path, "marks", mark, index, name), key=True,
                        hint=f"возможно, вы имели в виду «{close[0]}»" if close else "виды: " + ", ".join(names),
                        code="criteria.errors")
    allowed = [(mark, max((sum(a.values()) for a in scale.marks[mark]), default=0)) for mark in MARKS
               if mark in scale.marks]
    for (better, more), (worse, fewer) in itertools.pairwise(allowed):
        if more > fewer:
            yield entry.doc.issue(f"для «{better}» допускается больше ошибок ({more}), чем для «{worse}» ({fewer})",
                                  (*path, "marks", better), code="criteria.errors",
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
    return [*scales_are_consistent(project), *inherited_parts_exist(project)]
