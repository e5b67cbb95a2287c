"""Incremental builds: a content-addressed cache of what a build computed, checked before it is reused.

Every entry is keyed by a digest of its inputs (file bytes, the engine's own code and library versions,
settings) and may carry a *trace* — the answers to the questions the computation asked (which template
had which text, where a link led). An entry is reused only when each recorded question gets the same
answer again (a verifying trace, as in the Shake build system), so a hit gives exactly what a clean
build would compute; anything else is a miss and is computed afresh.

The cache lives in `.oko-cache/` of the project (git-ignored) as one file signed with a key kept outside
the project (oko/cache/store.py): a cache that arrived by pull request, or was damaged, is never
unpickled, only ignored.
"""

from oko.cache.store import BuildCache, active, digest, using

__all__ = ["BuildCache", "active", "digest", "using"]
