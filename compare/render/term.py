"""What only a terminal gets: a coloured, width-aware table and a progress bar.

cli.py alone uses this module, and only when the stream is a terminal; piped
output stays the plain tabulate text of :mod:`compare.render.report`.  rich is
imported inside the functions, so commands that never reach a terminal never
pay for it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from compare.controls import printable
from compare.intervals import describe
from compare.render.report import (
    FIGURE_COLUMNS,
    confidence_cell,
    dates_of,
    fig_said,
    fig_what,
    fig_when,
    fig_who,
    heading,
    reading_order,
    row_view,
    shorten,
    summary,
)
from compare.types import Claim, Figure, Report

T = TypeVar("T")
STYLES = {"agree": "green", "diverge": "bold red", "update": "yellow", "unique": "dim"}


def rich_table(report: Report, *, width: int | None = None) -> str:
    """The report as a rich table with ANSI colour, fitted to ``width`` (the terminal's)."""
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(
        file=buf, force_terminal=True, width=width or shutil.get_terminal_size().columns
    )
    if report.rows is None:
        claims = {(c.article, c.sentence.index): c for c in report.claims}
        for art in report.articles:
            table = Table(
                *(c for c in FIGURE_COLUMNS if c != "unit"),  # the interval shows the unit
                "sentence",
                title=_esc(heading(art)),
                title_justify="left",
                header_style="bold",
            )
            for f in (f for f in report.figures if f.article == art.id):
                claim = claims.get((f.article, f.sentence))
                table.add_row(
                    f.id,
                    f"[bold]{_esc(fig_said(f))}[/]",
                    describe(f),
                    _esc(fig_what(f)),
                    _esc(fig_who(f)),
                    _esc(f.place or ""),
                    _esc(fig_when(f)),
                    _esc(f.attribution or ""),
                    _esc(shorten(claim.sentence.text, 60) if claim else ""),
                )
            console.print(table)
        return buf.getvalue()
    for art in report.articles:
        console.print(f"[bold]{art.id.upper()}[/]: {_esc(heading(art))}", highlight=False)
    console.print(rows_table(report, console.width), highlight=False)
    console.print(summary(report), highlight=False)
    return buf.getvalue()


# Below these terminal widths the table sheds, in turn: the words around each figure, then
# who says it, then the confidence column.
NO_CONTEXT_BELOW, NO_SOURCE_BELOW, NO_CONFIDENCE_BELOW = 90, 70, 56


def rows_table(report: Report, width: int) -> Any:
    """The rows as a rich Table that fits ``width`` columns: rich wraps every cell; a narrow
    terminal drops the least needed parts first (see NO_CONTEXT_BELOW)."""
    from rich.table import Table

    sure = width >= NO_CONFIDENCE_BELOW
    table = Table(header_style="bold", show_lines=width >= NO_CONTEXT_BELOW, expand=False)
    table.add_column("verdict", no_wrap=True)
    if sure:
        table.add_column("sure", no_wrap=True, justify="right")
    table.add_column("what, where, when", ratio=2)
    table.add_column("A", ratio=3)
    table.add_column("B", ratio=3)
    table.add_column("reason", ratio=3)
    dates = dates_of(report)
    for r in reading_order(report.rows or ()):
        view = row_view(r, dates)
        what = [view["what"], view["where"], view["when"]]
        cells = [f"[{STYLES.get(r.verdict, '')}]{r.verdict}[/]"]
        if sure:
            cells.append(confidence_cell(r))
        cells += [
            "\n".join(_esc(x) for x in what if x),
            _side_text(view, "a", width),
            _side_text(view, "b", width),
            _esc(view["explanation"]),
        ]
        table.add_row(*cells)
    return table


def _side_text(view: dict[str, Any], side: str, width: int) -> str:
    text, ctx, says = view[f"{side}_text"], view[f"{side}_context"], view[f"{side}_says"]
    lines = [f"[bold]{_esc(text)}[/]" if text else ""]
    if ctx and ctx != text and width >= NO_CONTEXT_BELOW:
        lines.append(f"[dim]{_esc(ctx)}[/]")
    if says and width >= NO_SOURCE_BELOW:
        lines.append(f"({_esc(says)})")
    return "\n".join(x for x in lines if x)


def _esc(text: str) -> str:
    """Article text for a rich cell: no markup, no terminal control sequences."""
    from rich.markup import escape

    return escape(printable(text))


def _side(fig: Figure | None, claim: Claim | None) -> str:
    if fig is not None:
        return fig.text
    return shorten(claim.sentence.text, 80) if claim is not None else ""


def _who(fig: Figure | None, claim: Claim | None) -> str | None:
    if fig is not None:
        return fig.attribution
    return claim.attribution if claim is not None else None


def same_terminal() -> bool:
    """Whether stdout and stderr are one terminal (so stdout lines must pass above the bar)."""
    try:
        return (
            sys.stdout.isatty()
            and sys.stderr.isatty()
            and os.path.samestat(os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno()))
        )
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def progress(items: Iterable[T], *, total: int, label: str) -> Iterator[T]:
    """``items`` unchanged, with a transient progress bar on stderr when it is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        # On one terminal, stdout lines are printed above the bar instead of through it.
        redirect_stdout=same_terminal(),
        redirect_stderr=False,
    )
    with bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
