"""Dev loop for the corpus counts: GVA dev's gold incidents as the events.

Extraction and the event's tally (``compare.corpus.event.totals``) alone, with no
grouping and no model: each gold incident's articles (an article filed under two
incidents is kept in the first only, as bench/corpus.py does) are one event.
Prints the share of incidents whose killed and injured counts equal the gold
(bench/corpus.py's ``gold_ok``: all counted or victims only), the misses per cause
and, with ``--show CAUSE``, the misses of one cause with their figures.

    .venv/bin/python bench/counts_dev.py [--reuse] [--show "wrong value"] [--concept injured]
    .venv/bin/python bench/counts_dev.py --reuse --grouping GROUPING.json  # a real grouping

``--reuse`` reads the last run's extraction (in the temp dir) to try tally changes
fast; extraction changes need a fresh run (about a minute on 2 cores).
Reads ../shared/data/gva/dev.jsonl; nothing is written into the repo.
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import gold_ok, incidents, write_records  # noqa: E402

STORE = Path(tempfile.gettempdir()) / "factcompare-counts-dev.pickle"


def _extract(source):  # type: ignore[no-untyped-def]
    from compare.corpus.read import read
    from compare.pipeline import extract

    return extract(read(source))


def extracted(incs: list[dict], reuse: bool) -> dict:
    if reuse and STORE.exists():
        return pickle.loads(STORE.read_bytes())
    from compare.corpus.read import sources

    tmp = Path(tempfile.mkdtemp(prefix="factcompare-counts-dev-"))
    path = tmp / "dev-records.jsonl"
    write_records(incs, path)
    listed = list(sources([str(path)]))
    with multiprocessing.Pool(2) as pool:
        done = pool.map(_extract, listed, chunksize=16)
    out = {e.article.id: e for e in done}
    STORE.write_bytes(pickle.dumps(out))
    return out


def _suspects(inc: dict, concept: str) -> int:
    status = "killed" if concept == "killed" else "injured"
    return sum(
        1 for p in inc["participants"] if p["role"] == "suspect" and status in (p["status"] or "")
    )


def _all(inc: dict, concept: str, value: int) -> bool:
    return value == inc["num_killed" if concept == "killed" else "num_injured"]


def _victims(inc: dict, concept: str, value: int) -> bool:
    return value == inc["num_killed" if concept == "killed" else "num_injured"] - _suspects(
        inc, concept
    )


def _grouping(path: str):  # type: ignore[no-untyped-def]
    """Incident -> the ids of the articles of the event most of its articles were grouped
    into (bench/corpus.py's rule), from a --grouping-out file."""
    import json
    from collections import defaultdict

    doc_event: dict[str, str] = json.loads(Path(path).read_text(encoding="utf-8"))["doc_event"]
    members: dict[str, list[str]] = defaultdict(list)
    for doc, event in doc_event.items():
        members[event].append(doc)

    def articles(inc: dict) -> list[str]:
        events = Counter(doc_event[d["doc_id"]] for d in inc["docs"] if d["doc_id"] in doc_event)
        return members[events.most_common(1)[0][0]] if events else []

    return articles


def cause(inc: dict, concept: str, value: int, docs: list) -> str:
    if gold_ok(inc, concept, value):
        return "right"
    total = inc["num_killed"] if concept == "killed" else inc["num_injured"]
    mine = {
        f.value
        for e in docs
        for f in e.figures
        if f.concept == concept and f.scope == "current" and f.role != "suspect"
    }
    if total == 0:
        return "a figure where the gold is 0"
    if not mine:
        return "not read"
    if not any(gold_ok(inc, concept, int(v)) for v in mine):
        return "wrong value"
    return "choice"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--show", default="")
    ap.add_argument("--concept", default="")
    ap.add_argument("--limit", type=int, default=15)
    ap.add_argument("--dump", help="write each incident's counts and causes to this file")
    ap.add_argument(
        "--grouping",
        help="a real grouping to tally instead of the gold incidents: the JSON that "
        "bench/corpus.py --grouping-out writes (each incident's event is the one most of "
        "its articles were grouped into, with all that event's articles)",
    )
    args = ap.parse_args()
    from compare.corpus.event import totals

    incs = incidents()
    done = extracted(incs, args.reuse)
    grouped = _grouping(args.grouping) if args.grouping else None
    seen: set[str] = set()
    tally: Counter[tuple[str, str]] = Counter()
    both = 0
    shown = 0
    dumped: list[str] = []
    counted: dict[str, dict[str, int]] = {}
    for inc in incs:
        docs = [done[d["doc_id"]] for d in inc["docs"] if d["doc_id"] not in seen]
        seen |= {d["doc_id"] for d in inc["docs"]}
        if grouped is not None:
            docs = [done[d] for d in grouped(inc) if d in done]
        if not docs:
            continue
        tot = totals(docs)
        ok = True
        for concept in ("killed", "injured"):
            value = next(
                (int(t.value) for t in tot if t.concept == concept and t.role != "suspect"), 0
            )
            counted.setdefault(inc["incident_id"], {})[concept] = value
            why = cause(inc, concept, value, docs)
            tally[concept, why] += 1
            dumped.append(f"{inc['incident_id']} {concept} {value} {why}")
            ok = ok and why == "right"
            if (
                args.show
                and why == args.show
                and (not args.concept or args.concept == concept)
                and shown < args.limit
            ):
                shown += 1
                _show(inc, concept, value, docs, tot)
        both += ok
    if args.dump:
        Path(args.dump).write_text("\n".join(dumped) + "\n", encoding="utf-8")
    n = len(incs)
    for name, rule in (("all (GVA's count)", _all), ("victims", _victims)):
        right = sum(
            all(rule(inc, c, v) for c, v in counted[inc["incident_id"]].items())
            for inc in incs
            if inc["incident_id"] in counted
        )
        print(f"both, counted as {name} only: {right / n:.3f} ({right}/{n})")
    right_k, right_i = tally["killed", "right"], tally["injured", "right"]
    print(f"both {both / n:.3f} ({both}/{n}); killed {right_k / n:.3f}; injured {right_i / n:.3f}")
    causes = sorted({c for _, c in tally}, key=lambda c: (c != "right", c))
    print("| cause | killed | injured |\n| --- | --- | --- |")
    for c in causes:
        print(f"| {c} | {tally['killed', c]} | {tally['injured', c]} |")


def _show(inc: dict, concept: str, value: int, docs: list, tot: tuple) -> None:
    suspects = [p for p in inc["participants"] if p["role"] == "suspect"]
    print(
        f"\n=== {inc['incident_id']} {inc['city_or_county']} {concept}: got {value}, gold "
        f"killed {inc['num_killed']} injured {inc['num_injured']} "
        f"(suspects: {[p['status'] for p in suspects]})"
    )
    print("  totals:", [(t.concept, t.role, t.value, t.articles, t.derived) for t in tot])
    for e in docs:
        print(f"  -- {e.article.id[:8]} {e.article.published} {e.article.title!r}")
        texts = {c.sentence.index: c.sentence.text for c in e.claims}
        for f in e.figures:
            if f.concept in ("killed", "injured", "shot", "missing"):
                sent = texts.get(f.sentence, "")
                print(
                    f"    s{f.sentence} {f.concept}={f.value:g} {f.qualifier} role={f.role} "
                    f"scope={f.scope} subj={f.subject!r} {f.text!r} | {sent[:200]!r}"
                )


if __name__ == "__main__":
    main()
