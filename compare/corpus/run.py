"""The default engine, in one process: stream, extract and encode; group; compare per event.

Memory: articles stream through in chunks of :data:`CHUNK`.  What each one
yields for comparison (its sentences, figures and claim vectors) is pickled to
a temporary spill file and read back one event at a time; what stays in memory
per article is its :class:`~compare.corpus.group.Digest` (key, date, places)
and one float32 vector of title + lead, about 1.6 kB.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, TypeVar

from compare.align.pairs import Options
from compare.corpus.event import Event, compare_event
from compare.corpus.group import NEIGHBOURS, THRESHOLD, WINDOW_DAYS, Digest, group
from compare.corpus.places import article_places
from compare.corpus.read import Source, read, sources
from compare.load import MAX_BYTES

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.pipeline import Extracted

T = TypeVar("T")
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]
CHUNK = 32  # articles extracted and encoded together: one model call per chunk
LEAD_SENTENCES = 2  # the lead is the first sentences of the text (a dateline is part of one)


@dataclass(frozen=True)
class Settings:
    """How a corpus is grouped and compared; the same for every engine."""

    threshold: float = THRESHOLD
    window: int = WINDOW_DAYS
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


@dataclass(frozen=True)
class Prepared:
    """One article after pass one: its digest, its group vector and its spilled comparison data."""

    digest: Digest
    vector: npt.NDArray[np.float32]
    blob: bytes  # pickle of (Extracted, claim vectors)


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterable[T]:
    return items


def run(paths: Sequence[str], settings: Settings, *, progress: Progress | None = None) -> Corpus:
    """Group every article under ``paths`` into events and compare each event, in one process."""
    from compare.embed import model_label

    bar = progress or _no_progress
    listed = list(sources(paths))
    with tempfile.TemporaryFile(prefix="factcompare-corpus-") as spill:
        offsets: list[tuple[int, int]] = []
        digests: list[Digest] = []
        rows: list[npt.NDArray[np.float32]] = []
        for item in bar(prepare_stream(listed, settings), len(listed), "reading"):
            offsets.append((spill.tell(), len(item.blob)))
            spill.write(item.blob)
            digests.append(item.digest)
            rows.append(item.vector)
        events = group_digests(digests, rows, settings)
        places = [event_place(digests[k] for k in members) for members in events]
        out = [
            compare_spilled(
                f"e{n + 1}", [_unspill(spill, offsets[k]) for k in members], place, settings
            )
            for n, (members, place) in enumerate(
                bar(zip(events, places, strict=True), len(events), "comparing")
            )
        ]
    return Corpus(tuple(out), len(listed), model_label(settings.model), settings)


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
        neighbours=settings.neighbours,
    )


def event_place(digests: Iterable[Digest]) -> str | None:
    """The place most of an event's articles name: a city first, else any place."""
    members = list(digests)
    for attr in ("cities", "places"):
        tally = Counter(p for d in members for p in getattr(d, attr))
        if tally:
            best: str = min(tally, key=lambda p: (-tally[p], p))
            return best
    return None


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
    places, cities = article_places(e.article, LEAD_SENTENCES)
    digest = Digest(e.article.id, e.article.published, places, cities)
    blob = pickle.dumps((e, claim_vectors), protocol=pickle.HIGHEST_PROTOCOL)
    return Prepared(digest, vector, blob)


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
