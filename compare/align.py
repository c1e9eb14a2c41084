"""Stage 6: pairs across two articles, one-to-one, from embeddings + rapidfuzz + figures.

Two assignments are solved, each optimally (scipy's linear_sum_assignment):
claims to claims, so that figure-less statements and omissions show, and,
per concept and unit, figures to figures.  A figure never pairs with one that
counts something else, in another unit (durations convert; a percent never pairs
with a count), of an incompatible subject, or in another place (``places``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.intervals import compatible
from compare.places import claim_places, places_compatible
from compare.resources import CASUALTY_CONCEPTS
from compare.types import Claim, Figure, Pair

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Tunable numbers, shown in `factcompare diff --help`.  Evidence in bench/VERDICTS.md (FNC-1
# sweep): claim threshold 0.50 aligns a claim in 1.0% of unrelated pairs and 47% of related
# ones, 0.55 in 0.5% and 37%, 0.60 in 0.5% and 29%.  True figure pairs in the fixtures score
# 0.56 and up; FIGURE_THRESHOLD 0.40 leaves 0.5% of unrelated FNC-1 pairs with a figure pair.
CLAIM_THRESHOLD = 0.55  # text score under which two claims are not the same statement
FIGURE_THRESHOLD = 0.40  # pair score under which two comparable figures stay unique
EMBED_WEIGHT = 0.75  # the rest of a text score is rapidfuzz token agreement
CONTEXT_WEIGHT = 0.30  # share of a figure's text score taken from the words around it
CONTEXT_BEFORE, CONTEXT_AFTER = 2, 5  # words around a figure that say what it counts
COMPATIBLE_BONUS = 0.15  # comparable figures whose numbers agree are likelier the same fact
MAGNITUDE_WEIGHT = 0.15  # times 1 - |log10(a/b)|: 383 pairs with 378 before 95
SAME_CLAIMANT_BONUS = 0.05
SAME_NUMBER_BONUS = 0.05  # the very same number: 30,035 pairs with 30,035, not with 30,000
UNKNOWN_CONCEPT_PENALTY = 0.10  # one side does not say what it counts: weaker evidence
# When a side does not say what it counts, its number must vouch for it: compatible, or
# within this factor ("hundreds of thousands" homeless never meets "a million" sheltering).
UNKNOWN_CONCEPT_RATIO = 1.5

# Durations convert to days; a month is 28 to 31 days, a year 365 or 366.
DAYS_PER: dict[str, tuple[float, float]] = {
    "second": (1 / 86400, 1 / 86400),
    "minute": (1 / 1440, 1 / 1440),
    "hour": (1 / 24, 1 / 24),
    "day": (1.0, 1.0),
    "week": (7.0, 7.0),
    "month": (28.0, 31.0),
    "year": (365.0, 366.0),
    "decade": (3652.0, 3653.0),
}

SAME_COUNT_MIN = 10  # below this, equal numbers are coincidence, not evidence
_GENERIC_SUBJECTS = frozenset({"people", "persons", "individuals", "civilians"})
_SUBJECT_SYNONYMS = {"gazans": "palestinians", "palestinian": "palestinians"}
_INFEASIBLE = -1e6
# A figure whose concept the extractor missed still stands in a sentence that names
# some casualty counts: "revised down its count of the people killed ... to around 1,200"
# may pair with a killed figure, never with an injured one.
_CASUALTY_WORDS = {
    "killed": re.compile(
        r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|martyr(?:s|ed)?|lives)\b", re.I
    ),
    "injured": re.compile(r"\b(?:injured|injuries|wounded|hurt)\b", re.I),
    "hostages": re.compile(r"\b(?:hostages?|captives?|captivity|abducted)\b", re.I),
    "displaced": re.compile(r"\b(?:displaced|fled|driven from|forced from)\b", re.I),
}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@dataclass(frozen=True)
class Options:
    claim_threshold: float = CLAIM_THRESHOLD
    figure_threshold: float = FIGURE_THRESHOLD


def text_scores(
    a: Sequence[Claim], b: Sequence[Claim], va: npt.NDArray[np.float32], vb: npt.NDArray[np.float32]
) -> npt.NDArray[np.float64]:
    """How alike each claim of A is to each claim of B, in [0, 1]."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    if not a or not b:
        return np.zeros((len(a), len(b)))
    cosine = np.clip(va @ vb.T, 0.0, 1.0)
    fuzzy = process.cdist(
        [c.sentence.text for c in a],
        [c.sentence.text for c in b],
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
    )
    return np.asarray(EMBED_WEIGHT * cosine + (1 - EMBED_WEIGHT) * fuzzy / 100.0, dtype=np.float64)


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Who is counted: the same group, or one side does not say.

    >>> subjects_compatible("Gazans", "Palestinians"), subjects_compatible("Israelis", "Gazans")
    (True, False)
    """
    if a is None or b is None:
        return True
    x, y = (_SUBJECT_SYNONYMS.get(s.lower(), s.lower()) for s in (a, b))
    return x == y or x in _GENERIC_SUBJECTS or y in _GENERIC_SUBJECTS


def concepts_compatible(a: str | None, b: str | None) -> bool:
    """What is counted: the same thing, the same head noun, or one side does not say.

    >>> concepts_compatible("killed", "injured"), concepts_compatible("aid trucks", "trucks")
    (False, True)
    >>> concepts_compatible(None, "killed"), concepts_compatible("tanks", "killed")
    (True, False)
    """
    if a is None or b is None or a == b:
        return True
    if a in CASUALTY_CONCEPTS or b in CASUALTY_CONCEPTS:
        return False
    return _head(a) == _head(b)


def units_compatible(a: str | None, b: str | None) -> bool:
    """Same unit, or two durations (converted to days); a percent never pairs with a count.

    >>> units_compatible("day", "month"), units_compatible("percent", None)
    (True, False)
    >>> units_compatible("EUR", "USD")
    False
    """
    return a == b or (a in DAYS_PER and b in DAYS_PER)


def in_days(fig: Figure) -> Figure:
    """A duration restated in days, its interval widened by how long a month or year is.

    >>> f = Figure("a:f1", "a", 0, "4.5 months", (0, 10), 4.5, 4.5, 4.5, "exact", "month")
    >>> g = in_days(f)
    >>> (g.qualifier, g.low, g.high, g.unit)
    ('range', 126.0, 139.5, 'day')
    """
    if fig.unit not in DAYS_PER or fig.unit == "day":
        return fig
    short, long = DAYS_PER[fig.unit]
    low = None if fig.low is None else fig.low * short
    high = None if fig.high is None else fig.high * long
    qualifier = fig.qualifier
    if qualifier == "exact":
        low, high = fig.value * short, fig.value * long
        qualifier = "range" if short != long else "exact"
    return replace(
        fig, value=fig.value * short, low=low, high=high, qualifier=qualifier, unit="day"
    )


def in_common_unit(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """Both figures in one unit when they are durations in different ones; else as they are."""
    if a.unit != b.unit and a.unit in DAYS_PER and b.unit in DAYS_PER:
        return in_days(a), in_days(b)
    return a, b


def why_apart(
    a: Figure,
    b: Figure,
    place_a: frozenset[str] = frozenset(),
    place_b: frozenset[str] = frozenset(),
) -> str | None:
    """Why two figures cannot speak of the same quantity, or None when they may.

    >>> k = Figure("a:f1", "a", 0, "383", (0, 3), 383, 383, 383, "exact", None, "killed")
    >>> why_apart(k, k, frozenset({"Gaza"}), frozenset({"West Bank"}))
    'Gaza vs West Bank'
    """
    if not concepts_compatible(a.concept, b.concept):
        return f"counts {a.concept} vs {b.concept}"
    if not units_compatible(a.unit, b.unit):
        return f"unit {a.unit or 'count'} vs {b.unit or 'count'}"
    # Outlets name the same dead differently ("340 medics", "340 health workers"); the very
    # same count of the same kind vouches for the pair, while a different count does not.
    same_count = a.value == b.value and a.value >= SAME_COUNT_MIN and a.concept is not None
    if not subjects_compatible(a.subject, b.subject) and not same_count:
        return f"{a.subject} vs {b.subject}"
    # Casualties happen somewhere: a toll in Gaza is not a toll in the West Bank.  A plan's
    # stages or a pause's length are not located, whoever's capital the talks are held in.
    located = a.concept in CASUALTY_CONCEPTS or b.concept in CASUALTY_CONCEPTS
    if located and not places_compatible(place_a, place_b):
        return f"{', '.join(sorted(place_a))} vs {', '.join(sorted(place_b))}"
    return None


def figures_comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures may speak of the same quantity at all (places aside)."""
    return why_apart(a, b) is None


