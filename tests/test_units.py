"""Units as news writes them, by domain: the figure a reader sees and the unit it carries."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

UNITS = [
    (
        "economy-oil-price",
        "Brent rose to $84.20 a barrel on Monday.",
        [("$84.20 a barrel", "USD/barrel")],
    ),
    (
        "company-per-share",
        "The bank earned 71 cents per share in the quarter.",
        [("71 cents per share", "cent/share")],
    ),
    (
        "economy-wage-per-hour",
        "The minimum wage rises to £11.44 an hour.",
        [("£11.44 an hour", "GBP/hour")],
    ),
    ("economy-a-year-ago-is-a-date", "Sales reached $3m a year ago.", [("$3m", "USD")]),
    ("economy-count-per-day-is-a-count", "Clinics saw 98 a day in May.", [("98", None)]),
    ("transport-speed", "The train was travelling at 128 km/hr.", [("128 km/hr", "km/h")]),
    ("transport-speed-words", "Winds reached 150 miles per hour.", [("150 miles per hour", "mph")]),
    (
        "storm-rainfall-us-spelling",
        "Up to 300 millimeters of rain fell.",
        [("Up to 300 millimeters", "mm")],
    ),
    (
        "wildfire-temperature",
        "It was 45 degrees Celsius in the shade.",
        [("45 degrees Celsius", "celsius")],
    ),
    ("cars-engine", "a 2.4 liter engine with 201 hp", [("2.4 liter", "litre"), ("201 hp", "hp")]),
    ("cars-revolutions", "peak torque at 3000 rpm", [("3000 rpm", "rpm")]),
    ("environment-ppm", "CO2 reached 421 parts per million.", [("421 parts per million", "ppm")]),
    (
        "company-currency-by-name",
        "The deal is worth 2.5 billion Australian dollars.",
        [("2.5 billion Australian dollars", "AUD")],
    ),
    ("company-sign-after", "A ticket costs 45€ at the door.", [("45€", "EUR")]),
    ("company-or-shares-the-unit", "It costs 8 or $9.", [("8", "USD"), ("$9", "USD")]),
    (
        "company-or-words",
        "about eight or nine euros",
        [("about eight", "EUR"), ("nine euros", "EUR")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [u[1:] for u in UNITS], ids=[u[0] for u in UNITS])
def test_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.unit) for f in figures] == expected
