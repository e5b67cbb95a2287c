"""Which marks a scale gives: its own `mark_set`, else its file's, else its general part's, else 5…2.

The school sets its own forms of assessment in its local act on current and interim assessment
(273-ФЗ ст. 28 ч. 3 п. 10; published in «Сведения» as tekKontrolDocLink, regulations.md), so any set of
marks may be declared; the five-point «5»…«2» is only the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.kinds.criteria import criteria
from oko.kinds.criteria.model import CriteriaMeta, Mark, Scale
from oko.project import Entry, Project

DEFAULT_MARK_SET = (Mark(mark="5"), Mark(mark="4"), Mark(mark="3"), Mark(mark="2"))


@dataclass(frozen=True)
class DeclaredMarks:
    """A scale's marks, best first, and where they are declared (for hints)."""

    marks: tuple[Mark, ...]
    origin: str  # "scale", "file", "general:<id>" or "default"

    @property
    def names(self) -> list[str]:
        return [mark.mark for mark in self.marks]

    def listed(self) -> str:
        return ", ".join(self.names)

    def where(self) -> str:
        """A hint saying where the set comes from and how to change it."""
        if self.origin == "scale":
            return "набор отметок объявлен в mark_set этой шкалы"
        if self.origin == "file":
            return "набор отметок объявлен в mark_set в начале файла"
        if self.origin.startswith("general:"):
            return f"набор отметок объявлен в общей части content/criteria/{self.origin[8:]}.md (mark_set)"
        return "набор отметок не объявлен, поэтому действует 5, 4, 3, 2; свой набор пишется в mark_set"

    def index(self, name: str) -> int:
        return self.names.index(name)


def declared_marks(project: Project, entry: Entry[CriteriaMeta], scale: Scale) -> DeclaredMarks:
    if scale.mark_set:
        return DeclaredMarks(tuple(scale.mark_set), "scale")
    if entry.model.mark_set:
        return DeclaredMarks(tuple(entry.model.mark_set), "file")
    parent = criteria(project).get(entry.model.inherits or "")
    if parent and parent.model.mark_set:
        return DeclaredMarks(tuple(parent.model.mark_set), f"general:{entry.model.inherits}")
    return DeclaredMarks(DEFAULT_MARK_SET, "default")
