"""oko/yaml_emit.py writes YAML byte for byte as the forms do: checked against the `yaml` library 2.9.1 itself.

The library runs in Node with Sveltia CMS's options (tests/js/sveltia_yaml.mjs); every example here,
generated or taken from the demo content, must come out identical from both.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oko.yaml_emit import dump, js_keys

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "js" / "sveltia_yaml.mjs"

pytestmark = pytest.mark.skipif(not (ROOT / "node_modules" / "yaml").is_dir() or shutil.which("node") is None,
                                reason="the yaml library is installed by `npm ci` (README's test command)")


class Library:
    """One Node process that writes documents with the library, one JSON line in, one out."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(["node", str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        cwd=ROOT, text=True, encoding="utf-8")

    def dump(self, data: Any) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(data, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def library() -> Iterator[Library]:
    running = Library()
    yield running
    running.close()


# Characters that change how YAML must quote a string, Cyrillic, digits, and the spaces pasted from Word.
TRICKY = [*":#'\"-?[]{},&*!|>%@`\n\t ~.\\", "\u00a0", "\u2028", "\x07", "\x1b", "ё", "№", "«", "»", "–"]
ALPHABET = st.sampled_from(TRICKY + list("абвгАБВ0123456789xyzeEоO+_/"))
strings = st.one_of(
    st.text(ALPHABET, max_size=12),
    st.sampled_from(["", "null", "Null", "~", "true", "False", "yes", "no", "on", "off", "0o17", "0x1F", "012",
                     "1e3", ".5", "1.", "-.inf", ".nan", "2025-2026", "01.09.2025", "10:30", "- a", "? b", "---",
                     "...", "%TAG", "a: b", "a #b", "a:", " a", "a ", "a\n", "a\n\n", "\na", " \na", "a\n  b",
                     "5-9", "«5–7, 9»", "2А, 2Б", "it's", 'say "hi"', "'\"", "#1", "@x", "`x`", "x" * 41 + "\ny"]),
)
scalars = st.one_of(strings, st.integers(-2**53, 2**53), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0.5, 1e-7, 1.5e-5, 1e21, -0.0]))
keys = st.one_of(strings.filter(bool), st.integers(0, 12).map(str))
documents = st.dictionaries(keys, st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12), max_size=5)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_generated_documents_are_written_as_the_library_writes_them(library, document):
    assert dump(document) == library.dump(document)


def content_files() -> list[Path]:
    return sorted([ROOT / "site_config.yaml", *(ROOT / "content").rglob("*.yaml")])


def test_every_demo_content_file_is_written_as_the_library_writes_it(library):
    """The demo's own data (grade-keyed maps, long texts, dates, orders) through both writers."""
    assert len(content_files()) > 30
    for path in content_files():
        data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
        assert dump(data) == library.dump(data), path


@pytest.mark.parametrize(("data", "expected"), [
    ({"classes": "5-9"}, "classes: 5-9\n"),
    ({"duration": "45"}, "duration: '45'\n"),
    ({"note": "it's"}, "note: it's\n"),
    ({"note": "a: b"}, "note: 'a: b'\n"),
    ({"note": "'a' and \"b\""}, "note: '''a'' and \"b\"'\n"),
    ({"text": "первая\nвторая\n"}, "text: |\n  первая\n  вторая\n"),
    ({"text": "без перевода строки\nв конце"}, "text: |-\n  без перевода строки\n  в конце\n"),
    ({"empty": [], "none": None, "blank": ""}, "empty: []\nnone: null\nblank: ''\n"),
    ({"b": 1, "10": "x", "2": "y"}, "'2': y\n'10': x\nb: 1\n"),
    ({"items": [{"a": 1, "b": [True]}]}, "items:\n  - a: 1\n    b:\n      - true\n"),
])
def test_known_forms(data, expected):
    assert dump(data) == expected


def test_javascript_key_order():
    assert [key for key, _ in js_keys({"b": 1, 10: 2, "2": 3, "01": 4, "a": 5})] == ["2", "10", "b", "01", "a"]
