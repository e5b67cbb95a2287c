"""The command line: init | build | merge | check | serve | import-…; exit 0 ok, 1 content, 2 usage, 3 partial."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from oko.cli_tools import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    run_check,
    run_cms_config,
    run_import,
    run_report,
    run_schemas,
)
from oko.errors import REPORTERS, report
from oko.fs_errors import os_error_message
from oko.incremental import build_site, project_cache
from oko.outputs.search import SearchIndexError
from oko.pipeline import BuildResult
from oko.ru import count
from oko.write import OutputFolderError, check_output_folder, write_site
from oko.write_lock import LOCK_WAIT, OutputLockedError

NOT_BUILT = "Сайт не собран, прежняя версия не тронута.\n"


# argparse speaks English; these are its phrases a person may meet, in Russian.
_MESSAGES_RU = (
    (r"argument command: invalid choice: '([^']*)' \(choose from (.*)\)", r"неизвестная команда «\1»; есть: \2"),
    (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", r"\1: неизвестное значение «\2»; можно: \3"),
    (r"unrecognized arguments: (.*)", r"непонятные аргументы: \1"),
    (r"the following arguments are required: (.*)", r"не хватает аргументов: \1"),
    (r"argument (\S+): invalid \w+ value: '([^']*)'", r"\1: неверное значение «\2»"),
    (r"argument (\S+): expected one argument", r"после \1 нужно указать значение"),
    (r"argument (\S+): (.*)", r"\1: \2"),
)
_HELP_RU = (("usage: ", "использование: "), ("positional arguments:", "аргументы:"), ("options:", "параметры:"),
            ("show this help message and exit", "показать эту справку и выйти"))


def _russian_help(text: str) -> str:
    for english, russian in _HELP_RU:
        text = text.replace(english, russian)
    return text


class _Parser(argparse.ArgumentParser):
    """argparse with Russian messages, exiting with code 2 on a usage error."""

    def format_usage(self) -> str:
        return _russian_help(super().format_usage())

    def format_help(self) -> str:
        return _russian_help(super().format_help())

    def error(self, message: str) -> NoReturn:
        for pattern, russian in _MESSAGES_RU:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, russian, message)
                break
        self.print_usage(sys.stderr)
        sys.stderr.write(f"ошибка в команде: {message}\n")
        sys.exit(EXIT_USAGE)


def make_parser(prog: str = "build.py") -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description="Око: сайт об объективности оценивания из YAML и Markdown.")
    parser.add_argument("--project", type=Path, default=Path("."), help="папка проекта (по умолчанию текущая)")
    common(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, title="команды")

    from oko.district.command import add_arguments as district_arguments
    from oko.init import add_arguments as init_arguments

    init_arguments(commands.add_parser("init", help="создать новый сайт школы в пустой папке"))
    build = commands.add_parser("build", help="собрать сайт")
    build.add_argument("--out", type=Path, default=None, help="куда собрать (по умолчанию site/)")
    build.add_argument("--wait", type=float, default=LOCK_WAIT, metavar="СЕКУНДЫ",
                       help=f"сколько ждать, если в ту же папку уже собирает другая сборка "
                            f"(по умолчанию {LOCK_WAIT:g}; 0 — не ждать)")
    build.add_argument("--clean", action="store_true",
                       help="собрать заново, не глядя в кэш прежних сборок (.oko-cache/)")
    common(build)
    district_arguments(build, commands)  # a district project: build --school, --jobs; merge (oko/district/)
    check = commands.add_parser("check", help="только проверить содержимое")
    common(check)
    check.add_argument("--report", action="store_true",
                       help="отчёт об открытости: раздел «Сведения об образовательной организации» и другое")
    check.add_argument("--report-format", choices=("text", "json", "html"), default="text", help="вид отчёта")
    check.add_argument("--report-out", type=Path, default=None, help="записать отчёт в файл (иначе — на экран)")
    importer = commands.add_parser("import-schedule", help="перевести таблицу графика (XLSX, CSV) в YAML")
    importer.add_argument("file", type=Path, help="файл .xlsx или .csv")
    importer.add_argument("--out", type=Path, default=None, help="куда записать YAML (по умолчанию — на экран)")
    importer.add_argument("--year", default=None, help="учебный год для дат без года, например 2025-2026")
    importer.add_argument("--format", choices=sorted(REPORTERS), default=argparse.SUPPRESS,
                          help="вид отчёта об ошибках")
    plan_importer = commands.add_parser("import-plan", help="перевести план мероприятий из Word (.docx) в YAML")
    plan_importer.add_argument("file", type=Path, help="файл .docx")
    plan_importer.add_argument("--out", type=Path, default=None, help="куда записать YAML (по умолчанию — на экран)")
    plan_importer.add_argument("--organisation", default=None, metavar="ИМЯ",
                               help="чей план: имя файла из content/organisations (по умолчанию — владелец сайта)")
    plan_importer.add_argument("--year", default=None, help="учебный год, если его нет в названии, например 2025-2026")
    plan_importer.add_argument("--format", choices=sorted(REPORTERS), default=argparse.SUPPRESS,
                               help="вид отчёта об ошибках")
    results = commands.add_parser("import-results", help="перевести книгу результатов (шаблон XLSX) в YAML")
    results.add_argument("file", type=Path, help="файл .xlsx по шаблону результатов")
    results.add_argument("--out", type=Path, default=None, help="куда записать YAML (по умолчанию — на экран)")
    results.add_argument("--format", choices=sorted(REPORTERS), default=argparse.SUPPRESS, help="вид отчёта об ошибках")
    cms = commands.add_parser("cms-config", help="вывести настройки форм Sveltia CMS (admin/config.yml)")
    cms.add_argument("--out", type=Path, default=None, help="записать в файл (иначе — на экран)")
    fmt = commands.add_parser("fmt", help="переписать файлы содержимого так, как их пишут формы /admin/")
    fmt.add_argument("paths", nargs="*", type=Path, metavar="ПУТЬ", help="файлы или папки (иначе всё содержимое)")
    fmt.add_argument("--check", action="store_true", help="ничего не менять: назвать файлы не в этом виде (код 1)")
    commands.add_parser("schemas", help="записать JSON Schema содержимого в schemas/ и строки $schema в файлы")
    serve = commands.add_parser("serve", help="просмотр с автообновлением")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--out", type=Path, default=None, help="папка для просмотра (по умолчанию временная)")
    serve.add_argument("--clean", action="store_true", help="первую сборку — заново, не глядя в кэш (.oko-cache/)")
    common(serve)
    return parser


def common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """--strict and --format, accepted before the command and after it (the later one wins)."""
    parser.add_argument("--strict", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="считать предупреждения ошибками")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text" if top else argparse.SUPPRESS,
                        help="вид отчёта: text (для людей), github (аннотации), json (для программ)")


def run_build(project: Path, out: Path, strict: bool, fmt: str, wait: float = LOCK_WAIT, clean: bool = False) -> int:
    try:
        check_output_folder(out, project)
    except OutputFolderError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось проверить папку «{out}»") + NOT_BUILT)
        return EXIT_CONTENT
    try:
        result: BuildResult = build_site(project, project_cache(project, clean))
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
    if args.command in ("build", "merge", "check", "serve"):
        from oko.district.command import dispatch as district_dispatch

        if (code := district_dispatch(args, project)) is not None:  # None: not a district project
            return code
    if args.command == "build":
        return run_build(project, args.out or project / "site", args.strict, args.format, args.wait, args.clean)
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
