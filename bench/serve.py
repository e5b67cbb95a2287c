"""Dev server: save a page → the new text is served. Loopback only, every loop bounded by a deadline."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.layouts import page_text
from bench.measure import cpu_seconds
from bench.synthetic import Page, edited_body
from bench.tools import Tool

START_SECONDS = 600  # the first build of a big corpus, on a busy machine
CHANGE_SECONDS = 120
SETTLE_SECONDS = 0.5  # let the watcher take its first look at the files before the edit
IDLE_SECONDS = 60  # at most this long for the server to finish work started at launch
IDLE_SHARE = 0.1  # "idle": under 10 % of one core over a SETTLE_SECONDS window
POLL_SECONDS = 0.02


class ServeError(RuntimeError):
    """The server did not start, or never served the edit."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or '' while the server is not answering (or answers with an error)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # only ever http://127.0.0.1
            return response.read().decode("utf-8", errors="replace")
    except (OSError, urllib.error.URLError):
        return ""


def wait_for_text(url: str, text: str, seconds: float, server: subprocess.Popen[bytes]) -> float | None:
    """Poll url until its page contains text; seconds taken, or None at the deadline or if the server ended."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds and server.poll() is None:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    return None


def wait_until_idle(server: subprocess.Popen[bytes]) -> None:
    """Wait (bounded) until the server's processes use almost no CPU: the edit must not queue behind
    work left over from the start, such as a search index still being written."""
    deadline = time.monotonic() + IDLE_SECONDS
    used = cpu_seconds(server.pid)
    while time.monotonic() < deadline and server.poll() is None:
        time.sleep(SETTLE_SECONDS)
        now = cpu_seconds(server.pid)
        if now - used < IDLE_SHARE * SETTLE_SECONDS:
            return
        used = now


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server's whole session (the process started it; nothing else is touched)."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def save_to_served(tool: Tool, project: Path, scratch: Path, page: Page, mark: str,
                   env: dict[str, str], log: Path) -> float:
    """Start tool's server, wait for page, write the edit, and time until the edited text is served."""
    assert tool.serve is not None
    port = free_port()
    url = f"http://127.0.0.1:{port}{tool.url_path(page.slug)}"
    source = tool.page_file(project, page.slug)
    with log.open("ab") as output:
        process = subprocess.Popen(tool.serve(project, port, scratch), stdout=output, stderr=output, env=env,
                                   start_new_session=True, stdin=subprocess.DEVNULL)
        try:
            if wait_for_text(url, page.title, START_SECONDS, process) is None:
                raise ServeError(f"{tool.label}: сервер не отдал {url} (журнал: {log})")
            wait_until_idle(process)
            text = page_text(page, edited_body(page, mark))
            start = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            if wait_for_text(url, mark, CHANGE_SECONDS, process) is None:
                raise ServeError(f"{tool.label}: правка не появилась на {url} (журнал: {log})")
            return time.perf_counter() - start
        finally:
            stop(process)
            source.write_text(page_text(page), encoding="utf-8")
