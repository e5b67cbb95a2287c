"""Issue 12's plan forms, each rendered where a reader meets it — the plan page and its XLSX (read back with
openpyxl) — with the exact text, and each mistake with its exact located Russian message (the whole list).

Forms: the item's own number («42», «3.1», «2.4.1», anchors #p42, #p3-1), the note («примечание»), a measure
by levels (regional / municipal / school, each with its responsible and result), any section heading with
year rows («2026 год»: a month without a year is of that year), responsible cells read as people and roles,
and the deadline forms the issue names (open-ended start, months across years, a recurrence with its first
year, a week of a month, a time of day with its zone).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from oko.errors import Issue
from oko.pipeline import BuildResult, generate
from tests.test_errors import PLAN_FILE, write_project

FORMS = """\
title: "План мероприятий"
organisation: demo-school
period:
  start: "01.01.2025"
  end: "31.12.2026"
sections:
  - title: "Организационные меры"
    items:
      - number: "42"
        activity: "Совещание"
        deadline: "10.02.2026"
        responsible:
          - position: "Иванова И.И., заместитель директора по УР"
        note: "Протокол — в приёмной"
      - number: "3.1"
        activity: "Семинар"
        deadline: "с 01.09.2025"
        responsible:
          - position: "Директор, руководители ШМО"
      - activity: "Мониторинг"
        deadline: "сентябрь, декабрь 2025, март 2026"
      - activity: "Анкетирование"
        deadline: "ежегодно, начиная с 2025 г."
      - activity: "Вебинар"
        deadline: "10:00 (мск)"
  - title: "2026 год"
    items:
      - number: "2.4.1"
        activity: "Проведение ВПР"
        levels:
          - level: regional
            deadline: "октябрь"
            responsible:
              - position: "Региональный координатор"
            result: "График утверждён"
          - level: school
            deadline: "первая неделя октября"
            responsible:
              - position: "Иванова Ирина Ивановна, директор"
            result: "Работы проведены"
            note: "по графику"
"""


def build(plan_text: str, tmp_path: Path) -> BuildResult:
    return generate(write_project(tmp_path, {PLAN_FILE: plan_text}))


def rows(html: str) -> list[str]:
    """Each table row of the plan as its text, spaces collapsed."""
    found = re.findall(r"<tr class=\"plan-(?:item|level|section)\"[^>]*>.*?</tr>", html, re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in found]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(FORMS, tmp_path_factory.mktemp("forms"))


@pytest.fixture(scope="module")
def page(built: BuildResult) -> str:
    return built.files["plans/x/index.html"].decode("utf-8")


def test_the_forms_plan_has_no_issue(built: BuildResult) -> None:
    assert [(i.level, i.file, i.message) for i in built.issues if i.file == PLAN_FILE] == []


def issues_of(plan_text: str, tmp_path: Path) -> list[tuple[str, int | None, int | None, str, str, str]]:
    """(level, line, column, path, message, hint) of every issue of the plan file."""
    found: list[Issue] = [i for i in build(plan_text, tmp_path).issues if i.file == PLAN_FILE]
    return [(i.level, i.line, i.column, i.path, i.message, i.hint) for i in found]


def spoil(old: str, new: str) -> str:
    assert old in FORMS
    return FORMS.replace(old, new, 1)


# ------------------------------------------------------------------ the page, row by row
def test_the_page_shows_every_form_as_written(page: str) -> None:
    assert rows(page) == [
        "Раздел 1. Организационные меры",
        "42 Совещание 10 февраля 2026 г. Иванова И.И. , заместитель директора по УР Протокол — в приёмной",
        "3.1 Семинар с 01.09.2025 Директор руководители ШМО",
        "1.3 Мониторинг сентябрь , декабрь 2025 г. , март 2026 г. не указаны",
        "1.4 Анкетирование ежегодно, начиная с 2025 г. не указаны",
        "1.5 Вебинар 10:00 (мск) не указаны",
        "2026 год",  # a year row is a heading as written, not «Раздел 2.»
        "2.4.1 Проведение ВПР",
        "региональный уровень октябрь 2026 г. Региональный координатор График утверждён",
        "уровень образовательной организации первая неделя октября Иванова Ирина Ивановна , директор "
        "Работы проведены по графику",
    ]


def test_own_numbers_are_the_anchors(page: str) -> None:
    assert re.findall(r'<tr class="plan-item" id="([^"]*)"', page) == [
        "p42", "p3-1", "item-1-3", "item-1-4", "item-1-5", "p2-4-1"]


def test_the_note_has_its_column(page: str) -> None:
    assert '<th scope="col">Примечание</th>' in page
    assert '<td class="multiline" data-label="Примечание">Протокол — в приёмной</td>' in page


def test_levels_are_sub_rows_with_their_own_people(page: str) -> None:
    levels = re.findall(r'<tr class="plan-level">.*?</tr>', page, re.DOTALL)
    assert len(levels) == 2
    assert '<th scope="row" class="level-name" data-label="Уровень">региональный уровень</th>' in levels[0]
    assert '<li><span class="person">Иванова Ирина Ивановна</span>, директор</li>' in levels[1]


def test_responsible_cells_are_people_and_roles(page: str) -> None:
    assert '<li><span class="person">Иванова И.И.</span>, заместитель директора по УР</li>' in page
    cell = re.search(r'<td data-label="Ответственные">(.*?)</td>', page.split('id="p3-1"')[1], re.DOTALL)
    assert cell is not None
    assert re.findall(r"<li>(.*?)</li>", cell.group(1)) == ["Директор", "руководители ШМО"]


def test_deadline_forms_carry_their_dates(page: str) -> None:
    """Each named form is structured: its dates in <time datetime>, the year row's months in 2026."""
    times = re.findall(r'<time datetime="([^"]*)">([^<]*)</time>', page)
    assert times[2:] == [
        ("2026-02-10", "10 февраля 2026 г."), ("2025-09-01", "01.09.2025"),  # «с 01.09.2025»
        ("2025-09", "сентябрь"), ("2025-12", "декабрь 2025 г."), ("2026-03", "март 2026 г."),
        ("2025", "2025 г."),  # «ежегодно, начиная с 2025 г.»
        ("10:00", "10:00 (мск)"),
        ("2026-10", "октябрь 2026 г."), ("2026-10", "первая неделя октября"),  # under «2026 год»
    ]


