"""Commands import only what their work needs: no model stack without vectors to compute,
no pydantic ever, so that a cheap start-up cannot silently regress.

A `diff` also starts the encoder loading in a child process before its own start-up
(compare/encode_worker.py); a run whose vectors are all cached ends it unused.  These rows
watch the command's own interpreter.

A correctness test, not a timed one: timings live in bench/speed.py.  Each row runs the
real command in a fresh interpreter and lists the modules it loaded.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compare.onnx_encoder import ensure_export
from tests.conftest import FIXTURES, SEED

OTHER = FIXTURES / "01-seed-later-update" / "b.txt"

# torch and its kin cost seconds; onnxruntime and tokenizers are the ONNX encoder's, needed
# only when a vector is missing; `onnx` only at export time; pydantic comes with typer's
# option coercion, which the CLI does without (compare/cli.py, _PlainParam);
# scipy.optimize only when alignment must choose between rival pairs.
TORCH = ("torch", "sentence_transformers", "transformers")
ENCODER = ("onnxruntime", "tokenizers")
WATCHED = (*TORCH, *ENCODER, "onnx", "pydantic", "scipy.optimize")

_RUN_THEN_MODULES = textwrap.dedent(
    f"""
    import runpy, sys
    sys.argv = ["factcompare", *sys.argv[1:]]
    try:
        runpy.run_module("compare", run_name="__main__")
    except SystemExit as done:
        assert done.code in (None, 0, 1), done.code  # 1: the diff found discrepancies
    sys.stdout.flush()
    print("LOADED", [m for m in {WATCHED!r} if m in sys.modules], file=sys.stderr)
    """
)


@pytest.fixture(scope="module")
def export() -> Path:
    """The model's ONNX export, made by `make setup`: without it a cold diff would make it,
    with torch."""
    return ensure_export()


def loaded(args: list[str], cache: Path) -> list[str]:
    """The watched modules that `factcompare ARGS` imported, run in a fresh interpreter."""
    env = {**os.environ, "FACTCOMPARE_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN_THEN_MODULES, *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("LOADED "), done.stderr
    found: list[str] = ast.literal_eval(last.removeprefix("LOADED "))
    return found


@pytest.mark.parametrize(
    ("args", "warm", "forbidden"),
    [
        (["--help"], False, WATCHED),
        (["diff", "--help"], False, WATCHED),
        (["figures", str(SEED)], False, WATCHED),
        (["figures", "--format", "json", str(SEED)], False, WATCHED),
        (["diff", str(SEED), str(OTHER)], True, WATCHED),
        (["diff", "--format", "csv", "--min-score", "0.5", str(SEED), str(OTHER)], True, WATCHED),
        (["diff", "--no-cache", str(SEED), str(OTHER)], False, (*TORCH, "onnx", "pydantic")),
    ],
    ids=[
        "help",
        "diff-help",
        "figures",
        "figures-json",
        "cached-diff",
        "cached-diff-options",
        "cold-diff-onnx",
    ],
)
def test_only_what_the_work_needs_is_imported(
    args: list[str], warm: bool, forbidden: tuple[str, ...], tmp_path: Path, export: Path
) -> None:
    if warm:  # the same diff once before, so that every vector is in the cache
        loaded(args, tmp_path)
    assert [m for m in loaded(args, tmp_path) if m in forbidden] == []


@pytest.mark.parametrize(
    ("switch", "in_this_process"),
    [("0", True), ("1", False)],
    ids=["encoder-in-process", "encoder-in-its-own-process"],
)
def test_a_cold_diff_loads_the_encoder_where_it_should(
    tmp_path: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    switch: str,
    in_this_process: bool,
) -> None:
    """The other side of the rows above: the watch list sees an import when there is one.

    By default the command loads the encoder in a child process started before the CLI
    (compare/encode_worker.py), so the command's own interpreter never imports it; with
    FACTCOMPARE_ENCODER_PROCESS=0 it loads it itself."""
    monkeypatch.setenv("FACTCOMPARE_ENCODER_PROCESS", switch)
    found = loaded(["diff", "--no-cache", str(SEED), str(OTHER)], tmp_path)
    assert (set(ENCODER) <= set(found)) is in_this_process
    assert not set(ENCODER) & set(found) or in_this_process
