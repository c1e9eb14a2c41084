"""Units written around a number: currency before it, a unit word or hyphenated compound after.

"135-day pause" has the unit day; "3-stage plan" has no unit but counts stages,
so a hyphenated word that is not a unit comes back as the counted noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from compare.extract.resources import alternation
from compare.extract.unit_words import (
    CASED_UNITS,
    CURRENCY_SYMBOLS,
    GLUED_UNITS,
    MAGNITUDE_NOUNS,
    MODIFIERS,
    PER_WORDS,
    RATE_NAMES,
    SCALES,
    UNIT_WORDS,
)

# Codes written before amounts; "PS" is how "£" often survives a lossy text conversion.
_CURRENCY_CODES = {
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "AUD": "AUD",
    "INR": "INR",
    "CAD": "CAD",
    "RM": "MYR",
    "PS": "GBP",
    "Rs": "INR",
    "HK$": "HKD",
    "S$": "SGD",
    "US$": "USD",
    "$US": "USD",
    "$A": "AUD",
    "NZ$": "NZD",
    "AU$": "AUD",
    "C$": "CAD",
    "A$": "AUD",
    "Y=": "JPY",
}
_CURRENCY = re.compile(
    r"(?:(?P<code>(?<![A-Za-z])(?:"
    + "|".join(
        re.escape(c).replace(r"\$", r"\s?\$")
        for c in sorted(_CURRENCY_CODES, key=len, reverse=True)
    )
    + r"))|(?P<sym>"
    + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r"))\s?$"
)
_CURRENCY_ENDS = frozenset(c[-1] for c in [*_CURRENCY_CODES, *CURRENCY_SYMBOLS])
_UNIT = re.compile(
    r"(?P<sp>\s?)(?P<u>" + alternation(UNIT_WORDS) + r"|m)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"-(?P<w>[A-Za-z]+)(?P<tail>-(?:long|old|strong|wide|high|deep))?\b")
_GLUED = re.compile(r"[A-Za-z]+[23\u00b2\u00b3]?(?![A-Za-z0-9])")
# Case-sensitive symbols ("450 Nm", "a 5 W charger", "40 C"): not before a digit, which
# makes "5 W 42nd St" an address.
_CASED = re.compile(r"\s?(?P<u>" + alternation(CASED_UNITS) + r")(?![A-Za-z0-9]|\s\d)")
_CAPITALS = re.compile(r"\s[A-Z]{2}")  # "3 WAR CRIMES": a headline in capitals, no unit
_PER = re.compile(
    # "C$6 (US$4.46) per share": the rate reads past an amount in another currency, and
    # the bracketed amount ends at its bracket.
    r"(?P<aside>\s*\([^()]{1,40}\)|\))?"
    r"(?:\s+(?:per|an?)\s+|\s*/\s*|\s+a-|-a-)(?P<w>"
    + alternation(PER_WORDS)
    + r")s?(?![A-Za-z])(?!\s+(?:ago|earlier|later|before|after|since|from|in\s+advance)\b)",
    re.IGNORECASE,
)
# Units a rate never divides: a share or a count per year is told as its own figure.
_NOT_RATES = frozenset({"percent", "percentage point", "point", "magnitude", "times"})
# "1,200\u20ac", "150 \u00a3": a currency sign after the amount (not "$", which opens the next one).
_SIGN_AFTER = re.compile(r"\s?(?P<s>[\u20ac\u00a3\u00a5\u20b9\u20aa\u20bd\u20ba])")
# "8 or $9", "eight or nine euros": the first amount takes the second's unit.
_ALTERNATIVE = re.compile(
    r"\s+(?:or|to)\s+(?P<c>[$\u20ac\u00a3\u00a5]\s?)?(?P<n>\d[\d,.]*|[a-z]+)(?![\w])"
)
_NUMBER_NAMES = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred""".split()
)
# "four-, five- and six-cylinder engines", "a 7- or 8-inch screen": the hyphen hangs.
_SUSPENDED = re.compile(r"-(?=,\s|\s+(?:or|and|to)\s)")
_SUSPENDED_END = re.compile(r"(?:\d[\d.]*|\b[a-z]+)-(?P<w>[A-Za-z]+)\b")
# "a 50 year-old man", "he is 30 years old": the spaced spellings of an age.
_OLD = re.compile(r"(?:-|\s)old\b")
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
# An index level told with its change in points: "(16,369.03, up 58.06 points)".
_LEVEL_THEN_POINTS = re.compile(r",?\s+(?:up|down)\s+\d[\d,]*(?:\.\d+)?\s+points?\b", re.I)
# A part of an amount told in full right after: "280 million of the 1.5 billion shekels".
_OF_THE_AMOUNT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|a|an)\s+(?:total\s+|planned\s+|promised\s+)?"
    r"(?P<c>[$\u20ac\u00a3\u00a5]\s?)?(?P<n>\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|"
    r"trillion|thousand|bn|m)\b)?)"
)
# A unit told after one word that says which of them ("517 rushing yards", "20 trading
# days", "12 consecutive months", "50 previous years"): the spelled-out plural only.
_MODIFIED_UNIT = re.compile(
    r"\s(?:[a-z]+ing|"
    + alternation(MODIFIERS)
    + r")\s(?P<u>"
    + alternation(w for w in UNIT_WORDS if w.endswith("s") and " " not in w and len(w) > 3)
    + r")(?![A-Za-z0-9])"
)
# A written fraction of one unit: "1/16 of a US pint", "3\u20444 of a mile".
_FRACTION = re.compile(r"\d\s*[/\u2044]\s*\d")
# A number told on a named scale: "a 6.1 on the Richter scale", "between 50 and 70 on the
# GPa scale".
_ON_SCALE = re.compile(r"\s+on\s+the\s+(?P<u>[A-Za-z]+)(?:\s+magnitude)?\s+scale\b")
# "a day or two", "another pick or two": the number counts the thing named just before it,
# when nothing of its own follows.
_ONE_OR = re.compile(r"\b(?:a|an|another|one)\s+(?P<w>[a-z]+)\s+or\s+$")
# Words before "or two" that name no thing: "a dozen or two", "a couple or two".
_NOT_COUNTED = frozenset({"dozen", "couple", "few", "lot", "score", "half", "quarter", "third"})
_NOTHING_AFTER = re.compile(
    r"\s*(?:[.,;:)!?]|$|(?:of|in|on|at|to|for|from|before|after|later|ago|more|and|or|but|"
    r"with|by|until|as|since|earlier)\b)"
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"\s(?P<n>[a-z]+)(?:\s(?P<n2>[a-z]+))?", re.IGNORECASE)


