"""`factcompare corpus` encodes what grouping and each event's comparison read, no more.

Grouping reads each article's title and lead (its first two sentences); an event of one
article has no rows; two articles are a diff, which aligns every sentence; three or more
a timeline, whose figures pair by the sentences that hold them.  The events must be the
same as with every sentence encoded.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from compare.corpus.read import sources
from compare.corpus.run import Settings, compare_spilled, prepare_chunk, with_vectors

RECORDS = [
    ("fire-1", "Canyon fire grows near Redding", "2025-08-03",
     "REDDING, Calif. - The Canyon fire has burned 12,000 acres since Friday, officials said. "
     "Crews worked through the night on the ridge. "
     "About 40 homes were destroyed, according to the county sheriff. "
     "Smoke drifted over the valley."),
    ("fire-2", "Canyon fire near Redding destroys dozens of homes", "2025-08-04",
     "REDDING, Calif. - The Canyon fire grew to 15,000 acres on Monday. "
     "Winds eased in the afternoon. "
     "Officials said 52 homes have been destroyed and 3,000 people were evacuated. "
     "The cause is under investigation."),
    ("fire-3", "Redding fire 40 percent contained", "2025-08-05",
     "REDDING, Calif. - Firefighters had the Canyon fire 40 percent contained on Tuesday. "
     "Some roads reopened. "
     "The fire has burned 16,500 acres, Cal Fire said. "
     "Residents were told to stay alert."),
    ("mill-1", "Paper mill in Maine to cut jobs", "2025-03-10",
     "BANGOR, Maine - The Hollis paper mill will lay off 180 workers next month. "
     "The company blamed weak demand. "
     "The mill employs 600 people. "
     "Union leaders said they were surprised."),
    ("mill-2", "Maine paper mill announces layoffs", "2025-03-11",
     "BANGOR, Maine - The Hollis paper mill plans to lay off 200 workers in April. "
     "Demand for paper has fallen for years. "
     "The town's mayor called it a blow. "
     "State officials offered retraining."),
    ("bridge-1", "Bridge repairs in Duluth to start in May", "2025-04-02",
     "DULUTH, Minn. - Repairs to the Lift Bridge will cost $4 million, the city said. "
     "Work starts in May. "
     "The bridge will close for 6 weeks in the summer. "
     "Boats will still pass."),
]  # fmt: skip


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for key, title, published, text in RECORDS:
            record = {"id": key, "title": title, "published": published, "text": text}
            out.write(json.dumps(record) + "\n")
    return path


@pytest.mark.parametrize(
    ("event", "encoded_later"),
    [
        # Each report's third sentence (fire-2's fourth claim: its headline is one) holds a
        # figure; the other sentences after the lead hold none and are not encoded.
        (["fire-1", "fire-2", "fire-3"], {"fire-1": 1, "fire-2": 1, "fire-3": 1}),
        # A diff reads both articles' every sentence.
        (["mill-1", "mill-2"], {"mill-1": 2, "mill-2": 2}),
        # Alone: no rows, nothing encoded beyond the lead that grouped it.
        (["bridge-1"], {}),
    ],
    ids=["three reports: a timeline", "two reports: a diff", "one report"],
)
def test_an_event_encodes_only_what_its_comparison_reads(
    feed: Path, event: list[str], encoded_later: dict[str, int]
) -> None:
    settings = Settings(cache=False)
    chunk = [s for s in sources([str(feed)]) if s.key in event]
    every = [pickle.loads(p.blob) for p in prepare_chunk(chunk, settings)]
    lazy = [pickle.loads(p.blob) for p in prepare_chunk(chunk, settings, every_sentence=False)]
    [(_, _, filled)] = with_vectors([(0, list(range(len(chunk))), lazy)], settings)
    later = {
        key: int(np.isnan(before).any(axis=1).sum() - np.isnan(after).any(axis=1).sum())
        for key, (_, before), (_, after) in zip(event, lazy, filled, strict=True)
    }
    assert {k: n for k, n in later.items() if n} == encoded_later
    assert compare_spilled("e1", filled, None, settings) == compare_spilled(
        "e1", every, None, settings
    )
