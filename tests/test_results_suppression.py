"""Cell suppression of results: small groups hidden, and nothing hidden recoverable by subtraction.

The brute force enumerates every non-negative integer filling of the hidden counts that reproduces all the
published cells (tables.py forms, links included) and checks that each hidden count of a small class can take
more than one value: what an adversary holding every published table could not pin down.
"""

from __future__ import annotations

import time

import pytest

from oko.results.consistency import problems
from oko.results.model import ProcedureResults
from oko.results.suppression import exposed_cells, feasible_range, suppress, suppress_result
from oko.results.tables import Cell, Publication, publication


def result(groups: list[dict], **extra: object) -> ProcedureResults:
    made = ProcedureResults.model_validate({"kind": "ВПР", "subject": "Математика", "date": "15.04.2026",
                                            "grade": 5, "groups": groups, **extra})
    assert problems(made) == []
    return made


def consistent_values(pub: Publication, hidden: set, cells: list[Cell]) -> dict[Cell, set[int]]:
    """Every value each cell takes over all fillings of the hidden rows' atoms that match what is published.

    A depth-first enumeration of non-negative integers: each atom is bounded by the smallest published cell that
    holds it, and a published cell or a link is checked as soon as its last atom is set.
    """
    shown = [(pub.cells[c], pub.value(c)) for c in pub.cells if c.row not in hidden and c not in hidden]
    unknown = sorted(atom for atom in pub.atoms if atom.split("|")[0] in hidden)
    atoms = {atom: value for atom, value in pub.atoms.items() if atom not in unknown}
    ceiling = {atom: min([value for form, value in shown if form.get(atom, 0) >= 1] or [max(pub.sizes.values())])
               for atom in unknown}
    order = {atom: i for i, atom in enumerate(unknown)}
    checks: dict[int, list[tuple[dict, int]]] = {}
    for form, value in [*shown, *((link, 0) for link in pub.links)]:
        last = max((order[a] for a in form if a in order), default=None)
        if last is not None:
            checks.setdefault(last, []).append((form, value))
    values: dict[Cell, set[int]] = {cell: set() for cell in cells}

    def fill(depth: int) -> None:
        if depth == len(unknown):
            for cell in cells:
                values[cell].add(sum(atoms[a] * k for a, k in pub.cells[cell].items()))
            return
        for value in range(ceiling[unknown[depth]] + 1):
            atoms[unknown[depth]] = value
            if all(sum(atoms[a] * k for a, k in form.items()) == target for form, target in checks.get(depth, [])):
                fill(depth + 1)
        del atoms[unknown[depth]]

    if all(sum(atoms[a] * k for a, k in form.items()) == value for form, value in shown
           if not any(a in order for a in form)):
        fill(0)
    return values


# Threshold 3 keeps the brute force small: 5Б (2 pupils) is below it, 5А (4) and 5В (3) are not.
SMALL = [{"group": "5А", "participants": 4, "marks": {2: 1, 3: 1, 4: 1, 5: 1}},
         {"group": "5Б", "participants": 2, "marks": {2: 1, 4: 1}},
         {"group": "5В", "participants": 3, "marks": {3: 1, 4: 1, 5: 1}}]


def test_naive_suppression_leaks_by_subtracting_the_other_classes_from_the_parallel() -> None:
    pub = publication(result(SMALL), ["marks"])
    mark_cells = [Cell("marks", "5Б", str(m)) for m in (2, 3, 4, 5)] + [Cell("marks", "5Б", "participants")]
    recovered = consistent_values(pub, {"5Б"}, mark_cells)
    # «5» parallel minus 5А minus 5В gives each count of 5Б: one value each, the true one.
    assert recovered == {Cell("marks", "5Б", "2"): {1}, Cell("marks", "5Б", "3"): {0}, Cell("marks", "5Б", "4"): {1},
                         Cell("marks", "5Б", "5"): {0}, Cell("marks", "5Б", "participants"): {2}}
    assert feasible_range(pub, {"5Б"}, Cell("marks", "5Б", "2")) == (1, 1)
    assert exposed_cells(pub, {"5Б"}, frozenset({"5Б"})) == [Cell("marks", "5Б", "2"), Cell("marks", "5Б", "4"),
                                                            Cell("marks", "5Б", "participants")]


def test_complementary_suppression_hides_the_smallest_other_class_and_nothing_is_recoverable() -> None:
    pub = publication(result(SMALL), ["marks"])
    hidden = suppress(pub, min_group=3)
    assert hidden.primary == {"5Б"}
    assert hidden.complementary == {"5В"}  # 3 pupils: fewer than 5А (4) or the parallel (9)
    assert hidden.cells == {Cell("marks", row, column) for row in ("5Б", "5В")
                            for column in ("2", "3", "4", "5", "participants")}
    cells = [cell for cell in pub.cells if cell.row == "5Б"]
    recovered = consistent_values(pub, set(hidden.rows), cells)
    assert all(len(values) > 1 for values in recovered.values()), recovered
    assert recovered[Cell("marks", "5Б", "participants")] == {0, 1, 2, 3, 4, 5}
    assert recovered[Cell("marks", "5Б", "2")] == {0, 1}  # the parallel's one «2» is in 5Б or 5В
    assert feasible_range(pub, set(hidden.rows), Cell("marks", "5Б", "4")) == (0, 2)


