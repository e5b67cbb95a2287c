"""The registered content kinds: the built-in ones, and any a caller adds (a test, a district's build).

The registry is the list of what the engine knows: content/ folders, URL sections, schemas, forms.
Kinds run in `order`, then by name, so every build sees them the same way.
"""

from __future__ import annotations

from oko.kind import Kind
from oko.kinds.builtin import BUILTIN_KINDS

_added: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind; its name must be new."""
    if kind.name in {k.name for k in registered()}:
        raise ValueError(f"a kind named {kind.name!r} is already registered")
    _added[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind added by `register` (the built-in ones stay)."""
    del _added[name]


def registered() -> tuple[Kind, ...]:
    return tuple(sorted((*BUILTIN_KINDS, *_added.values()), key=lambda kind: (kind.order, kind.name)))


def content_paths() -> list[str]:
    """Everything the registered kinds own under content/, and content/files (published when linked)."""
    return sorted({"files", *(path for kind in registered() for path in kind.paths)})
