"""Reading a CSV within the limits: the encodings and delimiters Russian Excel writes.

Windows-1251 or UTF-8 (with or without BOM), UTF-16 with BOM («Текст Юникод», tab-separated);
«;» (Russian Excel: the comma is its decimal mark), «,» or tab; quoted fields holding the delimiter,
quotes and newlines.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from oko.outputs.tables import looks_like_formula
from oko.ru import count
from oko.spreadsheets.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    TRIM_HINT,
    ReadError,
    Sheet,
    beyond_limits,
    grouped,
)

BLANK = re.compile(r'[^\s;,"]')  # the first character that is neither a delimiter, a quote nor a space
HEAD = 1 << 16  # characters searched for the end of the first record
DELIMITERS = (";", ",", "\t")  # Russian Excel writes «;» (the comma is its decimal mark): first on a tie


def read_csv(path: Path, header_score: Callable[[list[list[Any]]], int]) -> Sheet:
    text = decode(path.read_bytes())  # the caller has checked the file's size
    if "\n" not in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    delimiter = choose_delimiter(text, header_score)
    return Sheet(path.stem, bounded_rows(text, delimiter, path.stem))


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's «Текст Юникод»), else Windows-1251."""
    if raw.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1251")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("не удалось определить кодировку файла: он не в UTF-8 и не в Windows-1251",
                    hint="в Excel: «Сохранить как» → «CSV UTF-8 (разделитель — запятая)» или «CSV (разделитель — "
                         "точка с запятой)»")


def choose_delimiter(text: str, header_score: Callable[[list[list[Any]]], int]) -> str:
    """The delimiter with which the header row is found with the most columns; else the one most
    often met outside quotes in the first record; «;» wins a tie."""
    scores = []
    for delimiter in DELIMITERS:
        try:
            head = list(itertools.islice(_reader(text, delimiter), 20))
        except csv.Error:
            continue
        scores.append((header_score(head), _outside_quotes(text, delimiter), -DELIMITERS.index(delimiter),
                       delimiter))
    return max(scores)[-1] if scores else DELIMITERS[0]


def _outside_quotes(text: str, delimiter: str) -> int:
    """How often the delimiter occurs outside quotes in the first record (a quoted newline continues it)."""
    quoted, found = False, 0
    for char in text[:HEAD]:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == delimiter:
            found += 1
        elif not quoted and char in "\r\n":
            break
    return found


class _Lines:
    """The text's lines as slices that keep their ends (no copy of the whole text), and how far the
    csv reader has taken it."""

    def __init__(self, text: str):
        self.text, self.taken = text, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.taken >= len(self.text):
            raise StopIteration
        end = self.text.find("\n", self.taken)
        end = len(self.text) if end == -1 else end + 1
        line, self.taken = self.text[self.taken:end], end
        return line


def _reader(text: str, delimiter: str, lines: _Lines | None = None) -> Iterator[list[str]]:
    return csv.reader(lines or _Lines(text), delimiter=delimiter, quotechar='"', doublequote=True)


def bounded_rows(text: str, delimiter: str, title: str) -> list[list[Any]]:
    """The records up to MAX_ROWS, trailing empty fields dropped; ReadError at the first filled cell
    beyond the limits."""
    rows: list[list[Any]] = []
    filled = 0
    lines = _Lines(text)
    reader = _reader(text, delimiter, lines)
    try:
        for number, record in enumerate(reader, start=1):
            values = [_unquoted(value) for value in record]
            while values and values[-1] == "":
                values.pop()
            if len(values) > MAX_COLUMNS:
                raise beyond_limits(title, number, len(values))
            filled += sum(1 for value in values if value != "")
            if filled > MAX_CELLS:
                raise ReadError(f"лист «{title}», строка {number}: больше {grouped(MAX_CELLS)} заполненных ячеек — "
                                "предел импорта", hint=TRIM_HINT, line=number)
            rows.append(values)
            if number == MAX_ROWS:
                _check_rest(text, lines.taken, delimiter, title)
                break
    except csv.Error as exc:
        raise ReadError(f"строка {reader.line_num}: CSV не разобран — незакрытая кавычка или поле длиннее "
                        f"{count(csv.field_size_limit() // 1024, 'килобайта', 'килобайт', 'килобайт')}",
                        hint="сохраните таблицу из Excel заново как CSV", line=reader.line_num) from exc
    return rows


def _check_rest(text: str, start: int, delimiter: str, title: str) -> None:
    """Past MAX_ROWS only blank lines may follow (Excel pads a sheet with «;;;;»): found in one scan,
    not record by record, so a million blank lines cost nothing; the first filled cell is named."""
    found = BLANK.search(text, start)
    if found:
        row = MAX_ROWS + 1 + text.count("\n", start, found.start())
        line_start = text.rfind("\n", 0, found.start()) + 1
        raise beyond_limits(title, row, text.count(delimiter, line_start, found.start()) + 1)


def _unquoted(value: str) -> str:
    """«'=…» → «=…»: the apostrophe Око's own CSV puts before a formula-like text (outputs/tables.py)."""
    return value[1:] if value[:1] == "'" and looks_like_formula(value[1:]) else value
