"""Stage 7: a pair to a Row: agree / diverge / update / unique, with a reason a person can read.

The rules are the explicit ones casualty-recording projects apply by hand:
compatible intervals agree; incompatible ones diverge, and figures from
different claimants are kept side by side, never averaged; a later report of
a running count (a death toll) that differs is an update, not a contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from compare.align.confidence import with_confidence
from compare.align.rules import in_common_unit, no_alarm
from compare.extract.resources import CASUALTY_CONCEPTS
from compare.intervals import compatible, describe, fmt_number
from compare.types import Article, Figure, Pair, Row, Verdict

# A later figure compatible with the earlier one still moved when it differs by more than this.
MOVED_SHARE = 0.05
# A lower bound is written near the count it bounds, at a round number just below it
# ("more than 130" for 134, "over 100" for 134 hostages): two lower bounds this many times
# apart are two different counts ("more than 1.12 million" against "more than 2 million"
# marchers), though their intervals overlap.  As UNKNOWN_CONCEPT_RATIO in the rules: within
# half again, two numbers may be one count told two ways.
BOUNDS_APART = 1.5
LOWER_BOUNDS = frozenset({"at_least", "more_than"})


def judge(pairs: Iterable[Pair], articles: Sequence[Article]) -> tuple[Row, ...]:
    """Rows for aligned pairs; ``articles`` supply the dates that make updates."""
    dates = {a.id: a.published for a in articles}
    return tuple(judge_pair(p, dates) for p in pairs)


@with_confidence  # reads the judged row; never changes its verdict
def judge_pair(
    pair: Pair,
    dates: dict[str, dt.date | None],
    *,
    sides: tuple[str, str] = ("A", "B"),
) -> Row:
    """One pair's verdict; ``sides`` name the two articles in reasons."""
    fa, fb = pair.fig_a, pair.fig_b
    if fa is not None and fb is not None:
        running = running_count(fa, fb)
        verdict, reason = _figures(
            fa, fb, dates.get(fa.article), dates.get(fb.article), running, sides
        )
        reason += revisions_told((fa, sides[0]), (fb, sides[1]))
        return Row(verdict, fa.concept or fb.concept, fa, fb, pair.a, pair.b, pair.score, reason)
    lone = fa or fb
    if lone is not None:
        reason = _unique_figure(pair) + (f"; {pair.note}" if pair.note else "")
        reason += revisions_told((lone, sides[0] if fa is not None else sides[1]))
        return Row("unique", lone.concept, fa, fb, pair.a, pair.b, pair.score, reason)
    if pair.a is not None and pair.b is not None:
        return Row("agree", None, None, None, pair.a, pair.b, pair.score, "both say this")
    side = "A" if pair.a is not None else "B"
    return Row("unique", None, None, None, pair.a, pair.b, None, f"only {side} says this")


def revisions_told(*figures: tuple[Figure, str]) -> str:
    """What each side itself says its figure replaced, for a row's reason (the one place this
    wording lives).

    >>> from dataclasses import replace
    >>> from compare.types import Previous
    >>> f = Figure("b:f1", "b", 0, "125", (0, 3), 125, 125, 125, "exact", None, "killed")
    >>> revisions_told((f, "A"), (replace(f, previous=Previous("174", (9, 12), 174, 174, 174,
    ...     "exact")), "B"))
    '; B itself reports the revision from 174 to 125'
    """
    return "".join(
        f"; {side} itself reports the revision from {_inline(f.previous.text)} to {_inline(f.text)}"
        for f, side in figures
        if f.previous is not None
    )


def _inline(text: str) -> str:
    """A figure's words inside a sentence: "At least 174" reads "at least 174"."""
    text = text.strip()
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text


def running_count(fa: Figure, fb: Figure) -> bool:
    """Whether a pair counts something that accumulates over time, so that a later
    different figure is an update: a casualty count, or any count that extraction read as
    a running total (``Figure.total``: "since the start of the invasion", "the toll").
    """
    if (fa.concept or fb.concept) in CASUALTY_CONCEPTS:
        return True
    if fa.unit is not None or fb.unit is not None:
        return False  # shares, money and durations are not running counts
    return fa.total or fb.total


