"""The default engine, in one process: stream, extract and encode; group; compare per event.

Memory: articles stream through in chunks of :data:`CHUNK`.  What each one
yields for comparison (its sentences, figures and claim vectors) is pickled to
a temporary spill file and read back one event at a time; what stays in memory
per article is its :class:`~compare.corpus.digest.Digest` (key, date, place keys, names)
and one float32 vector of title + lead, about 1.6 kB.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any, TypeVar

from compare.align.pairs import Options
from compare.corpus.digest import Digest, digest
from compare.corpus.event import Event, compare_event
from compare.corpus.group import (
    FOLLOW_UP_DAYS,
    NEIGHBOURS,
    THRESHOLD,
    WINDOW_DAYS,
    group,
    regroup,
)
from compare.corpus.read import Source, read, sources
from compare.load import MAX_BYTES

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.pipeline import Extracted

T = TypeVar("T")
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]
CHUNK = 32  # articles extracted and encoded together: one model call per chunk
# For the group vector: the lead is the first sentences of the text (a dateline is part of one).
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class Settings:
    """How a corpus is grouped and compared; the same for every engine."""

    threshold: float = THRESHOLD
    window: int = WINDOW_DAYS
    follow_up: int = FOLLOW_UP_DAYS
    neighbours: int = NEIGHBOURS
    model: str | None = None
    options: Options = field(default_factory=Options)
    cache: bool = True
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class Corpus:
    """The result: every event, in the order of their first article in the input."""

    events: tuple[Event, ...]
    articles: int
    model: str
    settings: Settings
    read: int = 0  # articles extracted and encoded in this run (the rest came from the state)
    compared: int = 0  # events compared in this run (the rest were unchanged)


@dataclass(frozen=True)
class Prepared:
    """One article after pass one: its digest, its group vector and its spilled comparison data."""

    digest: Digest
    vector: npt.NDArray[np.float32]
    blob: bytes  # pickle of (Extracted, claim vectors)


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterable[T]:
    return items


def run(paths: Sequence[str], settings: Settings, *, progress: Progress | None = None) -> Corpus:
    """Group every article under ``paths`` into events and compare each event, in one process.

    With the cache on, the corpus' state (:mod:`compare.corpus.state`) makes a
    re-run read again only new or changed articles and compare again only the
    events they touch.
    """
    import numpy as np

    from compare.corpus import state as saved
    from compare.embed import model_label

    bar = progress or _no_progress
    listed = list(sources(paths))
    where = saved.state_path(paths, settings) if settings.cache else None
    old = saved.load_state(where) if where is not None else None
    prints = [saved.fingerprint(s) if where is not None else "" for s in listed]
    known = [old.articles.get(s.key) if old else None for s in listed]
    digests: list[Digest | None] = [None] * len(listed)
    rows: list[npt.NDArray[np.float32] | None] = [None] * len(listed)
    for n, (k, fp) in enumerate(zip(known, prints, strict=True)):
        if k is not None and k.fingerprint == fp:
            digests[n], rows[n] = k.digest, k.vector
    todo = [n for n in range(len(listed)) if digests[n] is None]
    with tempfile.TemporaryFile(prefix="factcompare-corpus-") as spill:
        offsets: dict[int, tuple[int, int]] = {}
        stream = prepare_stream([listed[n] for n in todo], settings)
        for n, item in zip(todo, bar(stream, len(todo), "reading"), strict=True):
            offsets[n] = (spill.tell(), len(item.blob))
            spill.write(item.blob)
            digests[n], rows[n] = item.digest, item.vector
        ready = [d for d in digests if d is not None]
        vectors = [r for r in rows if r is not None]
        index_of = {s.key: n for n, s in enumerate(listed)}
        if old is None or not listed:
            events = group_digests(ready, vectors, settings)
        else:
            before = [[index_of[k] for k in keys if k in index_of] for keys in old.events]
            orphans = {
                index_of[k]
                for keys in old.events
                if any(k not in index_of for k in keys)
                for k in keys
                if k in index_of
            }
            events, _ = regroup(
                ready,
                np.stack(vectors).astype(np.float32, copy=False),
                before,
                set(todo) | orphans,
                threshold=settings.threshold,
                window=settings.window,
                follow_up=settings.follow_up,
                neighbours=settings.neighbours,
            )
        fresh = set(todo)
        out: list[Event] = []
        made: dict[tuple[str, ...], Event] = {}
        compared = 0
        for n, members in enumerate(bar(events, len(events), "comparing")):
            keys = tuple(listed[k].key for k in members)
            previous = old.events.get(keys) if old is not None else None
            if previous is not None and not fresh.intersection(members):
                # The same bytes may sit at another line of a records file now.
                moved = {listed[k].key: listed[k].where for k in members}
                refs = tuple(replace(a, path=moved[a.key]) for a in previous.articles)
                event = replace(previous, id=f"e{n + 1}", articles=refs)
            else:
                parts = [
                    _unspill(spill, offsets[k]) if k in offsets else _again(listed[k], settings)
                    for k in members
                ]
                place = event_place(ready[k] for k in members)
                event = compare_spilled(f"e{n + 1}", parts, place, settings)
                compared += 1
            out.append(event)
            made[keys] = event
    if where is not None:
        articles = {
            s.key: saved.Known(prints[n], ready[n], vectors[n]) for n, s in enumerate(listed)
        }
        saved.save_state(where, saved.State(articles, made))
    return Corpus(
        tuple(out), len(listed), model_label(settings.model), settings, len(todo), compared
    )


def _again(source: Source, settings: Settings) -> Any:
    """An unchanged article of a touched event: extracted again, its vectors from the cache."""
    return pickle.loads(prepare_chunk([source], settings)[0].blob)


def group_digests(
    digests: Sequence[Digest], rows: Sequence[npt.NDArray[np.float32]], settings: Settings
) -> list[list[int]]:
    import numpy as np

    if not digests:
        return []
    return group(
        digests,
        np.stack(rows).astype(np.float32, copy=False),
        threshold=settings.threshold,
        window=settings.window,
        follow_up=settings.follow_up,
        neighbours=settings.neighbours,
    )


def event_place(digests: Iterable[Digest]) -> str | None:
    """The place most of an event's articles are about (their own place), the first at a tie."""
    tally = Counter(d.place for d in digests if d.place)
    return min(tally, key=lambda p: (-tally[p], p)) if tally else None


