"""A Timeline to text (table, markdown, csv, json) or to a PNG chart.  Never prints.

JSON is the contract of schema_version 2 with ``series`` in place of ``rows``:
``{"schema_version": 2, "articles": [...], "figures": [...], "series": [{"concept",
"subject", "claimant", "points": [{"article", "figure", "date", "value", "low",
"high", "verdict", "reason", "score", "confidence"}]}]}``.  A point's verdict (and
confidence) is null for the first report of a series.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from tabulate import tabulate

from compare.controls import printable
from compare.errors import OptionError
from compare.render.output import write_atomic
from compare.render.report import (
    SCHEMA_VERSION,
    TABLE_WIDTH,
    _article,
    _csv,
    _figure,
    _json_number,
    heading,
    markdown_cells,
    wrap_cells,
)
from compare.timeline import Series, Timeline
from compare.types import Row

TIMELINE_FORMATS = ("table", "markdown", "csv", "json")
_STYLES = {"table": "simple", "markdown": "pipe"}
_HEADERS = ["what", "who says", "article", "date", "figure", "verdict", "sure", "reason"]
_TABLE_HEADERS = ["what (who says)", "when", "figure", "verdict", "sure", "reason"]
_TABLE_WIDTHS: list[int | None] = [20, 10, 14, 7, 4, 29]  # with the gaps: 100 columns


def render_timeline(tl: Timeline, fmt: str) -> str:
    """The timeline in one of TIMELINE_FORMATS."""
    if fmt not in TIMELINE_FORMATS:
        raise OptionError(f"unknown format {fmt!r} (choose from {', '.join(TIMELINE_FORMATS)})")
    if fmt == "json":
        return json.dumps(timeline_dict(tl), indent=2, ensure_ascii=False) + "\n"
    dates = {a.id: a.published for a in tl.articles}
    cells = [
        [
            series_label(s),
            s.claimant or "",
            p.article,
            p.date.isoformat() if p.date else "",
            p.figure.text,
            p.verdict or "first",
            "" if p.confidence is None else f"{p.confidence:.2f}",
            _words(s, k, dates),
        ]
        for s in _shown(tl)
        for k, p in enumerate(s.points)
    ]
    if fmt == "csv":
        return printable(_csv([_HEADERS, *cells]))
    head = "\n".join(
        f"{a.id.upper()}: {markdown_cells([[heading(a)]], fmt)[0][0]}" for a in tl.articles
    )
    if fmt == "table":  # at most TABLE_WIDTH columns: who says under what, the date under the id
        head = "\n".join(
            textwrap.fill(line, TABLE_WIDTH, subsequent_indent="   ") for line in head.split("\n")
        )
        cells = [
            wrap_cells([f"{w}\n({who})" if who else w, f"{a}\n{d}", *rest], _TABLE_WIDTHS)
            for w, who, a, d, *rest in cells
        ]
        table = tabulate(
            cells, headers=_TABLE_HEADERS, tablefmt=_STYLES[fmt], disable_numparse=True
        )
    else:
        table = tabulate(
            markdown_cells(cells, fmt),
            headers=_HEADERS,
            tablefmt=_STYLES[fmt],
            disable_numparse=True,
        )
    return printable(f"{head}\n\n{table}\n")


def _words(s: Series, k: int, dates: dict[str, dt.date | None]) -> str:
    """A step's reason in newsroom words (see compare.render.words), against the step before."""
    from compare.render.words import explain

    p = s.points[k]
    if k == 0 or p.verdict is None:
        return p.reason
    prev = s.points[k - 1].figure
    row = Row(p.verdict, s.concept, prev, p.figure, None, None, p.score, p.reason)
    return explain(row, dates, sides=(prev.article, p.figure.article))


def timeline_dict(tl: Timeline) -> dict[str, Any]:
    """The JSON contract of a timeline (schema_version 2)."""
    sentence_text = {(c.article, c.sentence.index): c.sentence.text for c in tl.claims}
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_article(a) for a in tl.articles],
        "figures": [_figure(f, sentence_text.get((f.article, f.sentence))) for f in tl.figures],
        "model": tl.model,
        "series": [
            {
                "concept": s.concept,
                "subject": s.subject,
                "claimant": s.claimant,
                "points": [
                    {
                        "article": p.article,
                        "figure": p.figure.id,
                        "date": p.date.isoformat() if p.date else None,
                        "value": _json_number(p.figure.value),
                        "low": _json_number(p.figure.low),
                        "high": _json_number(p.figure.high),
                        "verdict": p.verdict,
                        "reason": p.reason,
                        "score": p.score,
                        "confidence": p.confidence,
                    }
                    for p in s.points
                ],
            }
            for s in tl.series
        ],
    }


def keep_points(tl: Timeline, min_confidence: float | None) -> Timeline:
    """The timeline without the steps less likely to be right than ``min_confidence`` (a
    series' first report, which judges nothing, stays); series left empty go."""
    if min_confidence is None:
        return tl
    series = []
    for s in tl.series:
        points = tuple(
            p for p in s.points if p.confidence is None or p.confidence >= min_confidence
        )
        if points:
            series.append(replace(s, points=points))
    return replace(tl, series=tuple(series))


def series_label(s: Series) -> str:
    """'killed (Palestinians)'; 'figure' when the extractor did not say what is counted."""
    what = s.concept or "figure"
    return what + (f" ({s.subject})" if s.subject and s.subject.lower() not in what else "")


def plot(tl: Timeline, path: str | Path) -> Path:
    """Draw each count reported by two or more articles, one line per claimant, to a PNG."""
    import matplotlib.pyplot as plt

    fig = figure(tl)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    write_atomic(str(path), buffer.getvalue(), option="--plot")  # never half a PNG
    return Path(path)


def figure(tl: Timeline) -> Any:
    """The chart as a matplotlib Figure: one panel per count, every panel on one date axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups: dict[tuple[str | None, str | None], list[Series]] = {}
    for s in tl.series:
        groups.setdefault((s.concept, s.subject), []).append(s)
    shown = [g for g in groups.values() if sum(len(s.points) for s in g) >= 2] or list(
        groups.values()
    )[:1]
    fig, axes = plt.subplots(
        len(shown) or 1, 1, figsize=(8, 2.6 * max(1, len(shown))), squeeze=False, sharex=True
    )  # one date axis for every panel, so that a date lines up down the figure
    for ax, group in zip(axes[:, 0], shown, strict=False):
        for s in group:
            xs = [p.date for p in s.points]
            ys = [p.figure.value for p in s.points]
            ax.plot(xs, ys, marker="o", label=s.claimant or "unattributed")
        ax.set_title(series_label(group[0]))
        ax.legend(fontsize="small")
        ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def _shown(tl: Timeline) -> list[Series]:
    """Series in reading order: counts most articles report first, a count's claimants together."""
    total: dict[tuple[str | None, str | None], int] = {}
    for s in tl.series:
        total[(s.concept, s.subject)] = total.get((s.concept, s.subject), 0) + len(s.points)
    return sorted(
        tl.series,
        key=lambda s: (
            -total[(s.concept, s.subject)],
            s.concept or "",
            s.subject or "",
            s.points[0].date or dt.date.max,
        ),
    )
