"""The front matter of a news item: a title, the date it is published, tags, and the procedure it concerns."""

from __future__ import annotations

import re

from pydantic import Field

from oko.kinds.schedule.model import normalise_class
from oko.models.common import NonEmptyStr, OkoModel, RuDate


class ProcedureRef(OkoModel):
    """A procedure of the schedule: its date and subject, and (when only some classes write it) the classes."""

    date: RuDate = Field(title="Дата процедуры")
    subject: NonEmptyStr = Field(title="Предмет", description="как в графике: «Математика», «Русский язык»")
    classes: str | None = Field(default=None, title="Классы", min_length=1, description="через запятую: «9А, 9Б»")

    @property
    def class_names(self) -> tuple[str, ...]:
        return tuple(normalise_class(c) for c in re.split(r"[,;]+", self.classes or "") if c.strip())


class NewsMeta(OkoModel):
    """A news item's front matter (content/news/<id>.md); the text below it is Markdown."""

    title: NonEmptyStr = Field(title="Заголовок")
    date: RuDate = Field(title="Дата публикации", description="дд.мм.гггг; новости идут от новых к старым")
    description: str | None = Field(default=None, title="Краткое описание", min_length=1,
                                    description="для поиска, ленты новостей и списка на главной")
    tags: list[NonEmptyStr] = Field(default_factory=list, title="Метки", description="например: ВПР, 9 класс")
    procedure: ProcedureRef | None = Field(default=None, title="Оценочная процедура, о которой новость",
                                           description="дата и предмет, как в графике оценочных процедур")
