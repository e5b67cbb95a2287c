"""`build` on a district project, `build --school`, and `merge`: exit 0 all built, 3 partial, 1 nothing, 2 usage."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from oko.district.build import (
    Loaded,
    Outcome,
    build_school,
    build_schools,
    collisions,
    cpu_jobs,
    district_result,
    folder_issues,
    is_district,
    keep_previous,
    link_schools,
    load_district,
    read_output,
    staging_folder,
)
from oko.district.config import SchoolRef
from oko.errors import Issue, report, sorted_issues
from oko.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from oko.ru import count
from oko.search_index import search_files
from oko.write import OutputFolderError, check_output_folder, write_site
from oko.write_lock import LOCK_WAIT, OutputLockedError

NOT_BUILT = "Сайт района не собран, прежняя версия не тронута.\n"


def dispatch(args: argparse.Namespace, project: Path) -> int | None:
    """build, merge, check (and serve) on a district project; None when the project is no district (a school's)."""
    district = is_district(project)
    if args.command == "serve":
        if not district:
            return None
        sys.stderr.write("ошибка: просмотр с автообновлением — для одной школы: build.py --project ПАПКА_ШКОЛЫ serve; "
                         "сайт района целиком собирает build\n")
        return EXIT_USAGE
    if args.command == "check":
        if not district:
            return None
        if args.report:  # the openness report is a school's: the district's table is /district/
            sys.stderr.write("ошибка: отчёт об открытости составляется для школы: "
                             "build.py --project ПАПКА_ШКОЛЫ check --report\n")
            return EXIT_USAGE
        return run_district_check(project, args.strict, args.format, cpu_jobs())
    if args.command == "build" and not district and not args.school:
        return None
    if not district:
        sys.stderr.write("ошибка: в site_config.yaml нет раздела district: — это не проект района\n")
        return EXIT_USAGE
    out = args.out or project / "site"
    if args.command == "merge":
        return run_merge(project, args.schools, out, args.strict, args.format, args.wait)
    if args.school:
        return run_school_build(project, args.school, out, args.strict, args.format, args.wait)
    return run_district_build(project, out, args.strict, args.format, args.wait, args.jobs or cpu_jobs())


def _loaded(project: Path, fmt: str) -> Loaded | None:
    loaded = load_district(project)
    if loaded.district is not None:
        loaded.issues += folder_issues(project, loaded)
    if any(issue.is_error for issue in loaded.issues) or loaded.district is None:
        report(sorted_issues(loaded.issues), fmt)
        sys.stderr.write(NOT_BUILT)
        return None
    return loaded


def _usable_out(out: Path, project: Path) -> bool:
    try:
        check_output_folder(out, project)
    except OutputFolderError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return False
    return True


def run_district_build(project: Path, out: Path, strict: bool, fmt: str, wait: float = LOCK_WAIT,
                       jobs: int = 1) -> int:
    """Every school, then the district's pages, published as one site."""
    if not _usable_out(out, project):
        return EXIT_USAGE
    loaded = _loaded(project, fmt)
    if loaded is None:
        return EXIT_CONTENT
    assert loaded.district is not None
    staging = staging_folder(out)
    try:
        outcomes = build_schools(project, loaded.district, staging, strict, jobs)
        return assemble(project, loaded, outcomes, out, strict, fmt, wait)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_district_check(project: Path, strict: bool, fmt: str, jobs: int = 1) -> int:
    """`check` on a district: every school and the district's pages, nothing written; 1 on any error."""
    loaded = _loaded(project, fmt)
    if loaded is None:
        return EXIT_CONTENT
    assert loaded.district is not None
    outcomes = build_schools(project, loaded.district, None, strict, jobs)
    built = [o.summary for o in outcomes if o.summary is not None]
    district = district_result(project, loaded, built)
    issues = district.issues + [issue for o in outcomes for issue in o.issues]
    report(sorted_issues(district.issues) + sorted_issues(_shown(issues[len(district.issues):], fmt)), fmt)
    _school_lines(outcomes, [], fmt)  # a check publishes nothing: no «kept» lines
    failed = district.failed(strict) or len(built) < len(outcomes)
    if not failed and fmt == "text":
        sys.stderr.write(f"Проверка пройдена: школ — {len(outcomes)}, страницы района собираются.\n")
    return EXIT_CONTENT if failed else EXIT_OK


def run_school_build(project: Path, folder: str, out: Path, strict: bool, fmt: str, wait: float = LOCK_WAIT) -> int:
    """One school's own output (its own domain, or one job of a CI matrix): 0 built, 1 errors."""
    loaded = _loaded(project, fmt)
    if loaded is None:
        return EXIT_CONTENT
    assert loaded.district is not None
    school = next((s for s in loaded.district.schools if folder.strip("/") in (s.folder, s.name)), None)
    if school is None:
        names = ", ".join(s.folder for s in loaded.district.schools)
        sys.stderr.write(f"ошибка: школы «{folder}» нет в site_config.yaml района; есть: {names}\n")
        return EXIT_USAGE
    if not _usable_out(out, project / school.folder):
        return EXIT_USAGE
    try:
        outcome = build_school(project, school, out, loaded.district.academic_year, strict, wait)
    except OutputLockedError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return EXIT_CONTENT
    report(outcome.issues, fmt)
    if outcome.summary is None:
        sys.stderr.write(f"Сайт школы {school.folder} не собран, прежняя версия не тронута.\n")
        return EXIT_CONTENT
    sys.stderr.write(f"Сайт школы собран: {out}/ (для своего домена или для merge)\n")
    return EXIT_OK


def run_merge(project: Path, inputs: list[Path], out: Path, strict: bool, fmt: str, wait: float = LOCK_WAIT) -> int:
    """Per-school outputs (`build --school`, e.g. a CI matrix's artifacts) + the district's pages → one site."""
    if not _usable_out(out, project):
        return EXIT_USAGE
    loaded = _loaded(project, fmt)
    if loaded is None:
        return EXIT_CONTENT
    assert loaded.district is not None
    found: dict[str, tuple[Path, object]] = {}
    for folder in _school_outputs(inputs):
        summary = read_output(folder)
        if summary is not None:
            found[summary.slug] = (folder, summary)
    outcomes = []
    for school in loaded.district.schools:
        if school.name in found:
            folder, summary = found[school.name]
            outcomes.append(Outcome(school, [], summary, folder))  # type: ignore[arg-type]
        else:
            outcomes.append(Outcome(school, [Issue("error", school.folder, "нет собранного сайта этой школы среди "
                                                   "папок merge", hint="соберите его: build --school "
                                                   f"{school.folder} --out ПАПКА")]))
    return assemble(project, loaded, outcomes, out, strict, fmt, wait)


def _shown(issues: list[Issue], fmt: str) -> list[Issue]:
    """For people (text), the schools' errors only — their warnings are counted per school; programs get all."""
    return [issue for issue in issues if issue.is_error] if fmt == "text" else issues


def _school_outputs(inputs: list[Path]) -> list[Path]:
    """Each given folder, or each folder inside it (a CI job's downloaded artifacts, one folder per school)."""
    folders: list[Path] = []
    for path in inputs:
        if read_output(path) is not None:
            folders.append(path)
        elif path.is_dir() and not path.is_symlink():
            folders += sorted(child for child in path.iterdir() if child.is_dir() and read_output(child) is not None)
    return folders


def assemble(project: Path, loaded: Loaded, outcomes: list[Outcome], out: Path, strict: bool, fmt: str,
             wait: float) -> int:
    """The district's pages over the schools' outcomes, written with the schools' folders in one swap."""
    failed = [o.school for o in outcomes if o.summary is None]
    outcomes = [o if o.summary is not None else keep_previous(o, out) for o in outcomes]
    issues = [issue for o in outcomes for issue in o.issues]
    if len(failed) == len(outcomes):
        report(sorted_issues(issues), fmt)
        sys.stderr.write("Ни одна школа не собрана. " + NOT_BUILT)
        return EXIT_CONTENT
    district = district_result(project, loaded, [o.summary for o in outcomes if o.summary is not None])
    district_issues = district.issues + (collisions(district.files, loaded) if not district.failed(strict) else [])
    report(sorted_issues(district_issues) + sorted_issues(_shown(issues, fmt)), fmt)
    if district.failed(strict) or any(issue.is_error for issue in district_issues):
        sys.stderr.write("Ошибки в содержимом самого района. " + NOT_BUILT)
        return EXIT_CONTENT
    try:
        write_site({**district.files, **search_files(district.files)}, out, post=link_schools(outcomes), wait=wait,
                   on_wait=lambda: sys.stderr.write(f"Жду: в папку «{out}» уже собирает сайт другая сборка…\n"))
    except (OutputFolderError, OutputLockedError) as exc:
        sys.stderr.write(f"ошибка: {exc}\n{NOT_BUILT}")
        return EXIT_CONTENT
    _school_lines(outcomes, failed, fmt)
    built = len(outcomes) - len(failed)
    sys.stderr.write(f"Сайт района собран: {out}/ (школ обновлено: {built} из {len(outcomes)})\n")
    return EXIT_PARTIAL if failed else EXIT_OK


def _school_lines(outcomes: list[Outcome], failed: list[SchoolRef], fmt: str) -> None:
    """Per school: its warnings counted (text), and what was published of a school that failed."""
    for o in outcomes:
        warnings = count(sum(1 for i in o.issues if not i.is_error), "предупреждение", "предупреждения",
                         "предупреждений")
        if fmt == "text" and any(not i.is_error for i in o.issues):
            sys.stderr.write(f"Школа {o.school.folder}: {warnings} (подробно: build --school {o.school.folder})\n")
        if o.school in failed:
            errors = count(sum(1 for i in o.issues if i.is_error), "ошибка", "ошибки", "ошибок")
            kept = ("опубликована прежняя версия её страниц" if o.pages is not None
                    else "её страниц на сайте нет (прежней версии не было)")
            sys.stderr.write(f"Школа {o.school.folder} (/{o.school.name}/): {errors} — сайт школы не обновлён, "
                             f"{kept}.\n")