def align(
    a: Sequence[Claim],
    b: Sequence[Claim],
    va: npt.NDArray[np.float32],
    vb: npt.NDArray[np.float32],
    *,
    options: Options = Options(),
) -> tuple[Pair, ...]:
    """Every figure and every figure-less claim of A and B, paired or alone."""
    scores = text_scores(a, b, va, vb)
    claim_match = _assign(scores, options.claim_threshold)
    a_to_b = dict(claim_match)
    b_to_a = {j: i for i, j in claim_match}
    pairs: list[Pair] = []

    figs_a = [(i, f) for i, c in enumerate(a) for f in c.figures]
    figs_b = [(j, f) for j, c in enumerate(b) for f in c.figures]
    matched_a: set[str] = set()
    matched_b: set[str] = set()
    notes: dict[str, str] = {}
    if figs_a and figs_b:
        fig_scores, notes = _figure_scores(a, b, figs_a, figs_b, scores)
        for r, c in _assign(fig_scores, options.figure_threshold):
            (i, fa), (j, fb) = figs_a[r], figs_b[c]
            pairs.append(Pair(a[i], b[j], fa, fb, round(float(fig_scores[r, c]), 3)))
            matched_a.add(fa.id)
            matched_b.add(fb.id)

    # A figure nobody matched is unique; its claim's counterpart, if any, is context.
    for ia, fa in figs_a:
        if fa.id not in matched_a:
            jb = a_to_b.get(ia)
            context_b = b[jb] if jb is not None else None
            pairs.append(Pair(a[ia], context_b, fa, None, _score(scores, ia, jb), notes.get(fa.id)))
    for jb, fb in figs_b:
        if fb.id not in matched_b:
            ia2 = b_to_a.get(jb)
            context_a = a[ia2] if ia2 is not None else None
            pairs.append(
                Pair(context_a, b[jb], None, fb, _score(scores, ia2, jb), notes.get(fb.id))
            )

    # Claims without figures: aligned (so agreement shows) or alone (so omissions show).
    for ia, claim in enumerate(a):
        jm = a_to_b.get(ia)
        if claim.figures or (jm is not None and b[jm].figures):
            continue
        pairs.append(Pair(claim, b[jm] if jm is not None else None, score=_score(scores, ia, jm)))
    for j, claim in enumerate(b):
        if claim.figures or j in b_to_a:
            continue
        pairs.append(Pair(None, claim))
    return tuple(sorted(pairs, key=_order))


