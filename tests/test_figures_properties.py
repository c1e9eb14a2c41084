"""Properties for any text: extraction never raises, intervals are ordered, spans are true."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.extract.figures import article_figures, attribution, figures
from compare.types import Figure, Sentence

# Pieces a news sentence is made of, in every format the extractor reads, so that
# random text hits the grammar instead of being mostly letters it ignores.
PIECES = st.sampled_from(
    [
        "at least",
        "more than",
        "nearly",
        "about",
        "up to",
        "less than",
        "between",
        "and",
        "to",
        "-",
        "\u2013",
        "%",
        " percent",
        "$",
        "\u20ac",
        "million",
        "bn",
        "m",
        "k",
        "dozens of",
        "hundreds of thousands of",
        "half of",
        "a third of",
        "a dozen",
        "twenty-seven",
        "thousand",
        "hundred",
        "one of",
        "people",
        "Palestinians",
        "others",
        "killed",
        "injured",
        "hostages",
        "-day",
        "-stage",
        "according to",
        "the UN said",
        "says",
        ",",
        ".",
        '"',
        "(",
        ")",
        ":",
        "/",
        "October",
        "2006",
        "F-16",
        "No.",
        "#",
        "+1 555-123-4567",
        "\u0662\u0667\u066c\u0668\u0664\u0660",
        "\u06f1\u06f2",
        "\uff18",
        " ",
        " ",
        " ",
    ]
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}".replace(",", " ")),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, NUMBERS, st.text(max_size=3)), max_size=30).map(" ".join),
    st.lists(st.one_of(PIECES, NUMBERS), max_size=30).map("".join),
)


def check(fig: Figure, article_text: str, offset: int) -> None:
    assert article_text[fig.span[0] - offset : fig.span[1] - offset] == fig.text
    assert fig.low is None or fig.low <= fig.value
    assert fig.high is None or fig.value <= fig.high


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=10_000))
def test_extraction_never_raises_and_spans_hold(text: str, offset: int) -> None:
    found = figures(Sentence("a", 2, text, offset, offset + len(text)), first=3)
    for i, fig in enumerate(found):
        assert fig.id == f"a:f{3 + i}"
        assert fig.sentence == 2
        check(fig, text, offset)
    attribution(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, max_size=5))
def test_article_numbering_runs_across_sentences(texts: list[str]) -> None:
    sentences, start = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence("b", i, text, start, start + len(text)))
        start += len(text) + 1
    article = " ".join(texts)
    found = article_figures(sentences)
    assert [f.id for f in found] == [f"b:f{i}" for i in range(1, len(found) + 1)]
    for fig in found:
        check(fig, article, 0)
