"""Incremental builds give the clean build's bytes: random edit sequences, compared after every step.

A hypothesis state machine edits a copy of a small project (page bodies and titles, links between
pages, new, deleted and renamed pages, a template override edited, added and removed, the settings,
a broken file and its fix). After each step the project is built twice — clean, and with the build
cache kept (on disk, read back every step, as `build` does) — and the two must be the same files with
the same bytes; the incremental one is also written over the previous output (hard links for what did
not change) and the folder must hold exactly those files. A failed step must fail the same way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from oko.cache import BuildCache
from oko.cache.store import CACHE_DIR, STATE_FILE
from oko.incremental import build_site, project_cache
from oko.pipeline import generate
from oko.write import MARKER, write_site

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["оценка", "график", "работа", "класс", "школа", "план", "критерий", "урок"]
SLUGS = ["about", "rules", "news", "docs", "help", "team"]
CONFIG = 'title: "{title}"\norganisation: school\n'
ORGANISATION = 'name: "Школа № 1"\nshort_name: "Школа"\nkind: school\n'
THEME_PAGE = (ROOT / "templates" / "page.html").read_text(encoding="utf-8")


def page_text(title: str, words: list[str], links: list[str]) -> str:
    body = " ".join(words) or "Текст."
    links_md = "".join(f"\n\n[{target}]({target}.md)" for target in links)
    return f"---\ntitle: {title}\n---\n{body}{links_md}\n"


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class EditSequences(RuleBasedStateMachine):
    """A small school site under random edits; incremental output ≡ clean output after each one."""

    def __init__(self) -> None:
        super().__init__()
        self.base = Path(os.environ["OKO_TEST_INCREMENTAL_TMP"]) / f"run-{id(self)}"
        shutil.rmtree(self.base, ignore_errors=True)
        self.root = self.base / "project"
        self.out = self.base / "site"
        self.pages: dict[str, tuple[str, list[str], list[str]]] = {}
        self.broken: str | None = None
        self.template = False

    @initialize()
    def start(self) -> None:
        (self.root / "content" / "organisations").mkdir(parents=True)
        (self.root / "content" / "pages").mkdir(parents=True)
        (self.root / "content" / "organisations" / "school.yaml").write_text(ORGANISATION, encoding="utf-8")
        self._write_config("Тест")
        self._write_page("index", "Главная", ["школа"], [])
        self._write_page("about", "О школе", ["план"], ["index"])

    # ------------------------------------------------------------------ edits
    @rule(words=st.lists(st.sampled_from(WORDS), max_size=6), data=st.data())
    def edit_body(self, words: list[str], data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.pages)))
        title, _, links = self.pages[slug]
        self._write_page(slug, title, words, links)

    @rule(title=st.sampled_from(["О школе", "Правила", "Новости", "Главная", "Документы"]), data=st.data())
    def edit_title(self, title: str, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.pages)))
        _, words, links = self.pages[slug]
        self._write_page(slug, title, words, links)

    @rule(data=st.data())
    def edit_links(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.pages)))
        title, words, _ = self.pages[slug]
        targets = data.draw(st.lists(st.sampled_from(sorted(self.pages)), max_size=2, unique=True))
        self._write_page(slug, title, words, targets)

    @precondition(lambda self: len(self.pages) < len(SLUGS))
    @rule(data=st.data(), words=st.lists(st.sampled_from(WORDS), max_size=4))
    def add_page(self, data: st.DataObject, words: list[str]) -> None:
        slug = data.draw(st.sampled_from([s for s in SLUGS if s not in self.pages]))
        self._write_page(slug, slug.capitalize(), words, [])

    @precondition(lambda self: len(self.pages) > 2)
    @rule(data=st.data())
    def delete_page(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(set(self.pages) - {"index"})))
        (self.root / "content" / "pages" / f"{slug}.md").unlink()
        del self.pages[slug]
        self._drop_links(slug)

    @precondition(lambda self: len(self.pages) < len(SLUGS) + 1 and len(self.pages) > 1)
    @rule(data=st.data())
    def rename_page(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(sorted(set(self.pages) - {"index"})))
        new = data.draw(st.sampled_from([s for s in SLUGS if s not in self.pages]))
        (self.root / "content" / "pages" / f"{old}.md").rename(self.root / "content" / "pages" / f"{new}.md")
        self.pages[new] = self.pages.pop(old)
        self._drop_links(old)

    @rule(marker=st.sampled_from(["<p>А</p>", "<p>Б</p>", ""]))
    def edit_template(self, marker: str) -> None:
        """An override of page.html: added, changed, or removed (the theme's is used again)."""
        path = self.root / "templates" / "page.html"
        if marker:
            path.parent.mkdir(exist_ok=True)
            path.write_text(THEME_PAGE.replace("</article>", f"{marker}</article>"), encoding="utf-8")
        elif path.exists():
            shutil.rmtree(path.parent)

    @rule(title=st.sampled_from(["Тест", "Школа онлайн", "Сайт"]))
    def edit_settings(self, title: str) -> None:
        self._write_config(title)

    @precondition(lambda self: self.broken is None)
    @rule(data=st.data(), how=st.sampled_from(["front", "link", "settings"]))
    def break_file(self, data: st.DataObject, how: str) -> None:
        if how == "settings":
            (self.root / "site_config.yaml").write_text("title: [\n", encoding="utf-8")
            self.broken = "settings"
            return
        slug = data.draw(st.sampled_from(sorted(self.pages)))
        title, words, links = self.pages[slug]
        text = f"---\ntitle: [{title}\n---\nТекст\n" if how == "front" else page_text(title, words, [*links, "nowhere"])
        (self.root / "content" / "pages" / f"{slug}.md").write_text(text, encoding="utf-8")
        self.broken = slug

    @precondition(lambda self: self.broken is not None)
    @rule()
    def fix_file(self) -> None:
        if self.broken == "settings":
            self._write_config(self.config_title)
        elif self.broken in self.pages:
            self._write_page(self.broken, *self.pages[self.broken])
        self.broken = None

    # ------------------------------------------------------------------ the comparison
    @invariant()
    def incremental_equals_clean(self) -> None:
        if not self.root.exists():
            return
        clean = generate(self.root)
        cache = project_cache(self.root)  # read back from disk, as the next `build` would
        incremental = build_site(self.root, cache, search=False)
        assert incremental.failed() == clean.failed()
        assert incremental.issues == clean.issues
        if clean.failed():
            return
        assert sorted(incremental.files) == sorted(clean.files)
        assert incremental.files == clean.files
        write_site(incremental.files, self.out)
        assert site_files(self.out) == {**clean.files, MARKER: (self.out / MARKER).read_bytes()}

    def teardown(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)

    # ------------------------------------------------------------------ helpers
    def _write_config(self, title: str) -> None:
        self.config_title = title
        (self.root / "site_config.yaml").write_text(CONFIG.format(title=title), encoding="utf-8")

    def _write_page(self, slug: str, title: str, words: list[str], links: list[str]) -> None:
        self.pages[slug] = (title, words, links)
        (self.root / "content" / "pages" / f"{slug}.md").write_text(page_text(title, words, links), encoding="utf-8")

    def _drop_links(self, gone: str) -> None:
        """Pages that linked to a page that is gone stop linking to it (else every later build fails)."""
        for slug, (title, words, links) in list(self.pages.items()):
            if gone in links:
                self._write_page(slug, title, words, [link for link in links if link != gone])
        if self.broken == gone:
            self.broken = None


@pytest.fixture
def incremental_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OKO_TEST_INCREMENTAL_TMP", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the cache's signing key, private to the test
    return tmp_path


def test_random_edit_sequences_build_what_a_clean_build_builds(incremental_tmp: Path) -> None:
    """20 sequences of 10 steps: 200 steps, each compared byte for byte."""
    run_state_machine_as_test(EditSequences, settings=settings(
        max_examples=20, stateful_step_count=10, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))


def test_a_foreign_or_damaged_cache_is_ignored(incremental_tmp: Path) -> None:
    root = incremental_tmp / "project"
    (root / "content" / "organisations").mkdir(parents=True)
    (root / "content" / "pages").mkdir(parents=True)
    (root / "site_config.yaml").write_text(CONFIG.format(title="Тест"), encoding="utf-8")
    (root / "content" / "organisations" / "school.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "content" / "pages" / "index.md").write_text(page_text("Главная", ["школа"], []), encoding="utf-8")
    clean = generate(root).files
    build_site(root, project_cache(root), search=False)
    state = root / CACHE_DIR / STATE_FILE
    good = state.read_bytes()
    assert len(BuildCache(root / CACHE_DIR).entries) > 0
    # damaged: one byte flipped in the payload; foreign: signed with another key; truncated; garbage
    flipped = good[:-10] + bytes([good[-10] ^ 1]) + good[-9:]
    for bad in (flipped, good[:100], b"\x80\x05garbage", b""):
        state.write_bytes(bad)
        assert BuildCache(root / CACHE_DIR).entries == {}
        assert build_site(root, project_cache(root), search=False).files == clean
    state.write_bytes(good)
    os.environ["XDG_CACHE_HOME"] = str(incremental_tmp / "another-user")
    assert BuildCache(root / CACHE_DIR).entries == {}  # not our signature: never unpickled


def test_the_demo_incrementally_after_edits_of_each_kind(demo_project: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A few steps on the full demo, with the search index: a plan, a template, the settings."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (demo_project / "node_modules").symlink_to(ROOT / "node_modules")
    cache = project_cache(demo_project)
    first = build_site(demo_project, cache)
    assert not first.failed() and any(path.startswith("pagefind/") for path in first.files)
    plan = demo_project / "content" / "plans" / "ooosh-9-2023-2024.yaml"
    edits = [
        lambda: plan.write_text(plan.read_text(encoding="utf-8").replace("Кадровое обеспечение", "Кадры"),
                                encoding="utf-8"),
        lambda: (demo_project / "templates" / "page.html").write_text(THEME_PAGE.replace("</article>",
                                                                                         "<p>!</p></article>")),
        lambda: (demo_project / "site_config.yaml").write_text(
            (demo_project / "site_config.yaml").read_text(encoding="utf-8") + "# правка\n", encoding="utf-8"),
    ]
    for edit in edits:
        edit()
        incremental = build_site(demo_project, cache)
        clean = build_site(demo_project, None)
        assert not clean.failed()
        assert incremental.files == clean.files


def test_build_command_is_incremental_and_clean_on_request(tmp_path: Path) -> None:
    """`build` twice and `build --clean`: the same site; the second build reuses the cache."""
    root = tmp_path / "project"
    (root / "content" / "organisations").mkdir(parents=True)
    (root / "content" / "pages").mkdir(parents=True)
    (root / "site_config.yaml").write_text(CONFIG.format(title="Тест"), encoding="utf-8")
    (root / "content" / "organisations" / "school.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "content" / "pages" / "index.md").write_text(page_text("Главная", ["школа"], []), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    outputs = []
    for extra in ((), (), ("--clean",)):
        out = tmp_path / f"site{len(outputs)}"
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(root), "build", "--out",
                               str(out), *extra], capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(site_files(out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert any(path.startswith("pagefind/pagefind-entry.json") for path in outputs[0])
    assert (root / CACHE_DIR / STATE_FILE).is_file()


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="the pool needs two cores")
def test_rendering_in_forked_workers_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the threshold pages and Markdown bodies render in a process pool: the same files as one process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "project"
    (root / "content" / "organisations").mkdir(parents=True)
    (root / "content" / "pages").mkdir(parents=True)
    (root / "site_config.yaml").write_text(CONFIG.format(title="Тест"), encoding="utf-8")
    (root / "content" / "organisations" / "school.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "content" / "pages" / "index.md").write_text(page_text("Главная", ["школа"], SLUGS), encoding="utf-8")
    for slug in SLUGS:
        (root / "content" / "pages" / f"{slug}.md").write_text(page_text(slug, WORDS, ["index"]), encoding="utf-8")
    monkeypatch.setenv("OKO_PARALLEL_MIN", "1000000")
    serial = build_site(root, BuildCache(None), search=False).files
    monkeypatch.setenv("OKO_PARALLEL_MIN", "1")
    parallel = build_site(root, BuildCache(None), search=False).files  # both stages miss: all in the pool
    assert parallel == serial
    assert generate(root).files == serial  # and without a cache (the pages' pool only)


def test_a_stale_cache_file_is_replaced(incremental_tmp: Path) -> None:
    """A file the cache could not use (another engine's, damaged) is replaced by the next build's entries,
    even when that build used every entry it made (nothing is left over to tell it the file differs)."""
    folder = incremental_tmp / CACHE_DIR
    first = BuildCache(folder)
    first.put("answer", 1)
    first.finish()
    (folder / STATE_FILE).write_bytes(b"stale")
    second = BuildCache(folder)
    assert second.entries == {}
    second.put("answer", 2)
    assert second.get("answer") == 2
    second.finish()
    assert BuildCache(folder).get("answer") == 2
