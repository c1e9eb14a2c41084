"""Stage 1: a path (or ``-``) to an Article.

Reads plain text, markdown, HTML (boilerplate stripped by trafilatura) and
JSON/JSONL article records.  Metadata (outlet, title, published date) comes,
weakest first, from the page itself, a front-matter block, a sidecar
``<file>.meta.json``, and finally the caller's overrides.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import select
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare.controls import printable
from compare.errors import InputError
from compare.types import Article

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MB means a wrong file
FIFO_TIMEOUT_S = 10.0  # a named pipe that gives nothing for this long has no writer
MAX_FRONT_MATTER = 64 * 1024  # metadata is a few lines; more is a wrong file or an attack
MAX_NESTING = 32  # front matter and JSON records are flat; deeper nesting is refused
_CHUNK = 1 << 16
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
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # not \t \n \f \r
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
        # The whole value must be an ISO date or date-time: "2024-02-08junk" is no date.
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"{where}: published date {text!r} is not a date like 2024-02-08"
        ) from None


# A date as news writes it in a dateline or a "Published" line (English month names; the
# standard library's C-locale parsing reads them): "Aug. 12, 2023", "12 August 2023".
_MONTHS = (  # capitalised, abbreviated or not
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?i:{_MONTHS})\.?"
_DATE = (
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TEXT_DATES = tuple(
    re.compile(pattern)
    for pattern in (
        # "LAHAINA, Hawaii, Aug. 12, 2023 (AP) - ": a dateline with its date ...
        rf"[A-Z][A-Za-z .'\-]{{1,40}}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s*{_WEEKDAY}"
        rf"{_DATE}\s*(?:\([^)]{{1,30}}\))?\s*[-\u2013\u2014]",
        # ... "Nov. 21, 2023 - ": a dateline that is only a date ...
        rf"{_WEEKDAY}{_DATE}\s*[-\u2013\u2014]\s",
        # ... "Published 3:04 PM EDT, Sat August 12, 2023", "Updated: 12 August 2023".
        rf"(?:Published|Updated|Posted|Last\s+updated|Date)\b[^\n]{{0,24}}?{_WEEKDAY}{_DATE}",
    )
)
_DATED_LINES = 5  # a story's date stands in its first lines: a dateline or a byline's date


def dated(text: str) -> dt.date | None:
    """The date a story's dateline or "Published" line gives, for a story whose metadata
    gives none; a date told in the story itself ("on Aug. 8 the fire began") is not it.

    >>> dated("LAHAINA, Hawaii, Aug. 12, 2023 - The toll rose to 93.")
    datetime.date(2023, 8, 12)
    >>> dated("The fire began on Aug. 8, 2023 - officials said.") is None
    True
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_DATED_LINES]
    for line in lines:
        found = next((m for m in (p.match(line) for p in _TEXT_DATES) if m), None)
        if found is None:
            continue
        written = re.sub(r"(?i)\bsept\b", "Sep", re.sub(r"[.,]", " ", found.group("date")))
        written = " ".join(written.split())
        for shape in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(written, shape).date()
            except ValueError:
                continue
    return None


# A day a story tells in its text: "Feb. 6", "on February 6th, 2014", "6 February".  The
# month capitalised ("may 5" is a verb and a count); no digit after the day ("June 2014").
_MONTH_NAME = rf"(?P<month>{_MONTHS})\b\.?"
_TOLD = re.compile(
    rf"\b(?:{_MONTH_NAME}\s+(?P<day>\d{{1,2}})|(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH_NAME.replace('month', 'after')})(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
    r"(?:,?\s+(?P<year>\d{4})\b)?"
)
_BOUND = re.compile(r"\b(?:since|through|until|till|between|from|to|as\s+of)\s+(?:the\s+)?$", re.I)
AHEAD = dt.timedelta(days=60)  # the days after a story's date its year-less days may name
_MONTH_OF = {
    m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}


