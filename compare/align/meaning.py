"""Concepts compared by meaning: "homes destroyed" and "houses destroyed" count one thing.

Concepts are open vocabulary (the counted noun phrase, the governing predicate), so
equivalents cannot all be listed.  The sentence model is loaded for alignment anyway:
each distinct concept is encoded once, with the claims, and two concepts whose vectors
are close enough meet.  Words meaning alone cannot tell apart ("buildings destroyed"
and "buildings damaged" are close in the model's space) are the vocabulary's
``[contrasts]``: concepts that differ by them never meet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compare.extract.vocab import vocabulary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Cosine at which two concept phrases name the same thing.  MiniLM, measured on phrase
# pairs (bench/OPEN.md): homes/houses destroyed 0.93, efficacy/effectiveness 0.76,
# area/acres burned 0.74, hostages/captives 0.74; apart: revenue/net profit 0.62,
# votes/vote share 0.62, seats/votes 0.47, vote share/turnout 0.39.
CONCEPT_MEANING = 0.72


@dataclass(frozen=True, eq=False)
class Meaning:
    """Unit vectors of concept phrases, and whether two of them name the same thing."""

    vectors: Mapping[str, npt.NDArray[np.float32]] = field(default_factory=dict)
    threshold: float = CONCEPT_MEANING

    def same(self, a: str, b: str) -> bool:
        """Whether concepts ``a`` and ``b`` are equivalents (never across a contrast)."""
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is None or vb is None or contrasting(a, b):
            return False
        return float(va @ vb) >= self.threshold


def contrasting(a: str, b: str) -> bool:
    """Whether two concepts differ by words of the vocabulary's ``[contrasts]``.

    >>> contrasting("buildings destroyed", "buildings damaged"), contrasting("homes", "houses")
    (True, False)
    """
    wa, wb = set(a.lower().split()), set(b.lower().split())
    only_a, only_b = wa - wb, wb - wa
    return any(
        (x in only_a and y in only_b) or (y in only_a and x in only_b)
        for x, y in vocabulary().contrasts
    )
