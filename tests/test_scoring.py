"""scoring: the pairing rules applied to whole blocks give what they give one pair at a time.

For every two articles of every fixture case, each figure pair's block score is
``comparable.figure_score`` when ``comparable.why_unpaired`` lets the two pair, and the
pair is absent otherwise; a near miss is a pair kept apart with the same known count in
the same unit.  Vectors come from a small bag-of-words hash, not the model: the rules,
not the embeddings, are under test here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from itertools import permutations

import numpy as np
import numpy.typing as npt
import pytest
from rapidfuzz import fuzz, utils

from compare.align import columns
from compare.align.pairs import _assign
from compare.align.rules import (
    EMBED_WEIGHT,
    event_kinds,
    figure_score,
    named,
    why_apart,
    why_unpaired,
)
from compare.align.scoring import Scorer
from compare.check import cases
from compare.load import load
from compare.pipeline import extract
from compare.types import Claim
from tests.conftest import FIXTURES

NO_THRESHOLD = -1e5  # above INFEASIBLE: every pair the rules allow is a candidate


def bag_of_words(claims: Sequence[Claim]) -> npt.NDArray[np.float32]:
    """Unit vectors from hashed words: alike sentences get alike vectors, without a model."""
    out = np.zeros((len(claims), 64), dtype=np.float32)
    for k, claim in enumerate(claims):
        for word in re.findall(r"[a-z]+", claim.sentence.text.lower()):
            out[k, hashlib.md5(word.encode()).digest()[0] % 64] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


def case_articles() -> list[tuple[str, list[Sequence[Claim]]]]:
    return [
        (
            case.name,
            [extract(load(str(p), article_id=f"x{k}")).claims for k, p in enumerate(case.inputs)],
        )
        for case in cases(FIXTURES)
    ]


CASES = case_articles()


@pytest.mark.parametrize(("name", "sides"), CASES, ids=[name for name, _ in CASES])
def test_block_scores_follow_the_rules_pair_by_pair(
    name: str, sides: list[Sequence[Claim]]
) -> None:
    vectors = [bag_of_words(side) for side in sides]
    scorer = Scorer(sides, vectors)
    checked = 0
    for i, j in permutations(range(len(sides)), 2):
        block = scorer.block([i], [j], claim_threshold=-1.0, figure_threshold=NO_THRESHOLD)
        text = {(x, y): v for x, y, v in block.claim_candidates.get((i, j), [])}
        feasible = {(r, c): v for r, c, v in block.figure_candidates.get((i, j), [])}
        near = {(r, c) for r, c, _ in block.near_misses.get((i, j), [])}
        a, b = sides[i], sides[j]
        named_a = named(f for _, f in scorer.figures[i])
        named_b = named(f for _, f in scorer.figures[j])
        for x, ca in enumerate(a):
            for y, cb in enumerate(b):
                cosine = float(np.clip(vectors[i][x] @ vectors[j][y], 0.0, 1.0))
                fuzzy = fuzz.token_sort_ratio(
                    ca.sentence.text, cb.sentence.text, processor=utils.default_process
                )
                expected = EMBED_WEIGHT * cosine + (1 - EMBED_WEIGHT) * fuzzy / 100.0
                assert text[x, y] == pytest.approx(expected, abs=1e-6)
        for r, (ia, fa) in enumerate(scorer.figures[i]):
            for c, (jb, fb) in enumerate(scorer.figures[j]):
                why = why_unpaired(
                    fa,
                    fb,
                    a[ia].casualties,
                    b[jb].casualties,
                    named_a,
                    named_b,
                    scorer.parts_of,
                    scorer.wholes_of,
                    event_kinds(a[ia].sentence.text),
                    event_kinds(b[jb].sentence.text),
                )
                if why is None:
                    context = fuzz.token_sort_ratio(
                        fa.context,
                        fb.context,
                        processor=utils.default_process,
                    )
                    want = figure_score(text[ia, jb], context / 100.0, fa, fb)
                    assert feasible[r, c] == pytest.approx(want, abs=1e-6), (fa.text, fb.text)
                else:
                    assert (r, c) not in feasible, (fa.text, fb.text, why)
                same_count = fa.concept is not None and (fa.concept, fa.unit) == (
                    fb.concept,
                    fb.unit,
                )
                # A near miss is a same-count pair that why_apart (who, what, where, when)
                # keeps apart; vagueness and plausibility are not told as near misses.
                apart = why_apart(fa, fb)
                assert ((r, c) in near) == (apart is not None and same_count), (fa.text, fb.text)
                checked += 1
    assert checked == sum(
        len(scorer.figures[i]) * len(scorer.figures[j])
        for i, j in permutations(range(len(sides)), 2)
    )


def test_many_distinct_texts_score_block_by_block_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    _, sides = next((n, s) for n, s in CASES if n.startswith("10-"))
    vectors = [bag_of_words(side) for side in sides]

    def everything(scorer: Scorer) -> list[object]:
        block = scorer.block([0], [1, 2], claim_threshold=-1.0, figure_threshold=NO_THRESHOLD)
        return [block.claim_candidates, block.figure_candidates, block.near_misses]

    whole = everything(Scorer(sides, vectors))
    monkeypatch.setattr(columns.Texts, "GLOBAL_RATIOS", 0)  # no table of every ratio
    assert everything(Scorer(sides, vectors)) == whole


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([], []),
        ([(0, 1, 0.9), (1, 0, 0.7)], [(0, 1, 0.9), (1, 0, 0.7)]),
        # Two claims of A want B's first: the stronger takes it, the other its second choice.
        ([(0, 0, 0.9), (0, 1, 0.6), (1, 0, 0.8)], [(0, 1, 0.6), (1, 0, 0.8)]),
        # The total margin above the threshold decides: one strong pair (0.45) beats two
        # weak ones (0.1 + 0.1); two fair ones (0.25 + 0.25) beat a good one (0.3).
        ([(0, 0, 0.95), (0, 1, 0.6), (1, 0, 0.6)], [(0, 0, 0.95)]),
        ([(0, 0, 0.8), (0, 1, 0.75), (1, 0, 0.75)], [(0, 1, 0.75), (1, 0, 0.75)]),
    ],
    ids=["none", "no-conflict", "second-choice", "one-strong-beats-two-weak", "two-fair-beat-one"],
)
def test_assignment(
    candidates: list[tuple[int, int, float]], expected: list[tuple[int, int, float]]
) -> None:
    assert sorted(_assign(candidates, 0.5)) == expected


@pytest.mark.parametrize("noise", [-3e-8, 0.0, 3e-8], ids=["lower", "exact", "higher"])
def test_equal_pairs_pair_alike_whatever_batch_encoded_them(noise: float) -> None:
    """The same count in two alike sentences of each article ("six were killed" twice):
    two equally good matchings.  Vectors of one text differ by ~1e-8 from one encoding
    batch to another; the matching must not."""
    candidates = [(0, 0, 0.9), (0, 1, 0.9 + noise), (1, 0, 0.9 - noise), (1, 1, 0.9)]
    assert sorted((r, c) for r, c, _ in _assign(candidates, 0.5)) == [(0, 0), (1, 1)]


def test_assignment_on_candidates_is_the_full_matrix_optimum() -> None:
    from scipy.optimize import linear_sum_assignment

    rng = np.random.default_rng(7)
    for _ in range(200):
        scores = rng.random((int(rng.integers(1, 7)), int(rng.integers(1, 7))))
        threshold = 0.6
        candidates = [
            (r, c, float(scores[r, c]))
            for r in range(scores.shape[0])
            for c in range(scores.shape[1])
            if scores[r, c] >= threshold
        ]
        gain = np.where(scores >= threshold, np.round(scores - threshold, 4) + 1e-9, 0.0)
        rows, cols = linear_sum_assignment(gain, maximize=True)
        full = sorted((int(r), int(c)) for r, c in zip(rows, cols, strict=True) if gain[r, c] > 0)
        assert sorted((r, c) for r, c, _ in _assign(candidates, threshold)) == full
