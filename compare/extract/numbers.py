"""Number grammar: where the numbers of a text are and what they are worth.

``scan(text)`` finds digits ("27,840", "27 840", "1.2", Arabic-Indic and other
Unicode digits), magnitudes ("1.2 million", "3bn"), spelled-out numbers
("twenty-seven thousand", "a dozen"), shares ("half of", "a third of") and vague
amounts ("dozens", "hundreds of thousands").  It knows nothing of what is
counted: deciding what is a figure is ``figures.py``'s job.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from text_to_num import text2num

from compare.extract.resources import (
    DENOMINATORS,
    FRACTIONS,
    MAGNITUDE_SUFFIXES,
    NUMERATORS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE,
    WORD_COUNTS,
    alternation,
    guarded,
    lowercase_twin,
)
from compare.extract.unit_words import GLUED_UNITS

Kind = Literal["digits", "words", "share", "vague"]


@dataclass(frozen=True, init=False)  # its __init__ below: one is built per number read
class Number:
    """A number as written: offsets into the scanned text, its value, the rounding step shown.

    ``high`` is set only for vague amounts ("dozens" is 24..99); ``step`` is the
    unit of the last significant digit written ("1,200" -> 100, "1.25" -> 0.01),
    which is what "about" is read against.
    """

    start: int
    end: int
    value: float
    step: float
    kind: Kind
    high: float | None = None
    magnitude: float = 1.0  # the multiplier written after digits ("million", "bn")

    def __init__(
        self,
        start: int,
        end: int,
        value: float,
        step: float,
        kind: Kind,
        high: float | None = None,
        magnitude: float = 1.0,
    ) -> None:
        # The dataclass's own __init__ sets each field through object.__setattr__ (it is
        # frozen), at four times the cost: the same fields, in the same order.
        self.__dict__.update(
            {
                "start": start,
                "end": end,
                "value": value,
                "step": step,
                "kind": kind,
                "high": high,
                "magnitude": magnitude,
            }
        )


def ascii_digits(text: str) -> str:
    """Map every Unicode decimal digit to ASCII, keeping the length (offsets stay valid).

    >>> arabic = "\u0662\u0667\u066c\u0668\u0664\u0660"
    >>> persian, fullwidth = "\u06f1\u06f2", "\uff12"
    >>> ascii_digits(f"{arabic} and {persian}00 and {fullwidth}0")
    '27,840 and 1200 and 20'
    >>> ascii_digits("\uff12\uff17\uff0c\uff18\uff14\uff10\uff0e\uff15")
    '27,840.5'
    """
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
        else:
            out.append(_SEPARATORS.get(ch, ch))
    return "".join(out)


# Separators written with the digits of other scripts, one character each (offsets stay).
_SEPARATORS = {
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\uff0c": ",",  # full-width comma, as in CJK text
    "\uff0e": ".",  # full-width full stop
    "\u3000": " ",  # ideographic space
    "\u2044": "/",  # fraction slash: "1\u204432 of a quart"
}


_SEPARATOR_CHARS = re.compile(r"[,\s\u00a0\u202f]")
_NOT_DIGITS = re.compile(r"[^0-9.]")


def parse_digits(text: str) -> float | None:
    """The value of a digit string with thousands separators (comma, space, thin space).

    >>> parse_digits("27,840"), parse_digits("27 840"), parse_digits("1.25"), parse_digits("x")
    (27840.0, 27840.0, 1.25, None)
    """
    cleaned = text if text.isdigit() else _SEPARATOR_CHARS.sub("", text)  # most have none
    try:
        return float(cleaned)
    except ValueError:
        return None


def written_step(text: str) -> float:
    """The rounding unit the digits show: trailing zeros of an integer, else the last decimal.

    >>> written_step("1,200"), written_step("27,840"), written_step("85"), written_step("1.25")
    (100.0, 10.0, 1.0, 0.01)
    """
    digits = text if text.isascii() and text.isdigit() else _NOT_DIGITS.sub("", text)
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    if not stripped:
        return 1.0
    return 10.0 ** (len(digits) - len(stripped))


def value_step(value: float) -> float:
    """The rounding unit of a value given in words ("twenty-seven thousand" -> 1000).

    >>> value_step(27000), value_step(12), value_step(0.5)
    (1000.0, 1.0, 0.1)
    """
    if value <= 0 or value != int(value):
        return 0.1
    n = int(value)
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return 10.0**zeros


_MAG = alternation([*MAGNITUDE_SUFFIXES, "hundred"])
# Thousands groups must be exact (",840"); a space-grouped number may not run into
# another digit, so "2006 200" is never read as one number.
_SCALES = "|".join(SCALE_WORDS)
# A currency code glued before the digits ("USD10m", "RM23.50", "$US113") is no word
# the number belongs to; any other letter run before digits makes a name ("S23", "G7").
_PREFIX = r"(?:(?<![\w.,])|(?<=\bUSD|\bEUR|\bAUD|\bGBP|\bINR|\bCAD)|(?<=\bRM|\bPS|\bRs|\bUS|\$A))"
_DIGITS = re.compile(
    # The lookahead lets re skip, by one character test, every place no number starts.
    r"(?=[-\u2212.\dmM])" + _PREFIX + r"(?:(?P<minus>minus[\s-]?)|[-\u2212](?=\d))?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?"
    # Indian grouping: lakh and crore ("1,00,000", "12,34,56,789").
    r"|\d{1,2},(?:\d{2},)*\d{2},\d{3}(?!\d)(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|\.\d+)"
    # Scientific notation: "1.99\u00d710\u221230", "6 x 10^23"; the exponent needs its sign or
    # caret, so "a 2 x 10 board" stays two numbers.
    r"(?:\s?[x\u00d7]\s?10(?:\^[-\u2212]?|[-\u2212])(?P<exp>\d{1,3})(?!\d))?"
    # A whole number and a fraction: "5-1/4 years", "6 1/2 hours" (news copy's mixed numbers).
    r"(?:(?<!\.\d)(?<!\.\d\d)(?<!\.\d\d\d)[-\s](?P<wnum>\d{1,2})/(?P<wden>2|3|4|8|16)(?![\d/]))?"
    r"(?:/(?P<den>\d{1,3})(?![\d/]))?"
    rf"(?:(?P<sp>\s?)(?P<mag>(?:{_MAG})(?:\s(?:{_SCALES}))*)(?![\w]))?",
    re.IGNORECASE,
)
# "half", "a third" and "scores" are shares or amounts only before "of"/"the" ("half of
# aid trucks", "scores of people"); "the second half" and "test scores" are not.
_LOOSE_SHARES = [
    k
    for k in FRACTIONS
    if k in ("half", "a half", "a third", "a quarter", "a fourth", "a fifth", "a tenth")
]
_FIRM_SHARES = [k for k in FRACTIONS if k not in _LOOSE_SHARES]
_PHRASES = re.compile(
    rf"\b(?:(?P<vague>{alternation(k for k in VAGUE if k != 'scores')}|scores(?=\s+of\b))"
    rf"|(?P<count>{alternation(WORD_COUNTS)})"
    rf"|(?P<num>{alternation(NUMERATORS)})[\s-](?P<den>{alternation(DENOMINATORS)})s?"
    rf"|(?P<share>{alternation(_FIRM_SHARES)}"
    rf"|(?:{alternation(_LOOSE_SHARES)})(?=\s+(?:of|the)\b)"
    # A change by a share: "fell by a third to 1.4 million", "rose by half" (not "by a third
    # party": a word other than a clause's next must not follow).
    rf"|(?<=\bby\s)(?:{alternation(_LOOSE_SHARES)})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:to|from|in|on|over|since|after|during|last|this|compared|"
    r"year-on-year|and|but|as|while)\b)"
    # "waited more than an hour": one of a duration, read only after an amount's qualifier
    r"|(?P<one>an?)(?=\s+(?:second|minute|hour|day|week|month|year|decade)\b)))\b",
    re.IGNORECASE,
)


_PHRASES_LOWER = guarded(lowercase_twin(_PHRASES))  # searched over every sentence
_QUALIFIED = re.compile(
    r"\b(?:more\s+than|less\s+than|fewer\s+than|over|nearly|almost|about|around|roughly|"
    r"at\s+least|under|just\s+over|just\s+under|some)\s+$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹₪₽₺]|\b[A-Z]{2,3})\s?$")
# "1.5m people" is millions even without a currency: a plural noun follows.
_COUNTED_AFTER = re.compile(r"\s+(?:of\b|(?:[a-z]+\s+){0,4}(?:people|children|[a-z]{2,}[^s\s]s)\b)")
_GLUED = re.compile(r"[A-Za-z]+")
_GLUED_UNITS = frozenset(GLUED_UNITS) | {"k", "deg"}  # "2.14degF", "1.19deg C"
_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | frozenset(SCALE_WORDS)
_WORD = re.compile(r"[A-Za-z]+")
_AND_A_HALF = re.compile(r" and a half\b", re.IGNORECASE)
# A number word as _spelled's tokens (runs of letters) see it.
_ANY_NUMBER_WORD = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(_NUMBER_WORDS)})(?![A-Za-z])", re.IGNORECASE
)
_ANY_NUMBER_WORD_LOWER = lowercase_twin(_ANY_NUMBER_WORD)
_MORE_WORDS = re.compile(rf"(?:\s+and\s+|[\s-])(?:{alternation(_NUMBER_WORDS)})\b", re.IGNORECASE)


def scan(text: str) -> list[Number]:
    """Every number in ``text``, in order, none overlapping.

    >>> [(n.value, n.kind) for n in scan("At least 27,840 killed, 1.2 million fled, dozens hurt")]
    [(27840.0, 'digits'), (1200000.0, 'digits'), (24.0, 'vague')]
    >>> [n.value for n in scan("twenty-seven thousand people and a dozen more; 3bn; ٢٠")]
    [27000.0, 12.0, 3000000000.0, 20.0]
    """
    norm = ascii_digits(text)
    found: list[Number] = [*_dozens(norm), *_phrases(norm)]
    taken = _Spans((n.start, n.end) for n in found)
    for num in _digits(norm):
        if taken.add(num.start, num.end):
            found.append(num)
    for num in _spelled(norm):
        if taken.add(num.start, num.end):
            found.append(num)
    found.sort(key=lambda n: n.start)
    return found


class _Spans:
    """Disjoint spans kept sorted: adding one that overlaps none costs a bisection, not a
    pass over every span taken (a sentence of 10,000 numbers was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps a span taken; True when taken."""
        i = bisect.bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return False  # the span starting before runs into this one
        if i < len(self.starts) and self.starts[i] < end:
            return False  # this one runs into the next
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


# "two dozen people", "3 dozen eggs": twelve times the number (not "dozens", vague).
_DOZEN = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]dozen\b(?![\w-])",
    re.IGNORECASE,
)


def _dozens(text: str) -> list[Number]:
    """ "Two-dozen people" is 24, one number (``scan`` had read 2 and no dozen).

    >>> [(n.value, n.kind) for n in _dozens("Two-dozen people and 3 dozen eggs")]
    [(24.0, 'words'), (36.0, 'words')]
    """
    out: list[Number] = []
    if "ozen" not in text and "OZEN" not in text:  # a substring test spares most sentences
        return out
    for m in _DOZEN.finditer(text):
        n = m.group("n")
        value = 12.0 * (float(n) if n.isdigit() else float(text2num(n.lower(), "en")))
        out.append(Number(m.start(), m.end(), value, 12.0, "words"))
    return out


def _phrases(text: str) -> list[Number]:
    out = []
    found = _PHRASES_LOWER.finditer(text.lower()) if text.isascii() else _PHRASES.finditer(text)
    for m in found:  # its groups are read lowercased, its offsets are the text's
        key = " ".join(m.group(0).lower().split())
        if m.group("vague"):
            low, high = VAGUE[key]
            out.append(Number(m.start(), m.end(), float(low), 1.0, "vague", high=float(high)))
        elif m.group("num"):
            num = NUMERATORS[m.group("num").lower()]
            den = DENOMINATORS[m.group("den").lower()]
            if num < den:  # "four-fifths"; "five thirds" is no share
                out.append(Number(m.start(), m.end(), 100 * num / den, 0.1, "share"))
        elif m.group("one"):
            if _QUALIFIED.search(text, max(0, m.start() - 16), m.start()):
                out.append(Number(m.start(), m.end(), 1.0, 1.0, "words"))
        elif m.group("count"):
            if (
                key.startswith("a ")
                and key.split()[-1] in SCALE_WORDS
                and _MORE_WORDS.match(text, m.end())
            ):
                continue  # "a hundred and fifty-four", "a hundred thousand": one spelled number
            value = float(WORD_COUNTS[key])
            out.append(Number(m.start(), m.end(), value, value_step(value), "words"))
        else:
            out.append(Number(m.start(), m.end(), FRACTIONS[key], 0.1, "share"))
    return out


def _digits(text: str) -> list[Number]:
    out = []
    for m in _DIGITS.finditer(text):
        # the groups read below, in one call (one each was a tenth of this loop)
        raw, minus, exp_digits, wden, den_digits, mag_word = m.group(
            "num", "minus", "exp", "wden", "den", "mag"
        )
        value = parse_digits(raw)
        if value is None or math.isinf(value):
            continue
        if text[m.start()] in "-\u2212" or minus:
            value = -value
        step = written_step(raw)
        if exp_digits:
            exp = int(exp_digits) * (-1 if text[m.start("exp") - 1] in "-\u2212" else 1)
            value, step = float(f"{value!r}e{exp}"), float(f"{step!r}e{exp}")
        if wden:
            whole, part = int(m.group("wnum")), int(wden)
            if whole >= part:
                continue  # "5 3/2": no mixed number
            value, step = value + whole / part, 1 / part
        elif den_digits:
            # "1/2 pound", "1/16 of a pint": a fraction, unless it reads as a date (8/2).
            den = int(den_digits)
            if den == 0 or value >= den or (value <= 31 and den <= 12 and den not in (2, 4, 8)):
                continue
            value, step = value / den, 0.01
        end = m.end()
        magnitude = 1.0
        if mag_word:
            # "$5m" and "1.5m people" are millions; "5 m" and "100m" alone are metres.
            if (
                mag_word in {"m", "b"}
                and (
                    m.group("sp")
                    or not (
                        _CURRENCY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
                        or _COUNTED_AFTER.match(text, m.end())
                    )
                )
            ) or (mag_word == "B" and m.group("sp")):
                end = m.end("num")
            else:
                for word in mag_word.lower().split():
                    magnitude *= MAGNITUDE_SUFFIXES.get(word, SCALE_WORDS.get(word, 1.0))
        glued = _GLUED.match(text, end)
        if glued and (glued.group(0).lower() not in _GLUED_UNITS or glued.group(0) == "G"):
            continue  # "1990s", "737MAX", "3D", "10am", "5G": letters glued on make it no count
        out.append(
            Number(
                m.start(), end, value * magnitude, step * magnitude, "digits", magnitude=magnitude
            )
        )
    return out


def _spelled(text: str) -> list[Number]:
    """Runs of number words joined by spaces, hyphens, or "and" after a scale word.

    Written here rather than by regex alone because "two and three" is two numbers
    while "one hundred and five" is one; text2num then computes the value (word2number read
    "one million two hundred thousand" as 1,201,200).
    """
    if text.isascii():
        spelled = _ANY_NUMBER_WORD_LOWER.search(text.lower())
    else:
        spelled = _ANY_NUMBER_WORD.search(text)
    if not spelled:
        return []  # most sentences spell no number: one regex pass instead of a word loop
    if text.isascii():  # lowercased once: the same offsets
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text.lower())]
    else:
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    out: list[Number] = []
    i = 0
    while i < len(words):
        # "a hundred and fifty-four" starts at "a", read as "one".
        article = (
            words[i][2] == "a"
            and i + 1 < len(words)
            and words[i + 1][2] in SCALE_WORDS
            and text[words[i][1] : words[i + 1][0]] == " "
        )
        if not article and (words[i][2] not in _NUMBER_WORDS or words[i][2] in SCALE_WORDS):
            i += 1
            continue
        j = i + 1 if article else i
        while j + 1 < len(words):
            gap = text[words[j][1] : words[j + 1][0]]
            nxt = words[j + 1][2]
            if gap in (" ", "-") and nxt in _NUMBER_WORDS:
                j += 1
            elif (
                gap == " "
                and nxt == "and"
                and words[j][2] in SCALE_WORDS
                and j + 2 < len(words)
                and words[j + 2][2] in _NUMBER_WORDS
                and text[words[j + 1][1] : words[j + 2][0]] == " "
            ):
                j += 2
            else:
                break
        phrase = " ".join(w[2] for w in words[i : j + 1])
        if article:
            phrase = "one" + phrase[1:]
        try:
            value = float(text2num(phrase, "en"))
        except ValueError:
            i = j + 1
            continue
        end = words[j][1]
        half = _AND_A_HALF.match(text, end)
        if half:  # "two and a half miles"
            value, end = value + 0.5, half.end()
        out.append(Number(words[i][0], end, value, value_step(value), "words"))
        i = j + 1
    return out
