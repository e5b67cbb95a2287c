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


# What the built-in kinds read, by kind name, where it is not content/<folder>/*<suffix>: glob patterns by
# path segment under content/, «**» for any depth (oko/unknown_content.py reports everything else).
LAYOUTS: dict[str, tuple[str, ...]] = {
    "documents": ("documents.yaml",),
    "food": ("food/**",),  # the menus of school meals, published as they are (any file the kind lists)
    "results": ("results/*/*.yaml", "results/*.yaml"),  # a file outside a year folder: the loader's own error
    "schedule": ("schedules/*/*.yaml",),
    "sveden": ("sveden/*.yaml",),  # a file that is no subsection: the loader's own error, with its did-you-mean
}


def content_layouts(kinds: tuple[Kind, ...] | None = None) -> list[str]:
    """Every file pattern under content/ the kinds read, and content/files/** (published when linked).

    A kind may declare its own `layout`; one without a known layout owns its paths whole.
    """
    patterns = ["files/**"]
    for kind in registered() if kinds is None else kinds:
        declared = getattr(kind, "layout", None) or LAYOUTS.get(kind.name)
        if declared:
            patterns += declared
        elif kind.folder and kind.model is not None:
            patterns.append(f"{kind.folder}/*{kind.suffix}")
        else:
            patterns += [f"{path}/**" if "." not in path else path for path in kind.paths]
    return sorted(dict.fromkeys(patterns))
