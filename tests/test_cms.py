"""Editing through pull requests: the CMS config and the JSON Schemas come from the models."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

import pytest
import yaml

from oko.errors import Issue, report_summary
from oko.schemas import CONTENT_KINDS, SCHEMA_DIR, kind_of, schema_texts

ROOT = Path(__file__).resolve().parent.parent
SVELTIA_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return run("-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files))


def test_cms_config_validates_against_the_cms_schema_and_covers_every_kind(tmp_path: Path) -> None:
    assert SVELTIA_SCHEMA.is_file(), "run `npm ci`: the Sveltia CMS package ships its config schema"
    out = tmp_path / "config.yml"
    assert run("build.py", "cms-config", "--out", str(out)).returncode == 0
    result = check_jsonschema(SVELTIA_SCHEMA, out)
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(out.read_text("utf-8"))
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    targets = {c.get("folder") for c in config["collections"]} | {
        f["file"] for c in config["collections"] for f in c.get("files", [])}
    for kind in CONTENT_KINDS:
        pattern = kind.pattern or {"page": "content/pages", "criteria": "content/criteria",
                                   "news": "content/news"}[kind.name]
        folder = pattern.rsplit("/", 1)[0] if "*" in pattern.rsplit("/", 1)[-1] else pattern
        assert folder in targets or any(Path(t).match(pattern) for t in targets if t), kind.name


def test_cms_fields_are_russian_with_selects_and_date_pickers(tmp_path: Path) -> None:
    config = yaml.safe_load(run("build.py", "cms-config").stdout)
    plans = next(c for c in config["collections"] if c["name"] == "plans")
    items = next(f for f in plans["fields"] if f["name"] == "sections")["fields"][1]["fields"]
    status = next(f for f in items if f["name"] == "status")
    assert status["widget"] == "select"
    assert {"label": "выполнено", "value": "done"} in status["options"]
    approval = next(f for f in plans["fields"] if f["name"] == "approval")
    order = next(f for f in approval["fields"] if f["name"] == "order")
    assert next(f for f in order["fields"] if f["name"] == "date")["widget"] == "datetime"
    assert all(f["label"] and not f["label"].isascii() for f in plans["fields"])
    criteria = next(c for c in config["collections"] if c["name"] == "criteria")
    scales = next(f for f in criteria["fields"] if f["name"] == "scales")
    assert {t["name"] for t in scales["types"]} == {"percent", "points", "error_count", "errors", "rubric"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_admin_page_loads_without_other_hosts(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    out = tmp_path / "site"
    assert run("build.py", "build", "--out", str(out)).returncode == 0
    for name in ("index.html", "config.yml", "init.js", "cms/index.js"):
        assert (out / "admin" / name).is_file(), name
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    requests: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(base + "admin/")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "cms-admin.png"))
            text = page.locator("body").inner_text()
            browser.close()
    finally:
        server.shutdown()
    assert any("/admin/config.yml" in url for url in requests), requests
    foreign = [url for url in requests if not url.startswith((base, "data:", "blob:"))]
    assert foreign == [], foreign
    assert text.strip(), "the CMS drew nothing"


def test_committed_schemas_equal_the_generated_ones() -> None:
    generated = schema_texts()
    committed = {path.name: path.read_text("utf-8") for path in (ROOT / "schemas").glob("*.schema.json")}
    assert committed == generated, "run `python build.py schemas` and commit schemas/"


def content_files() -> list[Path]:
    return [ROOT / "site_config.yaml", *sorted((ROOT / "content").rglob("*.yaml"))]


def test_every_content_file_has_a_schema_and_validates_against_it() -> None:
    """Each file's schema by its kind's pattern — the mapping .vscode/settings.json gives editors."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    groups: dict[Path, list[Path]] = {}
    for path in content_files():
        kind = kind_of(path, ROOT)
        assert kind is not None, path
        assert not path.read_text("utf-8").startswith("# yaml-language-server:"), f"{path}: run `build.py schemas`"
        key = f"./{SCHEMA_DIR}/{kind.name}.schema.json"
        assert key in settings["yaml.schemas"], f"{key}: run `python build.py schemas`"
        groups.setdefault(ROOT / SCHEMA_DIR / f"{kind.name}.schema.json", []).append(path)
    for schema, files in groups.items():
        result = check_jsonschema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_content_error_shows_in_schema_validation_too(tmp_path: Path) -> None:
    source = ROOT / "content" / "plans" / "sosh-17-2025-2026.yaml"
    broken = tmp_path / "plan.yaml"
    broken.write_text(source.read_text("utf-8").replace("status: done", "status: donе", 1)
                      .replace("academic_year:", "academic_yeer:"), encoding="utf-8")
    result = check_jsonschema(ROOT / "schemas" / "plan.schema.json", broken)
    assert result.returncode == 1
    assert "academic_yeer" in result.stdout
    assert "donе" in result.stdout


def test_job_summary_lists_every_error() -> None:
    issues = [Issue("error", f"content/plans/p{i}.yaml", f"ошибка {i}", i + 1, 3, "title", "исправьте")
              for i in range(14)]
    text = report_summary(issues)
    assert "**14 ошибок**" in text
    assert all(f"content/plans/p{i}.yaml:{i + 1}:3" in text for i in range(14))
    assert "| Где | Поле | Что не так | Как исправить |" in text


def broken_project(tmp_path: Path) -> Path:
    """A tiny project with three mistakes: a bad enum value, an unknown key, a missing title."""
    project = tmp_path / "p"
    (project / "content" / "organisations").mkdir(parents=True)
    (project / "content" / "pages").mkdir(parents=True)
    (project / "site_config.yaml").write_text('title: "T"\norganisation: school\n', "utf-8")
    (project / "content" / "organisations" / "school.yaml").write_text(
        'name: "Школа"\nshort_name: "Ш"\nkind: scool\n', "utf-8")
    (project / "content" / "pages" / "index.md").write_text("---\ntitel: Главная\n---\nТекст\n", "utf-8")
    return project


@pytest.mark.parametrize("fmt", ["github", "summary"])
def test_check_formats_for_pull_requests(tmp_path: Path, fmt: str) -> None:
    project = broken_project(tmp_path)
    result = run("build.py", "--project", str(project), "check", "--format", fmt)
    assert result.returncode == 1
    if fmt == "github":
        assert "::error file=content/organisations/school.yaml,line=3,col=7::kind: недопустимое значение" \
            in result.stdout
        assert "::error file=content/pages/index.md,line=2,col=1::titel: неизвестный ключ «titel»" in result.stdout
    else:
        assert result.stdout.count("| ошибка |") >= 3


def test_pr_check_summary_screenshot(tmp_path: Path) -> None:
    """The job summary a teacher sees on a pull request, drawn in Chromium for the handbook."""
    import markdown
    from playwright.sync_api import sync_playwright

    project = broken_project(tmp_path)
    summary = run("build.py", "--project", str(project), "check", "--format", "summary").stdout
    page_html = ('<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Проверка</title><style>'
                 "body{font:15px system-ui,sans-serif;margin:24px;max-width:1000px}"
                 "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:6px 10px;text-align:left}"
                 "</style></head><body>" + markdown.markdown(summary, extensions=["tables"]) + "</body></html>")
    (tmp_path / "summary.html").write_text(page_html, "utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1100, "height": 500})
        page.goto((tmp_path / "summary.html").as_uri())
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pr-check.png"), full_page=True)
        assert "неизвестный ключ «titel»" in page.locator("body").inner_text()
        browser.close()
    assert (ARTIFACTS / "pr-check.png").stat().st_size > 5000
