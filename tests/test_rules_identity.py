"""Identity evidence for pairing (issue 12): whose count it is, and a revision one side tells.

Unit rows on the rules (scalar form; tests/test_scoring.py holds the bulk form to it) and
end-to-end rows on the real model, from other domains than the elections and train crash
that showed the gaps: sports leagues, unions, companies, hospitals, shipping, schools.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from compare.align.rules import (
    counted_elsewhere,
    named,
    revision_told,
    subject_key,
    subjects_compatible,
    why_unpaired,
)
from compare.pipeline import compare_articles
from compare.types import Article, Figure, Previous, Row

D0, D1 = dt.date(2024, 3, 4), dt.date(2024, 3, 5)


def fig(text: str, value: float, concept: str | None, subject: str | None = None) -> Figure:
    return Figure(
        "a:f1", "a", 0, text, (0, len(text)), value, value, value, "exact", None, concept, subject
    )


def revised(f: Figure, previous: float) -> Figure:
    p = str(int(previous))
    return replace(f, previous=Previous(p, (0, len(p)), previous, previous, previous, "exact"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Democrats", "the Democratic Party", False),  # an adjective is no plural: stays apart
        ("Greens", "the Green Party", True),
        ("Amazon's Teamsters union", "Teamsters", True),
        ("the Liberal alliance", "Liberals", True),
        ("Apple", "Apple's suppliers", False),
        ("nurses", "student nurses", False),
        ("patients", "Patients", True),
    ],
    ids=[
        "adjective-vs-party",
        "party-after-name",
        "owner-and-kind-dropped",
        "alliance",
        "owner-is-not-the-group",
        "a-kind-of-nurse",
        "case",
    ],
)
def test_subject_keys(a: str, b: str, same: bool) -> None:
    assert (subject_key(a) == subject_key(b)) == same
    assert subjects_compatible(a, b) == same


GOALS = fig("71", 71, "goals", "Arsenal")
OTHER_GOALS = fig("58", 58, "goals", None)


@pytest.mark.parametrize(
    ("fig_a", "fig_b", "named_b", "why"),
    [
        (
            GOALS,
            OTHER_GOALS,
            {("goal", "arsenal")},
            "the other article counts goals of Arsenal in another figure",
        ),
        (
            GOALS,
            replace(OTHER_GOALS, subject="Chelsea"),
            {("goal", "arsenal")},
            "the other article counts goals of Arsenal in another figure",
        ),
        (GOALS, replace(OTHER_GOALS, subject="Arsenal FC"), {("goal", "arsenal fc")}, None),
        (GOALS, OTHER_GOALS, set(), None),
        (GOALS, OTHER_GOALS, {("point", "arsenal")}, None),
        (replace(GOALS, subject="people"), OTHER_GOALS, {("goal", "people")}, None),
    ],
    ids=[
        "unnamed-rival",
        "other-team",
        "that-team-by-another-name",
        "nobody-else-counts-it",
        "another-thing-of-that-team",
        "generic-people-name-no-one",
    ],
)
def test_counted_elsewhere(
    fig_a: Figure, fig_b: Figure, named_b: set[tuple[str, str]], why: str | None
) -> None:
    assert counted_elsewhere(fig_a, fig_b, frozenset(named_b)) == why


def test_named_lists_only_figures_that_say_what_and_whose() -> None:
    figs = [GOALS, OTHER_GOALS, fig("3", 3, None, "Chelsea"), fig("12", 12, "wins", "people")]
    assert named(figs) == frozenset({("goal", "arsenal")})


SHIPS = fig("1,240", 1240, "containers lost")
NO_CONCEPT = fig("1,180", 1180, None)


@pytest.mark.parametrize(
    ("a", "b", "told", "why"),
    [
        (SHIPS, revised(NO_CONCEPT, 1240), True, None),
        (SHIPS, NO_CONCEPT, False, "what one side counts is unknown, and the numbers do not agree"),
        (
            SHIPS,
            revised(NO_CONCEPT, 1250),
            False,
            "what one side counts is unknown, and the numbers do not agree",
        ),
        (SHIPS, revised(fig("1,180", 1180, "shipping containers lost"), 1240), True, None),
        (SHIPS, revised(fig("1,180", 1180, "crew"), 1240), True, "counts containers lost vs crew"),
        (replace(SHIPS, unit="USD"), revised(NO_CONCEPT, 1240), False, "unit USD vs count"),
    ],
    ids=[
        "revised-from-the-others-number",
        "no-revision-no-vouching",
        "revised-from-another",
        "alike-concept-vouched",
        "different-concept-still-apart",
        "other-unit",
    ],
)
def test_revision_told_vouches(a: Figure, b: Figure, told: bool, why: str | None) -> None:
    assert revision_told(a, b) == told
    assert why_unpaired(a, b) == why


def rows(text_a: str, text_b: str) -> list[Row]:
    a = Article("a", "a.txt", text_a, published=D0)
    b = Article("b", "b.txt", text_b, published=D1)
    return list(compare_articles([a, b]).rows or ())


def paired(found: list[Row]) -> set[tuple[str, str, str]]:
    return {(r.a.text, r.b.text, r.verdict) for r in found if r.a is not None and r.b is not None}


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        pytest.param(
            "Projections gave the Greens 41 seats on the council. A list needs 33 seats to "
            "govern alone.",
            "The Green Party won 44 seats, the count showed. Turnout was low in 12 of the "
            "city's 40 wards.",
            {("41", "44", "update")},
            id="party-count-pairs-with-its-party",
        ),
        pytest.param(
            "The fire burned 361,000 acres in Butte and Tehama counties, Cal Fire said.",
            "The fire had scorched 368,000 acres in Butte County by Tuesday, Cal Fire said.",
            {("361,000 acres", "368,000 acres", "update")},
            id="wildfire-burned-and-scorched-acres-in-counties-written-once",
        ),
        pytest.param(
            "In the state, the opposition won 43 seats.",
            "The Samajwadi Party won 37 of the state's 80 seats.",
            set(),
            id="opposition-seats-are-not-the-states-seats",
        ),
        pytest.param(
            "The hospital said 212 patients were waiting for beds on Monday.",
            "The hospital revised the number of patients waiting for beds to 198 from 212.",
            {("212", "198", "update")},
            id="revision-told-in-b",
        ),
    ],
)
def test_identity_end_to_end(text_a: str, text_b: str, expected: set[tuple[str, str, str]]) -> None:
    assert paired(rows(text_a, text_b)) == expected


HARVEST = replace(fig("4,100 hectares", 4100, "wheat planted"), unit="hectare")


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (HARVEST, replace(HARVEST, text="4,600 hectares", value=4600, concept=None), None),
        (
            replace(HARVEST, unit="percent"),
            replace(HARVEST, text="46%", value=46, concept=None, unit="percent"),
            "what one side counts is unknown, and the numbers do not agree",
        ),
        (
            replace(HARVEST, unit="EUR"),
            replace(HARVEST, value=4600, concept=None, unit="EUR"),
            "what one side counts is unknown, and the numbers do not agree",
        ),
        (
            replace(HARVEST, concept=None),
            replace(HARVEST, value=4600, concept=None),
            "what one side counts is unknown, and the numbers do not agree",
        ),
        (
            HARVEST,
            replace(HARVEST, value=4600, concept=None, scope="period", period="last year"),
            "only one side states the period (last year), and the numbers do not agree",
        ),
    ],
    ids=["hectares-vouch", "a-share-does-not", "money-does-not", "neither-says", "period-still"],
)
def test_a_measures_unit_vouches_for_an_unsaid_concept(
    a: Figure, b: Figure, why: str | None
) -> None:
    assert why_unpaired(a, b) == why
