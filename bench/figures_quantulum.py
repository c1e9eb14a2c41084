"""quantulum3 on NewsQuant, for bench/figures.py: its tags and its speed on one core.

Runs inside bench/.venv-quantulum (quantulum3 is never a dependency of factcompare).
Usage: python bench/figures_quantulum.py NEWSQUANT_JSON ROUNDS  -> JSON on stdout.

The unit-disambiguation classifier needs the optional extra quantulum3[classifier]
(scikit-learn and a trained model that breaks across versions); we install plain
quantulum3, which then disambiguates by its rules alone, and that is what we time.
Its units are mapped the way the CQE evaluation's QuantulumTagger maps them
(dimensionless -> "-", per cent -> percentage); quantulum3's value for a range is
its midpoint, which is what that scorer compares.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from importlib.metadata import version
from typing import Any

warnings.filterwarnings("ignore")

UNITS = {
    "dimensionless": "-",
    "per cent": "percentage",
    "percentage drop": "percentage",
    "united states dollar": "dollar",
    "dollar dollar": "dollar",
    "tonne": "metric ton",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
}


def main() -> int:
    from quantulum3 import parser

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    rounds = int(sys.argv[2])
    texts = [d["text"] for d in data]
    try:
        import sklearn  # type: ignore[import-not-found]  # noqa: F401

        mode = "with its classifier"
    except ImportError:
        mode = "classifier extra not installed: rule-based units"

    def parse(text: str) -> list[Any]:
        try:
            return list(parser.parse(text))
        except Exception:  # quantulum3 raises on some inputs; count it as no tags
            return []

    tags = []
    for t in texts:
        out = []
        for q in parse(t):
            unit = q.unit.name.lower()
            out.append({"value": float(q.value), "normalized_unit": UNITS.get(unit, unit)})
        tags.append(out)
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        for t in texts:
            parse(t)
        best = max(best, len(texts) / (time.perf_counter() - start))
    json.dump(
        {"speed": best, "mode": mode, "version": version("quantulum3"), "tags": tags}, sys.stdout
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
