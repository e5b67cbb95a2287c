"""The deadline grammar at its edges: every month in every form, first and last days, reversed ranges,
look-alike letters, times of day, weekday rules, quarters, the plan's period, the `<time>` values."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from oko.kinds.plans.model import PlanItem
from oko.models.common import AcademicYear, Period
from oko.models.deadline import (
    Deadline,
    DeadlineKind,
    PlanPeriod,
    Zone,
    outside_period,
    parse_deadline,
    plan_period,
)
from oko.models.deadline import parse as grammar
from oko.models.deadline.lexicon import MONTHS_PREPOSITIONAL
from oko.render import Assets, make_environment
from oko.ru import MONTHS_GENITIVE, MONTHS_NOMINATIVE
from oko.site import Page
from tests.test_deadline_corpus import CORPUS, describe, read

YEAR = AcademicYear(start=2025)
ABBREVIATIONS = ("янв", "февр", "мар", "апр", None, "июн", "июл", "авг", "сент", "окт", "нояб", "дек")  # «мая» is short


def parse(text: str) -> Deadline:
    deadline = PlanItem.model_validate({"activity": "x", "deadline": text}).deadline
    assert deadline is not None
    return deadline


def reading(text: str, year: AcademicYear | None = YEAR) -> dict[str, object]:
    deadline = parse(text)
    return describe(deadline.resolved(year.year_of_month) if year else deadline)


def error(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        PlanItem.model_validate({"activity": "x", "deadline": text})
    return caught.value.errors()[0]["msg"]


# ------------------------------------------------------------------ months in every form

@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_every_form(month: int) -> None:
    iso_day, iso_month = f"2025-{month:02d}-10", f"2025-{month:02d}"
    nominative, genitive = MONTHS_NOMINATIVE[month - 1], MONTHS_GENITIVE[month - 1]
    assert reading(f"10 {genitive} 2025 г.")["points"] == [iso_day]
    assert reading(f"10 {genitive.upper()} 2025")["points"] == [iso_day]
    assert reading(f"{nominative.capitalize()} 2025")["points"] == [iso_month]
    assert reading(f"в {MONTHS_PREPOSITIONAL[month - 1]} 2025 г.")["points"] == [iso_month]
    assert reading(f"с {genitive} 2025 года") == {"form": "from", "points": [iso_month],
                                                  "marked": f"с [{genitive} 2025 года]({iso_month})"}
    abbreviation = ABBREVIATIONS[month - 1]
    for written in (abbreviation, f"{abbreviation}.") if abbreviation else ():
        assert reading(f"10 {written} 2025")["points"] == [iso_day], written


@pytest.mark.parametrize(("text", "points"), [
    ("10 янв. 2026", ["2026-01-10"]), ("15 сент. 2025 г.", ["2025-09-15"]), ("1 сен 2025", ["2025-09-01"]),
    ("3 фев. 2026", ["2026-02-03"]), ("ноя 2025", ["2025-11"]),
])
def test_abbreviations_of_official_tables(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


@pytest.mark.parametrize(("text", "points"), [
    ("мая", ["2026-05"]), ("май", ["2026-05"]), ("в мае", ["2026-05"]), ("9 мая", ["2026-05-09"]),
    ("до 31 мая", ["2026-05-31"]), ("май-июнь", ["2026-05", "2026-06"]),
])
def test_may_is_not_a_prefix_of_march(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


@pytest.mark.parametrize("text", ["маяк", "мартовский педсовет", "к маю", "сентябрьский"])
def test_words_that_start_like_months_are_free_text(text: str) -> None:
    assert parse(text).kind == DeadlineKind.FREE


# ------------------------------------------------------------------ first and last days

@pytest.mark.parametrize(("text", "points"), [
    ("01.01.2026", ["2026-01-01"]), ("31.12.2025", ["2025-12-31"]), ("1.1.2026", ["2026-01-01"]),
    ("31.12.2025 – 01.01.2026", ["2025-12-31", "2026-01-01"]), ("2026-01-01", ["2026-01-01"]),
    ("1 января", ["2026-01-01"]), ("31 декабря", ["2025-12-31"]),
    ("1 сентября", ["2025-09-01"]),  # the first day of the 2025/2026 academic year
    ("31 августа", ["2025-08-31"]),  # August counts with the coming year: plans are adopted then
    ("31 мая", ["2026-05-31"]), ("29 февраля", ["2026-02-29"]),
])
def test_first_and_last_days(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


def test_february_29_of_a_plan_year_is_checked_after_the_year_is_known() -> None:
    deadline = parse("29 февраля").resolved(YEAR.year_of_month)
    assert deadline.problem() == "такой даты нет в календаре: 29 февраля 2026 г."
    assert parse("29 февраля").resolved(AcademicYear(start=2023).year_of_month).problem() == ""


@pytest.mark.parametrize(("text", "message"), [
    ("31 апреля 2026", "«31 апреля 2026»: такой даты нет в календаре: 31 апреля 2026 г."),
    ("32.01.2026", "«32.01.2026»: такой даты нет в календаре: 32 января 2026 г."),
    ("0 мая 2026", "«0 мая 2026»: такой даты нет в календаре: 0 мая 2026 г."),
    ("10.13.2026", "такой даты нет: «10.13.2026» — в году 12 месяцев, а указан 13-й"),
    ("10.00.2026", "такой даты нет: «10.00.2026» — в году 12 месяцев, а указан 0-й"),
    ("13/14/2025", "такой даты нет: «13/14/2025» — в году 12 месяцев, а указаны 13 и 14"),
    ("10 мая 1799", "такой даты нет: «10 мая 1799» — год 1799 вне допустимых лет (1800–2100)"),
    ("в 25:00", "такой даты нет: «в 25:00» — в сутках 24 часа по 60 минут, а указано 25:00"),
    ("5 квартал 2025", "такой даты нет: «5 квартал 2025» — в году 4 квартала, а указан 5-й"),
    ("3 полугодие", "такой даты нет: «3 полугодие» — в году 2 полугодия, а указано 3-е"),
    ("до 32 числа каждого месяца",
     "такой даты нет: «до 32 числа каждого месяца» — в месяце не больше 31 дня, а указано 32-е число"),
])
def test_impossible_dates_are_errors(text: str, message: str) -> None:
    assert error(text) == message


# ------------------------------------------------------------------ reversed ranges: an error

@pytest.mark.parametrize("text", [
    "20.02.2026 – 10.02.2026", "с 20 по 10 февраля 2026", "с 20 марта 2026 года по 10 февраля 2026 года",
    "октябрь 2025 – сентябрь 2025", "2013 - 2011 гг.",
])
def test_a_range_that_ends_before_it_starts_is_an_error(text: str) -> None:
    assert error(text) == f"«{text}»: конец периода раньше его начала"


def test_a_range_of_one_day_is_a_range() -> None:
    assert reading("с 23.02.2024 по 23.02.2024")["points"] == ["2024-02-23", "2024-02-23"]


def test_a_year_less_range_that_turns_back_crosses_the_new_year() -> None:
    """«с 25 декабря по 10 января» is one winter; «с 20 мая по 10 апреля» is read the same way, and the
    plan's period check names its end. A year written only at the end serves the start the same way."""
    assert reading("с 25 декабря по 10 января")["points"] == ["2025-12-25", "2026-01-10"]
    assert reading("с 20 марта по 10 февраля 2026 года")["points"] == ["2025-03-20", "2026-02-10"]
    deadline = parse("с 20 мая по 10 апреля").resolved(YEAR.year_of_month)
    assert describe(deadline)["points"] == ["2026-05-20", "2027-04-10"]
    assert outside_period(deadline, PlanPeriod.academic_year(2025)) == (
        "«с 20 мая по 10 апреля»: 10 апреля 2027 г. — вне периода плана "
        "(2025/2026 учебный год: август 2025 г. – август 2026 г.)")


