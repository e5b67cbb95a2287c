"""The model of plans (oko/kinds/plans/model.py) in process: item numbers as documents print them, the paths of
the items, and the year a month without one means — from the plan's year, or from a section headed by a year.
Each case asserts the whole result (every error pydantic reports, every item with its path)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from oko.kinds.plans.model import Plan, PlanItem

NOT_A_NUMBER = ("номер мероприятия «{}» — не номер: пишутся цифры с точками, как в документе, "
                "например 42, 3.1 или 2.4.1")


def plan(**fields: Any) -> Plan:
    """A 2025/2026 plan of the school with these fields (sections or items)."""
    return Plan.model_validate({"title": "План", "organisation": "school", "academic_year": "2025/2026", **fields})


def errors(value: object) -> list[tuple[str, tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as raised:
        PlanItem.model_validate({"activity": "Мероприятие", "number": value})
    return [(e["type"], e["loc"], e["msg"]) for e in raised.value.errors()]


@pytest.mark.parametrize(("written", "number", "anchor"), [
    (42, "42", "p42"),  # a YAML number is the number as written
    (7, "7", "p7"),
    ("3.1", "3.1", "p3-1"),
    ("2.4.1", "2.4.1", "p2-4-1"),
    ("1.", "1.", "p1"),  # «1.» as some documents print it (seed 004)
    (" 3.1 ", "3.1", "p3-1"),  # spaces around it, as pasted from a table
    ("9999.9999.9999.9999.9999", "9999.9999.9999.9999.9999", "p9999-9999-9999-9999-9999"),
    (None, None, ""),
])
def test_an_item_number_is_kept_as_written(written: object, number: str | None, anchor: str) -> None:
    item = PlanItem.model_validate({"activity": "Мероприятие", "number": written})
    assert (item.number, item.anchor) == (number, anchor)


@pytest.mark.parametrize("written", ["п. 42", "12345", "1..2", "3.1 а", "", "1.2.3.4.5.6"])
def test_a_citation_or_text_is_not_a_number_and_says_how_to_write_one(written: str) -> None:
    assert errors(written) == [("oko_plan_number", ("number",), NOT_A_NUMBER.format(written))]


def test_yes_is_not_a_number() -> None:
    """`number: yes` is a YAML boolean: not turned into «True» or «1», but refused as not text."""
    assert errors(True) == [("string_type", ("number",), "Input should be a valid string")]


def test_every_item_has_its_data_path_in_order() -> None:
    sectioned = plan(sections=[
        {"title": "I. Мониторинг", "items": [{"activity": "А"}, {"activity": "Б"}]},
        {"title": "II. Анализ", "items": [{"activity": "В"}]},
    ])
    assert [(path, item.activity) for path, item in sectioned.located_items()] == [
        (("sections", 0, "items", 0), "А"), (("sections", 0, "items", 1), "Б"), (("sections", 1, "items", 0), "В")]
    assert sectioned.item_count == 3
    listed = plan(items=[{"activity": "А"}, {"activity": "Б"}])
    assert [(path, item.activity) for path, item in listed.located_items()] == [
        (("items", 0), "А"), (("items", 1), "Б")]
    assert listed.item_count == 2


def years_of(section_title: str, *months: str) -> list[int | None]:
    """The years the months get in a 2025/2026 plan's second section (the first is an ordinary heading)."""
    made = plan(sections=[
        {"title": "Раздел", "items": [{"activity": "Первое"}]},
        {"title": section_title, "items": [{"activity": m, "deadline": m} for m in months]},
    ])
    return [item.deadline.points[0].year for item in made.sections[1].items]  # type: ignore[union-attr]


@pytest.mark.parametrize(("title", "years"), [
    ("II. Анализ", [2025, 2026, 2025]),  # an ordinary heading: the plan's year (August 2025 – August 2026)
    ("2026 год", [2026, 2026, 2026]),  # the second year of the plan: October is October 2026
    ("2025 год", [2025, 2025, 2025]),  # the first: March is March 2025
    ("2027 год", [2027, 2027, 2027]),  # after the plan: the heading's year
    ("2025–2026 годы", [2025, 2026, 2025]),  # both years of the plan: as the plan says
    ("2026–2027 годы", [2026, 2026, 2026]),  # October 2025 is before the heading: its first year
    ("2024–2025 годы", [2025, 2024, 2025]),  # March 2026 is after the heading: its first year
])
def test_a_month_without_a_year_takes_it_from_the_plan_or_the_section_heading(title: str,
                                                                              years: list[int]) -> None:
    assert years_of(title, "октябрь", "март", "август") == years


def test_the_deadline_of_a_level_and_of_a_plain_list_take_the_year_too() -> None:
    made = plan(sections=[{"title": "2027 год", "items": [
        {"activity": "По уровням", "deadline": "октябрь",
         "levels": [{"level": "school", "deadline": "март"}, {"level": "municipal"}]}]}])
    item = made.sections[0].items[0]
    assert [item.deadline.points[0].year, item.levels[0].deadline.points[0].year,  # type: ignore[union-attr]
            item.levels[1].deadline] == [2027, 2027, None]
    listed = plan(items=[{"activity": "А", "deadline": "октябрь", "levels": [{"level": "school", "deadline": "март"}]}])
    assert [listed.items[0].deadline.points[0].year,  # type: ignore[union-attr]
            listed.items[0].levels[0].deadline.points[0].year] == [2025, 2026]  # type: ignore[union-attr]


def test_the_section_years_are_read_from_the_section_of_the_path() -> None:
    made = plan(sections=[{"title": "Раздел", "items": [{"activity": "А"}]},
                          {"title": "2027 год", "items": [{"activity": "Б"}]},
                          {"title": "2024–2025 годы", "items": [{"activity": "В"}]}])
    assert [made.section_years(path) for path, _item in made.located_items()] == [None, (2027, 2027), (2024, 2025)]
    assert plan(items=[{"activity": "А"}]).section_years(("items", 0)) is None
