"""The one error hierarchy.  Library code raises these; only the CLI catches them.

Every message names the bad value and, where there is a list, the valid ones,
and fits on one line: the CLI prints it as ``Error: <message>`` and exits 2.
"""

from __future__ import annotations


class CompareError(Exception):
    """Base class: anything the user can fix by changing their input or options."""

    exit_code = 2


class InputError(CompareError):
    """An article file that cannot be read as an article."""


class OptionError(CompareError):
    """An option value that is out of range or unknown."""


class ModelError(CompareError):
    """The embedding model cannot be loaded."""


class FixtureError(CompareError):
    """A fixture case that cannot be run (missing inputs, malformed case file)."""


def one_line(text: str) -> str:
    """Collapse whitespace so that an error message stays on one line.

    >>> one_line("no such file:\\n  x.txt")
    'no such file: x.txt'
    """
    return " ".join(text.split())
