"""Criteria forms from real documents: declared mark sets, ranges with units, rubric groups, notes on marks and cells.

Wording comes from published school and exam documents: a vocabulary dictation's «0 ошибок – отметка «5» …
8 и более ошибок – отметка «1»» with «Отличная оценка не выставляется при наличии более 3 исправлений»; the
ОГЭ mathematics scale (31 points) whose «4» and «5» hold «при условии, что из них не менее 2 баллов получено
за выполнение заданий по геометрии»; «зачёт/незачёт» of the итоговое собеседование; «высокий/средний/низкий
уровень» of a метапредметная диагностика; a rubric footnote «Если … по первому критерию ставит 0 баллов …».
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from oko.kinds.criteria.bounds import Bounds, parse_bounds
from oko.pipeline import BuildResult
from tests.test_criteria import CRITERIA, build

PAGE = "criteria/matematika/index.html"


def criteria(scales: str, head: str = "") -> dict[str, str]:
    """A criteria file: its front matter starts at line 2; `scales:` is on line 5 + the lines of head."""
    top = "---\nsubject: Математика\ngrades: 5-9\nwork_types: [контрольная работа]\n" + head + "scales:\n"
    return {CRITERIA: top + textwrap.indent(textwrap.dedent(scales), "  ") + "---\nТекст.\n"}


def errors(result: BuildResult) -> list[tuple[int | None, str, str]]:
    return [(i.line, i.code, i.message) for i in result.issues if i.is_error]


def page(result: BuildResult) -> str:
    return result.files[PAGE].decode("utf-8")


def tbody(html: str, caption: str) -> str:
    match = re.search(rf"<caption>{re.escape(caption)}</caption>.*?<tbody>(.*?)</tbody>", html, re.S)
    assert match, caption
    return re.sub(r"\s*\n\s*", "", match.group(1))


# --- ranges with units and «менее/более N» -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("90-100", 90, 100, ""),
    ("90–100 %", 90, 100, "percent"),
    ("менее 20 б", None, 19, "points"),
    ("более 90 %", 91, None, "percent"),
    ("15–17 баллов", 15, 17, "points"),
    ("22–31 балл", 22, 31, "points"),
    ("4 балла", 4, 4, "points"),
    ("0–2 ошибки", 0, 2, "errors"),
    ("1 ошибка", 1, 1, "errors"),
    ("0 ошибок", 0, 0, "errors"),
    ("нет ошибок", 0, 0, "errors"),
    ("не менее 75 %", 75, None, "percent"),
    ("не более 2 ошибок", None, 2, "errors"),
    ("8 и более ошибок", 8, None, "errors"),
    ("10 баллов и более", 10, None, "points"),
    ("5 ошибок и больше", 5, None, "errors"),
    ("49 % и менее", None, 49, "percent"),
    ("от 5 до 10 баллов", 5, 10, "points"),
    ("до 49 %", None, 49, "percent"),
    ("свыше 30 процентов", 31, None, "percent"),
    ("менее 1 балла", None, 0, "points"),
    ("18", 18, 18, ""),
    ("0", 0, 0, ""),
])
def test_written_ranges_become_bounds(text: str, low: int | None, high: int | None, unit: str) -> None:
    assert parse_bounds(text) == Bounds(text, low, high, unit)


def test_a_number_is_a_range_of_one() -> None:
    assert parse_bounds(18) == Bounds("18", 18, 18, "")


@pytest.mark.parametrize(("text", "message"), [
    ("менее 0 баллов", "«менее 0 баллов»: меньше нуля не бывает"),
    ("17–15 баллов", "«17–15 баллов»: начало больше конца"),
    ("почти все", "«почти все» — не диапазон; пишется так: 90–100 %, 15–17 баллов, менее 20 б, более 90 %, "
                  "не менее 75 %, 8 и более ошибок"),
])
def test_what_is_not_a_range_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        from oko.kinds.criteria.model import MarkRange
        MarkRange.model_validate({"mark": "5", "range": text})
    assert [e["msg"] for e in caught.value.errors()] == [message]


OGE = """\
- kind: points
  title: Итоговая контрольная работа в формате ОГЭ
  max: 31
  marks:
    - {mark: "5", range: "22–31 балл"}
    - {mark: "4", range: "15–21 балл"}
    - {mark: "3", range: "8–14 баллов"}
    - {mark: "2", range: "менее 8 б"}