# ------------------------------------------------------------------ what authors type

@pytest.mark.parametrize(("text", "points"), [
    ("15 aпреля 2024 года", ["2024-04-15"]),  # Latin «a» in a Cyrillic word
    ("c 1 сентября 2025 г.", ["2025-09-01"]),  # Latin «c» as the preposition
    ("до 1 мaя 2026", ["2026-05-01"]),
    ("10\u00a0февраля\u00a02026\u00a0г.", ["2026-02-10"]),  # no-break spaces
    ("10\u202fфевраля 2026", ["2026-02-10"]),  # a narrow no-break space
    ("10 фев\u00adраля 2026", ["2026-02-10"]),  # a soft hyphen inside the word
    ("в четвёртую среду марта 2026", ["2026-03-25 wed#4"]),  # «ё»
    ("«01» сентября 2025 года", ["2025-09-01"]), ("\"01\" сентября 2025 года", ["2025-09-01"]),
    ("10–20 февраля 2026", ["2026-02-10", "2026-02-20"]), ("10—20 февраля 2026", ["2026-02-10", "2026-02-20"]),
    ("10 − 20 февраля 2026", ["2026-02-10", "2026-02-20"]),
])
def test_what_authors_type(text: str, points: list[str]) -> None:
    assert reading(text)["points"] == points


