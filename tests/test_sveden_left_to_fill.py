"""A main tag left to fill: `oko init`'s empty keys, and the same item saved from a form (`- {}`)."""

from __future__ import annotations

import pytest

from oko.kinds.sveden.model import left_to_fill


@pytest.mark.parametrize(("value", "expected"), [
    ([{"fio": None, "post": None}], True),  # oko init's checklist
    ([{}], True),  # the checklist after a form save or `build.py fmt`: empty fields are not written
    ({}, True),
    ([{}, {"fio": None}], True),
    ([{}, {"fio": "Иванова Анна Борисовна"}], False),  # one item filled in: the tag is not left to fill
    ([{"fio": "Иванова Анна Борисовна", "post": None}], False),
    ([], False),  # no item at all: «отсутствует», not «не заполнено»
    ("отсутствует", False),
])
def test_left_to_fill(value: object, expected: bool) -> None:
    assert left_to_fill(value) is expected
