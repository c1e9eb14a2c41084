"""Sentences as a reader sees them: datelines, quotes and credits handled."""

from __future__ import annotations

import pytest

from compare.load import load
from compare.segment import sentences
from compare.types import Article
from tests.conftest import SEED


def split(text: str) -> list[str]:
    return [s.text for s in sentences(Article("a", "-", text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JERUSALEM (AA) - Talks went on. They ended.", ["Talks went on.", "They ended."]),
        ("GAZA CITY, Feb 8 (Wire) — Aid arrived.", ["Aid arrived."]),
        ("KYIV - Shelling resumed.", ["Shelling resumed."]),
        ("LAHAINA, Hawaii, Aug. 12, 2023 - The toll rose.", ["The toll rose."]),
        ("NEW DELHI, June 4, 2024 (AP) — Counting began.", ["Counting began."]),
        (
            '"We will win. We will not stop," he said. Then he left.',
            ['"We will win. We will not stop," he said.', "Then he left."],
        ),
        (
            "\u201cIt is over. Go home,\u201d she said.",
            ["\u201cIt is over. Go home,\u201d she said."],
        ),
        (
            "Mr. Blinken met Gen. Halevi in the U.S. on Monday. Talks ended.",
            ["Mr. Blinken met Gen. Halevi in the U.S. on Monday.", "Talks ended."],
        ),
        ("By Jane Doe\nThe toll rose.\n*Writing by John Roe in Ankara", ["The toll rose."]),
        ("Line one without stop\nLine two.", ["Line one without stop", "Line two."]),
        ("It cost $1.5 million. Prices rose 2.5%.", ["It cost $1.5 million.", "Prices rose 2.5%."]),
    ],
    ids=[
        "dateline-aa",
        "dateline-wire",
        "dateline-bare",
        "dateline-town-state-and-date",
        "dateline-town-and-date-with-agency",
        "quote-kept-whole",
        "curly-quote",
        "abbreviations",
        "byline-and-credit",
        "paragraphs",
        "decimals",
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_seed_sentences_point_at_their_text() -> None:
    article = load(str(SEED))
    sents = sentences(article)
    assert len(sents) == 16
    assert sents[0].text.startswith("US Secretary of State Antony Blinken")
    assert sents[-1].text.startswith("Hundreds of thousands of people")
    for s in sents:
        assert article.text[s.start : s.end] == s.text
    assert [s.index for s in sents] == list(range(16))
