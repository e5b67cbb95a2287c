"""`oko init ПАПКА`: a new school's site that builds at once, with everything left to fill named by `check`.

Init is not a build: it may read the clock (the current academic year is the default) and ask questions, but
only when a person is at the terminal (sys.stdin.isatty()); otherwise the flags say everything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from oko.exit_codes import EXIT_OK, EXIT_USAGE
from oko.init.repository import oko_source, repository_files
from oko.init.skeleton import School, content_files, current_academic_year, year_name
from oko.init.sveden import sveden_files
from oko.kinds.organisations.model import checked_inn
from oko.models.common import AcademicYear, parse_academic_year

KEPT = frozenset({".git"})  # an empty repository just cloned is still an empty folder
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                   "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"], strict=True))


class InitError(Exception):
    """What stops init, in Russian: a non-empty folder, a missing name, a wrong ИНН."""


def slug_of(text: str) -> str:
    """«МБОУ СОШ № 17» → «mbou-sosh-17»: the organisation's file name and the plan's."""
    latin = "".join(_LATIN.get(char, char) for char in text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    return slug[:60].rstrip("-") or "school"


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise InitError(f"«{folder}» — файл, а не папка: укажите новую или пустую папку")
    if folder.is_dir():
        present = sorted(path.name for path in folder.iterdir() if path.name not in KEPT)
        if present:
            shown = ", ".join(present[:5]) + (" …" if len(present) > 5 else "")
            raise InitError(f"папка «{folder}» не пуста (в ней: {shown}): новый сайт создаётся только в новой "
                            "или пустой папке, чтобы не затереть ничьи файлы")


def _ask(question: str, default: str | None, required: bool, ask: Callable[[str], str]) -> str | None:
    suffix = f" [{default}]" if default else (" (Enter — пропустить)" if not required else "")
    while True:
        answer = ask(f"{question}{suffix}: ").strip() or default
        if answer or not required:
            return answer or None
        sys.stderr.write("Это поле нужно заполнить.\n")


def gather(args: argparse.Namespace, interactive: bool, ask: Callable[[str], str] = input) -> School:
    """The organisation from the flags, asking for what is missing when a person is at the terminal."""
    name, short_name, inn, locality = args.name, args.short_name, args.inn, args.locality
    if interactive:
        name = name or _ask("Полное наименование организации", None, True, ask)
        short_name = short_name or _ask("Сокращённое наименование", None, True, ask)
        inn = inn or _ask("ИНН организации", None, False, ask)
        locality = locality or _ask("Населённый пункт", None, False, ask)
    if not name:
        raise InitError("не указано наименование организации: добавьте --name \"…\" и --short-name \"…\" "
                        "(в терминале Око спросит само)")
    short_name = short_name or name
    if inn:
        try:
            checked_inn(inn.strip())
        except ValueError as exc:  # PydanticCustomError is a ValueError
            raise InitError(f"--inn: {exc}") from None
    slug = args.slug or slug_of(short_name)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise InitError(f"--slug «{slug}»: имя файла пишется латинскими строчными буквами, цифрами и дефисами")
    return School(slug, name.strip(), short_name.strip(), args.kind, locality, inn.strip() if inn else None)


def _year(text: str | None, today: dt.date) -> AcademicYear:
    if text is None:
        return current_academic_year(today)
    try:
        return parse_academic_year(text)
    except (ValueError, ValidationError):
        raise InitError(f"--year «{text}» — не учебный год; пример: 2026-2027") from None


def site_files(school: School, year: AcademicYear, source: str | None) -> dict[str, str]:
    """Every file of the new site but the schemas, path → text."""
    known = {"fullName": school.name, "shortName": school.short_name}
    return {**content_files(school, year), **sveden_files(known), **repository_files(source)}


def write_site(folder: Path, files: dict[str, str]) -> None:
    from oko.schemas import write_schemas

    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_schemas(folder)  # the editors' schemas of this Око's models (.vscode/settings.json maps them)


def run_init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    try:
        _check_folder(folder)
        school = gather(args, sys.stdin.isatty())
        year = _year(args.year, dt.date.today())
    except InitError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return EXIT_USAGE
    source = args.oko_source or oko_source()
    files = site_files(school, year, source)
    write_site(folder, files)
    sys.stderr.write(f"Сайт создан в «{folder}»: {school.short_name}, {year_name(year)} учебный год.\n"
                     f"Дальше: cd {folder} && oko build — и откройте site/index.html;\n"
                     "oko check --report покажет, какие «Сведения» осталось заполнить.\n")
    if source is None:
        sys.stderr.write("предупреждение: в requirements.txt не указано, откуда ставить Око — впишите строку "
                         "«oko @ …» (или запустите init с --oko-source), иначе проверка на GitHub не запустится\n")
    return EXIT_OK
