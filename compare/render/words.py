"""A row's reason in newsroom words: "between 4,413 and 4,877", "$84.1bn against $84.5bn",
"revised down by 13 in 2 days".  Pure functions of the row; never changes a verdict.

The judge's reason (``Row.reason``) states the rule that decided the row, in a statistician's
interval notation, and stays in JSON as it is; this module restates the same facts the way a
reporter writes them, for the tables and the page, and keeps what the judge added after its
first clause (claimants, what was missing) word for word.
"""

from __future__ import annotations

import datetime as dt
import math

from compare.intervals import bounds, compatible, fmt_number
from compare.types import Figure, Row

# How a currency is written before an amount; another code is written before it ("CHF 5bn").
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
# Large amounts as a reporter abbreviates them: $84.1bn, 2.5m people, 4,877.
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_UNIT_WORDS = {"percent": "%"}


def amount(x: float, unit: str | None = None) -> str:
    """A number with its unit as news writes it.

    >>> amount(84_100_000_000, "USD"), amount(2_500_000), amount(4_412.75), amount(85, "percent")
    ('$84.1bn', '2.5m', '4,413', '85%')
    >>> amount(3, "day"), amount(1, "day"), amount(5e9, "CHF")
    ('3 days', '1 day', 'CHF 5bn')
    """
    if math.isinf(x):
        return "unbounded"
    text = _scaled(x)
    if unit is None:
        return text
    if unit in _UNIT_WORDS:
        return text + _UNIT_WORDS[unit]
    if unit in CURRENCY_SIGNS:
        return ("-" if x < 0 else "") + CURRENCY_SIGNS[unit] + text.lstrip("-")
    if unit.isupper() and len(unit) == 3:  # another currency code
        return f"{unit} {text}"
    return f"{text} {unit}{'' if abs(x) == 1 else 's'}"


def _scaled(x: float) -> str:
    for size, suffix in _SCALES:
        if abs(x) >= size:
            return f"{x / size:,.2f}".rstrip("0").rstrip(".") + suffix
    if abs(x) >= 100 or float(x).is_integer():
        return fmt_number(round(x))
    return fmt_number(round(x, 2))


def in_words(fig: Figure) -> str:
    """What a figure allows, in words: its own wording when exact, else its interval.

    >>> f = Figure("a:f1", "a", 0, "about 4,645", (0, 11), 4645, 4412.75, 4877.25, "about")
    >>> in_words(f)
    'between 4,413 and 4,877'
    >>> in_words(Figure("a:f2", "a", 0, "more than 130", (0, 13), 130, 130, None, "more_than"))
    'more than 130'
    """
    unit = fig.unit
    if fig.qualifier == "exact":
        return amount(fig.value, unit)
    b = bounds(fig)
    lo, hi = b.low, b.high
    if lo == -math.inf and hi == math.inf:
        return "any number"
    if hi == math.inf:
        return f"{'at least' if b.low_closed else 'more than'} {amount(lo, unit)}"
    if lo == -math.inf or (lo <= 0 < hi and fig.qualifier in ("at_most", "less_than")):
        return f"{'up to' if b.high_closed else 'under'} {amount(hi, unit)}"
    if amount(lo, unit) == amount(hi, unit):
        return amount(lo, unit)
    return f"between {amount(lo, unit)} and {amount(hi, unit)}"


def explain(row: Row, dates: dict[str, dt.date | None], sides: tuple[str, str] = ("A", "B")) -> str:
    """The row's reason in newsroom words (the judge's own reason for rows without two figures).

    >>> a = Figure("a:f1", "a", 0, "288", (0, 3), 288, 288, 288, "exact", concept="killed")
    >>> b = Figure("b:f1", "b", 0, "275", (0, 3), 275, 275, 275, "exact", concept="killed")
    >>> row = Row("update", "killed", a, b, None, None, 0.9, "B is 2 days later: 288 -> 275")
    >>> explain(row, {"a": dt.date(2023, 6, 3), "b": dt.date(2023, 6, 5)})
    'revised down by 13 in 2 days, from 288 (A) to 275 (B)'
    """
    a, b = row.a, row.b
    if a is None or b is None:
        return row.reason
    tail = row.reason.split("; ", 1)[1] if "; " in row.reason else ""
    said = _said(row, a, b, dates, sides)
    return f"{said}; {tail}" if tail else said


def _said(
    row: Row, a: Figure, b: Figure, dates: dict[str, dt.date | None], sides: tuple[str, str]
) -> str:
    if row.verdict == "update":
        da, db = dates.get(a.article), dates.get(b.article)
        (early, s0, d0), (late, s1, d1) = sorted(
            [(a, sides[0], da), (b, sides[1], db)], key=lambda t: t[2] or dt.date.min
        )
        delta = late.value - early.value
        days = (d1 - d0).days if d0 and d1 else 0
        how = "up" if delta > 0 else "revised down" if delta < 0 else "restated"
        by = f" by {amount(abs(delta), late.unit or early.unit)}" if delta else ""
        span = f" in {days} day{'s' if days != 1 else ''}" if days else ""
        return (
            f"{how}{by}{span}, from {amount(early.value, early.unit)} ({s0}) "
            f"to {amount(late.value, late.unit)} ({s1})"
        )
    wa, wb = in_words(a), in_words(b)
    if row.verdict == "diverge":
        return f"{wa} against {wb}: both cannot be right"
    if row.verdict == "agree":
        if a.text.strip().casefold() == b.text.strip().casefold():
            return f"both say {a.text.strip()}"
        if wa == wb:
            return f"both say {wa}"
        if compatible(a, b):
            return f"{wa} and {wb} can both be right"
        return f"{wa} and {wb}"
    return row.reason
