"""`import-plan`: Word plans (.docx) → plan YAML.

The five seed plans are rebuilt as the Word files a school has (tests/fixtures_docx.py: merged «Задачи»
cells, section rows merged across, page-broken rows, multi-paragraph cells) and imported back: every
item, the title, the approval block and the goals must equal what content/plans encodes by hand.
Broken tables must give the exact located errors; the written YAML must pass `build.py check`.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from oko.errors import Issue
from oko.import_plan import import_plan, plan_yaml, run_import_plan
from oko.import_plan.document import Paragraph as ReadParagraph
from oko.import_plan.document import Table as ReadTable
from oko.import_plan.document import body_blocks
from oko.import_plan.package import open_document
from oko.kinds.plans.model import Plan
from oko.models.deadline import DEADLINE_HINT
from tests.conftest import ROOT
from tests.fixtures_docx import SEED_DOCUMENTS, Para, Table, build_seed_docx, cell, write_docx

ORGANISATIONS = {"kirov-sosh-34-2023-2024": "kirov-sosh-34", "kozulsky-uo-2022-2023": "kozulsky-uo",
                 "ooosh-9-2023-2024": "ooosh-9", "zato-solnechny-2022-2023": "zato-solnechny",
                 "sosnovoborsk-ko-2020-2021": "sosnovoborsk-ko"}
# Counted by hand in the seeds (as tests/test_build.py does): 10, 15, 3+5+3+4+2, 2+5+8+4, 12.
COUNTS = {"kirov-sosh-34-2023-2024": 10, "kozulsky-uo-2022-2023": 15, "ooosh-9-2023-2024": 17,
          "zato-solnechny-2022-2023": 19, "sosnovoborsk-ko-2020-2021": 12}
# For each seed, the item that comes out of merged or broken Word structure: (index among all items, why).
MERGED = {
    "kirov-sosh-34-2023-2024": 9,  # the last row, still under the «Задачи» cell merged down from row 1
    "kozulsky-uo-2022-2023": 1,  # row 2, broken by a page in every column
    "ooosh-9-2023-2024": 15,  # the first item under «5. Информационное сопровождение ВПР», a heading over table 2
    "zato-solnechny-2022-2023": 1,  # item 1.2: deadline and responsible merged down from item 1.1
    "sosnovoborsk-ko-2020-2021": 1,  # «КО ГМК, ГМО ОО, ШМО»: five responsible without all the commas
}
HEADER = [cell("№"), cell("Мероприятие"), cell("Сроки"), cell("Ответственные"), cell("Результат")]
TITLE = Para("План мероприятий на 2025-2026 учебный год")


def items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return plan["items"] + [item for section in plan["sections"] for item in section["items"]]


def imported(path: Path, organisation: str = "demo-school") -> tuple[dict[str, Any] | None, list[Issue]]:
    return import_plan(path, organisation)


def as_model(data: dict[str, Any]) -> dict[str, Any]:
    """The plan as the site sees it (deadlines parsed, texts stripped); abbreviations are not imported."""
    return Plan.model_validate(data).model_dump(exclude={"abbreviations"})


def located(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(issue.level, issue.message) for issue in issues]


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {plan_id: build_seed_docx(plan_id, folder) for plan_id in SEED_DOCUMENTS}


# ---------------------------------------------------------------- the five seeds


@pytest.mark.parametrize("plan_id", sorted(SEED_DOCUMENTS))
def test_seed_items_equal_content_plans(seed_files: dict[str, Path], plan_id: str) -> None:
    data, issues = imported(seed_files[plan_id], ORGANISATIONS[plan_id])
    assert issues == []
    assert data is not None
    expected = as_model(yaml.safe_load((ROOT / "content" / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8")))
    got = as_model(data)
    got_items, expected_items = items(got), items(expected)
    assert len(got_items) == len(expected_items) == COUNTS[plan_id]
    for index in (0, -1, MERGED[plan_id]):
        assert got_items[index] == expected_items[index], index
    assert got_items == expected_items
    assert [s["title"] for s in got["sections"]] == [s["title"] for s in expected["sections"]]
    assert got == expected  # title, year, approval, goals and grouping too


def test_samples_read_from_merged_and_broken_cells(seed_files: dict[str, Path]) -> None:
    kirov = imported(seed_files["kirov-sosh-34-2023-2024"])[0]
    assert kirov is not None and kirov["grouping"] == "tasks"
    assert [s["title"] for s in kirov["sections"]] == [
        "Формирование позитивного отношения к вопросам объективной оценки результатов обучения"]
    zato = imported(seed_files["zato-solnechny-2022-2023"])[0]
    assert zato is not None and zato["grouping"] == "directions"
    first, second = zato["sections"][0]["items"]
    assert (second["deadline"], second["responsible"]) == (first["deadline"], first["responsible"]) == (
        "в течении 10 календарных дней после получения результатов независимой оценочной процедуры",
        [{"position": "Образовательная организация"}])
    kozulsky = imported(seed_files["kozulsky-uo-2022-2023"])[0]
    assert kozulsky is not None
    row2 = kozulsky["items"][1]
    assert row2["result"] == "Методическая координация Деятельности по вопросам ВСОКО"
    assert row2["responsible"] == [
        {"name": "Шилова Э.И.", "position": "начальник методического отдела управления образования"},
        {"name": "Землянова Н.В.",
         "position": "начальник отдела общего и дополнительного образования и воспитания управления образования"},
        {"position": "руководители ОО"}]
    assert kozulsky["items"][6]["activity"].split("\n")[:2] == [
        "Проверка общеобразовательных организаций в части:", "-наличия нормативно-правовой документации ВСОКО;"]
    ooosh = imported(seed_files["ooosh-9-2023-2024"])[0]
    assert ooosh is not None
    assert ooosh["sections"][-1]["title"] == "Информационное сопровождение ВПР"
    assert ooosh["approval"]["considered"] == {"body": "педагогический совет", "protocol": "1", "date": "29.08.2023"}


def test_fixtures_are_deterministic(seed_files: dict[str, Path], tmp_path: Path) -> None:
    for plan_id, built in seed_files.items():
        assert build_seed_docx(plan_id, tmp_path).read_bytes() == built.read_bytes(), plan_id


def test_merges_are_read_from_the_xml_not_from_repeated_cells(seed_files: dict[str, Path]) -> None:
    """python-docx's row.cells repeats a merged cell; the reader gives each real cell once, at its grid column."""
    tables = [b for b in body_blocks(open_document(seed_files["zato-solnechny-2022-2023"])) if isinstance(b, ReadTable)]
    section, item1, item2 = tables[0].rows[1:4]
    assert [(c.column, c.span, c.continued) for c in section] == [(0, 1, False), (1, 3, False)]
    assert [(c.column, c.continued) for c in item2] == [(0, False), (1, False), (2, True), (3, True)]
    assert item2[2].lines == item1[2].lines
    docx_row = open_document(seed_files["zato-solnechny-2022-2023"]).tables[0].rows[1]
    assert len(docx_row.cells) == 4  # python-docx: the merged title cell three times over


