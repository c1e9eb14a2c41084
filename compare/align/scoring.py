"""Stage 6, in bulk: text scores of claims and pair scores of figures, as numpy matrices.

A newsroom compares each new story with the day's earlier ones, and a researcher
compares every pair of a hundred articles: asked one pair of figures at a time,
the rules of :mod:`compare.align.rules` would cost more than the model.  Here
every claim and figure of a set of articles is read once into columns (ids for
concepts, units, subjects, places and claimants; numbers and interval bounds),
and a :class:`Block` scores the figures of some articles against those of
others in one pass of array operations.  The rules are the same ones;
``tests/test_scoring.py`` checks both forms agree on every figure pair of the
fixtures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.align.columns import Texts, closeness, ids, interval_columns, sorted_tokens, table
from compare.align.meaning import Meaning
from compare.align.rules import (
    BOUNDED_QUALIFIERS,
    COMPATIBLE_BONUS,
    CONTEXT_WEIGHT,
    DAYS_PER,
    EMBED_WEIGHT,
    IMPLAUSIBLE_RATIO,
    MAGNITUDE_WEIGHT,
    OWN_PLACE,
    SAME_CLAIMANT_BONUS,
    SAME_COUNT_MIN,
    SAME_NUMBER_BONUS,
    UNKNOWN_CONCEPT_PENALTY,
    UNKNOWN_CONCEPT_RATIO,
    concepts_compatible,
    day,
    event_kinds,
    group,
    in_a_part,
    in_days,
    is_measure,
    named_key,
    parts,
    period_unmatched,
    rounding_step,
    same_concept,
    situation,
    situations_apart,
    subjects_compatible,
    unit_class,
    wholes,
)
from compare.extract.readings import casualty_kinds
from compare.extract.resources import CASUALTY_CONCEPTS
from compare.types import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]
    Floats = npt.NDArray[np.float64]
    Bools = npt.NDArray[np.bool_]

Entries = dict[tuple[int, int], list[tuple[int, int, float]]]
INFEASIBLE = -1e6  # the score of two figures that cannot be the same quantity
MAX_CANDIDATES = 32  # partners kept per claim or figure (a fixture's articles have fewer)


def _hint_bits() -> dict[str, int]:
    """One bit per casualty count the vocabulary's sentences can speak of."""
    return {concept: 1 << k for k, concept in enumerate(casualty_kinds())}


