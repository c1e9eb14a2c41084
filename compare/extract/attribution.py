"""Who a sentence says is speaking: the claimant of its figures.

Two shapes cover nearly all news attribution: "according to X" and a speaker
before a reporting verb ("Tel Aviv says", "the UN said", "a source told
Anadolu", '"...," Lapid wrote on X').  The inverted '"...," said the ministry'
is read too.  The speaker is the noun phrase a reader would quote, with a
leading "the" dropped; pronouns are no claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from compare.extract.resources import ATTRIBUTION_VERBS as _SAYING
from compare.extract.resources import DETERMINERS, alternation, words
from compare.extract.vocab import table_words, vocabulary

_WORD = re.compile(r"\w[\w'\u2019-]*(?:\.\w+)*")


def _table(name: str) -> frozenset[str]:
    return table_words(vocabulary(), "attribution", name)


# Verbs by which a source gives a figure: the saying verbs, and the vocabulary's
# ("forecast", "recorded", "measured the quake at", "put the toll at").
_GIVING = _table("verbs")
# Only with "at <amount>" after them: "put the toll at 11,300".
_AT_VERBS = _table("at_verbs")
# Only before "that" or at a clause's end: "..., the assessment found."
_CLOSING = _table("closing_verbs")
ATTRIBUTION_VERBS = _SAYING | _GIVING | _AT_VERBS | _CLOSING
_AT_AMOUNT = re.compile(
    r"[^.;:]{0,60}?\bat\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|magnitude\s+)?"
    r"[$\u20ac\u00a3]?\d"
)
# "Steven McCraw, the department's director, told": a name and its apposition.
_NAME = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]*)"
    r"(?:\s+(?:[A-Z][\w.'\u2019-]*|(?:al|el|de|da|van|von|bin)(?:-[A-Z][\w'\u2019-]*)?))*$"
)
# Adjectives before "state", "report", "count": "the most populous state" is no speaker.
_ADJECTIVE = re.compile(r"(?:ous|est|ern|ive|ic|al|ful|less)$")
# Words that end a speaker phrase when walking back from the verb.
_BOUNDARY = words(
    """
    which that who whom whose while and but or as since because when where if what
    though although after before during in on at to by from into with without than said
    says told is are was were be been being do does did not nor so then
    """
)
# Words between a speaker and the verb that belong to neither.
_SKIPPED = words(
    """
    has have had also later earlier previously reportedly further would will could may
    might then however had already recently separately again
    """
)
# Groups that speak and are named with where they are: "Police in Uvalde said".
_SPEAKING_GROUPS = words(
    """police officials authorities officers deputies residents witnesses firefighters
    rescuers troopers investigators prosecutors sources"""
)
_NUMBER_WORDS = words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions dozens several"""
)
# Words after "claims", "reports", "estimates" that make them nouns.
_NOUN_FOLLOWERS = words(
    """rose fell grew jumped climbed dropped declined increased decreased surged slumped
    of from for were are have had remain remained show showed suggest suggested"""
)
_PRONOUNS = words("he she they it we i you this there one someone")
_MAX_WORDS = 7
_PUNCT = re.compile(r"[,;:\"“”()\u2014]")
# A sentence without an attribution verb needs no word-by-word look for a speaker.
_ANY_VERB = re.compile(r"\b" + alternation(ATTRIBUTION_VERBS) + r"\b")  # a tree: 2.5x faster
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:()\"“”]+)", re.IGNORECASE)
# "figures from the ministry": the ministry is the claimant, not its figures.
_SOURCE_NOUNS = re.compile(
    r"^(?:the\s+|an?\s+)?(?:(?:latest|new|official|preliminary|daily|weekly|flash|verified)\s+)*"
    r"(?:figures|data|statistics|numbers|estimates|statements?|reports?|updates?|tally|count|"
    r"toll)\s+(?:from|by|of|released\s+by|issued\s+by)\s+",
    re.IGNORECASE,
)
# "Figures verified by the UN's humanitarian office (OCHA) record 378 ...": a source
# named after the figures it vouches for.
_BY_SOURCE = re.compile(
    r"\b(?:figures|data|statistics|numbers|records|tallies|estimates)\s+"
    r"(?:verified|compiled|released|published|collected|issued|kept|gathered)\s+by\s+"
    r"(?P<who>[^,.;:()\"\u201c\u201d]+?)"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z])\)|(?=[,.;:()\"\u201c\u201d]|$)|\s+(?=[a-z]+\s+\d))",
    re.IGNORECASE,
)
# "OCHA's verified data also list 4,451": the possessor of the figures is the source.
_OWN_SOURCE = re.compile(
    r"\b(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['\u2019]s\s+(?:[a-z]+\s+){0,2}?"
    r"(?:figures|data|statistics|tally|records|estimates?|forecasts?|projections?)\b"
)
# Organisations whose names go on with a place: "the Health Ministry in Gaza".
_ORGANISATIONS = words(
    """
    ministry ministries office authority authorities agency committee council department
    service services society command government commission organization organisation
    programme program bureau directorate mission centre center union crescent cross
    """
)
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z])\)")
# '"...," said the ministry.' -- the speaker after the verb, which must follow a quote or
# comma and be a name or a noun phrase ending the clause ("said more than" is no speaker).
_INVERTED = re.compile(
    r"(?:[\"\u201d]\s*|,\s+)(?:" + "|".join(sorted(ATTRIBUTION_VERBS)) + r")\s+"
    r"(?P<who>(?:(?:the|a|an)\s+\w|[A-Z])[^,.;:()\"\u201c\u201d]*)(?=[,.;]|$)"
)


