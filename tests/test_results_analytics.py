"""Objectivity markers on constructed data whose answers are worked out by hand in the comments."""

from __future__ import annotations

import pytest

from oko.results import analytics
from oko.results.analytics import CohortPair, Interval
from oko.results.model import MarkShift

# A school of 10: scores 10, 10, 12, 12, 12, 14, 14, 14, 14, 16.
# mean = (20 + 36 + 56 + 16) / 10 = 12.8
# Σ(x − mean)² = 2·2.8² + 3·0.8² + 4·1.2² + 3.2² = 15.68 + 1.92 + 5.76 + 10.24 = 33.6
# S = √(33.6 / 9) = √3.7333 = 1.932184; S/√m = 0.611010
# Student t(0.975, 9) = 2.262157 → half 1.382201 → [11.417799, 14.182201]
# normal z(0.975) = 1.959964 (the printed 1.96) → half 1.197558 → [11.602442, 13.997558]
SCHOOL = {10: 2, 12: 3, 14: 4, 16: 1}


def test_the_interval_of_a_school_from_its_distribution_of_scores() -> None:
    school = analytics.interval_from_counts(SCHOOL)
    assert school is not None
    assert (school.mean, school.n) == (12.8, 10)
    assert school.sd == pytest.approx(1.932184, abs=1e-6)
    assert school.critical == pytest.approx(2.262157, abs=1e-6)
    assert (school.low, school.high) == (pytest.approx(11.417799, abs=1e-6), pytest.approx(14.182201, abs=1e-6))
    normal = analytics.interval_from_counts(SCHOOL, critical="normal")
    assert normal is not None and normal.critical == pytest.approx(1.96, abs=5e-5)
    assert (normal.low, normal.high) == (pytest.approx(11.602442, abs=1e-6), pytest.approx(13.997558, abs=1e-6))


def test_a_school_above_the_region_is_flagged() -> None:
    # Region: mean 10, S 4, n 10000: S/√n = 0.04, t(0.975, 9999) = 1.960201 → [9.921592, 10.078408].
    region = analytics.interval_from_summary(10.0, 4.0, 10_000)
    school = analytics.interval_from_counts(SCHOOL)
    assert region is not None and school is not None
    assert region.high == pytest.approx(10.078408, abs=1e-6)
    assert analytics.inflated_mean(school, region).flagged  # 11.4178 > 10.0784


def test_a_school_whose_interval_overlaps_the_region_is_not_flagged() -> None:
    # Region: mean 11, S 4, n 100: S/√n = 0.4, t(0.975, 99) = 1.984217 → high 11.793687 > 11.417799.
    region = analytics.interval_from_summary(11.0, 4.0, 100)
    school = analytics.interval_from_counts(SCHOOL)
    assert region is not None and school is not None
    assert region.high == pytest.approx(11.793687, abs=1e-6)
    assert not analytics.inflated_mean(school, region).flagged


def test_student_t_is_why_a_small_school_is_not_flagged_where_the_printed_196_would_flag_it() -> None:
    # Region: mean 11.5, S 0.5, n 10000 → high = 11.5 + 1.960201·0.005 = 11.509801.
    # With 1.96 the school's low is 11.602442 (above: flagged); with t(9) it is 11.417799 (below: not).
    region = analytics.interval_from_summary(11.5, 0.5, 10_000)
    assert region is not None and region.high == pytest.approx(11.509801, abs=1e-6)
    normal, student = analytics.interval_from_counts(SCHOOL, "normal"), analytics.interval_from_counts(SCHOOL)
    assert normal is not None and student is not None
    assert analytics.inflated_mean(normal, region).flagged
    assert not analytics.inflated_mean(student, region).flagged


def test_the_bound_must_lie_strictly_above() -> None:
    def interval(low: float, high: float) -> Interval:
        return Interval(mean=(low + high) / 2, sd=1, n=10, critical=2, low=low, high=high)
    assert not analytics.inflated_mean(interval(5.0, 7.0), interval(3.0, 5.0)).flagged
    assert analytics.inflated_mean(interval(5.000001, 7.0), interval(3.0, 5.0)).flagged


