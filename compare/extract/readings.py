"""What alignment and judging read of a figure's words, read once here, at extraction.

Extraction is finished before comparing: the align stage reads Figure and Claim fields and
never goes back to the text.  This module sets the three readings it used to take from the
text itself:

- ``Figure.context``: the words either side of the figure in its sentence, numbers left out
  (what the fuzzy comparison of two figures' surroundings reads);
- ``Figure.total``: its sentence, or the line that opens the list it is an item of, calls
  it a running total ("since the start of the invasion", "the toll"), so that a later
  different count is an update;
- ``Claim.casualties``: the casualty counts a sentence speaks of ("11 died and 40 were
  hurt" -> killed, injured), for its figures whose concept the extractor missed.

The words live in the vocabulary (``[running_total]`` and ``[casualty_words]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from compare.extract.vocab import Vocabulary, vocabulary
from compare.types import Article, Figure, Sentence

CONTEXT_BEFORE, CONTEXT_AFTER = 2, 5  # words around a figure that say what it counts
MAX_LIST_ITEMS = 30  # how far back a list item looks for its lead-in line
MAX_ITEM_CHARS = 80  # a longer line is prose, not a list item
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def read(
    figures: Sequence[Figure], sentences: Sequence[Sentence], article: Article
) -> tuple[Figure, ...]:
    """The figures with ``context`` and ``total`` set."""
    by_index = {s.index: s for s in sentences}
    totals: dict[int, bool] = {}  # one answer a sentence: a list of thousands shares one
    out = []
    for f in figures:
        s = by_index.get(f.sentence)
        if s is None:
            out.append(f)
            continue
        lo, hi = f.span[0] - s.start, f.span[1] - s.start
        if s.index not in totals:
            totals[s.index] = says_total(s.text) or (
                s.index >= 0 and says_total(lead_in(article.text, s.start))
            )
        out.append(replace(f, context=context_words(s.text, lo, hi), total=totals[s.index]))
    return tuple(out)


@lru_cache(maxsize=8192)
def context_words(text: str, lo: int, hi: int) -> str:
    """The words either side of text[lo:hi], numbers left out.

    >>> context_words("Since May, 383 residents, including 96 children, died.", 36, 38)
    'residents including children died'
    """
    before = _WORD.findall(text[:lo])[-CONTEXT_BEFORE:] if CONTEXT_BEFORE else []
    after = _WORD.findall(text[hi:])[:CONTEXT_AFTER]
    return " ".join(before + after)


def says_total(text: str) -> bool:
    """Whether a sentence calls its counts running totals.

    >>> says_total("The toll rose to 300."), says_total("Shares rose 3%.")
    (True, False)
    """
    return _total_pattern(vocabulary()).search(text) is not None


def lead_in(text: str, start: int) -> str:
    """The line introducing a list whose item starts at ``start`` in ``text``, or "".

    >>> lead_in("Since the floods began the state has lost:\\nBridges: 6,526\\nRoads: 339", 58)
    'Since the floods began the state has lost:'
    """
    end = text.rfind("\n", 0, start)  # walk back line by line: never the whole text
    for _ in range(MAX_LIST_ITEMS):
        if end < 0:
            break
        begin = text.rfind("\n", 0, end) + 1
        line, end = text[begin:end].strip(), begin - 1
        if line.endswith(":"):
            return line
        if not line or line.endswith(".") or len(line) > MAX_ITEM_CHARS:
            break
    return ""


def casualties(text: str) -> frozenset[str]:
    """The casualty counts a sentence speaks of.

    >>> sorted(casualties("11 died and 40 were hurt"))
    ['injured', 'killed']
    """
    return frozenset(k for k, p in _casualty_patterns(vocabulary()) if p.search(text))


def casualty_kinds() -> tuple[str, ...]:
    """The casualty counts ``casualties`` can name, in the vocabulary's order."""
    return tuple(k for k, _ in _casualty_patterns(vocabulary()))


def _phrases(words: str) -> str:
    return "|".join(re.escape(" ".join(p.split())).replace(r"\ ", r"\s+") for p in words.split("|"))


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _total_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    words = str(vocab.tables.get("running_total", {}).get("phrases", ""))
    return re.compile(rf"\b(?:{_phrases(words)})\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _casualty_patterns(vocab: Vocabulary) -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = vocab.tables.get("casualty_words", {})
    return tuple(
        (str(kind), re.compile(rf"\b(?:{_phrases(str(words))})\b", re.IGNORECASE))
        for kind, words in table.items()
    )
