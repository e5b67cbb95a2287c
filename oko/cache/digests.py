"""Digests of values for cache keys: pickles that depend on the values only, in which a value shared by many
keys (a model, a whole schedule) is pickled once and stands in the others by its digest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from oko.cache.store import active, digest

T = TypeVar("T")


def cached(label: object, value: Any, make: Callable[[], T]) -> T:
    """make() — from the active build cache while `value`, everything make() reads, digests the same."""
    cache = active()
    if cache is None:
        return make()
    try:
        key = digest(label, SharedDigests().dumps(value))
    except Exception:  # something in it cannot be pickled: made afresh
        return make()
    hit = cache.get(key)
    if hit is not None:
        return hit
    made = make()
    cache.put(key, made)
    return made


class SharedDigests:
    """Pickles in which every model, mapping or long list appears once: by its digest after the first time.

    Memoized by identity, so valid only while the objects live unchanged (one build's key phase).
    """

    def __init__(self) -> None:
        self.memo: dict[int, tuple[Any, bytes]] = {}  # id → (the object, kept alive; its digest)

    def dumps(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        _KeyPickler(buffer, self, None).dump(value)
        return buffer.getvalue()

    def shared_id(self, value: Any, kind: type) -> bytes | None:
        """The persistent id of a value of a type that is not plain (see _KeyPickler.persistent_id)."""
        if kind in (set, frozenset):  # members in insertion order, which varies: sorted (by their pickle)
            members = sorted(self.dumps(member) for member in value)
            return kind.__name__.encode() + hashlib.sha256(b"\0".join(members)).digest()
        if not _shared(value):
            return None
        known = self.memo.get(id(value))
        if known is None:
            inner = io.BytesIO()
            # a model by its class's name and its state: classes made by create_model (the «Сведения»
            # sections, from the engine's own spec) cannot be pickled by reference
            _KeyPickler(inner, self, value).dump((kind.__module__, kind.__qualname__, value.__getstate__())
                                                 if isinstance(value, BaseModel) else value)
            known = (value, hashlib.sha256(inner.getvalue()).digest())
            self.memo[id(value)] = known
        return known[1]


_RULES: dict[type, str] = {}  # a type → "model", "sized" (shared when long) or "plain"; asked millions of times


def _shared(value: Any) -> bool:
    """Worth a digest of its own: a model, a dataclass (a schedule's placed procedures, shared by the pages
    of every class), a long list or mapping."""
    kind = type(value)
    rule = _RULES.get(kind)
    if rule is None:
        rule = _RULES[kind] = ("sized" if issubclass(kind, list | dict)
                               else "model" if issubclass(kind, BaseModel) or dataclasses.is_dataclass(kind)
                               else "plain")
    return rule == "model" or (rule == "sized" and len(value) >= 8)


# Values pickled as they are, never by a digest: by far the most of what a key holds, so tested first.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes, tuple, dt.date, dt.datetime})


class _KeyPickler(pickle.Pickler):
    """A pickle that depends on values only, for keys: no memo, else two equal strings pickle differently
    when one object is shared (as a parser interns them) than when they are two (sets: see above). Shared
    values stand by their digests, except `outer`, the value whose own digest this pickle is for."""

    def __init__(self, file: io.BytesIO, digests: SharedDigests, outer: Any) -> None:
        super().__init__(file, 5)
        self.fast = True  # no memo; a cyclic value raises, and its page is simply not cached
        self.digests, self.outer = digests, outer

    def persistent_id(self, value: Any) -> bytes | None:  # called by pickle for every object it meets
        kind = type(value)
        if kind in _PLAIN or value is self.outer:
            return None
        return self.digests.shared_id(value, kind)
