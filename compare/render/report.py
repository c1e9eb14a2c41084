"""Stage 8: a Report to text.  Pure functions returning strings; never prints.

JSON is the Report serialised under the contract of schema_version 2 (1 plus each row's
confidence and reading fields: what, where, when, the words around each figure, who
says); the text formats are tabulate styles of the same rows, in reading order: alarms
(diverge, update) first, then agreements, then figures only one side has, then
statements without figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import Any

from tabulate import tabulate

from compare.controls import printable
from compare.errors import OptionError
from compare.intervals import describe
from compare.types import VERDICTS, Article, Claim, Figure, Report, Row

SCHEMA_VERSION = 2
FORMATS = ("table", "github", "markdown", "csv", "json")
_STYLES = {"table": "simple", "github": "github", "markdown": "pipe"}
# Plain-table cells wrap at these widths, so that a table is at most TABLE_WIDTH columns wide
# (two spaces between columns, and tabulate pads a column to its header + 2); markdown cells
# cannot wrap.
TABLE_WIDTH = 100
_WIDTHS = {"verdict": 7, "sure": 4, "what": 17, "a": 20, "b": 20, "reason": 18}
CONTEXT_WORDS = 4  # words either side of a figure in its context snippet


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS.

    Text formats never carry a control character from article text (see
    :func:`printable`); JSON escapes them as the format says.
    """
    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "json":
        return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
    if report.rows is None:
        text = _figures_csv(report) if fmt == "csv" else _figures_text(report, fmt)
    else:
        text = _rows_csv(report) if fmt == "csv" else _rows_text(report, fmt)
    return printable(text)


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    r"""A CSV cell a spreadsheet will not run as a formula (OWASP's CSV injection advice).

    A cell starting with = + - @ tab or carriage return gets a leading apostrophe,
    unless it is a plain number ("-5" is a value, not a formula).

    >>> spreadsheet_safe("=HYPERLINK(x)"), spreadsheet_safe("@SUM(1)"), spreadsheet_safe("-5")
    ("'=HYPERLINK(x)", "'@SUM(1)", '-5')
    """
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def markdown_safe(cell: str) -> str:
    r"""A markdown table cell: a pipe would end the cell, raw HTML would be rendered.

    >>> markdown_safe("a | b <script>x</script> & c")
    'a \\| b &lt;script>x&lt;/script> &amp; c'
    """
    return cell.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")


# --- JSON -------------------------------------------------------------------------------


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON contract (schema_version 1); later versions add fields, never rename."""
    sentence_text = {(c.article, c.sentence.index): c.sentence.text for c in report.claims}
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "articles": [_article(a) for a in report.articles],
        "figures": [_figure(f, sentence_text.get((f.article, f.sentence))) for f in report.figures],
    }
    if report.rows is not None:
        out["model"] = report.model
        dates = dates_of(report)
        out["rows"] = [_row(r, dates) for r in reading_order(report.rows)]
    return out


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
    }


def _figure(f: Figure, sentence_text: str | None) -> dict[str, Any]:
    return {
        "id": f.id,
        "article": f.article,
        "sentence": f.sentence,
        "sentence_text": sentence_text,
        "text": f.text,
        "span": list(f.span),
        "value": _json_number(f.value),
        "low": _json_number(f.low),
        "high": _json_number(f.high),
        "qualifier": f.qualifier,
        "unit": f.unit,
        "concept": f.concept,
        "subject": f.subject,
        "noun": f.noun,
        "role": f.role,
        "attribution": f.attribution,
        "place": f.place,
        "place_key": f.place_key,
        "place_from": f.place_from,
        "scope": f.scope,
        "period": f.period,
        "previous": None
        if f.previous is None
        else {
            "text": f.previous.text,
            "span": list(f.previous.span),
            "value": _json_number(f.previous.value),
            "low": _json_number(f.previous.low),
            "high": _json_number(f.previous.high),
            "qualifier": f.previous.qualifier,
        },
    }


def _row(r: Row, dates: Dates | None = None) -> dict[str, Any]:
    return {
        "verdict": r.verdict,
        "concept": r.concept,
        "a": r.a.id if r.a else None,
        "b": r.b.id if r.b else None,
        "sentence_a": r.claim_a.sentence.index if r.claim_a else None,
        "sentence_b": r.claim_b.sentence.index if r.claim_b else None,
        "score": r.score,
        "reason": r.reason,
        **row_view(r, dates),
    }


# --- what a reader sees of a row, the same in every format -------------------------------

# The rank of each kind of row in reading order: alarms, agreements, lone figures, statements.
_RANK = {"diverge": 0, "update": 0, "agree": 1, "unique": 2}


def reading_order(rows: Iterable[Row]) -> tuple[Row, ...]:
    """Alarms (diverge, update) first, then agreements, then figures only one side has, then
    statements without figures; the article's order within each (a stable sort)."""
    return tuple(sorted(rows, key=lambda r: 3 if is_statement(r) else _RANK[r.verdict]))


