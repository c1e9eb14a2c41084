"""Who a figure counts (subject) and their part in an attack (role), for shapes news writes
in every domain: a person counted by name, one more of a list ("wounded a third"), some of
them ("two of them fatally"), a person killed by police, the people hurt in an attack.
Articles of our own from domains bench/open does not cover (sport, schools, health,
transport, workplaces): (text, figure text, subject, role).  Only the figure named is
checked, so that a row reads as the line of the table a user would look at."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

Row = tuple[str, str, str, str | None, str | None]

NAMED = [
    (
        "sport-named-gunman-dies",
        "The gunman, identified by police as Carl Voss, 41, opened fire at the depot. Voss"
        " died later in hospital, officials said.",
        "Voss",
        "Voss",
        "suspect",
    ),
    (
        "school-named-attacker-killed-by-police",
        "Eddie Mole, 52, was shot dead in Leeds by members of a police tactical team.",
        "Eddie Mole, 52,",
        "Eddie Mole",
        "suspect",
    ),
    (
        "health-the-fan-shot-by-police",
        "The fan was shot dead by police outside the arena on Sunday.",
        "The fan",
        "fan",
        "suspect",
    ),
]

LISTS = [
    (
        "health-wounded-a-third",
        "The suspect killed two nurses and wounded a third at the clinic.",
        "a third",
        "nurses",
        "victim",
    ),
    (
        "school-two-of-them-fatally",
        "He stabbed four students, two of them fatally, at the school in Leeds.",
        "two",
        "students",
        None,
    ),
]

ATTACKS = [
    (
        "sport-fans-hurt-in-an-attack",
        "Twelve fans were injured at the stadium on Saturday. Police arrested the suspect"
        " near the ground.",
        "Twelve",
        "fans",
        "victim",
    ),
    (
        "workplace-murder-charge",
        "Three workers were killed at the plant in Ohio. A colleague was charged with murder.",
        "Three",
        "workers",
        "victim",
    ),
    (
        "transport-a-crash-has-no-victims-role",
        "A landslide killed 14 people and injured 30 in the valley.",
        "14",
        "people",
        None,
    ),
    (
        "school-killed-before-he-was-shot-by-police",
        "The attacker killed four children before he was shot dead by police.",
        "four",
        "children",
        "victim",
    ),
]

ROWS = NAMED + LISTS + ATTACKS


@pytest.mark.parametrize(
    ("text", "figure", "subject", "role"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_subject_and_role(text: str, figure: str, subject: str | None, role: str | None) -> None:
    figures = {f.text: f for f in extract(Article("a", "a.txt", text)).figures}
    assert figure in figures, sorted(figures)
    assert (figures[figure].subject, figures[figure].role) == (subject, role)
