"""The README is tested: the two set-up commands come first and every command's help is quoted.

Run with FACTCOMPARE_UPDATE_DOCS=1 to rewrite the README's generated block on purpose.
"""

from __future__ import annotations

import os
import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from compare.cli import app
from tests.conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- commands -->\n)(.*?)(<!-- /commands -->)", re.S)
DEMO = re.compile(r"(<!-- demo-output -->\n)(.*?)(<!-- /demo-output -->)", re.S)
DEMO_ARGS = [
    "diff",
    "seeds/anadolu-2024-02-08-gaza-ceasefire-talks.txt",
    "fixtures/01-seed-later-update/b.txt",
]


def commands_block() -> str:
    runner = CliRunner()
    names = list(get_command(app).commands)  # type: ignore[attr-defined]
    parts = []
    for name in names:
        result = runner.invoke(app, [name, "--help"], prog_name="factcompare")
        assert result.exit_code == 0
        parts.append(
            f"### `factcompare {name}`\n\n```\n$ factcompare {name} --help\n{result.output.rstrip()}\n```\n"
        )
    return "\n".join(parts) + "\n"


def test_readme_opens_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def assert_block(pattern: re.Pattern[str], expected: str, what: str) -> None:
    """The README block matched by ``pattern`` is ``expected``; FACTCOMPARE_UPDATE_DOCS=1 rewrites it."""
    text = README.read_text(encoding="utf-8")
    match = pattern.search(text)
    assert match, f"README.md needs its {what} block between markers"
    if os.environ.get("FACTCOMPARE_UPDATE_DOCS"):
        README.write_text(
            text[: match.start(2)] + expected + text[match.end(2) :], encoding="utf-8"
        )
        return
    assert match.group(2) == expected, (
        f"README {what} is stale: FACTCOMPARE_UPDATE_DOCS=1 pytest tests/test_docs.py"
    )


def test_readme_quotes_every_command_help() -> None:
    assert_block(BLOCK, commands_block(), "commands")


def test_readme_shows_the_real_demo_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """What `make demo` shows for the diff, run from the repository root on the real model."""
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, DEMO_ARGS, prog_name="factcompare")
    assert result.exit_code in (0, 1), result.output
    shown = f"```\n$ factcompare {' '.join(DEMO_ARGS)}\n{result.stdout.rstrip()}\n```\n"
    assert_block(DEMO, shown, "demo output")