# ------------------------------------------------------------------ the spreadsheet
def test_the_xlsx_holds_every_form(built: BuildResult) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(built.files["plans/x.xlsx"])).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["№", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Статус", "Примечание"],
        [None, "Раздел 1. Организационные меры", None, None, None, None, None],
        ["42", "Совещание", "10.02.2026", "Иванова И.И., заместитель директора по УР", None, None,
         "Протокол — в приёмной"],
        ["3.1", "Семинар", "с 01.09.2025", "Директор; руководители ШМО", None, None, None],
        ["1.3", "Мониторинг", "сентябрь, декабрь 2025, март 2026", None, None, None, None],
        ["1.4", "Анкетирование", "ежегодно, начиная с 2025 г.", None, None, None, None],
        ["1.5", "Вебинар", "10:00 (мск)", None, None, None, None],
        [None, "2026 год", None, None, None, None, None],
        ["2.4.1", "Проведение ВПР", None, None, None, None, None],
        [None, "региональный уровень", "октябрь", "Региональный координатор", "График утверждён", None, None],
        [None, "уровень образовательной организации", "первая неделя октября", "Иванова Ирина Ивановна, директор",
         "Работы проведены", None, "по графику"],
    ]
    assert {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value is not None} == {"s"}


# ------------------------------------------------------------------ year rows place the months
def test_a_month_under_a_year_row_is_of_that_year(tmp_path: Path) -> None:
    """Before: «октябрь» took the plan's first October (2025) whatever the year row said, silently."""
    from oko.kinds.plans.model import Plan

    data = {"title": "План", "organisation": "demo-school", "period": {"start": "01.01.2025", "end": "31.12.2026"},
            "sections": [{"title": title, "items": [{"activity": "Отчёт", "deadline": "октябрь"}]}
                         for title in ("Мониторинг", "2026 год", "2025–2026 годы", "2026 г.")]}
    plan = Plan.model_validate(data)
    years = [section.items[0].deadline.points[0].year for section in plan.sections]
    assert years == [2025, 2026, 2025, 2026]
    assert [section.years for section in plan.sections] == [None, (2026, 2026), (2025, 2026), (2026, 2026)]


# ------------------------------------------------------------------ mistakes, located
def test_a_repeated_number_is_an_error_naming_the_first(tmp_path: Path) -> None:
    assert issues_of(spoil('number: "3.1"', 'number: "42."'), tmp_path) == [
        ("error", 15, 17, "sections[0].items[1].number", "номер «42.» уже есть у другого мероприятия плана (строка 9)",
         "у каждого мероприятия свой номер: исправьте опечатку или уберите повтор")]


def test_a_number_that_is_no_number_is_an_error(tmp_path: Path) -> None:
    assert issues_of(spoil('number: "3.1"', 'number: "п. 3.1"'), tmp_path) == [
        ("error", 15, 17, "sections[0].items[1].number", "номер мероприятия «п. 3.1» — не номер: пишутся цифры с "
         "точками, как в документе, например 42, 3.1 или 2.4.1", "")]


@pytest.mark.parametrize("joined", ["Иванова И.И.Петров П.П.", "Иванова Ирина Ивановна Петров Пётр Петрович"])
def test_names_run_together_are_a_warning(tmp_path: Path, joined: str) -> None:
    assert issues_of(spoil('"Директор, руководители ШМО"', f'"{joined}"'), tmp_path) == [
        ("warning", 19, 23, "sections[0].items[1].responsible[0].position",
         f"в «{joined}» имена ответственных написаны слитно",
         "разделите людей запятой или запишите каждого отдельной строкой списка")]


def test_an_unknown_level_is_an_error_with_the_close_one(tmp_path: Path) -> None:
    assert issues_of(spoil("level: regional", "level: regionl"), tmp_path) == [
        ("error", 31, 20, "sections[1].items[0].levels[0].level",
         "недопустимое значение «regionl»: допустимы federal (федеральный уровень), regional (региональный уровень), "
         "municipal (муниципальный уровень), school (уровень образовательной организации)",
         "возможно, вы имели в виду «regional»")]


