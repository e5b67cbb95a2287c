"""Files published from content/files: what they are (format, size) and the rules they follow."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_ALLOWED = ("pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "odp", "pptx", "rtf", "txt", "csv",
                   "jpg", "jpeg", "png", "gif", "svg", "webp", "zip", "sig")
DEFAULT_MAX_MB = 15


@dataclass(frozen=True)
class FileInfo:
    """A published file as a visitor should see it announced: «PDF, 1,2 МБ» (1493 п.4: purpose and format)."""

    path: str  # relative to content/, e.g. "files/ustav.pdf"
    size: int

    @property
    def extension(self) -> str:
        return Path(self.path).suffix.lstrip(".").lower()

    @property
    def format(self) -> str:
        return self.extension.upper() or "файл"

    @property
    def human_size(self) -> str:
        return human_size(self.size)

    @property
    def label(self) -> str:
        return f"{self.format}, {self.human_size}"


def human_size(size: int) -> str:
    """«812 байт», «35 КБ», «1,2 МБ» (decimal comma, as Russian writes it)."""
    if size < 1024:
        return f"{size} байт"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} КБ"
    return f"{size / 1024 / 1024:.1f} МБ".replace(".", ",")


def collect_files(content: Path, folder: str) -> dict[str, FileInfo]:
    """Every file under content/<folder> (hidden files skipped), by content-relative path."""
    directory = content / folder
    if not directory.is_dir():
        return {}
    return {
        path.relative_to(content).as_posix(): FileInfo(path.relative_to(content).as_posix(), path.stat().st_size)
        for path in sorted(directory.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    }