@dataclass(frozen=True)
class Speaker:
    """A claimant and where its phrase stands in the sentence."""

    name: str
    start: int
    end: int


def attribution(text: str) -> str | None:
    """Who the sentence says is speaking, or None.

    >>> attribution("67,317 others injured, according to local health authorities.")
    'local health authorities'
    >>> attribution("an attack in October, which Tel Aviv says killed nearly 1,200 people")
    'Tel Aviv'
    >>> attribution("A Palestinian source told Anadolu that Hamas has proposed a plan.")
    'a Palestinian source'
    >>> attribution('"We will not give up either," Lapid wrote on X.')
    'Lapid'
    >>> attribution("He said the talks failed.") is None
    True
    """
    found = speakers(text)
    return found[0].name if found else None


@lru_cache(maxsize=4096)  # asked by figures and by claims; wire copy repeats sentences
def speakers(text: str) -> tuple[Speaker, ...]:
    """Every attribution phrase in the sentence, in order of appearance."""
    found: list[Speaker] = []
    # Each pattern is tried only where the words it needs stand (the same matches, found
    # faster: these scans were 5% of extraction).  re's IGNORECASE matches no other
    # letters than str.lower() gives for these (only "i" and "s" have more: "\u0131",
    # "\u017f"), and the inverted form needs one of _ANY_VERB's verbs.
    low = text.lower()
    any_verb = _ANY_VERB.search(text) is not None
    for m in _ACCORDING.finditer(text) if "ccord" in low else ():
        acronym = _ACRONYM_AFTER.match(text, m.end())
        name = acronym.group("acr") if acronym else _short(_SOURCE_NOUNS.sub("", m.group("who")))
        if name:
            found.append(Speaker(name, m.start(), m.end()))
    for m in _BY_SOURCE.finditer(text) if "by" in low else ():
        name = m.group("acr") or _short(_first_phrase(m.group("who")))
        if name and not _overlaps(m.start(), found):
            found.append(Speaker(name, m.start(), m.end()))
    for m in _OWN_SOURCE.finditer(text) if "'s" in text or "\u2019s" in text else ():
        name = _short(m.group("who"))
        if name and not _overlaps(m.start(), found):
            found.append(Speaker(name, m.start(), m.end()))
    for m in _INVERTED.finditer(text) if any_verb else ():
        who = " ".join(m.group("who").split())
        first = _first_phrase(who)
        if first != who:
            continue  # ", said the turnout was far larger": a clause, not a speaker
        name = _tidy(first)
        if name and not _overlaps(m.start(), found):
            found.append(Speaker(name, m.start(), m.end()))
    words = list(_WORD.finditer(text)) if any_verb else []
    for i, m in enumerate(words):
        if m.group(0) not in ATTRIBUTION_VERBS or _overlaps(m.start(), found):
            continue
        if m.group(0) in _AT_VERBS and not _AT_AMOUNT.match(text, m.end()):
            continue  # "put" gives a figure only as "put the toll at 11,300"
        speaker = _speaker_before(text, words, i)
        if speaker is None and m.group(0) == "saying":
            speaker = _subject(text, words, i)
        if speaker is not None:
            found.append(speaker)
    found.sort(key=lambda s: s.start)
    return tuple(found)


def _overlaps(pos: int, found: list[Speaker]) -> bool:
    return any(s.start <= pos < s.end for s in found)


