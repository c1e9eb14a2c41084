"""Benchmark the comparison logic: interval verdicts, dated updates, unrelated pairs.

Run: .venv/bin/python bench/verdicts.py   (the Makefile's `bench-verdicts` target)

1. NumGLUE task 7 (EQUATE-style quantitative NLI): figures of statement1 and
   statement2 from compare.extract.figures, paired in order when both sides give the same
   number of figures; entailment when statement1's intervals lie inside
   statement2's, contradiction when some pair is incompatible (judge's rule),
   neutral otherwise.  Items we cannot pair are not covered and reported as such.
2. Tech for Palestine daily Gaza counts: day d vs day d+k official cumulative
   counts written as short articles with varied wording and qualifiers; the share
   judged `update` with the right delta, and same-day rewordings judged `agree`.
3. FNC-1 unrelated headline/body pairs (seeded sample): the share that align
   nothing, with a threshold sweep; related pairs for the other side of the trade-off.

Data stay in ../shared/data and are never copied; a missing set is skipped with a
message.  The summary goes to stdout and to bench/VERDICTS.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import platform
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
NUMGLUE = DATA / "numglue-task7" / "type7.json"
T4P = DATA / "techforpalestine" / "casualties_daily.json"
FNC_STANCES = DATA / "fnc-1" / "competition_test_stances.csv"
FNC_BODIES = DATA / "fnc-1" / "competition_test_bodies.csv"
OUT = ROOT / "bench" / "VERDICTS.md"
SEED = 20240208
FNC_SAMPLE = 200
FNC_RELATED_SAMPLE = 100
UPDATE_PAIRS = 120
SAME_DAY_PAIRS = 60
GAPS = (1, 3, 7, 30)
LABELS = ("entailment", "contradiction", "neutral")

sys.path.insert(0, str(ROOT))

from compare.align.pairs import Options, align  # noqa: E402
from compare.intervals import Bounds, bounds, compatible  # noqa: E402
from compare.pipeline import compare_articles, extract  # noqa: E402
from compare.types import Article, Figure  # noqa: E402

# --- 1. NumGLUE task 7 ------------------------------------------------------------------


def inside(inner: Bounds, outer: Bounds) -> bool:
    """Every value inner allows, outer allows too."""
    low_ok = inner.low > outer.low or (
        inner.low == outer.low and (outer.low_closed or not inner.low_closed)
    )
    high_ok = inner.high < outer.high or (
        inner.high == outer.high and (outer.high_closed or not inner.high_closed)
    )
    return low_ok and high_ok


def statement_figures(text: str) -> tuple[Figure, ...]:
    return extract(Article("s", "-", text)).figures


def numglue_label(s1: str, s2: str) -> str | None:
    """Our label for one item, or None when its figures cannot be paired."""
    f1, f2 = statement_figures(s1), statement_figures(s2)
    if not f1 or len(f1) != len(f2):
        return None
    pairs = list(zip(f1, f2, strict=True))
    if any(a.unit != b.unit for a, b in pairs):
        return None
    if any(not compatible(a, b) for a, b in pairs):
        return "contradiction"
    if all(inside(bounds(a), bounds(b)) for a, b in pairs):
        return "entailment"
    return "neutral"


def bench_numglue() -> dict[str, Any] | None:
    if not NUMGLUE.exists():
        print(f"skip NumGLUE: {NUMGLUE} not found")
        return None
    items = json.loads(NUMGLUE.read_text(encoding="utf-8"))
    confusion: Counter[tuple[str, str]] = Counter()
    covered = 0
    for item in items:
        ours = numglue_label(item["statement1"], item["statement2"])
        if ours is None:
            continue
        covered += 1
        confusion[(item["answer"].lower(), ours)] += 1
    correct = sum(n for (gold, ours), n in confusion.items() if gold == ours)
    gold_counts = Counter(i["answer"].lower() for i in items)
    majority = max(gold_counts.values()) / len(items)
    return {
        "items": len(items),
        "covered": covered,
        "correct": correct,
        "confusion": confusion,
        "majority": majority,
        "gold": gold_counts,
    }


# --- 2. Tech for Palestine updates --------------------------------------------------------

TEMPLATES = (
    "The Health Ministry in Gaza said {k} Palestinians had been killed and {i} injured "
    "since October 7.",
    "{K} Palestinians have been killed in Gaza since October 7, while {i} others have been "
    "wounded, according to the Health Ministry in Gaza.",
    "Gaza's death toll has risen to {k}, with {i} people injured, the territory's health "
    "ministry said.",
    "According to the Health Ministry in Gaza, the number of Palestinians killed since "
    "October 7 has reached {k} and the number injured {i}.",
)
QUALIFIERS = ("", "at least ", "")


def article(aid: str, day: dict[str, Any], rng: random.Random) -> Article:
    qual = rng.choice(QUALIFIERS)
    k = f"{qual}{day['killed_cum']:,}"
    template = rng.randrange(len(TEMPLATES))
    text = TEMPLATES[template].format(k=k, K=k[0].upper() + k[1:], i=f"{day['injured_cum']:,}")
    date = dt.date.fromisoformat(day["report_date"])
    return Article(aid, f"t{template}", text, outlet="bench", published=date)


def bench_updates() -> dict[str, Any] | None:
    if not T4P.exists():
        print(f"skip Tech for Palestine: {T4P} not found")
        return None
    days = [
        d
        for d in json.loads(T4P.read_text(encoding="utf-8"))
        if d.get("killed_cum") and d.get("injured_cum")
    ]
    by_date = {d["report_date"]: d for d in days}
    rng = random.Random(SEED)
    results: Counter[str] = Counter()
    failures: list[str] = []
    for n in range(UPDATE_PAIRS):
        d0 = rng.choice(days)
        gap = GAPS[n % len(GAPS)]
        later = (dt.date.fromisoformat(d0["report_date"]) + dt.timedelta(days=gap)).isoformat()
        d1 = by_date.get(later)
        if d1 is None:
            continue
        a, b = article("a", d0, rng), article("b", d1, rng)
        for key, concept in (("killed_cum", "killed"), ("injured_cum", "injured")):
            delta = d1[key] - d0[key]
            want = "update" if delta else "agree"
            ok, got = _judged(a, b, concept, want, delta)
            results[f"{want}:{'ok' if ok else 'wrong'}"] += 1
            results[f"{want}:{_templates(a, b)}:{'ok' if ok else 'wrong'}"] += 1
            if not ok and len(failures) < 5:
                where = f"{d0['report_date']}+{gap}d"
                failures.append(f"{concept} {where} want {want} {delta:+,}: {got}")
    for _ in range(SAME_DAY_PAIRS):
        d0 = rng.choice(days)
        a, b = article("a", d0, rng), article("b", d0, rng)
        for concept in ("killed", "injured"):
            ok, got = _judged(a, b, concept, "agree", 0)
            results[f"same-day:{'ok' if ok else 'wrong'}"] += 1
            results[f"same-day:{_templates(a, b)}:{'ok' if ok else 'wrong'}"] += 1
            if not ok and len(failures) < 10:
                failures.append(f"{concept} same day {d0['report_date']}: {got}")
    return {"results": results, "failures": failures}


def _templates(a: Article, b: Article) -> str:
    """'plain' when neither article uses the wording the extractor misreads (template 3:
    "the number of Palestinians killed ... has reached N and the number injured M")."""
    return "t3" if "t3" in (a.path, b.path) else "plain"


def _judged(a: Article, b: Article, concept: str, want: str, delta: int) -> tuple[bool, str]:
    rows = [
        r
        for r in compare_articles([a, b]).rows or ()
        if r.a is not None and r.b is not None and r.concept == concept
    ]
    if len(rows) != 1:
        return False, f"{len(rows)} {concept} pairs"
    row = rows[0]
    assert row.a is not None and row.b is not None
    ok = row.verdict == want and (want != "update" or row.b.value - row.a.value == delta)
    return ok, f"{row.verdict}: {row.reason}"


# --- 3. FNC-1 unrelated pairs ---------------------------------------------------------------

CLAIM_SWEEP = (0.45, 0.50, 0.55, 0.60, 0.65)
FIGURE_SWEEP = (0.30, 0.40, 0.50, 0.60)


def bench_fnc() -> dict[str, Any] | None:
    if not (FNC_STANCES.exists() and FNC_BODIES.exists()):
        print(f"skip FNC-1: {FNC_STANCES.parent} not complete")
        return None
    from compare.embed import embed

    csv.field_size_limit(10**7)
    with FNC_BODIES.open(encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    with FNC_STANCES.open(encoding="utf-8", newline="") as fh:
        stances = list(csv.DictReader(fh))
    rng = random.Random(SEED)
    unrelated = rng.sample([s for s in stances if s["Stance"] == "unrelated"], FNC_SAMPLE)
    related = rng.sample(
        [s for s in stances if s["Stance"] in ("agree", "disagree")], FNC_RELATED_SAMPLE
    )
    out: dict[str, Any] = {}
    for name, sample in (("unrelated", unrelated), ("related", related)):
        claim_hits: Counter[float] = Counter()
        figure_hits: Counter[float] = Counter()
        any_default = 0
        for s in sample:
            a = extract(Article("a", "headline", s["Headline"]))
            b = extract(Article("b", "body", bodies[s["Body ID"]]))
            vec = embed([c.sentence.text for c in a.claims + b.claims])
            va, vb = vec[: len(a.claims)], vec[len(a.claims) :]
            for t in CLAIM_SWEEP:
                pairs = align(a.claims, b.claims, va, vb, options=Options(claim_threshold=t))
                claim_hits[t] += any(
                    p.a is not None and p.b is not None and p.fig_a is None and p.fig_b is None
                    for p in pairs
                )
            for t in FIGURE_SWEEP:
                pairs = align(a.claims, b.claims, va, vb, options=Options(figure_threshold=t))
                figure_hits[t] += any(p.fig_a is not None and p.fig_b is not None for p in pairs)
            pairs = align(a.claims, b.claims, va, vb)
            any_default += any(p.a is not None and p.b is not None for p in pairs)
        out[name] = {
            "n": len(sample),
            "claims": claim_hits,
            "figures": figure_hits,
            "aligned": any_default,
        }
    return out


# --- summary ----------------------------------------------------------------------------


def pct(n: float, d: float) -> str:
    return "n/a" if not d else f"{100 * n / d:.1f}%"


def summary(
    ng: dict[str, Any] | None, up: dict[str, Any] | None, fnc: dict[str, Any] | None, seconds: float
) -> str:
    from compare.align.pairs import CLAIM_THRESHOLD, FIGURE_THRESHOLD

    lines = [
        "# Verdict benchmark",
        "",
        f"Run `make bench-verdicts` ({dt.date.today().isoformat()}, {platform.node()}, "
        f"{platform.machine()}, Python {platform.python_version()}, {seconds:.0f} s); "
        f"claim threshold {CLAIM_THRESHOLD}, figure threshold {FIGURE_THRESHOLD}; seed {SEED}.",
        "",
        "| benchmark | measure | result |",
        "| --- | --- | --- |",
    ]
    if ng:
        lines += [
            f"| NumGLUE task 7 ({ng['items']} items) | coverage (figures pair up) | "
            f"{ng['covered']}/{ng['items']} = {pct(ng['covered'], ng['items'])} |",
            f"| | accuracy on covered items | {ng['correct']}/{ng['covered']} = "
            f"{pct(ng['correct'], ng['covered'])} |",
            f"| | accuracy over all items (uncovered counted wrong) | "
            f"{pct(ng['correct'], ng['items'])} (majority class: {100 * ng['majority']:.1f}%) |",
        ]
    else:
        lines.append("| NumGLUE task 7 | skipped | data not found |")
    if up:
        r = up["results"]
        for key, label in (
            ("update", "later report judged update with the right delta"),
            ("agree", "later report with an unchanged count judged agree"),
            ("same-day", "same-day rewording judged agree"),
        ):
            ok, wrong = r.get(f"{key}:ok", 0), r.get(f"{key}:wrong", 0)
            if ok + wrong:
                lines.append(
                    f"| Tech for Palestine daily counts | {label} | "
                    f"{ok}/{ok + wrong} = {pct(ok, ok + wrong)} |"
                )
                pok, pwrong = r.get(f"{key}:plain:ok", 0), r.get(f"{key}:plain:wrong", 0)
                lines.append(
                    f"| | same, pairs without template 3 (an extractor miss) | "
                    f"{pok}/{pok + pwrong} = {pct(pok, pok + pwrong)} |"
                )
    else:
        lines.append("| Tech for Palestine | skipped | data not found |")
    if fnc:
        u = fnc["unrelated"]
        rel = fnc["related"]
        lines.append(
            f"| FNC-1 unrelated headline/body ({u['n']}) | align nothing at defaults | "
            f"{u['n'] - u['aligned']}/{u['n']} = {pct(u['n'] - u['aligned'], u['n'])} |"
        )
        lines.append(
            f"| FNC-1 agree/disagree pairs ({rel['n']}) | align something at defaults | "
            f"{rel['aligned']}/{rel['n']} = {pct(rel['aligned'], rel['n'])} |"
        )
    else:
        lines.append("| FNC-1 | skipped | data not found |")
    if ng:
        lines += [
            "",
            "NumGLUE confusion matrix on covered items (rows gold, columns ours):",
            "",
            "| gold \\ ours | " + " | ".join(LABELS) + " |",
            "| --- |" + " --- |" * 3,
        ]
        for gold in LABELS:
            cells = " | ".join(str(ng["confusion"].get((gold, ours), 0)) for ours in LABELS)
            lines.append(f"| {gold} | {cells} |")
    if fnc:
        lines += [
            "",
            "FNC-1 threshold sweep: share of pairs with any aligned claim without "
            "figures (by claim threshold) or any aligned figure pair (by figure threshold).",
            "",
            "| threshold | unrelated: claims | related: claims |",
            "| --- | --- | --- |",
        ]
        for t in CLAIM_SWEEP:
            unrel = pct(fnc["unrelated"]["claims"][t], fnc["unrelated"]["n"])
            lines.append(
                f"| claim {t} | {unrel} | {pct(fnc['related']['claims'][t], fnc['related']['n'])} |"
            )
        for t in FIGURE_SWEEP:
            lines.append(
                f"| figure {t} | "
                f"{pct(fnc['unrelated']['figures'][t], fnc['unrelated']['n'])} | "
                f"{pct(fnc['related']['figures'][t], fnc['related']['n'])} |"
            )
    if up and up["failures"]:
        lines += ["", "First Tech for Palestine misses:", ""]
        lines += [f"- {f}" for f in up["failures"]]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] = ()) -> int:
    if not DATA.exists():
        print(f"skip: {DATA} not found (the benchmark data live outside the repository)")
        return 0
    start = time.perf_counter()
    ng = bench_numglue()
    up = bench_updates()
    fnc = bench_fnc()
    text = summary(ng, up, fnc, time.perf_counter() - start)
    print(text)
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
