"""Score figure extraction on bench/open/ (our annotated articles) and on GVA dev shootings.

Run: .venv/bin/python bench/open_figures.py   (the Makefile's `bench-figures` target runs it
after bench/figures.py); it prints bench/OPEN.md and writes it.

1. bench/open/: each `<slug>.txt` is read with compare.pipeline.read_articles and extract; the
   predicted figures are matched to the gold figures of `<slug>.toml` (bench/open/README.md) by
   span overlap in the body and equal value, then precision, recall of non-minor figures and the
   accuracy of concept, subject, place, country, time scope, claimant and role on matched
   figures are counted.  The matching rules are written out in OPEN.md (see `RULES`).
2. ../shared/data/gva/dev.jsonl (real shooting reports, never copied into the repository; skipped
   with a message when absent): the share of articles, and of incidents, whose killed and
   injured counts are extracted with concept and role right, beside a six-word regex.
3. Before/after: run this same file against an older checkout of the package, e.g. 6edd4ac
   (main before the work on issue 11):

       git worktree add --detach ../wt-before 6edd4ac
       PYTHONPATH=../wt-before .venv/bin/python bench/open_figures.py --label 6edd4ac \\
           --json bench/open_before.json --no-write

   and the stored bench/open_before.json becomes OPEN.md's "before" column.  Fields an older
   Figure lacks (place, place_key, scope, role) are read with getattr and a default (None,
   "current").

Stdlib and the package only; the script never imports the model.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkout import package_label  # bench/checkout.py, beside this script

from compare.pipeline import extract, read_articles
from compare.types import Article, Figure

ROOT = Path(__file__).resolve().parents[1]
OPEN_DIR = ROOT / "bench" / "open"
GVA = ROOT.parent / "shared" / "data" / "gva" / "dev.jsonl"
OUT = ROOT / "bench" / "OPEN.md"
BEFORE = ROOT / "bench" / "open_before.json"
FIELDS = ("concept", "subject", "place", "country", "scope", "claimant", "role")
# The "Done when" of issue 11 for bench/open.
TARGETS = {"precision": ">= 0.95", "recall, non-minor": ">= 0.97"} | {
    f"{name} (matched)": ">= 0.90" for name in ("concept", "subject", "place", "scope", "claimant")
}

RULES = """\
**bench/open matching rules.** A predicted figure matches a gold figure when its span overlaps
the gold `text` at its `occurrence` in the body (the n-th whole-token occurrence, as
`bench/open/validate.py` reads it) and the values are equal (`math.isclose`, relative tolerance
0.1%, so "a third" meets the gold's 33.33); each gold figure takes at most one predicted figure
(the one overlapping most). Title figures (`in_title = true`) match the tool's title figures
(sentence -1, offsets into the title) the same way; a tool that reads no title misses them.
*Precision* = predicted figures matching a gold figure (minor or not) / predicted figures: a
predicted figure overlapping a gold not-figure, overlapping a gold figure with another value or
an already matched one, or overlapping nothing counts against it. *Recall* = non-minor gold
figures matched / non-minor gold figures. Accuracies are right/total over matched figures (minor
ones included):
- *concept*: the predicted concept, lowercased, equals the gold concept or a `concept_ok` entry,
  or their head words match (head word: the last word before any " of ", a final "s" dropped);
  an empty gold concept is right only when the prediction is None;
- *subject*: likewise with `subject_ok`; an empty gold subject is right when the prediction is
  None or "people";
- *place*: the first comma part of the predicted `place` ("Uvalde" of "Uvalde, Texas, United
  States") equals the gold place or a `place_ok` entry, case- and accent-insensitively; an empty
  gold place is right only when the prediction is None; *country*: the gold `country` equals the
  predicted `place_key` before its first ">" (an empty gold country: right only when None);
- *scope*: equal (a Figure without `scope` reads as "current");
- *claimant*: the predicted `attribution` equals the gold claimant or a `claimant_ok` entry
  case-insensitively, or contains it or is contained in it as whole words (a leading "the"
  dropped: "police" meets "Portland police", "he" does not meet "the head"); with an
  empty gold claimant, None is right too (and only None when `claimant_ok` is empty);
- *role*: only on figures whose gold role is non-empty; equal.

A *defect* is a matched non-minor figure whose predicted concept is None.

*Known limits of these rules* (kept as they are, so that columns stay comparable):
- a revision's superseded value ("revised down to 97 from 115", "to 275 from 288") is a gold
  figure of its own, while the tool reports it as the new figure's `previous`: 2 of the
  missed non-minor figures are such values;
- the head-word rule is lenient (any "X rise" meets "revenue rise"; "Swiss National Bank" meets
  "combined bank") and has no lemmas ("march" does not meet "marched");
- a few golds disagree with their neighbours: "consumer prices rose 9.1%" accepts only
  inflation-like answers while "petrol prices rose 11.2%" accepts "price rise"; "revenue fell
  1%" accepts "revenue" and "revenue fell 2.8%" does not."""

GVA_RULES = """\
**GVA rules.** Each document of an incident is read as one article (its text; its title is
passed as the article's title). An article's *killed count* is the largest `value` among its
figures with scope "current" (a Figure without `scope` reads as "current"), concept "killed",
no unit, and role other than "suspect" (a figure with role "suspect" counts a killed attacker and
is left out); its *injured count* likewise with concept "injured" ("wounded" or "shot" are not
read as injured here: the concept must be right). No such figure means a count of 0. Gold for
the incident: *victims only* = participants with role victim whose status includes "killed"
("injured"), *all* = `num_killed` (`num_injured`), which also counts suspects. An article is
right on killed when its killed count equals either gold value (so extracting nothing is right
when a gold value is 0); same for injured; right on *both* when right on each. An incident is
right when any of its articles is right. The regex baseline takes, per article text, the
largest number matched by `(N) (people |persons )?(were |was )?(killed|dead)` (N: digits or one
to twenty in words) and `... (injured|wounded|hurt)`. The rows "incidents with deaths" and
"incidents with injuries" keep only articles and incidents whose gold (all) is above 0."""

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
WORD_VALUE = {w: i for i, w in enumerate(_NUMBER_WORDS, 1)}
_N = r"(?<![\d,.])(\d+|" + "|".join(_NUMBER_WORDS) + r")"  # not the "000" of "1,000"
KILLED_RE = re.compile(
    rf"\b{_N} (?:people |persons )?(?:were |was )?(?:killed|dead)\b", re.IGNORECASE
)
INJURED_RE = re.compile(
    rf"\b{_N} (?:people |persons )?(?:were |was )?(?:injured|wounded|hurt)\b", re.IGNORECASE
)


# ---------------------------------------------------------------- bench/open


def occurrences(text: str, hay: str) -> list[int]:
    """Whole-token start offsets of `text` in `hay` (the rule of bench/open/validate.py)."""
    left = r"(?<!\w)(?<!\d[.,])" if text[:1].isalnum() else ""
    right = r"(?!\w)(?![.,]\d)" if text[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(text) + right, hay)]


def norm(s: str) -> str:
    """Lowercased, accents dropped, a leading "the" dropped, spaces squeezed."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def head(phrase: str) -> str:
    """The head word of a concept or subject phrase, crudely: last word before " of ", no "s"."""
    words = norm(phrase).split(" of ")[0].split()
    w = words[-1] if words else ""
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def concept_right(pred: str | None, gold: str, ok: Sequence[str], *, people: bool) -> bool:
    if not gold:
        return pred is None or (people and norm(pred) == "people")
    if pred is None:
        return False
    answers = [gold, *ok]
    p = norm(pred)
    return any(p == norm(a) for a in answers) or any(head(pred) == head(a) for a in answers)


def place_right(pred: str | None, gold: str, ok: Sequence[str]) -> bool:
    if not gold:
        return pred is None
    if pred is None:
        return False
    first = norm(pred.split(",")[0])
    return any(first == norm(a) for a in [gold, *ok])


def country_right(key: str | None, gold: str) -> bool:
    if not gold:
        return key is None
    return key is not None and key.split(">")[0] == gold


def claimant_right(pred: str | None, gold: str, ok: Sequence[str]) -> bool:
    answers = [norm(a) for a in [gold, *ok] if a.strip()]
    if pred is None:
        return not gold
    p = f" {norm(pred)} "
    # Containment of whole words: "police" is in "Portland police", "he" is not in "the head".
    return bool(p.strip()) and any(f" {a} " in p or p in f" {a} " for a in answers)


@dataclass
class Tally:
    """right/total counters for one group of articles (all, or one domain)."""

    articles: int = 0
    predicted: int = 0
    precise: int = 0
    gold_major: int = 0
    found_major: int = 0
    title_only: int = 0
    matched: int = 0
    defects: int = 0
    fp: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in (
            "articles", "predicted", "precise", "gold_major", "found_major", "title_only",
            "matched", "defects",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.fp.update(other.fp)
        self.right.update(other.right)
        self.total.update(other.total)

    def as_json(self) -> dict[str, Any]:
        d = {k: v for k, v in vars(self).items() if not isinstance(v, Counter)}
        d.update(fp=dict(self.fp), right=dict(self.right), total=dict(self.total))
        return d


def body_spans(items: Iterable[dict[str, Any]], body: str, where: str) -> list[tuple[int, int]]:
    spans = []
    for item in items:
        found = occurrences(item["text"], body)
        n = item.get("occurrence", 1)
        if len(found) < n:
            raise SystemExit(f"{where}: {item['text']!r} not found at occurrence {n}")
        spans.append((found[n - 1], found[n - 1] + len(item["text"])))
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(
    slug: str,
    gold: dict[str, Any],
    article: Article,
    figs: Sequence[Figure],
    concept_errors: Counter[tuple[str, str]],
    errors: list[str],
) -> Tally:
    t = Tally(articles=1, predicted=len(figs))
    t.gold_major = sum(1 for g in gold.get("figure", []) if not g["minor"])
    # The title is read as a sentence of its own (index -1, offsets into the title).
    in_title = [getattr(f, "sentence", 0) == -1 for f in figs]
    all_golds: list[dict[str, Any]] = []
    taken: dict[int, int] = {}  # predicted index -> index into all_golds
    for title_side, text in ((False, article.text), (True, article.title or "")):
        golds = [g for g in gold.get("figure", []) if g.get("in_title", False) == title_side]
        nots = [n for n in gold.get("not_figure", []) if n.get("in_title", False) == title_side]
        gspans = body_spans(golds, text, slug)
        nspans = body_spans(nots, text, slug)
        base = len(all_golds)
        all_golds.extend(golds)
        for gi, (g, gs) in enumerate(zip(golds, gspans, strict=True)):
            cands = [
                (overlap(f.span, gs), pi)
                for pi, f in enumerate(figs)
                if in_title[pi] == title_side
                and pi not in taken
                and overlap(f.span, gs) > 0
                and math.isclose(f.value, float(g["value"]), rel_tol=1e-3)
            ]
            if cands:
                taken[max(cands)[1]] = base + gi
        for pi, f in enumerate(figs):
            if pi in taken or in_title[pi] != title_side:
                continue
            if any(overlap(f.span, s) > 0 for s in nspans):
                why = "overlaps a not-figure"
            elif any(overlap(f.span, s) > 0 for s in gspans):
                why = "overlaps a figure, other value or already matched"
            else:
                why = "overlaps nothing annotated"
            t.fp[why] += 1
            where = "title " if title_side else ""
            errors.append(f"{slug}: false positive {where}{f.text!r} = {f.value:g} ({why})")
    t.precise = len(taken)
    golds = all_golds
    matched_gold = set(taken.values())
    for gi, g in enumerate(golds):
        if gi not in matched_gold and not g["minor"]:
            where = "title " if g.get("in_title", False) else ""
            errors.append(f"{slug}: missed {where}{g['text']!r} = {g['value']} ({g['concept']})")
            if g.get("in_title", False):
                t.title_only += 1
    for pi, gi in taken.items():
        f, g = figs[pi], golds[gi]
        t.matched += 1
        if not g["minor"]:
            t.found_major += 1
            if f.concept is None:
                t.defects += 1
        role = getattr(f, "role", None)
        checks = {
            "concept": concept_right(f.concept, g["concept"], g["concept_ok"], people=False),
            "subject": concept_right(f.subject, g["subject"], g["subject_ok"], people=True),
            "place": place_right(getattr(f, "place", None), g["place"], g["place_ok"]),
            "country": country_right(getattr(f, "place_key", None), g["country"]),
            "scope": getattr(f, "scope", "current") == g["scope"],
            "claimant": claimant_right(f.attribution, g["claimant"], g["claimant_ok"]),
        }
        if g["role"]:
            checks["role"] = role == g["role"]
        predicted = {
            "concept": f.concept,
            "subject": f.subject,
            "place": getattr(f, "place", None),
            "country": getattr(f, "place_key", None),
            "scope": getattr(f, "scope", "current"),
            "claimant": f.attribution,
            "role": role,
        }
        gold_of = {**{k: g[k] for k in ("concept", "subject", "place", "country", "scope")}}
        gold_of.update(claimant=g["claimant"], role=g["role"])
        for name, ok in checks.items():
            t.total[name] += 1
            t.right[name] += ok
            if not ok:
                errors.append(
                    f"{slug}: {g['text']!r} {name}: gold {gold_of[name]!r}, "
                    f"predicted {predicted[name]!r}"
                )
        if not checks["concept"]:
            concept_errors[(g["concept"] or "(none)", f.concept or "None")] += 1
    return t


def run_open() -> tuple[dict[str, Any], list[str]]:
    overall = Tally()
    per_domain: dict[str, Tally] = defaultdict(Tally)
    concept_errors: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    for toml_path in sorted(OPEN_DIR.glob("*.toml")):
        gold = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        (article,) = read_articles([str(toml_path.with_suffix(".txt"))])
        figs = extract(article).figures
        t = score_article(toml_path.stem, gold, article, figs, concept_errors, errors)
        overall.add(t)
        per_domain[gold["domain"]].add(t)
    return {
        "overall": overall.as_json(),
        "domains": {d: per_domain[d].as_json() for d in sorted(per_domain)},
        "concept_errors": [[g, p, n] for (g, p), n in concept_errors.most_common()],
    }, errors


# ---------------------------------------------------------------- GVA


def regex_count(pattern: re.Pattern[str], text: str) -> int:
    values = [
        int(m.group(1)) if m.group(1).isdigit() else WORD_VALUE[m.group(1).lower()]
        for m in pattern.finditer(text)
    ]
    return max(values, default=0)


def tool_count(figs: Sequence[Figure], concept: str) -> int:
    values = [
        f.value
        for f in figs
        if (f.concept or "").lower() == concept
        and getattr(f, "scope", "current") == "current"
        and getattr(f, "role", None) != "suspect"
        and not f.unit
    ]
    return round(max(values, default=0.0))


def gold_counts(incident: dict[str, Any], status: str) -> set[int]:
    victims = sum(
        1
        for p in incident["participants"]
        if p["role"] == "victim" and status in (p.get("status") or "")
    )
    return {victims, int(incident["num_" + status])}


def run_gva() -> dict[str, Any] | None:
    if not GVA.exists():
        return None
    # per method: per subset: [article right, article total, incident right, incident total]
    methods = ("regex", "tool")
    subsets = (
        "killed", "killed, incidents with deaths", "injured", "injured, incidents with injuries",
        "both",
    )  # fmt: skip
    counts = {m: {s: [0, 0, 0, 0] for s in subsets} for m in methods}
    failures = 0
    kinds: Counter[str] = Counter()  # killed/injured figures by scope and role
    started = time.perf_counter()
    n_docs = n_incidents = 0
    with GVA.open(encoding="utf-8") as fh:
        for line in fh:
            incident = json.loads(line)
            n_incidents += 1
            killed, injured = gold_counts(incident, "killed"), gold_counts(incident, "injured")
            any_right = {m: dict.fromkeys(subsets, False) for m in methods}
            for doc in incident["docs"]:
                n_docs += 1
                text = doc["text"]
                try:
                    figs = extract(
                        Article(id="a", path=doc["doc_id"], text=text, title=doc.get("title"))
                    ).figures
                except Exception:  # a scrape the tool cannot read counts as extracting nothing
                    failures += 1
                    figs = ()
                for f in figs:
                    if (f.concept or "").lower() in ("killed", "injured") and not f.unit:
                        role = getattr(f, "role", None) or "no role"
                        kinds[f"{f.concept}, {getattr(f, 'scope', 'current')}, {role}"] += 1
                got = {
                    "regex": (regex_count(KILLED_RE, text), regex_count(INJURED_RE, text)),
                    "tool": (tool_count(figs, "killed"), tool_count(figs, "injured")),
                }
                for m in methods:
                    k_ok, i_ok = got[m][0] in killed, got[m][1] in injured
                    rows = {
                        "killed": (True, k_ok),
                        "killed, incidents with deaths": (incident["num_killed"] > 0, k_ok),
                        "injured": (True, i_ok),
                        "injured, incidents with injuries": (incident["num_injured"] > 0, i_ok),
                        "both": (True, k_ok and i_ok),
                    }
                    for s, (keep, ok) in rows.items():
                        if keep:
                            counts[m][s][0] += ok
                            counts[m][s][1] += 1
                            any_right[m][s] |= ok
            for m in methods:
                for s in subsets:
                    keep = {
                        "killed, incidents with deaths": incident["num_killed"] > 0,
                        "injured, incidents with injuries": incident["num_injured"] > 0,
                    }.get(s, True)
                    if keep:
                        counts[m][s][2] += any_right[m][s]
                        counts[m][s][3] += 1
    return {
        "docs": n_docs,
        "incidents": n_incidents,
        "failures": failures,
        "seconds": round(time.perf_counter() - started, 1),
        "counts": counts,
        "kinds": dict(sorted(kinds.items())),
    }


# ---------------------------------------------------------------- report


def share(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "-"


def short(right: int, total: int) -> str:
    return f"{right / total:.2f}" if total else "-"


def open_rows(o: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        ("precision", share(o["precise"], o["predicted"])),
        ("recall, non-minor", share(o["found_major"], o["gold_major"])),
    ]
    rows += [(f"{name} (matched)", share(o["right"].get(name, 0), o["total"].get(name, 0)))
             for name in FIELDS]  # fmt: skip
    rows.append(("defects (non-minor, no concept)", f"{o['defects']} of {o['found_major']}"))
    rows.append(("title-only non-minor gold, missed", str(o["title_only"])))
    for why in sorted(set(o["fp"])):
        rows.append((f"false positives: {why}", str(o["fp"][why])))
    return rows


def domain_table(result: dict[str, Any]) -> list[str]:
    head_ = "| domain | art. | pred. | precision | recall | " + " | ".join(FIELDS) + " | defects |"
    lines = [head_, "| --- " + "| ---: " * (len(FIELDS) + 5) + "|"]
    for d, o in result["open"]["domains"].items():
        cells = [
            d,
            str(o["articles"]),
            str(o["predicted"]),
            short(o["precise"], o["predicted"]),
            short(o["found_major"], o["gold_major"]),
            *(short(o["right"].get(n, 0), o["total"].get(n, 0)) for n in FIELDS),
            str(o["defects"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render(after: dict[str, Any], before: dict[str, Any] | None) -> str:
    cols = ([before] if before else []) + [after]
    names = [("before " if before and c is before else "after ") + c["label"] for c in cols]
    out = [
        "# Figures on bench/open and GVA dev (issue 11)",
        "",
        "Written by `bench/open_figures.py` (`make bench-figures`). "
        + (
            f"Before = the package at {before['label']}, after = at {after['label']}; "
            "the before column is stored in `bench/open_before.json` (see the script's "
            "docstring to remake it)."
            if before
            else f"Package at {after['label']}."
        ),
        "",
        "## bench/open: 31 annotated articles in 14 domains",
        "",
        "| metric | issue 11 target | " + " | ".join(names) + " |",
        "| --- | ---: " + "| ---: " * len(cols) + "|",
    ]
    table = [open_rows(c["open"]["overall"]) for c in cols]
    keys = list(dict.fromkeys(k for t in table for k, _ in t))
    for k in keys:
        cells = [dict(t).get(k, "0" if k.startswith("false") else "-") for t in table]
        out.append(f"| {k} | {TARGETS.get(k, '')} | " + " | ".join(cells) + " |")
    out += ["", RULES, ""]
    for c, name in zip(cols, names, strict=True):
        out += [f"### Per domain, {name}", "", *domain_table(c), ""]
    out += [f"### The 15 most common concept errors, {names[-1]}", ""]
    out += ["| gold concept | predicted | n |", "| --- | --- | ---: |"]
    out += [f"| {g} | {p} | {n} |" for g, p, n in after["open"]["concept_errors"][:15]]
    out += ["", "## GVA dev: killed and injured counts of real shooting reports", ""]
    gva = after.get("gva")
    if gva is None:
        out += [f"Skipped: {GVA} is absent (or --no-gva was given).", ""]
        return "\n".join(out) + "\n"
    out += [
        f"{gva['docs']} articles about {gva['incidents']} incidents. Shares right, per article "
        "and per incident (rules below). The issue's figure, *the share of articles whose "
        "killed and injured counts are extracted with concept and role right*, is the row "
        "*both*, per article.",
        "",
    ]
    gcols = [("regex baseline", after["gva"]["counts"]["regex"])]
    gcols += [
        (n, c["gva"]["counts"]["tool"]) for n, c in zip(names, cols, strict=True) if c.get("gva")
    ]
    out.append(
        "| count | " + " | ".join(f"{n}: articles | {n}: incidents" for n, _ in gcols) + " |"
    )
    out.append("| --- " + "| ---: " * (2 * len(gcols)) + "|")
    for s in after["gva"]["counts"]["regex"]:
        cells = []
        for _, c in gcols:
            ar, at, ir, it = c[s]
            cells += [share(ar, at), share(ir, it)]
        out.append(f"| {s} | " + " | ".join(cells) + " |")
    failures = ", ".join(
        f"{n}: {c['gva']['failures']}" for n, c in zip(names, cols, strict=True) if c.get("gva")
    )
    times = ", ".join(
        f"{n}: {c['gva']['seconds']} s" for n, c in zip(names, cols, strict=True) if c.get("gva")
    )
    out += [
        "",
        f"Articles the tool could not read (counted as extracting nothing): {failures}. "
        f"Extraction time over all articles ({times}; a shared 2-core machine, noisy).",
        "",
        "Killed and injured figures (no unit) the tool found, by concept, scope and role; only "
        "the current ones without role suspect make a count:",
        "",
        "| concept, scope, role | "
        + " | ".join(n for n, c in zip(names, cols, strict=True) if c.get("gva"))
        + " |",
        "| --- " + "| ---: " * sum(1 for c in cols if c.get("gva")) + "|",
    ]
    kinds = list(dict.fromkeys(k for c in cols if c.get("gva") for k in c["gva"]["kinds"]))
    for k in sorted(kinds):
        cells = [str(c["gva"]["kinds"].get(k, 0)) for c in cols if c.get("gva")]
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    out += ["", GVA_RULES, ""]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--json", type=Path, help="also write the measured figures as JSON here")
    ap.add_argument("--before", type=Path, default=BEFORE, help="JSON of an earlier run")
    ap.add_argument("--label", help="name the package's column (default: its checkout's commit)")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/OPEN.md")
    ap.add_argument("--no-gva", action="store_true", help="skip the GVA part")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error on bench/open")
    args = ap.parse_args(argv)
    open_result, errors = run_open()
    result: dict[str, Any] = {"label": args.label or package_label(), "open": open_result}
    if not args.no_gva:
        gva = run_gva()
        if gva is None:
            print(f"GVA skipped: {GVA} is absent", file=sys.stderr)
        result["gva"] = gva
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before.is_file() else None
    if before is not None and before.get("label") == result["label"]:
        before = None
    text = render(result, before)
    if args.verbose:
        print("\n".join(errors))
    print(text)
    if not args.no_write:
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
