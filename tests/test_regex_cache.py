"""The compiled-pattern cache (compare/regex_cache.py): a shortcut that must never change
what a pattern matches, and whose file, whatever state it is in, never stops a run.

Each row runs a fresh interpreter, as the command does: the cache is installed once per
process and patches ``re`` for that process only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED

OTHER = FIXTURES / "01-seed-later-update" / "b.txt"

# Patterns of every kind re compiles: named groups, lookarounds, flags inline and given,
# a prefix tree of words, a backreference, a character class of Unicode letters.
PATTERNS = [
    (
        r"(?P<value>\d+(?:,\d{3})*)\s+(?P<what>people|homes)",
        0,
        "At least 1,200 people and 40 homes",
    ),
    (r"(?i)\b(?:kilo(?:metres(?:\s+per\s+hour)?|gram))\b", 0, "80 KILOMETRES PER HOUR, 5 kilogram"),
    (r"(?<=\bsaid\s)(?P<who>[A-Z]\w+)", 0, "the mayor said Ortiz and police said Lee"),
    (r"\b(\w+)\s+\1\b", 2, "the the toll rose rose"),
    (r"[^\W\d_]+", 0, "Zürich, São Paulo, 東京"),
    (r"^(?:st|nd|rd|th)?\s+of\s+(?:may|june)\b", 2, "th of MAY"),
    # a str subclass, as lxml's XPath results are (the HTML reader compiles some)
    ("SUBCLASS:author|byline", 0, "the byline and the author"),
]

_PROBE = textwrap.dedent(
    """
    import json, re, sys
    from compare.regex_cache import install
    install()
    out = []
    class Text(str):
        pass
    for pattern, flags, text in json.loads(sys.argv[1]):
        if pattern.startswith("SUBCLASS:"):
            pattern = Text(pattern.removeprefix("SUBCLASS:"))
        p = re.compile(pattern, flags)
        out.append([p.groups, sorted(p.groupindex.items()),
                    [[m.span(), m.groups()] for m in p.finditer(text)]])
    print(json.dumps(out))
    """
)


def probe(cache: Path, patterns: list[tuple[str, int, str]] = PATTERNS, **env: str) -> list[object]:
    """What each pattern finds in its text, compiled in a fresh interpreter with the cache."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(patterns)],
        capture_output=True,
        text=True,
        env={**os.environ, "FACTCOMPARE_CACHE_DIR": str(cache), **env},
        check=True,
    )
    assert done.stderr == ""
    return list(json.loads(done.stdout))


def cache_file(cache: Path) -> Path | None:
    files = list((cache / "regex").glob("*.marshal")) if (cache / "regex").is_dir() else []
    return files[0] if files else None


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    """The matches with the cache switched off: what re itself finds."""
    return probe(tmp_path_factory.mktemp("off"), FACTCOMPARE_REGEX_CACHE="0")


def test_switched_off_writes_nothing(tmp_path: Path, plain: list[object]) -> None:
    assert probe(tmp_path, FACTCOMPARE_REGEX_CACHE="0") == plain
    assert cache_file(tmp_path) is None


def test_compiled_then_loaded_finds_the_same(tmp_path: Path, plain: list[object]) -> None:
    assert probe(tmp_path) == plain  # compiled, and written at exit
    written = cache_file(tmp_path)
    assert written is not None
    before = written.stat().st_mtime_ns, written.read_bytes()
    assert probe(tmp_path) == plain  # loaded from the file
    assert (written.stat().st_mtime_ns, written.read_bytes()) == before  # nothing new to add


def test_the_file_keeps_what_the_last_run_used(tmp_path: Path) -> None:
    """A pattern built differently each run (a library joining a set in hash order) must not
    make the file grow run after run: it holds what the last run that compiled used."""
    for order in ("tons|tonnes", "tonnes|tons", "t|tons|tonnes"):
        probe(tmp_path, [(rf"\d+ (?:{order})", 0, "5 tonnes")])
    written = cache_file(tmp_path)
    assert written is not None
    import marshal

    _, entries = marshal.loads(written.read_bytes())
    assert sorted(pattern for pattern, _ in entries if "ton" in pattern) == [
        r"\d+ (?:t|tons|tonnes)"
    ]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b"not a cache at all", id="foreign-bytes"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b.replace(b"3.1", b"9.9"), id="another-python"),
    ],
)
def test_a_damaged_file_is_compiled_over(
    tmp_path: Path, plain: list[object], damage: object
) -> None:
    probe(tmp_path)
    written = cache_file(tmp_path)
    assert written is not None and callable(damage)
    written.write_bytes(damage(written.read_bytes()))
    assert probe(tmp_path) == plain
    assert probe(tmp_path) == plain  # the file was made good again at the first run's exit


def test_an_entry_that_is_not_code_is_compiled_over(tmp_path: Path, plain: list[object]) -> None:
    """An entry whose code _sre rejects (code of another build could be): compiled as usual."""
    import marshal

    probe(tmp_path)
    written = cache_file(tmp_path)
    assert written is not None
    stamp, entries = marshal.loads(written.read_bytes())
    for key, (flags, _code, groups, names, index) in list(entries.items()):
        entries[key] = (flags, [99999], groups, names, index)
    written.write_bytes(marshal.dumps((stamp, entries)))
    assert probe(tmp_path) == plain


def test_a_cache_that_cannot_be_written_only_costs_the_compiling(
    tmp_path: Path, plain: list[object]
) -> None:
    """The cache directory is a file (no directory can be made there): nothing is saved."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache would go\n")
    assert probe(blocked) == plain
    assert blocked.read_text() == "a file where the cache would go\n"
    assert list(tmp_path.iterdir()) == [blocked]


def test_diff_reports_the_same_with_and_without(tmp_path: Path) -> None:
    """The command's whole output, its patterns compiled, then loaded, then not cached."""

    def diff(**env: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "compare", "diff", str(SEED), str(OTHER), "--format", "json"],
            capture_output=True,
            text=True,
            env={**os.environ, "FACTCOMPARE_CACHE_DIR": str(tmp_path), **env},
        )
        assert done.returncode in (0, 1), done.stderr
        return done.stdout

    first, second = diff(), diff()
    assert cache_file(tmp_path) is not None
    assert first == second == diff(FACTCOMPARE_REGEX_CACHE="0")
