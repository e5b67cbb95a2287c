"""What a results page shows of one group: its counts, its figures as Russian text, or why it is hidden.

Figures are rounded here, once, so the page, the chart and the downloads print the same digits: a share and a
rate to a tenth of a percent, the mean mark to hundredths, the mean primary score to a tenth.
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.kinds.results.charts import Chart, bar_chart
from oko.results import figures
from oko.results.model import GroupResult, ProcedureResults

SHIFT_LABELS = (("lowered", "понизили"), ("confirmed", "подтвердили"), ("raised", "повысили"))


def rounded(value: float | None, digits: int) -> float | None:
    """Rounded half away from zero at `digits` (Python's round() is half to even on binary floats)."""
    if value is None:
        return None
    scale = 10 ** digits
    return int(abs(value) * scale + 0.5 + 1e-9) / scale * (1 if value >= 0 else -1)


def ru_number(value: float | None, digits: int) -> str:
    """12.5 → «12,5»; None → «—»."""
    number = rounded(value, digits)
    return "—" if number is None else f"{number:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class Figures:
    """The derived figures of a group, as numbers rounded once (None: not computable)."""

    success: float | None
    quality: float | None
    mean_mark: float | None
    mean_score: float | None
    shares: dict[int, float | None]

    @classmethod
    def of(cls, group: GroupResult, result: ProcedureResults) -> Figures:
        shares = figures.mark_shares(group.marks, result.mark_set) or {}
        return cls(rounded(figures.success_rate(group.marks, result.pass_mark), 1),
                   rounded(figures.quality_rate(group.marks, result.quality_mark), 1),
                   rounded(figures.mean_mark(group.marks), 2),
                   rounded(figures.mean_score(group.scores), 1) if group.scores else None,
                   {mark: rounded(shares.get(mark), 1) for mark in result.mark_set})


@dataclass(frozen=True)
class GroupView:
    """One row of a results page: a class, or the parallel; `hidden` says why its figures are not published."""

    key: str  # «5А», or «5» for the parallel
    name: str
    participants: int
    marks: tuple[tuple[int, int, str], ...] = ()  # (mark, count, share «32,0»)
    success: str = ""
    quality: str = ""
    mean_mark: str = ""
    mean_score: str = ""
    shift: tuple[tuple[str, int, str], ...] = ()  # (label, count, share)
    tasks: dict[str, str] | None = None
    numbers: Figures | None = None
    counts: dict[int, int] | None = None
    hidden: str = ""
    chart: Chart | None = None
    scores_chart: Chart | None = None


def group_name(key: str) -> str:
    return f"{key} классы (вся параллель)" if key.isdigit() else f"{key} класс"


def shown_group(result: ProcedureResults, group: GroupResult, chart_id: str) -> GroupView:
    numbers = Figures.of(group, result)
    name = group_name(group.group)
    marks = tuple((mark, group.marks.get(mark, 0), ru_number(numbers.shares[mark], 1)) for mark in result.mark_set)
    shift = figures.group_shift(group, result)
    shift_shares = figures.shift_shares(shift) if shift is not None else None
    shift_rows = tuple((label, getattr(shift, key), ru_number(shift_shares[key], 1)) for key, label in SHIFT_LABELS
                       ) if shift is not None and shift_shares else ()
    summary = ", ".join(f"«{mark}» — {count}" for mark, count, _ in marks)
    chart = bar_chart(f"{chart_id}-marks", f"Отметки: {name}", f"Участников {group.participants}. Получили {summary}.",
                      group.marks, list(result.mark_set), axis_label="отметка", groups={m: f"mark-{m}" for m in
                                                                                        result.mark_set})
    return GroupView(group.group, name, group.participants, marks, ru_number(numbers.success, 1),
                     ru_number(numbers.quality, 1), ru_number(numbers.mean_mark, 2), ru_number(numbers.mean_score, 1),
                     shift_rows, {task: ru_number(value, 1) for task, value in group.tasks.items()} if group.tasks
                     else None, numbers, dict(group.marks), chart=chart,
                     scores_chart=_scores_chart(result, group, name, chart_id) if group.scores else None)


def _scores_chart(result: ProcedureResults, group: GroupResult, name: str, chart_id: str) -> Chart:
    scores = group.scores or {}
    top = result.max_score if result.max_score is not None else max(scores, default=0)
    keys = list(range(top + 1))
    marks = {score: f"mark-{result.mark_of(score)}" for score in keys} if result.boundaries else {}
    scale = ""
    if result.boundaries:
        scale = " Границы отметок: " + ", ".join(f"«{m}» от {s} б." for m, s in sorted(result.boundaries.items())) + "."
    spread = ", ".join(f"{score} б. — {n}" for score, n in sorted(scores.items()))
    return bar_chart(f"{chart_id}-scores", f"Первичные баллы: {name}",
                     f"Сколько участников набрали каждый балл от 0 до {top}: {spread}.{scale}", scores, keys,
                     height=200, axis_label="первичный балл", groups=marks, boundaries=result.boundaries)
