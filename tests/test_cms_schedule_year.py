"""Both years' schedule.yaml saved from the real /admin/ keep their meaning: classes, hours and lessons a day are
lists of rows the forms hold (issue 13). Opened first in their own session — in the all-kinds round trip
(tests/test_cms_roundtrip.py) the 310-work procedures page before them leaves their form blank."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from oko.cms import admin_files, cms_config
from oko.fmt import layout_for, load_like_the_forms
from oko.pipeline import load_project
from tests.cms_harness import CHROMIUM_ARGS, PICKER, Editor, Watch, repository_texts, serve
from tests.test_cms_roundtrip import ROOT, SUFFIX, _check_problems, _diff, _string_field, expected_after_edit

YEARS = ("2025-2026", "2026-2027")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    project, _ = load_project(ROOT)
    return cms_config(project)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """/admin/ alone, as the build writes it: the forms need nothing else of the site."""
    project, _ = load_project(ROOT)
    out = tmp_path_factory.mktemp("cms-schedule") / "site"
    for name, data in admin_files(project).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def test_both_years_saved_from_the_form_change_only_the_edited_field(config, site, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    files = repository_texts(ROOT)
    saved: dict[str, str] = {}
    watch = Watch()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
        context.add_init_script(PICKER)
        page = context.new_page()
        watch.attach(page)
        editor = Editor(page, base, files)
        for year in YEARS:
            file = f"content/schedules/{year}/schedule.yaml"
            layout = layout_for(config, PurePosixPath(file))
            assert layout is not None
            path, label = _string_field(layout.fields, load_like_the_forms(files[file]))
            assert (path, label) == (["title"], "Название")
            saved[file] = editor.edit("schedule", "y" + year.replace("-", "_"), label, SUFFIX, file)
            expected = expected_after_edit(files[file], layout, path)
            assert saved[file] == expected, _diff(expected, saved[file])
        browser.close()
    assert "  - grade: 5\n    letters:\n      - А\n" in saved["content/schedules/2025-2026/schedule.yaml"]
    assert _check_problems(saved, tmp_path) == []
    assert watch.errors == [] and watch.failed == []
