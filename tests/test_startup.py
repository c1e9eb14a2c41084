"""Commands that need no vectors never import the model's stack.

A correctness test, not a timed one: timings live in bench/speed.py.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import SEED

HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime")

_RUN_THEN_MODULES = textwrap.dedent(
    f"""
    import runpy, sys
    sys.argv = ["factcompare", *sys.argv[1:]]
    try:
        runpy.run_module("compare", run_name="__main__")
    except SystemExit as done:
        assert not done.code, done.code
    sys.stdout.flush()
    print("LOADED", [m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)
    """
)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["figures", str(SEED)],
        ["figures", "--format", "json", str(SEED)],
        ["diff", "--help"],
    ],
    ids=["help", "figures", "figures-json", "diff-help"],
)
def test_no_model_stack_is_imported(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RUN_THEN_MODULES, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert done.stderr.strip().endswith("LOADED []"), done.stderr
