"""The extractor runs in time linear in its input, on generated adversarial text (issue 14).

Hypothesis builds a short unit from the pieces that made patterns backtrack (runs of
digits, separators, markdown markers, quotes, repeated tokens) and the test times the
whole model-free path (markdown, segmenting, figures) on the unit repeated to N and to
4 N characters.  Linear work grows 4x, quadratic 16x.  On a noisy shared 2-core machine
each size keeps its best of ROUNDS runs (memo caches cleared before each, so repeats are
not free), and the bound is RATIO x plus SLACK_S, far from both.
"""

from __future__ import annotations

import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.extract.figures import article_figures
from compare.load import markdown_to_text
from compare.segment import sentences
from compare.types import Article

N = 8_000  # characters; 4 N = 32,000
ROUNDS = 3
RATIO = 9.0  # linear work gives 4, quadratic 16
SLACK_S = 0.05  # timer and scheduler noise on runs of a few milliseconds

PIECES = [
    "1", "0", "000", "1,000", ",", ", ", ".", "..", " ", "  ", "\n", "\n\n", "\t",
    "_", "*", "**", "[", "]", "(", ")", "#", "# ", "- ", "1. ", ">", "`", '"', "\u201c",
    "'", "-", "/", ":", ";", "a", "A", "B", "aaaa", "said", "at least", "killed",
    "people", "million", "dozens", "nearly", "between", "and", "to", "per cent", "%",
    "$", "\u0662", "\uff12", "\uff0c", "Jan", "Mr.", "U.S.", "twenty", "one", "hundred",
]  # fmt: skip


def _forget() -> None:
    for name, module in list(sys.modules.items()):
        if name == "compare" or name.startswith("compare."):
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def _extract(text: str) -> int:
    article = Article("a", "-", markdown_to_text(text))
    return len(article_figures(sentences(article)))


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        _forget()
        start = time.perf_counter()
        _extract(text)
        best = min(best, time.perf_counter() - start)
    return best


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_extraction_is_linear(unit: str) -> None:
    small = unit * (N // len(unit) + 1)
    large = unit * (4 * N // len(unit) + 1)
    t_small, t_large = _best(small), _best(large)
    assert t_large <= RATIO * t_small + SLACK_S, (
        f"{unit!r}: {t_small * 1e3:.1f} ms at {len(small):,} chars, "
        f"{t_large * 1e3:.1f} ms at {len(large):,}"
    )
