"""The search index: Pagefind run over the finished site (the «post» stage), into <site>/pagefind/.

Pagefind reads `lang="ru"` and stems Russian words, so «контрольной» finds «контрольная». Only the
<main data-pagefind-body> of each page is indexed; the search page itself is not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def index_site(folder: Path) -> None:
    """Build the Pagefind index inside the folder (before it is swapped into place)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip() or f"код {result.returncode}")
