"""The demo's criteria use every new form, so a parent sees them; the forms of /admin/ hold each one exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oko.cms import cms_field
from oko.schemas import content_schemas, json_schema
from tests.browser_support import CHROMIUM_ARGS, format_violations, require_chromium, run_axe, serve


def page(site: Path, name: str) -> str:
    return (site / "criteria" / name / "index.html").read_text("utf-8")


def test_demo_shows_five_levels_with_1_pass_fail_levels_and_ten_points(demo_site: Path) -> None:
    russian = page(demo_site, "russkiy-yazyk-5-9")
    assert '<th scope="row">«1» — плохо</th><td>8 и более ошибок</td>' in russian
    assert '<th scope="row">зачёт</th><td>не менее 10 баллов</td>' in russian
    meta = page(demo_site, "metapredmetnye-5-9")
    assert '<th scope="row">высокий уровень</th><td>более 80 %</td>' in meta
    assert '<th scope="row">«10»</th><td>10 баллов</td>' in meta and '<th scope="row">«1»</th><td>0–1 балл</td>' in meta
    assert '<th scope="row">зачёт — курс освоен</th><td>не менее 75 %</td>' in meta
    # The general part's labels reach a subject that declares no marks of its own.
    assert '<th scope="row">«5» — отлично</th><td>90–100 %</td>' in page(demo_site, "angliyskiy-yazyk-5-9")


def test_demo_shows_groups_notes_and_ranges_as_written(demo_site: Path) -> None:
    russian = page(demo_site, "russkiy-yazyk-5-9")
    assert '<th scope="rowgroup" colspan="3">К1–К3 Содержание</th>' in russian
    assert '<th scope="row" colspan="2">Итого за группу «Содержание»</th><td>7</td>' in russian
    assert '<td>менее 5 б</td>' in russian
    assert re.search(r'<td>2<sup class="note-ref"><a href="#scale-3-note-1" id="scale-3-ref-1"', russian)
    assert ('<li id="scale-5-note-1">Отметка «5» не ставится, если в работе больше трёх исправлений. '
            '<a href="#scale-5-ref-1" class="note-back" aria-label="назад к отметке «5»">↑</a></li>') in russian
    maths = page(demo_site, "matematika-5-9")
    assert '<td>22–31 балл</td>' in maths
    notes = re.findall(r'<li id="scale-3-note-(\d)">При условии, что из них не менее 2 баллов', maths)
    assert notes == ["1"]  # written on «5» and on «4»: one footnote, two references
    assert 'id="scale-3-ref-1"' in maths and 'id="scale-3-ref-1-2"' in maths


def test_the_form_holds_every_new_part_as_a_list_of_objects() -> None:
    schema = json_schema(next(s for s in content_schemas() if s.name == "criteria"))
    definitions = schema["definitions"]
    scales = cms_field("scales", schema["properties"]["scales"], definitions, False)
    types = {t["name"]: {f["name"]: f for f in t["fields"]} for t in scales["types"]}
    assert set(types) == {"percent", "points", "error_count", "errors", "rubric"}
    for kind in ("percent", "points", "error_count", "rubric"):
        marks = types[kind]["marks"]
        assert marks["widget"] == "list" and [f["name"] for f in marks["fields"]] == ["mark", "range", "note"], kind
        assert [f["widget"] for f in marks["fields"]] == ["string", "string", "text"], kind
        assert [f["name"] for f in types[kind]["mark_set"]["fields"]] == ["mark", "label"], kind
    groups = types["rubric"]["groups"]
    assert [f["name"] for f in groups["fields"]] == ["code", "name", "max", "criteria", "note"]
    assert [f["name"] for f in types["errors"]["marks"]["fields"]] == ["mark", "errors", "note"]
    assert [f["name"] for f in types["errors"]["error_classes"]["fields"]] == ["name", "description"]
    grades = cms_field("grades", schema["properties"]["grades"], definitions, True)
    assert grades["widget"] == "string"  # «5-9» and «5–7, 9» as written, not a list with nulls
    top = cms_field("mark_set", schema["properties"]["mark_set"], definitions, False)
    assert top["widget"] == "list" and [f["name"] for f in top["fields"]] == ["mark", "label"]


@pytest.mark.slow
def test_criteria_pages_pass_axe_and_footnotes_link_both_ways(demo_site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve(demo_site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            for name in ("russkiy-yazyk-5-9", "matematika-5-9", "metapredmetnye-5-9"):
                page.goto(f"{origin}/criteria/{name}/")
                violations = run_axe(page)
                assert violations == [], format_violations(violations, name)
                assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            page.goto(f"{origin}/criteria/matematika-5-9/")
            page.click("#scale-3-ref-1")
            assert page.evaluate("location.hash") == "#scale-3-note-1"
            assert page.locator("#scale-3-note-1").is_visible()
            page.click("#scale-3-note-1 .note-back")
            assert page.evaluate("location.hash") == "#scale-3-ref-1"
        finally:
            browser.close()
