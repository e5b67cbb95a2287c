"""The rule `criteria.shape`: a scale still written as a map (the first shape) is an error that shows its new form.

The model reads the old maps (legacy.py) so that the rest of the file is still checked; this rule makes
the build fail with the replacement for each map, written out from the file's own values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.kinds.criteria.legacy import counts_text
from oko.kinds.criteria.model import CriteriaMeta
from oko.project import Entry

CODE = "criteria.shape"


def _quoted(value: Any) -> str:
    return f'"{value}"'


def _rows_hint(marks: dict[Any, Any], field: str, names: list[str] | None) -> str:
    rows = []
    for mark, value in list(marks.items())[:2]:
        if field == "errors" and names is not None and isinstance(value, list):
            texts = [counts_text(a, names) or "…" if isinstance(a, dict) else str(a) for a in value]
            shown = "[" + ", ".join(_quoted(text) for text in texts) + "]"
        else:
            shown = _quoted(value)
        rows.append(f"- {{mark: {_quoted(mark)}, {field}: {shown}}}")
    return "теперь каждая отметка — строка списка: " + "; ".join(rows) + ("; …" if len(marks) > 2 else "")


def old_shapes(entry: Entry[CriteriaMeta]) -> Iterator[Issue]:
    """Each `marks:` or `error_classes:` written as a map, located at its key."""
    data = entry.doc.data if isinstance(entry.doc.data, dict) else {}
    for index, scale in enumerate(data.get("scales") or []):
        if not isinstance(scale, dict):
            continue
        classes = scale.get("error_classes")
        names = [str(name) for name in classes] if isinstance(classes, dict) else None
        if isinstance(classes, dict):
            first = next(iter(classes.items()), ("…", "…"))
            yield entry.doc.issue(
                "виды ошибок записаны словарём, а нужен список", ("scales", index, "error_classes"), key=True,
                code=CODE, hint=f"теперь каждый вид — строка списка: - {{name: {first[0]}, description: "
                                f"{_quoted(first[1])}}}")
        marks = scale.get("marks")
        if isinstance(marks, dict):
            field = "errors" if scale.get("kind") == "errors" else "range"
            yield entry.doc.issue("отметки записаны словарём, а нужен список",
                                  ("scales", index, "marks"), key=True, code=CODE,
                                  hint=_rows_hint(marks, field, names))
