"""oko/models/common.py at its boundaries: dates (every month, first and last allowed years), academic years,
periods, the person responsible, labelled enums. Each case checks the value or the exact Russian message."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from oko.models.common import (
    MAX_YEAR,
    MIN_ACADEMIC_YEAR,
    MIN_YEAR,
    AcademicYear,
    AcademicYearField,
    LabelledEnum,
    Link,
    OkoModel,
    Period,
    Responsible,
    RuDate,
    parse_academic_year,
    parse_date,
)

DATE = TypeAdapter(RuDate)
YEAR = TypeAdapter(AcademicYearField)
PREPOSITIONAL = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                 "ноябре", "декабре"]


def errors(adapter: TypeAdapter, value: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(value)
    return [(error["type"], error["msg"]) for error in caught.value.errors()]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_both_forms(month: int) -> None:
    assert DATE.validate_python(f"15.{month:02d}.2025") == dt.date(2025, month, 15)
    assert DATE.validate_python(f"1.{month}.2025") == dt.date(2025, month, 1)
    assert DATE.validate_python(f"2025-{month:02d}-15") == dt.date(2025, month, 15)
    assert DATE.validate_python(f"2025-{month}-1") == dt.date(2025, month, 1)


@pytest.mark.parametrize(("month", "day"), [(1, 32), (2, 29), (3, 32), (4, 31), (5, 32), (6, 31), (7, 32),
                                            (8, 32), (9, 31), (10, 32), (11, 31), (12, 32)])
def test_a_day_past_the_month_names_the_month(month: int, day: int) -> None:
    value = f"{day}.{month:02d}.2025"
    assert errors(DATE, value) == [
        ("oko_date", f"такой даты нет: «{value}» — в {PREPOSITIONAL[month - 1]} 2025 года нет {day}-го числа")]


@pytest.mark.parametrize(("value", "expected"), [
    ("29.02.2024", dt.date(2024, 2, 29)),
    ("31.12.2025", dt.date(2025, 12, 31)),
    ("01.01.2026", dt.date(2026, 1, 1)),
    (" 29.08.2025 ", dt.date(2025, 8, 29)),
    ("29.08.2025 г.", dt.date(2025, 8, 29)),
    ("29.08.2025г.", dt.date(2025, 8, 29)),
    ("29.08.2025 г", dt.date(2025, 8, 29)),
    (f"01.01.{MIN_YEAR}", dt.date(MIN_YEAR, 1, 1)),
    (f"31.12.{MAX_YEAR}", dt.date(MAX_YEAR, 12, 31)),
    (dt.date(2025, 1, 2), dt.date(2025, 1, 2)),
])
def test_dates(value: object, expected: dt.date) -> None:
    assert DATE.validate_python(value) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("15.13.2025", "такой даты нет: «15.13.2025» — в году 12 месяцев, а указан 13-й"),
    ("15.00.2025", "такой даты нет: «15.00.2025» — в году 12 месяцев, а указан 0-й"),
    ("2025-13-01", "такой даты нет: «2025-13-01» — в году 12 месяцев, а указан 13-й"),
    ("2025-00-01", "такой даты нет: «2025-00-01» — в году 12 месяцев, а указан 0-й"),
    ("29.02.2025", "такой даты нет: «29.02.2025» — в феврале 2025 года нет 29-го числа"),
    ("00.01.2025", "такой даты нет: «00.01.2025» — в январе 2025 года нет 0-го числа"),
    (f"31.12.{MIN_YEAR - 1}", f"дата «31.12.{MIN_YEAR - 1}»: год {MIN_YEAR - 1} вне допустимых лет "
                              f"({MIN_YEAR}–{MAX_YEAR}) — проверьте цифры"),
    (f"01.01.{MAX_YEAR + 1}", f"дата «01.01.{MAX_YEAR + 1}»: год {MAX_YEAR + 1} вне допустимых лет "
                              f"({MIN_YEAR}–{MAX_YEAR}) — проверьте цифры"),
    ("29.08.25", "«29.08.25» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"),
    ("29/08/2025", "«29/08/2025» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"),
    ("2025-08-29T10:00", "«2025-08-29T10:00» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"),
    ("x29.08.2025", "«x29.08.2025» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"),
    ("129.08.2025", "«129.08.2025» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"),
    (20250829, "ожидалась дата, например 29.08.2023"),
    (None, "ожидалась дата, например 29.08.2023"),
])
def test_bad_dates(value: object, message: str) -> None:
    assert errors(DATE, value) == [("oko_date", message)]


def test_parse_date_passes_dates_through() -> None:
    day = dt.date(2025, 8, 29)
    assert parse_date(day) is day


@pytest.mark.parametrize(("value", "start"), [
    ("2023-2024", 2023),
    ("2023/2024", 2023),
    ("2023/24", 2023),
    ("2023 – 2024", 2023),
    ("2023—2024", 2023),
    (" 2023-2024 ", 2023),
    ("1999/00", 1999),  # a two-digit end crosses the century
    ("2005/06", 2005),
    ("2010/11", 2010),
    ("2099/00", 2099),
    ("1999-2000", 1999),
    (f"{MIN_ACADEMIC_YEAR}-{MIN_ACADEMIC_YEAR + 1}", MIN_ACADEMIC_YEAR),
    (f"{MAX_YEAR - 1}-{MAX_YEAR}", MAX_YEAR - 1),
])
def test_academic_years(value: str, start: int) -> None:
    year = YEAR.validate_python(value)
    assert (year.start, year.end) == (start, start + 1)


@pytest.mark.parametrize(("value", "message"), [
    ("2023-2025", "учебный год «2023-2025» должен охватывать два соседних года, например 2023-2024"),
    ("2024-2023", "учебный год «2024-2023» должен охватывать два соседних года, например 2023-2024"),
    ("2023-2023", "учебный год «2023-2023» должен охватывать два соседних года, например 2023-2024"),
    ("2023/25", "учебный год «2023/25» должен охватывать два соседних года, например 2023-2024"),
    (f"{MIN_ACADEMIC_YEAR - 1}-{MIN_ACADEMIC_YEAR}",
     f"учебный год «{MIN_ACADEMIC_YEAR - 1}-{MIN_ACADEMIC_YEAR}» вне допустимых лет ({MIN_ACADEMIC_YEAR}–{MAX_YEAR}): "
     "проверьте цифры"),
    (f"{MAX_YEAR}-{MAX_YEAR + 1}",
     f"учебный год «{MAX_YEAR}-{MAX_YEAR + 1}» вне допустимых лет ({MIN_ACADEMIC_YEAR}–{MAX_YEAR}): проверьте цифры"),
    ("2023", "«2023» не похоже на учебный год: ожидается, например, 2023-2024"),
    ("2023-2024 год", "«2023-2024 год» не похоже на учебный год: ожидается, например, 2023-2024"),
    ("2023-224", "«2023-224» не похоже на учебный год: ожидается, например, 2023-2024"),
    (2023, "«2023» не похоже на учебный год: ожидается, например, 2023-2024"),
])
def test_bad_academic_years(value: object, message: str) -> None:
    assert errors(YEAR, value) == [("oko_academic_year", message)]


def test_academic_year_passes_models_and_dicts_through() -> None:
    year = AcademicYear(start=2025)
    assert parse_academic_year(year) is year
    assert parse_academic_year({"start": 2025}) == {"start": 2025}
    assert YEAR.validate_python({"start": 2025}) == year


@pytest.mark.parametrize("start", [MIN_ACADEMIC_YEAR - 1, MAX_YEAR])
def test_academic_year_model_bounds(start: int) -> None:
    with pytest.raises(ValidationError):
        AcademicYear(start=start)


def test_academic_year_days_and_months() -> None:
    year = AcademicYear(start=2025)
    assert (year.end, str(year), year.first_day, year.last_day) == (
        2026, "2025/2026", dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    # August opens the coming year (plans are adopted in August), July closes it
    assert [year.year_of_month(month) for month in range(1, 13)] == [2026] * 7 + [2025] * 5


def test_period() -> None:
    period = Period.model_validate({"start": "01.01.2026", "end": "31.12.2026"})
    assert (period.start, period.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert Period.model_validate({"start": "01.02.2026", "end": "01.02.2026"}).end == dt.date(2026, 2, 1)
    with pytest.raises(ValidationError) as caught:
        Period.model_validate({"start": "02.02.2026", "end": "01.02.2026"})
    assert [(e["type"], e["msg"], e["loc"]) for e in caught.value.errors()] == [
        ("oko_period", "окончание периода раньше его начала", ())]
    assert Period.model_fields["start"].title == "Начало" and Period.model_fields["end"].title == "Окончание"


@pytest.mark.parametrize(("start", "end", "months"), [
    ("01.01.2026", "31.12.2026", {1: 2026, 6: 2026, 12: 2026}),
    ("01.09.2025", "31.08.2026", {9: 2025, 12: 2025, 1: 2026, 8: 2026}),
    ("28.03.2025", "01.03.2026", {3: 2025, 2: 2026, 4: 2025}),  # the 28th of the first month is inside
    ("29.03.2025", "01.03.2026", {3: 2026}),  # the start is past the 28th: March comes again at the end
    ("01.09.2025", "30.09.2025", {5: 2025}),  # a month the period never reaches: the start's year
])
def test_period_year_of_month(start: str, end: str, months: dict[int, int]) -> None:
    period = Period.model_validate({"start": start, "end": end})
    assert {month: period.year_of_month(month) for month in months} == months


@pytest.mark.parametrize(("value", "name", "position", "text"), [
    ("Заместитель директора по УВР", None, "Заместитель директора по УВР", "Заместитель директора по УВР"),
    (17, None, "17", "17"),
    ({"name": "А.Б. Иванова"}, "А.Б. Иванова", None, "А.Б. Иванова"),
    ({"name": "А.Б. Иванова", "position": "директор"}, "А.Б. Иванова", "директор", "А.Б. Иванова, директор"),
    ({"position": "  директор "}, None, "директор", "директор"),
])
def test_responsible(value: object, name: str | None, position: str | None, text: str) -> None:
    person = Responsible.model_validate(value)
    assert (person.name, person.position, str(person)) == (name, position, text)


@pytest.mark.parametrize("value", [{}, {"name": None, "position": None}])
def test_responsible_needs_someone(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Responsible.model_validate(value)
    assert [(e["type"], e["msg"]) for e in caught.value.errors()] == [
        ("oko_responsible", "укажите должность (роль) или ФИО ответственного")]


def test_responsible_schema_is_an_object_a_form_holds() -> None:
    # A role written as bare text is still read (above) but is the old shape: the schema and the form
    # offer only {name, position}, and the rule plan.shape reports a text (tests/test_plan_forms.py).
    schema = TypeAdapter(Responsible).json_schema()
    assert (schema["type"], list(schema["properties"]), "anyOf" in schema) == ("object", ["name", "position"], False)


class Status(LabelledEnum):
    PLANNED = ("planned", "запланировано")
    DONE = ("done", "выполнено")


class Holder(BaseModel):
    status: Status


@pytest.mark.parametrize(("value", "member"), [
    ("done", Status.DONE), ("выполнено", Status.DONE), ("Выполнено", Status.DONE), ("  ВЫПОЛНЕНО ", Status.DONE),
    ("DONE", Status.DONE), ("planned", Status.PLANNED), ("Запланировано", Status.PLANNED),
])
def test_labelled_enum_takes_value_or_label(value: str, member: Status) -> None:
    assert Holder(status=value).status is member


class Long(LabelledEnum):
    RU = ("ru", "русский язык")


def test_labelled_enum_folds_inner_spaces_and_refuses_others() -> None:
    assert Long("русский   язык") is Long.RU
    assert Long("Русский\nязык") is Long.RU
    assert Long._missing_(5) is None
    assert Long._missing_("русский") is None
    assert (Long.RU.value, Long.RU.label, str(Long.RU)) == ("ru", "русский язык", "ru")


def test_labelled_enum_schema() -> None:
    assert TypeAdapter(Status).json_schema() == {
        "type": "string", "title": "Status", "enum": ["planned", "done", "запланировано", "выполнено"],
        "x-labels": {"planned": "запланировано", "done": "выполнено"}}


class Text(OkoModel):
    text: str
    link: Link | None = None


def test_oko_model_config() -> None:
    assert Text.model_validate({"text": 12}).text == "12"  # numbers may stand for text
    assert Text.model_validate({"text": "  x  "}).text == "x"  # stripped
    with pytest.raises(ValidationError) as caught:
        Text.model_validate({"text": "x", "extra": 1})
    assert [e["type"] for e in caught.value.errors()] == ["extra_forbidden"]
    link = Link.model_validate({"title": "Устав", "link": "files/charter.pdf"})
    assert (link.title, link.link) == ("Устав", "files/charter.pdf")
    with pytest.raises(ValidationError) as caught:
        Link.model_validate({"title": "", "link": "x"})
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("string_too_short", ("title",))]


def test_date_schema() -> None:
    schema = DATE.json_schema()
    assert schema["type"] == "string" and schema["description"] == "дата пишется как 29.08.2023 (или 2023-08-29)"
    assert YEAR.json_schema()["description"] == "учебный год, например 2023-2024"
