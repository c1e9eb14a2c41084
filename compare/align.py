"""Stage 6: pairs across two articles, one-to-one, from embeddings + rapidfuzz + figures.

Two assignments are solved, each optimally (scipy's linear_sum_assignment):
claims to claims, so that figure-less statements and omissions show, and,
per concept and unit, figures to figures.  A figure never pairs with one that
counts something else, in another unit, or of an incompatible subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.intervals import compatible
from compare.types import Claim, Figure, Pair

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Tunable numbers, shown in `factcompare diff --help`.
CLAIM_THRESHOLD = 0.55  # text score under which two claims are not the same statement
FIGURE_THRESHOLD = 0.40  # pair score under which two same-concept figures stay unique
EMBED_WEIGHT = 0.75  # the rest of a text score is rapidfuzz token agreement
COMPATIBLE_BONUS = 0.15  # same-concept figures whose numbers agree are likelier the same fact
SAME_CLAIMANT_BONUS = 0.05

_GENERIC_SUBJECTS = frozenset({"people", "persons", "individuals", "civilians"})
_SUBJECT_SYNONYMS = {"gazans": "palestinians", "palestinian": "palestinians"}
_INFEASIBLE = -1e6


@dataclass(frozen=True)
class Options:
    claim_threshold: float = CLAIM_THRESHOLD
    figure_threshold: float = FIGURE_THRESHOLD


def text_scores(
    a: Sequence[Claim], b: Sequence[Claim], va: npt.NDArray[np.float32], vb: npt.NDArray[np.float32]
) -> npt.NDArray[np.float64]:
    """How alike each claim of A is to each claim of B, in [0, 1]."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    if not a or not b:
        return np.zeros((len(a), len(b)))
    cosine = np.clip(va @ vb.T, 0.0, 1.0)
    fuzzy = process.cdist(
        [c.sentence.text for c in a],
        [c.sentence.text for c in b],
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
    )
    return np.asarray(EMBED_WEIGHT * cosine + (1 - EMBED_WEIGHT) * fuzzy / 100.0, dtype=np.float64)


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Who is counted: the same group, or one side does not say.

    >>> subjects_compatible("Gazans", "Palestinians"), subjects_compatible("Israelis", "Palestinians")
    (True, False)
    """
    if a is None or b is None:
        return True
    x, y = (_SUBJECT_SYNONYMS.get(s.lower(), s.lower()) for s in (a, b))
    return x == y or x in _GENERIC_SUBJECTS or y in _GENERIC_SUBJECTS


def figures_comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures may speak of the same quantity at all."""
    return a.concept == b.concept and a.unit == b.unit and subjects_compatible(a.subject, b.subject)


def align(
    a: Sequence[Claim],
    b: Sequence[Claim],
    va: npt.NDArray[np.float32],
    vb: npt.NDArray[np.float32],
    *,
    options: Options = Options(),
) -> tuple[Pair, ...]:
    """Every figure and every figure-less claim of A and B, paired or alone."""
    scores = text_scores(a, b, va, vb)
    claim_match = _assign(scores, options.claim_threshold)
    a_to_b = dict(claim_match)
    b_to_a = {j: i for i, j in claim_match}
    pairs: list[Pair] = []

    figs_a = [(i, f) for i, c in enumerate(a) for f in c.figures]
    figs_b = [(j, f) for j, c in enumerate(b) for f in c.figures]
    matched_a: set[str] = set()
    matched_b: set[str] = set()
    if figs_a and figs_b:
        fig_scores = _figure_scores(figs_a, figs_b, scores)
        for r, c in _assign(fig_scores, options.figure_threshold):
            (i, fa), (j, fb) = figs_a[r], figs_b[c]
            pairs.append(Pair(a[i], b[j], fa, fb, round(float(fig_scores[r, c]), 3)))
            matched_a.add(fa.id)
            matched_b.add(fb.id)

    # A figure nobody matched is unique; its claim's counterpart, if any, is context.
    for i, fa in figs_a:
        if fa.id not in matched_a:
            j = a_to_b.get(i)
            pairs.append(Pair(a[i], b[j] if j is not None else None, fa, None, _score(scores, i, j)))
    for j, fb in figs_b:
        if fb.id not in matched_b:
            i = b_to_a.get(j)
            pairs.append(Pair(a[i] if i is not None else None, b[j], None, fb, _score(scores, i, j)))

    # Claims without figures: aligned (so agreement shows) or alone (so omissions show).
    for i, claim in enumerate(a):
        j = a_to_b.get(i)
        if claim.figures or (j is not None and b[j].figures):
            continue
        pairs.append(Pair(claim, b[j] if j is not None else None, score=_score(scores, i, j)))
    for j, claim in enumerate(b):
        if claim.figures or j in b_to_a:
            continue
        pairs.append(Pair(None, claim))
    return tuple(sorted(pairs, key=_order))


def _figure_scores(
    figs_a: list[tuple[int, Figure]], figs_b: list[tuple[int, Figure]], scores: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    import numpy as np

    out = np.full((len(figs_a), len(figs_b)), _INFEASIBLE)
    for r, (i, fa) in enumerate(figs_a):
        for c, (j, fb) in enumerate(figs_b):
            if not figures_comparable(fa, fb):
                continue
            score = scores[i, j]
            if compatible(fa, fb):
                score += COMPATIBLE_BONUS
            if fa.attribution and fa.attribution == fb.attribution:
                score += SAME_CLAIMANT_BONUS
            out[r, c] = score
    return out


def _assign(scores: npt.NDArray[np.float64], threshold: float) -> list[tuple[int, int]]:
    """Optimal one-to-one matching, keeping only pairs at or above the threshold."""
    from scipy.optimize import linear_sum_assignment

    import numpy as np

    if scores.size == 0:
        return []
    # Maximise the margin above the threshold, so that forcing a weak or
    # infeasible pair never displaces a strong one.
    gain = np.where(scores >= threshold, scores - threshold + 1e-9, 0.0)
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if gain[r, c] > 0]


def _score(scores: npt.NDArray[np.float64], i: int | None, j: int | None) -> float | None:
    return None if i is None or j is None else round(float(scores[i, j]), 3)


def _order(pair: Pair) -> tuple[int, int, int]:
    """Table order: A's reading order first, then B's leftovers in theirs."""
    if pair.a is not None:
        fig = pair.fig_a
        return (0, pair.a.sentence.index, fig.span[0] if fig else -1)
    assert pair.b is not None  # a pair always has a side
    fig = pair.fig_b
    return (1, pair.b.sentence.index, fig.span[0] if fig else -1)
