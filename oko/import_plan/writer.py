"""The imported plan as YAML in the layout of content/plans: texts in double quotes, multi-line texts as
literal blocks, lists indented under their key, keys in the order of the Plan model."""

from __future__ import annotations

from typing import Any

import yaml

PLAIN_KEYS = {"organisation", "grouping", "status"}  # names and enum words, bare as in content/plans


class _Quoted(str):
    pass


class _Block(str):
    pass


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # «sections:\n  - title:», as the hand-written plans


_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))
_Dumper.add_representer(_Block, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", f"{v}\n", style="|"))


def plan_yaml(data: dict[str, Any], source: str) -> str:
    """The plan file's text: where it came from, then the plan."""
    body = yaml.dump(_styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"# Импортировано из {source} командой build.py import-plan\n{body}"


def _styled(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {name: _styled(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_styled(item, key) for item in value]
    if isinstance(value, str) and key not in PLAIN_KEYS:
        return _Block(value) if "\n" in value else _Quoted(value)
    return value
