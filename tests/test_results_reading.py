"""Company results and economic figures: whose a measure is, its period, and the base a
change is measured against (compare/extract/concepts.py, compare/extract/situate.py).

A period is when, never who ("revenue in its fiscal third quarter" is the company's); a
change "from a year earlier" is measured now, and only the value "a year ago" itself is
of that earlier time.
"""

from __future__ import annotations

import datetime as dt

import pytest

from compare.pipeline import compare_articles, extract
from compare.types import Article

D0, D1 = dt.date(2023, 11, 21), dt.date(2023, 11, 22)


def _read(text: str) -> list[tuple[str, str | None, str | None, str, str | None]]:
    article = Article("a", "a.txt", text, published=D0)
    return [(f.text, f.concept, f.subject, f.scope, f.period) for f in extract(article).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nvidia said revenue in its fiscal third quarter rose 206% to $18.12 billion.",
            [
                ("206%", "revenue rise", "Nvidia", "period", "third quarter"),
                ("$18.12 billion", "revenue", "Nvidia", "period", "third quarter"),
            ],
        ),
        (
            "Toyota said profit in its first half rose to $9.4 billion.",
            [("$9.4 billion", "profit", "Toyota", "period", "first half")],
        ),
        (
            "Data center revenue was $14.51 billion, up 279% from a year earlier.",
            [
                ("$14.51 billion", "data center revenue", None, "current", None),
                ("279%", "data center revenue rise", "data center revenue", "current", None),
            ],
        ),
        (
            "Exports rose 8% to $310 billion from a year earlier, customs data showed.",
            [("8%", "exports rise", None, "current", None),
             ("$310 billion", "exports", None, "current", None)],
        ),
        (
            "The economy added 150,000 jobs last month, the Labor Department said.",
            [("150,000", "jobs", "economy", "period", "october")],
        ),
        (
            "Profit was $3bn, up from $2bn a year ago.",
            [("$3bn", "profit", None, "current", None),
             ("$2bn", "profit", None, "background", "a year ago")],
        ),
    ],
    ids=[
        "chipmaker-quarter-is-no-owner",
        "carmaker-half-year-is-no-owner",
        "change-from-a-year-earlier-is-current",
        "trade-change-from-a-year-earlier-is-current",
        "jobs-last-month-is-the-month-before-the-report",
        "guard-the-year-ago-value-is-of-a-year-ago",
    ],
)  # fmt: skip
def test_results_read_with_owner_period_and_base(
    text: str, expected: list[tuple[str, str | None, str | None, str, str | None]]
) -> None:
    assert _read(text) == expected


def test_shares_and_stock_are_one_count() -> None:
    """ "Shares fell 1%" and "The stock slipped 1.5%" are one count, on one row."""
    a = Article(
        "a", "a.txt", "Acme said revenue rose 9%. Shares fell 1% in late trading.", published=D0
    )
    b = Article(
        "b", "b.txt", "Acme's revenue rose 9%. The stock slipped 1.5% after hours.", published=D1
    )
    rows = compare_articles([a, b]).rows or ()
    assert {(r.a.text, r.b.text) for r in rows if r.a and r.b} >= {("1%", "1.5%")}