def test_an_interval_needs_two_pupils() -> None:
    assert analytics.interval_from_counts({12: 1}) is None
    assert analytics.interval_from_summary(12.0, 0.0, 1) is None
    one_score = analytics.interval_from_counts({12: 5})
    assert one_score is not None and (one_score.low, one_score.high) == (12.0, 12.0)  # S = 0


# Journal × score, 8 pupils: (3,5) (3,5) (3,8) (4,8) (4,12) (4,12) (5,12) (5,15).
# Average ranks: journal 3 → 2, 4 → 5, 5 → 7.5; scores 5 → 1.5, 8 → 3.5, 12 → 6, 15 → 8 (both means 4.5).
# Σ dx·dy = 7.5 + 7.5 + 2.5 − 0.5 + 0.75 + 0.75 + 4.5 + 10.5 = 33.5; Σ dx² = 37.5; Σ dy² = 39
# r_s = 33.5 / √(37.5·39) = 33.5 / 38.242646 = 0.875985.
# The printed 1 − 6Σd²/(n(n²−1)) with these ranks: Σd² = 9.5 → 1 − 57/504 = 0.886905 (it ignores the ties).
POSITIVE = {3: {5: 2, 8: 1}, 4: {8: 1, 12: 2}, 5: {12: 1, 15: 1}}


def test_spearman_with_ties_from_the_cross_table() -> None:
    correlation = analytics.journal_score_correlation(POSITIVE)
    assert correlation.rho == pytest.approx(0.875985, abs=1e-6)
    assert correlation.rho != pytest.approx(1 - 6 * 9.5 / (8 * 63), abs=1e-3)
    assert (correlation.n, correlation.flagged) == (8, False)


def test_a_negative_correlation_is_flagged() -> None:
    reversed_journal = {5: {5: 2, 8: 1}, 4: {8: 1, 12: 2}, 3: {12: 1, 15: 1}}
    correlation = analytics.journal_score_correlation(reversed_journal)
    assert correlation.rho == pytest.approx(-0.875985, abs=1e-6)
    assert correlation.flagged


def test_zero_correlation_is_not_flagged() -> None:
    # (3,1) (3,3) (4,2) (4,2): journal ranks 1.5 1.5 3.5 3.5, score ranks 1 4 2.5 2.5: Σ dx·dy = 1.5 − 1.5 = 0.
    correlation = analytics.journal_score_correlation({3: {1: 1, 3: 1}, 4: {2: 2}})
    assert correlation.rho == pytest.approx(0.0, abs=1e-12)
    assert not correlation.flagged


def test_one_journal_mark_for_everyone_has_no_correlation() -> None:
    correlation = analytics.journal_score_correlation({4: {5: 3, 9: 4}})
    assert (correlation.rho, correlation.flagged, correlation.n) == (None, False, 7)


# K = before / after for 10 cohorts (after = 50): sorted 0.5 0.9 0.95 0.98 1.0 1.0 1.0 1.05 1.1 2.0.
# Linear percentiles: Q25 at position 2.25 → 0.95 + 0.25·0.03 = 0.9575; Q75 at 6.75 → 1.0 + 0.75·0.05 = 1.0375.
# IQR = 0.08; sharp fall above 1.0375 + 3·0.08 = 1.2775; sharp rise below 0.9575 − 0.24 = 0.7175.
RATIOS = [0.5, 0.9, 0.95, 0.98, 1.0, 1.0, 1.0, 1.05, 1.1, 2.0]


def test_sharp_fall_and_rise_of_a_cohort() -> None:
    pairs = [CohortPair(f"school-{i}", k * 50, 50) for i, k in enumerate(RATIOS)]
    changes = analytics.cohort_changes(pairs)
    assert changes is not None
    assert (changes.low, changes.high) == (pytest.approx(0.7175), pytest.approx(1.2775))
    assert [(c.label, c.change) for c in changes.changes if c.change] == [("school-0", "rise"), ("school-9", "fall")]


