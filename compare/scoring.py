"""Stage 6, in bulk: text scores of claims and pair scores of figures, as numpy matrices.

A newsroom compares each new story with the day's earlier ones, and a researcher
compares every pair of a hundred articles: asked one pair of figures at a time,
the rules of :mod:`compare.comparable` would cost more than the model.  Here
every claim and figure of a set of articles is read once into columns (ids for
concepts, units, subjects, places and claimants; numbers and interval bounds),
and a :class:`Block` scores the figures of some articles against those of
others in one pass of array operations.  The rules are the same ones;
``tests/test_scoring.py`` checks both forms agree on every figure pair of the
fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.comparable import (
    BOUNDED_QUALIFIERS,
    CASUALTY_WORDS,
    COMPATIBLE_BONUS,
    CONTEXT_WEIGHT,
    DAYS_PER,
    EMBED_WEIGHT,
    MAGNITUDE_WEIGHT,
    SAME_CLAIMANT_BONUS,
    SAME_COUNT_MIN,
    SAME_NUMBER_BONUS,
    UNKNOWN_CONCEPT_PENALTY,
    UNKNOWN_CONCEPT_RATIO,
    casualty_hints,
    concepts_compatible,
    context_words,
    in_days,
    subjects_compatible,
    unit_class,
)
from compare.intervals import bounds
from compare.places import claim_places, places_compatible
from compare.resources import CASUALTY_CONCEPTS
from compare.types import Claim, Figure

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]
    Floats = npt.NDArray[np.float64]
    Bools = npt.NDArray[np.bool_]

Entries = dict[tuple[int, int], list[tuple[int, int, float]]]
INFEASIBLE = -1e6  # the score of two figures that cannot be the same quantity
_HINT_BIT = {concept: 1 << k for k, concept in enumerate(CASUALTY_WORDS)}


@lru_cache(maxsize=16384)
def sorted_tokens(text: str) -> str:
    """A text as rapidfuzz's token_sort_ratio compares it, prepared once rather than per pair.

    >>> sorted_tokens("Killed: 27,840 people, at least!")
    '27 840 at killed least people'
    """
    from rapidfuzz import utils

    return " ".join(sorted(utils.default_process(text).split()))


class Scorer:
    """Every claim and figure of some articles, read once, ready to be scored in blocks.

    ``sides[k]`` are article k's claims in reading order, ``vectors[k]`` their
    unit-length embeddings (one row per claim).
    """

    def __init__(
        self, sides: Sequence[Sequence[Claim]], vectors: Sequence[npt.NDArray[np.float32]]
    ) -> None:
        import numpy as np

        self.sides = [tuple(side) for side in sides]
        self.figures = [[(i, f) for i, c in enumerate(side) for f in c.figures] for side in sides]
        # For each article, each claim's figures by their number in the article.
        self.claim_figures: list[list[list[int]]] = []
        for side, figs in zip(self.sides, self.figures, strict=True):
            numbers: list[list[int]] = [[] for _ in side]
            for r, (i, _) in enumerate(figs):
                numbers[i].append(r)
            self.claim_figures.append(numbers)
        self.claim_start = _starts(len(s) for s in self.sides)
        self.figure_start = _starts(len(f) for f in self.figures)
        shaped = [np.asarray(v, dtype=np.float32) for v, s in zip(vectors, sides, strict=True) if s]
        dim = shaped[0].shape[1] if shaped else 1
        self.vectors = np.vstack(shaped) if shaped else np.zeros((0, dim), dtype=np.float32)
        claims = [c for side in self.sides for c in side]
        self.sentences = _Texts([sorted_tokens(c.sentence.text) for c in claims])

        # Claims: where they happen and which casualties their sentences name.
        self.places = [claim_places(side) for side in self.sides]
        places, self.place = _ids([p for side in self.places for p in side])
        self.places_ok = _table(places, places_compatible)
        self.hints = np.array(
            [sum(_HINT_BIT[h] for h in casualty_hints(c)) for c in claims], dtype=np.int64
        )

        # Figures: one entry per figure of every article, in article then reading order.
        figs = [(self.claim_start[k] + i, f) for k, fs in enumerate(self.figures) for i, f in fs]
        self.claim = np.array([i for i, _ in figs], dtype=np.int64)
        self.figure_article = np.repeat(np.arange(len(sides)), [len(f) for f in self.figures])
        self.claim_article = np.repeat(np.arange(len(sides)), [len(s) for s in self.sides])
        self.claim_local = (
            self.claim - np.asarray(self.claim_start[:-1], np.int64)[self.figure_article]
        )
        self._claim_range = [
            np.arange(self.claim_start[k], self.claim_start[k + 1]) for k in range(len(sides))
        ]
        self._figure_range = [
            np.arange(self.figure_start[k], self.figure_start[k + 1]) for k in range(len(sides))
        ]
        self.contexts = _Texts([sorted_tokens(context_words(claims[i], f)) for i, f in figs])
        concepts, self.concept = _ids([f.concept for _, f in figs])
        self.concepts_ok = _table(concepts, concepts_compatible)
        self.casualty = np.array([c in CASUALTY_CONCEPTS for c in concepts], dtype=np.bool_)
        self.hint_of = np.array([_HINT_BIT.get(str(c), 0) for c in concepts], dtype=np.int64)
        self.unknown = np.array([c is None for c in concepts], dtype=np.bool_)
        subjects, self.subject = _ids([f.subject for _, f in figs])
        self.subjects_ok = _table(subjects, subjects_compatible)
        _, self.unit = _ids([f.unit for _, f in figs])
        _, self.unit_class = _ids([unit_class(f.unit) for _, f in figs])
        self.duration = np.array([f.unit in DAYS_PER for _, f in figs], dtype=np.bool_)
        claimants, self.claimant = _ids([(f.attribution or "").lower() for _, f in figs])
        self.named = np.array([c != "" for c in claimants], dtype=np.bool_)
        self.bounded = np.array([f.qualifier in BOUNDED_QUALIFIERS for _, f in figs], bool)
        # Numbers and intervals as stated, and restated in days (for durations in other units).
        self.stated = _numbers([f for _, f in figs])
        self.in_days = _numbers([in_days(f) for _, f in figs])

    def block(
        self,
        rows: Sequence[int],
        cols: Sequence[int],
        *,
        claim_threshold: float,
        figure_threshold: float,
        figures_only: bool = False,
    ) -> Block:
        """Scores of the figures (and, unless ``figures_only``, the claims) of the articles
        ``rows`` (side A) against those of the articles ``cols`` (side B), with the pairs
        at or above each threshold (the candidates) listed by pair of articles."""
        import numpy as np

        fa, fb = self._concat(self._figure_range, rows), self._concat(self._figure_range, cols)
        fig_owner = self.figure_article, self.figure_start
        claims: Entries = {}
        if figures_only:  # one text row per figure: the sentence it stands in
            fig_text = self._text(self.claim[fa], self.claim[fb])
            text = None
        else:
            ca, cb = self._concat(self._claim_range, rows), self._concat(self._claim_range, cols)
            text = self._text(ca, cb)
            fig_text = text[np.ix_(self._positions(fa, rows), self._positions(fb, cols))]
            claim_owner = self.claim_article, self.claim_start
            claims = _by_pair(text >= claim_threshold, text, ca, cb, claim_owner)
        scores, near = self._figures(fa, fb, fig_text)
        return Block(
            rows=_offsets(rows, self.claim_start, self.figure_start, figures_only),
            cols=_offsets(cols, self.claim_start, self.figure_start, figures_only),
            text=text,
            claim_candidates=claims,
            figure_candidates=_by_pair(scores >= figure_threshold, scores, fa, fb, fig_owner),
            near_misses=_by_pair(near, fig_text, fa, fb, fig_owner),
        )

    @staticmethod
    def _concat(ranges: list[Ints], ks: Sequence[int]) -> Ints:
        import numpy as np

        return np.concatenate([ranges[k] for k in ks]) if ks else np.zeros(0, np.int64)

    def _positions(self, figures: Ints, ks: Sequence[int]) -> Ints:
        """Where the sentence of each of ``figures`` (of articles ``ks``) is along a block's
        claims: its article's offset there plus its place in the article."""
        import numpy as np

        offset = np.zeros(len(self.sides), dtype=np.int64)
        sizes = [len(self.sides[k]) for k in ks]
        offset[list(ks)] = np.cumsum(sizes) - sizes
        result: Ints = offset[self.figure_article[figures]] + self.claim_local[figures]
        return result

    def _text(self, rows: Ints, cols: Ints) -> Floats:
        """How alike each claim of ``rows`` is to each of ``cols``, in [0, 1]."""
        import numpy as np

        if not len(rows) or not len(cols):
            return np.zeros((len(rows), len(cols)))
        cosine = np.clip(self.vectors[rows] @ self.vectors[cols].T, 0.0, 1.0)
        fuzzy = self.sentences.ratios(rows, cols)
        return np.asarray(
            EMBED_WEIGHT * cosine + (1 - EMBED_WEIGHT) * fuzzy / 100.0, dtype=np.float64
        )

    def _figures(self, a: Ints, b: Ints, text: Floats) -> tuple[Floats, Bools]:
        """Pair scores of figures ``a`` x ``b`` (INFEASIBLE where the rules keep them apart),
        and the near misses: the same count in the same unit, kept apart by group or place."""
        import numpy as np

        scores = np.full((len(a), len(b)), INFEASIBLE)
        near = np.zeros((len(a), len(b)), dtype=np.bool_)
        if not len(a) or not len(b):
            return scores, near
        # Only figures of compatible concepts in one unit class can pair or nearly pair:
        # the rest of the rules run on those entries alone, as flat arrays.
        ka, kb = self.concept[a][:, None], self.concept[b][None, :]
        comparable = self.concepts_ok[ka, kb] & (
            self.unit_class[a][:, None] == self.unit_class[b][None, :]
        )
        r, c = np.nonzero(comparable)
        row, col = a[r], b[c]
        ka, kb = self.concept[row], self.concept[col]
        # why_apart: the group counted (unless the very same count vouches), then the place.
        va, vb = self.stated.value[row], self.stated.value[col]
        same_count = (va == vb) & (va >= SAME_COUNT_MIN) & ~self.unknown[ka]
        ok = self.subjects_ok[self.subject[row], self.subject[col]] | same_count
        located = self.casualty[ka] | self.casualty[kb]
        ok &= ~located | self.places_ok[self.place[self.claim[row]], self.place[self.claim[col]]]
        # hinted_apart, both ways: an unlabelled figure in a sentence about other casualties.
        hints_a, hints_b = self.hints[self.claim[row]], self.hints[self.claim[col]]
        ok &= ~_hinted(self.unknown[ka], hints_a, self.hint_of[kb])
        ok &= ~_hinted(self.unknown[kb], hints_b, self.hint_of[ka])
        # in_common_unit: durations in different units are compared in days.
        days = (self.unit[row] != self.unit[col]) & self.duration[row] & self.duration[col]
        x, y = self.stated.pick(self.in_days, days, row), self.stated.pick(self.in_days, days, col)
        compat = x.overlaps(y)
        # unvouched: a side that does not say what it counts must be near in number.
        unknown = self.unknown[ka] | self.unknown[kb]
        small, big = np.minimum(abs(x.value), abs(y.value)), np.maximum(abs(x.value), abs(y.value))
        ratio = np.divide(big, small, out=np.full(small.shape, np.inf), where=small > 0)
        near_number = (small > 0) & (ratio <= UNKNOWN_CONCEPT_RATIO)
        ok &= ~unknown | near_number | (self.bounded[row] & self.bounded[col] & compat)

        context = self.contexts.pairwise(row, col) / 100.0
        score = (1 - CONTEXT_WEIGHT) * text[r, c] + CONTEXT_WEIGHT * context.astype(np.float64)
        score = score + np.where(compat, COMPATIBLE_BONUS, 0.0)
        score = score + MAGNITUDE_WEIGHT * _closeness(x.value, y.value)
        score = score + np.where(x.value == y.value, SAME_NUMBER_BONUS, 0.0)
        same_claimant = (self.claimant[row] == self.claimant[col]) & self.named[self.claimant[row]]
        score = score + np.where(same_claimant, SAME_CLAIMANT_BONUS, 0.0)
        both_unknown = self.unknown[ka] & self.unknown[kb]
        penalty = np.where(both_unknown, 2 * UNKNOWN_CONCEPT_PENALTY, UNKNOWN_CONCEPT_PENALTY)
        score = score - np.where(unknown, penalty, 0.0)
        scores[r[ok], c[ok]] = score[ok]
        near[r, c] = ~ok & ~self.unknown[ka] & (ka == kb) & (self.unit[row] == self.unit[col])
        return scores, near


