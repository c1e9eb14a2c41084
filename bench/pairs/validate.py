"""Check bench/pairs/: every gold text occurs in its article as written (stdlib only).

Run: python3 bench/pairs/validate.py   (exit 1 and one line per problem when not clean)
Hand-written on purpose: tomllib + re are enough, and the check must run without the venv.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOMAINS = set(
    "earthquake flood wildfire storm shooting transport crowd protest election company"
    " clinical economy bank war trial".split()
)
VERDICTS = {"agree", "diverge", "update"}
FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def read_article(path: Path) -> tuple[dict[str, str], str]:
    m = FRONT.match(path.read_text(encoding="utf-8"))
    if not m:
        raise ValueError(f"{path}: no front matter")
    meta = {}
    for line in m.group(1).splitlines():
        key, _, val = line.partition(":")
        meta[key.strip()] = val.strip().strip('"')
    return meta, m.group(2)


def occurrences(text: str, body: str) -> int:
    """Standalone occurrences: '30' is not found inside '300', '1,300' or '3.0'."""
    pat = r"(?<![\w])(?<![\d][.,])" + re.escape(text) + r"(?![\w])(?![.,]\d)"
    return len(re.findall(pat, body))


def need(
    problems: list[str],
    where: str,
    bodies: dict[str, str],
    side: str,
    text: str,
    occ: int,
    what: str,
) -> None:
    """Record a problem unless `text` occurs at least `occ` times in the article `side`."""
    found = occurrences(text, bodies[side])
    if found < occ:
        problems.append(f"{where}: {what}: {text!r} occurs {found}x in {side}.txt, wanted #{occ}")


def main() -> int:
    problems: list[str] = []
    verdicts: Counter[str] = Counter()
    domains: Counter[str] = Counter()
    tests: Counter[str] = Counter()
    n_apart = n_rev = n_pairs = 0
    for d in sorted(p for p in HERE.iterdir() if p.is_dir() and p.name[0] not in "._"):
        where = d.name
        try:
            meta_a, body_a = read_article(d / "a.txt")
            meta_b, body_b = read_article(d / "b.txt")
            gold = tomllib.loads((d / "gold.toml").read_text(encoding="utf-8"))
        except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{where}: {exc}")
            continue
        n_pairs += 1
        bodies = {"a": body_a, "b": body_b}
        dates = {}
        for side, meta, body in (("a", meta_a, body_a), ("b", meta_b, body_b)):
            for key in ("outlet", "title", "published"):
                if not meta.get(key):
                    problems.append(f"{where}/{side}.txt: front matter lacks {key}")
            try:
                dates[side] = dt.date.fromisoformat(meta.get("published", ""))
            except ValueError:
                problems.append(f"{where}/{side}.txt: bad date {meta.get('published')!r}")
            words = len(body.split())
            if not 100 <= words <= 250:
                problems.append(f"{where}/{side}.txt: {words} words (want 100-250)")
        if gold.get("domain") not in DOMAINS:
            problems.append(f"{where}: domain {gold.get('domain')!r}")
        domains[gold.get("domain", "?")] += 1
        for key in ("event", "source_note"):
            if not gold.get(key):
                problems.append(f"{where}: gold lacks {key}")
        if not gold.get("tests"):
            problems.append(f"{where}: gold lacks tests")
        tests.update(gold.get("tests", []))

        for i, row in enumerate(gold.get("row", []), 1):
            what = f"row {i}"
            if row.get("verdict") not in VERDICTS:
                problems.append(f"{where}: {what}: verdict {row.get('verdict')!r}")
            for key in ("what", "a", "b"):
                if not row.get(key):
                    problems.append(f"{where}: {what}: lacks {key}")
            need(problems, where, bodies, "a", row.get("a", ""), row.get("a_occurrence", 1), what)
            need(problems, where, bodies, "b", row.get("b", ""), row.get("b_occurrence", 1), what)
            if row.get("verdict") == "update" and not (
                "a" in dates and "b" in dates and dates["b"] > dates["a"]
            ):
                problems.append(f"{where}: {what}: update but B is not later than A")
            verdicts[row.get("verdict", "?")] += 1
        for i, ap in enumerate(gold.get("apart", []), 1):
            what = f"apart {i}"
            need(problems, where, bodies, "a", ap.get("a", ""), ap.get("a_occurrence", 1), what)
            need(problems, where, bodies, "b", ap.get("b", ""), ap.get("b_occurrence", 1), what)
            if not ap.get("why"):
                problems.append(f"{where}: {what}: lacks why")
            n_apart += 1
        for i, rev in enumerate(gold.get("revision", []), 1):
            what = f"revision {i}"
            side = rev.get("article")
            if side not in bodies:
                problems.append(f"{where}: {what}: article {side!r}")
                continue
            need(
                problems,
                where,
                bodies,
                side,
                rev.get("current", ""),
                rev.get("current_occurrence", 1),
                what,
            )
            need(
                problems,
                where,
                bodies,
                side,
                rev.get("previous", ""),
                rev.get("previous_occurrence", 1),
                what,
            )
            n_rev += 1
    for line in problems:
        print(line)
    print(
        f"{n_pairs} pairs; rows {dict(sorted(verdicts.items()))}; apart {n_apart}; "
        f"revisions {n_rev}; domains {dict(sorted(domains.items()))}"
    )
    if "-v" in sys.argv:
        for name, count in tests.most_common():
            print(f"  {count:3d}  {name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
