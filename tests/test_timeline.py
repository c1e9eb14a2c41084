"""Timelines of three dated articles, through the library and the CLI, on the real model."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import timeline as timeline_module
from compare.cli import app
from compare.errors import InputError
from compare.timeline import same_claimant, timeline
from compare.types import Article

TOLLS = [
    (
        "2024-01-08",
        "The Health Ministry in Gaza said 23,084 Palestinians had been killed "
        "and 58,926 wounded since October 7.",
    ),
    (
        "2024-02-08",
        "The Health Ministry in Gaza said 27,840 Palestinians had been killed "
        "and 67,317 wounded since October 7.",
    ),
    (
        "2024-03-08",
        "The Health Ministry in Gaza said 30,878 Palestinians had been killed "
        "and 72,402 wounded since October 7.",
    ),
]


def write(tmp_path: Path) -> list[str]:
    paths = []
    # Given out of date order on purpose: the timeline sorts by date.
    for i, (date, text) in enumerate(reversed(TOLLS)):
        path = tmp_path / f"{i}.md"
        path.write_text(f"---\npublished: {date}\n---\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_series_in_date_order() -> None:
    articles = [
        Article(x, f"{x}.txt", text, published=dt.date.fromisoformat(date))
        for x, (date, text) in zip("abc", TOLLS, strict=True)
    ]
    tl = timeline(articles)
    killed = next(s for s in tl.series if s.concept == "killed")
    assert [(p.figure.text, p.verdict) for p in killed.points] == [
        ("23,084", None),
        ("27,840", "update"),
        ("30,878", "update"),
    ]
    assert killed.points[2].reason == (
        "c (2024-03-08) is 29 days later than b: 27,840 -> 30,878, up 3,038 (+10.9%)"
    )


def test_looking_back_a_stretch_at_a_time_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Earlier articles are scored against the current one LOOK_BACK at a time; a stretch
    # of one must find the same lines as the default, including a line that skips an
    # article (the middle one here gives no injured count).
    texts = [TOLLS[0][1], TOLLS[1][1].replace(" and 67,317 wounded", ""), TOLLS[2][1]]
    articles = [
        Article(x, f"{x}.txt", text, published=dt.date.fromisoformat(date))
        for x, (date, _), text in zip("abc", TOLLS, texts, strict=True)
    ]

    def lines() -> list[list[tuple[str, str | None]]]:
        return [[(p.figure.text, p.verdict) for p in s.points] for s in timeline(articles).series]

    default = lines()
    monkeypatch.setattr(timeline_module, "LOOK_BACK", 1)
    assert lines() == default
    assert [("58,926", None), ("72,402", "update")] in default


def test_undated_article_is_an_error() -> None:
    with pytest.raises(InputError, match="no publication date"):
        timeline([Article("a", "a.txt", "1 killed"), Article("b", "b.txt", "2 killed")])


def test_claimants() -> None:
    assert same_claimant("Health Ministry in Gaza", "local health authorities")
    assert same_claimant("Tel Aviv", "Israel")
    assert not same_claimant("UN", "UNRWA")


def test_cli_json_and_plot(tmp_path: Path) -> None:
    png = tmp_path / "out.png"
    result = CliRunner().invoke(
        app, ["timeline", *write(tmp_path), "--format", "json", "--plot", str(png)]
    )
    assert result.exit_code == 1, result.output  # updates are discrepancies, as in diff
    assert isinstance(result.exception, SystemExit), result.exception  # an exit, not a crash
    data = json.loads(result.output)
    assert data["schema_version"] == 2
    killed = next(s for s in data["series"] if s["concept"] == "killed")
    assert [(p["date"], p["value"], p["verdict"]) for p in killed["points"]] == [
        ("2024-01-08", 23084, None),
        ("2024-02-08", 27840, "update"),
        ("2024-03-08", 30878, "update"),
    ]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_cli_text_formats(tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["timeline", *write(tmp_path), "--format", fmt])
    assert result.exit_code == 1
    assert "30,878" in result.output and "update" in result.output


def test_cli_unknown_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["timeline", *write(tmp_path), "--format", "html"])
    assert result.exit_code == 2
    assert "unknown format 'html'" in result.output
