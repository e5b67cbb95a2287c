"""The commands that check, report and convert rather than build: check, check --report, cms-config, schemas,
import-schedule (oko.cli parses the arguments and calls them)."""

from __future__ import annotations

import sys
from pathlib import Path

from oko.errors import report, summary
from oko.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from oko.pipeline import generate, load_project
from oko.ru import count


def run_check(project: Path, strict: bool, fmt: str) -> int:
    result = generate(project)
    report(result.issues, fmt)
    if fmt == "text" and not result.issues:
        sys.stderr.write(f"Проверка пройдена: {summary(result.issues)}.\n")
    return EXIT_CONTENT if result.failed(strict) else EXIT_OK


def run_report(project: Path, strict: bool, fmt: str, report_format: str, out: Path | None) -> int:
    from oko.report import compliance_rows, report_html, report_json, report_text

    result = generate(project)
    if result.failed():
        report(result.issues, fmt)
        sys.stderr.write("Отчёт не составлен: сначала исправьте ошибки в содержимом.\n")
        return EXIT_CONTENT
    loaded = result.project
    assert loaded is not None  # a build that did not fail always carries its project
    rows = compliance_rows(loaded, result.files, result.issues)
    title = loaded.config.title if loaded.config else str(project)
    text = {"text": report_text, "json": report_json}.get(report_format, lambda r: report_html(r, title))(rows)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        sys.stderr.write(f"Отчёт записан в {out}\n")
    return EXIT_CONTENT if result.failed(strict) else EXIT_OK


def run_cms_config(project: Path, out: Path | None) -> int:
    from oko.cms import cms_config_yaml

    loaded, issues = load_project(project)
    if any(issue.is_error for issue in issues):
        report(issues, "text")
        return EXIT_CONTENT
    text = cms_config_yaml(loaded)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    return EXIT_OK


def run_schemas(project: Path) -> int:
    """schemas/*.schema.json from the models, and the editor settings that map them to the content files."""
    from oko.schemas import remove_schema_lines, write_editor_settings, write_schemas

    written = write_schemas(project)
    write_editor_settings(project)
    cleaned = remove_schema_lines(project)
    note = f"; старая строка $schema убрана из {len(cleaned)} файлов" if cleaned else ""
    sys.stderr.write(f"Схемы: {len(written)} в {project / 'schemas'}, настройки редактора — .vscode/settings.json"
                     f"{note}\n")
    return EXIT_OK


def run_import(file: Path, out: Path | None, year_text: str | None, fmt: str) -> int:
    from oko.importer import import_schedule, procedures_yaml  # openpyxl loads only when importing
    from oko.models.common import parse_academic_year

    if not file.is_file() or file.suffix.lower() not in (".xlsx", ".csv"):
        sys.stderr.write(f"ошибка: «{file}» — не файл .xlsx или .csv\n")
        return EXIT_USAGE
    try:
        year = parse_academic_year(year_text) if year_text else None
    except ValueError:
        sys.stderr.write(f"ошибка: «{year_text}» — не учебный год; пример: 2025-2026\n")
        return EXIT_USAGE
    try:
        procedures, issues = import_schedule(file, year)
    except Exception:  # a damaged or password-protected workbook: say so in Russian, never a traceback
        sys.stderr.write(f"ошибка: не удалось прочитать «{file}»: файл повреждён или защищён паролем\n")
        return EXIT_CONTENT
    report(issues, fmt)
    if any(issue.is_error for issue in issues):
        sys.stderr.write("YAML не записан: исправьте ячейки и запустите импорт снова.\n")
        return EXIT_CONTENT
    text = procedures_yaml(procedures, file.name)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        sys.stderr.write(f"Записано в {out}: {count(len(procedures), 'процедура', 'процедуры', 'процедур')}\n")
    return EXIT_OK
