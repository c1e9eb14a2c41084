"""The default engine, in one process: stream and extract; group; encode and compare per event.

Pass one streams the articles in chunks of :data:`CHUNK`: each is read and
extracted, and only its title and lead are encoded (what grouping needs).  After
grouping, pass two walks the events in order: the sentences of the events of two
or more articles are encoded a few thousand at a time (:data:`ENCODE_TEXTS`: one
model call, length-sorted batches, one read and one write of the vector cache),
then each event is compared.  The other sentences of an article that is an event
of its own are never encoded: a lone article has no rows, and its counts need no
vectors (on the GVA dev set about a tenth of the distinct sentences).

Memory: what each article yields for comparison (its sentences and figures) is
pickled to a temporary spill file and read back one window of events at a time;
what stays in memory per article is its :class:`~compare.corpus.digest.Digest`
(key, date, place keys, names) and one float32 vector of title + lead, about 1.6 kB.
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
# One article as compared: its extraction and its claims' vectors, a NaN row for a sentence
# not encoded yet (None: none encoded).
Part = tuple["Extracted", "npt.NDArray[np.float32] | None"]
CHUNK = 32  # articles extracted together, their titles and leads encoded in one model call
# Sentences encoded in one model call in pass two, across events: enough that the encoder's
# length-sorted batches pad little and the vector cache is read and written once per call
# (not per event), few enough that the window's articles stay a few MB.
ENCODE_TEXTS = 4096
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
    blob: bytes  # pickle of (Extracted, claim vectors or None when not encoded yet)


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
        out: list[Event | None] = [None] * len(events)  # filled in event order
        made: dict[tuple[str, ...], Event] = {}
        window: list[tuple[int, list[int], list[Part]]] = []  # events waiting for vectors

        def compare(n: int, members: list[int], parts: list[Part]) -> None:
            event = compare_spilled(
                f"e{n + 1}", parts, event_place(ready[k] for k in members), settings
            )
            out[n] = made[tuple(listed[k].key for k in members)] = event

        def flush() -> None:
            for waiting in with_vectors(window, settings):
                compare(*waiting)
            window.clear()

        compared = 0
        for n, members in enumerate(bar(events, len(events), "comparing")):
            keys = tuple(listed[k].key for k in members)
            previous = old.events.get(keys) if old is not None else None
            if previous is not None and not fresh.intersection(members):
                # The same bytes may sit at another line of a records file now.
                moved = {listed[k].key: listed[k].where for k in members}
                refs = tuple(replace(a, path=moved[a.key]) for a in previous.articles)
                out[n] = made[keys] = replace(previous, id=f"e{n + 1}", articles=refs)
                continue
            compared += 1
            parts = [
                _unspill(spill, offsets[k]) if k in offsets else _again(listed[k], settings)
                for k in members
            ]
            if not unencoded(parts):
                compare(n, members, parts)
                continue
            window.append((n, members, parts))
            if sum(unencoded(p) for _, _, p in window) >= ENCODE_TEXTS:
                flush()
        flush()
    if where is not None:
        articles = {
            s.key: saved.Known(prints[n], ready[n], vectors[n]) for n, s in enumerate(listed)
        }
        saved.save_state(where, saved.State(articles, made))
    return Corpus(
        tuple(e for e in out if e is not None),
        len(listed),
        model_label(settings.model),
        settings,
        len(todo),
        compared,
    )


def _again(source: Source, settings: Settings) -> Part:
    """An unchanged article of a touched event: extracted again (encoded with its event)."""
    from compare.pipeline import extract

    return extract(read(source, max_bytes=settings.max_bytes)), None


def needed(parts: Sequence[Part]) -> list[list[int]]:
    """Per article of an event, which claims' vectors its comparison reads and are not
    encoded yet.  An article on its own has no rows: none.  Two articles are a ``diff``,
    whose alignment reads every claim; three or more a timeline, which pairs figures only
    (``Aligner.figure_pairs``), reading the vectors of the sentences that hold figures."""
    import numpy as np

    if len(parts) < 2:
        return [[] for _ in parts]
    out = []
    for e, vectors in parts:
        wanted = [k for k, c in enumerate(e.claims) if len(parts) == 2 or c.figures]
        if vectors is not None:
            wanted = [k for k in wanted if np.isnan(vectors[k]).any()]
        out.append(wanted)
    return out


def unencoded(parts: Sequence[Part]) -> int:
    """How many sentences an event still needs encoded."""
    return sum(map(len, needed(parts)))


def with_vectors(
    window: Sequence[tuple[int, list[int], list[Part]]], settings: Settings
) -> list[tuple[int, list[int], list[Part]]]:
    """The window's events with the claim vectors their comparison reads, the sentences of
    all of them encoded in one call (the cache's vectors where it has them); rows no
    comparison reads stay NaN."""
    import numpy as np

    from compare.embed import embed

    wants = [needed(parts) for _, _, parts in window]
    texts = [
        parts[i][0].claims[k].sentence.text
        for (_, _, parts), want in zip(window, wants, strict=True)
        for i, ks in enumerate(want)
        for k in ks
    ]
    if not texts:
        return list(window)
    vectors = embed(texts, model=settings.model, cache=settings.cache)
    row = {t: k for k, t in enumerate(texts)}
    out = []
    for (n, members, parts), want in zip(window, wants, strict=True):
        filled: list[Part] = []
        for (e, known), ks in zip(parts, want, strict=True):
            if ks:
                if known is None:
                    known = np.full((len(e.claims), vectors.shape[1]), np.nan, np.float32)
                known = known.copy()
                known[ks] = vectors[[row[e.claims[k].sentence.text] for k in ks]]
            filled.append((e, known))
        out.append((n, members, filled))
    return out


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
    event_id: str, parts: Sequence[Part], place: str | None, settings: Settings
) -> Event:
    """One event compared.  Vectors its comparison does not read (:func:`needed`) may be
    missing or NaN: they are given as zeros."""
    import numpy as np

    dim = next((v.shape[1] for _, v in parts if v is not None), 1)
    return compare_event(
        event_id,
        [p[0] for p in parts],
        [
            np.zeros((len(e.claims), dim), np.float32) if v is None else np.nan_to_num(v, nan=0.0)
            for e, v in parts
        ],
        place=place,
        model=settings.model,
        options=settings.options,
    )


def _unspill(spill: IO[bytes], at: tuple[int, int]) -> Part:
    spill.seek(at[0])
    data = spill.read(at[1])
    spill.seek(0, 2)
    part: Part = pickle.loads(data)
    return part


def prepare_stream(listed: Sequence[Source], settings: Settings) -> Iterator[Prepared]:
    """Pass one over the sources, chunk by chunk."""
    for start in range(0, len(listed), CHUNK):
        yield from prepare_chunk(listed[start : start + CHUNK], settings, every_sentence=False)


def prepare_chunk(
    chunk: Sequence[Source], settings: Settings, *, every_sentence: bool = True
) -> list[Prepared]:
    """Read and extract a few articles at once, and encode their sentences in one model call:
    every sentence, or with ``every_sentence=False`` only what grouping needs (title and
    lead), the rest left for :func:`with_vectors` once the article's event is known."""
    from compare.embed import embed
    from compare.pipeline import extract

    done = [extract(read(s, max_bytes=settings.max_bytes)) for s in chunk]
    leads = None if every_sentence else LEAD_SENTENCES
    texts = [c.sentence.text for e in done for c in e.claims[:leads]]
    texts += [e.article.title for e in done if e.article.title]
    vectors = embed(texts, model=settings.model, cache=settings.cache) if texts else None
    return [prepared(e, vectors, texts, every_sentence=every_sentence) for e in done]


def prepared(
    e: Extracted,
    vectors: npt.NDArray[np.float32] | None,
    texts: Sequence[str],
    *,
    every_sentence: bool = True,
) -> Prepared:
    import numpy as np

    row = {t: k for k, t in enumerate(texts)}
    dim = 0 if vectors is None else vectors.shape[1]
    # Rows not encoded yet (with every_sentence=False, all but the lead) are NaN.
    claim_vectors = np.full((len(e.claims), dim), np.nan, dtype=np.float32)
    for k, c in enumerate(e.claims):
        if vectors is not None and c.sentence.text in row:
            claim_vectors[k] = vectors[row[c.sentence.text]]
    vector = group_vector(
        e,
        claim_vectors,
        vectors[row[e.article.title]] if vectors is not None and e.article.title else None,
        dim,
    )
    part: Part = (e, claim_vectors)
    blob = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
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
