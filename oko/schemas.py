"""JSON Schemas (draft-07) for every content kind, generated from the models into `schemas/`.

Editors' tools (VS Code with the YAML extension) read the `# yaml-language-server: $schema=…` line at
the top of a content file and show completion and errors as one types. The build's own validation
stays the authority: the schemas only describe the same models.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from oko.config import SiteConfig
from oko.models.criteria import CriteriaMeta
from oko.models.demos import DemoFile, VprYear
from oko.models.documents import DocumentRegistry
from oko.models.organisation import Organisation
from oko.models.page import PageMeta
from oko.models.plan import Plan
from oko.models.schedule import ProcedureFile, ScheduleHeader
from oko.models.sveden import subsection_model
from oko.sveden_spec import SUBSECTIONS

SCHEMA_DIR = "schemas"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")


@dataclass(frozen=True)
class ContentKind:
    """A kind of content file: its schema name, model, title and where its files are."""

    name: str
    model: type[BaseModel]
    title: str
    pattern: str  # glob relative to the project; "" for Markdown front matter (no schema line there)


CONTENT_KINDS: tuple[ContentKind, ...] = (
    ContentKind("site-config", SiteConfig, "Настройки сайта", "site_config.yaml"),
    ContentKind("organisation", Organisation, "Организация", "content/organisations/*.yaml"),
    ContentKind("plan", Plan, "План мероприятий", "content/plans/*.yaml"),
    ContentKind("page", PageMeta, "Страница (заголовочный блок)", ""),
    ContentKind("schedule", ScheduleHeader, "График оценочных процедур: учебный год",
                "content/schedules/*/schedule.yaml"),
    ContentKind("procedures", ProcedureFile, "Оценочные процедуры", "content/schedules/*/*.yaml"),
    ContentKind("documents", DocumentRegistry, "Реестр документов", "content/documents.yaml"),
    ContentKind("criteria", CriteriaMeta, "Критерии оценивания (заголовочный блок)", ""),
    ContentKind("demos", DemoFile, "Демоверсии", "content/demos/*.yaml"),
    ContentKind("vpr", VprYear, "ВПР года", "content/vpr/*.yaml"),
    *(ContentKind(f"sveden-{s.file}", subsection_model(s), s.title, f"content/sveden/{s.file}.yaml")
      for s in SUBSECTIONS),
)


def json_schema(kind: ContentKind) -> dict[str, Any]:
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
            for kind in CONTENT_KINDS}


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


def kind_of(path: Path, root: Path) -> ContentKind | None:
    """Which content kind a YAML file is (the first pattern that matches it)."""
    relative = path.relative_to(root)
    return next((kind for kind in CONTENT_KINDS if kind.pattern and relative.match(kind.pattern)), None)


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
