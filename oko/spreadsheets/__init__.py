"""An imported spreadsheet (XLSX or CSV) as rows of values, with bounded work and memory.

Whatever a file claims — a sheet dimension of A1:XFD1048576, a cell in the last row, a zip member
that inflates to gigabytes — reading stops at fixed limits (limits.py) with a Russian message naming
the limit and the cell. XLSX (xlsx.py, scan.py): every zip member is inflated in chunks and its XML
streamed once before openpyxl opens the book, which then reads (read-only mode) only the extent of
the cells that hold values. CSV (delimited.py): the encodings and delimiters Russian Excel writes.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oko.ru import plural
from oko.spreadsheets.delimited import choose_delimiter, read_csv
from oko.spreadsheets.limits import MAX_FILE_BYTES, TRIM_HINT, ReadError, Sheet, cell_address, grouped, mb
from oko.spreadsheets.xlsx import read_workbook

__all__ = ["ReadError", "Sheet", "cell_address", "choose_delimiter", "read_sheets"]


def read_sheets(path: Path, header_score: Callable[[list[list[Any]]], int]) -> list[Sheet]:
    """All sheets of an XLSX, or the one table of a CSV; header_score ranks CSV delimiter candidates."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"файл больше {mb(MAX_FILE_BYTES)} — предел импорта (в файле {grouped(size)} "
                            f"{plural(size, 'байт', 'байта', 'байт')})", hint=TRIM_HINT)
        if path.suffix.lower() == ".xlsx":
            return read_workbook(path)
        return [read_csv(path, header_score)]
    except OSError as exc:  # its text is the system's, in English
        code = errno.errorcode.get(exc.errno or 0, "")
        raise ReadError(f"файл не прочитан: {OS_ERRORS.get(exc.errno or 0, 'ошибка системы')}"
                        + (f" ({code})" if code else ""), hint="проверьте, что это файл и его можно открыть") from exc


OS_ERRORS = {errno.EACCES: "нет прав на чтение", errno.EISDIR: "это папка, а не файл",
             errno.ENOENT: "его нет", errno.EIO: "ошибка ввода-вывода"}
