"""The criteria rules (oko/kinds/criteria/rules.py, coverage.py) at their boundaries, in process: the project
is loaded (no site is rendered) and check_criteria runs on it.

Each case asserts the whole list of issues — line, field path, code and message — so an extra error
(a gap reported twice, an overlap reported as a gap) fails as much as a missing one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from oko.kinds.criteria.rules import check_criteria
from oko.pipeline import load_project
from tests.test_criteria import BASE, CRITERIA

Found = tuple[int | None, str, str, str]
HEAD = "---\nsubject: Математика\ngrades: 5-9\nwork_types: [контрольная работа]\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in {**BASE, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(scales: str, head: str = HEAD) -> str:
    return head + "scales:\n" + textwrap.indent(textwrap.dedent(scales), "  ") + "---\nТекст критериев.\n"


def found(root: Path, scales: str, head: str = HEAD, **more: str) -> list[Found]:
    project, issues = load_project(write(root, {CRITERIA: page(scales, head), **more}))
    assert [i.message for i in issues if i.level == "error"] == []
    return [(i.line, i.path, i.code.removeprefix("criteria."), i.message) for i in check_criteria(project)]


def hints(root: Path, scales: str, head: str = HEAD) -> list[str]:
    project, _issues = load_project(write(root, {CRITERIA: page(scales, head)}))
    return [i.hint for i in check_criteria(project)]


def percent(*rows: str, kind: str = "percent", extra: str = "") -> str:
    marks = "".join(f"    - {row}\n" for row in rows)
    return f"- kind: {kind}\n  title: Работа\n{extra}  marks:\n{marks}"


# ------------------------------------------------------------------ ranges: gaps, overlaps, order, the top

def test_a_scale_that_covers_every_value_once(tmp_path: Path) -> None:
    assert found(tmp_path, percent('{mark: "5", range: 90-100}', '{mark: "4", range: 70-89}',
                                   '{mark: "3", range: 50-69}', '{mark: "2", range: 0-49}')) == []


@pytest.mark.parametrize(("rows", "expected"), [
    (('{mark: "5", range: 90-99}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(8, "scales[0].marks", "scale", "пропущены проценты 100: им не соответствует ни одна отметка")]),
    (('{mark: "5", range: 90-98}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(8, "scales[0].marks", "scale", "пропущены проценты 99–100: им не соответствует ни одна отметка")]),
    (('{mark: "5", range: 90-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 1-49}'),
     [(12, "scales[0].marks[3].range", "scale", "пропущены проценты 0: им не соответствует ни одна отметка")]),
    (('{mark: "5", range: 90-100}', '{mark: "4", range: 70-88}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(9, "scales[0].marks[0].range", "scale", "пропущены проценты 89: им не соответствует ни одна отметка")]),
    (('{mark: "5", range: 89-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(9, "scales[0].marks[0].range", "scale", "проценты 89 попадают и в «5», и в «4»")]),
    (('{mark: "5", range: 80-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(9, "scales[0].marks[0].range", "scale", "проценты 80–89 попадают и в «5», и в «4»")]),
    (('{mark: "5", range: 70-89}', '{mark: "4", range: 90-100}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'),
     [(10, "scales[0].marks[1].range", "scale", "отметки не по порядку: диапазон «4» (90–100) выше, чем у «5» "
                                               "(70–89)")]),
])
def test_gaps_overlaps_and_order_of_a_percent_scale(tmp_path: Path, rows: tuple[str, ...],
                                                    expected: list[Found]) -> None:
    assert found(tmp_path, percent(*rows)) == expected


def test_the_gap_at_the_top_of_a_points_scale_and_a_range_above_it(tmp_path: Path) -> None:
    scale = percent('{mark: "5", range: 18-19}', '{mark: "4", range: 14-17}', '{mark: "3", range: 9-13}',
                    '{mark: "2", range: 0-8}', kind="points", extra="  max: 20\n")
    assert found(tmp_path / "a", scale) == [
        (9, "scales[0].marks", "scale", "пропущены баллы 20: им не соответствует ни одна отметка")]
    scale = percent('{mark: "5", range: 18-21}', '{mark: "4", range: 14-17}', '{mark: "3", range: 9-13}',
                    '{mark: "2", range: 0-8}', kind="points", extra="  max: 20\n")
    assert found(tmp_path / "b", scale) == [
        (10, "scales[0].marks[0].range", "scale", "«5»: 18–21 — больше наибольшего балла 20")]
    scale = percent('{mark: "5", range: 18-20}', '{mark: "4", range: 14-17}', '{mark: "3", range: 9-13}',
                    '{mark: "2", range: 0-8}', kind="points", extra="  max: 20\n")
    assert found(tmp_path / "c", scale) == []


def test_a_unit_that_does_not_fit_the_scale(tmp_path: Path) -> None:
    scale = percent('{mark: "5", range: 18-20 баллов}', '{mark: "4", range: 14-17}', '{mark: "3", range: 9-13}',
                    '{mark: "2", range: 0-8}', kind="percent")
    assert found(tmp_path, scale) == [
        (9, "scales[0].marks[0].range", "scale", "«18-20 баллов»: шкала в процентах, а здесь баллы"),
        (8, "scales[0].marks", "scale", "пропущены проценты 21–100: им не соответствует ни одна отметка"),
    ]


def test_an_error_count_scale_is_open_at_the_worst_mark(tmp_path: Path) -> None:
    open_end = percent('{mark: "5", range: 0 ошибок}', '{mark: "4", range: 1-2 ошибки}',
                       '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5 и более ошибок}', kind="error_count")
    assert found(tmp_path / "a", open_end) == []
    closed = percent('{mark: "5", range: 0 ошибок}', '{mark: "4", range: 1-2 ошибки}',
                     '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5-6 ошибок}', kind="error_count")
    assert found(tmp_path / "b", closed) == [
        (12, "scales[0].marks[3].range", "scale", "больше 6 ошибок не соответствует ни одна отметка")]
    assert hints(tmp_path / "b", closed) == ["у худшей отметки напишите «7 и более ошибок» или «более 6»"]
    reversed_ = percent('{mark: "5", range: 1-2 ошибки}', '{mark: "4", range: 0 ошибок}',
                        '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5 и более ошибок}', kind="error_count")
    assert found(tmp_path / "c", reversed_) == [
        (10, "scales[0].marks[1].range", "scale",
         "отметки не по порядку: у «5» (1-2 ошибки) ошибок больше, чем у «4» (0 ошибок)")]


# ------------------------------------------------------------------ marks of the scale

def test_marks_missing_twice_or_unknown(tmp_path: Path) -> None:
    scale = percent('{mark: "5", range: 90-100}', '{mark: "5", range: 70-89}', '{mark: "Три", range: 50-69}',
                    '{mark: "2", range: 0-49}')
    assert found(tmp_path, scale) == [
        (10, "scales[0].marks[1].mark", "marks", "отметка «5» указана в шкале дважды"),
        (11, "scales[0].marks[2].mark", "marks", "отметки «Три» нет в наборе отметок: 5, 4, 3, 2"),
        (8, "scales[0].marks", "marks", "в шкале нет отметки «4»: она есть в наборе отметок 5, 4, 3, 2"),
        (8, "scales[0].marks", "marks", "в шкале нет отметки «3»: она есть в наборе отметок 5, 4, 3, 2"),
        (9, "scales[0].marks[0].range", "scale", "пропущены проценты 50–89: им не соответствует ни одна отметка"),
    ]


def test_a_mark_set_of_one_mark_and_a_repeated_mark(tmp_path: Path) -> None:
    head = HEAD + 'mark_set: [{mark: "зачёт"}, {mark: "зачёт"}, {mark: "незачёт"}]\n'
    scale = percent('{mark: "зачёт", range: 50-100}', '{mark: "незачёт", range: 0-49}')
    assert found(tmp_path / "a", scale, head) == [
        (5, "mark_set[1].mark", "marks", "отметка «зачёт» повторяется в наборе отметок")]
    single = percent('{mark: "зачёт", range: 0-100}', extra='  mark_set: [{mark: "зачёт"}]\n')
    assert found(tmp_path / "b", single) == [
        (8, "scales[0].mark_set", "marks", "в наборе отметок одна отметка «зачёт»: нужно хотя бы две")]
    assert hints(tmp_path / "b", single) == ["например: зачёт и незачёт"]


# ------------------------------------------------------------------ rubrics

RUBRIC = """\
- kind: rubric
  title: Задача
  criteria:
    - {code: К1, name: Модель, max: 2}
    - {code: К2, name: Вычисления, max: 2}
    - {code: К1, name: Ответ, max: 1}
  marks:
    - {mark: "5", range: 5}
    - {mark: "4", range: 4}
    - {mark: "3", range: 2-3}
    - {mark: "2", range: 0-1}
