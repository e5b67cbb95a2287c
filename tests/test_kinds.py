"""A kind registered from tests/ (tests/kind_notices) gets pages, a menu entry, a schema, a CMS collection,
rules and the cross-kind checks, with no change to oko/ (issue 11)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from oko import cli
from oko.pipeline import generate
from oko.registry import content_paths, register, registered, unregister
from oko.rules import rule_codes
from tests.kind_notices import KIND, TEMPLATE
from tests.test_errors import write_project

ROOT = Path(__file__).resolve().parent.parent
NOTICE = 'title: "Родительское собрание"\ndate: "15.09.2025"\ntext: "Собрание в 18:00 в актовом зале."\n'
NOTICE_FILE = "content/notices/meeting.yaml"


@pytest.fixture
def notices() -> Iterator[None]:
    register(KIND)
    yield
    unregister(KIND.name)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "project", {NOTICE_FILE: NOTICE})
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "templates" / "notices.html").write_text(TEMPLATE, encoding="utf-8")
    return root


def test_registering_adds_the_kind_in_its_order_and_unregistering_removes_it(notices: None) -> None:
    names = [kind.name for kind in registered()]
    assert names[-2:] == ["vpr", "notices"]  # order 95, after the built-in 90
    assert "notices.title_length" in rule_codes(registered())
    # what content/ may hold
    assert content_paths() == ["criteria", "demos", "documents.yaml", "files", "food", "news", "notices",
                               "organisations", "pages", "plans", "results", "schedules", "sveden", "vpr"]
    with pytest.raises(ValueError, match="already registered"):
        register(KIND)


def test_without_registering_the_folder_is_not_read(project: Path) -> None:
    """Not read, and not skipped without a word: an unknown folder is an error (issue 12)."""
    assert "notices" not in content_paths()
    result = generate(project)
    assert [(issue.file, issue.message) for issue in result.issues if issue.is_error] == [
        ("content/notices/", "неизвестная папка «notices» в content/: её никто не читает, и на сайт из неё "
                             "ничего не попадёт")]
    assert result.files == {}


def test_a_registered_kind_gets_pages_and_a_menu_entry(notices: None, project: Path) -> None:
    result = generate(project)
    assert [i.message for i in result.issues if i.is_error] == []
    index = result.files["notices/index.html"].decode("utf-8")
    page = result.files["notices/meeting/index.html"].decode("utf-8")
    assert '<a href="meeting/">Родительское собрание</a>' in index
    assert "<h1>Родительское собрание</h1>" in page
    assert '<p class="notice-date">15 сентября 2025 г.</p><p>Собрание в 18:00 в актовом зале.</p>' in page
    home = result.files["index.html"].decode("utf-8")
    nav = home.split('aria-label="Главное меню"')[1].split("</nav>")[0]
    menu = re.findall(r'<li><a href="([^"]*)"[^>]*>([^<]*)</a></li>', nav)
    assert menu == [("./", "Главная"), ("schedule/", "График оценочных процедур"), ("plans/", "Планы"),
                    ("notices/", "Объявления")]  # place 60: after the plans' 50
    assert '<a href="../">Объявления</a>' in page  # the menu is on every page, current section marked


def test_a_registered_kind_gets_its_rules_and_the_personal_data_rule(notices: None, project: Path) -> None:
    (project / NOTICE_FILE).write_text(
        f'title: "{"Очень длинный заголовок объявления " * 3}"\ndate: "15.09.2025"\n'
        'text: "Звоните классному руководителю: +7 912 345-67-89"\n', encoding="utf-8")
    result = generate(project)
    found = sorted((i.code, i.level, i.file, i.line) for i in result.issues if i.code)
    assert found == [("notices.title_length", "warning", NOTICE_FILE, 1),
                     ("personal_data.phone", "error", NOTICE_FILE, 3)]
    assert result.failed()


def test_a_page_may_not_take_the_kinds_address(notices: None, project: Path) -> None:
    (project / "content/pages/notices.md").write_text('---\ntitle: "Объявления"\n---\nТекст.\n', encoding="utf-8")
    [issue] = [i for i in generate(project).issues if i.is_error]
    assert (issue.file, issue.message) == ("content/pages/notices.md", "имя страницы «notices» занято разделом сайта")


def test_a_registered_kind_gets_a_schema_and_its_editor_glob(notices: None, project: Path) -> None:
    assert cli.main(["--project", str(project), "schemas"]) == 0
    schema = json.loads((project / "schemas" / "notice.schema.json").read_text(encoding="utf-8"))
    assert (schema["title"], schema["required"]) == ("Объявление", ["title", "date", "text"])
    assert schema["properties"]["text"]["title"] == "Текст объявления"
    settings = json.loads((project / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schemas/notice.schema.json"] == ["content/notices/*.yaml"]
    assert not (project / NOTICE_FILE).read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_a_registered_kind_gets_a_cms_collection(notices: None, project: Path) -> None:
    out = project / "config.yml"
    assert cli.main(["--project", str(project), "cms-config", "--out", str(out)]) == 0
    collections = yaml.safe_load(out.read_text(encoding="utf-8"))["collections"]
    names = [collection["name"] for collection in collections]
    assert names == ["plans", "pages", "news", "criteria", "demos", "vpr", "notices", "organisations", "schedule",
                     "documents", "sveden", "settings"]
    notices_form = collections[names.index("notices")]
    assert (notices_form["folder"], notices_form["label"]) == ("content/notices", "Объявления")
    assert [(f["name"], f["label"], f["widget"]) for f in notices_form["fields"]] == [
        ("title", "Заголовок", "string"), ("date", "Дата", "datetime"), ("text", "Текст объявления", "text")]
