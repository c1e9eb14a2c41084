"""Check bench/open/: every annotation matches its article, every number is accounted for.

Stdlib only (tomllib), so it runs with any python3 >= 3.11, no venv needed:

    python3 bench/open/validate.py            # prints counts; exit 1 on any problem

Checks, per article pair `<slug>.txt` + `<slug>.toml`:
- front matter has outlet, title, published; body is 120-350 words;
- domain is one of DOMAINS; every figure has the fields of the format with valid values
  (qualifier, scope, role, country code, interval consistent with value and qualifier);
- each `text` occurs at its `occurrence` in the body (or in the title when `in_title`), and the
  n-th plain substring occurrence is also the n-th whole-token occurrence, so either reading
  of `occurrence` finds the same place; a `title_repeat` figure's `title_text` is in the title;
- coverage: every digit run and number word (cardinals, ordinals, "dozen", "hundreds"...) in
  title and body lies inside some listed figure or not-figure span.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOMAINS = {
    "earthquake", "flood", "wildfire", "shooting", "transport", "protest", "election",
    "company", "trial", "clinical", "economy", "storm", "crowd", "bank",
}  # fmt: skip
QUALIFIERS = {
    "exact", "at_least", "more_than", "at_most", "less_than", "about", "nearly", "range", "vague",
}  # fmt: skip
SCOPES = {"current", "background", "period"}
ROLES = {"", "victim", "suspect"}
FIGURE_KEYS: dict[str, type | tuple[type, ...]] = {
    "text": str, "occurrence": int, "in_title": bool, "value": (int, float), "qualifier": str,
    "unit": str, "concept": str, "concept_ok": list, "subject": str, "subject_ok": list,
    "role": str, "place": str, "place_ok": list, "country": str, "scope": str, "period": str,
    "claimant": str, "claimant_ok": list, "minor": bool,
}  # fmt: skip
OPTIONAL_KEYS = {"low", "high", "note", "title_repeat", "title_text"}
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "first second third fourth fifth sixth seventh eighth ninth tenth twice thrice half quarters"
)
NUMBER_TOKEN = re.compile(
    # "quarter" alone is usually a period ("fiscal fourth quarter"); "a quarter" is a fraction.
    r"\d+(?:[.,]\d+)*|\b(?:a|one) quarter\b|\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b",
    re.IGNORECASE,
)


def split_article(raw: str) -> tuple[dict[str, str], str]:
    m = re.match(r"\A---\n(.*?)\n---\n", raw, re.S)
    if m is None:
        raise ValueError("no front-matter block")
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        fields[key.strip()] = json.loads(value) if value.startswith('"') else value
    return fields, raw[m.end() :]


def occurrences(text: str, hay: str) -> tuple[list[int], list[int]]:
    """Start offsets of `text` in `hay`: as plain substrings, and as whole tokens."""
    plain = [m.start() for m in re.finditer(re.escape(text), hay)]
    # A token does not continue a word or a number: "10" is not inside "10,100" or "2.10".
    left = r"(?<!\w)(?<!\d[.,])" if text[:1].isalnum() else ""
    right = r"(?!\w)(?![.,]\d)" if text[-1:].isalnum() else ""
    whole = [m.start() for m in re.finditer(left + re.escape(text) + right, hay)]
    return plain, whole


def locate(
    item: dict[str, Any], title: str, body: str, where: str, problems: list[str]
) -> tuple[str, int, int] | None:
    text, n = item["text"], item.get("occurrence", 1)
    part, hay = ("title", title) if item.get("in_title", False) else ("body", body)
    plain, whole = occurrences(text, hay)
    if len(plain) < n:
        problems.append(
            f"{where}: {text!r} occurs {len(plain)} time(s) in the {part}, occurrence={n}"
        )
        return None
    if len(whole) < n or plain[n - 1] != whole[n - 1]:
        problems.append(f"{where}: {text!r} occurrence {n} differs as substring and as token")
        return None
    return part, plain[n - 1], plain[n - 1] + len(text)


def check_figure(f: dict[str, Any], where: str, problems: list[str]) -> None:
    for key, typ in FIGURE_KEYS.items():
        if key not in f:
            problems.append(f"{where}: missing {key}")
        elif not isinstance(f[key], typ) or (typ is int and isinstance(f[key], bool)):
            problems.append(f"{where}: {key} has the wrong type")
    for key in set(f) - set(FIGURE_KEYS) - OPTIONAL_KEYS:
        problems.append(f"{where}: unknown key {key}")
    q, v, lo, hi = f.get("qualifier"), f.get("value"), f.get("low"), f.get("high")
    if q not in QUALIFIERS:
        problems.append(f"{where}: qualifier {q!r}")
    if f.get("scope") not in SCOPES:
        problems.append(f"{where}: scope {f.get('scope')!r}")
    if (f.get("scope") == "period") != bool(f.get("period")):
        problems.append(f"{where}: period must be given exactly when scope = period")
    if f.get("role") not in ROLES:
        problems.append(f"{where}: role {f.get('role')!r}")
    c = f.get("country", "")
    if c and not re.fullmatch(r"[A-Z]{2}", c):
        problems.append(f"{where}: country {c!r}")
    if not f.get("concept") and not f.get("minor"):
        problems.append(f"{where}: non-minor figure without concept")
    if f.get("title_repeat") and not f.get("title_text"):
        problems.append(f"{where}: title_repeat without title_text")
    if isinstance(v, (int, float)):
        if q == "exact" and (lo != v or hi != v):
            problems.append(f"{where}: exact figure needs low = high = value")
        if lo is not None and hi is not None and lo > hi:
            problems.append(f"{where}: low > high")
        if q in ("at_least", "more_than") and (lo != v or hi is not None):
            problems.append(f"{where}: {q} needs low = value and no high")
        if q in ("at_most", "less_than") and (hi != v or lo is not None):
            problems.append(f"{where}: {q} needs high = value and no low")
        if q in ("about", "nearly", "range", "vague") and (
            lo is None or hi is None or not lo <= v <= hi
        ):
            problems.append(f"{where}: {q} needs low <= value <= high")


def check_article(toml_path: Path, problems: list[str]) -> tuple[dict[str, Any], int, int]:
    slug = toml_path.stem
    txt_path = toml_path.with_suffix(".txt")
    if not txt_path.exists():
        problems.append(f"{slug}: no .txt beside the .toml")
        return {}, 0, 0
    fields, body = split_article(txt_path.read_text(encoding="utf-8"))
    for key in ("outlet", "title", "published"):
        if not fields.get(key):
            problems.append(f"{slug}: front matter lacks {key}")
    title = fields.get("title", "")
    words = len(body.split())
    if not 120 <= words <= 350:
        problems.append(f"{slug}: body has {words} words (120-350)")
    gold = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    if gold.get("domain") not in DOMAINS:
        problems.append(f"{slug}: domain {gold.get('domain')!r}")
    for key in ("event", "source_note"):
        if not gold.get(key):
            problems.append(f"{slug}: {key} is empty")
    spans: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
    seen: set[tuple[str, int]] = set()
    figures, not_figures = gold.get("figure", []), gold.get("not_figure", [])
    for kind, items in (("figure", figures), ("not_figure", not_figures)):
        for i, item in enumerate(items, 1):
            where = f"{slug} {kind} {i} ({item.get('text')!r})"
            if kind == "figure":
                check_figure(item, where, problems)
            found = locate(item, title, body, where, problems)
            if found is None:
                continue
            part, start, end = found
            if (part, start) in seen:
                problems.append(f"{where}: listed twice")
            seen.add((part, start))
            spans[part].append((start, end))
            if item.get("title_repeat"):
                tt = item.get("title_text", "")
                if not tt or tt not in title:
                    problems.append(f"{where}: title_text {tt!r} not in the title")
                else:
                    spans["title"].append((title.index(tt), title.index(tt) + len(tt)))
    for part, hay in (("title", title), ("body", body)):
        for m in NUMBER_TOKEN.finditer(hay):
            if not any(s <= m.start() and m.end() <= e for s, e in spans[part]):
                line = hay.count("\n", 0, m.start()) + 1
                problems.append(
                    f"{slug}: {part} line {line}: {m.group()!r} is neither figure nor not-figure"
                )
    return gold, len(figures), len(not_figures)


def main() -> int:
    problems: list[str] = []
    tomls = sorted(HERE.glob("*.toml"))
    for txt in sorted(HERE.glob("*.txt")):
        if not txt.with_suffix(".toml").exists():
            problems.append(f"{txt.stem}: no .toml beside the .txt")
    per_domain: Counter[str] = Counter()
    figs_per_domain: Counter[str] = Counter()
    n_fig = n_not = 0
    for path in tomls:
        gold, nf, nn = check_article(path, problems)
        per_domain[gold.get("domain", "?")] += 1
        figs_per_domain[gold.get("domain", "?")] += nf
        n_fig += nf
        n_not += nn
    print(f"{len(tomls)} articles, {n_fig} figures, {n_not} not-figures")
    for d in sorted(per_domain):
        print(f"  {d:<11} {per_domain[d]:>2} articles {figs_per_domain[d]:>4} figures")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
