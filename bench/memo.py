"""Per-process memo caches of the compare package, cleared so that a timed run starts as a
new process would: a benchmark must never profit from what its previous round learned."""

from __future__ import annotations

import inspect
import sys
from typing import Any

# Loaded once per process, like the model, and not memos of what a round read: the word
# tables, the gazetteer's index and the patterns built from them.  A new process pays them
# once (bench-speed's start-up rows measure that), not once per sentence.  Besides these,
# every memo that takes no argument or whose first argument is the vocabulary is one
# (`_patterns(vocab)`, `_words(vocab, table, key)`): a rule, so that a new one is kept too.
RESOURCES = frozenset(
    {
        "compare.extract.vocab.vocabulary",
        "compare.embed.load_model",
        "compare.embed.load_encoder",
    }
)


def is_resource(qualname: str, memo: Any) -> bool:
    """Whether a memo holds something built once per process rather than what was read."""
    if qualname in RESOURCES:
        return True
    try:
        params = list(inspect.signature(memo).parameters.values())
    except (TypeError, ValueError):
        return False
    return not params or params[0].annotation in ("Vocabulary", "'Vocabulary'")


def forget() -> None:
    """Clear every functools memo of every imported compare module (not the resources)."""
    for name, module in list(sys.modules.items()):
        if name == "compare" or name.startswith("compare."):
            for attr, obj in vars(module).items():
                if getattr(obj, "__module__", None) != name:
                    continue  # imported from another module: cleared (or kept) there
                if callable(getattr(obj, "cache_clear", None)) and not is_resource(
                    f"{name}.{attr}", obj
                ):
                    obj.cache_clear()
