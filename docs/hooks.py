"""MkDocs hooks of the editors' handbook (registered in mkdocs.yml, `hooks:`).

The list of error messages in errors.md is generated from the engine: the marker line
`<!-- oko:error-catalog -->` is replaced with `oko.catalog.error_catalog_markdown()`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from oko.catalog import error_catalog_markdown  # noqa: E402  (needs the repository root on sys.path)

MARKER = "<!-- oko:error-catalog -->"


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Put the generated catalogue in place of the marker line."""
    if MARKER not in markdown:
        return markdown
    return "\n".join(error_catalog_markdown().rstrip("\n") if line.strip() == MARKER else line
                     for line in markdown.split("\n"))