def is_statement(r: Row) -> bool:
    """A row about sentences without figures (hidden unless asked: ``--claims``)."""
    return r.a is None and r.b is None


Dates = dict[str, dt.date | None]


def dates_of(report: Report) -> Dates:
    """Each article's publication date, by id (what a row's words need)."""
    return {a.id: a.published for a in report.articles}


def row_view(r: Row, dates: Dates | None = None) -> dict[str, Any]:
    """The reading fields of a row: the reason in newsroom words, what, where, when, each
    side's figure (or sentence), the words around it, who says it, and the confidence.
    JSON and HTML carry the same."""
    from compare.render.words import explain

    fig = r.a or r.b
    return {
        "confidence": r.confidence,
        "explanation": explain(r, dates or {}),
        "what": fig_what(fig) if fig else "statement",
        "where": row_where(r),
        "when": row_when(r),
        "a_text": _side(r.a, r.claim_a if is_statement(r) else None),
        "b_text": _side(r.b, r.claim_b if is_statement(r) else None),
        "a_context": context(r.a, r.claim_a) if r.a else None,
        "b_context": context(r.b, r.claim_b) if r.b else None,
        "a_says": _who(r.a, r.claim_a) if r.a or is_statement(r) else None,
        "b_says": _who(r.b, r.claim_b) if r.b or is_statement(r) else None,
    }


def row_where(r: Row) -> str:
    """Where the row's figures count: one place, 'Turkey / Syria' when the sides differ."""
    places = [f.place for f in (r.a, r.b) if f is not None and f.place]
    return " / ".join(dict.fromkeys(places))


def row_when(r: Row) -> str:
    """The time scope of the row's figures, as :func:`fig_when` says it, once if the same."""
    whens = [fig_when(f) for f in (r.a, r.b) if f is not None]
    return " / ".join(dict.fromkeys(w for w in whens if w))


def context(fig: Figure, claim: Claim | None, words: int = CONTEXT_WORDS) -> str:
    """The words around a figure in its sentence, cut with ellipses.

    >>> s = "Health officials in the city said at least 27,840 people have since been killed."
    >>> from compare.types import Sentence
    >>> c = Claim("a", Sentence("a", 0, s, 0, len(s)))
    >>> f = Figure("a:f1", "a", 0, "at least 27,840", (32, 47), 27840, 27840, None, "at_least")
    >>> context(f, c)
    '…in the city said at least 27,840 people have since been…'
    """
    if claim is None:
        return fig.text
    text = claim.sentence.text
    start = fig.span[0] - claim.sentence.start
    if text[start : start + len(fig.text)] != fig.text:
        start = text.find(fig.text)
        if start < 0:
            return fig.text
    end = start + len(fig.text)
    before, after = text[:start].split(), text[end:].split()
    left = " ".join(before[-words:]) if words else ""
    right = " ".join(after[:words]) if words else ""
    snippet = " ".join(x for x in (left, fig.text, right) if x)
    if text[:start].strip() and len(before) > words:
        snippet = "…" + snippet
    if len(after) > words:
        snippet += "…"
    return snippet


def _json_number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


# --- figures ----------------------------------------------------------------------------

# The columns of a figures table, in every format (html and term show the same).
FIGURE_COLUMNS = ("id", "figure", "interval", "unit", "counts", "who", "where", "when", "says")
_FIGURE_HEADERS = [*FIGURE_COLUMNS, "sentence"]


def _figure_cells(f: Figure, claims: dict[tuple[str, int], Claim]) -> list[str]:
    claim = claims.get((f.article, f.sentence))
    return [
        f.id,
        fig_said(f),
        describe(f),
        f.unit or "",
        f.concept or "",
        fig_who(f),
        shorten(f.place or "", 28),
        fig_when(f),
        f.attribution or "",
        shorten(claim.sentence.text if claim else "", 60),
    ]


