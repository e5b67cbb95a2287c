"""The form-based editor: a Sveltia CMS configuration generated from the content models.

Fields come from the JSON Schemas (oko/schemas.py), which come from the models: labels and hints are
the models' Russian titles and descriptions, enums become selects, dates date pickers, lists and
nested models lists and objects. Every save opens a pull request (`publish_mode: editorial_workflow`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from oko.cache.digests import cached
from oko.config import SiteConfig
from oko.errors import Issue
from oko.kind import FilesForm, FolderForm, Form, Schema
from oko.project import Project
from oko.registry import registered
from oko.schemas import content_schemas, json_schema

# The checkout Око runs from, whose `npm ci` installed Sveltia CMS; an installed package has none (its parent is
# site-packages), so there only the project's own node_modules count.
_PARENT = Path(__file__).resolve().parent.parent
ENGINE_ROOT: Path | None = _PARENT if (_PARENT / "package.json").is_file() else None
CMS_PACKAGE = Path("node_modules/@sveltia/cms/npm")  # the ES module build: its fonts come from its own assets
SVELTIA_VERSION = "0.221.1"  # package.json pins the same (tests/test_init.py)
LONG_TEXT = frozenset({"activity", "result", "note", "description", "intro", "for_parents", "title", "text",
                       "name", "goals", "conditions"})
DATE_PATTERN_MARK = r"\d{2}\.\d{2}\.\d{4}"


class CmsScriptMissingError(Exception):
    """node_modules/@sveltia/cms is not installed: the site is built without /admin/, with this warning."""

    def issue(self) -> Issue:
        return Issue("warning", "site_config.yaml",
                     f"формы /admin/ не собраны: нет Sveltia CMS ({CMS_PACKAGE / 'index.js'}); остальной сайт собран",
                     hint=f"в папке проекта выполните `npm install --no-save @sveltia/cms@{SVELTIA_VERSION}` "
                          "(так же — шагом в workflow перед сборкой) или уберите раздел cms из настроек; "
                          "справочник: «Редактирование через формы»")


def _schema(name: str) -> Schema:
    return next(schema for schema in content_schemas() if schema.name == name)


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**definitions[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _pick(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """Of `anyOf` alternatives, the one a form can edit best: a list, then an object, then text."""
    options = [_resolve(option, definitions) for option in node.get("anyOf", [])]
    options = [option for option in options if (option.get("type") != "null" and "enum" not in option)
               or (option.get("title") and "enum" in option)]
    if not options:
        return node
    rank = {"array": 0, "object": 1}
    best = min(options, key=lambda option: rank.get(str(option.get("type")), 2))
    return {**best, **{k: v for k, v in node.items() if k in ("title", "description")}}


def cms_field(name: str, node: dict[str, Any], definitions: dict[str, Any], required: bool) -> dict[str, Any] | None:
    """One schema property → one CMS field (None when a form cannot edit it: free-form maps)."""
    node = _pick(_resolve(node, definitions), definitions)
    field: dict[str, Any] = {"name": name, "label": node.get("title") or name, "required": required}
    if node.get("description"):
        field["hint"] = node["description"]
    kind = node.get("type")
    if "enum" in node:
        labels = node.get("x-labels") or {value: value for value in node["enum"]}
        return {**field, "widget": "select", "options": [{"label": label, "value": value}
                                                          for value, label in labels.items()]}
    if kind == "array":
        items = _pick(_resolve(node.get("items", {}), definitions), definitions)
        if items.get("type") == "object" and items.get("properties"):
            return {**field, "widget": "list", "fields": cms_fields(items, definitions)}
        if items.get("oneOf") or node.get("items", {}).get("oneOf"):
            return _typed_list(field, node.get("items", {}), definitions)
        inner = cms_field("item", items, definitions, True) or {"name": "item", "widget": "string"}
        return {**field, "widget": "list", "field": inner}
    if kind == "object":
        if node.get("properties"):
            return {**field, "widget": "object", "fields": cms_fields(node, definitions)}
        return None  # a free-form map (classes, hours): edited in the file itself
    if kind == "boolean":
        return {**field, "widget": "boolean", "default": False}
    if kind in ("integer", "number"):
        return {**field, "widget": "number", "value_type": "int" if kind == "integer" else "float"}
    if DATE_PATTERN_MARK in str(node.get("pattern", "")):
        return {**field, "widget": "datetime", "format": "DD.MM.YYYY", "date_format": "DD.MM.YYYY",
                "time_format": False}
    return {**field, "widget": "text" if name in LONG_TEXT and name != "title" else "string"}


def _typed_list(field: dict[str, Any], items: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """A list of objects told apart by `kind` (assessment scales): one type per kind."""
    types = []
    for option in items.get("oneOf", []):
        model = _resolve(option, definitions)
        kinds = model["properties"]["kind"].get("enum") or [model["properties"]["kind"].get("const")]
        for kind in kinds:
            fields = [f for f in cms_fields(model, definitions) if f["name"] != "kind"]
            types.append({"name": kind, "label": f"{model['properties']['kind'].get('title', kind)}: {kind}",
                          "widget": "object", "fields": fields})
    return {**field, "widget": "list", "types": types, "typeKey": "kind"}


def cms_fields(schema: dict[str, Any], definitions: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    fields = [cms_field(name, node, definitions, name in required) for name, node in schema["properties"].items()]
    return [field for field in fields if field is not None]


def schema_fields(kind_name: str) -> list[dict[str, Any]]:
    """The CMS fields of one content schema (by its name in schemas/): what oko/fmt.py orders keys by."""
    schema = json_schema(_schema(kind_name))
    return cms_fields(schema, schema.get("definitions", {}))


def _collection(form: Form) -> dict[str, Any]:
    """A kind's form (oko/kind.py) as a Sveltia CMS collection."""
    if isinstance(form, FilesForm):
        return {"name": form.name, "label": form.label, "files": [
            {"name": f.name, "label": f.label, "file": f.file, "fields": schema_fields(f.schema)} for f in form.files]}
    return _folder(form)


