"""The first shapes of scales — maps keyed by mark or by class of error — read into today's lists.

Those maps could not be held by a form (issue «lossless editing through the forms»), so scales became
lists of objects. A file still in the old shape loads (so every other check still runs), and the rule
`criteria.shape` (shapes.py) reports each old map with its new form in the hint.
"""

from __future__ import annotations

from typing import Any


def rows_from_map(value: Any, field: str) -> Any:
    """{5: 90-100, 4: 70-89} → [{mark: "5", range: 90-100}, {mark: "4", range: 70-89}]."""
    if isinstance(value, dict):
        return [{"mark": str(mark), field: item} for mark, item in value.items()]
    return value


def _class_names(classes: Any) -> list[str] | None:
    if isinstance(classes, dict):
        return [str(name) for name in classes]
    if isinstance(classes, list) and all(isinstance(item, dict) for item in classes):
        return [str(item.get("name", "")) for item in classes]
    return None


def counts_text(alternative: dict[str, Any], names: list[str]) -> str | None:
    """{орфографические: 2, пунктуационные: 2} → «2/2» in the order of the classes (None: other classes)."""
    if set(alternative) - set(names):
        return None
    return "/".join(str(alternative.get(name, 0)) for name in names)


def _loaded(alternative: Any, names: list[str]) -> Any:
    """The counts to load: a class the map misspells counts as none — the shape error stops the build anyway."""
    if not isinstance(alternative, dict):
        return alternative
    return counts_text({k: v for k, v in alternative.items() if k in names}, names)


def error_norms_from_maps(data: Any) -> Any:
    """An error scale's `error_classes` and `marks` written as maps → their lists."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    names = _class_names(data.get("error_classes"))
    if isinstance(data.get("error_classes"), dict):
        data["error_classes"] = [{"name": name, "description": text} for name, text in data["error_classes"].items()]
    marks = data.get("marks")
    if isinstance(marks, dict) and names is not None:
        rows = []
        for mark, alternatives in marks.items():
            rows.append({"mark": str(mark), "errors": [_loaded(a, names) for a in alternatives or []]})
        data["marks"] = rows
    return data
