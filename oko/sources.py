"""Load YAML and Markdown front matter as plain data, keeping the line and column of every value.

Dates and times stay strings here (the models parse them), so PyYAML's implicit timestamps and
its crashes on «2025-13-40» never reach us. Every problem becomes an Issue; nothing raises.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from oko.errors import Issue, Level

DataPath = tuple[str | int, ...]
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
BOOL_TAG = "tag:yaml.org,2002:bool"


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and no implicit timestamps.

    «2023-08-29» stays a string (the models parse dates), and only true/false are booleans:
    YAML 1.1 also reads yes/no/on/off so, and `schedule.frequency: off` must stay the word «off».
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (TIMESTAMP_TAG, BOOL_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

_SCALAR_CONSTRUCTORS = {
    "tag:yaml.org,2002:str": SafeConstructor.construct_scalar,
    "tag:yaml.org,2002:int": SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": SafeConstructor.construct_scalar,  # «01.5» or «1.50» keep their text
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
}
_CONSTRUCTOR = SafeConstructor()
_CANONICAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceDoc:
    """One content file: its text, its data, and where each value (and key) stands."""

    file: str  # the path shown to people, relative to the project
    text: str
    data: Any = None
    positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)
    body: str = ""  # Markdown body after the front matter
    body_line: int = 1  # line of the body's first line in the file

    def position(self, path: DataPath, key: bool = False) -> Position | None:
        """Where the value at path stands (or its key), falling back to the nearest parent."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return None

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def issue(
        self,
        message: str,
        path: DataPath = (),
        *,
        level: Level = "error",
        hint: str = "",
        key: bool = False,
        at: Position | None = None,
        code: str = "",
    ) -> Issue:
        """An Issue located at the value (or key) found at path."""
        where = at or self.position(path, key=key)
        return Issue(
            level=level,
            file=self.file,
            message=message,
            line=where.line if where else None,
            column=where.column if where else None,
            path=format_path(path),
            hint=hint,
            snippet=self.line_text(where.line) if where else "",
            code=code,
        )