"""


def test_ranges_with_units_are_shown_as_written(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(OGE))
    assert errors(result) == []
    assert tbody(page(result), "Баллы (из 31) и отметка") == (
        '<tr><th scope="row">«5»</th><td>22–31 балл</td></tr>'
        '<tr><th scope="row">«4»</th><td>15–21 балл</td></tr>'
        '<tr><th scope="row">«3»</th><td>8–14 баллов</td></tr>'
        '<tr><th scope="row">«2»</th><td>менее 8 б</td></tr>')


def test_open_ends_reach_the_bottom_and_the_top_exactly(tmp_path: Path) -> None:
    scale = """\
    - kind: percent
      title: Тест
      marks:
        - {mark: "5", range: "более 89 %"}
        - {mark: "4", range: "70–89 %"}
        - {mark: "3", range: "не менее 50 %"}
        - {mark: "2", range: "менее 50 %"}
    """
    result = build(tmp_path, criteria(scale))
    # «более 89 %» is 90–100, «не менее 50 %» 50–100: it overlaps «5» and «4», and the rest fits exactly.
    assert errors(result) == [(9, "criteria.scale", "проценты 90–100 попадают и в «5», и в «3»"),
                              (10, "criteria.scale", "проценты 70–89 попадают и в «4», и в «3»")]
    fixed = build(tmp_path, criteria(scale.replace("не менее 50 %", "50–69 %")))
    assert errors(fixed) == []


def test_a_unit_must_fit_the_scale(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(OGE.replace("менее 8 б", "менее 8 %").replace("22–31 балл", "22–31 ошибка")))
    assert [(i.line, i.message, i.hint) for i in result.issues if i.is_error] == [
        (10, "«22–31 ошибка»: шкала в баллах, а здесь ошибки", "единица этой шкалы — баллы, или смените kind"),
        (13, "«менее 8 %»: шкала в баллах, а здесь проценты", "единица этой шкалы — баллы, или смените kind"),
    ]


def test_a_range_over_the_top_or_leaving_a_gap_at_the_top(tmp_path: Path) -> None:
    over = build(tmp_path, criteria(OGE.replace("22–31 балл", "более 31 балла")))
    assert errors(over) == [(10, "criteria.scale", "«5»: более 31 балла — больше наибольшего балла 31"),
                            (10, "criteria.scale", "пропущены баллы 22–31: им не соответствует ни одна отметка")]
    short = build(tmp_path, criteria(OGE.replace("22–31 балл", "22–30 баллов")))
    assert errors(short) == [(9, "criteria.scale", "пропущены баллы 31: им не соответствует ни одна отметка")]


def test_an_unreadable_range_is_located(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(OGE.replace('"менее 8 б"', '"почти ничего"')))
    [issue] = [i for i in result.issues if i.is_error]
    assert (issue.line, issue.column, issue.path) == (13, 28, "scales[0].marks[3].range")
    assert issue.message.startswith("«почти ничего» — не диапазон; пишется так: 90–100 %")


# --- counts of errors: fewer is better, the worst mark stays open ---------------------------------------------

DICTATION = """\
- kind: error_count
  title: Словарный диктант
  mark_set:
    - {mark: "5", label: отлично}
    - {mark: "4", label: хорошо}
    - {mark: "3", label: удовлетворительно}
    - {mark: "2", label: неудовлетворительно}
    - {mark: "1", label: плохо}
  marks:
    - {mark: "5", range: "0 ошибок"}
    - {mark: "4", range: "1–2 ошибки"}
    - {mark: "3", range: "3–4 ошибки"}
    - {mark: "2", range: "5–7 ошибок"}
    - {mark: "1", range: "8 и более ошибок"}
