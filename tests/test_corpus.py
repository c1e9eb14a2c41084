"""`factcompare corpus`: reading, places, grouping, per-event comparison, outputs, engines.

tests/corpus/ is a small corpus in our own prose: three events, two of them on the
same day in different cities with the same wording (Dayton, three articles as two
markdown files and one record; Tulsa, two records; Fresno, one record).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.corpus import corpus
from compare.corpus.digest import Digest, digest, names
from compare.corpus.event import Total, totals
from compare.corpus.group import RARE_NAME, group
from compare.corpus.read import read, sources
from compare.corpus.run import Settings
from compare.errors import InputError, OptionError
from compare.pipeline import Extracted, extract
from compare.render.corpus import render, to_dict
from compare.types import Article, Figure
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
EVENTS = [
    ["tests/corpus/dayton/first.md", "tests/corpus/dayton/second.md", "dayton-3"],
    ["tulsa-1", "tulsa-2"],
    ["fresno-1"],
]


@pytest.fixture(scope="module")
def local() -> dict[str, Any]:
    return to_dict(corpus(["tests/corpus"]))


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_sources_walk_directories_then_records_in_order() -> None:
    keys = [s.key for s in sources(["tests/corpus"])]
    assert keys == [
        "tests/corpus/dayton/first.md",
        "tests/corpus/dayton/second.md",
        "dayton-3",
        "tulsa-1",
        "tulsa-2",
        "fresno-1",
    ]


def test_a_record_is_read_again_from_its_offset() -> None:
    fresno = next(s for s in sources(["tests/corpus/records.jsonl"]) if s.key == "fresno-1")
    article = read(fresno)
    assert (article.id, article.path, article.published) == (
        "fresno-1",
        "tests/corpus/records.jsonl:4",
        dt.date(2024, 3, 5),
    )
    assert article.title == "Teen wounded in Fresno drive-by shooting"


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["tests/corpus/nowhere"], "tests/corpus/nowhere: no such file or directory"),
        (
            ["tests/corpus/records.jsonl", "tests/corpus/records.jsonl"],
            "article id 'dayton-3' appears twice",
        ),
    ],
    ids=["missing", "twice"],
)
def test_bad_inputs_are_one_line_errors(paths: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(sources(paths))


@pytest.mark.parametrize(
    ("text", "marks", "where"),
    [
        ("Maria Lopez, 34, was shot on Oak Street.", {"maria lopez", "oak street"}, set()),
        ("Hurricane Idalia made landfall near Keaton Beach.", {"hurricane idalia", "keaton beach"},
         set()),
        ("Judge Ann Kerr sentenced Daniel Reyes-Ortiz.", {"daniel reyes", "reyes ortiz"}, set()),
        ("Ann B. Kerr spoke.", {"ann kerr"}, set()),
        ("Police said the river rose overnight.", set(), set()),
        ("The driver was taken to Mount Sinai Hospital in Cook County.", set(),
         {"mount sinai", "sinai hospital", "cook county"}),
        ("Governor Kathy Hochul conceded to Lee Zeldin.", {"lee zeldin"}, set()),
        ("Sgt. Mark Lee said the Camp Fire grew, spokeswoman Ana Ruiz added.", {"camp fire"},
         set()),
        ("The Detroit Free Press reported it. Show Transcript", set(), {"detroit free", "free press"}),
        ("Copyright 2016 The Associated Press. All Rights Reserved.", set(), {"associated press"}),
        ("Three were hurt on the South Side on Martin Luther King Day.", set(), {"south side"}),
        ("Rescuers reached East Hillside, where Ana Ruiz lived, on Christmas Eve.", {"ana ruiz"},
         {"east hillside"}),
    ],
    ids=["victim-and-street", "storm", "trial-judge-is-no-mark", "initial", "no-name",
         "hospital-and-county-say-where", "election-governor-is-no-mark",
         "wildfire-officials-are-no-marks", "outlet-says-where-furniture-nothing",
         "wire-credit", "part-of-a-town-and-a-holiday", "flood-part-of-a-town-and-an-eve"],
)  # fmt: skip
def test_names_mark_events_or_say_where(text: str, marks: set[str], where: set[str]) -> None:
    """Names that mark one event (people, streets, storms) apart from names of where (places,
    institutions, outlets), which recur in every event of a town; officials' names and a
    page's furniture are neither."""
    assert names([text]) == (marks, where)


