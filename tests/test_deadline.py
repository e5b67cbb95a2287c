"""Every deadline form: parsing, years taken from the plan, impossible dates, rendering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from oko.kinds.plans.model import PlanItem
from oko.models.common import AcademicYear, Period
from oko.models.deadline import Anchor, Deadline, DeadlineKind, Offset, OffsetUnit, PartialDate, Relation
from oko.render import Assets, make_environment
from oko.site import Page

ROOT = Path(__file__).resolve().parent.parent
YEAR = AcademicYear(start=2023)


def parse(text: str) -> Deadline:
    deadline = PlanItem.model_validate({"activity": "x", "deadline": text}).deadline
    assert deadline is not None
    return deadline


def dates(deadline: Deadline) -> list[str]:
    return [point.iso() for point in deadline.resolved(YEAR.year_of_month).points]


@pytest.mark.parametrize(("text", "iso"), [
    ("10.02.2026", ["2026-02-10"]),
    ("2026-02-10", ["2026-02-10"]),
    ("10 февраля 2026 г.", ["2026-02-10"]),
    ("1 сентября", ["2023-09-01"]),
    ("5 марта", ["2024-03-05"]),
])
def test_exact_date(text: str, iso: list[str]) -> None:
    deadline = parse(text)
    assert deadline.kind == DeadlineKind.DATE
    assert dates(deadline) == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("10.02.2026 – 20.02.2026", ["2026-02-10", "2026-02-20"]),
    ("с 10.02.2026 по 20.02.2026", ["2026-02-10", "2026-02-20"]),
    ("10–20 февраля 2026", ["2026-02-10", "2026-02-20"]),
    ("с 25 декабря по 10 января", ["2023-12-25", "2024-01-10"]),
])
def test_date_range(text: str, iso: list[str]) -> None:
    deadline = parse(text)
    assert deadline.kind == DeadlineKind.RANGE
    assert dates(deadline) == iso


@pytest.mark.parametrize(("text", "kind", "iso"), [
    ("октябрь", DeadlineKind.MONTH, ["2023-10"]),
    ("август", DeadlineKind.MONTH, ["2023-08"]),  # plans are adopted in August for the coming year
    ("июнь 2023", DeadlineKind.MONTH, ["2023-06"]),
    ("Август – октябрь", DeadlineKind.MONTH_RANGE, ["2023-08", "2023-10"]),
    ("апрель-май", DeadlineKind.MONTH_RANGE, ["2024-04", "2024-05"]),
    ("сентябрь – октябрь 2022", DeadlineKind.MONTH_RANGE, ["2022-09", "2022-10"]),
    ("Ноябрь 2022- апрель 2023", DeadlineKind.MONTH_RANGE, ["2022-11", "2023-04"]),
    ("ноябрь – февраль 2024", DeadlineKind.MONTH_RANGE, ["2023-11", "2024-02"]),
    ("август 2022-август 2023", DeadlineKind.MONTH_RANGE, ["2022-08", "2023-08"]),
    ("Январь, апрель", DeadlineKind.MONTHS, ["2024-01", "2024-04"]),
])
def test_months(text: str, kind: DeadlineKind, iso: list[str]) -> None:
    deadline = parse(text)
    assert deadline.kind == kind
    assert dates(deadline) == iso


@pytest.mark.parametrize("text", [
    "в течение года", "В течении года", "в течении учебного года", "в течение учебного года.",
    "Постоянно", "Весь период", "2023-2024", "2023-2024 гг", "2023-2024 г.", "2023/24",
])
def test_whole_academic_year(text: str) -> None:
    assert parse(text).kind == DeadlineKind.ACADEMIC_YEAR


def test_whole_year_keeps_an_explicit_year() -> None:
    assert parse("2023-2024 гг").start_year == 2023
    assert parse("в течение года").start_year is None


@pytest.mark.parametrize(("text", "period"), [
    ("ежегодно", "год"), ("Раз в квартал", "квартал"), ("ежемесячно", "месяц"),
    ("раз в четверть", "четверть"), ("еженедельно", "неделя"), ("раз в полугодие", "полугодие"),
])
def test_recurring(text: str, period: str) -> None:
    deadline = parse(text)
    assert (deadline.kind, deadline.period) == (DeadlineKind.RECURRING, period)


@pytest.mark.parametrize(("text", "relation", "anchor", "event", "offset"), [
    ("перед началом процедуры", Relation.BEFORE, Anchor.START, "процедуры", None),
    ("не позднее 1 рабочего дня до проведения оценочной процедуры", Relation.BEFORE, None,
     "проведения оценочной процедуры", Offset(amount=1, unit=OffsetUnit.WORKING_DAY)),
    ("в течении 10 календарных дней после получения результатов независимой оценочной процедуры", Relation.AFTER,
     None, "получения результатов независимой оценочной процедуры", Offset(amount=10, unit=OffsetUnit.CALENDAR_DAY)),
    ("После окончания процедуры", Relation.AFTER, Anchor.END, "процедуры", None),
    ("не позднее 2 недель после начала учебного года", Relation.AFTER, Anchor.START, "учебного года",
     Offset(amount=2, unit=OffsetUnit.WEEK)),
    ("В процессе проведения процедуры", Relation.DURING, None, "проведения процедуры", None),
    ("в соответствии с графиком проведения оценочных процедур", Relation.ACCORDING_TO, None,
     "графиком проведения оценочных процедур", None),
    ("По плану ОО", Relation.ACCORDING_TO, None, "плану ОО", None),
    ("по заявке ОО", Relation.ON_REQUEST, None, "ОО", None),
    ("по мере необходимости", Relation.AS_NEEDED, None, "необходимости", None),
])
def test_relative_to_an_event(text: str, relation: Relation, anchor: Anchor | None, event: str,
                              offset: Offset | None) -> None:
    deadline = parse(text)
    assert deadline.kind == DeadlineKind.RELATIVE
    assert (deadline.relation, deadline.anchor, deadline.event, deadline.offset) == (relation, anchor, event, offset)
    assert deadline.text == text


@pytest.mark.parametrize(("text", "iso"), [
    ("до 10.02.2026", ["2026-02-10"]),
    ("не позднее 01.09.2025", ["2025-09-01"]),
    ("до 1 октября", ["2023-10-01"]),
])
def test_upper_bound(text: str, iso: list[str]) -> None:
    deadline = parse(text)
    assert deadline.kind == DeadlineKind.UNTIL
    assert dates(deadline) == iso


@pytest.mark.parametrize("text", ["Согласовать с методистом", "по окончанию зимы ‽", "к Новому году"])
def test_free_text_fallback_keeps_the_words(text: str) -> None:
    deadline = parse(text)
    assert deadline.kind == DeadlineKind.FREE
    assert deadline.text == text


@pytest.mark.parametrize(("text", "message"), [
    ("2025-13-40", "такой даты нет: «2025-13-40» — в году 12 месяцев, а указан 13-й"),
    ("30.02.2026", "«30.02.2026»: такой даты нет в календаре: 30 февраля 2026 г."),
    ("20.02.2026 – 10.02.2026", "«20.02.2026 – 10.02.2026»: конец периода раньше его начала"),
    ("", "срок пуст: впишите его или удалите строку"),
])
def test_impossible_deadlines_are_errors(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PlanItem.model_validate({"activity": "x", "deadline": text})
    assert caught.value.errors()[0]["msg"] == message


def test_years_come_from_a_period_when_the_plan_has_no_academic_year() -> None:
    period = Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    deadline = parse("Август – октябрь").resolved(period.year_of_month)
    assert [p.iso() for p in deadline.points] == ["2025-08", "2025-10"]


def test_february_29_needs_a_leap_year() -> None:
    deadline = parse("29 февраля").resolved(YEAR.year_of_month)  # 2024 is a leap year
    assert deadline.problem() == ""
    assert parse("29 февраля").resolved(AcademicYear(start=2024).year_of_month).problem().startswith("такой даты нет")


def render_deadline(deadline: Deadline | None) -> str:
    env = make_environment([ROOT / "templates"], Assets(), {})
    template = env.from_string('{% from "partials/deadline.html" import deadline %}{{ deadline(d) }}')
    return template.render(d=deadline, page=Page("/", "x", "x")).strip()


@pytest.mark.parametrize(("text", "html"), [
    ("10.02.2026", '<time datetime="2026-02-10">10 февраля 2026 г.</time>'),
    ("до 10.02.2026", 'до <time datetime="2026-02-10">10 февраля 2026 г.</time>'),
    ("Август – октябрь", '<time datetime="2023-08">август</time> – <time datetime="2023-10">октябрь 2023 г.</time>'),
    ("Ноябрь 2022- апрель 2023",
     '<time datetime="2022-11">ноябрь 2022 г.</time> – <time datetime="2023-04">апрель 2023 г.</time>'),
    ("10–20 февраля 2026",
     '<time datetime="2026-02-10">10 февраля</time> – <time datetime="2026-02-20">20 февраля 2026 г.</time>'),
    ("Январь, апрель", '<time datetime="2024-01">январь</time>, <time datetime="2024-04">апрель 2024 г.</time>'),
    ("октябрь", '<time datetime="2023-10">октябрь 2023 г.</time>'),
    ("в течении года", "в течение учебного года"),
    ("2023-2024 гг", "в течение учебного года 2023/2024"),
    ("Раз в квартал", "раз в квартал"),
    ("перед началом процедуры", "перед началом процедуры"),
    ("Согласовать с методистом", "Согласовать с методистом"),
])
def test_rendering_gives_machine_readable_dates(text: str, html: str) -> None:
    assert render_deadline(parse(text).resolved(YEAR.year_of_month)) == html


def test_missing_deadline_renders_as_not_given() -> None:
    assert render_deadline(None) == '<span class="muted">не указан</span>'


def test_partial_date_iso_forms() -> None:
    assert PartialDate(year=2026, month=2, day=3).iso() == "2026-02-03"
    assert PartialDate(year=2026, month=2).iso() == "2026-02"
