"""Plans of measures (content/plans/*.yaml): «План мероприятий по обеспечению объективности …»."""

from __future__ import annotations

from typing import Any

from oko.kinds.plans.model import Plan
from oko.project import Entry, Project

NAME = "plans"


def plans(project: Project) -> dict[str, Entry[Plan]]:
    return project.entries.get(NAME, {})


def plans_newest_first(project: Project) -> list[Entry[Plan]]:
    """The order the plans index and the home page list them in: newest year first, then by title."""
    return sorted(plans(project).values(), key=lambda e: (-_start_year(e.model), e.model.title))


def _start_year(entry_model: Any) -> int:
    frame = entry_model.time_frame
    return frame.start if isinstance(frame.start, int) else frame.start.year