"""


def test_five_levels_with_1_and_their_labels_render_in_order(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(DICTATION))
    assert errors(result) == []
    assert tbody(page(result), "Число ошибок и отметка") == (
        '<tr><th scope="row">«5» — отлично</th><td>0 ошибок</td></tr>'
        '<tr><th scope="row">«4» — хорошо</th><td>1–2 ошибки</td></tr>'
        '<tr><th scope="row">«3» — удовлетворительно</th><td>3–4 ошибки</td></tr>'
        '<tr><th scope="row">«2» — неудовлетворительно</th><td>5–7 ошибок</td></tr>'
        '<tr><th scope="row">«1» — плохо</th><td>8 и более ошибок</td></tr>')


def test_a_count_of_errors_needs_an_open_worst_mark_and_no_gap_at_zero(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(DICTATION.replace("8 и более ошибок", "8–10 ошибок")
                                      .replace('"0 ошибок"', '"не более 0 ошибок"')))
    assert [(i.line, i.message, i.hint) for i in result.issues if i.is_error] == [
        (19, "больше 10 ошибок не соответствует ни одна отметка",
         "у худшей отметки напишите «11 и более ошибок» или «более 10»")]
    gap = build(tmp_path, criteria(DICTATION.replace('"0 ошибок"', '"1 ошибка"')))
    assert errors(gap) == [(15, "criteria.scale", "пропущено число ошибок 0: ему не соответствует ни одна отметка"),
                           (16, "criteria.scale", "число ошибок 1 попадает и в «5», и в «4»")]


def test_a_count_of_errors_is_in_order_fewer_first(tmp_path: Path) -> None:
    swapped = (DICTATION.replace('"0 ошибок"', '"TMP"').replace('"1–2 ошибки"', '"0 ошибок"')
               .replace('"TMP"', '"1–2 ошибки"'))
    result = build(tmp_path, criteria(swapped))
    assert [(i.line, i.message, i.hint) for i in result.issues if i.is_error] == [
        (16, "отметки не по порядку: у «5» (1–2 ошибки) ошибок больше, чем у «4» (0 ошибок)",
         "у лучшей отметки — меньше всего ошибок")]


# --- declared mark sets ---------------------------------------------------------------------------------------

PASS_FAIL = """\
- kind: points
  title: Итоговое собеседование
  max: 20
  mark_set:
    - {mark: зачёт}
    - {mark: незачёт}
  marks:
    - {mark: зачёт, range: "не менее 10 баллов"}
    - {mark: незачёт, range: "менее 10 баллов"}
"""

LEVELS = """\
- kind: percent
  title: Метапредметная диагностическая работа
  mark_set:
    - {mark: высокий уровень}
    - {mark: средний уровень}
    - {mark: низкий уровень}
  marks:
    - {mark: высокий уровень, range: "более 80 %"}
    - {mark: средний уровень, range: "50–80 %"}
    - {mark: низкий уровень, range: "менее 50 %"}
