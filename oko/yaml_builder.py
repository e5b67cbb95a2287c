"""Building parser events into plain data with the position of every value, within the limits of one file.

The events come from libyaml or PyYAML's parser (oko/yaml_source.py); a composer is never used, because
libyaml's recurses in C and crashes the process on deep nesting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

from oko.errors import Issue
from oko.source_doc import DataPath, Position, SourceDoc
from oko.yaml_messages import syntax_issue

# Limits of one file, each with its own message. A plan of 20,000 items has 200,000-400,000 values
# (10-20 an item) and 5 levels; at the value limit parsing takes ~5 s and ~450 MB.
MAX_VALUES = 500_000  # values built, an alias «*…» counted with everything it repeats ("billion laughs")
MAX_DEPTH = 50  # lists and mappings inside one another (content needs fewer than 10)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
BOOL_TAG = "tag:yaml.org,2002:bool"
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
NULL_TAG = "tag:yaml.org,2002:null"
SCALAR_TAGS = frozenset((STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG))


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
# PyYAML's resolver table by first character, the wildcard entries (none today) appended to each.
_RESOLVERS = {first: resolvers + _Loader.yaml_implicit_resolvers.get(None, [])
              for first, resolvers in _Loader.yaml_implicit_resolvers.items() if first is not None}
_NO_RESOLVERS = _Loader.yaml_implicit_resolvers.get(None, [])
_CANONICAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


class StopBuildingError(Exception):
    """Building stops at one Issue: a limit is exceeded, or an alias names no anchor (as PyYAML stops)."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A value marked «&name»: where it was built, what it holds, and what repeating it costs."""

    path: DataPath  # its positions are recorded under this path
    value: Any
    size: int  # values it holds, with everything its own aliases repeat
    height: int  # levels of lists and mappings in it
    key: str | None  # its text, when it is plain text that may serve as a key


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


