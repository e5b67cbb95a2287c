"""The computational core of the results kind (issue 17): what the kind's loader, rules, pages and import call.

- model.py: ProcedureResults (one procedure, one parallel; counts only), GroupResult, ReferenceFigures;
- consistency.py: problems() — counts that add up, typed figures that match, as located Problems;
- figures.py: the derived figures (успеваемость, качество знаний, средняя отметка, средний балл, доли);
- tables.py, suppression.py: the published tables as linear forms, and the cell suppression over them;
- analytics.py, checks.py: the objectivity markers (regulations.md §7a) and the warnings of `check`;
- template.py, template_write.py: the XLSX template, read and written.
"""

from __future__ import annotations

from oko.errors import Issue
from oko.results.consistency import Problem, problems
from oko.results.model import TABLES, ProcedureResults
from oko.results.rows import row_path
from oko.source_doc import SourceDoc
from oko.validate import validate


def validate_results(doc: SourceDoc) -> tuple[ProcedureResults | None, list[Issue]]:
    """A results file as a model, with every field error and every inconsistency at its line and column."""
    result, issues = validate(doc, ProcedureResults)
    if result is None:
        return None, issues
    found = [as_issue(doc, problem) for problem in problems(result)]
    return (None if any(issue.is_error for issue in found) else result), found


def as_issue(doc: SourceDoc, problem: Problem, code: str = "") -> Issue:
    """A Problem located in the file it came from: a path into a table's map at that table's row (rows.py)."""
    level = "warning" if problem.level == "warning" else "error"
    return doc.issue(problem.message, row_path(doc.data, problem.path, TABLES), level=level,
                     hint=problem.hint, code=code)
