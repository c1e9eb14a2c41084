"""An on-disk cache of sentence vectors, so that a repeat run never loads the model.

One SQLite file (WAL journal, so concurrent runs read while one writes) under
the user cache directory: ``$FACTCOMPARE_CACHE_DIR``, else
``$XDG_CACHE_HOME/factcompare``, else ``~/.cache/factcompare``.  A row is keyed
by the model's identity (its resolved name or path plus a fingerprint of its
files, see :func:`model_key`) and the sha256 of the sentence text; it holds the
float32 unit vector.  Past :data:`MAX_CACHE_MB` the least recently used rows go.

The cache is an optimisation, never a source of errors: a corrupt file is
replaced, a locked or unwritable one is skipped, and either way the caller
simply computes the vectors it did not get.  A file is checked when it is opened
(its table has the columns written here) and whenever a read or write finds it
damaged; a rebuild is announced by one :class:`CacheRebuilt` warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MAX_CACHE_MB = 256  # least recently used vectors are evicted past this size
CACHE_FILE = "embeddings.sqlite3"
CACHE_VERSION = 1  # bump when the stored vectors would change meaning
BUSY_TIMEOUT_S = 10.0  # how long a run waits for a concurrent writer before skipping the cache
_EVICT_TO = 0.8  # after eviction the cache holds at most this share of the bound
_HASHED_FILE_BYTES = 1 << 20  # model files up to this size are fingerprinted by content
_ROW_OVERHEAD = 48  # SQLite's per-row bookkeeping, roughly, beside the key and vector bytes
_ONE_ROW = f"(length(vector) + length(model) + 32 + {_ROW_OVERHEAD})"
_ROW_BYTES = f"sum({_ONE_ROW})"

_COLUMNS = ("model", "text_sha256", "vector", "used")


class CacheRebuilt(UserWarning):
    """The cache file could not be read and was replaced by an empty one."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    text_sha256 BLOB NOT NULL,
    vector BLOB NOT NULL,
    used REAL NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used);
