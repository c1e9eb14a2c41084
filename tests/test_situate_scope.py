"""Counts of another time or of several events, told inside a report of one event: a
timeline's entry, another clip's title, the year so far, last summer, a roundup.  Their
scope keeps them out of the event's own count (compare/extract/situate.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.pipeline import extract
from compare.types import Article


def _scopes(text: str, year: int = 2024) -> list[tuple[str, float, str | None]]:
    article = Article(id="a", path="-", text=text, published=dt.date(year, 6, 3))
    return [
        (f.concept or "", f.value, f.scope)
        for f in extract(article).figures
        if f.concept in ("killed", "injured")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2004: A tsunami killed 230,000 people around the Indian Ocean.",
            [("killed", 230000, "background")],
        ),
        (
            "Photo 2011: Six people were killed in a shooting outside a Tucson supermarket.",
            [("killed", 6, "background")],
        ),
        (
            "In 2024: four people were injured when the roof of the market collapsed.",
            [("injured", 4, "current")],
        ),
        (
            "Four people were injured when the roof of the market collapsed.",
            [("injured", 4, "current")],
        ),
    ],
    ids=["a-timelines-year", "two-words-before-the-year", "in-the-reports-year", "no-year"],
)
def test_a_timelines_entry_is_its_years(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _scopes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1:42 Two climbers killed in avalanche on Mont Blanc", [("killed", 2, "background")]),
        ("11:49 a.m. A bus overturned, injuring 12 passengers.", [("injured", 12, "current")]),
        ("At 10:30 three workers were hurt by the blast.", [("injured", 3, "current")]),
    ],
    ids=["a-clips-running-time", "a-clock-time", "at-a-time"],
)
def test_another_clips_title_is_another_story(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    """Players list other videos with their running time before the title."""
    assert _scopes(f"A ferry capsized on the river.\n\n{text}") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twenty-one workers have died on the city's building sites so far this year.",
            [("killed", 21, "period")],
        ),
        (
            "It was the ninth fatal crash on the bypass this year; 12 people have died there.",
            [("killed", 12, "current")],
        ),
        (
            "Last summer, a flash flood killed four hikers in the same canyon.",
            [("killed", 4, "background")],
        ),
        ("Four hikers were killed by a flash flood on Sunday.", [("killed", 4, "current")]),
    ],
    ids=["so-far-this-year", "another-clause", "last-summer", "this-event"],
)
def test_the_year_so_far_and_a_past_season(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    """A count of the year so far is the year's statistic; last summer's is an earlier
    event's."""
    assert _scopes(text) == expected


def test_a_year_so_far_is_a_period_of_any_figure() -> None:
    article = Article(
        id="a",
        path="-",
        text="The airline has carried 41 million passengers so far this year.",
        published=dt.date(2024, 9, 2),
    )
    assert [(f.scope, f.period) for f in extract(article).figures] == [
        ("period", "so far this year")
    ]


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        ("Six people died in a spate of weekend crashes on the county's roads.", ["background"]),
        (
            "A series of overnight stabbings left three men hurt across the city centre.",
            ["background"],
        ),
        (
            "Five people were dead in a string of separate, apparently unrelated shootings.",
            ["background"],
        ),
        (
            "A teenager hurt in one of three separate stabbings on Friday is recovering.",
            ["background"],
        ),
        (
            "Police are investigating two separate crashes that left four people injured.",
            ["background"],
        ),
        (
            "Two separate Lake County boating accidents on Sunday left three people injured.",
            ["background"],
        ),
        (
            "Two separate North Sea helicopter crashes on Monday killed five oil workers.",
            ["background"],
        ),
        ("Nine people were hurt in stabbings across London on Saturday.", ["background"]),
        ("Eight drivers were hurt in crashes from Friday to Sunday.", ["background"]),
        ("Two people were killed in the crash on Friday.", ["current"]),
        ("Two people were killed after a series of explosions at the plant.", ["current"]),
        ("Three people were hurt in the stabbings at the station.", ["current"]),
    ],
    ids=[
        "spate-of-crashes",
        "series-of-stabbings",
        "string-of-separate-shootings",
        "one-of-several",
        "separate-crashes",
        "separate-county-boating-accidents",
        "separate-north-sea-helicopter-crashes",
        "stabbings-across-a-city",
        "crashes-from-friday",
        "one-crash",
        "explosions-of-one-event",
        "the-stabbings-of-one-attack",
    ],
)
def test_roundups_of_several_events(text: str, scopes: list[str]) -> None:
    """A toll told of several events at once (a spate, a series, one of three) is a
    roundup's, not this event's count."""
    assert [s for _, _, s in _scopes(text)] == scopes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fire follows a blaze at a warehouse last month that killed two workers.",
            [("killed", 2, "background")],
        ),
        (
            "The crash comes just over a year after nine people were hurt at the same junction.",
            [("injured", 9, "background")],
        ),
        (
            "The collapse came as rescuers searched for 12 miners; three were killed.",
            [("killed", 3, "current")],
        ),
        (
            "The attack follows a spate of robberies that left two shopkeepers dead.",
            [("killed", 2, "background")],
        ),
    ],
    ids=["follows-a-blaze", "a-year-after", "came-as", "follows-a-spate"],
)
def test_the_event_this_one_follows(text: str, expected: list[tuple[str, float, str]]) -> None:
    """ "This follows a blaze that killed two": the counts of the earlier event."""
    assert _scopes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A gas explosion killed four people in a block of flats on Monday. Eleven "
            "were injured. Rescuers found two more dead in the rubble on Tuesday.",
            [("killed", 4, "current"), ("injured", 11, "current"), ("killed", 2, "period")],
        ),
        (
            "Five people were killed and three more were injured when the bridge fell.",
            [("killed", 5, "current"), ("injured", 3, "current")],
        ),
    ],
    ids=["more-dead-later-in-the-text", "more-of-another-count"],
)
def test_more_of_a_count_told_before(text: str, expected: list[tuple[str, float, str]]) -> None:
    """ "Two more dead", after a count of the dead anywhere before, is no total."""
    assert _scopes(text) == expected
