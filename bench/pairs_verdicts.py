"""Score the tool's diff rows on bench/pairs/ (issue 12's dev set): alarms, pairing, verdicts.

Run: .venv/bin/python bench/pairs_verdicts.py [-v]   (the Makefile's `bench-verdicts` target runs
it after bench/verdicts.py); it prints bench/PAIRS.md and writes it.

For each pair `bench/pairs/<slug>/`: a.txt and b.txt are read with
compare.pipeline.read_articles (front matter gives the dates), compared with
compare.pipeline.compare_articles (the real model), and the report's rows are scored against
gold.toml (format: bench/pairs/README.md).  The rules are written out in PAIRS.md (`RULES`).

Before/after: run this same file against an older checkout of the package, e.g. 6edd4ac (main
when work on issue 12 began):

    git worktree add --detach ../wt-before 6edd4ac
    PYTHONPATH=../wt-before .venv/bin/python bench/pairs_verdicts.py --label 6edd4ac \\
        --json bench/pairs_before.json --no-write

and the stored bench/pairs_before.json becomes PAIRS.md's "before" column.  An older Figure
lacks `place`/`scope` and reads no titles; fields are read with getattr and a default.

A baseline is scored beside the tool: `baseline_rows`, a regex-plus-fuzzy-match script of the
kind issue 12 compares against (numbers near the same casualty or measure word in both
articles, rapidfuzz ratio of their sentences >= 60; same number agree, a different number
update when B is dated later, else diverge).  Our pairs are written in different words, so
few sentences reach a ratio of 60; a second column loosens it to 40.
Stdlib, rapidfuzz and the package only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from checkout import package_label  # bench/checkout.py, beside this script

from compare.pipeline import compare_articles, read_articles
from compare.types import Article, Report

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "pairs"
OUT = ROOT / "bench" / "PAIRS.md"
BEFORE = ROOT / "bench" / "pairs_before.json"
ALARMS = ("diverge", "update")
# The "Done when" of issue 12 for bench/pairs: (metric, comparison, goal).
GOALS: dict[str, tuple[str, float]] = {
    "precision of diverge/update": (">=", 0.90),
    "false alarms a pair": ("<=", 0.20),
    "pairing recall": (">=", 0.85),
    "row accuracy": (">=", 0.85),
}

RULES = """\
**Matching rules.** A row's A figure matches a gold figure text when the figure's span
overlaps the text at its occurrence in A's body (the n-th whole-token occurrence, as
`bench/pairs/validate.py` finds it: "30" is not found inside "30,000"); likewise for B. Gold
texts are body-only, so a figure the tool read from the title (sentence -1, offsets into the
title) never matches. Only rows with a figure on both sides count.
- *alarm rows*: rows printed as diverge or update; *right* when both figures match one gold row
  of that verdict. *Precision of diverge/update* = right / alarm rows; every other alarm row
  is a *false alarm* (counted in total and per pair).
- *pairing recall* = gold rows whose two figures share one row (any verdict) / gold rows.
- *row accuracy* = gold rows whose two figures share a row with the gold verdict / gold rows.
- *apart violations*: gold `[[apart]]` entries whose two figures share a row (any verdict).
- *revision violations*: gold `[[revision]]` entries whose superseded value (a figure
  overlapping `previous` and not `current`) shares a row with anything.
