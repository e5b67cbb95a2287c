"""The limits of an import and the error that names them: shared by the XLSX and CSV readers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from oko.ru import plural

MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELLS = 200_000  # filled cells of one sheet, and distinct texts of one book
MAX_MEMBERS = 1_000
MAX_STREAMED_BYTES = 50 * 2**20  # sheets and shared strings: read as a stream
MAX_PARSED_BYTES = 5 * 2**20  # every other part: openpyxl builds its whole XML tree in memory
MAX_TOTAL_BYTES = 100 * 2**20
MAX_FILE_BYTES = 20 * 2**20  # on disk, CSV or XLSX (a zip's central directory is read whole)
MAX_OPEN_ELEMENTS = 100_000  # XML elements held at once while a part is scanned
MAX_ELEMENTS = 2_000_000  # XML elements in one part (a sheet at the cell limit has well under a million)
MAX_SHEETS = 100
EXCEL_COLUMNS = 16_384  # XFD: no row of a real book has more cells
REPAIR_HINT = "откройте файл в Excel или LibreOffice и сохраните заново как «Книга Excel (.xlsx)»"
TRIM_HINT = "удалите лишние строки и столбцы (или очистите ячейку) и сохраните файл снова; " \
            "в файле должен остаться только график"


class ReadError(Exception):
    """A file that cannot be read within the limits: a Russian message, the cell when known."""

    def __init__(self, message: str, hint: str = "", line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.hint, self.line, self.column = message, hint, line, column


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]


def cell_address(row: int, column: int) -> str:
    """1-based row and column → «C5»."""
    return f"{get_column_letter(column)}{row}"


def grouped(n: int) -> str:
    """20000 → «20 000» (digits in groups of three, as Russian text writes them)."""
    return f"{n:,}".replace(",", " ")


def beyond_limits(title: str, row: int, column: int) -> ReadError:
    """The first filled cell outside the part of a sheet that the import reads."""
    return ReadError(f"лист «{title}», ячейка {cell_address(row, column)}: за пределами того, что читает импорт, "
                     f"— не больше {grouped(MAX_ROWS)} строк и {MAX_COLUMNS} столбцов (до ячейки "
                     f"{cell_address(MAX_ROWS, MAX_COLUMNS)})", hint=TRIM_HINT, line=row, column=column)


def mb(size: int) -> str:
    """A size in whole megabytes, as a limit or a claim is told: «50 МБ»."""
    return f"{size / 2**20:.0f} МБ" if size >= 2**20 else f"{grouped(size)} {plural(size, 'байт', 'байта', 'байт')}"