def _figures(
    fa: Figure,
    fb: Figure,
    date_a: dt.date | None,
    date_b: dt.date | None,
    running: bool,
    sides: tuple[str, str] = ("A", "B"),
) -> tuple[Verdict, str]:
    claimants = _claimants(fa, fb, sides)
    converted = ""
    if fa.unit != fb.unit:
        fa, fb = in_common_unit(fa, fb)
        converted = f" (in {fa.unit}s)" if fa.unit == fb.unit else ""
    # A later report of the same quantity that cannot agree with the earlier one is an
    # update (a revised efficacy, a jobs figure restated), not a contradiction: only
    # same-day figures diverge.  A running count moves even within its rounding.
    # Two lower bounds too far apart to be one count ("more than 164,000 acres" burned, three
    # days later "more than 360,000") moved as well.
    moved = (running and _moved(fa, fb)) or not compatible(fa, fb) or bounds_apart(fa, fb)
    # Figures whose wording says they may be different quantities never raise an alarm.
    weak = no_alarm(fa, fb) and compatible(fa, fb)
    if date_a and date_b and date_a != date_b and moved and not weak:
        return "update", _update_reason(fa, fb, date_a, date_b, sides) + claimants
    if compatible(fa, fb) and not (bounds_apart(fa, fb) and not weak):
        if fa.value == fb.value and fa.qualifier == fb.qualifier:
            how = f"both say {fa.text.strip()}" if fa.text == fb.text else "same figure"
        else:
            how = f"compatible: {describe(fa)} and {describe(fb)} overlap{converted}"
        return "agree", how + claimants
    if compatible(fa, fb):  # two lower bounds far apart
        why = f"{fa.text.strip()} and {fb.text.strip()} are too far apart to be one count"
    else:
        why = f"{describe(fa)} vs {describe(fb)} cannot both hold{converted}"
    return "diverge", why + (claimants or _same_claimant(fa))


def bounds_apart(fa: Figure, fb: Figure) -> bool:
    """Whether two lower bounds are too far apart to be one count (see BOUNDS_APART).

    >>> from dataclasses import replace
    >>> f = Figure("a:f1", "a", 0, "more than 2 million", (0, 19), 2e6, 2e6, None, "more_than")
    >>> bounds_apart(f, replace(f, value=1.12e6, low=1.12e6))
    True
    >>> bounds_apart(f, replace(f, value=1.6e6, low=1.6e6, qualifier="at_least"))
    False
    """
    if not {fa.qualifier, fb.qualifier} <= LOWER_BOUNDS:
        return False
    lo, hi = sorted((abs(fa.value), abs(fb.value)))
    return lo > 0 and hi / lo >= BOUNDS_APART


def _moved(fa: Figure, fb: Figure) -> bool:
    """Whether a running count moved between two dated reports.

    Incompatible figures moved; so did a bound that shifted ("at least 27,840"
    then "at least 28,663"), though the two intervals overlap, and a stated number
    that left the other by more than MOVED_SHARE ("at least 27,840" then 30,878) or
    where both numbers are unrounded counts, while "more than 130" then 134 is the
    same count told two ways.
    """
    if (fa.qualifier == fb.qualifier and fa.value != fb.value) or not compatible(fa, fb):
        return True
    if fa.value == fb.value:
        return False
    # Unrounded counts ("at least 72,289" then 72,302) are precise: any change is news.
    if all(float(v).is_integer() and v % 10 for v in (fa.value, fb.value)):
        return True
    base = min(abs(fa.value), abs(fb.value))
    return base > 0 and abs(fa.value - fb.value) / base > MOVED_SHARE


def _update_reason(
    fa: Figure, fb: Figure, date_a: dt.date, date_b: dt.date, sides: tuple[str, str] = ("A", "B")
) -> str:
    if date_a <= date_b:
        (early, d0, side0), (late, d1, side1) = (fa, date_a, sides[0]), (fb, date_b, sides[1])
    else:
        (early, d0, side0), (late, d1, side1) = (fb, date_b, sides[1]), (fa, date_a, sides[0])
    delta = late.value - early.value
    days = (d1 - d0).days
    direction = "up" if delta > 0 else "revised down"
    share = f" ({delta / early.value:+.1%})" if early.value else ""
    return (
        f"{side1} ({d1.isoformat()}) is {days} day{'s' if days != 1 else ''} later than "
        f"{side0}: {fmt_number(early.value)} -> {fmt_number(late.value)}, "
        f"{direction} {fmt_number(abs(delta))}{share}"
    )


def _claimants(fa: Figure, fb: Figure, sides: tuple[str, str] = ("A", "B")) -> str:
    a, b = sides
    if fa.attribution and fb.attribution and fa.attribution.lower() != fb.attribution.lower():
        return f"; different claimants: {a} cites {fa.attribution}, {b} cites {fb.attribution}"
    if bool(fa.attribution) != bool(fb.attribution):
        who, side = (fa.attribution, a) if fa.attribution else (fb.attribution, b)
        return f"; only {side} names a source ({who})"
    return ""


def _same_claimant(fa: Figure) -> str:
    return f"; same claimant ({fa.attribution})" if fa.attribution else ""


def _unique_figure(pair: Pair) -> str:
    if pair.fig_a is not None:
        side, other, context = "A", "B", pair.b
    else:
        side, other, context = "B", "A", pair.a
    if context is not None:
        return f"only {side} gives this figure; {other}'s matching sentence states none"
    return f"only {side} reports this"
