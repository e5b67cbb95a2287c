"""`build.py serve`: a livereload server on 127.0.0.1 that rebuilds on every change.

Changes arrive as file-system events (watchdog: inotify on Linux), not by polling; each rebuild is
incremental (the build cache stays in memory between rebuilds) and the open pages reload. A broken
build does not stop the server: every page then shows the errors (file:line and what to fix), and
the site comes back by itself once the file is fixed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from livereload import Server
from livereload.watcher import Watcher
from tornado import ioloop
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from oko.cache import BuildCache
from oko.errors import Issue, format_text, report, summary
from oko.fs_errors import os_error_message
from oko.incremental import build_site, project_cache
from oko.outputs.search import SearchIndexError
from oko.search_index import search_files
from oko.write import MARKER, OutputFolderError, check_output_folder, write_site
from oko.write_lock import OutputLockedError
from oko.write_patch import PatchRefusedError, folder_id, patch_site

ERROR_TEMPLATE = Path(__file__).with_name("dev_error.html")
# The inline script livereload 2.7.1 injects into every served page (no liveport): the pages'
# Content-Security-Policy admits it by its hash, so the browser still reloads on a rebuild.
LIVE_RELOAD_SNIPPET = (
    '(function(){var s=document.createElement("script");var port=(window.location.port || '
    "(window.location.protocol == 'https:' ? 443: 80));s.src=\"//\"+window.location.hostname+\":\"+port+ "
    '"/livereload.js?port=" + port;document.head.appendChild(s);})();'
)


def render_error_page(issues: list[Issue]) -> bytes:
    """The page a browser shows while the content has errors."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(ERROR_TEMPLATE.read_text(encoding="utf-8"))
    problems = [(issue, format_text(issue)) for issue in issues]
    return template.render(problems=problems, summary=summary(issues)).encode("utf-8")


def error_site(previous: Path, issues: list[Issue]) -> dict[str, bytes]:
    """The error page at every HTML path the previous build had, so the open page shows it on reload."""
    page = render_error_page(issues)
    paths = {"index.html"}
    if previous.is_dir():
        paths |= {p.relative_to(previous).as_posix() for p in previous.rglob("*.html")}
    return {path: page for path in sorted(paths)}


WATCHED = ("content", "templates", "site_config.yaml")
DEBOUNCE = 0.05  # seconds: an editor's save is often several events (write, rename, chmod)


def rebuild(project: Path, out_dir: Path, strict: bool, cache: BuildCache | None = None) -> bool:
    """Build into out_dir, with the search index; on failure, write the error site instead. True when it succeeded."""
    return Preview(project, out_dir, strict, cache).rebuild(defer_search=False)


class Preview:
    """The served site, rebuilt on each change: the pages first, the search index after (in a thread), so the
    edited page is served without waiting for Pagefind; the index then follows unless a newer build came."""

    def __init__(self, project: Path, out_dir: Path, strict: bool, cache: BuildCache | None) -> None:
        self.project, self.out_dir, self.strict, self.cache = project, out_dir, strict, cache
        self.search_cache = BuildCache(None)  # touched only under self.lock (the indexing thread)
        self.index: dict[str, bytes] = {}
        self.generation = 0
        self.lock = threading.Lock()
        self.written: dict[str, bytes] | None = None  # what the folder holds (our last write), to patch it
        self.folder: tuple[int, int] = (0, 0)

    def rebuild(self, defer_search: bool = True) -> bool:
        self.generation += 1
        try:
            result = build_site(self.project, self.cache, [LIVE_RELOAD_SNIPPET], search=not defer_search)
        except SearchIndexError as exc:  # keep serving: the pages are fine, only search is missing
            sys.stderr.write(f"Поисковый индекс не построен (Pagefind): {exc}\n")
            result = build_site(self.project, self.cache, [LIVE_RELOAD_SNIPPET], search=False)
        report(result.issues, "text")
        if result.failed(self.strict):
            self.write(error_site(self.out_dir, result.issues))
            sys.stderr.write("Сборка не удалась: ошибки показаны на странице в браузере.\n")
            return False
        if not defer_search:
            self.index = {path: data for path, data in result.files.items() if path.startswith("pagefind/")}
            written = self.write(result.files)
        else:
            written = self.write({**result.files, **self.index})  # the last index, for now
            threading.Thread(target=self._index_later, args=(result.files, self.generation, ioloop.IOLoop.current()),
                             daemon=True).start()
        if written:
            sys.stderr.write(f"Сайт пересобран ({summary(result.issues)}).\n")
        return written

    def _index_later(self, files: dict[str, bytes], generation: int, loop: ioloop.IOLoop) -> None:
        with self.lock:
            try:
                index = search_files(files, self.search_cache)
            except SearchIndexError as exc:
                sys.stderr.write(f"Поисковый индекс не построен (Pagefind): {exc}\n")
                return
            finally:
                self.search_cache.finish()
        loop.add_callback(self._write_index, files, index, generation)

    def _write_index(self, files: dict[str, bytes], index: dict[str, bytes], generation: int) -> None:
        if generation == self.generation and index != self.index:  # a newer build writes its own
            self.index = index
            self.write({**files, **index})

    def write(self, files: dict[str, bytes]) -> bool:
        """Only what changed since our last write (oko/write_patch.py); the whole site when that is refused."""
        if self.written is not None:
            try:
                patch_site(files, self.out_dir, self.written, self.folder)
                self.written = files
                return True
            except (PatchRefusedError, OSError):
                pass
        self.written = None
        if not write_or_say(files, self.out_dir):
            return False
        self.written, self.folder = files, folder_id(self.out_dir)
        return True


