"""Defaults for command-line options from ``[tool.factcompare]`` or ``factcompare.toml``.

The search walks up from the working directory.  In each directory a
``factcompare.toml`` (its top-level keys) wins over a ``pyproject.toml`` (its
``[tool.factcompare]`` table); the first ``pyproject.toml`` or ``.git`` found
ends the search, as the project's root.  Options given on the command line
always override what a file says.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from compare.errors import OptionError
from compare.render.output import FORMATS, parse_verdicts

CONFIG_FILE = "factcompare.toml"
PYPROJECT = "pyproject.toml"
# Config key -> the name of the command's parameter it supplies a default for.
KEYS = {
    "format": "fmt",
    "model": "model",
    "claim_threshold": "claim_threshold",
    "figure_threshold": "figure_threshold",
    "max_bytes": "max_bytes",
    "fail_on": "fail_on",
    "only": "only",
    "min_score": "min_score",
}

# Keys that are no command's option: "vocabulary", the user's word tables (a path or a list of
# paths, relative to the file that names them; see compare/extract/vocab.py).
OTHER_KEYS = ("vocabulary",)

# The ranges the command-line options accept, so that a bad value is blamed on the key.
RANGES = {"claim_threshold": 1.0, "figure_threshold": 2.0, "min_score": 2.0}


class ConfigError(OptionError):
    """A configuration file that cannot be read or holds a bad value."""


def find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file and its factcompare table, or None."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own, _read(own)
        project = folder / PYPROJECT
        if project.is_file():
            tool = _read(project).get("tool", {})
            if not isinstance(tool, dict):
                raise ConfigError(f"{project}: tool must be a table ([tool.factcompare])")
            table = tool.get("factcompare")
            if table is None:
                return None
            if not isinstance(table, dict):
                raise ConfigError(f"{project}: [tool.factcompare] must be a table")
            return project, table
        if (folder / ".git").exists():
            return None
    return None


def defaults(start: Path | None = None) -> dict[str, Any]:
    """Parameter defaults (by parameter name) from the nearest configuration, checked.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     toml = 'format = "json"\\nfail_on = ["diverge"]\\n'
    ...     _ = (Path(d) / "factcompare.toml").write_text(toml)
    ...     defaults(Path(d))
    {'fmt': 'json', 'fail_on': 'diverge'}
    """
    found = find(start or Path.cwd())
    if found is None:
        return {}
    path, table = found
    return {KEYS[key]: value for key, value in _checked(path, table).items()}


def vocabulary_files(start: Path | None = None) -> list[str]:
    """The user's vocabulary files named by the nearest configuration, as paths.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "factcompare.toml").write_text('vocabulary = "words.toml"\\n')
    ...     [Path(p).name for p in vocabulary_files(Path(d))]
    ['words.toml']
    """
    found = find(start or Path.cwd())
    if found is None:
        return []
    path, table = found
    value = table.get("vocabulary", [])
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{path}: vocabulary must be a path or a list of paths")
    return [str((path.parent / name).expanduser()) for name in names]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text (byte {err.start})") from None


def _checked(path: Path, table: Mapping[str, Any]) -> dict[str, Any]:
    where = f"{path} [tool.factcompare]" if path.name == PYPROJECT else str(path)
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key in OTHER_KEYS:
            continue
        if key not in KEYS:
            valid = ", ".join([*KEYS, *OTHER_KEYS])
            raise ConfigError(f"{where}: unknown key {raw_key!r} (valid: {valid})")
        out[key] = _value(key, value, where=f"{where}: {raw_key}")
    return out


def _value(key: str, value: Any, *, where: str) -> Any:
    if key in ("fail_on", "only"):
        if not isinstance(value, str | list):
            raise ConfigError(f"{where} must be a list of verdicts or a comma-separated string")
        try:
            return ",".join(parse_verdicts(value, option=where))
        except OptionError as err:
            raise ConfigError(str(err)) from None
    if key in ("format", "model"):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, not {value!r}")
        if key == "format" and value not in FORMATS:
            raise ConfigError(
                f"{where}: unknown format {value!r} (choose from {', '.join(FORMATS)})"
            )
        return value
    if key == "max_bytes":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(f"{where} must be a positive whole number of bytes, not {value!r}")
        return value
    top = RANGES.get(key, 2.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= top:
        raise ConfigError(f"{where} must be a number between 0 and {top:g}, not {value!r}")
    return float(value)
