"""Loading content/results/<year>/*.yaml: each file through validate_results (fields, then counts that add up)."""

from __future__ import annotations

import re

from oko.errors import Issue
from oko.project import CONTENT_DIR, SLUG, Entry, Project, read_source
from oko.results import validate_results
from oko.results.model import ProcedureResults
from oko.sources import Position, parse_yaml

YEAR_FOLDER = re.compile(r"^(\d{4})-(\d{4})$")  # the academic year, as content/schedules/<year>/


def load_results(project: Project, issues: list[Issue]) -> dict[str, Entry[ProcedureResults]]:
    """Every valid results file by «<year>/<name>»; a file straight in content/results/ is an error."""
    loaded: dict[str, Entry[ProcedureResults]] = {}
    folder = f"{CONTENT_DIR}/results"
    for relative in project.tree.listing(folder, ".yaml"):
        issues.append(Issue("error", relative, "файл результатов лежит вне папки учебного года",
                            hint="положите его в content/results/<учебный год>/, например content/results/2025-2026/"))
    for relative in project.tree.subfolders(folder):
        year = relative.rsplit("/", 1)[-1]
        match = YEAR_FOLDER.match(year)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            issues.append(Issue("error", relative, f"неподходящее имя папки «{year}»",
                                hint="папка результатов называется по учебному году, например 2025-2026"))
            continue
        for path in map(project.root.joinpath, project.tree.listing(relative, ".yaml")):
            entry = _load_file(project, path, issues)
            if entry is not None:
                loaded[f"{year}/{entry.id}"] = entry
    return dict(sorted(loaded.items()))


def _load_file(project: Project, path, issues: list[Issue]) -> Entry[ProcedureResults] | None:
    shown = project.shown(path)
    source = path.relative_to(project.content).as_posix()
    project.invalid.add(source)  # until it proves valid
    if not SLUG.match(path.stem):
        issues.append(Issue("error", shown, f"неподходящее имя файла «{path.name}»",
                            hint="имя файла — латинские строчные буквы, цифры и дефисы, например vpr-matematika-5"))
        return None
    doc, found = read_source(project, path, parse_yaml)
    issues.extend(found)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        issues.append(doc.issue("файл должен состоять из полей «ключ: значение»", at=Position(1, 1)))
        return None
    result, found = validate_results(doc)
    issues.extend(found)
    if result is None:
        return None
    project.invalid.discard(source)
    return Entry(path.stem, source, doc, result)
