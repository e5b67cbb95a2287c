"""The deadline corpus: 217 real «сроки» from school, district, regional and federal documents, each with
its expected parse (tests/data/deadlines/corpus.yaml; how it was collected is in its README.md).

Each entry is validated the way a plan validates it — inside a Plan of its `plan_year` when the text
has no year of its own — and the whole reading is compared: the form, every point, every structured
field, and the text with its `<time datetime>` marks. Free text must stay free text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from oko.kinds.plans.model import Plan, PlanItem
from oko.models.deadline import Deadline, DeadlineKind, PartialDate, outside_period, plan_period

CORPUS_FILE = Path(__file__).resolve().parent / "data" / "deadlines" / "corpus.yaml"
CORPUS: list[dict[str, Any]] = yaml.safe_load(CORPUS_FILE.read_text(encoding="utf-8"))
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FIELDS = ("start_year", "end_year", "part", "inclusive", "approximate", "any_day", "period", "by_day",
          "following", "event")


def point_code(point: PartialDate) -> str:
    """«2024-02-14 wed#2», «2024-03 wed#2 working», «2025-10 week#2», «--09-12», «2022-05-19 thu»."""
    code = point.iso()
    if point.weekday is not None:
        code += f" {WEEKDAYS[point.weekday - 1]}" + (f"#{point.nth}" if point.nth is not None else "")
    if point.working:
        code += " working"
    if point.week is not None:
        code += f" week#{point.week}"
    return code


def marked(deadline: Deadline) -> str:
    """The text with each `<time>` written as [text](datetime)."""
    text, out, position = deadline.text, [], 0
    for mark in deadline.marks():
        out += [text[position:mark.start], f"[{text[mark.start:mark.end]}]({mark.iso})"]
        position = mark.end
    return "".join([*out, text[position:]])


def describe(deadline: Deadline) -> dict[str, Any]:
    """The reading of a deadline in the corpus's notation (only what differs from the defaults)."""
    if deadline.kind == DeadlineKind.FREE:
        return {"free_text": True}
    reading: dict[str, Any] = {"form": deadline.kind.value}
    if deadline.points:
        reading["points"] = [point_code(point) for point in deadline.points]
    for name in FIELDS:
        value = getattr(deadline, name)
        if value not in (None, False, ""):
            reading[name] = value
    if deadline.times:
        reading["times"] = [time.strftime("%H:%M") for time in deadline.times]
    for name in ("zone", "relation", "anchor"):
        if getattr(deadline, name) is not None:
            reading[name] = getattr(deadline, name).value
    if deadline.offset is not None:
        reading["offset"] = f"{deadline.offset.amount} {deadline.offset.unit.value}"
    if deadline.marks():
        reading["marked"] = marked(deadline)
    return reading


def read(entry: dict[str, Any]) -> Deadline:
    """The entry's text as a plan item: of a plan of its `plan_year` when it has one."""
    item = {"activity": "Мероприятие", "deadline": entry["text"]}
    if "plan_year" not in entry:
        deadline = PlanItem.model_validate(item).deadline
    else:
        plan = Plan.model_validate({"title": "План", "organisation": "school", "academic_year": entry["plan_year"],
                                    "items": [item]})
        deadline = plan.items[0].deadline
    assert deadline is not None
    return deadline


@pytest.mark.parametrize("entry", CORPUS, ids=[entry["text"] for entry in CORPUS])
def test_corpus_entry_parses_as_expected(entry: dict[str, Any]) -> None:
    deadline = read(entry)
    expected = {key: value for key, value in entry["expect"].items() if key != "why"}
    assert describe(deadline) == expected
    assert deadline.problem() == ""


@pytest.mark.parametrize("entry", [e for e in CORPUS if "plan_year" in e], ids=lambda entry: entry["text"])
def test_corpus_dates_fall_inside_their_plan_year(entry: dict[str, Any]) -> None:
    plan = Plan.model_validate({"title": "План", "organisation": "school", "academic_year": entry["plan_year"],
                                "items": [{"activity": "Мероприятие", "deadline": entry["text"]}]})
    deadline = plan.items[0].deadline
    assert deadline is not None
    assert outside_period(deadline, plan_period(plan.time_frame)) == ""


def test_corpus_is_real_and_complete() -> None:
    """≥ 150 distinct strings, each with a source, an expectation, and a reason when it stays free text."""
    texts = [entry["text"] for entry in CORPUS]
    assert len(texts) == len(set(texts)) == 217
    for entry in CORPUS:
        assert entry["source"].strip() and entry["document"].strip(), entry
        assert "expect" in entry, entry["text"]
        assert ("why" in entry["expect"]) == bool(entry["expect"].get("free_text")), entry["text"]


def test_corpus_counts() -> None:
    """What the grammar reads today: 209 structured, 8 deliberately free (the regex parser read 125 and 92)."""
    free = [entry["text"] for entry in CORPUS if entry["expect"].get("free_text")]
    assert (len(CORPUS) - len(free), len(free)) == (209, 8)
