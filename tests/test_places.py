"""Where figures happen: places read from a real gazetteer, nested, inherited, and apart."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.extract.places import mentions, relation
from compare.pipeline import extract
from compare.types import Article


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "383 were killed in the West Bank, including East Jerusalem.",
            ["West Bank", "East Jerusalem"],
        ),
        (
            "Five people were killed in Uvalde, Texas, on Tuesday.",
            ["Uvalde, Texas, United States", "Texas, United States"],
        ),
        ("The quake killed 5,400 people in Turkey and 1,800 in Syria.", ["Turkey", "Syria"]),
        (
            "Floods in Libya killed thousands, officials in Tripoli said.",
            ["Libya", "Tripoli, Libya"],
        ),
        ("Israel says 134 hostages are held.", []),
        ("Moscow claimed 40 drones were shot down.", []),
        ("Israel's army said 12 soldiers died.", []),
        ("Police in Jackson said two men were shot.", ["Jackson, Mississippi, United States"]),
        ("Reading the report, Smith said 40 people died.", []),
        ("Eddie Holmes, 13, was shot at a home.", []),
        ("Apple's revenue in China fell 2.5% to $15.8 billion.", ["China"]),
        (
            "More than 1,200 people were killed in Hatay province and in Antakya.",
            ["Hatay, Turkey", "Antakya, Turkey"],
        ),
    ],
    ids=[
        "regions-from-the-vocabulary",
        "town-and-state",
        "two-countries",
        "capital-after-preposition",
        "country-as-actor",
        "capital-as-actor",
        "possessive-actor",
        "place-after-in-is-no-speaker",
        "town-named-like-a-word",
        "surname-not-a-town",
        "company-and-country",
        "province-and-city",
    ],
)
def test_mentions(text: str, names: list[str]) -> None:
    assert [m.place.name for m in mentions(text)] == names


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("Uvalde", "Texas", "nested"),
        ("Texas", "California", "apart"),
        ("Turkey", "Syria", "apart"),
        ("Gaza Strip", "West Bank", "apart"),
        ("Rafah", "Gaza Strip", "nested"),
        ("Antakya", "Hatay", "unknown"),
        ("Houston", "Houston", "same"),
    ],
)
def test_relation(a: str, b: str, how: str) -> None:
    (ma,), (mb,) = mentions(f"It happened in {a}."), mentions(f"It happened in {b}.")
    assert relation(ma.place.key, mb.place.key) == how


def _figures(
    text: str, **meta: object
) -> list[tuple[str, str | None, str | None, str, str | None]]:
    art = Article("a", "a.txt", text, **meta)  # type: ignore[arg-type]
    return [(f.text, f.place, f.place_from, f.scope, f.period) for f in extract(art).figures]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "HOUSTON (AP) - Police said 3 people were wounded on Sunday.",
            None,
            [("3", "Houston, Texas, United States", "article", "current", None)],
        ),
        (
            "The quake killed 5,400 people in Turkey and 1,800 in Syria.",
            None,
            [
                ("5,400", "Turkey", "figure", "current", None),
                ("1,800", "Syria", "figure", "current", None),
            ],
        ),
        (
            "Rescuers dug through rubble in Antakya. At least 1,200 bodies were recovered there.",
            None,
            [("At least 1,200", "Antakya, Turkey", "paragraph", "current", None)],
        ),
        (
            "The toll rose to 3,400. It is the deadliest quake since 1999, when about 17,000 people died.",
            dt.date(2023, 2, 7),
            [
                ("3,400", None, None, "current", None),
                ("about 17,000", None, None, "background", "1999"),
            ],
        ),
        (
            "Revenue rose 8% to $2.1 billion in the third quarter, the company said.",
            dt.date(2023, 10, 26),
            [
                ("8%", None, None, "period", "third quarter"),
                ("$2.1 billion", None, None, "period", "third quarter"),
            ],
        ),
        (
            "At least 27,840 Palestinians have been killed since 7 October.",
            dt.date(2024, 2, 8),
            [("At least 27,840", None, None, "current", "since 7 October")],
        ),
    ],
    ids=[
        "dateline",
        "two-countries",
        "paragraph",
        "background-year",
        "period-quarter",
        "open-period",
    ],
)
def test_place_and_time(
    text: str, published: dt.date | None, expected: list[tuple[object, ...]]
) -> None:
    assert _figures(text, published=published) == expected