def test_the_marks_point_into_the_text_as_written() -> None:
    """Normalising never moves a character: the `<time>` spans cut the author's own letters."""
    assert reading("c\u00a01 сен\u00adтября 2025 г.")["marked"] == "c [1 сен\u00adтября 2025 г.](2025-09-01)"


@pytest.mark.parametrize(("text", "kind"), [
    ("в течение года", "academic_year"), ("в течении года", "academic_year"),
    ("В ТЕЧЕНИИ УЧЕБНОГО ГОДА", "academic_year"), ("в\u00a0течение учебного\u00a0года.", "academic_year"),
    ("IV квартал", "quarter"), ("iv квартал", "quarter"),
])
def test_spelling_and_case_do_not_matter(text: str, kind: str) -> None:
    assert parse(text).kind == kind


# ------------------------------------------------------------------ forms the issue names

@pytest.mark.parametrize(("text", "expected"), [
    ("с 1 сентября 2025 г.", {"form": "from", "points": ["2025-09-01"],
                              "marked": "с [1 сентября 2025 г.](2025-09-01)"}),
    ("ноябрь, декабрь 2025, январь 2026", {"form": "months", "points": ["2025-11", "2025-12", "2026-01"],
                                           "marked": "[ноябрь](2025-11), [декабрь 2025](2025-12), "
                                                     "[январь 2026](2026-01)"}),
    ("ежегодно, начиная с 2024 года", {"form": "recurring", "period": "год", "start_year": 2024,
                                       "marked": "ежегодно, начиная с [2024 года](2024)"}),
    ("вторая неделя октября", {"form": "week", "points": ["2025-10 week#2"],
                               "marked": "[вторая неделя октября](2025-10)"}),
    ("на второй неделе октября 2025 г.", {"form": "week", "points": ["2025-10 week#2"],
                                          "marked": "на [второй неделе октября 2025 г.](2025-10)"}),
    ("во вторую рабочую среду марта", {"form": "date", "points": ["2026-03 wed#2 working"],
                                       "marked": "во [вторую рабочую среду марта](2026-03)"}),
    ("последняя пятница мая", {"form": "date", "points": ["2026-05-29 fri#-1"],
                               "marked": "[последняя пятница мая](2026-05-29)"}),
    ("до 11:00 мск 1 марта 2026", None),
    ("до 1 марта 2026 (до 11:00 мск)", {
        "form": "until", "points": ["2026-03-01"], "times": ["11:00"], "zone": "msk",
        "marked": "до [1 марта 2026](2026-03-01) (до [11:00 мск](2026-03-01T11:00+03:00))"}),
    ("10.02.2026 в 10:00 по местному времени", {
        "form": "date", "points": ["2026-02-10"], "times": ["10:00"], "zone": "local",
        "marked": "[10.02.2026](2026-02-10) в [10:00 по местному времени](2026-02-10T10:00)"}),
    ("до 1 марта включительно", {"form": "until", "points": ["2026-03-01"], "inclusive": True,
                                 "marked": "до [1 марта](2026-03-01) включительно"}),
    ("20 декабря – 15 января 2026", {"form": "range", "points": ["2025-12-20", "2026-01-15"],
                                     "marked": "[20 декабря](2025-12-20) – [15 января 2026](2026-01-15)"}),
    ("III квартал 2025 г.", {"form": "quarter", "points": ["2025-07", "2025-09"], "part": 3,
                             "marked": "III квартал [2025 г.](2025)"}),
    ("II квартал", {"form": "quarter", "points": ["2026-04", "2026-06"], "part": 2}),
    ("в первом полугодии", {"form": "half_year", "points": ["2025-09", "2025-12"], "part": 1}),
    ("1 полугодие 2025 г.", {"form": "half_year", "points": ["2025-01", "2025-06"], "part": 1,
                             "marked": "1 полугодие [2025 г.](2025)"}),
    ("в течении 5 рабочих дней после получения результатов", {
        "form": "relative", "relation": "after", "offset": "5 working_day", "event": "получения результатов"}),
    ("28/08/2025", {"form": "date", "points": ["2025-08-28"], "marked": "[28/08/2025](2025-08-28)"}),
])
def test_forms_the_issue_names(text: str, expected: dict[str, object] | None) -> None:
    if expected is None:  # a time before its date is not a form the documents use
        assert parse(text).kind == DeadlineKind.FREE
    else:
        assert reading(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("пятая среда февраля 2026", "«пятая среда февраля 2026»: в феврале 2026 г. нет пятой среды"),
    ("19 мая 2022 (пятница)", "«19 мая 2022 (пятница)»: 19 мая 2022 г. — четверг, а не пятница"),
    ("вторая среда апреля (16.04.2025)", "«вторая среда апреля (16.04.2025)»: «вторая среда апреля» — это 9 апреля, "
                                         "а в скобках 16 апреля"),
    ("вторая среда апреля (10.04.2025)", "«вторая среда апреля (10.04.2025)»: 10 апреля 2025 г. — четверг, а не среда"),
])
def test_weekdays_are_checked(text: str, message: str) -> None:
    assert error(text) == message


