"""oko/models/deadline at its boundaries: each case asserts the whole reading (form, points, fields, marks)
or the whole list of issues a file yields, so an extra or a missing piece fails as much as a wrong one.

The readings use the corpus's notation (tests/test_deadline_corpus.py `describe`); years without one in
the text come from the 2025/2026 academic year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from oko.models.common import AcademicYear, OkoModel, Period
from oko.models.deadline import (
    Deadline,
    DeadlineField,
    PlanPeriod,
    heading_years,
    outside_period,
    parse_deadline,
    plan_period,
    read_deadline,
    years_period,
)
from oko.models.deadline.parts import PartialDate
from oko.validate import validate
from oko.yaml_source import parse_yaml
from tests.test_deadline_corpus import describe

YEAR = AcademicYear(start=2025)
REVERSED_HINT = "даты периода пишутся по порядку: сначала начало, потом конец, например «с 10 по 20 мая»"


class Item(OkoModel):
    deadline: DeadlineField


def reading(text: str, year: AcademicYear | None = YEAR) -> dict[str, object]:
    deadline = parse_deadline(text)
    assert isinstance(deadline, Deadline)
    return describe(deadline.resolved(year.year_of_month) if year else deadline)


def issues(deadline: str) -> list[tuple[int | None, int | None, str, str, str]]:
    doc, parse_issues = parse_yaml(f'deadline: "{deadline}"\n', "plan.yaml")
    assert doc is not None and not parse_issues
    value, found = validate(doc, Item)
    assert (value is None) == bool(found)
    return [(issue.line, issue.column, issue.path, issue.message, issue.hint) for issue in found]


# ------------------------------------------------------------------ «к 25 мая», «до 25-го мая»: deadlines

@pytest.mark.parametrize(("text", "expected"), [
    ("до 25 мая", {"form": "until", "points": ["2026-05-25"], "marked": "до [25 мая](2026-05-25)"}),
    ("к 25 мая", {"form": "until", "points": ["2026-05-25"], "marked": "к [25 мая](2026-05-25)"}),
    ("К 1 сентября", {"form": "until", "points": ["2025-09-01"], "marked": "К [1 сентября](2025-09-01)"}),
    ("к 01.09.2026", {"form": "until", "points": ["2026-09-01"], "marked": "к [01.09.2026](2026-09-01)"}),
    ("к 1 сентября 2026 года включительно", {"form": "until", "points": ["2026-09-01"], "inclusive": True,
                                             "marked": "к [1 сентября 2026 года](2026-09-01) включительно"}),
    ("до 25-го мая", {"form": "until", "points": ["2026-05-25"], "marked": "до [25-го мая](2026-05-25)"}),
    ("до 25го мая 2026 г.", {"form": "until", "points": ["2026-05-25"],
                             "marked": "до [25го мая 2026 г.](2026-05-25)"}),
    ("к 25-му мая", {"form": "until", "points": ["2026-05-25"], "marked": "к [25-му мая](2026-05-25)"}),
    ("25-е мая", {"form": "date", "points": ["2026-05-25"], "marked": "[25-е мая](2026-05-25)"}),
    ("1-ое сентября", {"form": "date", "points": ["2025-09-01"], "marked": "[1-ое сентября](2025-09-01)"}),
    ("с 1-го по 5-е мая", {"form": "range", "points": ["2026-05-01", "2026-05-05"],
                           "marked": "с [1-го](2026-05-01) по [5-е мая](2026-05-05)"}),
    ("не позднее 10-го декабря", {"form": "until", "points": ["2025-12-10"], "inclusive": True,
                                  "marked": "не позднее [10-го декабря](2025-12-10)"}),
])
def test_by_a_day_is_a_deadline(text: str, expected: dict[str, object]) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize("text", ["до 25-й мая", "25-я мая", "к 25-м мая", "к маю", "к Новому году"])
def test_an_ordinal_that_is_no_day_of_a_month_stays_free_text(text: str) -> None:
    assert reading(text) == {"free_text": True}


@pytest.mark.parametrize(("text", "expected"), [
    ("2-й квартал", {"form": "quarter", "points": ["2026-04", "2026-06"], "part": 2}),
    ("во 2-м квартале", {"form": "quarter", "points": ["2026-04", "2026-06"], "part": 2}),
    ("2-е полугодие", {"form": "half_year", "points": ["2026-01", "2026-05"], "part": 2}),
])
def test_ordinals_still_count_quarters_and_halves(text: str, expected: dict[str, object]) -> None:
    assert {key: value for key, value in reading(text).items() if key != "marked"} == expected


# ------------------------------------------------------------------ reversed ranges

@pytest.mark.parametrize("text", [
    "с 20 по 10 мая", "20-10 мая", "с 20 мая по 10 мая", "с 31 по 1 декабря", "с 2 по 1 января",
    "с 20 по 10 февраля 2026", "20.02.2026 – 10.02.2026", "октябрь 2025 – сентябрь 2025",
    "с 1 января 2026 по 31 декабря 2025",
])
def test_a_reversed_range_is_one_located_error_with_a_hint(text: str) -> None:
    assert issues(text) == [(1, 11, "deadline", f"«{text}»: конец периода раньше его начала", REVERSED_HINT)]


@pytest.mark.parametrize(("text", "points"), [
    ("с 10 по 10 мая", ["2026-05-10", "2026-05-10"]),  # one day
    ("с 10 по 11 мая", ["2026-05-10", "2026-05-11"]),
    ("с 1 по 31 декабря", ["2025-12-01", "2025-12-31"]),
    ("с 1 по 31 января", ["2026-01-01", "2026-01-31"]),
    ("с 25 декабря по 10 января", ["2025-12-25", "2026-01-10"]),  # the new year between: no error
    ("20 декабря – 15 января 2026", ["2025-12-20", "2026-01-15"]),  # the year of the end serves the start
    ("с 20 декабря по 15 января 2026 года", ["2025-12-20", "2026-01-15"]),
    ("с 31 декабря 2025 года по 11 января", ["2025-12-31", "2026-01-11"]),
    ("с 20 мая по 10 апреля", ["2026-05-20", "2027-04-10"]),  # the plan's period check names its end
])
def test_ranges_in_order_or_across_the_new_year(text: str, points: list[str]) -> None:
    assert issues(text) == []
    assert reading(text)["points"] == points


def test_a_year_less_range_start_takes_the_year_before_the_end() -> None:
    assert reading("20 декабря – 15 января 2026", year=None) == {
        "form": "range", "points": ["2025-12-20", "2026-01-15"],
        "marked": "[20 декабря](2025-12-20) – [15 января 2026](2026-01-15)"}


# ------------------------------------------------------------------ January and December, written as numbers

@pytest.mark.parametrize(("text", "points"), [
    ("01.01.2026", ["2026-01-01"]), ("31.12.2026", ["2026-12-31"]), ("1.01.2026", ["2026-01-01"]),
    ("2026-01-31", ["2026-01-31"]), ("2026-12-01", ["2026-12-01"]),
    ("31/12/2026", ["2026-12-31"]), ("12/31/2026", ["2026-12-31"]), ("13/01/2026", ["2026-01-13"]),
    ("1/13/2026", ["2026-01-13"]),
    ("31.12", ["2025-12-31"]), ("01.01", ["2026-01-01"]), ("31.12 2025г.", ["2025-12-31"]),
])
def test_numeric_dates_in_january_and_december(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points
    assert issues(text) == []


@pytest.mark.parametrize(("text", "message"), [
    ("01.13.2026", "такой даты нет: «01.13.2026» — в году 12 месяцев, а указан 13-й"),
    ("01.00.2026", "такой даты нет: «01.00.2026» — в году 12 месяцев, а указан 0-й"),
    ("2026-13-01", "такой даты нет: «2026-13-01» — в году 12 месяцев, а указан 13-й"),
    ("2026-00-10", "такой даты нет: «2026-00-10» — в году 12 месяцев, а указан 0-й"),
    ("13/13/2026", "такой даты нет: «13/13/2026» — в году 12 месяцев, а указаны 13 и 13"),
    ("31.13", "такой даты нет: «31.13» — в году 12 месяцев, а указан 13-й"),
    ("32.12.2026", "«32.12.2026»: такой даты нет в календаре: 32 декабря 2026 г."),
    ("10.01.1799", "такой даты нет: «10.01.1799» — год 1799 вне допустимых лет (1800–2100)"),
    ("10.12.2101", "такой даты нет: «10.12.2101» — год 2101 вне допустимых лет (1800–2100)"),
])
def test_numeric_dates_past_january_and_december_are_one_error(text: str, message: str) -> None:
    assert issues(text) == [(1, 11, "deadline", message, "")]


@pytest.mark.parametrize(("text", "points"), [("10.01.1800", ["1800-01-10"]), ("10.12.2100", ["2100-12-10"])])
def test_the_first_and_last_allowed_years(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


@pytest.mark.parametrize(("text", "points"), [
    ("13/12/2025", ["2025-12-13"]), ("12/13/2025", ["2025-12-13"]), ("31/12/2025", ["2025-12-31"]),
])
def test_a_slash_date_with_twelve_on_one_side(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


@pytest.mark.parametrize("text", ["05/08/2025", "12/05/2025", "05/12/2025", "12/11/2025", "01/12/2025"])
def test_a_day_month_year_that_could_be_either_way_is_free_text(text: str) -> None:
    assert reading(text) == {"free_text": True}


def test_the_same_day_and_month_is_no_question() -> None:
    assert reading("12/12/2025")["points"] == ["2025-12-12"]  # the same either way round
    assert reading("01/01/2026")["points"] == ["2026-01-01"]


# ------------------------------------------------------------------ what is pasted from Word

@pytest.mark.parametrize(("text", "expected"), [
    ("до\u00a025\u00a0мая\u00a02026\u00a0г.", {"form": "until", "points": ["2026-05-25"],
                                               "marked": "до\u00a0[25\u00a0мая\u00a02026\u00a0г.](2026-05-25)"}),
    ("с\u202f1 по\u20095 сентября", {"form": "range", "points": ["2025-09-01", "2025-09-05"],
                                    "marked": "с\u202f[1](2025-09-01) по\u2009[5 сентября](2025-09-05)"}),
    ("в\u00a0течение\u00a0учебного\u00a0года", {"form": "academic_year"}),
    ("до 1 сентября\u00ad", {"form": "until", "points": ["2025-09-01"],
                             "marked": "до [1 сентября](2025-09-01)\u00ad"}),
    ("\ufeffдо 1 сентября", {"form": "until", "points": ["2025-09-01"],
                             "marked": "\ufeffдо [1 сентября](2025-09-01)"}),
    ("1 сентября — 5 сентября", {"form": "range", "points": ["2025-09-01", "2025-09-05"],
                                 "marked": "[1 сентября](2025-09-01) — [5 сентября](2025-09-05)"}),
    ("1 сентября − 5 сентября", {"form": "range", "points": ["2025-09-01", "2025-09-05"],
                                 "marked": "[1 сентября](2025-09-01) − [5 сентября](2025-09-05)"}),
    ("«01» сентября", {"form": "date", "points": ["2025-09-01"], "marked": "[«01» сентября](2025-09-01)"}),
])
def test_no_break_spaces_dashes_quotes_and_invisible_characters(text: str, expected: dict[str, object]) -> None:
    """read_deadline keeps the text as written (its marks point into it); the reading ignores the typing."""
    assert describe(read_deadline(text).resolved(YEAR.year_of_month)) == expected


def test_parse_deadline_collapses_no_break_spaces() -> None:
    deadline = parse_deadline("до\u00a025\u00a0мая\u2009 2026")
    assert isinstance(deadline, Deadline)
    assert (deadline.text, deadline.iso_dates()) == ("до 25 мая 2026", ("2026-05-25",))


@pytest.mark.parametrize(("text", "expected"), [
    ("четвёртая неделя октября", {"form": "week", "points": ["2025-10 week#4"],
                                  "marked": "[четвёртая неделя октября](2025-10)"}),
    ("в четвёртом квартале", {"form": "quarter", "points": ["2025-10", "2025-12"], "part": 4}),
    ("в четвёртую среду мая", {"form": "date", "points": ["2026-05-27 wed#4"],
                               "marked": "в [четвёртую среду мая](2026-05-27)"}),
    ("по итогам учёбы", {"form": "relative", "relation": "after", "anchor": "end", "event": "учёбы"}),
    ("ЕЖЕГОДНО, в сентябре", {"form": "recurring", "points": ["2025-09"], "period": "год"}),
])
def test_yo_is_read_as_ye_and_kept_as_written(text: str, expected: dict[str, object]) -> None:
    assert {key: value for key, value in reading(text).items() if key != "marked" or "marked" in expected} \
        == expected


# ------------------------------------------------------------------ the plan's period (period.py)

@pytest.mark.parametrize(("title", "years"), [
    ("2023 год", (2023, 2023)), ("2023 г.", (2023, 2023)), ("2023 г", (2023, 2023)), ("2023", (2023, 2023)),
    ("2024–2025 годы", (2024, 2025)), ("2024-2025 гг.", (2024, 2025)), ("2024 — 2025 гг", (2024, 2025)),
    ("На 2025 год", (2025, 2025)), ("В 2024 году", (2024, 2024)), ("в  2024\u00a0году", (2024, 2024)),
    ("2024 ГОДА", (2024, 2024)), ("2020-2030 годах", (2020, 2030)),
    ("2020-2031 годы", None),  # more than ten years: no year heading
    ("2025-2024 гг.", None), ("Мероприятия 2024 года", None), ("2024 год и далее", None), ("Раздел 1", None),
    ("2024-2024 гг.", (2024, 2024)),
])
def test_a_heading_that_names_years(title: str, years: tuple[int, int] | None) -> None:
    assert heading_years(title) == years


def test_the_period_of_a_year_heading() -> None:
    assert years_period((2024, 2024), "2024 год") == PlanPeriod(
        dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024 г.", "раздела «2024 год»")
    assert years_period((2024, 2025), "2024–2025 годы") == PlanPeriod(
        dt.date(2024, 1, 1), dt.date(2025, 12, 31), "2024–2025 гг.", "раздела «2024–2025 годы»")


def test_the_period_of_a_plan() -> None:
    assert plan_period(AcademicYear(start=2025)) == PlanPeriod(
        dt.date(2025, 8, 1), dt.date(2026, 8, 31),
        "2025/2026 учебный год: август 2025 г. – август 2026 г.", "периода плана")
    assert plan_period(Period(start=dt.date(2025, 1, 10), end=dt.date(2025, 12, 31))) == PlanPeriod(
        dt.date(2025, 1, 10), dt.date(2025, 12, 31), "с 10 января 2025 г. по 31 декабря 2025 г.")


@pytest.mark.parametrize(("first", "last", "holds"), [
    (dt.date(2025, 8, 1), dt.date(2025, 8, 1), True), (dt.date(2026, 8, 31), dt.date(2026, 8, 31), True),
    (dt.date(2025, 7, 31), dt.date(2025, 7, 31), False), (dt.date(2026, 9, 1), dt.date(2026, 9, 1), False),
    (dt.date(2025, 7, 1), dt.date(2025, 8, 1), True), (dt.date(2026, 8, 31), dt.date(2026, 9, 30), True),
    (dt.date(2024, 1, 1), dt.date(2027, 1, 1), True),
])
def test_a_period_holds_the_days_that_meet_it(first: dt.date, last: dt.date, holds: bool) -> None:
    assert PlanPeriod.academic_year(2025).holds(first, last) is holds


PERIOD = PlanPeriod.academic_year(2025)
NAME = "(2025/2026 учебный год: август 2025 г. – август 2026 г.)"


@pytest.mark.parametrize(("text", "outside"), [
    ("31.07.2025", "31 июля 2025 г."), ("01.08.2025", ""), ("31.08.2026", ""), ("01.09.2026", "1 сентября 2026 г."),
    ("июль 2025", "июль 2025 г."), ("август 2025", ""), ("сентябрь 2026", "сентябрь 2026 г."),
    ("с 01.07.2025 по 01.09.2026", "1 июля 2025 г., 1 сентября 2026 г."),
    ("2023-2024 гг", "2023/2024 учебный год"), ("2024-2025 гг", ""),  # its August meets the plan's
    ("2025-2026 гг", ""), ("2026-2027 гг", "2026/2027 учебный год"),
    ("2024", "2024 г."), ("2025", ""), ("2026", ""), ("2027", "2027 г."),
    ("2022 - 2024 гг.", "2022 г., 2024 г."), ("2024 - 2026 гг.", "2024 г."), ("2024 - 2027 гг.", "2024 г., 2027 г."),
    ("ежегодно с 2020 года", ""), ("в течение года", ""),
])
def test_what_falls_outside_the_academic_year(text: str, outside: str) -> None:
    deadline = parse_deadline(text)
    assert isinstance(deadline, Deadline)
    expected = f"«{text}»: {outside} — вне периода плана {NAME}" if outside else ""
    assert outside_period(deadline.resolved(AcademicYear(start=2025).year_of_month), PERIOD) == expected


def test_a_repeated_date_outside_is_named_once() -> None:
    deadline = parse_deadline("31.07.2025, 31.07.2025")
    assert isinstance(deadline, Deadline)
    assert outside_period(deadline, PERIOD) == f"«31.07.2025, 31.07.2025»: 31 июля 2025 г. — вне периода плана {NAME}"


# ------------------------------------------------------------------ weekday rules and weeks with their own year

@pytest.mark.parametrize(("text", "message"), [
    ("в пятый понедельник февраля 2026", "в феврале 2026 г. нет пятого понедельника"),
    ("в пятый четверг февраля 2026", "в феврале 2026 г. нет пятого четверга"),
    ("в пятое воскресенье февраля 2026", "в феврале 2026 г. нет пятого воскресенья"),
    ("в пятую среду февраля 2026", "в феврале 2026 г. нет пятой среды"),
    ("в пятую пятницу февраля 2026", "в феврале 2026 г. нет пятой пятницы"),
    ("в пятую субботу февраля 2026", "в феврале 2026 г. нет пятой субботы"),
])
def test_a_weekday_the_month_does_not_have(text: str, message: str) -> None:
    assert issues(text) == [(1, 11, "deadline", f"«{text}»: {message}", "")]


@pytest.mark.parametrize(("text", "expected"), [
    ("вторая неделя октября 2027", {"form": "week", "points": ["2027-10 week#2"],
                                    "marked": "[вторая неделя октября 2027](2027-10)"}),
    ("в последнюю неделю мая 2026 г.", {"form": "week", "points": ["2026-05 week#-1"],
                                        "marked": "в [последнюю неделю мая 2026 г.](2026-05)"}),
    ("первая неделя сентября", {"form": "week", "points": ["--09 week#1"]}),  # no mark: a month of no year
])
def test_a_week_keeps_the_year_it_names(text: str, expected: dict[str, object]) -> None:
    assert reading(text, year=None) == expected


def test_a_month_meets_a_period_on_its_first_and_last_days() -> None:
    autumn = PlanPeriod.between(dt.date(2025, 3, 31), dt.date(2025, 9, 1))
    name = "(с 31 марта 2025 г. по 1 сентября 2025 г.)"
    for text, outside in (("сентябрь 2025", ""), ("март 2025", ""), ("октябрь 2025", "октябрь 2025 г."),
                          ("февраль 2025", "февраль 2025 г.")):
        deadline = parse_deadline(text)
        assert isinstance(deadline, Deadline)
        assert outside_period(deadline, autumn) == (f"«{text}»: {outside} — вне периода плана {name}" if outside
                                                    else ""), text


def test_a_school_or_calendar_year_meets_a_period_on_its_first_day() -> None:
    """«2026-2027 гг» starts on 1 September 2026, «2027» on 1 January 2027: a period ending then holds them."""
    for text, end in (("2026-2027 гг", dt.date(2026, 9, 1)), ("2027", dt.date(2027, 1, 1))):
        deadline = parse_deadline(text)
        assert isinstance(deadline, Deadline)
        assert outside_period(deadline, PlanPeriod.between(dt.date(2025, 1, 1), end)) == "", text
        before = PlanPeriod.between(dt.date(2025, 1, 1), end - dt.timedelta(days=1))
        assert outside_period(deadline, before).startswith(f"«{text}»: "), text


@pytest.mark.parametrize(("point", "expected"), [
    (PartialDate(year=2026, month=2, day=10), dt.date(2026, 2, 10)),
    (PartialDate(year=2026, month=2), dt.date(2026, 2, 1)),  # a month is its first day
    (PartialDate(year=2025, month=12), dt.date(2025, 12, 1)),
    (PartialDate(month=2, day=10), None),  # the year is not known yet
])
def test_a_point_as_a_calendar_date(point: PartialDate, expected: dt.date | None) -> None:
    assert point.as_date() == expected
