"""The command line: init | build | merge | check | serve | import-…; exit 0 ok, 1 content, 2 usage, 3 partial."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from oko.cli_parser import make_parser
from oko.errors import Issue, report
from oko.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from oko.fs_errors import os_error_message
from oko.ru import count
from oko.write_lock import LOCK_WAIT

# The engine (models, templates, Pagefind) is imported inside the commands: `build` with nothing changed
# answers from its stamp before any of it loads (oko/build_stamp.py).

NOT_BUILT = "Сайт не собран, прежняя версия не тронута.\n"


def run_build(project: Path, out: Path, strict: bool, fmt: str, wait: float = LOCK_WAIT, clean: bool = False) -> int:
    from oko import build_stamp
    from oko.write import OutputFolderError, check_output_folder

    try:
        check_output_folder(out, project)
    except OutputFolderError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось проверить папку «{out}»") + NOT_BUILT)
        return EXIT_CONTENT
    inputs = build_stamp.input_digest(project, out)  # before anything is read: an edit meanwhile is a change
    build_stamp.forget(project)
    return _build_and_write(project, out, strict, fmt, wait, clean, inputs)


def run_unchanged(args: argparse.Namespace, project: Path) -> int | None:
    """`build` when nothing it depends on changed since the last one into this folder (oko/build_stamp.py):
    the exit code after the last build's issues are said again; None when a real build is needed."""
    if args.clean:
        return None
    from oko import build_stamp

    out: Path = args.out or project / "site"
    try:
        last = build_stamp.unchanged(project, out, build_stamp.input_digest(project, out))
    except (OSError, RuntimeError, ValueError):  # a looping link, an unreadable folder: the real build says what
        return None
    return None if last is None else _report_unchanged(out, args.strict, args.format, *last)


def _report_unchanged(out: Path, strict: bool, fmt: str, issues: list[Issue], pages: int) -> int:
    """What the last build said, said again: its issues, and that the site is there (or that it is not)."""
    report(issues, fmt)
    if any(issue.is_error or (strict and issue.level == "warning") for issue in issues):
        sys.stderr.write(NOT_BUILT)
        return EXIT_CONTENT
    shown = count(pages, "страница", "страницы", "страниц")
    sys.stderr.write(f"Ничего не изменилось с прошлой сборки: сайт в папке — тот, что она собрала.\n"
                     f"Сайт собран: {out}/ ({shown}); откройте {out / 'index.html'}\n")
    return EXIT_OK


def _build_and_write(project: Path, out: Path, strict: bool, fmt: str, wait: float, clean: bool,
                     inputs: str) -> int:
    from oko import build_stamp
    from oko.incremental import build_site, project_cache
    from oko.outputs.search import SearchIndexError
    from oko.write import OutputFolderError, write_site
    from oko.write_lock import OutputLockedError

    try:
        result = build_site(project, project_cache(project, clean))
    except SearchIndexError as exc:
        sys.stderr.write(f"ошибка: не удалось построить поисковый индекс (Pagefind): {exc}\n{NOT_BUILT}")
        return EXIT_CONTENT
    report(result.issues, fmt)
    if result.failed(strict):
        sys.stderr.write(NOT_BUILT)
        return EXIT_CONTENT
    waiting = f"Жду: в папку «{out}» уже собирает сайт другая сборка (не дольше {wait:g} с)…\n"
    try:
        stuck = write_site(result.files, out, wait=wait, on_wait=lambda: sys.stderr.write(waiting))
    except OutputFolderError as exc:  # appeared while the content was being built
        sys.stderr.write(f"ошибка: {exc}\n{NOT_BUILT}")
        return EXIT_USAGE
    except OutputLockedError as exc:
        sys.stderr.write(f"ошибка: {exc}\n{NOT_BUILT}")
        return EXIT_CONTENT
    except SearchIndexError as exc:
        sys.stderr.write(f"ошибка: не удалось построить поисковый индекс (Pagefind): {exc}\n{NOT_BUILT}")
        return EXIT_CONTENT
    except subprocess.TimeoutExpired as exc:
        sys.stderr.write(f"ошибка: поисковый индекс (Pagefind) не построен за {exc.timeout:g} с\n{NOT_BUILT}")
        return EXIT_CONTENT
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось записать сайт в «{out}»") + NOT_BUILT)
        return EXIT_CONTENT
    for path in stuck:
        sys.stderr.write(f"предупреждение: не удалось удалить «{path}» (остаток прежней сборки); "
                         "следующая сборка попробует снова, или удалите его сами\n")
    if not stuck:
        build_stamp.record(project, out, inputs, result.issues, result.pages)
    pages = count(result.pages, "страница", "страницы", "страниц")
    sys.stderr.write(f"Сайт собран: {out}/ ({pages}); откройте {out / 'index.html'}\n")
    return EXIT_OK


def console() -> int:
    """The `oko` command of the installed package (pyproject.toml [project.scripts])."""
    return main(prog="oko")


def main(argv: list[str] | None = None, prog: str = "build.py") -> int:
    args = make_parser(prog).parse_args(argv)
    project: Path = args.project
    if not project.is_dir():
        sys.stderr.write(f"ошибка: папки проекта «{project}» нет\n")
        return EXIT_USAGE
    try:
        return dispatch(args, project)
    except OSError as exc:  # whatever the system refused (a file, a folder, a port): Russian words, no traceback
        sys.stderr.write(os_error_message(exc, "команда не выполнена"))
        return EXIT_CONTENT


def dispatch(args: argparse.Namespace, project: Path) -> int:
    if args.command == "init":
        from oko.init import run_init

        return run_init(args)
    if args.command == "build" and args.school is None and (code := run_unchanged(args, project)) is not None:
        return code  # a district project never has a school's stamp: its site_config.yaml says `district:`
    if args.command in ("build", "merge", "check", "serve"):
        from oko.district.command import dispatch as district_dispatch

        if (code := district_dispatch(args, project)) is not None:  # None: not a district project
            return code
    if args.command == "build":
        return run_build(project, args.out or project / "site", args.strict, args.format, args.wait, args.clean)
    from oko.cli_tools import run_check, run_cms_config, run_import, run_report, run_schemas

    if args.command == "check":
        if args.report:
            return run_report(project, args.strict, args.format, args.report_format, args.report_out)
        return run_check(project, args.strict, args.format)
    if args.command == "cms-config":
        return run_cms_config(project, args.out)
    if args.command == "fmt":
        from oko.fmt_command import run_fmt

        return run_fmt(project, args.paths, args.check)
    if args.command == "schemas":
        return run_schemas(project)
    if args.command == "import-schedule":
        return run_import(args.file, args.out, args.year, args.format)
    if args.command == "import-results":
        from oko.results.command import run_import_results

        return run_import_results(args.file, args.out, args.format)
    if args.command == "import-plan":
        from oko.import_plan import run_import_plan  # python-docx loads only when importing

        return run_import_plan(args.file, args.out, args.format, args.organisation, args.year, project)
    from oko.serve import serve  # livereload and tornado load only when serving

    return serve(project, args.host, args.port, args.out, args.strict, args.clean)