"""

TEN = "- kind: percent\n  title: Тест\n  mark_set:\n" + "".join(
    f'    - {{mark: "{m}"}}\n' for m in range(10, 0, -1)) + "  marks:\n" + \
    '    - {mark: "10", range: "не менее 90 %"}\n' + "".join(
    f'    - {{mark: "{m}", range: "{m * 10 - 10}–{m * 10 - 1} %"}}\n' for m in range(9, 1, -1)) + \
    '    - {mark: "1", range: "менее 10 %"}\n'


def test_pass_fail_levels_and_ten_points_render_as_declared(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(PASS_FAIL + LEVELS + TEN))
    assert errors(result) == []
    html = page(result)
    assert tbody(html, "Баллы (из 20) и отметка") == (
        '<tr><th scope="row">зачёт</th><td>не менее 10 баллов</td></tr>'
        '<tr><th scope="row">незачёт</th><td>менее 10 баллов</td></tr>')
    levels, ten = re.findall(r"<caption>Процент выполнения работы и отметка</caption>.*?<tbody>(.*?)</tbody>", html,
                             re.S)
    assert re.sub(r"\s*\n\s*", "", levels) == (
        '<tr><th scope="row">высокий уровень</th><td>более 80 %</td></tr>'
        '<tr><th scope="row">средний уровень</th><td>50–80 %</td></tr>'
        '<tr><th scope="row">низкий уровень</th><td>менее 50 %</td></tr>')
    rows = re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', ten)
    assert rows == [("«10»", "не менее 90 %"), *[(f"«{m}»", f"{m * 10 - 10}–{m * 10 - 1} %") for m in range(9, 1, -1)],
                    ("«1»", "менее 10 %")]


def test_ten_points_exactly_at_the_top(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(TEN.replace("не менее 90 %", "90–99 %")))
    assert errors(result) == [(19, "criteria.scale", "пропущены проценты 100: им не соответствует ни одна отметка")]


def test_a_mark_outside_the_declared_set_every_mark_once(tmp_path: Path) -> None:
    broken = PASS_FAIL.replace("{mark: незачёт, range", "{mark: зачет, range")
    result = build(tmp_path, criteria(broken))
    assert [(i.line, i.code, i.message, i.hint) for i in result.issues if i.is_error] == [
        (12, "criteria.marks", "в шкале нет отметки «незачёт»: она есть в наборе отметок зачёт, незачёт",
         'добавьте строку - {mark: "незачёт", range: …}; набор отметок объявлен в mark_set этой шкалы'),
        (13, "criteria.scale", "пропущены баллы 0–9: им не соответствует ни одна отметка", ""),
        (14, "criteria.marks", "отметки «зачет» нет в наборе отметок: зачёт, незачёт",
         "возможно, вы имели в виду «зачёт»"),
    ]


def test_a_mark_twice_and_a_set_of_one(tmp_path: Path) -> None:
    gap = (13, "criteria.scale", "пропущены баллы 0–9: им не соответствует ни одна отметка", "")
    twice = build(tmp_path, criteria(PASS_FAIL.replace("{mark: незачёт, range", "{mark: зачёт, range")))
    assert [(i.line, i.code, i.message, i.hint) for i in twice.issues if i.is_error] == [
        (12, "criteria.marks", "в шкале нет отметки «незачёт»: она есть в наборе отметок зачёт, незачёт",
         'добавьте строку - {mark: "незачёт", range: …}; набор отметок объявлен в mark_set этой шкалы'),
        gap, (14, "criteria.marks", "отметка «зачёт» указана в шкале дважды", "у каждой отметки — одна строка")]
    one = build(tmp_path, criteria(PASS_FAIL.replace("    - {mark: незачёт}\n", "")))
    assert [(i.line, i.code, i.message, i.hint) for i in one.issues if i.is_error] == [
        (9, "criteria.marks", "в наборе отметок одна отметка «зачёт»: нужно хотя бы две", "например: зачёт и незачёт"),
        (12, *gap[1:]),
        (13, "criteria.marks", "отметки «незачёт» нет в наборе отметок: зачёт",
         "набор отметок объявлен в mark_set этой шкалы")]  # no «did you mean «зачёт»»: it is the opposite
    repeated = build(tmp_path, criteria(PASS_FAIL.replace("    - {mark: незачёт}\n", "    - {mark: зачёт}\n")))
    assert [(i.line, i.message) for i in repeated.issues if i.is_error] == [
        (11, "отметка «зачёт» повторяется в наборе отметок"), (13, gap[2]),
        (14, "отметки «незачёт» нет в наборе отметок: зачёт, зачёт")]


@pytest.mark.parametrize(("written", "meant"), [("Зачет", "зачёт"), ("«зачёт»", "зачёт")])
def test_a_mark_written_another_way_is_suggested(tmp_path: Path, written: str, meant: str) -> None:
    result = build(tmp_path, criteria(PASS_FAIL.replace('{mark: зачёт, range', f'{{mark: "{written}", range')))
    hints = [i.hint for i in result.issues if i.message.startswith(f"отметки «{written}» нет")]
    assert hints == [f"возможно, вы имели в виду «{meant}»"]


def test_a_level_written_short_is_suggested(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(LEVELS.replace("{mark: высокий уровень, range", "{mark: высокий, range")))
    assert [(i.line, i.message, i.hint) for i in result.issues if i.code == "criteria.marks"] == [
        (12, "в шкале нет отметки «высокий уровень»: она есть в наборе отметок высокий уровень, средний уровень, "
             "низкий уровень", 'добавьте строку - {mark: "высокий уровень", range: …}; набор отметок объявлен в '
                               "mark_set этой шкалы"),
        (13, "отметки «высокий» нет в наборе отметок: высокий уровень, средний уровень, низкий уровень",
         "возможно, вы имели в виду «высокий уровень»")]


@pytest.mark.parametrize(("dropped", "issues"), [
    ('    - {mark: "5", range: "0 ошибок"}\n',  # the first (best) mark
     [(14, "criteria.marks", "в шкале нет отметки «5»: она есть в наборе отметок 5, 4, 3, 2, 1"),
      (15, "criteria.scale", "пропущено число ошибок 0: ему не соответствует ни одна отметка")]),
    ('    - {mark: "1", range: "8 и более ошибок"}\n',  # the last (worst) mark
     [(14, "criteria.marks", "в шкале нет отметки «1»: она есть в наборе отметок 5, 4, 3, 2, 1"),
      (18, "criteria.scale", "больше 7 ошибок не соответствует ни одна отметка")]),
])
def test_the_best_and_the_worst_mark_must_both_have_a_row(tmp_path: Path, dropped: str,
                                                          issues: list[tuple[int, str, str]]) -> None:
    assert errors(build(tmp_path, criteria(DICTATION.replace(dropped, "")))) == issues


GENERAL = ('---\nsubject: Общие критерии\ngrades: 1-11\ngeneral: true\nmark_set:\n'
           '  - {mark: "5", label: отлично}\n  - {mark: "4", label: хорошо}\n'
           '  - {mark: "3", label: удовлетворительно}\n'
           '  - {mark: "2", label: неудовлетворительно}\n  - {mark: "1", label: плохо}\n---\nОбщее.\n')


def test_a_subject_inherits_the_general_parts_marks(tmp_path: Path) -> None:
    files = criteria(OGE, head="inherits: obshchie\n")
    result = build(tmp_path, {**files, "content/criteria/obshchie.md": GENERAL})
    [issue] = [i for i in result.issues if i.is_error]
    assert (issue.line, issue.code, issue.message, issue.hint) == (
        10, "criteria.marks", "в шкале нет отметки «1»: она есть в наборе отметок 5, 4, 3, 2, 1",
        'добавьте строку - {mark: "1", range: …}; набор отметок объявлен в общей части '
        "content/criteria/obshchie.md (mark_set)")
    own = criteria(OGE, head='inherits: obshchie\nmark_set: [{mark: "5"}, {mark: "4"}, {mark: "3"}, {mark: "2"}]\n')
    assert errors(build(tmp_path, {**own, "content/criteria/obshchie.md": GENERAL})) == []


# --- rubric groups with their maxima and subtotals -------------------------------------------------------------

ESSAY = """\
- kind: rubric
  title: Сочинение
  max: 10
  groups:
    - code: К1–К3
      name: Содержание
      max: 7
      criteria:
        - {code: К1, name: Соответствие теме, max: 2}
        - {code: К2, name: Аргументы, max: 3}
        - {code: К3, name: Композиция, max: 2}
    - code: К4–К5
      name: Речь
      max: 3
      criteria:
        - {code: К4, name: Речевое оформление, max: 2}
        - {code: К5, name: Фактическая точность, max: 1}
  marks:
    - {mark: "5", range: "9–10 баллов"}
    - {mark: "4", range: "7–8 баллов"}
    - {mark: "3", range: "5–6 баллов"}
    - {mark: "2", range: "менее 5 б"}