@pytest.mark.parametrize(
    ("title", "text", "region", "place"),
    [
        (
            "Flood closes bridges",
            "VALENCIA, Spain — Floodwaters closed three bridges on Tuesday.",
            "ES>",
            "Valencia",
        ),
        (
            "Turnout tops forecasts in Ohio primary",
            "Voters in Columbus waited an hour as turnout reached 61 percent.",
            "US>a1:OH",
            "Columbus",
        ),
    ],
    ids=["dateline-flood", "election-title-and-lead"],
)
def test_digest_places_come_from_the_gazetteer(
    title: str, text: str, region: str, place: str
) -> None:
    found = digest(extract(Article("a", "a.md", text, title=title)))
    assert any(p.startswith(region) for p in found.places), found.places
    assert found.place is not None and found.place.startswith(place)


OHIO, OKLAHOMA = "US>a1:OH>c:1", "US>a1:OK>c:2"


def _digest(
    key: str, day: int, place: str | None, known: tuple[str, ...] = (), month: int = 3
) -> Digest:
    places = frozenset({place}) if place else frozenset()
    return Digest(key, dt.date(2024, month, day), places, frozenset(known))


@pytest.mark.parametrize(
    ("digests", "events"),
    [
        ([_digest("a", 2, OHIO), _digest("b", 3, OHIO)], [[0, 1]]),
        ([_digest("a", 2, OHIO), _digest("b", 2, OKLAHOMA)], [[0], [1]]),
        ([_digest("a", 2, OHIO), _digest("b", 20, OHIO)], [[0], [1]]),
        ([_digest("a", 2, OHIO), _digest("b", 2, None)], [[0, 1]]),
        (
            [_digest("a", 2, OHIO), _digest("b", 2, None), _digest("c", 2, OKLAHOMA)],
            [[0, 1], [2]],
        ),
        ([_digest("a", 2, OHIO), _digest("b", 3, "US>a1:OH>co:113")], [[0, 1]]),
    ],
    ids=[
        "same-town",
        "other-region",
        "outside-window",
        "unknown-place",
        "no-chain-across-regions",
        "town-and-its-county",
    ],
)
def test_grouping_needs_place_and_date_to_agree(
    digests: list[Digest], events: list[list[int]]
) -> None:
    same = np.ones((len(digests), 4), dtype=np.float32) / 2  # identical wording
    assert group(digests, same) == events


TRIAL = ("ann kerr", "daniel reyes")  # the accused and the judge, say
# RARE_NAME more articles three days apart that name the judge: her name is no longer rare.
CROWD = [_digest(f"x{n}", 1 + 3 * n, None, ("ann kerr",), month=1) for n in range(RARE_NAME)]


@pytest.mark.parametrize(
    ("digests", "events"),
    [
        ([_digest("a", 2, OHIO, TRIAL), _digest("b", 2, OHIO, TRIAL, month=4)], [[0, 1]]),
        ([_digest("a", 2, OHIO, TRIAL[:1]), _digest("b", 2, OHIO, TRIAL[:1], month=4)], [[0], [1]]),
        ([_digest("a", 2, OHIO, TRIAL), _digest("b", 2, OHIO, TRIAL, month=8)], [[0], [1]]),
        ([_digest("a", 2, OHIO, TRIAL), _digest("b", 2, OKLAHOMA, TRIAL, month=4)], [[0], [1]]),
        (
            [_digest("a", 2, OHIO, TRIAL), _digest("b", 2, OHIO, TRIAL, month=4), *CROWD],
            [[0], [1], *[[k] for k in range(2, 2 + RARE_NAME)]],
        ),
    ],
    ids=["two-rare-names-a-month-later", "one-name", "too-late", "other-region", "common-name"],
)  # fmt: skip
def test_shared_rare_names_join_follow_ups(digests: list[Digest], events: list[list[int]]) -> None:
    vectors = np.zeros((len(digests), 4), dtype=np.float32)
    vectors[:2] = [[1, 0, 0, 0], [0.3, 0.954, 0, 0]]  # cosine 0.3: the wording alone is far
    for n in range(2, len(digests)):
        vectors[n, 2 + n % 2] = 1
    assert group(digests, vectors) == events


