"""Many articles at once: extract each once, embed every distinct sentence once, compare pairs.

Comparing n articles pairwise with :func:`compare.pipeline.compare_articles`
would segment and embed each article n - 1 times; here the model sees each
distinct sentence once, in one batched call, and what remains per pair is
alignment and judging, which cost little beside the model.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import combinations
from operator import itemgetter
from typing import TYPE_CHECKING

from compare.align.judge import judge
from compare.align.meaning import Meaning
from compare.align.pairs import Aligner, Options, Order, in_table_order
from compare.errors import InputError
from compare.pipeline import Extracted, encode, extract, report
from compare.types import Article, Report, Row

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


def all_pairs(n: int) -> list[tuple[int, int]]:
    """Every unordered pair of n articles, in argument order.

    >>> all_pairs(3)
    [(0, 1), (0, 2), (1, 2)]
    """
    return list(combinations(range(n), 2))


def compare_many(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    options: Options | None = None,
    pairs: Iterable[tuple[int, int]] | None = None,
    cache: bool = True,
) -> list[Report]:
    """One Report per pair of articles (all pairs by default), each sentence embedded once.

    ``pairs`` are indices into ``articles``; a Report's articles keep their ids,
    so that figure ids stay unique across the whole set.
    """
    wanted = all_pairs(len(articles)) if pairs is None else list(pairs)
    for i, j in wanted:
        if not (0 <= i < len(articles) and 0 <= j < len(articles)) or i == j:
            raise InputError(f"pair ({i}, {j}) does not name two of the {len(articles)} articles")
    done: list[Extracted] = [extract(a) for a in articles]
    per_article, meaning = encode(done, model=model, cache=cache)
    return compare_extracted(
        done, per_article, wanted, model=model, options=options, meaning=meaning
    )


def compare_extracted(
    done: Sequence[Extracted],
    vectors: Sequence[npt.NDArray[np.float32]],
    pairs: Sequence[tuple[int, int]],
    *,
    model: str | None = None,
    options: Options | None = None,
    meaning: Meaning | None = None,
) -> list[Report]:
    """The Reports of ``pairs`` of extracted articles whose claim vectors are known:
    alignment and judging only, each article scored against all its partners at once."""
    options = options or Options()
    aligner = Aligner([e.claims for e in done], vectors, options=options, meaning=meaning)
    partners: dict[int, list[int]] = {}
    for i, j in pairs:
        partners.setdefault(i, []).append(j)
    alone: dict[tuple[int, str], tuple[tuple[Order, Row], ...]] = {}

    def rows_alone(k: int, side: str) -> tuple[tuple[Order, Row], ...]:
        """Article k's lone figures and claims, judged once for every comparison."""
        if (k, side) not in alone:
            items = aligner.alone(k, side).items
            rows = judge([pair for _, pair in items], [done[k].article])
            alone[k, side] = tuple(zip((key for key, _ in items), rows, strict=True))
        return alone[k, side]

    reports = []
    with _collector_paused():
        for i, j in pairs:
            if i in partners:
                aligner.prepare([i], partners.pop(i))
            parts = aligner.parts(i, j)
            lone_a, lone_b = rows_alone(i, "A"), rows_alone(j, "B")
            if parts is None:  # nothing pairs: every row was judged before
                rows = tuple(map(itemgetter(1), lone_a + lone_b))
            else:
                made = judge([p for _, p in parts.pairs], (done[i].article, done[j].article))
                rows = in_table_order(parts, made, lone_a, lone_b)
            reports.append(report(done[i], done[j], rows, model=model, options=options))
    return reports


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while reports pile up.

    Reports are frozen dataclasses without cycles, yet every few thousand new
    objects the collector walks the growing heap again: on 4,950 reports (model
    loaded) alignment and judging took 0.35 to 0.65 s with it, 0.33 to 0.34 s
    without.  Reference counting still frees everything as usual meanwhile.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            # All that was made meanwhile sits in the youngest generation, which the next
            # collection would walk whole (20 ms here).  freeze() + unfreeze() moves it to
            # the oldest generation, as if it had survived, without walking it.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
