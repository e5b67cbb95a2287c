"""Turn plain data into content models; pydantic's errors become Russian Issues with positions."""

from __future__ import annotations

import difflib
import functools
import types
import typing
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from oko.errors import Issue
from oko.models.common import LabelledEnum
from oko.sources import DataPath, SourceDoc

M = TypeVar("M", bound=BaseModel)

TYPE_NAMES = {
    str: "текст", int: "число", float: "число", bool: "да/нет", list: "список", dict: "набор полей",
    type(None): "пустое значение",
}


def validate(doc: SourceDoc, model: type[M]) -> tuple[M | None, list[Issue]]:
    """Validate doc.data against model; every error is reported with its position."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_issue(doc, model, error) for error in exc.errors(include_url=False)]


def _step(data: Any, part: str | int) -> Any:
    """One step along a data path: a key of a mapping or an index of a list (None when absent)."""
    if isinstance(data, dict):
        return data.get(part)
    if isinstance(data, list) and isinstance(part, int) and part < len(data):
        return data[part]
    return None


def _data_path(data: Any, loc: tuple[Any, ...]) -> DataPath:
    """pydantic's loc without the tags of discriminated unions («scales.0.percent.marks» → scales[0].marks)."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and part not in current and index < len(loc) - 1:
            continue  # a union tag, not a key of the data
        path.append(part)
        current = _step(current, part)
    return tuple(path)


def _issue(doc: SourceDoc, root: type[BaseModel], error: ErrorDetails) -> Issue:
    path: DataPath = _data_path(doc.data, tuple(error["loc"]))
    kind = error["type"]
    field = path[-1] if path else ""
    if kind == "extra_forbidden":
        return _unknown_key(doc, root, path)
    if kind == "missing":
        parent = _model_at(root, path[:-1], doc.data)
        info = parent.model_fields.get(str(field)) if parent else None
        label = f" ({info.title.lower()})" if info and info.title else ""
        described = f" — {info.description}" if info and info.description else ""
        return doc.issue(
            f"нет обязательного поля «{field}»{label}", path, hint=f"добавьте строку «{field}: …»{described}"
        )
    if kind in ("enum", "literal_error"):
        return _bad_choice(doc, root, path, error["input"])
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _bad_tag(doc, root, path, error)
    message, hint = _message(kind, error)
    return doc.issue(message, path, hint=hint)


def _message(kind: str, error: ErrorDetails) -> tuple[str, str]:
    value = error["input"]
    ctx = error.get("ctx") or {}
    got = TYPE_NAMES.get(type(value), "значение другого вида")
    if value is None and kind.endswith("_type"):
        return "пустое значение", "впишите значение после двоеточия или удалите строку"
    if kind == "string_type":
        return f"ожидался текст, а указан {got}", "текст можно взять в кавычки"
    if kind in ("list_type", "tuple_type"):
        return f"ожидался список, а указан {got}", "каждый элемент списка — на новой строке, начиная с «- »"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"ожидался набор полей «ключ: значение», а указан {got}", "вложенные поля пишутся с отступом"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"ожидалось целое число, а указано «{value}»", ""
    if kind in ("bool_type", "bool_parsing"):
        return f"ожидалось да/нет (true или false), а указано «{value}»", ""
    if kind == "string_too_short":
        return "значение не должно быть пустым", "впишите значение или удалите строку"
    if kind == "too_short":
        return "список не должен быть пустым", "добавьте хотя бы один элемент «- …»"
    if kind == "string_pattern_mismatch":
        return f"значение «{value}» не подходит по форме", _pattern_hint(ctx.get("pattern", ""))
    if kind in ("greater_than_equal", "greater_than"):
        return f"значение должно быть не меньше {ctx.get('ge', ctx.get('gt'))}", ""
    if kind in ("less_than_equal", "less_than"):
        return f"значение должно быть не больше {ctx.get('le', ctx.get('lt'))}", ""
    if kind.startswith("oko_"):  # the project's own errors may carry a hint: ctx["oko_hint"] (ctx["hint"] is
        return error["msg"], str(ctx.get("oko_hint", ""))  # a part of some messages, oko/kinds/schedule/classes.py)
    return f"неверное значение ({error['msg']})", ""


_PATTERN_HINTS = {
    "^[a-z0-9]+(?:-[a-z0-9]+)*$": "нужно имя из латинских строчных букв, цифр и дефисов, например kirov-sosh-34",
    "^https?://\\S+$": "нужен адрес, начинающийся с https://",
    "^https?://\\S+/$": "нужен адрес, начинающийся с https:// и заканчивающийся «/»",
}


def _pattern_hint(pattern: str) -> str:
    return _PATTERN_HINTS.get(pattern, f"ожидается вид {pattern}")


