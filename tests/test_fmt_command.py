"""`build.py fmt [--check] [ПУТИ…]` on a copy of the demo: the messages, the diff, the comments, the exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORGANISATION = "content/organisations/demo-school.yaml"
WRITTEN_BY_HAND = ('# Школа-владелец сайта\nname: "Школа № 17"\nkind: school\nshort_name: "СОШ № 17"  # как в уставе\n')
CANONICAL = "name: Школа № 17\nshort_name: СОШ № 17\nkind: school\n"
HINT = ("Комментарии: при сохранении из формы комментарии пропадают; важное из комментария впишите в поле "
        "(например «Примечание» — note или «Описание» — description); справочник: «Что можно и чего нельзя в "
        "формах».\n")


def fmt(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "fmt", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "content", copy / "content")
    shutil.copy(ROOT / "site_config.yaml", copy / "site_config.yaml")
    (copy / ORGANISATION).write_text(WRITTEN_BY_HAND, encoding="utf-8")
    return copy


def test_check_names_the_file_its_comments_and_the_diff_and_changes_nothing(project):
    done = fmt(project, "--check", "content/organisations")
    assert done.returncode == 1
    assert done.stdout == (
        f"{ORGANISATION}: записан не так, как его запишет форма; `build.py fmt {ORGANISATION}` перепишет его так "
        "(смысл не меняется)\n"
        f"  {ORGANISATION}:1: комментарий «# Школа-владелец сайта» пропадёт\n"
        f"  {ORGANISATION}:4: комментарий «# как в уставе» пропадёт\n"
        f"--- {ORGANISATION} (сейчас)\n+++ {ORGANISATION} (как запишет форма)\n"
        "@@ -1,4 +1,3 @@\n-# Школа-владелец сайта\n-name: \"Школа № 17\"\n+name: Школа № 17\n+short_name: СОШ № 17\n"
        " kind: school\n-short_name: \"СОШ № 17\"  # как в уставе\n"
        + HINT)
    assert done.stderr == "fmt --check: не в виде форм — 1 из 6 файлов; выполните `build.py fmt`\n"
    assert (project / ORGANISATION).read_text("utf-8") == WRITTEN_BY_HAND


def test_fmt_rewrites_says_which_comments_went_and_then_check_passes(project):
    done = fmt(project, ORGANISATION)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (f"переписан: {ORGANISATION}\n"
                           f"  {ORGANISATION}:1: комментарий «# Школа-владелец сайта» убран\n"
                           f"  {ORGANISATION}:4: комментарий «# как в уставе» убран\n"
                           + HINT + "fmt: переписано 1 из 1 файла\n")
    assert (project / ORGANISATION).read_text("utf-8") == CANONICAL
    again = fmt(project, "--check", ORGANISATION)
    assert (again.returncode, again.stdout, again.stderr) == (
        0, "", "fmt --check: 1 файл в том виде, в котором их пишут формы\n")


def test_unreadable_yaml_is_named_at_its_place_and_left_alone(project):
    broken = project / "content/organisations/broken.yaml"
    broken.write_text("name: [Школа\nkind: school\n", encoding="utf-8")
    done = fmt(project, "content/organisations/broken.yaml")
    assert done.returncode == 1
    assert done.stderr == ("ошибка: content/organisations/broken.yaml:2:5: не читается как YAML; файл не тронут — "
                           "исправьте его (`build.py check` назовёт ошибку)\nfmt: переписано 0 из 1 файла, "
                           "не прочитано — 1\n")
    assert broken.read_text("utf-8") == "name: [Школа\nkind: school\n"


@pytest.mark.parametrize(("path", "message"), [
    ("nowhere.yaml", "ошибка: «nowhere.yaml»: такого файла или папки нет\n"),
    ("/", "ошибка: «/» — вне проекта «{project}»\n"),
    ("content/files", "ошибка: «content/files»: не файл содержимого (site_config.yaml, content/**/*.yaml, "
                      "content/**/*.md)\n"),
])
def test_a_path_that_is_not_content_is_a_usage_error(project, path, message):
    (project / "content/files").mkdir(exist_ok=True)
    done = fmt(project, "--check", path)
    assert (done.returncode, done.stderr) == (2, message.format(project=project.resolve()))