def _speaker_before(text: str, words: list[re.Match[str]], verb: int) -> Speaker | None:
    end = verb - 1
    while end >= 0 and words[end].group(0).lower() in _SKIPPED:
        end -= 1
    # "The state's civil defence on Thursday put ...": the time stands between speaker and verb.
    if (
        end >= 1
        and words[end].group(0).lower() in _WHEN_WORDS
        and words[end - 1].group(0).lower() in ("on", "this", "last", "late", "early")
    ):
        end -= 2
        while end >= 0 and words[end].group(0).lower() in _SKIPPED | {"late", "early", "on"}:
            end -= 1
    lead = text[: words[verb].start()]
    stripped = lead.rstrip()  # re's ['\u2019]s\s+$, without a search of the whole lead
    if len(stripped) < len(lead) and stripped.endswith(("'s", "\u2019s")):
        return None  # "above Wall Street's estimate of $26.8 billion": a noun, not a verb
    if end < 0 or _noun_not_verb(text, words, verb):
        # "Insurance claims rose 40%", "the most populous state", "employers added 517,000
        # jobs": nobody speaks
        return None
    if re.match(r"\s+by\b", text[words[verb].end() :]):
        return None  # "the deaths recorded by the agency": a passive, its agent follows
    if words[verb].group(0) in _GIVING and re.match(r"\s*[,.;:]", text[words[verb].end() :]):
        if words[verb].group(0) not in _CLOSING:
            return None  # "With all ballots counted, Lula received": no source
    elif words[verb].group(0) in _CLOSING and not re.match(
        r"\s*(?:[,.;:]|that\b)", text[words[verb].end() :]
    ):
        return None  # "relatives found those who had fled"
    if _PUNCT.search(text[words[end].end() : words[verb].start()]):
        return _apposed(text, words, end, verb)
    last = words[end].group(0).lower()
    if last in _BOUNDARY or last in _PRONOUNS or last in DETERMINERS or _is_number(last):
        return None
    if last in _OF:
        return None  # "the number of confirmed deaths"
    start = end
    while start > 0:
        prev = words[start - 1]
        if _PUNCT.search(text[prev.end() : words[start].start()]):
            break
        if prev.group(0).lower() in _BOUNDARY and not _place_of(text, words, start):
            break
        start -= 1
        if end - start + 1 > _MAX_WORDS:
            return None
    while start < end and _is_number(words[start].group(0).lower()):
        start += 1  # "Forty states reported": the states speak, not the number
    if start == end and _is_number(words[start].group(0).lower()):
        return None
    if start > 1 and words[start - 1].group(0).lower() in ("in", "at", "near"):
        # "Police in Uvalde said": the police speak; the town is where, not who.
        head = words[start - 2].group(0).lower()
        if head in _SPEAKING_GROUPS:
            end = start = start - 2
            while start > 0 and not _PUNCT.search(
                text[words[start - 1].end() : words[start].start()]
            ):
                if words[start - 1].group(0).lower() in _BOUNDARY | DETERMINERS:
                    break
                start -= 1
    name = _tidy(" ".join(w.group(0) for w in words[start : end + 1]))
    if not name:
        return None
    return Speaker(name, words[start].start(), words[verb].end())


_OF = frozenset({"of", "for", "about"})
_WHEN_WORDS = words(
    """monday tuesday wednesday thursday friday saturday sunday week weekend month year
    morning evening night"""
)


def _apposed(text: str, words: list[re.Match[str]], end: int, verb: int) -> Speaker | None:
    """The speaker of "Steven McCraw, the department's director, told", "Derna's mayor,
    Abdulmenam al-Ghaithi, has said", "The CGT union, which helped organise the protests,
    said": a name in or before an apposition, or the noun before a relative aside."""
    close = text.rfind(",", 0, words[verb].start())
    between = text[close + 1 : words[verb].start()].split() if close >= 0 else []
    if close < 0 or not all(w.lower() in _SKIPPED for w in between):
        return None  # the comma must close the apposition right before the verb
    open_ = text.rfind(",", 0, close)
    if open_ < 0:
        return None
    inner = " ".join(text[open_ + 1 : close].split())
    outer_start = max(text.rfind(",", 0, open_) + 1, 0)
    outer = text[outer_start:open_].strip()
    if not inner or not outer or len(inner.split()) > 12:
        return None
    first = inner.split()[0].lower()
    if _NAME.match(inner) and len(inner.split()) <= 4:
        name, start = inner, open_ + 1
    elif _NAME.match(" ".join(outer.split()[-3:])) and first in DETERMINERS | {"a", "an"}:
        name = " ".join(outer.split()[-3:])
        start = outer_start
    elif first in ("which", "who", "whose"):
        name, start = _first_phrase(outer), outer_start
    else:
        return None
    name = _tidy(name)
    outer_words = name.split()
    if not name or len(outer_words) > _MAX_WORDS or outer_words[0].lower() in _PRONOUNS:
        return None
    return Speaker(name, start, words[verb].end())