def compare_spilled(
    event_id: str,
    parts: Sequence[tuple[Extracted, npt.NDArray[np.float32]]],
    place: str | None,
    settings: Settings,
) -> Event:
    return compare_event(
        event_id,
        [p[0] for p in parts],
        [p[1] for p in parts],
        place=place,
        model=settings.model,
        options=settings.options,
    )


def _unspill(spill: IO[bytes], at: tuple[int, int]) -> Any:
    spill.seek(at[0])
    data = spill.read(at[1])
    spill.seek(0, 2)
    return pickle.loads(data)


def prepare_stream(listed: Sequence[Source], settings: Settings) -> Iterator[Prepared]:
    """Pass one over the sources, chunk by chunk."""
    for start in range(0, len(listed), CHUNK):
        yield from prepare_chunk(listed[start : start + CHUNK], settings)


def prepare_chunk(chunk: Sequence[Source], settings: Settings) -> list[Prepared]:
    """Read, extract and encode a few articles at once: one model call for all their sentences."""
    from compare.embed import embed
    from compare.pipeline import extract

    done = [extract(read(s, max_bytes=settings.max_bytes)) for s in chunk]
    texts = [c.sentence.text for e in done for c in e.claims]
    texts += [e.article.title for e in done if e.article.title]
    vectors = embed(texts, model=settings.model, cache=settings.cache) if texts else None
    return [prepared(e, vectors, texts) for e in done]


def prepared(
    e: Extracted, vectors: npt.NDArray[np.float32] | None, texts: Sequence[str]
) -> Prepared:
    import numpy as np

    row = {t: k for k, t in enumerate(texts)}
    dim = 0 if vectors is None else vectors.shape[1]
    claim_vectors = (
        vectors[[row[c.sentence.text] for c in e.claims]]
        if vectors is not None and e.claims
        else np.zeros((0, dim), dtype=np.float32)
    )
    vector = group_vector(
        e,
        claim_vectors,
        vectors[row[e.article.title]] if vectors is not None and e.article.title else None,
        dim,
    )
    blob = pickle.dumps((e, claim_vectors), protocol=pickle.HIGHEST_PROTOCOL)
    return Prepared(digest(e), vector, blob)


def group_vector(
    e: Extracted,
    claim_vectors: npt.NDArray[np.float32],
    title: npt.NDArray[np.float32] | None,
    dim: int,
) -> npt.NDArray[np.float32]:
    """Title and lead, each a unit vector, summed and normalised: what the article is about."""
    import numpy as np

    total = np.zeros(dim, dtype=np.float32)
    lead = claim_vectors[:LEAD_SENTENCES]
    if len(lead):
        mean = lead.mean(axis=0)
        total += mean / max(float(np.linalg.norm(mean)), 1e-12)
    if title is not None:
        total += title
    norm = float(np.linalg.norm(total))
    return (total / norm if norm > 0 else total).astype(np.float32)
