"""The results kind on the demo site (issue 17): pages, SVG charts, downloads, suppression, the ВПР link, the
rules of `check`, the markers of `check --report`, and the pages in Chromium (320 px, axe)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from oko.kinds.results.figures_view import ru_number
from oko.pipeline import generate
from oko.report import compliance_rows
from oko.results import figures
from oko.results.model import ProcedureResults
from oko.yaml_source import parse_yaml
from tests.conftest import ROOT
from tests.schedule_fixtures import make_school

MATH = "results/2025-2026/vpr-matematika-5"
RUSSIAN = "results/2025-2026/vpr-russkiy-yazyk-6"
ALGEBRA = "results/2025-2026/kr-algebra-7-polugodie"


class Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts; every <svg> as its source."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def model(name: str) -> ProcedureResults:
    doc, _ = parse_yaml((ROOT / "content" / f"{name}.yaml").read_text(encoding="utf-8"), name)
    assert doc is not None
    return ProcedureResults.model_validate(doc.data)


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- pages


def test_the_index_lists_every_procedure_newest_first(demo_site: Path) -> None:
    html = page(demo_site, "results")
    links = re.findall(r'<a href="(2025-2026/[^"]+/)">([^<]+)</a>', html)
    assert links == [("2025-2026/vpr-matematika-5/", "ВПР, математика"),
                     ("2025-2026/vpr-russkiy-yazyk-6/", "ВПР, русский язык"),
                     ("2025-2026/kr-algebra-7-polugodie/", "контрольная работа, алгебра")]
    assert '<a href="analytics/">Анализ объективности результатов</a>' in html
    assert '<a href="./" aria-current="page">Результаты</a>' in html  # the menu entry


def test_the_summary_table_shows_the_computed_figures(demo_site: Path) -> None:
    result = model(MATH)
    summary = tables(page(demo_site, MATH))[0]
    assert summary[0] == ["Класс", "Участников", "«2»", "«3»", "«4»", "«5»", "Успеваемость, %", "Качество знаний, %",
                          "Средняя отметка", "Средний первичный балл"]
    groups = [figures.parallel_total(result), *result.groups]
    assert [row[0] for row in summary[1:]] == ["5 классы (вся параллель)", "5А класс", "5Б класс"]
    for row, group in zip(summary[1:], groups, strict=True):
        shares = figures.mark_shares(group.marks, result.mark_set) or {}
        assert row[1:] == [
            str(group.participants),
            *(f"{group.marks.get(m, 0)} ({ru_number(shares[m], 1)} %)" for m in result.mark_set),
            ru_number(figures.success_rate(group.marks), 1), ru_number(figures.quality_rate(group.marks), 1),
            ru_number(figures.mean_mark(group.marks), 2), ru_number(figures.mean_score(group.scores or {}), 1)]
    # Worked by hand for 5А: 26 pupils, «2» 2, «3» 7, «4» 10, «5» 7; scores sum to 293.
    assert summary[2] == ["5А класс", "26", "2 (7,7 %)", "7 (26,9 %)", "10 (38,5 %)", "7 (26,9 %)", "92,3", "65,4",
                          "3,85", "11,3"]


def test_every_chart_has_a_title_a_description_and_only_whole_coordinates(demo_site: Path) -> None:
    html = page(demo_site, MATH)
    charts = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    assert len(charts) == 6  # marks and scores for the parallel, 5А and 5Б
    for svg in charts:
        opening = svg.split(">", 1)[0]
        ids = re.search(r'aria-labelledby="([^"]+)"', opening).group(1).split()  # type: ignore[union-attr]
        assert 'role="img"' in opening and 'viewBox="0 0 320 ' in opening and 'width="100%"' in opening
        assert [f'<title id="{ids[0]}">', f'<desc id="{ids[1]}">'] == re.findall(r"<(?:title|desc) id=\"[^\"]+\">",
                                                                               svg)
        assert "style=" not in svg and "#" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert not re.search(r'="-?\d+\.\d', svg), "coordinates are whole units"
    first = charts[0]
    assert ('<title id="chart-2025-2026-vpr-matematika-5-5-marks-title">Отметки: 5 классы (вся параллель)</title>'
            in first)
    assert "<desc id=\"chart-2025-2026-vpr-matematika-5-5-marks-desc\">Участников 50. Получили «2» — 5, «3» — 16, " \
           "«4» — 18, «5» — 11.</desc>" in first


def test_the_tallest_bar_fills_the_plot_and_the_others_are_in_proportion(demo_site: Path) -> None:
    svg = re.findall(r"<svg .*?</svg>", page(demo_site, MATH), flags=re.S)[0]
    heights = [int(h) for h in re.findall(r'<rect class="chart-bar[^"]*" x="\d+" y="\d+" width="\d+" height="(\d+)"',
                                          svg)]
    # Plot height 180 − 18 − 34 = 128 for the largest count (18); 5 → round(5 × 128 / 18) = 36, 16 → 114, 11 → 78.
    assert heights == [36, 114, 128, 78]


def test_a_small_class_is_not_published_and_neither_is_its_complement(demo_site: Path) -> None:
    html = page(demo_site, RUSSIAN)
    summary = tables(html)[0]
    assert summary[1][:2] == ["6 классы (вся параллель)", "33"]
    assert summary[2] == ["6А класс", "данные не публикуются: по ним и итогу параллели можно было бы вычислить "
                                      "результаты класса, где меньше 10 участников"]
    assert summary[3] == ["6Б класс", "данные не публикуются: меньше 10 участников"]
    assert "<p class=\"results-hidden\">6Б класс: данные не публикуются: меньше 10 участников.</p>" in html
    assert len(re.findall(r"<svg ", html)) == 1  # the parallel's marks only
    for name in ("csv", "json"):
        text = (demo_site / f"{RUSSIAN}.{name}").read_text(encoding="utf-8-sig")
        assert "25" not in text.replace("2025", "").replace("2026", "") and '"8"' not in text


# ---------------------------------------------------------------- downloads


def test_downloads_are_listed_and_hold_the_page_numbers(demo_site: Path) -> None:
    html = page(demo_site, MATH)
    for suffix in ("csv", "xlsx", "json"):
        assert f'<a href="../vpr-matematika-5.{suffix}" download>' in html
    rows = list(csv.reader(io.StringIO((demo_site / f"{MATH}.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Группа", "Участников", "Отметка «2»", "Отметка «3»", "Отметка «4»", "Отметка «5»",
                       "Успеваемость, %", "Качество знаний, %", "Средняя отметка", "Средний первичный балл",
                       "Примечание"]
    assert rows[2] == ["5А класс", "26", "2", "7", "10", "7", "92,3", "65,4", "3,85", "11,3", ""]
    sheet = openpyxl.load_workbook(demo_site / f"{MATH}.xlsx").active
    assert [cell.value for cell in sheet[3]] == ["5А класс", 26, 2, 7, 10, 7, 92.3, 65.4, 3.85, 11.3, None]
    data = json.loads((demo_site / f"{MATH}.json").read_text(encoding="utf-8"))
    assert data["groups"][1] == {"group": "5А", "published": True, "participants": 26,
                                 "marks": {"2": 2, "3": 7, "4": 10, "5": 7},
                                 "shares": {"2": 7.7, "3": 26.9, "4": 38.5, "5": 26.9},
                                 "success": 92.3, "quality": 65.4, "mean_mark": 3.85, "mean_score": 11.3}
    hidden = json.loads((demo_site / f"{RUSSIAN}.json").read_text(encoding="utf-8"))["groups"]
    assert [g["group"] for g in hidden if not g["published"]] == ["6А", "6Б"]


def test_the_results_files_are_the_same_bytes_in_a_second_build(demo_site: Path, tmp_path: Path) -> None:
    # A second `build.py build` process: in-process, openpyxl's XML writer depends on what was imported first.
    again = tmp_path / "site"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--out", str(again)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    files = sorted(p.relative_to(again) for p in (again / "results").rglob("*") if p.is_file())
    assert len(files) == 14  # 5 pages (index, 3 procedures, analytics) and 3 × CSV, XLSX, JSON
    for path in files:
        assert (again / path).read_bytes() == (demo_site / path).read_bytes(), path


# ---------------------------------------------------------------- the ВПР page


def test_the_vpr_page_links_each_work_to_its_results(demo_site: Path) -> None:
    html = page(demo_site, "vpr")
    assert re.findall(r'<a href="(\.\./results/[^"]+)">Результаты: ([^<]+)</a>', html) == [
        ("../results/2025-2026/vpr-matematika-5/", "математика"),
        ("../results/2025-2026/vpr-russkiy-yazyk-6/", "русский язык")]


# ---------------------------------------------------------------- rules and the report

PROCEDURES = """\
  - {date: "15.10.2025", classes: "5", subject: Математика, kind: контрольная работа}
