"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

Extraction compiles about 280 patterns when it starts, several of them built from the
vocabulary's word tables (the casualty readings alone are 9,000 characters).  Compiling
them was a third of the CPU of a cached ``diff`` and of ``figures`` on one article
(bench/RESULTS.md).  Python's ``re`` keeps compiled patterns only for the life of the
process, and no maintained library keeps them longer, so this module does: the command
(:mod:`compare.__main__`) installs it before it imports the extraction modules, and
``re`` then looks up each pattern's compiled code in a file of the cache directory
before it compiles it.  When a run compiled a pattern the file lacked, the file is
rewritten at exit with the patterns that run used (at most :data:`LIMIT`), so it does not
grow with patterns a library builds differently each run (from a set, in hash order).

The file is only a shortcut: it is tied to the exact Python build (the compiled code is
its internal format), and anything wrong with it (another Python, a truncated or foreign
file, an entry that does not load) means compiling as usual.  An entry is found by the
pattern's text and flags, so a changed pattern never meets old code.
``FACTCOMPARE_REGEX_CACHE=0`` turns it off.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

SWITCH = "FACTCOMPARE_REGEX_CACHE"
LIMIT = 4000  # patterns a run may save (a diff uses about 300; each is a few kilobytes)
_FORMAT = 2

_Key = tuple[str, int]
# flags, the compiled code as machine words, groups, their names both ways
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE = "I"  # a 4-byte unsigned word, _sre's CODESIZE (part of the file's stamp)


def _codes(data: bytes) -> list[int]:
    return array.array(_CODE, data).tolist()


def install() -> None:
    """Serve ``re``'s compilations from the cache file, and add new ones to it at exit.

    Once per process; does nothing when switched off or on a Python whose ``re``
    internals differ from those it was written for (3.11 to 3.13).
    """
    if os.environ.get(SWITCH, "1").strip() == "0" or _Installed.done:
        return
    import importlib

    try:  # re's own internals, typed loosely on purpose: private API, checked below
        _sre: Any = importlib.import_module("_sre")
        _compiler: Any = importlib.import_module("re._compiler")
        _parser: Any = importlib.import_module("re._parser")
    except ImportError:
        return
    if not all(hasattr(_compiler, a) for a in ("compile", "_code", "SRE_FLAG_DEBUG")):
        return
    if array.array(_CODE).itemsize != getattr(_sre, "CODESIZE", 0):
        return
    _Installed.done = True
    from compare.cache import cache_dir

    path = cache_dir() / "regex" / f"{sys.implementation.cache_tag}.marshal"
    stamp = (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)
    stored = _load(path, stamp)
    used: dict[_Key, _Entry] = {}
    fresh: dict[_Key, _Entry] = {}
    original = _compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        # A str subclass (lxml hands those out) is compiled as usual: marshal takes str only.
        if type(p) is not str or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        hit = stored.get(key)
        if hit is not None:
            try:
                compiled = _sre.compile(p, hit[0], _codes(hit[1]), hit[2], hit[3], hit[4])
            except Exception:  # not code this Python made: compile it afresh
                pass
            else:
                used[key] = hit
                return compiled
        parsed = _parser.parse(p, flags)
        names = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in names.items():
            indexgroup[index] = name
        code = [int(c) for c in _compiler._code(parsed, flags)]
        entry = (
            int(flags | parsed.state.flags),
            array.array(_CODE, code).tobytes(),
            parsed.state.groups - 1,
            dict(names),
            tuple(indexgroup),
        )
        fresh[key] = used[key] = entry
        return _sre.compile(p, entry[0], code, entry[2], entry[3], entry[4])

    _compiler.compile = compile
    atexit.register(lambda: _save(path, stamp, used, fresh))


class _Installed:
    done = False


def _load(path: Path, stamp: tuple[Any, ...]) -> dict[_Key, _Entry]:
    try:  # read whole: marshal.load on a file reads it in small pieces, 30 times slower
        head, entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if head == stamp and isinstance(entries, dict) else {}


def _save(
    path: Path,
    stamp: tuple[Any, ...],
    used: dict[_Key, _Entry],
    fresh: dict[_Key, _Entry],
) -> None:
    if not fresh or len(used) > LIMIT:
        return
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:  # written aside, then moved: a reader sees the old file or the new, never half
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "wb") as file:
            marshal.dump((stamp, used), file)  # what this run used
        os.replace(part, path)
    except (OSError, ValueError):  # a read-only cache, an entry marshal refuses: as before
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
