"""The district demo (examples/district) built once: schools under /<school>/, the district's pages on top.

The monitoring table of seed 001 item 7, the schedule across schools, results against the group, the
district plan's execution, and every school's «Сведения» against MR v9 (the same checks as `check --report`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from oko.microdata import tagged_elements
from oko.sveden_spec import SUBSECTIONS

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "district"
SCHOOLS = ("sosh-1", "sosh-2", "novoaleksandrovka")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("district") / "site"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(DEMO), "build", "--out", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert f"Сайт района собран: {out}/ (школ обновлено: 3 из 3)" in done.stderr
    return out


class _Cells(HTMLParser):
    """The monitoring table: row header (school) → list of (data-label, text, hrefs) of its cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[tuple[str, str, list[str]]]] = {}
        self._school: str | None = None
        self._cell: tuple[str, list[str], list[str]] | None = None
        self._in_th = False
        self._th_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "th" and values.get("scope") == "row":
            self._in_th, self._th_text = True, []
        elif tag == "td" and self._school:
            self._cell = (values.get("data-label") or "", [], [])
        elif tag == "a" and self._cell is not None:
            self._cell[2].append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._in_th:
            self._in_th = False
            self._school = re.sub(r"\s*\(.*", "", "".join(self._th_text)).strip()
            self.rows[self._school] = []
        elif tag == "td" and self._cell is not None and self._school:
            label, text, hrefs = self._cell
            self.rows[self._school].append((label, " ".join("".join(text).split()), hrefs))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_th:
            self._th_text.append(data)
        elif self._cell is not None:
            self._cell[1].append(data)


def monitoring(site: Path) -> dict[str, dict[str, tuple[str, list[str]]]]:
    parser = _Cells()
    parser.feed((site / "district" / "index.html").read_text("utf-8"))
    return {school: {label: (text, hrefs) for label, text, hrefs in cells} for school, cells in parser.rows.items()}


def test_each_school_is_a_whole_site_under_its_folder_and_the_district_is_on_top(site: Path) -> None:
    assert (site / "index.html").is_file() and (site / "plans" / "kozulsky-uo-2026-2027" / "index.html").is_file()
    for page in ("", "schedule/", "results/", "plan/"):
        assert (site / "district" / page / "index.html").is_file(), page
    for school in SCHOOLS:
        for page in ("index.html", "sveden/index.html", "schedule/2026-2027/index.html", "search/index.html"):
            assert (site / school / page).is_file(), (school, page)
        assert (site / school / "pagefind" / "pagefind.js").is_file()  # each school keeps its own search
        summary = json.loads((site / school / ".oko-school.json").read_text("utf-8"))
        assert summary["slug"] == school and summary["folder"] == f"schools/{school}"
    assert not (site / "sosh-1" / ".oko-site").exists()  # one marker: the district's site is one folder
    home = (site / "index.html").read_text("utf-8")
    assert 'href="district/"' in home and 'href="sosh-1/"' in home  # the menu, and the home page's school links


def test_a_missing_document_shows_as_missing_with_a_link_to_what_is_required(site: Path) -> None:
    table = monitoring(site)
    text, hrefs = table["МБОУ Новоалександровская СОШ"]["Протоколы родительских собраний"]
    assert text == "нет что нужно: протоколы родительских собраний" and hrefs == ["#trebovanie-parents"]
    for requirement in ("council", "decisions"):
        cell = next(c for c in table["МБОУ Новоалександровская СОШ"].values() if f"#trebovanie-{requirement}" in c[1])
        assert cell[0].startswith("нет что нужно: ")
    page = (site / "district" / "index.html").read_text("utf-8")
    required = re.search(r'<dt id="trebovanie-parents">(.*?)</dt>\s*<dd>(.*?)</dd>', page, re.S)
    assert required and required[1] == "Протоколы родительских собраний"
    assert "наличие протоколов родительских собраний (с рассмотрением вопросов ВСОКО)" in required[2]
    assert "название начинается с «Протокол» и называет родительское собрание" in required[2]


def test_a_present_document_links_to_the_schools_file(site: Path) -> None:
    table = monitoring(site)
    text, hrefs = table["МБОУ Козульская СОШ № 1"]["Протоколы педсоветов"]
    assert text == "есть: Протокол педагогического совета № 2 «Объективность входной диагностики», 06.11.2026"
    assert hrefs == ["../sosh-1/files/protokol-pedsovet-2-2026.pdf"]
    assert (site / "sosh-1" / "files" / "protokol-pedsovet-2-2026.pdf").read_bytes().startswith(b"%PDF-")
    text, hrefs = table["МБОУ Козульская СОШ № 1"]["План мероприятий"]
    assert hrefs == ["../sosh-1/plans/kozulka-sosh-1-2026-2027/"]
    assert (site / "sosh-1" / "plans" / "kozulka-sosh-1-2026-2027" / "index.html").is_file()
    assert table["МБОУ Козульская СОШ № 1"]["Управленческие решения"][1] == [
        "../sosh-1/files/prikaz-itogi-vhodnoy-diagnostiki-2026.pdf"]


def test_an_earlier_years_document_is_stale_and_still_linked(site: Path) -> None:
    table = monitoring(site)
    text, hrefs = table["МБОУ Козульская СОШ № 2"]["Протоколы педсоветов"]
    assert text == "устарело: Протокол педагогического совета № 5 «Анализ результатов ВПР-2026», 29.05.2026"
    assert hrefs == ["../sosh-2/files/protokol-pedsovet-5-2026.pdf"]
    text, hrefs = table["МБОУ Новоалександровская СОШ"]["План мероприятий"]
    assert text.startswith("устарело: План мероприятий") and "2025-2026" in text
    assert hrefs == ["../novoaleksandrovka/plans/novoaleksandrovka-sosh-2025-2026/"]


