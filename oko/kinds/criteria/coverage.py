"""A scale against its declared marks: every mark once, ranges in order, no gap or overlap, units that fit."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from oko.errors import Issue
from oko.kinds.criteria.bounds import ERRORS, PERCENT, POINTS, UNIT_NAMES, Bounds
from oko.kinds.criteria.marksets import DeclaredMarks
from oko.kinds.criteria.model import CriteriaMeta, ErrorNorm, MarkRange
from oko.project import Entry
from oko.sources import DataPath

MARKS_CODE, SCALE_CODE = "criteria.marks", "criteria.scale"
INFINITY = 10**9
SCALE_WORDS = {PERCENT: "в процентах", POINTS: "в баллах", ERRORS: "в числе ошибок"}


@dataclass(frozen=True)
class Row:
    """A row of a scale that names a declared mark, with where it stands in the file."""

    index: int
    mark: str
    bounds: Bounds


def marks_covered_once(entry: Entry[CriteriaMeta], path: DataPath, rows: Sequence[MarkRange | ErrorNorm],
                       declared: DeclaredMarks) -> Iterator[Issue]:
    """Each row names a declared mark, no mark twice, and every declared mark has its row."""
    seen: set[str] = set()
    for index, row in enumerate(rows):
        at = (*path, "marks", index, "mark")
        if row.mark not in declared.names:
            close = _same_mark(row.mark, declared.names)
            yield entry.doc.issue(f"отметки «{row.mark}» нет в наборе отметок: {declared.listed()}", at,
                                  hint=f"возможно, вы имели в виду «{close}»" if close else declared.where(),
                                  code=MARKS_CODE)
        elif row.mark in seen:
            yield entry.doc.issue(f"отметка «{row.mark}» указана в шкале дважды", at, code=MARKS_CODE,
                                  hint="у каждой отметки — одна строка")
        seen.add(row.mark)
    field = "errors: […]" if rows and isinstance(rows[0], ErrorNorm) else "range: …"
    for name in declared.names:
        if name not in seen:
            yield entry.doc.issue(f"в шкале нет отметки «{name}»: она есть в наборе отметок {declared.listed()}",
                                  (*path, "marks"), key=True, code=MARKS_CODE,
                                  hint=f'добавьте строку - {{mark: "{name}", {field}}}; {declared.where()}')


def _fold(mark: str) -> str:
    return " ".join(mark.casefold().replace("ё", "е").strip("«»\"' ").split())


def _same_mark(written: str, names: list[str]) -> str | None:
    """The declared mark a row means when written differently («Зачет», «высокий» for «высокий уровень»).

    Not a fuzzy match: «незачёт» is a close spelling of «зачёт» and its opposite.
    """
    folded = _fold(written)
    return next((name for name in names if _fold(name) == folded), None) or next(
        (name for name in names if folded and _fold(name).startswith(folded + " ")), None)


def ordered_rows(rows: Sequence[MarkRange], declared: DeclaredMarks) -> list[Row]:
    """The rows of declared marks in the order of the set (best first), each mark's first row only."""
    first: dict[str, Row] = {}
    for index, row in enumerate(rows):
        if row.mark in declared.names and row.mark not in first:
            first[row.mark] = Row(index, row.mark, row.range)
    return [first[name] for name in dict.fromkeys(declared.names) if name in first]


def ranges_fit(entry: Entry[CriteriaMeta], path: DataPath, rows: list[Row], top: int | None,
               unit: str) -> Iterator[Issue]:
    """Units that fit the scale, ranges within its top, in order of the marks, without gaps or overlaps."""
    yield from _units(entry, path, rows, unit)
    yield from _within_top(entry, path, rows, top)
    yield from _in_order(entry, path, rows, top, fewer_is_better=unit == ERRORS)
    yield from _no_gaps(entry, path, rows, top, unit)


def _at(path: DataPath, row: Row) -> DataPath:
    return (*path, "marks", row.index, "range")


