"""The figures a results page would publish, as linear forms over the hidden counts of each class.

Complementary suppression needs to know what can be computed from what. Every published cell — a mark count of
5А, the participants of the parallel, the «понизили» of 5Б, a cell of a cross-table — is a sum of *atoms*: the
counts of one class in one category of one partition of its pupils (by mark, by primary score, by the shift
against the journal, by journal mark × mark or × score). What everyone knows besides the cells are the
*links*: the partitions of one class cover the same pupils, and the scale of the work maps scores to marks.
A cell is recoverable exactly when the published values and the links leave it one possible value
(suppression.py). The parallel row is the sum of the classes, so «parallel minus the other classes» is in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from oko.results.figures import group_shift
from oko.results.model import GroupResult, ProcedureResults

Form = dict[str, int]  # atom → coefficient
SHIFT_KEYS = ("lowered", "confirmed", "raised")
TABLES = ("marks", "scores", "shift", "journal_marks", "journal_scores", "mean_score")
NONE = "none"  # the atom of those without a journal mark (a partial comparison)


@dataclass(frozen=True, order=True)
class Cell:
    """One published figure: the table, the row (a class, or the parallel «5»), the column."""

    table: str
    row: str
    column: str


@dataclass
class Publication:
    """The set of tables to publish: each cell as a form over the atoms, the links, each row's participants."""

    atoms: dict[str, int] = field(default_factory=dict)
    cells: dict[Cell, Form] = field(default_factory=dict)
    links: list[Form] = field(default_factory=list)  # each form == 0 whatever the data
    sizes: dict[str, int] = field(default_factory=dict)  # row → participants

    def value(self, cell: Cell) -> int:
        return sum(self.atoms[atom] * k for atom, k in self.cells[cell].items())

    def rows(self) -> list[str]:
        return sorted(self.sizes)

    def row_cells(self, row: str) -> list[Cell]:
        return sorted(cell for cell in self.cells if cell.row == row)


def publication(result: ProcedureResults, tables: Iterable[str] = TABLES) -> Publication:
    """The tables of one result (classes and their parallel) as a Publication."""
    wanted = set(tables)
    pub = Publication()
    builders = [_GroupAtoms(result, group, pub) for group in result.groups]
    for atoms in builders:
        atoms.build()
    rows = [(b.group.group, [b]) for b in builders]
    if len(builders) > 1:
        rows.append((str(result.grade), builders))
    for row, members in rows:
        pub.sizes[row] = sum(b.group.participants for b in members)
        for table in TABLES:
            if table in wanted and all(table in b.forms for b in members):
                for column in members[0].forms[table]:
                    form: Form = {}
                    for b in members:
                        for atom, k in b.forms[table][column].items():
                            form[atom] = form.get(atom, 0) + k
                    pub.cells[Cell(table, row, column)] = form
    return pub


