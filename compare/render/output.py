"""Where a report goes: its format, which rows it keeps, and an atomic write.  Never prints.

``-o FILE`` picks the format from the file's extension unless ``--format`` says
otherwise; the file is written to a temporary sibling and renamed into place, so
a reader never sees half a report and an error never clobbers the old one.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from compare.errors import OptionError
from compare.render import report as text_report
from compare.types import VERDICTS, Report, Verdict

FORMATS = (*text_report.FORMATS, "jsonl", "html")
DEFAULT_FORMAT = "table"
EXTENSIONS = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_FAIL_ON: tuple[Verdict, ...] = ("diverge", "update")


def check_format(fmt: str) -> str:
    """``fmt`` if it is one of FORMATS, else a one-line OptionError listing them."""
    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return fmt


def format_for(output: str | None, fmt: str | None) -> str:
    """The format to write: ``--format`` if given, else from ``-o``'s extension, else table.

    >>> format_for("out/report.html", None), format_for("report.html", "json")
    ('html', 'json')
    >>> format_for(None, None)
    'table'
    """
    if fmt is not None:
        return check_format(fmt)
    if output is None or output == "-":
        return DEFAULT_FORMAT
    suffix = Path(output).suffix.lower()
    if suffix not in EXTENSIONS:
        raise OptionError(
            f"-o {output}: cannot tell the format from "
            f"{suffix or 'a name without an extension'!r}; "
            f"use one of {', '.join(EXTENSIONS)} or give --format"
        )
    return EXTENSIONS[suffix]


def check_target(output: str, inputs: Sequence[str] = (), *, option: str = "-o") -> None:
    """Fail before any work if ``output`` cannot be written or would overwrite an input."""
    if output == "-":
        return
    resolved = _real(output, option)
    target = Path(resolved)
    if target.is_dir():
        raise OptionError(f"{option} {output}: is a directory; give a file name")
    if _special(output, target):
        if not os.access(output, os.W_OK):
            raise OptionError(f"{option} {output}: cannot write to it")
        return
    if not target.parent.is_dir():
        raise OptionError(f"{option} {output}: no such directory {str(Path(output).parent)!r}")
    if not os.access(target.parent, os.W_OK):
        raise OptionError(f"{option} {output}: cannot write in {str(target.parent)!r}")
    for path in inputs:
        if path != "-" and _real(path, None) == resolved:
            raise OptionError(f"{option} {output}: is an input article; refusing to overwrite it")


def _real(path: str, option: str | None) -> str:
    """The path with every symbolic link followed; a loop is a one-line error."""
    try:
        return str(Path(path).resolve(strict=False))
    except (RuntimeError, OSError):
        if option is None:
            from compare.errors import InputError

            raise InputError(f"{path}: symbolic link loop") from None
        raise OptionError(f"{option} {path}: symbolic link loop") from None


def _special(given: str, target: Path) -> bool:
    """Whether a write must go straight into the file: a device, a FIFO, a socket, or a
    name under /dev or /proc (``/dev/stdout`` may stand for a terminal, a pipe or the
    regular file the shell redirected to; replacing that file would lose the output)."""
    if given.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def parse_verdicts(value: str | Sequence[str], *, option: str) -> tuple[Verdict, ...]:
    """Verdicts from 'diverge,update' (or a list, from a config file), each checked.

    >>> parse_verdicts("diverge, update", option="--only")
    ('diverge', 'update')
    """
    items = value.split(",") if isinstance(value, str) else list(value)
    chosen: list[Verdict] = []
    for item in (str(i).strip() for i in items):
        verdict = next((v for v in VERDICTS if v == item), None)
        if verdict is None:
            if item == "" and isinstance(value, str) and value.strip() == "":
                continue  # an empty --fail-on means nothing fails
            raise OptionError(
                f"{option}: unknown verdict {item!r} (choose from {', '.join(VERDICTS)})"
            )
        if verdict not in chosen:
            chosen.append(verdict)
    return tuple(chosen)


def keep_rows(
    report: Report,
    *,
    only: Sequence[Verdict] | None = None,
    min_score: float | None = None,
    min_confidence: float | None = None,
    claims: bool = True,
) -> Report:
    """The report with only the rows a reader asked for.

    ``min_score`` drops aligned rows scoring under it; rows with nothing aligned
    have no score and stay (drop those with ``only``).  ``min_confidence`` drops rows
    less likely to be right than that; ``claims=False`` drops statements without
    figures (the CLI's default; ``--claims`` keeps them).
    """
    if report.rows is None or (
        only is None and min_score is None and min_confidence is None and claims
    ):
        return report
    rows = tuple(
        r
        for r in report.rows
        if (only is None or r.verdict in only)
        and (min_score is None or r.score is None or r.score >= min_score)
        and (min_confidence is None or r.confidence is None or r.confidence >= min_confidence)
        and (claims or not text_report.is_statement(r))
    )
    return replace(report, rows=rows)


def fails(report: Report, fail_on: Sequence[Verdict] = DEFAULT_FAIL_ON) -> bool:
    """Whether any row has a verdict that makes the exit code 1."""
    return any(r.verdict in fail_on for r in report.rows or ())


def render(report: Report, fmt: str) -> str:
    """The report in any of FORMATS, as one string."""
    check_format(fmt)
    if fmt == "jsonl":
        return "".join(jsonl_lines(report))
    if fmt == "html":
        from compare.render.html import render_html

        return render_html(report)
    return text_report.render(report, fmt)


def jsonl_lines(report: Report) -> Iterator[str]:
    """One JSON object per line: per row (diff) with its figures inline, or per figure.

    Each object stands alone, so a stream can be filtered line by line (``jq -c``,
    ``grep``) without the rest of the report.
    """
    data = text_report.to_dict(report)
    figures = {f["id"]: f for f in data["figures"]}
    articles = {a["id"]: a for a in data["articles"]}
    if report.rows is None:
        items = [{**f, "path": articles[f["article"]]["path"]} for f in data["figures"]]
    else:
        items = [
            {**row, "figure_a": figures.get(row["a"]), "figure_b": figures.get(row["b"])}
            for row in data["rows"]
        ]
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def write_atomic(path: str, text: str | bytes, *, option: str = "-o") -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory.

    ``os.replace`` is atomic on one file system, so ``path`` holds either the old
    content or the whole new report, never a part; the temporary file goes on any
    exit, SIGTERM included.  A symbolic link is followed and its target replaced;
    a device, FIFO or ``/dev/stdout`` is written to directly, never replaced.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    target = Path(_real(path, option))
    if _special(path, target):
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as err:
            raise OptionError(f"{option} {path}: cannot write: {err.strerror or err}") from None
        return
    write_files({target: data}, option=option, name=path)


def write_files(
    contents: Mapping[Path, bytes],
    *,
    option: str = "-o",
    name: str | None = None,
    journal: Path | None = None,
) -> None:
    """Write several files as one step: every temporary file first, then the renames.

    Until the first rename nothing the reader sees has changed; a failure before then
    removes every temporary file.  With a ``journal``, the list of renames is written
    (atomically) before the first one, so that :func:`recover` can finish the step after
    a kill between two renames.  ``check --update`` writes its expectation pair so.
    """
    temps: dict[Path, str] = {}
    committed = False  # once the journal is written, recover() owns the temporary files
    try:
        with _terminate_as_exit():
            for target, data in contents.items():
                try:
                    fd, tmp = tempfile.mkstemp(
                        prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
                    )
                except OSError as err:
                    where = name or str(target)
                    raise OptionError(
                        f"{option} {where}: cannot write: {err.strerror or err}"
                    ) from None
                temps[target] = tmp
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                # mkstemp makes the file private (0600); a report gets the usual permissions.
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            if journal is not None:
                plan = {str(target): tmp for target, tmp in temps.items()}
                write_files({journal: json.dumps(plan).encode()}, option=option)
                committed = True
            for target, tmp in list(temps.items()):
                os.replace(tmp, target)
                del temps[target]
            if journal is not None:
                journal.unlink()
    except BaseException as err:
        for tmp in () if committed else temps.values():
            Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            where = name or str(next(iter(contents)))
            raise OptionError(f"{option} {where}: cannot write: {err.strerror or err}") from None
        raise


TEMP_SUFFIX = ".tmp"


def recover(journal: Path, targets: Sequence[Path]) -> None:
    """Finish a step of :func:`write_files` that a kill interrupted, or roll it back.

    A journal means every temporary file was complete: the renames it lists are done.
    Without one the step never started: stray temporary files of ``targets`` go.
    """
    try:
        plan = json.loads(journal.read_text(encoding="utf-8")) if journal.exists() else None
    except (OSError, ValueError):
        plan = None
    if isinstance(plan, dict):
        for target, tmp in plan.items():
            if isinstance(tmp, str) and Path(tmp).exists():
                os.replace(tmp, target)
        journal.unlink()
    for target in targets:
        for stray in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
            stray.unlink(missing_ok=True)


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM (and SIGHUP) raise SystemExit while files are written, so that the
    cleanup above runs; outside the main thread signals cannot be set and stay as they are."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
