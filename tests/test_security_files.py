"""Attacks on the content files, planted in scratch projects: links out of the project, special files, loops,
unlinked files, and files too big, too many-valued or too deep to load.

Each attack either stops the build with exit 1 and the exact Russian message at the exact path, or is
shown absent from every byte of the output. Builds that could leak run as `build.py` subprocesses with
OKO_TEST_SECRET in their environment, so /proc/self/environ would carry it into the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oko.files import MAX_FOLDER_DEPTH, UnsafeFileError, scan_project
from oko.pipeline import generate, load_project, plan_routes
from oko.published import publishable_files
from oko.sources import MAX_DEPTH, MAX_VALUES, SourceDoc, parse_yaml
from oko.yaml_source import _build
from tests.test_errors import INDEX_FILE, PLAN, PLAN_FILE, write_project
from tests.test_fuzz import SEEDS, yaml_like_documents

BUILD_PY = Path(__file__).resolve().parent.parent / "build.py"
SECRET = "oko-secret-3f9c1e7a"
PASSWD_MARK = "root:x:0:0"
OUTSIDE = "ведёт за пределы папки content: такие файлы не читаются и не публикуются"
NOT_REGULAR = "это не обычный файл (именованный канал, устройство или сокет): такие файлы не читаются и не публикуются"
ONLY_REAL = "проект читается только из настоящих файлов и папок"
HINT = "положите в папку сам файл вместо ссылки на него"


def index_linking(*targets: str) -> str:
    """The home page with a link to each file, so that every planted file would be published if read."""
    links = " ".join(f"[файл]({target})" for target in targets)
    return f'---\ntitle: "Главная"\n---\n{links}\n'


def build(root: Path, out: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OKO_TEST_SECRET": SECRET}
    return subprocess.run([sys.executable, str(BUILD_PY), "--project", str(root), "build", "--out", str(out)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=timeout, check=False)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": ошибка: " in line]


def assert_nowhere(out: Path, *payloads: str) -> None:
    """No byte of any file under out (if it exists) contains a payload."""
    for path in out.rglob("*") if out.exists() else ():
        if path.is_file():
            data = path.read_bytes()
            for payload in payloads:
                assert payload.encode() not in data, f"{payload!r} published in {path}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    return project


def plant(root: Path, link: str, target: str, *, page_target: str | None = None) -> None:
    """The minimal project, a symbolic link at `link` pointing to `target`, and a page linking to it."""
    write_project(root, {INDEX_FILE: index_linking(page_target or "../" + link.removeprefix("content/"))})
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / link)


# ------------------------------------------------------------------ links leading out of content/

@pytest.mark.parametrize(("target", "payload"), [
    ("/proc/self/environ", SECRET),
    ("/etc/passwd", PASSWD_MARK),
], ids=["proc-environ", "etc-passwd"])
def test_link_to_a_system_file_is_refused(root, tmp_path, target, payload):
    plant(root, "content/files/leak.txt", target)
    done = build(root, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    assert error_lines(done.stderr) == [f"content/files/leak.txt: ошибка: символическая ссылка на «{target}» {OUTSIDE}"]
    assert f"подсказка: {HINT}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
    assert_nowhere(tmp_path / "site", payload)


def test_relative_link_to_the_checkout_credentials_is_refused(root, tmp_path):
    """../../.git/config from content/files is inside the project but outside content/: refused too."""
    plant(root, "content/files/config.txt", "../../.git/config")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n", "utf-8")
    done = build(root, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    assert error_lines(done.stderr) == [
        f"content/files/config.txt: ошибка: символическая ссылка на «../../.git/config» {OUTSIDE}"]
    assert_nowhere(tmp_path / "site", SECRET)


def test_linked_folder_under_content_is_refused(root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, "utf-8")
    plant(root, "content/files/docs", str(outside), page_target="../files/docs/secret.txt")
    done = build(root, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    assert error_lines(done.stderr) == [f"content/files/docs: ошибка: символическая ссылка на «{outside}» {OUTSIDE}"]
    assert_nowhere(tmp_path / "site", SECRET)


def test_linked_folder_inside_content_is_refused_as_a_folder(root):
    write_project(root, {"content/files/real/a.pdf": b"%PDF"})
    os.symlink("real", root / "content/files/copy")
    issues = [i for i in generate(root).issues if i.is_error]
    assert [(i.file, i.message) for i in issues] == [(
        "content/files/copy",
        "символическая ссылка на папку «real»: содержимое читается только из настоящих папок и обычных файлов")]


def test_linked_plan_file_outside_content_is_refused(root, tmp_path):
    """Not only content/files: a YAML file that is a link out of content/ is not read either."""
    (tmp_path / "plan.yaml").write_text(PLAN, "utf-8")
    write_project(root)
    os.symlink(tmp_path / "plan.yaml", root / "content/plans/other.yaml")
    issues = [i for i in generate(root).issues if i.is_error]
    assert [(i.file, i.message) for i in issues] == [
        ("content/plans/other.yaml", f"символическая ссылка на «{tmp_path / 'plan.yaml'}» {OUTSIDE}")]


def test_linked_site_config_and_content_folder_are_refused(root, tmp_path):
    real = tmp_path / "real"
    write_project(real)
    root.rmdir()
    root.mkdir()
    os.symlink(real / "site_config.yaml", root / "site_config.yaml")
    os.symlink(real / "content", root / "content")
    issues = generate(root).issues
    assert [(i.file, i.message) for i in issues if i.file in ("site_config.yaml", "content")] == [
        ("content", f"символическая ссылка на «{real / 'content'}»: {ONLY_REAL}"),
        ("site_config.yaml", f"символическая ссылка на «{real / 'site_config.yaml'}»: {ONLY_REAL}"),
    ]


def test_link_in_templates_is_refused(root, tmp_path):
    outside = tmp_path / "theme.css"
    outside.write_text(f"/* {SECRET} */", "utf-8")
    write_project(root)
    (root / "templates" / "assets").mkdir(parents=True)
    os.symlink(outside, root / "templates" / "assets" / "leak.css")
    os.symlink("/etc/passwd", root / "templates" / "page.html")
    done = build(root, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    in_theme = "в папке оформления: шаблоны и стили читаются только из настоящих файлов"
    assert error_lines(done.stderr) == [
        f"templates/assets/leak.css: ошибка: символическая ссылка на «{outside}» {in_theme}",
        f"templates/page.html: ошибка: символическая ссылка на «/etc/passwd» {in_theme}",
    ]
    assert_nowhere(tmp_path / "site", SECRET, PASSWD_MARK)


# ------------------------------------------------------------------ special files, loops, dangling links

def test_fifo_in_content_files_does_not_block(root, tmp_path):
    write_project(root, {INDEX_FILE: index_linking("../files/pipe.pdf")})
    (root / "content/files").mkdir()
    os.mkfifo(root / "content/files/pipe.pdf")
    os.mkfifo(root / "content/plans/queue.yaml")
    started = time.monotonic()
    done = build(root, tmp_path / "site", timeout=60)  # a read of the FIFO would block until the timeout
    assert time.monotonic() - started < 30
    assert done.returncode == 1, done.stderr
    assert error_lines(done.stderr) == [f"content/files/pipe.pdf: ошибка: {NOT_REGULAR}",
                                        f"content/plans/queue.yaml: ошибка: {NOT_REGULAR}"]


def test_symlink_loop_is_a_located_error_not_a_traceback(root, tmp_path):
    write_project(root, {INDEX_FILE: index_linking("../files/a.pdf")})
    (root / "content/files").mkdir()
    os.symlink("b.pdf", root / "content/files/a.pdf")
    os.symlink("a.pdf", root / "content/files/b.pdf")
    os.symlink("self", root / "content/files/self")
    done = build(root, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    loop = "зацикливается: ссылки ведут друг на друга по кругу"
    assert error_lines(done.stderr) == [
        f"content/files/a.pdf: ошибка: символическая ссылка на «b.pdf» {loop}",
        f"content/files/b.pdf: ошибка: символическая ссылка на «a.pdf» {loop}",
        f"content/files/self: ошибка: символическая ссылка на «self» {loop}",
    ]
    assert "Traceback" not in done.stderr


def test_dangling_link_is_named(root):
    plant(root, "content/files/gone.pdf", "nowhere.pdf")
    issues = [i for i in generate(root).issues if i.is_error]
    assert [(i.file, i.message) for i in issues] == [
        ("content/files/gone.pdf", "символическая ссылка на «nowhere.pdf» никуда не ведёт: такого файла нет")]


def test_folders_nested_too_deep_are_refused_not_recursed(root):
    write_project(root)
    deep = root / "content" / "files" / "/".join(["d"] * 40)
    deep.mkdir(parents=True)
    (deep / "x.pdf").write_bytes(b"%PDF")
    too_deep = "content/" + "/".join(["files", *["d"] * (MAX_FOLDER_DEPTH - 1)])
    issues = [i for i in generate(root).issues if i.is_error]
    assert [(i.file, i.message) for i in issues] == [
        (too_deep, f"слишком глубокая вложенность папок: больше {MAX_FOLDER_DEPTH} уровней")]


# ------------------------------------------------------------------ the allowed case: a link to a file inside content/

def test_link_to_a_regular_file_inside_content_is_published_with_its_bytes(root, tmp_path):
    """The decision (oko/files.py): a link resolving to a regular file inside content/ is read from its target."""
    write_project(root, {INDEX_FILE: index_linking("../files/real.pdf", "../files/copy.pdf"),
                         "content/files/real.pdf": b"%PDF-1.4 real"})
    os.symlink("real.pdf", root / "content/files/copy.pdf")
    os.symlink("../plans/x.yaml", root / "content/plans/same.yaml")  # a content file under a second name
    done = build(root, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    assert (site / "files/copy.pdf").read_bytes() == b"%PDF-1.4 real"
    assert not (site / "files/copy.pdf").is_symlink()
    assert (site / "plans/same/index.html").is_file()


def test_a_file_swapped_for_a_link_after_the_scan_is_not_followed(root, tmp_path):
    """O_NOFOLLOW on every component: a race between the scan and the read cannot redirect the read."""
    write_project(root, {"content/files/a.pdf": b"%PDF", "content/files/sub/b.pdf": b"%PDF"})
    tree = scan_project(root, folders=("content",))
    assert tree.read("content/files/a.pdf") == b"%PDF"
    (root / "content/files/a.pdf").unlink()
    os.symlink("/etc/passwd", root / "content/files/a.pdf")
    (root / "content/files/sub/b.pdf").unlink()
    (root / "content/files/sub").rmdir()
    os.symlink(tmp_path, root / "content/files/sub")
    (tmp_path / "b.pdf").write_text(SECRET, "utf-8")
    swapped = (("content/files/a.pdf", "файл или папка заменены символической ссылкой во время сборки"),
               ("content/files/sub/b.pdf", "папка заменена символической ссылкой или файлом во время сборки"))
    for relative, message in swapped:
        with pytest.raises(UnsafeFileError) as caught:
            tree.read(relative)
        assert (caught.value.issue.file, caught.value.issue.message) == (relative, message)


# ------------------------------------------------------------------ unlinked files are not published

def test_unlinked_file_is_not_published_and_the_warning_says_so(root):
    write_project(root, {INDEX_FILE: index_linking("../files/used.pdf"),
                         "content/files/used.pdf": b"%PDF used", "content/files/lost.pdf": b"%PDF lost",
                         "content/food/menu.xlsx": b"PK menu"})
    project, _ = load_project(root)
    routes, _ = plan_routes(project)
    assert publishable_files(project, routes) == {"files/used.pdf", "food/menu.xlsx"}
    result = generate(root)
    [warning] = [i for i in result.issues if i.code == "files.unreferenced"]
    assert (warning.level, warning.file, warning.message) == (
        "warning", "content/files/lost.pdf",
        "файл не опубликован: на него нет ни одной ссылки, а на сайт попадают только файлы, на которые ссылаются"
        " документы, планы или страницы")
    assert result.files["files/used.pdf"] == b"%PDF used"
    assert "files/lost.pdf" not in result.files
    assert not any(b"%PDF lost" in data for data in result.files.values())


# ------------------------------------------------------------------ limits: each says what it counts

def plan_with_items(count: int) -> str:
    item = ('  - activity: "Мероприятие № {n}"\n    deadline: "10.02.2026"\n    responsible:\n'
            '      - position: "Директор"\n'
            '      - name: "Петрова В.Г."\n        position: "заместитель директора"\n    result: "Проведено"\n'
            "    status: planned\n")
    head = 'title: "План"\norganisation: demo-school\nacademic_year: "2025-2026"\nitems:\n'
    return head + "".join(item.format(n=n) for n in range(1, count + 1))


def too_many_message() -> str:
    grouped = f"{MAX_VALUES:,}".replace(",", " ")
    return (f"слишком много значений в файле: больше {grouped} (ссылка «*…» считается со всеми значениями,"
            " которые она повторяет)")


TOO_DEEP = f"слишком глубокая вложенность: больше {MAX_DEPTH} уровней списков и наборов полей друг в друге"


@pytest.mark.slow
def test_a_plan_of_20000_items_builds(root, tmp_path):
    """It builds at all: the quadratic spreadsheet loop it once hit took 10½ minutes (the subprocess's timeout
    stops that); how fast it builds is measured in bench/, not here."""
    write_project(root, {PLAN_FILE: plan_with_items(20_000)})
    done = build(root, tmp_path / "site", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    page = (tmp_path / "site/plans/x/index.html").read_text("utf-8")
    assert "Мероприятие № 20000" in page


def test_too_many_values_are_refused_by_their_count(root):
    """A flat list past the cap: the message counts values and points at the first one over it."""
    # PLAN holds 16 values (its one responsible is a mapping with a position) and `goals:` one more,
    # so goal k is value 17 + k; goal k sits on line 14 + k.
    over = MAX_VALUES - 17 + 1
    text = PLAN + "goals:\n" + "  - цель\n" * (over + 10)
    started = time.monotonic()
    doc, issues = parse_yaml(text, PLAN_FILE)
    assert time.monotonic() - started < 30
    assert doc is None
    assert [(i.message, i.line, i.column) for i in issues] == [(too_many_message(), 14 + over, 5)]
    assert issues[0].hint == "разделите файл на несколько файлов поменьше"


def test_alias_bomb_is_refused_at_the_alias_that_crosses_the_cap():
    """Billion laughs: 10^9 values by aliases; counted as expanded, stopped fast, at the alias."""
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]"
              for prev, name in zip("abcdefgh", "bcdefghi", strict=True)]
    started = time.monotonic()
    doc, issues = parse_yaml("\n".join(lines) + "\n", "content/plans/bomb.yaml")
    assert time.monotonic() - started < 10
    assert doc is None
    # Values: root 1, a 11, b 111, c 1 111, d 11 111, e 111 111 (123 456 so far), f's list 1, then 111 111 for
    # each *e: the fourth one (567 901) crosses 500 000.
    [issue] = issues
    assert (issue.message, issue.line) == (too_many_message(), 6)
    assert issue.column == len("f: &f [") + 1 + 3 * len("*e, ")


def test_too_deep_nesting_is_refused_by_its_depth():
    text = "a: " + "[" * 100 + "]" * 100 + "\n"
    doc, issues = parse_yaml(text, "content/plans/deep.yaml")
    assert doc is None
    # The root mapping is level 1, so the 50th bracket opens level 51.
    assert [(i.message, i.line, i.column) for i in issues] == [(TOO_DEEP, 1, len("a: ") + MAX_DEPTH)]


def test_a_million_levels_stop_fast_without_crashing(root, tmp_path):
    """libyaml's composer would overflow the C stack here (a segfault, no message); the event builder stops."""
    write_project(root, {PLAN_FILE: "title: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n"})
    started = time.monotonic()
    done = build(root, tmp_path / "site")
    assert time.monotonic() - started < 30
    assert done.returncode == 1, done.stderr
    assert error_lines(done.stderr) == [f"{PLAN_FILE}:1:{len('title: ') + MAX_DEPTH}: ошибка: {TOO_DEEP}"]


def test_a_too_big_text_file_is_refused_unread(root):
    write_project(root, {PLAN_FILE: PLAN + "# " + "x" * (17 * 1024 * 1024) + "\n"})
    issues = [i for i in generate(root).issues if i.is_error]
    assert [(i.file, i.message) for i in issues] == [
        (PLAN_FILE, "файл слишком большой: 17,0 МБ, а текстовый файл содержимого — не больше 16 МБ")]


# ------------------------------------------------------------------ libyaml and PyYAML build the same document

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_like_documents, st.sampled_from(sorted(SEEDS.values()))))
def test_libyaml_and_pure_python_parsers_build_the_same_document(text):
    """The fast path (libyaml events) and the fallback (PyYAML events) agree on data and every position."""
    def built(loader: type) -> object:
        doc, issues = _build(SourceDoc(file="x.yaml", text=text), loader, 0)
        return (doc and (doc.data, doc.positions, doc.key_positions), [(i.message, i.line, i.column) for i in issues])
    assert built(yaml.CSafeLoader) == built(yaml.SafeLoader)