# ---------------------------------------------------------------- broken tables


def test_malformed_table_gives_located_errors(tmp_path: Path) -> None:
    rows = [HEADER,
            [cell("1"), cell("Совещание"), cell("сентябрь"), cell("Директор"), cell("Протокол")],
            [cell("2"), cell("Семинар"), cell("октябрь"), cell("Зам. директора по УВР"), cell("Справка")],
            [cell("3"), cell(""), cell("ноябрь"), cell("Директор"), cell("Приказ")],
            [cell("4"), cell("Педсовет"), cell("30.02.2026"), cell("Директор"), cell("Протокол")],
            [cell("5"), cell("Собрание"), cell("когда-нибудь"), cell("Классные руководители"), cell("")]]
    path = write_docx([TITLE, Table(5, rows, extra_cells={2: ["лишний текст"]}), Para(""),
                       Table(3, [[cell("Подпись"), cell("Дата"), cell("ФИО")], [cell("x"), cell("y"), cell("z")]])],
                      tmp_path / "plan.docx")
    data, issues = imported(path)
    assert located(issues) == [
        ("error", "таблица 1, строка 3, столбец 6: ячейка за пределами столбцов заголовка (в нём 5): "
                  "текст «лишний текст» некуда перенести"),
        ("error", "таблица 1, строка 4, столбец 2 «Мероприятие»: пустая ячейка: у мероприятия нет названия"),
        ("error", "таблица 1, строка 5, столбец 3 «Сроки»: «30.02.2026»: такой даты нет в календаре: "
                  "30 февраля 2026 г."),
        ("warning", "таблица 1, строка 6, столбец 3 «Сроки»: срок «когда-нибудь» не распознан и будет показан "
                    "как есть"),
        ("error", "таблица 2: не найдена строка заголовков с названиями столбцов плана — таблица не перенесена"),
    ]
    assert {issue.file for issue in issues} == {"plan.docx"}
    assert issues[2].hint == issues[3].hint == DEADLINE_HINT
    assert data is not None and [i["activity"] for i in data["items"]] == ["Совещание", "Семинар", "Собрание"]


