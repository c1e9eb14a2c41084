"""The `factcompare` command: parse options, call the pipeline, render, echo, exit.

The only module that prints or exits.  Library errors (CompareError) are
translated here, once, into `Error: ...` on stderr and exit code 2.  Exit codes
follow diff: 0 the sources are consistent, 1 discrepancies found, 2 trouble.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._coercion import RuntimeParam, build_runtime_param
from typer.core import TyperCommand, TyperGroup, _TyperParameter

from compare.align import pairs as align
from compare.corpus.group import FOLLOW_UP_DAYS as CORPUS_FOLLOW_UP
from compare.corpus.group import THRESHOLD as CORPUS_THRESHOLD
from compare.corpus.group import WINDOW_DAYS as CORPUS_WINDOW
from compare.errors import CompareError, OptionError, one_line
from compare.load import MAX_BYTES, Meta, parse_date

if TYPE_CHECKING:
    from compare.types import Report, Verdict

DISCREPANCIES = ("diverge", "update")


def _one_line_warning(message: Warning | str, *_args: Any, **_kwargs: Any) -> None:
    """A warning (the vector cache was rebuilt, say) as one line, like an error."""
    typer.echo(f"Warning: {one_line(str(message))}", err=True)


warnings.showwarning = _one_line_warning


_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_UNSURE = object()


def _plain(annotation: Any, low: float | None, high: float | None, value: Any) -> Any:
    """The value typer's pydantic coercion gives a plain str, int, float or list of
    strings, or _UNSURE for anything else (which then goes to typer's own coercion)."""
    if annotation is str:
        return value if isinstance(value, str) else _UNSURE
    if annotation == list[str]:
        strings = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        return list(value) if strings else _UNSURE
    number: int | float
    if annotation is int and type(value) is int:
        number = value
    elif annotation is int and isinstance(value, str) and _INTEGER.fullmatch(value):
        number = int(value)
    elif annotation is float and (
        type(value) in (int, float) or (isinstance(value, str) and _DECIMAL.fullmatch(value))
    ):
        number = float(value)
    else:
        return _UNSURE
    if (low is not None and number < low) or (high is not None and number > high):
        return _UNSURE  # out of range: typer's own message says so
    return number


@dataclass(frozen=True)
class _PlainParam(RuntimeParam):
    """typer 0.29 coerces every option through a pydantic TypeAdapter, and importing
    pydantic is the largest cost of a cached `diff` (a quarter of its CPU).  Our options
    are plain strings, numbers and flags: this gives the same values without pydantic,
    and hands anything else (a bad number, an out-of-range one) to typer's coercion, so
    that results and error messages stay typer's own.  Hand-written for start-up time."""

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Any) -> Any:
        info = self.parameter_info
        if info.parser is None and not info.clamp and param.type_descriptor.file_annotation is None:
            plain = _plain(self.annotation, info.min, info.max, value)
            if plain is not _UNSURE:
                return plain
        full = build_runtime_param(param.type_descriptor)
        return full._coerce_value(value, param=param, ctx=ctx)


def _plain_coercion(params: list[Any]) -> None:
    """Give these parameters the pydantic-free coercion (once each)."""
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            desc = param.type_descriptor
            param._runtime_param = _PlainParam(desc.parameter_info, desc.annotation)


class _Command(TyperCommand):
    """Every command's parameters, --help included, coerced without pydantic."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)


class _Group(TyperGroup):
    """Translates library errors into one line and exit code 2, for every command."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as err:
            raise _one_line(err) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            if ctx.default_map is None:  # [tool.factcompare] supplies defaults; options override
                from compare.config import ConfigError, defaults, vocabulary_files
                from compare.extract.vocab import configure

                try:
                    ctx.default_map = {name: defaults() for name in self.commands}
                    configure(vocabulary_files())
                except ConfigError:
                    # --help must work while the configuration is broken; runs must not.
                    if not {"--help", "-h"} & {*ctx._protected_args, *ctx.args}:
                        raise
                    ctx.default_map = {}
            return super().invoke(ctx)
        except CompareError as err:
            from compare.controls import printable

            typer.echo(f"Error: {printable(str(err))}", err=True)
            raise typer.Exit(err.exit_code) from None
        except UsageError as err:
            raise _one_line(err) from None


