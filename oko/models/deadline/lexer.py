"""The tokeniser of deadlines: numbers, dates, times and classified words, positioned in the author's text.

Token types (the terminals of grammar.lark):
DATE_NUM «10.02.2026», DATE_ISO «2026-02-10», DATE_SLASH «8/28/2025», DAY_MONTH «12.09», TIME «18:00»
or «9.00» (a dot time only when it cannot be a day and a month), YEAR «2026», NUMBER one or two digits,
BIGNUM any other number, ORDINAL_NUM «2е», «12-го», «25-му», MONTH, WEEKDAY, ORDINAL «вторую», NUMWORD «две»,
ROMAN «IV», SCHEDULE «графику», «плану», WORD any other word, OTHER anything else (never in the grammar);
a keyword or a punctuation mark has the type the grammar gave its quoted literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token
from lark.lexer import Lexer

from oko.models.deadline import lexicon

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<DATE_ISO>\d{4}-\d{1,2}-\d{1,2})(?!\d)
  | (?P<DATE_NUM>\d{1,2}\.\d{1,2}\.\d{4})(?!\d)
  | (?P<DATE_SLASH>\d{1,2}/\d{1,2}/\d{4})(?!\d)
  | (?P<TIME>\d{1,2}:\d{2})(?!\d)
  | (?P<DAY_MONTH>\d{1,2}\.\d{1,2}(?![\d.]\d)\.?)
  | (?P<ORDINAL_NUM>\d{1,2}-?(?:го|му|ое|ая|ый|ий|ой|й|я|е|м))(?![а-яa-z])
  | (?P<YEAR>\d{4})(?!\d)
  | (?P<NUMBER>\d{1,2})(?!\d)
  | (?P<BIGNUM>\d+)
  | (?P<word>[а-яa-z]+)
  | (?P<punct>[-(),;:"/.])
  | (?P<OTHER>.)
""", re.VERBOSE)
# Abbreviated words whose dot belongs to them: «г.», «гг.», «уч.», «сент.».
_ABBREVIATIONS = lexicon.MONTH_ABBREVIATIONS | {"г", "гг", "уч", "кв"}
_DOT_TIME = re.compile(r"(\d{1,2})\.(\d{2})")


class DeadlineLexer(Lexer):
    """Lark's custom-lexer interface: the parser calls lex() with the author's text."""

    def __init__(self, lexer_conf: object) -> None:
        terminals = getattr(lexer_conf, "terminals", [])
        self.literals = {t.pattern.value: t.name for t in terminals if t.pattern.type == "str"}

    def lex(self, text: str) -> Iterator[Token]:  # type: ignore[override]
        tokens = list(tokenise(text, self.literals))
        while tokens and tokens[-1].value in (".", ",", ";"):  # «в течение учебного года.»
            tokens.pop()
        yield from tokens


def tokenise(text: str, literals: dict[str, str]) -> Iterator[Token]:
    """Tokens of the normalised text, each with start_pos/end_pos in the original text."""
    norm, origin = lexicon.normalise(text)
    position = 0
    while position < len(norm):
        match = _TOKEN.match(norm, position)
        assert match is not None and match.lastgroup is not None  # OTHER matches any character
        kind, value, end = match.lastgroup, match.group(), match.end()
        if kind == "word" and value in _ABBREVIATIONS and norm.startswith(".", end):
            end += 1  # the dot is part of «г.», it is no full stop
        elif kind == "DAY_MONTH":
            value = value.rstrip(".")  # «16.09.»
        position = end
        if kind != "space":
            yield Token(_classify(kind, value, literals), value,
                        start_pos=origin[match.start()], end_pos=origin[end - 1] + 1)


def _classify(kind: str, value: str, literals: dict[str, str]) -> str:
    if kind == "DAY_MONTH":
        return "TIME" if _is_dot_time(value) else kind
    if kind == "punct":
        return literals.get(value, "OTHER")
    if kind != "word":
        return kind
    if value in literals:
        return literals[value]
    for table, name in ((lexicon.MONTHS, "MONTH"), (lexicon.WEEKDAYS, "WEEKDAY"), (lexicon.ORDINALS, "ORDINAL"),
                        (lexicon.NUMBER_WORDS, "NUMWORD"), (lexicon.ROMAN, "ROMAN")):
        if value in table:
            return name
    if value.startswith(lexicon.SCHEDULE_STEMS):
        return "SCHEDULE"
    return "WORD"


def _is_dot_time(value: str) -> bool:
    """«9.00», «14.30» are times; «12.09» is a day and a month (the corpus has both)."""
    match = _DOT_TIME.fullmatch(value)
    if not match:
        return False
    hours, minutes = int(match.group(1)), int(match.group(2))
    return hours <= 23 and minutes <= 59 and (minutes == 0 or minutes > 12)