def test_cohorts_need_a_sample() -> None:
    pairs = [CohortPair(f"school-{i}", k * 50, 50) for i, k in enumerate(RATIOS)]
    assert analytics.cohort_changes(pairs[:9]) is None
    assert analytics.cohort_changes(pairs[:9], min_sample=9) is not None
    with_zero = [*pairs, CohortPair("empty", 40, 0)]
    changes = analytics.cohort_changes(with_zero)
    assert changes is not None and "empty" not in [c.label for c in changes.changes]


def test_the_shift_profile_against_the_region() -> None:
    # 8 lowered, 10 confirmed, 2 raised of 20: 40 %, 50 %, 10 %; the region lowered 25 %: 15 p.p. more.
    shift = MarkShift(lowered=8, confirmed=10, raised=2)
    profile = analytics.shift_profile(shift, {"lowered": 25.0, "confirmed": 65.0, "raised": 10.0})
    assert profile is not None
    assert profile.shares == {"lowered": 40.0, "confirmed": 50.0, "raised": 10.0}
    assert profile.flagged == ("lowered",)
    at_margin = analytics.shift_profile(shift, {"lowered": 30.0, "confirmed": 60.0, "raised": 10.0})
    assert at_margin is not None and at_margin.flagged == ()  # 10 p.p. is not more than 10
    assert analytics.shift_profile(shift).flagged == ()  # type: ignore[union-attr]
    assert analytics.shift_profile(MarkShift(lowered=0, confirmed=0, raised=0)) is None


def test_marks_two_apart_from_the_journal() -> None:
    gaps = analytics.large_mark_gaps({5: {3: 1, 5: 3}, 4: {4: 2, 5: 1}})
    assert (gaps.count, gaps.compared, gaps.flagged) == (1, 7, True)
    assert not analytics.large_mark_gaps({5: {4: 1, 5: 3}, 3: {2: 2}}).flagged


def test_the_share_of_twos_up_by_ten_points() -> None:
    rise = analytics.fail_share_rise({2: 2, 3: 8}, {2: 1, 3: 9})  # 10 % → 20 %: +10 p.p.
    assert rise is not None and (rise.before, rise.after, rise.flagged) == (10.0, 20.0, True)
    small = analytics.fail_share_rise({2: 19, 3: 81}, {2: 1, 3: 9})  # 10 % → 19 %
    assert small is not None and not small.flagged


# Scores of 22 pupils, boundaries «3» from 6, «4» from 10, «5» from 14, max 16.
# At 6: 1, 6, 1 → T = 8, P(X ≥ 6 | Bin(8, 1/3)) = (28·2² + 8·2 + 1) / 3⁸ = 129 / 6561 = 0.019662 < 0.05: a peak.
# At 10: 3, 3, 3 → P(X ≥ 3 | Bin(9, 1/3)) = 0.622822; at 14: 2, 2, 1 → P(X ≥ 2 | Bin(5, 1/3)) = 0.539095.
PEAKED = {5: 1, 6: 6, 7: 1, 9: 3, 10: 3, 11: 3, 13: 2, 14: 2, 15: 1}


def test_a_peak_at_a_mark_boundary() -> None:
    peaks = analytics.boundary_peaks(PEAKED, {3: 6, 4: 10, 5: 14}, 16)
    assert peaks is not None
    assert [(p.mark, p.score, p.count, p.neighbours, p.flagged) for p in peaks] == [
        (3, 6, 6, (1, 1), True), (4, 10, 3, (3, 3), False), (5, 14, 2, (2, 1), False)]
    assert peaks[0].pvalue == pytest.approx(129 / 6561)
    assert peaks[1].pvalue == pytest.approx(0.622822, abs=1e-6)


def test_peaks_need_enough_pupils_and_use_one_neighbour_at_the_edge() -> None:
    assert analytics.boundary_peaks({**PEAKED, 15: 0, 13: 0, 11: 2}, {3: 6}, 16) is None  # 18 pupils
    # The boundary at the maximum has one neighbour: p = 1/2; 7 at 16 and 0 at 15 → P = 1/2⁷ = 0.0078.
    edge = analytics.boundary_peaks({0: 15, 16: 7}, {5: 16}, 16)
    assert edge is not None and edge[0].neighbours == (0,) and edge[0].pvalue == pytest.approx(1 / 128)
    assert edge[0].flagged
