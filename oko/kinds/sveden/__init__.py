"""«Сведения об образовательной организации» (content/sveden/<file>.yaml, one per subsection; order 1493)."""

from __future__ import annotations

from oko.kinds.sveden.model import SvedenPage
from oko.project import Entry, Project

NAME = "sveden"


def sveden(project: Project) -> dict[str, Entry[SvedenPage]]:
    """The subsections' entries, by the subsection's URL slug («common»)."""
    return project.entries.get(NAME, {})


def has_sveden(project: Project) -> bool:
    """The section is due on an organisation's official site (1493 п.1), or wherever its files exist."""
    return bool(sveden(project)) or bool(project.config and project.config.official)
