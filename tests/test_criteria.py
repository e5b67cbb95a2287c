"""Assessment criteria scales, demo versions and files: valid data renders, broken data is located."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from oko.errors import Issue
from oko.pipeline import BuildResult, generate

BASE = {
    "site_config.yaml": 'title: "Тест"\norganisation: school\n',
    "content/organisations/school.yaml": 'name: "Школа"\nshort_name: "Школа"\nkind: education_office\n',
    "content/pages/index.md": "---\ntitle: Главная\n---\nТекст.\n",
}
CRITERIA = "content/criteria/matematika.md"


def build(root: Path, files: dict[str, str | bytes]) -> BuildResult:
    for name, text in {**BASE, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8"))
    return generate(root)


def criteria(scales: str) -> dict[str, str]:
    head = "---\nsubject: Математика\ngrades: 5-9\nwork_types: [контрольная работа]\nscales:\n"
    return {CRITERIA: head + textwrap.indent(textwrap.dedent(scales), "  ") + "---\nТекст критериев.\n"}


def coded(result: BuildResult, code: str) -> list[Issue]:
    return [issue for issue in result.issues if issue.code == code]


PERCENT = """\
- kind: percent
  title: Контрольная работа
  marks:
    - {mark: "5", range: 90-100}
    - {mark: "4", range: 70-89}
    - {mark: "3", range: 50-69}
    - {mark: "2", range: 0-49}
"""
POINTS = """\
- kind: points
  title: Самостоятельная работа
  max: 20
  marks:
    - {mark: "5", range: 18-20}
    - {mark: "4", range: 14-17}
    - {mark: "3", range: 9-13}
    - {mark: "2", range: 0-8}
"""
RUBRIC = """\
- kind: rubric
  title: Задача с развёрнутым ответом
  criteria:
    - {code: К1, name: Модель, max: 2}
    - {code: К2, name: Вычисления, max: 2}
    - {code: К3, name: Ответ, max: 1}
  marks:
    - {mark: "5", range: 5}
    - {mark: "4", range: 4}
    - {mark: "3", range: 2-3}
    - {mark: "2", range: 0-1}
"""
ERRORS = """\
- kind: errors
  title: Диктант
  error_classes:
    - {name: орфографические, description: ошибки в написании слов}
    - {name: пунктуационные, description: ошибки в знаках препинания}
  marks:
    - {mark: "5", errors: ["0/1"]}
    - {mark: "4", errors: ["2/2", "1/3"]}
    - {mark: "3", errors: ["4/4"]}
    - {mark: "2", errors: ["7/7"]}
  conditions: [при трёх исправлениях отметка снижается на балл]
