"""The demo schedule end to end: class pages, iCalendar, CSV, XLSX, JSON, and the spreadsheet import."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import icalendar
import openpyxl
import pytest
import yaml

from oko.importer import import_schedule
from oko.kinds.schedule.classes import parse_class_set
from oko.kinds.schedule.model import Procedure, ScheduleHeader, normalise_class
from oko.models.common import AcademicYear

ROOT = Path(__file__).resolve().parent.parent
YEAR_DIR = ROOT / "content" / "schedules" / "2026-2027"


def expected_dated() -> list[tuple[str, str, str, str]]:
    """expected_procedures() of the works with a day (not a window alone)."""
    classes = demo_classes()
    result = []
    for path in sorted(YEAR_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text("utf-8")).get("procedures", []):
            procedure = Procedure.model_validate(raw)
            if procedure.date:
                result += [(procedure.date.isoformat(), name, procedure.subject_text, procedure.kind.label)
                           for name in expand(procedure.classes, classes)]
    return sorted(result)


def demo_classes() -> list[str]:
    header = ScheduleHeader.model_validate(yaml.safe_load((YEAR_DIR / "schedule.yaml").read_text("utf-8")))
    return header.class_names()


def expand(text: str, classes: list[str]) -> list[str]:
    """The classes a written set covers, the way a reader would count them."""
    names = []
    for token in parse_class_set(text).tokens:
        names += [c for c in classes if re.match(rf"^{token}\D", c)] if token.isdigit() else [token]
    return names


def expected_procedures(last: bool = False) -> list[tuple[str, str, str, str]]:
    """(first day, class, subject as shown, kind label) for every procedure in the demo YAML, grades expanded.

    A window's first day is what tables and feeds start with; class pages mark a row by its last day.
    """
    classes = demo_classes()
    result = []
    for path in sorted(YEAR_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text("utf-8")).get("procedures", []):
            procedure = Procedure.model_validate(raw)
            day = procedure.last_day if last else procedure.first_day
            result += [(day.isoformat(), name, procedure.subject_text, procedure.kind.label)
                       for name in expand(procedure.classes, classes)]
    return sorted(result)


@pytest.fixture(scope="module")
def built(demo_site: Path) -> Path:
    return demo_site


def page_rows(page: Path) -> list[tuple[str, str, str]]:
    """(date, subject, kind) of each procedure row of a class page."""
    html = page.read_text("utf-8")
    rows = re.findall(r'<tr class="procedure" data-date="([\d-]+)">(.*?)</tr>', html, re.S)
    result = []
    for date, body in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        subject = re.sub(r"<[^>]+>", "", re.search(r"<strong>(.*?)</strong>", cells[1]).group(1)).strip()
        kind = re.sub(r"<[^>]+>", "", cells[2]).split(",")[0].strip()
        result.append((date, subject, kind))
    return result


def test_the_demo_schedule_is_big_enough_and_passes_every_rule(built: Path) -> None:
    procedures = expected_procedures()
    assert len(procedures) > 400
    assert {kind for *_, kind in procedures} >= {"ВПР", "контрольная работа"}
    grades = {int(re.match(r"\d+", name).group()) for _, name, _, _ in procedures}
    assert grades == set(range(2, 12))


def test_each_class_page_lists_exactly_that_classes_procedures(built: Path) -> None:
    expected = expected_procedures(last=True)
    for name in sorted({name for _, name, _, _ in expected}):
        slug = name.lower().replace("а", "a").replace("б", "b")
        rows = page_rows(built / "schedule" / "2026-2027" / slug / "index.html")
        assert sorted(rows) == sorted((d, s, k) for d, n, s, k in expected if n == name), name


def test_index_page_picks_a_class_in_one_tap(built: Path) -> None:
    html = (built / "schedule" / "index.html").read_text("utf-8")
    assert html.count('class="class-button"') == 20
    assert 'href="5a/"' in html  # the class's address without the year (tests/test_current_year.py)
    assert 'href="schedule/"' in (built / "index.html").read_text("utf-8")  # the main menu


def test_calendar_and_matrix_pages_show_every_procedure(built: Path) -> None:
    calendar_html = (built / "schedule" / "2026-2027" / "calendar" / "index.html").read_text("utf-8")
    matrix_html = (built / "schedule" / "2026-2027" / "matrix" / "index.html").read_text("utf-8")
    school = json.loads((built / "schedule" / "2026-2027" / "school.json").read_text("utf-8"))
    dated = [p for p in school["procedures"] if p["date"]]
    assert calendar_html.count('<li><span class="cal-classes">') == len(dated)  # a window is listed by month
    assert matrix_html.count("<abbr title=") == len(expected_dated())
    windows_only = len(expected_procedures()) - len(expected_dated())
    assert ('<abbr class="window"' in matrix_html) == (windows_only > 0)  # shown in each week of the window
    assert len(re.findall(r"<h2 id=\"m-", calendar_html)) == 9  # September to May


def read_calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_ics_feeds_parse_and_hold_all_day_events(built: Path) -> None:
    feed = read_calendar(built / "schedule" / "2026-2027" / "5a.ics")
    assert str(feed["X-WR-CALNAME"]) == "Оценочные процедуры 5А, 2026/2027"
    events = feed.walk("VEVENT")
    expected = [p for p in expected_procedures() if p[1] == "5А"]
    assert len(events) == len(expected)
    first = next(e for e in events if e["SUMMARY"] == "Русский язык: ВПР (5А)")
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
    assert end - start == dt.timedelta(days=1)
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert start == dt.date(2027, 4, 21)
    school = read_calendar(built / "schedule" / "2026-2027" / "school.ics")
    assert len(school.walk("VEVENT")) == len(json.loads((built / "schedule/2026-2027/school.json").read_text())
                                              ["procedures"])


def test_ics_uids_are_unique_and_stable_across_builds(built: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--out", str(second)], check=True,
                   capture_output=True, cwd=ROOT, timeout=180)
    for name in ("5a.ics", "11b.ics", "school.ics"):
        first_uids = [str(e["UID"]) for e in read_calendar(built / "schedule/2026-2027" / name).walk("VEVENT")]
        second_uids = [str(e["UID"]) for e in read_calendar(second / "schedule/2026-2027" / name).walk("VEVENT")]
        assert first_uids == second_uids
        assert len(set(first_uids)) == len(first_uids)
    for name in ("5a.xlsx", "school.xlsx", "school.csv"):
        digest = [hashlib.sha256((folder / "schedule/2026-2027" / name).read_bytes()).hexdigest()
                  for folder in (built, second)]
        assert digest[0] == digest[1], name


def test_csv_opens_with_the_csv_module_and_matches_the_yaml(built: Path) -> None:
    raw = (built / "schedule" / "2026-2027" / "school.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    found = sorted(
        (dt.datetime.strptime(row["Дата"].split("–")[0], "%d.%m.%Y").date().isoformat(), name, row["Предмет"],
         row["Вид работы"])
        for row in rows for name in expand(row["Классы"], demo_classes())
    )
    assert found == expected_procedures()


def test_xlsx_opens_with_openpyxl_and_matches_the_yaml(built: Path) -> None:
    sheet = openpyxl.load_workbook(built / "schedule" / "2026-2027" / "5a.xlsx").active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:4] == ("Дата", "Классы", "Предмет", "Вид работы")
    found = sorted(((row[0] if isinstance(row[0], dt.datetime) else dt.datetime.strptime(row[0].split("–")[0],
                    "%d.%m.%Y")).date().isoformat(), "5А", row[2], row[3]) for row in rows)
    assert found == [p for p in expected_procedures() if p[1] == "5А"]


def canonical(procedures: list[Procedure]) -> list[str]:
    """Every field but the id (tables do not carry it), comparable across files."""
    return sorted(repr(sorted(p.model_dump(exclude={"id"}).items())) for p in procedures)


def test_import_round_trip_yaml_to_xlsx_to_yaml(built: Path, tmp_path: Path) -> None:
    imported, issues = import_schedule(built / "schedule" / "2026-2027" / "school.xlsx")
    assert issues == []
    out = tmp_path / "imported.yaml"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-schedule",
                             str(built / "schedule" / "2026-2027" / "school.xlsx"), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    again = [Procedure.model_validate(item) for item in yaml.safe_load(out.read_text("utf-8"))["procedures"]]
    school = json.loads((built / "schedule/2026-2027/school.json").read_text("utf-8"))
    assert canonical(again) == canonical(imported)
    assert len(again) == len(school["procedures"])
    assert sorted((p.first_day.isoformat(), c, p.subject_text, p.kind.label) for p in again
                  for c in expand(p.classes, demo_classes())) == expected_procedures()
    # The CSV imports to the same procedures too.
    from_csv, issues = import_schedule(built / "schedule" / "2026-2027" / "school.csv")
    assert issues == [] and canonical(from_csv) == canonical(imported)


def test_import_reports_every_broken_cell_with_its_address(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "График"
    sheet.append(["Дата", "Класс", "Предмет", "Вид работы", "Урок"])
    sheet.append(["14.10.2025", "5А", "Математика", "контрольная работа", 3])
    sheet.append(["31.09.2025", "5А", "Русский язык", "диктант", 2])
    sheet.append(["15.10.2025", "пятый", "Математика", "контрольная работа", ""])
    sheet.append(["16.10.2025", "5Б", "Математика", "контрольная", "первый"])
    path = tmp_path / "grafik.xlsx"
    book.save(path)
    procedures, issues = import_schedule(path)
    assert len(procedures) == 1
    assert [issue.message for issue in issues] == [
        "лист «График», ячейка A3: не понято значение «31.09.2025» (дата)",
        "лист «График», ячейка B4: «пятый» не похоже на класс: пишите 5А (класс), 5 или «5-е классы» (параллель), "
        "5-9 (параллели с 5 по 9), через запятую: «5–7, 9» (класс)",
        "лист «График», ячейка D5: не понято значение «контрольная» (вид работы)",
        "лист «График», ячейка E5: не понято значение «первый» (урок)",
    ]
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-schedule", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "grafik.xlsx:3:1: ошибка: лист «График», ячейка A3" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_understands_a_class_by_subject_grid(tmp_path: Path) -> None:
    path = tmp_path / "grid.csv"
    path.write_text("Класс;Предмет;Сентябрь;Октябрь;Декабрь\n"
                    "5А;Математика;15;06, 24;\n"
                    "5Б;Русский язык;;14.10.2025;2x\n", encoding="cp1251")
    procedures, issues = import_schedule(path, AcademicYear(start=2025))
    assert sorted((p.date.isoformat(), p.classes, p.subject) for p in procedures) == [
        ("2025-09-15", "5А", "Математика"), ("2025-10-06", "5А", "Математика"),
        ("2025-10-14", "5Б", "Русский язык"), ("2025-10-24", "5А", "Математика"),
    ]
    assert all(p.kind.label == "контрольная работа" for p in procedures)
    assert [i.message for i in issues] == ["лист «grid», ячейка E3: не понята дата «2x»"]


def test_class_names_are_normalised() -> None:
    assert [normalise_class(name) for name in ("5а", "5 А", "5A", "10-б")] == ["5А", "5А", "5А", "10Б"]


def test_the_current_years_demo_shows_every_new_form_to_a_parent(built: Path) -> None:
    """Issue 12: a window, a day within a window, a complex work, subjects assigned later, class sets as written."""
    year = built / "schedule" / "2026-2027"

    def cells(slug: str) -> list[str]:
        html = (year / slug / "index.html").read_text("utf-8")
        return [re.sub(r"<[^>]+>", "", cell) for cell in
                re.findall(r'<td data-label="(?:Дата|Предмет)">(.*?)</td>', html, re.S)]

    fourth, fifth, second = cells("4a"), cells("5a"), cells("2b")
    assert "с 19 апреля по 19 мая (день назначит школа)" in fourth
    assert "Предмет по выбору ФИС ОКО (предмет определят позже, один из: окружающий мир, литературное чтение, " \
           "английский язык)" in fourth
    assert "5 мая, ср (срок: с 19 апреля по 19 мая)" in fifth
    assert "с 5 по 9 октября (день назначит школа)" in fifth  # the regional window for «5–7, 9»
    assert "Русский язык, Математика, Окружающий мир (комплексная работа)" in second
    year_page = (year / "index.html").read_text("utf-8")
    assert "региональная диагностическая работа, Математика (5–7, 9)" in year_page
    assert "(4-е классы)" in year_page
    assert (year / "overview" / "index.html").is_file()
    assert 'href="2026-2027/overview/"' in (built / "schedule" / "index.html").read_text("utf-8")
