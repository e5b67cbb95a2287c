"""`build.py import-results`: a school's filled template becomes content YAML that loads back equal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from oko.results import validate_results
from oko.results.command import WRITTEN
from oko.results.model import ProcedureResults
from oko.results.template_write import template_bytes
from oko.sources import load_yaml_file
from tests.test_results_template import FULL

BUILD_PY = Path(__file__).resolve().parent.parent / "build.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BUILD_PY), *args], capture_output=True, text=True, timeout=120)


def test_the_template_becomes_yaml_that_validates_to_the_same_result(tmp_path: Path) -> None:
    result = ProcedureResults.model_validate(FULL)
    book, out = tmp_path / "results.xlsx", tmp_path / "vpr-math-5.yaml"
    book.write_bytes(template_bytes(result))
    done = run("import-results", str(book), "--out", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", WRITTEN.format(out=out))
    doc, issues = load_yaml_file(out, "vpr-math-5.yaml")
    assert issues == [] and doc is not None
    back, issues = validate_results(doc)
    assert issues == []
    assert back == result
    assert "date: 15.04.2026" in out.read_text(encoding="utf-8")


def test_a_bad_cell_is_named_by_its_address_and_nothing_is_written(tmp_path: Path) -> None:
    book, out = tmp_path / "results.xlsx", tmp_path / "out.yaml"
    book.write_bytes(template_bytes(ProcedureResults.model_validate(FULL)))
    workbook = load_workbook(book)
    workbook["Отметки"]["D2"] = "три"
    workbook.save(book)
    done = run("import-results", str(book), "--out", str(out))
    assert done.returncode == 1
    assert "лист «Отметки», ячейка D2: не понято значение «три»" in done.stderr
    assert done.stderr.rstrip().endswith("YAML не записан: исправьте ячейки и запустите перенос снова.")
    assert "Traceback" not in done.stderr
    assert not out.exists()
