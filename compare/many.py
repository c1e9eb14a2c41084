"""Many articles at once: extract each once, embed every distinct sentence once, compare pairs.

Comparing n articles pairwise with :func:`compare.pipeline.compare_articles`
would segment and embed each article n - 1 times; here the model sees each
distinct sentence once, in one batched call, and what remains per pair is
alignment and judging, which cost little beside the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from compare.align import Options
from compare.errors import InputError
from compare.pipeline import Extracted, extract, pair_report
from compare.types import Article, Report


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
    from compare.embed import embed

    wanted = all_pairs(len(articles)) if pairs is None else list(pairs)
    for i, j in wanted:
        if not (0 <= i < len(articles) and 0 <= j < len(articles)) or i == j:
            raise InputError(f"pair ({i}, {j}) does not name two of the {len(articles)} articles")
    done: list[Extracted] = [extract(a) for a in articles]
    texts = list(dict.fromkeys(c.sentence.text for e in done for c in e.claims))
    vectors = embed(texts, model=model, cache=cache)
    row_of = {t: k for k, t in enumerate(texts)}
    per_article = [vectors[[row_of[c.sentence.text] for c in e.claims]] for e in done]
    return [
        pair_report(
            done[i],
            done[j],
            per_article[i],
            per_article[j],
            model=model,
            options=options or Options(),
        )
        for i, j in wanted
    ]
