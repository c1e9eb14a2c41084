"""Casualties of two kinds of event are two counts (issue 12's same-day disasters).

Rows from wildfires, ferries, stadiums and shootings rather than the quake and flood that
showed it.  A sentence naming no kind, or two, never keeps figures apart.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.align.rules import event_kinds, events_apart
from compare.types import Figure


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The wildfire killed 12 people, fire officials said.", {"fire"}),
        ("A ferry capsized in the storm, killing 40.", {"transport", "weather"}),
        ("A stampede at the stadium killed 125 fans.", {"crowd"}),
        ("Fire crews said 30 people died.", set()),
        ("A gunman opened fire, killing five.", {"violence"}),
        ("The toll rose to 154 on Monday.", set()),
    ],
    ids=["wildfire", "two-kinds", "stampede", "fire-crews-name-no-event", "opened-fire", "none"],
)
def test_event_kinds(text: str, kinds: set[str]) -> None:
    assert event_kinds(text) == kinds


KILLED = Figure("a:f1", "a", 0, "40", (0, 2), 40, 40, 40, "exact", None, "killed")


@pytest.mark.parametrize(
    ("text_a", "text_b", "a", "b", "apart"),
    [
        (
            "The wildfire killed 40 people.",
            "A stampede at the stadium killed 42 fans.",
            KILLED,
            replace(KILLED, value=42),
            True,
        ),
        (
            "A ferry capsized in the storm, killing 40.",
            "The storm killed 42 people across the islands.",
            KILLED,
            replace(KILLED, value=42),
            False,
        ),
        (
            "The wildfire killed 40 people.",
            "The toll rose to 42 on Monday.",
            KILLED,
            replace(KILLED, value=42),
            False,
        ),
        (
            "The wildfire destroyed 40 homes.",
            "A stampede at the stadium left 42 seats broken.",
            replace(KILLED, concept="homes destroyed"),
            replace(KILLED, value=42, concept="seats"),
            False,
        ),
    ],
    ids=["fire-vs-stampede", "shared-kind", "one-side-names-none", "not-casualties"],
)
def test_events_apart(text_a: str, text_b: str, a: Figure, b: Figure, apart: bool) -> None:
    why = events_apart(a, b, event_kinds(text_a), event_kinds(text_b))
    assert (why is not None) == apart
