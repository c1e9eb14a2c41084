"""Interval arithmetic on figures: when can two reported numbers both be true?

Shared by ``align`` (compatible numbers make a likelier pair) and ``judge``
(compatible numbers agree).  Written here because the rules are the ones
casualty-recording projects use, not generic interval maths: the bounds'
openness follows the wording, and a round number stands for every value that
rounds to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from compare.types import Figure

# A round figure covers the values that round to it, but only while the rounding
# unit is at most this share of the value: "28,000" covers 27,500-28,500, while
# "1,000" does not cover 1,400 (one significant digit says too little).
MAX_ROUNDING_SHARE = 0.10
# Rounding applies from hundreds up: "27,840" is a count, not a rounded tens figure.
MIN_ROUNDING_UNIT = 100


@dataclass(frozen=True)
class Bounds:
    low: float  # -inf when open
    high: float  # +inf when open
    low_closed: bool = True
    high_closed: bool = True

    def overlaps(self, other: Bounds) -> bool:
        """True when some value lies in both intervals."""
        # The tighter lower bound is the larger one; at a tie an open bound beats a closed
        # one.  Likewise the tighter upper bound is the smaller one.
        if self.low != other.low:
            lo, lo_closed = max((self.low, self.low_closed), (other.low, other.low_closed))
        else:
            lo, lo_closed = self.low, self.low_closed and other.low_closed
        if self.high != other.high:
            hi, hi_closed = min((self.high, self.high_closed), (other.high, other.high_closed))
        else:
            hi, hi_closed = self.high, self.high_closed and other.high_closed
        if lo < hi:
            return True
        return lo == hi and lo_closed and hi_closed


def rounding_unit(value: float) -> float:
    """The unit a round number was rounded to, or 0 when it does not look rounded.

    >>> rounding_unit(28000), rounding_unit(1200), rounding_unit(27840), rounding_unit(1000)
    (1000, 100, 0, 100)
    """
    if value <= 0 or value != int(value):
        return 0
    n = int(value)
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    while unit > MIN_ROUNDING_UNIT and unit > MAX_ROUNDING_SHARE * value:
        unit //= 10
    return unit if MIN_ROUNDING_UNIT <= unit <= MAX_ROUNDING_SHARE * value else 0


def bounds(fig: Figure) -> Bounds:
    """The values a figure's wording allows, as a closed/open interval."""
    return _bounds(fig.qualifier, fig.value, fig.low, fig.high)


@lru_cache(maxsize=65536)  # asked for every pair a figure is in, across many articles
def _bounds(qualifier: str, value: float, low: float | None, high: float | None) -> Bounds:
    if qualifier == "exact":
        # Half-open, as rounding is: 2.3 million is [2.25m, 2.35m), so 2.2 million never meets it.
        half = rounding_unit(value) / 2
        return Bounds(value - half, value + half, high_closed=half == 0)
    return Bounds(
        -math.inf if low is None else low,
        math.inf if high is None else high,
        low_closed=qualifier != "more_than",
        high_closed=qualifier not in ("less_than", "nearly"),
    )


def compatible(a: Figure, b: Figure) -> bool:
    """True when both figures can be true at once (same unit assumed)."""
    return bounds(a).overlaps(bounds(b))


def describe(fig: Figure) -> str:
    """A figure's interval in the notation a statistician reads.

    >>> from compare.types import Figure
    >>> describe(Figure("a:f1", "a", 0, "more than 130", (0, 13), 130, 130, None, "more_than"))
    '(130, ∞)'
    """
    if fig.qualifier == "exact":
        return fmt_number(fig.value)  # as stated, even when it stands for a rounded range
    b = bounds(fig)
    left = "[" if b.low_closed and b.low != -math.inf else "("
    right = "]" if b.high_closed and b.high != math.inf else ")"
    lo = "-∞" if b.low == -math.inf else fmt_number(b.low)
    hi = "∞" if b.high == math.inf else fmt_number(b.high)
    return f"{left}{lo}, {hi}{right}"


@lru_cache(maxsize=65536)  # reasons restate the same figures across many comparisons
def fmt_number(x: float) -> str:
    """A number as a reader writes it: thousands separators, no needless decimals.

    >>> fmt_number(27840.0), fmt_number(1.25), fmt_number(-3)
    ('27,840', '1.25', '-3')
    """
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")
