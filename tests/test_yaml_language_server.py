"""Editors find the schemas through the workspace settings alone (issue 13): the real yaml-language-server.

The project's `.vscode/settings.json` maps each schema to its files by glob (`build.py schemas` writes
it from the kinds' patterns), so a content file needs no `# yaml-language-server: $schema=…` line, and no
form save can remove one. The client in tests/lsp_client.py answers the server as VS Code would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.lsp_client import ROOT, SERVER, LanguageClient

pytestmark = pytest.mark.skipif(not SERVER.is_file() or shutil.which("node") is None,
                                reason="yaml-language-server is installed by `npm ci` (README's test command)")

PLAN = Path("content/plans/sosh-17-2025-2026.yaml")


def workspace(tmp_path: Path, with_settings: bool) -> Path:
    """A copy of the project's editor settings and schemas, and one plan whose `title` key is misspelled."""
    root = tmp_path / "school"
    shutil.copytree(ROOT / "schemas", root / "schemas")
    if with_settings:
        shutil.copytree(ROOT / ".vscode", root / ".vscode")
    text = (ROOT / PLAN).read_text("utf-8")
    assert not text.startswith("# yaml-language-server:"), "content files carry no schema line any more"
    assert text.startswith("title: "), "the forms' layout (oko/fmt.py) puts `title` first"
    (root / PLAN).parent.mkdir(parents=True)
    (root / PLAN).write_text("tittle: " + text.removeprefix("title: "), encoding="utf-8")
    return root


def misspelled_line(root: Path) -> int:
    return next(number for number, line in enumerate((root / PLAN).read_text("utf-8").splitlines())
                if line.startswith("tittle:"))


def test_misspelled_key_is_reported_through_workspace_settings(tmp_path):
    root = workspace(tmp_path, with_settings=True)
    client = LanguageClient(root)
    try:
        client.start()
        uri = client.open(root / PLAN)
        found = client.diagnostics(uri, lambda items: any("tittle" in item["message"] for item in items))
    finally:
        client.close()
    assert found is not None, "the server never reported the misspelled key"
    line = misspelled_line(root)
    # The whole list: the unknown key at its line, and the required `title` now missing (reported at the
    # mapping's first key, which is the same line).
    assert sorted((item["range"]["start"]["line"], item["message"]) for item in found) == [
        (line, 'Missing property "title".'), (line, "Property tittle is not allowed.")]


def test_without_the_settings_the_file_has_no_schema(tmp_path):
    """The control: the same file and schemas, no workspace settings → nothing is checked against a schema."""
    root = workspace(tmp_path, with_settings=False)
    client = LanguageClient(root)
    try:
        client.start()
        uri = client.open(root / PLAN)
        found = client.diagnostics(uri, lambda items: True)
    finally:
        client.close()
    assert found == []