"""


# ---------------------------------------------------------------- gold


def occurrences(text: str, body: str) -> list[int]:
    """Starts of standalone occurrences, as bench/pairs/validate.py counts them."""
    pat = r"(?<![\w])(?<![\d][.,])" + re.escape(text) + r"(?![\w])(?![.,]\d)"
    return [m.start() for m in re.finditer(pat, body)]


def gold_span(text: str, occ: int, body: str, where: str) -> tuple[int, int]:
    found = occurrences(text, body)
    if len(found) < occ:
        raise SystemExit(f"{where}: {text!r} not found at occurrence {occ}")
    return found[occ - 1], found[occ - 1] + len(text)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


@dataclass(frozen=True)
class Side:
    """One figure of a row, as the scorer needs it."""

    text: str
    span: tuple[int, int]
    in_title: bool
    concept: str | None = None
    qualifier: str = "exact"
    value: float | None = None
    scope: str = "current"
    place: str | None = None


@dataclass(frozen=True)
class Got:
    """One row with a figure on both sides, from the tool or the baseline."""

    verdict: str
    a: Side
    b: Side
    reason: str


@dataclass
class Tally:
    pairs: int = 0
    alarms: int = 0
    right: int = 0
    gold_rows: int = 0
    paired: int = 0
    verdict_right: int = 0
    apart: int = 0
    apart_broken: int = 0
    revisions: int = 0
    revisions_broken: int = 0
    per_verdict: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in vars(self):
            if name == "per_verdict":
                self.per_verdict.update(other.per_verdict)
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | None]:
        def ratio(x: int, y: int) -> float | None:
            return x / y if y else None

        return {
            "precision of diverge/update": ratio(self.right, self.alarms),
            "false alarms a pair": ratio(self.alarms - self.right, self.pairs),
            "pairing recall": ratio(self.paired, self.gold_rows),
            "row accuracy": ratio(self.verdict_right, self.gold_rows),
            "apart violations": ratio(self.apart_broken, self.apart),
            "revision violations": ratio(self.revisions_broken, self.revisions),
        }

    def as_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {k: v for k, v in vars(self).items() if k != "per_verdict"}
        d["per_verdict"] = dict(self.per_verdict)
        return d


def side_of(fig: Any) -> Side:
    return Side(
        text=fig.text,
        span=tuple(fig.span),
        in_title=getattr(fig, "sentence", 0) == -1,
        concept=fig.concept,
        qualifier=fig.qualifier,
        value=fig.value,
        scope=getattr(fig, "scope", "current"),
        place=getattr(fig, "place", None),
    )


def hits(side: Side, span: tuple[int, int]) -> bool:
    return not side.in_title and overlap(side.span, span)


def score_pair(
    slug: str, gold: dict[str, Any], bodies: tuple[str, str], rows: Sequence[Got]
) -> tuple[Tally, list[tuple[str, str, str, str, str]], list[str]]:
    """Tally one pair; also its false alarms as (verdict, A text, B text, reason, cause) and
    its gold rows missed (not paired with the gold verdict) as table cells."""
    body = {"a": bodies[0], "b": bodies[1]}
    t = Tally(pairs=1)
    grows = []
    for g in gold.get("row", []):
        sa = gold_span(g["a"], g.get("a_occurrence", 1), body["a"], slug)
        sb = gold_span(g["b"], g.get("b_occurrence", 1), body["b"], slug)
        grows.append((g, sa, sb))
    aparts = []
    for ap in gold.get("apart", []):
        sa = gold_span(ap["a"], ap.get("a_occurrence", 1), body["a"], slug)
        sb = gold_span(ap["b"], ap.get("b_occurrence", 1), body["b"], slug)
        aparts.append((ap, sa, sb))
    revs: list[tuple[dict[str, Any], str, tuple[int, int], tuple[int, int]]] = []
    for rev in gold.get("revision", []):
        s = rev["article"]
        cur = gold_span(rev["current"], rev.get("current_occurrence", 1), body[s], slug)
        prev = gold_span(rev["previous"], rev.get("previous_occurrence", 1), body[s], slug)
        revs.append((rev, s, cur, prev))

    def superseded(side: Side, s: str) -> dict[str, Any] | None:
        for rev, rs, cur, prev in revs:
            if rs == s and hits(side, prev) and not hits(side, cur):
                return rev
        return None

    false: list[tuple[str, str, str, str, str]] = []
    missed: list[str] = []
    for r in rows:
        if r.verdict not in ALARMS:
            continue
        t.alarms += 1
        t.per_verdict[r.verdict] += 1
        if any(
            g["verdict"] == r.verdict and hits(r.a, sa) and hits(r.b, sb) for g, sa, sb in grows
        ):
            t.right += 1
            continue
        false.append((r.verdict, r.a.text, r.b.text, r.reason, cause(r, grows, aparts, superseded)))

    t.gold_rows = len(grows)
    for g, sa, sb in grows:
        together = [r for r in rows if hits(r.a, sa) and hits(r.b, sb)]
        t.paired += bool(together)
        t.verdict_right += any(r.verdict == g["verdict"] for r in together)
        if not any(r.verdict == g["verdict"] for r in together):
            got = ", ".join(sorted({r.verdict for r in together})) or "not paired"
            missed.append(f"{g['verdict']} | {g['what']} | {g['a']} | {g['b']} | {got}")
    t.apart = len(aparts)
    t.apart_broken = sum(any(hits(r.a, sa) and hits(r.b, sb) for r in rows) for _, sa, sb in aparts)
    t.revisions = len(revs)
    for _rev, s, cur, prev in revs:
        mine = [r.a if s == "a" else r.b for r in rows]
        t.revisions_broken += any(hits(f, prev) and not hits(f, cur) for f in mine)
    return t, false, missed


def cause(
    r: Got,
    grows: Sequence[tuple[dict[str, Any], tuple[int, int], tuple[int, int]]],
    aparts: Sequence[tuple[dict[str, Any], tuple[int, int], tuple[int, int]]],
    superseded: Callable[[Side, str], dict[str, Any] | None],
) -> str:
    """A coarse class for a false alarm, for the cause counts (the first that applies)."""
    if superseded(r.a, "a") is not None or superseded(r.b, "b") is not None:
        return "superseded value of a revision paired"
    if r.a.in_title or r.b.in_title:
        return "title figure paired"
    for g, sa, sb in grows:
        if hits(r.a, sa) and hits(r.b, sb):
            return f"gold row is {g['verdict']}, printed {r.verdict}"
    for ap, sa, sb in aparts:
        if hits(r.a, sa) and hits(r.b, sb):
            return "apart pair: " + str(ap.get("why", ""))
    if "vague" in (r.a.qualifier, r.b.qualifier):
        return "vague amount against a figure"
    in_a = any(hits(r.a, sa) for _, sa, _ in grows)
    in_b = any(hits(r.b, sb) for _, _, sb in grows)
    if in_a and in_b:
        return "two gold-row figures crossed (each belongs to another row)"
    if in_a or in_b:
        return "a gold-row figure paired with a figure that should stay unique"
    return "both figures should stay unique"


# ---------------------------------------------------------------- confidence labels


def gold_spans(
    slug: str, gold: dict[str, Any], bodies: tuple[str, str]
) -> tuple[
    list[tuple[str, tuple[int, int], tuple[int, int]]],
    list[tuple[tuple[int, int], tuple[int, int]]],
]:
    """The gold rows as (verdict, span in A, span in B) and the apart entries' spans."""
    rows = [
        (
            g["verdict"],
            gold_span(g["a"], g.get("a_occurrence", 1), bodies[0], slug),
            gold_span(g["b"], g.get("b_occurrence", 1), bodies[1], slug),
        )
        for g in gold.get("row", [])
    ]
    apart = [
        (
            gold_span(ap["a"], ap.get("a_occurrence", 1), bodies[0], slug),
            gold_span(ap["b"], ap.get("b_occurrence", 1), bodies[1], slug),
        )
        for ap in gold.get("apart", [])
    ]
    return rows, apart


