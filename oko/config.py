"""`site_config.yaml`: the site's own settings."""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from oko.district.config import DistrictConfig
from oko.files import DEFAULT_ALLOWED, DEFAULT_MAX_MB
from oko.models.common import NonEmptyStr, OkoModel, Slug

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_LABEL = re.compile(r"^[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?$")  # a DNS label: letters (any script), digits, hyphens
_TOP_LABEL = re.compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})$")  # «ru», «рф», «xn--p1ai»


def _url_error(message: str, **values: str) -> PydanticCustomError:
    return PydanticCustomError("oko_url", message, values)


def checked_url(value: str, http_for_localhost: bool = False) -> str:
    """An address of a real server: https, a dot-separated host name (or localhost), no «*», no user or password.

    A wildcard or a bare word would widen the /admin/ Content-Security-Policy (cms.py) to hosts nobody chose.
    """
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise _url_error("в адресе «{value}» неверное имя сервера или номер порта", value=value) from None
    host = (parts.hostname or "").rstrip(".")
    if "*" in parts.netloc:
        raise _url_error("адрес «{value}»: «*» вместо имени сервера не допускается — укажите точный адрес, "
                         "например https://auth.school.ru/", value=value)
    if "@" in parts.netloc:  # the value itself is not repeated: it may carry a password
        raise _url_error("в адресе не должно быть имени пользователя или пароля (часть до «@»): уберите их")
    if parts.scheme != "https" and not (http_for_localhost and parts.scheme == "http" and host in LOCAL_HOSTS):
        local = " (http:// — только для localhost)" if http_for_localhost else ""
        raise _url_error("адрес «{value}» должен начинаться с https://{local}", value=value, local=local)
    if port == 0:
        raise _url_error("в адресе «{value}» неверное имя сервера или номер порта", value=value)
    if not _real_host(host):
        raise _url_error("в адресе «{value}» нет настоящего имени сервера: ожидается имя вида school.ru "
                         "(части через точку) или localhost", value=value)
    return value


def _real_host(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return len(labels) >= 2 and all(_LABEL.match(label) for label in labels) and bool(_TOP_LABEL.match(labels[-1]))


def _local_http_allowed(value: str) -> str:
    return checked_url(value, http_for_localhost=True)


# The pattern comes first: its message («нужен адрес, начинающийся с https://») suits text that is no address at all;
# checked_url then names what is wrong. Editors' schemas get the stricter form at once.
_HOST = r"[^\s/*@:]+(:\d+)?"
_LOCAL = r"http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"
HttpsUrl = Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(checked_url),
                     WithJsonSchema({"type": "string", "pattern": rf"^https://{_HOST}(/\S*)?$"})]
SiteUrl = Annotated[str, Field(pattern=r"^https?://\S+/$"), AfterValidator(_local_http_allowed),
                    WithJsonSchema({"type": "string", "pattern": rf"^(https://{_HOST}|{_LOCAL})(/\S*)?/$"})]


class FilesConfig(OkoModel):
    """Which files may be published from content/files (a warning otherwise)."""

    allowed: list[str] = Field(default_factory=lambda: list(DEFAULT_ALLOWED), title="Разрешённые расширения")
    max_size_mb: float = Field(default=DEFAULT_MAX_MB, gt=0, title="Наибольший размер файла, МБ")


class CmsConfig(OkoModel):
    """Editing through forms (/admin/): where the content lives on GitHub."""

    repo: str = Field(title="Репозиторий на GitHub", pattern=r"^[\w.-]+/[\w.-]+$", description="владелец/имя")
    branch: str = Field(default="main", title="Ветка", min_length=1)
    auth_url: HttpsUrl | None = Field(default=None, title="Адрес сервиса входа через GitHub (OAuth)",
                                     description="точный адрес https://…, например, Sveltia CMS Authenticator")


class PersonalDataAllowance(OkoModel):
    """One value that may be published although it looks like a person's data: a rare, reviewed exception.

    It covers that value in that file only (oko/rules/personal_data.py); `check --report` lists every one.
    """

    value: NonEmptyStr = Field(title="Значение", description="как оно написано в файле; для ФИО с датой "
                                                            "рождения — ФИО, как в файле")
    file: str = Field(title="Файл", pattern=r"^(content/\S+|site_config\.yaml)$",
                      description="путь от папки проекта, например content/pages/kontakty.md")
    reason: NonEmptyStr = Field(title="Почему это можно опубликовать",
                                description="основание: письменное согласие, требование закона …")


class ResultsConfig(OkoModel):
    """Publishing results of assessment procedures (oko/kinds/results/)."""

    # regulations.md §7a: ФИОКО asks N ≥ 10 for group analysis; no Russian rule gives a number.
    min_group: int = Field(default=10, ge=2, le=100, title="Наименьшая публикуемая группа",
                           description="класс с меньшим числом участников не публикуется (по умолчанию 10)")
    publish_analytics: bool = Field(default=False, title="Публиковать страницу анализа объективности",
                                    description="true — на сайте появится /results/analytics/ с признаками "
                                                "необъективности; по умолчанию — только в check --report")


class SiteConfig(OkoModel):
    """Settings of one site: its title, owner and address."""

    title: NonEmptyStr = Field(title="Название сайта")
    description: str | None = Field(default=None, title="Описание сайта", min_length=1)
    organisation: Slug = Field(title="Организация — владелец сайта",
                               description="имя файла в content/organisations без .yaml")
    base_url: SiteUrl | None = Field(default=None, title="Адрес сайта",
                                     description="полный адрес с «/» на конце, например https://school.example/ "
                                                 "(http:// — только для localhost)")
    official: bool = Field(default=False, title="Это официальный сайт организации",
                           description="true — на сайте обязателен раздел «Сведения об образовательной организации»")
    cms: CmsConfig | None = Field(default=None, title="Редактирование через формы (/admin/)")
    files: FilesConfig = Field(default_factory=lambda: FilesConfig(), title="Файлы")
    results: ResultsConfig = Field(default_factory=lambda: ResultsConfig(), title="Результаты оценочных процедур")
    personal_data_allowed: list[PersonalDataAllowance] = Field(
        default_factory=list, title="Разрешённые персональные данные",
        description="значения, которые можно опубликовать, хотя они похожи на персональные данные "
                    "(152-ФЗ): каждое — со своим файлом и основанием")
    district: DistrictConfig | None = Field(default=None, title="Район: школы на одном сайте",
                                           description="сайт района и его школ: папки школ и учебный год "
                                                       "мониторинга (справочник, «Район»)")
    rules: dict[str, Literal["error", "warning", "off"]] = Field(
        default_factory=dict, title="Строгость правил проверки",
        description="код правила: error (ошибка), warning (предупреждение) или off (не проверять)")
