"""Parse YAML into plain data, keeping the line and column of every value, within limits that say what they count.

Dates and times stay strings here (the models parse them), so PyYAML's implicit timestamps and
its crashes on «2025-13-40» never reach us. Every problem becomes an Issue; nothing raises.

libyaml (C) parses, and PyYAML's pure-Python parser runs only when libyaml refuses a file, to name the
problem in the words oko/yaml_messages.py translates. Either way the events are built into data by oko/yaml_builder.py,
not by a composer: libyaml's composer recurses in C and crashes the process on deep nesting.
"""

from __future__ import annotations

import yaml

from oko.errors import Issue
from oko.source_doc import Position, SourceDoc
from oko.yaml_builder import Builder, StopBuildingError
from oko.yaml_messages import syntax_issue

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, shown_as: str, line_offset: int = 0) -> tuple[SourceDoc | None, list[Issue]]:
    """Parse YAML text into a SourceDoc; syntax problems and exceeded limits become Issues."""
    doc = SourceDoc(file=shown_as, text=text)
    if not text.strip() or all(_is_comment_or_blank(line) for line in text.splitlines()):
        return None, [doc.issue("файл пуст", hint="заполните файл по образцу из README", at=Position(1, 1))]
    tab_issues = _tab_issues(doc, line_offset)
    if tab_issues:
        return None, tab_issues
    try:
        return _build(doc, _FAST_LOADER, line_offset)
    except (yaml.YAMLError, UnicodeError):
        pass  # libyaml refused it: PyYAML's parser says why
    doc = SourceDoc(file=shown_as, text=text)
    try:
        return _build(doc, yaml.SafeLoader, line_offset)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_issue(doc, exc, line_offset)]
    except yaml.reader.ReaderError as exc:  # a control character or a lone surrogate the reader refuses
        return None, [_reader_issue(doc, exc, line_offset)]
    except yaml.YAMLError:
        return None, [doc.issue("ошибка синтаксиса YAML", at=Position(1 + line_offset, 1))]


def _build(doc: SourceDoc, loader_class: type, line_offset: int) -> tuple[SourceDoc | None, list[Issue]]:
    """Parse with loader_class (only its parser is used) and build the data; a YAMLError passes through."""
    loader = loader_class(doc.text)
    issues: list[Issue] = []
    try:
        documents = Builder(doc, iter(loader.get_event, None), line_offset, issues).documents()
    except StopBuildingError as stop:
        return None, [stop.issue]
    finally:
        loader.dispose()
    if len(documents) != 1:
        return None, [doc.issue(
            "в файле несколько YAML-документов (строки «---»)",
            hint="оставьте один документ", at=Position(1 + line_offset, 1),
        )]
    doc.data = documents[0]
    return (None if any(i.is_error for i in issues) else doc), issues


def _reader_issue(doc: SourceDoc, exc: yaml.reader.ReaderError, line_offset: int) -> Issue:
    """A character YAML does not allow, named by its code at its own line and column (PyYAML's text is English)."""
    before = doc.text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    return doc.issue(f"недопустимый невидимый символ U+{exc.character:04X}", at=Position(line + line_offset, column),
                     hint="удалите его: такие символы попадают в текст при копировании из других программ")


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _tab_issues(doc: SourceDoc, line_offset: int) -> list[Issue]:
    issues = []
    for number, line in enumerate(doc.text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            issues.append(doc.issue(
                "символ табуляции в отступе",
                hint="в YAML отступы делаются только пробелами",
                at=Position(number + line_offset, indent.index("\t") + 1),
            ))
    return issues