class _OneLineUsageError(UsageError):
    """A usage error as one line, like every other error, with where to look for help.

    typer's own (a vendored click) prints the usage, a hint and the error on three lines.
    """

    def show(self, file: Any = None) -> None:
        hint = f" (see '{self.ctx.command_path} --help')" if self.ctx is not None else ""
        typer.echo(f"Error: {one_line(self.message)}{hint}", err=True)


def _one_line(err: UsageError) -> UsageError:
    if isinstance(err, _OneLineUsageError | NoArgsIsHelpError):
        return err  # bare `factcompare` shows the help, as no_args_is_help says
    return _OneLineUsageError(err.format_message(), err.ctx)


app = typer.Typer(
    cls=_Group,
    help="See where news reports agree, diverge, or update a figure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # A fixed width keeps --help identical everywhere, so that the README can quote it
    # (tests/test_docs.py).
    context_settings={"terminal_width": 88, "max_content_width": 88},
)

Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        show_default=False,
        help="table, github, markdown, csv, json, jsonl or html [default: from -o, else table].",
    ),
]
Output = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically); "
        "the format follows its extension: .txt .md .csv .json .jsonl .html.",
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        help="Sentence-transformers model name or directory [default: bundled all-MiniLM-L6-v2]."
    ),
]
MaxBytes = Annotated[int, typer.Option(help="Refuse article files larger than this.")]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        help="Drop rows whose confidence (how likely the row is right) is under this.",
        min=0.0,
        max=1.0,
    ),
]


def _format(ctx: typer.Context, fmt: str | None, out: str | None, inputs: list[str]) -> str:
    """--format, else -o's extension, else the configured format, else table; -o checked early."""
    from compare.render import output

    source = ctx.get_parameter_source("fmt")
    if (
        source is not None
        and source.name == "DEFAULT_MAP"
        and out
        and out != "-"
        and Path(out).suffix.lower() in output.EXTENSIONS
    ):
        fmt = None  # an explicit -o report.html beats a configured format
    if out is not None:
        output.check_target(out, inputs)
    return output.format_for(out, fmt)


def _verdicts(value: str | None, option: str) -> tuple[Verdict, ...] | None:
    from compare.render.output import parse_verdicts

    return None if value is None else parse_verdicts(value, option=option)


def _emit(report: Report, fmt: str, out: str | None) -> None:
    from compare.render import output

    if out is not None and out != "-":
        output.write_atomic(out, output.render(report, fmt))
    elif fmt == "jsonl":
        for line in output.jsonl_lines(report):
            typer.echo(line, nl=False)
    elif fmt == "table" and sys.stdout.isatty():
        from compare.render.term import rich_table

        typer.echo(rich_table(report), nl=False)
    else:
        typer.echo(output.render(report, fmt), nl=False)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, where=option)
    except CompareError:
        raise OptionError(f"{option} {value!r} is not a date like 2024-02-08") from None


