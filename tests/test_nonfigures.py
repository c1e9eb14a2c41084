"""Numbers that are not figures (ages, time references, gallery furniture, numbers one
calls), and headline figures that are or are not the body's told again."""

from __future__ import annotations

import pytest

from compare.extract.figures import figures
from compare.pipeline import extract
from compare.types import Article, Sentence


def _texts(text: str) -> list[str]:
    return [f.text for f in figures(Sentence("a", 0, text, 0, len(text)))]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("In adults older than 65, efficacy was above 94%.", ["above 94%"]),
        ("He killed his mother, who was 72.", ["his mother"]),  # one killed; 72 an age
        ("Police arrested James Fields Jr., 20, of Ohio and charged him.", []),
        ("He was 17 at the time; 2 men died.", ["2"]),
        ("An interim analysis two weeks ago was based on 95 cases.", ["95"]),
        ("The owner was arrested four days after the collapse.", []),
        ("Revenue fell in the three months to 30 September.", []),
        ("Image 1 of 10: burned-out cars line Front Street.", []),
        ("Children called 911 repeatedly.", []),
        ("As many as 19 officers stood in the corridor at one point.", ["As many as 19"]),
        ("The judge had dismissed a sixth charge.", []),
        ("Floods put a third of the country under water.", ["a third"]),
        ("A second shock followed about nine hours later.", ["about nine hours"]),
        ("Macron plans to raise the retirement age from 62 to 64.", ["62", "64"]),
        ("A 50 year-old cyclist and 3 pedestrians were hurt.", ["3"]),
        ("The pilot, who is 41 years old, flew 180 passengers.", ["180"]),
        ("Her now-18 month-old son was unhurt; 4 homes burned.", ["4"]),
        ("A flat at 9 E 71st St sold for $4 million.", ["$4 million"]),
        ("The gallery at 120 W. 57th Street drew 3,000 visitors.", ["3,000"]),
        ("Leeds beat Hull 3-1 on Saturday.", []),
        ("Winds of about 40-50 mph are expected.", ["40-50 mph"]),
        ("The vote is expected to go 5-4 in the court.", []),
        ("Half of women aged 25 to 54 work, and 3 in 4 men aged 18-34 do.", ["Half", "3", "4"]),
        ("Between 1600 and 1900 the glacier lost 40 metres.", ["40 metres"]),
        ("The toll rose by 12 to 340.", ["12", "340"]),
        ("The painter died at the age of 88; 2 works sold.", ["2"]),
        ("Ministers say the pension age of 67 is final.", ["67"]),
        ("They say the age of 60 is no longer negotiable.", ["60"]),
        ("Five people under the age of 19 were on the bus.", ["Five"]),
        ("Workers over the age of 55 got 2 extra days.", ["2 extra days"]),
        ("The board approved a ten-for-one stock split; 3 directors left.", ["3"]),
        ("He went 3-for-4 with two doubles.", ["two"]),
    ],
    ids=[
        "age-threshold",
        "age-in-relative-clause",
        "age-after-suffixed-name",
        "age-at-the-time",
        "time-ago",
        "time-after-an-event",
        "reporting-period-label",
        "gallery-furniture",
        "emergency-number",
        "at-one-point",
        "ordinal-is-no-share",
        "share-stays",
        "gap-between-events-stays",
        "change-from-to-is-two-figures",
        "age-spaced-year-old",
        "age-years-old",
        "age-spaced-month-old",
        "address-east-street",
        "address-west-street-abbreviated",
        "score-is-no-figure",
        "range-of-a-unit-is-no-score",
        "vote-tally-is-no-figure",
        "age-ranges",
        "years-capitalised-between",
        "change-by-then-level-count",
        "age-at-the-age-of",
        "policy-age-stays",
        "policy-age-without-its-noun-stays",
        "age-bound-under-before-a-verb",
        "age-bound-over",
        "split-ratio-is-no-count",
        "batting-ratio-is-no-count",
    ],
)
def test_not_figures(text: str, kept: list[str]) -> None:
    assert _texts(text) == kept


@pytest.mark.parametrize(
    ("title", "body", "title_figures"),
    [
        (
            "Pakistan floods caused $30bn in damage",
            "The floods caused $14.9bn of damage. Rebuilding will cost at least $16.3bn.",
            ["$30bn"],
        ),
        (
            "Nvidia revenue rises to $13.5bn",
            "Nvidia said revenue more than doubled to $13.51bn.",
            [],
        ),
        (
            "Quake toll passes 28,600",
            "At least 28,663 people have been killed, officials said.",
            [],
        ),
    ],
    ids=["a-total-is-no-repeat", "a-rounding-is-a-repeat", "same-concept-compatible-repeat"],
)
def test_headline_repeats(title: str, body: str, title_figures: list[str]) -> None:
    art = Article("a", "a.txt", body, title=title)
    assert [f.text for f in extract(art).figures if f.sentence == -1] == title_figures
