"""Models of the subsections of «Сведения об образовательной организации», generated from the spec.

`oko/sveden_spec.py` transcribes the methodical recommendations (MR v9): which itemprops each
subsection has and how they nest. A content file `content/sveden/<file>.yaml` uses those itemprop
names as its keys, so validation, JSON Schema, pages and the compliance report all come from that
one table. Every attribute is optional here: missing data is a report warning, not a build error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, WithJsonSchema, create_model, model_validator
from pydantic_core import PydanticCustomError

from oko.kinds.sveden.dates import FORMS, written_date
from oko.models.common import OkoModel, PublicByLaw, RuDate
from oko.sveden_spec import Attr, Subsection

# Words that mark absent information (MR v9, footnote 2; Разъяснения 2024 §6).
ABSENT = ("отсутствует", "нет", "не предусмотрено", "не предусмотрены", "не имеется")


def is_absent(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower().rstrip(".") in ABSENT


def _text(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


NUMBER = re.compile(r"^\d+(\.\d+)?$")


def _number_text(value: Any) -> Any:
    """A number (years, places, thousands of roubles) as the page shows it: as written, digits and a point.

    A form's number widget writes a number, never text, so that is the one shape (issue 13: a text widget wrote
    «'21'»); «нет» has no number form — MR v9 shows «0» where there is none (Table 3.9.4; Разъяснения 2024 п.11).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and NUMBER.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("oko_number", "«{value}» — не число: пишите число без пробелов и единиц, например 12 "
                              "или 61542.8; если нет — 0", {"value": value})


def _as_list(value: Any) -> Any:
    """A list; one text is the first shape (shapes.py reports it)."""
    return value if isinstance(value, list) or value is None else [value]


def _left_to_fill(item: Any) -> bool:
    """An item whose every key is written with no value — the «to fill» form of `oko init` (oko/init/) — or
    with no key at all: the same item saved from a form (`- {}`, empty fields are not written)."""
    return isinstance(item, dict) and all(value is None for value in item.values())