@dataclass(frozen=True, init=False)  # its __init__ below: one is built per number read
class UnitMatch:
    """The unit found after a number, where its words end, and a counted noun if compounded."""

    unit: str | None
    end: int
    counted: str | None = None

    def __init__(self, unit: str | None, end: int, counted: str | None = None) -> None:
        # The frozen dataclass's __init__ sets each field through object.__setattr__.
        self.__dict__.update({"unit": unit, "end": end, "counted": counted})


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency written before the number at ``start`` and where it begins.

    >>> currency_before("worth $5 million", 7), currency_before("a EUR 3bn", 6)
    (('USD', 6), ('EUR', 2))
    >>> currency_before("at RM23.50", 5), currency_before("HK $3.7 billion", 4)
    (('MYR', 3), ('HKD', 0))
    """
    before = text[max(0, start - 6) : start]
    if before.rstrip()[-1:] not in _CURRENCY_ENDS:
        return None  # a code or sign ends the words before (a space at most after it)
    m = _CURRENCY.search(before)
    if m is None:
        return None
    if m.group("code"):
        unit = _CURRENCY_CODES[m.group("code").replace(" ", "")]
    else:
        unit = CURRENCY_SYMBOLS[m.group("sym").lower()]
    return unit, start - (len(m.group(0)))


# "of a percentage point", "of an hour", "of a US gallon" (which gallon is meant).
_OF_ONE = re.compile(r"\s+of\s+an?(?:\s+(?:US|U\.S\.|imperial))?(?=\s)", re.IGNORECASE)


def share_of_unit(text: str, end: int) -> tuple[str, int] | None:
    """The unit a share ending at ``end`` is a share of one of, and where it ends:
    "three-quarters of a percentage point" is 0.75 percentage point, "a quarter of an
    hour" 0.25 hour.

    >>> share_of_unit("by a quarter of a percentage point on Wednesday", 12)
    ('percentage point', 34)
    >>> share_of_unit("a third of a million", 7), share_of_unit("half of the homes", 4)
    (None, None)
    """
    m = _OF_ONE.match(text, end)
    if m is None:
        return None
    u = _UNIT.match(text, m.end())
    if u is None or not u.group("sp"):
        return None
    unit = UNIT_WORDS.get(" ".join(u.group("u").lower().split()))
    return None if unit is None or unit == "percent" else (unit, u.end())


@lru_cache(maxsize=256)  # a range's ends are read again as figures: a quarter repeats
def unit_after(text: str, start: int, end: int, value: float) -> UnitMatch:
    """The unit after a number ending at ``end``.

    >>> unit_after("a 135-day pause", 2, 5, 135)
    UnitMatch(unit='day', end=9, counted=None)
    >>> unit_after("a 3-stage plan", 2, 3, 3)
    UnitMatch(unit=None, end=9, counted='stages')
    >>> unit_after("85% of Gazans", 0, 2, 85)
    UnitMatch(unit='percent', end=3, counted=None)
    >>> unit_after("a 6.1 earthquake", 2, 5, 6.1).unit, unit_after("a 45-year-old man", 2, 4, 45)
    ('magnitude', UnitMatch(unit='year', end=13, counted='age'))
    """
    if _MAGNITUDE_BEFORE.search(text[max(0, start - 12) : start]):
        return UnitMatch("magnitude", end)
    # (a fraction's slash stands in the number's own characters: looked for first)
    if ("/" in text[start:end] or "\u2044" in text[start:end]) and _FRACTION.search(
        text, start, end
    ):
        one = share_of_unit(text, end)
        if one is not None:
            return UnitMatch(*one)  # "1/16 of a US pint" is 0.0625 pint
    dash = text.startswith("-", end)  # what _SUSPENDED and _COMPOUND start with
    hang = _SUSPENDED.match(text, end) if dash else None
    if hang:
        later = _SUSPENDED_END.search(text, hang.end(), hang.end() + 40)
        if later is not None:
            at = later.start("w") - 1
            found = unit_after(text, at, at, value)
            return UnitMatch(found.unit, end, found.counted)  # "four-, five- and six-cylinder"
    m = _COMPOUND.match(text, end) if dash else None
    if m:
        word = m.group("w").lower()
        if word in UNIT_WORDS:
            age = "age" if m.group("tail") == "-old" else None
            return UnitMatch(UNIT_WORDS[word], m.end(), age)
        if word in ("plus", "odd"):
            return UnitMatch(None, end)
        return UnitMatch(None, m.end(), plural(word))
    sign = _SIGN_AFTER.match(text, end)
    if sign:
        return UnitMatch(CURRENCY_SYMBOLS[sign.group("s")], sign.end())
    glued = _GLUED.match(text, end)
    if glued and glued.group(0).lower() in GLUED_UNITS:
        return UnitMatch(GLUED_UNITS[glued.group(0).lower()], glued.end())
    cased = _CASED.match(text, end)
    if cased and not (cased.group("u") == "WAR" and _CAPITALS.match(text, cased.end())):
        return UnitMatch(CASED_UNITS[" ".join(cased.group("u").split())], cased.end())
    m = _UNIT.match(text, end)
    if m:
        raw = " ".join(m.group("u").lower().split())
        if raw == "m" and m.group("sp"):
            return UnitMatch(None, end)  # "5 m" alone is too ambiguous to call metres
        word = UNIT_WORDS.get(raw, "m")
        old = _OLD.match(text, m.end()) if word in _AGE_UNITS else None
        if old is not None:  # "a 50 year-old man", "30 years old": an age, as "50-year-old"
            return UnitMatch(word, old.end(), "age")
        return UnitMatch(word, m.end())
    modified = _MODIFIED_UNIT.match(text, end)
    if modified is not None:
        return UnitMatch(UNIT_WORDS[modified.group("u")], modified.end())
    after = _MAGNITUDE_AFTER.match(text, end) if value < 10 else None
    if (
        after
        and value < 10
        and {after.group("n").lower(), (after.group("n2") or "").lower()} & (MAGNITUDE_NOUNS)
    ):
        return UnitMatch("magnitude", end)
    alt = _ALTERNATIVE.match(text, end)
    if alt and (alt.group("n")[0].isdigit() or alt.group("n") in _NUMBER_NAMES):
        if alt.group("c") and alt.group(0).split()[0] == "to":
            return UnitMatch(None, end)  # "$3 billion to $5 billion" is a range: grouped later
        spelled = currency_before(text, alt.start("n")) if alt.group("c") else None
        if spelled is not None:
            return UnitMatch(spelled[0], end)  # "8 or $9"
        if not alt.group("c"):
            unit = unit_after(text, alt.start("n"), alt.end("n"), value).unit
            if unit is not None:
                return UnitMatch(unit, end)  # "eight or nine euros", "from 4.8 to 4.7 percent"
    if _LEVEL_THEN_POINTS.match(text, end):
        return UnitMatch("point", end)
    part = _OF_THE_AMOUNT.match(text, end)
    if part is not None:  # "raised 280 million of the 1.5 billion shekels it needs"
        whole = part.group("n")
        at = part.start("n")
        if part.group("c"):
            spelled = currency_before(text, at)
            return UnitMatch(spelled[0] if spelled else None, end)
        return UnitMatch(unit_after(text, at, at + len(whole), value).unit, end)
    scale = _ON_SCALE.match(text, end)
    if scale is not None:
        name = scale.group("u")
        unit = SCALES.get(name.lower()) or CASED_UNITS.get(name) or UNIT_WORDS.get(name.lower())
        if unit is not None:
            return UnitMatch(unit, end)  # "between 50 and 70 on the GPa scale"
    lo = max(0, start - 30)
    alone = _ONE_OR.search(text, lo, start) if text.find("or", lo, start) >= 0 else None
    if alone is not None and _NOTHING_AFTER.match(text, end):
        word = alone.group("w")
        if word in UNIT_WORDS:
            return UnitMatch(UNIT_WORDS[word], end)  # "a day or two"
        if word not in _NUMBER_NAMES and word not in _NOT_COUNTED:
            return UnitMatch(None, end, plural(word))  # "another pick or two"
    return UnitMatch(None, end)


def rate(text: str, end: int, unit: str | None) -> tuple[str, int] | None:
    """A unit divided by what follows it, and where the rate's words end: "$52 a barrel"
    is USD/barrel, "63 cents per share" cent/share, "40 hours a week" hour/week.  Not
    "$5m a year ago" (a date), and never a count or a share ("98 a day" counts people).

    >>> rate("at $52 a barrel in", 6, "USD"), rate("$14.95 a month", 6, "USD")
    (('USD/barrel', 15), ('USD/month', 14))
    >>> rate("$5m a year ago", 3, "USD"), rate("98 a day", 2, None), rate("5% a year", 2, "percent")
    (None, None, None)
    """
    if unit is None or unit in _NOT_RATES or "/" in unit:
        return None
    m = _PER.match(text, end)
    if m is None:
        return None
    per = PER_WORDS[" ".join(m.group("w").lower().split())]
    if per == unit:
        return None
    name = f"{unit}/{per}"
    # Past an aside, the figure's words still end before it: only the unit changes.
    return RATE_NAMES.get(name, name), end if m.group("aside") else m.end()


def plural(word: str) -> str:
    """The plural a counted compound stands for: "3-stage plan" counts stages.

    >>> plural("stage"), plural("party"), plural("match"), plural("day")
    ('stages', 'parties', 'matches', 'days')
    >>> plural("fifths"), plural("bus"), plural("class")
    ('fifths', 'buses', 'classes')
    """
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word  # already plural: "four-fifths" must not become "fifthses"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