@dataclass(frozen=True)
class Span:
    """Where one article's claims and figures sit along a block's side."""

    claims: slice
    figures: slice


@dataclass(frozen=True)
class Block:
    """Scores of some articles (rows, side A) against others (columns, side B)."""

    rows: dict[int, Span]
    cols: dict[int, Span]
    text: Floats | None  # claim x claim; None when only figures were scored
    # Per pair of articles (i, j), so that most pairs are settled without touching a matrix,
    # entries (claim or figure of i, of j, score), row-major, numbered within each article:
    claim_candidates: Entries  # claims whose text score reaches the claim threshold
    figure_candidates: Entries  # figures whose pair score reaches the figure threshold
    # Near misses: the same count in the same unit, kept apart by group or place; the score
    # is how alike their sentences are.
    near_misses: Entries

    def covers(self, i: int, j: int, *, figures_only: bool = False) -> bool:
        return i in self.rows and j in self.cols and (figures_only or self.text is not None)

    def text_scores(self, i: int, j: int) -> Floats:
        assert self.text is not None  # callers ask covers() first
        return self.text[self.rows[i].claims, self.cols[j].claims]


@dataclass(frozen=True)
class _Numbers:
    """Figures' numbers and interval bounds as columns (see ``intervals.bounds``)."""

    value: Floats
    low: Floats
    high: Floats
    low_closed: Bools
    high_closed: Bools

    def pick(self, other: _Numbers, where: Bools, index: Ints) -> _Numbers:
        """Ours, or ``other``'s where ``where`` holds, at ``index``."""
        import numpy as np

        return _Numbers(
            *(
                np.where(where, getattr(other, name)[index], getattr(self, name)[index])
                for name in ("value", "low", "high", "low_closed", "high_closed")
            )
        )

    def overlaps(self, other: _Numbers) -> Bools:
        """``intervals.Bounds.overlaps``, element by element: at a tie, an open bound wins."""
        import numpy as np

        low = np.maximum(self.low, other.low)
        low_closed = np.where(
            self.low > other.low,
            self.low_closed,
            np.where(other.low > self.low, other.low_closed, self.low_closed & other.low_closed),
        )
        high = np.minimum(self.high, other.high)
        high_closed = np.where(
            self.high < other.high,
            self.high_closed,
            np.where(
                other.high < self.high, other.high_closed, self.high_closed & other.high_closed
            ),
        )
        result: Bools = (low < high) | ((low == high) & low_closed & high_closed)
        return result


