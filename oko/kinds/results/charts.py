"""Static SVG bar charts of results: geometry computed here in whole units, drawn by partials/results_chart.html.

No JavaScript and no floats in the markup (deterministic bytes): every coordinate is an integer of the
viewBox; the picture scales to the width of the page (width 100 %), colours come from the theme's classes
(style.css), so the visually-impaired schemes recolour it. The numbers are also in the table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

WIDTH = 320  # viewBox units: one unit is one CSS pixel on the narrowest phone
TOP, BOTTOM, LEFT, RIGHT = 18, 34, 8, 8


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str  # under the bar: the mark or the score
    value: str  # above the bar: the count
    group: str = ""  # CSS modifier: the mark a score gives («mark-3»)


@dataclass(frozen=True)
class Boundary:
    x: int
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    base: int  # y of the axis
    bars: tuple[Bar, ...]
    boundaries: tuple[Boundary, ...] = ()
    axis_label: str = ""
    small_labels: bool = False

    @property
    def label_y(self) -> int:
        return self.base + 14

    @property
    def axis_label_y(self) -> int:
        return self.height - 4


def bar_chart(chart_id: str, title: str, desc: str, counts: Mapping[int, int], keys: list[int],
              height: int = 180, axis_label: str = "", groups: Mapping[int, str] | None = None,
              boundaries: Mapping[int, int] | None = None) -> Chart:
    """Bars for keys (marks, or scores 0..max) with heights proportional to the counts (the largest fills)."""
    plot = height - TOP - BOTTOM
    step = (WIDTH - LEFT - RIGHT) // max(len(keys), 1)
    gap = max(1, step // 5)
    left = LEFT + (WIDTH - LEFT - RIGHT - step * len(keys)) // 2
    top = max((counts.get(key, 0) for key in keys), default=0)
    bars = []
    for index, key in enumerate(keys):
        count = counts.get(key, 0)
        bar_height = (count * plot + top // 2) // top if top else 0  # rounded to the nearest whole unit
        bars.append(Bar(left + index * step + gap // 2, TOP + plot - bar_height, step - gap, bar_height, str(key),
                        str(count), (groups or {}).get(key, "")))
    marks = tuple(Boundary(left + keys.index(score) * step, f"«{mark}»")
                  for mark, score in sorted((boundaries or {}).items()) if score in keys)
    return Chart(chart_id, title, desc, WIDTH, height, TOP + plot, tuple(bars), marks, axis_label,
                 small_labels=len(keys) > 12)
