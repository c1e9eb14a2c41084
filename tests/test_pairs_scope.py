"""A year the figure is compared with is not the figure's time (issue 12's pairs).

"won 99, nearly double its 2019 tally" and "its biggest since Thatcher's victory in 1987"
are this event's counts; "which killed 5,000 people in 1991" is the past's.  Rows from
other domains than the elections and quakes that showed the defect.
"""

from __future__ import annotations

import datetime as dt

import pytest

from compare.pipeline import extract
from compare.types import Article


def _scopes(text: str) -> list[tuple[str, str, str | None]]:
    art = Article("a", "a.txt", text, published=dt.date(2024, 6, 1))
    return [(f.text, f.scope, f.period) for f in extract(art).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The airline carried 4.2 million passengers, nearly double its 2019 total.",
            [("4.2 million", "current", None)],
            id="double-its-year-total",
        ),
        pytest.param(
            "The club scored 104 goals, its most since a title-winning season in 1962.",
            [("104", "current", None)],
            id="most-since-a-season-in-year",
        ),
        pytest.param(
            "Rain flooded 3,400 homes, surpassing the damage of the 1998 storm.",
            [("3,400", "current", None)],
            id="surpassing-a-past-storm",
        ),
        pytest.param(
            "The chain became the first to win the award since Sears in 1985, opening 140 stores.",
            [("140", "current", None)],
            id="since-year-then-comma",
        ),
        pytest.param(
            "The chain last went bankrupt in 2009, when it closed 300 stores.",
            [("300", "background", "2009")],
            id="past-event-year-stays",
        ),
        pytest.param(
            "It is the biggest failure since the insurer collapsed in 2001 with $12bn in debt.",
            [("$12bn", "background", "2001")],
            id="figure-inside-the-compared-past",
        ),
        pytest.param(
            "The worst heatwave was in 2003, which killed more than 14,000 people in 2003.",
            [("more than 14,000", "background", "2003")],
            id="more-than-is-no-comparison-with-the-year",
        ),
        pytest.param(
            "The storm was the island's worst since a 1992 hurricane that destroyed 900 homes.",
            [("900", "background", "1992")],
            id="since-a-past-event-that-counted",
        ),
        pytest.param(
            "The outage hit 2 million homes, eclipsing the 2003 blackout in Ohio, which cut "
            "power to 50 million people.",
            [("2 million", "current", None), ("50 million", "background", "2003")],
            id="compared-past-in-a-relative-clause",
        ),
        pytest.param(
            "The bank lost 41% since the 2008 crisis, its worst run.",
            [("41%", "current", None)],
            id="since-a-past-event-after-the-figure",
        ),
        pytest.param(
            "The firm paid $10 million over the 2015 crash; 40 people died in the 2015 crash.",
            [("$10 million", "current", None), ("40", "background", "2015")],
            id="a-figure-for-a-past-event-is-todays",
        ),
    ],
)
def test_compared_year_is_not_the_figures_time(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _scopes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Retail sales rose 2.1% in March. Online sales grew 6.4%, up from 5.2% in February.",
            [
                ("2.1%", "period", "march"),
                ("6.4%", "period", "march"),
                ("5.2%", "period", "february"),
            ],
            id="compared-value-keeps-its-month",
        ),
        pytest.param(
            "Unemployment fell to 3.9% in April from 4.1% in March.",
            [("3.9%", "period", "april"), ("4.1%", "period", "march")],
            id="each-its-own-month",
        ),
        pytest.param(
            "Third-quarter profit fell to $3.2 billion from $4.1 billion a year earlier.",
            [
                ("$3.2 billion", "period", "third quarter"),
                ("$4.1 billion", "background", "a year earlier"),
            ],
            id="hyphenated-quarter",
        ),
        pytest.param(
            "Sales were $8 billion in the first quarter. It forecast second-quarter sales of $9 billion.",
            [("$8 billion", "period", "first quarter"), ("$9 billion", "period", "second quarter")],
            id="a-forecast-names-its-own-quarter",
        ),
    ],
)
def test_a_compared_values_period_is_its_own(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _scopes(text) == expected


def _places(text: str) -> list[tuple[str, str | None]]:
    art = Article("a", "a.txt", text, published=dt.date(2024, 6, 1))
    return [(f.text, f.place) for f in extract(art).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The toll from the Kentucky floods rose to 12 on Sunday, officials said, "
            "surpassing the 1997 floods in Ohio, which killed 21.",
            [("12", "Kentucky, United States"), ("21", "Ohio, United States")],
            id="compared-past-keeps-its-place",
        ),
    ],
)
def test_a_compared_past_place_is_not_the_figures(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _places(text) == expected
