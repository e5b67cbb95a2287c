"""The handbook's «Безопасность и персональные данные» stays true: its examples are what the check finds, and
its allowance, copied into a project as written, lets exactly that value through and shows in the report."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from oko.personal_patterns import find_personal_data
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "handbook" / "security.md"
# The rows of the page's table of what the check finds, in order.
EXAMPLE_KINDS = ["snils", "passport", "inn", "phone", "email", "name_birth"]


def section(title: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


def allowance_example() -> str:
    """The page's YAML block with `personal_data_allowed`, as an editor would copy it."""
    blocks = re.findall(r"```yaml\n(.*?)```", section("Персональные данные"), re.DOTALL)
    found = [block for block in blocks if block.startswith("personal_data_allowed:")]
    assert len(found) == 1, "на странице один пример разрешения"
    return found[0]


def test_page_is_in_the_handbook_menu() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert '  - "Безопасность и персональные данные": security.md\n' in nav


def test_every_example_is_found_as_its_kind() -> None:
    rows = re.findall(r"^\| [^|]+ \| `([^`]+)`", section("Персональные данные"), re.MULTILINE)
    assert len(rows) == len(EXAMPLE_KINDS)
    for example, kind in zip(rows, EXAMPLE_KINDS, strict=True):
        assert [finding.kind for finding in find_personal_data(example)] == [kind], example


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`build.py check`; what it prints goes to stderr, the report to stdout."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "check", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_documented_allowance_works_as_written(demo_project: Path) -> None:
    example = allowance_example()
    value = re.search(r'value: "([^"]+)"', example)[1]
    file = re.search(r"file: (\S+)", example)[1]
    page = demo_project / file
    page.write_text(f'---\ntitle: "ВПР"\n---\nГорячая линия по ВПР: {value}.\n', encoding="utf-8")

    refused = check(demo_project)
    assert refused.returncode == 1
    errors = [line for line in refused.stderr.splitlines() if ": ошибка: " in line]
    assert errors == [f"{file}:4:23: ошибка: похоже на номер мобильного телефона: «+7 9** ***-**-89»"]

    config = demo_project / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").rstrip("\n") + "\n" + example, encoding="utf-8")
    allowed = check(demo_project)
    assert allowed.returncode == 0, allowed.stderr
    assert "персональн" not in allowed.stderr and "разрешение не понадобилось" not in allowed.stderr
    report = check(demo_project, "--report", "--report-format", "text")
    line = (r"! разрешено: номер мобильного телефона «\+7 9\*\* \*\*\*-\*\*-89»: основание: телефон горячей линии "
            r"по ВПР; согласие Ивановой М\. И\. от 01\.09\.2025; разрешение — site_config\.yaml:\d+:\d+ — "
            + re.escape(file) + ":4:23$")
    assert re.search(line, report.stdout, re.MULTILINE), report.stdout + report.stderr
