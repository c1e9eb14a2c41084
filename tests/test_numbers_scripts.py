"""Digits and separators of other scripts, and Indian grouping, read as the writer meant (issue 14).

Full-width forms (CJK text), Arabic-Indic and Extended Arabic-Indic digits with the Arabic
separators, and lakh/crore grouping ("1,00,000") each read as one number, through the
whole figure path, with offsets into the original text.
"""

from __future__ import annotations

import pytest

from compare.extract.figures import figures
from compare.extract.numbers import scan
from compare.types import Sentence

# id, text, values in order, the text of each as written
SCRIPTS = [
    ("full-width thousands", "\uff12\uff17\uff0c\uff18\uff14\uff10 killed", [27840], ["\uff12\uff17\uff0c\uff18\uff14\uff10"]),
    ("full-width decimal", "\uff11\uff0e\uff15 million fled", [1_500_000], ["\uff11\uff0e\uff15 million"]),
    ("full-width plain", "\uff18\uff15 people", [85], ["\uff18\uff15"]),
    ("arabic-indic thousands", "\u0662\u0667\u066c\u0668\u0664\u0660 killed", [27840], ["\u0662\u0667\u066c\u0668\u0664\u0660"]),
    ("arabic-indic decimal", "\u0663\u066b\u0665 million", [3_500_000], ["\u0663\u066b\u0665 million"]),
    ("extended arabic-indic", "\u06f1\u06f2\u06f0\u06f0 people", [1200], ["\u06f1\u06f2\u06f0\u06f0"]),
    ("indian lakh", "1,00,000 people", [100_000], ["1,00,000"]),
    ("indian ten lakh", "10,00,000 people", [1_000_000], ["10,00,000"]),
    ("indian crore", "12,34,56,789 rupees", [123_456_789], ["12,34,56,789"]),
    ("indian with decimals", "Rs 1,50,000.50 paid", [150_000.5], ["1,50,000.50"]),
    ("western grouping unchanged", "1,234,567 people", [1_234_567], ["1,234,567"]),
    ("a list is not indian grouping", "1,000, 2,000", [1000, 2000], ["1,000", "2,000"]),
    ("two-digit group alone is no number", "1,00 and 5", [1, 5], ["1", "5"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "values", "written"), [c[1:] for c in SCRIPTS], ids=[c[0] for c in SCRIPTS]
)
def test_scripts_and_groupings(text: str, values: list[float], written: list[str]) -> None:
    found = scan(text)
    assert [n.value for n in found] == values
    assert [text[n.start : n.end] for n in found] == written


def test_full_width_figure_keeps_the_original_text() -> None:
    text = "At least \uff12\uff17\uff0c\uff18\uff14\uff10 Palestinians have been killed."
    (fig,) = figures(Sentence("a", 0, text, 0, len(text)))
    assert (fig.value, fig.text, fig.qualifier) == (
        27840,
        "At least \uff12\uff17\uff0c\uff18\uff14\uff10",
        "at_least",
    )
