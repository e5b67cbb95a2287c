"""A site that overrides one template keeps the default theme's stylesheet and scripts."""

from __future__ import annotations

from pathlib import Path

from oko.pipeline import DEFAULT_TEMPLATES, generate
from tests.test_errors import write_project


def test_overriding_one_template_keeps_the_theme_assets(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    page = (DEFAULT_TEMPLATES / "page.html").read_text(encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "page.html").write_text(page.replace("</h1>", "</h1><!-- school's own -->", 1),
                                                     encoding="utf-8")
    result = generate(project)
    assert [issue for issue in result.issues if issue.is_error] == []
    theme_assets = sorted(p.name.split(".")[0] for p in (DEFAULT_TEMPLATES / "assets").iterdir() if p.is_file())
    published = sorted(path.split("/")[-1].split(".")[0] for path in result.files if path.startswith("assets/"))
    assert published == theme_assets
