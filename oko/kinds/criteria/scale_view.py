"""A scale as the criteria page shows it: rows in the order of the declared marks, notes numbered as footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from oko.kinds.criteria.marksets import DeclaredMarks, declared_marks
from oko.kinds.criteria.model import CriteriaMeta, Mark, RubricScale, Scale
from oko.project import Entry, Project


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    target: str  # what the note is attached to, for the link back: «отметке «5»», «критерию К1»


@dataclass(frozen=True)
class NoteRef:
    """A place that points at a footnote; one note written twice (on «5» and on «4») is one footnote."""

    note: Footnote
    anchor: str  # the id of this reference: «1», then «1-2» for the second place pointing at note 1


@dataclass(frozen=True)
class ScaleRow:
    mark: Mark
    row: Any  # MarkRange or ErrorNorm
    better: Mark | None  # the mark before it, for «больше ошибок, чем для «3»»


@dataclass
class ScaleView:
    scale: Scale
    number: int
    marks: DeclaredMarks
    rows: list[ScaleRow]
    notes: list[Footnote] = field(default_factory=list)
    _by_key: dict[str, NoteRef] = field(default_factory=dict)

    def add_note(self, key: str, text: str | None, target: str) -> None:
        if not text:
            return
        note = next((note for note in self.notes if note.text == text), None)
        if note is None:
            note = Footnote(len(self.notes) + 1, text, target)
            self.notes.append(note)
        uses = sum(1 for ref in self._by_key.values() if ref.note is note)
        self._by_key[key] = NoteRef(note, str(note.number) if uses == 0 else f"{note.number}-{uses + 1}")

    def note(self, key: str) -> NoteRef | None:
        return self._by_key.get(key)

    @property
    def labelled(self) -> bool:
        """Whether any mark has a meaning to show beside it («5» — отлично)."""
        return any(mark.label for mark in self.marks.marks)


def _rows(scale: Scale, declared: DeclaredMarks) -> list[ScaleRow]:
    by_mark: dict[str, Any] = {}
    for row in scale.marks:
        by_mark.setdefault(row.mark, row)
    rows, better = [], None
    for mark in declared.marks:
        if mark.mark in by_mark:
            rows.append(ScaleRow(mark, by_mark[mark.mark], better))
        better = mark
    return rows


def _view(project: Project, entry: Entry[CriteriaMeta], scale: Scale, number: int) -> ScaleView:
    declared = declared_marks(project, entry, scale)
    view = ScaleView(scale, number, declared, _rows(scale, declared))
    if isinstance(scale, RubricScale):
        for g, group in enumerate(scale.groups):
            for i, criterion in enumerate(group.criteria):
                view.add_note(f"criterion:{g}.{i}", criterion.note, f"критерию {criterion.code or criterion.name}")
            view.add_note(f"group:{g}", group.note, f"группе «{group.heading}»")
        for i, criterion in enumerate(scale.criteria):
            view.add_note(f"criterion:{i}", criterion.note, f"критерию {criterion.code or criterion.name}")
    for row in view.rows:
        view.add_note(f"mark:{row.mark.mark}", row.row.note, f"отметке {row.mark.shown}")
    return view


def scale_views(project: Project, entry: Entry[CriteriaMeta]) -> list[ScaleView]:
    return [_view(project, entry, scale, index) for index, scale in enumerate(entry.model.scales, start=1)]

