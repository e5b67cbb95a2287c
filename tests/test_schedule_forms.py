"""Issue 12's schedule forms, each rendered where it appears: windows of dates, complex works, subjects
assigned later, class sets as ranges and lists; the months × levels overview; import-schedule round trips.

One build of a small school (tests/schedule_forms_fixture.py) serves every rendering test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import icalendar
import openpyxl
import pytest
import yaml

from oko.importer import import_schedule, procedures_yaml
from oko.kinds.schedule.classes import parse_class_set
from oko.kinds.schedule.model import Procedure
from oko.pipeline import BuildResult
from tests.schedule_fixtures import build
from tests.schedule_forms_fixture import HEADER, PROCEDURES

YEAR = "schedule/2025-2026/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build(tmp_path_factory.mktemp("forms"), PROCEDURES, header=HEADER)
    assert result.issues == []
    return result


def text(result: BuildResult, path: str) -> str:
    return result.files[YEAR + path].decode("utf-8")


def rows(html: str) -> list[tuple[str, str, str]]:
    """(data-date, date cell, subject cell) of each procedure row of a class page, markup kept."""
    found = re.findall(r'<tr class="procedure" data-date="([\d-]+)">\s*<td data-label="Дата">(.*?)</td>\s*'
                       r'<td data-label="Предмет">(.*?)</td>', html, re.S)
    return [(date, when, subject) for date, when, subject in found]


def test_class_sets_parse_into_classes_and_never_into_grade_59() -> None:
    assert parse_class_set("5-9").tokens == ("5", "6", "7", "8", "9")
    assert parse_class_set("5–7, 9").tokens == ("5", "6", "7", "9")
    assert parse_class_set("5-е классы").tokens == ("5",)
    assert parse_class_set("все 5–9").tokens == ("5", "6", "7", "8", "9")
    assert parse_class_set("4-8-х и 10-х классов").tokens == ("4", "5", "6", "7", "8", "10")
    assert parse_class_set("5А–5В").tokens == ("5А", "5Б", "5В")
    assert parse_class_set("10-б, 7").tokens == ("10Б", "7")
    assert parse_class_set("5-9").ranged == frozenset({5, 6, 7, 8, 9})


def test_a_window_is_shown_on_the_class_page(site: BuildResult) -> None:
    page = rows(text(site, "9a/index.html"))
    assert page[0] == (
        "2025-10-17",
        'с <time datetime="2025-10-13">13</time> по <time datetime="2025-10-17">17 октября</time> '
        '<span class="muted">(день назначит школа)</span>',
        "<strong>Математика</strong>")


def test_a_day_chosen_within_a_window_shows_both(site: BuildResult) -> None:
    [*_, chosen] = rows(text(site, "5a/index.html"))
    assert chosen[:2] == (
        "2026-04-21",
        '<time datetime="2026-04-21">21 апреля</time>, вт <span class="muted">(срок: с <time datetime="2026-04-13">'
        '13 апреля</time> по <time datetime="2026-05-15">15 мая</time>)</span>')


def test_a_subject_assigned_later_shows_on_the_class_page(site: BuildResult) -> None:
    [*_, pending] = rows(text(site, "5b/index.html"))
    assert pending[2] == ('<strong>Предмет 1 (по выбору ФИС ОКО)</strong> <span class="muted">(предмет определят '
                          'позже, один из: история, биология)</span>')
    [*_, assigned] = rows(text(site, "6a/index.html"))
    assert assigned[2] == "<strong>История — Предмет 1 (по выбору ФИС ОКО)</strong>"
    [*_, window_only] = rows(text(site, "7a/index.html"))
    assert window_only[2] == ('<strong>Предмет 2 (по выбору ФИС ОКО)</strong> <span class="muted">(предмет '
                              'определят позже)</span>')


def test_a_complex_work_shows_all_its_subjects(site: BuildResult) -> None:
    [complex_work] = [row for row in rows(text(site, "4a/index.html")) if row[0] == "2026-02-10"]
    assert complex_work[2] == ('<strong>Русский язык, Математика, Окружающий мир</strong> '
                               '<span class="muted">(комплексная работа)</span>')


def test_class_sets_reach_every_class_they_name(site: BuildResult) -> None:
    dictation = {name: any(row[0] == "2025-11-12" for row in rows(text(site, f"{name}/index.html")))
                 for name in ("4a", "5a", "5b", "6a", "7a", "9a")}
    assert dictation == {"4a": True, "5a": True, "5b": True, "6a": True, "7a": True, "9a": True}
    assert [row[0] for row in rows(text(site, "4a/index.html"))] == ["2025-11-12", "2026-02-10"]


def test_the_year_page_lists_windows_as_written(site: BuildResult) -> None:
    items = re.findall(r'<li class="window-item">(.*?)</li>', text(site, "index.html"))
    plain = [re.sub(r"<[^>]+>", "", item) for item in items]
    assert plain == [
        "региональная диагностическая работа, Математика (5-9): с 13 по 17 октября 2025 г.; день назначит школа",
        "ВПР, Предмет 2 (по выбору ФИС ОКО) (все 7, 9): с 13 апреля по 15 мая 2026 г.; день назначит школа",
        "ВПР, Предмет 1 (по выбору ФИС ОКО) (5-е классы): с 13 апреля по 15 мая 2026 г., в школе — 21 апреля 2026 г.",
        "ВПР, История — Предмет 1 (по выбору ФИС ОКО) (6): с 13 апреля по 15 мая 2026 г., в школе — 22 апреля 2026 г.",
    ]
    assert 'href="overview/"' in text(site, "index.html")


def test_the_calendar_shows_a_window_once_per_month_it_spans(site: BuildResult) -> None:
    html = text(site, "calendar/index.html")
    months = dict(re.findall(r'<h2 id="m-(\d+-\d+)">.*?</h2>(.*?)</section>', html, re.S))
    windows = {key: [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(с .*?)</li>", body)]
               for key, body in months.items()}
    assert windows["2025-10"] == ["с 13 по 17 октября: 5-9 Математика (региональная диагностическая работа)"]
    assert windows["2026-4"] == windows["2026-5"] == [
        "с 13 апреля по 15 мая: все 7, 9 Предмет 2 (по выбору ФИС ОКО) (ВПР)"]
    assert windows["2025-11"] == []
    assert '<span class="cal-classes">4–7, 9</span> Русский язык' in months["2025-11"]


def test_the_overview_counts_procedures_by_month_and_level(site: BuildResult) -> None:
    html = text(site, "overview/index.html")
    table = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", html)]
    table = [[re.sub(r"<[^>]+>", "", cell) for cell in row] for row in table]
    assert table == [
        ["Месяц", "НОО", "ООО", "Всего"],
        ["Сентябрь 2025", "0", "0", "0"], ["Октябрь 2025", "0", "1", "1"],
        ["Ноябрь 2025", "1", "1", "1"],  # «4–7, 9»: in both levels, once in all
        ["Декабрь 2025", "0", "0", "0"], ["Январь 2026", "0", "0", "0"], ["Февраль 2026", "1", "0", "1"],
        ["Март 2026", "0", "0", "0"], ["Апрель 2026", "0", "3", "3"], ["Май 2026", "0", "0", "0"],
        ["За год", "2", "5", "6"],
    ]
    assert 'href="2025-2026/overview/"' in site.files["schedule/index.html"].decode("utf-8")


EXPECTED_ROWS = [
    ["13.10.2025–17.10.2025", "5-9", "Математика", "региональная диагностическая работа", "региональный", 45, "",
     "", "", "13.10.2025–17.10.2025", "", ""],
    ["12.11.2025", "4–7, 9", "Русский язык", "диктант", "школьный", 45, "", "", "", "", "", ""],
    ["10.02.2026", "4", "Русский язык, Математика, Окружающий мир", "комплексная работа", "школьный", 45, "", "", "",
     "", "", ""],
    ["13.04.2026–15.05.2026", "все 7, 9", "Предмет 2 (по выбору ФИС ОКО)", "ВПР", "федеральный", 45, "", "", "",
     "13.04.2026–15.05.2026", "Предмет 2 (по выбору ФИС ОКО)", ""],
    ["21.04.2026", "5-е классы", "Предмет 1 (по выбору ФИС ОКО)", "ВПР", "федеральный", 45, "", "", "",
     "13.04.2026–15.05.2026", "Предмет 1 (по выбору ФИС ОКО)", "История, Биология"],
    ["22.04.2026", "6", "История", "ВПР", "федеральный", 45, "", "", "", "13.04.2026–15.05.2026",
     "Предмет 1 (по выбору ФИС ОКО)", "История, Биология"],
]


def test_csv_holds_every_form_as_written(site: BuildResult) -> None:
    reader = csv.reader(io.StringIO(site.files[YEAR + "school.csv"].decode("utf-8-sig")), delimiter=";")
    header, *data = list(reader)
    assert header[9:] == ["Сроки проведения", "Предмет определяется позже", "Предметы на выбор"]
    assert data == [[str(cell) for cell in row] for row in EXPECTED_ROWS]


def test_xlsx_holds_every_form_as_written(site: BuildResult, tmp_path: Path) -> None:
    path = tmp_path / "school.xlsx"
    path.write_bytes(site.files[YEAR + "school.xlsx"])
    _, *data = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    found = [[cell.strftime("%d.%m.%Y") if isinstance(cell, dt.datetime) else ("" if cell is None else cell)
              for cell in row] for row in data]
    assert found == EXPECTED_ROWS


def events(site: BuildResult, name: str) -> dict[str, icalendar.Event]:
    feed = icalendar.Calendar.from_ical(site.files[YEAR + name])
    return {str(event["SUMMARY"]): event for event in feed.walk("VEVENT")}


def test_ics_holds_a_window_as_one_multi_day_all_day_event(site: BuildResult) -> None:
    found = events(site, "9a.ics")
    window = found["Математика: региональная диагностическая работа (9А)"]
    assert (window.decoded("DTSTART"), window.decoded("DTEND")) == (dt.date(2025, 10, 13), dt.date(2025, 10, 18))
    assert window["DTSTART"].params["VALUE"] == "DATE"
    assert str(window["DESCRIPTION"]).split("\n")[:2] == [
        "Срок проведения: с 13 по 17 октября 2025 г.", "Точный день назначит школа в пределах срока"]
    later = found["Предмет 2 (по выбору ФИС ОКО): ВПР (9А)"]
    assert (later.decoded("DTSTART"), later.decoded("DTEND")) == (dt.date(2026, 4, 13), dt.date(2026, 5, 16))


def test_ics_names_complex_works_later_subjects_and_class_sets(site: BuildResult) -> None:
    school = events(site, "school.ics")
    assert sorted(school) == [
        "История — Предмет 1 (по выбору ФИС ОКО): ВПР (6)",
        "Математика: региональная диагностическая работа (5-9)",
        "Предмет 1 (по выбору ФИС ОКО): ВПР (5-е классы)",
        "Предмет 2 (по выбору ФИС ОКО): ВПР (все 7, 9)",
        "Русский язык, Математика, Окружающий мир: комплексная работа (4)",
        "Русский язык: диктант (4–7, 9)",
    ]
    pending = school["Предмет 1 (по выбору ФИС ОКО): ВПР (5-е классы)"]
    assert str(pending["DESCRIPTION"]).split("\n")[1] == "Предмет определят позже; один из: История, Биология"
    assert str(school["Русский язык, Математика, Окружающий мир: комплексная работа (4)"]["DESCRIPTION"]) \
        .startswith("Предметы: Русский язык, Математика, Окружающий мир\n")


def test_filling_in_a_later_subject_changes_nothing_else(site: BuildResult, tmp_path: Path) -> None:
    assigned = PROCEDURES.replace('subject_later: {label: "Предмет 2', 'subject: Биология, subject_later: {label: '
                                  '"Предмет 2')
    again = build(tmp_path, assigned, header=HEADER)
    assert again.issues == []
    before, after = events(site, "7a.ics"), events(again, "7a.ics")
    assert str(after["Биология — Предмет 2 (по выбору ФИС ОКО): ВПР (7А)"]["UID"]) == \
        str(before["Предмет 2 (по выбору ФИС ОКО): ВПР (7А)"]["UID"])  # a subscribed phone updates the event
    assert rows(again.files[YEAR + "7a/index.html"].decode())[-1][2] == \
        "<strong>Биология — Предмет 2 (по выбору ФИС ОКО)</strong>"


def source_procedures() -> list[Procedure]:
    return [Procedure.model_validate(item) for item in yaml.safe_load("procedures:\n" + PROCEDURES)["procedures"]]


def canonical(procedures: list[Procedure]) -> list[dict]:
    return sorted((p.model_dump(exclude={"id"}) for p in procedures), key=repr)


@pytest.mark.parametrize("name", ["school.xlsx", "school.csv"])
def test_every_form_round_trips_yaml_to_the_sites_table_to_yaml(site: BuildResult, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(site.files[YEAR + name])
    imported, issues = import_schedule(path)
    assert issues == []
    written = procedures_yaml(imported, name)
    again = [Procedure.model_validate(item) for item in yaml.safe_load(written)["procedures"]]
    assert canonical(again) == canonical(imported) == canonical(source_procedures())
    assert "classes: 5-9\n" in written and "59" not in written


def test_import_reads_real_spreadsheet_forms(tmp_path: Path) -> None:
    path = tmp_path / "vpr.csv"
    path.write_text("Дата;Класс;Предмет;Вид работы\n"
                    "с 11 по 15 апреля 2026 г.;5-9;Математика;ВПР\n"
                    "11.04–16.05.2026;4-8-х и 10-х;Русский язык;ВПР\n"
                    "14.10.2025;5–7, 9;Русский язык, Литература;комплексная работа\n", encoding="utf-8")
    procedures, issues = import_schedule(path)
    assert issues == []
    assert [(p.window.short if p.window else p.date, p.classes, p.subject_text, p.class_set.tokens)
            for p in procedures] == [
        ("11.04.2026–15.04.2026", "5-9", "Математика", ("5", "6", "7", "8", "9")),
        ("11.04.2026–16.05.2026", "4-8-х и 10-х", "Русский язык", ("4", "5", "6", "7", "8", "10")),
        (dt.date(2025, 10, 14), "5–7, 9", "Русский язык, Литература", ("5", "6", "7", "9")),
    ]


def test_import_names_cells_that_are_wrong_in_the_new_forms(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "График"
    sheet.append(["Дата", "Класс", "Предмет", "Вид работы", "Сроки проведения"])
    sheet.append([dt.datetime(2026, 5, 9), dt.datetime(2026, 5, 9), "Математика", "ВПР", None])
    sheet.append(["14.10.2025", "59", "Математика", "ВПР", None])
    sheet.append([None, "5", "Математика", "ВПР", "с 15 по 11 апреля 2026"])
    sheet.append([None, "5", "Математика", "ВПР", "весной"])
    sheet.append(["20.04.2026", "5", "Математика", "ВПР", "11.04.2026–15.04.2026"])
    path = tmp_path / "grafik.xlsx"
    book.save(path)
    procedures, issues = import_schedule(path)
    assert procedures == []
    assert [(issue.line, issue.column, issue.message) for issue in issues] == [
        (2, 2, "лист «График», ячейка B2: в ячейке классов дата «09.05.2026» — похоже, Excel превратил диапазон "
               "классов (например, 5-9) в дату"),
        (3, 2, "лист «График», ячейка B3: «59»: параллели 59 нет — бывают с 1 по 11 (диапазон пишется через дефис: "
               "5-9) (класс)"),
        (4, 5, "лист «График», ячейка E4: срок проведения: окончание 11.04.2026 не позже начала 15.04.2026 — для "
               "одного дня пишите date (срок проведения)"),
        (5, 5, "лист «График», ячейка E5: не понят срок проведения «весной»"),
        (6, 1, "лист «График», ячейка A6: дата 20.04.2026 вне срока проведения 11.04.2026 – 15.04.2026"),
    ]
