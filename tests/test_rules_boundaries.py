"""oko/rules/__init__.py (severities from site_config.yaml `rules:`, unknown rule names) and oko/rules/locate.py
(line and column of a finding inside a YAML value or a Markdown body), case by case, whole lists of issues."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from oko.config import SiteConfig
from oko.errors import Issue
from oko.personal_patterns import Finding
from oko.project import Project
from oko.registry import registered
from oko.rules import RULE_CODES, apply_severities, personal_data, rule_codes, rule_settings_known
from oko.rules.locate import Locator
from oko.sources import Position, SourceDoc, parse_markdown
from oko.validate import validate
from oko.yaml_source import parse_yaml

CONFIG = 'title: "Сайт"\norganisation: demo-school\n'


def project_with(rules: str = "") -> Project:
    text = CONFIG + (f"rules:\n{rules}" if rules else "")
    doc, issues = parse_yaml(text, "site_config.yaml")
    assert doc is not None and not issues
    config, issues = validate(doc, SiteConfig)
    assert config is not None and not issues, issues
    return Project(root=Path("."), config=config, config_doc=doc)


def issue(code: str, level: str = "error", message: str = "m") -> Issue:
    return Issue(level, "content/x.yaml", message, 1, 1, code=code)  # type: ignore[arg-type]


def test_rule_codes_join_every_kind_and_the_cross_kind_rules() -> None:
    kinds = registered()
    codes = rule_codes(kinds)
    for kind in kinds:
        assert kind.rule_codes.items() <= codes.items()
    assert personal_data.RULE_CODES.items() <= codes.items()
    assert "personal_data.phone" in codes and codes == RULE_CODES
    assert set(rule_codes([])) >= set(personal_data.RULE_CODES)
    assert not set(rule_codes([])) & {code for kind in kinds for code in kind.rule_codes}


def some_kind_rule() -> str:
    return next(code for kind in registered() for code in kind.rule_codes)


def test_severities_off_warning_error_and_untouched() -> None:
    code = some_kind_rule()
    other = next(c for kind in registered() for c in kind.rule_codes if c != code)
    project = project_with(f"  {code}: warning\n  {other}: off\n")
    found = apply_severities(project, [issue(code), issue(other), issue("", "warning"), issue("x.y")])
    assert [(i.code, i.level) for i in found] == [(code, "warning"), ("", "warning"), ("x.y", "error")]
    project = project_with(f"  {code}: error\n")
    assert [(i.code, i.level) for i in apply_severities(project, [issue(code, "warning")])] == [(code, "error")]


def test_severities_without_config_leave_issues_as_they_are() -> None:
    found = [issue("a"), issue("b", "warning")]
    assert apply_severities(Project(root=Path(".")), found) == found


def test_personal_data_stays_an_error_and_its_line_is_masked() -> None:
    project = project_with("  personal_data.phone: off\n")
    phone = dataclasses.replace(issue("personal_data.phone"), snippet="Звонить +7 912 345-67-89")
    (found,) = apply_severities(project, [phone])
    assert (found.level, found.code) == ("error", "personal_data.phone")
    assert "345-67-89" not in found.snippet and found.snippet.startswith("Звонить ")


def settings_issues(rules: str) -> list[tuple[int | None, int | None, str, str, str]]:
    project = project_with(rules)
    return [(i.line, i.column, i.path, i.message, i.hint) for i in rule_settings_known(project, RULE_CODES)]


def test_known_rules_pass() -> None:
    code = some_kind_rule()
    assert settings_issues(f"  {code}: off\n  personal_data.phone: error\n") == []


@pytest.mark.parametrize("level", ["warning", "off"])
def test_a_personal_data_rule_cannot_be_weakened(level: str) -> None:
    assert settings_issues(f"  personal_data.email: {level}\n") == [
        (4, 3, "rules.personal_data.email",
         "правило «personal_data.email» нельзя ослабить: персональные данные не публикуются (152-ФЗ)",
         f"уберите строку «personal_data.email: {level}»; законное значение разрешите по одному: "
         "personal_data_allowed в site_config.yaml (значение, файл, основание)")]


def test_the_unused_allowance_rule_may_be_weakened() -> None:
    assert "personal_data.unused_allowance" not in personal_data.LOCKED_CODES
    assert settings_issues("  personal_data.unused_allowance: off\n") == []


def test_an_unknown_rule_with_a_close_name_and_without() -> None:
    code = some_kind_rule()
    assert settings_issues(f"  {code}x: off\n  zzzz.qqqq: warning\n") == [
        (4, 3, f"rules.{code}x", f"правила «{code}x» нет", f"возможно, вы имели в виду «{code}»"),
        (5, 3, "rules.zzzz.qqqq", "правила «zzzz.qqqq» нет", "правила: " + ", ".join(RULE_CODES)),
    ]


def test_no_config_no_settings_issues() -> None:
    assert list(rule_settings_known(Project(root=Path(".")), RULE_CODES)) == []
    project = project_with("  zzzz: off\n")
    assert list(rule_settings_known(dataclasses.replace(project, config_doc=None), RULE_CODES)) == []
    assert list(rule_settings_known(dataclasses.replace(project, config=None), RULE_CODES)) == []  # invalid config


# ------------------------------------------------------------------ locate

def finding(value: str, start: int = 0) -> Finding:
    return Finding("phone", start, start + len(value), value)


YAML = """\
a: "первый 123 и 123"
b: >
  сложенный
  текст 456
