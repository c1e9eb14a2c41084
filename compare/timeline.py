"""Many dated articles: per (concept, subject), the figure each reports in date order.

Articles are taken in date order.  Each article's figures are aligned with the
previous article's (``align.align``, the same one-to-one rules as ``diff``); a
figure the previous article lacks is looked for in the one before, and so on,
so that a count one outlet skipped still continues its line.  Each step is
judged with ``judge.judge_pair`` against the point it continues: update, agree
or diverge.  Lines are split by claimant, so that the health ministry's count
and the army's count are two series, never one averaged line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.align.judge import judge_pair
from compare.align.pairs import Aligner, Options
from compare.errors import InputError
from compare.extract.vocab import vocabulary
from compare.types import Article, Claim, Figure, Pair, Verdict

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.align.meaning import Meaning
    from compare.pipeline import Extracted

MIN_ARTICLES = 2
# Earlier articles scored against the current one at once, while its figures look for a line.
LOOK_BACK = 16
# Words that do not tell one claimant from another ("the local health authorities").
_CLAIMANT_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "local",
        "officials",
        "official",
        "sources",
        "source",
        "figures",
        "data",
        "office",
        "spokesman",
        "spokeswoman",
        "statement",
        "daily",
        "its",
        "their",
    }
)


@dataclass(frozen=True)
class Point:
    """One article's figure in a series; ``verdict`` is None for the series' first report."""

    article: str
    figure: Figure
    date: dt.date | None
    verdict: Verdict | None
    reason: str
    score: float | None = None  # on [0, 1], as a diff row's
    confidence: float | None = None  # the step's, as a diff row's (None for a first report)


@dataclass(frozen=True)
class Series:
    """One claimant's line for one count."""

    concept: str | None
    subject: str | None
    claimant: str | None
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Timeline:
    articles: tuple[Article, ...]  # in date order
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]
    series: tuple[Series, ...]
    model: str | None = None


@dataclass
class _Link:
    figure: Figure
    claim: Claim
    previous: _Link | None
    score: float | None
    chain: int


def timeline(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    options: Options | None = None,
    cache: bool = True,
) -> Timeline:
    """Series of figures across dated articles, each step judged against the one before.

    Raises InputError with fewer than two articles or an undated one.
    """
    from compare.embed import model_label
    from compare.pipeline import encode, extract

    if len(articles) < MIN_ARTICLES:
        raise InputError(f"a timeline needs at least {MIN_ARTICLES} articles, got {len(articles)}")
    undated = [a.path for a in articles if a.published is None]
    if undated:
        raise InputError(
            f"{undated[0]}: no publication date; a timeline needs one for every article "
            "(front matter 'published:', a .meta.json sidecar)"
        )
    ordered = sorted(articles, key=lambda a: (a.published or dt.date.max, a.id))
    done = [extract(a) for a in ordered]
    vecs, meaning = encode(done, model=model, cache=cache)
    return timeline_of(done, vecs, model=model_label(model), options=options, meaning=meaning)


def timeline_of(
    done: Sequence[Extracted],
    vecs: Sequence[npt.NDArray[np.float32]],
    *,
    model: str | None = None,
    options: Options | None = None,
    meaning: Meaning | None = None,
) -> Timeline:
    """The Timeline of extracted articles, already in date order, whose claim vectors are known.

    ``factcompare corpus`` calls this per event with what it extracted and encoded once.
    """
    ordered = [e.article for e in done]
    aligner = Aligner([e.claims for e in done], vecs, options=options or Options(), meaning=meaning)
    links: dict[str, _Link] = {}
    continued: set[str] = set()  # figures a later point already continues
    chains = 0
    for k, current in enumerate(done):
        pending = {f.id for c in current.claims for f in c.figures}
        for j in range(k - 1, -1, -1):
            if not pending:
                break  # every figure continues a line: older articles cannot change that
            if (k - 1 - j) % LOOK_BACK == 0:  # score the next stretch of earlier articles
                aligner.prepare(range(j, max(j - LOOK_BACK, -1), -1), [k], figures_only=True)
            for pair in aligner.figure_pairs(j, k):
                fa, fb = pair.fig_a, pair.fig_b
                if fa is None or fb is None or pair.b is None or fb.id in links:
                    continue
                if fa.id in continued:
                    continue
                prev = links[fa.id]
                links[fb.id] = _Link(fb, pair.b, prev, pair.score, prev.chain)
                continued.add(fa.id)
                pending.discard(fb.id)
        for claim in current.claims:
            for fig in claim.figures:
                if fig.id not in links:
                    links[fig.id] = _Link(fig, claim, None, None, chains)
                    chains += 1

    dates = {a.id: a.published for a in ordered}
    return Timeline(
        articles=tuple(ordered),
        figures=tuple(f for e in done for f in e.figures),
        claims=tuple(c for e in done for c in e.claims),
        series=_series(list(links.values()), dates),
        model=model,
    )


def claimant_key(name: str | None) -> frozenset[str]:
    """The words that tell a claimant apart.

    Names of one claimant that share no word (a capital standing for its government) meet
    through the vocabulary's [claimant_aliases].

    >>> sorted(claimant_key("the Health Ministry in Ankara"))
    ['ankara', 'health', 'ministry']
    >>> sorted(claimant_key("the authorities"))
    ['ministry']
    """
    if not name:
        return frozenset()
    words = re.findall(r"[a-z]+", name.lower().replace("'s", "").replace("\u2019s", ""))
    aliases = vocabulary().tables.get("claimant_aliases", {})
    return frozenset(aliases.get(w, w) for w in words if w not in _CLAIMANT_STOP)


def same_claimant(a: str | None, b: str | None) -> bool:
    """Unknown on a side, or a telling word in common ("Health Ministry" / "health authorities")."""
    ka, kb = claimant_key(a), claimant_key(b)
    return not ka or not kb or bool(ka & kb)


def _series(links: list[_Link], dates: dict[str, dt.date | None]) -> tuple[Series, ...]:
    by_chain: dict[int, list[_Link]] = {}
    for link in links:
        by_chain.setdefault(link.chain, []).append(link)
    out: list[Series] = []
    for chain in sorted(by_chain):
        members = sorted(
            by_chain[chain], key=lambda n: (dates[n.figure.article] or dt.date.max, n.figure.id)
        )
        concept = next((n.figure.concept for n in members if n.figure.concept), None)
        subject = next((n.figure.subject for n in members if n.figure.subject), None)
        lines: list[tuple[str | None, list[Point]]] = []
        for node in members:
            point = _point(node, dates)
            who = node.figure.attribution
            line = next((ln for ln in lines if same_claimant(ln[0], who)), None)
            if line is None:
                lines.append((who, [point]))
            else:
                if line[0] is None and who:
                    lines[lines.index(line)] = (who, line[1])
                line[1].append(point)
        out.extend(Series(concept, subject, who, tuple(points)) for who, points in lines)
    return tuple(out)


def _point(node: _Link, dates: dict[str, dt.date | None]) -> Point:
    fig = node.figure
    date = dates[fig.article]
    if node.previous is None:
        return Point(fig.article, fig, date, None, "first report", None)
    prev = node.previous
    row = judge_pair(
        Pair(prev.claim, node.claim, prev.figure, fig, node.score),
        dates,
        sides=(prev.figure.article, fig.article),
    )
    return Point(fig.article, fig, date, row.verdict, row.reason, row.score, row.confidence)
