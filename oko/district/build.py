"""Building a district: each school by the ordinary pipeline into /<school>/, then the district's pages on top.

One run (`build`) = every school built into a staging folder (a process pool: schools are independent,
each reads only its own folder) + `assemble`; the CI matrix = `build --school` per job + `merge`, which
reads those per-school outputs and calls the same `assemble`, so both give the same bytes
(tests/test_district_merge.py).

Isolation: a school whose content has errors fails alone. Its previous pages (and summary) are taken from
the previously published site, the others are published, its errors are reported with its folder in
front of every file name, and the exit code is EXIT_PARTIAL. The whole site is still swapped in one step
(oko/write.py): `assemble` writes the district's files and, before the swap, links the schools' folders in.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from oko.config import SiteConfig
from oko.district.config import DistrictConfig, SchoolRef
from oko.district.kind import District
from oko.district.summary import SUMMARY_FILE, SchoolSummary, summarise
from oko.errors import Issue
from oko.files import scan_project
from oko.models.common import AcademicYear
from oko.pipeline import BuildResult, generate
from oko.project import CONFIG_FILE, Project, load_config
from oko.registry import register, unregister
from oko.search_index import search_files
from oko.sources import SourceDoc
from oko.write import MARKER, write_site
from oko.write_lock import LOCK_WAIT


@dataclass
class Loaded:
    """The district project's site_config.yaml, read before anything is built."""

    config: SiteConfig | None
    doc: SourceDoc | None
    issues: list[Issue]

    @property
    def district(self) -> DistrictConfig | None:
        return self.config.district if self.config else None


@dataclass
class Outcome:
    """One school after its build: its summary and pages (None when it failed), its issues (prefixed)."""

    school: SchoolRef
    issues: list[Issue]
    summary: SchoolSummary | None = None
    pages: Path | None = None  # the folder holding its built pages


def load_district(root: Path) -> Loaded:
    project = Project(root=root, tree=scan_project(root, top_files=(CONFIG_FILE,), folders=()))
    issues: list[Issue] = list(project.tree.issues)
    doc, config = load_config(project, issues)
    return Loaded(config, doc, issues)


def is_district(root: Path) -> bool:
    """site_config.yaml has `district:` (valid or not: a district's config errors are the district build's to say)."""
    loaded = load_district(root)
    data = loaded.doc.data if loaded.doc is not None else None
    return loaded.district is not None or (isinstance(data, dict) and "district" in data)


def year_name(year: AcademicYear) -> str:
    return f"{year.start}-{year.end}"


def folder_issues(root: Path, loaded: Loaded) -> list[Issue]:
    """Each school's folder must be a real folder inside the project (no symlink on the way) with site_config.yaml."""
    assert loaded.district is not None and loaded.doc is not None
    issues = []
    for index, school in enumerate(loaded.district.schools):
        problem = _folder_problem(root, school.folder)
        if problem:
            issues.append(loaded.doc.issue(problem, ("district", "schools", index, "folder"),
                                           hint="папка школы — как проект одной школы: site_config.yaml и content/ "
                                                "(создайте её командой init)"))
    return issues


def _folder_problem(root: Path, folder: str) -> str:
    path = root
    for part in folder.split("/"):
        path = path / part
        if path.is_symlink():
            return f"«{folder}»: «{part}» — символическая ссылка; папка школы должна лежать в проекте района"
        if not path.is_dir():
            return f"папки школы «{folder}» нет"
    if not (path / CONFIG_FILE).is_file() or (path / CONFIG_FILE).is_symlink():
        return f"в папке школы «{folder}» нет файла site_config.yaml"
    return ""


def prefixed(issues: list[Issue], folder: str) -> list[Issue]:
    """A school's issues named from the district's project: «schools/sosh-1/content/plans/x.yaml»."""
    return [dataclasses.replace(issue, file=f"{folder}/{issue.file}") for issue in issues]