def write_or_say(files: dict[str, bytes], out_dir: Path, post: Callable[[Path], None] | None = None) -> bool:
    """write_site, telling in Russian why it could not (the server keeps serving what is there)."""
    try:
        write_site(files, out_dir, post=post, remove_later=True,
                   on_wait=lambda: sys.stderr.write(f"Жду: в папку «{out_dir}» уже собирает сайт другая сборка…\n"))
    except (OutputFolderError, OutputLockedError) as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return False
    except OSError as exc:
        sys.stderr.write(os_error_message(exc, f"не удалось записать сайт в «{out_dir}»"))
        return False
    return True


class _Changes(FileSystemEventHandler):
    """Tells the server's loop (thread-safely) that something it watches changed."""

    def __init__(self, project: Path, changed: Callable[[], None]) -> None:
        self.watched = [project.resolve() / name for name in WATCHED]
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(path and self._watched(Path(os.fsdecode(path))) for path in paths):
            self.changed()

    def _watched(self, path: Path) -> bool:
        return any(path == top or top in path.parents for top in self.watched)


class EventWatcher(Watcher):
    """livereload's watcher driven by watchdog's events instead of its 0.8 s polling of file times."""

    def __init__(self, project: Path, rebuild: Callable[[], Any]) -> None:
        super().__init__()
        self.project = project
        self.rebuild = rebuild
        self.dirty = False
        self.observer: Any = None
        self.watch(str(project))  # a task, so livereload does not watch the working folder itself

    def start(self, callback: Callable[[], None]) -> bool:
        loop = ioloop.IOLoop.current()

        def changed() -> None:  # in watchdog's thread
            loop.add_callback(self._soon, loop, callback)

        self.observer = Observer()
        self.observer.schedule(_Changes(self.project, changed), str(self.project), recursive=True)
        self.observer.daemon = True
        self.observer.start()
        return True  # no polling

    def _soon(self, loop: ioloop.IOLoop, callback: Callable[[], None]) -> None:
        if not self.dirty:
            self.dirty = True
            loop.call_later(DEBOUNCE, callback)

    def examine(self) -> tuple[str | None, float | None]:
        if not self.dirty:
            return self._changes.pop() if self._changes else (None, None)  # livereload's own start-up reload
        self.dirty = False
        self._changes.clear()
        self.rebuild()
        self.filepath = "*"
        return "__livereload__", None  # reload now, however soon after the last reload


def serve(project: Path, host: str, port: int, out: Path | None, strict: bool, clean: bool = False) -> int:
    """Serve the site with live reload until interrupted."""
    out_dir = out or Path(tempfile.mkdtemp(prefix="oko-serve-")) / "site"
    try:
        check_output_folder(out_dir, project)
    except OutputFolderError as exc:
        sys.stderr.write(f"ошибка: {exc}\n")
        return 2
    preview = Preview(project, out_dir, strict, project_cache(project, clean))
    preview.rebuild(defer_search=False)
    if not (out_dir / MARKER).is_file():  # not even the error page could be written: nothing to serve
        return 1
    server = Server(watcher=EventWatcher(project, preview.rebuild))
    sys.stderr.write(f"Просмотр: http://{host}:{port}/ (остановить: Ctrl+C)\n")
    server.serve(root=str(out_dir), host=host, port=port, open_url_delay=None, restart_delay=0)
    return 0
