"""A class's schedule page links each work to its published results (issue 17), and only its own grade's."""

from __future__ import annotations

import re
from pathlib import Path

LINK = re.compile(r'· <a href="([^"]+)">результаты</a>')


def links_of(site: Path, class_slug: str) -> list[str]:
    page = site / "schedule" / "2025-2026" / class_slug / "index.html"
    return LINK.findall(page.read_text(encoding="utf-8"))


def test_class_pages_link_the_results_of_their_own_works(demo_site: Path) -> None:
    assert links_of(demo_site, "5a") == links_of(demo_site, "5b") == ["../../../results/2025-2026/vpr-matematika-5/"]
    assert links_of(demo_site, "6a") == ["../../../results/2025-2026/vpr-russkiy-yazyk-6/"]
    assert links_of(demo_site, "7a") == ["../../../results/2025-2026/kr-algebra-7-polugodie/"]
    assert links_of(demo_site, "8a") == []  # no results entered for the 8th grade
    for url in links_of(demo_site, "5a") + links_of(demo_site, "6a") + links_of(demo_site, "7a"):
        target = (demo_site / "schedule" / "2025-2026" / "5a" / url).resolve() / "index.html"
        assert target.is_file(), url