def left_to_fill(value: Any) -> bool:
    """A main tag whose items have every key written with no value: nothing is filled in yet."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(map(_left_to_fill, items))


def _none_if_empty(value: list[Any]) -> list[Any] | None:
    """[] (a form's list with every item removed) is none: the page says «отсутствует», MR v9 footnote 2."""
    return value or None


def _group(value: Any) -> Any:
    """«отсутствует» for a whole main tag becomes an empty item: every cell then says «отсутствует»."""
    return {} if is_absent(value) else value


def _groups(value: Any) -> Any:
    return [{}] if is_absent(value) else _as_list(value)


def _date_or_absent(value: str) -> str:
    return value if is_absent(value) else written_date(value)


Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
DateText = Annotated[str, BeforeValidator(_text), AfterValidator(_date_or_absent),
                     Field(description=f"дата: {FORMS}; или «отсутствует»")]
Url = Annotated[str, Field(pattern=r"^(https?://\S+|отсутствует|нет|не предусмотрено)$")]
Email = Annotated[str, Field(pattern=r"^([^@\s;]+@[^@\s;]+(\s*;\s*[^@\s;]+@[^@\s;]+)*|отсутствует|нет)$")]
DocRef = Annotated[str, Field(min_length=1, description="идентификатор документа из content/documents.yaml "
                                                       "или «отсутствует»")]

NumberText = Annotated[str, BeforeValidator(_number_text),
                       WithJsonSchema({"type": "number", "minimum": 0, "description": "число; 0, если нет"})]

_SCALARS: dict[str, Any] = {"date": DateText, "url": Url, "email": Email, "doc": DocRef, "number": NumberText}
ABSENT_SCHEMA = {"type": "string", "enum": list(ABSENT), "description": "если сведений нет"}


class _OneOrMany:
    """Schema note: a repeated attribute may also be written once, or as «отсутствует»."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        return {"anyOf": [schema.get("items", {}), schema, ABSENT_SCHEMA]}


class _OrAbsent:
    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [handler(core_schema), ABSENT_SCHEMA]}


def _annotation(attr: Attr) -> Any:
    if attr.kind == "group":
        item = group_model(attr)
        if attr.many:
            return Annotated[list[item], BeforeValidator(_groups), _OneOrMany()]  # type: ignore[valid-type]
        return Annotated[item, BeforeValidator(_group), _OrAbsent()]  # type: ignore[valid-type]
    scalar = _SCALARS.get(attr.kind, Text)
    if attr.many:
        return Annotated[list[scalar], BeforeValidator(_as_list), AfterValidator(_none_if_empty),  # type: ignore[valid-type]
                         _OneOrMany()]
    return scalar


def public_by_law(attr: Attr) -> PublicByLaw | None:
    """Contacts and staff names and positions that MR v9 marks up are published by law (1493 п.7, 11; ПП 1802)."""
    source = f"МР v9, itemprop «{attr.name}»"
    if attr.kind in ("phone", "email"):
        return PublicByLaw(frozenset({attr.kind}), source)
    if attr.name.startswith(("fio", "post")) or attr.name == "nameUchred":  # «nameUchred»: a founder may be a person
        return PublicByLaw(frozenset({"name"}), source)
    return None


def _fields(attributes: tuple[Attr, ...]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for attr in attributes:
        annotation = _annotation(attr) | None
        if (marker := public_by_law(attr)) is not None:
            annotation = Annotated[annotation, marker]
        fields[attr.name] = (annotation, Field(default=None, title=attr.label, description=attr.note or None))
    return fields


@cache
def group_model(attr: Attr) -> type[OkoModel]:
    """The model of one main tag's item (a founder, a deputy, a programme …)."""
    return create_model(_class_name(attr.name), __base__=OkoModel, **_fields(attr.children))


class SvedenPage(OkoModel):
    """What every subsection file may hold besides its attributes."""

    intro: str | None = Field(default=None, title="Текст в начале страницы (Markdown)", min_length=1)
    pages: list[str] = Field(default_factory=list, title="Дополнительные страницы подраздела",
                             description="page:имя — ссылки на них размечаются addRef (не больше 10)")
    changed: RuDate | None = Field(default=None, title="Когда изменились сведения")
    updated: RuDate | None = Field(default=None, title="Когда сведения обновлены на сайте")

    _left_empty: frozenset[str] = PrivateAttr(default=frozenset())

    @model_validator(mode="wrap")
    @classmethod
    def _unfilled(cls, data: Any, handler: Any) -> Any:
        """Keys written with no value (the «to fill» form of `oko init`) are no data, and are remembered: the page
        says «сведения не заполнены» for them rather than «отсутствует», and check names each (rules.py)."""
        if not isinstance(data, dict):
            return handler(data)
        empty = frozenset(key for key, value in data.items() if value is None or left_to_fill(value))
        model = handler({key: None if key in empty else value for key, value in data.items()})
        model._left_empty = empty
        return model

    @property
    def left_empty(self) -> frozenset[str]:
        """Top-level keys written with no value yet."""
        return self._left_empty


@cache
def subsection_model(subsection: Subsection) -> type[SvedenPage]:
    """`content/sveden/<file>.yaml` of one subsection: its itemprops as keys."""
    return create_model(_class_name(subsection.slug), __base__=SvedenPage, **_fields(subsection.attributes))


def _class_name(name: str) -> str:
    return "Sveden" + re.sub(r"(^|_)([a-z])", lambda m: m.group(2).upper(), name)


def document_refs(attributes: tuple[Attr, ...], path: tuple[str | int, ...],
                  values: object) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every document id a subsection names (doc attributes, at any depth), with its data path."""
    for attr in attributes:
        value = getattr(values, attr.name, None)
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            item_path = (*path, attr.name, index) if isinstance(value, list) else (*path, attr.name)
            if attr.kind == "doc" and isinstance(item, str):
                yield item_path, item
            elif attr.kind == "group":
                yield from document_refs(attr.children, item_path, item)
