"""The domain corpus: N schools' worth of Око content, committed to a fresh git repository.

Око has one organisation per site today, so "a school's worth" is the demo's content volume:
school 1 is the demo itself; school k (k ≥ 2) adds copies with ids suffixed «-s<k>» of its
organisations and plans, criteria (links and `inherits` renamed), Markdown pages (off the menu), and
the document registry's entries with their files; its schedule (the demo's newest academic year, found
in content/schedules), ВПР year and demo versions become the k-1-th academic year after the demo's
newest, every date moved by whole weeks (weekdays, quarters and holidays keep their relations, so the
schedule rules still hold). «Сведения» are one set per site: the demo's teaching staff joins the staff
list once per school, and the documents they draw on are copied. Each school is one commit with a fixed
date, so the «обновлено» dates from git are real and the same on every run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
YEARS = re.compile(r"^(20\d\d)-(20\d\d)$")
DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")
FIRST_COMMIT = dt.datetime(2025, 9, 1, 10, 0, 0, tzinfo=dt.UTC)


def newest_year() -> int:
    """The first calendar year of the demo's newest academic year (its newest schedule folder, «2026-2027»):
    copies go after it, so no school's copy overwrites a year the demo has."""
    return max(int(match[1]) for path in (DEMO / "schedules").iterdir() if (match := YEARS.match(path.name)))


def _spring_year(school: int) -> int:
    """The calendar year in which school `school`'s academic year ends (ВПР and demo versions are named by it)."""
    return newest_year() + school


def _newest_named(folder: Path, pattern: str) -> tuple[Path, int]:
    """The file of `folder` whose name ends with the largest year, and that year."""
    named = [(int(match[1]), path) for path in sorted(folder.glob(pattern))
             if (match := re.search(r"(\d{4})$", path.stem))]
    year, path = max(named)
    return path, year


def weeks_shift(years: int) -> dt.timedelta:
    """Whole weeks closest to `years` years, never earlier (a school year must not start in August)."""
    days = 365.2425 * years
    return dt.timedelta(weeks=-(-days // 7))


def shift_dates(text: str, years: int) -> str:
    """Every dd.mm.yyyy moved by weeks_shift(years); «2025-2026» and «2026» moved by whole years."""
    delta = weeks_shift(years)

    def moved(match: re.Match[str]) -> str:
        day = dt.date(int(match[3]), int(match[2]), int(match[1])) + delta
        return day.strftime("%d.%m.%Y")

    text = DATE.sub(moved, text)
    text = re.sub(r"\b(20\d\d)-(20\d\d)\b", lambda m: f"{int(m[1]) + years}-{int(m[2]) + years}", text)
    return re.sub(r"\b(year: )(20\d\d)\b", lambda m: f"{m[1]}{int(m[2]) + years}", text)


def _ids(folder: Path, pattern: str) -> list[str]:
    return sorted(path.stem for path in folder.glob(pattern))


def _rename(text: str, ids: list[str], suffix: str, forms: tuple[str, ...]) -> str:
    """Replace each id in the given forms ("{}" is the id) with id+suffix."""
    for name in ids:
        for form in forms:
            text = text.replace(form.format(name), form.format(name + suffix))
    return text


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def add_copies(content: Path, school: int) -> None:
    """Copy school 1's plans, organisations, criteria, pages and documents with the «-s<school>» suffix."""
    suffix = f"-s{school}"
    organisations = _ids(DEMO / "organisations", "*.yaml")
    for name in organisations:
        shutil.copy(DEMO / "organisations" / f"{name}.yaml", content / "organisations" / f"{name}{suffix}.yaml")
    for plan in sorted((DEMO / "plans").glob("*.yaml")):
        text = _rename(plan.read_text(encoding="utf-8"), organisations, suffix, ("organisation: {}\n",))
        _write(content / "plans" / f"{plan.stem}{suffix}.yaml", text)
    criteria = _ids(DEMO / "criteria", "*.md")
    for name in criteria:
        text = (DEMO / "criteria" / f"{name}.md").read_text(encoding="utf-8")
        _write(content / "criteria" / f"{name}{suffix}.md",
               _rename(text, criteria, suffix, ("inherits: {}\n", "]({}.md)")))
    for page in sorted((DEMO / "pages").glob("*.md")):
        if page.stem != "index":
            text = re.sub(r"^menu(_title)?: .*\n", "", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
            _write(content / "pages" / f"{page.stem}{suffix}.md", text)
    _add_documents(content, suffix)


def _add_documents(content: Path, suffix: str) -> None:
    """Append the registry's entries again with new ids and files (the files copied beside)."""
    _, _, entries = (DEMO / "documents.yaml").read_text(encoding="utf-8").partition("documents:\n")
    ids = re.findall(r"^  - id: (\S+)$", entries, flags=re.MULTILINE)
    files = re.findall(r"^    file: files/(\S+)$", entries, flags=re.MULTILINE)
    for name in files:
        stem, dot, ext = name.rpartition(".")
        shutil.copy(DEMO / "files" / name, content / "files" / f"{stem}{suffix}{dot}{ext}")
    copied = _rename(entries, ids, suffix, ("  - id: {}\n",))
    copied = re.sub(r"^(    file: files/\S+?)(\.\w+)$", rf"\g<1>{suffix}\g<2>", copied, flags=re.MULTILINE)
    registry = content / "documents.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").rstrip("\n") + "\n" + copied, encoding="utf-8")


def add_year(content: Path, school: int) -> None:
    """School `school`'s schedule, ВПР year and demo versions: the demo's newest, moved `school - 1` years
    after the demo's newest academic year (the ВПР and demo versions to the spring of that year)."""
    newest = newest_year()
    years = school - 1
    source = DEMO / "schedules" / f"{newest}-{newest + 1}"
    target = content / "schedules" / f"{newest + years}-{newest + years + 1}"
    for path in sorted(source.glob("*.yaml")):
        _write(target / path.name, shift_dates(path.read_text(encoding="utf-8"), years))
    vpr, year = _newest_named(DEMO / "vpr", "*.yaml")
    shift = _spring_year(school) - year
    _write(content / "vpr" / f"{year + shift}.yaml", shift_dates(vpr.read_text(encoding="utf-8"), shift))
    kinds = {re.sub(r"-\d{4}$", "", path.stem) for path in (DEMO / "demos").glob("*.yaml")}
    for kind in sorted(kinds):
        path, year = _newest_named(DEMO / "demos", f"{kind}-*.yaml")
        shift = _spring_year(school) - year
        _write(content / "demos" / f"{kind}-{year + shift}.yaml", shift_dates(path.read_text(encoding="utf-8"), shift))


def add_staff(content: Path) -> None:
    """«Сведения» are one set per site: each school adds the demo's teaching staff to the staff list
    (content/sveden/employees.yaml ends with that list), so their page grows with N like the rest."""
    _, marker, staff = (DEMO / "sveden" / "employees.yaml").read_text(encoding="utf-8").partition("teachingStaff:\n")
    if not marker:
        raise ValueError("content/sveden/employees.yaml: нет списка teachingStaff")
    target = content / "sveden" / "employees.yaml"
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + staff, encoding="utf-8")