def days_told(
    text: str, published: dt.date | None, named: Mapping[str, tuple[int, int]] | None = None
) -> frozenset[dt.date]:
    """The days ``text`` names on or before ``published``: a follow-up names the day of its
    event ("the Feb. 6 shooting", "since the fire of 8 August"), or the day by its name
    (``named``, lower case, to month and day: "the Boxing Day tsunami").  A day without a
    year is the latest such day by ``published`` (a story of 4 January names 30 December of
    the year before, a verdict in May the fire of last August), unless it falls in the
    :data:`AHEAD` days after it: a hearing set for next month is no day told.

    Hand-written, not dateparser: its ``search_dates`` also reads bare numbers and
    weekdays as dates, and costs milliseconds a sentence on a corpus of thousands.

    >>> sorted(days_told("The shooting on Feb. 6 and the 30 December fire; a hearing "
    ...     "on March 9. In June 2014 and on May 5, 2013, at 10:30", dt.date(2014, 3, 1)))
    [datetime.date(2013, 5, 5), datetime.date(2013, 12, 30), datetime.date(2014, 2, 6)]
    >>> days_told("the Boxing Day tsunami", dt.date(2005, 1, 9), {"boxing day": (12, 26)})
    frozenset({datetime.date(2004, 12, 26)})
    """
    if published is None:
        return frozenset()
    found: set[dt.date] = set()
    for m in _TOLD.finditer(text):
        if _BOUND.search(text, max(0, m.start() - 12), m.start()):
            continue  # "since Jan. 1", "as of Dec. 31": a period's bound, no event's day
        month = _MONTH_OF[(m.group("month") or m.group("after"))[:3].lower()]
        day, year = int(m.group("day") or m.group("first")), m.group("year")
        told = _day_by(published, month, day, int(year) if year else None)
        if told is not None:
            found.add(told)
    if named:
        for m in _named_days(tuple(sorted(named))).finditer(text):
            month, day = named[" ".join(m.group().lower().replace("\u2019", "'").split())]
            told = _day_by(published, month, day, None)
            if told is not None and not _BOUND.search(text, max(0, m.start() - 12), m.start()):
                found.add(told)
    return frozenset(found)


def _day_by(published: dt.date, month: int, day: int, year: int | None) -> dt.date | None:
    """The day told of a month and day (and year) in a story of ``published``, if any."""
    years = [year] if year else [published.year + 1, published.year, published.year - 1]
    days = []
    for y in years:
        with contextlib.suppress(ValueError):  # "Feb. 30"; "Feb. 29" in most years
            days.append(dt.date(y, month, day))
    # The first day on or before the story's, unless a day without a year lies just ahead.
    ahead = [d for d in days if published < d <= published + AHEAD]
    told = next((d for d in days if d <= published), None)
    return told if told is not None and not ahead else None


@functools.lru_cache(maxsize=4)
def _named_days(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(names, key=len, reverse=True)
    words = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in n.split()) for n in alternatives
    )
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def identity(path: str) -> str:
    """The real path a file name stands for (``-`` for standard input), as one-line errors.

    A symlink loop is an InputError, not the RuntimeError ``Path.resolve`` raises.
    """
    if path == "-":
        return "-"
    try:
        return str(Path(path).resolve(strict=False))
    except (RuntimeError, OSError):
        raise InputError(f"{path}: symbolic link loop") from None