class Scorer:
    """Every claim and figure of some articles, read once, ready to be scored in blocks.

    ``sides[k]`` are article k's claims in reading order, ``vectors[k]`` their
    unit-length embeddings (one row per claim).
    """

    def __init__(
        self,
        sides: Sequence[Sequence[Claim]],
        vectors: Sequence[npt.NDArray[np.float32]],
        meaning: Meaning | None = None,
    ) -> None:
        import numpy as np

        self.sides = [tuple(side) for side in sides]
        self.figures = [[(i, f) for i, c in enumerate(side) for f in c.figures] for side in sides]
        # For each article, each claim's figures by their number in the article.
        self.claim_figures: list[list[list[int]]] = []
        for side, figs in zip(self.sides, self.figures, strict=True):
            owned: list[list[int]] = [[] for _ in side]
            for r, (i, _) in enumerate(figs):
                owned[i].append(r)
            self.claim_figures.append(owned)
        self.claim_start = _starts(len(s) for s in self.sides)
        self.figure_start = _starts(len(f) for f in self.figures)
        shaped = [np.asarray(v, dtype=np.float32) for v, s in zip(vectors, sides, strict=True) if s]
        dim = shaped[0].shape[1] if shaped else 1
        self.vectors = np.vstack(shaped) if shaped else np.zeros((0, dim), dtype=np.float32)
        claims = [c for side in self.sides for c in side]
        self.sentences = Texts([sorted_tokens(c.sentence.text) for c in claims])

        # Claims: which casualties their sentences name.
        bit = _hint_bits()
        self.hints = np.array(
            [sum(bit.get(h, 0) for h in c.casualties) for c in claims], dtype=np.int64
        )

        # Claims: which kinds of event their sentences tell of (events_apart).
        kinds = sorted({k for c in claims for k in event_kinds(c.sentence.text)})
        kind_bit = {k: 1 << n for n, k in enumerate(kinds)}
        self.kinds = np.array(
            [sum(kind_bit[k] for k in event_kinds(c.sentence.text)) for c in claims],
            dtype=np.int64,
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
        self.contexts = Texts([sorted_tokens(f.context) for _, f in figs])
        concepts, self.concept = ids([f.concept for _, f in figs])
        self.concepts_ok = table(concepts, lambda x, y: concepts_compatible(x, y, meaning))
        self.same_concept = table(concepts, same_concept)
        self.casualty = np.array([c in CASUALTY_CONCEPTS for c in concepts], dtype=np.bool_)
        self.hint_of = np.array([bit.get(str(c), 0) for c in concepts], dtype=np.int64)
        self.unknown = np.array([c is None for c in concepts], dtype=np.bool_)
        situations, self.situation = ids([situation(f) for _, f in figs])
        self.situations_ok = table(situations, lambda x, y: situations_apart(x, y) is None)
        subjects, self.subject = ids([f.subject for _, f in figs])
        self.subjects_ok = table(subjects, subjects_compatible)
        _, self.unit = ids([f.unit for _, f in figs])
        _, self.unit_class = ids([unit_class(f.unit) for _, f in figs])
        self.duration = np.array([f.unit in DAYS_PER for _, f in figs], dtype=np.bool_)
        self.measure = np.array([is_measure(f.unit) for _, f in figs], dtype=np.bool_)
        claimants, self.claimant = ids([(f.attribution or "").lower() for _, f in figs])
        self.named = np.array([c != "" for c in claimants], dtype=np.bool_)
        self.bounded = np.array([f.qualifier in BOUNDED_QUALIFIERS for _, f in figs], bool)
        self.vague = np.array([f.qualifier == "vague" for _, f in figs], dtype=np.bool_)
        _, self.place_id = ids([f.place_key for _, f in figs])
        self.placed = np.array([f.place_key is not None for _, f in figs], dtype=np.bool_)
        self.own_place = np.array([f.place_from in OWN_PLACE for _, f in figs], dtype=np.bool_)
        scopes, self.scope = ids([f.scope for _, f in figs])
        self.scopes_unmatched = table(scopes, period_unmatched)
        _, self.role = ids([f.role for _, f in figs])
        _, self.group = ids([group(f.subject) for _, f in figs])
        # part_apart: which figures add up to a total beside them.
        self.parts_of = frozenset().union(*map(parts, self.sides))
        self.wholes_of = frozenset().union(*map(wholes, self.sides))
        # A figure's kind: 1 a part of a total, 2 the whole of a share, 3 both, 0 neither.
        self.part = np.array(
            [(f.id in self.parts_of) + 2 * (f.id in self.wholes_of) for _, f in figs], np.int64
        )
        self.grouped = np.array([group(f.subject) is not None for _, f in figs], dtype=np.bool_)
        self.in_a_part = np.array([in_a_part(f) for _, f in figs], dtype=np.bool_)
        self.dated = np.array([day(f) is not None for _, f in figs], dtype=np.bool_)
        self.step = np.array([rounding_step(f) for _, f in figs], dtype=np.float64)
        self.exact = np.array([f.qualifier == "exact" for _, f in figs], dtype=np.bool_)
        self.generic = np.array(
            [f.subject is not None and group(f.subject) is None for _, f in figs], dtype=np.bool_
        )
        self.placed_here = np.array([f.place_from == "figure" for _, f in figs], dtype=np.bool_)
        # counted_elsewhere: which article counts which thing of which named group.
        keys, self.named_id = ids([named_key(f) for _, f in figs])
        self.named_in = np.zeros((len(keys), len(sides)), dtype=np.bool_)
        for t, k in enumerate(self.named_id):
            if keys[k] is not None:
                self.named_in[k, self.figure_article[t]] = True
        # A revision's previous value (none for durations): it bridges a change ten times over.
        self.previous = np.array(
            [
                abs(f.previous.value) if f.previous is not None and f.unit not in DAYS_PER else 0.0
                for _, f in figs
            ],
            dtype=np.float64,
        )
        # Numbers and intervals as stated, and restated in days (for durations in other units).
        self.stated = interval_columns([f for _, f in figs])
        self.in_days = interval_columns([in_days(f) for _, f in figs])

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
            claims = _by_pair(_best(text, claim_threshold), text, ca, cb, claim_owner)
        scores, near = self._figures(fa, fb, fig_text)
        return Block(
            rows=_slices(rows, self.claim_start),
            cols=_slices(cols, self.claim_start),
            text=text,
            claim_candidates=claims,
            figure_candidates=_by_pair(_best(scores, figure_threshold), scores, fa, fb, fig_owner),
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
        # why_apart: the group counted (unless the very same count vouches), then place, time, role.
        va, vb = self.stated.value[row], self.stated.value[col]
        # rounds, both ways: one count rounded to three figures or more is the other's.
        step_a, step_b = self.step[row], self.step[col]
        safe_a, safe_b = np.where(step_a > 0, step_a, 1.0), np.where(step_b > 0, step_b, 1.0)
        rounded = (step_a > 0) & self.exact[col] & (np.round(vb / safe_a) * safe_a == va)
        rounded |= (step_b > 0) & self.exact[row] & (np.round(va / safe_b) * safe_b == vb)
        same_count = ((va == vb) | (rounded & (va != vb))) & (va >= SAME_COUNT_MIN)
        same_count &= ~self.unknown[ka]
        ok = self.subjects_ok[self.subject[row], self.subject[col]] | same_count
        ok &= self.situations_ok[self.situation[row], self.situation[col]]
        # hinted_apart, both ways: an unlabelled figure in a sentence about other casualties.
        hints_a, hints_b = self.hints[self.claim[row]], self.hints[self.claim[col]]
        ok &= ~_hinted(self.unknown[ka], hints_a, self.hint_of[kb])
        ok &= ~_hinted(self.unknown[kb], hints_b, self.hint_of[ka])
        # in_common_unit: durations in different units are compared in days.
        days = (self.unit[row] != self.unit[col]) & self.duration[row] & self.duration[col]
        x, y = self.stated.pick(self.in_days, days, row), self.stated.pick(self.in_days, days, col)
        compat = x.overlaps(y)
        # unvouched: a side that does not say what it counts, or says it in other words,
        # must be near in number.
        unknown = self.unknown[ka] | self.unknown[kb]
        # is_measure: a measure's unit vouches for the side that does not say what it counts.
        measured = (self.unknown[ka] != self.unknown[kb]) & (self.unit[row] == self.unit[col])
        measured &= self.measure[row]
        weak = ~(self.same_concept[ka, kb] | measured)
        weak |= self.scopes_unmatched[self.scope[row], self.scope[col]]
        # in_a_part: some people named by their part against a count that names no group.
        # day: one side dates the day its crowd is counted on, the other does not.
        weak |= self.dated[row] != self.dated[col]
        weak |= self.in_a_part[row] & self.generic[col]
        weak |= self.in_a_part[col] & self.generic[row]
        # revision_told: one side says the other's number is the value its own replaced.
        sa, sb = self.stated.value[row], self.stated.value[col]
        told = (self.previous[row] > 0) & (self.previous[row] == abs(sb))
        told |= (self.previous[col] > 0) & (self.previous[col] == abs(sa))
        weak &= ~(told & (self.unit[row] == self.unit[col]) & (sa != sb))
        small, big = np.minimum(abs(x.value), abs(y.value)), np.maximum(abs(x.value), abs(y.value))
        ratio = np.divide(big, small, out=np.full(small.shape, np.inf), where=small > 0)
        near_number = (small > 0) & (ratio <= UNKNOWN_CONCEPT_RATIO)
        identity = ok.copy()  # what why_apart says: near misses are pairs it keeps apart
        # counted_elsewhere, both ways: a named group's count pairs only with that group's
        # when the other article counts the same thing of that group.
        claimed = self.named_in[self.named_id[row], self.figure_article[col]]
        claimed |= self.named_in[self.named_id[col], self.figure_article[row]]
        ok &= ~claimed | (self.group[row] == self.group[col])
        # part_apart: a part of a total pairs with a figure that is none only when both name
        # the same group or their own same place.
        same_group = self.grouped[row] & (self.group[row] == self.group[col])
        here = self.placed_here[row] & self.placed_here[col] & self.placed[row]
        same_here_place = here & (self.place_id[row] == self.place_id[col])
        same_count = (self.stated.value[row] == self.stated.value[col]) & (
            self.same_concept[ka, kb] | (self.stated.value[row] >= SAME_COUNT_MIN)
        )
        ok &= (self.part[row] == self.part[col]) | same_group | same_here_place | same_count
        # events_apart: casualties of two kinds of event (a quake's and a flood's).
        kinds_a, kinds_b = self.kinds[self.claim[row]], self.kinds[self.claim[col]]
        both = self.casualty[ka] & self.casualty[kb] & (kinds_a != 0) & (kinds_b != 0)
        ok &= ~(both & ((kinds_a & kinds_b) == 0))
        ok &= ~weak | (compat & (near_number | (self.bounded[row] & self.bounded[col])))
        # vague_apart: a vague amount never meets an exact one it does not cover.
        ok &= (self.vague[row] == self.vague[col]) | compat
        # implausible: ten times apart, unless the same source counts the same thing there,
        # the same thing of the same group is counted in a place both state, or a revision
        # one side reports bridges the change.
        far = (small > 0) & (ratio >= IMPLAUSIBLE_RATIO)
        same_place = (self.place_id[row] == self.place_id[col]) & self.placed[row]
        same_source = (
            (self.claimant[row] == self.claimant[col])
            & self.named[self.claimant[row]]
            & (ka == kb)
            & ~self.unknown[ka]
            & same_place
        )
        same_here = (
            self.same_concept[ka, kb]
            & same_place
            & self.own_place[row]
            & self.own_place[col]
            & (self.role[row] == self.role[col])
            & (self.group[row] == self.group[col])
        )
        bridged = _bridges(self.previous[row], abs(y.value)) | _bridges(
            self.previous[col], abs(x.value)
        )
        ok &= ~far | same_source | same_here | bridged

        context = self.contexts.pairwise(row, col) / 100.0
        score = (1 - CONTEXT_WEIGHT) * text[r, c] + CONTEXT_WEIGHT * context.astype(np.float64)
        score = score + np.where(compat, COMPATIBLE_BONUS, 0.0)
        score = score + MAGNITUDE_WEIGHT * closeness(x.value, y.value)
        score = score + np.where(x.value == y.value, SAME_NUMBER_BONUS, 0.0)
        same_claimant = (self.claimant[row] == self.claimant[col]) & self.named[self.claimant[row]]
        score = score + np.where(same_claimant, SAME_CLAIMANT_BONUS, 0.0)
        both_unknown = self.unknown[ka] & self.unknown[kb]
        penalty = np.where(both_unknown, 2 * UNKNOWN_CONCEPT_PENALTY, UNKNOWN_CONCEPT_PENALTY)
        score = score - np.where(unknown, penalty, 0.0)
        scores[r[ok], c[ok]] = score[ok]
        same = (ka == kb) & (self.unit[row] == self.unit[col])
        near[r, c] = ~identity & ~self.unknown[ka] & same
        return scores, near


@dataclass(frozen=True)
class Block:
    """Scores of some articles (rows, side A) against others (columns, side B)."""

    rows: dict[int, slice]  # where each article's claims sit along the rows
    cols: dict[int, slice]
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
        return self.text[self.rows[i], self.cols[j]]


def _best(scores: Floats, threshold: float) -> Bools:
    """Scores at or above the threshold, at most MAX_CANDIDATES of them in each row and each
    column: wire copy that repeats one sentence a thousand times would otherwise make a
    million candidates (time and memory quadratic in the article), while the best
    partners of a sentence are always among its few strongest."""
    import numpy as np

    mask: Bools = scores >= threshold
    rows, cols = scores.shape
    if cols > MAX_CANDIDATES and int(mask.sum(axis=1).max(initial=0)) > MAX_CANDIDATES:
        kth = np.partition(scores, cols - MAX_CANDIDATES, axis=1)[:, cols - MAX_CANDIDATES]
        mask &= scores >= kth[:, None]
    if rows > MAX_CANDIDATES and int(mask.sum(axis=0).max(initial=0)) > MAX_CANDIDATES:
        kth = np.partition(scores, rows - MAX_CANDIDATES, axis=0)[rows - MAX_CANDIDATES, :]
        mask &= scores >= kth[None, :]
    return mask


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


def _hinted(unknown: Bools, hints: Ints, other: Ints) -> Bools:
    """``comparable.hinted_apart``: unlabelled, in a sentence naming casualties, none of
    them what the other figure counts."""
    result: Bools = unknown & (other != 0) & (hints != 0) & ((hints & other) == 0)
    return result


def _bridges(previous: Floats, other: Floats) -> Bools:
    """``rules._bridges``: a previous value (0 for none) within ten times of the other number."""
    import numpy as np

    lo, hi = np.minimum(previous, other), np.maximum(previous, other)
    result: Bools = (lo > 0) & (hi < IMPLAUSIBLE_RATIO * lo)
    return result


def _starts(sizes: Iterable[int]) -> list[int]:
    out = [0]
    for n in sizes:
        out.append(out[-1] + n)
    return out


def _slices(ks: Sequence[int], start: list[int]) -> dict[int, slice]:
    """Where each of articles ``ks`` sits along a block's side, given where each starts."""
    out: dict[int, slice] = {}
    at = 0
    for k in ks:
        size = start[k + 1] - start[k]
        out[k] = slice(at, at + size)
        at += size
    return out
