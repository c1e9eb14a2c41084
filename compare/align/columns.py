"""Columns for scoring in bulk: figures' intervals as arrays, prepared texts and their ratios.

Helpers of :mod:`compare.align.scoring`, each the array form of a rule written once for
one pair elsewhere (``intervals``, ``comparable``), or a lookup table built once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.intervals import bounds
from compare.types import Figure

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]
    Floats = npt.NDArray[np.float64]
    Bools = npt.NDArray[np.bool_]


@lru_cache(maxsize=16384)
def sorted_tokens(text: str) -> str:
    """A text as rapidfuzz's token_sort_ratio compares it, prepared once rather than per pair.

    >>> sorted_tokens("Killed: 27,840 people, at least!")
    '27 840 at killed least people'
    """
    from rapidfuzz import utils

    return " ".join(sorted(utils.default_process(text).split()))


@dataclass(frozen=True)
class Numbers:
    """Figures' numbers and interval bounds as columns (see ``intervals.bounds``)."""

    value: Floats
    low: Floats
    high: Floats
    low_closed: Bools
    high_closed: Bools

    def pick(self, other: Numbers, where: Bools, index: Ints) -> Numbers:
        """Ours, or ``other``'s where ``where`` holds, at ``index``."""
        import numpy as np

        return Numbers(
            *(
                np.where(where, getattr(other, name)[index], getattr(self, name)[index])
                for name in ("value", "low", "high", "low_closed", "high_closed")
            )
        )

    def overlaps(self, other: Numbers) -> Bools:
        """``intervals.Bounds.overlaps``, element by element: at a tie, an open bound wins."""
        import numpy as np

        low = np.maximum(self.low, other.low)
        low_closed = np.where(
            self.low > other.low,
            self.low_closed,
            np.where(other.low > self.low, other.low_closed, self.low_closed & other.low_closed),
        )
        high = np.minimum(self.high, other.high)
        high_closed = np.where(
            self.high < other.high,
            self.high_closed,
            np.where(
                other.high < self.high, other.high_closed, self.high_closed & other.high_closed
            ),
        )
        result: Bools = (low < high) | ((low == high) & low_closed & high_closed)
        return result


def interval_columns(figures: Sequence[Figure]) -> Numbers:
    import numpy as np

    spans = [bounds(f) for f in figures]
    return Numbers(
        np.array([f.value for f in figures], dtype=np.float64),
        np.array([b.low for b in spans], dtype=np.float64),
        np.array([b.high for b in spans], dtype=np.float64),
        np.array([b.low_closed for b in spans], dtype=np.bool_),
        np.array([b.high_closed for b in spans], dtype=np.bool_),
    )


class Texts:
    """Prepared texts (``sorted_tokens``) and rapidfuzz's ratio between any two of them.

    Up to GLOBAL_RATIOS distinct texts, every ratio is computed once, in one call, and
    blocks look them up; beyond, each block computes its own (memory stays linear).
    """

    GLOBAL_RATIOS = 4096  # 4096^2 float32 ratios: 64 MiB at most

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy as np

        index: dict[str, int] = {}
        self.id = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
        self.distinct = list(index)
        self._table: npt.NDArray[np.float32] | None = None

    def pairwise(self, a: Ints, b: Ints) -> npt.NDArray[np.float32]:
        """The ratio (0 to 100) of text ``a[k]`` to text ``b[k]``, for each k."""
        import numpy as np

        if len(self.distinct) <= self.GLOBAL_RATIOS:
            return self._global()[self.id[a], self.id[b]]
        from rapidfuzz import fuzz

        texts = self.distinct
        return np.array(
            [fuzz.ratio(texts[x], texts[y]) for x, y in zip(self.id[a], self.id[b], strict=True)],
            dtype=np.float32,
        )

    def _global(self) -> npt.NDArray[np.float32]:
        import numpy as np
        from rapidfuzz import fuzz, process

        if self._table is None:
            self._table = process.cdist(
                self.distinct, self.distinct, scorer=fuzz.ratio, dtype=np.float32, workers=-1
            )
        return self._table

    def ratios(self, a: Ints, b: Ints) -> npt.NDArray[np.float32]:
        """The ratio (0 to 100) of each text of ``a`` to each of ``b``, by index."""
        import numpy as np
        from rapidfuzz import fuzz, process

        ia, ib = self.id[a], self.id[b]
        if len(self.distinct) <= self.GLOBAL_RATIOS:
            table = self._global()
        else:
            ua, ia = np.unique(ia, return_inverse=True)
            ub, ib = np.unique(ib, return_inverse=True)
            texts = self.distinct
            table = process.cdist(
                [texts[k] for k in ua], [texts[k] for k in ub], scorer=fuzz.ratio, dtype=np.float32
            )
        result: npt.NDArray[np.float32] = table[np.ix_(ia.ravel(), ib.ravel())]
        return result


def closeness(x: Floats, y: Floats) -> Floats:
    """``comparable.closeness``, element by element."""
    import numpy as np

    positive = (x > 0) & (y > 0)
    quotient = np.divide(x, y, out=np.ones(x.shape), where=positive)
    close = np.maximum(0.0, 1.0 - np.abs(np.log10(quotient)))
    result: Floats = np.where(positive, close, np.where(x == y, 1.0, 0.0))
    return result


def ids(values: Sequence[Hashable]) -> tuple[list[Hashable], Ints]:
    """Distinct values (None first, when present) and each value's index among them."""
    import numpy as np

    distinct: dict[Hashable, int] = {None: 0} if None in values else {}
    for v in values:
        distinct.setdefault(v, len(distinct))
    return list(distinct), np.array([distinct[v] for v in values], dtype=np.int64)


def table(values: Sequence[Hashable], rule: Callable[..., bool]) -> Bools:
    """``rule`` between every two distinct values: a small lookup table."""
    import numpy as np

    return np.array([[rule(x, y) for y in values] for x in values], dtype=np.bool_).reshape(
        len(values), len(values)
    )