"""


def test_duplicate_rubric_codes_are_each_an_error(tmp_path: Path) -> None:
    assert found(tmp_path / "a", RUBRIC) == [
        (11, "scales[0].criteria[2].code", "scale", "критерий «К1» повторяется")]
    uncoded = RUBRIC.replace("{code: К1, name: Модель", "{name: Модель").replace("{code: К1, name: Ответ",
                                                                                 "{name: Ответ")
    assert found(tmp_path / "b", uncoded) == []  # criteria without codes repeat nothing


GROUPS = """\
- kind: rubric
  title: Сочинение
  max: 7
  groups:
    - code: К1–К2
      name: Содержание
      max: 4
      criteria:
        - {code: К1, name: Тема, max: 2}
        - {code: К2, name: Аргументы, max: 1}
    - name: Грамотность
      criteria:
        - {code: К2, name: Орфография, max: 2}
        - {code: К4, name: Пунктуация, max: 1}
  marks:
    - {mark: "5", range: 6-7}
    - {mark: "4", range: 4-5}
    - {mark: "3", range: 2-3}
    - {mark: "2", range: 0-1}
"""


def test_groups_add_up_and_their_codes_are_unique_across_groups(tmp_path: Path) -> None:
    assert found(tmp_path, GROUPS) == [
        (12, "scales[0].groups[0].max", "rubric",
         "группа «К1–К2 Содержание»: наибольший балл 4, а сумма баллов её критериев — 3 (2 + 1)"),
        (18, "scales[0].groups[1].criteria[0].code", "scale", "критерий «К2» повторяется"),
    ]
    assert hints(tmp_path, GROUPS)[0] == "исправьте max группы или наибольшие баллы её критериев"


def test_the_work_maximum_is_the_sum_of_groups_or_criteria(tmp_path: Path) -> None:
    wrong = GROUPS.replace("  max: 7\n", "  max: 8\n").replace("max: 4\n", "max: 3\n").replace(
        "{code: К2, name: Орфография", "{code: К3, name: Орфография")
    assert found(tmp_path / "a", wrong) == [
        (20, "scales[0].marks", "scale", "пропущены баллы 8: им не соответствует ни одна отметка"),
        (8, "scales[0].max", "rubric", "наибольший балл за работу 8, а сумма групп — 6 (3 + 3)"),
    ]
    assert hints(tmp_path / "a", wrong)[1] == "исправьте max или наибольшие баллы групп"
    flat = RUBRIC.replace("{code: К1, name: Ответ", "{code: К3, name: Ответ").replace(
        "  title: Задача\n", "  title: Задача\n  max: 4\n")
    assert found(tmp_path / "b", flat) == [
        (14, "scales[0].marks[0].range", "scale", "«5»: 5 — больше наибольшего балла 4"),
        (8, "scales[0].max", "rubric", "наибольший балл за работу 4, а сумма критериев — 5 (2 + 2 + 1)"),
    ]
    one = flat.replace("    - {code: К2, name: Вычисления, max: 2}\n    - {code: К3, name: Ответ, max: 1}\n", "")
    assert [message for _line, _path, code, message in found(tmp_path / "c", one) if code == "rubric"] == [
        "наибольший балл за работу 4, а сумма критериев — 2"]


# ------------------------------------------------------------------ error norms

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
    - {mark: "2"}
"""


