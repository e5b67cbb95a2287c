"""The kinds the engine ships: each is one package beside this module."""

from __future__ import annotations

from oko.kind import Kind
from oko.kinds.criteria.kind import KIND as CRITERIA
from oko.kinds.demos.kind import KIND as DEMOS
from oko.kinds.documents.kind import KIND as DOCUMENTS
from oko.kinds.food.kind import KIND as FOOD
from oko.kinds.news.kind import KIND as NEWS
from oko.kinds.organisations.kind import KIND as ORGANISATIONS
from oko.kinds.pages.kind import KIND as PAGES
from oko.kinds.plans.kind import KIND as PLANS
from oko.kinds.results.kind import KIND as RESULTS
from oko.kinds.schedule.kind import KIND as SCHEDULE
from oko.kinds.sveden.kind import KIND as SVEDEN
from oko.kinds.vpr.kind import KIND as VPR

BUILTIN_KINDS: tuple[Kind, ...] = (ORGANISATIONS, PLANS, PAGES, SCHEDULE, DOCUMENTS, SVEDEN, FOOD, CRITERIA, DEMOS,
                                   VPR, RESULTS, NEWS)
