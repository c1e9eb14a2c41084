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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bank of England raised its key rate by a quarter of a percentage point to 5.25%.",
            [
                ("a quarter of a percentage point", 0.25, "percentage point", "key rate rise"),
                ("5.25%", 5.25, "percent", "key rate"),
            ],
        ),
        (
            "Firefighters reached the tower within a quarter of an hour.",
            [("a quarter of an hour", 0.25, "hour", None)],
        ),
        (
            "The river rose by two-thirds of a metre in Passau.",
            [("two-thirds of a metre", 2 / 3, "m", "river rise")],
        ),
        ("Half of the homes were flooded.", [("Half", 50.0, "percent", "homes flooded")]),
    ],
    ids=["economy-quarter-point", "fire-quarter-hour", "flood-two-thirds-metre", "share-of-things"],
)
def test_share_of_one_unit(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    """A share "of a" unit is that share of one unit, not a percentage."""
    figures = extract(Article("a", "a.txt", text)).figures
    got = [(f.text, f.value, f.unit, f.concept) for f in figures]
    assert [(t, pytest.approx(v), u, c) for t, v, u, c in got] == expected
