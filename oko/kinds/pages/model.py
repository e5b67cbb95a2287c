"""Free Markdown pages: `content/pages/*.md` with YAML front matter."""

from __future__ import annotations

from pydantic import Field

from oko.models.common import NonEmptyStr, OkoModel, RuDate


class PageMeta(OkoModel):
    """The front matter of a Markdown page."""

    title: NonEmptyStr = Field(title="Заголовок")
    description: str | None = Field(default=None, title="Краткое описание", min_length=1)
    menu: int | None = Field(default=None, ge=0, title="Место в главном меню",
                             description="число: чем меньше, тем левее; без него страницы нет в меню")
    menu_title: str | None = Field(default=None, title="Название в меню", min_length=1)
    date: RuDate | None = Field(default=None, title="Дата", description="дд.мм.гггг: когда страница написана или "
                                "пересмотрена; показывается под заголовком")
    tags: list[NonEmptyStr] = Field(default_factory=list, title="Метки", description="например: родителям, ВПР")