"""


def test_rubric_groups_render_with_their_subtotals(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(ESSAY))
    assert errors(result) == []
    table = re.search(r"<caption>Критерии и баллы</caption>.*?</table>", page(result), re.S).group(0)
    bodies = [re.sub(r"\s*\n\s*", "", body) for body in re.findall(r'<tbody class="rubric-group">(.*?)</tbody>',
                                                                       table, re.S)]
    assert bodies == [
        '<tr><th scope="rowgroup" colspan="3">К1–К3 Содержание</th></tr>'
        '<tr><th scope="row">К1. Соответствие теме</th><td></td><td>2</td></tr>'
        '<tr><th scope="row">К2. Аргументы</th><td></td><td>3</td></tr>'
        '<tr><th scope="row">К3. Композиция</th><td></td><td>2</td></tr>'
        '<tr class="subtotal"><th scope="row" colspan="2">Итого за группу «Содержание»</th><td>7</td></tr>',
        '<tr><th scope="rowgroup" colspan="3">К4–К5 Речь</th></tr>'
        '<tr><th scope="row">К4. Речевое оформление</th><td></td><td>2</td></tr>'
        '<tr><th scope="row">К5. Фактическая точность</th><td></td><td>1</td></tr>'
        '<tr class="subtotal"><th scope="row" colspan="2">Итого за группу «Речь»</th><td>3</td></tr>']
    assert '<tfoot><tr><th scope="row" colspan="2">Всего</th><td>10</td></tr></tfoot>' in table
    assert tbody(page(result), "Сумма баллов и отметка").startswith(
        '<tr><th scope="row">«5»</th><td>9–10 баллов</td></tr>')


def test_group_maxima_and_the_total_must_add_up(tmp_path: Path) -> None:
    broken = ESSAY.replace("      max: 7\n", "      max: 8\n").replace("  max: 10\n", "  max: 12\n")
    result = build(tmp_path, criteria(broken))
    assert [(i.line, i.column, i.code, i.message, i.hint) for i in result.issues if i.is_error] == [
        (8, 10, "criteria.rubric", "наибольший балл за работу 12, а сумма групп — 11 (8 + 3)",
         "исправьте max или наибольшие баллы групп"),
        (12, 14, "criteria.rubric", "группа «К1–К3 Содержание»: наибольший балл 8, а сумма баллов её критериев — "
                                    "7 (2 + 3 + 2)", "исправьте max группы или наибольшие баллы её критериев"),
        (23, 5, "criteria.scale", "пропущены баллы 11–12: им не соответствует ни одна отметка", ""),
    ]


def test_a_rubric_without_declared_maxima_adds_them_up(tmp_path: Path) -> None:
    bare = ESSAY.replace("      max: 7\n", "").replace("      max: 3\n", "").replace("  max: 10\n", "")
    result = build(tmp_path, criteria(bare))
    assert errors(result) == []
    assert '<td>7</td></tr>' in page(result) and '<th scope="row" colspan="2">Всего</th><td>10</td>' in page(result)


def test_the_top_mark_reaches_exactly_the_rubrics_maximum(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(ESSAY.replace("9–10 баллов", "9–11 баллов")))
    assert errors(result) == [(24, "criteria.scale", "«5»: 9–11 баллов — больше наибольшего балла 10")]


def test_criteria_or_groups_not_both_and_codes_unique(tmp_path: Path) -> None:
    both = ESSAY.replace("  groups:\n", "  criteria:\n    - {code: К9, name: Лишний, max: 1}\n  groups:\n")
    [issue] = [i for i in build(tmp_path, criteria(both)).issues if i.is_error]
    assert (issue.line, issue.message) == (
        6, "укажите критерии одним списком: либо criteria, либо groups (группы со своими criteria)")
    twice = build(tmp_path, criteria(ESSAY.replace("{code: К4,", "{code: К1,")))
    assert errors(twice) == [(21, "criteria.scale", "критерий «К1» повторяется")]


# --- notes attached to a mark or a cell ----------------------------------------------------------------------

GEOMETRY = ("При условии, что из них не менее 2 баллов получено за выполнение заданий по геометрии "
            "(задания 15–19, 23–25).")


def test_notes_on_marks_are_numbered_footnotes_with_links_both_ways(tmp_path: Path) -> None:
    noted = (OGE.replace('range: "22–31 балл"}', f'range: "22–31 балл", note: "{GEOMETRY}"}}')
             .replace('range: "менее 8 б"}', 'range: "менее 8 б", note: "Работа пересдаётся в течение двух недель."}'))
    result = build(tmp_path, criteria(noted))
    assert errors(result) == []
    html = page(result)
    rows = tbody(html, "Баллы (из 31) и отметка")
    assert rows.startswith(
        '<tr><th scope="row">«5»<sup class="note-ref"><a href="#scale-1-note-1" id="scale-1-ref-1" '
        'aria-label="примечание 1">1</a></sup></th><td>22–31 балл</td></tr>'
        '<tr><th scope="row">«4»</th><td>15–21 балл</td></tr>')
    assert rows.endswith(
        '<tr><th scope="row">«2»<sup class="note-ref"><a href="#scale-1-note-2" id="scale-1-ref-2" '
        'aria-label="примечание 2">2</a></sup></th><td>менее 8 б</td></tr>')
    notes = re.sub(r"\s*\n\s*", "", re.search(r'<ol class="scale-notes".*?</ol>', html, re.S).group(0))
    assert notes == (
        '<ol class="scale-notes" aria-label="Примечания к шкале «Итоговая контрольная работа в формате ОГЭ»">'
        f'<li id="scale-1-note-1">{GEOMETRY} <a href="#scale-1-ref-1" class="note-back" '
        'aria-label="назад к отметке «5»">↑</a></li>'
        '<li id="scale-1-note-2">Работа пересдаётся в течение двух недель. <a href="#scale-1-ref-2" '
        'class="note-back" aria-label="назад к отметке «2»">↑</a></li></ol>')


def test_notes_on_rubric_cells_come_first_then_marks(tmp_path: Path) -> None:
    noted = (ESSAY.replace("{code: К1, name: Соответствие теме, max: 2}",
                           '{code: К1, name: Соответствие теме, max: 2, note: "Если по К1 поставлено 0 баллов, то и '
                           'по остальным критериям ставится 0."}')
             .replace("      max: 3\n",
                      "      max: 3\n      note: Речь оценивается, если в сочинении не менее 70 слов.\n")
             .replace('range: "9–10 баллов"}', 'range: "9–10 баллов", note: "при отсутствии ошибок по К5"}'))
    result = build(tmp_path, criteria(noted))
    assert errors(result) == []
    html = page(result)
    assert ('<th scope="row">К1. Соответствие теме</th><td></td><td>2<sup class="note-ref"><a href="#scale-1-note-1" '
            'id="scale-1-ref-1" aria-label="примечание 1">1</a></sup></td>') in html
    assert ('Итого за группу «Речь»</th><td>3<sup class="note-ref"><a href="#scale-1-note-2" id="scale-1-ref-2" '
            'aria-label="примечание 2">2</a></sup></td>') in html
    assert '<th scope="row">«5»<sup class="note-ref"><a href="#scale-1-note-3" id="scale-1-ref-3"' in html
    targets = re.findall(r'<li id="(scale-1-note-\d)">.*?aria-label="назад к (.*?)"', html)
    assert targets == [("scale-1-note-1", "критерию К1"), ("scale-1-note-2", "группе «К4–К5 Речь»"),
                       ("scale-1-note-3", "отметке «5»")]


def test_an_empty_note_is_an_error(tmp_path: Path) -> None:
    result = build(tmp_path, criteria(OGE.replace('range: "22–31 балл"}', 'range: "22–31 балл", note: ""}')))
    assert [(i.line, i.path, i.message) for i in result.issues if i.is_error] == [
        (10, "scales[0].marks[0].note", "значение не должно быть пустым")]


# --- old shapes: a map is a located error with its new form ----------------------------------------------------

def test_old_maps_are_errors_with_the_new_form_in_the_hint(tmp_path: Path) -> None:
    old = """\
    - kind: percent
      title: Тест
      marks: {5: 90-100, 4: 70-89, 3: 50-69, 2: 0-49}
    - kind: errors
      title: Диктант
      error_classes: {орфографические: ошибки в написании слов, пунктуационные: ошибки в знаках}
      marks:
        5: [{орфографические: 0, пунктуационные: 1}]
        4: [{орфографические: 2, пунктуационные: 2}]
    """
    result = build(tmp_path, criteria(old))
    assert [(i.line, i.column, i.code, i.message, i.hint) for i in result.issues if i.is_error] == [
        (8, 5, "criteria.shape", "отметки записаны словарём, а нужен список",
         'теперь каждая отметка — строка списка: - {mark: "5", range: "90-100"}; - {mark: "4", range: "70-89"}; …'),
        (11, 5, "criteria.shape", "виды ошибок записаны словарём, а нужен список",
         'теперь каждый вид — строка списка: - {name: орфографические, description: "ошибки в написании слов"}'),
        (12, 5, "criteria.marks", "в шкале нет отметки «2»: она есть в наборе отметок 5, 4, 3, 2",
         'добавьте строку - {mark: "2", errors: […]}; набор отметок не объявлен, поэтому действует 5, 4, 3, 2; '
         "свой набор пишется в mark_set"),
        (12, 5, "criteria.marks", "в шкале нет отметки «3»: она есть в наборе отметок 5, 4, 3, 2",
         'добавьте строку - {mark: "3", errors: […]}; набор отметок не объявлен, поэтому действует 5, 4, 3, 2; '
         "свой набор пишется в mark_set"),
        (12, 5, "criteria.shape", "отметки записаны словарём, а нужен список",
         'теперь каждая отметка — строка списка: - {mark: "5", errors: ["0/1"]}; - {mark: "4", errors: ["2/2"]}'),
    ]


# --- grades: one line of text that a form holds exactly --------------------------------------------------------

def test_grades_as_ranges_and_lists_in_one_line(tmp_path: Path) -> None:
    files = criteria(OGE)
    files[CRITERIA] = files[CRITERIA].replace("grades: 5-9", 'grades: "5–7, 9"')
    result = build(tmp_path, files)
    assert errors(result) == []
    assert '<div><dt>Классы<span class="visually-hidden">: </span></dt><dd>5–7, 9</dd></div>' in page(result)
    index = result.files["criteria/index.html"].decode("utf-8")
    assert "</a> — 5–7, 9 классы</li>" in index
    assert [g for g in range(1, 12) if f"<h3>{g} класс</h3>" in index] == [5, 6, 7, 9]


def test_grades_written_as_a_yaml_list_get_the_new_form(tmp_path: Path) -> None:
    files = criteria(OGE)
    files[CRITERIA] = files[CRITERIA].replace("grades: 5-9", "grades: [5, 6, 7]")
    assert [(i.line, i.column, i.path, i.message) for i in build(tmp_path, files).issues if i.is_error] == [
        (3, 9, "grades", 'классы пишутся одной строкой, а не списком: grades: "5, 6, 7"')]


def test_one_note_on_two_marks_is_one_footnote(tmp_path: Path) -> None:
    # «Отметки «4» и «5» … выставляются … при условии, что из них не менее 2 баллов получено … по геометрии».
    noted = (OGE.replace('range: "22–31 балл"}', f'range: "22–31 балл", note: "{GEOMETRY}"}}')
             .replace('range: "15–21 балл"}', f'range: "15–21 балл", note: "{GEOMETRY}"}}'))
    html = page(build(tmp_path, criteria(noted)))
    assert re.findall(r'<a href="#scale-1-note-(\d)" id="scale-1-ref-([\d-]+)"', html) == [("1", "1"), ("1", "1-2")]
    assert re.findall(r'<li id="scale-1-note-(\d)">', html) == ["1"]


def test_an_old_map_with_a_misspelt_class_still_gets_its_new_form(tmp_path: Path) -> None:
    old = """\
    - kind: errors
      title: Диктант
      error_classes: {орфографические: ошибки в написании слов}
      marks:
        5: [{орфографические: 0, орфографичские: 1}]
    """
    result = build(tmp_path, criteria(old))
    shape = [(i.line, i.hint) for i in result.issues if i.code == "criteria.shape"]
    assert shape == [(8, "теперь каждый вид — строка списка: - {name: орфографические, description: "
                         '"ошибки в написании слов"}'),
                     (9, 'теперь каждая отметка — строка списка: - {mark: "5", errors: ["…"]}')]
    assert result.failed()
