"""The results model: derived figures, counts that must add up, typed figures checked, `check`'s warnings."""

from __future__ import annotations

import pytest

from oko.results import checks, figures, validate_results
from oko.results.consistency import problems, rounding_tolerance
from oko.results.model import MarkShift, ProcedureResults
from oko.yaml_source import parse_yaml

# 25 pupils: «2» 2, «3» 8, «4» 10, «5» 5.
MARKS = {2: 2, 3: 8, 4: 10, 5: 5}


def test_success_rate_is_the_share_of_marks_from_three() -> None:
    assert figures.success_rate(MARKS) == 92.0  # (8 + 10 + 5) / 25
    assert figures.success_rate(MARKS, pass_mark=4) == 60.0
    assert figures.success_rate({}) is None


def test_quality_is_the_share_of_fours_and_fives() -> None:
    assert figures.quality_rate(MARKS) == 60.0  # (10 + 5) / 25
    assert figures.quality_rate({2: 1, 3: 2}) == 0.0


def test_mean_mark_and_mean_score() -> None:
    assert figures.mean_mark(MARKS) == pytest.approx(3.72)  # (4 + 24 + 40 + 25) / 25 = 93 / 25
    assert figures.mean_score({0: 1, 10: 2, 16: 1}) == 9.0  # 36 / 4
    assert figures.completion_percent({0: 1, 10: 2, 16: 1}, 20) == 45.0
    assert figures.mean_mark({}) is None


def test_shares_per_declared_mark() -> None:
    assert figures.mark_shares(MARKS, [2, 3, 4, 5]) == {2: 8.0, 3: 32.0, 4: 40.0, 5: 20.0}
    assert figures.mark_shares({1: 1, 5: 3}, [1, 2, 3, 4, 5]) == {1: 25.0, 2: 0.0, 3: 0.0, 4: 0.0, 5: 75.0}


def test_the_shift_from_a_cross_table_and_from_scores() -> None:
    cross = {3: {2: 1, 3: 4, 4: 2}, 4: {3: 3, 4: 5, 5: 1}, 5: {5: 2}}
    assert figures.shift_from_cross(cross) == MarkShift(lowered=4, confirmed=11, raised=3)
    assert figures.shift_shares(MarkShift(lowered=4, confirmed=11, raised=5)) == {
        "lowered": 20.0, "confirmed": 55.0, "raised": 25.0}


def base(**extra: object) -> dict:
    return {"kind": "ВПР", "subject": "Математика", "date": "15.04.2026", "grade": 5, **extra}


def test_the_parallel_is_the_sum_of_the_classes() -> None:
    result = ProcedureResults.model_validate(base(groups=[
        {"group": "5А", "participants": 3, "marks": {3: 2, 4: 1}, "tasks": {"1": 100.0}},
        {"group": "5Б", "participants": 1, "marks": {5: 1}, "tasks": {"1": 0.0}}]))
    total = figures.parallel_total(result)
    assert (total.group, total.participants, total.marks, total.tasks) == ("5", 4, {3: 2, 4: 1, 5: 1}, {"1": 75.0})


def test_a_procedure_may_declare_its_marks() -> None:
    result = ProcedureResults.model_validate(base(mark_set=[1, 2, 3, 4, 5], pass_mark=3, quality_mark=4, groups=[
        {"group": "5", "participants": 4, "marks": {1: 1, 3: 1, 4: 1, 5: 1}, "success": 75, "quality": 50}]))
    assert problems(result) == []
    with pytest.raises(ValueError, match="pass_mark: отметки 6 нет среди отметок"):
        ProcedureResults.model_validate(base(pass_mark=6, groups=[{"group": "5", "participants": 0, "marks": {}}]))


