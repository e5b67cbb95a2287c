"""No person's data on the public site: СНИЛС, passports, personal ИНН, mobile phones, e-mails, names with birth dates.

Personal data is published only with the person's written consent (152-ФЗ «О персональных данных», ст. 6 and
10.1), and an organisation's site must publish its information in line with that law (ПП РФ № 1802, п.19).
Every text value of every content file and every Markdown body is searched (oko/personal_patterns.py); each
finding is an error at the value's own line and column, with the value masked (CI logs are public too).

What the law requires to be public is exempt by its field, not by a switch: fields marked `PublicByLaw` in the
models (contacts, staff names and positions of «Сведения», MR v9) skip findings of their kinds. The organisation's
own contacts («Основные сведения»: telephone, email) and addresses on its own domain (its website, base_url) are
not a person's. Any other exception is one value in one file, with a reason, in site_config.yaml
`personal_data_allowed`; `check --report` lists each, and one that matches nothing is a warning.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from oko.config import PersonalDataAllowance
from oko.errors import Issue
from oko.kind import Kind
from oko.kinds.organisations import owner as site_owner
from oko.kinds.sveden import sveden
from oko.models.common import PublicByLaw
from oko.personal_patterns import (
    EMAIL,
    KIND_NAMES,
    PHONE,
    Finding,
    blot,
    find_personal_data,
    mask,
    mask_any,
    normalised,
)
from oko.project import Entry, Project
from oko.registry import registered
from oko.rules.locate import Locator
from oko.sources import DataPath, Position, SourceDoc

RULE_CODES = {
    "personal_data.snils": "в содержимом нет СНИЛС (152-ФЗ)",
    "personal_data.passport": "в содержимом нет номеров паспортов (152-ФЗ)",
    "personal_data.inn": "в содержимом нет ИНН физических лиц (152-ФЗ)",
    "personal_data.phone": "в содержимом нет личных номеров мобильных телефонов (152-ФЗ)",
    "personal_data.email": "в содержимом нет личных адресов электронной почты (152-ФЗ)",
    "personal_data.name_birth": "в содержимом нет ФИО с датой рождения (152-ФЗ)",
    "personal_data.unused_allowance": "каждое разрешение personal_data_allowed относится к найденному значению",
}
# Findings stay errors whatever `rules:` says: a value is allowed one by one, never a whole kind (oko/rules/__init__).
LOCKED_CODES = frozenset(f"personal_data.{kind}" for kind in KIND_NAMES)
ALLOWANCES_KEY = "personal_data_allowed"

_WHAT_TO_DO = {
    "snils": "удалите номер: СНИЛС человека на сайте не публикуется",
    "passport": "удалите номер: паспортные данные на сайте не публикуются",
    "inn": "удалите номер: ИНН человека на сайте не публикуется (ИНН организации — 10 цифр — можно)",
    "phone": "укажите телефон организации из «Основных сведений» или удалите номер",
    "email": "укажите адрес организации из «Основных сведений» (или адрес на её домене) либо удалите адрес",
    "name_birth": "уберите дату рождения: для школьного сайта достаточно ФИО и класса, а лучше — только класса",
}


@dataclass
class AllowanceUse:
    """One entry of `personal_data_allowed`: where it is declared and the places it covers (empty: stale)."""

    index: int
    allowance: PersonalDataAllowance
    declared_at: str  # «site_config.yaml:12:14»
    kind: str = ""
    places: list[str] = field(default_factory=list)

    @property
    def masked(self) -> str:
        return mask(self.kind, self.allowance.value) if self.kind else mask_any(self.allowance.value)


@dataclass
class _Scan:
    issues: list[Issue]
    uses: list[AllowanceUse]


def check_personal_data(project: Project, kinds: Iterable[Kind] | None = None) -> list[Issue]:
    """Errors for every suspected value, and a warning for every allowance that covers none."""
    kinds = registered() if kinds is None else tuple(kinds)
    scan = _scan(project, kinds)
    return [*scan.issues, *_unused_allowances(project, scan.uses, kinds)]


def allowance_uses(project: Project, kinds: Iterable[Kind] | None = None) -> list[AllowanceUse]:
    """Every allowance with the places it covers, for `check --report`."""
    return _scan(project, registered() if kinds is None else tuple(kinds)).uses


def _scan(project: Project, kinds: tuple[Kind, ...]) -> _Scan:
    uses = _declared_allowances(project)
    own = _OwnContacts.of(project)
    issues: list[Issue] = []
    for doc, model in _sources(project, kinds):
        locator = Locator(doc)
        for path, text, public in _texts(_published(doc), (model,), (), frozenset()):
            for finding in find_personal_data(text):
                if finding.kind not in public and not own.covers(finding):
                    at = locator.in_value(path, text, finding)
                    issues += _report(doc, finding, path, at, uses)
        if doc.body:
            for finding in find_personal_data(doc.body):
                if not own.covers(finding):
                    issues += _report(doc, finding, (), locator.in_body(finding), uses)
    return _Scan(issues, uses)


def _report(doc: SourceDoc, finding: Finding, path: DataPath, at: Position,
            uses: list[AllowanceUse]) -> list[Issue]:
    """An error, unless an allowance names this value in this file (then the allowance records the place)."""
    key = normalised(finding.kind, finding.value)
    covering = [use for use in uses if use.allowance.file == doc.file
                and normalised(finding.kind, use.allowance.value) == key]
    if covering:
        for use in covering:
            use.kind = use.kind or finding.kind
            use.places.append(f"{doc.file}:{at.line}:{at.column}")
        return []
    hint = (f"{_WHAT_TO_DO[finding.kind]}. Почему: персональные данные публикуются только с письменного согласия "
            f"человека (152-ФЗ, ст. 6 и 10.1; ПП РФ № 1802, п.19). Если публикация законна, разрешите это значение "
            f'в site_config.yaml: {ALLOWANCES_KEY}: [{{value: "…", file: "{doc.file}", reason: "…"}}]')
    message = f"похоже на {KIND_NAMES[finding.kind]}: «{mask(finding.kind, finding.value)}»"
    return [_blotted(doc.issue(message, path, at=at, hint=hint, code=f"personal_data.{finding.kind}"))]


def _blotted(issue: Issue) -> Issue:
    """The source line shown under a message would print the value in full: its digits and e-mails are starred."""
    return dataclasses.replace(issue, snippet=blot(issue.snippet))


def without_personal_data(issue: Issue) -> Issue:
    """Any rule's issue: a source line that holds something personal is shown blotted."""
    return _blotted(issue) if issue.snippet and find_personal_data(issue.snippet) else issue


