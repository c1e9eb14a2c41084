"""Word tables for figure extraction: number words, qualifiers, vague amounts, units, lexicons.

Kept apart from the grammar so that a fact-checker can extend a table (a new
unit, a new casualty verb) without reading a regular expression.  Every key is
lowercase; lookups lowercase the text first.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable
from typing import Any, Final

from compare.types import Qualifier


def words(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated words, the readable way to keep long lists."""
    return frozenset(text.split())


def alternation(items: Iterable[str]) -> str:
    """A table's words as one regular-expression group: escaped, a space matching any run of
    spaces, of two words where one starts the other the longer tried first (so that "per
    cent" is tried before "per"); never matching when the table is empty.

    >>> print(alternation(["per", "per cent", "percent"]))
    (?:per(?:\\s+cent|cent)?)
    """
    ordered = sorted({_SPACES.sub(" ", w) for w in items} - {""})
    if not ordered:
        return "(?!)"
    if not _caseless(ordered):
        flat = "|".join(_escape(w) for w in sorted(ordered, key=len, reverse=True))
        return f"(?:{flat})"
    pattern = _tree(ordered, 0)
    return pattern if len({w[0] for w in ordered}) > 1 else f"(?:{pattern})"


# A table's words as a prefix tree: "kilometres per hour|kilometres|kilogram" becomes
# "kilo(?:gram|metres(?:\s+per\s+hour)?)". Python's re tries a flat alternation's words one
# by one at every place in the text, and compiles each; the tree is tried letter by letter and
# compiles several times faster (the casualty readings: 8,900 characters of words). Written
# here because no maintained library builds it (trieregex is a one-person package).
# The tree matches what the longest-first alternation matches: a word's continuation is
# tried before the word ends, and words that share no prefix cannot both match in one place.
_SPACES = re.compile(" +")