def _by_pair(
    mask: Bools, values: Floats, rows: Ints, cols: Ints, owner: tuple[Ints, list[int]]
) -> Entries:
    """A block's entries where ``mask`` holds, grouped by pair of articles; ``rows`` and
    ``cols`` are the global indices along the block, ``owner`` maps them to articles."""
    import numpy as np

    r, c = np.nonzero(mask)
    if not len(r):
        return {}
    article, start = owner[0], np.asarray(owner[1], np.int64)
    gr, gc = rows[r], cols[c]
    ka, kb = article[gr], article[gc]
    pair = ka * (int(kb.max()) + 1) + kb
    order = np.argsort(pair, kind="stable")  # grouped by pair, row-major within each
    x, y, v = (
        (gr - start[ka])[order].tolist(),
        (gc - start[kb])[order].tolist(),
        values[r, c][order].tolist(),
    )
    cuts = (np.flatnonzero(np.diff(pair[order])) + 1).tolist()
    first = order[[0, *cuts]]
    return {
        (i, j): list(zip(x[lo:hi], y[lo:hi], v[lo:hi], strict=True))
        for i, j, lo, hi in zip(
            ka[first].tolist(), kb[first].tolist(), [0, *cuts], [*cuts, len(x)], strict=True
        )
    }


def _numbers(figures: Sequence[Figure]) -> _Numbers:
    import numpy as np

    spans = [bounds(f) for f in figures]
    return _Numbers(
        np.array([f.value for f in figures], dtype=np.float64),
        np.array([b.low for b in spans], dtype=np.float64),
        np.array([b.high for b in spans], dtype=np.float64),
        np.array([b.low_closed for b in spans], dtype=np.bool_),
        np.array([b.high_closed for b in spans], dtype=np.bool_),
    )