def _folder(form: FolderForm) -> dict[str, Any]:
    fields = schema_fields(form.schema)
    if form.markdown:
        # Markdown as written (`modes: [raw]`, a plain text box): the rich-text editor rewrites it on save
        # (escapes `*`, pads table rules), which a school's table or list would not survive unchanged.
        fields.append({"name": "body", "label": "Текст страницы", "widget": "markdown", "modes": ["raw"]})
    return {"name": form.name, "label": form.label, "folder": form.folder, "create": True, "slug": {"editable": True},
            "extension": "md" if form.markdown else "yaml", "format": "frontmatter" if form.markdown else "yaml",
            "summary": form.summary, "fields": fields}


def cms_config(project: Project) -> dict[str, Any]:
    """The whole `admin/config.yml` for this project (its schedule years and files included)."""
    config = project.config or SiteConfig(title="Око", organisation="school")
    cms = config.cms
    backend: dict[str, Any] = {"name": "github", "repo": cms.repo if cms else "owner/repo",
                               "branch": cms.branch if cms else "main"}
    if cms and cms.auth_url:
        backend["base_url"] = cms.auth_url
    forms = sorted((form for kind in registered() for form in kind.forms(project)), key=lambda form: form.place)
    collections = [*map(_collection, forms),
                   {"name": "settings", "label": "Настройки сайта", "files": [
                       {"name": "site", "label": "Настройки сайта", "file": "site_config.yaml",
                        "fields": schema_fields("site-config")}]}]
    result: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        # A save writes no empty optional field ('', null, []), which check would reject (issue 13).
        "output": {"omit_empty_optional_fields": True},
        "media_folder": "content/files",
        "public_folder": "/files",
        "collections": collections,
    }
    if config.base_url:
        result["site_url"] = config.base_url
    return result


def cms_config_yaml(project: Project) -> str:
    header = "# Создано командой `python build.py cms-config` из моделей содержимого. Не правьте вручную.\n"
    config = cms_config(project)
    # PyYAML's pure-Python emitter takes seconds on a district's forms: from the build cache while they are the same
    return header + cached("cms config", config, lambda: yaml.safe_dump(config, allow_unicode=True, sort_keys=False,
                                                                         width=120))


def admin_files(project: Project) -> dict[str, bytes]:
    """/admin/: the page, the generated config and Sveltia CMS from the npm package (no CDN)."""
    # The project's own node_modules first, then the one beside Око itself (as with the templates).
    roots = (project.root, ENGINE_ROOT) if ENGINE_ROOT else (project.root,)
    package = next((root / CMS_PACKAGE for root in roots if (root / CMS_PACKAGE / "index.js").is_file()), None)
    if package is None:
        raise CmsScriptMissingError(str(CMS_PACKAGE / "index.js"))
    cms = project.config.cms if project.config else None
    extra = [urlsplit(cms.auth_url)._replace(path="", query="", fragment="").geturl()] if cms and cms.auth_url else []
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    page = env.from_string(Path(__file__).with_name("admin.html").read_text(encoding="utf-8"))
    files = {"admin/index.html": page.render(extra_sources=extra).encode("utf-8"),
             "admin/init.js": Path(__file__).with_name("admin_init.js").read_bytes(),
             "admin/config.yml": cms_config_yaml(project).encode("utf-8")}
    for path in sorted(package.rglob("*")):
        if path.is_file() and not path.name.endswith(".map"):
            files[f"admin/cms/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    files["admin/cms/index.js"] = json_imports(files["admin/cms/index.js"])
    for path in sorted((package.parent / "locales").glob("*.json")):
        files[f"admin/locales/{path.name}"] = path.read_bytes()
    return files


LOCALE_IMPORT = re.compile(rb"import\((`\.\./locales/[A-Za-z-]+\.json`)\)")


def json_imports(script: bytes) -> bytes:
    """The npm build loads its translations with `import("../locales/ru.json")`, for the site's bundler to
    resolve. Without a bundler a browser refuses a JSON module imported without its type, so the editor
    retried ru.json hundreds of times and fell back to English: the imports get `with {type: "json"}`."""
    # A new Sveltia CMS that loads them otherwise leaves nothing to patch: tests/test_cms_roundtrip.py then
    # finds the interface in English with a Russian browser.
    return LOCALE_IMPORT.sub(rb'import(\1,{with:{type:"json"}})', script)
