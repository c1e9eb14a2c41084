"""Stage 1: a path (or ``-``) to an Article.

Reads plain text, markdown, HTML (boilerplate stripped by trafilatura) and
JSON/JSONL article records.  Metadata (outlet, title, published date) comes,
weakest first, from the page itself, a front-matter block, a sidecar
``<file>.meta.json``, and finally the caller's overrides.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare.errors import InputError
from compare.types import Article

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MB means a wrong file
FORMATS = ("text", "markdown", "html", "json")
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "json",
}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Meta:
    """Article metadata a user may give on the command line; None keeps what the file says."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


def parse_date(value: object, *, where: str) -> dt.date | None:
    """An ISO date (or datetime) from metadata; anything else is an InputError.

    >>> parse_date("2024-02-08T10:31:00+03:00", where="x")
    datetime.date(2024, 2, 8)
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"{where}: published date {text!r} is not a date like 2024-02-08"
        ) from None


def read_bytes(path: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The raw bytes of a path or of standard input, with one-line errors."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not an article file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(
                    f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit "
                    "(raise it with --max-bytes)"
                )
            data = p.read_bytes()
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return data


def decode(data: bytes, *, where: str) -> str:
    """Text from bytes met in the wild: UTF-8 (BOM or not), UTF-16 with BOM, Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}: not valid UTF-16 text") from None
    else:
        if b"\x00" in data:
            raise InputError(f"{where}: looks like a binary file, not an article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if text.count("\ufffd") > max(3, len(text) // 100):
                raise InputError(f"{where}: not text in UTF-8, UTF-16 or Windows-1252") from None
    # Control characters other than layout mean a binary file that happened to decode.
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 200):
        raise InputError(f"{where}: looks like a binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load(
    path: str,
    *,
    article_id: str = "a",
    fmt: str | None = None,
    meta: Meta | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read one article.  ``fmt`` overrides the format guessed from the suffix."""
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"{path}: unknown input format {fmt!r} (choose from {', '.join(FORMATS)})")
    text = decode(read_bytes(path, max_bytes=max_bytes), where=path)
    kind = fmt or _guess_format(path, text)
    fields: dict[str, Any] = {}
    if kind == "json":
        body, fields = _from_json(text, where=path)
    elif kind == "html":
        body, fields = _from_html(text, where=path)
    else:
        body, fields = _split_front_matter(text, where=path)
        if kind == "markdown":
            body = markdown_to_text(body)
    fields.update(_sidecar(path))
    if not body.strip():
        raise InputError(f"{path}: no article text")
    article = Article(
        id=article_id,
        path=path,
        text=body.strip("\n"),
        title=_str_or_none(fields.get("title")),
        outlet=_str_or_none(fields.get("outlet") or fields.get("source") or fields.get("site")),
        published=parse_date(fields.get("published") or fields.get("date"), where=path),
        language=str(fields.get("language") or "en"),
    )
    return _override(article, meta) if meta else article


def _override(article: Article, meta: Meta) -> Article:
    return replace(
        article,
        title=meta.title or article.title,
        outlet=meta.outlet or article.outlet,
        published=meta.published or article.published,
    )


def _guess_format(path: str, text: str) -> str:
    kind = _SUFFIXES.get(Path(path).suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "json"
    return "text"


def _str_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _split_front_matter(text: str, *, where: str) -> tuple[str, dict[str, Any]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    import yaml  # only articles with front matter pay for it

    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        raise InputError(
            f"{where}: the front-matter block (between --- lines) is not valid YAML"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: the front-matter block must hold key: value lines")
    return text[match.end() :], data


def _sidecar(path: str) -> dict[str, Any]:
    if path == "-":
        return {}
    side = Path(path + ".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as err:
        raise InputError(f"{side}: not a readable JSON object: {err}") from None
    if not isinstance(data, dict):
        raise InputError(f"{side}: must hold a JSON object")
    return data


def _from_json(text: str, *, where: str) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError:
        # JSONL: one record per line; an article file holds one record.
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            records = [json.loads(line) for line in lines]
        except ValueError as err:
            raise InputError(f"{where}: malformed JSON ({err})") from None
        if len(records) != 1:
            raise InputError(
                f"{where}: holds {len(records)} JSON records; give one article per file"
            ) from None
        data = records[0]
    if not isinstance(data, Mapping):
        raise InputError(f'{where}: a JSON article must be an object with a "text" field')
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f'{where}: the JSON record has no "text" field with the article')
    return body, {k: v for k, v in data.items() if k != "text"}


def _from_html(text: str, *, where: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # heavy (lxml); only HTML inputs pay for it

    doc = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    # trafilatura falls back to whatever text a page has ("Home", a copyright line);
    # an article has at least one sentence of prose.
    if not body or not any(_is_prose(line) for line in body.splitlines()):
        raise InputError(f"{where}: no article text found in the HTML")
    title = getattr(doc, "title", None)
    lines = body.strip().split("\n")
    if title and lines and lines[0].strip() == title.strip():
        body = "\n".join(lines[1:])  # the headline is metadata, not the first claim
    fields = {
        "title": title,
        "outlet": getattr(doc, "sitename", None),
        "published": getattr(doc, "date", None),
    }
    return body, {k: v for k, v in fields.items() if v}


def _is_prose(line: str) -> bool:
    """A line that reads as a sentence: five words or more, ending as sentences end."""
    line = line.strip()
    ends = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")
    return len(line.split()) >= 5 and line.endswith(ends)


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.M), r"\1."),  # heading -> sentence
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"^\s*>\s?", re.M), ""),  # block quotes
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),  # rules
)


def markdown_to_text(text: str) -> str:
    """Markdown to plain prose, one block per line.

    A dozen regular expressions rather than a markdown library: we need the
    words, not the HTML, and list items and headings must stay separate lines
    so that the segmenter does not glue them into one sentence.

    >>> markdown_to_text("## Toll rises\\n- **At least 27,840** killed, says [the ministry](http://x)")
    'Toll rises.\\nAt least 27,840 killed, says the ministry'
    """
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = re.sub(r"\.\.$", ".", text, flags=re.M)  # "Title:." from headings ending in punctuation
    text = re.sub(r"([.!?:])\.$", r"\1", text, flags=re.M)
    return text