def _figures_text(report: Report, fmt: str) -> str:
    claims = {(c.article, c.sentence.index): c for c in report.claims}
    blocks = []
    for art in report.articles:
        cells = [_figure_cells(f, claims) for f in report.figures if f.article == art.id]
        table = (
            tabulate(
                markdown_cells(cells, fmt),
                headers=_FIGURE_HEADERS,
                tablefmt=_STYLES[fmt],
                disable_numparse=True,
            )
            if cells
            else "(no figures)"
        )
        blocks.append(f"{markdown_cells([[heading(art)]], fmt)[0][0]}\n\n{table}\n")
    return "\n".join(blocks)


def _figures_csv(report: Report) -> str:
    claims = {(c.article, c.sentence.index): c for c in report.claims}
    rows = [["article", "value", "low", "high", "qualifier", *_FIGURE_HEADERS]]
    for f in report.figures:
        cells = _figure_cells(f, claims)
        cells[-1] = claims[(f.article, f.sentence)].sentence.text
        rows.append(
            [
                f.article,
                fmt_plain(f.value),
                fmt_plain(f.low),
                fmt_plain(f.high),
                f.qualifier,
                *cells,
            ]
        )
    return _csv(rows)


# --- rows -------------------------------------------------------------------------------

_ROW_HEADERS = ["verdict", "sure", "what", "A", "B", "reason"]
_MARKDOWN_HEADERS = [
    "verdict",
    "confidence",
    "what",
    "where",
    "when",
    "A",
    "B",
    "who says (A / B)",
    "reason",
]


def _row_cells(r: Row, dates: Dates) -> list[str]:
    """A row as the plain table shows it: where and when under what; under each side's
    figure the words around it and who says it; the reason in newsroom words."""
    view = row_view(r, dates)
    what = "\n".join(x for x in (view["what"], view["where"], view["when"]) if x)
    a, b = _side_cell(r, "a"), _side_cell(r, "b")
    return [r.verdict, confidence_cell(r), what, a, b, view["explanation"]]


def _side_cell(r: Row, side: str) -> str:
    view = row_view(r)
    text, ctx, says = view[f"{side}_text"], view[f"{side}_context"], view[f"{side}_says"]
    lines = [text]
    if ctx and ctx != text:
        lines.append(f'"{ctx}"')
    if says:
        lines.append(f"({says})")
    return "\n".join(x for x in lines if x)


def _markdown_cells(r: Row, dates: Dates) -> list[str]:
    view = row_view(r, dates)

    def side(s: str) -> str:
        text, ctx = view[f"{s}_text"], view[f"{s}_context"]
        return f'{text}: "{ctx}"' if ctx and ctx != text else text

    says = " / ".join(view[k] or "-" for k in ("a_says", "b_says"))
    return [
        r.verdict,
        confidence_cell(r),
        view["what"],
        view["where"],
        view["when"],
        side("a"),
        side("b"),
        says if says != "- / -" else "",
        view["explanation"],
    ]


def confidence_cell(r: Row) -> str:
    """'0.93'; '' when the row has none."""
    return "" if r.confidence is None else f"{r.confidence:.2f}"


def _side(fig: Figure | None, claim: Claim | None) -> str:
    if fig is not None:
        return fig.text
    if claim is not None:
        return shorten(claim.sentence.text, 80)
    return ""


def _who(fig: Figure | None, claim: Claim | None) -> str | None:
    if fig is not None:
        return fig.attribution
    return claim.attribution if claim is not None else None


def fig_said(fig: Figure) -> str:
    """The figure as its text states it, with the value its own article says it replaced.

    >>> from dataclasses import replace
    >>> from compare.types import Previous
    >>> f = Figure("a:f1", "a", 0, "97", (0, 2), 97, 97, 97, "exact")
    >>> fig_said(replace(f, previous=Previous("115", (20, 23), 115, 115, 115, "exact")))
    '97 (revised from 115)'
    """
    return f"{fig.text} (revised from {fig.previous.text})" if fig.previous else fig.text


def fig_who(fig: Figure) -> str:
    """Who a figure counts, with their role where it matters: 'people (victims)'."""
    who = fig.subject or ""
    if fig.role:
        who = f"{who} ({fig.role}s)" if who and fig.role not in who.lower() else who or fig.role
    return who


def fig_when(fig: Figure) -> str:
    """When: '' for the story's own event, else 'earlier: 1999', 'period: third quarter'."""
    if fig.scope == "background":
        return f"earlier event ({fig.period})" if fig.period else "earlier event"
    if fig.scope == "period":
        return fig.period or "period"
    return fig.period or ""