class Builder:
    """Turns parser events into dicts, lists and scalars, recording positions, within MAX_VALUES and MAX_DEPTH.

    The depth is checked before a level is entered and an alias is counted before it is copied, so
    neither a deep file nor an alias bomb costs more than the limits allow.
    """

    def __init__(self, doc: SourceDoc, events: Iterator[Event], line_offset: int, issues: list[Issue]) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.events = events
        self.line_offset = line_offset
        self.issues = issues
        self.values = 0
        self.deepest = 0  # the deepest level reached since the innermost open anchor started
        self.recording = True  # off inside keys and skipped values: their positions are never asked for
        self.anchors: dict[str, _Anchor | None] = {}  # None while the anchored value is being built

    def at(self, event: Event) -> Position:
        mark = event.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def documents(self) -> list[Any]:
        found = []
        for event in self.events:
            if isinstance(event, DocumentStartEvent):
                self.anchors = {}
                found.append(self.value(next(self.events), (), 0))
        return found

    def count(self, values: int, event: Event) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise StopBuildingError(self.doc.issue(
                f"слишком много значений в файле: больше {_grouped(MAX_VALUES)} (ссылка «*…» считается"
                " со всеми значениями, которые она повторяет)", at=self.at(event),
                hint="разделите файл на несколько файлов поменьше"))

    def enter(self, level: int, event: Event) -> None:
        if level > MAX_DEPTH:
            raise StopBuildingError(self.doc.issue(
                f"слишком глубокая вложенность: больше {MAX_DEPTH} уровней списков и наборов полей друг в друге",
                at=self.at(event), hint="проверьте отступы и скобки: содержимому хватает нескольких уровней"))
        if level > self.deepest:
            self.deepest = level

    def value(self, event: Event, path: DataPath, level: int) -> Any:
        """The value that starts at event, inside `level` lists and mappings."""
        if event.__class__ is AliasEvent:
            return self.alias(event, path, level)
        self.values += 1
        if self.values > MAX_VALUES:
            self.count(0, event)
        if self.recording:
            mark = event.start_mark
            self.positions[path] = Position(mark.line + 1 + self.line_offset, mark.column + 1)
        name = event.anchor
        if name is None:
            return self.node(event, path, level)
        self.open_anchor(name, event)
        values, deepest = self.values, self.deepest
        self.deepest = level
        result = self.node(event, path, level)
        key = event.value if isinstance(event, ScalarEvent) and self.tag(event) in SCALAR_TAGS else None
        self.anchors[name] = _Anchor(path, result, self.values - values + 1, self.deepest - level, key)
        self.deepest = max(deepest, self.deepest)
        return result

    def open_anchor(self, name: str, event: Event) -> None:
        if name in self.anchors:
            raise StopBuildingError(syntax_issue(self.doc, ComposerError(
                f"found duplicate anchor {name!r}", None, "second occurrence", event.start_mark), self.line_offset))
        self.anchors[name] = None

    def node(self, event: Event, path: DataPath, level: int) -> Any:
        if event.__class__ is ScalarEvent:
            return self.scalar(event, path)
        self.enter(level + 1, event)
        return self.mapping(path, level + 1) if isinstance(event, MappingStartEvent) else self.sequence(path, level + 1)

    def sequence(self, path: DataPath, level: int) -> list[Any]:
        items: list[Any] = []
        for event in self.events:
            if event.__class__ is SequenceEndEvent:
                break
            items.append(self.value(event, (*path, len(items)), level))
        return items

    def mapping(self, path: DataPath, level: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for event in self.events:
            if event.__class__ is MappingEndEvent:
                break
            key_at = self.at(event)
            plain = event.__class__ is ScalarEvent and event.anchor is None and event.tag is None
            key = event.value if plain and self.tag(event) in SCALAR_TAGS else self.key(event, path, level)
            value_event = next(self.events)
            if key is not None and key in first_seen:
                self.issues.append(self.doc.issue(
                    f"ключ «{key}» повторяется (первый раз — в строке {first_seen[key].line})",
                    (*path, key), at=key_at, hint="оставьте один из двух ключей",
                ))
                key = None
            if key is None:
                self.skip(value_event, path, level)
                continue
            first_seen[key] = key_at
            if self.recording:
                self.doc.key_positions[(*path, key)] = key_at
            result[key] = self.value(value_event, (*path, key), level)
        return result

    def key(self, event: Event, path: DataPath, level: int) -> str | None:
        """A key's text; anything but plain text (a list, a tagged value) is an Issue and None."""
        text: str | None = None
        if isinstance(event, ScalarEvent):
            text = event.value if self.tag(event) in SCALAR_TAGS else None
            if event.anchor is not None:
                self.open_anchor(event.anchor, event)
                self.anchors[event.anchor] = _Anchor(path, text, 1, 0, text)
        elif isinstance(event, AliasEvent):
            anchor = self.anchors[event.anchor] if event.anchor in self.anchors else self.undefined(event)
            text = anchor.key if anchor else None
        else:
            self.skip(event, path, level)
        if text is None:
            self.issues.append(self.doc.issue("ключом может быть только простой текст", path, at=self.at(event)))
        return text

    def skip(self, event: Event, path: DataPath, level: int) -> None:
        """Build a value nobody will see (its anchors may still be used), recording no positions."""
        recording, self.recording = self.recording, False
        try:
            self.value(event, path, level)
        finally:
            self.recording = recording

    def undefined(self, event: AliasEvent) -> None:
        raise StopBuildingError(syntax_issue(self.doc, ComposerError(
            None, None, f"found undefined alias {event.anchor!r}", event.start_mark), self.line_offset))

    def alias(self, event: AliasEvent, path: DataPath, level: int) -> Any:
        """«*name»: the anchored value again, counted in full, its parts at the positions of the original."""
        if event.anchor not in self.anchors:
            self.undefined(event)
        anchor = self.anchors[event.anchor]
        if anchor is None:
            self.count(1, event)
            self.issues.append(self.doc.issue("ссылка «*…» на саму себя", path, at=self.at(event)))
            return None
        self.count(anchor.size, event)
        if anchor.height:
            self.enter(level + anchor.height, event)
        if self.recording:
            self.positions[path] = self.at(event)
        return self.copy(anchor.value, anchor.path, path)

    def copy(self, value: Any, source: DataPath, target: DataPath) -> Any:
        """A fresh copy of an anchored value, its positions recorded again under the alias's path."""
        if isinstance(value, dict):
            copied: dict[str, Any] = {}
            for key, child in value.items():
                self.copy_position((*source, key), (*target, key), keys=True)
                copied[key] = self.copy(child, (*source, key), (*target, key))
            return copied
        if isinstance(value, list):
            for index in range(len(value)):
                self.copy_position((*source, index), (*target, index))
            return [self.copy(child, (*source, index), (*target, index)) for index, child in enumerate(value)]
        return value

    def copy_position(self, source: DataPath, target: DataPath, keys: bool = False) -> None:
        if not self.recording:
            return
        if source in self.positions:
            self.positions[target] = self.positions[source]
        if keys and source in self.doc.key_positions:
            self.doc.key_positions[target] = self.doc.key_positions[source]

    @staticmethod
    def tag(event: ScalarEvent) -> str:
        """The scalar's tag: as written, or resolved from its text like PyYAML's resolver (without dates)."""
        if event.tag is not None and event.tag != "!":
            return event.tag
        if not event.implicit[0]:
            return STR_TAG  # quoted, or a block scalar
        value = event.value
        for tag, regexp in _RESOLVERS.get(value[:1], _NO_RESOLVERS):
            if regexp.match(value):
                return tag
        return STR_TAG

    def scalar(self, event: ScalarEvent, path: DataPath) -> Any:
        tag, value = self.tag(event), event.value
        if tag in (STR_TAG, FLOAT_TAG):  # «01.5» or «1.50» keep their text
            return value
        if tag == INT_TAG:  # «007», «0x1F», «1_000»: a number only by accident; keep what was typed
            return int(value) if _CANONICAL_INT.match(value) else value
        if tag == BOOL_TAG:
            return SafeConstructor.bool_values.get(value.lower(), value)
        if tag == NULL_TAG:
            return None
        self.issues.append(self.doc.issue(
            f"неподдерживаемый тег YAML «{tag}»", path, at=self.at(event), hint="уберите тег, начинающийся с «!»",
        ))
        return None