"""


def test_every_scale_kind_renders_an_accessible_table(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(PERCENT + POINTS + RUBRIC + ERRORS))
    assert [i for i in result.issues if i.is_error] == []
    page = result.files["criteria/matematika/index.html"].decode("utf-8")
    tables = re.findall(r'<table class="scale-table">(.*?)</table>', page, re.S)
    assert len(tables) == 5  # the rubric has a criteria table and a points → mark table
    percent, points, rubric_criteria, rubric_marks, errors = tables
    assert "<caption>Процент выполнения работы и отметка</caption>" in percent
    assert re.search(r'<th scope="row">«5»</th><td>90–100 %</td>', percent)
    assert re.search(r'<th scope="row">«2»</th><td>0–8</td>', points)
    assert '<tfoot><tr><th scope="row" colspan="2">Всего</th><td>5</td></tr></tfoot>' in rubric_criteria
    assert re.search(r'<th scope="row">«3»</th><td>2–3</td>', rubric_marks)
    assert "орфографические — 2, пунктуационные — 2 <strong>или</strong> орфографические — 1, пунктуационные — 3" \
        in errors
    assert "при трёх исправлениях отметка снижается на балл" in page
    assert "Текст критериев." in page


def percent(marks: str) -> str:
    """PERCENT with its rows replaced: «5: 90-100, 4: 70-85» → one row per mark."""
    rows = "".join(f'    - {{mark: "{mark}", range: "{span}"}}\n' for mark, span in
                   (pair.split(": ") for pair in marks.split(", ")))
    return PERCENT.split("  marks:\n")[0] + "  marks:\n" + rows


@pytest.mark.parametrize(("marks", "issues"), [
    ("5: 90-100, 4: 70-85, 3: 50-69, 2: 0-49",
     [(9, "criteria.scale", "пропущены проценты 86–89: им не соответствует ни одна отметка")]),
    ("5: 85-100, 4: 70-89, 3: 50-69, 2: 0-49", [(9, "criteria.scale", "проценты 85–89 попадают и в «5», и в «4»")]),
    ("5: 50-69, 4: 70-89, 3: 90-100, 2: 0-49",
     [(10, "criteria.scale", "отметки не по порядку: диапазон «4» (70–89) выше, чем у «5» (50–69)"),
      (11, "criteria.scale", "отметки не по порядку: диапазон «3» (90–100) выше, чем у «4» (70–89)")]),
    ("5: 90-110, 4: 70-89, 3: 50-69, 2: 0-49", [(9, "criteria.scale", "«5»: 90–110 — больше наибольшего балла 100")]),
    ("5: 90-100, 4: 70-89, 3: 50-69, 2: 10-49",
     [(12, "criteria.scale", "пропущены проценты 0–9: им не соответствует ни одна отметка")]),
    ("5: 90-100, 4: 70-89, 3: 50-69, 1: 0-49",
     [(8, "criteria.marks", "в шкале нет отметки «2»: она есть в наборе отметок 5, 4, 3, 2"),
      (11, "criteria.scale", "пропущены проценты 0–49: им не соответствует ни одна отметка"),
      (12, "criteria.marks", "отметки «1» нет в наборе отметок: 5, 4, 3, 2")]),
])
def test_broken_percent_scales_are_errors_with_their_line(tmp_path: Path, marks: str,
                                                          issues: list[tuple[int, str, str]]) -> None:
    result = build(tmp_path, criteria(percent(marks)))
    found = [(i.line, i.code, i.message) for i in result.issues if i.is_error]
    assert found == issues
    assert all(i.file == CRITERIA for i in result.issues if i.is_error)
    assert result.failed()


def test_rubric_marks_must_stay_within_the_sum_of_criteria(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(RUBRIC.replace('{mark: "5", range: 5}', '{mark: "5", range: 5-6}')))
    [issue] = [i for i in result.issues if i.is_error]
    assert (issue.code, issue.message, issue.line) == ("criteria.scale", "«5»: 5–6 — больше наибольшего балла 5", 13)


def test_points_scale_needs_a_maximum(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(POINTS.replace("  max: 20\n", "")))
    [issue] = [i for i in result.issues if i.is_error]
    assert (issue.line, issue.message) == (6, "для шкалы в баллах укажите max — наибольший балл")


def test_error_norms_are_monotonic_and_count_every_class(tmp_path: Path) -> None:
    broken = ERRORS.replace('{mark: "5", errors: ["0/1"]}', '{mark: "5", errors: ["5/1", "1"]}')
    result = build(tmp_path, criteria(broken))
    assert [(i.line, i.message, i.hint) for i in result.issues if i.is_error] == [
        (12, "для «5» допускается больше ошибок (6), чем для «4» (4)",
         "лучшая отметка допускает не больше ошибок, чем худшая"),
        (12, "«1»: чисел 1, а видов ошибок 2 (орфографические/пунктуационные)",
         "по одному числу на каждый вид ошибок, через «/», в порядке error_classes"),
    ]


def test_unknown_scale_kind_suggests_the_right_one(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(PERCENT.replace("kind: percent", "kind: percents")))
    [issue] = [i for i in result.issues if i.is_error]
    assert (issue.line, issue.column, issue.path) == (6, 11, "scales[0].kind")
    assert issue.message == "недопустимое значение «percents»: допустимы percent, points, error_count, errors, rubric"
    assert issue.hint == "возможно, вы имели в виду «percent»"


def test_inherited_general_part_must_exist(tmp_path: Path) -> None:
    files = criteria(PERCENT)
    files[CRITERIA] = files[CRITERIA].replace("subject:", "inherits: obshie\nsubject:")
    general = "---\nsubject: Общие критерии\ngrades: 1-11\ngeneral: true\n---\nОбщее.\n"
    result = build(tmp_path, {**files, "content/criteria/obshchie.md": general})
    [issue] = coded(result, "criteria.inherits")
    assert issue.message == "общей части «obshie» нет: нужен файл content/criteria/obshie.md с general: true"
    assert issue.hint == "возможно, вы имели в виду «obshchie»"


DEMOS = "content/demos/vpr-2026.yaml"


def demos(materials: str) -> dict[str, str]:
    return {DEMOS: "procedure: ВПР\nyear: 2026\ndemos:\n  - grade: 5\n    subject: Математика\n    materials:\n"
            + textwrap.indent(textwrap.dedent(materials), "      ")}


def test_demo_materials_https_local_files_and_variants(tmp_path: Path) -> None:
    result = build(tmp_path, {
        **demos("""\
            - {kind: demo, url: "http://fioco.ru/demo"}
            - {kind: description, file: files/opisanie.pdf}
            - {kind: specification, file: files/nope.pdf}
        """),
        "content/files/opisanie.pdf": b"%PDF-1.4 demo",
        "content/files/vpr-kim-variant-3.pdf": b"%PDF-1.4 x",
    })
    https = coded(result, "demos.https")
    assert [(i.line, i.message) for i in https] == [(7, "адрес «http://fioco.ru/demo» не защищён: нужен https://")]
    missing = coded(result, "demos.file")
    assert [(i.line, i.message) for i in missing] == [(9, "файл «files/nope.pdf» не найден в content/files")]
    [variant] = coded(result, "demos.variant")
    assert variant.file == "content/files/vpr-kim-variant-3.pdf" and variant.level == "warning"
    assert "письмо Рособрнадзора от 18.04.2025 № 02-86" in variant.message


def test_oversize_and_unexpected_formats_are_warnings(tmp_path: Path) -> None:
    files = {"content/files/big.pdf": b"0" * (2 * 1024 * 1024), "content/files/script.exe": b"MZ",
             "content/pages/index.md": "---\ntitle: Главная\n---\n[a](../files/big.pdf) [b](../files/script.exe)\n",
             "site_config.yaml": 'title: "Тест"\norganisation: school\nfiles:\n  max_size_mb: 1\n'}
    result = build(tmp_path, files)
    assert [(i.file, i.message) for i in coded(result, "files.size")] == [
        ("content/files/big.pdf", "файл весит 2,0 МБ, больше 1 МБ")]
    assert [(i.file, i.message) for i in coded(result, "files.format")] == [
        ("content/files/script.exe", "формат «.exe» не из разрешённых")]
    assert not result.failed()


def test_unreferenced_files_are_warned_about(tmp_path: Path) -> None:
    result = build(tmp_path, {"content/files/lost.pdf": b"%PDF"})
    [issue] = coded(result, "files.unreferenced")
    assert issue.file == "content/files/lost.pdf"
    assert issue.message == ("файл не опубликован: на него нет ни одной ссылки, а на сайт попадают только файлы,"
                             " на которые ссылаются документы, планы или страницы")


def test_files_get_stable_addresses(tmp_path: Path) -> None:
    result = build(tmp_path, {"content/files/docs/prikaz.pdf": b"%PDF-1.4",
                              "content/pages/index.md":
                                  "---\ntitle: Главная\n---\n[Приказ](../files/docs/prikaz.pdf)\n"})
    assert result.files["files/docs/prikaz.pdf"] == b"%PDF-1.4"
    assert 'href="files/docs/prikaz.pdf"' in result.files["index.html"].decode("utf-8")
