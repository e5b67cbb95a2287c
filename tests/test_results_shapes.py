"""Results tables in the shape a form holds (issue 13): rows in the file, maps in the model.

A map keyed by mark came back from a form save as a list with nulls, so every table is a list of rows; the old
maps still load (the rest of the file is checked) and fail check at their key, with the file's own rows in
the hint; a problem the computations find in a map is shown at its row.
"""

from __future__ import annotations

from pathlib import Path

from oko.pipeline import generate
from oko.results import validate_results
from oko.results.command import results_yaml
from oko.results.model import ProcedureResults
from oko.yaml_source import parse_yaml
from tests.test_results_pages import RESULT, school

HEAD = "kind: ВПР\nsubject: Математика\ndate: 15.04.2026\ngrade: 5\nmax_score: 10\n"


def test_a_table_written_as_a_map_fails_check_at_its_key_with_its_rows_in_the_hint(tmp_path: Path) -> None:
    old = RESULT.replace("marks: [{mark: 3, count: 6}, {mark: 4, count: 6}]", "marks: {3: 6, 4: 6}").replace(
        "participants: 14, marks: [{mark: 3, count: 7}, {mark: 5, count: 7}]",
        "participants: 9, marks: {3: 4, 5: 5}, shares: {3: 44.4, 5: 55.6}")
    built = generate(school(tmp_path, old + "boundaries: {3: 2, 4: 5, 5: 8}\n"))
    found = [(i.line, i.column, i.message, i.hint) for i in built.issues if i.code == "results.shape"]
    assert found == [
        (6, 35, "количество по отметкам: записано словарём, а нужен список строк",
         "теперь каждая отметка — строка списка: - {mark: 3, count: 6}; - {mark: 4, count: 6}"),
        (7, 34, "количество по отметкам: записано словарём, а нужен список строк",
         "теперь каждая отметка — строка списка: - {mark: 3, count: 4}; - {mark: 5, count: 5}"),
        (7, 55, "доли по отметкам: записано словарём, а нужен список строк",
         "теперь каждая отметка — строка списка: - {mark: 3, percent: 44.4}; - {mark: 5, percent: 55.6}"),
        (8, 1, "шкала перевода: записано словарём, а нужен список строк",
         "теперь каждая отметка — строка списка: - {mark: 3, min_score: 2}; - {mark: 4, min_score: 5}; …")]
    assert built.failed()
    # The old maps loaded: the rest of the file is checked as before.
    assert [i.line for i in built.issues if i.code == "results.small_group"] == [7]


def test_a_row_written_twice_is_an_error_at_its_table() -> None:
    doc, _ = parse_yaml(HEAD + "groups:\n  - group: 5А\n    participants: 3\n    marks:\n"
                        "      - {mark: 4, count: 1}\n      - {mark: 4, count: 2}\n", "r.yaml")
    result, found = validate_results(doc)  # type: ignore[arg-type]
    assert result is None
    assert [(i.line, i.column, i.message) for i in found] == [
        (10, 7, "количество по отметкам: строка «mark: 4» записана дважды")]


def test_a_problem_in_a_table_is_shown_at_its_row() -> None:
    doc, _ = parse_yaml(HEAD + "groups:\n  - group: 5А\n    participants: 2\n    marks: [{mark: 3, count: 2}]\n"
                        "    scores:\n      - {score: 4, count: 1}\n      - {score: 11, count: 1}\n", "r.yaml")
    result, found = validate_results(doc)  # type: ignore[arg-type]
    assert [(i.line, i.column, i.message) for i in found] == [(12, 9, "балл 11 больше максимального (10)")]
    assert result is None


def test_a_count_that_cannot_be_is_rejected_at_its_cell() -> None:
    doc, _ = parse_yaml(HEAD + "groups:\n  - group: 5А\n    participants: 2\n    marks:\n"
                        "      - {mark: 3, count: -2}\n", "r.yaml")
    result, found = validate_results(doc)  # type: ignore[arg-type]
    assert result is None and [(i.line, i.column) for i in found] == [(10, 26)]


def test_import_results_writes_rows_that_load_back_equal() -> None:
    result = ProcedureResults.model_validate({
        "kind": "vpr", "subject": "Математика", "date": "15.04.2026", "grade": 5, "max_score": 10,
        "boundaries": {3: 3, 4: 6, 5: 9},
        "groups": [{"group": "5А", "participants": 2, "marks": {3: 1, 5: 1}, "scores": {4: 1, 9: 1},
                    "tasks": {"1": 50, "2.1": 100}, "journal_marks": {4: {3: 1, 5: 1}}}],
        "reference": [{"level": "region", "shares": {3: 60, 5: 40}, "shift": {"lowered": 10, "raised": 5}}]})
    text = results_yaml(result, "book.xlsx")
    # In the forms' layout (oko/fmt.py), with no header comment: a form save would drop it.
    assert text == """\
kind: vpr
subject: Математика
date: 15.04.2026
grade: 5
max_score: 10
boundaries:
  - mark: 3
    min_score: 3
  - mark: 4
    min_score: 6
  - mark: 5
    min_score: 9
groups:
  - group: 5А
    participants: 2
    marks:
      - mark: 3
        count: 1
      - mark: 5
        count: 1
    scores:
      - score: 4
        count: 1
      - score: 9
        count: 1
    tasks:
      - task: '1'
        percent: 50
      - task: '2.1'
        percent: 100
    journal_marks:
      - journal: 4
        mark: 3
        count: 1
      - journal: 4
        mark: 5
        count: 1
reference:
  - level: region
    shares:
      - mark: 3
        percent: 60
      - mark: 5
        percent: 40
    shift:
      lowered: 10
      raised: 5
"""
    doc, _ = parse_yaml(text, "r.yaml")
    back, issues = validate_results(doc)  # type: ignore[arg-type]
    assert issues == [] and back == result


def test_the_form_holds_each_table_as_a_list_of_number_fields() -> None:
    from oko.cms import cms_config
    from oko.pipeline import load_project
    from tests.conftest import ROOT

    project, _ = load_project(ROOT)
    results = next(c for c in cms_config(project)["collections"] if c["name"] == "results")
    fields = {f["name"]: f for f in results["files"][0]["fields"]}
    groups = {f["name"]: f for f in fields["groups"]["fields"]}
    assert [(f["name"], f["widget"], f.get("value_type"), f["required"]) for f in groups["marks"]["fields"]] == [
        ("mark", "number", "int", True), ("count", "number", "int", True)]
    marks, scores = groups["marks"], groups["scores"]
    assert (marks["widget"], marks["required"], scores["required"]) == ("list", True, False)
    assert [f["name"] for f in fields["boundaries"]["fields"]] == ["mark", "min_score"]
    assert [f["name"] for f in groups["journal_marks"]["fields"]] == ["journal", "mark", "count"]
    reference = {f["name"]: f for f in fields["reference"]["fields"]}
    assert [(f["name"], f["required"]) for f in reference["shift"]["fields"]] == [
        ("lowered", False), ("confirmed", False), ("raised", False)]