def fig_what(fig: Figure) -> str:
    """What a figure counts, as a table cell: 'killed (Palestinians)'."""
    what = fig.concept or "figure"
    if fig.subject and fig.subject.lower() not in what:
        what += f" ({fig.subject})"
    return what + (f", {fig.unit}" if fig.unit else "")


def _rows_text(report: Report, fmt: str) -> str:
    rows, dates = reading_order(report.rows or ()), dates_of(report)
    if fmt == "table":
        cells = [wrap_cells(_row_cells(r, dates), list(_WIDTHS.values())) for r in rows]
        headers = _ROW_HEADERS
    else:
        cells = markdown_cells([_markdown_cells(r, dates) for r in rows], fmt)
        headers = _MARKDOWN_HEADERS
    table = tabulate(cells, headers=headers, tablefmt=_STYLES[fmt], disable_numparse=True)
    head = "\n".join(
        f"{a.id.upper()}: {markdown_cells([[heading(a)]], fmt)[0][0]}" for a in report.articles
    )
    if fmt == "table":
        head = "\n".join(
            textwrap.fill(line, TABLE_WIDTH, subsequent_indent="   ") for line in head.split("\n")
        )
    return f"{head}\n\n{table}\n\n{summary(report)}\n"


def wrap_cells(row: list[str], widths: list[int | None]) -> list[str]:
    """Each cell wrapped to its width, line by line (a cell's own lines stay lines); a word
    longer than the width is broken."""
    # Wrapped here, not by tabulate's maxcolwidths, which re-parses "67,317" as a number
    # and fails (tabulate 0.10).
    return [
        "\n".join(textwrap.fill(line, w) for line in c.split("\n")) if w else c
        for c, w in zip(row, widths, strict=True)
    ]


def _rows_csv(report: Report) -> str:
    rows = [
        [
            "verdict",
            "concept",
            "subject",
            "unit",
            "place_a",
            "place_b",
            "when_a",
            "when_b",
            "a",
            "a_text",
            "b",
            "b_text",
            "a_says",
            "b_says",
            "score",
            "reason",
            "confidence",
            "a_context",
            "b_context",
        ]
    ]
    for r in reading_order(report.rows or ()):
        fig = r.a or r.b
        rows.append(
            [
                r.verdict,
                r.concept or "",
                fig.subject or "" if fig else "",
                fig.unit or "" if fig else "",
                r.a.place or "" if r.a else "",
                r.b.place or "" if r.b else "",
                fig_when(r.a) if r.a else "",
                fig_when(r.b) if r.b else "",
                r.a.id if r.a else "",
                _side(r.a, r.claim_a),
                r.b.id if r.b else "",
                _side(r.b, r.claim_b),
                _who(r.a, r.claim_a) or "",
                _who(r.b, r.claim_b) or "",
                "" if r.score is None else f"{r.score:.3f}",
                r.reason,
                "" if r.confidence is None else f"{r.confidence:.3f}",
                context(r.a, r.claim_a) if r.a else "",
                context(r.b, r.claim_b) if r.b else "",
            ]
        )
    return _csv(rows)


def summary(report: Report) -> str:
    """'2 agree, 1 diverge, 0 update, 5 unique' in verdict order."""
    counts = Counter(r.verdict for r in report.rows or ())
    return ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)


# --- shared -----------------------------------------------------------------------------


def heading(a: Article) -> str:
    """One line naming an article: path, outlet, date, title."""
    bits = [b for b in (a.outlet, a.published.isoformat() if a.published else None) if b]
    head = a.path + (f" ({', '.join(bits)})" if bits else "")
    return head + (f": {a.title}" if a.title else "")


def shorten(text: str, width: int) -> str:
    """Text cut at a word boundary with an ellipsis.

    >>> shorten("At least 27,840 Palestinians have since been killed", 30)
    'At least 27,840 Palestinians…'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def fmt_plain(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(x)


def markdown_cells(cells: list[list[str]], fmt: str) -> list[list[str]]:
    """Cells escaped for the markdown formats (pipe tables); other formats unchanged."""
    if fmt not in ("markdown", "github"):
        return cells
    return [[markdown_safe(c) for c in row] for row in cells]


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [[spreadsheet_safe(c) for c in row] for row in rows]
    )
    return buf.getvalue()
