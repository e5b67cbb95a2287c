"""Rules for demo versions: safe addresses, files that exist, never a real ВПР variant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.demos import demos
from oko.project import Project
from oko.sources import DataPath

RULE_CODES = {
    "demos.https": "внешние материалы — только по адресам https://",
    "demos.file": "файл материала есть в content/files",
    "demos.variant": "реальные варианты ВПР (КИМ) не публикуются",
}
# Письмо Рособрнадзора от 18.04.2025 № 02-86: no real ВПР tasks or variants online (regulations.md §7).
VARIANT_NAME = re.compile(r"вариант|variant|(?<![a-zа-я])(kim|ким)(?![a-zа-я])", re.IGNORECASE)


def demo_materials_are_safe(project: Project) -> Iterator[Issue]:
    """https only, local files exist, nothing named like a real variant."""
    for entry in demos(project).values():
        for d_index, demo in enumerate(entry.model.demos):
            for m_index, material in enumerate(demo.materials):
                path: DataPath = ("demos", d_index, "materials", m_index)
                if material.url and not material.url.startswith("https://"):
                    yield entry.doc.issue(f"адрес «{material.url}» не защищён: нужен https://", (*path, "url"),
                                          hint="официальные сайты (fioco.ru, fipi.ru) открываются по https",
                                          code="demos.https")
                if material.file and material.file not in project.files:
                    yield entry.doc.issue(f"файл «{material.file}» не найден в content/files", (*path, "file"),
                                          code="demos.file", hint="положите файл в content/files или исправьте имя")
    for path in project.files:
        if VARIANT_NAME.search(path.rsplit("/", 1)[-1]):
            yield Issue("warning", f"content/{path}", "имя файла похоже на вариант КИМ: реальные варианты ВПР "
                        "публиковать нельзя (письмо Рособрнадзора от 18.04.2025 № 02-86)",
                        hint="публикуйте только демоверсии и описания ФИОКО", code="demos.variant")
