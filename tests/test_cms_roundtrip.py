"""Lossless editing through the forms (issue 13): every kind's files saved from the real /admin/ in Chromium.

For two files of every collection (the largest procedures file among them) one text field is changed
and saved through Sveltia CMS with a Russian browser. Each saved file must be exactly what `build.py fmt`
writes for the original with that one field changed — so the diff against the original, both through
fmt, is that field and nothing else — and `build.py check` must pass on the saved files. The files whose
shapes a form cannot hold yet are listed in KNOWN_LOSSY (issue 13 is open for them). The same
session shows the interface in Russian with no console error and no failed request.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from oko.cms import cms_config
from oko.fmt import Layout, canonical_text, in_form_order, layout_for, load_like_the_forms
from oko.pipeline import load_project
from oko.yaml_emit import dump
from tests.cms_harness import CHROMIUM_ARGS, PICKER, Editor, Watch, repository_texts, serve

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = " (изм.)"

# Files a form save still changes beyond the edited field — the shapes issue 13 has yet to change (a
# ratchet: a file that becomes lossless, or one that stops being so, fails this test until listed right).
KNOWN_LOSSY = {
}
# Files whose edited field the harness cannot reach (Editor.find scrolls the form and opens collapsed parts).
KNOWN_UNREACHED = {
}
FRONT_MATTER_END = "\n---\n"


# Text a person writes (names, titles, notes), preferred over codes that other fields or rules read.
PROSE = ("title", "name", "fullName", "activity", "note", "description", "label", "body", "text")


def _string_field(fields: list[dict[str, Any]], data: dict[str, Any]) -> tuple[list[Any], str] | None:
    """A text field holding text — prose first — at the top, else in a list's first item (path, label).

    Not an identifier, an address or a code (a class set, a subject): other files and rules read those, so
    changing one alone is not an edit check accepts.
    """
    def text_fields(names: tuple[str, ...] | None) -> list[dict[str, Any]]:
        return [field for field in fields if field.get("widget", "string") in ("string", "text")
                and (names is None or field["name"] in names) and isinstance(data.get(field["name"]), str)
                and data[field["name"]] and not data[field["name"]].startswith(("http://", "https://", "files/"))]

    for field in [*text_fields(PROSE), *[f for f in text_fields(None) if f["name"] != "id"]][:1]:
        return [field["name"]], field["label"]
    for field in fields:
        value = data.get(field["name"])
        if field.get("widget") == "list" and "fields" in field and value and isinstance(value[0], dict):
            found = _string_field(field["fields"], value[0])
            if found:
                return [field["name"], 0, *found[0]], found[1]
    return None


def _front_matter(text: str, layout: Layout) -> tuple[str, str]:
    if not layout.markdown:
        return text, ""
    head, _, body = text[4:].partition(FRONT_MATTER_END)
    return head, body


def expected_after_edit(text: str, layout: Layout, path: list[Any]) -> str:
    """What fmt writes for the original file with the one field changed."""
    head, body = _front_matter(text, layout)
    data = copy.deepcopy(load_like_the_forms(head))
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] += SUFFIX
    if not layout.markdown:
        return dump(in_form_order(data, layout.fields))
    edited = f"---\n{dump(data)}---\n{body}"
    return canonical_text(edited, layout)


def largest_procedures_file() -> str:
    """The schedule file with the most procedures (by size): the form a deputy head scrolls longest."""
    files = [path for path in (ROOT / "content/schedules").glob("*/*.yaml") if path.name != "schedule.yaml"]
    return max(files, key=lambda path: path.stat().st_size).relative_to(ROOT).as_posix()


def cases(config: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(collection, entry, file): two files of every collection, the largest procedures file among them.

    A collection of one file (the settings, the document registry, the demo's one ВПР year) has that file
    edited twice: a second save over the first one's output (test_cases_cover_every_collection names them).
    """
    chosen: list[tuple[str, str, str]] = []
    biggest = largest_procedures_file()
    for collection in config["collections"]:
        if "files" in collection:
            entries = [(entry["name"], entry["file"]) for entry in collection["files"]]
            first = next((entry for entry in entries if entry[1] == biggest),
                         max(entries, key=lambda entry: (ROOT / entry[1]).stat().st_size))
            picked = [first, *[entry for entry in entries if entry != first]][:2]
        else:
            paths = sorted((ROOT / collection["folder"]).glob(f"*.{collection['extension']}"))
            picked = [(path.stem, path.relative_to(ROOT).as_posix()) for path in paths[:2]]
        picked = (picked * 2)[:2]
        chosen += [(collection["name"], name, file) for name, file in picked]
    return chosen