def _subject(text: str, words: list[re.Match[str]], verb: int) -> Speaker | None:
    """The speaker of ", saying 1,127 bodies had been recovered": the sentence's subject."""
    if not text[: words[verb].start()].rstrip().endswith(","):  # re's ,\s*$
        return None
    head: list[str] = []
    for w in _first_phrase(text[: words[verb].start()]).split():
        if head and (w.lower().endswith("ed") or w.lower() in _SKIPPED):
            break  # "The army ended its search": the subject ends at its verb
        head.append(w)
    name = _tidy(" ".join(head))
    parts = name.split()
    if not parts or parts[0].lower() in _PRONOUNS or _is_number(parts[0].lower()):
        return None
    if any(p[:1].isdigit() for p in parts) or len(parts) > 4:
        return None
    return Speaker(name, 0, words[verb].end())


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in _NUMBER_WORDS


def _noun_not_verb(text: str, words: list[re.Match[str]], verb: int) -> bool:
    """Whether a reporting word is a plural noun here: "claims rose", "reports of"."""
    word = words[verb].group(0).lower()
    nxt = words[verb + 1].group(0).lower() if verb + 1 < len(words) else ""
    if word in ("add", "adds", "added") and (_is_number(nxt) or nxt[:1] == "$"):
        return True  # "employers added 517,000 jobs" count, not speak
    prev = words[verb - 1].group(0).lower() if verb else ""
    if word in _NOUN_VERBS and (
        prev in DETERMINERS or (_ADJECTIVE.search(prev) and prev not in _SKIPPED)
    ):
        return True  # "the most populous state", "the latest report"
    if not word.endswith("s") or word in ("says", "tells"):
        return False
    return nxt in _NOUN_FOLLOWERS or (nxt.endswith("ed") and nxt not in ("killed", "injured"))


# Saying verbs that are nouns too.
_NOUN_VERBS = words(
    "state states report reports claim claims estimate estimates count counts note notes "
    "post posts forecast forecasts record records"
)


def _place_of(text: str, words: list[re.Match[str]], start: int) -> bool:
    """Whether "in Gaza" before ``start`` belongs to an organisation's name ("the Health
    Ministry in Gaza said"): a claimant is the organisation, its place part of the name."""
    prep = words[start - 1]
    return (
        prep.group(0).lower() in ("in", "of", "for", "on")
        and start >= 2
        and words[start - 2].group(0).lower() in _ORGANISATIONS
        and words[start].group(0)[:1].isupper()
        and not _PUNCT.search(text[words[start - 2].end() : prep.start()])
    )


def _short(name: str) -> str:
    """The claimant tidied, its acronym when it ends with one ("UN humanitarian office OCHA").

    >>> _short("the UN humanitarian office OCHA"), _short("the Health Ministry in Gaza")
    ('OCHA', 'Health Ministry in Gaza')
    """
    name = _tidy(name.strip())
    parts = name.split()
    last = parts[-1] if parts else ""
    if (
        len(parts) > 1
        and len(last) >= 3
        and last.isupper()
        and last.isalpha()
        and any(p[:1].islower() for p in parts[:-1])
    ):
        return last
    return name


def _first_phrase(text: str) -> str:
    words = text.split()
    out = []
    for w in words[:_MAX_WORDS]:
        if w.lower() in _BOUNDARY:
            break
        out.append(w)
    return " ".join(out)


def _tidy(name: str) -> str:
    """Drop a leading "the", lowercase a leading "A"/"An" (the sentence's capital, not the name's).

    >>> _tidy("the UN"), _tidy("A Palestinian source"), _tidy("The former premier")
    ('UN', 'a Palestinian source', 'former premier')
    """
    name = " ".join(name.split()).strip(" .'\u2019")
    if not name:
        return ""
    first, _, rest = name.partition(" ")
    if first.lower() == "the" and rest:
        return rest
    if first in ("A", "An") and rest:
        return f"{first.lower()} {rest}"
    return name