class _GroupAtoms:
    """The atoms, links and cell forms of one class."""

    def __init__(self, result: ProcedureResults, group: GroupResult, pub: Publication):
        self.result, self.group, self.pub = result, group, pub
        self.forms: dict[str, dict[str, Form]] = {}

    def atom(self, partition: str, key: object, value: int) -> str:
        name = f"{self.group.group}|{partition}|{key}"
        self.pub.atoms[name] = value
        return name

    def build(self) -> None:
        result, group = self.result, self.group
        marks = {m: self.atom("m", m, group.marks.get(m, 0)) for m in result.mark_set}
        everyone = {a: 1 for a in marks.values()}
        self.forms["marks"] = {str(m): {a: 1} for m, a in marks.items()} | {"participants": everyone}
        scores = self._scores(marks, everyone) if group.scores is not None else None
        jm = self._journal_marks(marks) if group.journal_marks is not None else None
        js = self._journal_scores(scores, everyone) if group.journal_scores is not None else None
        if jm is not None and js is not None and result.boundaries is not None:
            for (j, m), atom in jm.items():
                if j != NONE:
                    self._link({atom: -1} | {a: 1 for (jj, s), a in js.items() if jj == j and result.mark_of(s) == m})
        self._shift(everyone, jm, js)

    def _link(self, form: Form) -> None:
        self.pub.links.append(form)

    def _scores(self, marks: dict[int, str], everyone: Form) -> dict[int, str]:
        result, counts = self.result, self.group.scores or {}
        top = result.max_score if result.max_score is not None else max(counts, default=0)
        scores = {s: self.atom("s", s, counts.get(s, 0)) for s in range(top + 1)}
        self.forms["scores"] = {str(s): {a: 1} for s, a in scores.items()}
        self.forms["mean_score"] = {"sum": {a: s for s, a in scores.items() if s}}
        if result.boundaries is None:
            self._link({a: 1 for a in scores.values()} | {a: -1 for a in everyone})
        else:
            for m, atom in marks.items():
                self._link({atom: -1} | {a: 1 for s, a in scores.items() if result.mark_of(s) == m})
        return scores

    def _journal_marks(self, marks: dict[int, str]) -> dict[tuple[object, int], str]:
        table, atoms = self.group.journal_marks or {}, {}
        for m, mark_atom in marks.items():
            column = {}
            for j in self.result.mark_set:
                column[(j, m)] = self.atom("jm", f"{j}:{m}", table.get(j, {}).get(m, 0))
            taken = sum(self.pub.atoms[a] for a in column.values())
            column[(NONE, m)] = self.atom("jm", f"{NONE}:{m}", self.group.marks.get(m, 0) - taken)
            self._link({a: 1 for a in column.values()} | {mark_atom: -1})
            atoms |= column
        self.forms["journal_marks"] = {f"{j}:{m}": {a: 1} for (j, m), a in atoms.items() if j != NONE}
        return atoms

    def _journal_scores(self, scores: dict[int, str] | None, everyone: Form) -> dict[tuple[object, int], str]:
        table, atoms = self.group.journal_scores or {}, {}
        keys = sorted(scores) if scores is not None else sorted({s for row in table.values() for s in row})
        for s in keys:
            for j in self.result.mark_set:
                atoms[(j, s)] = self.atom("js", f"{j}:{s}", table.get(j, {}).get(s, 0))
        if scores is not None:
            for s in keys:
                taken = sum(self.pub.atoms[atoms[(j, s)]] for j in self.result.mark_set)
                atoms[(NONE, s)] = self.atom("js", f"{NONE}:{s}", (self.group.scores or {}).get(s, 0) - taken)
                self._link({atoms[(j, s)]: 1 for j in [*self.result.mark_set, NONE]} | {scores[s]: -1})
        else:
            taken = sum(self.pub.atoms[a] for a in atoms.values())
            atoms[(NONE, -1)] = self.atom("js", NONE, self.group.participants - taken)
            self._link({a: 1 for a in atoms.values()} | {a: -1 for a in everyone})
        self.forms["journal_scores"] = {f"{j}:{s}": {a: 1} for (j, s), a in atoms.items() if j != NONE}
        return atoms

    def _shift(self, everyone: Form, jm: dict | None, js: dict | None) -> None:
        shift = group_shift(self.group, self.result)
        if shift is None:
            return
        atoms = {key: self.atom("c", key, getattr(shift, key)) for key in SHIFT_KEYS}
        atoms[NONE] = self.atom("c", NONE, self.group.participants - shift.total)
        self._link({a: 1 for a in atoms.values()} | {a: -1 for a in everyone})
        self.forms["shift"] = {key: {atoms[key]: 1} for key in SHIFT_KEYS} | {
            "total": {atoms[key]: 1 for key in SHIFT_KEYS}}
        cross, mark_of = (jm, lambda m: m) if jm is not None else (js, self.result.mark_of)
        if cross is None or (jm is None and self.result.boundaries is None):
            return
        for key, test in (("lowered", lambda j, m: m < j), ("confirmed", lambda j, m: m == j),
                          ("raised", lambda j, m: m > j)):
            self._link({atoms[key]: -1} | {a: 1 for (j, k), a in cross.items()
                                            if j != NONE and test(j, mark_of(k))})