def test_valid_error_norms(tmp_path: Path) -> None:
    assert found(tmp_path, ERRORS) == []


def test_equal_norms_for_adjacent_marks_are_allowed_and_more_is_not(tmp_path: Path) -> None:
    equal = ERRORS.replace('["2/2", "1/3"]', '["0/1"]')
    assert found(tmp_path / "a", equal) == []
    more = ERRORS.replace('["2/2", "1/3"]', '["2/2", "5/4"]')
    assert found(tmp_path / "b", more) == [
        (13, "scales[0].marks[1]", "errors", "для «4» допускается больше ошибок (9), чем для «3» (8)")]
    assert hints(tmp_path / "b", more) == ["лучшая отметка допускает не больше ошибок, чем худшая"]
    best = ERRORS.replace('["0/1"]', '["3/3"]')
    assert found(tmp_path / "c", best) == [
        (12, "scales[0].marks[0]", "errors", "для «5» допускается больше ошибок (6), чем для «4» (4)")]


def test_norms_with_a_wrong_count_and_a_missing_norm(tmp_path: Path) -> None:
    broken = ERRORS.replace('["0/1"]', '["0"]').replace('{mark: "3", errors: ["4/4"]}', '{mark: "3"}') \
        .replace('["2/2", "1/3"]', '["2/2", "1/3/0"]')
    assert found(tmp_path, broken) == [
        (12, "scales[0].marks[0].errors[0]", "errors",
         "«0»: чисел 1, а видов ошибок 2 (орфографические/пунктуационные)"),
        (13, "scales[0].marks[1].errors[1]", "errors",
         "«1/3/0»: чисел 3, а видов ошибок 2 (орфографические/пунктуационные)"),
        (14, "scales[0].marks[2].mark", "errors", "для «3» не указаны допустимые ошибки"),
    ]
    assert hints(tmp_path, broken) == ["по одному числу на каждый вид ошибок, через «/», в порядке error_classes"] * 2 \
        + ["без errors можно оставить только худшую отметку — «2»"]