def test_counts_must_add_up() -> None:
    result = ProcedureResults.model_validate(base(max_score=10, boundaries={3: 3, 4: 6, 5: 9}, groups=[
        {"group": "5А", "participants": 5, "marks": {2: 1, 3: 2, 4: 1}, "scores": {1: 1, 4: 2, 7: 1, 11: 1},
         "shift": {"lowered": 3, "confirmed": 2, "raised": 1}},
        {"group": "6Б", "participants": 1, "marks": {6: 1}}]))
    assert [(p.path, p.message) for p in problems(result)] == [
        (("groups", 1, "group"), "класс 6Б не из 5-й параллели (grade: 5)"),
        (("groups", 0, "marks"), "5А: по отметкам 4, а участников 5"),
        (("groups", 0, "scores", 11), "балл 11 больше максимального (10)"),
        (("groups", 0, "scores"), "5А: по шкале перевода баллов отметку «5» получили 1, а в marks — 0"),
        (("groups", 0, "shift"), "5А: в сравнении с журналом 6 участников, больше, чем участников работы (5)"),
        (("groups", 1, "marks", 6), "отметки 6 нет среди отметок работы [2, 3, 4, 5]"),
    ]


def test_scores_must_match_the_marks_by_the_scale() -> None:
    result = ProcedureResults.model_validate(base(max_score=10, boundaries={3: 3, 4: 6, 5: 9}, groups=[
        {"group": "5А", "participants": 3, "marks": {2: 1, 3: 1, 5: 1}, "scores": {2: 1, 6: 1, 9: 1}}]))
    assert [p.message for p in problems(result)] == [
        "5А: по шкале перевода баллов отметку «3» получили 0, а в marks — 1",
        "5А: по шкале перевода баллов отметку «4» получили 1, а в marks — 0"]


def test_a_typed_figure_that_disagrees_is_an_error_within_its_rounding() -> None:
    # 25 pupils as MARKS: успеваемость 92, качество 60, средняя 3.72.
    def typed(**figures_typed: object) -> list[str]:
        result = ProcedureResults.model_validate(base(groups=[
            {"group": "5А", "participants": 25, "marks": MARKS, **figures_typed}]))
        return [p.message for p in problems(result)]
    assert typed(success=92, quality=60.0, mean_mark=3.72, shares={2: 8, 3: 32, 4: 40, 5: 20}) == []
    assert typed(mean_mark=3.7) == []  # 3.7 stands for 3.65–3.75
    assert typed(mean_mark=3.8) == ["5А: средняя отметка указана 3,8, а по количествам выходит 3,72"]
    assert typed(success=91.5) == ["5А: успеваемость указана 91,5, а по количествам выходит 92"]
    assert typed(quality=61) == ["5А: качество знаний указано 61, а по количествам выходит 60"]
    assert typed(shares={5: 21}) == ["5А: доля «5» указана 21 %, а по количествам выходит 20 %"]


def test_rounding_tolerance_is_half_a_unit_of_the_last_digit() -> None:
    assert rounding_tolerance(88) == pytest.approx(0.5)
    assert rounding_tolerance(88.2) == pytest.approx(0.05)
    assert rounding_tolerance(88.25) == pytest.approx(0.005)


def test_classes_and_the_parallel_together_are_refused() -> None:
    result = ProcedureResults.model_validate(base(groups=[
        {"group": "5А", "participants": 1, "marks": {3: 1}}, {"group": 5, "participants": 1, "marks": {3: 1}}]))
    assert [p.message for p in problems(result)] == [
        "в файле и классы, и вся параллель: итог параллели считается сам из классов"]


YAML = """\
kind: ВПР
subject: Математика
date: 15.04.2026
grade: 5
groups:
  - group: 5А
    participants: 25
    marks: [{mark: 2, count: 2}, {mark: 3, count: 8}, {mark: 4, count: 10}, {mark: 5, count: 5}]
    success: 90
  - group: 5Б
    participants: 7
    marks: [{mark: 3, count: 7}]
"""


def test_a_content_file_reports_each_problem_at_its_line() -> None:
    doc, issues = parse_yaml(YAML, "content/results/2025-2026/vpr-math-5.yaml")
    assert doc is not None and issues == []
    result, found = validate_results(doc)
    assert result is None
    assert [(i.level, i.line, i.column, i.message) for i in found] == [
        ("error", 9, 14, "5А: успеваемость указана 90, а по количествам выходит 92")]


