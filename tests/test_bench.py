"""bench/: the corpora are deterministic and valid, and `bench/run.py --quick` measures every scenario.

Nothing here asserts a time: speed is judged by the full run's ratios (README), not by tests.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import domain
from bench.synthetic import synthetic_pages
from oko.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ["чистая сборка", "пересборка без изменений", "пересборка после правки одной страницы",
             "просмотр: сохранение → страница отдана", "пик памяти (чистая сборка)"]


def corpus_digest(count: int) -> str:
    pages = synthetic_pages(count)
    return hashlib.sha256("".join(p.slug + p.title + p.body for p in pages).encode()).hexdigest()


def test_synthetic_corpus_is_the_same_bytes_every_time() -> None:
    assert corpus_digest(50) == corpus_digest(50)
    # a fresh interpreter (another hash seed) draws the same pages
    other = subprocess.run([sys.executable, "-c", "from tests.test_bench import corpus_digest; "
                            "print(corpus_digest(50))"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert other.stdout.strip() == corpus_digest(50)


def test_synthetic_pages_have_300_words_a_table_and_a_list() -> None:
    pages = synthetic_pages(200)
    assert [p.slug for p in pages[:2]] == ["stranitsa-0001", "stranitsa-0002"]
    assert len({p.slug for p in pages}) == 200
    for page in pages:
        assert 290 <= len(re.findall(r"\w+", page.body)) <= 330, page.slug
        assert page.body.count("|---|---|---|") == 1
        assert len(re.findall(r"^- ", page.body, flags=re.MULTILINE)) == 5


def test_week_shift_keeps_weekdays_and_the_school_year() -> None:
    assert domain.shift_dates('academic_year: "2025-2026"\nyear: 2026\n{date: "01.09.2025"}', 2) == \
        'academic_year: "2027-2028"\nyear: 2028\n{date: "06.09.2027"}'  # Monday → Monday, not in August
    for years in range(1, 60):
        assert domain.weeks_shift(years).days % 7 == 0
        assert 0 <= domain.weeks_shift(years).days - 365.2425 * years < 7


@pytest.mark.slow
def test_three_schools_of_domain_content_build_without_errors(tmp_path: Path) -> None:
    project = domain.make_domain_corpus(tmp_path / "schools", 3)
    log = subprocess.run(["git", "log", "--format=%cs %s"], cwd=project, capture_output=True, text=True,
                         check=True).stdout
    assert log.splitlines() == ["2025-09-04 school 3", "2025-09-03 school 2", "2025-09-01 school 1: the demo"]
    result = generate(project)
    assert [i for i in result.issues if i.level == "error"] == []
    demo_warnings = [i for i in generate(ROOT).issues if i.level == "warning"]
    plan_warnings = [i for i in demo_warnings if i.file.startswith("content/plans/")]
    assert len([i for i in result.issues if i.level == "warning"]) == len(demo_warnings) + 2 * len(plan_warnings)
    for page in ("plans/sosh-17-2025-2026-s3/index.html", "schedule/2027-2028/index.html",
                 "criteria/matematika-5-9-s2/index.html"):
        assert page in result.files, page


@pytest.mark.slow
def test_quick_run_prints_a_row_per_scenario_and_fails_on_nothing() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| 20 страниц | Око |"))
    columns = len(header.split("|"))
    for scenario in SCENARIOS:
        row = next(line for line in lines if line.startswith(f"| {scenario} |"))
        assert len(row.split("|")) == columns
        assert re.match(rf"\| {re.escape(scenario)} \| \d+,\d\d с |\| {re.escape(scenario)} \| \d+ МБ ", row), row
    assert any(re.match(r"\| 1 \| \d+ \| [\d,]+ \| [\d,]+ с \| [\d,]+ с \| [\d,]+ с \| \d+ МБ \|$", line)
               for line in lines), done.stdout
    assert "СБОЙ" not in done.stderr