def _sources(project: Project, kinds: Iterable[Kind]) -> Iterator[tuple[SourceDoc, type[BaseModel]]]:
    """Every validated content file, and site_config.yaml: its title and description are on every page."""
    if project.config is not None and project.config_doc is not None:
        yield project.config_doc, type(project.config)
    for entry in _entries(project, kinds):
        yield entry.doc, type(entry.model)


def _published(doc: SourceDoc) -> Any:
    """The data to search: the allowances themselves hold the allowed values, so they are left out."""
    if isinstance(doc.data, dict) and ALLOWANCES_KEY in doc.data:
        return {key: value for key, value in doc.data.items() if key != ALLOWANCES_KEY}
    return doc.data


def _entries(project: Project, kinds: Iterable[Kind]) -> Iterator[Entry[Any]]:
    """Every validated content file, of every kind."""
    for kind in kinds:
        yield from kind.entries(project)


def _texts(data: Any, models: tuple[type[BaseModel], ...], path: DataPath,
           public: frozenset[str]) -> Iterator[tuple[DataPath, str, frozenset[str]]]:
    """Every text (and number) in the data, with the kinds its field (or an enclosing one) makes public."""
    if isinstance(data, dict):
        for key, value in data.items():
            kinds, children = _field(models, str(key))
            yield from _texts(value, children, (*path, key), public | kinds)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _texts(item, models, (*path, index), public)
    elif isinstance(data, str | int | float) and not isinstance(data, bool):
        yield path, str(data), public


@cache
def _field(models: tuple[type[BaseModel], ...], key: str) -> tuple[frozenset[str], tuple[type[BaseModel], ...]]:
    """The public kinds of a field (its PublicByLaw markers) and the models its values may be."""
    for model in models:
        info = model.model_fields.get(key)
        if info is not None:
            markers = [m for m in (*info.metadata, *_metadata(info.annotation)) if isinstance(m, PublicByLaw)]
            return frozenset(kind for m in markers for kind in m.kinds), tuple(_models_in(info.annotation))
    return frozenset(), ()


def _metadata(annotation: Any) -> list[Any]:
    """Annotated metadata at any depth of Optional/Union/Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return [*extra, *_metadata(inner)]
    if origin is not None:
        return [item for arg in typing.get_args(annotation) for item in _metadata(arg)]
    return []


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a value of this annotation may be: inside Optional, Union, Annotated, lists and dicts."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


@dataclass
class _OwnContacts:
    """The site owner's own phones, addresses and mail domains: the organisation's, not a person's."""

    phones: frozenset[str]
    emails: frozenset[str]
    domains: frozenset[str]

    @classmethod
    def of(cls, project: Project) -> _OwnContacts:
        common = sveden(project).get("common")
        contacts = " ".join(str(getattr(common.model, name, None) or "") for name in ("telephone", "email")) \
            if common else ""
        owner = site_owner(project)
        sites = [owner.model.website if owner else None, project.config.base_url if project.config else None]
        domains = {_host(site) for site in sites if site}
        return cls(frozenset(normalised("phone", m.group()) for m in PHONE.finditer(contacts)),
                   frozenset(normalised("email", m.group()) for m in EMAIL.finditer(contacts)),
                   frozenset(domain for domain in domains if domain))

    def covers(self, finding: Finding) -> bool:
        if finding.kind == "phone":
            return normalised("phone", finding.value) in self.phones
        if finding.kind == "email":
            address = normalised("email", finding.value)
            domain = address.rpartition("@")[2]
            return address in self.emails or any(domain == d or domain.endswith("." + d) for d in self.domains)
        return False


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold()
    return host.removeprefix("www.")


def _declared_allowances(project: Project) -> list[AllowanceUse]:
    config, doc = project.config, project.config_doc
    if config is None or doc is None:
        return []
    uses = []
    for index, allowance in enumerate(config.personal_data_allowed):
        at = doc.position((ALLOWANCES_KEY, index, "value"))
        uses.append(AllowanceUse(index, allowance, f"{doc.file}:{at.line}:{at.column}" if at else doc.file))
    return uses


def _unused_allowances(project: Project, uses: list[AllowanceUse], kinds: tuple[Kind, ...]) -> Iterator[Issue]:
    if project.config_doc is None:
        return
    files = {doc.file for doc, _model in _sources(project, kinds)}
    for use in uses:
        if use.places:
            continue
        file = use.allowance.file
        where = f"в «{file}»" if file in files else f"файла «{file}» нет среди файлов содержимого, и"
        yield _blotted(project.config_doc.issue(
            f"разрешение не понадобилось: {where} нет значения «{use.masked}», похожего на персональные данные",
            (ALLOWANCES_KEY, use.index, "value"), level="warning", code="personal_data.unused_allowance",
            hint="разрешение действует только на своё значение в своём файле: исправьте value и file "
                 "или удалите запись, если значения больше нет"))
