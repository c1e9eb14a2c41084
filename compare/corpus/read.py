"""Corpus inputs as a stream: files, directories (recursively) and JSONL files of records.

Nothing is read ahead: :func:`sources` names each article (a file, or one line
of a JSONL file with its byte offset) and :func:`read` loads one when asked, so
that a corpus far larger than memory is walked one article at a time and any
article can be read again later from its :class:`Source`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare.errors import InputError
from compare.load import MAX_BYTES, load, parse_date
from compare.types import Article

# The article files load() reads, by suffix; .jsonl is a file of records here.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json"})
RECORDS_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Source:
    """Where one article lives: a file, or the record at ``offset`` of a JSONL file."""

    key: str  # the article's id in the corpus: the record's id, else path or path:line
    path: str
    offset: int | None = None  # byte offset of the record's line in a JSONL file
    line: int | None = None

    @property
    def where(self) -> str:
        """The article's path as reports show it: ``file`` or ``file:line``."""
        return self.path if self.line is None else f"{self.path}:{self.line}"


def sources(paths: Sequence[str]) -> Iterator[Source]:
    """Every article under ``paths`` in a stable order (directories walked sorted).

    An id seen twice is an InputError: events and figures are keyed by it.
    """
    seen: set[str] = set()
    for given in paths:
        for source in _walk(given):
            if source.key in seen:
                raise InputError(f"{source.path}: article id {source.key!r} appears twice")
            seen.add(source.key)
            yield source


def _walk(given: str) -> Iterator[Source]:
    path = Path(given)
    if not path.exists():
        raise InputError(f"{given}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p))
        for file in files:
            yield from _file(file)
        return
    yield from _file(path)


def _is_input(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.endswith(".meta.json"):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES | {RECORDS_SUFFIX}


def _file(path: Path) -> Iterator[Source]:
    if path.suffix.lower() != RECORDS_SUFFIX:
        yield Source(key=str(path), path=str(path))
        return
    offset = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                record = _record(raw, where=f"{path}:{number}")
                given = record.get("id")
                key = str(given) if given not in (None, "") else f"{path}:{number}"
                yield Source(key=key, path=str(path), offset=offset, line=number)
            offset += len(raw)


def _record(raw: bytes, *, where: str) -> dict[str, object]:
    try:
        record = json.loads(raw)
    except ValueError as err:
        raise InputError(f"{where}: malformed JSON ({err})") from None
    if not isinstance(record, dict):
        raise InputError(f'{where}: a record must be an object with a "text" field')
    return record


def read(source: Source, *, max_bytes: int = MAX_BYTES) -> Article:
    """The article a Source names, with ``id`` set to its key."""
    if source.offset is None:
        return load(source.path, article_id=source.key, max_bytes=max_bytes)
    with open(source.path, "rb") as handle:
        handle.seek(source.offset)
        raw = handle.readline(max_bytes + 1)
    where = source.where
    if len(raw) > max_bytes:
        raise InputError(f"{where}: record larger than {max_bytes} bytes")
    record = _record(raw, where=where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: the record has no "text" field with the article')
    return Article(
        id=source.key,
        path=where,
        text=text.replace("\r\n", "\n").strip("\n"),
        title=_str(record.get("title")),
        outlet=_str(record.get("outlet")),
        published=parse_date(record.get("published") or record.get("date"), where=where),
    )


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
