"""The `factcompare` command: parse options, call the pipeline, render, echo, exit.

The only module that prints or exits.  Library errors (CompareError) are
translated here, once, into `Error: ...` on stderr and exit code 2.  Exit codes
follow diff: 0 the sources are consistent, 1 discrepancies found, 2 trouble.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from compare import align
from compare.errors import CompareError, OptionError
from compare.load import MAX_BYTES, Meta, parse_date

DISCREPANCIES = ("diverge", "update")


class _Group(TyperGroup):
    """Translates library errors into one line and exit code 2, for every command."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CompareError as err:
            typer.echo(f"Error: {err}", err=True)
            raise typer.Exit(err.exit_code) from None


app = typer.Typer(
    cls=_Group,
    help="See where news reports agree, diverge, or update a figure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # A fixed width keeps --help identical everywhere, so the README can quote it (tests/test_docs.py).
    context_settings={"terminal_width": 88, "max_content_width": 88},
)

Format = Annotated[
    str, typer.Option("--format", "-f", help="table, github, markdown, csv or json.")
]
Model = Annotated[
    str | None,
    typer.Option(help="Sentence-transformers model name or directory [default: bundled all-MiniLM-L6-v2]."),
]
MaxBytes = Annotated[int, typer.Option(help="Refuse article files larger than this.")]


def _check_format(fmt: str) -> None:
    from compare.report import FORMATS

    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, where=option)
    except CompareError:
        raise OptionError(f"{option} {value!r} is not a date like 2024-02-08") from None


@app.command()
def figures(
    files: Annotated[list[str], typer.Argument(help="Article files (text, markdown, HTML, JSON) or -.")],
    fmt: Format = "table",
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Every figure in each article: value, interval, what it counts, who says it."""
    from compare.pipeline import figures_report, read_articles
    from compare.report import render

    _check_format(fmt)
    report = figures_report(read_articles(files, max_bytes=max_bytes))
    typer.echo(render(report, fmt), nl=False)


@app.command()
def diff(
    file_a: Annotated[str, typer.Argument(help="The first article (A).")],
    file_b: Annotated[str, typer.Argument(help="The second article (B).")],
    fmt: Format = "table",
    model: Model = None,
    date_a: Annotated[str | None, typer.Option(help="A's publication date (YYYY-MM-DD).")] = None,
    date_b: Annotated[str | None, typer.Option(help="B's publication date (YYYY-MM-DD).")] = None,
    outlet_a: Annotated[str | None, typer.Option(help="A's outlet.")] = None,
    outlet_b: Annotated[str | None, typer.Option(help="B's outlet.")] = None,
    claim_threshold: Annotated[
        float, typer.Option(help="Claims less alike than this stay unique.", min=0.0, max=1.0)
    ] = align.CLAIM_THRESHOLD,
    figure_threshold: Annotated[
        float, typer.Option(help="Same-concept figures scoring under this stay unique.", min=0.0, max=2.0)
    ] = align.FIGURE_THRESHOLD,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """The discrepancy table of two articles: agree, diverge, update, unique.

    Exit code 0 when nothing diverges or updates, 1 when something does, 2 on error.
    """
    from compare.pipeline import compare_articles, read_articles
    from compare.report import render

    _check_format(fmt)
    metas = [
        Meta(outlet=outlet_a, published=_date(date_a, "--date-a")),
        Meta(outlet=outlet_b, published=_date(date_b, "--date-b")),
    ]
    articles = read_articles([file_a, file_b], metas=metas, max_bytes=max_bytes)
    options = align.Options(claim_threshold=claim_threshold, figure_threshold=figure_threshold)
    report = compare_articles(articles, model=model, options=options)
    typer.echo(render(report, fmt), nl=False)
    if any(r.verdict in DISCREPANCIES for r in report.rows or ()):
        raise typer.Exit(1)


@app.command()
def check(
    targets: Annotated[
        list[str] | None,
        typer.Argument(help="Fixture directories, case directories or case names [default: fixtures].",
                       show_default=False),
    ] = None,
    update: Annotated[bool, typer.Option("--update", help="Rewrite the expectations on purpose.")] = False,
    model: Model = None,
) -> None:
    """Run golden fixture cases; show what changed against their expected.json.

    Exit code 0 all pass, 1 some changed, 2 a case could not run.
    """
    from compare import check as golden
    from compare.report import render_outcome

    outcomes = []
    for outcome in golden.run_cases(golden.resolve(targets or []), model=model, update=update):
        typer.echo(render_outcome(outcome))
        outcomes.append(outcome)
    code = golden.exit_code(outcomes)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    app()
