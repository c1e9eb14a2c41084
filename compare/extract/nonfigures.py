"""Numbers that are not figures: years, dates, times, ordinals, names, numbering, phones.

A year read as a count becomes a false discrepancy in front of a fact-checker,
so each rule here errs towards dropping only what a reader would never compare.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from compare.extract.numbers import Number
from compare.extract.resources import (
    CASELESS_LABELS,
    IDENTIFIER_LABELS,
    MONTHS,
    SUBJECTS,
    alternation,
    lowercase_twin,
)
from compare.extract.unit_words import UNIT_WORDS
from compare.extract.vocab import Vocabulary, table_words, vocabulary

_MONTH = alternation(MONTHS)
_MONTH_BEFORE = re.compile(
    rf"\b(?:{_MONTH})\.?\s+(?:the\s+)?(?:\d{{1,2}}\s?[-\u2013]\s?)?$", re.IGNORECASE
)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"^(?::\d\d|\s?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT\b|UTC\b|local time))",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(
    r"(?=[+(\d])"  # every phone starts so: the scan skips other places at once
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\d{2,4}[.-]\d{3,4}[.-]\d{3,4})"
    r"|\+\d{1,3}[\s\d]{8,}\d"
)
_MODEL_BEFORE = re.compile(r"\b(?:[A-Z][A-Za-z]*|[A-Z]{2,}\s)-$")  # F-16, MiG-29, COVID -19
# "737 Max", "iPhone 11 Pro", "90049 ZIP Code", "575 Wilbraham Road": names and addresses.
_NAME_AFTER = re.compile(
    r"^\s(?:Max|MAX|Pro|Ultra|Plus|Mini|Dreamliner|ZIP|Series|[A-Z]\s\d)\b"
    r"|^\s[NSEW]\.?\s\d+(?:st|nd|rd|th)\b"  # "9 E 71st St", "5 W. 42nd Street"
    r"|^\s(?:[A-Z][a-z]+\.?\s){1,3}(?:Road|Rd|St|Street|Ave|Avenue|Way|Lane|Drive|Blvd)\b"
)
_ROUND_BEFORE = re.compile(r"\blast-$|\b(?:second|first|other)\s$", re.IGNORECASE)  # "last-32"
_YEAR_CONTEXT = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]etween|and|circa|c\.|A\.D\.|AD)\s$"
)
_COUNT_CONTEXT = re.compile(
    r"\b(?:about|around|approximately|nearly|almost|some|least|than|over|under)\s$", re.IGNORECASE
)
# A result, not a range: "beat Charlton 2-1", "tied at 89-89", "a 9-2 lead".
_SCORE = re.compile(r"(?<![\w.,$-])\d{1,3}[-\u2013]\d{1,3}(?![\w%-]|[.,]\d)")
_SCORE_BEFORE = re.compile(
    r"\b(?:aged|ages|between|from|of|about|around|roughly|some|approximately|nearly)\s$",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:[a-z]{2,}[^s\s]s|people|children|years?|days?)\b")
_WORD_AFTER = re.compile(r"\s?([A-Za-z%]+)")
# A ratio told as "N-for-M", not two counts: "a ten-for-one stock split", "went 3-for-4",
# "a two-for-one offer".
_FOR_AFTER = re.compile(r"^[-\u2010\u2011]for[-\u2010\u2011]\w", re.IGNORECASE)
# (6 characters, 7 with a newline: searched in the last 7 of the words before)
_FOR_BEFORE = re.compile(r"\w[-\u2010\u2011]for[-\u2010\u2011]$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her|this|last|next)|\w+(?:['\u2019]s|s'?))\s$"
)
_LABEL_BEFORE = re.compile(r"\b(?P<label>[A-Za-z]+)\.?\s+#?$")
_NUMBERING_BEFORE = re.compile(r"(?:^|\n)\s*[(\[]?$|\b(?:no|nos|number)\.?\s*$|#$", re.IGNORECASE)
_NUMBERING_AFTER = re.compile(r"^[.)\]]\s")
_AGE_NAME = re.compile(
    r"[A-Z][\w'\u2019.-]+,\s*(?:now\s+|aged\s+|also\s+|both\s+)?$"
)  # "Fields Jr., 20,", "Ana Ruiz, also 18."
# A broadcaster's call letters before its channel number: "WAFB 9", "KSLA-TV 12", "WPSD
# Local 6" (a capitalised word of its name between).
_CALL_LETTERS = re.compile(r"\b[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?\s+(?:[A-Z][a-z]+\s+)?$")
# Ages told otherwise: "adults older than 65", "his mother, who was 72.", "He was 17 at the
# time", "Rittenhouse, now 18,".
_AGE_BEFORE = re.compile(
    r"\b(?:(?:older|younger)\s+than|(?:at|by|from|until|till|over|under|above|below)\s+"
    r"(?:the\s+)?age\s+(?:of\s+)?|aged|ages)\s*$"
    r"|\b(?:who|he|she)\s+(?:is|was|turned)\s+$|,\s*now\s+$",
    re.IGNORECASE,
)
# An age as a bound on people is always an age: "five people under the age of 19 were...",
# "those older than 65 may vote" (a bare "the age of 64 is" may be a policy's figure).
_AGE_BOUND_BEFORE = re.compile(
    r"\b(?:(?:older|younger)\s+than|(?:over|under|above|below)\s+(?:the\s+)?age\s+(?:of\s+)?)\s*$",
    re.IGNORECASE,
)
# An age range: "women aged 25 to 54", "children aged 5-11".
_AGED_RANGE_BEFORE = re.compile(r"\b(?:aged|ages)\s+\d{1,3}\s*(?:to|-|\u2013|and)\s*$", re.I)
_AGED_RANGE_AFTER = re.compile(r"^\s*(?:to|-|\u2013|and)\s*\d{1,3}\b")
_AGE_AFTER = re.compile(r"^\s*(?:[.,;)]|$|at\s+the\s+time\b|years?\s+old\b|and\s+(?:older|over)\b)")
# Gallery furniture: "Image 1 of 10", "Photo 3 of 12".
_GALLERY = re.compile(r"\b(?:image|photo|picture|slide|graphic)\s+(?:\d+\s+of\s+)?$", re.IGNORECASE)
_AGE_BOUND_LOWER = lowercase_twin(_AGE_BOUND_BEFORE)
_AGE_BEFORE_LOWER = lowercase_twin(_AGE_BEFORE)
_GALLERY_LOWER = lowercase_twin(_GALLERY)
# Emergency numbers one calls: "called 911", "dial 999".
_CALLED = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?)\s+$", re.IGNORECASE)
# A time reference, not an amount: "two weeks ago", "four days after the collapse", "the
# three months to 30 September", "the last three months of 2022", "in the 12 months to June".
_WHEN_AFTER = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)\s+"
    r"(?:ago\b|earlier\b|after\s+(?:the|a|an|its|his|her)\b|before\s+(?:the|a|an)\b"
    r"|to\s+(?:\d|the\s+end|end|[A-Z])|ended\b|ending\b|through\b|of\s+(?:19|20)\d\d)",
)
_NOUN_AFTER = re.compile(r"\s+(?!of\b)[a-z]{3,}")
_OLDER = re.compile(r"\b(?:older|younger)\s+than\s+$", re.IGNORECASE)
# "a sixth charge", "a third term": an ordinal, not a share.
_ORDINAL_SHARE = re.compile(r"^a\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d\d\s?[-\u2013/]\s?$")
_DECADE_AFTER = re.compile(r"^'?s\b")
# A number word that numbers a point of a speech: "… Two, you shouldn't have", "Three, we
# need"; the pronoun opens the point's own clause (not "Two, he said, were hurt").
_POINT_AFTER = re.compile(
    r"^,\s+(?:you|we|they|I|it|there)\s+(?!(?:said|say|says|told|added|believe|think)\b)\w",
    re.IGNORECASE,
)
_POINT_BEFORE = re.compile(r"(?:^|[.!?;:\u2026\u201c\"]\s*)$")
_ONE_BEFORE = re.compile(
    r"\b(?:no|the|any|every|each|that|this|which|someone|anyone|same)\s+$", re.I
)
_ONE_AFTER = re.compile(
    r"^(?:\s+(?:of|another|by|or\s+(?:another|the\s+other))\b|'s|\s*$|\s+\d)", re.I
)


# Compiled once (these were compiled-cache lookups on every number of every sentence).
_MONEY_BEFORE = re.compile(r"[$€£¥]\s?$")
_WORD_NEXT = re.compile(r"\s+([A-Za-z]+)")
_DATE_AFTER = re.compile(r"^[/.]\d")
_DATE_BEFORE = re.compile(r"\d[/.]$")  # searched in the last 4 characters (3, and a newline)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent)")
_SHIRT_BEFORE = re.compile(r"[A-Z]\w+\s\($")
_NUMBER_BEFORE = re.compile(r"\b(?:no|nos|number)\.?\s*$|#$", re.IGNORECASE)
_AGE_END_AFTER = re.compile(r"^\s*(?:,|\.(?:\s|$)|$)")
_AGE_HEADLINE = re.compile(r"-(?:Year|Month|Week)s?-Old\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-Z][\w]*\s$")
# A toll's word right after a number word: "One dead, three wounded".
_TOLL_AFTER = re.compile(r"\s+(?:dead|killed|hurt|injured|wounded)\b", re.IGNORECASE)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Where phone numbers stand, so that their digits are never read as counts.

    >>> phone_spans("Call +1 555-123-4567 or (02) 9876 5432.")
    [(5, 20), (24, 38)]
    """
    if "+" not in text and "(" not in text and _PHONE_HINT.search(text) is None:
        return []  # no "+", no "(" and no "555-123-4": no phone can stand in the text
    return [m.span() for m in _PHONE.finditer(text)]