@pytest.mark.parametrize("date", ["10.02.2025", "10.02.2027"])
def test_a_date_outside_its_year_row_is_a_warning_naming_the_row(tmp_path: Path, date: str) -> None:
    day = f"10 февраля {date[-4:]} г."
    assert issues_of(spoil('deadline: "октябрь"', f'deadline: "{date}"'), tmp_path) == [
        ("warning", 32, 23, "sections[1].items[0].levels[0].deadline",
         f"«{date}»: {day} — вне раздела «2026 год» (2026 г.)",
         "проверьте год или укажите его явно, либо перенесите мероприятие в раздел своего года")]


def test_a_level_deadline_in_no_form_is_flagged_like_an_item_one(tmp_path: Path) -> None:
    assert issues_of(spoil('deadline: "октябрь"', 'deadline: "когда получится"'), tmp_path) == [
        ("warning", 32, 23, "sections[1].items[0].levels[0].deadline",
         "срок «когда получится» не распознан и будет показан как есть",
         "например: «10.02.2026», «до 10.02.2026», «сентябрь – октябрь», «в течение года», «ежегодно», "
         "«перед началом процедуры»")]


# ------------------------------------------------------------------ the readings behind the page
@pytest.mark.parametrize(("text", "kind", "extra"), [
    ("с 01.09.2025", "from", {}),
    ("сентябрь, декабрь 2025, март 2026", "months", {}),
    ("ежегодно, начиная с 2025 г.", "recurring", {"start_year": 2025, "period": "год"}),
    ("первая неделя октября", "week", {}),
    ("10:00 (мск)", "time", {"zone": "msk"}),
    ("15.04.2026, 10:00 (мск)", "date", {"zone": "msk"}),
    ("10:00 (по местному времени)", "time", {"zone": "local"}),
])
def test_the_issue_forms_are_structured(text: str, kind: str, extra: dict[str, object]) -> None:
    from oko.models.deadline import read_deadline

    deadline = read_deadline(text)
    assert deadline.kind.value == kind
    assert {name: getattr(deadline, name) for name in extra} == extra


@pytest.mark.parametrize(("cell", "people"), [
    ("Иванова И.И., заместитель директора по УР", [("Иванова И.И.", "заместитель директора по УР")]),
    ("Директор, руководители ШМО", [(None, "Директор"), (None, "руководители ШМО")]),
    ("Зам. директора по УВР, руководители МО", [(None, "Зам. директора по УВР"), (None, "руководители МО")]),
    ("Иванова Ирина Ивановна, директор", [("Иванова Ирина Ивановна", "директор")]),
    ("Иванова И.И.Петров П.П.", [("Иванова И.И.", None), ("Петров П.П.", None)]),
    ("Иванова Ирина Ивановна Петров Пётр Петрович", [("Иванова Ирина Ивановна", None), ("Петров Пётр Петрович", None)]),
    ("И.Н. Ревина", [("И.Н. Ревина", None)]),
])
def test_a_responsible_cell_is_read_into_people_and_roles(cell: str, people: list[tuple[str | None, ...]]) -> None:
    from oko.kinds.plans.responsible import people_of
    from oko.models.common import Responsible

    assert [(p.name, p.position) for p in people_of([Responsible.model_validate(cell)])] == people


# ------------------------------------------------------------------ the old shape: a responsible as bare text
def test_a_responsible_written_as_text_is_an_error_with_its_new_form(tmp_path: Path) -> None:
    """A form's list of {name, position} erased a text among them («- Директор» → {name: '', position: ''})."""
    old = (FORMS.replace('- position: "Иванова И.И., заместитель директора по УР"',
                         '- "Иванова И.И., заместитель директора по УР"')
           .replace('- position: "Директор, руководители ШМО"', '- "Директор, руководители ШМО"'))
    result = build(old, tmp_path)
    message = "ответственный записан текстом, а нужны поля position (должность, роль) и name (ФИО)"
    assert [(i.line, i.column, i.path, i.code, i.message, i.hint) for i in result.issues if i.is_error] == [
        (13, 13, "sections[0].items[0].responsible[0]", "plan.shape", message,
         'теперь каждый ответственный — строка списка: '
         '- {name: "Иванова И.И.", position: "заместитель директора по УР"}'),
        (19, 13, "sections[0].items[1].responsible[0]", "plan.shape", message,
         'теперь каждый ответственный — строка списка: - {position: "Директор"}; - {position: "руководители ШМО"}'),
    ]
    assert result.failed()


def test_the_form_lists_responsible_as_name_and_position() -> None:
    from oko.cms import schema_fields

    items = next(f for f in schema_fields("plan") if f["name"] == "items")
    responsible = next(f for f in items["fields"] if f["name"] == "responsible")
    assert [(f["name"], f["widget"], f["required"]) for f in responsible["fields"]] == [
        ("name", "text", False), ("position", "string", False)]