def row_right(row: Any, slug: str, gold: dict[str, Any], bodies: tuple[str, str]) -> bool | None:
    """Whether a tool row is right by the gold, for calibrating its confidence; None when the
    gold cannot tell (statements, and figures read from a title, which gold never names).

    - two figures: right when a gold row of that verdict holds them; an agree row of a vague
      amount and a figure no apart entry separates is tolerated (bench/pairs/README.md);
    - one figure: right when no gold row on its side holds it (it should stay unique).
    """
    rows, apart = gold_spans(slug, gold, bodies)
    if row.a is None and row.b is None:
        return None
    a = side_of(row.a) if row.a is not None else None
    b = side_of(row.b) if row.b is not None else None
    if (a is not None and a.in_title) or (b is not None and b.in_title):
        return None
    if a is not None and b is not None:
        if any(v == row.verdict and hits(a, sa) and hits(b, sb) for v, sa, sb in rows):
            return True
        vague = "vague" in (a.qualifier, b.qualifier)
        in_gold = any(hits(a, sa) or hits(b, sb) for _, sa, sb in rows)
        separated = any(hits(a, sa) and hits(b, sb) for sa, sb in apart)
        return row.verdict == "agree" and vague and not separated and not in_gold
    if a is not None:
        return not any(hits(a, sa) for _, sa, _ in rows)
    assert b is not None
    return not any(hits(b, sb) for _, _, sb in rows)


