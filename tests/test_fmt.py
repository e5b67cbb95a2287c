"""oko/fmt.py: the forms' layout — field order from the CMS configuration, empty optional fields left out,
and a file's meaning unchanged for the build (the whole demo content through it)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest

from oko.cms import cms_config
from oko.fmt import (
    Layout,
    canonical_text,
    comment_lines,
    content_files,
    in_form_order,
    layout_for,
    load_like_the_forms,
)
from oko.pipeline import load_project
from oko.yaml_emit import JS_SPACE
from oko.yaml_source import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)

FIELDS = [
    {"name": "title", "widget": "string"},
    {"name": "note", "widget": "string", "required": False},
    {"name": "period", "widget": "object", "fields": [{"name": "start"}, {"name": "end"}]},
    {"name": "items", "widget": "list", "fields": [{"name": "activity"}, {"name": "deadline", "required": False}]},
    {"name": "blocks", "widget": "list", "typeKey": "kind", "types": [
        {"name": "text", "fields": [{"name": "body"}]},
        {"name": "link", "fields": [{"name": "url"}, {"name": "body"}]}]},
    {"name": "tags", "widget": "list", "field": {"name": "tag", "widget": "string"}},
]


def test_keys_follow_the_fields_then_the_rest_in_natural_order():
    data = {"z10": 1, "items": [{"deadline": "до 1 мая", "activity": "A", "x": 1}], "z9": 2, "title": "T",
            "period": {"end": "2", "start": "1"}, "blocks": [{"url": "u", "body": "b", "kind": "link"}]}
    ordered = in_form_order(data, FIELDS)
    assert list(ordered) == ["title", "period", "items", "blocks", "z9", "z10"]
    assert list(ordered["period"]) == ["start", "end"]
    assert list(ordered["items"][0]) == ["activity", "deadline", "x"]
    assert list(ordered["blocks"][0]) == ["kind", "body", "url"]


def test_a_switch_missing_from_an_object_is_written_with_its_default():
    final = {"name": "final", "widget": "boolean", "default": True}
    fields = [{"name": "title"}, {"name": "appendix", "widget": "boolean", "required": False, "default": False},
              {"name": "order", "widget": "object", "fields": [final]}]
    assert in_form_order({"title": "T", "order": {}}, fields) == {
        "title": "T", "appendix": False, "order": {"final": True}}


@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_an_empty_optional_field_is_left_out_and_a_required_one_kept(empty):
    assert in_form_order({"title": empty, "note": empty}, FIELDS) == {"title": empty}


def test_markdown_front_matter_keeps_its_body():
    layout = Layout([{"name": "title"}, {"name": "date", "required": False}], markdown=True)
    text = "---\ndate: ''\ntitle: Родителям\n---\n\n# Заголовок\n\nТекст.\n"
    assert canonical_text(text, layout) == "---\ntitle: Родителям\n---\n\n# Заголовок\n\nТекст.\n"


def test_the_forms_read_numbers_as_yaml_1_2_does():
    assert load_like_the_forms("a: 012\nb: yes\nc: 2025-09-01\nd: 1.5\ne: 0x1F\nf: 10:30\ng: ~") == {
        "a": 12, "b": "yes", "c": "2025-09-01", "d": 1.5, "e": 31, "f": "10:30", "g": None}


def _build_data(text: str, markdown: bool):
    if markdown:
        text = FRONT_MATTER.match(text).group(1)
    doc, issues = parse_yaml(text, "x.yaml")
    assert doc is not None, issues
    return doc.data


@pytest.fixture(scope="module")
def config():
    project, _ = load_project(ROOT)
    return cms_config(project)


def test_every_demo_file_has_a_form_and_keeps_its_meaning(config):
    files = content_files(ROOT)
    assert len(files) > 30
    for path in files:
        layout = layout_for(config, PurePosixPath(path.relative_to(ROOT).as_posix()))
        assert layout is not None, f"{path}: no form holds this file"
        text = path.read_text("utf-8")
        canonical = canonical_text(text, layout)
        assert canonical_text(canonical, layout) == canonical, f"{path}: the layout is not stable"
        assert_same_meaning(_build_data(text, layout.markdown), _build_data(canonical, layout.markdown), str(path))


def assert_same_meaning(original, canonical, where: str) -> None:
    """Every value as it was; the only additions are switches written out at their default (off)."""
    if isinstance(original, dict):
        assert isinstance(canonical, dict), where
        for key, value in original.items():
            assert key in canonical, f"{where}: {key} lost"
            assert_same_meaning(value, canonical[key], f"{where}.{key}")
        added = {key: value for key, value in canonical.items() if key not in original}
        assert all(value is False for value in added.values()), f"{where}: added {added}"
    elif isinstance(original, list):
        assert isinstance(canonical, list) and len(canonical) == len(original), where
        for index, (before, after) in enumerate(zip(original, canonical, strict=True)):
            assert_same_meaning(before, after, f"{where}[{index}]")
    elif isinstance(original, str):  # a save trims every text (a block's final line break goes)
        assert canonical == original.strip(JS_SPACE), where
    else:
        assert canonical == original, where


def test_a_text_is_trimmed_as_a_save_trims_it_so_a_blocks_final_line_break_goes():
    layout = Layout([{"name": "title"}, {"name": "note", "widget": "text", "required": False}], markdown=False)
    assert canonical_text("title: ' Т '\nnote: |\n  строка 1\n  строка 2\n", layout) == (
        "title: Т\nnote: |-\n  строка 1\n  строка 2\n")
    assert in_form_order({"title": "\u00a0Т\n", "items": [" a "]}, FIELDS) == {"title": "Т", "items": ["a"]}


def test_comments_are_found_outside_every_text():
    text = ("# шапка\ntitle: Т  # после значения\nnote: |\n  # не комментарий\n  x\n"
            "url: 'a # b'\ntag: x#y\n  # в конце\n")
    assert comment_lines(text) == [(1, "# шапка"), (2, "# после значения"), (8, "# в конце")]
    page = "---\ntitle: Т # заголовок\n---\n\n# Заголовок Markdown\n"
    assert comment_lines(page, markdown=True) == [(2, "# заголовок")]
    assert comment_lines("a: [\n", markdown=False) == []  # unreadable: its error is reported where it is read