# ------------------------------------------------------------------ general parts

def test_an_inherited_part_must_exist_and_be_general(tmp_path: Path) -> None:
    general = "---\nsubject: Общие критерии\ngrades: 5-9\ngeneral: true\n---\nОбщее.\n"
    notgeneral = "---\nsubject: Русский язык\ngrades: 5-9\n---\nТекст.\n"
    scale = percent('{mark: "5", range: 90-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
                    '{mark: "2", range: 0-49}')
    files = {"content/criteria/obschie.md": general, "content/criteria/russkiy.md": notgeneral}
    assert found(tmp_path / "a", scale, HEAD + "inherits: obschie\n", **files) == []
    assert found(tmp_path / "b", scale, HEAD + "inherits: obschi\n", **files) == [
        (5, "inherits", "inherits", "общей части «obschi» нет: нужен файл content/criteria/obschi.md с general: true")]
    assert found(tmp_path / "c", scale, HEAD + "inherits: russkiy\n", **files) == [
        (5, "inherits", "inherits",
         "общей части «russkiy» нет: нужен файл content/criteria/russkiy.md с general: true")]


# ------------------------------------------------------------------ the hints of the marks' coverage

DEFAULT_SET = "набор отметок не объявлен, поэтому действует 5, 4, 3, 2; свой набор пишется в mark_set"
OWN_SET = "набор отметок объявлен в mark_set в начале файла"


def test_the_hints_of_a_repeated_an_unknown_and_a_missing_mark(tmp_path: Path) -> None:
    scale = percent('{mark: "5", range: 90-100}', '{mark: "5", range: 70-89}', '{mark: "Три", range: 50-69}',
                    '{mark: "2", range: 0-49}')
    assert hints(tmp_path, scale) == [
        "у каждой отметки — одна строка",
        DEFAULT_SET,  # «Три» is no spelling of a declared mark: the set is named instead
        f'добавьте строку - {{mark: "4", range: …}}; {DEFAULT_SET}',
        f'добавьте строку - {{mark: "3", range: …}}; {DEFAULT_SET}',
        "",
    ]


def test_a_missing_mark_of_an_error_scale_is_added_with_its_errors(tmp_path: Path) -> None:
    scale = ERRORS.replace('    - {mark: "4", errors: ["2/2", "1/3"]}\n', "")
    assert found(tmp_path, scale) == [
        (11, "scales[0].marks", "marks", "в шкале нет отметки «4»: она есть в наборе отметок 5, 4, 3, 2")]
    assert hints(tmp_path, scale) == [f'добавьте строку - {{mark: "4", errors: […]}}; {DEFAULT_SET}']


