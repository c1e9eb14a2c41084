"""Stage 6: pairs across two articles, one-to-one, from embeddings + rapidfuzz + figures.

Two assignments are solved, each optimally (scipy's linear_sum_assignment):
claims to claims, so that figure-less statements and omissions show, and
figures to figures.  A figure never pairs with one that counts something else,
in another unit (durations convert; a percent never pairs with a count), of an
incompatible subject, or in another place (the rules of ``comparable``, applied
in bulk by ``scoring``).

:func:`align` compares two articles; an :class:`Aligner` compares any two of
many, scoring each article against all its partners at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from compare.align.meaning import Meaning
from compare.align.rules import why_apart
from compare.align.scoring import Block, Scorer
from compare.types import Claim, Figure, Pair

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Tunable numbers, shown in `factcompare diff --help`.  Evidence in bench/VERDICTS.md (FNC-1
# sweep): claim threshold 0.50 aligns a claim in 1.0% of unrelated pairs and 47% of related
# ones, 0.55 in 0.5% and 37%, 0.60 in 0.5% and 29%.  True figure pairs in the fixtures score
# 0.56 and up; FIGURE_THRESHOLD 0.40 leaves 0.5% of unrelated FNC-1 pairs with a figure pair.
CLAIM_THRESHOLD = 0.55  # text score under which two claims are not the same statement
FIGURE_THRESHOLD = 0.40  # pair score under which two comparable figures stay unique

Order = tuple[int, int, int]
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    claim_threshold: float = CLAIM_THRESHOLD
    figure_threshold: float = FIGURE_THRESHOLD


def align(
    a: Sequence[Claim],
    b: Sequence[Claim],
    va: npt.NDArray[np.float32],
    vb: npt.NDArray[np.float32],
    *,
    options: Options = Options(),
    meaning: Meaning | None = None,
) -> tuple[Pair, ...]:
    """Every figure and every figure-less claim of A and B, paired or alone."""
    return Aligner([a, b], [va, vb], options=options, meaning=meaning).align(0, 1)


class Aligner:
    """Aligns any two of many articles (``sides[k]`` are article k's claims).

    Scores come in blocks (:meth:`prepare`): one article against all the
    articles it will be compared with, in one pass of array operations, rather
    than pair by pair.  A figure or claim left alone is the same Pair object in
    every comparison it is alone in, so that judging it once is enough.
    """

    def __init__(
        self,
        sides: Sequence[Sequence[Claim]],
        vectors: Sequence[npt.NDArray[np.float32]],
        *,
        options: Options = Options(),
        meaning: Meaning | None = None,
    ) -> None:
        self.scorer = Scorer(sides, vectors, meaning)
        self.meaning = meaning
        self.sides = self.scorer.sides
        self.options = options
        self._block: Block | None = None
        self._alone: dict[str, list[Alone | None]] = {
            side: [None] * len(self.sides) for side in ("A", "B")
        }

    def prepare(
        self, rows: Sequence[int], cols: Sequence[int], *, figures_only: bool = False
    ) -> None:
        """Score articles ``rows`` (as side A) against articles ``cols`` (as side B) now."""
        self._block = self.scorer.block(
            rows,
            cols,
            claim_threshold=self.options.claim_threshold,
            figure_threshold=self.options.figure_threshold,
            figures_only=figures_only,
        )

    def _scores(self, i: int, j: int, *, figures_only: bool = False) -> Block:
        if self._block is None or not self._block.covers(i, j, figures_only=figures_only):
            self.prepare([i], [j], figures_only=figures_only)
        assert self._block is not None  # prepare() sets it
        return self._block

    def figure_pairs(self, i: int, j: int) -> list[Pair]:
        """Only the figures of articles i and j that pair, as :func:`align` pairs them."""
        block = self._scores(i, j, figures_only=True)
        candidates = block.figure_candidates.get((i, j))
        if not candidates:
            return []
        figs_a, figs_b = self.scorer.figures[i], self.scorer.figures[j]
        a, b = self.sides[i], self.sides[j]
        return [
            Pair(a[figs_a[r][0]], b[figs_b[c][0]], figs_a[r][1], figs_b[c][1], round(score, 3))
            for r, c, score in _assign(candidates, self.options.figure_threshold)
        ]

    def alone(self, k: int, side: str) -> Alone:
        """Every figure and figure-less claim of article k alone on ``side`` ("A" or "B"):
        the same Pair objects in every comparison they stay alone in."""
        found = self._alone[side][k]
        if found is None:
            found = self._alone[side][k] = _alone(self.sides[k], self.scorer.figures[k], side)
        return found

    def align(self, i: int, j: int) -> tuple[Pair, ...]:
        """Every figure and every figure-less claim of articles i and j, paired or alone."""
        alone_a, alone_b = self.alone(i, "A").items, self.alone(j, "B").items
        parts = self.parts(i, j)
        if parts is None:
            return tuple(map(itemgetter(1), alone_a + alone_b))
        return in_table_order(parts, [pair for _, pair in parts.pairs], alone_a, alone_b)

    def parts(self, i: int, j: int) -> Parts | None:
        """The alignment of articles i and j before it is put in table order, or None when
        nothing pairs or nearly pairs: then all is :meth:`alone`."""
        block = self._scores(i, j)
        claim_candidates = block.claim_candidates.get((i, j))
        figure_candidates = block.figure_candidates.get((i, j))
        near = block.near_misses.get((i, j))
        if not claim_candidates and not figure_candidates and not near:
            return None

        a, b = self.sides[i], self.sides[j]
        scores = block.text_scores(i, j)
        claim_match = _assign(claim_candidates, self.options.claim_threshold)
        a_to_b = {ia: jb for ia, jb, _ in claim_match}
        b_to_a = {jb: ia for ia, jb, _ in claim_match}
        out: list[tuple[Order, Pair]] = []

        figs_a, figs_b = self.scorer.figures[i], self.scorer.figures[j]
        matched_a: set[int] = set()
        matched_b: set[int] = set()
        for r, c, score in _assign(figure_candidates, self.options.figure_threshold):
            (ia, fa), (jb, fb) = figs_a[r], figs_b[c]
            pair = Pair(a[ia], b[jb], fa, fb, round(score, 3))
            out.append(((0, a[ia].sentence.index, fa.span[0]), pair))
            matched_a.add(r)
            matched_b.add(c)
        notes_a, notes_b = self._notes(near, i, j, matched_a, matched_b) if near else ({}, {})

        # A figure nobody matched is unique; its claim's counterpart, if any, is context,
        # and a near miss is noted.  Only those need new pairs; the rest stay alone.
        in_claim_a, in_claim_b = self.scorer.claim_figures[i], self.scorer.claim_figures[j]
        told_a = ({r for ia in a_to_b for r in in_claim_a[ia]} | notes_a.keys()) - matched_a
        for r in sorted(told_a):
            ia, fa = figs_a[r]
            jm = a_to_b.get(ia)
            context = b[jm] if jm is not None else None
            pair = Pair(a[ia], context, fa, None, _score(scores, ia, jm), notes_a.get(r))
            out.append(_ordered(pair))
        told_b = ({c for jb in b_to_a for c in in_claim_b[jb]} | notes_b.keys()) - matched_b
        for c in sorted(told_b):
            jb, fb = figs_b[c]
            im = b_to_a.get(jb)
            context_a = a[im] if im is not None else None
            pair = Pair(context_a, b[jb], None, fb, _score(scores, im, jb), notes_b.get(c))
            out.append(_ordered(pair))

        # Claims without figures: aligned (so agreement shows) or alone (so omissions show);
        # a claim aligned with one that has figures is shown through those figures.
        for ia, jm in a_to_b.items():
            if not a[ia].figures and not b[jm].figures:
                out.append(_ordered(Pair(a[ia], b[jm], score=_score(scores, ia, jm))))
        gone_a, gone_b = matched_a | told_a, matched_b | told_b
        return Parts(
            out,
            _staying(self.alone(i, "A"), gone_a, a_to_b),
            _staying(self.alone(j, "B"), gone_b, b_to_a),
        )

    def _notes(
        self,
        near: list[tuple[int, int, float]],
        i: int,
        j: int,
        matched_a: set[int],
        matched_b: set[int],
    ) -> tuple[dict[int, str], dict[int, str]]:
        """For each unmatched figure kept apart from a same-count figure only by group or
        place, why: from the likeliest such counterpart (the most alike sentence, the first
        at a tie)."""
        figs_a, figs_b = self.scorer.figures[i], self.scorer.figures[j]
        best_a: dict[int, tuple[float, int]] = {}
        best_b: dict[int, tuple[float, int]] = {}
        for r, c, strength in near:  # row-major: strictly stronger replaces, the first wins a tie
            if strength > best_a.get(r, (-1.0, 0))[0]:
                best_a[r] = (strength, c)
            if strength > best_b.get(c, (-1.0, 0))[0]:
                best_b[c] = (strength, r)

        def why(r: int, c: int) -> str | None:
            return why_apart(figs_a[r][1], figs_b[c][1], self.meaning)

        notes_a = {
            r: f"not paired with B's {figs_b[c][1].text} ({why(r, c)})"
            for r, (_, c) in best_a.items()
            if r not in matched_a
        }
        notes_b = {
            c: f"not paired with A's {figs_a[r][1].text} ({why(r, c)})"
            for c, (_, r) in best_b.items()
            if c not in matched_b
        }
        return notes_a, notes_b


@dataclass(frozen=True)
class Alone:
    """One article's figures and figure-less claims with nothing on the other side, in
    table order, each with its place in the table."""

    items: tuple[tuple[Order, Pair], ...]
    what: tuple[tuple[bool, int], ...]  # (a figure?, its number or the claim's index)


@dataclass(frozen=True)
class Parts:
    """Two articles' alignment before it is put in table order."""

    pairs: list[tuple[Order, Pair]]  # made for this comparison, with their places
    alone_a: list[int]  # which of A's Alone items stay alone (positions)
    alone_b: list[int]


def _alone(claims: Sequence[Claim], figs: list[tuple[int, Figure]], side: str) -> Alone:
    def pair(claim: Claim, fig: Figure | None) -> Pair:
        return Pair(claim, None, fig) if side == "A" else Pair(None, claim, None, fig)

    made = [(_ordered(pair(claims[i], f)), (True, r)) for r, (i, f) in enumerate(figs)]
    made += [(_ordered(pair(c, None)), (False, i)) for i, c in enumerate(claims) if not c.figures]
    made.sort(key=lambda m: m[0][0])
    return Alone(
        items=tuple(item for item, _ in made),
        what=tuple(what for _, what in made),
    )


def in_table_order(
    parts: Parts,
    made: Sequence[T],
    alone_a: Sequence[tuple[Order, T]],
    alone_b: Sequence[tuple[Order, T]],
) -> tuple[T, ...]:
    """What was made for each of ``parts.pairs`` (pairs, or their rows) merged with the lone
    items (of :meth:`Aligner.alone`) that stay alone, in table order."""
    items = [(key, m) for (key, _), m in zip(parts.pairs, made, strict=True)]
    items += [alone_a[k] for k in parts.alone_a]
    items += [alone_b[k] for k in parts.alone_b]
    # Keys are unique but for B's figures that share A's context sentence, made in B's
    # reading order; the stable sort keeps it.
    items.sort(key=itemgetter(0))
    return tuple(map(itemgetter(1), items))


def _staying(alone: Alone, gone: set[int], aligned: dict[int, int]) -> list[int]:
    """Positions of the lone items that stay alone: figures not gone, claims not aligned."""
    return [
        k
        for k, (is_figure, n) in enumerate(alone.what)
        if (n not in gone if is_figure else n not in aligned)
    ]


def _assign(
    candidates: list[tuple[int, int, float]] | None, threshold: float
) -> list[tuple[int, int, float]]:
    """Optimal one-to-one matching of the ``candidates`` (row, column, score at or above
    the threshold, row-major).

    Maximises the total margin above the threshold, so that a weak pair never displaces a
    strong one; scipy's linear_sum_assignment solves it on the rows and columns that have
    a candidate (every other score is below the threshold and could only add nothing).
    Margins are taken to four decimals: two figures that pair equally well (the same count
    in two sentences alike) must pair the same way whatever batch encoded their sentences,
    and vectors of one text differ by ~1e-8 between batches.
    """
    import numpy as np

    if not candidates:
        return []
    rows_set = {r for r, _, _ in candidates}
    cols_set = {c for _, c, _ in candidates}
    if len(rows_set) == len(candidates) == len(cols_set):
        return candidates  # no two share a row or a column: taking them all is the optimum
    rows, cols = sorted(rows_set), sorted(cols_set)
    at_row = {r: k for k, r in enumerate(rows)}
    at_col = {c: k for k, c in enumerate(cols)}
    gain = np.zeros((len(rows), len(cols)))
    score = {}
    for r, c, v in candidates:
        gain[at_row[r], at_col[c]] = round(v - threshold, 4) + 1e-9
        score[r, c] = v
    picked = zip(*_lsa()(gain, maximize=True), strict=True)
    return [(rows[x], cols[y], score[rows[x], cols[y]]) for x, y in picked if gain[x, y] > 0]


@lru_cache(maxsize=1)
def _lsa() -> Callable[..., tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]]:
    """scipy's linear_sum_assignment, imported once and only when a choice must be made.

    ``import scipy.optimize`` runs the whole package's ``__init__`` (linprog, shgo,
    scipy.linalg, scipy.fft, numpy.f2py: about 0.45 s, most of a cached ``diff``), while
    the solver is one compiled module that needs only numpy.  So that module is loaded
    by itself, from scipy's own files; with any other layout, the public import.
    """
    import importlib.machinery
    import importlib.util

    spec = importlib.util.find_spec("scipy")  # finds the package without importing it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for found in sorted(Path(folder, "optimize").glob("_lsap.*")):
            if not found.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
                continue
            loader = importlib.machinery.ExtensionFileLoader("scipy.optimize._lsap", str(found))
            module_spec = importlib.util.spec_from_loader(loader.name, loader)
            if module_spec is None:
                continue
            module = importlib.util.module_from_spec(module_spec)
            loader.exec_module(module)
            solver = getattr(module, "linear_sum_assignment", None)
            if callable(solver):
                return solver  # type: ignore[no-any-return]
    from scipy.optimize import linear_sum_assignment

    return linear_sum_assignment  # type: ignore[no-any-return]


def _round(scores: npt.NDArray[np.float64], r: int, c: int) -> float:
    return round(float(scores[r, c]), 3)


def _score(scores: npt.NDArray[np.float64], i: int | None, j: int | None) -> float | None:
    return None if i is None or j is None else _round(scores, i, j)


def _ordered(pair: Pair) -> tuple[Order, Pair]:
    """A pair with its place in the table: A's reading order first, then B's leftovers."""
    fig: Figure | None
    if pair.a is not None:
        fig = pair.fig_a
        return (0, pair.a.sentence.index, fig.span[0] if fig else -1), pair
    assert pair.b is not None  # a pair always has a side
    fig = pair.fig_b
    return (1, pair.b.sentence.index, fig.span[0] if fig else -1), pair
