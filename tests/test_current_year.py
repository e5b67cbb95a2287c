"""A demo that lives in the present (issue 14): the 2026-2027 year, the stale-year warning, class URLs sans year."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import yaml

from oko.kinds.schedule.assemble import _TRANSLIT, class_slug
from oko.kinds.schedule.stale import BUILD_DATE_VARIABLE, CODE
from oko.pipeline import generate
from tests.schedule_fixtures import make_school

ROOT = Path(__file__).resolve().parent.parent
CURRENT, PREVIOUS = "2026-2027", "2025-2026"
CURRENT_DIR = ROOT / "content" / "schedules" / CURRENT

# Days without lessons in 2026-2027 by the production calendar (ст. 112 ТК РФ; the sources are cited in
# content/schedules/2026-2027/schedule.yaml), written out here on their own to check the content against.
STATE_HOLIDAYS = {dt.date(2026, 11, 4), dt.date(2026, 12, 31), *(dt.date(2027, 1, d) for d in range(1, 11)),
                  dt.date(2027, 2, 23), dt.date(2027, 3, 8), dt.date(2027, 5, 3), dt.date(2027, 5, 10)}
QUARTERS = [(dt.date(2026, 9, 1), dt.date(2026, 10, 23)), (dt.date(2026, 11, 2), dt.date(2026, 12, 30)),
            (dt.date(2027, 1, 11), dt.date(2027, 3, 19)), (dt.date(2027, 3, 29), dt.date(2027, 5, 26))]
STALE_MESSAGE = ("учебный год 2026/2027 закончился 31.08.2027, а графика на 2027/2028 учебный год "
                 "нет: главная страница и страницы классов не покажут ближайших работ")

ONE_WORK = '- {date: "15.09.2025", classes: "5А", subject: Математика, kind: контрольная работа}\n'


def procedures(folder: Path) -> list[tuple[str, dict]]:
    return [(path.name, raw) for path in sorted(folder.glob("*.yaml"))
            for raw in yaml.safe_load(path.read_text("utf-8")).get("procedures", [])]


def procedure_dates(folder: Path) -> list[tuple[str, dt.date]]:
    """Every day a procedure names: its date, and the first and last day of its window."""
    found = []
    for name, raw in procedures(folder):
        days = [raw.get("date"), *(raw.get("window") or {}).values()]
        found += [(name, dt.datetime.strptime(day, "%d.%m.%Y").date()) for day in days if day]
    return found


def on_date(day: str, project: Path) -> subprocess.CompletedProcess[str]:
    """`build.py check` of a project, judged as if today were `day` (OKO_BUILD_DATE)."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "check"],
                          capture_output=True, text=True, env={**os.environ, BUILD_DATE_VARIABLE: day}, cwd=ROOT,
                          timeout=300)


# ---------------------------------------------------------------- the 2026-2027 content


def test_the_demo_is_on_2026_2027_and_keeps_2025_2026() -> None:
    years = sorted(path.name for path in (ROOT / "content" / "schedules").iterdir())
    assert years == [PREVIOUS, CURRENT]
    header = yaml.safe_load((CURRENT_DIR / "schedule.yaml").read_text("utf-8"))
    assert header["academic_year"] == CURRENT
    assert dt.datetime.strptime(header["approval"]["date"], "%d.%m.%Y").year == 2026
    assert [(p["start"], p["end"]) for p in header["periods"]] == \
        [(a.strftime("%d.%m.%Y"), b.strftime("%d.%m.%Y")) for a, b in QUARTERS]
    # The previous year's works, moved by 52 weeks, plus the new forms the current year shows
    # (a window of days and a complex work: tests/test_schedule_outputs.py).
    previous = procedures(ROOT / "content" / "schedules" / PREVIOUS)
    assert len(previous) == 333 and len(procedures(CURRENT_DIR)) >= len(previous)


