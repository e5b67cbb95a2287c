"""The command line's arguments: one light module, so that `build` with nothing changed answers before the
models, the templates and the rest of the engine are imported (oko/build_stamp.py)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

from oko.errors import REPORTERS
from oko.exit_codes import EXIT_USAGE
from oko.write_lock import LOCK_WAIT

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

    _init_arguments(commands.add_parser("init", help="создать новый сайт школы в пустой папке"))
    build = commands.add_parser("build", help="собрать сайт")
    build.add_argument("--out", type=Path, default=None, help="куда собрать (по умолчанию site/)")
    build.add_argument("--wait", type=float, default=LOCK_WAIT, metavar="СЕКУНДЫ",
                       help=f"сколько ждать, если в ту же папку уже собирает другая сборка "
                            f"(по умолчанию {LOCK_WAIT:g}; 0 — не ждать)")
    build.add_argument("--clean", action="store_true",
                       help="собрать заново, не глядя в кэш прежних сборок (.oko-cache/)")
    common(build)
    _district_arguments(build, commands)  # a district project: build --school, --jobs; merge (oko/district/)
    check = commands.add_parser("check", help="только проверить содержимое")
    common(check)
    check.add_argument("--report", action="store_true",
                       help="отчёт об открытости: раздел «Сведения об образовательной организации» и другое")
    check.add_argument("--report-format", choices=("text", "json", "html"), default="text", help="вид отчёта")
    check.add_argument("--report-out", type=Path, default=None, help="записать отчёт в файл (иначе — на экран)")
    importer = _importer(commands, "import-schedule", "перевести таблицу графика (XLSX, CSV) в YAML",
                         "файл .xlsx или .csv")
    importer.add_argument("--year", default=None, help="учебный год для дат без года, например 2025-2026")
    plan_importer = _importer(commands, "import-plan", "перевести план мероприятий из Word (.docx) в YAML",
                              "файл .docx")
    plan_importer.add_argument("--organisation", default=None, metavar="ИМЯ",
                               help="чей план: имя файла из content/organisations (по умолчанию — владелец сайта)")
    plan_importer.add_argument("--year", default=None, help="учебный год, если его нет в названии, например 2025-2026")
    _importer(commands, "import-results", "перевести книгу результатов (шаблон XLSX) в YAML",
              "файл .xlsx по шаблону результатов")
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


def _importer(commands: argparse._SubParsersAction, name: str, what: str, file_help: str) -> argparse.ArgumentParser:
    """An import-… command: the file, where the YAML goes, and how errors are reported."""
    importer = commands.add_parser(name, help=what)
    importer.add_argument("file", type=Path, help=file_help)
    importer.add_argument("--out", type=Path, default=None, help="куда записать YAML (по умолчанию — на экран)")
    importer.add_argument("--format", choices=sorted(REPORTERS), default=argparse.SUPPRESS,
                          help="вид отчёта об ошибках")
    return importer


def common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """--strict and --format, accepted before the command and after it (the later one wins)."""
    parser.add_argument("--strict", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="считать предупреждения ошибками")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text" if top else argparse.SUPPRESS,
                        help="вид отчёта: text (для людей), github (аннотации), json (для программ)")


class _LazyChoices:
    """argparse choices read only when they are checked or shown: `init --kind` takes the organisation kinds
    from their model, which loads pydantic — too heavy for every command's start. (The option needs a metavar:
    without one argparse lists the choices as soon as the option is added.)"""

    def __init__(self, load: Callable[[], list[str]]) -> None:
        self._load = load

    def __contains__(self, item: object) -> bool:
        return item in self._load()

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())


def _organisation_kinds() -> list[str]:
    from oko.kinds.organisations.model import OrganisationKind

    return [kind.value for kind in OrganisationKind]


def _init_arguments(parser: argparse.ArgumentParser) -> None:
    """`init` (oko/init/)."""
    parser.add_argument("folder", type=Path, metavar="ПАПКА", help="новая или пустая папка для сайта")
    parser.add_argument("--name", default=None, help="полное наименование организации, как в уставе")
    parser.add_argument("--short-name", default=None, help="сокращённое наименование, например МБОУ СОШ № 17")
    parser.add_argument("--inn", default=None, help="ИНН организации (10 цифр), необязательно")
    parser.add_argument("--locality", default=None, help="населённый пункт, например г. Заречный, необязательно")
    parser.add_argument("--kind", default="school", choices=_LazyChoices(_organisation_kinds), metavar="ТИП",
                        help="тип организации: %(choices)s (по умолчанию school — школа)")
    parser.add_argument("--slug", default=None, metavar="ИМЯ",
                        help="имя файла организации латиницей (по умолчанию — из сокращённого наименования)")
    parser.add_argument("--year", default=None, help="учебный год графика и плана (по умолчанию текущий), "
                                                     "например 2026-2027")
    parser.add_argument("--oko-source", default=None, metavar="СТРОКА",
                        help="строка requirements.txt, откуда ставить Око, например "
                             "«oko @ git+https://github.com/…/oko@v0.1.0»")


def _district_arguments(build: argparse.ArgumentParser, commands: argparse._SubParsersAction) -> None:
    """`build --school`, `build --jobs` and the `merge` command of a district project (oko/district/)."""
    build.add_argument("--school", default=None, metavar="ПАПКА",
                       help="проект района: собрать только эту школу (для своего домена школы или задания CI)")
    build.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="проект района: сколько школ собирать одновременно (по умолчанию — по числу ядер)")
    merge = commands.add_parser("merge", help="проект района: сайты школ (build --school) и страницы района — "
                                              "в один сайт")
    merge.add_argument("schools", type=Path, nargs="+", metavar="ПАПКА",
                       help="собранные сайты школ или папки, в которых они лежат")
    merge.add_argument("--out", type=Path, default=None, help="куда собрать (по умолчанию site/)")
    merge.add_argument("--wait", type=float, default=LOCK_WAIT, metavar="СЕКУНДЫ", help="сколько ждать чужую сборку")
    merge.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                       help="считать предупреждения ошибками")
    merge.add_argument("--format", choices=sorted(REPORTERS), default=argparse.SUPPRESS, help="вид отчёта")
