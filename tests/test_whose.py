"""Whose a figure is when its sentence does not say: the owner, event or defendant the
article named before (compare/extract/whose.py), in articles of our own from several
domains: (article text, [(figure text, concept, subject)])."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

ARTICLES = [
    (
        "storm-named-then-the-cyclone",
        "Cyclone Freddy made landfall in Mozambique on Saturday. The cyclone's winds reached"
        " 150 km/h and 200 people were evacuated, officials said.",
        [("150 km/h", "winds", "Cyclone Freddy"), ("200", "evacuated", "people")],
    ),
    (
        "storm-the-sentence-names-another",
        "Typhoon Doksuri hit Fujian in July. Earlier, Typhoon Talim struck with winds of 140 km/h.",
        [("140 km/h", "winds", "Typhoon Talim")],
    ),
    (
        "storm-an-agency-is-no-storm",
        "Typhoon Saola neared Hong Kong. The Joint Typhoon Warning Center put its winds at"
        " 200 km/h.",
        [("200 km/h", "winds", "Typhoon Saola")],
    ),
    (
        "earthquake-tremor-is-an-earthquake",
        "A magnitude-6.3 tremor struck Herat province on Saturday.",
        [("6.3", "magnitude", "earthquake")],
    ),
    (
        "wildfire-named-fire-burned",
        "The Dixie Fire has burned 463,000 acres in northern California.",
        [("463,000 acres", "area burned", "Dixie Fire")],
    ),
    (
        "trial-convicted-then-sentenced",
        "A jury in Minneapolis convicted Derek Chauvin on three counts. Chauvin was later"
        " sentenced to 22.5 years in prison.",
        [("three", "counts", "Derek Chauvin"), ("22.5 years", "sentence", "Derek Chauvin")],
    ),
    (
        "weather-no-event-named",
        "Winds reached 90 km/h on the coast.",
        [("90 km/h", "winds", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in ARTICLES], ids=[s[0] for s in ARTICLES]
)
def test_whose(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected
