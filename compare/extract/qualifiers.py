"""From the wording around a number to its qualifier and the interval that wording allows.

The conventions (the judge relies on them):

- exact X: [X, X].  at_least X: [X, open).  more_than X: low X, excluded.
- at_most X: (open, X].  less_than X: high X, excluded.
- about X: [X-d, X+d], d = max(5% of X, min(half the rounding step X is written to, 10% of X)).
- nearly X: [0.9 X, X) -- never X itself, never above it.
- range X..Y: [X, Y], value X.  vague: the amount's table interval, value = low.
"""

from __future__ import annotations

import re

from compare.extract.resources import (
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    alternation,
    guarded,
    lowercase_twin,
)
from compare.types import Qualifier

ABOUT_SHARE = 0.05  # "about" grants at least 5% either side, as statistical checkers do
ABOUT_MAX_SHARE = 0.1  # the rounding shown widens it, but never past 10%: "around 200" is 180-220
NEARLY_SHARE = 0.9  # "nearly X" is read as at least 90% of X

_WORD_KEYS = sorted((k for k in PREFIX_QUALIFIERS if k[0].isalpha()), key=len, reverse=True)
_SIGN_KEYS = sorted((k for k in PREFIX_QUALIFIERS if not k[0].isalpha()), key=len, reverse=True)
# Words need a word boundary before them ("over", not "hangover"); signs do not ("x>10").
_PREFIX = re.compile(
    r"(?P<q>\b(?:"
    + alternation(_WORD_KEYS)
    + r")|(?:"
    + "|".join(re.escape(k).replace(r"\ ", r"\s*") for k in _SIGN_KEYS)
    + r"))\s*$",
    re.IGNORECASE,
)
_PREFIX_LOWER = guarded(lowercase_twin(_PREFIX))  # searched before every figure
# The last word (or sign) of each qualifier, lowercase: a match of _PREFIX ends with one.
_PREFIX_ENDS = tuple(sorted({k.lower().split()[-1] for k in PREFIX_QUALIFIERS}))
_SUFFIX = re.compile(
    r"^(?:\s+(?P<words>or\s+more|or\s+so|or\s+fewer|or\s+less|or\s+greater|or\s+higher)\b|-(?P<glued>plus|odd)\b|(?P<sign>\+))",
    re.IGNORECASE,
)


def prefix_qualifier(before: str) -> tuple[Qualifier, int] | None:
    """The qualifier that ends ``before`` and how many characters it takes.

    >>> prefix_qualifier("which Tel Aviv says killed nearly ")
    ('nearly', 7)
    >>> prefix_qualifier("At least ")
    ('at_least', 9)
    >>> prefix_qualifier("the handover ") is None
    True
    """
    if before.isascii():
        low = before.lower()
        if not low.rstrip().endswith(_PREFIX_ENDS):
            return None  # a qualifier's last word ends the words before, spaces after it
        m = _PREFIX_LOWER.search(low)
    else:
        m = _PREFIX.search(before)
    if m is None:
        return None
    key = " ".join(m.group("q").lower().split())
    return PREFIX_QUALIFIERS[key], len(before) - m.start("q")


def suffix_qualifier(after: str) -> tuple[Qualifier, int] | None:
    """A qualifier written after the number ("300 or more", "500-plus", "30-odd").

    >>> suffix_qualifier(" or more people"), suffix_qualifier("-odd years")
    (('at_least', 8), ('about', 4))
    """
    m = _SUFFIX.match(after)
    if m is None:
        return None
    key = " ".join((m.group("words") or m.group("glued") or "plus").lower().split())
    return SUFFIX_QUALIFIERS[key], m.end()


def interval(
    value: float, qualifier: Qualifier, *, step: float = 1.0, high: float | None = None
) -> tuple[float | None, float | None]:
    """The interval [low, high] (None = open) that a qualified value allows.

    >>> interval(1200, "nearly")
    (1080.0, 1200)
    >>> interval(85, "about")
    (80.75, 89.25)
    >>> interval(28000, "about", step=1000), interval(200, "about", step=100)
    ((26600.0, 29400.0), (180.0, 220.0))
    >>> interval(1250, "about", step=10)
    (1187.5, 1312.5)
    >>> interval(27840, "at_least"), interval(50, "less_than"), interval(200, "range", high=300)
    ((27840, None), (None, 50), (200, 300))
    """
    if qualifier == "exact":
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    if qualifier == "nearly":
        low = value * NEARLY_SHARE
        return (low, value) if value >= 0 else (value, value)
    if qualifier == "about":
        d = max(abs(value) * ABOUT_SHARE, min(step / 2, abs(value) * ABOUT_MAX_SHARE))
        return round(value - d, 9), round(value + d, 9)
    # range and vague carry their own upper bound
    return value, high if high is not None and high >= value else value