@app.command(cls=_Command)
def figures(
    ctx: typer.Context,
    files: Annotated[
        list[str], typer.Argument(help="Article files (text, markdown, HTML, JSON) or -.")
    ],
    fmt: Format = None,
    out: Output = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Every figure in each article: value, interval, what it counts, who says it."""
    from compare.pipeline import figures_report, read_articles

    fmt = _format(ctx, fmt, out, files)
    report = figures_report(read_articles(files, max_bytes=max_bytes))
    _emit(report, fmt, out)


@app.command(cls=_Command)
def diff(
    ctx: typer.Context,
    file_a: Annotated[str, typer.Argument(help="The first article (A).")],
    file_b: Annotated[str, typer.Argument(help="The second article (B).")],
    fmt: Format = None,
    out: Output = None,
    only: Annotated[
        str | None, typer.Option(help="Show only rows with these verdicts, e.g. diverge,update.")
    ] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            help="Drop aligned rows scoring under this (rows with nothing aligned stay).",
            min=0.0,
            max=1.0,
        ),
    ] = None,
    min_confidence: MinConfidence = None,
    claims: Annotated[
        bool,
        typer.Option("--claims", help="Also show statements without figures (hidden by default)."),
    ] = False,
    fail_on: Annotated[
        str, typer.Option(help="Verdicts that make the exit code 1 (comma-separated; '' for none).")
    ] = ",".join(DISCREPANCIES),
    model: Model = None,
    date_a: Annotated[str | None, typer.Option(help="A's publication date (YYYY-MM-DD).")] = None,
    date_b: Annotated[str | None, typer.Option(help="B's publication date (YYYY-MM-DD).")] = None,
    outlet_a: Annotated[str | None, typer.Option(help="A's outlet.")] = None,
    outlet_b: Annotated[str | None, typer.Option(help="B's outlet.")] = None,
    claim_threshold: Annotated[
        float, typer.Option(help="Claims less alike than this stay unique.", min=0.0, max=1.0)
    ] = align.CLAIM_THRESHOLD,
    figure_threshold: Annotated[
        float,
        typer.Option(help="Same-concept figures scoring under this stay unique.", min=0.0, max=2.0),
    ] = align.FIGURE_THRESHOLD,
    max_bytes: MaxBytes = MAX_BYTES,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Compute every vector afresh; leave the cache alone.")
    ] = False,
) -> None:
    """The discrepancy table of two articles: agree, diverge, update, unique.

    Exit code 0 when nothing diverges or updates (see --fail-on), 1 when something does,
    2 on error.
    """
    from compare.pipeline import compare_articles, read_articles
    from compare.render.output import fails, keep_rows

    fmt = _format(ctx, fmt, out, [file_a, file_b])
    shown, failing = _verdicts(only, "--only"), _verdicts(fail_on, "--fail-on") or ()
    metas = [
        Meta(outlet=outlet_a, published=_date(date_a, "--date-a")),
        Meta(outlet=outlet_b, published=_date(date_b, "--date-b")),
    ]
    articles = read_articles([file_a, file_b], metas=metas, max_bytes=max_bytes)
    options = align.Options(claim_threshold=claim_threshold, figure_threshold=figure_threshold)
    report = keep_rows(
        compare_articles(articles, model=model, options=options, cache=not no_cache),
        only=shown,
        min_score=min_score,
        min_confidence=min_confidence,
        claims=claims,
    )
    _emit(report, fmt, out)
    if fails(report, failing):
        raise typer.Exit(1)


@app.command(cls=_Command)
def timeline(
    files: Annotated[list[str], typer.Argument(help="Three or more dated article files.")],
    timeline_format: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, csv or json.")
    ] = "table",
    plot: Annotated[
        str | None, typer.Option("--plot", help="Also draw the series to this PNG file.")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            help="Drop steps whose confidence (how likely the step is right) is under this.",
            min=0.0,
            max=1.0,
        ),
    ] = None,
    model: Model = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Per count, the figure each article reports in date order: update, agree or diverge.

    Exit code 0 when nothing diverges or updates, 1 when something does, 2 on error.
    """
    from compare.pipeline import read_articles
    from compare.render.timeline import TIMELINE_FORMATS, keep_points, render_timeline
    from compare.render.timeline import plot as draw
    from compare.timeline import timeline as build

    if timeline_format not in TIMELINE_FORMATS:
        choices = ", ".join(TIMELINE_FORMATS)
        raise OptionError(f"unknown format {timeline_format!r} (choose from {choices})")
    if plot is not None:
        from compare.render.output import check_target

        check_target(plot, files, option="--plot")
    result = keep_points(
        build(read_articles(files, max_bytes=max_bytes), model=model), min_confidence
    )
    table = render_timeline(result, timeline_format)
    if plot is not None:  # before the table: a failed plot must not leave half the output
        draw(result, plot)
    typer.echo(table, nl=False)
    if any(p.verdict in DISCREPANCIES for s in result.series for p in s.points):
        raise typer.Exit(1)


@app.command(cls=_Command)
def check(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="Fixture directories, case directories or case names [default: fixtures].",
            show_default=False,
        ),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Rewrite the expectations on purpose.")
    ] = False,
    model: Model = None,
) -> None:
    """Run golden fixture cases; show what changed against their expected.json.

    Exit code 0 all pass, 1 some changed, 2 a case could not run.
    """
    from compare import check as golden
    from compare.check import render_outcome
    from compare.render.term import progress

    cases = golden.resolve(targets or [])
    outcomes = []
    running = golden.run_cases(cases, model=model, update=update)
    for outcome in progress(running, total=len(cases), label="checking"):
        typer.echo(render_outcome(outcome))
        outcomes.append(outcome)
    code = golden.exit_code(outcomes)
    if code:
        raise typer.Exit(code)


