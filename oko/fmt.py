"""`build.py fmt`: every content file in the one layout the forms (Sveltia CMS) write, so that a form save
changes only the lines a person edited.

The layout is what Sveltia CMS 0.221.1 does on save (src/lib/services/contents/draft/save/serialize.js):
keys in the order of the collection's fields in the CMS configuration (which is generated from the models),
keys no field names after them in natural order, optional fields with an empty value left out
(`output.omit_empty_optional_fields`), every on/off switch (boolean field) of an object written out, as the
forms fill in a switch's default, every text trimmed as a save trims it (src/lib/services/contents/draft/save/
changes.js: `value.trim()`, so a text area's final line break goes and `|` becomes `|-`), then the YAML text of
oko/yaml_emit.py. Comments are not kept: a form save drops them, so what a school needs to say belongs in a
field (`note`, `description`); `comment_lines` finds them for `build.py fmt` to name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from oko.yaml_emit import JS_SPACE, dump

Field = dict[str, Any]
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)


class CoreLoader(yaml.SafeLoader):
    """Reads YAML as the forms do (the `yaml` library's 1.2 core schema): «012» is 12, «yes» and «2025-09-01»
    are text, «1.5» a number. The build's own loader keeps such texts as typed; this one is for layout only."""


CoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", list("-+.0123456789")),
):
    CoreLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def _core_int(loader: CoreLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


CoreLoader.add_constructor("tag:yaml.org,2002:int", _core_int)


def load_like_the_forms(text: str) -> Any:
    return yaml.load(text, Loader=CoreLoader)  # a SafeLoader subclass


@dataclass(frozen=True)
class Layout:
    """Where a content file sits in the CMS configuration: its fields, and whether it is Markdown."""

    fields: list[Field]
    markdown: bool


def layout_for(config: dict[str, Any], relative: PurePosixPath) -> Layout | None:
    """The collection (a single file, or a folder of entries) that holds this file in the forms."""
    for collection in config["collections"]:
        for entry in collection.get("files", []):
            if PurePosixPath(entry["file"]) == relative:
                return Layout(entry["fields"], markdown=False)
        folder = collection.get("folder")
        if folder and relative.parent == PurePosixPath(folder) and relative.suffix == "." + collection["extension"]:
            fields = [field for field in collection["fields"] if field.get("name") != "body"]
            return Layout(fields, markdown=collection["format"] == "frontmatter")
    return None


def _natural_key(text: str) -> list[Any]:
    """Sveltia's `compare`: numbers inside keys by value, the rest by text."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _subfields(field: Field) -> list[Field]:
    """The fields of an object or of a list's items; for a typed list, its type key then every type's fields."""
    if "fields" in field:
        return field["fields"]
    if "types" in field:
        merged: list[Field] = [{"name": field.get("typeKey", "type"), "required": True}]
        for variant in field["types"]:
            merged += [sub for sub in variant.get("fields", []) if sub["name"] not in {f["name"] for f in merged}]
        return merged
    return []


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def trimmed(value: Any) -> Any:
    """Every text in the data trimmed as a save trims it (JavaScript's `trim`: its white space, not Python's)."""
    if isinstance(value, str):
        return value.strip(JS_SPACE)
    if isinstance(value, dict):
        return {key: trimmed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [trimmed(item) for item in value]
    return value


def in_form_order(data: dict[str, Any], fields: Iterable[Field]) -> dict[str, Any]:
    """The mapping's keys as the forms write them: the fields' order first, the rest after (texts trimmed)."""
    return _ordered(trimmed(data), fields)


def _ordered(data: dict[str, Any], fields: Iterable[Field]) -> dict[str, Any]:
    ordered: dict[str, Any] = {}
    for field in fields:
        name = field["name"]
        if name not in data:
            if field.get("widget") == "boolean":  # a form writes every switch of an object it saves
                ordered[name] = bool(field.get("default", False))
            continue
        if not field.get("required", True) and _is_empty(data[name]):
            continue
        ordered[name] = _value(data[name], field)
    for key in sorted((key for key in data if key not in ordered and not _omitted(key, fields)),
                      key=lambda key: _natural_key(str(key))):
        ordered[key] = data[key]
    return ordered


def _omitted(key: Any, fields: Iterable[Field]) -> bool:
    return any(field["name"] == key for field in fields)


def _value(value: Any, field: Field) -> Any:
    widget = field.get("widget")
    if widget == "object" and isinstance(value, dict):
        return _ordered(value, _subfields(field))
    if widget == "list" and isinstance(value, list):
        if "field" in field:
            return [_value(item, field["field"]) for item in value]
        subfields = _subfields(field)
        if subfields:
            return [_ordered(item, subfields) if isinstance(item, dict) else item for item in value]
    return value


def canonical_text(text: str, layout: Layout) -> str:
    """The file's text as a form save would write it (the data unchanged, only its layout)."""
    if layout.markdown:
        match = FRONT_MATTER.match(text)
        if match is None:
            return text
        head, body = match.groups()
        data = load_like_the_forms(head) or {}
        body = body.strip(JS_SPACE)
        return f"---\n{dump(in_form_order(data, layout.fields))}---\n" + (f"\n{body}\n" if body else "")
    data = load_like_the_forms(text)
    if not isinstance(data, dict):
        return text
    return dump(in_form_order(data, layout.fields))


def content_files(root: Path) -> list[Path]:
    """site_config.yaml and every YAML and Markdown file under content/ (links are never followed)."""
    files = [root / "site_config.yaml", *(root / "content").rglob("*.yaml"), *(root / "content").rglob("*.md")]
    return sorted(path for path in files if path.is_file() and not path.is_symlink())


def canonical_yaml(data: dict[str, Any], schema: str) -> str:
    """What a writer of the project (an importer, init) writes for data of this schema: the forms' layout."""
    from oko.cms import schema_fields  # the CMS configuration loads the models only when asked

    return dump(in_form_order(data, schema_fields(schema)))


def comment_lines(text: str, markdown: bool = False) -> list[tuple[int, str]]:
    """(line, text) of every YAML comment, which a form save drops; in Markdown, of the front matter only.

    A `#` that starts a comment: at a line's start or after a space, outside every scalar (the scanner's
    spans), so a `#` inside a text, a quoted value or a block is not one. Unreadable YAML has none here:
    its error is reported where it is read.
    """
    offset = 0
    if markdown:
        match = FRONT_MATTER.match(text)
        if match is None:
            return []
        text, offset = match.group(1), 1
    try:
        spans = [(token.start_mark.index, token.end_mark.index) for token in yaml.scan(text, Loader=yaml.SafeLoader)
                 if isinstance(token, yaml.ScalarToken)]
    except yaml.YAMLError:
        return []
    found: list[tuple[int, str]] = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#[^\n]*", text, re.MULTILINE):
        if not any(start <= match.start() < end for start, end in spans):
            found.append((text.count("\n", 0, match.start()) + 1 + offset, match.group(0)))
    return found
