"""The model of a schedule's procedure (oko/kinds/schedule/procedure.py) in process: durations as schools write
them, the window of dates (its first and last day, and how pages say it), and which days a work may be on.
Each case asserts the whole result: the value, or every error pydantic reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from oko.kinds.schedule.procedure import DateWindow, Minutes, Procedure

DURATION = "продолжительность: число минут (45) или уроков («2 урока»)"
MINUTES = TypeAdapter(Minutes)


@pytest.mark.parametrize(("written", "minutes"), [
    (45, 45),
    (1, 1),
    (600, 600),
    ("90", 90),
    ("90 мин", 90),
    ("40мин", 40),
    (" 40 минут. ", 40),
    ("30 мин.", 30),
    ("1 урок", 45),
    ("2 урока", 90),
    ("2 УРОКА.", 90),  # as typed with Caps Lock, with the dot of an abbreviation
    ("3 уроков", 135),
    ("13 уроков", 585),
])
def test_a_duration_in_minutes_or_lessons(written: object, minutes: int) -> None:
    assert MINUTES.validate_python(written) == minutes


@pytest.mark.parametrize(("written", "errors"), [
    (True, [("oko_duration", DURATION)]),  # `duration: yes` is not one minute
    (45.5, [("oko_duration", DURATION)]),
    ("", [("oko_duration", DURATION)]),
    ("урок", [("oko_duration", DURATION)]),
    ("полтора урока", [("oko_duration", DURATION)]),
    ("2 часа", [("oko_duration", DURATION)]),
    ("5 мин 2", [("oko_duration", DURATION)]),
    ("0 мин", [("greater_than_equal", "Input should be greater than or equal to 1")]),
    (0, [("greater_than_equal", "Input should be greater than or equal to 1")]),
    ("601", [("less_than_equal", "Input should be less than or equal to 600")]),
    ("14 уроков", [("less_than_equal", "Input should be less than or equal to 600")]),  # 630 minutes
])
def test_a_duration_that_is_not_minutes_or_lessons_is_one_error(written: object,
                                                                errors: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError) as raised:
        MINUTES.validate_python(written)
    assert [(e["type"], e["msg"]) for e in raised.value.errors()] == errors


def window(start: str, end: str) -> DateWindow:
    return DateWindow.model_validate({"start": start, "end": end})


@pytest.mark.parametrize(("start", "end", "parts", "without_year"), [
    ("11.04.2026", "15.04.2026", ("11", "15 апреля 2026 г."), ("11", "15 апреля")),
    ("28.04.2026", "16.05.2026", ("28 апреля", "16 мая 2026 г."), ("28 апреля", "16 мая")),
    ("30.01.2026", "02.02.2026", ("30 января", "2 февраля 2026 г."), ("30 января", "2 февраля")),
    # across the new year both ends keep their years, even when the year is not shown otherwise
    ("28.12.2025", "16.01.2026", ("28 декабря 2025 г.", "16 января 2026 г."),
     ("28 декабря 2025 г.", "16 января 2026 г.")),
    ("11.04.2025", "15.04.2026", ("11 апреля 2025 г.", "15 апреля 2026 г."),
     ("11 апреля 2025 г.", "15 апреля 2026 г.")),  # the same month of two years
    ("11.03.2025", "11.04.2026", ("11 марта 2025 г.", "11 апреля 2026 г."),
     ("11 марта 2025 г.", "11 апреля 2026 г.")),
])
def test_a_window_says_only_once_what_both_ends_share(start: str, end: str, parts: tuple[str, str],
                                                      without_year: tuple[str, str]) -> None:
    made = window(start, end)
    assert (made.parts(), made.parts(with_year=False), made.text(), made.text(with_year=False)) == (
        parts, without_year, f"с {parts[0]} по {parts[1]}", f"с {without_year[0]} по {without_year[1]}")


def procedure(**fields: Any) -> Procedure:
    return Procedure.model_validate({"classes": "5А", "kind": "vpr", "subject": "Математика", **fields})


DAYS = [dt.date(2026, 4, 10), dt.date(2026, 4, 11), dt.date(2026, 4, 13), dt.date(2026, 4, 15), dt.date(2026, 4, 16)]


def test_a_window_holds_its_first_and_last_day_and_the_days_between() -> None:
    made = window("11.04.2026", "15.04.2026")
    assert [made.contains(day) for day in DAYS] == [False, True, True, True, False]
    in_window = procedure(window={"start": "11.04.2026", "end": "15.04.2026"})
    assert [in_window.holds(day) for day in DAYS] == [False, True, True, True, False]
    assert (in_window.first_day, in_window.last_day) == (dt.date(2026, 4, 11), dt.date(2026, 4, 15))


def test_a_day_picked_within_the_window_is_the_only_day_the_work_is_on() -> None:
    picked = procedure(date="13.04.2026", window={"start": "11.04.2026", "end": "15.04.2026"})
    assert [picked.holds(day) for day in DAYS] == [False, False, True, False, False]
    on_a_day = procedure(date="15.04.2026")
    assert [on_a_day.holds(day) for day in DAYS] == [False, False, False, True, False]
    assert (on_a_day.first_day, on_a_day.last_day) == (dt.date(2026, 4, 15), dt.date(2026, 4, 15))


def test_a_work_with_neither_a_day_nor_a_window_holds_no_day() -> None:
    undated = procedure()
    assert [undated.holds(day) for day in DAYS] == [False] * 5
    assert (undated.first_day, undated.last_day) == (dt.date.min, dt.date.min)
