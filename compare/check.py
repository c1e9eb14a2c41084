"""Regression checks against golden fixture directories, for us and for our users.

A case is a directory holding its input articles (``a.*``, ``b.*``, ... in
argument order, or the ``inputs`` list of ``case.toml``), an optional
``case.toml`` (options, tolerances) and the expected result: ``expected.json``
(the JSON contract) and ``expected.md`` (the same as a table, for reviewers).

Figures and verdicts compare exactly; scores compare within a tolerance,
because a model or library upgrade moves them a little without changing any
answer.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tabulate import tabulate

from compare.controls import printable
from compare.errors import CompareError, FixtureError
from compare.render.output import recover, write_files
from compare.render.report import wrap_cells

SCORE_TOLERANCE = 0.05
EXPECTED_JSON = "expected.json"
EXPECTED_MD = "expected.md"
CASE_FILE = "case.toml"
UPDATE_JOURNAL = ".update-journal.json"  # present only while --update renames its pair
INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".text")
_ROW_FIELDS = ("verdict", "concept", "a", "b", "sentence_a", "sentence_b", "reason")
_FIGURE_FIELDS = (
    "text",
    "span",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "concept",
    "subject",
    "role",
    "attribution",
    "place",
    "scope",
    "period",
    "sentence",
)


@dataclass(frozen=True)
class Case:
    """One fixture directory, read but not yet run."""

    name: str
    path: Path
    inputs: tuple[Path, ...]
    description: str = ""
    model: str | None = None
    options: dict[str, float] = field(default_factory=dict)
    score_tolerance: float = SCORE_TOLERANCE

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Change:
    """One difference between the expected and the obtained result."""

    where: str  # "row b:f3" or "figure a:f2"
    field: str
    expected: Any
    obtained: Any


@dataclass(frozen=True)
class Outcome:
    case: Case
    status: str  # "passed", "changed", "failed", or with --update "updated"
    changes: tuple[Change, ...] = ()
    error: str | None = None
    obtained: dict[str, Any] | None = None
    markdown: str | None = None


def resolve(targets: Sequence[str], *, default: str = "fixtures") -> list[Case]:
    """Cases from command-line words: fixture directories, case directories, or case names.

    No words means every case of ``default``; a bare name means that case of ``default``.
    """
    if not targets:
        every = cases(default)
        if not every:
            raise FixtureError(f"{default}: no fixture cases in this directory")
        return every
    found: list[Case] = []
    for target in targets:
        path = Path(target)
        if path.is_dir() and _is_case(path):
            found.append(read_case(path))
        elif path.is_dir():
            inside = cases(path)
            if not inside:
                raise FixtureError(f"{target}: no fixture cases in this directory")
            found.extend(inside)
        elif (Path(default) / target).is_dir():
            found.append(read_case(Path(default) / target))
        else:
            raise FixtureError(f"{target}: neither a fixtures directory nor a case of {default}/")
    return found


def _is_case(path: Path) -> bool:
    return (
        (path / CASE_FILE).exists()
        or (path / EXPECTED_JSON).exists()
        or any(p.stem == "a" and p.suffix.lower() in INPUT_SUFFIXES for p in path.iterdir())
    )


def cases(root: str | Path, names: Sequence[str] = ()) -> list[Case]:
    """Every case under ``root`` in sorted order (or just the named ones)."""
    base = Path(root)
    if not base.is_dir():
        raise FixtureError(f"{root}: not a fixtures directory")
    dirs = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    if names:
        known = {d.name: d for d in dirs}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise FixtureError(
                f"no such case {unknown[0]!r} in {root} (cases: {', '.join(known) or 'none'})"
            )
        dirs = [known[n] for n in names]
    return [read_case(d) for d in dirs]


def read_case(path: Path) -> Case:
    """A case directory's inputs and options, each checked; a half-done --update is finished."""
    recover(path / UPDATE_JOURNAL, [path / EXPECTED_JSON, path / EXPECTED_MD])
    config: dict[str, Any] = {}
    case_file = path / CASE_FILE
    if case_file.exists():
        try:
            config = tomllib.loads(case_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise FixtureError(f"{case_file}: not valid TOML ({err})") from None
    if "inputs" in config:
        names = config["inputs"]
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise FixtureError(f"{case_file}: inputs must be a list of file names")
        inputs = tuple(_inside(path, name, case_file) for name in names)
    else:
        inputs = tuple(
            sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in INPUT_SUFFIXES
                and p.stem in "abcdefghijklmnopqrstuvwxyz"
                and len(p.stem) == 1
            )
        )
    table = _table(config, "options", case_file)
    model = table.get("model")
    if model is not None and not isinstance(model, str):
        raise FixtureError(f"{case_file}: options.model must be a string, not {model!r}")
    options = {k: _number(v, f"options.{k}", case_file) for k, v in table.items() if k != "model"}
    description = config.get("description", "")
    if not isinstance(description, str):
        raise FixtureError(f"{case_file}: description must be a string")
    tolerance = _table(config, "tolerance", case_file).get("score", SCORE_TOLERANCE)
    return Case(
        name=path.name,
        path=path,
        inputs=inputs,
        description=description,
        model=model,
        options=options,
        score_tolerance=_number(tolerance, "tolerance.score", case_file),
    )


