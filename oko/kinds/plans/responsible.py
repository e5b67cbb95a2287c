"""A responsible cell as people and roles: «Иванова И.И., заместитель директора по УР» is one person with a
position, «Директор, руководители ШМО» two roles; names run together («Иванова И.И.Петров П.П.») are flagged.

The splitting is the one `import-plan` uses on Word cells (oko/import_plan/responsible.py), so a cell typed
into YAML reads the same as one imported; full names («Иванова Ирина Ивановна») are people too.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

from oko.models.common import Responsible

# «Иванова Ирина Ивановна»: a surname, a first name and a patronymic (-вич, -вна, -ична, -ич).
FULL_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|ич)(?![а-яё])")


@functools.cache
def _cell_rules() -> tuple[Callable[[list[str]], list[Any]], re.Pattern[str]]:
    """import-plan's splitter and its name pattern, imported when first used: oko.import_plan's package
    imports the plan model, which imports this module."""
    from oko.import_plan.responsible import NAME, parse_responsible

    return parse_responsible, re.compile(rf"{FULL_NAME.pattern}|{NAME.pattern}")


def people_of(entries: list[Responsible]) -> list[Responsible]:
    """Each entry written as one text (a role) split into the people and roles it names."""
    people: list[Responsible] = []
    for entry in entries:
        people += _split(entry.position) if entry.name is None and entry.position else [entry]
    return people


def _split(text: str) -> list[Responsible]:
    found: list[Responsible] = []
    for part in _cell_rules()[0]([text]):
        found += _full_name_people(part) if isinstance(part, str) else [Responsible.model_validate(part)]
    return _attach_positions(found)


def _full_name_people(text: str) -> list[Responsible]:
    """«Иванова Ирина Ивановна директор» → the person and her position; two full names → two people."""
    match = FULL_NAME.match(text)
    if match is None:
        return [Responsible(position=text)]
    name, rest = " ".join(match.group(0).split()), text[match.end():].strip(" ,–—-")
    if FULL_NAME.match(rest):
        return [Responsible(name=name), *_full_name_people(rest)]
    return [Responsible(name=name, position=rest or None)]


def _attach_positions(found: list[Responsible]) -> list[Responsible]:
    """«Иванова Ирина Ивановна, директор»: a lower-case role right after a full name is that person's position."""
    merged: list[Responsible] = []
    for person in found:
        last = merged[-1] if merged else None
        if (last is not None and last.name and not last.position and person.name is None and person.position
                and person.position[:1].islower() and FULL_NAME.fullmatch(last.name)):
            merged[-1] = Responsible(name=last.name, position=person.position)
        else:
            merged.append(person)
    return merged


def run_together(text: str) -> list[str]:
    """Pairs of names with nothing between them but spaces: «Иванова И.И.Петров П.П.» → ["Иванова И.И.Петров П.П."]."""
    matches = list(_cell_rules()[1].finditer(text))
    return [text[a.start():b.end()] for a, b in itertools.pairwise(matches)
            if not text[a.end():b.start()].strip()]


def written_entries(raw: Any) -> list[tuple[tuple[int | str, ...], str]]:
    """The texts of a raw `responsible` list that name no one by `name` — roles, or people typed into
    `position` — with their paths inside the list: (2, "position"), or (2,) for the old bare text."""
    if not isinstance(raw, list):
        return []
    found: list[tuple[tuple[int | str, ...], str]] = []
    for index, value in enumerate(raw):
        if isinstance(value, str):
            found.append(((index,), value))
        elif isinstance(value, dict) and not value.get("name") and isinstance(value.get("position"), str):
            found.append(((index, "position"), value["position"]))
    return found


def responsible_places(plan: Any, data: Any) -> Iterator[tuple[tuple[str | int, ...], list[Any]]]:
    """Every `responsible` list of a plan (of its items and of their levels): its data path and raw value."""
    for path, item in plan.located_items():
        places = [(*path, "responsible")] + [(*path, "levels", i, "responsible") for i in range(len(item.levels))]
        for place in places:
            raw = _raw(data, place)
            if isinstance(raw, list):
                yield place, raw


def _raw(data: object, path: tuple[str | int, ...]) -> object:
    """The value a content file holds at a data path (None when it is not there)."""
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data
