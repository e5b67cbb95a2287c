"""oko/rules/personal_data.py in process: the project is loaded (no site is rendered) and the rule runs on it.

Each case asserts the whole list of issues the rule yields — file, line, column, path, message, code, level —
so an extra or a missing finding fails. Fast enough for mutation testing (scripts/mutation.toml), unlike the
pipeline and CLI tests of tests/test_personal_data.py, which these do not replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pytest
from pydantic import BaseModel, Field

from oko.errors import Issue
from oko.models.common import PublicByLaw
from oko.pipeline import load_project
from oko.registry import registered
from oko.rules import personal_data as rule
from oko.rules.personal_data import AllowanceUse, allowance_uses, check_personal_data, without_personal_data
from tests.test_personal_data import (
    ALLOWANCE,
    COMMON_FILE,
    CONFIG,
    INDEX_FILE,
    MANAGERS,
    MANAGERS_FILE,
    MOBILE,
    PLAN,
    PLAN_FILE,
    activity,
    write_project,
)

PHONE_MESSAGE = "похоже на номер мобильного телефона: «+7 9** ***-**-89»"
EMAIL_HINT = ("укажите адрес организации из «Основных сведений» (или адрес на её домене) либо удалите адрес. Почему: "
              "персональные данные публикуются только с письменного согласия человека (152-ФЗ, ст. 6 и 10.1; "
              "ПП РФ № 1802, п.19). Если публикация законна, разрешите это значение в site_config.yaml: "
              'personal_data_allowed: [{value: "…", file: "content/pages/index.md", reason: "…"}]')


def found(root: Path, files: dict[str, str]) -> list[tuple[str, int | None, int | None, str, str, str, str]]:
    project, _issues = load_project(write_project(root, files))
    return sorted((i.file, i.line, i.column, i.path, i.message, i.code, i.level) for i in check_personal_data(project))


def page(body: str, front: str = "") -> dict[str, str]:
    return {INDEX_FILE: f'---\ntitle: "Главная"\n{front}---\n{body}\n'}


def test_a_clean_project_has_no_finding(tmp_path: Path) -> None:
    assert found(tmp_path, {}) == []


def test_values_in_yaml_and_in_the_body_are_located_and_masked(tmp_path: Path) -> None:
    files = {**activity(f"Звонить {MOBILE}"), **page(f"Телефон: {MOBILE}\n\nПочта: petrov@mail.ru",
                                                    front='description: "СНИЛС 112-233-445 95"\n')}
    assert found(tmp_path, files) == [
        (INDEX_FILE, 3, 21, "description", "похоже на СНИЛС: «112-***-*** 95»", "personal_data.snils", "error"),
        (INDEX_FILE, 5, 10, "", PHONE_MESSAGE, "personal_data.phone", "error"),
        (INDEX_FILE, 7, 8, "", "похоже на адрес электронной почты: «p***@mail.ru»", "personal_data.email", "error"),
        (PLAN_FILE, 5, 24, "items[0].activity", PHONE_MESSAGE, "personal_data.phone", "error"),
    ]


def test_the_hint_names_the_file_and_the_snippet_is_blotted(tmp_path: Path) -> None:
    project, _issues = load_project(write_project(tmp_path, page("Почта: petrov@mail.ru")))
    [issue] = check_personal_data(project)
    assert issue.hint == EMAIL_HINT
    assert issue.snippet == "Почта: p*****@mail.ru"


def test_numbers_and_lists_are_searched_but_not_booleans(tmp_path: Path) -> None:
    director = '      - position: "Директор"\n'
    plan = PLAN.replace(director, director + '      - position: "Завуч, 8 912 345-67-89"\n') \
        .replace('    deadline: "10.02.2026"\n', '    deadline: "10.02.2026"\n    note: 11223344595\n')
    assert plan.count("\n") == PLAN.count("\n") + 2
    assert found(tmp_path, {PLAN_FILE: plan}) == [
        (PLAN_FILE, 7, 11, "items[0].note", "похоже на СНИЛС: «112******95»", "personal_data.snils", "error"),
        (PLAN_FILE, 10, 27, "items[0].responsible[1].position",
         "похоже на номер мобильного телефона: «8 9** ***-**-89»", "personal_data.phone", "error"),
    ]


def test_site_config_is_searched_without_its_allowances(tmp_path: Path) -> None:
    config = CONFIG + f'description: "Приёмная: {MOBILE}"\n' + ALLOWANCE
    assert found(tmp_path, {"site_config.yaml": config, **activity(f"Звонить {MOBILE}")}) == [
        ("site_config.yaml", 3, 25, "description", PHONE_MESSAGE, "personal_data.phone", "error"),
    ]


# ------------------------------------------------------------------ exemptions by field

def test_a_public_field_exempts_its_kinds_and_only_them(tmp_path: Path) -> None:
    managers = MANAGERS.replace('fio: "Иванова Анна Борисовна"', 'fio: "Иванова Анна Борисовна, 12.03.1980 г.р."')
    managers = f'intro: "Звоните директору: {MOBILE}"\n' + managers.replace('post: "Директор"',
                                                                        'post: "8 912 000-11-22"')
    assert found(tmp_path, {MANAGERS_FILE: managers}) == [
        (MANAGERS_FILE, 1, 28, "intro", PHONE_MESSAGE, "personal_data.phone", "error"),
        (MANAGERS_FILE, 3, 9, "rucovodstvo.fio", "похоже на ФИО с датой рождения: «И. А. Б.»",
         "personal_data.name_birth", "error"),
        (MANAGERS_FILE, 4, 10, "rucovodstvo.post", "похоже на номер мобильного телефона: «8 9** ***-**-22»",
         "personal_data.phone", "error"),
    ]


class Inner(BaseModel):
    phone: Annotated[str, PublicByLaw(frozenset({"phone"}), "test")] = ""


class Outer(BaseModel):
    contact: Annotated[Inner | None, PublicByLaw(frozenset({"email"}), "test")] = None
    contacts: list[Inner] = Field(default_factory=list)
    by_key: dict[str, Inner] = Field(default_factory=dict)
    both: Annotated[str, PublicByLaw(frozenset({"phone"}), "a"), PublicByLaw(frozenset({"inn"}), "b")] = ""
    plain: str = ""


def texts(data: object) -> list[tuple[tuple[object, ...], str, list[str]]]:
    return [(path, text, sorted(public)) for path, text, public in rule._texts(data, (Outer,), (), frozenset())]


def test_public_kinds_follow_fields_into_lists_and_nested_models() -> None:
    data = {"contact": {"phone": "a", "other": "b"}, "contacts": [{"phone": "c"}, {"x": 1.5}], "both": "d",
            "plain": 7, "flag": True, "nothing": None}
    assert texts(data) == [
        (("contact", "phone"), "a", ["email", "phone"]),
        (("contact", "other"), "b", ["email"]),
        (("contacts", 0, "phone"), "c", ["phone"]),
        (("contacts", 1, "x"), "1.5", []),
        (("both",), "d", ["inn", "phone"]),
        (("plain",), "7", []),
    ]


def test_the_models_inside_an_annotation() -> None:
    assert rule._models_in(Annotated[Inner | None, "x"]) == [Inner]
    assert rule._models_in(list[Inner]) == [Inner]
    assert rule._models_in(dict[str, Inner]) == [Inner]
    assert rule._models_in(str) == []
    assert rule._field((Outer,), "by_key") == (frozenset(), (Inner,))
    assert rule._field((Inner, Outer), "plain") == (frozenset(), ())
    assert rule._field((Outer,), "missing") == (frozenset(), ())
    assert rule._metadata(Annotated[Annotated[int, "a"] | None, "b"]) == ["b", "a"]


# ------------------------------------------------------------------ the organisation's own contacts

@pytest.mark.parametrize(("address", "own"), [
    ("school1@mail.example", True),  # the organisation's own address («Основные сведения»)
    ("SCHOOL1@Mail.Example", True),
    ("info@school1.example", True),  # its website's domain
    ("uvr@mail.school1.example", True),  # a subdomain of it
    ("a@www.school1.example", True),  # «www.» is the same domain
    ("a@site.example", True),  # base_url's domain
    ("a@notschool1.example", False),  # only ends with the domain's letters
    ("a@school1.example.org", False),
    ("zavuch@mail.example", False),  # the organisation's mail provider is not its domain
])
def test_the_own_domains_and_addresses(tmp_path: Path, address: str, own: bool) -> None:
    common = 'telephone: "+7 (912) 000-00-00, 8 912 000-00-01"\nemail: "school1@mail.example"\n'
    config = CONFIG + 'base_url: "https://site.example/"\n'
    organisation = 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\nkind: school\n' \
                   'website: "https://www.school1.example/"\n'
    files = {"site_config.yaml": config, "content/organisations/demo-school.yaml": organisation,
             COMMON_FILE: common, **page(f"Пишите: {address}")}
    masked = address[0] + "***@" + address.split("@")[1]
    assert found(tmp_path, files) == ([] if own else [
        (INDEX_FILE, 4, 9, "", f"похоже на адрес электронной почты: «{masked}»", "personal_data.email", "error")])


@pytest.mark.parametrize(("phone", "own"), [
    ("8 912 000-00-00", True), ("+79120000001", True), ("8 (912) 000-00-02", False),
])
def test_the_own_phones(tmp_path: Path, phone: str, own: bool) -> None:
    common = 'telephone: "+7 (912) 000-00-00, 8 912 000-00-01"\n'
    files = {COMMON_FILE: common, **page(f"Звоните: {phone}")}
    result = found(tmp_path, files)
    assert [(line, column, code) for _file, line, column, _path, _message, code, _level in result] == (
        [] if own else [(4, 10, "personal_data.phone")])


def test_without_common_or_organisation_nothing_is_own(tmp_path: Path) -> None:
    project, _issues = load_project(write_project(tmp_path, {}))
    project.entries = {}
    own = rule._OwnContacts.of(project)
    assert (own.phones, own.emails, own.domains) == (frozenset(), frozenset(), frozenset())
    project.config = None
    assert rule._OwnContacts.of(project).domains == frozenset()


def test_the_host_of_a_link() -> None:
    assert rule._host("https://WWW.School.Example:8443/a") == "school.example"
    assert rule._host("not a link") == ""


# ------------------------------------------------------------------ allowances

def test_an_allowance_covers_its_value_in_its_file_only(tmp_path: Path) -> None:
    files = {"site_config.yaml": CONFIG + ALLOWANCE, **page(f"Телефон: {MOBILE}"),
             **activity(f"Горячая линия {MOBILE}, а не 8 912 000-11-22")}
    assert found(tmp_path, files) == [
        (INDEX_FILE, 4, 10, "", PHONE_MESSAGE, "personal_data.phone", "error"),
        (PLAN_FILE, 5, 53, "items[0].activity", "похоже на номер мобильного телефона: «8 9** ***-**-22»",
         "personal_data.phone", "error"),
    ]


def test_two_allowances_of_one_value_both_record_the_places(tmp_path: Path) -> None:
    twice = ALLOWANCE + f'  - value: "{MOBILE}"\n    file: {PLAN_FILE}\n    reason: "то же"\n'
    project, _issues = load_project(write_project(tmp_path, {"site_config.yaml": CONFIG + twice,
                                                             **activity(f"Звонить {MOBILE} или {MOBILE}")}))
    assert check_personal_data(project) == []
    uses = allowance_uses(project)
    assert [(u.index, u.kind, u.places, u.declared_at, u.masked) for u in uses] == [
        (0, "phone", [f"{PLAN_FILE}:5:24", f"{PLAN_FILE}:5:45"], "site_config.yaml:4:12", "8 (9**) ***-**-89"),
        (1, "phone", [f"{PLAN_FILE}:5:24", f"{PLAN_FILE}:5:45"], "site_config.yaml:7:12", "+7 9** ***-**-89"),
    ]
    assert allowance_uses(project, registered()) == uses


def test_stale_allowances_are_warnings_with_a_hint(tmp_path: Path) -> None:
    stale = ALLOWANCE + '  - value: "112-233-445 95"\n    file: content/plans/old.yaml\n    reason: "было"\n'
    project, _issues = load_project(write_project(tmp_path, {"site_config.yaml": CONFIG + stale, PLAN_FILE: PLAN}))
    issues = check_personal_data(project)
    assert [(i.file, i.line, i.column, i.path, i.message, i.code, i.level) for i in issues] == [
        ("site_config.yaml", 4, 12, "personal_data_allowed[0].value",
         "разрешение не понадобилось: в «content/plans/x.yaml» нет значения «8 (9**) ***-**-89», похожего на "
         "персональные данные", "personal_data.unused_allowance", "warning"),
        ("site_config.yaml", 7, 12, "personal_data_allowed[1].value",
         "разрешение не понадобилось: файла «content/plans/old.yaml» нет среди файлов содержимого, и нет значения "
         "«112-***-*** 95», похожего на персональные данные", "personal_data.unused_allowance", "warning"),
    ]
    assert {i.hint for i in issues} == {"разрешение действует только на своё значение в своём файле: исправьте "
                                        "value и file или удалите запись, если значения больше нет"}
    assert issues[0].snippet == '  - value: "* (***) ***-**-**"'


def test_no_config_means_no_allowances(tmp_path: Path) -> None:
    project, _issues = load_project(write_project(tmp_path, activity(f"Звонить {MOBILE}")))
    project.config_doc = None
    assert rule._declared_allowances(project) == []
    assert list(rule._unused_allowances(project, [AllowanceUse(0, None, "x")], ())) == []  # type: ignore[arg-type]
    assert [i.code for i in check_personal_data(project)] == ["personal_data.phone"]
    project.config = None
    assert rule._declared_allowances(project) == []


def test_only_the_given_kinds_are_searched(tmp_path: Path) -> None:
    project, _issues = load_project(write_project(tmp_path, activity(f"Звонить {MOBILE}")))
    assert check_personal_data(project, ()) == []
    plans = tuple(kind for kind in registered() if kind.name == "plans")
    assert [i.file for i in check_personal_data(project, plans)] == [PLAN_FILE]
    assert [i.file for i in check_personal_data(project)] == [PLAN_FILE]


def test_any_issue_with_a_personal_snippet_is_blotted() -> None:
    issue = Issue("error", "x.yaml", "сообщение", line=1, column=1, snippet=f"tel: {MOBILE}")
    assert without_personal_data(issue).snippet == "tel: +* *** ***-**-**"
    plain = Issue("error", "x.yaml", "сообщение", line=1, column=1, snippet="tel: школы")
    assert without_personal_data(plain) is plain
    empty = Issue("error", "x.yaml", "сообщение")
    assert without_personal_data(empty) is empty


def test_a_used_allowance_does_not_stop_the_stale_ones_after_it(tmp_path: Path) -> None:
    stale = ALLOWANCE + '  - value: "112-233-445 95"\n    file: content/plans/x.yaml\n    reason: "было"\n'
    issues = found(tmp_path, {"site_config.yaml": CONFIG + stale, **activity(f"Звонить {MOBILE}")})
    assert [(line, code) for _file, line, _column, _path, _message, code, _level in issues] == [
        (7, "personal_data.unused_allowance")]


def test_an_invalid_site_config_has_no_allowances(tmp_path: Path) -> None:
    project, _issues = load_project(write_project(tmp_path, {"site_config.yaml": "title: 5\norganisation: [x]\n",
                                                             **activity(f"Звонить {MOBILE}")}))
    assert project.config is None and project.config_doc is not None
    assert rule._declared_allowances(project) == []
