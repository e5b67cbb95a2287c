"""A «Ответственные» cell → the list of responsible roles and people of a plan item.

Schools write several responsible in one cell in every way the seeds show: one per paragraph; with
commas («Зам. директора по УВР, руководители МО»); without them, where a new role starts with a
capital («технические специалисты Руководители ОО Заместитель директора по УВР») or a new person
with a name («… управления образования Шилова Э.И, начальник …»); as bare abbreviations
(«КО ГМК, ГМО ОО, ШМО»). A person is a name with initials and, after it, the position
(«Землянова Н.В., начальник отдела …»). Two directions of one deputy stay one role:
«Зам. директора по УВР, ВР».
"""

from __future__ import annotations

import itertools
import re
from typing import Any

_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?"  # Землянова Н.В., Шилова Э.И
_INITIALS_FIRST = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"  # И.Н. Ревина
NAME = re.compile(rf"(?:{_NAME}|{_INITIALS_FIRST})(?![а-яё])")
ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,}[А-ЯЁA-Z0-9-]*")
# Words a role starts with; in the middle of a text, with a capital, they start the next role.
ROLE_WORDS = r"(?:Руководител|Заместител|Директор|Педагог|Учител|Классн|Начальник|Специалист|Методист|Социальн" \
             r"|Председател|Администрац|Члены|Ответственн)\w*"
_CAPITAL_ROLE = re.compile(rf"(?<=[\wа-яё.])\s+(?={ROLE_WORDS})(?<!Зам\.\s)")
# «… управления образования руководители ОО»: a role of an organisation's abbreviation after a word.
_ROLE_OF = re.compile(r"(?<=[а-яё])\s+(?<!\bи\s)(?=руководител\w*\s+[А-ЯЁ]{2,}\b)")
_ROLE_START = re.compile(r"руководител\w*\s+[А-ЯЁ]{2,}\b")
_JOINED_DIRECTION = re.compile(r"\bпо\s+[А-ЯЁ]{2,}$")  # «Зам. директора по УВР» + «ВР»


def parse_responsible(lines: tuple[str, ...] | list[str]) -> list[Any]:
    """Roles as strings, people as {name, position} (position only when the cell gives one)."""
    result: list[Any] = []
    for line in lines:
        pending: dict[str, str] | None = None
        for segment in _segments(line):
            person = _person(segment)
            if person is not None:
                result.append(person)
                pending = person if "position" not in person else None
            elif pending is not None and segment[:1].islower() and not _ROLE_START.match(segment):
                pending["position"] = segment  # «Землянова Н.В., начальник отдела …»
                pending = None
            else:
                result.append(segment)
                pending = None
    return result


def _segments(line: str) -> list[str]:
    parts: list[str] = []
    for part in (p.strip() for p in re.split(r"\s*[,;]\s*", line)):
        if not part:
            continue
        if parts and _is_abbreviations(part) and _JOINED_DIRECTION.search(parts[-1]):
            parts[-1] += ", " + part
            continue
        parts += _split_part(part)
    return parts


def _split_part(part: str) -> list[str]:
    pieces = [part]
    for boundary in (_before_names, _CAPITAL_ROLE.split, _ROLE_OF.split):
        pieces = [piece.strip() for chunk in pieces for piece in boundary(chunk) if piece.strip()]
    expanded: list[str] = []
    for piece in pieces:
        expanded += piece.split() if _is_abbreviations(piece) else [piece]
    return expanded


def _before_names(text: str) -> list[str]:
    """Split before every name that does not start the text: a new person starts there."""
    starts = [match.start() for match in NAME.finditer(text) if match.start() > 0]
    bounds = [0, *starts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def _is_abbreviations(text: str) -> bool:
    return all(ABBREVIATION.fullmatch(word) for word in text.split())


def _person(segment: str) -> dict[str, str] | None:
    match = NAME.match(segment)
    if match is None:
        return None
    rest = segment[match.end():].strip(" ,–—-")
    person = {"name": " ".join(match.group(0).split())}
    if rest:
        person["position"] = rest
    return person
