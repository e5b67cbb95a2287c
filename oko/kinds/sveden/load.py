"""Loading content/sveden/: one file per subsection, named as the methodical recommendations name it."""

from __future__ import annotations

import difflib

from oko.errors import Issue
from oko.kinds.sveden.model import SvedenPage, subsection_model
from oko.project import CONTENT_DIR, Entry, Project, load_entry
from oko.sources import parse_yaml
from oko.sveden_spec import SUBSECTIONS


def load_sveden(project: Project, issues: list[Issue]) -> dict[str, Entry[SvedenPage]]:
    """content/sveden/<file>.yaml, one per subsection of «Сведения об образовательной организации»."""
    entries: dict[str, Entry[SvedenPage]] = {}
    by_file = {subsection.file: subsection for subsection in SUBSECTIONS}
    for path in map(project.root.joinpath, project.tree.listing(f"{CONTENT_DIR}/sveden", ".yaml")):
        subsection = by_file.get(path.stem)
        if subsection is None:
            close = difflib.get_close_matches(path.stem, list(by_file), n=1, cutoff=0.5)
            issues.append(Issue(
                "error", project.shown(path), f"«{path.name}» — не подраздел «Сведений об образовательной организации»",
                hint=f"возможно, вы имели в виду «{close[0]}.yaml»" if close else "файлы: " + ", ".join(by_file)))
            continue
        entry = load_entry(project, path, subsection_model(subsection), parse_yaml, issues)
        if entry is not None:
            entries[subsection.slug] = entry
    return entries
