"""How far to trust a row: a confidence in [0, 1], and the pair score on [0, 1].

The confidence is a logistic model of the evidence a row carries (what each side
counts and how alike the words are, where, who says it, the time scope, the unit,
how the numbers relate, the pair score, the verdict), one model for rows that pair
two figures and one for a figure only one side has.  Its weights are fitted on the
dev pairs (bench/pairs/, gold rows) by ``bench/calibrate.py`` (``make calibrate``),
which writes ``calibration.json`` beside this module, so that of the rows given
confidence c about c are right; the bench reports that calibration cross-validated
by pair.  Rows without a figure (statements) have no gold to learn from: an aligned
statement's confidence is its text score, a lone one's :data:`STATEMENT_PRIOR`.

Reading a Row, never changing its verdict: :func:`with_confidence` wraps the judge.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any

from compare.align.rules import (
    COMPATIBLE_BONUS,
    MAGNITUDE_WEIGHT,
    SAME_CLAIMANT_BONUS,
    SAME_NUMBER_BONUS,
    UNKNOWN_CONCEPT_PENALTY,
)
from compare.extract.places import relation
from compare.intervals import compatible
from compare.types import Figure, Pair, Row

CALIBRATION = Path(__file__).with_name("calibration.json")
STATEMENT_PRIOR = 0.5  # a statement only one side makes: no evidence either way
# The raw pair score of two figures: a text score in [0, 1] plus the bonuses, less the
# penalties of ``scoring``; :func:`normalised_score` maps that range linearly onto [0, 1].
SCORE_LOW = -2 * UNKNOWN_CONCEPT_PENALTY
SCORE_HIGH = 1 + COMPATIBLE_BONUS + MAGNITUDE_WEIGHT + SAME_NUMBER_BONUS + SAME_CLAIMANT_BONUS
MAX_LOG_RATIO = 2.0  # numbers 100x apart or more look alike to the model

PAIRED_FEATURES = (
    "diverge",
    "update",
    "score",
    "same concept",
    "concept unknown",
    "concept words alike",
    "same subject",
    "subjects differ",
    "same place",
    "nested places",
    "place unknown",
    "same claimant",
    "claimants differ",
    "one claimant",
    "both current",
    "a unit",
    "compatible numbers",
    "same number",
    "log ratio",
    "vague",
    "days apart",
)
LONE_FEATURES = (
    "concept known",
    "place known",
    "current",
    "vague",
    "exact",
    "a unit",
    "near miss noted",
    "other side's sentence",
    "score",
    "claimant named",
)


def normalised_score(raw: float) -> float:
    """A figure pair's score on [0, 1]: monotone, so the same pairs win.

    >>> normalised_score(SCORE_HIGH), normalised_score(SCORE_LOW), normalised_score(5.0)
    (1.0, 0.0, 1.0)
    """
    return min(1.0, max(0.0, (raw - SCORE_LOW) / (SCORE_HIGH - SCORE_LOW)))


def paired_features(
    a: Figure, b: Figure, verdict: str, score: float | None, days: int
) -> list[float]:
    """The evidence of a row that pairs two figures, in PAIRED_FEATURES order."""
    from rapidfuzz import fuzz

    concept_known = a.concept is not None and b.concept is not None
    alike = fuzz.token_set_ratio(a.concept or "", b.concept or "") / 100 if concept_known else 0.0
    subjects = a.subject is not None and b.subject is not None
    same_subject = subjects and str(a.subject).lower() == str(b.subject).lower()
    place = relation(a.place_key, b.place_key) if a.place_key and b.place_key else "unknown"
    who_a, who_b = (a.attribution or "").lower(), (b.attribution or "").lower()
    small, big = sorted((abs(a.value), abs(b.value)))
    ratio = math.log10(big / small) if small > 0 else (0.0 if big == 0 else MAX_LOG_RATIO)
    return [
        float(verdict == "diverge"),
        float(verdict == "update"),
        score if score is not None else 0.0,
        float(concept_known and a.concept == b.concept),
        float(not concept_known),
        alike,
        float(same_subject),
        float(subjects and not same_subject),
        float(place == "same"),
        float(place == "nested"),
        float(place == "unknown"),
        float(bool(who_a) and who_a == who_b),
        float(bool(who_a) and bool(who_b) and who_a != who_b),
        float(bool(who_a) != bool(who_b)),
        float(a.scope == b.scope == "current"),
        float(a.unit is not None or b.unit is not None),
        float(compatible(a, b)),
        float(a.value == b.value),
        min(ratio, MAX_LOG_RATIO),
        float("vague" in (a.qualifier, b.qualifier)),
        min(abs(days), 30) / 30,
    ]


def lone_features(fig: Figure, pair: Pair, score: float | None, note: bool) -> list[float]:
    """The evidence of a row with a figure only one side has, in LONE_FEATURES order."""
    other = pair.b if fig is pair.fig_a else pair.a
    return [
        float(fig.concept is not None),
        float(fig.place_key is not None),
        float(fig.scope == "current"),
        float(fig.qualifier == "vague"),
        float(fig.qualifier == "exact"),
        float(fig.unit is not None),
        float(note),
        float(other is not None),
        score if score is not None and other is not None else 0.0,
        float(fig.attribution is not None),
    ]


def row_features(row: Row, dates: dict[str, dt.date | None]) -> tuple[str, list[float]] | None:
    """Which model reads a row ("paired" or "lone") and its features; None for statements."""
    if row.a is not None and row.b is not None:
        da, db = dates.get(row.a.article), dates.get(row.b.article)
        days = (db - da).days if da and db else 0
        return "paired", paired_features(row.a, row.b, row.verdict, row.score, days)
    fig = row.a or row.b
    if fig is None:
        return None
    pair = Pair(row.claim_a, row.claim_b, row.a, row.b, row.score)
    return "lone", lone_features(fig, pair, row.score, "not paired with" in row.reason)


@lru_cache(maxsize=1)
def calibration() -> dict[str, Any]:
    """The fitted weights (``make calibrate``); an empty model (0.5) before the first fit."""
    try:
        data: dict[str, Any] = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def predict(model: dict[str, Any] | None, features: list[float], names: tuple[str, ...]) -> float:
    """A logistic model's probability (weights by feature name: a feature the fit did not
    know weighs nothing), mapped through its monotone (isotonic) correction when it has one."""
    if not model:
        return STATEMENT_PRIOR
    weights = model["weights"]
    z = model["intercept"] + sum(
        weights.get(n, 0.0) * x for n, x in zip(names, features, strict=True)
    )
    p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    xs, ys = model.get("isotonic_x"), model.get("isotonic_y")
    if xs and ys:
        p = _interpolate(p, xs, ys)
    return round(min(1.0, max(0.0, p)), 3)


def _interpolate(x: float, xs: list[float], ys: list[float]) -> float:
    """Piecewise-linear through (xs, ys), flat beyond the ends (as numpy.interp; hand-written
    so that reading a report never imports numpy)."""
    if x <= xs[0]:
        return ys[0]
    for k in range(1, len(xs)):
        if x <= xs[k]:
            span = xs[k] - xs[k - 1]
            t = (x - xs[k - 1]) / span if span else 1.0
            return ys[k - 1] + t * (ys[k] - ys[k - 1])
    return ys[-1]


def confidence(row: Row, dates: dict[str, dt.date | None]) -> float:
    """How likely the row is right, in [0, 1] (see the module docstring)."""
    found = row_features(row, dates)
    if found is None:
        aligned = row.claim_a is not None and row.claim_b is not None
        return round(row.score, 3) if aligned and row.score is not None else STATEMENT_PRIOR
    kind, features = found
    names = PAIRED_FEATURES if kind == "paired" else LONE_FEATURES
    return predict(calibration().get(kind), features, names)


Judge = Callable[..., Row]


def with_confidence(judge_pair: Judge) -> Judge:
    """The judge with each row's pair score normalised (two figures) and its confidence set."""

    @wraps(judge_pair)
    def judged(pair: Pair, dates: dict[str, dt.date | None], *args: Any, **kwargs: Any) -> Row:
        row = judge_pair(pair, dates, *args, **kwargs)
        if row.a is not None and row.b is not None and row.score is not None:
            row = replace(row, score=round(normalised_score(row.score), 3))
        return replace(row, confidence=confidence(row, dates))

    return judged