@app.command(cls=_Command)
def corpus(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files, directories (recursively) and JSONL files of records."),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help="table, json, jsonl or html [default: table].",
        ),
    ] = None,
    out: Output = None,
    window: Annotated[
        int, typer.Option(help="Articles further apart in days are different events.", min=0)
    ] = CORPUS_WINDOW,
    follow_up: Annotated[
        int,
        typer.Option(
            help="Articles that share rare names (people, storms, trials) may be this many "
            "days apart.",
            min=0,
        ),
    ] = CORPUS_FOLLOW_UP,
    threshold: Annotated[
        float,
        typer.Option(
            help="Link score (title + lead similarity, plus shared rare names) below which "
            "articles stay apart.",
            min=0,
            max=2,
        ),
    ] = CORPUS_THRESHOLD,
    min_confidence: MinConfidence = None,
    engine: Annotated[str, typer.Option(help="local (one process) or ray.")] = "local",
    ray_address: Annotated[
        str | None, typer.Option(help="Join this Ray cluster [default: start a local one].")
    ] = None,
    model: Model = None,
    max_bytes: MaxBytes = MAX_BYTES,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Compute every vector afresh; leave the cache alone.")
    ] = False,
) -> None:
    """Group many articles into events and compare each event's figures.

    Exit code 0 when no event has an alarm (diverge or update), 1 when one has, 2 on error.
    """
    from compare.corpus import corpus as build
    from compare.corpus.run import Settings
    from compare.render import corpus as view
    from compare.render.output import check_target, write_atomic
    from compare.render.term import progress

    fmt = fmt or (view.EXTENSIONS.get(Path(out).suffix.lower()) if out and out != "-" else None)
    fmt = fmt or "table"
    if fmt not in view.FORMATS:
        raise OptionError(f"unknown format {fmt!r} (choose from {', '.join(view.FORMATS)})")
    if out is not None and out != "-":
        check_target(out, paths)
    settings = Settings(
        threshold=threshold,
        window=window,
        follow_up=follow_up,
        model=model,
        cache=not no_cache,
        max_bytes=max_bytes,
    )
    result = build(
        paths,
        settings,
        engine=engine,
        ray_address=ray_address,
        progress=lambda items, total, label: progress(items, total=total, label=label),
    )
    result = view.keep_confident(result, min_confidence)
    text = view.render(result, fmt)
    if out is not None and out != "-":
        write_atomic(out, text)
    else:
        typer.echo(text, nl=False)
    if any(e.alarms for e in result.events):
        raise typer.Exit(1)


def main() -> None:
    """The CLI (the console command enters through :mod:`compare.__main__`, which may first
    start the encoder; a library warning, such as the model's ONNX export being unusable,
    shows as one line: see ``_one_line_warning``)."""
    app()