def test_a_count_is_recovered_as_participants_minus_the_other_counts() -> None:
    pub = publication(result(SMALL), ["marks"])
    one_cell = {Cell("marks", "5А", "2")}
    assert feasible_range(pub, one_cell, Cell("marks", "5А", "2")) == (1, 1)
    # Hiding the participants too still leaks through the parallel's column; a whole row and another do not.
    assert feasible_range(pub, one_cell | {Cell("marks", "5А", "participants")}, Cell("marks", "5А", "2")) == (1, 1)


def test_the_links_between_tables_are_known_to_everyone() -> None:
    """Scores and marks of one class cover the same pupils through the scale: hiding only the marks leaks."""
    groups = [{"group": "5А", "participants": 3, "marks": {2: 1, 3: 1, 5: 1}, "scores": {1: 1, 3: 1, 5: 1}},
              {"group": "5Б", "participants": 2, "marks": {2: 1, 3: 1}, "scores": {0: 1, 2: 1}}]
    pub = publication(result(groups, max_score=5, boundaries={3: 2, 4: 4, 5: 5}), ["marks", "scores"])
    marks_only = {cell for cell in pub.cells if cell.table == "marks" and cell.row == "5Б"}
    assert feasible_range(pub, marks_only, Cell("marks", "5Б", "2")) == (1, 1)  # from its scores 0 and 1
    hidden = suppress(pub, min_group=3)
    assert hidden.primary == {"5Б"} and hidden.complementary == {"5А"}
    assert {cell.table for cell in hidden.cells} == {"marks", "scores"}
    recovered = consistent_values(pub, set(hidden.rows), [c for c in pub.cells if c.row == "5Б"])
    assert all(len(values) > 1 for cell, values in recovered.items() if pub.value(cell) > 0), recovered


def test_two_classes_merge_into_the_parallel() -> None:
    groups = [{"group": "5А", "participants": 25, "marks": {2: 2, 3: 10, 4: 9, 5: 4},
               "shift": {"lowered": 5, "confirmed": 18, "raised": 2}},
              {"group": "5Б", "participants": 8, "marks": {2: 1, 3: 4, 4: 2, 5: 1},
               "shift": {"lowered": 1, "confirmed": 6, "raised": 1}}]
    hidden = suppress_result(result(groups))
    assert (hidden.primary, hidden.complementary) == ({"5Б"}, {"5А"})
    assert not any(cell.row == "5" for cell in hidden.cells)  # the parallel is shown: the merge


def test_a_small_parallel_hides_everything() -> None:
    groups = [{"group": "5А", "participants": 5, "marks": {3: 5}}, {"group": "5Б", "participants": 4, "marks": {4: 4}}]
    hidden = suppress_result(result(groups))
    assert hidden.primary == {"5А", "5Б", "5"} and hidden.complementary == frozenset()


def test_a_zero_implied_by_a_published_zero_is_not_a_disclosure_unless_asked() -> None:
    groups = [{"group": "5А", "participants": 12, "marks": {3: 6, 4: 6}},
              {"group": "5Б", "participants": 4, "marks": {3: 2, 4: 2}},
              {"group": "5В", "participants": 11, "marks": {3: 5, 4: 6}}]
    pub = publication(result(groups), ["marks"])
    # Nobody in the parallel got «2» or «5»: 5Б's zeros there are pinned, and say no more than the parallel does.
    assert feasible_range(pub, {"5Б", "5В"}, Cell("marks", "5Б", "2")) == (0, 0)
    assert suppress(pub).complementary == {"5В"}
    assert exposed_cells(pub, {"5Б", "5В"}, frozenset({"5Б"}), zeros_disclose=True) == [
        Cell("marks", "5Б", "2"), Cell("marks", "5Б", "5")]


def test_no_group_below_the_threshold_hides_nothing() -> None:
    hidden = suppress_result(result([{"group": "5А", "participants": 10, "marks": {3: 10}},
                                     {"group": "5Б", "participants": 11, "marks": {4: 11}}]))
    assert hidden.rows == frozenset() and hidden.cells == frozenset()


def test_the_threshold_is_a_strict_minimum() -> None:
    groups = [{"group": "5А", "participants": 9, "marks": {3: 9}},
              {"group": "5Б", "participants": 20, "marks": {4: 20}}]
    assert suppress_result(result(groups)).primary == {"5А"}
    assert suppress_result(result(groups), min_group=9).primary == frozenset()


@pytest.mark.parametrize("tables", [("marks", "scores", "shift", "journal_scores")])
def test_a_realistic_parallel_is_suppressed_quickly(tables: tuple[str, ...]) -> None:
    """Four classes, scores 0..20, the shift and the journal × score table: the audit's integer programs."""
    def group(name: str, n: int) -> dict:
        scores = {s: 0 for s in range(21)}
        for i in range(n):
            scores[(i * 7) % 21] += 1
        marks = {2: 0, 3: 0, 4: 0, 5: 0}
        for s, k in scores.items():
            marks[2 if s < 6 else 3 if s < 10 else 4 if s < 15 else 5] += k
        journal = {3: {s: k for s, k in scores.items() if s < 10}, 4: {s: k for s, k in scores.items() if s >= 10}}
        return {"group": name, "participants": n, "marks": marks, "scores": scores, "journal_scores": journal}
    res = result([group("5А", 26), group("5Б", 7), group("5В", 24), group("5Г", 28)], max_score=20,
                 boundaries={3: 6, 4: 10, 5: 15})
    started = time.perf_counter()
    hidden = suppress_result(res, tables)
    elapsed = time.perf_counter() - started
    assert hidden.primary == {"5Б"} and hidden.complementary == {"5В"}
    assert elapsed < 5, elapsed  # 0.2 s here: the batch pre-check spares most per-cell programs