def labelled_rows() -> list[tuple[str, Any, dict[str, Any], bool]]:
    """Every judged figure row of bench/pairs with its label: (pair slug, row, dates, right)."""
    out = []
    for d in sorted(p for p in PAIRS.iterdir() if p.is_dir() and p.name[0] not in "._"):
        gold = tomllib.loads((d / "gold.toml").read_text(encoding="utf-8"))
        articles = read_articles([str(d / "a.txt"), str(d / "b.txt")])
        bodies = (articles[0].text, articles[1].text)
        dates = {a.id: a.published for a in articles}
        for r in report_of(articles).rows or ():
            right = row_right(r, d.name, gold, bodies)
            if right is not None:
                out.append((d.name, r, dates, right))
    return out


RELIABILITY_BINS = 10


def reliability(points: Sequence[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """(bin, rows, mean confidence, share right) for each non-empty confidence bin."""
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for c, ok in points:
        bins[min(int(c * RELIABILITY_BINS), RELIABILITY_BINS - 1)].append((c, ok))
    out = []
    for k in sorted(bins):
        got = bins[k]
        lo, hi = k / RELIABILITY_BINS, (k + 1) / RELIABILITY_BINS
        out.append(
            (
                f"{lo:.1f}-{hi:.1f}",
                len(got),
                sum(c for c, _ in got) / len(got),
                sum(ok for _, ok in got) / len(got),
            )
        )
    return out


def calibration_error(points: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    """Expected calibration error (row-weighted |confidence - share right| over the bins) and
    the Brier score (mean squared error of the confidence against right = 1)."""
    if not points:
        return 0.0, 0.0
    ece = sum(n * abs(c - acc) for _, n, c, acc in reliability(points)) / len(points)
    brier = sum((c - ok) ** 2 for c, ok in points) / len(points)
    return ece, brier


def reliability_table(points: Sequence[tuple[float, bool]]) -> list[str]:
    out = ["| confidence | rows | mean confidence | share right |", "|---|---|---|---|"]
    out += [f"| {b} | {n} | {c:.3f} | {acc:.3f} |" for b, n, c, acc in reliability(points)]
    ece, brier = calibration_error(points)
    out += [
        "",
        f"{len(points)} rows; expected calibration error {ece:.3f}, Brier score {brier:.3f}.",
    ]
    return out


# ---------------------------------------------------------------- the tool


_REPORTS: dict[tuple[str, ...], Report] = {}


def report_of(articles: Sequence[Article]) -> Report:
    """The tool's report of a pair, computed once per run (the scores and the labels read it)."""
    key = tuple(a.path for a in articles)
    if key not in _REPORTS:
        _REPORTS[key] = compare_articles(articles)
    return _REPORTS[key]


def tool_rows(articles: Sequence[Article]) -> list[Got]:
    rep = report_of(articles)
    return [
        Got(r.verdict, side_of(r.a), side_of(r.b), r.reason)
        for r in rep.rows or ()
        if r.a is not None and r.b is not None
    ]


# ---------------------------------------------------------------- the baseline

# Hand-written on purpose: the baseline is the naive script issue 12 measures against.
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?")
WORDS = (
    "killed dead died deaths death toll bodies injured wounded hurt missing evacuated displaced "
    "homeless rescued arrested detained houses homes buildings destroyed damaged votes seats "
    "percent revenue profit sales deliveries jobs inflation rate billion million magnitude "
    "efficacy cases participants protesters people"
).split()
SENT = re.compile(r"[^.!?\n]+(?:[.!?](?!\d)|$)")
NEAR = 6  # words either side


@dataclass(frozen=True)
class Mention:
    value: float
    span: tuple[int, int]
    text: str
    word: str
    sentence: str


def mentions(body: str) -> list[Mention]:
    out = []
    for s in SENT.finditer(body):
        sent = s.group(0)
        for m in NUMBER.finditer(sent):
            before = re.findall(r"[a-z]+", sent[: m.start()].lower())[-NEAR:]
            after = re.findall(r"[a-z]+", sent[m.end() :].lower())[:NEAR]
            near = [w for w in after + before[::-1] if w in WORDS or w.rstrip("s") in WORDS]
            if not near:
                continue
            word = near[0] if near[0] in WORDS else near[0].rstrip("s")
            start = s.start() + m.start()
            value = float(m.group(0).replace(",", ""))
            out.append(Mention(value, (start, start + len(m.group(0))), m.group(0), word, sent))
    return out


def baseline_rows(articles: Sequence[Article], threshold: float = 60) -> list[Got]:
    from rapidfuzz import fuzz

    a, b = articles
    later = a.published is not None and b.published is not None and b.published > a.published
    mb = mentions(b.text)
    rows, used = [], set()
    for x in mentions(a.text):
        cands = [
            (fuzz.ratio(x.sentence, y.sentence), j)
            for j, y in enumerate(mb)
            if y.word == x.word and j not in used
        ]
        cands = [c for c in cands if c[0] >= threshold]
        if not cands:
            continue
        ratio, j = max(cands)
        used.add(j)
        y = mb[j]
        verdict = "agree" if x.value == y.value else "update" if later else "diverge"
        rows.append(
            Got(
                verdict,
                Side(x.text, x.span, False, x.word),
                Side(y.text, y.span, False, y.word),
                f"'{x.word}', sentences {ratio:.0f}% alike",
            )
        )
    return rows


# ---------------------------------------------------------------- run


def run(
    rows_of: Callable[[Sequence[Article]], list[Got]],
    verbose_false: list[str] | None,
    verbose_missed: list[str] | None = None,
) -> dict[str, Any]:
    total = Tally()
    per_domain: dict[str, Tally] = defaultdict(Tally)
    causes: Counter[str] = Counter()
    signs: Counter[str] = Counter()
    per_pair: dict[str, int] = {}
    for d in sorted(p for p in PAIRS.iterdir() if p.is_dir() and p.name[0] not in "._"):
        gold = tomllib.loads((d / "gold.toml").read_text(encoding="utf-8"))
        articles = read_articles([str(d / "a.txt"), str(d / "b.txt")])
        rows = rows_of(articles)
        t, false, missed = score_pair(d.name, gold, (articles[0].text, articles[1].text), rows)
        wrong = {(v, ta, tb) for v, ta, tb, _, _ in false}
        a, b = articles
        later = a.published is not None and b.published is not None and b.published > a.published
        for r in rows:
            if (r.verdict, r.a.text, r.b.text) in wrong:
                signs.update(tool_signs(r, later))
        total.add(t)
        per_domain[gold["domain"]].add(t)
        per_pair[d.name] = len(false)
        if verbose_missed is not None:
            verbose_missed += [f"| {d.name} | {m} |" for m in missed]
        for verdict, ta, tb, reason, why in false:
            causes[why] += 1
            if verbose_false is not None:
                verbose_false.append(
                    f"| {d.name} | {verdict} | {ta} | {tb} | {md(reason)} | {md(why)} |"
                )
    return {
        "overall": total.as_json(),
        "metrics": total.metrics(),
        "domains": {k: v.as_json() | {"metrics": v.metrics()} for k, v in per_domain.items()},
        "false_alarms_per_pair": per_pair,
        "causes": dict(causes.most_common()),
        "signs": dict(signs.most_common()),
    }


def tool_signs(r: Got, later: bool) -> list[str]:
    """What the tool itself knew about a false alarm's two figures (several may apply)."""
    a, b = r.a, r.b
    out = []
    if r.verdict == "diverge" and later:
        out.append("diverge although B is dated later")
    if a.concept is None or b.concept is None:
        out.append("a figure without a concept")
    elif a.concept != b.concept:
        out.append("two different concept strings")
    if a.place and b.place and a.place != b.place:
        out.append("two different place strings (nested or not)")
    if "period" in (a.scope, b.scope):
        out.append("a period-scoped figure")
    if a.value and b.value and max(a.value, b.value) >= 10 * min(a.value, b.value) > 0:
        out.append("values 10x or more apart")
    return out


def md(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def met(x: float | None, metric: str) -> str:
    if x is None or metric not in GOALS:
        return ""
    op, goal = GOALS[metric]
    return " ✓" if (x >= goal if op == ">=" else x <= goal) else " ✗"


def count_cell(t: dict[str, Any], metric: str) -> str:
    parts = {
        "precision of diverge/update": (t["right"], t["alarms"]),
        "false alarms a pair": (t["alarms"] - t["right"], t["pairs"]),
        "pairing recall": (t["paired"], t["gold_rows"]),
        "row accuracy": (t["verdict_right"], t["gold_rows"]),
        "apart violations": (t["apart_broken"], t["apart"]),
        "revision violations": (t["revisions_broken"], t["revisions"]),
    }
    x, y = parts[metric]
    return f"{x}/{y}"


def confidence_section(
    points: Sequence[tuple[float, bool]], alarms: Sequence[tuple[float, bool]]
) -> list[str]:
    """The reliability of the rows' confidence: on these pairs as shipped (fitted on them, so
    in-sample), and cross-validated by pair as `make calibrate` measured it."""
    from compare.align.confidence import calibration

    out = ["## Confidence: reliability", ""]
    out.append(
        "Each figure row's confidence (compare/align/confidence.py) against whether the gold says "
        "it is right (`row_right`: two figures right when a gold row of that verdict holds them, "
        "one figure right when no gold row holds it; statements and title figures are left out). "
        "The weights are fitted on these same pairs by `make calibrate` (bench/calibrate.py), so "
        "the first table is in-sample; the second is the same fit cross-validated by pair "
        "(whole pairs held out), the honest figure for unseen articles."
    )
    out += ["", "In-sample (the shipped weights on bench/pairs), all figure rows:", ""]
    out += reliability_table(points)
    out += ["", "In-sample, alarm rows (diverge, update) only:", ""]
    out += reliability_table(alarms)
    crossed = calibration().get("cross_validated")
    if crossed:
        folds = calibration().get("folds")
        out += ["", f"Cross-validated by pair ({folds} folds, from calibration.json):", ""]
        out += ["| confidence | rows | mean confidence | share right |", "|---|---|---|---|"]
        out += [
            f"| {b['bin']} | {b['rows']} | {b['mean_confidence']:.3f} | {b['share_right']:.3f} |"
            for b in crossed["reliability"]
        ]
        out += [
            "",
            f"{crossed['rows']} rows; expected calibration error {crossed['ece']:.3f}, "
            f"Brier score {crossed['brier']:.3f}.",
        ]
        out += [
            "",
            "Alarm rows (diverge, update) kept by `--min-confidence` (alarms in title figures "
            "left out), in-sample and cross-validated by pair:",
            "",
            "| --min-confidence | alarms (in-sample) | right | precision | alarms (cross-val.) "
            "| right | precision |",
            "|---|---|---|---|---|---|---|",
        ]
        for a in calibration().get("alarms_at", []):
            ni, ri, nc, rc = a["in_sample_alarms"], a["in_sample_right"], a["alarms"], a["right"]
            out.append(
                f"| {a['min_confidence']} | {ni} | {ri} | {fmt(ri / ni if ni else None)} "
                f"| {nc} | {rc} | {fmt(rc / nc if nc else None)} |"
            )
        out.append("")
        for kind in ("paired", "lone"):
            m = calibration().get(kind, {})
            if "in_sample" in m:
                i, c = m["in_sample"], m["cross_validated"]
                base = i["right"] / i["rows"] if i["rows"] else 0.0
                out.append(
                    f"- {kind} rows: {i['rows']} ({i['right']} right); ECE in-sample "
                    f"{i['ece']:.3f}, cross-validated {c['ece']:.3f}; Brier in-sample "
                    f"{i['brier']:.3f}, cross-validated {c['brier']:.3f} (a constant "
                    f"{base:.2f} scores {base * (1 - base):.3f})."
                )
    return [*out, ""]


def render(
    cols: list[tuple[str, dict[str, Any]]],
    false_list: list[str] | None,
    tool: str,
    missed: Sequence[str] = (),
    confidence: Sequence[str] = (),
) -> str:
    out = ["# bench/pairs: the diff's rows against gold verdicts (issue 12)", ""]
    out.append(
        "Run `make bench-verdicts` (or `.venv/bin/python bench/pairs_verdicts.py -v`). "
        "50 pairs of articles in 14 domains (bench/pairs/README.md), real model. "
        "The before column is stored in `bench/pairs_before.json` (see the script's docstring)."
    )
    out += ["", RULES]
    head = "| metric | goal | " + " | ".join(name for name, _ in cols) + " |"
    out += ["## Overall", "", head, "|---|---|" + "---|" * len(cols)]
    for metric in cols[-1][1]["metrics"]:
        goal = " ".join(str(x) for x in GOALS[metric]) if metric in GOALS else ""
        cells = [
            f"{fmt(c['metrics'][metric])} ({count_cell(c['overall'], metric)})"
            f"{met(c['metrics'][metric], metric)}"
            for _, c in cols
        ]
        out.append(f"| {metric} | {goal} | " + " | ".join(cells) + " |")
    alarms = [
        f"{c['overall']['alarms']} ({c['overall']['per_verdict'].get('diverge', 0)} diverge, "
        f"{c['overall']['per_verdict'].get('update', 0)} update)"
        for _, c in cols
    ]
    out.append("| alarm rows printed | | " + " | ".join(alarms) + " |")
    if confidence:
        out += ["", *confidence]
    for name, c in cols:
        out += ["", f"## Per domain: {name}", ""]
        out.append(
            "| domain | pairs | alarms | precision | false alarms a pair | pairing recall "
            "| row accuracy | apart violations | revision violations |"
        )
        out.append("|---|---|---|---|---|---|---|---|---|")
        for dom, t in sorted(c["domains"].items()):
            m = t["metrics"]
            out.append(
                f"| {dom} | {t['pairs']} | {t['alarms']} | "
                + " | ".join(
                    f"{fmt(m[k])} ({count_cell(t, k)})"
                    for k in (
                        "precision of diverge/update",
                        "false alarms a pair",
                        "pairing recall",
                        "row accuracy",
                        "apart violations",
                        "revision violations",
                    )
                )
                + " |"
            )
        out += ["", f"False-alarm causes ({name}), coarse classes:", ""]
        out += [f"- {n}: {why}" for why, n in c["causes"].items()]
        if c.get("signs"):
            out += ["", f"What the tool knew about those false alarms ({name}):", ""]
            out += [f"- {n}: {why}" for why, n in c["signs"].items()]
    if false_list is not None:
        out += ["", f"## False alarms: {tool}", ""]
        out += ["| pair | verdict | A | B | reason | cause |", "|---|---|---|---|---|---|"]
        out += false_list
        out += ["", f"## Gold rows missed: {tool}", ""]
        out += ["| pair | gold verdict | what | A | B | printed |", "|---|---|---|---|---|---|"]
        out += missed
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--json", type=Path, help="also write the measured figures as JSON here")
    ap.add_argument("--before", type=Path, default=BEFORE, help="JSON of an earlier run")
    ap.add_argument("--label", help="name the package's column (default: its checkout's commit)")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/PAIRS.md")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every false alarm")
    args = ap.parse_args(argv)

    started = time.monotonic()
    false_list: list[str] = []
    missed: list[str] = []
    label = args.label or package_label()
    after = {"label": label} | run(tool_rows, false_list, missed)
    seconds = time.monotonic() - started
    if args.json:
        args.json.write_text(json.dumps(after, indent=1) + "\n", encoding="utf-8")
    baselines = [
        (
            f"baseline, ratio >= {th}",
            {"label": f"baseline {th}"} | run(partial(baseline_rows, threshold=th), None),
        )
        for th in (60, 40)
    ]
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before.is_file() else None
    cols = [(f"after {label}", after), *baselines]
    if before is not None and before.get("label") != label:
        cols.insert(0, (f"before {before['label']}", before))
    labelled = [(r, right) for _, r, _, right in labelled_rows() if r.confidence is not None]
    conf = confidence_section(
        [(r.confidence, right) for r, right in labelled],
        [(r.confidence, right) for r, right in labelled if r.verdict in ALARMS],
    )
    text = render(cols, false_list, f"after {label}", missed, conf)
    shown = text if args.verbose else render(cols, None, f"after {label}", missed, conf)
    took = (
        f"\nThe tool's run took {seconds:.0f} s (a shared 2-core machine: noisy; sentence"
        " vectors come from the on-disk cache once warm).\n"
    )
    print(shown + took, end="")
    if not args.no_write:
        OUT.write_text(text + took, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