def test_unknown_and_headerless_columns_and_bad_numbers(tmp_path: Path) -> None:
    rows = [[*HEADER, cell("Финансирование"), cell("")],
            [cell("1"), cell("Совещание"), cell("сентябрь"), cell("Директор"), cell(""), cell("10 000 ₽"), cell("")],
            [cell("Итого"), cell("Семинар"), cell("май"), cell(""), cell(""), cell(""), cell("примечание")]]
    data, issues = imported(write_docx([TITLE, Table(7, rows)], tmp_path / "plan.docx"))
    assert data is not None and [item["activity"] for item in data["items"]] == ["Совещание", "Семинар"]
    assert located(issues) == [
        ("error", "таблица 1, строка 2, столбец 6 «Финансирование»: столбец не соответствует ни одному полю "
                  "плана: текст «10 000 ₽» не перенесён"),
        ("error", "таблица 1, строка 3, столбец 7: у столбца нет заголовка: текст «примечание» не перенесён"),
        ("error", "таблица 1, строка 3, столбец 1 «№»: в столбце «№» не номер: «Итого»"),
    ]


def test_no_plan_table(tmp_path: Path) -> None:
    _, issues = imported(write_docx([TITLE, Para("Текст без таблицы")], tmp_path / "plan.docx"))
    assert located(issues) == [("error", "в документе нет таблицы плана: не найдена строка заголовков с "
                                         "названиями столбцов")]


def test_no_title_and_no_year(tmp_path: Path) -> None:
    rows = [HEADER, [cell("1"), cell("Совещание"), cell("сентябрь"), cell("Директор"), cell("")]]
    _, issues = imported(write_docx([Table(5, rows)], tmp_path / "a.docx"))
    assert [issue.message for issue in issues] == [
        "не найдено название плана: абзац над таблицей, который начинается словами «План», «Дорожная карта» "
        "или «Программа»",
        "в названии плана «» не найден учебный год"]
    data, issues = imported(write_docx([Para("План мероприятий на 2026 год"), Table(5, rows)], tmp_path / "b.docx"))
    assert issues == [] and data is not None and data["period"] == {"start": "01.01.2026", "end": "31.12.2026"}


# ---------------------------------------------------------------- what else a school's file may hold


def test_variants_sub_points_numbering_row_status_and_notes(tmp_path: Path) -> None:
    header = [cell("№ п/п"), cell("Содержание работы"), cell("Срок исполнения"), cell("Ответственный исполнитель"),
              cell("Планируемый результат"), cell("Примечание"), cell("Отметка о выполнении")]
    rows = [header, [cell(str(n)) for n in range(1, 8)],
            [cell("1."), cell("Нормативное обеспечение"), *[cell("") for _ in range(5)]],
            [cell("1.1"), cell("Приказ о проведении ВПР"), cell("до 01.09.2025"), cell("Директор"),
             cell("Приказ"), cell("в электронном журнале"), cell("выполнено")],
            [cell("1.2"), cell("Положение об оценивании", "- текущий контроль;", "- промежуточная аттестация"),
             cell("сентябрь –", "октябрь"), cell("Заместитель директора по УВР", "Руководители ШМО"), cell(""),
             cell(""), cell("в работе")],
            [cell("2."), cell("Работа с родителями"), *[cell("") for _ in range(5)]],
            [cell("2.1"), cell("Родительские собрания"), cell("март"), cell("Классные руководители"), cell(""),
             cell(""), cell("перенесено")]]
    data, issues = imported(write_docx([TITLE, Table(7, rows)], tmp_path / "plan.docx"))
    assert located(issues) == [
        ("error", "таблица 1, строка 7, столбец 7 «Отметка о выполнении»: не понята отметка «перенесено»")]
    assert data is not None and data["grouping"] == "sections"
    first, second = data["sections"][0]["items"]
    assert first == {"activity": "Приказ о проведении ВПР", "deadline": "до 01.09.2025",
                     "responsible": [{"position": "Директор"}],
                     "result": "Приказ", "note": "в электронном журнале", "status": "done"}
    assert second == {"activity": "Положение об оценивании\n- текущий контроль;\n- промежуточная аттестация",
                      "deadline": "сентябрь – октябрь",
                      "responsible": [{"position": "Заместитель директора по УВР"}, {"position": "Руководители ШМО"}],
                      "status": "in_progress"}
    assert [s["title"] for s in data["sections"]] == ["Нормативное обеспечение", "Работа с родителями"]


