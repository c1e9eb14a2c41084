"""Articles into events: what happened (title + lead vectors, rare names), where (places)
and when (dates).

Candidate links come from an approximate nearest-neighbour index (usearch, HNSW),
each article scored against its :data:`NEIGHBOURS` closest articles, and from the
rare names two articles share (an inverted index: a name that at most
:data:`RARE_NAME` articles use links only those), never from all pairs.  A figure
few articles report ("injured=13", "block=1200": :mod:`compare.corpus.digest`)
counts as a rare name: it gained recall at no cost in precision on GVA (B-cubed F1
.897 to .902).  A link
scores the cosine of the two title + lead vectors plus :data:`NAME_WEIGHT` per rare
name shared (three at most).  Links are taken strongest first and merge two groups
when the score reaches the threshold, the places fit and the dates fit.

Dates: the two articles are at most ``window`` days apart, by their dates or the days
their texts name (:func:`nearest`: a follow-up names the day of its event, "the Feb. 6
shooting", and such a link stretches the group to the two articles' dates; on GVA, 167 of
the 305 reports published more than three days after their incident name its day, and
B-cubed recall rose .867 to .918 for precision .979 to .974); the rare names they share
that mark one event (not the names of where, a town's county or hospital: see
:mod:`compare.corpus.digest`) stretch that, as follow-ups name the people, the storm or
the product of the first
report: one name, two weeks (:data:`ONE_NAME_DAYS`: the funeral, the arrest, the recall's
next step); :data:`NAMES_FOR_FOLLOW_UP` names, ``follow_up`` days; :data:`NAMES_FOR_LATE`
names and close wording (:data:`LATE_COSINE`), :data:`LATE_DAYS` (the trial, the
verdict, the sentence: the victim's, the accused's and the street's names).
A company's next quarter told with the same executives in other words stays apart.  A
group never spans more than the longest window its links allow.  A follow-up window no
longer than the window turns the name rules off.

Places: the groups' regions must not lie apart, unless the two articles share
:data:`NAMES_OVER_PLACES` rare names within the window: a town name the gazetteer
resolved to a namesake in another region ("Toledo" in Iowa, not Ohio) would otherwise
part two reports of one event.

Single linkage with constraints: chains of look-alike reports from different regions
cannot grow into one event.  Two groups of two or more articles merge only when their
centroids (the mean of their title + lead vectors) are as close as
:data:`GROUPS_COSINE`, or the link shares :data:`NAMES_FOR_GROUPS` rare names: one
look-alike pair would otherwise chain two events of one town and month (two children
shot in one city weeks apart) into one.  A lone article joins a group on its link
alone.  Every article ends in exactly one event; an article that links to nothing is
an event of one.

Tuned on the GVA dev set (1,259 articles, 481 incidents; bench/RESULTS.md "Corpus"):
a name is rare while at most 10 of its 1,259 articles use it (a long story's victims and
accused are named in a dozen reports; with groups merged whole, counting names used by
up to 10 articles rather than 5 moved B-cubed recall .877 to .906 for precision .958 to
.929);
the two weeks for one name and two years for four came from the same-incident pairs the
3-day window parted (funerals and arrests within days, trials a year or more later);
they are the news cycle of any event told through its people's names, not of
shootings alone.

Places are compared by region (country and first-level division: "US>a1:OH"), as
the reports of one event name its town, its county or a neighbourhood in turn.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.corpus.digest import Digest

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Digest", "Link", "group", "links", "regroup"]

# Tuned on the GVA dev set (bench/corpus.py --tune, bench/RESULTS.md "Corpus").
THRESHOLD = 0.5  # link score below which two articles stay apart
WINDOW_DAYS = 3  # two articles further apart in publication date stay apart...
FOLLOW_UP_DAYS = 60  # ...unless they share rare names: then up to this many days
NAMES_FOR_FOLLOW_UP = 2  # rare names two articles must share for the longer window
# ...and for two reports within the window whose places were read as different regions: a
# town name the gazetteer resolved to a namesake elsewhere ("Toledo" in Iowa, not Ohio).
NAMES_OVER_PLACES = 2
NAMES_FOR_LATE = 3  # rare names that carry a link up to LATE_DAYS (trial, sentence, verdict)
LATE_DAYS = 730
LATE_COSINE = 0.5  # ...when their wording is close too (a company's next quarter is not)
ONE_NAME_DAYS = 14
GROUPS_COSINE = 0.75  # two groups' centroids at least this close merge on one link...
NAMES_FOR_GROUPS = 4  # ...or the link shares this many rare names
NAME_WEIGHT = 0.2  # added to the cosine per rare name two articles share
# Below this cosine two articles are about different things, whatever names they share (on
# bench/pairs, a jobs report that names a failed bank joined the bank's reports at 0.16);
# on GVA, where every article is about a shooting, it cost B-cubed recall .003.
MIN_COSINE = 0.2
MAX_NAMES = 3  # names counted per link
RARE_NAME = 10  # a name that more articles use identifies no event (of 1,259 on GVA)
NEIGHBOURS = 24  # nearest articles each article is scored against
_EXACT_BELOW = 64  # small corpora are searched exactly (same neighbours, no graph to build)
_REGION_DEPTH = 2  # "US>a1:OH": country and first-level division


@dataclass(frozen=True)
class Link:
    """A candidate link between articles ``i`` < ``j``."""

    score: float
    i: int
    j: int
    names: int  # rare names the two share, of where included
    # of those, the names that mark one event and carry a follow-up beyond the window:
    # people, streets, storms and rare figures, not names of where ("Cook County")
    marks: int

    @property
    def cosine(self) -> float:
        """The two title + lead vectors' cosine (the score without the names' weight)."""
        return self.score - NAME_WEIGHT * min(self.names, MAX_NAMES)


@dataclass(frozen=True)
class Rules:
    """When a link may merge two groups."""

    threshold: float = THRESHOLD
    window: int = WINDOW_DAYS
    follow_up: int = FOLLOW_UP_DAYS

    def days(self, link: Link) -> int:
        """How far apart the two articles of ``link`` may be published."""
        if self.follow_up <= self.window or not link.marks:
            return self.window  # follow-ups off (a follow-up window no longer than the window)
        if link.marks >= NAMES_FOR_LATE and link.cosine >= LATE_COSINE:
            return max(self.follow_up, LATE_DAYS)
        if link.marks >= NAMES_FOR_FOLLOW_UP:
            return self.follow_up
        return min(max(self.window, ONE_NAME_DAYS), self.follow_up)

    def span(self, link: Link) -> int:
        """How many days a group may span after ``link`` joins it."""
        return max(self.follow_up, self.days(link))

    def places_apart_ok(self, link: Link, gap: int) -> bool:
        """Whether ``link`` may join groups whose places lie apart."""
        return link.names >= NAMES_OVER_PLACES and gap <= self.window


def group(
    digests: Sequence[Digest],
    vectors: npt.NDArray[np.float32],
    *,
    threshold: float = THRESHOLD,
    window: int = WINDOW_DAYS,
    follow_up: int = FOLLOW_UP_DAYS,
    neighbours: int = NEIGHBOURS,
) -> list[list[int]]:
    """Events as lists of indices into ``digests``, each list sorted, events by first member.

    ``vectors`` holds one unit-length row per digest (title + lead).
    """
    rules = Rules(threshold, max(0, window), max(window, follow_up))
    found = links(digests, vectors, neighbours=neighbours)
    return _join(digests, vectors, list(range(len(digests))), found, rules)


def _join(
    digests: Sequence[Digest],
    vectors: npt.NDArray[np.float32],
    members: Sequence[int],
    found: Sequence[Link],
    rules: Rules,
) -> list[list[int]]:
    """Union-find over the links among ``members``, strongest first, within the rules."""
    import numpy as np

    inside = set(members)
    total = {i: vectors[i].astype(np.float64) for i in members}  # a group's summed vectors
    parent = {i: i for i in members}
    groups: dict[int, list[int]] = {i: [i] for i in members}
    regions: dict[int, frozenset[str]] = {i: _regions(digests[i].places) for i in members}
    span: dict[int, tuple[dt.date | None, dt.date | None]] = {
        i: (digests[i].published, digests[i].published) for i in members
    }

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in found:
        if link.score < rules.threshold:
            break
        if link.i not in inside or link.j not in inside:
            continue
        ri, rj = find(link.i), find(link.j)
        if ri == rj:
            continue
        gap = nearest(digests[link.i], digests[link.j])
        if not _compatible(regions[ri], regions[rj]) and not rules.places_apart_ok(link, gap):
            continue
        merged = _merged_span(span[ri], span[rj])
        # A link stretches a group no further than its own window allows, or than its two
        # articles' dates when it holds by a day one names (a trial's report months later);
        # a group a late link made long takes in what falls within its span.
        a, b = digests[link.i].published, digests[link.j].published
        own = 0 if a is None or b is None else abs((a - b).days)
        longest = max(rules.span(link), _days(span[ri]), _days(span[rj]), own)
        if gap > rules.days(link) or _days(merged) > longest:
            continue
        if min(len(groups[ri]), len(groups[rj])) > 1 and link.names < NAMES_FOR_GROUPS:
            a_sum, b_sum = total[ri], total[rj]
            norms = float(np.linalg.norm(a_sum) * np.linalg.norm(b_sum))
            if not norms or float(a_sum @ b_sum) / norms < GROUPS_COSINE:
                continue
        if len(groups[ri]) < len(groups[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        groups[ri].extend(groups.pop(rj))
        regions[ri] = regions[ri] | regions.pop(rj)
        span[ri] = merged
        del span[rj]
        total[ri] = total[ri] + total.pop(rj)
    return sorted((sorted(m) for m in groups.values()), key=lambda m: m[0])


def nearest(a: Digest, b: Digest) -> int:
    """How many days apart two articles are: the nearest of each one's date and the days
    its text names.  A follow-up names the day of its event ("the Feb. 6 shooting", "the
    fire of 8 August"): a trial's report months later is a day from the first report.

    >>> first = Digest("a", dt.date(2014, 2, 7))
    >>> trial = Digest("b", dt.date(2014, 9, 3), days=frozenset({dt.date(2014, 2, 6)}))
    >>> nearest(first, trial)
    1
    """
    if a.published is None or b.published is None:
        return 0
    return min(abs((x - y).days) for x in (a.published, *a.days) for y in (b.published, *b.days))


def links(
    digests: Sequence[Digest], vectors: npt.NDArray[np.float32], *, neighbours: int = NEIGHBOURS
) -> list[Link]:
    """Candidate links (nearest neighbours and shared rare names), strongest first."""
    sims = candidate_links(vectors, neighbours=neighbours)
    pairs = {(i, j): s for s, i, j in sims}
    users: dict[tuple[bool, str], list[int]] = defaultdict(list)  # (marks an event?, name)
    for n, d in enumerate(digests):
        for name in d.names | d.figures:  # a rare figure ("injured=13") marks an event too
            users[True, name].append(n)
        for name in d.where:
            users[False, name].append(n)
    rare: list[set[tuple[bool, str]]] = [set() for _ in digests]
    for used, who in users.items():
        if 1 < len(who) <= RARE_NAME:
            for n in who:
                rare[n].add(used)
            for a in range(len(who)):
                for b in range(a + 1, len(who)):
                    pair = (who[a], who[b])
                    if pair not in pairs:
                        pairs[pair] = float(vectors[who[a]] @ vectors[who[b]])
    found = []
    for (i, j), sim in pairs.items():
        if sim < MIN_COSINE:
            continue  # names alone: a jobs report that mentions a bank's failure
        shared = rare[i] & rare[j]
        marks = sum(1 for event, _ in shared if event)
        score = sim + NAME_WEIGHT * min(len(shared), MAX_NAMES)
        found.append(Link(score, i, j, len(shared), marks))
    return sorted(found, key=lambda k: (-k.score, k.i, k.j))


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
        _ray_runtime_first()
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


@lru_cache(maxsize=1)  # once per process: a library loaded stays loaded
def _ray_runtime_first() -> None:
    """Load Ray's core library before usearch's when Ray is installed.

    Both wheels link their own copy of the C++ runtime.  Whichever loads first
    defines the runtime's process-wide (GNU unique) objects, and Ray's runtime does
    not work with usearch's: once usearch is loaded, a later ``ray.init`` in the same
    process aborts the interpreter (``std::regex_error``, no Python traceback).  That
    is the default engine grouping a corpus, then the Ray engine in the same program
    (a test, a notebook, the bench).  Loading ``_raylet`` with ``ctypes`` (local
    symbols, no Ray import, about 25 ms) first lets both work.
    """
    import ctypes
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("ray")
    if spec is None or spec.origin is None:
        return
    for library in Path(spec.origin).parent.glob("_raylet*.so"):
        ctypes.CDLL(str(library))


def _regions(places: frozenset[str]) -> frozenset[str]:
    return frozenset(">".join(p.split(">")[:_REGION_DEPTH]) for p in places)


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown on a side, or a region of one not apart from a region of the other: the same,
    one in the other, or keyed two ways ("IN>s:IN-OD", Odisha by its ISO code, and
    "IN>a1:21", the GeoNames region of its town Balasore), as alignment compares places."""
    from compare.extract.places import relation

    return not a or not b or any(relation(x, y) != "apart" for x in a for y in b)


def _merged_span(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> tuple[dt.date | None, dt.date | None]:
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
    follow_up: int = FOLLOW_UP_DAYS,
    neighbours: int = NEIGHBOURS,
) -> tuple[list[list[int]], set[int]]:
    """Events after ``fresh`` articles joined a grouped corpus whose events were ``old``.

    An old event is touched when a fresh article is among its members or links
    to one of them (a candidate link that passes the threshold, the dates and
    the places); touched events and fresh articles are grouped again, the rest
    stay as they were.  Returns the events and the articles grouped again.
    """
    rules = Rules(threshold, max(0, window), max(window, follow_up))
    found = links(digests, vectors, neighbours=neighbours)
    event_of = {k: n for n, members in enumerate(old) for k in members}
    touched = {event_of[k] for k in fresh if k in event_of}
    for link in found:
        if link.score < rules.threshold:
            break
        for new, other in ((link.i, link.j), (link.j, link.i)):
            if new in fresh and other in event_of and other not in fresh:
                a, b = digests[new], digests[other]
                gap = nearest(a, b)
                near = _compatible(_regions(a.places), _regions(b.places))
                if (near or rules.places_apart_ok(link, gap)) and gap <= rules.days(link):
                    touched.add(event_of[other])
    redo = sorted(fresh | {k for n in touched for k in old[n]})
    kept = [sorted(m) for n, m in enumerate(old) if n not in touched and m]
    kept += _join(digests, vectors, redo, found, rules) if redo else []
    events = sorted(kept, key=lambda m: m[0])
    return events, set(redo)
