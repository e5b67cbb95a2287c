"""`site_config.yaml`: the site's own settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from oko.files import DEFAULT_ALLOWED, DEFAULT_MAX_MB
from oko.models.common import NonEmptyStr, OkoModel, Slug


class FilesConfig(OkoModel):
    """Which files may be published from content/files (a warning otherwise)."""

    allowed: list[str] = Field(default_factory=lambda: list(DEFAULT_ALLOWED), title="Разрешённые расширения")
    max_size_mb: float = Field(default=DEFAULT_MAX_MB, gt=0, title="Наибольший размер файла, МБ")


class CmsConfig(OkoModel):
    """Editing through forms (/admin/): where the content lives on GitHub."""

    repo: str = Field(title="Репозиторий на GitHub", pattern=r"^[\w.-]+/[\w.-]+$", description="владелец/имя")
    branch: str = Field(default="main", title="Ветка", min_length=1)
    auth_url: str | None = Field(default=None, title="Адрес сервиса входа через GitHub (OAuth)",
                                 pattern=r"^https://\S+$", description="например, Sveltia CMS Authenticator")


class SiteConfig(OkoModel):
    """Settings of one site: its title, owner and address."""

    title: NonEmptyStr = Field(title="Название сайта")
    description: str | None = Field(default=None, title="Описание сайта", min_length=1)
    organisation: Slug = Field(title="Организация — владелец сайта",
                               description="имя файла в content/organisations без .yaml")
    base_url: str | None = Field(default=None, title="Адрес сайта", pattern=r"^https?://\S+/$",
                                 description="полный адрес с «/» на конце, например https://school.example/")
    official: bool = Field(default=False, title="Это официальный сайт организации",
                           description="true — на сайте обязателен раздел «Сведения об образовательной организации»")
    cms: CmsConfig | None = Field(default=None, title="Редактирование через формы (/admin/)")
    files: FilesConfig = Field(default_factory=lambda: FilesConfig(), title="Файлы")
    rules: dict[str, Literal["error", "warning", "off"]] = Field(
        default_factory=dict, title="Строгость правил проверки",
        description="код правила: error (ошибка), warning (предупреждение) или off (не проверять)")