c:
  - 789
d: 123
"""


def yaml_locator() -> Locator:
    doc, issues = parse_yaml(YAML, "x.yaml")
    assert doc is not None and not issues
    return Locator(doc)


def test_each_match_of_a_value_in_turn() -> None:
    locator = yaml_locator()
    assert locator.in_value(("a",), "", finding("123")) == Position(1, 12)
    assert locator.in_value(("a",), "", finding("123")) == Position(1, 18)
    assert locator.in_value(("a",), "", finding("123")) == Position(1, 4)  # no third: the value's start


def test_a_value_is_searched_only_up_to_the_next_value() -> None:
    locator = yaml_locator()
    assert locator.in_value(("b",), "", finding("789")) == Position(2, 4)  # 789 belongs to c, not b
    assert locator.in_value(("d",), "", finding("123")) == Position(7, 4)  # the last value runs to the end


def test_folded_lines_match_any_whitespace() -> None:
    assert yaml_locator().in_value(("b",), "", finding("сложенный текст 456")) == Position(3, 3)


def test_a_list_item_and_an_unknown_path() -> None:
    locator = yaml_locator()
    assert locator.in_value(("c", 0), "", finding("789")) == Position(6, 5)
    assert locator.in_value(("zzz",), "", finding("789")) == Position(1, 1)


def test_value_starts_include_keys_and_the_end() -> None:
    locator = yaml_locator()
    assert locator.line_starts == [0, 22, 27, 39, 51, 54, 62, 69]
    assert locator.value_starts[0] == 0 and locator.value_starts[-1] == len(YAML)


MARKDOWN = '---\ntitle: "Заголовок 123"\n---\nПервая строка.\nВторая 123 и ещё.\n'


def test_in_body_counts_lines_from_the_body_start() -> None:
    doc, issues = parse_markdown(MARKDOWN, "content/pages/x.md")
    assert doc is not None and not issues and doc.body_line == 4
    locator = Locator(doc)
    body = doc.body
    assert locator.in_body(finding("Первая", body.index("Первая"))) == Position(4, 1)
    assert locator.in_body(finding("123", body.index("123"))) == Position(5, 8)
    assert locator.in_value(("title",), "", finding("123")) == Position(2, 19)
    assert locator.value_starts[-1] == len(MARKDOWN[: MARKDOWN.index("Первая")])


def test_a_body_that_starts_with_a_blank_line() -> None:
    doc, _ = parse_markdown('---\ntitle: "x"\n---\n\nТекст 123\n', "content/pages/x.md")
    assert doc is not None and doc.body.startswith("\n")
    assert Locator(doc).in_body(finding("123", doc.body.index("123"))) == Position(5, 7)


def test_a_document_without_positions() -> None:
    assert Locator(SourceDoc(file="x.yaml", text="a: 1\n")).in_value(("a",), "", finding("1")) == Position(1, 1)


def test_a_body_past_the_end_of_the_text() -> None:
    doc, _ = parse_markdown(MARKDOWN, "content/pages/x.md")
    assert doc is not None
    doc.body_line = 99
    assert Locator(doc).value_starts[-1] == len(doc.text)
    doc.body = ""
    doc.body_line = 4
    assert Locator(doc).value_starts[-1] == len(doc.text)
