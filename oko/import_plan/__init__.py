"""`build.py import-plan ФАЙЛ.docx`: a plan of measures kept as a Word table → plan YAML (content/plans).

The document is read within fixed limits (package.py) into paragraphs and tables of grid-placed cells
with their merges (document.py). The plan table is found by its header row (columns.py); a table
right after it with the same number of columns and no header goes on with it, and a paragraph between
the two heads the rows that follow. Rows become sections and items (rows.py), the paragraphs above the
table the title, approval, goals and tasks (front.py). The result is validated by the Plan model and
written in the layout of content/plans (writer.py). Every cell that cannot be placed is an Issue
located by table, row and column; while there are errors, no YAML is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from oko.errors import REPORTERS, Issue
from oko.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from oko.fs_errors import os_error_message
from oko.import_plan.columns import Header, find_header
from oko.import_plan.document import Block, Paragraph, Table, body_blocks, fold
from oko.import_plan.front import BLOCKS, Front, read_front
from oko.import_plan.package import open_document
from oko.import_plan.rows import PlanRows
from oko.import_plan.writer import plan_yaml
from oko.kinds.plans.model import Plan
from oko.models.common import parse_academic_year
from oko.ru import count
from oko.spreadsheets.limits import ReadError

NO_TABLE_HINT = ("первая строка таблицы плана называет столбцы: №, Мероприятия, Сроки, Ответственные …; "
                 "продолжение таблицы после абзаца должно иметь столько же столбцов")
_APPROVAL_KINDS = {"approved", "considered", "agreed", "appendix"}


def import_plan(path: Path, organisation: str, year: str | None = None) -> tuple[dict[str, Any] | None, list[Issue]]:
    """The plan's data as its YAML file holds it (None when nothing could be read), and every issue."""
    shown = path.name
    try:
        blocks = body_blocks(open_document(path))
    except ReadError as exc:
        return None, [Issue("error", shown, exc.message, hint=exc.hint)]
    front_paragraphs, tables = _read_blocks(blocks)
    front = read_front(front_paragraphs)
    issues = [Issue("warning", shown, message) for message in front.warnings]
    rows = PlanRows(shown)
    first = True
    for table, header, first_row, heading in tables:
        if header is None:
            rows.no_header(table, NO_TABLE_HINT)
            continue
        rows.read(table, header, first_row, front.heading if first else heading)  # the first one's is above it
        first = False
    data = _plan_data(front, organisation, year, rows.result(), shown, issues)
    issues += rows.issues
    if not any(header for _, header, _, _ in tables):
        issues.append(Issue("error", shown, "в документе нет таблицы плана: не найдена строка заголовков "
                                            "с названиями столбцов", hint=NO_TABLE_HINT))
    if not any(issue.is_error for issue in issues):
        issues += _validated(data, shown)
    return data, issues


# The table, its header (None: a table that is not the plan's, an error), the first row of items, the heading above.
PlanTable = tuple[Table, Header | None, int, str]


def _read_blocks(blocks: list[Block]) -> tuple[list[Paragraph], list[PlanTable]]:
    """Paragraphs above the plan, and the tables in order (an approval table above the plan is paragraphs)."""
    front: list[Paragraph] = []
    tables: list[PlanTable] = []
    between: list[str] = []  # non-empty paragraphs since the last plan table
    for block in blocks:
        last = next((found for _, found, _, _ in reversed(tables) if found is not None), None)
        if isinstance(block, Paragraph):
            text = fold(block.text)
            if last is None:
                front.append(block)
            elif text and not text.lower().startswith("продолжение"):  # «Продолжение таблицы 1»
                between.append(text)
            continue
        header = find_header(block)
        if header is not None:
            tables.append((block, header, header.first_data_row, " ".join(between)))
        elif last is not None and _width(block) == last.width:
            tables.append((block, last, 0, " ".join(between)))  # the plan table goes on after a page or a heading
        elif last is None and _is_approval(block):
            front += [Paragraph(line) for line in block.lines()]
        else:
            tables.append((block, None, 0, ""))
        between = []
    return front, tables


def _width(table: Table) -> int:
    return max((cell.column + cell.span for row in table.rows for cell in row), default=0)


