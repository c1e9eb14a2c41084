"""Revisions an article reports itself, and the pairing rules of issue 12, on other events
than the fixtures': floods, elections, company results, trials, transport, storms.

- Reading: a sentence (or two) to the figures that carry a previous value, and the
  superseded values that are no figures of their own.
- Rules: two figures to the first rule that keeps them apart (or None), the scalar form,
  and the bulk form (``scoring.Scorer``) giving the same answer.
- Judging: rows a reader sees for such pairs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from compare.align.judge import judge_pair
from compare.align.rules import why_unpaired
from compare.align.scoring import Scorer
from compare.pipeline import extract
from compare.types import Article, Claim, Figure, Pair, Previous, Sentence

D0, D1, D90 = dt.date(2024, 7, 1), dt.date(2024, 7, 2), dt.date(2024, 9, 29)


def read(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(figure, previous) for each figure with a previous value; every figure's text."""
    figs = extract(Article("a", "a.txt", text, published=D0)).figures
    revised = [(f.text, f.previous.text) for f in figs if f.previous is not None]
    return revised, [f.text for f in figs]


@pytest.mark.parametrize(
    ("text", "revised", "absent"),
    [
        (
            "The death toll from the floods in Kerala rose to 37 from 29 on Monday, officials said.",
            [("37", "29")],
            ["29"],
        ),
        (
            "Rescuers revised the number of people missing after the landslide down to 12 from 20.",
            [("12", "20")],
            ["20"],
        ),
        (
            "The carmaker cut its annual revenue forecast to $4.1 billion from $4.5 billion.",
            [("$4.1 billion", "$4.5 billion")],
            ["$4.5 billion"],
        ),
        (
            "Turnout rose from 61% to 67%, the electoral commission said.",
            [("67%", "61%")],
            ["61%"],
        ),
        (
            "At least 54 people have died in the storm, up from 42 a day earlier.",
            [("At least 54", "42")],
            ["42"],
        ),
        (
            "The statistics office put growth at 2.4%, revising down its flash estimate of 2.5%.",
            [("2.4%", "2.5%")],
            ["2.5%"],
        ),
        (
            "The ministry revised November's payroll gain up to 212,000 from 199,000.",
            [("212,000", "199,000")],
            ["199,000", "up to 212,000"],
        ),
        (
            "The ferry sank with 85 people aboard and 18 were confirmed dead on Sunday. "
            "Officials had earlier put the toll at 22 but corrected it.",
            [("18", "22")],
            ["22"],
        ),
        # Comparisons of two periods revise nothing: both figures stay.
        ("Quarterly revenue was $5.2 billion, up from $4.3 billion a year earlier.", [], []),
        ("Unemployment rose to 4.1% in June, up from 3.9% in May.", [], []),
        ("Homicides in the city rose to 301 from 250 a year earlier, police said.", [], []),
        # Neither a change nor a revision.
        ("The trial heard from 14 witnesses over 9 days.", [], []),
    ],
    ids=[
        "flood-rose-to-from",
        "landslide-revised-down-to-from",
        "company-cut-forecast",
        "election-from-to",
        "storm-up-from-a-day-earlier",
        "economy-revising-flash-estimate",
        "economy-revised-up-to",
        "ferry-earlier-put-the-toll-at",
        "company-year-earlier-is-a-comparison",
        "economy-other-month-is-a-comparison",
        "shooting-year-earlier-is-a-comparison",
        "trial-no-change",
    ],
)
def test_revisions_read(text: str, revised: list[tuple[str, str]], absent: list[str]) -> None:
    got, texts = read(text)
    assert got == revised
    for old in absent:
        assert old not in texts


def fig(
    text: str,
    value: float,
    concept: str | None = "killed",
    *,
    article: str = "a",
    qualifier: str = "exact",
    **fields: object,
) -> Figure:
    low = high = value
    f = Figure(f"{article}:f1", article, 0, text, (0, len(text)), value, low, high, "exact")
    return replace(f, concept=concept, qualifier=qualifier, **fields)  # type: ignore[arg-type]


ASSAM = {"place": "Assam", "place_key": "IN>a1:03", "place_from": "figure"}
DATELINE = {"place": "Guwahati", "place_key": "IN>a1:03>c:1", "place_from": "article"}
GEORGIA = {"place": "Georgia", "place_key": "US>a1:GA", "place_from": "figure"}

