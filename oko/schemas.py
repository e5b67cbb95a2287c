"""JSON Schemas (draft-07) for every content kind, generated from the models into `schemas/`.

Editors' tools (VS Code with the YAML extension) read the `# yaml-language-server: $schema=…` line at
the top of a content file and show completion and errors as one types. The build's own validation
stays the authority: the schemas only describe the same models.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

from oko.config import SiteConfig
from oko.kind import Schema
from oko.registry import registered

SCHEMA_DIR = "schemas"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")


SITE_CONFIG = Schema("site-config", SiteConfig, "Настройки сайта", "site_config.yaml")


def content_schemas() -> tuple[Schema, ...]:
    """site_config.yaml's schema, then every registered kind's, in the kinds' order."""
    return (SITE_CONFIG, *(schema for kind in registered() for schema in kind.schemas))


class _Schemas(Sequence[Schema]):
    """`CONTENT_KINDS`: the schemas of the kinds registered at the moment it is read."""

    @overload
    def __getitem__(self, index: int) -> Schema: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Schema]: ...

    def __getitem__(self, index: int | slice) -> Schema | Sequence[Schema]:
        return content_schemas()[index]

    def __len__(self) -> int:
        return len(content_schemas())


CONTENT_KINDS: Sequence[Schema] = _Schemas()


def json_schema(kind: Schema) -> dict[str, Any]:
    """The model's validation schema in draft-07 form ($defs → definitions)."""
    schema = kind.model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    result: dict[str, Any] = {"$schema": DRAFT_07, "$id": f"{kind.name}.schema.json", **schema, "title": kind.title}
    if definitions:
        result["definitions"] = definitions
    return _lenient_numbers(_russian_only(result))


def _russian_only(node: Any) -> Any:
    """Drop descriptions taken from the models' English docstrings: editors see Russian only."""
    if isinstance(node, dict):
        return {key: _russian_only(value) for key, value in node.items()
                if not (key == "description" and isinstance(value, str) and not CYRILLIC.search(value))}
    if isinstance(node, list):
        return [_russian_only(item) for item in node]
    return node


def _lenient_numbers(node: Any) -> Any:
    """Plain text fields accept numbers too (`number: 93`): the models turn them into text."""
    if isinstance(node, dict):
        node = {key: _lenient_numbers(value) for key, value in node.items()}
        if node.get("type") == "string" and not {"enum", "pattern", "const", "format"} & node.keys():
            node["type"] = ["string", "number"]
        return node
    if isinstance(node, list):
        return [_lenient_numbers(item) for item in node]
    return node


def schema_texts() -> dict[str, str]:
    """File name in schemas/ → its JSON text (stable: sorted keys would reorder fields, so none)."""
    return {f"{kind.name}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
            for kind in content_schemas()}


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def kind_of(path: Path, root: Path) -> Schema | None:
    """Which content kind a YAML file is (the first pattern that matches it)."""
    relative = path.relative_to(root)
    return next((kind for kind in content_schemas() if kind.pattern and relative.match(kind.pattern)), None)


def schema_line(path: Path, root: Path) -> str | None:
    """`# yaml-language-server: $schema=…` for a content file, relative to it."""
    kind = kind_of(path, root)
    if kind is None:
        return None
    depth = len(path.relative_to(root).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind.name}.schema.json"


def add_schema_lines(root: Path) -> list[Path]:
    """Put (or correct) the schema line as the first line of every content YAML file."""
    changed = []
    for path in sorted([root / "site_config.yaml", *(root / "content").rglob("*.yaml")]):
        # Never write through a link: it could lead out of the project (oko/files.py refuses to read them too).
        line = schema_line(path, root) if path.is_file() and not path.is_symlink() else None
        if line is None:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n", 1)
        if lines[0] == line:
            continue
        rest = lines[1] if lines[0].startswith("# yaml-language-server:") and len(lines) > 1 else text
        path.write_text(f"{line}\n{rest}", encoding="utf-8")
        changed.append(path)
    return changed
