"""Stage 7: a pair to a Row: agree / diverge / update / unique, with a reason a person can read.

The rules are the explicit ones casualty-recording projects apply by hand:
compatible intervals agree; incompatible ones diverge, and figures from
different claimants are kept side by side, never averaged; a later report of
a running count (a death toll) that differs is an update, not a contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from compare.intervals import compatible, describe, fmt_number
from compare.types import Article, Figure, Pair, Row, Verdict

# Counts that run over time: a later, different figure is an update.
RUNNING_COUNTS = frozenset(
    {
        "killed",
        "injured",
        "displaced",
        "detained",
        "arrested",
        "missing",
        "hostages",
        "homeless",
        "evacuated",
        "casualties",
    }
)


def judge(pairs: Iterable[Pair], articles: Sequence[Article]) -> tuple[Row, ...]:
    """Rows for aligned pairs; ``articles`` supply the dates that make updates."""
    dates = {a.id: a.published for a in articles}
    return tuple(judge_pair(p, dates) for p in pairs)


def judge_pair(pair: Pair, dates: dict[str, dt.date | None]) -> Row:
    fa, fb = pair.fig_a, pair.fig_b
    if fa is not None and fb is not None:
        verdict, reason = _figures(fa, fb, dates.get(fa.article), dates.get(fb.article))
        return Row(verdict, fa.concept, fa, fb, pair.a, pair.b, pair.score, reason)
    lone = fa or fb
    if lone is not None:
        return Row("unique", lone.concept, fa, fb, pair.a, pair.b, pair.score, _unique_figure(pair))
    if pair.a is not None and pair.b is not None:
        return Row("agree", None, None, None, pair.a, pair.b, pair.score, "both say this")
    side = "A" if pair.a is not None else "B"
    return Row("unique", None, None, None, pair.a, pair.b, None, f"only {side} says this")


def _figures(
    fa: Figure, fb: Figure, date_a: dt.date | None, date_b: dt.date | None
) -> tuple[Verdict, str]:
    claimants = _claimants(fa, fb)
    if (date_a and date_b and date_a != date_b and fa.concept in RUNNING_COUNTS
            and _moved(fa, fb)):
        return "update", _update_reason(fa, fb, date_a, date_b) + claimants
    if compatible(fa, fb):
        if fa.value == fb.value and fa.qualifier == fb.qualifier:
            how = f"both say {fa.text.strip()}" if fa.text == fb.text else "same figure"
        else:
            how = f"compatible: {describe(fa)} and {describe(fb)} overlap"
        return "agree", how + claimants
    return "diverge", f"{describe(fa)} vs {describe(fb)} cannot both hold" + (
        claimants or _same_claimant(fa)
    )


def _moved(fa: Figure, fb: Figure) -> bool:
    """Whether a running count moved between two dated reports.

    Incompatible figures moved; so did a bound that shifted ("at least 27,840"
    then "at least 28,663"), though the two intervals overlap.
    """
    return not compatible(fa, fb) or (fa.qualifier == fb.qualifier and fa.value != fb.value)


def _update_reason(fa: Figure, fb: Figure, date_a: dt.date, date_b: dt.date) -> str:
    (early, d0, side0), (late, d1, side1) = sorted(
        [(fa, date_a, "A"), (fb, date_b, "B")], key=lambda t: t[1]
    )
    delta = late.value - early.value
    days = (d1 - d0).days
    direction = "up" if delta > 0 else "revised down"
    share = f" ({delta / early.value:+.1%})" if early.value else ""
    return (
        f"{side1} ({d1.isoformat()}) is {days} day{'s' if days != 1 else ''} later than "
        f"{side0}: {fmt_number(early.value)} -> {fmt_number(late.value)}, "
        f"{direction} {fmt_number(abs(delta))}{share}"
    )


def _claimants(fa: Figure, fb: Figure) -> str:
    if fa.attribution and fb.attribution and fa.attribution.lower() != fb.attribution.lower():
        return f"; different claimants: A cites {fa.attribution}, B cites {fb.attribution}"
    if bool(fa.attribution) != bool(fb.attribution):
        who, side = (fa.attribution, "A") if fa.attribution else (fb.attribution, "B")
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