RULES = [
    ("flood-same-place-tenfold", fig("12", 12, **ASSAM), fig("130", 130, **ASSAM), None),
    (
        "flood-dateline-tenfold",
        fig("12", 12, **DATELINE),
        fig("130", 130, **DATELINE),
        "12 and 130 are over ten times apart",
    ),
    (
        "flood-other-group-tenfold",
        fig("12", 12, subject="rescuers", **ASSAM),
        fig("130", 130, subject="villagers", **ASSAM),
        "rescuers vs villagers",
    ),
    (
        "election-revision-bridges-tenfold",
        fig("917", 917, "vote margin", place_from="article"),
        fig(
            "12,284",
            12284,
            "vote margin",
            previous=Previous("1,400", (0, 5), 1400, 1400, 1400, "exact"),
        ),
        None,
    ),
    (
        "election-revision-too-far-to-bridge",
        fig("917", 917, "vote margin"),
        fig(
            "12,284",
            12284,
            "vote margin",
            previous=Previous("14,000", (0, 6), 14e3, 14e3, 14e3, "exact"),
        ),
        "917 and 12,284 are over ten times apart",
    ),
    (
        "company-one-side-states-the-quarter",
        fig("$4.1 billion", 4.1e9, "revenue", unit="USD", scope="period", period="third quarter"),
        fig("$5.2 billion", 5.2e9, "revenue", unit="USD"),
        "only one side states the period (third quarter), and the numbers do not agree",
    ),
    (
        "company-same-year-told-as-period-and-past",
        fig("1.8 million", 1.8e6, "deliveries", scope="period", period="2023"),
        fig("1.8 million", 1.8e6, "deliveries", scope="background", period="2023"),
        None,
    ),
    (
        "trial-alike-concepts-numbers-apart",
        fig("14", 14, "charges"),
        fig("3", 3, "murder charges"),
        "charges and murder charges are alike, not the same count, and the numbers do not agree",
    ),
    (
        "trial-alike-concepts-numbers-agree",
        fig("14", 14, "charges"),
        fig("14", 14, "charge"),
        None,
    ),
]


@pytest.mark.parametrize(("a", "b", "why"), [c[1:] for c in RULES], ids=[c[0] for c in RULES])
def test_rules_scalar_and_bulk(a: Figure, b: Figure, why: str | None) -> None:
    b = replace(b, id="b:f1", article="b")
    assert why_unpaired(a, b) == why
    claims = [
        [Claim("a", Sentence("a", 0, a.text, 0, len(a.text)), (a,))],
        [Claim("b", Sentence("b", 0, b.text, 0, len(b.text)), (b,))],
    ]
    vectors = [np.ones((1, 4), dtype=np.float32) / 2, np.ones((1, 4), dtype=np.float32) / 2]
    block = Scorer(claims, vectors).block([0], [1], claim_threshold=-1.0, figure_threshold=-1e5)
    assert bool(block.figure_candidates.get((0, 1))) == (why is None)


@pytest.mark.parametrize(
    ("a", "b", "dates", "verdict", "told"),
    [
        # "cases" and "severe cases" whose numbers meet: told as agreement, never an alarm.
        (fig("30", 30, "cases"), fig("30", 30, "severe cases"), (D0, D90), "agree", ""),
        # A count of no stated period against a quarter's: agreement only.
        (
            fig("about 300", 300, "jobs", qualifier="about", low=285, high=315),
            fig("311", 311, "jobs", scope="period", period="February"),
            (D0, D90),
            "agree",
            "",
        ),
        # The same toll a day later, B reporting its own revision.
        (
            fig("174", 174),
            fig("125", 125, previous=Previous("174", (9, 12), 174, 174, 174, "exact")),
            (D0, D1),
            "update",
            "; B itself reports the revision from 174 to 125",
        ),
    ],
    ids=["clinical-alike-concepts", "economy-period-vs-none", "crowd-revision-told"],
)
def test_rows(
    a: Figure, b: Figure, dates: tuple[dt.date, dt.date], verdict: str, told: str
) -> None:
    b = replace(b, id="b:f1", article="b")
    ca = Claim("a", Sentence("a", 0, a.text, 0, len(a.text)), (a,))
    cb = Claim("b", Sentence("b", 0, b.text, 0, len(b.text)), (b,))
    row = judge_pair(Pair(ca, cb, a, b, 0.9), {"a": dates[0], "b": dates[1]})
    assert row.verdict == verdict
    assert row.reason.endswith(told)