def test_every_2026_2027_procedure_is_on_a_school_day_of_a_quarter() -> None:
    wrong = [(name, day.isoformat()) for name, day in procedure_dates(CURRENT_DIR)
             if day.weekday() >= 5 or day in STATE_HOLIDAYS or not any(a <= day <= b for a, b in QUARTERS)]
    assert wrong == []
    vpr = [day for name, day in procedure_dates(CURRENT_DIR) if name == "vpr.yaml"]
    assert min(vpr) >= dt.date(2027, 4, 19) and max(vpr) <= dt.date(2027, 5, 19)  # the window in its comment
    # the window's source, once the file's comment: comments are lost on a form save (docs/demo-content.md)
    assert "план школы до приказа Рособрнадзора" in (ROOT / "docs" / "demo-content.md").read_text("utf-8")


def test_the_holidays_of_the_schedule_are_the_production_calendars() -> None:
    header = yaml.safe_load((CURRENT_DIR / "schedule.yaml").read_text("utf-8"))
    single = {dt.datetime.strptime(h["start"], "%d.%m.%Y").date() for h in header["holidays"] if "end" not in h}
    assert single == {d for d in STATE_HOLIDAYS if d.month not in (12, 1)}  # the rest fall in the winter holidays
    winter = next(h for h in header["holidays"] if h["name"] == "Зимние каникулы")
    assert (winter["start"], winter["end"]) == ("31.12.2026", "10.01.2027")


# ---------------------------------------------------------------- the stale-year warning


def checked_on(project: Path, day: str) -> list[tuple[str, int | None, str, str, str, str]]:
    """The stale-year and build-date issues of an in-process check, as if today were `day`."""
    with mock.patch.dict(os.environ, {BUILD_DATE_VARIABLE: day}):
        issues = generate(project).issues
    return [(i.file, i.line, i.path, i.level, i.code, i.message) for i in issues
            if i.code == CODE or i.file == BUILD_DATE_VARIABLE]


def test_the_stale_warning_fires_on_a_past_year_project(tmp_path: Path) -> None:
    project = make_school(tmp_path / "school", ONE_WORK)
    assert checked_on(project, "2026-12-01") == [
        ("content/schedules/2025-2026/schedule.yaml", 1, "academic_year", "warning", CODE,
         "учебный год 2025/2026 закончился 31.08.2026, а графика на 2026/2027 учебный год нет: "
         "главная страница и страницы классов не покажут ближайших работ")]
    assert checked_on(project, "2026-08-31") == []  # the last day of the academic year
    # Years later the message names the academic year of the check date.
    assert "графика на 2028/2029 учебный год нет" in checked_on(project, "2029-02-10")[0][5]
    assert checked_on(project, "01.12.2026")[0] == (
        BUILD_DATE_VARIABLE, None, "", "warning", "", "переменная окружения OKO_BUILD_DATE=«01.12.2026» — не дата")
    done = on_date("2026-12-01", project=project)
    assert done.returncode == 0, done.stderr  # a warning only
    assert ("content/schedules/2025-2026/schedule.yaml:1:16: предупреждение: academic_year: учебный год 2025/2026 "
            "закончился 31.08.2026") in done.stderr
    assert "подсказка: добавьте папку content/schedules/2026-2027/ с файлом schedule.yaml" in done.stderr


def test_the_demo_warns_only_after_its_year_and_the_date_changes_no_output_byte() -> None:
    built = {}
    for day in ("2026-12-01", "2027-09-01"):  # the boundary day is tested on the small project above
        with mock.patch.dict(os.environ, {BUILD_DATE_VARIABLE: day}):
            built[day] = generate(ROOT)
    inside, after = built["2026-12-01"], built["2027-09-01"]
    assert [i for i in inside.issues if i.code == CODE] == []
    stale = [i for i in after.issues if i not in inside.issues]
    assert [(i.file, i.line, i.column, i.level, i.code, i.path, i.message, i.hint) for i in stale] == [
        (f"content/schedules/{CURRENT}/schedule.yaml", 1, 16, "warning", CODE, "academic_year", STALE_MESSAGE,
         "добавьте папку content/schedules/2027-2028/ с файлом schedule.yaml (периоды, каникулы, классы, часы) и "
         "процедурами; проверено на 01.09.2027")]
    assert not after.failed() and after.failed(strict=True)
    assert inside.files.keys() == after.files.keys()
    assert [name for name in inside.files if inside.files[name] != after.files[name]] == []