def _is_approval(table: Table) -> bool:
    """A borderless table that lays out «Рассмотрено» and «Утверждаю» side by side."""
    return any(pattern.match(line) for line in table.lines() for kind, pattern in BLOCKS if kind in _APPROVAL_KINDS)


def _plan_data(front: Front, organisation: str, year: str | None, body: dict[str, Any], shown: str,
               issues: list[Issue]) -> dict[str, Any] | None:
    if not front.title:
        issues.append(Issue("error", shown, "не найдено название плана: абзац над таблицей, который начинается "
                                            "словами «План», «Дорожная карта» или «Программа»",
                            hint="впишите название над таблицей плана"))
    data: dict[str, Any] = {"title": front.title, "organisation": organisation}
    if year:
        data["academic_year"] = year
    elif front.academic_year:
        data["academic_year"] = front.academic_year
    elif front.period:
        data["period"] = front.period
    else:
        issues.append(Issue("error", shown, f"в названии плана «{front.title}» не найден учебный год",
                            hint="допишите год в название («на 2025-2026 учебный год») или укажите --year 2025-2026"))
    if front.approval:
        data["approval"] = {key: front.approval[key] for key in ("approved_by", "date", "order", "considered")
                            if key in front.approval}
    for key in ("goals", "tasks"):
        if getattr(front, key):
            data[key] = getattr(front, key)
    data.update(body)
    return data


def _validated(data: dict[str, Any], shown: str) -> list[Issue]:
    """The Plan model's verdict on the whole (every cell was checked already; this guards the rest)."""
    try:
        Plan.model_validate(data)
    except ValidationError as exc:
        return [Issue("error", shown, f"{'.'.join(str(p) for p in error['loc']) or 'план'}: {error['msg']}")
                for error in exc.errors(include_url=False)]
    return []


def default_organisation(project: Path) -> str | None:
    """The site owner's organisation (site_config.yaml `organisation`): most plans are the school's own."""
    config = project / "site_config.yaml"
    try:
        if config.stat().st_size > 1 << 20:
            return None
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = data.get("organisation") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def run_import_plan(file: Path, out: Path | None, fmt: str, organisation: str | None = None,
                    year: str | None = None, project: Path = Path(".")) -> int:
    """The command: exit 0 with the YAML written (to out, or to stdout), 1 for errors in the file, 2 for usage."""
    if file.suffix.lower() != ".docx" or not file.is_file():
        hint = " (старый формат .doc сохраните в Word как «Документ Word (.docx)»)" if file.suffix.lower() == ".doc" \
            else ""
        sys.stderr.write(f"ошибка: «{file}» — не файл .docx{hint}\n")
        return EXIT_USAGE
    if year:
        try:
            parsed = parse_academic_year(year)
        except ValueError:
            sys.stderr.write(f"ошибка: «{year}» — не учебный год; пример: 2025-2026\n")
            return EXIT_USAGE
        year = f"{parsed.start}-{parsed.start + 1}"
    organisation = organisation or default_organisation(project)
    if not organisation:
        sys.stderr.write("ошибка: не указана организация плана: --organisation ИМЯ (имя файла из "
                         "content/organisations без .yaml)\n")
        return EXIT_USAGE
    data, issues = import_plan(file, organisation, year)
    _report(issues, fmt)
    if data is None or any(issue.is_error for issue in issues):
        sys.stderr.write("YAML не записан: исправьте документ и запустите перенос снова.\n")
        return EXIT_CONTENT
    text = plan_yaml(data, file.name)
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось записать «{out}»"))
        return EXIT_CONTENT
    items = sum(len(section["items"]) for section in data.get("sections", [])) + len(data.get("items", []))
    sys.stderr.write(f"Записано в {out}: {count(items, 'мероприятие', 'мероприятия', 'мероприятий')}\n")
    return EXIT_OK


def _report(issues: list[Issue], fmt: str) -> None:
    """As build.py reports: text to stderr for people, github/json to stdout for programs."""
    if not issues and fmt == "text":
        return
    (sys.stderr if fmt == "text" else sys.stdout).write(REPORTERS[fmt](issues))


__all__ = ["import_plan", "plan_yaml", "run_import_plan"]