@pytest.mark.parametrize(("written", "meant"), [
    ("Зачет", "зачёт"),  # case and «ё»
    ("Высокий", "высокий уровень"),  # the first word of a declared mark
])
def test_a_mark_written_differently_is_named_in_the_hint(tmp_path: Path, written: str, meant: str) -> None:
    other = "незачёт" if meant == "зачёт" else "низкий уровень"
    head = HEAD + f'mark_set: [{{mark: "{meant}"}}, {{mark: "{other}"}}]\n'
    scale = percent(f'{{mark: "{written}", range: 50-100}}', f'{{mark: "{other}", range: 0-49}}')
    assert found(tmp_path, scale, head) == [
        (10, "scales[0].marks[0].mark", "marks", f"отметки «{written}» нет в наборе отметок: {meant}, {other}"),
        (9, "scales[0].marks", "marks", f"в шкале нет отметки «{meant}»: она есть в наборе отметок {meant}, {other}"),
        (9, "scales[0].marks", "scale", "пропущены проценты 50–100: им не соответствует ни одна отметка"),
    ]
    assert hints(tmp_path, scale, head) == [
        f"возможно, вы имели в виду «{meant}»",
        f'добавьте строку - {{mark: "{meant}", range: …}}; {OWN_SET}',
        "",
    ]


# ------------------------------------------------------------------ hints, error counts, scales after an error scale

def test_the_hints_of_marks_out_of_order_and_of_a_unit_that_does_not_fit(tmp_path: Path) -> None:
    swapped = percent('{mark: "5", range: 70-89}', '{mark: "4", range: 90-100}', '{mark: "3", range: 50-69}',
                      '{mark: "2", range: 0-49}')
    assert hints(tmp_path / "a", swapped) == ["у лучшей отметки — самые высокие баллы"]
    errors = percent('{mark: "5", range: 1-2 ошибки}', '{mark: "4", range: 0 ошибок}',
                     '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5 и более ошибок}', kind="error_count")
    assert hints(tmp_path / "b", errors) == ["у лучшей отметки — меньше всего ошибок"]
    unit = percent('{mark: "5", range: 90-100 баллов}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
                   '{mark: "2", range: 0-49}')
    assert hints(tmp_path / "c", unit) == ["единица этой шкалы — проценты, или смените kind"]


def test_a_gap_and_an_overlap_of_error_counts_are_said_in_the_singular(tmp_path: Path) -> None:
    gap = percent('{mark: "5", range: 0 ошибок}', '{mark: "4", range: 2 ошибки}',
                  '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5 и более ошибок}', kind="error_count")
    assert found(tmp_path / "a", gap) == [
        (10, "scales[0].marks[1].range", "scale", "пропущено число ошибок 1: ему не соответствует ни одна отметка")]
    wide = percent('{mark: "5", range: 0 ошибок}', '{mark: "4", range: 3-4 ошибки}',
                   '{mark: "3", range: 5-6 ошибок}', '{mark: "2", range: 7 и более ошибок}', kind="error_count")
    assert found(tmp_path / "b", wide) == [
        (10, "scales[0].marks[1].range", "scale",
         "пропущено число ошибок 1–2: ему не соответствует ни одна отметка")]
    overlap = percent('{mark: "5", range: 0-1 ошибка}', '{mark: "4", range: 1-2 ошибки}',
                      '{mark: "3", range: 3-4 ошибки}', '{mark: "2", range: 5 и более ошибок}', kind="error_count")
    assert found(tmp_path / "c", overlap) == [
        (10, "scales[0].marks[1].range", "scale", "число ошибок 1 попадает и в «5», и в «4»")]


def test_a_scale_after_an_error_scale_is_checked_too(tmp_path: Path) -> None:
    after = percent('{mark: "5", range: 90-99}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
                    '{mark: "2", range: 0-49}')
    assert found(tmp_path, ERRORS + after) == [
        (18, "scales[1].marks", "scale", "пропущены проценты 100: им не соответствует ни одна отметка")]


