"""Objectivity analytics: the markers of regulations.md §7a, computed from counts, each a named function.

Sources, as §7a gives them: «Методика расчета показателя „Уровень объективности оценки образовательных
результатов в субъекте Российской Федерации“» (19.04.2019; markers A, B, C below), and ФИОКО's 2026
recommendations to schools [V²] (marks differing from the journal by ≥ 2, the «2» share rising by 10 p.p.,
peaks of the primary-score histogram at the mark boundaries). The statistics are scipy.stats'; each docstring
says where the computation differs from the printed formula. Every function takes counts, never pupils.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

import numpy as np

from oko.results import figures
from oko.results.model import MarkShift

Counts = Mapping[int, int]
Critical = Literal["student", "normal"]
CONFIDENCE = 0.95  # the methodology's 95 % (t = 1.96)


def _stats() -> ModuleType:
    """scipy.stats, imported when a figure needs it: it takes about a second, and most builds need none."""
    from scipy import stats

    return stats


@dataclass(frozen=True)
class Interval:
    """A confidence interval of a mean primary score: mean ± critical × sd / √n."""

    mean: float
    sd: float
    n: int
    critical: float
    low: float
    high: float


def interval_from_summary(mean: float, sd: float, n: int, critical: Critical = "student") -> Interval | None:
    """The 95 % interval of a mean from its sample sd (n − 1) and size (marker A of the methodology, §7a).

    The methodology prints t = 1.96 for every school. By default the critical value is Student's t with n − 1
    degrees of freedom (scipy.stats.t.ppf(0.975, n − 1)): for a small school it is wider (2.26 at n = 10,
    2.09 at n = 20), so fewer small schools are flagged by chance; for a region it is 1.96 to two decimals.
    critical="normal" takes scipy.stats.norm.ppf(0.975) = 1.959964, the printed 1.96 to four decimals.
    n < 2 has no sample sd: None (the methodology does not say; such a school is excluded).
    """
    if n < 2:
        return None
    quantile = 1 - (1 - CONFIDENCE) / 2
    value = float(_stats().t.ppf(quantile, n - 1)) if critical == "student" else float(_stats().norm.ppf(quantile))
    half = value * sd / math.sqrt(n)
    return Interval(mean, sd, n, value, mean - half, mean + half)


def interval_from_counts(scores: Counts, critical: Critical = "student") -> Interval | None:
    """interval_from_summary from a distribution of primary scores (score → count)."""
    sample = _expanded(scores)
    if sample.size < 2:
        return None
    variance = float(np.var(sample, ddof=1))  # n − 1, as the methodology's S (scipy.stats.tvar warns on S = 0)
    return interval_from_summary(float(np.mean(sample)), math.sqrt(variance), int(sample.size), critical)


@dataclass(frozen=True)
class InflatedMean:
    school: Interval
    group: Interval
    flagged: bool


def inflated_mean(school: Interval, group: Interval) -> InflatedMean:
    """Marker A (seed 003 §1.1): flagged when the school's lower bound lies above the group's upper bound.

    Only the high side is a marker (an inflated mean); a strict «above», as printed.
    """
    return InflatedMean(school, group, school.low > group.high)


@dataclass(frozen=True)
class Correlation:
    rho: float | None  # None: not computable (fewer than 3 pupils, or all with one journal mark or one score)
    pvalue: float | None
    n: int
    flagged: bool


def journal_score_correlation(journal_scores: Mapping[int, Counts]) -> Correlation:
    """Marker B: Spearman's r_s of the journal mark and the primary score of the same pupils; flagged when r_s < 0.

    From the cross-table of counts (journal mark → score → count). The printed r_s = 1 − 6Σd²/(n(n²−1)) holds
    only without ties, and marks are heavily tied: scipy.stats.spearmanr gives ties their average rank and
    computes Pearson's r of the ranks, the standard tie-corrected r_s; on untied data both agree exactly.
    """
    pairs = [(journal, score, n) for journal, row in journal_scores.items() for score, n in row.items() if n]
    x = np.repeat([p[0] for p in pairs], [p[2] for p in pairs])
    y = np.repeat([p[1] for p in pairs], [p[2] for p in pairs])
    if x.size < 3 or np.unique(x).size < 2 or np.unique(y).size < 2:
        return Correlation(None, None, int(x.size), False)
    result = _stats().spearmanr(x, y)
    rho = float(result.statistic)
    return Correlation(rho, float(result.pvalue), int(x.size), rho < 0)


@dataclass(frozen=True)
class CohortPair:
    """One cohort: its mean % of completion in grade N, year Y (before) and in grade N + 1, year Y + 1 (after)."""

    label: str
    before: float
    after: float


@dataclass(frozen=True)
class CohortChange:
    label: str
    ratio: float  # K = before / after
    change: Literal["fall", "rise"] | None


@dataclass(frozen=True)
class CohortChanges:
    low: float  # Q25 − k·IQR: K below it is a sharp rise
    high: float  # Q75 + k·IQR: K above it is a sharp fall
    changes: list[CohortChange]


MIN_COHORT_SAMPLE = 10  # [I]: quartiles of fewer ratios say little; the methodology takes a whole region


def cohort_changes(pairs: Sequence[CohortPair], k: float = 3.0,
                   min_sample: int = MIN_COHORT_SAMPLE) -> CohortChanges | None:
    """Marker C: K = S(N, Y) / S(N + 1, Y + 1); sharp fall K > Q75 + k·IQR, sharp rise K < Q25 − k·IQR.

    S is the mean % of completion (figures.completion_percent). The quartiles are over the whole sample given
    (the methodology: all schools of the region; a district passes its schools, a school its cohorts). They
    are numpy's linear-interpolation percentiles (scipy.stats.iqr's default); the methodology names no
    quantile method. A cohort with after = 0 has no ratio and is left out. None below min_sample ratios.
    """
    usable = [p for p in pairs if p.after > 0]
    if len(usable) < min_sample:
        return None
    ratios = np.array([p.before / p.after for p in usable])
    q25, q75 = np.percentile(ratios, [25, 75])
    spread = float(_stats().iqr(ratios))
    low, high = float(q25) - k * spread, float(q75) + k * spread
    changes = [CohortChange(p.label, float(r), "fall" if r > high else "rise" if r < low else None)
               for p, r in zip(usable, ratios, strict=True)]
    return CohortChanges(low, high, changes)


@dataclass(frozen=True)
class ShiftProfile:
    shares: dict[str, float]  # lowered, confirmed, raised: % of those compared
    reference: dict[str, float] | None
    flagged: tuple[str, ...]  # the keys whose share exceeds the reference by more than the margin


SHIFT_MARGIN = 10.0  # p.p. [I]: the size of ФИОКО's «2»-share marker (§7a); no shift margin is printed


def shift_profile(shift: MarkShift, reference: Mapping[str, float] | None = None,
                  margin: float = SHIFT_MARGIN) -> ShiftProfile | None:
    """The mark-shift profile against the journal (ФИС ОКО «Сравнение отметок с отметками по журналу», §7a).

    «Понизили» above the reference says the journal marks are higher than the work confirms; «повысили» above
    it says the work's marks are higher than the journal's (a possible sign of help during the work). Flagged:
    lowered or raised exceeding the reference share (municipality or region) by more than `margin` p.p.; the
    methodology gives no number, so this is an [I] rule. Without a reference nothing is flagged.
    """
    shares = figures.shift_shares(shift)
    if shares is None:
        return None
    flagged = tuple(key for key in ("lowered", "raised")
                    if reference is not None and key in reference and shares[key] - reference[key] > margin)
    return ShiftProfile(shares, dict(reference) if reference is not None else None, flagged)


@dataclass(frozen=True)
class MarkGaps:
    count: int  # pupils whose work mark and journal mark differ by at least `gap`
    compared: int
    flagged: bool


def large_mark_gaps(journal_marks: Mapping[int, Counts], gap: int = 2) -> MarkGaps:
    """ФИОКО 2026 [V²]: pupils whose procedure and journal marks differ by ≥ 2; flagged when there are any."""
    count = sum(n for journal, row in journal_marks.items() for mark, n in row.items() if abs(mark - journal) >= gap)
    compared = sum(sum(row.values()) for row in journal_marks.values())
    return MarkGaps(count, compared, count > 0)


@dataclass(frozen=True)
class FailShareRise:
    before: float
    after: float
    flagged: bool


def fail_share_rise(marks: Counts, previous: Counts, lowest: int = 2, margin: float = 10.0) -> FailShareRise | None:
    """ФИОКО 2026 [V²]: the share of the lowest mark up by `margin` p.p. on last year is a negative sign.

    Flagged at a rise of at least the margin (the recommendation says «+10 п.п.»).
    """
    now, then = figures.mark_shares(marks, [lowest]), figures.mark_shares(previous, [lowest])
    if now is None or then is None:
        return None
    return FailShareRise(then[lowest], now[lowest], now[lowest] - then[lowest] >= margin - 1e-9)


@dataclass(frozen=True)
class BoundaryPeak:
    mark: int
    score: int  # the lowest score of the mark
    count: int
    neighbours: tuple[int, ...]  # counts at score − 1 and score + 1 (those within 0..max)
    pvalue: float
    flagged: bool


MIN_PEAK_PARTICIPANTS = 20  # ФИОКО 2026 [V²]: a distribution is approximate at 20–30, informative at ≥ 50


def boundary_peaks(scores: Counts, boundaries: Mapping[int, int], max_score: int | None = None,
                   alpha: float = 0.05, min_participants: int = MIN_PEAK_PARTICIPANTS) -> list[BoundaryPeak] | None:
    """Peaks of the primary-score histogram at the mark boundaries (ФИОКО 2026 [V²], which does not define one).

    Definition [I]: at a boundary score b (the lowest score of a mark), compare the count n_b with its
    neighbours b − 1 and b + 1. A smooth histogram is locally flat, so of the T pupils in these k + 1 cells
    each falls on b with probability 1/(k + 1); n_b is a peak when a one-sided exact binomial test
    (scipy.stats.binomtest, «greater») rejects that at `alpha` — marking pushes pupils from b − 1 up to b,
    emptying one neighbour and filling the boundary. It is a local form of the bunching estimate at a cutoff
    (Dee, Dobbie, Jacob, Rockoff 2019, «The Causes and Consequences of Test Score Manipulation», AEJ: Applied
    11(3)), which fits the whole distribution instead. The boundaries are tested separately, without a
    multiple-testing correction. None below min_participants.
    """
    if sum(scores.values()) < min_participants:
        return None
    top = max_score if max_score is not None else max(scores, default=0)
    peaks = []
    for mark, score in sorted(boundaries.items()):
        neighbours = tuple(scores.get(s, 0) for s in (score - 1, score + 1) if 0 <= s <= top)
        count = scores.get(score, 0)
        total = count + sum(neighbours)
        if not neighbours or total == 0:
            continue
        pvalue = float(_stats().binomtest(count, total, 1 / (len(neighbours) + 1), alternative="greater").pvalue)
        peaks.append(BoundaryPeak(mark, score, count, neighbours, pvalue, pvalue < alpha))
    return peaks


def _expanded(counts: Counts) -> np.ndarray:
    """score → count as the sample of scores it stands for (counts are small: a school, a region at most)."""
    keys = sorted(k for k, n in counts.items() if n > 0)
    return np.repeat(np.array(keys, dtype=float), [counts[k] for k in keys])
