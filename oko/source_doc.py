"""A content file as data: its text, its values, and the line and column of every value and key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from oko.errors import Issue, Level

DataPath = tuple[str | int, ...]


class Position(NamedTuple):
    """Where a value stands (a tuple: a big file records hundreds of thousands of them)."""

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

    _lines: tuple[str, list[str]] | None = field(default=None, init=False, repr=False, compare=False)

    def line_text(self, line: int) -> str:
        # Split once per text: a rule may report on thousands of items of one file.
        if self._lines is None or self._lines[0] is not self.text:
            self._lines = (self.text, self.text.splitlines())
        lines = self._lines[1]
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


