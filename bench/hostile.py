"""`figures` on the worst input of each kind from issue 14, seconds per MB (make bench-hostile).

Each kind is built at SIZE bytes and run through load + segment + figures (the model-free
path of `factcompare figures`), best of ROUNDS.  The machine is shared and noisy: the table
keeps the best round, and a kind that is linear shows about the same seconds per MB at
SIZE/4 and SIZE (both columns are printed).  Results go to bench/hostile.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.memo import forget  # noqa: E402
from compare.load import load  # noqa: E402
from compare.pipeline import figures_report  # noqa: E402

SIZE = 1 << 20
ROUNDS = 2
WORDS = 'killed the said at least people 1,200 dozens " ( ) more than about nearly'.split()


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _random_line(size: int) -> str:
    rng = random.Random(14)
    out: list[str] = []
    n = 0
    while n < size:
        word = rng.choice(WORDS)
        out.append(word)
        n += len(word) + 1
    return " ".join(out) + "\n"


# kind -> (file suffix, builder of an input of about n bytes)
KINDS: dict[str, tuple[str, Callable[[int], str]]] = {
    "letters then list items": (
        ".txt",
        lambda n: _repeat("a", n - 200, "Officials said ", "1. B" + " 1. B" * 20 + " 5 died."),
    ),
    "heading of spaces": (".md", lambda n: _repeat(" ", n, "# a", "b\n\nAt least 5 died.\n")),
    "underscore tokens": (".md", lambda n: _repeat("_a ", n, tail="\nAt least 5 died.\n")),
    "thousands list": (".txt", lambda n: _repeat("1,000, ", n)),
    "one long line": (".txt", _random_line),
    "run of dots": (".txt", lambda n: _repeat(".", n, "At least 5 died", " Then 7 more.")),
    "many numbers": (".txt", lambda n: _repeat("1 ", n)),
    "open brackets": (".md", lambda n: _repeat("[", n, "At least 5 died. ")),
    "blank lines": (".md", lambda n: _repeat(" \n", n, tail="At least 5 died.\n")),
    "bracketed lines": (".md", lambda n: _repeat("[a\n", n, "At least 5 died. ")),
    "image openers": (".md", lambda n: _repeat("![a", n, "At least 5 died. ")),
    "link references": (".md", lambda n: _repeat("[a][b] ", n, "At least 5 died. ")),
    "open quote": (".txt", lambda n: _repeat("a. B ", n, '"At least 5 died. ')),
    "repeated sentence": (".txt", lambda n: _repeat("At least 5 people were killed. ", n)),
    "digits and separators": (".txt", lambda n: _repeat("1,2.3 4/5-6,", n)),
}


NOTES = """Before (main at 4ef4510, from issue 14): 20 KB of letters then list items, a 3 KB
heading of spaces and 350 KB of "1,000, " each ran past 60 s (4,000 repeats of "1,000, "
took 26 s: quadratic, hours at 1 MB); one 400 KB line took 92 s.

Markdown is parsed by markdown-it-py since 2026-12-01 (issue 11: tables, setext headings,
reference links). It is linear but pure Python: the rows made of `[` went from about 1 s per
MB (a dozen bounded regular expressions) to 35-55 s per MB, measured at load average 11.

End to end, measured by hand with `/usr/bin/time -f "%e s %M KB" factcompare figures FILE
-f csv -o out.csv` (peak memory includes start-up, about 60 MB):

| 1 MB of | seconds | peak memory |
| --- | ---: | ---: |
| prose (a one-line news sentence repeated) | 4.4 | 72 MB |
| random claim words in one line | 24.3 | 169 MB |
| "1 " repeated (524,288 figures, each row carrying its sentence) | 83.7 | 1.5 GB |
"""


def seconds(path: Path, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        forget()
        start = time.perf_counter()
        figures_report([load(str(path))])
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--only", default="", help="run only kinds containing this text")
    parser.add_argument("--out", default=str(ROOT / "bench" / "hostile.md"))
    args = parser.parse_args()
    lines = [
        "# `figures` on hostile input: seconds per MB",
        "",
        f"Made by `make bench-hostile` (bench/hostile.py): best of {args.rounds} rounds, "
        "load + segment + figures, no model. Shared 2-core machine: expect ±30% noise.",
        "",
        "| input (1 MB unless said) | s/MB at 1/4 size | s/MB at full size |",
        "| --- | ---: | ---: |",
    ]
    with tempfile.TemporaryDirectory() as folder:
        for kind, (suffix, build) in KINDS.items():
            if args.only not in kind:
                continue
            rates = []
            for size in (args.size // 4, args.size):
                path = Path(folder) / f"input{suffix}"
                path.write_text(build(size), encoding="utf-8")
                rates.append(seconds(path, args.rounds) / (path.stat().st_size / 1e6))
            row = f"| {kind} | {rates[0]:.2f} | {rates[1]:.2f} |"
            print(row, flush=True)
            lines.append(row)
    if not args.only and args.size == SIZE:
        Path(args.out).write_text("\n".join([*lines, "", NOTES]), encoding="utf-8")


if __name__ == "__main__":
    main()
