"""Bad input never hurts: one `Error:` line naming the file, exit 2, the -o target untouched.

Each case runs in a fresh directory holding the files below and an ``out.json``
from an earlier run; after the error the directory must be exactly as before.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compare.cli import app

FILES: dict[str, bytes] = {
    "a.txt": b"At least 27,840 Palestinians have been killed, the ministry said.",
    "b.txt": b"At least 28,663 Palestinians have been killed, the ministry said.",
    "empty.txt": b"",
    "bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01",
    "big.txt": b"word " * 100,
    "nav.html": b"<html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav>"
    b"<footer>Copyright 2024</footer></body></html>",
    "bad.json": b'{"text": "Aid arrived.",',
    "notext.json": b'{"title": "Aid", "outlet": "Gulf Monitor"}',
}
OLD_REPORT = b'{"from": "an earlier run"}\n'

CASES = [
    (["figures", "missing.txt"], "missing.txt: no such file"),
    (["figures", "adir"], "adir: is a directory, not an article file"),
    (["figures", "empty.txt"], "empty.txt: no article text"),
    (["figures", "bin.txt"], "bin.txt: looks like a binary file, not an article"),
    (
        ["figures", "big.txt", "--max-bytes", "100"],
        "big.txt: 500 bytes is over the 100-byte limit (raise it with --max-bytes)",
    ),
    (["figures", "nav.html"], "nav.html: no article text found in the HTML"),
    (
        ["figures", "bad.json"],
        "bad.json: malformed JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 25 (char 24))",
    ),
    (
        ["figures", "notext.json"],
        'notext.json: the JSON record has no "text" field with the article',
    ),
    (["diff", "a.txt", "a.txt"], "a.txt: given twice (as 'a.txt' too); compare different files"),
    (
        ["diff", "a.txt", "./a.txt"],
        "./a.txt: given twice (as 'a.txt' too); compare different files",
    ),
    (
        ["figures", "a.txt", "--format", "xml"],
        "unknown format 'xml' (choose from table, github, markdown, csv, json, jsonl, html)",
    ),
    (
        ["diff", "a.txt", "b.txt", "--model", "/nonexistent"],
        "/nonexistent: no such model directory",
    ),
    (
        ["diff", "a.txt", "b.txt", "--model", "no-such-org/no-such-model"],
        "no-such-org/no-such-model: no such model here (not the bundled all-MiniLM-L6-v2, "
        "not a directory, not in the local Hugging Face cache) and nothing is downloaded; "
        "give --model DIRECTORY",
    ),
    (
        ["diff", "a.txt", "b.txt", "--only", "diverge,contradict"],
        "--only: unknown verdict 'contradict' (choose from agree, diverge, update, unique)",
    ),
    (
        ["diff", "a.txt", "b.txt", "--fail-on", "changed"],
        "--fail-on: unknown verdict 'changed' (choose from agree, diverge, update, unique)",
    ),
    (
        ["figures", "a.txt", "-o", "report.pdf"],
        "-o report.pdf: cannot tell the format from '.pdf'; "
        "use one of .txt, .md, .markdown, .csv, .json, .jsonl, .html, .htm or give --format",
    ),
    (
        ["figures", "a.txt", "-o", "a.txt"],
        "-o a.txt: is an input article; refusing to overwrite it",
    ),
    (["figures", "a.txt", "-o", "nodir/out.json"], "-o nodir/out.json: no such directory 'nodir'"),
    (["figures", "a.txt", "-o", "adir"], "-o adir: is a directory; give a file name"),
]
IDS = [
    "missing",
    "directory",
    "empty",
    "binary",
    "over-size-limit",
    "html-without-article",
    "malformed-json",
    "json-without-text",
    "same-file-twice",
    "same-file-two-spellings",
    "unknown-format",
    "unreadable-model-path",
    "model-not-here-nor-cached",
    "unknown-verdict-only",
    "unknown-verdict-fail-on",
    "unknown-output-extension",
    "output-is-an-input",
    "output-directory-missing",
    "output-is-a-directory",
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "adir").mkdir()
    (tmp_path / "out.json").write_bytes(OLD_REPORT)
    # No factcompare.toml or pyproject.toml above a tmp dir changes the defaults.
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize(("args", "message"), CASES, ids=IDS)
def test_bad_input_is_one_clean_line(
    workdir: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    before = _snapshot(workdir)
    if "-o" not in args:
        args = [*args, "-o", "out.json"]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (2, f"Error: {message}\n")
    assert result.stdout == ""
    assert not isinstance(result.exception, Exception), result.exception
    assert _snapshot(workdir) == before  # out.json untouched, no temporary file left


def test_every_bad_input_of_the_issue_has_a_case() -> None:
    issue_6 = {
        "missing", "directory", "empty", "binary", "over-size-limit", "html-without-article",
        "malformed-json", "json-without-text", "same-file-twice", "unknown-format",
        "unreadable-model-path",
    }  # fmt: skip
    assert issue_6 <= set(IDS)
    assert len(IDS) == len(CASES) == len(set(IDS))


def test_error_after_rendering_starts_leaves_target(
    workdir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while the report is being written keeps the old file and leaves no temp file."""
    from compare.render import output

    before = _snapshot(workdir)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    result = runner.invoke(app, ["figures", "a.txt", "-o", "out.json"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: -o out.json: cannot write: No space left on device\n",
    )
    assert _snapshot(workdir) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_bytes_give_a_result_or_a_clean_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "article.txt")
        with open(path, "wb") as handle:
            handle.write(data)
        result = CliRunner().invoke(app, ["figures", path])
    assert result.exit_code in (0, 2), result.exception
    assert not isinstance(result.exception, Exception), repr(result.exception)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert result.stderr.endswith("\n") and result.stdout == ""
