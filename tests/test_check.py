"""`factcompare check`: one line per case, a table of what changed, exit 0 / 1 / 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.check import differences
from compare.cli import app
from tests.conftest import FIXTURES

CASE = "13-same-claimant-misreport"  # self-contained: its inputs live in the case


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """A private copy of one real case, so that tests may break it."""
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / CASE, root / CASE)
    return root


def test_passing_case(runner: CliRunner, fixtures: Path) -> None:
    result = runner.invoke(app, ["check", str(fixtures)])
    assert (result.exit_code, result.output) == (0, f"passed   {CASE}\n")


def test_a_broken_verdict_exits_1_with_the_row(runner: CliRunner, fixtures: Path) -> None:
    expected = fixtures / CASE / "expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    row = next(r for r in data["rows"] if r["a"] and r["b"])
    row["verdict"] = "diverge" if row["verdict"] != "diverge" else "agree"
    expected.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["check", str(fixtures)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"CHANGED  {CASE}"
    assert any(
        line.startswith(f"row {row['a']} ~ {row['b']}") and "verdict" in line for line in lines
    )


def test_a_broken_figure_exits_1(runner: CliRunner, fixtures: Path) -> None:
    expected = fixtures / CASE / "expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    data["figures"][0]["qualifier"] = "range"
    expected.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["check", str(fixtures)])
    assert result.exit_code == 1
    assert f"figure {data['figures'][0]['id']}" in result.output


def test_missing_expectation_fails_until_update(runner: CliRunner, fixtures: Path) -> None:
    (fixtures / CASE / "expected.json").unlink()
    (fixtures / CASE / "expected.md").unlink()
    result = runner.invoke(app, ["check", str(fixtures)])
    assert result.exit_code == 2
    assert result.output.startswith(f"FAILED   {CASE}: no expected.json")
    assert not (fixtures / CASE / "expected.json").exists()
    result = runner.invoke(app, ["check", "--update", str(fixtures / CASE)])
    assert (result.exit_code, result.output) == (0, f"updated  {CASE}\n")
    assert (fixtures / CASE / "expected.md").read_text(encoding="utf-8").startswith("A: ")
    assert runner.invoke(app, ["check", str(fixtures)]).exit_code == 0


def test_case_that_cannot_run_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    case = tmp_path / "fixtures" / "broken"
    case.mkdir(parents=True)
    (case / "case.toml").write_text('inputs = ["a.txt", "nowhere.txt"]\n', encoding="utf-8")
    (case / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "fixtures")])
    assert result.exit_code == 2
    assert result.output.startswith("FAILED   broken: ")
    assert "nowhere.txt does not exist" in result.output


def test_unknown_case_name_is_an_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "no-such-case"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no-such-case: neither a fixtures directory nor a case")


@pytest.mark.parametrize(
    ("expected", "obtained", "changes"),
    [
        (
            {"rows": [{"a": "a:f1", "b": "b:f1", "verdict": "agree", "score": 0.80}]},
            {"rows": [{"a": "a:f1", "b": "b:f1", "verdict": "agree", "score": 0.83}]},
            [],
        ),
        (
            {"rows": [{"a": "a:f1", "b": "b:f1", "verdict": "agree", "score": 0.80}]},
            {"rows": [{"a": "a:f1", "b": "b:f1", "verdict": "agree", "score": 0.90}]},
            [("row a:f1 ~ b:f1", "score (±0.05)", 0.80, 0.90)],
        ),
        (
            {"rows": [{"a": "a:f1", "b": None, "verdict": "unique"}]},
            {"rows": [{"a": "a:f1", "b": "b:f2", "verdict": "agree", "reason": "same figure"}]},
            [
                ("row a:f1 ~ -", "row", "unique: None", None),
                ("row a:f1 ~ b:f2", "row", None, "agree: same figure"),
            ],
        ),
    ],
    ids=["score-within-tolerance", "score-beyond-tolerance", "row-replaced"],
)
def test_differences(
    expected: dict[str, object],
    obtained: dict[str, object],
    changes: list[tuple[str, str, object, object]],
) -> None:
    got = [(c.where, c.field, c.expected, c.obtained) for c in differences(expected, obtained)]  # type: ignore[arg-type]
    assert got == changes