def test_a_mark_set_of_one_mark_points_at_its_key(tmp_path: Path) -> None:
    single = percent('{mark: "зачёт", range: 0-100}', extra='  mark_set: [{mark: "зачёт"}]\n')
    project, _issues = load_project(write(tmp_path, {CRITERIA: page(single)}))
    assert [(i.line, i.column, i.path) for i in check_criteria(project)] == [(8, 5, "scales[0].mark_set")]


def test_a_mark_written_in_quotes_is_named_in_the_hint(tmp_path: Path) -> None:
    head = HEAD + 'mark_set: [{mark: "зачёт"}, {mark: "незачёт"}]\n'
    scale = percent('{mark: "«Зачет»", range: 50-100}', '{mark: "незачёт", range: 0-49}')
    assert hints(tmp_path, scale, head)[0] == "возможно, вы имели в виду «зачёт»"


@pytest.mark.parametrize(("inherits", "hint"), [
    ("obschi", "возможно, вы имели в виду «obschie»"),
    ("obsc123", "возможно, вы имели в виду «obschie»"),  # a ratio of 0.57: above the cutoff of 0.5
    ("russkiy", ""),  # a file, but not a general part, and no general part is close
])
def test_the_hint_of_a_missing_general_part(tmp_path: Path, inherits: str, hint: str) -> None:
    general = "---\nsubject: Общие критерии\ngrades: 5-9\ngeneral: true\n---\nОбщее.\n"
    notgeneral = "---\nsubject: Русский язык\ngrades: 5-9\n---\nТекст.\n"
    scale = percent('{mark: "5", range: 90-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
                    '{mark: "2", range: 0-49}')
    files = {"content/criteria/obschie.md": general, "content/criteria/russkiy.md": notgeneral}
    project, _issues = load_project(write(tmp_path, {CRITERIA: page(scale, HEAD + f"inherits: {inherits}\n"),
                                                     **files}))
    assert [i.hint for i in check_criteria(project)] == [hint]


@pytest.mark.parametrize(("rows", "kind", "expected"), [
    # equal lower bounds: an overlap, not also «out of order»
    (('{mark: "5", range: 70-100}', '{mark: "4", range: 70-89}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'), "percent",
     [(9, "scales[0].marks[0].range", "scale", "проценты 70–89 попадают и в «5», и в «4»")]),
    (('{mark: "5", range: 50-100}', '{mark: "4", range: 50-100}', '{mark: "3", range: 20-49}',
      '{mark: "2", range: 0-19}'), "percent",  # the same range twice
     [(10, "scales[0].marks[1].range", "scale", "проценты 50–100 попадают и в «5», и в «4»")]),
    (('{mark: "5", range: 0-1 ошибка}', '{mark: "4", range: 0-2 ошибки}', '{mark: "3", range: 3-4 ошибки}',
      '{mark: "2", range: 5 и более ошибок}'), "error_count",
     [(10, "scales[0].marks[1].range", "scale", "число ошибок 0–1 попадает и в «5», и в «4»")]),
    # two ranges open at the top end at the scale's top (100 %), not at «no end»
    (('{mark: "5", range: от 90}', '{mark: "4", range: от 70}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'), "percent",
     [(9, "scales[0].marks[0].range", "scale", "проценты 90–100 попадают и в «5», и в «4»")]),
    # the worse mark starts higher though the ranges overlap: out of order, and the overlap
    (('{mark: "5", range: 70-95}', '{mark: "4", range: 80-100}', '{mark: "3", range: 50-69}',
      '{mark: "2", range: 0-49}'), "percent",
     [(10, "scales[0].marks[1].range", "scale", "отметки не по порядку: диапазон «4» (80–100) выше, чем у «5» "
                                               "(70–95)"),
      (10, "scales[0].marks[1].range", "scale", "проценты 80–95 попадают и в «5», и в «4»")]),
])
def test_ranges_that_start_together_overlap_and_are_not_out_of_order(tmp_path: Path, rows: tuple[str, ...],
                                                                     kind: str, expected: list[Found]) -> None:
    assert found(tmp_path, percent(*rows, kind=kind)) == expected
