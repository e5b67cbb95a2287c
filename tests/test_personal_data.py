"""Personal data (152-ФЗ): each kind found or not, exact messages and positions, field exemptions, allowances, report.

Detector tests feed strings to oko.personal_patterns; project tests write a small project, run the pipeline
(or the CLI) and compare the whole list of personal-data issues: file, line, column, field path, message, code.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from oko.errors import Issue
from oko.personal_patterns import find_personal_data, mask, snils_valid
from oko.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
BUILD_PY = ROOT / "build.py"

CONFIG = 'title: "Сайт школы"\norganisation: demo-school\n'
ORGANISATION = 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\nkind: school\nwebsite: "https://school1.example/"\n'
INDEX = '---\ntitle: "Главная"\n---\nТекст главной страницы.\n'
PLAN = """\
title: "План мероприятий"
organisation: demo-school
academic_year: "2025-2026"
items:
  - activity: "Совещание"
    deadline: "10.02.2026"
    responsible:
      - position: "Директор"
"""
PLAN_FILE = "content/plans/x.yaml"
INDEX_FILE = "content/pages/index.md"
MANAGERS_FILE = "content/sveden/managers.yaml"
COMMON_FILE = "content/sveden/common.yaml"
MOBILE = "+7 912 345-67-89"
MANAGERS = f"""\
rucovodstvo:
  fio: "Иванова Анна Борисовна"
  post: "Директор"
  telephone: "{MOBILE}"
  email: "anna.ivanova@mail.example"
