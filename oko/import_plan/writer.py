"""The imported plan as YAML in the layout the forms write (oko/fmt.py): keys in the order of the plan's form,
no empty optional field, so a later form save changes only the lines a person edits."""

from __future__ import annotations

from typing import Any

from oko.fmt import canonical_yaml


def plan_yaml(data: dict[str, Any], source: str) -> str:
    """The plan file's text. `source` (the Word file) is not written: a comment would go with the first form
    save, and the command names the file it read."""
    del source
    return canonical_yaml(data, "plan")