def test_cases_cover_every_collection(config):
    chosen = cases(config)
    per_collection: dict[str, list[str]] = {}
    for collection, _, file in chosen:
        per_collection.setdefault(collection, []).append(file)
    assert sorted(per_collection) == sorted(collection["name"] for collection in config["collections"])
    assert all(len(files) == 2 for files in per_collection.values())
    assert largest_procedures_file() in [file for _, _, file in chosen]
    single = sorted(name for name, files in per_collection.items() if files[0] == files[1])
    for collection in config["collections"]:  # one file edited twice only where the collection has one file
        count = len(collection.get("files", [])) or len(list((ROOT / collection.get("folder", "")).glob(
            f"*.{collection.get('extension', 'yaml')}")))
        assert (collection["name"] in single) == (count == 1), collection["name"]
    assert single == ["documents", "settings", "vpr"]  # the demo has one of each (content/vpr: 2026 only)


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    project, _ = load_project(ROOT)
    return cms_config(project)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cms-roundtrip") / "site"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def test_every_kind_saved_from_the_forms_keeps_its_meaning(config, site, tmp_path):
    from playwright.sync_api import sync_playwright

    files = repository_texts(ROOT)
    problems: list[str] = []
    lossy: dict[str, str] = {}
    saved: dict[str, str] = {}
    watch = Watch()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
        context.add_init_script(PICKER)
        page = context.new_page()
        watch.attach(page)
        editor = Editor(page, base, files)
        assert "Коллекции" in page.locator("body").inner_text() or page.url.endswith("/collections/plans")
        for collection, entry, file in cases(config):
            layout = layout_for(config, PurePosixPath(file))
            original = saved.get(file, files[file])
            head, _ = _front_matter(original, layout)
            target = _string_field(layout.fields, load_like_the_forms(head) or {})
            if target is None:
                problems.append(f"{file}: no text field to edit")
                continue
            path, label = target
            try:
                after = editor.edit(collection, entry, label, SUFFIX, file)
            except Exception as error:  # every file's failure is reported together
                problems.append(f"{file}: {label}: {error}".splitlines()[0])
                continue
            expected = expected_after_edit(original, layout, path)
            if after != expected:
                lossy[file] = f"«{label}» saved with other changes:\n" + _diff(expected, after)
            saved[file] = after
        browser.close()
    unreached = sorted({problem.split(":", 1)[0] for problem in problems})
    assert unreached == sorted(KNOWN_UNREACHED), "\n".join(problems)  # every other edit was made and saved
    problems = []
    unexpected = {file: diff for file, diff in lossy.items() if file not in KNOWN_LOSSY}
    assert unexpected == {}, "\n".join(f"{file}: {diff}" for file, diff in unexpected.items())
    assert sorted(lossy) == sorted(KNOWN_LOSSY), f"now lossless: remove {sorted(set(KNOWN_LOSSY) - set(lossy))}"
    problems += _check_problems({file: text for file, text in saved.items() if file not in KNOWN_LOSSY}, tmp_path)
    assert problems == [], "\n".join(problems)
    assert watch.errors == [], watch.errors
    assert watch.failed == [], watch.failed
    assert all(url.startswith((base, "data:", "blob:")) for url in watch.requests)


def _diff(expected: str, actual: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "fmt (ожидалось)", "форма", n=0))[:2000]


def _check_problems(saved: dict[str, str], tmp_path: Path) -> list[str]:
    """`build.py check` on the repository with every saved file in place."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "site_config.yaml", project / "site_config.yaml")
    shutil.copytree(ROOT / "templates", project / "templates")
    for file, text in saved.items():
        (project / file).write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    return [] if done.returncode == 0 else [f"check after the saves:\n{done.stdout[-3000:]}{done.stderr[-2000:]}"]