"""


def write_project(root: Path, overrides: dict[str, str]) -> Path:
    files = {"site_config.yaml": CONFIG, "content/organisations/demo-school.yaml": ORGANISATION,
             INDEX_FILE: INDEX, PLAN_FILE: PLAN, **overrides}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def personal(issues: list[Issue]) -> list[tuple[str, int | None, int | None, str, str, str, str]]:
    """The personal-data issues, as comparable tuples: file, line, column, path, message, code, level."""
    return [(i.file, i.line, i.column, i.path, i.message, i.code, i.level)
            for i in issues if i.code.startswith("personal_data.")]


def activity(text: str) -> dict[str, str]:
    return {PLAN_FILE: PLAN.replace('"Совещание"', f'"{text}"')}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BUILD_PY), *args], capture_output=True, text=True, timeout=120)


# ------------------------------------------------------------------ detectors, one kind at a time

def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in find_personal_data(text)]


@pytest.mark.parametrize(("number", "valid"), [
    ("11223344595", True),  # 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95
    ("11223344596", False),
    ("32222222300", True),  # sum exactly 100 → 00
    ("32222222400", True),  # sum exactly 101 → 00
    ("32222222401", False),
    ("12345678964", True),  # 165 > 101 → 165 mod 101 = 64
    ("23456789100", True),  # 201 > 101 → mod 101 = 100 → 00
    ("23456789199", False),
    ("99999999901", True),  # 405 mod 101 = 1
    ("00100199864", False),  # 001-001-998 and below carry no check number
    ("00100199965", True),  # the first number with one
])
def test_snils_checksum(number: str, valid: bool) -> None:
    assert snils_valid(number) is valid


@pytest.mark.parametrize(("text", "expected"), [
    ("СНИЛС 112-233-445 95.", [("snils", "112-233-445 95")]),
    ("снилс: 11223344595", [("snils", "11223344595")]),
    ("112 233 445 95", [("snils", "112 233 445 95")]),
    ("СНИЛС 112-233-445 96", []),  # wrong check number: not a СНИЛС
    ("номер 001-001-998 64", []),
    ("12345678964-1", []),  # part of a longer code
])
def test_snils_found_only_with_a_valid_check_number(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("серия 45 06 № 123456", [("passport", "45 06 № 123456")]),
    ("паспорт 4506 123456, выдан", [("passport", "4506 123456")]),
    ("Паспорт гражданина РФ: серия 4506, номер 123456", [("passport", "4506, номер 123456")]),
    ("паспортные данные 4506123456", [("passport", "4506123456")]),
    ("регистрационный номер 4506123456", []),  # ten digits without a passport's words
    ("4506 123456", []),
    ("ИНН 7707083893", []),  # an organisation's ИНН is ten digits too
])
def test_passport_needs_its_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ИНН 123456789047", [("inn", "123456789047")]),  # a person's, both check digits right
    ("ИНН 123456789037", []),  # wrong check digits
    ("ИНН 1234567894", []),  # an organisation's (10 digits) stays allowed
    ("ИНН 7707083893", []),
    ("ОГРН 1027700132195", []),  # 13 digits
])
def test_inn_only_a_persons_twelve_digits(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("тел. +7 912 345-67-89", [("phone", "+7 912 345-67-89")]),
    ("8 (912) 345-67-89", [("phone", "8 (912) 345-67-89")]),
    ("+79123456789", [("phone", "+79123456789")]),
    ("8-912-345-67-89", [("phone", "8-912-345-67-89")]),
    ("89123456789", [("phone", "89123456789")]),
    ("+7 (912) 345 67 89", [("phone", "+7 (912) 345 67 89")]),
    ("(8412) 61-23-45", []),  # a landline of the school
    ("8 (8412) 61-23-45", []),
    ("+7 812 345-67-89", []),  # a city code, not a mobile one
    ("1 8912345678901", []),
])
def test_mobile_phones_in_common_spellings(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("пишите: ivanov.petr@mail.ru.", [("email", "ivanov.petr@mail.ru")]),
    ("mailto:a_b+c@школа.рф", [("email", "a_b+c@школа.рф")]),
    ("@school17 в соцсети", []),
    ("user@localhost", []),
])
def test_emails(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Иванов Иван Иванович, 12.03.2012 г.р.", [("name_birth", "Иванов Иван Иванович")]),
    ("Петрова В.Г., дата рождения 01.02.2013", [("name_birth", "Петрова В.Г.")]),
    ("родилась 5 мая 2011 года — А. Б. Сидорова", [("name_birth", "А. Б. Сидорова")]),
    ("| Ученик Иванов Иван | 2012 года рождения |", [("name_birth", "Иванов Иван")]),
    ("Иванов Иван Иванович, учитель математики", []),  # a name alone
    ("Приказ от 12.03.2012 подписал Иванов И. И.", []),  # a date that is no birth date
    ("Иванов Иван Иванович\nученики 2012 г.р.", []),  # the birth year is on another line
    ("Петров Пётр: 2026 график ВПР", []),  # «гр» inside a word is no «г. р.»
    ("Петров Пётр, 2014 гр", [("name_birth", "Петров Пётр")]),
])
def test_a_name_only_next_to_a_birth_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("kind", "value", "masked"), [
    ("snils", "123-456-789 64", "123-***-*** 64"),
    ("passport", "45 06 № 123456", "45 ** № ****56"),
    ("inn", "123456789047", "12********47"),
    ("phone", "+7 912 345-67-89", "+7 9** ***-**-89"),
    ("email", "ivanov@mail.ru", "i***@mail.ru"),
    ("name_birth", "Иванов Иван Иванович", "И. И. И."),
])
def test_masks_hide_the_value(kind: str, value: str, masked: str) -> None:
    assert mask(kind, value) == masked


# ------------------------------------------------------------------ the rule over a project

HINT_PASSPORT = (
    "удалите номер: паспортные данные на сайте не публикуются. Почему: персональные данные публикуются только с "
    "письменного согласия человека (152-ФЗ, ст. 6 и 10.1; ПП РФ № 1802, п.19). Если публикация законна, разрешите "
    'это значение в site_config.yaml: personal_data_allowed: [{value: "…", file: "content/plans/x.yaml", '
    'reason: "…"}]'
)


def test_each_kind_in_a_plan_item_is_an_error_at_its_column(tmp_path: Path) -> None:
    text = ("СНИЛС 112-233-445 95, паспорт 4506 123456, ИНН 123456789047, тел. 8 912 345-67-89, "
            "почта ivanov@mail.ru, Петров Пётр Петрович 2012 г.р.")
    issues = generate(write_project(tmp_path, activity(text))).issues
    start = 15  # the column of the opening quote of the activity in line 5
    column = {part: start + 1 + text.index(part) for part in (
        "112-233", "4506", "1234567", "8 912", "ivanov", "Петров")}
    path = "items[0].activity"
    assert personal(issues) == [
        (PLAN_FILE, 5, column["112-233"], path, "похоже на СНИЛС: «112-***-*** 95»", "personal_data.snils", "error"),
        (PLAN_FILE, 5, column["4506"], path, "похоже на номер паспорта: «45** ****56»", "personal_data.passport",
         "error"),
        (PLAN_FILE, 5, column["1234567"], path, "похоже на ИНН физического лица: «12********47»",
         "personal_data.inn", "error"),
        (PLAN_FILE, 5, column["8 912"], path, "похоже на номер мобильного телефона: «8 9** ***-**-89»",
         "personal_data.phone", "error"),
        (PLAN_FILE, 5, column["ivanov"], path, "похоже на адрес электронной почты: «i***@mail.ru»",
         "personal_data.email", "error"),
        (PLAN_FILE, 5, column["Петров"], path, "похоже на ФИО с датой рождения: «П. П. П.»",
         "personal_data.name_birth", "error"),
    ]
    passport = next(i for i in issues if i.code == "personal_data.passport")
    assert passport.hint == HINT_PASSPORT
    # The source line under the message is blotted (digits and e-mail names starred), the caret still fits.
    assert passport.snippet == ('  - activity: "СНИЛС ***-***-*** **, паспорт **** ******, ИНН ************, '
                                'тел. * *** ***-**-**, почта i*****@mail.ru, Петров Пётр Петрович **** г.р."')
    assert passport.snippet[passport.column - 1:].startswith("**** ******")


def test_what_only_looks_personal_is_not_flagged(tmp_path: Path) -> None:
    text = ("СНИЛС 112-233-445 96, номер 4506123456, ИНН школы 7707083893, тел. (8412) 61-23-45, "
            "Иванов Иван Иванович, учитель")
    assert personal(generate(write_project(tmp_path, activity(text))).issues) == []


def test_a_folded_value_and_a_number_value_are_located(tmp_path: Path) -> None:
    plan = PLAN.replace('    deadline: "10.02.2026"\n', '    deadline: "10.02.2026"\n    result: >-\n'
                        '      Итоги подведены, ответственный\n      на связи: 8 912\n      345-67-89\n'
                        '    note: 11223344595\n')
    issues = generate(write_project(tmp_path, {PLAN_FILE: plan})).issues
    assert personal(issues) == [
        (PLAN_FILE, 9, 17, "items[0].result", "похоже на номер мобильного телефона: «8 9** ***-**-89»",
         "personal_data.phone", "error"),
        (PLAN_FILE, 11, 11, "items[0].note", "похоже на СНИЛС: «112******95»", "personal_data.snils", "error"),
    ]


def test_a_markdown_body_is_searched_line_by_line(tmp_path: Path) -> None:
    body = ("---\ntitle: \"Главная\"\ndescription: \"Почта: petrov@mail.ru\"\n---\nТекст.\n\n"
            "| Ученик | Рождение |\n|---|---|\n| Сидорова Анна Петровна | 01.09.2012 г.р. |\n")
    issues = generate(write_project(tmp_path, {INDEX_FILE: body})).issues
    assert personal(issues) == [
        (INDEX_FILE, 3, 22, "description", "похоже на адрес электронной почты: «p***@mail.ru»",
         "personal_data.email", "error"),
        (INDEX_FILE, 9, 3, "", "похоже на ФИО с датой рождения: «С. А. П.»", "personal_data.name_birth", "error"),
    ]


def test_a_criteria_body_is_searched_too(tmp_path: Path) -> None:
    criteria = ('---\ntitle: "Критерии"\nsubject: "Математика"\ngrades: "5-9"\n---\n'
                "Вопросы — учителю: +7 (912) 000-11-22.\n")
    issues = generate(write_project(tmp_path, {"content/criteria/matematika.md": criteria})).issues
    assert personal(issues) == [
        ("content/criteria/matematika.md", 6, 20, "", "похоже на номер мобильного телефона: «+7 (9**) ***-**-22»",
         "personal_data.phone", "error"),
    ]


def test_the_site_description_is_searched_but_not_the_allowances(tmp_path: Path) -> None:
    config = CONFIG + f'description: "Приёмная: {MOBILE}"\n' + ALLOWANCE
    issues = generate(write_project(tmp_path, {"site_config.yaml": config, **activity(f"Звонить {MOBILE}")})).issues
    assert personal(issues) == [
        ("site_config.yaml", 3, 25, "description", "похоже на номер мобильного телефона: «+7 9** ***-**-89»",
         "personal_data.phone", "error"),
    ]
    allowed = config + '  - value: "+7 912 345-67-89"\n    file: site_config.yaml\n    reason: "приёмная"\n'
    files = {"site_config.yaml": allowed, **activity(f"Звонить {MOBILE}")}
    assert personal(generate(write_project(tmp_path, files)).issues) == []


# ------------------------------------------------------------------ exemptions by field

def test_a_managers_phone_is_public_in_sveden_and_flagged_in_a_plan(tmp_path: Path) -> None:
    issues = generate(write_project(tmp_path, {MANAGERS_FILE: MANAGERS, **activity(f"Звонить {MOBILE}")})).issues
    assert personal(issues) == [
        (PLAN_FILE, 5, 24, "items[0].activity", "похоже на номер мобильного телефона: «+7 9** ***-**-89»",
         "personal_data.phone", "error"),
    ]


def test_an_exempt_field_exempts_only_its_own_kind(tmp_path: Path) -> None:
    managers = MANAGERS.replace(f'telephone: "{MOBILE}"', 'telephone: "СНИЛС 112-233-445 95"').replace(
        'fio: "Иванова Анна Борисовна"', 'fio: "Иванова Анна Борисовна, 12.03.1980 г.р."')
    issues = generate(write_project(tmp_path, {MANAGERS_FILE: managers})).issues
    assert personal(issues) == [
        (MANAGERS_FILE, 2, 9, "rucovodstvo.fio", "похоже на ФИО с датой рождения: «И. А. Б.»",
         "personal_data.name_birth", "error"),
        (MANAGERS_FILE, 4, 21, "rucovodstvo.telephone", "похоже на СНИЛС: «112-***-*** 95»", "personal_data.snils",
         "error"),
    ]


def test_a_free_text_of_sveden_is_not_exempt(tmp_path: Path) -> None:
    managers = f'intro: "Звоните директору: {MOBILE}"\n' + MANAGERS
    issues = generate(write_project(tmp_path, {MANAGERS_FILE: managers})).issues
    assert personal(issues) == [
        (MANAGERS_FILE, 1, 28, "intro", "похоже на номер мобильного телефона: «+7 9** ***-**-89»",
         "personal_data.phone", "error"),
    ]


def test_the_organisations_own_contacts_and_domain_are_not_a_persons(tmp_path: Path) -> None:
    common = 'telephone: "+7 (912) 000-00-00"\nemail: "school1@mail.example"\n'
    page = ('---\ntitle: "Главная"\n---\nПишите: school1@mail.example, info@school1.example, '
            "uvr@mail.school1.example; звоните: 8 912 000-00-00. Но не: zavuch@mail.example.\n")
    issues = generate(write_project(tmp_path, {COMMON_FILE: common, INDEX_FILE: page})).issues
    assert personal(issues) == [
        (INDEX_FILE, 4, 112, "", "похоже на адрес электронной почты: «z***@mail.example»", "personal_data.email",
         "error"),
    ]


def test_personal_data_rules_cannot_be_switched_off(tmp_path: Path) -> None:
    config = CONFIG + "rules:\n  personal_data.phone: off\n  personal_data.unused_allowance: off\n"
    issues = generate(write_project(tmp_path, {"site_config.yaml": config, **activity(f"Звонить {MOBILE}")})).issues
    assert personal(issues) == [
        (PLAN_FILE, 5, 24, "items[0].activity", "похоже на номер мобильного телефона: «+7 9** ***-**-89»",
         "personal_data.phone", "error"),
    ]
    refused = [i for i in issues if i.file == "site_config.yaml"]
    assert [(i.line, i.column, i.message, i.level) for i in refused] == [
        (4, 3, "правило «personal_data.phone» нельзя ослабить: персональные данные не публикуются (152-ФЗ)", "error"),
    ]
    assert refused[0].hint == ("уберите строку «personal_data.phone: off»; законное значение разрешите по одному: "
                               "personal_data_allowed в site_config.yaml (значение, файл, основание)")


# ------------------------------------------------------------------ allowances

ALLOWANCE = f"""\
personal_data_allowed:
  - value: "8 (912) 345-67-89"
    file: {PLAN_FILE}
    reason: "телефон горячей линии: письменное согласие сотрудника от 01.09.2025"
