"""Completeness of «Сведения об образовательной организации»: what is missing, stale or unsigned.

Missing data is a warning (the site still builds; `--strict` makes it fail), located at the file and
line where it should be added. Sources: order 1493 (п.6–20, 27), MR v9 tables (oko/sveden_spec.py),
ПП РФ № 1802 п.16 and ч.3 ст.29 273-ФЗ (10 working days), Разъяснения 2024 (signatures).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.documents import registry
from oko.kinds.documents.model import UNSIGNED_KINDS
from oko.kinds.sveden import has_sveden, sveden
from oko.kinds.sveden.model import SvedenPage, document_refs, is_absent
from oko.project import Entry, Project
from oko.sources import DataPath
from oko.sveden_spec import SUBSECTIONS, Attr

RULE_CODES = {
    "sveden.missing_subsection": "есть файл каждого подраздела «Сведений»",
    "sveden.missing": "заполнены все обязательные сведения подраздела",
    "sveden.unknown_document": "ссылки на документы ведут в реестр content/documents.yaml",
    "sveden.unsigned": "документы, которые школа составляет сама, подписаны электронной подписью",
    "sveden.stale": "сведения обновлены на сайте не позднее 10 рабочих дней после изменения",
    "sveden.shape": "повторяющиеся сведения (адреса, документы) записаны списком, а не текстом (shapes.py)",
}
MAX_WORKING_DAYS = 10  # ПП РФ № 1802 п.16; ч.3 ст.29 273-ФЗ
# Non-working public holidays (ТК РФ ст.112); the government's yearly day transfers are not modelled.
PUBLIC_HOLIDAYS = {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (Mon–Fri, not a public holiday)."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and (day.month, day.day) not in PUBLIC_HOLIDAYS:
            days += 1
    return days


def subsections_present(project: Project) -> Iterator[Issue]:
    for subsection in SUBSECTIONS:
        if subsection.slug not in sveden(project) and f"sveden/{subsection.file}.yaml" not in project.invalid:
            yield Issue("warning", f"content/sveden/{subsection.file}.yaml",
                        f"нет файла подраздела «{subsection.title}»",
                        hint=f"создайте файл по образцу из README (приказ № 1493, {subsection.order_item})",
                        code="sveden.missing_subsection")


def required_data_present(project: Project) -> Iterator[Issue]:
    for subsection in SUBSECTIONS:
        entry = sveden(project).get(subsection.slug)
        if entry is not None:
            yield from _missing_in(entry, subsection.attributes, (), entry.model, entry.doc.data)


def _missing_in(entry: Entry[SvedenPage], attributes: tuple[Attr, ...], path: DataPath,
                values: object, raw: object) -> Iterator[Issue]:
    """Required data not written, and any key written with no value (the «to fill» form of `oko init`)."""
    for attr in attributes:
        if not attr.school:
            continue
        value = getattr(values, attr.name, None)
        written = isinstance(raw, dict) and attr.name in raw
        raw_value = raw.get(attr.name) if isinstance(raw, dict) else None
        if value is None:
            if written and raw_value is None:
                yield _to_fill(entry, attr, (*path, attr.name))
            elif written and attr.kind == "group":  # items with every key left empty (model.left_to_fill)
                yield _to_fill(entry, attr, (*path, attr.name))
                for item_path, raw_item in _items(raw_value, (*path, attr.name)):
                    yield from _missing_in(entry, attr.children, item_path, None, raw_item)
            elif not written and not attr.optional:
                yield entry.doc.issue(
                    f"нет сведений «{attr.label}» (itemprop «{attr.name}»)", (*path, attr.name),
                    hint=f"добавьте строку «{attr.name}: …»; если сведений нет — «{attr.name}: не предусмотрено»",
                    level="warning", code="sveden.missing")
            continue
        if attr.kind == "group":
            items = value if isinstance(value, list) else [value]
            for (item_path, raw_item), item in zip(_items(raw_value, (*path, attr.name)), items, strict=False):
                if any(getattr(item, child.name, None) is not None for child in attr.children) or (
                        isinstance(raw_item, dict) and bool(raw_item)):
                    yield from _missing_in(entry, attr.children, item_path, item, raw_item)


def _items(raw_value: object, path: DataPath) -> list[tuple[DataPath, object]]:
    if isinstance(raw_value, list):
        return [((*path, index), item) for index, item in enumerate(raw_value)]
    return [(path, raw_value)]


def _to_fill(entry: Entry[SvedenPage], attr: Attr, path: DataPath) -> Issue:
    example = f" ({attr.note})" if attr.note and len(attr.note) <= 80 else ""
    absent = "«нет»" if attr.optional else "«не предусмотрено»"
    return entry.doc.issue(
        f"не заполнено: «{attr.label}» (itemprop «{attr.name}»)", path, key=True, level="warning",
        hint=f"впишите сведения после «{attr.name}:»{example}; если их нет — {absent}", code="sveden.missing")


def document_references_exist(project: Project) -> Iterator[Issue]:
    """Every document a subsection names is in the registry (or is declared absent)."""
    documents = registry(project)
    ids = [d.id for d in documents.model.documents] if documents else []
    for subsection in SUBSECTIONS:
        entry = sveden(project).get(subsection.slug)
        if entry is None:
            continue
        for path, ref in document_refs(subsection.attributes, (), entry.model):
            if ref not in ids and not is_absent(ref):
                close = difflib.get_close_matches(ref, ids, n=1, cutoff=0.6)
                yield entry.doc.issue(
                    f"документа «{ref}» нет в content/documents.yaml", path,
                    hint=f"возможно, вы имели в виду «{close[0]}»" if close else "добавьте документ в реестр",
                    code="sveden.unknown_document")


def documents_signed(project: Project) -> Iterator[Issue]:
    """Documents the school drafts are published signed (ПП 1802 п.18; 1493 п.8е); not the устав etc."""
    entry = registry(project)
    if entry is None:
        return
    for index, document in enumerate(entry.model.documents):
        if document.kind not in UNSIGNED_KINDS and document.signature is None and document.file:
            yield entry.doc.issue(
                f"«{document.title}»: нет сведений об электронной подписи", ("documents", index, "title"),
                hint="добавьте signature: {signer, position, date}", level="warning", code="sveden.unsigned")


def updated_in_time(project: Project) -> Iterator[Issue]:
    """Data changed on `changed` must be on the site within 10 working days (`updated`)."""
    for subsection in SUBSECTIONS:
        entry = sveden(project).get(subsection.slug)
        if entry is None or entry.model.changed is None or entry.model.updated is None:
            continue
        lag = working_days_between(entry.model.changed, entry.model.updated)
        if lag > MAX_WORKING_DAYS:
            yield entry.doc.issue(
                f"«{subsection.title}»: сведения обновлены через {lag} рабочих дней после изменения, "
                f"а нужно не позднее {MAX_WORKING_DAYS}", ("updated",), level="warning", code="sveden.stale",
                hint="ПП РФ № 1802 п.16: обновлять не позднее 10 рабочих дней")


def check_sveden(project: Project) -> list[Issue]:
    if not has_sveden(project):
        return []
    from oko.kinds.sveden.shapes import old_shapes  # shapes.py reads is_absent from model.py, as this module

    return [*old_shapes(project), *subsections_present(project), *required_data_present(project),
            *document_references_exist(project), *documents_signed(project), *updated_in_time(project)]

