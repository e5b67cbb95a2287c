"""Load YAML files and Markdown front matter as plain data, keeping the line and column of every value.

Reading goes through oko/files.py (no links, no FIFOs); parsing is in oko/yaml_source.py, the
document type in oko/source_doc.py. Every problem becomes an Issue; nothing raises.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from oko.errors import Issue
from oko.files import UnsafeFileError, human_size, read_regular
from oko.source_doc import DataPath, Position, SourceDoc, format_path
from oko.yaml_builder import MAX_DEPTH, MAX_VALUES
from oko.yaml_source import parse_yaml

MAX_TEXT_BYTES = 16 * 1024 * 1024  # one YAML or Markdown file
__all__ = ["MAX_DEPTH", "MAX_TEXT_BYTES", "MAX_VALUES", "DataPath", "Position", "SourceDoc", "decode_text",
           "format_path", "load_markdown_file", "load_yaml_file", "parse_markdown", "parse_yaml", "read_text",
           "too_big"]


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Issue]]:
    """Read one UTF-8 file that is neither a link nor a special file (see oko/files.py)."""
    try:
        raw = read_regular(path)
    except (OSError, UnsafeFileError):
        return None, [Issue("error", shown_as, "файл не читается: это символическая ссылка, папка или не обычный"
                            " файл", hint="положите на это место обычный текстовый файл")]
    return decode_text(raw, shown_as)


def too_big(size: int, shown_as: str) -> Issue | None:
    """A text file over MAX_TEXT_BYTES is refused before it is read (a 20,000-item plan is ~6 МБ)."""
    if size <= MAX_TEXT_BYTES:
        return None
    return Issue("error", shown_as, f"файл слишком большой: {human_size(size)}, а текстовый файл содержимого — "
                 f"не больше {MAX_TEXT_BYTES // 1024 // 1024} МБ", hint="разделите файл на несколько файлов поменьше")


def decode_text(raw: bytes, shown_as: str) -> tuple[str | None, list[Issue]]:
    """UTF-8 text (a BOM is allowed) with «\\n» line ends; anything else is an Issue pointing at the bad byte."""
    if (issue := too_big(len(raw), shown_as)) is not None:
        return None, [issue]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Issue(
                "error", shown_as, "файл не в кодировке UTF-8", line, column,
                hint="сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → UTF-8)",
            )
        ]
    if "\x00" in text:
        return None, [Issue("error", shown_as, "файл содержит нулевые байты: это не текстовый файл", 1, 1)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def load_yaml_file(path: Path, shown_as: str) -> tuple[SourceDoc | None, list[Issue]]:
    """Read and parse one YAML file."""
    text, issues = read_text(path, shown_as)
    if text is None:
        return None, issues
    return parse_yaml(text, shown_as)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def load_markdown_file(path: Path, shown_as: str) -> tuple[SourceDoc | None, list[Issue]]:
    """Read a Markdown file with YAML front matter between «---» lines."""
    text, issues = read_text(path, shown_as)
    if text is None:
        return None, issues
    return parse_markdown(text, shown_as)


def parse_markdown(text: str, shown_as: str) -> tuple[SourceDoc | None, list[Issue]]:
    """Split front matter from body; the front matter is parsed with positions."""
    blank = SourceDoc(file=shown_as, text=text)
    match = FRONT_MATTER.match(text)
    if not match and re.match(r"---[ \t]*\n", text):
        return None, [blank.issue(
            "заголовочный блок не закрыт: нет второй строки «---»",
            hint="после полей title, description … поставьте строку из трёх дефисов «---»", at=Position(1, 1),
        )]
    if not match:
        return None, [blank.issue(
            "нет заголовочного блока: файл должен начинаться со строки «---»",
            hint="в начале файла: ---, затем title: Название, затем ---", at=Position(1, 1),
        )]
    front = match.group(1) or ""
    doc, issues = parse_yaml(front, shown_as, line_offset=1)
    if doc is None:
        if issues and issues[0].message == "файл пуст":
            issues = [blank.issue("заголовочный блок пуст: нужен хотя бы title", at=Position(1, 1))]
        return None, [_with_full_text(issue, text) for issue in issues]
    doc.text = text
    doc.body = text[match.end():]
    doc.body_line = text[: match.end()].count("\n") + 1
    return doc, [_with_full_text(issue, text) for issue in issues]


def _with_full_text(issue: Issue, text: str) -> Issue:
    """Re-take the snippet from the whole file (front matter lines are offset by one)."""
    lines = text.splitlines()
    snippet = lines[issue.line - 1] if issue.line and 0 < issue.line <= len(lines) else ""
    return dataclasses.replace(issue, snippet=snippet)