"""


def cache_dir() -> Path:
    """Where the cache lives; ``FACTCOMPARE_CACHE_DIR`` overrides the user cache directory."""
    override = os.environ.get("FACTCOMPARE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return user_cache_dir()


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/factcompare``, else ``~/.cache/factcompare``: the vector cache's
    default home, and that of the model's ONNX export (:mod:`compare.onnx_encoder`)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "factcompare"


def model_key(target: str) -> str:
    """The identity of a model as the cache sees it: a name, or a path and its files' fingerprint.

    A local model directory is fingerprinted by the content of its small files
    (configs, tokenizer) and the size and modification time of its large ones
    (weights), so that replacing the model at the same path invalidates its
    vectors.  A hub name stands for itself.
    """
    path = Path(target)
    if not path.is_dir():
        return f"v{CACHE_VERSION}:{target}"
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
        stat = file.stat()
        digest.update(file.relative_to(path).as_posix().encode())
        if stat.st_size <= _HASHED_FILE_BYTES:
            digest.update(hashlib.sha256(file.read_bytes()).digest())
        else:
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"v{CACHE_VERSION}:{path.resolve()}:{digest.hexdigest()[:32]}"


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class VectorCache:
    """Get and put unit vectors of sentence texts for one model.

    >>> import numpy as np, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     cache = VectorCache("v1:demo", directory=Path(d))
    ...     cache.put({"Hello.": np.array([0.6, 0.8], dtype=np.float32)})
    ...     found = cache.get(["Hello.", "Bye."])
    ...     cache.close()
    >>> sorted(found), found["Hello."].tolist()
    (['Hello.'], [0.6000000238418579, 0.800000011920929])
    """

    def __init__(
        self, model: str, *, directory: Path | None = None, max_bytes: int = MAX_CACHE_MB << 20
    ) -> None:
        self.model = model
        self.path = (directory or cache_dir()) / CACHE_FILE
        self.max_bytes = max_bytes
        self.clock: Callable[[], float] = time.time  # when a row was last used, for LRU
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._rebuilt = False

    # -- connection ------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        """The open database, (re)built when missing or corrupt; None when unusable."""
        if self._opened:
            return self._db
        self._opened = True
        for attempt in range(2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.OperationalError:
                break  # locked by another run, or no room: skip the cache this time
            except sqlite3.DatabaseError as err:
                # Not a database (truncated, overwritten, foreign file): start afresh, once.
                self.close()
                if attempt == 0 and not self._discard(err):
                    break
            except OSError:
                break
        self._db = None
        return None

    def _rebuild(self, err: sqlite3.DatabaseError) -> sqlite3.Connection | None:
        """After damage found in use ("database disk image is malformed"): start afresh,
        at most once per cache object; a lock or a full disk is no damage."""
        if isinstance(err, sqlite3.OperationalError) or self._rebuilt:
            return None
        self.close()
        if not self._discard(err):
            return None
        self._opened = False
        return self._connect()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            # Set before the first table exists, so that evicted pages are returned to the disk.
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            columns = tuple(row[1] for row in db.execute("PRAGMA table_info(vectors)"))
            if columns and columns != _COLUMNS:  # another program's table of the same name
                raise sqlite3.DatabaseError(f"its table vectors has columns {columns}")
            db.executescript(_SCHEMA)
            db.execute("SELECT 1 FROM vectors LIMIT 1").fetchall()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _discard(self, err: sqlite3.DatabaseError) -> bool:
        """Remove a corrupt cache file and its journals, with one warning; False if that
        was not possible."""
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    self.path.with_name(self.path.name + suffix).unlink()
        except OSError:
            return False
        self._rebuilt = True
        warnings.warn(
            CacheRebuilt(f"the vector cache {self.path} was unreadable ({err}); rebuilt it"),
            stacklevel=3,
        )
        return True

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def __enter__(self) -> VectorCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and writing -----------------------------------------------------------

    def get(self, texts: Iterable[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The cached vector of each text that has one; the rest are simply absent."""
        import numpy as np

        wanted = {text_key(t): t for t in texts}
        db = self._connect()
        if db is None or not wanted:
            return {}
        keys = list(wanted)
        found: dict[str, npt.NDArray[np.float32]] = {}
        try:
            for start in range(0, len(keys), 500):  # stay under SQLite's variable limit
                chunk = keys[start : start + 500]
                rows = db.execute(
                    "SELECT text_sha256, vector FROM vectors WHERE model = ? AND text_sha256 IN "
                    f"({','.join('?' * len(chunk))})",
                    [self.model, *chunk],
                ).fetchall()
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.size and np.isfinite(vector).all():
                        found[wanted[key]] = vector
            if found:
                now = self.clock()
                db.execute("BEGIN")
                db.executemany(
                    "UPDATE vectors SET used = ? WHERE model = ? AND text_sha256 = ?",
                    [(now, self.model, text_key(t)) for t in found],
                )
                db.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            self._rollback(db)
            self._rebuild(err)
            return found
        return found

    def put(self, vectors: Mapping[str, npt.NDArray[np.float32]]) -> None:
        """Store vectors, then evict the least recently used rows if the cache grew too big."""
        db = self._connect()
        if db is None or not vectors:
            return
        try:
            self._put(db, vectors)
        except sqlite3.DatabaseError as err:
            self._rollback(db)
            fresh = self._rebuild(err)
            if fresh is not None:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self._put(fresh, vectors)

    def _put(self, db: sqlite3.Connection, vectors: Mapping[str, npt.NDArray[np.float32]]) -> None:
        import numpy as np

        now = self.clock()
        rows = [
            (self.model, text_key(t), np.ascontiguousarray(v, dtype=np.float32).tobytes(), now)
            for t, v in vectors.items()
        ]
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT OR REPLACE INTO vectors (model, text_sha256, vector, used) VALUES (?, ?, ?, ?)",
            rows,
        )
        self._evict(db)
        db.execute("COMMIT")

    def size(self) -> int:
        """Bytes the stored rows take (keys, vectors, bookkeeping), as the bound counts them."""
        db = self._connect()
        if db is None:
            return 0
        try:
            return int(db.execute(f"SELECT {_ROW_BYTES} FROM vectors").fetchone()[0] or 0)
        except sqlite3.DatabaseError:
            return 0

    def __len__(self) -> int:
        db = self._connect()
        if db is None:
            return 0
        try:
            return int(db.execute("SELECT count(*) FROM vectors").fetchone()[0])
        except sqlite3.DatabaseError:
            return 0

    def _evict(self, db: sqlite3.Connection) -> None:
        total = int(db.execute(f"SELECT {_ROW_BYTES} FROM vectors").fetchone()[0] or 0)
        if total <= self.max_bytes:
            return
        # The least recently used rows whose sizes add up to the excess, in one statement.
        excess = total - int(self.max_bytes * _EVICT_TO)
        db.execute(
            "DELETE FROM vectors WHERE (model, text_sha256) IN ("
            " SELECT model, text_sha256 FROM ("
            f"  SELECT model, text_sha256, {_ONE_ROW} AS size,"
            f"         sum({_ONE_ROW}) OVER (ORDER BY used, text_sha256) AS run FROM vectors)"
            " WHERE run - size < ?)",
            (excess,),
        )
        db.execute("PRAGMA incremental_vacuum")

    @staticmethod
    def _rollback(db: sqlite3.Connection) -> None:
        with contextlib.suppress(sqlite3.Error):
            if db.in_transaction:
                db.execute("ROLLBACK")