FIRES = [
    ("fire-1", "Wildfire destroys much of Lahaina", "2023-08-09",
     "LAHAINA, Hawaii \u2014 A wind-driven wildfire tore through the historic town of Lahaina on "
     "Tuesday, destroying hundreds of homes and killing at least 36 people, county officials "
     "said.\n\nThousands fled as flames raced toward the harbor, and some jumped into the "
     "ocean to escape the smoke."),
    ("fire-2", "Utility settles over Lahaina wildfire", "2024-05-02",
     "HONOLULU \u2014 The power company agreed on Thursday to pay $2 billion to settle lawsuits "
     "over {the fire} that destroyed Lahaina and killed 102 people.\n\nInvestigators found "
     "that a downed power line sparked the blaze that razed the town."),
    ("fire-3", "Wildfire forces thousands to flee Jasper", "2024-05-03",
     "JASPER, Alberta \u2014 A wildfire forced thousands of residents and visitors to flee the "
     "town of Jasper on Friday as flames destroyed dozens of homes, officials said.\n\nNo "
     "deaths were reported."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("the_fire", "events"),
    [
        ("the Aug. 8 wildfire", [["fire-1", "fire-2"], ["fire-3"]]),
        ("the wildfire", [["fire-1"], ["fire-2"], ["fire-3"]]),
    ],
    ids=["a-settlement-names-the-day-of-the-fire", "without-the-day-it-stays-apart"],
)
def test_a_follow_up_months_later_joins_on_the_day_it_names(
    tmp_path: Path, the_fire: str, events: list[list[str]]
) -> None:
    """The real model: a settlement nine months after a wildfire is worded close enough to
    its first report, and the day it names puts it beside that report, not beside another
    town's fire of its own week."""
    path = tmp_path / "fires.jsonl"
    records = [
        {"id": key, "title": title, "published": day, "text": text.replace("{the fire}", the_fire)}
        for key, title, day, text in FIRES
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    found = to_dict(corpus([str(path)]))["events"]
    assert sorted([a["id"] for a in e["articles"]] for e in found) == events


def test_dissimilar_articles_stay_apart() -> None:
    vectors = np.eye(2, 4, dtype=np.float32)
    assert group([_digest("a", 2, None), _digest("b", 2, None)], vectors) == [[0], [1]]


def test_three_events_from_the_real_model(local: dict[str, Any]) -> None:
    found = sorted([a["id"] for a in e["articles"]] for e in local["events"])
    assert found == sorted(EVENTS)


def test_current_counts_and_their_history(local: dict[str, Any]) -> None:
    dayton = next(e for e in local["events"] if e["place"].startswith("Dayton"))
    killed = next(c for c in dayton["counts"] if c["concept"] == "killed")
    assert (killed["value"], killed["as_of"], killed["claimant"]) == (3, "2024-03-04", "police")
    assert [h["text"] for h in killed["history"]] == ["Two", "Three", "three"]
    assert [h["verdict"] for h in killed["history"]] == [None, "update", "agree"]


def test_rows_per_event(local: dict[str, Any]) -> None:
    rows = {
        e["place"].split(",")[0].lower(): [
            (r["verdict"], r["a"] and r["a"]["text"], r["b"] and r["b"]["text"]) for r in e["rows"]
        ]
        for e in local["events"]
    }
    assert ("update", "Two", "Three") in rows["dayton"]
    assert ("update", "four", "Five") in rows["dayton"]
    assert rows["tulsa"] == [("agree", "One", "One"), ("agree", "two", "two")]
    assert rows["fresno"] == []


def test_json_contract(local: dict[str, Any]) -> None:
    event = local["events"][0]
    assert set(event) >= {"id", "articles", "counts", "rows"}
    assert set(event["articles"][0]) >= {"id", "path"}
    assert set(event["counts"][0]) >= {
        "concept", "subject", "place", "claimant", "value", "low", "high", "as_of"
    }  # fmt: skip
    linked = {(s["article"], s["index"]) for s in event["sentences"]}
    assert all((r["b"]["article"], r["b"]["sentence"]) in linked for r in event["rows"] if r["b"])


def test_cli_table_events_by_alarms(runner: CliRunner) -> None:
    result = runner.invoke(app, ["corpus", "tests/corpus"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["event", "when", "where", "articles", "alarms", "headline"]
    assert [line.split()[2] for line in lines[2:5]] == ["Dayton", "Tulsa", "Fresno"]
    # The counts three reports give come before the one count a single report gives.
    assert "injured 5 (police); killed 3 (police)" in lines[2]
    assert lines[-1] == "6 articles in 3 events; 3 alarms (diverge or update) in 1 events"


def test_cli_jsonl_is_one_event_a_line(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["corpus", "tests/corpus", "-o", str(out)])
    assert result.exit_code == 1, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert [len(e["articles"]) for e in events] == [3, 2, 1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "Error: unknown format 'csv' (choose from table, json, jsonl, html)"),
        (["--engine", "spark"], "Error: unknown engine 'spark' (choose from local, ray)"),
    ],
    ids=["format", "engine"],
)
def test_cli_option_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["corpus", "tests/corpus", *args])
    assert (result.exit_code, result.output.strip()) == (2, message)


def test_html_index_has_one_section_per_event(local: dict[str, Any]) -> None:
    html = render(corpus(["tests/corpus"]), "html")
    assert html.count("<section id=") == 3
    assert 'href="#e1-dayton-3-s0"' in html and 'id="e1-dayton-3-s0"' in html


def test_unknown_option_values_are_errors() -> None:
    with pytest.raises(OptionError):
        corpus(["tests/corpus"], Settings(), engine="spark")


def test_adding_articles_reads_and_compares_only_what_they_touch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    monkeypatch.setenv("FACTCOMPARE_CACHE_DIR", str(tmp_path / "cache"))  # nothing encoded yet

    from compare.cache import VectorCache, model_key
    from compare.embed import resolve_model

    folder = tmp_path / "feed"
    shutil.copytree(CORPUS, folder)
    records = (CORPUS / "records.jsonl").read_text().splitlines(keepends=True)
    (folder / "records.jsonl").write_text("".join(r for r in records if "tulsa-2" not in r))
    first = corpus([str(folder)])
    assert (first.read, first.compared, len(first.events)) == (5, 3, 3)

    (folder / "records.jsonl").write_text("".join(records))
    with VectorCache(model_key(resolve_model(None))) as cache:
        before = len(cache)
        second = corpus([str(folder)])
        added = len(cache) - before
    assert (second.read, second.compared, len(second.events)) == (1, 1, 3)
    tulsa_2 = json.loads(next(r for r in records if "tulsa-2" in r))
    assert 1 <= added <= len(tulsa_2["text"].split(". ")) + 2  # its sentences and title only
    afresh = corpus([str(folder)], Settings(cache=False))
    assert to_dict(second)["events"] == to_dict(afresh)["events"]


def test_ray_engine_finds_the_same_events_and_rows(
    local: dict[str, Any], capfd: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("ray", reason="the Ray engine is an extra: pip install 'factcompare[ray]'")
    capfd.readouterr()
    on_ray = to_dict(corpus(["tests/corpus"], Settings(cache=False), engine="ray"))
    assert on_ray["events"] == local["events"]
    # Ray's own notices (token authentication, actor restarts) are not the user's to read.
    assert capfd.readouterr().err == ""


RAY_AFTER_GROUPING = """
import numpy as np
from compare.corpus.group import candidate_links
rows = np.random.default_rng(0).normal(size=(80, 8)).astype(np.float32)
rows /= np.linalg.norm(rows, axis=1, keepdims=True)
candidate_links(rows)  # 80 articles: the approximate index (usearch), not the exact search
import ray  # after usearch, as in a program that grouped before it chose Ray
ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
print("ray started after grouping")
ray.shutdown()
"""


def test_ray_starts_in_a_process_that_has_grouped_a_large_corpus() -> None:
    """A program that runs the default engine and then the Ray engine (a notebook, this suite,
    the bench) must not be aborted by the two C++ runtimes of usearch and Ray."""
    import subprocess
    import sys

    pytest.importorskip("ray", reason="the Ray engine is an extra: pip install 'factcompare[ray]'")
    run = subprocess.run(
        [sys.executable, "-c", RAY_AFTER_GROUPING],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (run.returncode, run.stdout.strip()) == (0, "ray started after grouping"), run.stderr


def test_cli_min_confidence_keeps_the_surer_rows(runner: CliRunner) -> None:
    every = json.loads(runner.invoke(app, ["corpus", "tests/corpus", "-f", "json"]).output)
    rows = [r for e in every["events"] for r in e["rows"]]
    assert every["schema_version"] == 2
    assert all(r["confidence"] is None or 0 <= r["confidence"] <= 1 for r in rows)
    sure = sorted(r["confidence"] for r in rows if r["confidence"] is not None)
    cut = sure[len(sure) // 2] + 1e-9  # drops the less sure half
    result = runner.invoke(
        app, ["corpus", "tests/corpus", "-f", "json", "--min-confidence", str(cut)]
    )
    kept = [r for e in json.loads(result.output)["events"] for r in e["rows"]]
    assert kept == [r for r in rows if r["confidence"] is None or r["confidence"] >= cut]
    assert len(kept) < len(rows)


def _fig(
    value: float,
    concept: str,
    text: str | None = None,
    qualifier: str = "exact",
    *,
    at: int = 0,
    **kw: Any,
) -> Figure:
    """A figure of sentence ``at`` (0: the lead's first sentence)."""
    return Figure("x:f1", "x", at, text or str(value), (0, 1), value, value, value, qualifier,
                  None, concept, **kw)  # fmt: skip


def _reports(*days: tuple[int, list[Figure]]) -> list[Extracted]:
    return [
        Extracted(Article(f"a{n}", "-", "", published=dt.date(2025, 5, day)), tuple(figs), ())
        for n, (day, figs) in enumerate(days)
    ]


K, W, S = "killed", "injured", "shot"


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            _reports((1, [_fig(3, K)]), (2, [_fig(3, K)]), (3, [_fig(1, K)])),
            [(K, None, 3, 2, 3, None)],
        ),
        (_reports((1, [_fig(2, W)]), (2, [_fig(4, W)])), [(W, None, 4, 1, 2, None)]),
        (_reports((1, [_fig(1, K), _fig(3, K)])), [(K, None, 3, 1, 1, None)]),
        (_reports((1, [_fig(3, K), _fig(1, K), _fig(1, K)])), [(K, None, 1, 1, 1, None)]),
        (_reports((1, [_fig(3, K)]), (1, [_fig(1, K)])), [(K, None, 1, 1, 2, None)]),
        (
            _reports((1, [_fig(17, K, scope="background"), _fig(2, K)])),
            [(K, None, 2, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(2, K, role="victim"), _fig(1, K, role="suspect")])),
            [(K, None, 2, 1, 1, None), (K, "suspect", 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(3, S), _fig(1, K)])),
            [(W, None, 2, 1, 1, "shot 3 - killed 1"), (K, None, 1, 1, 1, None),
             (S, None, 3, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(3, S), _fig(1, K), _fig(1, W)])),
            [(W, None, 1, 1, 1, None), (K, None, 1, 1, 1, None), (S, None, 3, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(5, K), _fig(3, K), _fig(3, K)]), (2, [_fig(5, K)]), (3, [_fig(1, K)])),
            [(K, None, 5, 1, 3, None)],
        ),
        (
            _reports((1, [_fig(1, K), _fig(1, K)]), (2, [_fig(3, K)]), (3, [_fig(3, K), _fig(1, K)])),
            [(K, None, 3, 2, 3, None)],
        ),
        (
            _reports((1, [_fig(4, S), _fig(2, W)]), (2, [_fig(4, S)])),
            [(W, None, 4, 2, 2, "shot 4 - killed 0"), (S, None, 4, 2, 2, None)],
        ),
        (
            _reports((1, [_fig(1, K, subject="boy", text="a boy"), _fig(1, W, subject="boy", text="a boy", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(1, K, subject="boy", text="a boy"), _fig(1, W, subject="father", text="his father")])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(3, W, qualifier="vague"), _fig(4, W)]), (2, [_fig(3, W, qualifier="vague")])),
            [(W, None, 4, 1, 1, None)],
        ),
        # A count told once, deep in one article, beside other reports of the event: a
        # roundup's or a background line's (a crash, then "two died in a fire nearby").
        (
            _reports((1, [_fig(3, W), _fig(2, K, at=9)]), (1, [_fig(3, W)])),
            [(W, None, 3, 2, 2, None)],
        ),
        (
            _reports((1, [_fig(3, W), _fig(2, K, at=9)]), (2, [_fig(3, W), _fig(2, K, at=7)])),
            [(W, None, 3, 2, 2, None), (K, None, 2, 2, 2, None)],
        ),
        (
            _reports((1, [_fig(3, W), _fig(2, K, at=9)]), (2, [_fig(2, K, at=1)])),
            [(W, None, 3, 1, 1, None), (K, None, 2, 2, 2, None)],
        ),
        (_reports((1, [_fig(4, W), _fig(1, K, at=12)])), [(W, None, 4, 1, 1, None)]),
        (_reports((1, [_fig(2, K, at=5)])), [(K, None, 2, 1, 1, None)]),
        # A crash injures five (the lead); "one of them died" further down is this crash's.
        (
            _reports((1, [_fig(5, W), _fig(1, K, "one of them", at=6)])),
            [(W, None, 5, 1, 1, None), (K, None, 1, 1, 1, None)],
        ),
        # "Four firefighters were hurt" in the lead, then each told apart further down.
        (
            _reports((1, [_fig(4, W), _fig(1, W, at=5), _fig(1, W, at=6)])),
            [(W, None, 4, 1, 1, None)],
        ),
        # One report's headline says three hurt; a later one tells one person's wound
        # deep in its text: the count its lead tells wins over the later date.
        (
            _reports((1, [_fig(3, W, at=-1)]), (2, [_fig(1, W, at=6), _fig(1, W, at=6)])),
            [(W, None, 3, 1, 2, None)],
        ),
        # A wound of one person where one died: the dead one's unless told apart by age
        # or as another person.
        (
            _reports((1, [_fig(1, K, "The 19-year-old", subject="person"), _fig(1, W, "the 14-year-old", subject="person")])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(1, K, "a 5-year-old girl", subject="girl"), _fig(1, W, "The 5-year-old", subject="person", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(1, K, "a 2-year-old boy", subject="boy"), _fig(1, W, "the toddler", subject="toddler", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(4, K), _fig(1, W, "a fifth person", subject="person")])),
            [(K, None, 4, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        # ... nor when the dead is told by name or age only: a person of any kind.
        (
            _reports((1, [_fig(1, K, "Ana Ruiz, 41,", subject="Ana Ruiz"), _fig(1, W, "a hiker", subject="hiker", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        (
            _reports((1, [_fig(1, K, "A 24-year-old", subject="person"), _fig(1, W, "the woman", subject="woman", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        # A pronoun names a kind of person too: "he" may be the boy who died ...
        (
            _reports((1, [_fig(1, K, "a boy", subject="boy"), _fig(1, W, "He", subject="He", at=1)])),
            [(K, None, 1, 1, 1, None)],
        ),
        # ... "his father" is not the boy who died, told in another sentence too.
        (
            _reports((1, [_fig(1, K, "a boy", subject="boy"), _fig(1, W, "his father", subject="father", at=1)])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        # ... nor "he" the woman who died.
        (
            _reports((1, [_fig(1, K, "a woman", subject="woman"), _fig(1, W, "He", subject="He", at=1)])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        # Guard: where the dead is told as a driver, a passenger hurt is someone else.
        (
            _reports((1, [_fig(1, K, "Ana Ruiz, 45,", subject="Ana Ruiz"), _fig(1, K, "The driver", subject="driver", at=1), _fig(1, W, "a passenger", subject="passenger", at=2)])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        # Guard: a woman hurt where a man died is someone else.
        (
            _reports((1, [_fig(1, K, "a man", subject="man"), _fig(1, W, "a woman", subject="woman", at=1)])),
            [(K, None, 1, 1, 1, None), (W, None, 1, 1, 1, None)],
        ),
        # Neither in a lead: the latest, as before.
        (
            _reports((1, [_fig(3, W, at=5)]), (2, [_fig(4, W, at=6)])),
            [(W, None, 4, 1, 2, None)],
        ),
    ],
    ids=[
        "most-articles",
        "tie-latest",
        "larger-of-an-article",
        "most-repeated-of-an-article",
        "same-day-the-smaller",
        "background-left-out",
        "suspects-apart",
        "wounded-from-shot",
        "wounded-stated",
        "stated-by-more-articles",
        "one-told-apart-is-part-of-more",
        "wounded-from-shot-of-more-reports",
        "the-wound-of-the-dead",
        "another-person-wounded",
        "vague-yields-to-a-number",
        "deep-count-of-one-article-uncorroborated",
        "deep-count-of-two-articles-stands",
        "deep-count-another-article-leads-with",
        "deep-count-beside-a-lead-of-other-casualties",
        "a-lone-deep-count-stands",
        "a-deep-death-of-people-named-before",
        "the-lead-count-over-people-told-apart",
        "a-lead-count-over-a-later-deep-one",
        "the-wound-of-another-age",
        "the-wound-of-the-same-age",
        "the-wound-of-the-toddler-who-died",
        "the-wound-of-a-fifth-person",
        "the-wound-of-one-named-who-died",
        "the-wound-of-one-aged-who-died",
        "he-hurt-where-a-boy-died",
        "his-father-hurt-where-a-boy-died",
        "he-hurt-where-a-woman-died",
        "a-passenger-hurt-where-the-driver-died",
        "a-woman-hurt-where-a-man-died",
        "no-lead-the-latest",
    ],
)  # fmt: skip
def test_event_totals(reports: list[Extracted], expected: list[tuple[Any, ...]]) -> None:
    got = [
        (t.concept, t.role, t.value, t.articles, t.reporting, t.derived) for t in totals(reports)
    ]
    assert sorted(got, key=str) == sorted(expected, key=str)
    assert all(isinstance(t, Total) for t in totals(reports))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A cyclist was critically injured and three others were hurt when a van hit a "
            "group in Leeds on Sunday.",
            [("injured", 4)],
        ),
        (
            "A woman was stabbed in the arm and two others were wounded at the bus station.",
            [("injured", 3), ("stabbed", 1)],
        ),
        (
            "One man was killed and three others were hurt in the blast at the mill.",
            [("injured", 3), ("killed", 1)],
        ),
        ("Three others were hurt in the blast at the mill.", [("injured", 3)]),
        ("Police are investigating a triple stabbing in Croydon.", [("stabbed", 3)]),
        ("The double homicide left the Tulsa suburb shaken.", [("killed", 2)]),
    ],
    ids=[
        "one-hurt-and-three-others",
        "one-stabbed-and-two-others-wounded",
        "one-killed-and-three-others-hurt",
        "others-alone",
        "triple-stabbing",
        "double-homicide",
    ],
)
def test_event_totals_of_one_report(text: str, expected: list[tuple[str, float]]) -> None:
    """What `factcompare corpus` tallies from a one-sentence report, read by the real
    extraction: people told one by one before "N others" add to the count."""
    report = extract(Article("a", "-", text, published=dt.date(2025, 3, 1)))
    assert [(t.concept, t.value) for t in totals([report])] == expected


def test_a_headline_death_the_body_repeats_deep_down_is_led() -> None:
    """A headline death that the body tells again only past its lead is read once (in the
    body) and still counts as the lead's: another report of the event telling only the
    wound does not make it a roundup's count."""
    first = extract(
        Article(
            "a",
            "-",
            "A climber fell on the north face on Friday, rescuers said. The climber was "
            "taken to a hospital in Sion.",
            title="Climber hurt in fall on the Matterhorn",
            published=dt.date(2025, 7, 4),
        )
    )
    second = extract(
        Article(
            "b",
            "-",
            "Rescuers said the weather was clear on Friday. The route was closed on Saturday. "
            "A guide said the face was icy. Ana Ruiz, 41, died in hospital on Saturday.",
            title="Climber, 41, hurt in Matterhorn fall dies",
            published=dt.date(2025, 7, 6),
        )
    )
    assert ("killed", 1) in [(t.concept, t.value) for t in totals([first, second])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bus crash near Lyon killed two women and a man on Monday, police said.",
         [("killed", 3)]),
        ("A tram hit a car in Milan, injuring four passengers and a driver.", [("injured", 5)]),
        ("Two pilots and a passenger died when the plane crashed near Nairobi.", [("killed", 3)]),
        # Guard: the groups after a count's comma tell who its people are.
        ("The crash injured five people, four men and a woman.", [("injured", 5)]),
        ("The blast killed six people, four women and two men, officials said.",
         [("killed", 6)]),
        # Guard: two harms, each its own count.
        ("Two climbers were killed and three were hurt in an avalanche near Chamonix.",
         [("injured", 3), ("killed", 2)]),
    ],
    ids=["two-women-and-a-man-killed", "four-passengers-and-a-driver-injured",
         "two-pilots-and-a-passenger-died", "five-people-four-men-and-a-woman",
         "six-people-four-women-and-two-men", "killed-and-hurt-apart"],
)  # fmt: skip
def test_people_listed_together_are_counted_together(
    text: str, expected: list[tuple[str, float]]
) -> None:
    """Groups of people listed with "and" before or after one harm are one count: "two
    women and a man were killed" counts three dead."""
    report = extract(Article("a", "-", text, published=dt.date(2025, 3, 1)))
    assert [(t.concept, t.value) for t in totals([report])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve people were injured in the bus crash, including two who later died in hospital.",
         [("injured", 10), ("killed", 2)]),
        ("Four climbers were injured in the rockfall, including a 40-year-old guide who died in "
         "hospital on Sunday.", [("injured", 3), ("killed", 1)]),
        # Guard: those named among the wounded who live are still wounded.
        ("Five workers were hurt in the blast, including two who are in critical condition.",
         [("injured", 5)]),
    ],
    ids=["twelve-hurt-including-two-who-died", "four-hurt-including-a-guide-who-died",
         "five-hurt-including-two-critical"],
)  # fmt: skip
def test_the_wounded_who_died_are_dead(text: str, expected: list[tuple[str, float]]) -> None:
    """A wound count that names among its people some who died ("twelve were injured,
    including two who later died") counts the wounded who lived: a person is counted once,
    at their last state."""
    report = extract(Article("a", "-", text, published=dt.date(2025, 3, 1)))
    assert [(t.concept, t.value) for t in totals([report])] == expected