def figure_score(text: float, context: float, a: Figure, b: Figure) -> float:
    """The evidence that two comparable figures report the same fact.

    ``text`` is how alike their sentences are, ``context`` how alike the words
    around the two numbers are (both in [0, 1]).
    """
    ca, cb = in_common_unit(a, b)
    score = (1 - CONTEXT_WEIGHT) * text + CONTEXT_WEIGHT * context
    if compatible(ca, cb):
        score += COMPATIBLE_BONUS
    score += MAGNITUDE_WEIGHT * _closeness(ca.value, cb.value)
    if ca.value == cb.value:
        score += SAME_NUMBER_BONUS
    if a.attribution and b.attribution and a.attribution.lower() == b.attribution.lower():
        score += SAME_CLAIMANT_BONUS
    if (a.concept is None) != (b.concept is None):
        score -= UNKNOWN_CONCEPT_PENALTY
    elif a.concept is None:
        score -= 2 * UNKNOWN_CONCEPT_PENALTY  # neither says what it counts
    return score


def context_words(claim: Claim, fig: Figure) -> str:
    """The words either side of a figure in its sentence, numbers left out.

    >>> from compare.types import Sentence
    >>> s = Sentence("a", 0, "Since May, 383 Palestinians, including 96 children, died.", 0, 57)
    >>> f = Figure("a:f2", "a", 0, "96", (39, 41), 96, 96, 96, "exact")
    >>> context_words(Claim("a", s, (f,)), f)
    'Palestinians including children died'
    """
    start = claim.sentence.start
    return _context(claim.sentence.text, fig.span[0] - start, fig.span[1] - start)


@lru_cache(maxsize=8192)  # all-pairs runs ask again for every article pair
def _context(text: str, lo: int, hi: int) -> str:
    before = _WORD.findall(text[:lo])[-CONTEXT_BEFORE:] if CONTEXT_BEFORE else []
    after = _WORD.findall(text[hi:])[:CONTEXT_AFTER]
    return " ".join(before + after)


def casualty_hints(claim: Claim) -> frozenset[str]:
    """The casualty counts a sentence speaks of, for its figures the extractor left unlabelled.

    >>> from compare.types import Sentence
    >>> sorted(casualty_hints(Claim("a", Sentence("a", 0, "11 died and 40 were hurt", 0, 24))))
    ['injured', 'killed']
    """
    return _hints(claim.sentence.text)


@lru_cache(maxsize=4096)
def _hints(text: str) -> frozenset[str]:
    return frozenset(c for c, words in _CASUALTY_WORDS.items() if words.search(text))


