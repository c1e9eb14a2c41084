"""What a processed corpus leaves behind, so that adding articles redoes only what they touch.

One pickle per corpus under the cache directory (``<cache>/corpus/<key>.pickle``),
keyed by the inputs as given (resolved paths) and the grouping settings.  It
keeps, per article, its key, a fingerprint of its raw bytes, its Digest (date,
places) and its title + lead vector (about 1.6 kB); per event, its members' keys
and the compared Event.  No article text is kept beyond the sentences an Event
shows.  On the next run an article whose fingerprint is unchanged is neither
extracted nor encoded; only events that gain, lose or change an article are
regrouped and compared again.  Like the vector cache, the state is an
optimisation: an unreadable file is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compare.cache import cache_dir
from compare.corpus.read import Source

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.corpus.event import Event
    from compare.corpus.group import Digest
    from compare.corpus.run import Settings

STATE_VERSION = 7  # 2: digests carry names and gazetteer places; 3: grouping rules;
# 4: digests carry their figures (rare ones mark an event); 5: groups merge as a whole;
# 6: digests keep names of where apart, and no officials' names; 7: the days they name


@dataclass(frozen=True)
class Known:
    fingerprint: str
    digest: Digest
    vector: npt.NDArray[np.float32]


@dataclass(frozen=True)
class State:
    articles: dict[str, Known]
    events: dict[tuple[str, ...], Event]  # members' keys, in input order -> its comparison


def state_path(paths: Sequence[str], settings: Settings) -> Path:
    given = "\n".join(str(Path(p).resolve()) for p in paths)
    knobs = (
        f"v{STATE_VERSION}:{settings.threshold}:{settings.window}:{settings.follow_up}:"
        f"{settings.neighbours}:"
        f"{settings.model}:{settings.options}"
    )
    key = hashlib.sha256(f"{given}\n{knobs}".encode()).hexdigest()[:24]
    return cache_dir() / "corpus" / f"{key}.pickle"


def fingerprint(source: Source) -> str:
    """sha256 of the bytes the article is read from (its file, or its record's line)."""
    with open(source.path, "rb") as handle:
        if source.offset is None:
            data = handle.read()
        else:
            handle.seek(source.offset)
            data = handle.readline()
    return hashlib.sha256(data).hexdigest()


def load_state(path: Path) -> State | None:
    try:
        with path.open("rb") as handle:
            state = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return state if isinstance(state, State) else None


def save_state(path: Path, state: State) -> None:
    """Written to a temporary sibling and renamed into place; failures are ignored."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".state-")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