@pytest.mark.parametrize("text", [
    "05/08/2025",  # day/month or month/day: only the author knows
    "5 февраля 2025 г. 9 апреля 2025 г.", "24 (25) мая", "12-го числа", "к началу декабря", "бессрочно",
    "3 и 4", "2023 учебный год", "2023-2025 учебный год", "Согласовать с методистом",
])
def test_deliberate_free_text(text: str) -> None:
    deadline = parse(text)
    assert (deadline.kind, deadline.text, deadline.marks()) == (DeadlineKind.FREE, text, ())


# ------------------------------------------------------------------ the plan's period

def test_a_date_outside_the_academic_year_names_the_year() -> None:
    deadline = parse("Ноябрь 2022- апрель 2023")
    assert outside_period(deadline, plan_period(AcademicYear(start=2023))) == (
        "«Ноябрь 2022- апрель 2023»: ноябрь 2022 г., апрель 2023 г. — вне периода плана "
        "(2023/2024 учебный год: август 2023 г. – август 2024 г.)")


@pytest.mark.parametrize(("text", "message"), [
    ("31.07.2025", "«31.07.2025»: 31 июля 2025 г. — вне периода плана (2025/2026 учебный год: "
                   "август 2025 г. – август 2026 г.)"),
    ("01.09.2026", "«01.09.2026»: 1 сентября 2026 г. — вне периода плана (2025/2026 учебный год: "
                   "август 2025 г. – август 2026 г.)"),
    ("2021-2022", "«2021-2022»: 2021/2022 учебный год — вне периода плана (2025/2026 учебный год: "
                  "август 2025 г. – август 2026 г.)"),
    ("2011 - 2013 гг.", "«2011 - 2013 гг.»: 2011 г., 2013 г. — вне периода плана (2025/2026 учебный год: "
                        "август 2025 г. – август 2026 г.)"),
    ("IV квартал 2024 г.", "«IV квартал 2024 г.»: октябрь 2024 г., декабрь 2024 г. — вне периода плана "
                           "(2025/2026 учебный год: август 2025 г. – август 2026 г.)"),
])
def test_dates_outside_the_plan_year(text: str, message: str) -> None:
    assert outside_period(parse(text), plan_period(YEAR)) == message


@pytest.mark.parametrize("text", [
    "01.08.2025", "31.08.2026", "август 2025 – август 2026", "2025-2026", "в течение года", "ежегодно",
    "перед началом процедуры", "Согласовать с методистом", "2026", "I полугодие 2025-2026 учебного года",
])
def test_dates_inside_the_plan_year_or_undated(text: str) -> None:
    assert outside_period(parse(text).resolved(YEAR.year_of_month), plan_period(YEAR)) == ""


def test_a_period_plan_names_its_dates() -> None:
    period = Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    deadline = parse("с 25 декабря по 10 января").resolved(period.year_of_month)
    assert outside_period(deadline, plan_period(period)) == (
        "«с 25 декабря по 10 января»: 10 января 2026 г. — вне периода плана "
        "(с 1 января 2025 г. по 31 декабря 2025 г.)")
    assert outside_period(parse("Август – октябрь").resolved(period.year_of_month), plan_period(period)) == ""


