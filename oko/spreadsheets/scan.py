"""One XML part of a book, streamed through expat as it inflates, with bounded memory."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from oko.spreadsheets.limits import (
    EXCEL_COLUMNS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ELEMENTS,
    MAX_OPEN_ELEMENTS,
    MAX_ROWS,
    MAX_SHEETS,
    REPAIR_HINT,
    TRIM_HINT,
    ReadError,
    beyond_limits,
    cell_address,
    grouped,
)

CHUNK = 1 << 16
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL, TEXT, SHEET = f"{NS}row", f"{NS}c", f"{NS}si", f"{NS}sheet"
VALUE_TAGS = (f"{NS}v", f"{NS}is", f"{NS}f")
FLUSHED = (CELL, ROW, TEXT)
DTD_MARKERS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                    for encoding in ("ascii", "utf-16-le", "utf-16-be"))

class PartScan:
    """One part of a book streamed through expat as it inflates.

    Bounded memory: at the end of each cell, row and shared text everything parsed so far is cleared,
    and no more than MAX_OPEN_ELEMENTS elements are ever held (a part that nests or lists that many
    without a cell — a styles bomb, a cell nested a million deep — is refused). For a sheet it finds
    the extent of the cells that hold a value, numbering rows and cells without «r» the way openpyxl
    does, and the first filled cell outside the limits.
    """

    def __init__(self, name: str):
        self.name = name
        self.parser: XMLPullParser | None = None
        self.sniffed = False
        self.stack: list[Element] = []
        self.held = self.elements = self.row = self.column = self.row_cells = self.filled = self.texts = self.sheets = 0
        self.last_row = self.last_column = 0
        self.beyond: tuple[int, int] | None = None  # first filled cell beyond MAX_ROWS × MAX_COLUMNS
        self.crowded: tuple[int, int] | None = None  # the filled cell that passed MAX_CELLS

    def feed(self, chunk: bytes) -> None:
        if not self.sniffed:  # XML or not by its first bytes: openpyxl finds parts by reference, not name
            self.sniffed = True
            if chunk.lstrip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00")[:1] == b"<":
                self.parser = XMLPullParser(events=("start", "end"))
        if self.parser is not None:
            self._parse(self.parser.feed, chunk)

    def close(self) -> None:
        if self.parser is not None:
            self._parse(lambda _: self.parser.close(), b"")  # type: ignore[union-attr]

    def raise_for(self, title: str) -> None:
        """The deferred limit errors of a sheet, once its title is known."""
        if self.beyond:
            raise beyond_limits(title, *self.beyond)
        if self.crowded:
            row, column = self.crowded
            raise ReadError(f"лист «{title}», ячейка {cell_address(row, column)}: больше {grouped(MAX_CELLS)} "
                            "заполненных ячеек — предел импорта", hint=TRIM_HINT, line=row, column=column)

    def _damaged(self, what: str) -> ReadError:
        return ReadError(f"книга повреждена: {what} в её части «{self.name}»", hint=REPAIR_HINT)

    def _parse(self, step: Callable[[bytes], object], chunk: bytes) -> None:
        assert self.parser is not None
        try:
            step(chunk)
            for event, element in self.parser.read_events():  # expat's errors surface here too
                if event == "start":
                    self._start(element)
                else:
                    self._end(element)
        except ParseError as exc:
            raise self._damaged("ошибка в XML") from exc

    def _start(self, element: Element) -> None:
        self.stack.append(element)
        self.held += 1
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise ReadError(f"в части книги «{self.name}» больше {grouped(MAX_ELEMENTS)} элементов XML — предел "
                            "импорта", hint=TRIM_HINT)
        if self.held > MAX_OPEN_ELEMENTS:
            raise self._damaged(f"больше {grouped(MAX_OPEN_ELEMENTS)} элементов XML без единой ячейки")
        if element.tag == ROW:
            reference = element.get("r")
            self.row, self.column, self.row_cells = (self._number(reference) if reference else self.row + 1), 0, 0
        elif element.tag == SHEET:
            self.sheets += 1
            if self.sheets > MAX_SHEETS:
                raise ReadError(f"в книге больше {MAX_SHEETS} листов — предел импорта", hint=TRIM_HINT)

    def _end(self, element: Element) -> None:
        self.stack.pop()
        if element.tag == CELL:
            self._cell(element)
        elif element.tag == TEXT:
            self.texts += 1
            if self.texts > MAX_CELLS:
                raise ReadError(f"в книге больше {grouped(MAX_CELLS)} разных текстов — предел импорта",
                                hint=TRIM_HINT)
        if element.tag in FLUSHED:
            for ancestor in self.stack:  # the finished element and all before it are done with
                ancestor.clear()
            self.held = len(self.stack)

    def _cell(self, element: Element) -> None:
        reference = element.get("r")
        try:
            self.column = column_index_from_string(coordinate_from_string(reference)[0]) if reference \
                else self.column + 1
        except ValueError as exc:  # openpyxl's CellCoordinatesException is one
            raise self._damaged(f"адрес ячейки «{reference}»") from exc
        self.row_cells += 1
        if self.row_cells > EXCEL_COLUMNS:
            raise self._damaged(f"в строке {self.row} больше {grouped(EXCEL_COLUMNS)} ячеек")
        if not any(child.tag in VALUE_TAGS for child in element):
            return  # an empty, merely formatted cell: openpyxl never reads past the filled extent
        if self.row > MAX_ROWS or self.column > MAX_COLUMNS:
            self.beyond = self.beyond or (self.row, self.column)
            return
        self.filled += 1
        if self.filled > MAX_CELLS:
            self.crowded = self.crowded or (self.row, self.column)
        self.last_row, self.last_column = max(self.last_row, self.row), max(self.last_column, self.column)

    def _number(self, text: str) -> int:
        try:
            value = float(text)  # openpyxl accepts «5» and «5.0»
        except ValueError:
            value = 0.5
        if not value.is_integer() or value < 1:
            raise self._damaged(f"номер строки «{text}»")
        return int(value)
