"""Fit the row confidence (compare/align/confidence.py) on bench/pairs/ and write its weights.

Run: `make calibrate` (or .venv/bin/python bench/calibrate.py).  One command, so that it can be
re-run whenever pairing or judging changes: it runs the tool on the 50 dev pairs (real model),
labels each figure row right or wrong by the gold (`pairs_verdicts.row_right`), fits one
logistic regression for rows that pair two figures and one for rows with a figure only one side
has (scikit-learn, L2), and writes compare/align/calibration.json, which the package reads.

Overfitting is measured, not assumed away: the same fit is cross-validated by pair (GroupKFold,
FOLDS folds of whole pairs: a pair's rows are never both fitted and scored), and the JSON keeps
the in-sample and the cross-validated reliability, which bench/PAIRS.md prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pairs_verdicts import calibration_error, labelled_rows, reliability, reliability_table

from compare.align.confidence import CALIBRATION, LONE_FEATURES, PAIRED_FEATURES, row_features

FOLDS = 10
ALARM_THRESHOLDS = (0.0, 0.5, 0.6, 0.7)  # --min-confidence values whose alarms are counted
# Inverse L2 strength: a few rows per feature; of 0.1, 0.3, 1 and 3, 0.3 had the best
# cross-validated calibration error and Brier score together (bench/PAIRS.md).
C = 0.3


def fit(x: Any, y: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:  # one class only: a constant model
        return None
    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def proba(model: Any, x: Any, y_train: Any) -> Any:
    import numpy as np

    if model is None:
        return np.full(len(x), float(np.mean(y_train)) if len(y_train) else 0.5)
    return model.predict_proba(x)[:, 1]


def as_json(model: Any, names: Sequence[str], y: Any) -> dict[str, Any]:
    import numpy as np

    if model is None:
        p = float(np.mean(y)) if len(y) else 0.5
        z = float(np.log(p / (1 - p))) if 0 < p < 1 else (30.0 if p >= 1 else -30.0)
        return {"intercept": z, "weights": {}}
    return {
        "intercept": round(float(model.intercept_[0]), 5),
        "weights": {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    import numpy as np
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--no-write", action="store_true", help="do not write calibration.json")
    ap.add_argument(
        "--rows",
        type=Path,
        help="keep the labelled features in this JSON file and reuse them when it exists "
        "(to try fits without re-running the tool)",
    )
    args = ap.parse_args(argv)

    if args.rows is not None and args.rows.is_file():
        data = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        data = [
            [slug, *found, right]
            for slug, row, dates, right in labelled_rows()
            if (found := row_features(row, dates)) is not None
        ]
        if args.rows is not None:
            args.rows.write_text(json.dumps(data), encoding="utf-8")
    out: dict[str, Any] = {
        "about": "written by bench/calibrate.py (make calibrate); read by compare.align.confidence",
        "folds": FOLDS,
    }
    in_sample: list[tuple[float, bool]] = []
    crossed: list[tuple[float, bool]] = []
    for kind, names in (("paired", PAIRED_FEATURES), ("lone", LONE_FEATURES)):
        chosen = [(slug, features, right) for slug, k, features, right in data if k == kind]
        x = np.array([f for _, f, _ in chosen], dtype=float).reshape(-1, len(names))
        y = np.array([r for _, _, r in chosen], dtype=int)
        groups = np.array([s for s, _, _ in chosen])
        model = fit(x, y)
        p_in = proba(model, x, y)
        p_cv = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            p_cv[test] = proba(fit(x[train], y[train]), x[test], y[train])
        out[kind] = as_json(model, names, y)
        if kind == "paired":  # how --min-confidence would sift the alarms, out of fold
            alarm = (x[:, names.index("diverge")] + x[:, names.index("update")]) > 0
            out["alarms_at"] = [
                {
                    "min_confidence": t,
                    "alarms": int((alarm & (p_cv >= t)).sum()),
                    "right": int((alarm & (p_cv >= t) & (y == 1)).sum()),
                    "in_sample_alarms": int((alarm & (p_in >= t)).sum()),
                    "in_sample_right": int((alarm & (p_in >= t) & (y == 1)).sum()),
                }
                for t in ALARM_THRESHOLDS
            ]
        pts_in = list(zip(p_in.tolist(), y.astype(bool).tolist(), strict=True))
        pts_cv = list(zip(p_cv.tolist(), y.astype(bool).tolist(), strict=True))
        in_sample += pts_in
        crossed += pts_cv
        for name, pts in (("in_sample", pts_in), ("cross_validated", pts_cv)):
            ece, brier = calibration_error(pts)
            out[kind][name] = {
                "rows": len(pts),
                "right": int(sum(ok for _, ok in pts)),
                "ece": round(ece, 4),
                "brier": round(brier, 4),
            }
    for name, pts in (("in_sample", in_sample), ("cross_validated", crossed)):
        ece, brier = calibration_error(pts)
        out[name] = {
            "rows": len(pts),
            "ece": round(ece, 4),
            "brier": round(brier, 4),
            "reliability": [
                {"bin": b, "rows": n, "mean_confidence": round(c, 4), "share_right": round(a, 4)}
                for b, n, c, a in reliability(pts)
            ],
        }
        print(f"## {name.replace('_', ' ')}\n")
        print("\n".join(reliability_table(pts)) + "\n")
    for kind in ("paired", "lone"):
        print(f"{kind}: {json.dumps(out[kind], indent=1)}")
    if not args.no_write:
        CALIBRATION.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
