"""The engine's identity: a digest of its own files and of the libraries whose output it publishes.

Part of every cache key, so an upgrade (or an edit of the checkout) never reuses what the old code made.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose behaviour shapes the site's bytes or the loaded models.
LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "nh3", "PyYAML", "pydantic", "pydantic_core", "icalendar",
             "openpyxl", "pagefind_bin", "lark", "lxml", "python-docx", "scipy", "numpy", "python-dateutil",
             "tzdata")


@functools.cache
def engine_digest() -> str:
    digest = hashlib.sha256(f"python {sys.version}\n".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}=={version}\n".encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
