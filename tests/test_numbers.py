"""The number grammar: text -> the numbers in it, as values."""

from __future__ import annotations

import pytest

from compare.extract.numbers import scan

# text, values in order, the text of each
NUMBERS = [
    ("comma thousands", "27,840 killed", [27840], ["27,840"]),
    ("space thousands", "27 840 killed", [27840], ["27 840"]),
    ("thin-space thousands", "27\u202f840 killed", [27840], ["27\u202f840"]),
    ("decimal", "a 6.1 quake", [6.1], ["6.1"]),
    ("decimal with thousands", "1,234.5 tonnes", [1234.5], ["1,234.5"]),
    ("magnitude word", "1.2 million people", [1_200_000], ["1.2 million"]),
    ("glued bn", "cost 3bn", [3e9], ["3bn"]),
    ("currency glued m", "$5m in aid", [5e6], ["5m"]),
    ("glued m before people", "1.5m people", [1.5e6], ["1.5m"]),
    ("glued m is metres otherwise", "a 100m sprint", [100], ["100"]),
    ("thousand word", "27 thousand people", [27000], ["27 thousand"]),
    ("spelled", "twenty-seven thousand people", [27000], ["twenty-seven thousand"]),
    ("spelled small", "two separate meetings", [2], ["two"]),
    ("spelled with and", "one hundred and five days", [105], ["one hundred and five"]),
    (
        "millions and thousands spelled",
        "one million two hundred thousand people",
        [1_200_000],
        ["one million two hundred thousand"],
    ),
    ("two numbers joined by and", "two and three", [2, 3], ["two", "three"]),
    (
        "a hundred and fifty-four is one number",
        "A hundred and fifty-four UNRWA staff",
        [154],
        ["A hundred and fifty-four"],
    ),
    (
        "one hundred and twenty-four is one number",
        "One hundred and twenty-four journalists",
        [124],
        ["One hundred and twenty-four"],
    ),
    ("a hundred thousand", "a hundred thousand people", [100_000], ["a hundred thousand"]),
    ("a hundred alone", "a hundred people and two more", [100, 2], ["a hundred", "two"]),
    ("fraction in words", "four-fifths of the population", [80], ["four-fifths"]),
    ("spaced fraction in words", "nine tenths of homes", [90], ["nine tenths"]),
    ("a dozen", "a dozen homes", [12], ["a dozen"]),
    ("and a half", "two and a half miles", [2.5], ["two and a half"]),
    ("digits and scale words", "4 hundred million people", [4e8], ["4 hundred million"]),
    ("numeric fraction", "1/2 pound", [0.5], ["1/2"]),
    ("date is no fraction", "on 8/2", [], []),
    ("minus word", "minus-130 degrees", [-130], ["minus-130"]),
    ("half a million", "half a million people", [500_000], ["half a million"]),
    ("half of", "less than half of aid trucks", [50], ["half"]),
    ("a third of", "a third of Gaza", [100 / 3], ["a third"]),
    ("two-thirds", "two-thirds lack water", [200 / 3], ["two-thirds"]),
    ("half alone is no share", "in half", [], []),
    (
        "a change by a share",
        "sales fell by a third to 1.4 million",
        [100 / 3, 1.4e6],
        ["a third", "1.4 million"],
    ),
    ("by a third party is no share", "backed by a third party", [], []),
    ("vague dozens", "dozens of people", [24], ["dozens"]),
    (
        "vague hundreds of thousands",
        "hundreds of thousands of people",
        [200_000],
        ["hundreds of thousands"],
    ),
    ("vague tens of thousands", "tens of thousands fled", [20_000], ["tens of thousands"]),
    ("vague several", "several homes", [3], ["several"]),
    ("vague scores of", "scores of people", [40], ["scores"]),
    ("scores alone is no amount", "test scores rose", [], []),
    (
        "arabic-indic digits",
        "\u0662\u0667\u066c\u0668\u0664\u0660 killed",
        [27840],
        ["\u0662\u0667\u066c\u0668\u0664\u0660"],
    ),
    (
        "extended arabic-indic",
        "\u06f1\u06f2\u06f0\u06f0 people",
        [1200],
        ["\u06f1\u06f2\u06f0\u06f0"],
    ),
    ("devanagari", "\u0967\u0968 people", [12], ["\u0967\u0968"]),
    ("fullwidth", "\uff18\uff15%", [85], ["\uff18\uff15"]),
    ("negative", "fell to -1.3 degrees", [-1.3], ["-1.3"]),
    ("decade is no count", "the 1990s", [], []),
    ("letters glued on", "the 737MAX and 3D", [], []),
    ("generation names", "5G and 4G networks, 30g of sugar", [30], ["30"]),
    # "an hour" is one hour only after an amount's qualifier: "a year ago" says when.
    ("one of a duration", "waited more than an hour", [1], ["an"]),
    ("an article is no number", "sales rose a year ago", [], []),
    # Scientific notation needs the exponent's sign or caret: "a 2 x 4 plank" is two numbers.
    (
        "science small",
        "a wavelength of 5.5\u00d710\u22127 metres",
        [5.5e-7],
        ["5.5\u00d710\u22127"],
    ),
    ("science caret", "about 6.02 x 10^23 atoms", [6.02e23], ["6.02 x 10^23"]),
    ("science not a product", "a 2 x 4 plank", [2, 4], ["2", "4"]),
    ("fraction slash", "1\u204416 of a cup", [0.0625], ["1\u204416"]),
    ("degree sign lost", "2.1degF warmer", [2.1], ["2.1"]),
    ("australian dollars", "($A82,615,680)", [82615680], ["82,615,680"]),
]


@pytest.mark.parametrize(
    ("text", "values", "texts"), [n[1:] for n in NUMBERS], ids=[n[0] for n in NUMBERS]
)
def test_scan(text: str, values: list[float], texts: list[str]) -> None:
    found = scan(text)
    assert [n.value for n in found] == pytest.approx(values)
    # Spans are offsets into the text as given, Unicode digits included.
    assert [text[n.start : n.end] for n in found] == texts


VAGUE = [
    ("dozens", "dozens of people", 24, 99),
    ("hundreds", "hundreds of people", 200, 999),
    ("thousands", "thousands of people", 2000, 9999),
    ("tens of thousands", "tens of thousands of people", 20_000, 99_999),
    ("hundreds of thousands", "hundreds of thousands of people", 200_000, 999_999),
    ("several", "several people", 3, 9),
    ("scores of", "scores of people", 40, 99),
    ("a few", "a few people", 2, 9),
]


@pytest.mark.parametrize(("text", "low", "high"), [v[1:] for v in VAGUE], ids=[v[0] for v in VAGUE])
def test_vague_amounts(text: str, low: float, high: float) -> None:
    (num,) = scan(text)
    assert (num.kind, num.value, num.high) == ("vague", low, high)