def read_bytes(path: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The raw bytes of a path or of standard input, with one-line errors.

    ``max_bytes`` counts the bytes read, so pipes, devices (``/dev/zero``) and files
    whose size the file system does not know (``/proc``) are bounded as files are;
    a named pipe that yields nothing within FIFO_TIMEOUT_S is refused.
    """
    if path == "-":
        data = _read_bounded(sys.stdin.buffer.read, max_bytes)
    else:
        identity(path)
        p = Path(path)
        try:
            info = p.stat()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory, not an article file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(
                f"{path}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit "
                "(raise it with --max-bytes)"
            )
        try:
            if stat.S_ISFIFO(info.st_mode):
                data = _read_fifo(path, max_bytes)
            else:
                with open(path, "rb") as handle:
                    data = _read_bounded(handle.read, max_bytes)
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return data


def _read_bounded(read: Any, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes, read in chunks (so /dev/zero costs no more)."""
    parts: list[bytes] = []
    got = 0
    while got <= max_bytes:
        chunk = read(min(_CHUNK, max_bytes + 1 - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _read_fifo(path: str, max_bytes: int) -> bytes:
    """A named pipe's bytes; opened without blocking so that a pipe nobody writes times out."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        parts: list[bytes] = []
        got = 0
        while got <= max_bytes:
            # On Linux a pipe that never had a writer reports nothing, so poll waits.
            if not poller.poll(FIFO_TIMEOUT_S * 1000):
                raise InputError(
                    f"{path}: named pipe gave no data for {FIFO_TIMEOUT_S:g} s (no writer?)"
                )
            try:
                chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - got))
            except BlockingIOError:
                continue
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


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
    controls = len(_BINARY_CONTROLS.findall(text))
    if controls > max(2, len(text) // 200):
        raise InputError(f"{where}: looks like a binary file, not an article")
    # Terminal escapes in an article (clear screen, OSC 8 links) are not its text.
    return printable(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))


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
        published=parse_date(fields.get("published") or fields.get("date"), where=path)
        or dated(body),
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
    block = match.group(1)
    if len(block) > MAX_FRONT_MATTER:
        raise InputError(f"{where}: the front-matter block is over {MAX_FRONT_MATTER:,} characters")
    data = _flat_front_matter(block)
    if data is None:
        data = _yaml_front_matter(block, where=where)
    return text[match.end() :], data


# "title: Police: 3 dead in shooting" is not YAML (a second ": "), but every writer means it.
_FLAT_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")


def _flat_front_matter(block: str) -> dict[str, Any] | None:
    """``key: value`` lines read as text, or None when the block needs a YAML parser.

    Hand-written because YAML reads a colon inside a value as an error and a bare date
    as a date object (``published: 2024-02-30`` must be one line, not a traceback).
    Values that open YAML syntax (quotes, lists, mappings, anchors, block scalars) go
    to the YAML loader instead.
    """
    out: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FLAT_LINE.fullmatch(line)
        if m is None:
            return None
        value = m.group(2) or ""
        if value[:1] in ("'", '"', "[", "{", "&", "*", "|", ">", "!", "-", "@", "`", "%"):
            return None
        if " #" in value:
            value = value.split(" #", 1)[0].rstrip()  # a YAML comment after the value
        out[m.group(1)] = value or None
    return out


def _yaml_front_matter(block: str, *, where: str) -> dict[str, Any]:
    import yaml  # only articles with YAML syntax in their front matter pay for it

    loader = _safe_loader()(block)
    try:
        data = loader.get_single_data() or {}
    except _Refused as err:
        raise InputError(f"{where}: the front-matter block {err}") from None
    except yaml.YAMLError:
        raise InputError(
            f"{where}: the front-matter block (between --- lines) is not valid YAML"
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise InputError(f"{where}: the front-matter block must hold key: value lines")
    return data


class _Refused(Exception):
    """Front matter that a safe loader will not build (aliases, deep nesting)."""


def _safe_loader() -> Any:
    """PyYAML's SafeLoader without aliases, with a nesting limit, dates kept as text.

    Aliases are refused because a few hundred bytes of them expand to gigabytes (the
    "billion laughs"); timestamps stay strings so that ``parse_date`` gives the one
    error line for an impossible date.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise _Refused("uses YAML aliases (*name); write the values out")
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _Refused(f"is nested more than {MAX_NESTING} levels deep")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _sidecar(path: str) -> dict[str, Any]:
    if path == "-":
        return {}
    side = Path(path + ".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except RecursionError:
        raise InputError(f"{side}: JSON nested too deep to be metadata") from None
    except (OSError, ValueError) as err:
        raise InputError(f"{side}: not a readable JSON object: {err}") from None
    if not isinstance(data, dict):
        raise InputError(f"{side}: must hold a JSON object")
    return data


def _from_json(text: str, *, where: str) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deep to be an article record") from None
    except ValueError:
        # JSONL: one record per line; an article file holds one record.
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            records = [json.loads(line) for line in lines]
        except RecursionError:
            raise InputError(f"{where}: JSON nested too deep to be an article record") from None
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


def markdown_to_text(text: str) -> str:
    """Markdown to plain prose, one block per line, parsed by markdown-it-py (CommonMark).

    We need the words, not the HTML: headings become sentences of their own, list items
    and table rows stay separate lines so that the segmenter does not glue them into one
    sentence, a table row reads as "header: cell" pairs (the shape of a bulletin's labels),
    links and images keep their text, reference links and setext headings are resolved,
    and raw HTML keeps only its words.  Blocks keep the blank lines the source put between
    them (paragraphs), except before a list item, which stays on the line after its lead-in.

    >>> markdown_to_text("## Toll rises\\n- **At least 27,840** killed, says [the ministry](http://x)")
    'Toll rises.\\nAt least 27,840 killed, says the ministry'
    >>> markdown_to_text("| Province | Dead |\\n|---|---|\\n| Hatay | 312 |")
    'Province: Hatay; Dead: 312.'
    """
    blocks: list[tuple[int, int, str, str]] = []
    _blocks(_markdown().parse(_UNCLOSED.sub(r"\\[", text)), blocks)
    out: list[str] = []
    last, last_kind = 0, ""
    for first, end, kind, line in blocks:
        if out:
            # A heading is read with the section it opens (a place it names reaches the
            # section's first paragraph), and an item with the lead-in before its list.
            glued = first <= last or "heading" in (kind, last_kind) or kind == "item"
            out.append("\n" if glued else "\n\n")
        out.append(line)
        last, last_kind = end, kind
    return "".join(out)


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


_HEAD_END = (".", "!", "?", ":", ";")
# A "[" with no "]" in the next thousand characters opens no link: escaped, so that the
# parser does not try a link at each of a flood of them (300 KB of "[" took 30 s).
_UNCLOSED = re.compile(r"\[(?![^\]]{0,1000}\])")
_TAGS = re.compile(r"<[^<>\n]{0,300}>")


def _blocks(tokens: list[Any], out: list[tuple[int, int, str, str]]) -> None:
    """The text blocks of a token stream: (first line, line after, kind, text).

    The kind is "heading", "item" (a list item or table row) or "" (anything else).
    """
    heading_end: int | None = None
    header: list[str] = []
    row: list[str] | None = None
    in_head = False
    lines = (0, 0)
    item = False  # the next block opens a list item
    for tok in tokens:
        kind = tok.type
        if tok.map:
            lines = (tok.map[0], tok.map[1])
        if kind == "list_item_open":
            item = True
        elif kind == "heading_open":
            heading_end = lines[1]
        elif kind == "heading_close":
            heading_end = None
        elif kind in ("thead_open", "thead_close"):
            in_head = kind == "thead_open"
        elif kind == "tr_open":
            row, row_lines = [], lines
        elif kind == "tr_close" and row is not None:
            if in_head:
                header = row
            else:
                cells = [
                    f"{h}: {c}" if h and c else c
                    for h, c in zip(header + [""] * len(row), row, strict=False)
                    if c
                ]
                if cells:
                    out.append((*row_lines, "item", "; ".join(cells) + "."))
            row = None
        elif kind == "inline" and row is not None:
            row.append(_inline_text(tok.children or []).strip())
        elif kind == "inline":
            words = _inline_text(tok.children or [])
            if words.strip():
                kind = "item" if item else ""
                if heading_end is not None:
                    words = words.strip()
                    words = words if words.endswith(_HEAD_END) else words + "."
                    lines, kind = (lines[0], heading_end), "heading"
                out.append((*lines, kind, words))
                item = False
        elif kind in ("fence", "code_block", "html_block"):
            body = tok.content.rstrip("\n")
            if kind == "html_block":
                body = _TAGS.sub(" ", body).strip()
            if body.strip():
                out.append((*lines, "item" if item else "", body))
                item = False


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "image":
            parts.append(_inline_text(child.children or []))
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline":
            continue
    return "".join(parts)
