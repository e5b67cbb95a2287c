"""One row of `check --report`: a requirement or a finding, its result, where to fix it (oko/report.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["ok", "warning", "error"]


@dataclass(frozen=True)
class Row:
    area: str
    requirement: str
    status: Status
    where: str = ""
    detail: str = ""
