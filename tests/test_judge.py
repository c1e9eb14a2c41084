"""Verdicts on figure pairs, as a fact-checker reads them: interval rules, claimants, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.align.judge import judge_pair
from compare.intervals import compatible, describe
from compare.types import Figure, Pair, Qualifier

D0, D7 = dt.date(2024, 2, 8), dt.date(2024, 2, 15)


def fig(
    text: str,
    value: float,
    qualifier: Qualifier = "exact",
    low: float | None = None,
    high: float | None = None,
    *,
    article: str = "a",
    concept: str = "killed",
    says: str | None = None,
) -> Figure:
    if qualifier == "exact":
        low = high = value
    return Figure(
        f"{article}:f1",
        article,
        0,
        text,
        (0, len(text)),
        value,
        low,
        high,
        qualifier,
        None,
        concept,
        "Palestinians",
        says,
    )


AT_LEAST = fig("At least 27,840", 27840, "at_least", 27840)
EXACT = fig("27,840", 27840)
ABOUT_28K = fig("about 28,000", 28000, "about", 26600, 29400)
ROUND_28K = fig("28,000", 28000)
MORE_27K = fig("more than 27,000", 27000, "more_than", 27000)
NEARLY_1200 = fig("nearly 1,200", 1200, "nearly", 1080, 1200)
EXACT_1200 = fig("1,200", 1200)
EXACT_1139 = fig("1,139", 1139)
EXACT_1000 = fig("1,000", 1000)
EXACT_1400 = fig("1,400", 1400)
MORE_130 = fig("more than 130", 130, "more_than", 130, concept="hostages")
EXACT_130 = fig("130", 130)
EXACT_136 = fig("136", 136)
DOZENS = fig("dozens", 24, "vague", 24, 99)
RANGE = fig("between 200 and 300", 200, "range", 200, 300)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (AT_LEAST, EXACT, True),
        (ABOUT_28K, EXACT, True),
        (ROUND_28K, EXACT, True),
        (MORE_27K, EXACT, True),
        (AT_LEAST, MORE_27K, True),
        (NEARLY_1200, fig("1,203", 1203), False),
        (NEARLY_1200, fig("at least 1,200", 1200, "at_least", 1200), False),
        (NEARLY_1200, EXACT_1200, True),
        (NEARLY_1200, EXACT_1139, True),
        (EXACT_1000, EXACT_1400, False),
        (MORE_130, EXACT_130, False),
        (MORE_130, EXACT_136, True),
        (EXACT_130, EXACT_136, False),
        (DOZENS, EXACT_130, False),
        (DOZENS, fig("50", 50), True),
        (RANGE, fig("250", 250), True),
        (RANGE, fig("more than 300", 300, "more_than", 300), False),
    ],
    ids=[
        "at-least-vs-exact",
        "about-rounds",
        "round-number-rounds",
        "more-than-below",
        "at-least-vs-more-than",
        "nearly-excludes-above",
        "nearly-excludes-itself",
        "nearly-vs-round-number",
        "nearly-covers-below",
        "one-digit-does-not-round",
        "more-than-excludes-itself",
        "more-than-covers-above",
        "tens-do-not-round",
        "dozens-not-130",
        "dozens-covers-50",
        "range-covers-inside",
        "range-open-above",
    ],
)
def test_compatible(a: Figure, b: Figure, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (AT_LEAST, "[27,840, ∞)"),
        (MORE_130, "(130, ∞)"),
        (NEARLY_1200, "[1,080, 1,200)"),
        (EXACT, "27,840"),
        (ROUND_28K, "28,000"),
        (RANGE, "[200, 300]"),
    ],
    ids=["at-least", "more-than", "nearly", "exact", "round", "range"],
)
def test_describe(figure: Figure, shown: str) -> None:
    assert describe(figure) == shown


def b_side(f: Figure, **changes: object) -> Figure:
    from dataclasses import replace

    return replace(f, id="b:f1", article="b", **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "dates", "verdict", "reason"),
    [
        (AT_LEAST, b_side(EXACT), (D0, D0), "agree", "compatible: [27,840, ∞) and 27,840 overlap"),
        (EXACT, b_side(EXACT), (D0, D0), "agree", "both say 27,840"),
        (
            EXACT,
            b_side(fig("28,740", 28740)),
            (D0, D0),
            "diverge",
            "27,840 vs 28,740 cannot both hold",
        ),
        (
            fig("27,840", 27840, says="health ministry"),
            b_side(fig("28,740", 28740, says="health ministry")),
            (D0, D0),
            "diverge",
            "27,840 vs 28,740 cannot both hold; same claimant (health ministry)",
        ),
        (
            fig("nearly 1,200", 1200, "nearly", 1080, 1200, says="Tel Aviv"),
            b_side(fig("1,400", 1400, says="Israeli army")),
            (D0, D0),
            "diverge",
            "[1,080, 1,200) vs 1,400 cannot both hold; different claimants: A cites Tel Aviv, B cites Israeli army",
        ),
        (
            EXACT,
            b_side(fig("28,663", 28663)),
            (D0, D7),
            "update",
            "B (2024-02-15) is 7 days later than A: 27,840 -> 28,663, up 823 (+3.0%)",
        ),
        (
            fig("1,400", 1400),
            b_side(fig("1,200", 1200)),
            (D0, D7),
            "update",
            "B (2024-02-15) is 7 days later than A: 1,400 -> 1,200, revised down 200 (-14.3%)",
        ),
        (
            fig("28,663", 28663),
            b_side(EXACT),
            (D7, D0),
            "update",
            "A (2024-02-15) is 7 days later than B: 27,840 -> 28,663, up 823 (+3.0%)",
        ),
        (
            AT_LEAST,
            b_side(fig("at least 28,663", 28663, "at_least", 28663)),
            (D0, D7),
            "update",
            "B (2024-02-15) is 7 days later than A: 27,840 -> 28,663, up 823 (+3.0%)",
        ),
        (
            MORE_130,
            b_side(fig("134", 134, concept="hostages")),
            (D0, D7),
            "agree",
            "compatible: (130, ∞) and 134 overlap",
        ),
        (
            EXACT,
            b_side(fig("28,663", 28663)),
            (D0, None),
            "diverge",
            "27,840 vs 28,663 cannot both hold",
        ),
        (
            fig("3", 3, concept="stages"),
            b_side(fig("4", 4, concept="stages")),
            (D0, D7),
            "update",
            "B (2024-02-15) is 7 days later than A: 3 -> 4, up 1 (+33.3%)",
        ),
        (
            fig("3", 3, concept="stages"),
            b_side(fig("4", 4, concept="stages")),
            (D0, D0),
            "diverge",
            "3 vs 4 cannot both hold",
        ),
    ],
    ids=[
        "agree-interval",
        "agree-same",
        "diverge",
        "diverge-same-claimant",
        "diverge-claimants",
        "update-up",
        "update-revised-down",
        "update-a-later",
        "update-bound-moved",
        "later-but-compatible",
        "no-date-no-update",
        "not-a-running-count-later-is-an-update",
        "not-a-running-count-same-day-diverges",
    ],
)
def test_verdicts(
    a: Figure, b: Figure, dates: tuple[dt.date | None, dt.date | None], verdict: str, reason: str
) -> None:
    row = judge_pair(Pair(None, None, a, b, 0.9), {"a": dates[0], "b": dates[1]})
    assert (row.verdict, row.reason) == (verdict, reason)


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (fig("at least 72,289", 72289, "at_least", 72289), fig("72,302", 72302), "update"),
        (AT_LEAST, fig("30,878", 30878), "update"),
        (MORE_130, fig("134", 134, concept="hostages"), "agree"),
        (
            fig("more than 164,000", 164000, "more_than", 164000, concept="area burned"),
            fig("more than 360,000", 360000, "more_than", 360000, concept="area burned"),
            "update",
        ),
    ],
    ids=[
        "unrounded-bound-then-count",
        "bound-left-by-more-than-5pc",
        "round-bound-then-close-count",
        "wildfire-bounds-far-apart-later-is-an-update",
    ],
)
def test_later_compatible_figures(a: Figure, b: Figure, verdict: str) -> None:
    row = judge_pair(Pair(None, None, a, b_side(b), 0.9), {"a": D0, "b": D7})
    assert row.verdict == verdict
