"""Downloadable tables that are safe to open: CSV fields and XLSX workbooks (the kinds fill them).

Order 1493 п.24 wants text and table materials also as files that can be searched and copied:
these are those files. All bytes are deterministic (no clock: fixed workbook and zip dates).

Content arrives by pull request, so no text may reach a spreadsheet as a formula (OWASP «CSV
Injection»): in CSV every text field is quoted and one that starts like a formula gets a leading «'»;
in XLSX every text is a typed string cell (t="inlineStr"), never an <f> element.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

from oko.cache.digests import cached

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

# openpyxl (and numpy, which it imports) load only when a workbook is made: ~0.25 s of every build's start,
# and an incremental build finds its workbooks in the cache.

FIXED_TIME = dt.datetime(2000, 1, 1)  # workbook metadata: a constant, never the build clock
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
FIXED_MODIFIED = rb"\g<1>2000-01-01T00:00:00Z\g<2>"
# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP: = + - @ TAB CR),
# with LF and the full-width forms that East Asian input turns into the ASCII ones.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would evaluate this text: by its first character, or the first after spaces."""
    return bool(text) and (text[0] in FORMULA_STARTS or text.lstrip(" \u00a0")[:1] in FORMULA_STARTS)


def csv_field(value: object) -> object:
    """A text that would start a formula gets a leading «'» (shown as text by Excel); numbers stay numbers."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def workbook_bytes(sheet_title: str, columns: tuple[str, ...], widths: tuple[int, ...], data: list[list[object]],
                   title: str) -> bytes:
    """One sheet with a bold header row; date cells shown as ДД.ММ.ГГГГ; deterministic bytes.

    From the build cache when the same arguments made a workbook before (openpyxl takes ~15 ms a sheet;
    the bytes are a function of the arguments alone, and a pickle is the same only for the same values)."""
    return cached("workbook", (sheet_title, columns, widths, data, title),
                  lambda: _workbook_bytes(sheet_title, columns, widths, data, title))


def _workbook_bytes(sheet_title: str, columns: tuple[str, ...], widths: tuple[int, ...], data: list[list[object]],
                    title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(data, start=2):
        sheet.append([_xlsx_value(value) for value in row])
        for column in range(1, len(row) + 1):  # sheet[max_row] would scan every cell: O(n²) rows
            cell = sheet.cell(row=number, column=column)
            if isinstance(cell.value, dt.date | dt.datetime):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(cell.value, str):
                _as_text(cell)
            cell.alignment = wrap
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = title
    workbook.properties.creator = "Око"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    workbook.save(raw)
    return _normalised_zip(raw.getvalue())


def _xlsx_value(value: object) -> object:
    """Texts without the control characters XML 1.0 cannot hold (openpyxl would refuse the whole workbook)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _as_text(cell: Cell) -> None:
    """A typed string cell: openpyxl makes «=…» a formula and «#N/A» an error unless told otherwise."""
    cell.data_type = "s"
    if looks_like_formula(cell.value):
        cell.quotePrefix = True  # Excel keeps it text even when someone edits the cell and presses Enter


def _normalised_zip(data: bytes) -> bytes:
    """Rewrite a workbook with fixed times: openpyxl stamps zip entries and `dcterms:modified` with «now»."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(FIXED_MODIFIED, content)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()