# What a phone written without "+" or "(" holds (its digit groups joined by "." or "-").
_PHONE_HINT = re.compile(r"\d[.-]\d{3,4}[.-]\d")


@lru_cache(maxsize=64)
def _phone_index(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Phone spans of a text, found once per text rather than once per number in it."""
    spans = phone_spans(text)
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def _in_phone(at: int, text: str) -> bool:
    starts, ends = _phone_index(text)
    if not starts:
        return False
    i = bisect.bisect_right(starts, at)
    return bool(i) and at < ends[i - 1]


def is_year(num: Number, text: str) -> bool:
    """A bare four-digit number from 1500 to 2099 that no unit or noun follows as its count.

    >>> from compare.extract.numbers import scan
    >>> t = "a war in 2006 and 2000 people fled; 2023-24"
    >>> [(n.value, is_year(n, t)) for n in scan(t)]
    [(2006.0, True), (2000.0, False), (2023.0, True), (24.0, True)]
    """
    raw = text[num.start : num.end]
    before = text[max(0, num.start - 8) : num.start]
    if (
        num.kind == "digits"
        and len(raw) in (2, 4)
        and before.rstrip()[-1:] in ("-", "\u2013", "/")  # the pattern's dash or slash
        and _YEAR_BEFORE.search(before)
    ):
        return not _counted_after(text, num.end)  # "2023-24", not "2000 - 2500 calories"
    if num.kind != "digits" or not (len(raw) == 4 and raw.isdecimal()):  # re's \d{4}
        return False
    if not 1000 <= num.value <= 2199:
        return False
    if _MONEY_BEFORE.search(before):
        return False
    if _COUNT_CONTEXT.search(before):
        return False  # "about 2000 - 2500 calories"
    if num.value < 1900 and not _YEAR_CONTEXT.search(before):
        return False  # "an average of 1500" is a count; "in 1848" a year
    after = text[num.end : num.end + 30]
    m = _WORD_NEXT.match(after)
    if m is None or m.group(1)[0].isupper() or _DETERMINER_BEFORE.search(before):
        return True  # "the 2003 Iron Bowl", "Keytruda's 2018 sales"
    return not _counted_after(text, num.end)


def _counted_after(text: str, end: int) -> bool:
    """Whether a plural noun or a unit follows: "2000 people" and "1500 km" are counts;
    "2006 war" or "2024 election" are years."""
    m = _WORD_NEXT.match(text[end : end + 30])
    if m is None:
        return False
    word = m.group(1).lower()
    counted = word.endswith("s") and word not in ("was", "is", "has", "as", "its", "this")
    return counted or word in UNIT_WORDS or word in SUBJECTS


def not_a_figure(num: Number, text: str) -> bool:
    """True when a number is a date, time, ordinal, name, list item or phone number.

    >>> from compare.extract.numbers import scan
    >>> t = "On October 7 at 10:30, one of 2 F-16 jets and Boeing 737 hit Article 5 in 2006."
    >>> [text for n in scan(t) if not not_a_figure(n, t) for text in [t[n.start:n.end]]]
    ['2']
    """
    before = text[max(0, num.start - 40) : num.start]
    after = text[num.end : num.end + 20]
    raw = text[num.start : num.end]
    if is_year(num, text):
        return True
    if num.kind == "digits":
        if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or before.endswith(":"):
            return True
        if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before, max(0, len(before) - 4)):
            return True  # 8/2/2024, 08.02.2024
        if (
            num.value <= 31
            and 0 < len(raw) <= 2
            and raw.isdecimal()  # re's \d{1,2}
            and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after))
        ):
            return True
        if before.endswith(("-", "-\n")) and _MODEL_BEFORE.search(before):  # it ends so
            return True
        label = _LABEL_BEFORE.search(before) if _may_be_label(before) else None
        name = label.group("label") if label else ""
        if (
            (name[:1].isupper() and name.lower() in IDENTIFIER_LABELS)
            or name.lower() in CASELESS_LABELS
        ) and not _PERCENT_AFTER.match(after):
            return True
        if _NAME_AFTER.match(after) or _round_before(before) or _is_score(num, text):
            return True
        if before.endswith("(") and after.startswith(")") and _SHIRT_BEFORE.search(before):
            return True  # "Dak Prescott (4)": a shirt number
        if _NUMBERING_AFTER.match(after) and _NUMBERING_BEFORE.search(before):  # cheap one first
            return True
        last = before.rstrip()[-1:]  # the pattern's last letter, when it can match at all
        if last and last in "oOsSrR.#\u017f" and _NUMBER_BEFORE.search(before):
            return True
        if (
            "," in before
            and _AGE_NAME.search(before)
            and _AGE_END_AFTER.match(after)
            and num.value < 120
        ):
            return True
        if _AGE_HEADLINE.match(after) and after[1].isupper():
            return True  # a headline's "10-Year-Old Girl": an age, in title case
        if _broadcaster(before):
            return True  # "Action News 5", "FOX Carolina 21": a station, not a count
        if _in_phone(num.start, text):
            return True
    if num.kind == "share" and _round_before(before):
        return True  # "the second half of the game"
    if num.kind == "share" and _ORDINAL_SHARE.match(raw) and _NOUN_AFTER.match(after):
        return True
    if num.kind in ("digits", "words") and _told_otherwise(num, raw, text, before, after):
        return True
    if num.kind in ("digits", "words") and (
        _FOR_AFTER.match(after) or _FOR_BEFORE.search(before, max(0, len(before) - 7))
    ):
        return True  # "a ten-for-one stock split": a ratio
    if (
        num.kind == "words"
        and raw[0].isupper()
        and _POINT_AFTER.match(after)
        and _POINT_BEFORE.search(before)
    ):
        return True  # "... number one rule ... Two, you shouldn't": the second point
    if (
        num.kind == "words"
        and raw[0].isupper()
        and _NAME_BEFORE.search(before)
        and not _TOLL_AFTER.match(after)
    ):
        return True  # "BBC One", "Formula One": a number word inside a name (not "Local
        # News One dead, three wounded": a page's label before a toll)
    if num.kind == "words" and raw[0].isupper() and _name_opened(text, before, after):
        return True  # "outside the Four Points Sheraton", "Three Rivers Hospital": a name
    return raw.lower() == "one" and bool(_ONE_BEFORE.search(before) or _ONE_AFTER.match(after))


def _name_opened(text: str, before: str, after: str) -> bool:
    """Whether a capitalised number word inside a sentence opens a name: a capitalised word
    follows and the sentence is no headline in title case ("Two Killed In Crash").

    >>> t = "It happened outside the Four Points Sheraton."
    >>> _name_opened(t, "It happened outside the ", " Points Sheraton.")
    True
    >>> t = "Police said Two Killed In Crash was the headline."
    >>> _name_opened("Two Killed In Crash At Mall", "", " Killed In Crash")
    False
    """
    tail = before.rstrip()
    if (
        not tail
        or tail[-1] in ".!?:;\"'\u201c\u2018(-\u2013\u2014"
        or not re.match(r"\s[A-Z][a-z]", after)
    ):
        return False
    # not a headline in title case: a lowercase word of four letters or more says so
    return any(w[0].islower() for w in re.findall(r"[A-Za-z]{4,}", text))


def _may_be_label(before: str) -> bool:
    """Whether the last word before a number (or the one before a "#") ends in one of the
    labels read below: only then can ``_LABEL_BEFORE`` find one of them (its label is that
    word's last run of letters)."""
    tail = before.rsplit(None, 2)[-2:]
    if tail[-1:] == ["#"]:
        tail = tail[:-1]
    return bool(tail) and tail[-1].lower().rstrip(".").endswith(_LABEL_ENDS)


_LABEL_ENDS = tuple(sorted({w.lower() for w in IDENTIFIER_LABELS | CASELESS_LABELS}))


def _round_before(before: str) -> bool:
    """``_ROUND_BEFORE`` searched only where a match can start: it spans at most 7
    characters and its $ may stand before a last newline (its \\b still sees the
    character before where the search starts)."""
    return _ROUND_BEFORE.search(before, max(0, len(before) - 8)) is not None


def _broadcaster(before: str) -> bool:
    """Whether the words before a number name a broadcaster ("Newschannel 6", "WAFB 9"):
    call letters, or a capitalised word of the vocabulary's [not_figures] broadcasters
    within the two words before it ("FOX Carolina 21")."""
    if ("K" in before or "W" in before) and _CALL_LETTERS.search(before):  # its first letter
        return True
    names = _broadcasters(vocabulary())
    tail = before.rsplit(None, 2)[-2:]  # the last two words: before.rstrip().split()[-2:]
    return bool(tail) and tail[-1][:1].isupper() and any(w.lower() in names for w in tail)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _broadcasters(vocab: Vocabulary) -> frozenset[str]:
    return table_words(vocab, "not_figures", "broadcasters")


def _told_otherwise(num: Number, raw: str, text: str, before: str, after: str) -> bool:
    """Ages, time references, gallery furniture and phrases that only look like counts."""
    if _WHEN_AFTER.match(text, num.end, num.end + 40):
        return True
    # ASCII words lowercased meet the same patterns without IGNORECASE, at half the cost.
    low = before.lower() if before.isascii() else None
    # Each of those patterns ends in one of its own words and then spaces only: where the
    # words before end otherwise, none can match (told for ASCII text, lowercased).
    last = low.rstrip() if low is not None else None
    if num.value < 120 and _ending(_AGE_BOUND_BEFORE, _AGE_BOUND_LOWER, before, low, last):
        return True
    if num.value < 120 and _ending(_AGE_BEFORE, _AGE_BEFORE_LOWER, before, low, last):
        return bool(
            _AGE_AFTER.match(after) or _OLDER.search(before) or _AGED_RANGE_AFTER.match(after)
        )
    if num.value < 120 and (low is None or "age" in low) and _AGED_RANGE_BEFORE.search(before):
        return True  # (its "aged" or "ages" looked for first in ASCII text)
    if num.value in (911, 999, 112) and _CALLED.search(before):
        return True
    if raw.lower() == "one" and after.startswith(" point") and before.endswith("at "):
        return True  # "at one point"
    return _ending(_GALLERY, _GALLERY_LOWER, before, low, last)


# The words each pattern searched by _ending can end with, spaces after them aside.
_LAST_WORDS = {
    _AGE_BOUND_LOWER: ("than", "age", "of"),
    _AGE_BEFORE_LOWER: ("than", "age", "of", "aged", "ages", "is", "was", "turned", "now"),
    _GALLERY_LOWER: ("image", "photo", "picture", "slide", "graphic", "of"),
}


def _ending(
    pattern: re.Pattern[str],
    lower: re.Pattern[str],
    before: str,
    low: str | None,
    last: str | None = None,
) -> bool:
    """``pattern.search(before)``, by its lowercase twin when ``low`` is ``before`` lowercased
    (``last``: ``low`` without the spaces it ends with, to skip the search where the twin's
    last words do not end it)."""
    if low is None:
        return pattern.search(before) is not None
    if last is not None and not last.endswith(_LAST_WORDS.get(lower, ("",))):
        return False
    return lower.search(low) is not None


def _is_score(num: Number, text: str) -> bool:
    """Whether the number is one side of a result such as "2-1" (no unit or noun follows)."""
    lo, hi = max(0, num.start - 4), min(len(text), num.end + 4)
    if "-" not in text[lo:hi] and "\u2013" not in text[lo:hi]:
        return False  # a score's dash stands inside what is searched: no search without one
    for m in _SCORE.finditer(text, lo, hi):
        if m.start() <= num.start and num.end <= m.end():
            before = text[max(0, m.start() - 12) : m.start()]
            if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text, m.end()):
                return False
            unit = _WORD_AFTER.match(text, m.end())  # "14-18 mpg", "5-10%": a range of a unit
            return unit is None or unit.group(1).lower() not in UNIT_WORDS
    return False
