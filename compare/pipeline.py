"""The public entry point: articles in, a Report out.  Nothing here prints.

>>> from compare.types import Article
>>> report = figures_report([Article("a", "-", "At least 27,840 Palestinians were killed.")])
>>> [(f.value, f.qualifier, f.concept) for f in report.figures]
[(27840.0, 'at_least', 'killed')]
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.embed import model_label
from compare.errors import InputError
from compare.extract.claims import claims
from compare.extract.figures import article_figures, headline_figures
from compare.extract.readings import read
from compare.extract.resources import CASUALTY_CONCEPTS
from compare.extract.situate import situate
from compare.load import MAX_BYTES, Meta, identity, load
from compare.segment import sentences, title_sentence
from compare.types import Article, Claim, Figure, Report, Row

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.align.meaning import Meaning
    from compare.align.pairs import Options

# compare.align is imported inside the functions that compare: `figures` never needs it.


@dataclass(frozen=True)
class Extracted:
    """What one article yields before any comparison."""

    article: Article
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]


def article_ids(n: int) -> list[str]:
    """'a', 'b', ... 'z', then 'a2', 'b2', ... for very long lists."""
    letters = string.ascii_lowercase
    return [letters[i % 26] + (str(i // 26 + 1) if i >= 26 else "") for i in range(n)]


def read_articles(
    paths: Sequence[str],
    *,
    metas: Sequence[Meta | None] = (),
    fmt: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> tuple[Article, ...]:
    """Load articles in argument order as a, b, c, ...; the same file twice is an error."""
    seen: dict[str, str] = {}
    for path in paths:
        key = identity(path)
        if key in seen:
            raise InputError(f"{path}: given twice (as {seen[key]!r} too); compare different files")
        seen[key] = path
    return tuple(
        load(
            path,
            article_id=aid,
            fmt=fmt,
            meta=metas[i] if i < len(metas) else None,
            max_bytes=max_bytes,
        )
        for i, (aid, path) in enumerate(zip(article_ids(len(paths)), paths, strict=True))
    )


def extract(article: Article) -> Extracted:
    """Sentences, figures and claims of one article.

    The title is read too: a figure only the headline gives is a figure (and the title a
    claim); a headline figure the body repeats is the body's, read once.
    """
    sents = sentences(article)
    body = article_figures(sents)
    title = title_sentence(article)
    heads = headline_figures(title, body) if title is not None else ()
    if heads and title is not None:
        sents = (title, *sents)
    figs = read(situate((*body, *heads), sents, article), sents, article)
    return Extracted(article, figs, claims(sents, figs))


def figures_report(articles: Sequence[Article]) -> Report:
    """Every figure of every article; no model is loaded."""
    done = [extract(a) for a in articles]
    return Report(
        articles=tuple(articles),
        figures=tuple(f for e in done for f in e.figures),
        claims=tuple(c for e in done for c in e.claims),
    )


def compare_articles(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    options: Options | None = None,
    cache: bool = True,
) -> Report:
    """Align two articles' claims and judge each pair: the discrepancy table as data.

    ``cache=False`` bypasses the on-disk vector cache (see :mod:`compare.cache`).
    """
    from compare.align.pairs import Options
    from compare.embed import prefetch

    if len(articles) != 2:
        raise InputError(f"diff compares two articles, got {len(articles)}")
    # An encoder loading early (the `diff` command's) starts on the sentences at once,
    # while their figures are read.
    prefetch([s.text for x in articles for s in sentences(x)], model=model, cache=cache)
    a, b = (extract(x) for x in articles)
    _ready_to_align()
    (va, vb), meaning = encode([a, b], model=model, cache=cache)
    return pair_report(a, b, va, vb, model=model, options=options or Options(), meaning=meaning)


def _ready_to_align() -> None:
    """Import what aligning and judging use before asking for vectors: a cold run waits for
    the encoder process there, so these imports cost it nothing, while after the vectors
    arrive every import is waited for."""
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401

    import compare.align.judge  # noqa: F401


def encode(
    done: Sequence[Extracted], *, model: str | None = None, cache: bool = True
) -> tuple[list[npt.NDArray[np.float32]], Meaning]:
    """Each article's claim vectors, and the concepts of its figures by meaning: every
    distinct sentence and concept encoded once, in one call to the model."""
    from compare.align.meaning import Meaning
    from compare.embed import embed

    texts = list(dict.fromkeys(c.sentence.text for e in done for c in e.claims))
    concepts = sorted(
        {
            f.concept
            for e in done
            for f in e.figures
            if f.concept is not None and f.concept not in CASUALTY_CONCEPTS
        }
    )
    vectors = embed([*texts, *concepts], model=model, cache=cache)
    row_of = {t: k for k, t in enumerate(texts)}
    per_article = [vectors[[row_of[c.sentence.text] for c in e.claims]] for e in done]
    meaning = Meaning({c: vectors[len(texts) + k] for k, c in enumerate(concepts)})
    return per_article, meaning


def pair_report(
    a: Extracted,
    b: Extracted,
    va: npt.NDArray[np.float32],
    vb: npt.NDArray[np.float32],
    *,
    model: str | None = None,
    options: Options | None = None,
    meaning: Meaning | None = None,
) -> Report:
    """The Report of two extracted articles whose claim vectors are already known.

    A sentence an article repeats word for word is one claim, aligned once: pasted wire
    copy that repeats a paragraph hundreds of times would otherwise make alignment
    quadratic in the article.
    """
    from compare.align.judge import judge
    from compare.align.pairs import Options, align

    options = options or Options()
    articles = (a.article, b.article)
    ka, kb = first_statements(a.claims), first_statements(b.claims)
    ca, cb = [a.claims[k] for k in ka], [b.claims[k] for k in kb]
    pairs = align(ca, cb, va[ka], vb[kb], options=options, meaning=meaning)
    return report(a, b, judge(pairs, articles), model=model, options=options)


def first_statements(claims: Sequence[Claim]) -> list[int]:
    """Positions of the claims whose sentence the article has not stated before.

    >>> from compare.types import Sentence
    >>> s = [Sentence("a", i, t, 0, 1) for i, t in enumerate(["X.", "Y.", "X."])]
    >>> first_statements([Claim("a", x) for x in s])
    [0, 1]
    """
    seen: set[str] = set()
    kept = []
    for k, claim in enumerate(claims):
        if claim.sentence.text not in seen:
            seen.add(claim.sentence.text)
            kept.append(k)
    return kept


def report(
    a: Extracted,
    b: Extracted,
    rows: tuple[Row, ...],
    *,
    model: str | None = None,
    options: Options | None = None,
) -> Report:
    """The Report of two extracted articles and their judged rows."""
    from compare.align.pairs import Options

    options = options or Options()
    return Report(
        articles=(a.article, b.article),
        figures=a.figures + b.figures,
        claims=a.claims + b.claims,
        rows=rows,
        model=model_label(model),
        options={
            "claim_threshold": options.claim_threshold,
            "figure_threshold": options.figure_threshold,
        },
    )
