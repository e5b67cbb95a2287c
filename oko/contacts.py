"""The school's contacts for every page's footer, from «Основные сведения» (content/sveden/common.yaml).

ПП РФ № 1802 п.12«а» and 1493 п.7 put the address, the working hours, the telephones and the e-mail on the
official site; a parent looks for them at the foot of any page (Госвеб school-site templates), so the
footer repeats them with tel: and mailto: links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oko.kinds.sveden import sveden
from oko.project import Project


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Contacts:
    address: str | None
    hours: str | None
    phones: tuple[Link, ...]
    emails: tuple[Link, ...]


# «(8412) 61-23-45; 61-23-46» (MR v9: «(код населённого пункта) номер1; номер2»): a later number without its
# own code takes the first one's.
_CODE = re.compile(r"^\s*(\+7|8)?\s*\((\d{3,5})\)")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def phone_links(value: str) -> tuple[Link, ...]:
    """Each number of a «;»-separated list with a tel: link in the international form (RFC 3966)."""
    links: list[Link] = []
    code = ""
    for part in (p.strip() for p in value.split(";")):
        if not part:
            continue
        match = _CODE.match(part)
        if match:
            code = match.group(2)
            number = _digits(part[match.end():])
        elif _digits(part).startswith(("7", "8")) and len(_digits(part)) == 11:
            links.append(Link(part, "tel:+7" + _digits(part)[1:]))
            continue
        else:
            number = _digits(part)
        if not number:
            continue
        shown = part if match or not code else f"({code}) {part}"
        links.append(Link(shown, f"tel:+7{code}{number}" if len(code + number) == 10 else f"tel:{code}{number}"))
    return tuple(links)


def email_links(value: str) -> tuple[Link, ...]:
    return tuple(Link(e, f"mailto:{e}") for e in (p.strip() for p in value.split(";")) if "@" in e)


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v)
    return str(value).strip() if value else None


def school_contacts(project: Project) -> Contacts | None:
    """The contacts of «Основные сведения», or None when the section has no such file."""
    entry = sveden(project).get("common")
    if entry is None:
        return None
    model = entry.model
    phones, emails = _text(getattr(model, "telephone", None)), _text(getattr(model, "email", None))
    contacts = Contacts(_text(getattr(model, "address", None)), _text(getattr(model, "workTime", None)),
                        phone_links(phones) if phones else (), email_links(emails) if emails else ())
    return contacts if contacts.address or contacts.phones or contacts.emails else None