def _unvouched(a: Figure, b: Figure) -> str | None:
    if a.concept is not None and b.concept is not None:
        return None
    ca, cb = in_common_unit(a, b)
    lo, hi = sorted((abs(ca.value), abs(cb.value)))
    # A vague or one-sided amount ("hundreds of thousands", "up to 1.9 million") is
    # compatible with too much to vouch; only bounded intervals do.
    bounded = {a.qualifier, b.qualifier} <= {"exact", "about", "nearly", "range"}
    # Cheapest test first: this runs for every pair where one side's concept is unknown.
    if (lo > 0 and hi / lo <= UNKNOWN_CONCEPT_RATIO) or (bounded and compatible(ca, cb)):
        return None
    return "what one side counts is unknown and the numbers are far apart"


def _hinted_apart(fig: Figure, hints: frozenset[str], other: Figure) -> str | None:
    known = other.concept in _CASUALTY_WORDS
    if fig.concept is None and known and hints and other.concept not in hints:
        return f"its sentence speaks of {', '.join(sorted(hints))}, not {other.concept}"
    return None


def _figure_scores(
    a: Sequence[Claim],
    b: Sequence[Claim],
    figs_a: list[tuple[int, Figure]],
    figs_b: list[tuple[int, Figure]],
    scores: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], dict[str, str]]:
    """Pair scores (infeasible where figures cannot be the same quantity), and for each
    figure kept apart from its likeliest counterpart, why."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    place_a, place_b = claim_places(a), claim_places(b)
    hints_a, hints_b = [casualty_hints(c) for c in a], [casualty_hints(c) for c in b]
    context = (
        process.cdist(
            [context_words(a[i], f) for i, f in figs_a],
            [context_words(b[j], f) for j, f in figs_b],
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
        )
        / 100.0
    )
    out = np.full((len(figs_a), len(figs_b)), _INFEASIBLE)
    blocked: dict[str, tuple[float, str]] = {}
    # Only figures in the same unit class can pair or be a near miss: look those up, rather
    # than ask why_apart about every pair (all-pairs and timeline runs ask millions of times).
    by_unit: dict[str | None, list[int]] = {}
    for c, (_, fb) in enumerate(figs_b):
        by_unit.setdefault(_unit_class(fb.unit), []).append(c)
    for r, (i, fa) in enumerate(figs_a):
        for c in by_unit.get(_unit_class(fa.unit), ()):
            j, fb = figs_b[c]
            if not concepts_compatible(fa.concept, fb.concept):
                continue  # never paired, and not a near miss: what they count differs
            why = (
                why_apart(fa, fb, place_a[i], place_b[j])
                or _hinted_apart(fa, hints_a[i], fb)
                or _hinted_apart(fb, hints_b[j], fa)
                or _unvouched(fa, fb)
            )
            if why is None:
                out[r, c] = figure_score(float(scores[i, j]), float(context[r, c]), fa, fb)
            elif fa.concept is not None and fa.concept == fb.concept and fa.unit == fb.unit:
                # A near miss: same count, but another group or place.  Say so on both sides.
                for me, other, side in ((fa, fb, "B"), (fb, fa, "A")):
                    strength = float(scores[i, j])
                    if strength > blocked.get(me.id, (-1.0, ""))[0]:
                        note = f"not paired with {side}'s {other.text} ({why})"
                        blocked[me.id] = (strength, note)
    return out, {k: v for k, (_, v) in blocked.items()}


def _unit_class(unit: str | None) -> str | None:
    """Units that can be compared: every duration is one class (converted to days)."""
    return "duration" if unit in DAYS_PER else unit


def _closeness(x: float, y: float) -> float:
    """1 for equal numbers, falling to 0 at a factor of ten apart."""
    if x <= 0 or y <= 0:
        return 1.0 if x == y else 0.0
    return max(0.0, 1.0 - abs(math.log10(x / y)))


def _head(concept: str) -> str:
    word = concept.lower().split()[-1] if concept.split() else concept.lower()
    return word[:-1] if word.endswith("s") else word


def _assign(scores: npt.NDArray[np.float64], threshold: float) -> list[tuple[int, int]]:
    """Optimal one-to-one matching, keeping only pairs at or above the threshold."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if scores.size == 0:
        return []
    # Maximise the margin above the threshold, so that forcing a weak or
    # infeasible pair never displaces a strong one.
    gain = np.where(scores >= threshold, scores - threshold + 1e-9, 0.0)
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if gain[r, c] > 0]


def _score(scores: npt.NDArray[np.float64], i: int | None, j: int | None) -> float | None:
    return None if i is None or j is None else round(float(scores[i, j]), 3)


def _order(pair: Pair) -> tuple[int, int, int]:
    """Table order: A's reading order first, then B's leftovers in theirs."""
    if pair.a is not None:
        fig = pair.fig_a
        return (0, pair.a.sentence.index, fig.span[0] if fig else -1)
    assert pair.b is not None  # a pair always has a side
    fig = pair.fig_b
    return (1, pair.b.sentence.index, fig.span[0] if fig else -1)
