"""Drive the real /admin/ (Sveltia CMS) in Chromium on a copy of the repository, as a deputy head would.

Headless and local: an init script replaces `window.showDirectoryPicker` with a folder of the
origin-private file system, filled with the repository's text files and an empty `.git/`; then
«Работать с локальным репозиторием», an edit, «Сохранить», and the files read back from that folder.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PICKER = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
"""

FILL = """async (files) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('repo', {recursive: true}); } catch (error) {}
  const repo = await root.getDirectoryHandle('repo', {create: true});
  await repo.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let folder = repo;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""

READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@dataclass
class Watch:
    """What the page said and fetched: console errors, failed and refused requests, every URL."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed", lambda request: self.failed.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda response: self.failed.append(f"{response.url}: {response.status}")
                if response.status >= 400 else None)
        page.on("request", lambda request: self.requests.append(request.url))


def repository_texts(root: Path) -> dict[str, str]:
    """The files the forms edit: settings and every YAML and Markdown file under content/."""
    paths = [root / "site_config.yaml", *sorted((root / "content").rglob("*.yaml")),
             *sorted((root / "content").rglob("*.md"))]
    return {path.relative_to(root).as_posix(): path.read_text("utf-8") for path in paths}


class Editor:
    """One /admin/ page working on the origin-private copy of the repository."""

    def __init__(self, page: Any, base: str, files: dict[str, str]) -> None:
        self.page, self.base = page, base
        page.goto(base + "admin/")
        page.evaluate(FILL, files)
        page.get_by_role("button", name="Работать с локальным репозиторием").click()
        page.wait_for_url("**/admin/#/collections/**", timeout=60_000)

    def find(self, label: str) -> Any:
        """The first text box labelled `label`. A long form (310 procedures) renders its fields as they scroll
        into view, and an item or object may be collapsed: scroll the form down, and now and then open the
        first collapsed part («Развернуть»), until the box is there."""
        box = self.page.get_by_role("textbox", name=label, exact=True)
        self.page.get_by_role("textbox").first.wait_for(timeout=30_000)  # the entry's form is on the page
        for attempt in range(120):
            if box.count():
                return box.first
            collapsed = self.page.get_by_role("button", name="Развернуть", exact=True)
            if attempt % 10 == 9 and collapsed.count():
                with contextlib.suppress(Exception):  # scrolled out of view meanwhile: the next round tries again
                    collapsed.first.click(timeout=2_000)
            self.page.mouse.move(300, 600)  # over the form, not the preview on the right
            self.page.mouse.wheel(0, 500)
            self.page.wait_for_timeout(250)
        raise AssertionError(f"«{label}»: no such text box after scrolling the whole form")

    def read(self, path: str) -> str:
        # A read while a save replaces the file fails (NotReadableError, or NotFoundError for a moment): again.
        for _ in range(20):
            try:
                return self.page.evaluate(READ, path)
            except Exception as error:
                if "NotReadableError" not in str(error) and "NotFoundError" not in str(error):
                    raise
                self.page.wait_for_timeout(200)
        return self.page.evaluate(READ, path)

    def edit(self, collection: str, entry: str, label: str, suffix: str, path: str) -> str:
        """Open an entry, append `suffix` to the text field labelled `label`, save; the file's new text."""
        before = self.read(path)
        self.page.goto(f"{self.base}admin/#/collections/{collection}/entries/{entry}")
        box = self.find(label)
        box.fill(box.input_value() + suffix)
        self.page.get_by_role("button", name="Сохранить", exact=True).first.click()
        for _ in range(100):
            self.page.wait_for_timeout(200)
            after = self.read(path)
            if after != before:
                return after
        raise AssertionError(f"{path}: the save wrote nothing in 20 s")
