"""Opening a .docx within fixed limits: the zip is checked member by member before python-docx parses it.

python-docx reads every part of the package into memory and parses each XML part into a whole lxml
tree, so the limits are those of oko/spreadsheets for the parts openpyxl parses whole: at most
MAX_PARSED_BYTES for an XML part (the text of a plan of 100 pages is well under 1 MB), MAX_STREAMED_BYTES
for a picture, MAX_TOTAL_BYTES for all of them, each inflated in chunks so that a member lying about
its size is stopped at the limit. A DOCTYPE or ENTITY, which Word never writes, is refused outright.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import docx
from docx.document import Document

from oko.spreadsheets.inflate import Package, inflate
from oko.spreadsheets.limits import (
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_PARSED_BYTES,
    MAX_STREAMED_BYTES,
    MAX_TOTAL_BYTES,
    ReadError,
    grouped,
    mb,
)

RESAVE_HINT = "откройте файл в Word или LibreOffice и сохраните заново как «Документ Word (.docx)»"
TRIM_HINT = "оставьте в файле только план (без картинок и приложений) и сохраните его снова"


def open_document(path: Path) -> Document:
    """The python-docx Document of the file, or a ReadError that says in Russian what is wrong."""
    try:
        with path.open("rb") as stream:  # read once: the bytes checked are the bytes parsed
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ReadError("файл не прочитан", hint="проверьте, что это файл и его можно открыть") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(f"файл больше {mb(MAX_FILE_BYTES)} — предел переноса", hint=TRIM_HINT)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("файл не является документом Word (.docx): возможно, это старый формат .doc "
                        "или документ защищён паролем", hint=RESAVE_HINT + " без пароля") from exc
    with archive:
        check_members(archive)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds, all with English text
        raise ReadError("документ повреждён или это не документ Word: Око не смогло его прочитать",
                        hint=RESAVE_HINT) from exc


def check_members(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb before python-docx reads anything: member count, declared and actual sizes, DTDs."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"в документе {grouped(len(members))} частей, больше предела {MAX_MEMBERS}: "
                        "это не похоже на план", hint=RESAVE_HINT)
    total = 0
    for info in members:
        limit = MAX_PARSED_BYTES if info.filename.endswith((".xml", ".rels")) else MAX_STREAMED_BYTES
        if info.file_size > limit:
            raise _too_big(info.filename, limit, f"заявлено {_size(info.file_size)}")
        total += inflate(archive, info, limit, DOCUMENT)
        if total > MAX_TOTAL_BYTES:
            raise ReadError(f"документ после распаковки больше {mb(MAX_TOTAL_BYTES)} — предел переноса",
                            hint=TRIM_HINT)


def _too_big(name: str, limit: int, claimed: str) -> ReadError:
    return ReadError(f"часть документа «{name}» после распаковки больше {mb(limit)} ({claimed}) — "
                     "это предел переноса", hint=TRIM_HINT)


DOCUMENT = Package("части документа", "в документах Word", "документ повреждён: не распаковывается его часть",
                   RESAVE_HINT, lambda name, limit, size: _too_big(name, limit, f"распаковано уже {_size(size)}"))


def _size(size: int) -> str:
    """«5,1 МБ»: one decimal, so that a size just over a limit does not read as the limit itself."""
    return f"{size / 2**20:.1f} МБ".replace(".", ",")
