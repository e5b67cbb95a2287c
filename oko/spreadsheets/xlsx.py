"""Reading an XLSX within the limits: the zip checked and every XML part scanned before openpyxl opens it."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from oko.spreadsheets.inflate import Package, inflate
from oko.spreadsheets.limits import (
    MAX_MEMBERS,
    MAX_PARSED_BYTES,
    MAX_SHEETS,
    MAX_STREAMED_BYTES,
    MAX_TOTAL_BYTES,
    REPAIR_HINT,
    TRIM_HINT,
    ReadError,
    Sheet,
    mb,
)
from oko.spreadsheets.scan import PartScan


def read_workbook(path: Path) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError("файл не является книгой Excel (.xlsx): возможно, это старый формат .xls "
                        "или книга защищена паролем", hint=REPAIR_HINT + " без пароля") from exc
    with archive:
        scans = check_members(archive)
        try:
            with warnings.catch_warnings():  # openpyxl warns in English about extensions it drops
                warnings.simplefilter("ignore")
                workbook = load_workbook(path, read_only=True, data_only=True)
                try:
                    return _read_sheets(archive, workbook.worksheets, scans)
                finally:
                    workbook.close()
        except ReadError:
            raise
        except Exception as exc:  # a bad reference, a damaged part: openpyxl's many exceptions, all English
            raise ReadError("книга повреждена: Око не смогло её прочитать", hint=REPAIR_HINT) from exc


def check_members(archive: zipfile.ZipFile) -> dict[str, PartScan]:
    """Refuse a zip bomb before openpyxl parses anything: member count, declared and actual sizes, DTDs,
    the shape of every XML part; the scans of the parts, by name."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"в книге {len(members)} частей, больше предела {MAX_MEMBERS}: это не похоже на график",
                        hint=REPAIR_HINT)
    total, scans = 0, {}
    for info in members:
        limit = _member_limit(info.filename)
        if info.file_size > limit:
            raise _too_big(info.filename, limit, f"заявлено {mb(info.file_size)}")
        size, scans[info.filename] = _inflate(archive, info, limit)
        total += size
        if total > MAX_TOTAL_BYTES:
            raise ReadError(f"книга после распаковки больше {mb(MAX_TOTAL_BYTES)} — предел импорта", hint=TRIM_HINT)
    return scans


def _member_limit(name: str) -> int:
    if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
        return MAX_STREAMED_BYTES  # openpyxl streams these
    if name.endswith((".xml", ".rels", ".vml")):
        return MAX_PARSED_BYTES
    return MAX_STREAMED_BYTES  # pictures and the like: never parsed, only checked


def _too_big(name: str, limit: int, claimed: str) -> ReadError:
    return ReadError(f"часть книги «{name}» после распаковки больше {mb(limit)} ({claimed}) — "
                     "это предел импорта: такого размера у графика не бывает", hint=TRIM_HINT)


BOOK = Package("части книги", "в книгах Excel", "книга повреждена: не распаковывается её часть", REPAIR_HINT,
               lambda name, limit, size: _too_big(name, limit, f"распаковано уже {mb(size)}"))


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> tuple[int, PartScan]:
    """Inflate a member within its limit, feeding an XML part to its scan as it comes."""
    scan = PartScan(info.filename)
    size = inflate(archive, info, limit, BOOK, feed=scan.feed)
    scan.close()
    return size, scan


def _read_sheets(archive: zipfile.ZipFile, worksheets: list[Any], scans: dict[str, PartScan]) -> list[Sheet]:
    if len(worksheets) > MAX_SHEETS:
        raise ReadError(f"в книге {len(worksheets)} листов, больше предела {MAX_SHEETS}", hint=TRIM_HINT)
    sheets, total = [], 0
    for worksheet in worksheets:
        # _worksheet_path: the part openpyxl's read-only sheet streams; its scan read the same bytes
        scan = scans[worksheet._worksheet_path]
        total += archive.getinfo(worksheet._worksheet_path).file_size
        if total > MAX_TOTAL_BYTES:  # one part named by many sheets is read once per sheet
            raise ReadError(f"листы книги вместе больше {mb(MAX_TOTAL_BYTES)} — предел импорта", hint=TRIM_HINT)
        scan.raise_for(worksheet.title)
        if not scan.last_row:
            sheets.append(Sheet(worksheet.title, []))
            continue
        # Explicit bounds: openpyxl would otherwise pad every row to the claimed <dimension> width.
        rows = worksheet.iter_rows(min_row=1, min_col=1, max_row=scan.last_row, max_col=scan.last_column,
                                   values_only=True)
        sheets.append(Sheet(worksheet.title, [list(row) for row in rows]))
    return sheets
