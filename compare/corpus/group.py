"""Articles into events: what happened (title + lead vectors), where (places) and when (dates).

Neighbours come from an approximate nearest-neighbour index (usearch, HNSW), so
each article is scored against its :data:`NEIGHBOURS` closest articles, never
against all pairs.  Candidate links are taken strongest first and merge two
groups only when the merged group still names one place and fits the date
window (single linkage with constraints): chains of look-alike reports from
different towns on different days cannot grow into one event.  Every article
ends in exactly one event; an article that links to nothing is an event of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Tuned on the GVA dev set (bench/corpus.py, bench/RESULTS.md "Corpus").
THRESHOLD = 0.45  # cosine of title + lead vectors below which two articles stay apart
WINDOW_DAYS = 3  # two articles further apart in publication date stay apart
NEIGHBOURS = 24  # nearest articles each article is scored against
_EXACT_BELOW = 64  # small corpora are searched exactly (same neighbours, no graph to build)


@dataclass(frozen=True)
class Digest:
    """What grouping keeps of one article: no text, only its date, places and vector row."""

    key: str
    published: dt.date | None
    places: frozenset[str]
    cities: frozenset[str]


def group(
    digests: Sequence[Digest],
    vectors: npt.NDArray[np.float32],
    *,
    threshold: float = THRESHOLD,
    window: int = WINDOW_DAYS,
    neighbours: int = NEIGHBOURS,
) -> list[list[int]]:
    """Events as lists of indices into ``digests``, each list sorted, events by first member.

    ``vectors`` holds one unit-length row per digest (title + lead).
    """
    n = len(digests)
    if n == 0:
        return []
    edges = candidate_links(vectors, neighbours=neighbours)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cities: dict[int, frozenset[str]] = {i: d.cities for i, d in enumerate(digests)}
    places: dict[int, frozenset[str]] = {i: d.places for i, d in enumerate(digests)}
    span: dict[int, tuple[dt.date | None, dt.date | None]] = {
        i: (d.published, d.published) for i, d in enumerate(digests)
    }

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for sim, i, j in edges:
        if sim < threshold:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if not _compatible(cities[ri], cities[rj]) or not _compatible(places[ri], places[rj]):
            continue
        merged = _merged_span(span[ri], span[rj])
        if merged is None or _days(merged) > window:
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
        cities[ri] = cities[ri] | cities.pop(rj)
        places[ri] = places[ri] | places.pop(rj)
        span[ri] = merged
        del span[rj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def candidate_links(
    vectors: npt.NDArray[np.float32], *, neighbours: int = NEIGHBOURS
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) with i < j for each article's nearest neighbours, strongest first."""
    import numpy as np

    n = vectors.shape[0]
    k = min(neighbours + 1, n)
    if n < _EXACT_BELOW:
        sims = vectors @ vectors.T
        order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        keys = order
        dist = 1.0 - np.take_along_axis(sims, order, axis=1)
    else:
        from usearch.index import Index

        index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32")
        index.add(np.arange(n, dtype=np.uint64), vectors, threads=1)
        found = index.search(vectors, k, threads=1)
        keys, dist = found.keys, found.distances
    edges: dict[tuple[int, int], float] = {}
    for i in range(n):
        for key, d in zip(keys[i], dist[i], strict=True):
            j = int(key)
            if j == i or j < 0 or j >= n:
                continue
            pair = (i, j) if i < j else (j, i)
            edges[pair] = max(edges.get(pair, -1.0), 1.0 - float(d))
    return sorted(((s, i, j) for (i, j), s in edges.items()), key=lambda e: (-e[0], e[1], e[2]))


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown on a side, or a place in common."""
    return not a or not b or bool(a & b)


def _merged_span(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> tuple[dt.date | None, dt.date | None] | None:
    lows = [d for d in (a[0], b[0]) if d is not None]
    highs = [d for d in (a[1], b[1]) if d is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def _days(span: tuple[dt.date | None, dt.date | None]) -> int:
    low, high = span
    return 0 if low is None or high is None else (high - low).days


def regroup(
    digests: Sequence[Digest],
    vectors: npt.NDArray[np.float32],
    old: Sequence[Sequence[int]],
    fresh: set[int],
    *,
    threshold: float = THRESHOLD,
    window: int = WINDOW_DAYS,
    neighbours: int = NEIGHBOURS,
) -> tuple[list[list[int]], set[int]]:
    """Events after ``fresh`` articles joined a grouped corpus whose events were ``old``.

    An old event is touched when a fresh article is among its members or links
    to one of them (a candidate link that passes the threshold, the window and
    the places); touched events and fresh articles are grouped again, the rest
    stay as they were.  Returns the events and the articles grouped again.
    """
    import numpy as np

    event_of = {k: n for n, members in enumerate(old) for k in members}
    touched = {event_of[k] for k in fresh if k in event_of}
    for sim, i, j in candidate_links(vectors, neighbours=neighbours):
        if sim < threshold:
            break
        for new, other in ((i, j), (j, i)):
            if new in fresh and other in event_of and other not in fresh:
                a, b = digests[new], digests[other]
                dates = _merged_span((a.published,) * 2, (b.published,) * 2)
                if (
                    _compatible(a.cities, b.cities)
                    and _compatible(a.places, b.places)
                    and dates is not None
                    and _days(dates) <= window
                ):
                    touched.add(event_of[other])
    redo = sorted(fresh | {k for n in touched for k in old[n]})
    kept = [sorted(m) for n, m in enumerate(old) if n not in touched and m]
    if redo:
        sub = group(
            [digests[k] for k in redo],
            np.ascontiguousarray(vectors[redo]),
            threshold=threshold,
            window=window,
            neighbours=neighbours,
        )
        kept += [[redo[k] for k in members] for members in sub]
    events = sorted(kept, key=lambda m: m[0])
    return events, set(redo)
