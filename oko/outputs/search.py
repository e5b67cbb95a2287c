"""The search index's error: Pagefind could not index the site (oko/search_index.py builds the index).

Pagefind reads `lang="ru"` and stems Russian words, so «контрольной» finds «контрольная». Only the
<main data-pagefind-body> of each page is indexed; the search page itself is not.
"""

from __future__ import annotations


class SearchIndexError(Exception):
    """Pagefind could not index the site."""
