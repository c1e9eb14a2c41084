"""Periods compared (issue 12): one calendar quarter by any of its names; fiscal ones as written.

Rows from airlines, retail, utilities and tourism, not the carmakers that showed the gap.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.align.rules import period_key, why_apart
from compare.types import Figure


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("july-september quarter", "third quarter", True),
        ("september quarter", "q3", True),
        ("3rd quarter", "third quarter", True),
        ("final quarter", "october-december quarter", True),
        ("first quarter", "second quarter", False),
        ("fiscal third quarter", "third quarter", False),
        ("fiscal third quarter", "fiscal third quarter", True),
        ("march", "first quarter", False),
        ("2023", "2023", True),
        ("so far this year", "this year", True),
        ("this year to date", "this year", True),
        ("so far this year", "last year", False),
    ],
    ids=[
        "months-vs-ordinal",
        "last-month-vs-q",
        "digit-ordinal",
        "final-quarter",
        "two-quarters",
        "fiscal-is-not-calendar",
        "fiscal-as-written",
        "a-month-is-no-quarter",
        "a-year",
        "outbreak-so-far-this-year-is-this-year",
        "sales-year-to-date-is-this-year",
        "guard-this-year-is-not-last-year",
    ],
)
def test_period_keys(a: str, b: str, same: bool) -> None:
    assert (period_key(a) == period_key(b)) == same


PASSENGERS = Figure(
    "a:f1", "a", 0, "41.2 million", (0, 12), 41.2e6, 41.2e6, 41.2e6, "exact", None, "passengers"
)


@pytest.mark.parametrize(
    ("period_a", "period_b", "why"),
    [
        ("july-september quarter", "third quarter", None),
        ("april-june quarter", "third quarter", "april-june quarter vs third quarter"),
    ],
    ids=["same-quarter-two-names", "two-quarters-apart"],
)
def test_quarters_keep_figures_apart_only_when_they_differ(
    period_a: str, period_b: str, why: str | None
) -> None:
    a = replace(PASSENGERS, scope="period", period=period_a)
    b = replace(PASSENGERS, scope="period", period=period_b)
    assert why_apart(a, b) == why
