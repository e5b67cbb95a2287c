"""The words of deadlines: month, weekday, ordinal and number words in their forms, and normalisation.

Normalisation maps the text character by character and remembers where each character came from,
so every token (and so every `<time>` span) points back into the text as the author wrote it.
"""

from __future__ import annotations

import re

from oko.ru import MONTHS_GENITIVE, MONTHS_NOMINATIVE

MONTHS_PREPOSITIONAL = (
    "январе", "феврале", "марте", "апреле", "мае", "июне",
    "июле", "августе", "сентябре", "октябре", "ноябре", "декабре",
)
# Abbreviations of official tables and headings: «янв.», «сент.», «нояб.» (with or without the dot).
_MONTH_ABBREVIATIONS = (
    ("янв",), ("фев", "февр"), ("мар",), ("апр",), (), ("июн",),
    ("июл",), ("авг",), ("сен", "сент"), ("окт",), ("ноя", "нояб"), ("дек",),
)
MONTH_ABBREVIATIONS = frozenset(word for forms in _MONTH_ABBREVIATIONS for word in forms)

MONTHS: dict[str, int] = {}
for _number, _forms in enumerate(zip(MONTHS_NOMINATIVE, MONTHS_GENITIVE, MONTHS_PREPOSITIONAL,
                                     _MONTH_ABBREVIATIONS, strict=True), start=1):
    nominative, genitive, prepositional, abbreviations = _forms
    for _word in (nominative, genitive, prepositional, *abbreviations):
        MONTHS[_word] = _number

WEEKDAY_NAMES = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
WEEKDAYS: dict[str, int] = {}  # ISO numbers: понедельник 1 … воскресенье 7
for _number, _forms in enumerate((
    "понедельник понедельника понедельнику понедельником понедельнике пн",
    "вторник вторника вторнику вторником вторнике вт",
    "среда среды среде среду средой ср",
    "четверг четверга четвергу четвергом четверге чт",
    "пятница пятницы пятнице пятницу пятницей пт",
    "суббота субботы субботе субботу субботой сб",
    "воскресенье воскресенья воскресенью воскресеньем вс",
), start=1):
    WEEKDAYS.update(dict.fromkeys(_forms.split(), _number))

ORDINALS: dict[str, int] = {}  # «вторую среду», «первый рабочий понедельник», «последняя неделя»
for _number, _forms in (
    (1, "первый первая первую первое первого первой первом"),
    (2, "второй вторая вторую второе второго втором"),
    (3, "третий третья третью третье третьего третьей третьем"),
    (4, "четвертый четвертая четвертую четвертое четвертого четвертой четвертом"),
    (5, "пятый пятая пятую пятое пятого пятой пятом"),
    (-1, "последний последняя последнюю последнее последнего последней последнем"),
):
    ORDINALS.update(dict.fromkeys(_forms.split(), _number))

NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одну": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2,
    "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "пятнадцать": 15, "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
}
ROMAN: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# Words that name another document's schedule: «по графику ФЦТ», «согласно плану ОО».
SCHEDULE_STEMS = ("график", "план", "расписани", "срок")

# Latin letters that look like Cyrillic ones; a mixed word («aпреля») is read as Cyrillic.
_LOOK_ALIKES = str.maketrans("aceopxykmhtb", "асеорхукмнтв")
_LATIN_LOOK_ALIKE_WORD = re.compile(r"[aceopxykmhtb]+")
_DASHES = "‐‑‒–—―−﹘﹣－"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\n\f\v"
_QUOTES = "«»„“”\"'‘’"
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_CHAR_MAP = {**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SPACES, " "), **dict.fromkeys(_QUOTES, '"'),
             "ё": "е", "ﬁ": "fi"}


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with one kind of dash, space and quote, «ё» as «е», Latin look-alikes fixed.

    Returns the text and, for each of its characters, the index of the character it came from.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        lower = char.lower()
        mapped = _CHAR_MAP.get(lower, lower if len(lower) == 1 else char)
        if len(mapped) != 1:
            mapped = char
        chars.append(mapped)
        origin.append(index)
    origin.append(len(text))
    return _fix_look_alikes("".join(chars)), origin


def _fix_look_alikes(text: str) -> str:
    """«15 aпреля», «c 1 сентября»: Latin letters in (or as) Cyrillic words become Cyrillic; «IV» stays."""
    if not re.search("[а-я]", text):
        return text

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if re.search("[а-я]", word) or _LATIN_LOOK_ALIKE_WORD.fullmatch(word):
            return word.translate(_LOOK_ALIKES)
        return word

    return re.sub(r"[a-zа-я]+", fix, text)
