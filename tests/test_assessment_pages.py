"""The demo's criteria, demo versions and ВПР pages, checked against the content they come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from oko.kinds.criteria.model import parse_grades

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(demo_site: Path) -> Path:
    return demo_site


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def test_criteria_index_finds_every_subject_and_grade(built: Path) -> None:
    index = (built / "criteria" / "index.html").read_text("utf-8")
    by_grade = index.split('id="by-subject"')[0]
    for path in sorted((ROOT / "content" / "criteria").glob("*.md")):
        meta = front_matter(path)
        page = built / "criteria" / path.stem / "index.html"
        assert page.is_file(), path.stem
        if meta.get("general"):
            continue
        assert f'href="{path.stem}/"' in index
        for grade in parse_grades(meta["grades"]):
            block = re.search(rf"<h3>{grade} класс</h3>(.*?)</div>", by_grade, re.S)
            assert block and f'href="{path.stem}/"' in block.group(1), (path.stem, grade)
        assert meta["subject"] in page.read_text("utf-8")


def test_maths_for_grade_5_is_two_taps_away(built: Path) -> None:
    index = (built / "criteria" / "index.html").read_text("utf-8")
    grade_5 = re.search(r"<h3>5 класс</h3>(.*?)</div>", index, re.S).group(1)
    link = re.search(r'<a href="([^"]+)">Математика</a>', grade_5).group(1)
    page = (built / "criteria" / link / "index.html").read_text("utf-8")
    assert "Контрольная работа" in page and '<table class="scale-table">' in page


def test_vpr_page_lists_the_schools_dates_from_the_schedule(built: Path) -> None:
    page = (built / "vpr" / "index.html").read_text("utf-8")
    rows = re.findall(r'<tr class="vpr-date" data-date="([\d-]+)"><td[^>]*>.*?</td><td[^>]*>([^<]+)</td>', page)
    header = yaml.safe_load((ROOT / "content/schedules/2025-2026/vpr.yaml").read_text("utf-8"))["procedures"]
    expected = sorted(("-".join(reversed(p["date"].split("."))), p["subject"]) for p in header)
    assert sorted(rows) == expected
    year = yaml.safe_load((ROOT / "content/vpr/2026.yaml").read_text("utf-8"))
    for grade in (row["grade"] for row in year["grades"]):
        assert f'<h2 id="vpr-{grade}">{grade} класс</h2>' in page
    assert "fioco.ru" in page  # demo versions linked


def test_demos_page_lists_every_demo(built: Path) -> None:
    page = (built / "demos" / "index.html").read_text("utf-8")
    for path in sorted((ROOT / "content" / "demos").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        assert page.count(f"<strong>{data['demos'][0]['subject']}</strong>") >= 1
        for demo in data["demos"]:
            assert f"<strong>{demo['subject']}</strong>" in page
