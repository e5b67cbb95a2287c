"""`build.py serve`: started on a free port, it rebuilds after an edit and shows errors in the page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return response.read().decode("utf-8")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:  # busy rebuilding: ask again
        return 0


def wait_for(url: str, condition: Callable[[str], bool], timeout: float = 120) -> str:
    """Fetch until the page satisfies condition (the server rebuilds in the background)."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never satisfied the condition; last page:\n{last[:2000]}")


@pytest.fixture
def server(demo_project: Path, tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--project", str(demo_project), "serve", "--port", str(port),
         "--out", str(tmp_path / "preview")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", demo_project, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_serve_rebuilds_after_an_edit_and_shows_errors_in_the_browser(server) -> None:
    base, project, _ = server
    home = wait_for(base, lambda page: "Объективность оценивания в МБОУ СОШ № 17" in page)
    assert "livereload" in home  # the page reloads itself when the site changes

    index = project / "content" / "pages" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("в МБОУ СОШ № 17", "в нашей школе"), encoding="utf-8")
    wait_for(base, lambda page: "Объективность оценивания в нашей школе" in page)

    plan = project / "content" / "plans" / "ooosh-9-2023-2024.yaml"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("grouping: sections", "grupping: sections"), encoding="utf-8")
    error_page = wait_for(base + "plans/ooosh-9-2023-2024/", lambda page: "Сайт не собран" in page)
    assert "content/plans/ooosh-9-2023-2024.yaml:16:1: ошибка: grupping: неизвестный ключ «grupping»" in error_page
    assert "возможно, вы имели в виду «grouping»" in error_page
    assert "Сайт не собран" in fetch(base)  # every page shows the error while it lasts

    plan.write_text(good, encoding="utf-8")
    wait_for(base + "plans/ooosh-9-2023-2024/", lambda page: "Кадровое обеспечение оценочной процедуры" in page)


def test_serve_starts_even_when_the_content_is_broken(server) -> None:
    base, project, process = server
    wait_for(base, lambda page: "<main" in page)
    (project / "site_config.yaml").write_text("title: [\n", encoding="utf-8")
    page = wait_for(base, lambda page: "Сайт не собран" in page)
    assert "site_config.yaml:2:1" in page
    assert process.poll() is None  # the server keeps running


def test_serve_publishes_a_new_page_and_removes_a_deleted_one(server) -> None:
    """File-system events (watchdog), not polling: a page added is served, a page deleted answers 404."""
    base, project, process = server
    wait_for(base, lambda page: "<main" in page)
    entry = fetch(base + "pagefind/pagefind-entry.json")  # the search index's page counts
    fresh = project / "content" / "pages" / "novaya.md"
    fresh.write_text("---\ntitle: Новая страница\n---\nСовсем новый текст.\n", encoding="utf-8")
    page = wait_for(base + "novaya/", lambda page: "Совсем новый текст." in page)
    assert "<h1>Новая страница</h1>" in page
    wait_for(base + "pagefind/pagefind-entry.json", lambda text: text != entry)  # indexed after it was served
    fresh.write_text("---\ntitle: Новая страница\n---\nТекст поправлен.\n", encoding="utf-8")
    wait_for(base + "novaya/", lambda page: "Текст поправлен." in page and "Совсем новый" not in page)
    fresh.unlink()
    deadline = time.monotonic() + 120
    while status(base + "novaya/") != 404 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert status(base + "novaya/") == 404
    assert "Объективность оценивания" in fetch(base)  # the rest of the site stays
    assert process.poll() is None
