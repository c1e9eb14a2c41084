"""Stage 4: a sentence read as a claim: its figures, who says it, whether it is a quote."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from compare.figures import attribution
from compare.types import Claim, Figure, Sentence

# A quotation of at least four words, straight or curly.
_QUOTE = re.compile(r"[\"\u201c](?:[^\"\u201c\u201d]*?\s){3,}[^\"\u201c\u201d]*[\"\u201d]")


def is_quote(text: str) -> bool:
    """True when the sentence reports someone's own words.

    >>> is_quote('"Those are not conflicting goals," Lapid wrote on X.')
    True
    >>> is_quote('Gantz spoke of an "international actor" delivering aid.')
    False
    """
    return _QUOTE.search(text) is not None


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
        )
        for s in sentences
    )