@functools.lru_cache(maxsize=1024)
def _close_match(word: str, choices: tuple[str, ...]) -> list[str]:
    """The one close choice for «did you mean», remembered: a big file repeats one typo thousands of times."""
    return difflib.get_close_matches(word, choices, n=1, cutoff=0.6)


def _unknown_key(doc: SourceDoc, root: type[BaseModel], path: DataPath) -> Issue:
    key = str(path[-1])
    parent = _model_at(root, path[:-1], doc.data)
    allowed = list(parent.model_fields) if parent else []
    close = _close_match(key, tuple(allowed))
    hint = f"возможно, вы имели в виду «{close[0]}»" if close else (
        "допустимые ключи: " + ", ".join(allowed) if allowed else "")
    return doc.issue(f"неизвестный ключ «{key}»", path, hint=hint, key=True)


def _bad_choice(doc: SourceDoc, root: type[BaseModel], path: DataPath, value: Any) -> Issue:
    shown, accepted = _enum_values(_annotation_at(root, path, doc.data))
    close = _close_match(str(value), tuple(accepted))
    hint = f"возможно, вы имели в виду «{close[0]}»" if close else ""
    return doc.issue(f"недопустимое значение «{value}»: допустимы {', '.join(shown)}", path, hint=hint)


def _bad_tag(doc: SourceDoc, root: type[BaseModel], path: DataPath, error: ErrorDetails) -> Issue:
    """A discriminated union (e.g. a scale's `kind`) got an unknown or no kind."""
    ctx = error.get("ctx") or {}
    key = str(ctx.get("discriminator", "kind")).strip("'")
    if error["type"] == "union_tag_not_found":  # pydantic names no tags then: the union's members do
        expected = _union_tags(_annotation_at(root, path, doc.data), key)
        return doc.issue(f"нет поля «{key}»: допустимы {', '.join(expected)}", path,
                         hint=f"добавьте строку «{key}: {expected[0]}» или другое из допустимых" if expected else "")
    expected = [tag.strip(" '") for tag in str(ctx.get("expected_tags", "")).split(",") if tag.strip()]
    tag = str(ctx.get("tag", ""))
    close = _close_match(tag, tuple(expected))
    return doc.issue(f"недопустимое значение «{tag}»: допустимы {', '.join(expected)}", (*path, key),
                     hint=f"возможно, вы имели в виду «{close[0]}»" if close else "")


def _union_tags(annotation: Any, key: str) -> list[str]:
    """The values of `key` that tell the members of a discriminated union apart, in the union's order."""
    tags: list[str] = []
    for member in _unwrap(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel) and key in member.model_fields:
            tags += [str(tag) for tag in typing.get_args(member.model_fields[key].annotation)]
    return tags


def _enum_values(annotation: Any) -> tuple[list[str], list[str]]:
    """The values to list in a message, and all a person may write (a LabelledEnum takes labels too)."""
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, LabelledEnum):
            values = [member.value for member in candidate]
            labels = [member.label for member in candidate]
            shown = [f"{member.value} ({member.label})" for member in candidate]
            return (labels if len(values) > 4 else shown), values + labels
        if typing.get_origin(candidate) is typing.Literal:  # e.g. `rules:` levels in site_config.yaml
            values = [str(value) for value in typing.get_args(candidate)]
            return values, values
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            values = [str(member.value) for member in candidate]
            return values, values
    return [], []


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated/list/dict, outermost first."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _annotation_at(root: type[BaseModel], path: DataPath, data: Any = None) -> Any:
    """The type annotation found by walking the model along a data path (data picks union members)."""
    current: Any = root
    for part in path:
        for candidate in _by_kind(_unwrap(current), data):
            origin = typing.get_origin(candidate)
            if isinstance(part, int) and origin in (list, tuple):
                current = typing.get_args(candidate)[0]
                break
            if origin is dict:
                current = typing.get_args(candidate)[1]
                break
            if isinstance(candidate, type) and issubclass(candidate, BaseModel) and part in candidate.model_fields:
                current = candidate.model_fields[str(part)].annotation
                break
        else:
            return None
        data = _step(data, part)
    return current


def _by_kind(candidates: list[Any], data: Any) -> list[Any]:
    """In a union of models told apart by `kind`, the member the data's kind names comes first."""
    kind = data.get("kind") if isinstance(data, dict) else None
    def matches(candidate: Any) -> bool:
        if not (isinstance(candidate, type) and issubclass(candidate, BaseModel) and "kind" in candidate.model_fields):
            return False
        return kind in typing.get_args(candidate.model_fields["kind"].annotation)
    return sorted(candidates, key=lambda candidate: not matches(candidate))


def _model_at(root: type[BaseModel], path: DataPath, data: Any = None) -> type[BaseModel] | None:
    at = data
    for part in path:
        at = _step(at, part)
    for candidate in _by_kind(_unwrap(_annotation_at(root, path, data)), at):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
