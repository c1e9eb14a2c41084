"""The CLI as a user meets it: exit codes like diff, output on stdout, errors on one line."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from compare.cli import app
from tests.conftest import FIXTURES, SEED

LATER = FIXTURES / "01-seed-later-update" / "b.txt"


def test_help_lists_commands(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("figures", "diff", "check"):
        assert command in result.output


def test_figures_csv_on_seed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["figures", str(SEED), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    seen = {(r["figure"], r["qualifier"], r["counts"], r["who"], r["says"]) for r in rows}
    assert (
        "At least 27,840",
        "at_least",
        "killed",
        "Palestinians",
        "local health authorities",
    ) in seen
    assert ("67,317", "exact", "injured", "Palestinians", "local health authorities") in seen
    assert ("nearly 1,200", "nearly", "killed", "people", "Tel Aviv") in seen


def test_figures_json_contract(runner: CliRunner) -> None:
    result = runner.invoke(app, ["figures", str(SEED), "--format", "json"])
    data = json.loads(result.output)
    assert data["schema_version"] == 2
    assert data["articles"][0]["published"] == "2024-02-08"
    assert data["articles"][0]["outlet"] == "Anadolu Agency"
    killed = next(f for f in data["figures"] if f["text"] == "At least 27,840")
    assert killed["id"].startswith("a:f")
    assert (killed["value"], killed["low"], killed["high"]) == (27840, 27840, None)
    start, end = killed["span"]
    assert SEED.read_text(encoding="utf-8")[start:end] == "At least 27,840"
    assert "rows" not in data


def test_diff_exit_code_one_on_updates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", str(SEED), str(LATER), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    verdicts = {(r["verdict"], r["concept"]) for r in data["rows"]}
    assert ("update", "killed") in verdicts
    assert ("update", "injured") in verdicts
    assert [a["id"] for a in data["articles"]] == ["a", "b"]


def test_diff_same_date_override_turns_updates_into_divergence(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["diff", str(SEED), str(LATER), "--date-b", "2024-02-08", "--format", "json"]
    )
    data = json.loads(result.output)
    assert not any(r["verdict"] == "update" for r in data["rows"])


def test_diff_of_an_article_with_itself_agrees(runner: CliRunner, tmp_path: object) -> None:
    from pathlib import Path

    copy = Path(str(tmp_path)) / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(SEED), str(copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert rows and all(r["verdict"] == "agree" for r in rows)


def test_error_is_one_line_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["figures", "no-such-file.txt"])
    assert result.exit_code == 2
    assert result.stderr == "Error: no-such-file.txt: no such file\n"
    assert result.stdout == ""


def test_only_keeps_the_named_verdicts(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["diff", str(SEED), str(LATER), "--only", "update", "--format", "json"]
    )
    assert result.exit_code == 1
    rows = json.loads(result.output)["rows"]
    assert [(r["verdict"], r["concept"]) for r in rows] == [
        ("update", "killed"),
        ("update", "injured"),
    ]


def test_fail_on_decides_the_exit_code(runner: CliRunner) -> None:
    # Updates alone do not fail a run that only fails on divergence.
    result = runner.invoke(
        app, ["diff", str(SEED), str(LATER), "--fail-on", "diverge", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("verdict,concept,")


def test_min_score_drops_weak_pairs(runner: CliRunner) -> None:
    full = json.loads(
        runner.invoke(app, ["diff", str(SEED), str(LATER), "--format", "json"]).output
    )
    result = runner.invoke(
        app, ["diff", str(SEED), str(LATER), "--min-score", "0.9", "--format", "json"]
    )
    rows = json.loads(result.output)["rows"]
    assert all(r["score"] is None or r["score"] >= 0.9 for r in rows)
    weak = [r for r in full["rows"] if r["score"] is not None and r["score"] < 0.9]
    assert weak and len(rows) == len(full["rows"]) - len(weak)


def test_jsonl_streams_one_row_per_line(runner: CliRunner) -> None:
    full = json.loads(
        runner.invoke(app, ["diff", str(SEED), str(LATER), "--format", "json"]).output
    )
    result = runner.invoke(app, ["diff", str(SEED), str(LATER), "--format", "jsonl"])
    lines = result.output.splitlines()
    assert len(lines) == len(full["rows"])
    assert [json.loads(line)["verdict"] for line in lines] == [r["verdict"] for r in full["rows"]]


def test_output_file_written_whole(runner: CliRunner, tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "report.json"
    result = runner.invoke(app, ["diff", str(SEED), str(LATER), "-o", str(target)])
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 2
    assert [p.name for p in Path(str(tmp_path)).iterdir()] == ["report.json"]