def _git(repo: Path, *args: str, when: dt.datetime | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, env=env, check=True,
                   capture_output=True, timeout=120)


def make_domain_corpus(target: Path, schools: int) -> Path:
    """A git repository at target with the demo project and schools-1 more schools' worth, one commit each."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yaml", target / "site_config.yaml")
    shutil.copytree(DEMO, target / "content")
    _git(target, "init", "--quiet", "--initial-branch=main")
    _git(target, "add", "--all")
    _git(target, "commit", "--quiet", "-m", "school 1: the demo", when=FIRST_COMMIT)
    for school in range(2, schools + 1):
        add_copies(target / "content", school)
        add_year(target / "content", school)
        add_staff(target / "content")
        _git(target, "add", "--all")
        _git(target, "commit", "--quiet", "-m", f"school {school}", when=FIRST_COMMIT + dt.timedelta(days=school))
    return target


def edited_file(project: Path, schools: int) -> Path:
    """The file the one-file scenario edits: the last school's copy of the site owner's newest plan."""
    suffix = "" if schools == 1 else f"-s{schools}"
    return project / "content" / "plans" / f"{owner_plan().stem}{suffix}.yaml"


def owner_plan() -> Path:
    """The demo's newest plan of the organisation site_config.yaml names (the school the site is of)."""
    owner = re.search(r"^organisation: (\S+)", (ROOT / "site_config.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    assert owner is not None, "site_config.yaml: нет поля organisation"
    plans = [path for path in sorted((DEMO / "plans").glob("*.yaml"))
             if f"\norganisation: {owner[1]}\n" in path.read_text(encoding="utf-8")]
    return max(plans, key=lambda path: re.sub(r"^.*?(\d{4}-\d{4})$", r"\1", path.stem))


def edit_plan(path: Path, mark: str) -> str:
    """Put mark at the end of the plan's title (written back as the forms write it); the plan's URL path is returned."""
    from oko.fmt import canonical_yaml, load_like_the_forms

    data = load_like_the_forms(path.read_text(encoding="utf-8"))
    data["title"] = re.sub(r" \(правка [^)]*\)$", "", data["title"]) + f" (правка {mark})"
    path.write_text(canonical_yaml(data, "plan"), encoding="utf-8")
    return f"plans/{path.stem}/"