def _units(entry: Entry[CriteriaMeta], path: DataPath, rows: list[Row], unit: str) -> Iterator[Issue]:
    for row in rows:
        if row.bounds.unit and row.bounds.unit != unit:
            yield entry.doc.issue(
                f"«{row.bounds.text}»: шкала {SCALE_WORDS[unit]}, а здесь {UNIT_NAMES[row.bounds.unit]}",
                _at(path, row), code=SCALE_CODE, hint=f"единица этой шкалы — {UNIT_NAMES[unit]}, или смените kind")


def _within_top(entry: Entry[CriteriaMeta], path: DataPath, rows: list[Row], top: int | None) -> Iterator[Issue]:
    for row in rows:
        low, high = row.bounds.closed(top)
        if top is not None and max(low, high or 0) > top:
            yield entry.doc.issue(f"«{row.mark}»: {row.bounds.shown()} — больше наибольшего балла {top}",
                                  _at(path, row), code=SCALE_CODE)


def _in_order(entry: Entry[CriteriaMeta], path: DataPath, rows: list[Row], top: int | None,
              fewer_is_better: bool) -> Iterator[Issue]:
    for better, worse in itertools.pairwise(rows):
        better_low, worse_low = better.bounds.closed(top)[0], worse.bounds.closed(top)[0]
        if fewer_is_better and better_low > worse_low:
            yield entry.doc.issue(f"отметки не по порядку: у «{better.mark}» ({better.bounds.shown()}) ошибок больше,"
                                  f" чем у «{worse.mark}» ({worse.bounds.shown()})", _at(path, worse),
                                  code=SCALE_CODE, hint="у лучшей отметки — меньше всего ошибок")
        elif not fewer_is_better and better_low < worse_low:
            yield entry.doc.issue(f"отметки не по порядку: диапазон «{worse.mark}» ({worse.bounds.shown()}) выше, "
                                  f"чем у «{better.mark}» ({better.bounds.shown()})", _at(path, worse),
                                  code=SCALE_CODE, hint="у лучшей отметки — самые высокие баллы")


def _r(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _no_gaps(entry: Entry[CriteriaMeta], path: DataPath, rows: list[Row], top: int | None,
             unit: str) -> Iterator[Issue]:
    """From 0 to the top (or without end, for errors) every value gives exactly one mark."""
    noun = {PERCENT: "проценты", POINTS: "баллы", ERRORS: "число ошибок"}[unit]
    spans = sorted(((*_closed(row, top), row) for row in rows), key=lambda span: (span[0], span[1]))
    expected = 0
    for low, high, row in spans:
        if low > expected:
            yield entry.doc.issue(_gap(noun, expected, low - 1), _at(path, row), code=SCALE_CODE)
        elif low < expected:
            other = next((r for lo, hi, r in spans if r is not row and lo <= low <= hi), row)
            first, second = sorted((other.mark, row.mark), key=[r.mark for r in rows].index)
            verb = "попадает" if unit == ERRORS else "попадают"
            yield entry.doc.issue(f"{noun} {_r(low, min(high, expected - 1))} {verb} и в «{first}», и в «{second}»",
                                  _at(path, row), code=SCALE_CODE)
        expected = max(expected, high + 1)
    if not spans:
        return
    if top is not None and expected <= top:
        yield entry.doc.issue(_gap(noun, expected, top), (*path, "marks"), key=True, code=SCALE_CODE)
    if top is None and expected < INFINITY:
        worst = rows[-1]
        yield entry.doc.issue(f"больше {expected - 1} ошибок не соответствует ни одна отметка",
                              _at(path, worst), code=SCALE_CODE,
                              hint=f"у худшей отметки напишите «{expected} и более ошибок» или «более {expected - 1}»")


def _closed(row: Row, top: int | None) -> tuple[int, int]:
    low, high = row.bounds.closed(top)
    return low, INFINITY if high is None else high


def _gap(noun: str, low: int, high: int) -> str:
    if noun == "число ошибок":
        return f"пропущено число ошибок {_r(low, high)}: ему не соответствует ни одна отметка"
    return f"пропущены {noun} {_r(low, high)}: им не соответствует ни одна отметка"