def test_headed_sections_and_approval_table(tmp_path: Path) -> None:
    approval = Table(2, [[cell("РАССМОТРЕНО", "на педагогическом совете", "протокол № 1 от 29.08.2025"),
                          cell("УТВЕРЖДАЮ", "Директор школы", "____________ А.Б. Иванова",
                               "Приказ № 112-о от 01.09.2025")]], header_rows=0)
    rows1 = [HEADER, [cell("1"), cell("Издание приказа"), cell("до 01.09.2025"), cell("Директор"), cell("Приказ")]]
    rows2 = [HEADER, [cell("1"), cell("Согласование критериев"), cell("октябрь"), cell("Руководители ШМО"), cell("")]]
    blocks = [approval, TITLE, Para("Цели:"), Para("1. Объективные результаты;"), Para("2. Доверие родителей."),
              Para("Задачи:"), Para("· согласовать критерии"),
              Para("Нормативное обеспечение", style="Heading 2"), Table(5, rows1),
              Para("Работа с педагогами", style="Heading 2"), Table(5, rows2)]
    data, issues = imported(write_docx(blocks, tmp_path / "plan.docx"))
    assert issues == []
    assert data is not None
    assert data["approval"] == {
        "approved_by": {"position": "Директор школы", "name": "А.Б. Иванова"},
        "order": {"number": "112-о", "date": "01.09.2025"},
        "considered": {"body": "педагогический совет", "protocol": "1", "date": "29.08.2025"}}
    assert data["goals"] == ["Объективные результаты;", "Доверие родителей."]
    assert data["tasks"] == ["согласовать критерии"]
    assert [(s["title"], len(s["items"])) for s in data["sections"]] == [
        ("Нормативное обеспечение", 1), ("Работа с педагогами", 1)]