def test_every_schools_sveden_passes_the_mr_v9_checks(site: Path) -> None:
    """The compliance report's rows (oko/report.py, MR v9 tables 3.2.1–3.15.1) have no failed requirement, and
    every subsection page carries only itemprops the recommendations define there."""
    table = monitoring(site)
    for school in SCHOOLS:
        summary = json.loads((site / school / ".oko-school.json").read_text("utf-8"))
        assert summary["sveden"]["error"] == 0 and summary["sveden"]["ok"] >= 20, (school, summary["sveden"])
        for subsection in SUBSECTIONS:
            tagged = tagged_elements((site / school / "sveden" / subsection.slug / "index.html").read_text("utf-8"))
            known = {a.name for a in subsection.attributes} | {c.name for a in subsection.attributes
                                                               for c in a.children} | {"addRef"}
            assert {t.name for t in tagged} <= known, (school, subsection.slug)
            assert all(not t.hidden for t in tagged), (school, subsection.slug)
        row = table[summary["short_name"]]["«Сведения» (МР v9)"]
        assert row[0] == (f"выполнено: требований выполнено — {summary['sveden']['ok']}, не выполнено — 0, "
                          f"требуют внимания — {summary['sveden']['warning']}")
        assert row[1] == [f"../{school}/sveden/"]


def test_results_show_each_school_against_the_group(site: Path) -> None:
    page = (site / "district" / "results" / "index.html").read_text("utf-8")
    rows = re.findall(r"<tr>(?:<th[^>]*>(?:<a[^>]*>)?)(.*?)(?:</a>)?</th>(.*?)</tr>", page)
    values = {name: re.findall(r"<td[^>]*>(.*?)</td>", cells) for name, cells in rows}
    assert values["МБОУ Козульская СОШ № 2"][0] == "27"
    against, marker = values["МБОУ Козульская СОШ № 2"][4:6]
    assert against.startswith("+") and against != "+0,0"
    assert marker == "средний балл выше, чем у группы школ (доверительные интервалы не пересекаются)"
    assert values["МБОУ Козульская СОШ № 1"][5] == "не выявлен"
    group = re.search(r'<tr class="district-group">.*?</tr>', page, re.S)
    assert group and "<td data-label=\"Участников\">88</td>" in group[0]  # 49 + 27 + 12 pupils
    assert 'href="../../sosh-2/results/2026-2027/rdr-matematika-5/"' in page


def test_the_schedule_lists_each_procedure_with_every_school_that_writes_it(site: Path) -> None:
    page = (site / "district" / "schedule" / "index.html").read_text("utf-8")
    row = re.search(r'<time datetime="2026-10-05">.*?</tr>', page, re.S)
    assert row and "региональная диагностическая работа" in row[0]
    assert re.findall(r'<li><a href="[^"]+">([^<]+)</a>: ([^<]+)</li>', row[0]) == [
        ("МБОУ Козульская СОШ № 1", "5"), ("МБОУ Козульская СОШ № 2", "5"), ("МБОУ Новоалександровская СОШ", "5")]
    one_day = re.search(r'<td data-label="Дата"><time datetime="2027-04-20">[^/]*?</time></td>.*?Русский язык.*?</tr>',
                        page, re.S)
    assert one_day and "МБОУ Козульская СОШ № 1</a>: 4, 7" in one_day[0]


def test_the_district_plan_shows_the_state_of_each_item(site: Path) -> None:
    page = (site / "district" / "plan" / "index.html").read_text("utf-8")
    assert "Выполнено 1 из 9 (11 %); выполняется — 5; запланировано — 3." in page
    assert page.count('class="district-status-in_progress">выполняется</td>') == 5
    assert '<a href="../">Таблица мониторинга</a>' in page  # evidence: a link to the monitoring page


DISTRICT_PAGES = ("/district/", "/district/schedule/", "/district/results/", "/district/plan/")


def test_the_district_pages_are_valid_html(site: Path, tmp_path: Path) -> None:
    from tests.test_html_valid import vnu_errors

    shutil.copytree(site / "district", tmp_path / "district")
    shutil.copy(site / "index.html", tmp_path / "index.html")
    assert vnu_errors(tmp_path) == []


def test_the_district_pages_pass_axe_and_fit_a_phone(site: Path) -> None:
    """axe-core (WCAG 2.1 AA) at 1280 px and at 375 px, where the tables become cards (@container queries)
    and nothing scrolls sideways."""
    from tests.browser_support import OVERFLOW_REPORT, format_violations, launched_browser, run_axe, serve

    with serve(site) as origin, launched_browser() as browser:
        for width in (1280, 375):
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU")
            page = context.new_page()
            for path in DISTRICT_PAGES:
                assert page.goto(origin + path).status == 200
                violations = run_axe(page)
                assert violations == [], format_violations(violations, f"{path} at {width} px")
                overflow = page.evaluate(OVERFLOW_REPORT)
                assert overflow["scrollWidth"] <= overflow["clientWidth"], (path, width, overflow["offenders"])
            page.goto(origin + "/district/")
            display = page.evaluate("() => getComputedStyle(document.querySelector('.district-monitoring td')).display")
            assert display == ("block" if width == 375 else "table-cell")
            context.close()
