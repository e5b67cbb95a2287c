"""Dates of «Сведения»: a full date, or one known only to the month and year, or to the year.

MR v9 has one dated itemprop, `regDate` (Table 3.2.1). Its template (Table 3.2.2) shows «дд.мм.гггг», but the
template is a recommendation (MR §3.2, footnote 3: «рекомендуется») and the checker looks for the tag only
(MR §5); a school founded long ago often knows only the year (issue 12). So a partial date is accepted and
shown as written; the page's `<time datetime>` carries its ISO form («2019-03», «2019»). A full date is shown in
the official form ДД.ММ.ГГГГ. The dates Око itself computes with (`changed`, `updated`: ПП РФ № 1802 п.16 counts
working days) stay full dates (oko/models/common.py RuDate).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import PydanticCustomError

from oko.models.common import MAX_YEAR, MIN_YEAR, parse_date
from oko.ru import MONTHS_GENITIVE, MONTHS_NOMINATIVE

_YEAR_WORDS = r"(?:\s*(?:г\.?|года?))?"  # «2019», «2019 г.», «2019 год», «март 2019 года»
_MONTH_NUMBER = re.compile(rf"(\d{{1,2}})\.(\d{{4}}){_YEAR_WORDS}")
_MONTH_WORD = re.compile(rf"([а-яё]+)\s+(\d{{4}}){_YEAR_WORDS}", re.IGNORECASE)
_YEAR = re.compile(rf"(\d{{4}}){_YEAR_WORDS}")
_MONTHS = {name: index for names in (MONTHS_NOMINATIVE, MONTHS_GENITIVE) for index, name in enumerate(names, 1)}
FORMS = "ДД.ММ.ГГГГ, месяц и год («03.2019», «март 2019») или год («2019»)"


class WrittenDate(str):
    """A date as the school wrote it (a full one in the form ДД.ММ.ГГГГ), with its ISO form for `datetime`."""

    iso: str

    def __new__(cls, text: str, iso: str) -> WrittenDate:
        value = super().__new__(cls, text)
        value.iso = iso
        return value


def _year(value: str, text: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PydanticCustomError(
            "oko_date", "дата «{value}»: год {year} вне допустимых лет ({min}–{max}) — проверьте цифры",
            {"value": value, "year": year, "min": MIN_YEAR, "max": MAX_YEAR})
    return year


def _month(value: str, number: int) -> int:
    if not 1 <= number <= 12:
        raise PydanticCustomError(
            "oko_date", "такого месяца нет: «{value}» — в году 12 месяцев, а указан {month}-й",
            {"value": value, "month": number})
    return number


def written_date(value: Any) -> WrittenDate:
    """«30.08.1991» (also «1991-08-30»), «08.1991», «август 1991», «1991» → the date as shown, with its ISO form."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise PydanticCustomError("oko_date", "ожидалась дата: {forms}", {"forms": FORMS})
    text = " ".join(str(value).split())
    if match := _YEAR.fullmatch(text):
        return WrittenDate(text, f"{_year(text, match.group(1)):04d}")
    if match := _MONTH_NUMBER.fullmatch(text):
        month, year = _month(text, int(match.group(1))), _year(text, match.group(2))
        return WrittenDate(text, f"{year:04d}-{month:02d}")
    if match := _MONTH_WORD.fullmatch(text):
        month = _MONTHS.get(match.group(1).lower())
        if month is None:
            raise PydanticCustomError(
                "oko_date", "«{value}»: «{word}» — не название месяца; ожидается {forms}",
                {"value": text, "word": match.group(1), "forms": FORMS})
        return WrittenDate(text, f"{_year(text, match.group(2)):04d}-{month:02d}")
    if not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}(?:\s*г\.?)?|\d{4}-\d{1,2}-\d{1,2}", text):
        raise PydanticCustomError("oko_date", "«{value}» не похоже на дату: ожидается {forms}",
                                  {"value": text, "forms": FORMS})
    day = parse_date(text)
    return WrittenDate(day.strftime("%d.%m.%Y"), day.isoformat())
