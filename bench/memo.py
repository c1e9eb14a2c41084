"""Per-process memo caches of the compare package, cleared so that a timed run starts as a
new process would: a benchmark must never profit from what its previous round learned."""

from __future__ import annotations

import sys

# Loaded once per process, like the model, and not memos of what a round read: the word
# tables, the gazetteer's index and the patterns built from them.  A new process pays them
# once (bench-speed's start-up rows measure that), not once per sentence.
RESOURCES = frozenset(
    {
        "compare.extract.vocab.vocabulary",
        "compare.extract.places.gazetteer",
        "compare.extract.implicit._patterns",
        "compare.extract.casualties._words",
        "compare.extract.casualties._patterns",
        "compare.extract.casualties._outcomes",
        "compare.extract.casualties._headline",
    }
)


def forget() -> None:
    """Clear every functools memo of every imported compare module (not the RESOURCES)."""
    for name, module in list(sys.modules.items()):
        if name == "compare" or name.startswith("compare."):
            for attr, obj in vars(module).items():
                if f"{name}.{attr}" in RESOURCES:
                    continue
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()
