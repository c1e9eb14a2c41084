"""Terminal control sequences: removed from article text as it is read and from every
text a terminal may show.  Below every stage, so that load and the renderers share it."""

from __future__ import annotations

import re

__all__ = ["printable"]

# Terminal control sequences (ECMA-48): CSI, OSC (window title, hyperlinks), DCS/PM/APC
# strings and two-character escapes, in their 7-bit and 8-bit forms.  Each branch has one
# run of a class the next part cannot match, so matching is linear; a string that is
# never terminated takes at most 2,048 characters of text with it.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS = dict.fromkeys(
    [c for c in range(0x20) if chr(c) not in "\n\t"] + list(range(0x7F, 0xA0))
)


def printable(text: str) -> str:
    r"""Text with every terminal control sequence and control character removed.

    Article text can hold escapes that clear the screen, retitle the window or plant
    a hyperlink (OSC 8); a report shown in a terminal must not obey them.

    >>> printable("5 \x1b[2Jdied\x1b]0;pwned\x07 \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\.\r")
    '5 died here.'
    """
    if not _ANY_CONTROL.search(text):
        return text
    return _ESCAPE_SEQUENCE.sub("", text).translate(_CONTROLS)