def test_check_warns_about_a_group_below_the_threshold_in_the_content() -> None:
    doc, _ = parse_yaml(YAML.replace("    success: 90\n", ""), "r.yaml")
    result, found = validate_results(doc)  # type: ignore[arg-type]
    assert result is not None and found == []
    warnings = checks.small_groups(result)
    assert [(w.path, w.level, w.message, w.hint) for w in warnings] == [(
        ("groups", 1, "participants"), "warning",
        "5Б: 7 участн. — меньше порога 10: на сайте такие результаты скрываются, но в открытом репозитории их видно",
        "введите результаты по параллели целиком (group: 5) или храните результаты в закрытом репозитории")]
    assert checks.small_groups(result, min_group=7) == []


def test_findings_for_the_parallel_and_the_classes_above_the_threshold() -> None:
    scores_a = {10: 2, 12: 3, 14: 4, 16: 1}
    result = ProcedureResults.model_validate(base(max_score=20, boundaries={3: 6, 4: 10, 5: 15}, groups=[
        {"group": "5А", "participants": 10, "marks": {4: 9, 5: 1}, "scores": scores_a,
         "journal_scores": {5: {10: 2, 12: 1}, 4: {12: 2, 14: 2}, 3: {14: 2, 16: 1}}},
        {"group": "5Б", "participants": 3, "marks": {3: 3}, "scores": {8: 3}, "journal_scores": {3: {8: 3}}}],
        reference=[{"level": "region", "mean_score": 10.0, "score_sd": 4.0, "participants": 10000}]))
    assert problems(result) == []
    # 5Б (3 pupils) is below the threshold, so the suppression hides 5А with it: published, only the parallel.
    assert [f.group for f in checks.findings(result)] == ["5"] * 4
    found = checks.findings(result, hidden=frozenset())  # e.g. a school's private report
    # The parallel (13 pupils, mean 11.69): its interval 10.07–13.32 reaches below the region's 10.08; fewer
    # than 20 pupils: no boundary peaks; 5Б (3 pupils) gets no markers of its own.
    assert [(f.group, f.code, f.flagged) for f in found] == [
        ("5", "inflated_mean", False), ("5", "negative_correlation", True), ("5", "shift_profile", False),
        ("5", "mark_gaps", True),
        ("5А", "inflated_mean", True), ("5А", "negative_correlation", True), ("5А", "shift_profile", False),
        ("5А", "mark_gaps", True)]
    assert found[4].message == ("средний балл 12,80, интервал 11,42–14,18; регион: 9,92–10,08 — нижняя граница "
                                "выше верхней границы группы")
    assert found[5].message == "корреляция Спирмена отметки по журналу и балла: −0,85 — отрицательная"


def test_no_marker_for_a_class_hidden_to_protect_a_small_one() -> None:
    # 5Б (8 pupils) is below 10; 5А (12) is hidden with it, or its mean beside the parallel's would give 5Б's.
    scores = {10: 2, 12: 3, 14: 4, 16: 3}
    result = ProcedureResults.model_validate(base(max_score=20, boundaries={3: 6, 4: 10, 5: 15}, groups=[
        {"group": "5А", "participants": 12, "marks": {4: 9, 5: 3}, "scores": scores},
        {"group": "5Б", "participants": 8, "marks": {4: 8}, "scores": {12: 8}}],
        reference=[{"level": "region", "mean_score": 10.0, "score_sd": 4.0, "participants": 10000}]))
    # 20 pupils: the peaks are tested at 10 and 15 (at 6 the three counts are all 0).
    assert [(f.group, f.code) for f in checks.findings(result)] == [("5", "inflated_mean"), ("5", "boundary_peak"),
                                                                    ("5", "boundary_peak")]
    assert [f.group for f in checks.findings(result, hidden=frozenset())][:2] == ["5", "5"]
    assert "5А" in {f.group for f in checks.findings(result, hidden=frozenset())}
