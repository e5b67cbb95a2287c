"""Inflating one member of an Office package (an XLSX book, a DOCX document) within a limit.

Shared by oko/spreadsheets/xlsx.py and oko/import_plan/package.py: a member is inflated in chunks, so one
lying about its size is stopped at the limit, and a DOCTYPE or ENTITY declaration — which Excel and Word
never write, and which an XML bomb needs — is refused wherever it appears, even split between chunks.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from oko.spreadsheets.limits import ReadError
from oko.spreadsheets.scan import CHUNK, DTD_MARKERS


@dataclass(frozen=True)
class Package:
    """How messages name the package and its parts: «части книги» … «в книгах Excel»."""

    part: str  # «части книги»
    never_in: str  # «в книгах Excel»
    broken: str  # «книга повреждена: не распаковывается её часть»
    hint: str
    too_big: Callable[[str, int, int], ReadError]  # (member, limit, bytes inflated so far)


def inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, package: Package,
            feed: Callable[[bytes], None] | None = None) -> int:
    """Inflate a member in chunks, never past the limit, handing each chunk to `feed`; its size."""
    size, tail = 0, b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise package.too_big(info.filename, limit, size)
                window = (tail + chunk).upper()
                if any(marker in window for marker in DTD_MARKERS):
                    raise ReadError(f"в {package.part} «{info.filename}» есть объявление DOCTYPE или ENTITY, "
                                    f"которого не бывает {package.never_in}: файл не прочитан", hint=package.hint)
                tail = chunk[-32:]
                if feed is not None:
                    feed(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(f"{package.broken} «{info.filename}»", hint=package.hint) from exc
    return size
