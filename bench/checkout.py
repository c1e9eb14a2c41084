"""Which checkout a benchmark measured: the commit the `compare` package is imported from."""

from __future__ import annotations

import subprocess
from pathlib import Path

import compare


def package_label() -> str:
    """The commit of the checkout the `compare` package is imported from (+ if it has edits)."""
    where = Path(compare.__file__).resolve().parents[1]
    try:
        rev = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "--", "compare"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(where)
    return rev + ("+edits" if dirty else "")
