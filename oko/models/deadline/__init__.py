"""Deadlines of plan items («Сроки»), as Russian official documents write them, parsed into a typed form.

The grammar (grammar.lark, LALR) was grown from a corpus of real deadline strings
(tests/data/deadlines/corpus.yaml). Text that matches no rule is kept verbatim as a free-text
deadline (a warning, see rules). Modules: lexicon (words), lexer (tokens), grammar.lark, build and
forms (tree → fields), parts and model (the types), days (calendar), period (the plan's period check).
"""

from oko.models.deadline.build import ImpossibleDateError
from oko.models.deadline.model import Deadline
from oko.models.deadline.parse import DEADLINE_HINT, DeadlineField, parse_deadline, read_deadline
from oko.models.deadline.parts import (
    Anchor,
    DeadlineKind,
    Mark,
    Offset,
    OffsetUnit,
    PartialDate,
    Relation,
    Span,
    Zone,
)
from oko.models.deadline.period import PlanPeriod, heading_years, outside_period, plan_period, years_period
from oko.ru import MONTHS_NOMINATIVE

__all__ = [
    "DEADLINE_HINT", "MONTHS_NOMINATIVE", "Anchor", "Deadline", "DeadlineField", "DeadlineKind",
    "ImpossibleDateError", "Mark", "Offset", "OffsetUnit", "PartialDate", "PlanPeriod", "Relation", "Span",
    "Zone", "heading_years", "outside_period", "parse_deadline", "plan_period", "read_deadline", "years_period",
]
