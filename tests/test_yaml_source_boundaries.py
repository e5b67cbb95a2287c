"""oko/yaml_source.py at its edges: empty files, tabs, several documents, characters YAML refuses, line offsets.

Each case asserts the whole list of issues (level, line, column, message, hint) and whether data came back.
A line offset is what front matter passes: the YAML starts below the first line of the Markdown file.
"""

from __future__ import annotations

import pytest
import yaml

from oko import yaml_source
from oko.yaml_source import parse_yaml

EMPTY = ("error", 1, 1, "файл пуст", "заполните файл по образцу из README")
TAB_HINT = "в YAML отступы делаются только пробелами"
SEVERAL = ("в файле несколько YAML-документов (строки «---»)", "оставьте один документ")
INVISIBLE_HINT = "удалите его: такие символы попадают в текст при копировании из других программ"


def parsed(text: str, offset: int = 0) -> tuple[object, list[tuple[str, int | None, int | None, str, str]]]:
    doc, issues = parse_yaml(text, "x.yaml", offset)
    assert all(issue.file == "x.yaml" for issue in issues)
    return (doc.data if doc else None), [(i.level, i.line, i.column, i.message, i.hint) for i in issues]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "  \n\t\n", "# только комментарий\n", "# a\n   # b\n\n"])
def test_empty_file(text: str) -> None:
    assert parsed(text) == (None, [EMPTY])
    assert parsed(text, 4) == (None, [EMPTY])  # an empty file has no line below the offset to point at


@pytest.mark.parametrize(("text", "data"), [
    ("a: 1\n", {"a": 1}),
    ("# заголовок\na: 1\n", {"a": 1}),
    ("a: 1  # с комментарием\n", {"a": 1}),
    ("a: '# не комментарий'\n", {"a": "# не комментарий"}),
    ("\ufeffa: 1\n", {"a": 1}),  # a byte-order mark, as Windows editors save
    ("a: 29.08.2025\nb: 2025-08-29\n", {"a": "29.08.2025", "b": "2025-08-29"}),  # dates stay text
    ("a:\n  - x\n  - y\n", {"a": ["x", "y"]}),
    ("a: \"\tтабуляция в кавычках\"\n", {"a": "\tтабуляция в кавычках"}),  # a tab inside a value is no indent
    ("a: x\tb\n", {"a": "x\tb"}),
])
def test_valid(text: str, data: object) -> None:
    assert parsed(text) == (data, [])


@pytest.mark.parametrize(("text", "offset", "issues"), [
    ("a: 1\n\tb: 2\n", 0, [(2, 1)]),
    ("\ta: 1\n", 0, [(1, 1)]),
    ("a:\n  \t b: 2\n", 0, [(2, 3)]),
    ("a:\n  \t b: 2\n \t\n", 3, [(5, 3), (6, 2)]),  # every tab, each at its own line, below the offset
    ("a: 1\n\t# комментарий\n", 0, [(2, 1)]),
    ("a:\n \t\tb: 1\n", 0, [(2, 2)]),  # the first tab of the indent
])
def test_tab_in_indent(text: str, offset: int, issues: list[tuple[int, int]]) -> None:
    assert parsed(text, offset) == (None, [("error", line, column, "символ табуляции в отступе", TAB_HINT)
                                           for line, column in issues])


@pytest.mark.parametrize(("text", "offset", "line"), [
    ("a: 1\n---\nb: 2\n", 0, 1),
    ("a: 1\n---\nb: 2\n", 4, 5),
    ("---\na: 1\n---\n", 0, 1),
])
def test_several_documents(text: str, offset: int, line: int) -> None:
    assert parsed(text, offset) == (None, [("error", line, 1, *SEVERAL)])


def test_one_document_with_markers() -> None:
    assert parsed("---\na: 1\n...\n") == ({"a": 1}, [])


@pytest.mark.parametrize(("text", "offset", "line", "column", "code"), [
    ("a: \x07\n", 0, 1, 4, "0007"),
    ("a: 1\nb: x\x07\n", 0, 2, 5, "0007"),
    ("a: 1\nb: x\x07\n", 5, 7, 5, "0007"),
    ("\x1ba: 1\n", 0, 1, 1, "001B"),
    ("a: \ud800\n", 0, 1, 4, "D800"),  # a lone surrogate, as a broken copy-paste leaves
    ("a: 1\nb: 2\nc: xy\x07\n", 0, 3, 6, "0007"),  # the column counts from the last line break
])
def test_character_yaml_refuses(text: str, offset: int, line: int, column: int, code: str) -> None:
    assert parsed(text, offset) == (None, [("error", line, column, f"недопустимый невидимый символ U+{code}",
                                            INVISIBLE_HINT)])


@pytest.mark.parametrize(("text", "offset", "where"), [
    ('a: "x\n', 0, (1, 4)),
    ('a: "x\n', 2, (3, 4)),
    ("a: [1\n", 0, (1, 4)),
])
def test_syntax_error_goes_through_the_translator(text: str, offset: int, where: tuple[int, int]) -> None:
    assert parsed(text, offset) == (None, [("error", *where, "файл закончился раньше, чем закрылась кавычка или скобка",
                                            "проверьте парные кавычки и скобки")])


def test_error_while_building_drops_the_data() -> None:
    assert parsed("a: 1\na: 2\n") == (None, [("error", 2, 1, "ключ «a» повторяется (первый раз — в строке 1)",
                                              "оставьте один из двух ключей")])


def test_positions_of_values_and_keys_with_offset() -> None:
    doc, issues = parse_yaml("a: 1\nb:\n  c: x\n", "x.yaml", 2)
    assert issues == [] and doc is not None
    assert doc.positions[("b", "c")] == (5, 6)
    assert doc.key_positions[("b", "c")] == (5, 3)
    assert doc.text == "a: 1\nb:\n  c: x\n" and doc.file == "x.yaml"


def test_no_offset_by_default() -> None:
    doc, issues = parse_yaml("a: 1\n\tb: 2\n", "x.yaml")
    assert doc is None and [(i.line, i.column) for i in issues] == [(2, 1)]
    doc, issues = parse_yaml("a: 1\nb:\n", "x.yaml")
    assert issues == [] and doc is not None and doc.positions[("b",)] == (2, 3)


@pytest.mark.parametrize(("offset", "line"), [(0, 1), (3, 4)])
def test_any_other_yaml_failure_is_a_russian_issue(monkeypatch: pytest.MonkeyPatch, offset: int, line: int) -> None:
    """A YAMLError without a position (none is known to reach here today) still becomes an issue, not a crash."""
    def refuse(*args: object) -> None:
        raise yaml.YAMLError("something else")

    monkeypatch.setattr(yaml_source, "_build", refuse)
    assert parsed("a: 1\n", offset) == (None, [("error", line, 1, "ошибка синтаксиса YAML", "")])
