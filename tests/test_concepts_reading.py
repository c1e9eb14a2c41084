"""What a figure counts and who or what is counted, for shapes news writes in every domain:
a force's name before the people it counts, a count named only as a count ("the count
stood at", "put it at"), a unit that says what is measured (a speed, a distance).
Sentences and articles of our own from several domains: (text, [(figure text, concept,
subject)]), every figure of the text listed."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

Row = tuple[str, str | None, str | None]

# A name that ends in a plural ("Police", "Guards") before the people it names: the people
# are who is counted, the name qualifies them.
FORCES = [
    (
        "protest-state-police-troopers-died",
        "Two State Police troopers also died when their helicopter crashed near Richmond.",
        [("Two", "killed", "state police troopers")],
    ),
    (
        "sport-capitol-police-officers",
        "The gunman exchanged fire with two Capitol Police officers at the ballpark.",
        [("two", "officers", "officers")],
    ),
    (
        "disaster-coast-guard-crews",
        "Three Coast Guards crews were deployed off Galveston on Monday.",
        [("Three", "deployed", "coast guards crews")],
    ),
    (
        "health-lowercase-police-unchanged",
        "Three police officers were hurt in the clashes in Lyon.",
        [("Three", "injured", "police")],
    ),
]

# A count named only as a count, or as "it", counts what the article's previous figure
# counts (the vocabulary's [references]); its change is a change of that.
REFERENCES = [
    (
        "flood-the-count-stood-at",
        "Floods have killed 1,200 people in the north, officials said. In the south the count"
        " stood at 340.",
        [("1,200", "killed", "people"), ("340", "killed", "people")],
    ),
    (
        "disaster-final-count-could-reach",
        "The landslide killed at least 670 people. The governor said the final count could"
        " reach 2,000.",
        [("at least 670", "killed", "people"), ("2,000", "killed", "people")],
    ),
    (
        "company-the-figure-was-up",
        "Acme reported revenue of $4.2bn for the quarter, Acme said. The figure was up 12%"
        " from a year earlier.",
        [("$4.2bn", "revenue", "Acme"), ("12%", "revenue rise", "Acme")],
    ),
    (
        "earthquake-put-it-at",
        "The USGS measured the quake at magnitude 6.4, with its centre 20 km north of Mardan."
        " Pakistan's meteorological department put it at 6.6.",
        [
            ("6.4", "magnitude", "earthquake"),
            ("20 km", "distance", None),
            ("6.6", "magnitude", "earthquake"),
        ],
    ),
    (
        "election-tally-noun-kept",
        "The Greens' seat tally rose to 14.",
        [("14", "seats", None)],
    ),
]

# What a unit alone says an amount measures ([unit_measures]): a speed; a length with a
# direction after it is a distance. A measure the sentence names wins.
UNIT_MEASURES = [
    (
        "transport-train-speed",
        "The express was travelling at 128 km/h when it left the rails near Pune.",
        [("128 km/h", "speed", None)],
    ),
    (
        "storm-winds-named",
        "The storm's winds reached 150 mph in the Keys.",
        [("150 mph", "winds", "storm")],
    ),
    (
        "earthquake-distance-southwest",
        "The quake's centre was about 70 km southwest of Kabul.",
        [("about 70 km", "distance", None)],
    ),
    (
        "transport-distance-off-coast",
        "The ferry sank 12 miles off the coast of Lesbos.",
        [("12 miles", "distance", None)],
    ),
]


# A capitalised word opening the sentence is no owner when it is a participle ("Insured
# losses") or followed by "of" ("Shares of the company", "Holders of the bonds").
NOT_OWNERS = [
    (
        "storm-insured-losses",
        "Insured losses could reach $40bn, a modelling firm said.",
        [("$40bn", "losses", None)],
    ),
    (
        "company-shares-of-the-company",
        "Shares of the company, which passed $2 trillion in market value in June, fell.",
        [("passed $2 trillion", "market value", None)],
    ),
    (
        "bank-holders-of-bonds",
        "Holders of $17bn of bonds were wiped out.",
        [("$17bn", "bonds", None)],
    ),
    (
        "bank-name-with-of-kept",
        "Bank of America reported revenue of $25bn.",
        [("$25bn", "revenue", "Bank of America")],
    ),
]


def _rows(text: str) -> list[Row]:
    return [(f.text, f.concept, f.subject) for f in extract(Article("a", "a.txt", text)).figures]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in FORCES], ids=[s[0] for s in FORCES])
def test_force_names_before_people(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in REFERENCES], ids=[s[0] for s in REFERENCES]
)
def test_counts_named_as_counts(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in UNIT_MEASURES], ids=[s[0] for s in UNIT_MEASURES]
)
def test_unit_measures(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in NOT_OWNERS], ids=[s[0] for s in NOT_OWNERS]
)
def test_capitalised_words_that_own_nothing(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
