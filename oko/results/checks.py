"""What `check` says about a results file: small groups in the content itself, and the objectivity markers.

A public repository is as public as the site (issue 17): a class below the threshold is warned about where it
is typed, with what to do instead — enter it merged by parallel, or keep results in a private repository.
The markers (analytics.py) are computed for the parallel (the school, as the methodology counts it) and each
class at or above the threshold; a group below it gets no marker, published or not.
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.results import analytics, figures
from oko.results.consistency import Problem
from oko.results.model import GroupResult, ProcedureResults, ReferenceFigures, ReferenceLevel
from oko.results.suppression import DEFAULT_MIN_GROUP, suppress_result

# The group of seed 003 §1.1 is «группа ОО по региону»: the region first.
REFERENCE_ORDER = (ReferenceLevel.REGION, ReferenceLevel.MUNICIPALITY, ReferenceLevel.RUSSIA)


def small_groups(result: ProcedureResults, min_group: int = DEFAULT_MIN_GROUP) -> list[Problem]:
    """A warning at each group with fewer participants than min_group (0 participants: nothing to hide)."""
    return [Problem(("groups", index, "participants"),
                    f"{group.group}: {group.participants} участн. — меньше порога {min_group}: на сайте такие "
                    "результаты скрываются, но в открытом репозитории их видно",
                    "введите результаты по параллели целиком (group: "
                    f"{result.grade}) или храните результаты в закрытом репозитории", level="warning")
            for index, group in enumerate(result.groups) if 0 < group.participants < min_group]


@dataclass(frozen=True)
class Finding:
    """One computed marker of one group: flagged or not, with the numbers in Russian."""

    group: str
    code: str  # inflated_mean | negative_correlation | shift_profile | mark_gaps | boundary_peak
    flagged: bool
    message: str


def findings(result: ProcedureResults, min_group: int = DEFAULT_MIN_GROUP, critical: analytics.Critical = "student",
             hidden: frozenset[str] | None = None) -> list[Finding]:
    """The markers of every group shown: the parallel first, then the classes.

    A marker is a figure too (a class's mean, beside the parallel's, gives the other class's), so the groups
    hidden by the suppression get none: `hidden` are the rows suppress() hid (computed here when not given).
    """
    if hidden is None:
        hidden = suppress_result(result, min_group=min_group).rows
    groups = [figures.parallel_total(result)]
    if not result.is_merged():
        groups += result.groups
    found: list[Finding] = []
    for group in groups:
        if group.participants >= min_group and group.group not in hidden:
            found += _group_findings(result, group, critical)
    return found


def reference_interval(reference: ReferenceFigures, critical: analytics.Critical = "student"
                       ) -> analytics.Interval | None:
    """The group's interval: from its distribution, else from its mean, sd and participants."""
    if reference.scores:
        return analytics.interval_from_counts(reference.scores, critical)
    if reference.mean_score is not None and reference.score_sd is not None and reference.participants:
        return analytics.interval_from_summary(reference.mean_score, reference.score_sd, reference.participants,
                                               critical)
    return None


def _reference(result: ProcedureResults) -> ReferenceFigures | None:
    for level in REFERENCE_ORDER:
        for reference in result.reference:
            if reference.level == level:
                return reference
    return None


def _num(value: float) -> str:
    return f"{value:.2f}".replace(".", ",").replace("-", "−")  # the typographic minus


def _group_findings(result: ProcedureResults, group: GroupResult, critical: analytics.Critical) -> list[Finding]:
    found = []
    name = group.group
    reference = _reference(result)
    if group.scores and reference is not None:
        school, other = analytics.interval_from_counts(group.scores, critical), reference_interval(reference, critical)
        if school and other:
            marker = analytics.inflated_mean(school, other)
            found.append(Finding(name, "inflated_mean", marker.flagged,
                                 f"средний балл {_num(school.mean)}, интервал {_num(school.low)}–{_num(school.high)}; "
                                 f"{reference.label}: {_num(other.low)}–{_num(other.high)}"
                                 + (" — нижняя граница выше верхней границы группы" if marker.flagged else "")))
    if group.journal_scores:
        correlation = analytics.journal_score_correlation(group.journal_scores)
        if correlation.rho is not None:
            found.append(Finding(name, "negative_correlation", correlation.flagged,
                                 f"корреляция Спирмена отметки по журналу и балла: {_num(correlation.rho)}"
                                 + (" — отрицательная" if correlation.flagged else "")))
    shift = figures.group_shift(group, result)
    if shift is not None:
        ref_shift = reference.shift if reference is not None else None
        profile = analytics.shift_profile(shift, ref_shift)
        if profile is not None:
            text = (f"понизили {_num(profile.shares['lowered'])} %, подтвердили {_num(profile.shares['confirmed'])} %, "
                    f"повысили {_num(profile.shares['raised'])} %")
            found.append(Finding(name, "shift_profile", bool(profile.flagged), text))
    cross = group.journal_marks or (figures.cross_marks_from_scores(group.journal_scores, result)
                                    if group.journal_scores and result.boundaries else None)
    if cross:
        gaps = analytics.large_mark_gaps(cross)
        found.append(Finding(name, "mark_gaps", gaps.flagged,
                             "отметка за работу и по журналу различаются на 2 и больше: "
                             f"{gaps.count} из {gaps.compared}"))
    if group.scores and result.boundaries:
        for peak in analytics.boundary_peaks(group.scores, result.boundaries, result.max_score) or []:
            found.append(Finding(name, "boundary_peak", peak.flagged,
                                 f"граница отметки «{peak.mark}» ({peak.score} б.): {peak.count} участн., "
                                 f"рядом {', '.join(map(str, peak.neighbours))}"))
    return found