# ------------------------------------------------------------------ `<time datetime>` values

# The value forms HTML allows in <time datetime> (WHATWG HTML, «The time element»), those Око writes.
HTML_DATETIME = re.compile(
    r"\d{4}"  # a year
    r"|\d{4}-\d{2}(-\d{2})?"  # a month, a date
    r"|--\d{2}-\d{2}"  # a year-less date
    r"|\d{2}:\d{2}"  # a time
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(\+03:00)?"  # a local date and time; a global one in Moscow time
)


@pytest.mark.parametrize("entry", CORPUS, ids=[entry["text"] for entry in CORPUS])
def test_every_mark_is_a_valid_html_datetime(entry: dict[str, object]) -> None:
    deadline = read(entry)
    for mark in deadline.marks():
        assert HTML_DATETIME.fullmatch(mark.iso), mark
        assert deadline.text[mark.start:mark.end].strip() == deadline.text[mark.start:mark.end]
    assert deadline.iso_dates() == tuple(mark.iso for mark in deadline.marks())
    assert deadline.is_dated == bool(deadline.marks())


def test_moscow_time_carries_its_offset_and_local_time_none() -> None:
    assert parse("До 20.02.2020 (до 18:00 мск)").iso_dates() == ("2020-02-20", "2020-02-20T18:00+03:00")
    assert parse("До 20.02.2020 (до 18:00 мск)").zone == Zone.MOSCOW
    assert parse("20.02.2020 в 9.00 по местному времени").iso_dates() == ("2020-02-20", "2020-02-20T09:00")
    assert parse("в 9.00 по местному времени").iso_dates() == ("09:00",)


def test_a_month_of_an_unknown_year_has_no_datetime() -> None:
    """Outside a plan «октябрь» has no year, and HTML has no year-less month: nothing is claimed."""
    assert parse("октябрь").iso_dates() == ()
    assert parse("12 октября").iso_dates() == ("--10-12",)
    assert parse("октябрь").resolved(YEAR.year_of_month).iso_dates() == ("2025-10",)


def test_parse_deadline_keeps_a_deadline_and_refuses_what_is_not_text() -> None:
    deadline = parse("октябрь")
    assert parse_deadline(deadline) is deadline
    assert parse_deadline(2026).kind == DeadlineKind.YEARS


# The partial that renders a deadline from its pieces once the templates are wired (see the report).
MARKED_PARTIAL = (
    '{%- for text, iso in d.pieces() -%}'
    '{% if iso %}<time datetime="{{ iso }}">{{ text }}</time>{% else %}{{ text }}{% endif %}'
    '{%- endfor -%}'
)


@pytest.mark.parametrize(("text", "html"), [
    ("с 1 по 25 марта 2022 года", 'с <time datetime="2022-03-01">1</time> по '
                                  '<time datetime="2022-03-25">25 марта 2022 года</time>'),
    ("До 20.02.2020 (до 18:00 мск)", 'До <time datetime="2020-02-20">20.02.2020</time> (до '
                                     '<time datetime="2020-02-20T18:00+03:00">18:00 мск</time>)'),
    ("в течении года", "в течении года"),
    ("Август – октябрь", '<time datetime="2025-08">Август</time> – <time datetime="2025-10">октябрь</time>'),
    ("по графику <ФЦТ> & «ОО»", "по графику &lt;ФЦТ&gt; &amp; «ОО»"),
])
def test_pieces_render_the_words_as_written(text: str, html: str) -> None:
    env = make_environment([Path(__file__).resolve().parent.parent / "templates"], Assets(), {})
    deadline = parse(text).resolved(YEAR.year_of_month)
    assert env.from_string(MARKED_PARTIAL).render(d=deadline, page=Page("/", "x", "x")) == html


def test_the_grammar_has_no_conflicts(caplog: pytest.LogCaptureFixture) -> None:
    """Lark resolves an LALR shift/reduce conflict silently (as a shift): each would be a hidden ambiguity."""
    with caplog.at_level(logging.DEBUG, logger="lark"):
        grammar.parser.__wrapped__(debug=True)
    conflicts = [record.getMessage() for record in caplog.records if "conflict" in record.getMessage().lower()]
    assert conflicts == []
