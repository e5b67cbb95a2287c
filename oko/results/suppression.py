"""Privacy of published results: small groups suppressed, and nothing suppressed recoverable by subtraction.

The method is the primary/secondary (complementary) cell suppression of statistical agencies (FCSM,
«Statistical Policy Working Paper 22: Report on Statistical Disclosure Limitation Methodology», 2nd ed. 2005,
ch. 4; NCES 2011-603, «SLDS Technical Brief 3: Statistical Methods for Protecting Personally Identifiable
Information in Aggregate Reporting»; Hundepool et al., «Statistical Disclosure Control», Wiley 2012, §4.4),
with the threshold of regulations.md §7a (default 10: ФИОКО asks N ≥ 10 for group analysis, 10 is the most
common minimum in NCES 2011-603; no Russian rule with a number exists):
1. Primary suppression: every row (a class, or the parallel) with fewer participants than the threshold is
   hidden in every table of the publication — its counts, and so every figure computed from them.
2. Audit: for each hidden cell of a primary row, the smallest and largest values it can take given all
   published cells and the links (tables.py), over non-negative integers — an integer program per bound
   (scipy.optimize.milp, HiGHS), the exact form of the LP audit of Cox (1980, «Suppression Methodology and
   Statistical Disclosure Control», JASA 75:377–385). A cell is exposed when fewer than `protection` + 1
   values remain possible.
3. Complementary suppression: while a cell is exposed, hide one more whole row — among the rows still shown,
   the first (fewest participants, then name) whose hiding protects that cell, else the one with fewest
   participants — and audit again. Rows are hidden whole, so a class is either shown or merged into the
   parallel, never shown with holes. Each step hides a row, so it ends.
A count shown to be 0 by a published 0 (nobody in the parallel got «2», so nobody in 5В did) is not counted as
exposed unless `zeros_disclose`: it says no more about a pupil than the published figure of a group at or
above the threshold [I].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from oko.results.model import ProcedureResults
from oko.results.tables import Cell, Form, Publication

DEFAULT_MIN_GROUP = 10  # regulations.md §7a


@dataclass(frozen=True)
class Suppression:
    """Which rows are hidden and why; the hidden cells."""

    primary: frozenset[str]  # below the threshold
    complementary: frozenset[str]  # hidden so that the primary ones cannot be recovered
    cells: frozenset[Cell]

    @property
    def rows(self) -> frozenset[str]:
        return self.primary | self.complementary

    def hidden(self, cell: Cell) -> bool:
        return cell.row in self.rows


def suppress(pub: Publication, min_group: int = DEFAULT_MIN_GROUP, protection: int = 1,
             zeros_disclose: bool = False) -> Suppression:
    """The rows and cells to hide so that no row below min_group can be read or recovered."""
    primary = frozenset(row for row, size in pub.sizes.items() if 0 < size < min_group)
    hidden = set(primary)
    while True:
        exposed = exposed_cells(pub, hidden, primary, protection, zeros_disclose, first=True)
        if not exposed:
            break
        candidates = sorted((row for row in pub.sizes if row not in hidden), key=lambda r: (pub.sizes[r], r))
        if not candidates:
            break
        target = exposed[0]
        chosen = next((row for row in candidates
                       if not exposed_cells(pub, hidden | {row}, primary, protection, zeros_disclose, [target])),
                      candidates[0])
        hidden.add(chosen)
    cells = frozenset(cell for cell in pub.cells if cell.row in hidden)
    return Suppression(primary, frozenset(hidden) - primary, cells)


def suppress_result(result: ProcedureResults, tables: tuple[str, ...] | None = None,
                    min_group: int = DEFAULT_MIN_GROUP) -> Suppression:
    """suppress() over the tables of one result (all of them unless told)."""
    from oko.results.tables import TABLES, publication

    return suppress(publication(result, tables or TABLES), min_group)


def exposed_cells(pub: Publication, hidden: set[str], primary: frozenset[str], protection: int = 1,
                  zeros_disclose: bool = False, only: list[Cell] | None = None, first: bool = False) -> list[Cell]:
    """The hidden cells of primary rows that the published cells pin to fewer than protection + 1 values
    (only the first of them when first)."""
    targets = only if only is not None else [c for c in sorted(pub.cells) if c.row in primary]
    targets = [c for c in targets if zeros_disclose or pub.value(c) != 0]
    if not targets:
        return []
    system = _System(pub, hidden)
    if protection == 1:
        targets = system.uncertified(pub, targets)
    exposed = []
    for cell in targets:
        low, high = system.range(pub.cells[cell])
        if high - low < protection:
            exposed.append(cell)
            if first:
                break
    return exposed


Hidden = set[str] | set[Cell] | set[str | Cell]  # rows hidden whole, and single cells


def feasible_range(pub: Publication, hidden: Hidden, cell: Cell) -> tuple[float, float]:
    """The smallest and largest value a cell can take given every cell not hidden.

    hidden holds rows (hidden whole) and single cells: the latter show what hiding less than a row would leak.
    """
    return _System(pub, hidden).range(pub.cells[cell])


class _System:
    """Non-negative integer atoms; the published cells and the links as equalities."""

    def __init__(self, pub: Publication, hidden: Hidden):
        # scipy loads only when a table is audited: importing it costs about a second on every build.
        from scipy.optimize import Bounds, LinearConstraint
        from scipy.sparse import csr_array

        self.names = sorted(pub.atoms)
        self.index = {name: i for i, name in enumerate(self.names)}
        rows, values = [], []
        for form in pub.links:
            rows.append(self._vector(form))
            values.append(0.0)
        for cell, form in sorted(pub.cells.items()):
            if cell.row not in hidden and cell not in hidden:
                rows.append(self._vector(form))
                values.append(float(pub.value(cell)))
        self.matrix = csr_array(np.array(rows)) if rows else None
        self.values = np.array(values) if rows else None
        self.constraints = [LinearConstraint(np.array(rows), values, values)] if rows else []
        # No count exceeds the largest row (the parallel): a finite box keeps every program bounded, and only
        # narrows the ranges an adversary could hope for (the audit errs on the safe side).
        ceiling = float(max(pub.sizes.values(), default=0))
        self.bounds = Bounds(np.zeros(len(self.names)), np.full(len(self.names), ceiling))
        self.box = [(0.0, ceiling)] * len(self.names)
        self.integrality = np.ones(len(self.names))

    def _vector(self, form: Form) -> np.ndarray:
        vector = np.zeros(len(self.names))
        for atom, k in form.items():
            vector[self.index[atom]] += k
        return vector

    def uncertified(self, pub: Publication, cells: list[Cell]) -> list[Cell]:
        """The cells that two integral solutions (min and max of their sum) do not show to take a second value.

        A batch pre-check before the per-cell programs: any integer solution in which a cell differs from its
        true value proves the cell can take two values (what protection 1 asks); the rest are audited one by one.
        """
        from scipy.optimize import linprog

        total: Form = {}
        for cell in cells:
            for atom, k in pub.cells[cell].items():
                total[atom] = total.get(atom, 0) + k
        objective = self._vector(total)
        pending = cells
        for sign in (1, -1):
            relaxed = linprog(sign * objective, A_eq=self.matrix, b_eq=self.values, bounds=self.box, method="highs")
            if relaxed.success and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-9):
                point = np.round(relaxed.x)
                pending = [c for c in pending if self._vector(pub.cells[c]) @ point == pub.value(c)]
        return pending

    def range(self, form: Form) -> tuple[float, float]:
        objective = self._vector(form)
        return self._optimum(objective), -self._optimum(-objective)

    def _optimum(self, objective: np.ndarray) -> float:
        """min objective·x over the integer points; the LP relaxation first, the integer program if it is not enough.

        An LP optimum at an integral point is the integer optimum too; the tables' sums usually give such
        vertices, so the integer program (much slower) runs only when the relaxation lands between integers.
        """
        from scipy.optimize import linprog, milp

        relaxed = linprog(objective, A_eq=self.matrix, b_eq=self.values, bounds=self.box, method="highs")
        if relaxed.success and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-9):
            return float(round(relaxed.fun))
        found = milp(objective, constraints=self.constraints, integrality=self.integrality, bounds=self.bounds)
        if not found.success:  # the true data is always a solution: a failure is a solver limit
            raise RuntimeError(f"suppression audit: {found.message}")
        return float(round(found.fun))
