"""Where a finding stands in its file: the line and column inside a YAML value or a Markdown body."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from oko.personal_patterns import Finding
from oko.sources import DataPath, Position, SourceDoc


class Locator:
    """Line and column of a finding: inside a YAML value (searched in the source after the value's start) or a body."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.cursor: dict[DataPath, int] = {}

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.doc.text))]

    @cached_property
    def value_starts(self) -> list[int]:
        """Where every value and key begins (and the body): a value's text ends before the next one begins."""
        doc = self.doc
        starts = {self._offset(p) for p in (*doc.positions.values(), *doc.key_positions.values())}
        body_start = self.line_starts[doc.body_line - 1] if doc.body and doc.body_line <= len(
            self.line_starts) else len(doc.text)
        return sorted(starts | {body_start})

    def _offset(self, at: Position) -> int:
        return self.line_starts[min(at.line, len(self.line_starts)) - 1] + at.column - 1

    def _position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.line_starts, offset)
        return Position(line, offset - self.line_starts[line - 1] + 1)

    def in_value(self, path: DataPath, text: str, finding: Finding) -> Position:
        """The match in the source text of the value: exact for plain, quoted and literal scalars."""
        start = self.doc.position(path)
        if start is None:
            return Position(1, 1)
        begin = self.cursor.get(path, self._offset(start))
        index = bisect.bisect_right(self.value_starts, self._offset(start))
        end = self.value_starts[index] if index < len(self.value_starts) else len(self.doc.text)
        # Folded lines break a value anywhere: let any whitespace stand for any whitespace.
        pattern = r"\s+".join(re.escape(part) for part in finding.value.split())
        match = re.compile(pattern).search(self.doc.text, begin, end)
        if match is None:
            return start
        self.cursor[path] = match.end()
        return self._position(match.start())

    def in_body(self, finding: Finding) -> Position:
        body = self.doc.body
        line_start = body.rfind("\n", 0, finding.start) + 1
        return Position(self.doc.body_line + body.count("\n", 0, finding.start), finding.start - line_start + 1)
