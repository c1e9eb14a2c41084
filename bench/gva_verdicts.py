"""GVA dev incidents (issue 12): the report's current killed and injured counts against gold, and
false alarms per incident.

Run: .venv/bin/python bench/gva_verdicts.py [--sample N]   (the Makefile's `bench-verdicts`
target runs it); it prints bench/GVA_VERDICTS.md and writes it.

Data: ../shared/data/gva/dev.jsonl (SemEval-2018 task 5, Gun Violence Archive), read in place and
never copied (no licence).  Every incident there has two or more dated articles.  To stay near
ten minutes cold on the shared 2-core machine, a deterministic sample of SAMPLE incidents is
taken (every k-th in incident-id order; 40 incidents took 229 s cold under load, 18 s warm);
``--sample 0`` runs all 481.

For each incident its articles are put in date order and each is compared with the one before
(``compare_articles``, the real model: the `diff` a user would run on successive reports).

- **Current counts.**  Killed and injured each: of the figures the articles state for that
  concept (scope current, role not suspect, superseded values of reported revisions excluded
  as extraction folds them), the one of the latest-dated article, the largest on a tie;
  none stated reads as 0.  It is right when it equals the gold count of all people killed
  (injured), or the same without the suspects killed (injured): news counts victims and
  often leaves out a shooter who died, GVA counts everyone.  An incident is right when both
  counts are.
- **Alarms.**  Rows printed as update or diverge whose concept is killed or injured.  Gold
  allows the two values above.  An alarm is *supported* when exactly one of its two values
  is a gold count (one report was early or wrong; a checker should look); it is *false*
  when both are (the same count told two ways) or when neither is (the two figures are
  not this incident's count, e.g. a victim's age or another shooting's toll, or both
  reports were wrong: gold cannot tell, so the strict figure counts it false and the
  lenient one does not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "gva" / "dev.jsonl"
OUT = ROOT / "bench" / "GVA_VERDICTS.md"
CONCEPTS = ("killed", "injured")
ALARMS = ("update", "diverge")
SAMPLE = 100

sys.path.insert(0, str(ROOT))

from compare.pipeline import compare_articles, extract  # noqa: E402
from compare.types import Article, Figure  # noqa: E402


def incidents(sample: int | None) -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as fh:
        incs = [json.loads(line) for line in fh if line.strip()]
    incs = [i for i in incs if sum(1 for d in i["docs"] if d.get("published")) >= 2]
    incs.sort(key=lambda i: int(i["incident_id"]))
    if sample and sample < len(incs):
        step = len(incs) / sample
        incs = [incs[int(k * step)] for k in range(sample)]
    return incs


def articles(inc: dict[str, Any]) -> list[Article]:
    docs = sorted(
        (d for d in inc["docs"] if d.get("published")), key=lambda d: (d["published"], d["doc_id"])
    )
    return [
        Article(
            id=f"x{k}",
            path=d["doc_id"],
            text=d["text"],
            title=d.get("title") or None,
            published=dt.date.fromisoformat(d["published"][:10]),
        )
        for k, d in enumerate(docs)
    ]


def gold(inc: dict[str, Any], concept: str) -> set[int]:
    """The counts gold allows: everyone, or everyone but the suspects (see the docstring)."""
    total = int(inc["num_killed"] if concept == "killed" else inc["num_injured"])
    suspects = sum(
        1 for p in inc["participants"] if p["role"] == "suspect" and concept in (p["status"] or "")
    )
    return {total, total - suspects}


def counted(f: Figure, concept: str) -> bool:
    return f.concept == concept and f.scope == "current" and f.role != "suspect"


def current_count(arts: Sequence[Article], figs: dict[str, Sequence[Figure]], concept: str) -> int:
    best: tuple[dt.date, float] | None = None
    for a in arts:
        for f in figs[a.id]:
            if counted(f, concept) and a.published is not None:
                key = (a.published, f.value)
                best = key if best is None or key > best else best
    return int(best[1]) if best is not None else 0


def run(incs: list[dict[str, Any]]) -> dict[str, Any]:
    t0 = time.perf_counter()
    right = Counter[str]()
    alarms = Counter[str]()
    steps = 0
    for inc in incs:
        arts = articles(inc)
        figs = {a.id: extract(a).figures for a in arts}
        ok = {c: current_count(arts, figs, c) in gold(inc, c) for c in CONCEPTS}
        right.update(c for c in CONCEPTS if ok[c])
        right["both"] += all(ok.values())
        for earlier, later in itertools.pairwise(arts):
            steps += 1
            rows = compare_articles([earlier, later]).rows or ()
            for r in rows:
                if r.verdict not in ALARMS or r.a is None or r.b is None:
                    continue
                concept = r.a.concept or r.b.concept
                if concept not in CONCEPTS:
                    continue
                allowed = gold(inc, concept)
                hits = (int(r.a.value) in allowed) + (int(r.b.value) in allowed)
                alarms["total"] += 1
                alarms[("neither", "supported", "both")[hits]] += 1
    n = len(incs)
    return {
        "incidents": n,
        "articles": sum(len(articles(i)) for i in incs),
        "steps": steps,
        "killed right": right["killed"] / n,
        "injured right": right["injured"] / n,
        "both right": right["both"] / n,
        "alarms": dict(alarms),
        "false alarms (strict)": (alarms["both"] + alarms["neither"]) / n,
        "false alarms (lenient)": alarms["both"] / n,
        "seconds": time.perf_counter() - t0,
    }


def render(m: dict[str, Any], sample: int | None) -> str:
    a = m["alarms"]
    which = f"a deterministic sample of {m['incidents']}" if sample else f"all {m['incidents']}"
    doc = (__doc__ or "").split("\n\n", 2)
    return "\n".join(
        [
            "# GVA dev incidents: current counts and alarms (issue 12)",
            "",
            f"Run `make bench-verdicts` (or `.venv/bin/python bench/gva_verdicts.py`). {which} "
            f"incidents of `../shared/data/gva/dev.jsonl` with two or more dated articles "
            f"({m['articles']} articles, {m['steps']} successive diffs), real model.",
            "",
            doc[2].strip() if len(doc) > 2 else "",
            "",
            "| measure | result |",
            "|---|---|",
            f"| killed count = gold | {m['killed right']:.3f} |",
            f"| injured count = gold | {m['injured right']:.3f} |",
            f"| both counts = gold (the share issue 12 asks for) | {m['both right']:.3f} |",
            f"| alarm rows on killed/injured | {a.get('total', 0)} |",
            f"| ... supported (exactly one value is gold) | {a.get('supported', 0)} |",
            f"| ... both values gold (false) | {a.get('both', 0)} |",
            f"| ... neither value gold (false, strict) | {a.get('neither', 0)} |",
            f"| false alarms an incident, strict | {m['false alarms (strict)']:.3f} |",
            f"| false alarms an incident, lenient | {m['false alarms (lenient)']:.3f} |",
            "",
            f"The run took {m['seconds']:.0f} s (a shared 2-core machine: noisy; sentence vectors "
            "come from the on-disk cache once warm).",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument(
        "--sample",
        type=int,
        default=SAMPLE,
        help=f"every k-th incident, this many (deterministic; default {SAMPLE}, 0 for all)",
    )
    ap.add_argument("--no-write", action="store_true", help="do not write bench/GVA_VERDICTS.md")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} not found: the GVA dev set lives in ../shared/data/gva; skipped")
        return 0
    m = run(incidents(args.sample))
    text = render(m, args.sample)
    print(text)
    if not args.no_write:
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
