"""A pytest plugin that scripts/mutation.py loads into mutmut's test runs: oko's functools caches start empty
for every test.

mutmut runs every test once for its stats and then forks one process per mutant from that process, so a cache
filled then (read_deadline, the personal-data field table, the class-text parser …) would answer for the
mutated code and hide its mutants. The LALR parser of deadlines is kept: building it takes seconds, and it holds
lark's tables, not our rules (its own few mutants, in parser() and grammar_text(), are listed in
docs/mutation.md).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

KEEP = frozenset({"oko.models.deadline.parse.parser"})


@pytest.fixture(autouse=True)
def _oko_caches_start_empty() -> Iterator[None]:
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "oko" or name.startswith("oko.")):
            continue
        for attribute, value in list(vars(module).items()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and f"{name}.{attribute}" not in KEEP:
                clear()
    yield
