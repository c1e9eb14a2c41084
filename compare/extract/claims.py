"""Stage 4: a sentence read as a claim: its figures, who says it, whether it is a quote."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from compare.extract.figures import attribution
from compare.extract.readings import casualties
from compare.types import Claim, Figure, Sentence

# A quotation of at least four words (three spaces inside), straight or curly.
_OPENING, _CLOSING, _QUOTE_MARKS = '"\u201c', '"\u201d', '"\u201c\u201d'


@lru_cache(maxsize=8192)
def is_quote(text: str) -> bool:
    """True when the sentence reports someone's own words.

    >>> is_quote('"Those are not conflicting goals," Lapid wrote on X.')
    True
    >>> is_quote('Gantz spoke of an "international actor" delivering aid.')
    False
    """
    # A scan, not the regex it replaces: nested quantifiers backtracked exponentially on
    # long unterminated quotes (FNC-1 bodies hung for minutes).
    for i, ch in enumerate(text):
        if ch not in _OPENING:
            continue
        j, spaces = i + 1, 0
        while j < len(text) and text[j] not in _QUOTE_MARKS:
            spaces += text[j].isspace()
            j += 1
        if j < len(text) and text[j] in _CLOSING and spaces >= 3:
            return True
    return False


def claims(sentences: Sequence[Sentence], figures: Iterable[Figure]) -> tuple[Claim, ...]:
    """One claim per sentence, carrying the figures found in it."""
    by_sentence: dict[int, list[Figure]] = {}
    for fig in figures:
        by_sentence.setdefault(fig.sentence, []).append(fig)
    return tuple(
        Claim(
            article=s.article,
            sentence=s,
            figures=tuple(by_sentence.get(s.index, ())),
            attribution=attribution(s.text),
            quote=is_quote(s.text),
            casualties=casualties(s.text),
        )
        for s in sentences
    )