def build_school(root: Path, school: SchoolRef, dest: Path | None, year: AcademicYear, strict: bool,
                 wait: float = LOCK_WAIT) -> Outcome:
    """One school by the ordinary pipeline, written (with its search index and summary) into dest.

    dest None: only checked (`check` on a district), nothing written.
    """
    result: BuildResult = generate(root / school.folder)
    issues = prefixed(result.issues, school.folder)
    if result.failed(strict) or result.project is None:
        return Outcome(school, issues)
    summary = summarise(school.name, school.folder, result.project, result.files, result.issues, year)
    if dest is not None:
        files = {**result.files, **search_files(result.files), SUMMARY_FILE: summary.to_bytes()}
        write_site(files, dest, wait=wait)
    return Outcome(school, issues, summary, dest)


def _build_one(args: tuple[Path, SchoolRef, Path | None, AcademicYear, bool]) -> Outcome:
    return build_school(*args)


def build_schools(root: Path, district: DistrictConfig, staging: Path | None, strict: bool,
                  jobs: int) -> list[Outcome]:
    """Every school into staging/<slug> (None: checked only): in a pool of `jobs` processes (1: in this one)."""
    tasks = [(root, school, staging / school.name if staging else None, district.academic_year, strict)
             for school in district.schools]
    if jobs <= 1 or len(tasks) <= 1:
        return [_build_one(task) for task in tasks]
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_build_one, tasks, chunksize=1))


def read_output(folder: Path, marked: bool = True) -> SchoolSummary | None:
    """The summary inside a school's built output, None if there is none.

    `marked`: the folder is a school's own output (build --school), with Око's marker; a school's folder
    inside a published district site has none (the site's root has it).
    """
    path = folder / SUMMARY_FILE
    if folder.is_symlink() or (marked and not (folder / MARKER).is_file()) or path.is_symlink() or not path.is_file():
        return None
    return SchoolSummary.from_bytes(path.read_bytes())


def keep_previous(outcome: Outcome, out: Path) -> Outcome:
    """A school that was not built now: its pages from the previously published site, when it has them."""
    previous = out / outcome.school.name
    summary = read_output(previous, marked=False) if (out / MARKER).is_file() else None
    if summary is None:
        failed = SchoolSummary(outcome.school.name, outcome.school.folder, outcome.school.name,
                               outcome.school.name, state="failed")
        return dataclasses.replace(outcome, summary=failed, pages=None)
    summary.state = "kept"
    return dataclasses.replace(outcome, summary=summary, pages=previous)


def district_result(root: Path, loaded: Loaded, summaries: list[SchoolSummary]) -> BuildResult:
    """The district's own site with its pages: the ordinary pipeline plus the district kind."""
    assert loaded.district is not None
    kind = District(summaries, year_name(loaded.district.academic_year))
    register(kind)
    try:
        result = generate(root)
    finally:
        unregister(kind.name)
    return result


def collisions(files: dict[str, bytes], loaded: Loaded) -> list[Issue]:
    """A school's address taken by one of the district's own pages or folders (/plans/, /files/, a page)."""
    assert loaded.district is not None and loaded.doc is not None
    taken = {path.split("/", 1)[0] for path in files if "/" in path}
    return [loaded.doc.issue(f"адрес школы /{school.name}/ занят страницами самого сайта района",
                             ("district", "schools", index), hint="укажите школе другой адрес: slug: …")
            for index, school in enumerate(loaded.district.schools) if school.name in taken]


def link_schools(outcomes: list[Outcome]) -> Callable[[Path], None]:
    """The `post` step of the district's write: each school's folder linked in (each has its own search index)."""

    def post(staging: Path) -> None:
        for outcome in outcomes:
            if outcome.pages is not None:
                _copy_tree(outcome.pages, staging / outcome.school.name)

    return post


def _copy_tree(source: Path, target: Path) -> None:
    """A school's output into the site: hard links where the file system allows (no bytes copied), else copies."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)

    shutil.copytree(source, target, symlinks=False, copy_function=link,
                    ignore=lambda folder, names: [MARKER] if Path(folder) == source else [])


def staging_folder(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.schools-", dir=out.parent))


def cpu_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
