"""A minimal Language Server Protocol client that plays the editor's part for the real yaml-language-server.

It answers the server's `workspace/configuration` requests from a workspace's `.vscode/settings.json`,
the way VS Code does: the flat keys `yaml.schemas`, `yaml.validate` … become the `yaml` section.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def sections(settings: dict[str, Any]) -> dict[str, Any]:
    """{"yaml.schemas": S, "[yaml]": E} → {"yaml": {"schemas": S}, "[yaml]": E}: what the editor sends."""
    result: dict[str, Any] = {}
    for key, value in settings.items():
        if key.startswith("["):
            result[key] = value
            continue
        section, _, name = key.partition(".")
        result.setdefault(section, {})[name] = value
    return result


class LanguageClient:
    """One yaml-language-server over stdio, for one workspace folder."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        settings_file = workspace / ".vscode" / "settings.json"
        settings = json.loads(settings_file.read_text("utf-8")) if settings_file.is_file() else {}
        self.settings = sections(settings)
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=workspace)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def request(self, method: str, params: Any) -> None:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def _answer(self, message: dict[str, Any]) -> None:
        """The server's requests to the editor: settings by section, capability registration, progress."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section", ""), {}) for item in message["params"]["items"]]
        self._send({"id": message["id"], "result": result})

    def start(self) -> None:
        uri = self.workspace.as_uri()
        self.request("initialize", {
            "processId": None, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": self.workspace.name}],
            "capabilities": {
                "workspace": {"configuration": True, "workspaceFolders": True,
                              "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {"publishDiagnostics": {}}}})
        self.wait_for(lambda message: message.get("id") == self.next_id and "result" in message)
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": None})

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text("utf-8")}})
        return uri

    def wait_for(self, wanted: Any, timeout: float = 30.0) -> dict[str, Any] | None:
        """The first message `wanted` accepts, answering the server's requests meanwhile; None on timeout."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                return None
            if "method" in message and "id" in message:
                self._answer(message)
            if wanted(message):
                return message
        return None

    def diagnostics(self, uri: str, accept: Any, timeout: float = 30.0) -> list[dict[str, Any]] | None:
        """The first diagnostics published for `uri` that `accept` takes (the server publishes again on changes)."""
        message = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri and accept(m["params"]["diagnostics"]), timeout)
        return None if message is None else message["params"]["diagnostics"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
