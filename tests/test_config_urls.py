"""Addresses in site_config.yaml: https, a real host name, no wildcard, no user or password — located Russian errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from oko.errors import Issue
from oko.pipeline import generate

CONFIG = 'title: "Сайт школы"\norganisation: demo-school\n'
ORGANISATION = 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\nkind: school\n'
INDEX = '---\ntitle: "Главная"\n---\nТекст.\n'
HTTPS = "нужен адрес, начинающийся с https://"
NO_HOST = ("в адресе «{}» нет настоящего имени сервера: ожидается имя вида school.ru (части через точку) "
           "или localhost")


def config_issues(tmp_path: Path, extra: str) -> list[Issue]:
    files = {"site_config.yaml": CONFIG + extra, "content/organisations/demo-school.yaml": ORGANISATION,
             "content/pages/index.md": INDEX}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [issue for issue in generate(tmp_path).issues if issue.file == "site_config.yaml"]


def auth_url(value: str) -> str:
    return f'cms:\n  repo: "school/site"\n  auth_url: "{value}"\n'


@pytest.mark.parametrize(("value", "message"), [
    ("https://*", "адрес «https://*»: «*» вместо имени сервера не допускается — укажите точный адрес, "
                  "например https://auth.school.ru/"),
    ("https://*.workers.dev", "адрес «https://*.workers.dev»: «*» вместо имени сервера не допускается — "
                              "укажите точный адрес, например https://auth.school.ru/"),
    ("http://auth.school.ru", "адрес «http://auth.school.ru» должен начинаться с https://"),
    ("http://localhost:8787", "адрес «http://localhost:8787» должен начинаться с https://"),
    ("https://auth", NO_HOST.format("https://auth")),
    ("https://-auth.ru", NO_HOST.format("https://-auth.ru")),
    ("https://auth.ru.123", NO_HOST.format("https://auth.ru.123")),
    ("https://auth.school.ru:99999", "в адресе «https://auth.school.ru:99999» неверное имя сервера или номер порта"),
    ("https://auth.school.ru:0", "в адресе «https://auth.school.ru:0» неверное имя сервера или номер порта"),
    ("https://user:secret@auth.school.ru",
     "в адресе не должно быть имени пользователя или пароля (часть до «@»): уберите их"),
])
def test_a_bad_auth_url_is_an_error_at_its_value(tmp_path: Path, value: str, message: str) -> None:
    issues = config_issues(tmp_path, auth_url(value))
    assert [(i.line, i.column, i.path, i.message, i.level) for i in issues] == [
        (5, 13, "cms.auth_url", message, "error")]
    assert "secret" not in issues[0].message


def test_text_that_is_no_address_keeps_the_form_message(tmp_path: Path) -> None:
    issues = config_issues(tmp_path, auth_url("auth school ru"))
    assert [(i.line, i.column, i.message, i.hint) for i in issues] == [
        (5, 13, "значение «auth school ru» не подходит по форме", HTTPS)]


@pytest.mark.parametrize("value", [
    "https://sveltia-cms-auth.school.workers.dev", "https://auth.school.ru:8443/login", "https://вход.школа.рф",
    "https://xn--b1agh1afp.xn--p1ai", "https://10.0.0.5", "https://localhost:8787",
])
def test_a_real_https_address_is_accepted(tmp_path: Path, value: str) -> None:
    assert config_issues(tmp_path, auth_url(value)) == []


@pytest.mark.parametrize(("value", "message"), [
    ("https://*/", "адрес «https://*/»: «*» вместо имени сервера не допускается — укажите точный адрес, "
                   "например https://auth.school.ru/"),
    ("http://school.ru/", "адрес «http://school.ru/» должен начинаться с https:// (http:// — только для localhost)"),
    ("https://school/", NO_HOST.format("https://school/")),
    ("https://admin@school.ru/", "в адресе не должно быть имени пользователя или пароля (часть до «@»): уберите их"),
])
def test_a_bad_base_url_is_an_error_at_its_value(tmp_path: Path, value: str, message: str) -> None:
    issues = config_issues(tmp_path, f'base_url: "{value}"\n')
    assert [(i.line, i.column, i.path, i.message) for i in issues] == [(3, 11, "base_url", message)]


@pytest.mark.parametrize("value", [
    "https://school.ru/", "https://school17.example/oko/", "http://localhost:8000/", "http://127.0.0.1:8000/",
    "http://[::1]:8000/",
])
def test_base_url_may_be_http_only_on_this_computer(tmp_path: Path, value: str) -> None:
    assert config_issues(tmp_path, f'base_url: "{value}"\n') == []


@pytest.mark.parametrize("value", ["https://school.ru", "ftp://school.ru/", "school.ru/"])
def test_base_url_not_in_the_form_keeps_the_form_message(tmp_path: Path, value: str) -> None:
    issues = config_issues(tmp_path, f'base_url: "{value}"\n')
    assert [(i.line, i.column, i.message, i.hint) for i in issues] == [
        (3, 11, f"значение «{value}» не подходит по форме",
         "нужен адрес, начинающийся с https:// и заканчивающийся «/»")]
