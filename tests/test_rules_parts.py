"""Parts of a total (issue 12): a subtotal is no count of the whole the other side gives.

"33 were seriously injured and 116 had minor injuries, bringing the injured to 149": 116 is
part of 149, and another article's "82 injured" is the whole's earlier count, not the
part's.  Rows from other domains than the crowd crush and vaccine trial that showed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from compare.align.rules import part_apart, parts, wholes
from compare.pipeline import compare_articles, extract
from compare.types import Article, Figure, Row

D0, D1 = dt.date(2024, 5, 6), dt.date(2024, 5, 7)


def _parts(text: str) -> set[str]:
    done = extract(Article("a", "a.txt", text, published=D0))
    ids = parts(done.claims)
    return {f.text for f in done.figures if f.id in ids}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The carmaker cut 1,200 jobs in Ohio and 800 in Michigan, 2,000 in all.",
            {"1,200", "800"},
            id="two-plants-add-up",
        ),
        pytest.param(
            "The school has 640 pupils. Of them, 310 are girls and 330 boys.",
            {"310", "330"},
            id="total-in-the-sentence-before",
        ),
        pytest.param(
            "Of the passengers, 12 were taken to hospital.",
            {"12"},
            id="of-the-group-opening",
        ),
        pytest.param(
            "The flood destroyed 1,400 homes, 300 of them in the old town.",
            {"300"},
            id="of-them-after",
        ),
        pytest.param(
            "The union said 5,000 workers struck, among them 2,100 nurses.",
            {"2,100"},
            id="among-them-before",
        ),
        pytest.param(
            "The party won 120 of the 300 seats.",
            set(),
            id="share-of-a-whole-is-no-part",
        ),
        pytest.param(
            "Prices rose 4% in May, and 60% of the rise came from energy.",
            set(),
            id="shares-are-never-parts",
        ),
        pytest.param(
            "The league played 38 games and scored 71 goals, conceding 29.",
            set(),
            id="no-sum-no-part",
        ),
    ],
)
def test_parts(text: str, expected: set[str]) -> None:
    assert _parts(text) == expected


WHOLE = Figure("a:f1", "a", 0, "410", (0, 3), 410, 410, 410, "exact", None, "arrested")
PART = replace(WHOLE, id="b:f2", text="260", value=260, low=260, high=260)


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (WHOLE, PART, True),
        (replace(WHOLE, subject="students"), replace(PART, subject="students"), False),
        (
            replace(WHOLE, place="Lyon", place_key="FR>x:lyon", place_from="figure"),
            replace(PART, place="Lyon", place_key="FR>x:lyon", place_from="figure"),
            False,
        ),
        (replace(WHOLE, value=260), PART, False),
        (WHOLE, replace(PART, id="b:f3"), False),
    ],
    ids=["whole-vs-part", "same-group", "same-own-place", "same-number", "neither-a-part"],
)
def test_part_apart(a: Figure, b: Figure, apart: bool) -> None:
    assert (part_apart(a, b, frozenset({"b:f2"})) is not None) == apart


def rows(text_a: str, text_b: str) -> list[Row]:
    a = Article("a", "a.txt", text_a, published=D0)
    b = Article("b", "b.txt", text_b, published=D1)
    return list(compare_articles([a, b]).rows or ())


def test_the_whole_updates_the_whole_not_a_part() -> None:
    found = rows(
        "Police said 410 protesters were arrested in Lyon on Saturday.",
        "Police said 260 protesters were held overnight and 190 released, bringing the "
        "number arrested in Lyon on Saturday to 450.",
    )
    pairs = {(r.a.text, r.b.text, r.verdict) for r in found if r.a is not None and r.b is not None}
    assert pairs == {("410", "450", "update")}


def _wholes(text: str) -> set[str]:
    done = extract(Article("a", "a.txt", text, published=D0))
    ids = wholes(done.claims)
    return {f.text for f in done.figures if f.id in ids}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The chain closed 12 of its 40 stores.", {"40"}, id="of-its"),
        pytest.param("Rebels held 9 of Mali's 19 regions.", {"19"}, id="of-a-name-s"),
        pytest.param("The team won 30 out of the 38 games it played.", {"38"}, id="out-of-the"),
        pytest.param("The airline flew 52 million passengers.", set(), id="no-share"),
        pytest.param("Sales of 40 stores rose.", set(), id="no-number-before-of"),
    ],
)
def test_wholes(text: str, expected: set[str]) -> None:
    assert _wholes(text) == expected


def test_a_whole_is_no_count_of_something_else() -> None:
    whole = replace(PART, id="b:f9", text="40", value=40, low=40, high=40)
    assert part_apart(WHOLE, whole, frozenset(), frozenset({"b:f9"})) == (
        "40 is the whole a share is told of, 410 is not"
    )
    same = replace(whole, value=410, low=410, high=410)
    assert part_apart(WHOLE, same, frozenset(), frozenset({"b:f9"})) is None
