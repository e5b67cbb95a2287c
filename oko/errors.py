"""Problems found in content, as data: one Issue type and its text, GitHub and JSON reports."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from oko.ru import count

Level = Literal["error", "warning"]
LEVEL_NAMES = {"error": "ошибка", "warning": "предупреждение"}


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (file, line, column, field path), what is wrong, how to fix it."""

    level: Level
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    hint: str = ""
    snippet: str = ""  # the offending source line, without its newline
    code: str = ""  # the rule that found it («schedule.one_per_day»), for severity settings and docs

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def location(self) -> str:
        """`file:line:column` with as much as is known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.message)


def sorted_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Issues in reading order: by file, then line and column; exact duplicates dropped."""
    return sorted(set(issues), key=Issue.sort_key)


def has_errors(issues: Iterable[Issue], strict: bool = False) -> bool:
    """Whether the run failed: any error, or any warning under --strict."""
    return any(issue.is_error or strict for issue in issues)


def summary(issues: list[Issue]) -> str:
    """«2 ошибки, 1 предупреждение» (or «ошибок нет»)."""
    errors = sum(1 for issue in issues if issue.is_error)
    warnings = len(issues) - errors
    if not issues:
        return "ошибок нет"
    parts = [count(errors, "ошибка", "ошибки", "ошибок")]
    if warnings:
        parts.append(count(warnings, "предупреждение", "предупреждения", "предупреждений"))
    return ", ".join(parts)


def format_text(issue: Issue) -> str:
    """A terminal report: location, level, field path, message, the source line with a caret, hint."""
    head = f"{issue.location()}: {LEVEL_NAMES[issue.level]}: "
    if issue.path:
        head += f"{issue.path}: "
    lines = [head + issue.message]
    if issue.snippet and issue.line is not None:
        snippet, column = _window(issue.snippet.replace("\t", "→"), issue.column or 1)
        gutter = f"{issue.line:>5} | "
        lines.append(gutter + snippet)
        if issue.column is not None:
            lines.append(" " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^")
    if issue.hint:
        lines.append(f"      подсказка: {issue.hint}")
    return "\n".join(lines)


def _window(line: str, column: int, width: int = 100) -> tuple[str, int]:
    """Cut a long source line around the column so the caret stays visible."""
    if len(line) <= width:
        return line, column
    start = max(0, min(column - width // 2, len(line) - width))
    cut = line[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(line) else ""
    return prefix + cut + suffix, column - start + len(prefix)


def report_text(issues: list[Issue]) -> str:
    """All issues as text followed by the summary line."""
    blocks = [format_text(issue) for issue in issues]
    return "\n\n".join([*blocks, summary(issues)]) + "\n"


def _escape_github(value: str, is_property: bool = False) -> str:
    # GitHub's workflow command escaping (actions/toolkit: command.ts).
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(issue: Issue) -> str:
    """A GitHub Actions annotation: `::error file=…,line=…,col=…::message`."""
    props = [f"file={_escape_github(issue.file, True)}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
    if issue.column is not None:
        props.append(f"col={issue.column}")
    command = "error" if issue.is_error else "warning"
    text = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.hint:
        text += f" ({issue.hint})"
    return f"::{command} {','.join(props)}::{_escape_github(text)}"


def report_github(issues: list[Issue]) -> str:
    lines = [format_github(issue) for issue in issues]
    return "\n".join([*lines, summary(issues)]) + "\n"


def report_json(issues: list[Issue]) -> str:
    payload = {"summary": summary(issues), "issues": [asdict(issue) for issue in issues]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _line_link(issue: Issue) -> str:
    """A link to the file and line on GitHub when run in Actions (GITHUB_* variables), else the location."""
    server, repo, sha = (os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repo and sha):
        return f"`{issue.location()}`"
    anchor = f"#L{issue.line}" if issue.line else ""
    return f"[{issue.location()}]({server}/{repo}/blob/{sha}/{issue.file}{anchor})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_summary(issues: list[Issue]) -> str:
    """Markdown for a GitHub job summary: every issue (annotations show only the first 10), in Russian."""
    if not issues:
        return "### Проверка содержимого\n\n✅ Ошибок нет.\n"
    rows = [f"| {LEVEL_NAMES[i.level]} | {_line_link(i)} | {_cell(i.path)} | {_cell(i.message)} | {_cell(i.hint)} |"
            for i in issues]
    head = ["### Проверка содержимого", "", f"**{summary(issues)}**", "",
            "| | Где | Поле | Что не так | Как исправить |", "|---|---|---|---|---|"]
    return "\n".join([*head, *rows]) + "\n"


REPORTERS = {"text": report_text, "github": report_github, "json": report_json, "summary": report_summary}


def report(issues: list[Issue], fmt: str) -> None:
    """Print issues: text goes to stderr (for people), github/json to stdout (for machines)."""
    if not issues and fmt == "text":
        return
    stream = sys.stderr if fmt == "text" else sys.stdout
    stream.write(REPORTERS[fmt](issues))