class _Texts:
    """Prepared texts (``sorted_tokens``) and rapidfuzz's ratio between any two of them.

    Up to GLOBAL_RATIOS distinct texts, every ratio is computed once, in one call, and
    blocks look them up; beyond, each block computes its own (memory stays linear).
    """

    GLOBAL_RATIOS = 4096  # 4096^2 float32 ratios: 64 MiB at most

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy as np

        index: dict[str, int] = {}
        self.id = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
        self.distinct = list(index)
        self._table: npt.NDArray[np.float32] | None = None

    def pairwise(self, a: Ints, b: Ints) -> npt.NDArray[np.float32]:
        """The ratio (0 to 100) of text ``a[k]`` to text ``b[k]``, for each k."""
        import numpy as np

        if len(self.distinct) <= self.GLOBAL_RATIOS:
            return self._global()[self.id[a], self.id[b]]
        from rapidfuzz import fuzz

        texts = self.distinct
        return np.array(
            [fuzz.ratio(texts[x], texts[y]) for x, y in zip(self.id[a], self.id[b], strict=True)],
            dtype=np.float32,
        )

    def _global(self) -> npt.NDArray[np.float32]:
        import numpy as np
        from rapidfuzz import fuzz, process

        if self._table is None:
            self._table = process.cdist(
                self.distinct, self.distinct, scorer=fuzz.ratio, dtype=np.float32, workers=-1
            )
        return self._table

    def ratios(self, a: Ints, b: Ints) -> npt.NDArray[np.float32]:
        """The ratio (0 to 100) of each text of ``a`` to each of ``b``, by index."""
        import numpy as np
        from rapidfuzz import fuzz, process

        ia, ib = self.id[a], self.id[b]
        if len(self.distinct) <= self.GLOBAL_RATIOS:
            table = self._global()
        else:
            ua, ia = np.unique(ia, return_inverse=True)
            ub, ib = np.unique(ib, return_inverse=True)
            texts = self.distinct
            table = process.cdist(
                [texts[k] for k in ua], [texts[k] for k in ub], scorer=fuzz.ratio, dtype=np.float32
            )
        result: npt.NDArray[np.float32] = table[np.ix_(ia.ravel(), ib.ravel())]
        return result


