"""Alignment on the real model: which figures pair across two small articles, and which never do.

Each case is two short articles a reader can check by eye; the table says which
figure of A pairs with which of B (by its text) and the verdict, or that a
figure stays unique.
"""

from __future__ import annotations

import datetime as dt

import pytest

from compare.align.rules import concepts_compatible, in_days, units_compatible, why_apart
from compare.pipeline import compare_articles
from compare.types import Article, Figure, Row

D0, D7 = dt.date(2024, 2, 8), dt.date(2024, 2, 15)


def rows(
    text_a: str, text_b: str, dates: tuple[dt.date | None, dt.date | None] = (D0, D0)
) -> list[Row]:
    a = Article("a", "a.txt", text_a, published=dates[0])
    b = Article("b", "b.txt", text_b, published=dates[1])
    return list(compare_articles([a, b]).rows or ())


def paired(found: list[Row]) -> set[tuple[str, str, str]]:
    return {(r.a.text, r.b.text, r.verdict) for r in found if r.a is not None and r.b is not None}


GAZA = (
    "The Health Ministry in Gaza said 27,840 Palestinians had been killed in Gaza "
    "since October 7. A further 67,317 people have been wounded in Gaza, the ministry said."
)
WEST_BANK = (
    "Since October 7, 383 Palestinians have been killed in the West Bank, OCHA said. "
    "A further 4,433 Palestinians have been injured in the West Bank, OCHA said."
)


@pytest.mark.parametrize(
    ("text_a", "text_b", "dates", "expected"),
    [
        (GAZA, WEST_BANK, (D0, D0), set()),
        (
            "At least 104 Palestinians were killed and 760 wounded at the convoy, the ministry said.",
            "According to the ministry, 760 people were injured and 104 died near the convoy.",
            (D0, D0),
            {("At least 104", "104", "agree"), ("760", "760", "agree")},
        ),
        (
            "The ministry said 30,035 people had been killed and 70,457 wounded in Gaza.",
            "Gaza's death toll reached 30,035, while 70,457 others had been hurt, the ministry said.",
            (D0, D0),
            {("30,035", "30,035", "agree"), ("70,457", "70,457", "agree")},
        ),
        (
            "About 1,400 people were killed in Israel on October 7, Israeli authorities said.",
            "Israel revised down the number of people killed on October 7 to around 1,200.",
            (D0, D7),
            {("About 1,400", "around 1,200", "update")},
        ),
        (
            "The plan includes a 135-day pause in fighting.",
            "The plan would pause the fighting for four and a half months.",
            (D0, D0),
            {("135-day", "four and a half months", "agree")},
        ),
        (
            "About 85% of Gazans have been displaced, the UN said.",
            "The UN says 1.7 million people in Gaza have been displaced.",
            (D0, D0),
            set(),
        ),
        (
            "Some 27,840 Palestinians have been killed in Gaza.",
            "Some 67,317 Palestinians have been wounded in Gaza.",
            (D0, D0),
            set(),
        ),
    ],
    ids=[
        "gaza-vs-west-bank-never-pair",
        "reordered-convoy-figures",
        "reworded-totals",
        "revised-down-later",
        "days-vs-months",
        "percent-never-pairs-with-count",
        "injured-never-pairs-with-killed",
    ],
)
def test_pairs(
    text_a: str, text_b: str, dates: tuple[dt.date, dt.date], expected: set[tuple[str, str, str]]
) -> None:
    assert paired(rows(text_a, text_b, dates)) == expected


def test_near_miss_says_why() -> None:
    found = rows(GAZA, WEST_BANK)
    reasons = {r.a.text: r.reason for r in found if r.a is not None and r.b is None}
    assert reasons["67,317"].endswith("not paired with B's 4,433 (Gaza Strip vs West Bank)")
    assert not [r for r in found if r.verdict == "diverge"]


def test_different_claimants_side_by_side() -> None:
    found = rows(
        "About 85% of Gaza's population has been displaced, according to the UN.",
        "Some 75% of Gaza's population has been displaced, according to UNRWA.",
    )
    (row,) = [r for r in found if r.a is not None and r.b is not None]
    assert row.verdict == "diverge"
    assert row.reason == (
        "[80.75, 89.25] vs [71.25, 78.75] cannot both hold; "
        "different claimants: A cites UN, B cites UNRWA"
    )


def test_unrelated_articles_align_nothing() -> None:
    found = rows(
        GAZA,
        "Russia has lost about 392,380 troops since the invasion, Kyiv said. "
        "Ukraine says 6,383 Russian tanks have been destroyed.",
    )
    assert paired(found) == set()
    assert {r.verdict for r in found} == {"unique"}


def test_units_and_concepts() -> None:
    assert units_compatible("day", "month") and not units_compatible("percent", None)
    assert not units_compatible("EUR", "USD")
    assert not concepts_compatible("killed", "injured")
    assert concepts_compatible("trucks", "aid trucks")
    months = Figure("a:f1", "a", 0, "4.5 months", (0, 10), 4.5, 4.5, 4.5, "exact", "month")
    assert (in_days(months).low, in_days(months).high) == (126.0, 139.5)


def _killed(value: float, subject: str) -> Figure:
    return Figure(
        "a:f1", "a", 0, str(value), (0, 3), value, value, value, "exact", None, "killed", subject
    )


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (_killed(340, "medics"), _killed(340, "workers"), None),
        (_killed(340, "medics"), _killed(341, "workers"), "medics vs workers"),
        (_killed(3, "medics"), _killed(3, "workers"), "medics vs workers"),
    ],
    ids=["same-count-other-name", "other-count-other-name", "small-equal-counts-prove-nothing"],
)
def test_subjects_named_differently(a: Figure, b: Figure, apart: str | None) -> None:
    assert why_apart(a, b) == apart
