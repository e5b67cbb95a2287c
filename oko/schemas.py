"""JSON Schemas (draft-07) for every content kind, generated from the models into `schemas/`.

Editors' tools (VS Code with the YAML extension) find each schema through the workspace settings
(.vscode/settings.json maps it to its files by glob), and show completion and errors as one types. No
content file carries a `# yaml-language-server: $schema=…` line: a form save drops comments, so the
settings are the one place that says it. The build's own validation
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


SCHEMA_COMMENT = "# yaml-language-server:"


def editor_settings() -> dict[str, str]:
    """VS Code: each schema by glob (the kinds' patterns) and the recommended YAML extension."""
    globs: dict[str, list[str]] = {}
    for schema in content_schemas():
        if schema.pattern:
            globs.setdefault(f"./{SCHEMA_DIR}/{schema.name}.schema.json", []).append(schema.pattern)
    globs["./schemas/procedures.schema.json"].append("!content/schedules/*/schedule.yaml")
    # The schemas are the project's own: SchemaStore's catalogue (fetched from the network) stays out.
    settings = {"yaml.schemas": globs, "yaml.schemaStore.enable": False, "files.encoding": "utf8",
                "files.eol": "\n", "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2}}
    extensions = {"recommendations": ["redhat.vscode-yaml"]}
    return {".vscode/settings.json": _json(settings), ".vscode/extensions.json": _json(extensions)}


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_editor_settings(root: Path) -> list[Path]:
    written = []
    for relative, text in editor_settings().items():
        path = root / relative
        path.parent.mkdir(exist_ok=True)
        if path.is_symlink():
            continue  # never write through a link: it could lead out of the project
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def remove_schema_lines(root: Path) -> list[Path]:
    """Drop the `# yaml-language-server: $schema=…` first line older versions of Око wrote (the settings say it)."""
    changed = []
    for path in sorted([root / "site_config.yaml", *(root / "content").rglob("*.yaml")]):
        if not path.is_file() or path.is_symlink():
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith(SCHEMA_COMMENT):
            path.write_text(text.split("\n", 1)[1] if "\n" in text else "", encoding="utf-8")
            changed.append(path)
    return changed
