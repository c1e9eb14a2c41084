"""Hostile input (issue 14): one `Error:` line and exit 2, nothing on stdout, files untouched,
and bounded time.

Each case runs in a fresh directory holding its files and an ``out.json`` from an
earlier run.  The time budget is BUDGET_S + BUDGET_S_PER_MB per megabyte of input, times the
machine's load per core when above 1: generous on purpose (a shared 2-core machine is
noisy), but a run that used to hang for minutes, or grow quadratically, cannot meet it.  The timings themselves are
measured by ``make bench-hostile`` (bench/hostile.py), not here.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app

BUDGET_S = 10.0  # start-up and a model-free run, whatever the input
BUDGET_S_PER_MB = 60.0  # the slowest kind in bench/hostile.md runs at about 15-40 s per MB
OLD_REPORT = b'{"from": "an earlier run"}\n'
OK = b"At least 27,840 Palestinians have been killed, the ministry said.\n"

_ALIAS_BOMB = (
    b"---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
    + b"".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n".encode()
        for p, n in zip("abcde", "bcdef", strict=True)
    )
    + b"title: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n"
    + OK
)


def _fm(lines: str) -> bytes:
    return b"---\n" + lines.encode() + b"\n---\n" + OK


# (id, files, args, exit code, the one stderr line or None for a clean run)
Case = tuple[str, dict[str, bytes], list[str], int, str | None]
LOAD_CASES: list[Case] = [
    (
        "impossible-date-in-front-matter",
        {"a.md": _fm("published: 2024-02-30")},
        ["figures", "a.md"],
        2,
        "a.md: published date '2024-02-30' is not a date like 2024-02-08",
    ),
    (
        "date-with-trailing-junk",
        {"a.md": _fm("published: 2024-02-08junk")},
        ["figures", "a.md"],
        2,
        "a.md: published date '2024-02-08junk' is not a date like 2024-02-08",
    ),
    (
        "date-option-with-trailing-junk",
        {"a.txt": OK, "b.txt": OK.replace(b"27,840", b"28,000")},
        ["diff", "a.txt", "b.txt", "--date-a", "2024-02-08junk"],
        2,
        "--date-a '2024-02-08junk' is not a date like 2024-02-08",
    ),
    (
        "yaml-alias-bomb",
        {"a.md": _ALIAS_BOMB},
        ["figures", "a.md"],
        2,
        "a.md: the front-matter block uses YAML aliases (*name); write the values out",
    ),
    (
        "yaml-nested-deep",
        {"a.md": _fm("a: " + "[" * 30000 + "]" * 30000)},
        ["figures", "a.md"],
        2,
        "a.md: the front-matter block is nested more than 32 levels deep",
    ),
    (
        "yaml-front-matter-too-big",
        {"a.md": _fm("a: " + "[" * 100000 + "]" * 100000)},
        ["figures", "a.md"],
        2,
        "a.md: the front-matter block is over 65,536 characters",
    ),
    (
        "json-nested-deep",
        {"a.json": b"[" * 100000 + b"]" * 100000},
        ["figures", "a.json"],
        2,
        "a.json: JSON nested too deep to be an article record",
    ),
    (
        "sidecar-json-nested-deep",
        {"a.txt": OK, "a.txt.meta.json": b"[" * 100000 + b"]" * 100000},
        ["figures", "a.txt"],
        2,
        "a.txt.meta.json: JSON nested too deep to be metadata",
    ),
    (
        "colon-in-title-is-text",
        {"a.md": _fm("title: Police: 3 dead in shooting\npublished: 2024-02-08")},
        ["figures", "a.md", "-f", "json"],
        0,
        None,
    ),
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "out.json").write_bytes(OLD_REPORT)
    monkeypatch.chdir(tmp_path)  # no factcompare.toml above a tmp dir
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes | str | None]:
    def content(p: Path) -> bytes | str | None:
        if p.is_symlink():
            return f"-> {os.readlink(p)}"
        if p.is_fifo():
            return "fifo"
        return p.read_bytes() if p.is_file() else None

    return {str(p.relative_to(folder)): content(p) for p in sorted(folder.rglob("*"))}


def _budget(files: dict[str, bytes]) -> float:
    size = sum(len(d) for d in files.values()) / 1e6
    return (BUDGET_S + BUDGET_S_PER_MB * size) * _load_factor()


def _load_factor() -> float:
    """How many runnable processes share each core now (at least 1): on a machine running
    seven others per core a run takes several times as long, while a hang still takes
    minutes or hours.  A hung or quadratic run fails the budget at any load."""
    per_core = os.getloadavg()[0] / (os.cpu_count() or 1)
    return max(1.0, per_core)


def _run(
    runner: CliRunner, folder: Path, files: dict[str, bytes], args: list[str]
) -> tuple[int, str, str, float]:
    for name, data in files.items():
        (folder / name).write_bytes(data)
    before = _snapshot(folder)
    start = time.perf_counter()
    result = runner.invoke(app, args)
    seconds = time.perf_counter() - start
    assert not isinstance(result.exception, Exception), repr(result.exception)
    if "--update" not in args:
        assert _snapshot(folder) == before  # inputs, out.json untouched, no temporary file
    return result.exit_code, result.stdout, result.stderr, seconds


def _check(
    runner: CliRunner, folder: Path, files: dict[str, bytes], args: list[str], code: int,
    message: str | None,
) -> str:  # fmt: skip
    """Run one case; assert exit code, the one line, stdout, files untouched, time budget."""
    exit_code, stdout, stderr, seconds = _run(runner, folder, files, args)
    if message is None:
        assert (exit_code, stderr) == (code, "")
    else:
        assert (exit_code, stderr, stdout) == (code, f"Error: {message}\n", "")
    assert seconds < _budget(files), f"{seconds:.1f} s"
    return stdout


@pytest.mark.parametrize(
    ("files", "args", "code", "message"),
    [c[1:] for c in LOAD_CASES],
    ids=[c[0] for c in LOAD_CASES],
)
def test_hostile_input_file(
    workdir: Path, runner: CliRunner, files: dict[str, bytes], args: list[str], code: int,
    message: str | None,
) -> None:  # fmt: skip
    _check(runner, workdir, files, [*args], code, message)


def test_colon_title_read_as_text(workdir: Path, runner: CliRunner) -> None:
    files = {"a.md": _fm("title: Police: 3 dead in shooting\npublished: 2024-02-08")}
    stdout = _check(runner, workdir, files, ["figures", "a.md", "-f", "json"], 0, None)
    assert '"title": "Police: 3 dead in shooting"' in stdout
    assert '"published": "2024-02-08"' in stdout


# Special files as input: (id, how to make it in the folder, args, the one line)
SPECIAL_INPUTS: list[tuple[str, Callable[[Path], None], list[str], str]] = [
    (
        "symlink-loop",
        lambda d: os.symlink("loop.txt", d / "loop.txt"),
        ["figures", "loop.txt"],
        "loop.txt: symbolic link loop",
    ),
    (
        "dev-zero-counts-bytes-read",
        lambda d: None,
        ["figures", "/dev/zero", "--max-bytes", "1000000"],
        "/dev/zero: over the 1,000,000-byte limit (raise it with --max-bytes)",
    ),
    (
        "fifo-without-writer",
        lambda d: os.mkfifo(d / "pipe.txt"),
        ["figures", "pipe.txt"],
        "pipe.txt: named pipe gave no data for 0.5 s (no writer?)",
    ),
]


@pytest.mark.parametrize(
    ("make", "args", "message"), [c[1:] for c in SPECIAL_INPUTS], ids=[c[0] for c in SPECIAL_INPUTS]
)
def test_special_file_as_input(
    workdir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], None], args: list[str], message: str,
) -> None:  # fmt: skip
    monkeypatch.setattr("compare.load.FIFO_TIMEOUT_S", 0.5)
    make(workdir)
    _check(runner, workdir, {}, [*args, "-o", "out.json"], 2, message)


def test_stdin_counts_bytes_read(workdir: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["figures", "-", "--max-bytes", "10"], input=OK * 3)
    assert (result.exit_code, result.stderr, result.stdout) == (
        2,
        "Error: -: over the 10-byte limit (raise it with --max-bytes)\n",
        "",
    )


def test_fifo_with_a_writer_is_read(workdir: Path, runner: CliRunner) -> None:
    import threading

    os.mkfifo(workdir / "pipe.txt")

    def write() -> None:
        with open(workdir / "pipe.txt", "wb") as handle:
            handle.write(OK)

    writer = threading.Thread(target=write)
    writer.start()
    result = runner.invoke(app, ["figures", "pipe.txt", "-f", "csv"])
    writer.join()
    assert result.exit_code == 0 and "27840" in result.stdout
    assert stat.S_ISFIFO((workdir / "pipe.txt").stat().st_mode)


# -o onto what is not a regular file: (id, make it, -o, what must hold afterwards)
def _is_char_device(p: Path) -> bool:
    return stat.S_ISCHR(p.stat().st_mode)


def test_output_onto_dev_null_writes_through(workdir: Path, runner: CliRunner) -> None:
    (workdir / "a.txt").write_bytes(OK)
    result = runner.invoke(app, ["figures", "a.txt", "-o", "/dev/null", "-f", "json"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert _is_char_device(Path("/dev/null"))
    assert not list(Path("/dev").glob(".null.*"))


def test_output_onto_fifo_writes_into_it(workdir: Path, runner: CliRunner) -> None:
    import threading

    (workdir / "a.txt").write_bytes(OK)
    os.mkfifo(workdir / "report.csv")
    got: list[bytes] = []

    def read() -> None:
        with open(workdir / "report.csv", "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = runner.invoke(app, ["figures", "a.txt", "-o", "report.csv"])
    reader.join(timeout=30)
    assert (result.exit_code, result.stderr) == (0, "")
    assert b"27840" in got[0]
    assert stat.S_ISFIFO((workdir / "report.csv").lstat().st_mode)


def test_output_onto_symlink_replaces_its_target(workdir: Path, runner: CliRunner) -> None:
    (workdir / "a.txt").write_bytes(OK)
    (workdir / "real").mkdir()
    (workdir / "real" / "report.json").write_bytes(OLD_REPORT)
    os.symlink("real/report.json", workdir / "link.json")
    result = runner.invoke(app, ["figures", "a.txt", "-o", "link.json"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert os.readlink(workdir / "link.json") == "real/report.json"
    assert b'"value": 27840' in (workdir / "real" / "report.json").read_bytes()
    assert sorted(p.name for p in (workdir / "real").iterdir()) == ["report.json"]


@pytest.mark.parametrize("option", ["-o", "--plot"])
def test_output_onto_symlink_loop_is_one_line(
    workdir: Path, runner: CliRunner, option: str
) -> None:
    os.symlink("loop.png", workdir / "loop.png")
    files = {name: OK.replace(b"27,840", n) for name, n in
             (("a.txt", b"27,840"), ("b.txt", b"28,000"), ("c.txt", b"29,000"))}  # fmt: skip
    command = ["figures", "a.txt"] if option == "-o" else ["timeline", "a.txt", "b.txt", "c.txt"]
    _check(runner, workdir, files, [*command, option, "loop.png", "-f", "json"], 2,
           f"{option} loop.png: symbolic link loop")  # fmt: skip


def test_dev_stdout_gets_the_report(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_bytes(OK)
    done = subprocess.run(
        [sys.executable, "-m", "compare", "figures", "a.txt", "-o", "/dev/stdout", "-f", "csv"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"27840" in done.stdout


def test_sigterm_during_write_leaves_no_temp_file(
    workdir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from compare.render import output

    (workdir / "a.txt").write_bytes(OK)
    before = _snapshot(workdir)
    handler = signal.getsignal(signal.SIGTERM)  # another library (Ray) may have set one
    monkeypatch.setattr(output.os, "fsync", lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    result = runner.invoke(app, ["figures", "a.txt", "-o", "out.json"])
    assert result.exit_code == 128 + signal.SIGTERM
    assert _snapshot(workdir) == before
    assert signal.getsignal(signal.SIGTERM) is handler


# A broken configuration: (id, the file and its bytes, the one line after "Error: <path>")
CONFIGS: list[tuple[str, str, bytes, str]] = [
    ("non-utf8-config", "factcompare.toml", b'format = "js\xffon"\n', ": not UTF-8 text (byte 12)"),
    ("tool-is-a-number", "pyproject.toml", b"tool = 5\n", ": tool must be a table ([tool.factcompare])"),
    (
        "threshold-blamed-on-key",
        "factcompare.toml",
        b"claim_threshold = 1.5\n",
        ": claim_threshold must be a number between 0 and 1, not 1.5",
    ),
    (
        "nan-threshold",
        "factcompare.toml",
        b"figure_threshold = nan\n",
        ": figure_threshold must be a number between 0 and 2, not nan",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "message"), [c[1:] for c in CONFIGS], ids=[c[0] for c in CONFIGS]
)
def test_broken_config_is_one_line_and_help_still_works(
    workdir: Path, runner: CliRunner, name: str, data: bytes, message: str
) -> None:
    (workdir / name).write_bytes(data)
    _check(runner, workdir, {"a.txt": OK}, ["figures", "a.txt"], 2, f"{workdir / name}{message}")
    result = runner.invoke(app, ["diff", "--help"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Usage: ")


USAGE: list[tuple[str, list[str], str]] = [
    ("missing-argument", ["figures"], "Missing argument 'files'. (see 'factcompare figures --help')"),
    ("unknown-option", ["figures", "a.txt", "--bogus"], "No such option: --bogus (see 'factcompare figures --help')"),
    ("unknown-command", ["bogus"], "No such command 'bogus'. (see 'factcompare --help')"),
    (
        "nan-min-score",
        ["diff", "a.txt", "a.txt", "--min-score", "nan"],
        "Invalid value for '--min-score': Input should be less than or equal to 1 "
        "(see 'factcompare diff --help')",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), [c[1:] for c in USAGE], ids=[c[0] for c in USAGE])
def test_usage_errors_are_one_line(
    workdir: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args, prog_name="factcompare")
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"Error: {message}\n", "")


# check: (id, files of the case directory "case", the one line after "Error: ")
def _case(**extra: bytes) -> dict[str, bytes]:
    return {"a.txt": OK, "b.txt": OK.replace(b"27,840", b"28,000"), **extra}


CHECKS: list[tuple[str, dict[str, bytes], str]] = [
    (
        "input-outside-the-fixtures",
        _case(**{"case.toml": b'inputs = ["../../../../../../../../etc/passwd", "b.txt"]\n'}),
        "input '../../../../../../../../etc/passwd' is outside the case directory and the "
        "fixtures' root",
    ),
    ("inputs-not-a-list", _case(**{"case.toml": b'inputs = "a.txt"\n'}), "inputs must be a list"),
    ("options-not-numbers", _case(**{"case.toml": b'[options]\nclaim_threshold = "high"\n'}),
     "options.claim_threshold must be a finite number >= 0, not 'high'"),
    ("nan-tolerance", _case(**{"case.toml": b"[tolerance]\nscore = nan\n"}),
     "tolerance.score must be a finite number >= 0, not nan"),
    ("tolerance-not-a-table", _case(**{"case.toml": b"tolerance = 3\n"}), "[tolerance] must be a table"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "message"), [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS])
def test_check_refuses_bad_cases_in_one_line(
    workdir: Path, runner: CliRunner, files: dict[str, bytes], message: str
) -> None:
    (workdir / "fixtures" / "case").mkdir(parents=True)
    (workdir / ".git").mkdir()  # the fixtures' root
    files = {f"fixtures/case/{name}": data for name, data in files.items()}
    exit_code, stdout, stderr, _ = _run(runner, workdir, files, ["check", "fixtures/case"])
    assert (exit_code, stdout, stderr.count("\n")) == (2, "", 1)
    assert stderr.startswith(f"Error: fixtures/case/case.toml: {message}")


def test_check_on_an_empty_directory_says_so(workdir: Path, runner: CliRunner) -> None:
    (workdir / "empty").mkdir()
    _check(runner, workdir, {}, ["check", "empty"], 2, "empty: no fixture cases in this directory")


def test_check_refuses_an_expected_json_of_the_wrong_shape(
    workdir: Path, runner: CliRunner
) -> None:
    (workdir / "fixtures" / "case").mkdir(parents=True)
    files = {
        f"fixtures/case/{n}": d for n, d in _case(**{"expected.json": b'{"rows": {}}'}).items()
    }
    exit_code, stdout, stderr, _ = _run(runner, workdir, files, ["check", "fixtures/case"])
    assert (exit_code, stderr) == (2, "")
    assert stdout == "FAILED   case: fixtures/case/expected.json: rows must be a list of objects\n"


def test_update_killed_between_the_renames_is_finished_next_run(
    workdir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.render import output

    case = workdir / "fixtures" / "case"
    case.mkdir(parents=True)
    for name, data in _case(**{"expected.json": b"{}\n", "expected.md": b"old\n"}).items():
        (case / name).write_bytes(data)
    replace = os.replace
    calls: list[str] = []

    def killed_after_first(src: str, dst: str) -> None:
        calls.append(str(dst))
        if len(calls) == 3:  # the journal, expected.json, then the kill before expected.md
            raise SystemExit(143)
        replace(src, dst)

    monkeypatch.setattr(output.os, "replace", killed_after_first)
    result = runner.invoke(app, ["check", "--update", "fixtures/case"])
    assert result.exit_code == 143
    assert (case / "expected.md").read_text() == "old\n"  # out of step, for now
    monkeypatch.setattr(output.os, "replace", replace)
    result = runner.invoke(app, ["check", "fixtures/case"])
    assert (result.exit_code, result.stdout) == (0, "passed   case\n"), result.stdout
    assert "| verdict" in (case / "expected.md").read_text()
    assert sorted(p.name for p in case.iterdir()) == [
        "a.txt", "b.txt", "expected.json", "expected.md"
    ]  # fmt: skip


ESCAPES = (
    "\x1b[2J\x1b[H"  # clear the screen
    "\x1b]0;pwned\x07"  # window title
    "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x9b31m"  # 8-bit CSI
)
HOSTILE = (
    f'=HYPERLINK("http://e.x") said 5 {ESCAPES} died.\n'
    "@SUM(1) said 7 | <b>x</b> were hurt.\n"
    "+cmd|' /C calc'!A0 said 9 were missing.\n"
    "-2+3 said 4 were found.\n" + "Nothing else was reported from the town that day.\n" * 40
).encode()


def _controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]


@pytest.mark.parametrize("fmt", ["table", "github", "markdown", "csv"])
def test_no_control_sequence_reaches_the_terminal(
    workdir: Path, runner: CliRunner, fmt: str
) -> None:
    stdout = _check(runner, workdir, {"a.txt": HOSTILE}, ["figures", "a.txt", "-f", fmt], 0, None)
    assert _controls(stdout) == [] and "click" in stdout


def test_rich_table_strips_control_sequences() -> None:
    from compare.pipeline import extract, figures_report
    from compare.render.term import rich_table
    from compare.types import Article

    article = Article("a", f"t{ESCAPES}.txt", HOSTILE.decode(), title=f"T{ESCAPES}")
    text = rich_table(figures_report([extract(article).article]), width=200)
    no_colour = text.replace("\x1b[", "")  # rich's own colours stay
    assert "]0;" not in no_colour and "]8;" not in no_colour and "2J" not in no_colour


def test_csv_cells_cannot_run_as_formulas(workdir: Path, runner: CliRunner) -> None:
    import csv
    import io

    stdout = _check(runner, workdir, {"a.txt": HOSTILE}, ["figures", "a.txt", "-f", "csv"], 0, None)
    cells = [c for row in csv.reader(io.StringIO(stdout)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c[:1] == "-" and not c[1:].replace(".", "").isdigit()]
    assert {"'=HYPERLINK(\"http://e.x\") said 5 click died.", "'@SUM(1) said 7 | <b>x</b> were hurt.",
            "'+cmd|' /C calc'!A0 said 9 were missing.", "'-2+3 said 4 were found."} <= set(cells)  # fmt: skip


def test_markdown_escapes_pipes_and_html(workdir: Path, runner: CliRunner) -> None:
    args = ["figures", "a.txt", "-f", "markdown"]
    stdout = _check(runner, workdir, {"a.txt": HOSTILE}, args, 0, None)
    assert "@SUM(1) said 7 \\| &lt;b>x&lt;/b> were hurt." in stdout and "<b>" not in stdout


# The inputs that hung (issue 14), at the sizes the issue gives: each must finish within
# BUDGET_S + BUDGET_S_PER_MB per MB.  On main they ran past 60 s (or, for 350 KB of
# "1,000, ", hours: 4,000 repeats already took 26 s).
HANGS: list[tuple[str, str, str]] = [
    ("letters-then-list-items", "a.txt", "Officials said " + "a" * 20000 + "1. B" + " 1. B" * 20 + " 5 died."),
    ("heading-of-spaces", "a.md", "# a" + " " * 3000 + "b\n\nAt least 5 died.\n"),
    ("line-of-underscore-tokens", "a.md", "_a " * 30000 + "\nAt least 5 died.\n"),
    ("thousands-list", "a.txt", "1,000, " * 50000),
    ("one-400kb-line", "a.txt", " ".join(["At least 1,200 people", "\"said", "dozens (of)", "nearly"] * 20000)),
    ("open-brackets", "a.md", "At least 5 died. " + "[" * 300000),
    ("blank-lines", "a.md", " \n" * 200000 + "At least 5 died.\n"),
    ("unclosed-quote", "a.txt", '"At least 5 died. ' + "a. B " * 80000),
    ("run-of-dots", "a.txt", "At least 5 died" + "." * 400000 + " Then 7 more."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text"), [c[1:] for c in HANGS], ids=[c[0] for c in HANGS])
def test_former_hangs_finish_in_linear_time(
    workdir: Path, runner: CliRunner, name: str, text: str
) -> None:
    files = {name: text.encode()}
    _check(runner, workdir, files, ["figures", name, "-f", "csv"], 0, None)


def _foreign_table(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE vectors (id INTEGER PRIMARY KEY, blob BLOB)")


def _damaged_pages(path: Path) -> None:
    import numpy as np

    from compare.cache import VectorCache

    with VectorCache("m", directory=path.parent) as cache:
        rng = np.random.default_rng(0)
        cache.put({f"s{i}": rng.standard_normal(384).astype(np.float32) for i in range(400)})
    data = bytearray(path.read_bytes())
    data[8192:] = b"\xa5" * (len(data) - 8192)  # header and schema intact, rows not
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage", [_foreign_table, _damaged_pages], ids=["foreign-table", "damaged-pages"]
)
def test_a_cache_the_startup_check_missed_is_rebuilt_once(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    import warnings

    import numpy as np

    from compare.cache import CACHE_FILE, CacheRebuilt, VectorCache

    damage(tmp_path / CACHE_FILE)
    vector = np.full(384, 0.05, dtype=np.float32)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with VectorCache("m", directory=tmp_path) as cache:
            cache.get([f"s{i}" for i in range(400)])
            cache.put({"A sentence.": vector})
        with VectorCache("m", directory=tmp_path) as cache:  # the next run: a working cache
            assert np.array_equal(cache.get(["A sentence."])["A sentence."], vector)
    assert [w.category for w in seen] == [CacheRebuilt]
    assert "was unreadable" in str(seen[0].message) and "rebuilt it" in str(seen[0].message)


def test_a_warning_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """How the CLI shows warnings (compare.cli sets warnings.showwarning to this)."""
    from compare import cli
    from compare.cache import CacheRebuilt

    cli._one_line_warning(CacheRebuilt("the vector cache x was unreadable\n(y); rebuilt it"))
    assert capsys.readouterr().err == "Warning: the vector cache x was unreadable (y); rebuilt it\n"


def test_timeline_plot_failing_prints_no_table(
    workdir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plot is drawn and written before the table is printed: a failure leaves stdout empty."""
    from compare.render import output
    from tests.test_timeline import write

    paths = write(workdir)

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full_disk)
    before = _snapshot(workdir)
    result = runner.invoke(app, ["timeline", *paths, "--plot", "series.png"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: --plot series.png: cannot write: No space left on device\n"
    assert _snapshot(workdir) == before


def test_diff_of_repeated_sentences_stays_small(workdir: Path) -> None:
    """Two 400 KB files of one sentence repeated: a sentence repeated is one claim, so the
    diff takes seconds and little memory (it took minutes and 9 GB, aligning every copy
    with every other).  Run as its own process, which reports its own peak memory."""
    import json
    import subprocess
    import sys
    import time

    line = "The ministry said {} people were killed in the strike on Tuesday. "
    (workdir / "a.txt").write_text(line.format(30) * 6000, encoding="utf-8")
    (workdir / "b.txt").write_text(line.format(31) * 6000, encoding="utf-8")
    run = (
        "import resource, runpy, sys\n"
        "sys.argv = ['factcompare', 'diff', 'a.txt', 'b.txt', '-f', 'json', '--no-cache']\n"
        "try:\n"
        "    runpy.run_module('compare', run_name='__main__')\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'peak {peak}', file=sys.stderr)\n"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", run], cwd=workdir, capture_output=True, text=True, check=False
    )
    elapsed = time.monotonic() - started
    peak_mb = int(done.stderr.rsplit("peak ", 1)[-1]) / 1024
    assert done.returncode == 1, done.stderr  # the repeated toll diverges
    assert [r["verdict"] for r in json.loads(done.stdout)["rows"]] == ["diverge"]
    assert elapsed < 120, f"{elapsed:.0f} s"
    assert peak_mb < 1500, f"{peak_mb:.0f} MB"
