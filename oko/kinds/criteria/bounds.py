"""Ranges of a scale as schools write them: «90–100 %», «менее 20 б», «15–17 баллов», «8 и более ошибок».

A written range becomes whole-number bounds (either end may stay open) and the unit it names, and keeps
its text so the page shows it as written. Scores are whole numbers: a percent of completion is rounded
to a whole percent before it is looked up (as the demo's general part says), so «менее 50 %» is 0–49.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

PERCENT, POINTS, ERRORS = "percent", "points", "errors"
UNIT_NAMES = {PERCENT: "проценты", POINTS: "баллы", ERRORS: "ошибки"}

_UNITS = (
    (PERCENT, r"%|процент(?:а|ов)?"),
    (POINTS, r"б\.?|балл(?:а|ов)?|первичн(?:ый|ых|ого) балл(?:а|ов)?"),
    (ERRORS, r"ошиб(?:ка|ки|ок)"),
)
_NUMBER = r"(\d+)"
_DASH = r"\s*[-–—]\s*"
# Each form: a pattern over the text without its unit, and how its numbers make (low, high).
_FORMS: tuple[tuple[str, Any], ...] = (
    (rf"{_NUMBER}", lambda n: (n, n)),
    (rf"{_NUMBER}{_DASH}{_NUMBER}", lambda a, b: (a, b)),
    (rf"от\s+{_NUMBER}\s+до\s+{_NUMBER}", lambda a, b: (a, b)),
    (rf"(?:от|не\s+менее|не\s+ниже)\s+{_NUMBER}", lambda n: (n, None)),
    (rf"{_NUMBER}\s+и\s+(?:более|больше|выше)", lambda n: (n, None)),
    (rf"(?:более|больше|свыше|выше)\s+{_NUMBER}", lambda n: (n + 1, None)),
    (rf"(?:до|не\s+более|не\s+выше)\s+{_NUMBER}", lambda n: (None, n)),
    (rf"{_NUMBER}\s+и\s+(?:менее|меньше|ниже)", lambda n: (None, n)),
    (rf"(?:менее|меньше|ниже)\s+{_NUMBER}", lambda n: (None, n - 1)),
    (r"нет|без", lambda: (0, 0)),
)
EXAMPLES = "90–100 %, 15–17 баллов, менее 20 б, более 90 %, не менее 75 %, 8 и более ошибок"


@dataclass(frozen=True)
class Bounds:
    """A range as written: inclusive whole-number ends (None = open) and the unit it names ("" = none)."""

    text: str
    low: int | None
    high: int | None
    unit: str

    def closed(self, top: int | None) -> tuple[int, int | None]:
        """The ends with the open ones filled in: from 0, up to the scale's top (None = no top)."""
        return (0 if self.low is None else self.low, top if self.high is None else self.high)

    @property
    def bare(self) -> bool:
        """Written as plain numbers («90-100», 18): the page may show it with a proper dash and unit."""
        return re.fullmatch(r"\d+(?:\s*[-–—]\s*\d+)?", self.text) is not None

    def shown(self, unit_sign: str = "") -> str:
        """What the page prints: the text as written, or plain numbers with an en dash and the unit sign."""
        if not self.bare:
            return self.text
        span = str(self.low) if self.low == self.high else f"{self.low}–{self.high}"
        return span + unit_sign


def _readings(text: str) -> list[tuple[str, str]]:
    """The ways to read a text as a range and a unit at its end; the plain text last."""
    found = []
    for unit, pattern in _UNITS:
        match = re.fullmatch(rf"(.+?)\s*(?:{pattern})", text)
        if match:
            found.append((match.group(1), unit))
        # «10 баллов и более»: the unit stands between the number and «и более».
        match = re.fullmatch(rf"(\d+)\s*(?:{pattern})\s+(и\s+(?:более|больше|выше|менее|меньше|ниже))", text)
        if match:
            found.append((f"{match.group(1)} {match.group(2)}", unit))
    return [*found, (text, "")]


def _ends(body: str) -> tuple[int | None, int | None] | None:
    for pattern, ends in _FORMS:
        match = re.fullmatch(pattern, body)
        if match:
            return ends(*map(int, match.groups()))
    return None


def parse_bounds(value: Any) -> Bounds:
    """«менее 20 б» → Bounds(low=None, high=19, unit=points); a number is a range of one."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PydanticCustomError("oko_range", "диапазон пишется текстом или числом, например: {examples}",
                                  {"examples": EXAMPLES})
    if isinstance(value, int):
        return Bounds(str(value), value, value, "")
    text = " ".join(value.replace("\u00a0", " ").split())
    for body, unit in _readings(text.casefold()):
        found = _ends(body)
        if found is not None:
            low, high = found
            if high is not None and high < 0:
                raise PydanticCustomError("oko_range", "«{value}»: меньше нуля не бывает", {"value": text})
            if low is not None and high is not None and low > high:
                raise PydanticCustomError("oko_range", "«{value}»: начало больше конца", {"value": text})
            return Bounds(text, low, high, unit)
    raise PydanticCustomError("oko_range", "«{value}» — не диапазон; пишется так: {examples}",
                              {"value": text, "examples": EXAMPLES})


Span = Annotated[
    Bounds,
    PlainValidator(parse_bounds),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer", "minimum": 0}],
                    "description": f"как написано в документе: {EXAMPLES}"}),
]