def _hinted(unknown: Bools, hints: Ints, other: Ints) -> Bools:
    """``comparable.hinted_apart``: unlabelled, in a sentence naming casualties, none of
    them what the other figure counts."""
    result: Bools = unknown & (other != 0) & (hints != 0) & ((hints & other) == 0)
    return result


def _closeness(x: Floats, y: Floats) -> Floats:
    """``comparable.closeness``, element by element."""
    import numpy as np

    positive = (x > 0) & (y > 0)
    quotient = np.divide(x, y, out=np.ones(x.shape), where=positive)
    close = np.maximum(0.0, 1.0 - np.abs(np.log10(quotient)))
    result: Floats = np.where(positive, close, np.where(x == y, 1.0, 0.0))
    return result


def _ids(values: Sequence[Hashable]) -> tuple[list[Hashable], Ints]:
    """Distinct values (None first, when present) and each value's index among them."""
    import numpy as np

    distinct: dict[Hashable, int] = {None: 0} if None in values else {}
    for v in values:
        distinct.setdefault(v, len(distinct))
    return list(distinct), np.array([distinct[v] for v in values], dtype=np.int64)


def _table(values: Sequence[Hashable], rule: Callable[..., bool]) -> Bools:
    """``rule`` between every two distinct values: a small lookup table."""
    import numpy as np

    return np.array([[rule(x, y) for y in values] for x in values], dtype=np.bool_).reshape(
        len(values), len(values)
    )


def _starts(sizes: Iterable[int]) -> list[int]:
    out = [0]
    for n in sizes:
        out.append(out[-1] + n)
    return out


def _offsets(
    ks: Sequence[int], claim_start: list[int], figure_start: list[int], figures_only: bool
) -> dict[int, Span]:
    out: dict[int, Span] = {}
    c = f = 0
    for k in ks:
        nf = figure_start[k + 1] - figure_start[k]
        nc = nf if figures_only else claim_start[k + 1] - claim_start[k]
        out[k] = Span(slice(c, c + nc), slice(f, f + nf))
        c, f = c + nc, f + nf
    return out