"""
RESULT = """\
kind: контрольная работа
subject: Математика
date: "15.10.2025"
grade: 5
groups:
  - {group: 5А, participants: 12, marks: [{mark: 3, count: 6}, {mark: 4, count: 6}]}
  - {group: 5Б, participants: 14, marks: [{mark: 3, count: 7}, {mark: 5, count: 7}]}
"""


def school(root: Path, result: str = RESULT, config: str = "") -> Path:
    project = make_school(root, PROCEDURES, config_extra=config)
    target = project / "content/results/2025-2026/kr-5.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(result, encoding="utf-8")
    return project


def test_a_result_of_a_procedure_the_schedule_does_not_have_is_an_error(tmp_path: Path) -> None:
    built = generate(school(tmp_path, RESULT.replace('"15.10.2025"', '"16.10.2025"')))
    found = [(i.file, i.line, i.column, i.message, i.hint) for i in built.issues if i.code.startswith("results.")]
    assert found == [("content/results/2025-2026/kr-5.yaml", 3, 7, "в графике 2025-2026 нет процедуры «контрольная "
                      "работа, Математика» 16.10.2025 для 5-х классов", "в графике для этой параллели: 15.10.2025")]
    assert built.failed()


def test_a_class_that_did_not_write_the_work_is_an_error(tmp_path: Path) -> None:
    built = generate(school(tmp_path, RESULT.replace("group: 5Б", "group: 5В")))
    found = [(i.line, i.message) for i in built.issues if i.code == "results.unknown_class"]
    assert found == [(7, "класс 5В не писал эту работу: по графику — 5А, 5Б")]


def test_a_small_group_is_a_warning_at_its_participants(tmp_path: Path) -> None:
    small = RESULT.replace("participants: 14, marks: [{mark: 3, count: 7}, {mark: 5, count: 7}]",
                           "participants: 9, marks: [{mark: 3, count: 4}, {mark: 5, count: 5}]")
    built = generate(school(tmp_path, small))
    found = [(i.level, i.line, i.column, i.message) for i in built.issues if i.code == "results.small_group"]
    assert found == [("warning", 7, 31, "5Б: 9 участн. — меньше порога 10: на сайте такие результаты скрываются, но "
                      "в открытом репозитории их видно")]
    assert not built.failed()
    html = built.files["results/2025-2026/kr-5/index.html"].decode()
    assert "данные не публикуются: меньше 10 участников" in html


def test_the_threshold_is_a_setting(tmp_path: Path) -> None:
    built = generate(school(tmp_path, config="results: {min_group: 13}\n"))
    assert [i.message.split(":")[0] for i in built.issues if i.code == "results.small_group"] == ["5А"]
    assert "данные не публикуются: меньше 13 участников" in built.files["results/2025-2026/kr-5/index.html"].decode()


def test_the_analytics_page_is_published_only_when_the_school_chooses(tmp_path: Path) -> None:
    assert "results/analytics/index.html" not in generate(school(tmp_path / "a")).files
    chosen = generate(school(tmp_path / "b", config="results: {publish_analytics: true}\n"))
    assert "results/analytics/index.html" in chosen.files


def test_the_report_lists_the_markers_of_the_demo(demo_site: Path) -> None:
    built = generate(ROOT)
    assert built.project is not None
    rows = [row for row in compliance_rows(built.project, built.files, built.issues)
            if row.area == "Объективность результатов"]
    assert rows[0].requirement == ("ВПР, Математика, 5 класс, 5: средний балл против группы сравнения "
                                   "(95 % доверительные интервалы)")
    assert rows[0].detail == "средний балл 10,60, интервал 9,35–11,85; регион: 10,56–10,64"
    assert rows[0].where == "content/results/2025-2026/vpr-matematika-5.yaml"
    assert {row.requirement.split(",")[3].split(":")[0].strip() for row in rows} == {"5", "5А", "5Б"}


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def browser_origin(demo_site: Path) -> Iterator[tuple[object, str]]:
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM_ARGS, require_chromium, serve
    with serve(demo_site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser, origin
        finally:
            browser.close()


RESULT_PAGES = ["/results/", f"/{MATH}/", f"/{RUSSIAN}/", f"/{ALGEBRA}/", "/results/analytics/"]


@pytest.mark.slow
def test_no_horizontal_scrolling_at_320px(browser_origin: tuple[object, str]) -> None:
    from tests.browser_support import OVERFLOW_REPORT
    browser, origin = browser_origin
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="ru-RU")  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        for path in RESULT_PAGES:
            assert tab.goto(origin + path).status == 200
            report = tab.evaluate(OVERFLOW_REPORT)
            assert report["scrollWidth"] <= tab.evaluate("window.innerWidth"), (path, report["offenders"])
            if path == f"/{MATH}/":  # the chart scales into the column
                width = tab.evaluate("document.querySelector('svg.results-chart').getBoundingClientRect().width")
                assert 250 <= width <= 320
    finally:
        context.close()


@pytest.mark.slow
def test_axe_finds_nothing_on_the_results_pages_also_in_the_visually_impaired_schemes(
        browser_origin: tuple[object, str]) -> None:
    from tests.browser_support import format_violations, require_axe, run_axe, settle
    browser, origin = browser_origin
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        for path in RESULT_PAGES:
            tab.goto(origin + path)
            violations = run_axe(tab)
            assert not violations, format_violations(violations, path)
        tab.goto(origin + f"/{MATH}/")
        tab.evaluate(require_axe().read_text(encoding="utf-8"))
        for scheme in ("white-on-black", "blue", "black-on-white"):
            tab.evaluate("(s) => document.documentElement.setAttribute('data-a11y-scheme', s)", scheme)
            settle(tab)
            fill = tab.evaluate("getComputedStyle(document.querySelector('.chart-bar')).fill")
            text = tab.evaluate("getComputedStyle(document.querySelector('main')).color")
            assert fill == text, f"{scheme}: bars are {fill}, the text {text}"
            violations = run_axe(tab, inject=False)
            assert not violations, format_violations(violations, f"{MATH} in {scheme}")
    finally:
        context.close()
