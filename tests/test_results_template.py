"""The results template: written and read back equal, deterministic, every bad cell reported by its address."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from oko.results.model import ProcedureResults
from oko.results.template import import_results
from oko.results.template_write import template_bytes

FULL = {
    "procedure": "vpr-math-5", "kind": "ВПР", "subject": "Математика", "date": "15.04.2026", "grade": 5,
    "max_score": 8, "boundaries": {3: 3, 4: 5, 5: 7}, "tasks": [{"id": "1"}, {"id": "2", "max_score": 2}],
    "groups": [
        {"group": "5А", "participants": 4, "marks": {2: 1, 3: 2, 4: 1}, "scores": {1: 1, 3: 1, 4: 1, 5: 1},
         "success": 75, "mean_mark": 3.0, "tasks": {"1": 80.5, "2": 40},
         "journal_marks": {3: {2: 1, 3: 1}, 4: {3: 1, 4: 1}}, "shift": {"lowered": 2, "confirmed": 2, "raised": 0},
         "journal_scores": {3: {1: 1, 3: 1}, 4: {4: 1, 5: 1}}},
        {"group": "5Б", "participants": 2, "marks": {5: 2}, "scores": {8: 2}, "tasks": {"1": 100, "2": 100}}],
    "reference": [{"level": "region", "name": "Свердловская обл.", "participants": 1000,
                   "shares": {2: 10, 3: 40, 4: 35.5, 5: 14.5}, "mean_score": 4.2, "score_sd": 1.9,
                   "tasks": {"1": 70, "2": 50.5}, "shift": {"lowered": 20, "confirmed": 70, "raised": 10}}],
}


def test_the_template_round_trips(tmp_path: Path) -> None:
    result = ProcedureResults.model_validate(FULL)
    path = tmp_path / "results.xlsx"
    path.write_bytes(template_bytes(result))
    back, issues = import_results(path)
    assert issues == []
    assert back == result
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Работа", "Отметки", "Баллы", "Журнал", "Журнал и отметки", "Журнал и баллы",
                               "Задания", "Сравнение"]
    marks = [list(row) for row in book["Отметки"].iter_rows(values_only=True)]
    assert marks == [["Класс", "Кол-во участников", 2, 3, 4, 5, "Успеваемость, %", "Средняя отметка"],
                     ["5А", 4, 1, 2, 1, 0, 75, 3], ["5Б", 2, 0, 0, 0, 2, None, None]]


def test_the_template_bytes_are_deterministic() -> None:
    result = ProcedureResults.model_validate(FULL)
    first = template_bytes(result)
    assert first == template_bytes(result)
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_no_text_becomes_a_formula(tmp_path: Path) -> None:
    result = ProcedureResults.model_validate({**FULL, "subject": "=HYPERLINK(\"http://x\")"})
    data = template_bytes(result)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    path = tmp_path / "r.xlsx"
    path.write_bytes(data)
    back, issues = import_results(path)
    assert issues == [] and back is not None and back.subject == "=HYPERLINK(\"http://x\")"


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


INFO = [["Поле", "Значение"], ["Вид работы", "ВПР"], ["Предмет", "Математика"], ["Дата", "15.04.2026"],
        ["Параллель", 5], ["Максимальный балл", 8], ["Шкала перевода", "3: 3; 4: 5; 5: 7"]]


def test_bad_cells_are_reported_by_their_address(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    write_book(path, {"Работа": INFO, "Отметки": [["Класс", "Кол-во участников", 2, 3, 4, 5],
                                                 ["5А", 4, 1, "три", 1, 0], ["5Б", 2.5, 0, 0, 0, 2]],
                      "Баллы": [["Класс", 0, 1, 2], ["5В", 1, 0, 0]]})
    result, issues = import_results(path)
    assert result is None
    assert [(i.line, i.column, i.message) for i in issues] == [
        (2, 4, "лист «Отметки», ячейка D2: не понято значение «три»: ожидается целое неотрицательное число "
               "(количество участников)"),
        (3, 2, "лист «Отметки», ячейка B3: не понято значение «2.5»: ожидается целое неотрицательное число "
               "(количество участников)"),
        (2, 1, "лист «Баллы», ячейка A2: класса «5В» нет на листе «Отметки»")]


def test_counts_that_do_not_add_up_point_at_their_row(tmp_path: Path) -> None:
    path = tmp_path / "sums.xlsx"
    write_book(path, {"Работа": INFO, "Отметки": [["Класс", "Кол-во участников", 2, 3, 4, 5, "Успеваемость, %"],
                                                 ["5А", 4, 1, 2, 1, 0, 80]],
                      "Баллы": [["Класс", 0, 1, 2, 3, 4, 5], ["5А", 0, 1, 0, 1, 1, 0]]})
    result, issues = import_results(path)
    assert result is None
    assert [i.message for i in issues] == [
        "лист «Баллы», ячейка A2: 5А: по баллам 3, а участников 4",
        "лист «Отметки», ячейка G2: 5А: успеваемость указана 80, а по количествам выходит 75"]


def test_a_missing_field_and_missing_sheets(tmp_path: Path) -> None:
    path = tmp_path / "short.xlsx"
    write_book(path, {"Работа": [row for row in INFO if row[0] != "Предмет"],
                      "Отметки": [["Класс", "Кол-во участников", 2, 3, 4, 5], ["5А", 1, 0, 1, 0, 0]]})
    assert [i.message for i in import_results(path)[1]] == ["не заполнено «Предмет»"]
    write_book(path, {"Лист1": [["Класс"]]})
    assert [i.message for i in import_results(path)[1]] == ["в книге нет листа «Работа»",
                                                            "в книге нет листа «Отметки»"]
    csv = tmp_path / "r.csv"
    csv.write_text("Класс;2\n", encoding="utf-8")
    assert [i.message for i in import_results(csv)[1]] == ["шаблон результатов — книга Excel (.xlsx)"]


def test_a_blank_template_reads_back_as_empty_classes(tmp_path: Path) -> None:
    from oko.results.template_write import blank_template_bytes

    path = tmp_path / "blank.xlsx"
    path.write_bytes(blank_template_bytes("ВПР", "Русский язык", "20.04.2026", 6, ["6А", "6Б"], max_score=3))
    result, issues = import_results(path)
    assert issues == [] and result is not None
    assert [(g.group, g.participants, g.marks, g.scores) for g in result.groups] == [
        ("6А", 0, {}, {}), ("6Б", 0, {}, {})]
    rows = list(load_workbook(path, read_only=True)["Баллы"].iter_rows(values_only=True))
    assert rows == [("Класс", 0, 1, 2, 3), ("6А", 0, 0, 0, 0), ("6Б", 0, 0, 0, 0)]
