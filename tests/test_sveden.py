"""«Сведения об образовательной организации»: microdata as MR v9 defines it, on the built demo site."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from oko.kinds.sveden.model import is_absent
from oko.kinds.sveden.rules import working_days_between
from oko.microdata import tagged_elements
from oko.sveden_spec import SUBSECTIONS, Attr, Subsection

ROOT = Path(__file__).resolve().parent.parent
SVEDEN = ROOT / "content" / "sveden"


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def built(demo_site: Path) -> Path:
    return demo_site


def demo_data(subsection: Subsection) -> dict:
    return yaml.safe_load((SVEDEN / f"{subsection.file}.yaml").read_text("utf-8")) or {}


# MR v9 table 3.2.1 items 13–14 are checked on every site; a school has no practice, so they read «отсутствует».
ALWAYS_SHOWN = {"addressPlacePrac", "addressPlacePodg"}


def expected_markup(subsection: Subsection) -> list[tuple[str | None, Attr, int]]:
    """(parent itemprop, attribute, how many elements) for every attribute the demo has data for."""
    data = demo_data(subsection)
    expected = []
    for attr in subsection.attributes:
        if attr.name not in data and (attr.name in ALWAYS_SHOWN or (attr.school and attr.optional
                                                                     and attr.kind != "group")):
            expected.append((None, attr, 1))  # «отсутствует» (templates/sveden_section.html)
            continue
        if not attr.school or attr.name not in data:
            continue
        value = data[attr.name]
        if attr.kind != "group":
            expected.append((None, attr, len(value) if isinstance(value, list) else 1))
            continue
        items = [{}] if is_absent(value) else value if isinstance(value, list) else [value]
        if attr.name == "teachingStaff":  # one row per teacher and programme (MR v9 Таблица 3.8.2)
            items = [item for item in items for op in item["teachingOp"].split(";") if op.strip()]
        expected.append((None, attr, len(items)))
        for child in attr.children:
            if not child.school:
                continue
            count = sum(len(item[child.name]) if isinstance(item.get(child.name), list) else 1
                        for item in items if child.name in item or not item)
            if count:
                expected.append((attr.name, child, count))
    return expected


@pytest.mark.parametrize("subsection", SUBSECTIONS, ids=lambda s: s.slug)
def test_microdata_of_every_subsection_matches_the_recommendations(built: Path, subsection: Subsection) -> None:
    """Table-driven from oko/sveden_spec.py (MR v9 tables 3.2.1–3.15.1): presence, nesting, visibility."""
    html = (built / "sveden" / subsection.slug / "index.html").read_text("utf-8")
    tagged = tagged_elements(html)
    expected = expected_markup(subsection)
    assert expected, f"the demo has no data for {subsection.slug}"
    for parent, attr, count in expected:
        found = [t for t in tagged if t.name == attr.name and t.parent == parent]
        assert len(found) == count, (subsection.slug, parent, attr.name, len(found), count)
        assert all(not t.hidden for t in found), attr.name  # visible to visitors (1493 п.27)
        if attr.kind != "group":
            assert all(t.text for t in found), attr.name
    known = {(p, a.name) for p, a, _ in expected} | {(None, "addRef")}
    stray = {(t.parent, t.name) for t in tagged} - known
    assert not stray, f"itemprops the recommendations do not define here: {stray}"


def test_dates_and_absent_values_follow_the_prescribed_forms(built: Path) -> None:
    tagged = tagged_elements((built / "sveden" / "common" / "index.html").read_text("utf-8"))
    [reg_date] = [t for t in tagged if t.name == "regDate"]
    # The demo's founding date is known to the month (issue 12): shown as written, ISO in the microdata
    assert reg_date.text == "август 1991"
    html = (built / "sveden" / "common" / "index.html").read_text("utf-8")
    assert '<time itemprop="regDate" datetime="1991-08">август 1991</time>' in html
    all_tagged = [t for s in SUBSECTIONS
                  for t in tagged_elements((built / "sveden" / s.slug / "index.html").read_text("utf-8"))]
    absent = [t for t in all_tagged if t.text in ("отсутствует", "не предусмотрено", "нет")]
    assert absent, "the demo declares some information absent, and it must be marked up"


def test_documents_show_format_and_size_and_signatures(built: Path) -> None:
    html = (built / "sveden" / "document" / "index.html").read_text("utf-8")
    [tek] = [t for t in tagged_elements(html) if t.name == "tekKontrolDocLink"]
    assert tek.href and tek.href.startswith("../../files/") and tek.href.endswith(".pdf")
    assert (built / "sveden" / "document" / tek.href).resolve().is_file()
    assert re.search(r'itemprop="tekKontrolDocLink">[^<]+</a>\s*<span class="file-meta">\(PDF, \d+(,\d)? [КМ]Б', html)
    assert "Документ подписан простой электронной подписью" in html
    # plans and the schedule appear among the documents, with their spreadsheets
    assert 'href="../../plans/ooosh-9-2023-2024/"' in html
    assert 'href="../../schedule/2025-2026/school.xlsx"' in html


def test_one_navigation_on_every_page_of_the_section_and_links_from_home(built: Path) -> None:
    pages = sorted((built / "sveden").rglob("index.html"))
    assert len(pages) == 15
    for page in pages:
        html = page.read_text("utf-8")
        nav = re.search(r'<nav class="sveden-nav".*?</nav>', html, re.S).group(0)
        assert html.count('class="sveden-nav"') == 1, page
        links = re.findall(r'href="([^"]+)"', nav)
        assert len(links) == 15  # «Все подразделы» and the 14 subsections
        here = page.parent.name
        for subsection in SUBSECTIONS:
            expected = "./" if here == subsection.slug else (
                f"{subsection.slug}/" if here == "sveden" else f"../{subsection.slug}/")
            assert expected in links, (page, subsection.slug)
    home = (built / "index.html").read_text("utf-8")
    menu = re.search(r'<nav class="main-menu".*?</nav>', home, re.S).group(0)
    assert 'href="sveden/"' in menu
    assert "Сведения об образовательной организации" in menu


def test_food_files_are_copied_byte_for_byte(built: Path) -> None:
    sources = sorted((ROOT / "content" / "food").glob("*.xlsx"))
    assert sources
    listing = (built / "food" / "index.html").read_text("utf-8")
    for source in sources:
        assert (built / "food" / source.name).read_bytes() == source.read_bytes()
        assert f'href="{source.name}"' in listing


def copy_demo(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "site_config.yaml", project)
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, project / name)
    return project


def test_a_removed_required_field_is_a_report_line_and_a_warning_not_a_failure(tmp_path: Path) -> None:
    project = copy_demo(tmp_path)
    common = project / "content" / "sveden" / "common.yaml"
    lines = common.read_text("utf-8").splitlines(keepends=True)
    common.write_text("".join(line for line in lines if not line.startswith("fullName:")), "utf-8")
    built = run_cli("--project", str(project), "build", "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    line = next(line for line in built.stderr.splitlines() if "fullName: нет сведений" in line)
    assert re.fullmatch(r"content/sveden/common\.yaml:\d+:\d+: предупреждение: fullName: "
                        r"нет сведений «Полное наименование» \(itemprop «fullName»\)", line)
    assert run_cli("--project", str(project), "--strict", "build", "--out", str(tmp_path / "o2")).returncode == 1
    report = run_cli("--project", str(project), "check", "--report")
    assert report.returncode == 0
    line = next(line for line in report.stdout.splitlines() if "(fullName)" in line)
    assert line.startswith("  ! Полное наименование (fullName): сведения не заполнены — content/sveden/common.yaml:")


def test_a_missing_document_file_is_an_error(tmp_path: Path) -> None:
    project = copy_demo(tmp_path)
    registry = project / "content" / "documents.yaml"
    documents = yaml.safe_load(registry.read_text("utf-8"))["documents"]
    victim = next(d for d in documents if d.get("file"))
    (project / "content" / victim["file"]).unlink()
    result = run_cli("--project", str(project), "check")
    assert result.returncode == 1
    assert f"ошибка: documents[{documents.index(victim)}].file: файл «{victim['file']}» не найден в content/files" \
        in result.stderr


def test_report_formats(tmp_path: Path) -> None:
    as_json = run_cli("check", "--report", "--report-format", "json")
    rows = json.loads(as_json.stdout)["rows"]
    assert {row["status"] for row in rows} <= {"ok", "warning", "error"}
    assert not [row for row in rows if row["status"] == "error"], [r for r in rows if r["status"] == "error"]
    stale = [row for row in rows if "10 рабочих дней" in row["requirement"]]
    assert stale and stale[0]["where"].startswith("content/sveden/")
    out = tmp_path / "report.html"
    assert run_cli("check", "--report", "--report-format", "html", "--report-out", str(out)).returncode == 0
    assert "<h1>Отчёт об открытости" in out.read_text("utf-8")


def test_working_days_skip_weekends_and_public_holidays() -> None:
    assert working_days_between(dt.date(2026, 11, 2), dt.date(2026, 11, 9)) == 4  # 4 November is a holiday
    assert working_days_between(dt.date(2026, 1, 1), dt.date(2026, 1, 12)) == 2
    assert working_days_between(dt.date(2026, 3, 2), dt.date(2026, 3, 2)) == 0
