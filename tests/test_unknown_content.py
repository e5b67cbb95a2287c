"""An unknown folder and an unknown file anywhere under content/ are each a located error with a did-you-mean
(issue 12), while every file a kind really reads — the demo's content/files/**, food/*.xlsx,
results/<year>/*.yaml, sveden, documents.yaml, demos, vpr … — passes unflagged."""

from __future__ import annotations

import shutil
from pathlib import Path

from oko.pipeline import generate, load_project
from oko.registry import content_layouts
from tests.test_errors import write_project

ROOT = Path(__file__).resolve().parent.parent
FOLDER_TAIL = "её никто не читает, и на сайт из неё ничего не попадёт"
FILE_TAIL = "его никто не читает, и на сайт он не попадёт"


def unknown(root: Path) -> list[tuple[str, str, str]]:
    """(file, message, hint) of every unknown-content issue of a load."""
    _, issues = load_project(root)
    return [(i.file, i.message, i.hint) for i in issues if i.message.startswith("неизвестн")]


def test_a_misspelt_folder_is_an_error_naming_the_right_one(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"content/shedules/2025-2026/schedule.yaml": "title: x\n"})
    result = generate(root)
    errors = [(i.level, i.file, i.message, i.hint) for i in result.issues if i.is_error]
    assert errors == [("error", "content/shedules/", f"неизвестная папка «shedules» в content/: {FOLDER_TAIL}",
                       "возможно, schedules: переименуйте папку или удалите её")]  # its files are not listed again
    assert result.files == {}


def test_a_file_no_kind_reads_is_an_error_with_the_name_it_may_have(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"content/plans/x.txt": "план\n"})
    assert unknown(root) == [
        ("content/plans/x.txt", f"неизвестный файл «x.txt» в content/plans/: {FILE_TAIL}",
         "возможно, x.yaml: в content/plans/ читаются только файлы *.yaml")]
    assert generate(root).failed()


def test_every_place_under_content_is_checked(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "content/documets.yaml": "documents: []\n",
        "content/plans/old/plan.yaml": "title: x\n",
        "content/results/2025-2026/vpr.xlsx": b"PK",
        "content/schedules/procedures.yaml": "[]\n",
        "content/plans/.gitkeep": "",  # hidden files are the author's own
        "content/.github/notes.md": "",
    })
    assert unknown(root) == [
        ("content/documets.yaml", f"неизвестный файл «documets.yaml» в content/: {FILE_TAIL}",
         "возможно, documents.yaml: переименуйте файл или удалите его"),
        ("content/plans/old/", f"неизвестная папка «old» в content/plans/: {FOLDER_TAIL}",
         "в content/plans/ папок не бывает: перенесите её файлы или удалите её"),
        ("content/results/2025-2026/vpr.xlsx", f"неизвестный файл «vpr.xlsx» в content/results/2025-2026/: {FILE_TAIL}",
         "возможно, vpr.yaml: в content/results/2025-2026/ читаются только файлы *.yaml"),
        ("content/schedules/procedures.yaml", f"неизвестный файл «procedures.yaml» в content/schedules/: {FILE_TAIL}",
         "в content/schedules/ файлов не бывает: перенесите его в папку своего вида или удалите"),
    ]


def test_a_folder_far_from_every_name_lists_what_may_stand_there(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"content/zzz/a.yaml": "a: 1\n"})
    assert unknown(root) == [
        ("content/zzz/", f"неизвестная папка «zzz» в content/: {FOLDER_TAIL}",
         "в content/ бывают папки: criteria, demos, files, food, news, organisations, pages, plans, results, "
         "schedules, sveden, vpr")]


def test_the_demo_content_has_nothing_unknown(tmp_path: Path) -> None:
    """Every real file of every kind: published files at any depth, menus, results by year, «Сведения»…"""
    root = tmp_path / "demo"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "site_config.yaml", root / "site_config.yaml")
    (root / "content" / "files" / "deep" / "deeper").mkdir(parents=True)
    (root / "content" / "files" / "deep" / "deeper" / "scan.pdf").write_bytes(b"%PDF-1.4")
    kinds = {path.split("/")[1] for path in (p.relative_to(root).as_posix() for p in root.glob("content/*/*"))}
    assert {"files", "food", "results", "sveden", "plans", "demos", "vpr", "schedules", "criteria"} <= kinds
    assert unknown(root) == []


def test_the_layouts_name_every_kind() -> None:
    assert content_layouts() == [
        "criteria/*.md", "demos/*.yaml", "documents.yaml", "files/**", "food/**", "news/*.md", "organisations/*.yaml",
        "pages/*.md", "plans/*.yaml", "results/*.yaml", "results/*/*.yaml", "schedules/*/*.yaml", "sveden/*.yaml",
        "vpr/*.yaml"]