def format_path(path: DataPath) -> str:
    """('sections', 0, 'items', 2, 'deadline') → 'sections[0].items[2].deadline'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Issue]]:
    """Read a UTF-8 file (a BOM is allowed); anything else is an Issue pointing at the bad byte."""
    raw = path.read_bytes()
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


def parse_yaml(text: str, shown_as: str, line_offset: int = 0) -> tuple[SourceDoc | None, list[Issue]]:
    """Parse YAML text into a SourceDoc; syntax problems become Issues."""
    doc = SourceDoc(file=shown_as, text=text)
    if not text.strip() or all(_is_comment_or_blank(line) for line in text.splitlines()):
        return None, [doc.issue("файл пуст", hint="заполните файл по образцу из README", at=Position(1, 1))]
    tab_issues = _tab_issues(doc, line_offset)
    if tab_issues:
        return None, tab_issues
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_issue(doc, exc, line_offset)]
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        return None, [doc.issue(f"ошибка синтаксиса YAML: {exc}", at=Position(1 + line_offset, 1))]
    except RecursionError:
        return None, [doc.issue("слишком глубокая вложенность", at=Position(1 + line_offset, 1))]
    if len(nodes) != 1:
        return None, [doc.issue(
            "в файле несколько YAML-документов (строки «---»)",
            hint="оставьте один документ", at=Position(1 + line_offset, 1),
        )]
    issues: list[Issue] = []
    builder = _Builder(doc, line_offset, issues)
    try:
        doc.data = builder.build(nodes[0], ())
    except RecursionError:
        return None, [doc.issue("слишком глубокая вложенность", at=Position(1 + line_offset, 1))]
    return (None if any(i.is_error for i in issues) else doc), issues


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


_END_OF_FILE = ("файл закончился раньше, чем закрылась кавычка или скобка",
                "проверьте парные кавычки и скобки")
# PyYAML's problem texts (regular expressions) → what to tell a person.
_SYNTAX_MESSAGES = (
    (r"mapping values are not allowed", "двоеточие в неожиданном месте",
     "если текст содержит «: », заключите всё значение в кавычки"),
    (r"could not find expected ':'", "ожидалась запись вида «ключ: значение»",
     "проверьте двоеточие после ключа и отступ строки"),
    (r"did not find expected key", "неверный отступ: здесь ожидался ключ",
     "ключи одного уровня должны начинаться с одного и того же столбца"),
    (r"did not find expected '-' indicator", "неверный отступ элемента списка",
     "элементы одного списка начинаются с «- » в одном и том же столбце"),
    (r"expected <block end>", "неверный отступ",
     "ключи и элементы одного уровня должны начинаться с одного и того же столбца"),
    (r"(?:found|got) (?:unexpected end of stream|'<stream end>')", *_END_OF_FILE),
    (r"found unknown escape character", "недопустимая последовательность с «\\» в тексте в двойных кавычках",
     "используйте одинарные кавычки или удвойте обратную косую черту"),
    (r"found undefined alias", "ссылка «*…» на неизвестную метку", "уберите «*» или объявите метку «&…»"),
    (r"found character .* that cannot start any token", "символ, с которого не может начинаться значение",
     "заключите значение в кавычки"),
    (r"found duplicate anchor", "метка «&…» объявлена дважды", "переименуйте одну из меток"),
    (r"expected a comment or a line break", "лишний текст после значения",
     "если значение в кавычках, весь текст должен быть внутри них"),
    (r"unacceptable character|special characters are not allowed", "недопустимый управляющий символ",
     "удалите невидимый символ"),
    (r"expected alphabetic or numeric character", "после «&» или «*» должно идти имя метки",
     "если «&» или «*» — часть текста, заключите значение в кавычки"),
    (r"expected chomping or indentation indicators", "после «|» или «>» в этой строке ничего не должно быть",
     "многострочный текст начинается со следующей строки; или заключите значение в кавычки"),
    (r"expected the node content", "пропущено значение (например, лишняя запятая или «-» без текста)",
     "проверьте запятые и скобки в этой строке"),
    (r"sequence entries are not allowed here", "элемент списка «- » в неожиданном месте",
     "список начинается с новой строки после «ключ:», с отступом"),
    (r"mapping keys are not allowed here", "ключ в неожиданном месте", "проверьте отступ и двоеточия"),
    (r"expected '<document start>'", "лишний текст после конца YAML-документа", "проверьте отступы"),
    (r"expected URI|expected tag handle|while scanning a tag", "неверный тег «!…»",
     "уберите «!» или заключите значение в кавычки"),
    (r"while scanning a directive|found unexpected ':'", "неожиданный символ «%» или «:»",
     "заключите значение в кавычки"),
)
_GENERIC = ("ошибка синтаксиса YAML", "проверьте отступы, двоеточия, кавычки и скобки в этой строке")


def _syntax_issue(doc: SourceDoc, exc: yaml.MarkedYAMLError, line_offset: int) -> Issue:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    message, hint = next(((ru, ru_hint) for needle, ru, ru_hint in _SYNTAX_MESSAGES if re.search(needle, problem)),
                         _GENERIC)
    # An unclosed quote or bracket is found at the end of the file; point where it was opened.
    mark = exc.context_mark if (message, hint) == _END_OF_FILE and exc.context_mark else exc.problem_mark
    mark = mark or exc.context_mark
    where = Position(mark.line + 1 + line_offset, mark.column + 1) if mark else Position(1 + line_offset, 1)
    return doc.issue(message, hint=hint, at=where)


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars, recording positions."""

    def __init__(self, doc: SourceDoc, line_offset: int, issues: list[Issue]) -> None:
        self.doc = doc
        self.line_offset = line_offset
        self.issues = issues
        self.nodes_seen = 0
        self.active: set[int] = set()

    def at(self, node: Node) -> Position:
        return Position(node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def build(self, node: Node, path: DataPath) -> Any:
        self.nodes_seen += 1
        if self.nodes_seen > MAX_NODES:
            raise RecursionError  # reported as "too deep": an alias bomb is not content
        self.doc.positions[path] = self.at(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            self.issues.append(self.doc.issue("ссылка «*…» на саму себя", path, at=self.at(node)))
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.active.discard(id(node))

    def scalar(self, node: ScalarNode, path: DataPath) -> Any:
        construct = _SCALAR_CONSTRUCTORS.get(node.tag)
        if construct is None:
            self.issues.append(self.doc.issue(
                f"неподдерживаемый тег YAML «{node.tag}»", path, at=self.at(node),
                hint="уберите тег, начинающийся с «!»",
            ))
            return None
        if node.tag == "tag:yaml.org,2002:int" and not _CANONICAL_INT.match(node.value):
            return node.value  # «007», «0x1F», «1_000»: a number only by accident; keep what was typed
        try:
            return construct(_CONSTRUCTOR, node)
        except (ValueError, yaml.YAMLError):
            return node.value

    def mapping(self, node: MappingNode, path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_CONSTRUCTORS:
                self.issues.append(self.doc.issue(
                    "ключом может быть только простой текст", path, at=self.at(key_node),
                ))
                continue
            key = str(key_node.value)
            key_at = self.at(key_node)
            if key in first_seen:
                self.issues.append(self.doc.issue(
                    f"ключ «{key}» повторяется (первый раз — в строке {first_seen[key].line})",
                    (*path, key), at=key_at, hint="оставьте один из двух ключей",
                ))
                continue
            first_seen[key] = key_at
            self.doc.key_positions[(*path, key)] = key_at
            result[key] = self.build(value_node, (*path, key))
        return result


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
