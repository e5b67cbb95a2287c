"""The rules of plans (oko/kinds/plans/rules.py) in process: the project is loaded (no site is rendered) and each
rule runs on it; every case asserts the whole list of issues — line, column, path, level, code, message.

The plan is the one of tests/test_errors.py (2025/2026, one item on line 9); cases add items and sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oko.kinds.plans import responsible, rules
from oko.links import LINK_HINT, Routes
from oko.models.deadline import DEADLINE_HINT
from oko.pipeline import load_project
from tests.test_errors import PLAN, PLAN_FILE, write_project

Row = tuple[int | None, int | None, str, str, str, str]
OUTSIDE = "вне периода плана (2025/2026 учебный год: август 2025 г. – август 2026 г.)"


def items(*entries: str) -> str:
    """The plan with these items instead of its own (each a YAML flow mapping)."""
    head = PLAN.split("items:\n")[0]
    return head + "items:\n" + "".join(f"  - {entry}\n" for entry in entries)


def loaded(root: Path, plan: str, **files: str) -> object:
    project, _issues = load_project(write_project(root, {PLAN_FILE: plan, **files}))
    return project


def found(issues: object) -> list[Row]:
    return [(i.line, i.column, i.path, i.level, i.code, i.message) for i in issues]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ deadlines

def test_a_mix_of_deadlines_in_one_plan(tmp_path: Path) -> None:
    project = loaded(tmp_path, items(
        '{activity: "Первое", deadline: "10.02.2026"}',
        '{activity: "Без срока"}',
        '{activity: "Свободный", deadline: "когда получится"}',
        '{activity: "Снаружи", deadline: "10.02.2027"}',
        '{activity: "По уровням", levels: [{level: school, deadline: "01.09.2026"}, {level: municipal}]}',
        '{activity: "Последнее", deadline: "31.08.2026"}',
    ))
    assert found(rules.deadlines_are_given(project)) == [  # type: ignore[arg-type]
        (10, 16, "items[1].activity", "warning", "plan.deadline_missing", "срок не указан")]
    assert found(rules.free_text_deadlines(project)) == [  # type: ignore[arg-type]
        (11, 39, "items[2].deadline", "warning", "plan.deadline_free_text",
         "срок «когда получится» не распознан и будет показан как есть")]
    assert found(rules.deadlines_inside_the_plan_period(project)) == [  # type: ignore[arg-type]
        (12, 37, "items[3].deadline", "warning", "plan.deadline_outside_period",
         f"«10.02.2027»: 10 февраля 2027 г. — {OUTSIDE}"),
        (13, 65, "items[4].levels[0].deadline", "warning", "plan.deadline_outside_period",
         f"«01.09.2026»: 1 сентября 2026 г. — {OUTSIDE}"),
    ]
    assert found(rules.deadlines_fit_the_calendar(project)) == []  # type: ignore[arg-type]
    hints = [i.hint for i in (*rules.deadlines_are_given(project), *rules.free_text_deadlines(project))]  # type: ignore[arg-type]
    assert hints == ["добавьте строку «deadline: …», " + DEADLINE_HINT, DEADLINE_HINT]


def test_a_deadline_impossible_only_in_the_plans_year(tmp_path: Path) -> None:
    """29 February without a year: 2026 (the plan's February) has none; the rule says so at the value."""
    project = loaded(tmp_path, items('{activity: "А", deadline: "29 февраля"}', '{activity: "Б", deadline: "1 марта"}'))
    issues = list(rules.deadlines_fit_the_calendar(project))  # type: ignore[arg-type]
    assert found(issues) == [(9, 31, "items[0].deadline", "error", "",
                              "«29 февраля»: такой даты нет в календаре: 29 февраля 2026 г.")]
    assert issues[0].hint == "укажите год явно, например «ноябрь 2025 – февраль 2026»"


def test_a_section_named_by_its_year_checks_its_dates_first(tmp_path: Path) -> None:
    head = PLAN.split("items:\n")[0]
    plan = head + """sections:
  - title: "2025 год"
    items:
      - {activity: "А", deadline: "10.12.2025"}
      - {activity: "Б", deadline: "10.02.2026"}
  - title: "Прочее"
    items:
      - {activity: "В", deadline: "10.02.2027"}
"""
    issues = list(rules.deadlines_inside_the_plan_period(loaded(tmp_path, plan)))  # type: ignore[arg-type]
    assert found(issues) == [
        (12, 35, "sections[0].items[1].deadline", "warning", "plan.deadline_outside_period",
         "«10.02.2026»: 10 февраля 2026 г. — вне раздела «2025 год» (2025 г.)"),
        (15, 35, "sections[1].items[0].deadline", "warning", "plan.deadline_outside_period",
         f"«10.02.2027»: 10 февраля 2027 г. — {OUTSIDE}"),
    ]
    assert [i.hint for i in issues] == [
        "проверьте год или укажите его явно, либо перенесите мероприятие в раздел своего года",
        "проверьте год или укажите его явно"]


# ------------------------------------------------------------------ numbers, names, organisations, links

def test_item_numbers_are_unique_ignoring_a_final_dot(tmp_path: Path) -> None:
    project = loaded(tmp_path, items(
        '{number: "1", activity: "А"}', '{activity: "Без номера"}', '{number: "2.", activity: "Б"}',
        '{number: "1.", activity: "В"}', '{number: "2", activity: "Г"}', '{activity: "Тоже без номера"}',
    ))
    issues = list(rules.item_numbers_are_unique(project))  # type: ignore[arg-type]
    assert found(issues) == [
        (12, 14, "items[3].number", "error", "", "номер «1.» уже есть у другого мероприятия плана (строка 9)"),
        (13, 14, "items[4].number", "error", "", "номер «2» уже есть у другого мероприятия плана (строка 11)"),
    ]
    assert {i.hint for i in issues} == {"у каждого мероприятия свой номер: исправьте опечатку или уберите повтор"}


def test_a_repeated_number_names_the_line_of_the_first_number_not_of_its_item(tmp_path: Path) -> None:
    project = loaded(tmp_path, items('activity: "А"\n    number: "7"', '{number: "7", activity: "Б"}'))
    assert found(rules.item_numbers_are_unique(project)) == [  # type: ignore[arg-type]
        (11, 14, "items[1].number", "error", "", "номер «7» уже есть у другого мероприятия плана (строка 10)")]


def test_names_run_together_in_items_and_levels(tmp_path: Path) -> None:
    project = loaded(tmp_path, items(
        '{activity: "А", responsible: [{position: "Иванова И.И.Петров П.П."}, {position: "Директор"}]}',
        '{activity: "Б", responsible: [{position: "Сидорова А.А., Козлов Б.Б."}]}',
        '{activity: "В", levels: [{level: school, responsible: [{position: "Директор"}, '
        '{position: "Орлова В.В.Белов Г.Г."}]}]}',
    ))
    issues = list(rules.responsible_names_are_separated(project))  # type: ignore[arg-type]
    assert [(line, path, level, code) for line, _column, path, level, code, _message in found(issues)] == [
        (9, "items[0].responsible[0].position", "warning", "plan.names_run_together"),
        (11, "items[2].levels[0].responsible[1].position", "warning", "plan.names_run_together"),
    ]
    assert [i.message for i in issues] == ["в «Иванова И.И.Петров П.П.» имена ответственных написаны слитно",
                                           "в «Орлова В.В.Белов Г.Г.» имена ответственных написаны слитно"]


@pytest.mark.parametrize(("data", "path", "value"), [
    ({"a": [{"b": "x"}]}, ("a", 0, "b"), "x"), ({"a": [1]}, ("a", 1), None), ({"a": 1}, ("a", "b"), None),
    ([1, 2], (1,), 2), ([1, 2], ("a",), None), ({"a": 1}, (0,), None), ({}, (), {}),
])
def test_a_raw_value_at_a_data_path(data: object, path: tuple[object, ...], value: object) -> None:
    assert responsible._raw(data, path) == value  # type: ignore[arg-type]


def test_the_plans_organisation_must_exist(tmp_path: Path) -> None:
    assert found(rules.plan_organisations_exist(loaded(tmp_path / "a", PLAN))) == []  # type: ignore[arg-type]
    project = loaded(tmp_path / "b", PLAN.replace("organisation: demo-school", "organisation: demo-shcool"))
    issues = list(rules.plan_organisations_exist(project))  # type: ignore[arg-type]
    assert found(issues) == [(2, 15, "organisation", "error", "",
                              "организация «demo-shcool» не найдена в content/organisations")]
    assert issues[0].hint == "возможно, вы имели в виду «demo-school»"


def test_evidence_links_lead_somewhere(tmp_path: Path) -> None:
    plan = items('{activity: "А", evidence: [{title: "Протокол", link: files/protokol.pdf}, '
                 '{title: "Нет", link: files/net.pdf}]}')
    project = loaded(tmp_path, plan, **{"content/files/protokol.pdf": "%PDF"})
    routes = Routes()
    routes.add("files/protokol.pdf", "file:files/protokol.pdf", "/files/protokol.pdf", "Протокол")
    issues = list(rules.plan_evidence_links_resolve(project, routes))  # type: ignore[arg-type]
    assert [(i.line, i.path, i.message) for i in issues] == [
        (9, "items[0].evidence[1].link", "ссылка «files/net.pdf» никуда не ведёт: такого файла или страницы нет")]
    assert [i.hint for i in issues] == [LINK_HINT]


def test_check_plans_runs_every_rule_old_shapes_first(tmp_path: Path) -> None:
    """check_plans: each rule's issues, old shapes first, then the rules in their order — nothing lost or doubled."""
    project = loaded(tmp_path, items(
        '{number: "1", activity: "А", deadline: "когда получится", responsible: ["Директор"]}',
        '{number: "1.", activity: "Б", responsible: [{position: "Иванова И.И.Петров П.П."}]}',
        '{activity: "В", deadline: "10.02.2026", evidence: [{title: "Протокол", link: files/protokol.pdf}]}',
    ), **{"content/files/protokol.pdf": "%PDF"})
    routes = Routes()  # the protocol is found through the routes check_plans is given
    routes.add("files/protokol.pdf", "file:files/protokol.pdf", "/files/protokol.pdf", "Протокол")
    every = [*(issue for entry in rules.plans(project).values() for issue in rules.old_shapes(entry)),  # type: ignore[arg-type]
             *rules.plan_organisations_exist(project), *rules.plan_evidence_links_resolve(project, routes),  # type: ignore[arg-type]
             *rules.deadlines_fit_the_calendar(project), *rules.deadlines_are_given(project),  # type: ignore[arg-type]
             *rules.free_text_deadlines(project), *rules.deadlines_inside_the_plan_period(project),  # type: ignore[arg-type]
             *rules.item_numbers_are_unique(project), *rules.responsible_names_are_separated(project)]  # type: ignore[arg-type]
    checked = rules.check_plans(project, routes)  # type: ignore[arg-type]
    assert [i.code for i in checked] == ["plan.shape", "plan.deadline_missing", "plan.deadline_free_text", "",
                                     "plan.names_run_together"]
    assert found(checked) == found(every)
    assert [i.hint for i in checked][-1] == "разделите людей запятой или запишите каждого отдельной строкой списка"
