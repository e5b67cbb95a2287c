"""`import-schedule` does bounded work whatever a file claims, reads Russian Excel's CSV, and speaks Russian.

Attack files are built here from a tiny real workbook by editing its XML: a cell at XFD1048576
under a <dimension> of A1:XFD1048576, a member that inflates past the limit (honestly declared or
lying), a DTD, a styles part of a hundred thousand elements. Memory is measured in a child process.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import yaml

from oko.importer import import_schedule
from oko.outputs.tables import csv_field
from oko.spreadsheets import choose_delimiter, read_sheets

ROOT = Path(__file__).resolve().parent.parent
SHEET = "xl/worksheets/sheet1.xml"
HEADER = ["Дата", "Класс", "Предмет", "Вид работы"]
MEASURE = """
import json, resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
print(json.dumps([result.returncode, result.stdout, result.stderr, peak]))
"""


def tiny_book() -> dict[str, bytes]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "График"
    sheet.append(HEADER)
    sheet.append(["14.10.2025", "5А", "Математика", "контрольная работа"])
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as source:
        return {name: source.read(name) for name in source.namelist()}


def edited_book(path: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in tiny_book().items():
            out.writestr(name, edit(name, data))
    return path


def in_sheet(old: str, new: str) -> Callable[[str, bytes], bytes]:
    """Replace `old` in the sheet's XML; openpyxl with lxml writes «А» as «&#1040;», so both spellings match."""

    def edit(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        text = data.decode()
        for spelling in (old, old.encode("ascii", "xmlcharrefreplace").decode()):
            if spelling in text:
                return text.replace(spelling, new, 1).encode()
        raise AssertionError(f"{old!r} is not in the sheet: the fixture no longer edits what it means to")

    return edit


def import_measured(path: Path) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak resident memory in MB) of `build.py import-schedule` alone."""
    command = [sys.executable, "-c", MEASURE, sys.executable, str(ROOT / "build.py"), "import-schedule", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=180, check=True)
    code, out, err, peak = json.loads(done.stdout)
    return code, out, err, peak // 1024


def messages(path: Path) -> list[str]:
    return [issue.message for issue in import_schedule(path)[1]]


def dimension_bomb(path: Path) -> Path:
    """5 KB on disk; claims A1:XFD1048576 and has a filled cell there."""
    def edit(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        text = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', data.decode())
        return text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                            "</c></row></sheetData>").encode()
    return edited_book(path, edit)


BEYOND = ("лист «График», ячейка {0}: за пределами того, что читает импорт, — не больше 20 000 строк и "
          "100 столбцов (до ячейки CV20000)")


def test_a_dimension_bomb_stays_small_and_is_refused_in_russian(tmp_path: Path) -> None:
    path = dimension_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 8_000
    code, out, err, peak = import_measured(path)
    assert code == 1 and out == ""
    assert peak < 200, f"{peak} MB"
    assert err.splitlines()[0] == "bomb.xlsx:1048576:16384: ошибка: " + BEYOND.format("XFD1048576")
    assert "Traceback" not in err


def test_a_filled_cell_just_past_a_limit_is_named(tmp_path: Path) -> None:
    row = edited_book(tmp_path / "row.xlsx", in_sheet("</sheetData>", '<row r="20001"><c r="A20001" t="inlineStr">'
                                                       "<is><t>x</t></is></c></row></sheetData>"))
    column = edited_book(tmp_path / "column.xlsx", in_sheet("</row></sheetData>", '<c r="CW2"><v>1</v></c>'
                                                            "</row></sheetData>"))
    assert messages(row) == [BEYOND.format("A20001")]
    assert messages(column) == [BEYOND.format("CW2")]
    # At the limit itself the cells are read; empty formatted cells far away do not count.
    edge = edited_book(tmp_path / "edge.xlsx", in_sheet("</sheetData>", '<row r="20000"><c r="A20000"><v>7</v></c>'
                                                        '<c r="CV20000"><v>1</v></c><c r="XFD20000" s="0"/></row>'
                                                        "</sheetData>"))
    assert messages(edge) == ["лист «График», ячейка A20000: не понято значение «7» (дата)",
                              "лист «График», ячейка B20000: пустая ячейка (класс)",
                              "лист «График», ячейка C20000: пустая ячейка (предмет)",
                              "лист «График», ячейка D20000: пустая ячейка (вид работы)"]
    [sheet] = read_sheets(edge, lambda rows: 0)
    assert (len(sheet.rows), len(sheet.rows[-1]), sheet.rows[-1][0], sheet.rows[-1][-1]) == (20_000, 100, 7, 1)


def test_a_zip_bomb_member_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "zipbomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in tiny_book().items():
            if name != SHEET:
                out.writestr(name, data)
        with out.open(SHEET, "w") as member:  # 200 MB of spaces: 200 KB compressed
            for _ in range(200):
                member.write(b" " * 2**20)
    assert path.stat().st_size < 1_000_000
    code, _, err, peak = import_measured(path)
    assert code == 1 and peak < 200, f"{peak} MB"
    assert err.splitlines()[0] == (
        "zipbomb.xlsx: ошибка: часть книги «xl/worksheets/sheet1.xml» после распаковки больше 50 МБ "
        "(заявлено 200 МБ) — это предел импорта: такого размера у графика не бывает")


def test_a_member_that_lies_about_its_size_is_refused(tmp_path: Path) -> None:
    honest = tmp_path / "honest.xlsx"
    with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in tiny_book().items():
            out.writestr(name, data if name != SHEET else data + b" " * 60 * 2**20)
    raw = bytearray(honest.read_bytes())
    # Rewrite the uncompressed size of the sheet (local header and central directory) to 4 KB.
    name = SHEET.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := raw.find(signature, at)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at:name_at + len(name)] == name:
                raw[at + offset:at + offset + 4] = (4096).to_bytes(4, "little")
            at += 4
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(raw))
    assert zipfile.ZipFile(liar).getinfo(SHEET).file_size == 4096
    assert messages(liar) == ["книга повреждена: не распаковывается её часть «xl/worksheets/sheet1.xml»"]


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
    path = edited_book(tmp_path / "dtd.xlsx", lambda name, data: laughs.encode() if name.endswith("workbook.xml")
                       else data)
    assert messages(path) == ["в части книги «xl/workbook.xml» есть объявление DOCTYPE или ENTITY, которого не "
                              "бывает в книгах Excel: файл не прочитан"]


def test_a_styles_bomb_is_refused(tmp_path: Path) -> None:
    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"</cellXfs>", b"<xf/>" * 100_001 + b"</cellXfs>") if name == "xl/styles.xml" else data
    assert messages(edited_book(tmp_path / "styles.xlsx", edit)) == [
        "книга повреждена: больше 100 000 элементов XML без единой ячейки в её части «xl/styles.xml»"]


def test_a_file_that_is_no_workbook_gets_a_russian_message(tmp_path: Path) -> None:
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # an OLE2 file: .xls or an encrypted book
    broken = edited_book(tmp_path / "broken.xlsx", in_sheet("</sheetData>", "<row><c>"))
    dangling = edited_book(tmp_path / "dangling.xlsx", in_sheet('t="inlineStr"><is><t>5А</t></is>', 't="s"><v>99</v>'))
    assert messages(old) == ["файл не является книгой Excel (.xlsx): возможно, это старый формат .xls или книга "
                             "защищена паролем"]
    assert messages(broken) == ["книга повреждена: ошибка в XML в её части «xl/worksheets/sheet1.xml»"]
    assert messages(dangling) == ["книга повреждена: Око не смогло её прочитать"]
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-schedule", str(dangling)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "dangling.xlsx: ошибка: книга повреждена: Око не смогло её прочитать",
        "      подсказка: откройте файл в Excel или LibreOffice и сохраните заново как «Книга Excel (.xlsx)»"]


def test_a_folder_or_a_missing_file_gets_a_russian_message(tmp_path: Path) -> None:
    (tmp_path / "folder.csv").mkdir()
    assert messages(tmp_path / "folder.csv") == ["файл не прочитан: это папка, а не файл (EISDIR)"]
    assert messages(tmp_path / "missing.xlsx") == ["файл не прочитан: его нет (ENOENT)"]


# --- CSV ---------------------------------------------------------------------------------------------

def procedures(path: Path) -> list[tuple[str, list[str], str, str, str | None]]:
    found, issues = import_schedule(path)
    assert issues == []
    return [(p.date.isoformat(), list(p.class_set.tokens), p.subject, p.kind.label, p.note) for p in found]


RUSSIAN_EXCEL = ('График оценочных процедур на 2025/2026 учебный год;;;;\r\n'
                 'Дата;Класс;Предмет;Вид работы;Примечание\r\n'
                 '14.10.2025;5А, 5Б, 5В;Математика;контрольная работа;"тема; дроби, десятичные"\r\n'
                 '15.10.2025;5А;Русский язык;диктант;"первая строка\r\nвторая строка"\r\n'
                 '16.10.2025;6А;Музыка;проверочная работа;"в кавычках ""Времена года""; устно"\r\n')
EXPECTED = [("2025-10-14", ["5А", "5Б", "5В"], "Математика", "контрольная работа", "тема; дроби, десятичные"),
            ("2025-10-15", ["5А"], "Русский язык", "диктант", "первая строка вторая строка"),
            ("2025-10-16", ["6А"], "Музыка", "проверочная работа", 'в кавычках "Времена года"; устно')]


def test_a_cp1251_semicolon_csv_with_quoted_fields_imports(tmp_path: Path) -> None:
    path = tmp_path / "grafik.csv"
    path.write_bytes(RUSSIAN_EXCEL.encode("cp1251"))
    assert procedures(path) == EXPECTED
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-schedule", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    items = yaml.safe_load(result.stdout)["procedures"]
    assert [(i["date"], i["classes"], i.get("note")) for i in items] == [
        ("14.10.2025", "5А, 5Б, 5В", "тема; дроби, десятичные"), ("15.10.2025", "5А", "первая строка вторая строка"),
        ("16.10.2025", "6А", 'в кавычках "Времена года"; устно')]


COMMAS = ('Дата,Класс,Предмет,Вид работы,Примечание\n'
          '14.10.2025,"5А, 5Б, 5В",Математика,контрольная работа,"тема; дроби, десятичные"\n'
          '15.10.2025,5А,Русский язык,диктант,"первая строка\nвторая строка"\n'
          '16.10.2025,6А,Музыка,проверочная работа,"в кавычках ""Времена года""; устно"\n')


def test_utf8_csv_with_or_without_bom_and_either_delimiter(tmp_path: Path) -> None:
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + COMMAS.encode("utf-8"))
    (tmp_path / "plain.csv").write_bytes(RUSSIAN_EXCEL.encode("utf-8"))
    (tmp_path / "unicode.csv").write_bytes(COMMAS.replace(",", "\t").replace("\t ", ", ").encode("utf-16"))
    for name in ("bom.csv", "plain.csv", "unicode.csv"):
        assert procedures(tmp_path / name) == EXPECTED, name


def test_the_header_decides_the_delimiter_and_a_semicolon_wins_a_tie(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"  # a title with commas above a «;» header: counting alone would pick «,»
    path.write_bytes("График, 2025/2026, утверждён приказом, № 5\r\nДата;Класс;Предмет;Вид работы\r\n"
                     "14.10.2025;5А, 5Б;Математика;контрольная работа\r\n".encode("cp1251"))
    assert procedures(path) == [("2025-10-14", ["5А", "5Б"], "Математика", "контрольная работа", None)]
    assert choose_delimiter("a,b;c\r\n", lambda rows: 0) == ";"
    assert choose_delimiter('"a;b;c",d,e\r\n', lambda rows: 0) == ","
    assert choose_delimiter('"a\nb;c",d\n;;\n', lambda rows: 0) == ","  # a quoted newline continues the record


def test_csv_limits_name_the_cell(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("Дата;Класс;Предмет\n" + "\n" * 19_999 + ";;x\n", encoding="utf-8")
    columns = tmp_path / "columns.csv"
    columns.write_text("Дата;Класс;Предмет\n" + ";" * 100 + "x\n", encoding="utf-8")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (20 * 2**20 + 1))
    field = tmp_path / "field.csv"
    field.write_text('Дата;Класс;Предмет\n"' + "x" * 200_000 + '"\n', encoding="utf-8")
    assert messages(rows) == ["лист «rows», ячейка C20001: за пределами того, что читает импорт, — не больше "
                              "20 000 строк и 100 столбцов (до ячейки CV20000)"]
    assert messages(columns) == ["лист «columns», ячейка CW2: за пределами того, что читает импорт, — не больше "
                                 "20 000 строк и 100 столбцов (до ячейки CV20000)"]
    assert messages(big) == ["файл больше 20 МБ — предел импорта (в файле 20 971 521 байт)"]
    assert messages(field) == ["строка 2: CSV не разобран — незакрытая кавычка или поле длиннее 128 килобайт"]


def test_an_undecodable_csv_gets_a_russian_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("Дата;Класс".encode("cp1251") + b"\x98")  # 0x98 is no character in Windows-1251
    assert messages(path) == ["не удалось определить кодировку файла: он не в UTF-8 и не в Windows-1251"]


def test_the_apostrophe_before_a_formula_like_text_is_dropped_on_import(tmp_path: Path) -> None:
    """Око's CSV writes «'=…» (tests/test_security_exports.py); importing it gives the text back."""
    note = '=HYPERLINK("http://example.invalid/";"x")'
    path = tmp_path / "back.csv"
    path.write_text(f'Дата;Класс;Предмет;Вид работы;Примечание\n14.10.2025;5А;Математика;контрольная работа;'
                    f'"{csv_field(note).replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8-sig")
    assert procedures(path) == [("2025-10-14", ["5А"], "Математика", "контрольная работа", note)]
