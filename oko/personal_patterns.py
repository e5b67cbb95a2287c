"""What a person's data looks like in text: СНИЛС, passport, personal ИНН, mobile phone, e-mail, name with birth date.

Pure functions over one string; the rule that walks the content and its exemptions is oko/rules/personal_data.py.
Each detector aims at few false positives: numbers are accepted only with a valid checksum (СНИЛС, ИНН) or with
context words (a passport), a name only next to a birth date. Matched values are never shown in full: `mask`
hides them, because build logs of pull requests are public too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from stdnum.ru.inn import calc_personal_check_digits

KIND_NAMES = {
    "snils": "СНИЛС",
    "passport": "номер паспорта",
    "inn": "ИНН физического лица",
    "phone": "номер мобильного телефона",
    "email": "адрес электронной почты",
    "name_birth": "ФИО с датой рождения",
}
NUMERIC_KINDS = frozenset({"snils", "passport", "inn", "phone"})

_SEP = r"[ \u00a0-]"
SNILS = re.compile(rf"(?<![\d-])\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{2}}(?![\d-])")
# «серия 45 06 № 123456», «паспорт 4506 123456», «паспорт гражданина РФ: серия 4506, номер 123456».
PASSPORT = re.compile(
    r"(?:паспорт[а-яё]*(?:\s+данн[а-яё]+)?(?:\s+гражданина\s+(?:РФ|России|Российской\s+Федерации))?"
    r"|сери[яи])[\s:.,№-]*"
    r"(?:сери[яи]\s*)?(?P<value>\d{2}[ \u00a0]?\d{2}[\s,]*(?:(?:№|N|No\.?|номер)\s*)?\d{6})(?!\d)",
    re.IGNORECASE,
)
INN = re.compile(r"(?<!\d)\d{12}(?!\d)")
# Russian mobile numbers: +7 9xx or 8 9xx, then 7 digits, spaces, hyphens and brackets anywhere between groups.
PHONE = re.compile(rf"(?<![\d+])(?:\+[ \u00a0]?7|8){_SEP}*\(?[ \u00a0]?9\d\d[ \u00a0]?\)?{_SEP}*"
                   rf"\d{{3}}{_SEP}*\d\d{_SEP}*\d\d(?!\d)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})(?![\w-])")

_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична|оглы|кызы)"
_INITIALS = r"[А-ЯЁ]\.[ \u00a0]?(?:[А-ЯЁ]\.)?"
NAME = re.compile(
    rf"(?<![\w.])(?:{_WORD}\s+{_WORD}\s+{_PATRONYMIC}|{_WORD}\s+{_INITIALS}|{_INITIALS}[ \u00a0]?{_WORD}"
    rf"|{_WORD}\s+{_WORD})(?![\w])"
)
_DATE = r"(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{1,2}\s+[а-яё]+\s+\d{4})"
BIRTH = re.compile(
    rf"(?:{_DATE}|\d{{4}})\s*(?:г\.?\s*р\.?(?![а-яё])|года?\s+рождения)"
    rf"|(?:дата|год|день)\s+рождения\s*[:—–-]?\s*(?:{_DATE}|\d{{4}})"
    rf"|родил(?:ся|ась)\s+(?:в\s+)?(?:{_DATE}|\d{{4}})"
    rf"|д\.\s?р\.\s*[:—–-]?\s*{_DATE}",
    re.IGNORECASE,
)
NAME_REACH = 60  # characters between a name and its birth date, on one line
_CAPITAL = re.compile(r"(?<![\w.])[А-ЯЁ]")
MAY_HOLD = re.compile(r"[\d@]")  # every kind needs a digit or «@»: other texts are skipped at once
_DIGIT = re.compile(r"\d")
_BIRTH_WORD = re.compile(r"г\.?\s*р(?![а-яё])|рожд|родил|д\.\s?р")  # BIRTH needs one of them


@dataclass(frozen=True)
class Finding:
    """One suspected value: its kind and where it stands in the string (`value` is never printed)."""

    kind: str
    start: int
    end: int
    value: str


def snils_valid(digits: str) -> bool:
    """The ПФР check number: Σ digit×(9…1) of the first nine; <100 as is, 100/101 → 00, >101 → mod 101 first.

    Numbers up to 001-001-998 carry no check number, so nothing tells them from any other number: not a finding.
    """
    if len(digits) != 11 or int(digits[:9]) <= 1_001_998:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(9, 0, -1), strict=True))
    if total > 101:
        total %= 101
    return (0 if total in (100, 101) else total) == int(digits[9:])


def inn_personal_valid(digits: str) -> bool:
    """A 12-digit ИНН of a person with both check digits right (an organisation's has 10 digits)."""
    return len(digits) == 12 and calc_personal_check_digits(digits) == digits[10:]


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def find_personal_data(text: str) -> list[Finding]:
    """Every suspected value in text, in order; where two overlap, the first kind found keeps the place."""
    if not MAY_HOLD.search(text):
        return []
    # Cheap tests first: most texts of a plan hold a date or a number, few hold ten digits, «@» or «рожд».
    many_digits = len(_DIGIT.findall(text)) >= 10
    lowered = text.casefold()
    candidates = (
        *(_snils(text) if many_digits else ()),
        *(_passports(text) if many_digits and ("паспорт" in lowered or "сери" in lowered) else ()),
        *(_inns(text) if many_digits else ()),
        *(_phones(text) if many_digits else ()),
        *(_emails(text) if "@" in text else ()),
        *(_names_with_birth_dates(text) if _BIRTH_WORD.search(lowered) else ()),
    )
    found: list[Finding] = []
    for finding in candidates:
        if not any(finding.start < other.end and other.start < finding.end for other in found):
            found.append(finding)
    return sorted(found, key=lambda finding: finding.start)


def _snils(text: str) -> Iterator[Finding]:
    for match in SNILS.finditer(text):
        if snils_valid(digits_of(match.group())):
            yield Finding("snils", match.start(), match.end(), match.group())


def _passports(text: str) -> Iterator[Finding]:
    for match in PASSPORT.finditer(text):
        yield Finding("passport", match.start("value"), match.end("value"), match.group("value"))


def _inns(text: str) -> Iterator[Finding]:
    for match in INN.finditer(text):
        if inn_personal_valid(match.group()):
            yield Finding("inn", match.start(), match.end(), match.group())


def _phones(text: str) -> Iterator[Finding]:
    for match in PHONE.finditer(text):
        yield Finding("phone", match.start(), match.end(), match.group())


def _emails(text: str) -> Iterator[Finding]:
    for match in EMAIL.finditer(text):
        yield Finding("email", match.start(), match.end(), match.group())


def _names_with_birth_dates(text: str) -> Iterator[Finding]:
    """A name on the same line as a birth marker, at most NAME_REACH characters away; the nearest one wins."""
    for birth in BIRTH.finditer(text):
        line_start = text.rfind("\n", 0, birth.start()) + 1
        line_end = len(text) if (end := text.find("\n", birth.end())) < 0 else end
        window_start = max(line_start, birth.start() - NAME_REACH)
        window_end = min(line_end, birth.end() + NAME_REACH)
        # A match at every word start, not finditer's non-overlapping ones: «Ученик Иванов Иван» holds «Иванов Иван».
        starts = (word.start() for word in _CAPITAL.finditer(text, window_start, window_end))
        names = [name for start in starts if (name := NAME.match(text, start, window_end))
                 and (name.end() <= birth.start() or name.start() >= birth.end())]
        if names:
            nearest = min(names, key=lambda name: max(birth.start() - name.end(), name.start() - birth.end()))
            yield Finding("name_birth", nearest.start(), nearest.end(), nearest.group())


def normalised(kind: str, text: str) -> str:
    """What two spellings of one value share: digits of a number (a phone's 8 read as +7), a folded e-mail."""
    if kind == "phone":
        digits = digits_of(text)
        return "7" + digits[1:] if digits else digits
    if kind in NUMERIC_KINDS:
        return digits_of(text)
    return " ".join(text.split()).casefold()


def mask(kind: str, text: str) -> str:
    """The value with most of it hidden: «123-***-*** 01», «+7 9**-***-**-89», «i***@mail.ru», «И. И. И.»."""
    if kind == "email":
        local, _, domain = text.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "name_birth":
        return " ".join(word[0] + "." for word in re.split(r"[\s.]+", text) if word)
    keep_start = {"snils": 3, "phone": 2}.get(kind, 2)
    total = sum(char.isdigit() for char in text)
    seen = 0
    masked = []
    for char in text:
        if char.isdigit():
            seen += 1
            masked.append(char if seen <= keep_start or seen > total - 2 else "*")
        else:
            masked.append(char)
    return "".join(masked)


def blot(line: str) -> str:
    """A source line fit for a public log: every digit and the name part of every e-mail starred.

    Lengths stay, so a caret under the line still points at the value.
    """
    line = EMAIL.sub(lambda m: m.group()[0] + "*" * (m.group().index("@") - 1) + m.group()[m.group().index("@"):],
                     line)
    return re.sub(r"\d", "*", line)


def mask_any(text: str) -> str:
    """A value of unknown kind (an allowance that matches nothing): masked as what it looks like, or mostly starred."""
    found = find_personal_data(text)
    if len(found) == 1 and found[0].value == text.strip():
        return mask(found[0].kind, found[0].value)
    return "".join(char if index < 2 or not char.isalnum() else "*" for index, char in enumerate(text))