def _table(config: dict[str, Any], key: str, case_file: Path) -> dict[str, Any]:
    value = config.get(key, {})
    if not isinstance(value, dict):
        raise FixtureError(f"{case_file}: [{key}] must be a table")
    return value


def _number(value: object, key: str, case_file: Path) -> float:
    """A finite, non-negative number: a NaN tolerance would switch every score check off."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise FixtureError(f"{case_file}: {key} must be a finite number >= 0, not {value!r}")
    return float(value)


def fixtures_root(case: Path) -> Path:
    """The repository the case's fixtures belong to: the nearest folder above the case
    holding pyproject.toml or .git, else the fixtures directory (the case's parent)."""
    here = case.resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return here.parent


def _inside(case: Path, name: str, case_file: Path) -> Path:
    """An input named in case.toml, which must stay inside the case or the fixtures' root
    (seeds shared by several cases live there); anything else is refused."""
    try:
        resolved = (case / name).resolve()
    except (RuntimeError, OSError):
        raise FixtureError(f"{case_file}: input {name!r} is a symbolic link loop") from None
    root = fixtures_root(case)
    if not (resolved.is_relative_to(case.resolve()) or resolved.is_relative_to(root)):
        raise FixtureError(
            f"{case_file}: input {name!r} is outside the case directory and the "
            f"fixtures' root {str(root)!r}; refusing to read it"
        )
    return resolved


def run(case: Case, *, model: str | None = None) -> tuple[dict[str, Any], str]:
    """The case's result as the JSON contract, and as a markdown table."""
    from compare.align.pairs import Options
    from compare.pipeline import compare_articles, read_articles
    from compare.render.report import render, to_dict

    if len(case.inputs) < 2:
        raise FixtureError(f"{case.path}: needs at least two input articles (a.txt, b.txt, ...)")
    missing = [p for p in case.inputs if not p.exists()]
    if missing:
        raise FixtureError(f"{case.path}: input {missing[0]} does not exist")
    articles = read_articles([str(p) for p in case.inputs])
    # Paths relative to the case, so that expectations do not depend on where the repo lives.
    articles = tuple(replace(a, path=_relative(Path(a.path), case.path)) for a in articles)
    opts = Options(**{k: v for k, v in case.options.items() if k in Options.__dataclass_fields__})
    if len(articles) > 2:  # three or more dated articles run as a timeline
        from compare.render.timeline import render_timeline, timeline_dict
        from compare.timeline import timeline

        series = timeline(articles, model=case.model or model, options=opts)
        return timeline_dict(series), render_timeline(series, "markdown")
    report = compare_articles(articles, model=case.model or model, options=opts)
    return to_dict(report), render(report, "markdown")


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        import os

        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def check(case: Case, *, model: str | None = None) -> Outcome:
    """Run one case and compare it with its expectation."""
    try:
        obtained, markdown = run(case, model=model)
    except CompareError as err:
        return Outcome(case, "failed", error=str(err))
    expected_path = case.path / EXPECTED_JSON
    if not expected_path.exists():
        return Outcome(
            case,
            "failed",
            error=f"no {EXPECTED_JSON} (write it with check --update {case.name})",
            obtained=obtained,
            markdown=markdown,
        )
    try:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
    except RecursionError:
        return Outcome(case, "failed", error=f"{expected_path}: JSON nested too deep")
    except (OSError, ValueError) as err:
        return Outcome(case, "failed", error=f"{expected_path}: malformed JSON ({err})")
    problem = _shape_problem(expected)
    if problem:
        return Outcome(case, "failed", error=f"{expected_path}: {problem}")
    changes = tuple(differences(expected, obtained, score_tolerance=case.score_tolerance))
    return Outcome(
        case, "changed" if changes else "passed", changes, obtained=obtained, markdown=markdown
    )


def run_cases(
    selected: Iterable[Case], *, model: str | None = None, update: bool = False
) -> Iterator[Outcome]:
    """Check each case in turn; with ``update``, rewrite expectations and say which changed."""
    for case in selected:
        outcome = check(case, model=model)
        if update and outcome.obtained is not None:
            outcome = replace(outcome, status="updated" if write_expected(outcome) else "passed")
        yield outcome


_SCALAR = str | int | float | bool | None


def _shape_problem(expected: object) -> str | None:
    """What makes an expected.json unusable (wrong types), or None when its shape is right."""
    if not isinstance(expected, dict):
        return "must hold a JSON object"
    for key in ("figures", "rows", "series"):
        items = expected.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return f"{key} must be a list of objects"
    if not all(isinstance(f.get("id"), str) for f in expected.get("figures", [])):
        return "every figure needs an id string"
    items = list(expected.get("rows", []))
    for s in expected.get("series", []):
        if not isinstance(s.get("points", []), list) or not all(
            isinstance(p, dict) for p in s.get("points", [])
        ):
            return "series points must be a list of objects"
        if not all(isinstance(s.get(k), _SCALAR) for k in ("concept", "subject", "claimant")):
            return "series keys must be strings or null"
        items.extend(s.get("points", []))
    for item in items:
        keys = ("a", "b", "sentence_a", "sentence_b", "article")
        if not all(isinstance(item.get(k), _SCALAR) for k in keys):
            return "row and point keys must be strings, numbers or null"
        score = item.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
            return f"score {score!r} is not a number"
    return None


def exit_code(outcomes: Iterable[Outcome]) -> int:
    """0 all passed (or updated), 1 some changed, 2 some could not run."""
    statuses = {o.status for o in outcomes}
    return 2 if "failed" in statuses else 1 if "changed" in statuses else 0


def write_expected(outcome: Outcome) -> bool:
    """Write the obtained result as the case's expectation; True if anything changed.

    Both files are written as one step (both temporary files, a journal, both renames),
    so that a kill never leaves expected.json and expected.md out of step: the next run
    finishes or rolls back the step (``read_case``).
    """
    if outcome.obtained is None or outcome.markdown is None:
        return False
    text = json.dumps(outcome.obtained, indent=2, ensure_ascii=False) + "\n"
    case = outcome.case.path
    contents = {case / EXPECTED_JSON: text, case / EXPECTED_MD: outcome.markdown}
    if all(t.exists() and t.read_text(encoding="utf-8") == c for t, c in contents.items()):
        return False
    write_files(
        {t: c.encode("utf-8") for t, c in contents.items()},
        option="check --update",
        journal=case / UPDATE_JOURNAL,
    )
    return True


def differences(
    expected: dict[str, Any], obtained: dict[str, Any], *, score_tolerance: float = SCORE_TOLERANCE
) -> Iterable[Change]:
    """What changed, figure by figure and row by row."""
    exp_figs = {f["id"]: f for f in expected.get("figures", [])}
    got_figs = {f["id"]: f for f in obtained.get("figures", [])}
    for fid in sorted(exp_figs.keys() | got_figs.keys(), key=_id_order):
        e, g = exp_figs.get(fid), got_figs.get(fid)
        if e is None or g is None:
            yield Change(f"figure {fid}", "figure", _figure_label(e), _figure_label(g))
            continue
        for name in _FIGURE_FIELDS:
            if e.get(name) != g.get(name):
                yield Change(f"figure {fid}", name, e.get(name), g.get(name))
    rows = ({_row_key(r): r for r in result.get("rows", [])} for result in (expected, obtained))
    yield from _keyed_changes(
        *rows,
        where=lambda k, r: f"row {_row_label(r)}",
        kind="row",
        fields=_ROW_FIELDS,
        summary=_row_summary,
        score_tolerance=score_tolerance,
    )
    yield from _series_differences(expected, obtained, score_tolerance)


_POINT_FIELDS = ("figure", "date", "value", "low", "high", "verdict", "reason")


def _series_differences(
    expected: dict[str, Any], obtained: dict[str, Any], score_tolerance: float
) -> Iterable[Change]:
    """Timeline points, keyed by series and article: verdict and figure exact, score within
    the tolerance."""

    def points(result: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
        return {
            (s.get("concept"), s.get("subject"), s.get("claimant"), p.get("article")): p
            for s in result.get("series", [])
            for p in s.get("points", [])
        }

    yield from _keyed_changes(
        points(expected),
        points(obtained),
        where=_point_where,
        kind="point",
        fields=_POINT_FIELDS,
        summary=_point_summary,
        score_tolerance=score_tolerance,
    )


def _point_where(key: tuple[Any, ...], _point: dict[str, Any]) -> str:
    concept, subject, claimant, article = key
    return f"series {concept or 'figure'}/{subject or '-'}/{claimant or '-'} @{article}"


def _keyed_changes(
    exp: dict[tuple[Any, ...], dict[str, Any]],
    got: dict[tuple[Any, ...], dict[str, Any]],
    *,
    where: Callable[[tuple[Any, ...], dict[str, Any]], str],
    kind: str,
    fields: tuple[str, ...],
    summary: Callable[[dict[str, Any] | None], str | None],
    score_tolerance: float,
) -> Iterable[Change]:
    """Rows or timeline points matched by key: gone, new, or changed field by field."""
    for key in list(exp) + [k for k in got if k not in exp]:
        e, g = exp.get(key), got.get(key)
        place = where(key, e or g or {})
        if e is None or g is None:
            yield Change(place, kind, summary(e), summary(g))
            continue
        for name in fields:
            if e.get(name) != g.get(name):
                yield Change(place, name, e.get(name), g.get(name))
        yield from _score_change(place, e, g, score_tolerance)


def _point_summary(point: dict[str, Any] | None) -> str | None:
    return None if point is None else f"{point.get('figure')}: {point.get('verdict')}"


def _score_change(
    where: str, e: dict[str, Any], g: dict[str, Any], score_tolerance: float
) -> Iterable[Change]:
    es, gs = e.get("score"), g.get("score")
    if (es is None) != (gs is None) or (
        es is not None and gs is not None and abs(es - gs) > score_tolerance
    ):
        yield Change(where, f"score (±{score_tolerance})", es, gs)


def _row_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row.get("a"), row.get("b"), row.get("sentence_a"), row.get("sentence_b"))


def _row_label(row: dict[str, Any]) -> str:
    a = row.get("a") or (f"a:s{row['sentence_a']}" if row.get("sentence_a") is not None else "-")
    b = row.get("b") or (f"b:s{row['sentence_b']}" if row.get("sentence_b") is not None else "-")
    return f"{a} ~ {b}"


def _row_summary(row: dict[str, Any] | None) -> str | None:
    return None if row is None else f"{row.get('verdict')}: {row.get('reason')}"


def _figure_label(fig: dict[str, Any] | None) -> str | None:
    return None if fig is None else f"{fig.get('text')} ({fig.get('concept')})"


def _id_order(fid: str) -> tuple[str, int]:
    article, _, num = fid.partition(":f")
    return (article, int(num) if num.isdigit() else 0)


def render_outcome(outcome: Outcome) -> str:
    """One line per case ('passed   01-seed-vs-later'), then a table of what changed."""
    label = {"passed": "passed", "changed": "CHANGED", "failed": "FAILED", "updated": "updated"}
    line = f"{label[outcome.status]:<8} {outcome.case.name}"
    if outcome.error and outcome.status == "failed":
        line += f": {outcome.error}"
    if not outcome.changes:
        return printable(line)
    cells = [[c.where, c.field, _cell(c.expected), _cell(c.obtained)] for c in outcome.changes]
    cells = [wrap_cells(row, [24, 12, 40, 40]) for row in cells]
    table = tabulate(
        cells,
        headers=["where", "field", "expected", "obtained"],
        tablefmt="simple",
        disable_numparse=True,
    )
    return printable(f"{line}\n{table}\n")


def _cell(value: object) -> str:
    if value is None:
        return "(none)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