# ---------------------------------------------------------------- class addresses without the year


def page_rows(html: str) -> list[str]:
    return re.findall(r'<tr class="procedure" data-date="[\d-]+">.*?</tr>', html, re.S)


def test_every_class_has_a_page_without_the_year_with_the_current_years_content(demo_site: Path) -> None:
    classes = json.loads((demo_site / "schedule" / CURRENT / "school.json").read_text("utf-8"))["classes"]
    assert len(classes) == 20
    for name in classes:
        slug = class_slug(name)
        stable = (demo_site / "schedule" / slug / "index.html").read_text("utf-8")
        dated = (demo_site / "schedule" / CURRENT / slug / "index.html").read_text("utf-8")
        old = (demo_site / "schedule" / PREVIOUS / slug / "index.html").read_text("utf-8")
        assert page_rows(stable) == page_rows(dated) and page_rows(stable), name
        assert page_rows(stable) != page_rows(old), name
        assert "canonical" not in stable  # it is the canonical address; without a base_url it cannot say so absolutely
        assert '<link rel="canonical" href="../../' + slug + '/">' in dated
        assert "canonical" not in old
        assert "Сохраните эту страницу в закладки: адрес не меняется" in stable
        assert "адрес не меняется" not in old and "адрес не меняется" not in dated.replace("он не меняется", "")
        assert f'<a href="../../{slug}/">текущий график {name} класса</a>' in old
        # The «Обновлено» line is left out of the index on every page; the stable page's content is indexed.
        assert '<div data-pagefind-ignore="all">' in dated and 'data-pagefind-ignore="all"' not in stable


def test_links_from_a_stable_page_resolve(demo_site: Path) -> None:
    page = demo_site / "schedule" / "7a" / "index.html"
    html = page.read_text("utf-8")
    links = set(re.findall(r'href="([^"#:]+)"', html))
    assert "../2026-2027/7a.ics" in links and "../2026-2027/7a.xlsx" in links
    missing = [link for link in links
               if not any((page.parent / link / name).resolve().is_file() for name in ("", "index.html"))]
    assert missing == []


def test_the_site_links_the_current_classes_at_their_stable_address(demo_site: Path) -> None:
    index = (demo_site / "schedule" / "index.html").read_text("utf-8")
    buttons = re.findall(r'<a class="class-button" href="([^"]+)">', index)
    assert buttons == [f"{class_slug(n)}/" for n in
                       json.loads((demo_site / "schedule" / CURRENT / "school.json").read_text("utf-8"))["classes"]]
    year = (demo_site / "schedule" / CURRENT / "index.html").read_text("utf-8")
    assert 'href="../5a/"' in year and 'href="5a/"' not in year
    matrix = (demo_site / "schedule" / CURRENT / "matrix" / "index.html").read_text("utf-8")
    assert 'href="../../5a/"' in matrix and 'href="../5a/"' not in matrix
    archive = (demo_site / "schedule" / PREVIOUS / "index.html").read_text("utf-8")
    assert 'href="5a/"' in archive  # the old year's picker keeps its own pages
    home = (demo_site / "index.html").read_text("utf-8")
    assert 'data-schedule="schedule/2026-2027/school.json" data-class-base="schedule/"' in home


def test_the_home_scripts_transliteration_is_class_slugs() -> None:
    script = (ROOT / "templates" / "assets" / "home.js").read_text("utf-8")
    table = re.search(r"var latin = (\{.*?\});", script, re.S).group(1)
    assert json.loads(table) == _TRANSLIT


def test_the_canonical_address_is_absolute_with_a_base_url(demo_project: Path) -> None:
    base_url = "https://school.example/"
    config = demo_project / "site_config.yaml"
    config.write_text(config.read_text("utf-8") + f'base_url: "{base_url}"\n', encoding="utf-8")
    with mock.patch.dict(os.environ, {BUILD_DATE_VARIABLE: "2026-12-01"}):
        result = generate(demo_project)
    assert not result.failed(), result.issues
    for path in ("schedule/5a/index.html", f"schedule/{CURRENT}/5a/index.html"):
        assert f'<link rel="canonical" href="{base_url}schedule/5a/">' in result.files[path].decode()
