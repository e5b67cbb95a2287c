"""Class sets as schools write them: «5А, 5Б», «5-9», «5–7, 9», «5-е классы», «все 5–9», «4-8-х и 10-х».

A set is kept as the text the school wrote (that is what pages and tables show) and parsed into tokens:
«5А» (a class) or «5» (every class of the parallel). A range of parallels is always a range: «5-9» is
5, 6, 7, 8, 9 and never grade 59 (issue 12). Real forms: ВПР notices «для учеников 5-9 классов»,
«ВПР пишут 4-8-х и 10-х классов»; school schedules «5–7, 9».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic_core import PydanticCustomError

MAX_GRADE = 11
# Latin letters that look like Cyrillic ones: «5A» typed on an English keyboard is «5А».
_LOOKALIKES = str.maketrans("ABEKMHOPCTXY", "АВЕКМНОРСТХУ")
CLASS_NAME = re.compile(r"^(\d{1,2})([А-ЯЁ])$")
# Letters used for classes, in order, for ranges like «5А–5В» (no Ё, Й, Ъ, Ы, Ь).
CLASS_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"
_DASH = r"\s*[-–—]\s*"
_ORDINAL = r"(?:-(?:е|х|ые|ых))?"  # «5-е», «5-х», «5-ые»: a parallel, not the class «5Е»
_GRADE = re.compile(rf"^(\d{{1,2}}){_ORDINAL}$")
_GRADES = re.compile(rf"^(\d{{1,2}}){_DASH}(\d{{1,2}}){_ORDINAL}$")
_LETTERS = re.compile(rf"^(\d{{1,2}})\s*([А-Яа-яA-Za-z]){_DASH}(?:(\d{{1,2}})\s*)?([А-Яа-яA-Za-z])$")
_WORDS = re.compile(r"\b(?:все|всех|класс|классы|классов|класса|параллель|параллели)\b", re.IGNORECASE)
HINT = "пишите 5А (класс), 5 или «5-е классы» (параллель), 5-9 (параллели с 5 по 9), через запятую: «5–7, 9»"


def normalise_class(name: str) -> str:
    """«5а», «5 А», «5A», «10-б» → «5А», «10Б»."""
    return re.sub(r"[\s\-]", "", str(name)).upper().translate(_LOOKALIKES)


@dataclass(frozen=True)
class ClassSet:
    """A parsed set: tokens «5А» or «5», and the parallels that came from a range (may have no classes)."""

    tokens: tuple[str, ...]
    ranged: frozenset[int]


def written(value: Any) -> Any:
    """What a content file may hold → the text as written: «5А, 5Б»; a list joins, a number is a parallel."""
    if isinstance(value, bool):
        raise PydanticCustomError("oko_classes", "классы пишутся строкой: «5А, 5Б», «5-9», «5–7, 9»")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, str | int) and not isinstance(item, bool) for item in value):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str):
        return " ".join(value.split())
    raise PydanticCustomError("oko_classes", "классы пишутся строкой: «5А, 5Б», «5-9», «5–7, 9»")


def checked(text: str) -> str:
    """The written text, once it parses (the error names the part that does not)."""
    parse_class_set(text)
    return text


@lru_cache(maxsize=4096)
def parse_class_set(text: str) -> ClassSet:
    tokens: list[str] = []
    ranged: set[int] = set()
    parts = [part.strip() for part in re.split(r"[,;]|\s+и\s+", text)]
    for part in parts:
        cleaned = " ".join(_WORDS.sub(" ", part).split())
        if not cleaned:
            continue
        found, from_range = _token(part, cleaned)
        tokens += found
        if from_range:
            ranged.update(int(token) for token in found)
    if not tokens:
        raise PydanticCustomError("oko_classes", "не указан ни один класс: {hint}", {"hint": HINT})
    return ClassSet(tuple(dict.fromkeys(tokens)), frozenset(ranged))


def _token(part: str, text: str) -> tuple[list[str], bool]:
    if match := _GRADES.match(text):
        first, last = _grade(part, match.group(1)), _grade(part, match.group(2))
        if last <= first:
            raise PydanticCustomError(
                "oko_classes", "«{value}»: диапазон параллелей идёт от меньшей к большей, например {first}-{last}",
                {"value": part, "first": min(first, last), "last": max(first, last) + (first == last)})
        return [str(grade) for grade in range(first, last + 1)], True
    if match := _GRADE.match(text):
        return [str(_grade(part, match.group(1)))], False
    if match := _LETTERS.match(text):
        return _letter_range(part, match.groups()), False
    token = normalise_class(text)
    match = CLASS_NAME.match(token)
    if not match:
        raise PydanticCustomError("oko_classes", "«{value}» не похоже на класс: {hint}", {"value": part, "hint": HINT})
    _grade(part, match.group(1))
    return [token], False


def _grade(part: str, digits: str) -> int:
    grade = int(digits)
    if not 1 <= grade <= MAX_GRADE:
        raise PydanticCustomError(
            "oko_classes", "«{value}»: параллели {grade} нет — бывают с 1 по 11 (диапазон пишется через дефис: 5-9)",
            {"value": part, "grade": grade})
    return grade


def _letter_range(part: str, groups: tuple[str | None, ...]) -> list[str]:
    """«5А–5В», «5А-В» → 5А, 5Б, 5В."""
    grade_text, first, second_grade, last = groups
    grade = _grade(part, grade_text or "")
    first_letter = normalise_class(f"{grade}{first}")[len(str(grade)):]
    last_letter = normalise_class(f"{grade}{last}")[len(str(grade)):]
    ordered = first_letter in CLASS_LETTERS and last_letter in CLASS_LETTERS \
        and CLASS_LETTERS.index(first_letter) < CLASS_LETTERS.index(last_letter)
    if (second_grade and int(second_grade) != grade) or not ordered:
        raise PydanticCustomError(
            "oko_classes", "«{value}»: диапазон классов — в одной параллели, по алфавиту, например 5А–5В",
            {"value": part})
    letters = CLASS_LETTERS[CLASS_LETTERS.index(first_letter): CLASS_LETTERS.index(last_letter) + 1]
    return [f"{grade}{letter}" for letter in letters]