"""


def test_an_allowance_covers_exactly_its_value_in_its_file(tmp_path: Path) -> None:
    other = "8 912 000-11-22"
    page = f'---\ntitle: "Главная"\n---\nТелефон: {MOBILE}\n'
    files = {"site_config.yaml": CONFIG + ALLOWANCE, INDEX_FILE: page,
             **activity(f"Горячая линия {MOBILE}, а не {other}")}
    issues = generate(write_project(tmp_path, files)).issues
    assert personal(issues) == [
        (INDEX_FILE, 4, 10, "", "похоже на номер мобильного телефона: «+7 9** ***-**-89»", "personal_data.phone",
         "error"),
        (PLAN_FILE, 5, 53, "items[0].activity", "похоже на номер мобильного телефона: «8 9** ***-**-22»",
         "personal_data.phone", "error"),
    ]


def test_an_allowance_that_matches_nothing_is_a_warning(tmp_path: Path) -> None:
    stale = ALLOWANCE + '  - value: "112-233-445 95"\n    file: content/plans/old.yaml\n    reason: "было"\n'
    files = {"site_config.yaml": CONFIG + stale, **activity(f"Горячая линия {MOBILE}")}
    issues = generate(write_project(tmp_path, files)).issues
    assert personal(issues) == [
        ("site_config.yaml", 7, 12, "personal_data_allowed[1].value",
         "разрешение не понадобилось: файла «content/plans/old.yaml» нет среди файлов содержимого, и нет значения "
         "«112-***-*** 95», похожего на персональные данные", "personal_data.unused_allowance", "warning"),
    ]
    issues = generate(write_project(tmp_path, {"site_config.yaml": CONFIG + ALLOWANCE, PLAN_FILE: PLAN})).issues
    assert personal(issues) == [
        ("site_config.yaml", 4, 12, "personal_data_allowed[0].value",
         "разрешение не понадобилось: в «content/plans/x.yaml» нет значения «8 (9**) ***-**-89», похожего на "
         "персональные данные", "personal_data.unused_allowance", "warning"),
    ]


def test_an_allowance_for_a_public_field_is_stale(tmp_path: Path) -> None:
    allowance = f'personal_data_allowed:\n  - value: "{MOBILE}"\n    file: {MANAGERS_FILE}\n    reason: "директор"\n'
    issues = generate(write_project(tmp_path, {"site_config.yaml": CONFIG + allowance,
                                               MANAGERS_FILE: MANAGERS})).issues
    assert [code for *_, code, _level in personal(issues)] == ["personal_data.unused_allowance"]


def test_the_report_lists_every_allowance_with_place_and_reason(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"site_config.yaml": CONFIG + ALLOWANCE, **activity(f"Звонить {MOBILE}")})
    text = run_cli("--project", str(project), "check", "--report")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.split("Персональные данные\n", 1)[1].splitlines()
    assert lines[:3] == [
        "  ✓ персональные данные публикуются только по разрешению (152-ФЗ; ПП 1802 п.19): "
        "разрешений в site_config.yaml: 1",
        "  ! разрешено: номер мобильного телефона «8 (9**) ***-**-89»: основание: телефон горячей линии: письменное "
        "согласие сотрудника от 01.09.2025; разрешение — site_config.yaml:4:12 — content/plans/x.yaml:5:24",
        "",
    ]
    as_json = run_cli("--project", str(project), "check", "--report", "--report-format", "json")
    rows = [row for row in json.loads(as_json.stdout)["rows"] if row["area"] == "Персональные данные"]
    assert rows[1] == {
        "area": "Персональные данные", "requirement": "разрешено: номер мобильного телефона «8 (9**) ***-**-89»",
        "status": "warning", "where": "content/plans/x.yaml:5:24",
        "detail": "основание: телефон горячей линии: письменное согласие сотрудника от 01.09.2025; "
                  "разрешение — site_config.yaml:4:12",
    }
    out = tmp_path / "report.html"
    assert run_cli("--project", str(project), "check", "--report", "--report-format", "html",
                   "--report-out", str(out)).returncode == 0
    html = out.read_text("utf-8")
    assert ("<td>Персональные данные</td><td>разрешено: номер мобильного телефона «8 (9**) ***-**-89»</td>"
            "<td>внимание</td>") in html
    assert "345-67-89" not in text.stdout + as_json.stdout + html


def test_no_output_format_prints_a_value(tmp_path: Path) -> None:
    project = write_project(tmp_path, activity("СНИЛС 112-233-445 95, ivanov@mail.ru, паспорт 4506 123456"))
    for fmt in ("text", "github", "json", "summary"):
        result = run_cli("--project", str(project), "--format", fmt, "check")
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert "похоже на СНИЛС" in output
        for secret in ("233-445", "ivanov", "4506 123456"):
            assert secret not in output, (fmt, secret)


# ------------------------------------------------------------------ the demo

def test_the_demo_content_has_no_personal_data_finding() -> None:
    result = run_cli("--format", "json", "check")
    issues = json.loads(result.stdout)["issues"]
    assert [i for i in issues if i["code"].startswith("personal_data.")] == []
