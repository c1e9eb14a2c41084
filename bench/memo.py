"""Per-process memo caches of the compare package, cleared so that a timed run starts as a
new process would: a benchmark must never profit from what its previous round learned."""

from __future__ import annotations

import sys


def forget() -> None:
    """Clear every functools cache of every imported compare module."""
    for name, module in list(sys.modules.items()):
        if name == "compare" or name.startswith("compare."):
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()