def _inject(path: Path, marker: str, xml: str) -> Path:
    """Put raw WordprocessingML where the marker text is (what python-docx cannot write)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode()
    assert document.count(marker) == 1, marker
    between_runs = f'</w:t></w:r>{xml}<w:r><w:t xml:space="preserve">'  # the marker's run is cut in two
    parts["word/document.xml"] = document.replace(marker, between_runs).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _paragraphs_xml(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


TEXT_BOX = (  # Word's own form: a DrawingML text box, and its VML copy for old readers (not read twice)
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp><wps:txbx>'
    f'<w:txbxContent>{_paragraphs_xml("УТВЕРЖДАЮ", "Директор школы", "А.Б. Иванова")}</w:txbxContent>'
    '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
    f'<v:shape><v:textbox><w:txbxContent>{_paragraphs_xml("УТВЕРЖДАЮ", "Директор школы", "А.Б. Иванова")}'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
TRACKED_YEAR = ('<w:del><w:r><w:delText>2024-2025</w:delText></w:r></w:del>'
                '<w:ins><w:r><w:t>2025-2026</w:t></w:r></w:ins>')


def test_text_boxes_tracked_changes_and_content_controls(tmp_path: Path) -> None:
    rows = [HEADER, [cell("1"), cell("Совещание"), cell("сентябрь"), cell("Директор"), cell("ЯЧЕЙКА")]]
    path = write_docx([Para("РАМКА"), Para("План мероприятий на ГОД учебный год"), Table(5, rows)],
                      tmp_path / "plan.docx")
    _inject(path, "РАМКА", TEXT_BOX)
    _inject(path, "ГОД", TRACKED_YEAR)
    _inject(path, "ЯЧЕЙКА", '<w:sdt><w:sdtContent><w:r><w:t>Протокол</w:t></w:r></w:sdtContent></w:sdt>'
                            '<w:hyperlink><w:r><w:t> совещания</w:t></w:r></w:hyperlink>')
    paragraphs = [block.text for block in body_blocks(open_document(path)) if isinstance(block, ReadParagraph)]
    assert paragraphs == ["УТВЕРЖДАЮ", "Директор школы", "А.Б. Иванова", "",
                          "План мероприятий на 2025-2026 учебный год"]  # the box once, then its anchor paragraph
    data, issues = imported(path)
    assert issues == []
    assert data is not None
    assert data["approval"] == {"approved_by": {"position": "Директор школы", "name": "А.Б. Иванова"}}
    assert (data["title"], data["academic_year"]) == ("План мероприятий на 2025-2026 учебный год", "2025-2026")
    assert data["items"][0]["result"] == "Протокол совещания"


def _tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_rows_that_skip_grid_columns_and_old_style_merges(tmp_path: Path) -> None:
    """w:gridBefore shifts a row's cells right; w:hMerge (Word 97's way) widens the cell before it."""
    table = ("<w:tbl><w:tblGrid>" + '<w:gridCol w:w="2000"/>' * 4 + "</w:tblGrid>"
             + "<w:tr>" + "".join(_tc(t) for t in ("№", "Мероприятие", "Сроки", "Ответственные")) + "</w:tr>"
             + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
             + "".join(_tc(t) for t in ("Совещание", "сентябрь", "Директор")) + "</w:tr>"
             + "<w:tr>" + _tc("2") + _tc("Семинар") + _tc("октябрь", '<w:hMerge w:val="restart"/>')
             + _tc("", "<w:hMerge/>") + "</w:tr></w:tbl>")
    path = write_docx([TITLE, Para("ТАБЛИЦА")], tmp_path / "plan.docx")
    _inject(path, "ТАБЛИЦА", "</w:p>" + table + "<w:p>")  # the marker paragraph is cut in two around it
    tables = [b for b in body_blocks(open_document(path)) if isinstance(b, ReadTable)]
    assert [[(c.column, c.span) for c in row] for row in tables[0].rows] == [
        [(0, 1), (1, 1), (2, 1), (3, 1)], [(1, 1), (2, 1), (3, 1)], [(0, 1), (1, 1), (2, 2)]]
    data, issues = imported(path)
    assert issues == []
    assert data is not None and data["items"] == [
        {"activity": "Совещание", "deadline": "сентябрь", "responsible": [{"position": "Директор"}]},
        {"number": "2", "activity": "Семинар", "deadline": "октябрь"}]  # a plain list keeps its «№» (issue 12)


# ---------------------------------------------------------------- reading within limits


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .doc or a password-protected file")
    assert located(imported(path)[1]) == [("error", "файл не является документом Word (.docx): возможно, это "
                                                    "старый формат .doc или документ защищён паролем")]


def _edited(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == name else old.read(info.filename))
    return target


def test_doctype_and_oversized_parts_are_refused(seed_files: dict[str, Path], tmp_path: Path) -> None:
    source = seed_files["sosnovoborsk-ko-2020-2021"]
    with zipfile.ZipFile(source) as archive:
        document = archive.read("word/document.xml")
    doctype = document.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaa">]>', 1)
    _, issues = imported(_edited(source, tmp_path / "dtd.docx", "word/document.xml", doctype))
    assert located(issues) == [("error", "в части документа «word/document.xml» есть объявление DOCTYPE или ENTITY, "
                                         "которого не бывает в документах Word: файл не прочитан")]
    padded = document.replace(b"</w:body>", b" " * (6 * 2**20) + b"</w:body>")
    _, issues = imported(_edited(source, tmp_path / "big.docx", "word/document.xml", padded))
    assert located(issues) == [("error", "часть документа «word/document.xml» после распаковки больше 5 МБ "
                                         "(заявлено 6,0 МБ) — это предел переноса")]


# ---------------------------------------------------------------- the command


def scratch_project(root: Path) -> Path:
    files = {"site_config.yaml": 'title: "Сайт школы"\norganisation: demo-school\n',
             "content/organisations/demo-school.yaml": 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\n'
                                                       "kind: school\n",
             "content/pages/index.md": '---\ntitle: "Главная"\n---\nТекст главной страницы.\n'}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("plan_id", ["ooosh-9-2023-2024", "zato-solnechny-2022-2023"])
def test_command_writes_yaml_that_check_accepts(seed_files: dict[str, Path], tmp_path: Path, plan_id: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    project = scratch_project(tmp_path / "project")
    out = project / "content" / "plans" / "imported.yaml"
    out.parent.mkdir(parents=True)
    assert run_import_plan(seed_files[plan_id], out, "text", project=project) == 0
    count = COUNTS[plan_id]
    assert capsys.readouterr().err == f"Записано в {out}: {count} мероприяти{'й' if count > 4 else 'я'}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("title: ") and "#" not in text.split("\n", 1)[0]  # the forms' layout: no comment
    assert "organisation: demo-school\n" in text and "\nsections:\n  - title: " in text
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "check"],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr


def test_build_py_import_plan_runs_the_command(seed_files: dict[str, Path], tmp_path: Path) -> None:
    """The command line itself: `build.py import-plan` with its flags, then `build.py check` on the result."""
    project = scratch_project(tmp_path / "project")
    out = project / "content" / "plans" / "kirov.yaml"
    out.parent.mkdir(parents=True)
    source = seed_files["kirov-sosh-34-2023-2024"]
    command = [sys.executable, str(ROOT / "build.py"), "--project", str(project), "import-plan", str(source),
               "--out", str(out), "--organisation", "demo-school", "--year", "2024/25"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", f"Записано в {out}: 10 мероприятий\n")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    # --year wins over the title's «2023-2024 учебный год», --organisation over site_config's owner
    assert (data["organisation"], data["academic_year"], len(items(as_model(data)))) == ("demo-school", "2024-2025", 10)
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "check"],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    to_screen = [*command[:6], *command[8:], "--format", "json"]  # no --out: the YAML goes to stdout after the JSON
    printed = subprocess.run(to_screen, capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.partition("}\n")[2] == out.read_text(encoding="utf-8")
    old = tmp_path / "plan.doc"
    old.write_bytes(b"x")
    refused = subprocess.run([*command[:5], str(old)], capture_output=True, text=True, timeout=120)
    assert (refused.returncode, refused.stderr) == (2, f"ошибка: «{old}» — не файл .docx (старый формат .doc "
                                                       "сохраните в Word как «Документ Word (.docx)»)\n")


def test_command_writes_nothing_on_errors_and_explains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [HEADER, [cell("1"), cell(""), cell("сентябрь"), cell("Директор"), cell("")]]
    path = write_docx([TITLE, Table(5, rows)], tmp_path / "plan.docx")
    out = tmp_path / "plan.yaml"
    assert run_import_plan(path, out, "text", organisation="demo-school") == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "plan.docx: ошибка: таблица 1, строка 2, столбец 2 «Мероприятие»: пустая ячейка" in err
    assert err.endswith("1 ошибка\nYAML не записан: исправьте документ и запустите перенос снова.\n")


def test_command_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "plan.doc"
    old.write_bytes(b"x")
    assert run_import_plan(old, None, "text", organisation="demo-school") == 2
    assert capsys.readouterr().err == (f"ошибка: «{old}» — не файл .docx (старый формат .doc сохраните в Word "
                                       "как «Документ Word (.docx)»)\n")
    path = write_docx([TITLE], tmp_path / "plan.docx")
    assert run_import_plan(path, None, "text", project=tmp_path) == 2
    assert "не указана организация плана: --organisation ИМЯ" in capsys.readouterr().err
    assert run_import_plan(path, None, "text", organisation="demo-school", year="2025") == 2
    assert capsys.readouterr().err == "ошибка: «2025» — не учебный год; пример: 2025-2026\n"


def test_command_prints_yaml_and_json_issues(seed_files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import_plan(seed_files["sosnovoborsk-ko-2020-2021"], None, "json", organisation="sosnovoborsk-ko",
                           year="2020/21") == 0
    out = capsys.readouterr().out
    summary, _, text = out.partition("}\n")
    assert '"issues": []' in summary
    assert text == plan_yaml(imported(seed_files["sosnovoborsk-ko-2020-2021"], "sosnovoborsk-ko")[0] or {},
                             "sosnovoborsk-ko-2020-2021.docx")
