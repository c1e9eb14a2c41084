"""[tool.factcompare] and factcompare.toml supply option defaults; the command line overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.config import ConfigError, defaults

ARTICLE = "At least 27,840 Palestinians have been killed, the ministry said.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcompare]\nformat = "json"\nmax-bytes = 100000\n'
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["figures", "a.txt"], "{"),  # the configured format
        (["figures", "a.txt", "--format", "csv"], "article,value"),  # the command line wins
    ],
    ids=["config-format", "option-overrides-config"],
)
def test_config_supplies_defaults(
    project: Path, runner: CliRunner, args: list[str], starts: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(starts)


def test_output_extension_beats_configured_format(project: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["figures", "a.txt", "-o", "out.jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = (project / "out.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["text"] == "At least 27,840"


def test_factcompare_toml_wins_in_its_folder(project: Path) -> None:
    (project / "factcompare.toml").write_text('fail_on = ["diverge"]\nonly = "update,diverge"\n')
    assert defaults(project) == {"fail_on": "diverge", "only": "update,diverge"}


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('formt = "json"', "unknown key 'formt' (valid: format, model, claim_threshold"),
        ('format = "pdf"', "format: unknown format 'pdf'"),
        ('fail_on = ["oops"]', "unknown verdict 'oops'"),
        ("max_bytes = -1", "max_bytes must be a positive whole number"),
        ("format = ", "not valid TOML"),
    ],
    ids=["unknown-key", "unknown-format", "unknown-verdict", "negative-size", "bad-toml"],
)
def test_bad_config_is_one_clean_error(
    project: Path, runner: CliRunner, toml: str, message: str
) -> None:
    (project / "factcompare.toml").write_text(toml + "\n")
    with pytest.raises(ConfigError) as err:
        defaults(project)
    assert message in str(err.value)
    result = runner.invoke(app, ["figures", "a.txt"])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    assert message in result.stderr and result.stderr.count("\n") == 1
