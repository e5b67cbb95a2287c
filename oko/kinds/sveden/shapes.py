"""The rule `sveden.shape`: a repeated attribute written as one text (the first shape) is an error with its list.

A form holds a repeated attribute (addressPlaceSet, eduPr …) as a list: «нет» or one address written as
text came back from a save as an empty list, and the page then had no `itemprop` at all. So the file
writes a list; an optional one with nothing in it is left out (or written []), and the page shows
«отсутствует» with its itemprop, as MR v9 (footnote 2 of table 3.2.1) asks. The model still reads the
text, so the rest of the file is checked; this rule fails the build at its key (as oko/old_shapes.py hints).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oko.errors import Issue
from oko.kinds.sveden import sveden
from oko.kinds.sveden.model import SvedenPage, is_absent
from oko.old_shapes import flow
from oko.project import Entry, Project
from oko.sources import DataPath
from oko.sveden_spec import SUBSECTIONS, Attr

CODE = "sveden.shape"


def _hint(attr: Attr, value: Any) -> str:
    if attr.optional and is_absent(value):
        return f"если сведений нет, не пишите поле {attr.name} (или {attr.name}: []): на странице будет «отсутствует»"
    return f"теперь список: {attr.name}: {flow([value])}"


def _texts(entry: Entry[SvedenPage], attributes: tuple[Attr, ...], path: DataPath, raw: Any) -> Iterator[Issue]:
    if not isinstance(raw, dict):
        return
    for attr in attributes:
        value = raw.get(attr.name)
        if attr.kind == "group":
            items = value if isinstance(value, list) else [value]
            for index, item in enumerate(items):
                where = (*path, attr.name, index) if isinstance(value, list) else (*path, attr.name)
                yield from _texts(entry, attr.children, where, item)
        elif attr.many and value is not None and not isinstance(value, list):
            yield entry.doc.issue(f"«{attr.label}» — список, а записан текстом", (*path, attr.name), key=True,
                                  code=CODE, hint=_hint(attr, value))


def old_shapes(project: Project) -> Iterator[Issue]:
    """Each repeated attribute written as text, in every subsection file, located at its key."""
    for subsection in SUBSECTIONS:
        entry = sveden(project).get(subsection.slug)
        if entry is not None:
            yield from _texts(entry, subsection.attributes, (), entry.doc.data)