def _escape(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+")


def _caseless(words: list[str]) -> bool:
    """Whether no two words, or starts of words, differ only by case ("US", "us"): with
    IGNORECASE the longest-first order would decide between branches the tree keeps apart."""
    if all(w == w.lower() for w in words):
        return True
    starts: dict[str, str] = {}
    return not any(
        starts.setdefault(w[:i].lower(), w[:i]) != w[:i]
        for w in words
        for i in range(1, len(w) + 1)
    )


def _tree(words: list[str], depth: int) -> str:
    """The pattern of sorted words that share their first ``depth`` characters."""
    ends = len(words[0]) == depth  # the shortest sorts first
    rest = words[1:] if ends else words
    branches = []
    for _, grouped in itertools.groupby(rest, key=lambda w: w[depth]):
        group = list(grouped)
        # One branch as far as its words agree: the first and last sorted agree least, and a
        # word ending on the way is the first.
        end = len(os.path.commonprefix([group[0], group[-1]]))  # noqa: RUF071 (letters wanted)
        branches.append(_escape(group[0][depth:end]) + _tree(group, end))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


# Number words; used only to find where a spelled-out number starts and ends
# (text2num computes the value).
UNITS_WORDS: Final = words(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen
    """
)
TENS_WORDS: Final = words(
    """
    twenty thirty forty fifty sixty seventy eighty ninety
    """
)
SCALE_WORDS: Final[dict[str, float]] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Abbreviated magnitudes glued to or following digits: "3bn", "$5m", "1.2 million".
MAGNITUDE_SUFFIXES: Final[dict[str, float]] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}

# Counts that are words but not number words.
WORD_COUNTS: Final[dict[str, float]] = {
    "a dozen": 12,
    "half a dozen": 6,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1e6,
    "a billion": 1e9,
    "half a million": 5e5,
    "half a billion": 5e8,
    "a quarter of a million": 2.5e5,
}

# Fractions read as shares in percent ("less than half of aid trucks" = < 50 %).
FRACTIONS: Final[dict[str, float]] = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "one-quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
    "a fourth": 25.0,
    "one fourth": 25.0,
    "one in three": 100 / 3,
    "one out of three": 100 / 3,
    "one in four": 25.0,
    "one out of four": 25.0,
    "one in five": 20.0,
    "one out of five": 20.0,
    "one in ten": 10.0,
    "one out of ten": 10.0,
    "one-half": 50.0,
    "one sixth": 100 / 6,
    "a sixth": 100 / 6,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "one-fifth": 20.0,
    "a tenth": 10.0,
    "one tenth": 10.0,
}

# Proper fractions in words, "one-fifth" to "nine-tenths", spaced or hyphenated, read as
# shares: "four-fifths of the population" is 80 percent.  Numerator and denominator are
# matched apart (one short pattern, not a hundred alternatives: the scan stays fast).
NUMERATORS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
DENOMINATORS: Final[dict[str, int]] = {
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}

# Vague amounts as the intervals a careful reader would grant; value = low.
VAGUE: Final[dict[str, tuple[float, float]]] = {
    "hundreds of thousands": (2e5, 999_999),
    "tens of thousands": (2e4, 99_999),
    "hundreds of millions": (2e8, 999_999_999),
    "tens of millions": (2e7, 99_999_999),
    "millions": (2e6, 9_999_999),
    "billions": (2e9, 9_999_999_999),
    "thousands": (2000, 9999),
    "hundreds": (200, 999),
    "dozens": (24, 99),
    "scores": (40, 99),
    "several hundred": (300, 999),
    "a few hundred": (200, 500),
    "several thousand": (3000, 9999),
    "a few thousand": (2000, 5000),
    "several million": (3e6, 9_999_999),
    "a few million": (2e6, 5e6),
    "dozens of thousands": (24_000, 99_999),
    "several": (3, 9),
    "a few": (2, 9),
    "a handful": (2, 9),
    "a number of": (2, 20),
}

# Qualifiers written before the number, longest first at match time.
PREFIX_QUALIFIERS: Final[dict[str, Qualifier]] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "greater than or equal to": "at_least",
    "more than or equal to": "at_least",
    "at least or equal to": "at_least",
    "bigger or equal than": "at_least",
    "higher or equal than": "at_least",
    "greater or equal than": "at_least",
    ">=": "at_least",
    "\u2265": "at_least",
    "less than or equal to": "at_most",
    "smaller or equal than": "at_most",
    "lower or equal than": "at_most",
    "less or equal than": "at_most",
    "<=": "at_most",
    "< =": "at_most",
    "\u2264": "at_most",
    "more than": "more_than",
    "greater than": "more_than",
    "larger than": "more_than",
    "bigger than": "more_than",
    "higher than": "more_than",
    "exceed": "more_than",
    "exceeds": "more_than",
    "exceeded": "more_than",
    "surpass": "more_than",
    "surpassed": "more_than",
    "surpasses": "more_than",
    "passes": "more_than",
    "passed": "more_than",
    "tops": "more_than",
    "topped": "more_than",
    "crosses": "more_than",
    "crossed": "more_than",
    # "past" only after a rise: "the toll climbed past 100", not "in the past 24 hours".
    "climbs past": "more_than",
    "climbed past": "more_than",
    "rises past": "more_than",
    "rose past": "more_than",
    "soars past": "more_than",
    "soared past": "more_than",
    "jumps past": "more_than",
    "jumped past": "more_than",
    ">": "more_than",
    "smaller than": "less_than",
    "lower than": "less_than",
    "<": "less_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "in excess of": "more_than",
    "exceeding": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "at most": "at_most",
    "up to": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "a maximum of": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "just under": "less_than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just shy of": "nearly",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "some": "about",
    "approximately": "about",
    "approx.": "about",
    "circa": "about",
    "an estimated": "about",
    "estimated": "about",
    "an approximate": "about",
    "or so": "about",
}
# Written after the number: "300 or more", "30-odd", "500-plus".
SUFFIX_QUALIFIERS: Final[dict[str, Qualifier]] = {
    "or more": "at_least",
    "or so": "about",
    "or fewer": "at_most",
    "or less": "at_most",
    "or greater": "at_least",
    "or higher": "at_least",
    "plus": "at_least",
    "odd": "about",
}

# Casualty concepts: surface word -> canonical concept.  Checked in the words
# around a figure; the canonical names are what the judge aligns on.
CONCEPTS: Final[dict[str, str]] = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "death": "killed",
    "died": "killed",
    "die": "killed",
    "fatalities": "killed",
    "lives": "killed",
    "death toll": "killed",
    "bodies": "killed",
    "slain": "killed",
    "murdered": "killed",
    "massacred": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "hurt": "injured",
    "hostages": "hostages",
    "hostage": "hostages",
    "captives": "hostages",
    "abducted": "hostages",
    "kidnapped": "hostages",
    "held captive": "hostages",
    "displaced": "displaced",
    "fled": "displaced",
    "uprooted": "displaced",
    "refugees": "displaced",
    "detained": "detained",
    "detainees": "detained",
    "prisoners": "detained",
    "imprisoned": "detained",
    "missing": "missing",
    "unaccounted": "missing",
    "arrested": "arrested",
    "arrests": "arrested",
    "homeless": "homeless",
    "without shelter": "homeless",
    "martyrs": "killed",
    "martyred": "killed",
}
# The casualty vocabulary, closed: two different ones never pair, each happens somewhere
# (places matter), and each runs over time (a later different figure is an update).
CASUALTY_CONCEPTS: Final[frozenset[str]] = frozenset(CONCEPTS.values()) | {
    "evacuated",
    "casualties",
}
# What a duration measures: "a 135-day pause", "halt the fighting for 135 days", "two
# years of war".  A duration never counts casualties; pauses of every name compare.
LASTING: Final[dict[str, str]] = {
    "pause": "pause",
    "pauses": "pause",
    "truce": "pause",
    "truces": "pause",
    "ceasefire": "pause",
    "ceasefires": "pause",
    "cease-fire": "pause",
    "cease-fires": "pause",
    "halt": "pause",
    "stop": "pause",
    "lull": "pause",
    "war": "war",
    "fighting": "war",
    "conflict": "war",
    "invasion": "war",
    "offensive": "offensive",
    "bombardment": "bombardment",
    "siege": "siege",
    "blockade": "blockade",
    "occupation": "occupation",
    "captivity": "captivity",
    "detention": "detention",
}
# "We have lost 340 medics" counts deaths; Kyiv's "Russia has lost 63,380 troops" counts
# killed and wounded together, so "lost" says killed only of people who are not fighters.
LOSS_VERBS: Final = words("lost lose loses losing")
FIGHTERS: Final = words(
    "troops soldiers servicemen personnel fighters militants combatants forces men"
)
# Participles that belong to the name of a thing counted: "armoured personnel carriers".
NP_PARTICIPLES: Final = words("armoured armored unmanned guided wheeled tracked")

# Words that open a noun phrase: "the top three seeds", "their 12 stores".
DETERMINERS: Final = words("the a an its their his her our")

# Who is counted.  A plural noun here is a subject, not a concept.
SUBJECTS: Final = words(
    """
    people persons civilians children kids minors women men girls boys babies infants
    teens teenagers youths adolescents toddlers
    soldiers troops servicemen fighters militants combatants officers policemen police
    residents citizens inhabitants villagers nationals migrants refugees patients
    doctors medics nurses journalists reporters workers employees students teachers
    protesters demonstrators settlers prisoners detainees victims passengers pilots
    sailors palestinians israelis gazans ukrainians russians syrians iraqis lebanese
    yemenis americans britons afghans sudanese iranians turks kurds jews muslims
    christians individuals adults elderly others population staff colleagues medics
    paramedics
    """
)

# Verbs that introduce a claimant: "the UN said", "Tel Aviv says", "told Anadolu".
ATTRIBUTION_VERBS: Final = words(
    """
    say says said tell tells told report reports reported write writes wrote announce
    announces announced state states stated claim claims claimed confirm confirms
    confirmed estimate estimates estimated add adds added note notes noted declare
    declares declared insist insists insisted warn warns warned tweet tweets tweeted
    post posts posted allege alleges alleged
    """
)

MONTHS: Final = words(
    """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
# A capitalised label before a number makes it a name, not a count: "Boeing 737", "Article 5".
IDENTIFIER_LABELS: Final = words(
    """
    boeing airbus atr embraer bombardier cessna antonov tupolev sukhoi ilyushin
    iphone galaxy windows playstation xbox pixel model type mark mk
    article resolution section row room flight route highway interstate gate chapter
    page vol volume no number level grade class seat apartment suite unit platform
    channel season episode round stage phase district precinct ward block building camp
    sector zone division brigade battalion regiment squadron fleet corps terminal pier
    lot bus train line tower version covid apollo
    """
)
# Labels that make a name whatever their case: market indices ("S&P 500", "sp 500",
# "FTSE 100"), product lines ("iPhone 11"), "Game 7", "category 4".
CASELESS_LABELS: Final = words(
    """
    iso p sp ftse stoxx nasdaq asx fortune dax nikkei russell cac iphone note game category
    hiv watch big planet part group formula covid sweet catch
    """
)
# Adjectives dropped from a counted noun phrase ("two separate meetings" counts meetings).
NP_ADJECTIVES: Final = words(
    """
    separate different other additional more new old further extra total overall such
    many few various major minor small large big key main top senior several own same
    whole entire full only first last next previous latest recent
    """
)
# Words that end a counted noun phrase: function words and common verbs.
NP_STOP: Final = words(
    """
    of in on at to for with by from into over under after before during since until and
    or but nor while whereas as than that which who whom whose where when if is are was
    were be been being has have had do does did will would can could may might must
    shall should remain remained remains stay stayed there here this these those the a
    an its their his her our your my it they them he she we you i not no so also still
    now then just only even per each every all both either neither according
    against through across via toward towards among between within without upon
    come comes came go goes went
    """
)


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same IGNORECASE pattern without the flag, to run on ASCII text lowercased (the
    same offsets, the same matches: its own letters are all lowercase, so the flag only
    made re try each letter both ways, at twice the cost on every sentence)."""
    own = re.sub(r"\\.|\(\?P<|A-Za-z", "", pattern.pattern)
    if any(c.isupper() for c in own):
        raise ValueError(f"an uppercase letter needs IGNORECASE: {pattern.pattern[:60]}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def substrings(items: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a text where any of the items stands in it, as ``in`` finds them
    (``any(w in text for w in items)`` in one search, no word boundaries, spaces as written).

    >>> bool(substrings(["cut", "lower"]).search("lowered the toll")), substrings([]).pattern
    (True, '(?!)')
    """
    ordered = sorted(set(items), key=len, reverse=True)
    if not ordered:
        return re.compile("(?!)")
    if "" in ordered:
        return re.compile("")  # the empty string stands in every text
    if not any(c.isspace() for w in ordered for c in w):
        # as a prefix tree, searched faster (alternation reads a space as any run of them,
        # so only words without one are given to it)
        return re.compile(alternation(ordered))
    return re.compile("|".join(re.escape(w) for w in ordered))


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""The same pattern, led by a lookahead for the characters a match can start with.

    ``re`` skips the places no match can start by one character test only when a pattern
    starts with a literal or a character class; one that starts with ``\b``, a lookbehind
    or a group of words is tried in full at every place of the text (a search of a sentence
    spent most of its time so).  The lookahead names only characters a match must start
    with, so the matches, their groups and offsets stay the same; a pattern that may match
    the empty string, or whose start ``re`` already skips to, is returned as it is.

    >>> guarded(re.compile(r"\b(?:one|two)\s+of\b")).pattern
    '(?=[\\U0000006f\\U00000074])\\b(?:one|two)\\s+of\\b'
    >>> guarded(re.compile(r"of\s+\d")).pattern, guarded(re.compile(r"\b\w*$")).pattern
    ('of\\s+\\d', '\\b\\w*$')
    """
    text = pattern.pattern
    if _GLOBAL_FLAGS.match(text):
        return pattern  # global flags must lead the pattern: left as written
    try:
        parsed = _PARSER.parse(text, pattern.flags)
        if _COMPILER._get_literal_prefix(parsed, pattern.flags)[0] or (
            _COMPILER._get_charset_prefix(parsed, pattern.flags) is not None
        ):
            return pattern  # re's own start test
        first, empty = _first(parsed.data)
    except (AttributeError, TypeError, ValueError, re.error):
        return pattern  # another Python's parser: no guard, the same matches
    if first is None or empty or not first:
        return pattern
    plain = "".join(c for c in first if not c.startswith("[^"))
    classes = [f"[{plain}]"] if plain else []
    classes += [c for c in first if c.startswith("[^")]
    return re.compile(f"(?={'|'.join(classes)}){text}", pattern.flags)


_GLOBAL_FLAGS: Final = re.compile(r"\(\?[aiLmsux]+\)")
_PARSER: Final = __import__("re._parser").__dict__["_parser"]
_COMPILER: Final = __import__("re._compiler").__dict__["_compiler"]
_CATEGORIES: Final = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D"} | {
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _first(items: list[tuple[Any, Any]]) -> tuple[list[str] | None, bool]:
    """What a sequence of parsed items can start with (class pieces; a piece "[^...]" is a
    whole negated class), and whether it can match the empty string; None: anything."""
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item starts the match
        if name == "LITERAL":
            out.append(_char(av))
            return out, False
        if name == "NOT_LITERAL":
            out.append(f"[^{_char(av)}]")
            return out, False
        if name == "IN":
            piece = _class(av)
            if piece is None:
                return None, False
            out.append(piece)
            return out, False
        if name == "SUBPATTERN":
            _group, add, remove, sub = av
            if add or remove:
                return None, False  # inline flags inside: not read here
            found, empty = _first(sub.data)
        elif name == "ATOMIC_GROUP":
            found, empty = _first(av.data)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            found, empty = _first(sub.data)
            empty = empty or low == 0
        elif name == "BRANCH":
            found, empty = [], False
            for alt in av[1]:
                one, alt_empty = _first(alt.data)
                if one is None:
                    return None, False
                found += one
                empty = empty or alt_empty
        else:
            return None, False  # any character, a back reference...
        if found is None:
            return None, False
        out += found
        if not empty:
            return out, False
    return out, True


def _class(items: list[tuple[Any, Any]]) -> str | None:
    pieces: list[str] = []
    negate = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            pieces.append(_char(av))
        elif name == "RANGE":
            low, high = av
            pieces.append(f"{_char(low)}-{_char(high)}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            pieces.append(_CATEGORIES[str(av)])
        else:
            return None
    return f"[^{''.join(pieces)}]" if negate else "".join(pieces)
