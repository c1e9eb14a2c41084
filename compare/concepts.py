"""What a figure counts (concept) and who is counted (subject), from the words around it.

No parser: news counts follow a few shapes -- "27,840 Palestinians have since
been killed", "85% of Gazans have been displaced", "which Tel Aviv says killed
nearly 1,200 people", "more than 130 hostages".  The counted noun phrase follows
the number; a casualty word is looked for after it in the same clause, then
just before the number.  A tagger would cost the fast start `figures` needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.resources import CONCEPTS, NP_ADJECTIVES, NP_STOP, SUBJECTS, words

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*|\d[\d,.]*|[^\w\s]")
_IRREGULAR_PLURALS = words("people children men women police personnel staff")
_MAX_NP = 4
_CLAUSE_WORDS = 10  # how far after the counted noun a casualty verb may stand
_BEFORE_WORDS = 5  # "which Tel Aviv says killed nearly 1,200"


@dataclass(frozen=True)
class Counted:
    concept: str | None
    subject: str | None


def counted(
    text: str, start: int, end: int, *, compound: str | None = None, previous: str | None = None
) -> Counted:
    """Concept and subject of the figure spanning text[start:end].

    ``compound`` is the noun of a hyphenated count ("3-stage" -> "stages");
    ``previous`` is the subject of the sentence's previous figure, inherited by "others".

    >>> t = "At least 27,840 Palestinians have since been killed and 67,317 others injured"
    >>> counted(t, 0, 15)
    Counted(concept='killed', subject='Palestinians')
    >>> counted(t, 56, 62, previous="Palestinians")
    Counted(concept='injured', subject='Palestinians')
    >>> counted("less than half of aid trucks are entering", 0, 14)
    Counted(concept='aid trucks', subject=None)
    """
    after = _tokens(text[end:])
    while after and after[0].lower() in ("of", "the"):
        after = after[1:]
    phrase = _noun_phrase(after)
    concept = compound or _concept_in(phrase)
    subject = None
    if phrase:
        head = phrase[-1]
        if head.lower() == "others":
            subject = previous
        elif _is_subject(head):
            subject = head
        elif concept is None:
            concept = _describe(phrase)
    if concept is None:
        concept = _concept_in(_clause(after[len(phrase) :], _CLAUSE_WORDS))
    if concept is None:
        before = _tokens(text[:start])
        concept = _concept_in(_clause(before[::-1], _BEFORE_WORDS)[::-1])
    return Counted(concept, subject)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text[:300])


def _noun_phrase(tokens: list[str]) -> list[str]:
    """Words of the counted noun phrase, ending after its first plural noun."""
    out: list[str] = []
    for tok in tokens[:_MAX_NP]:
        low = tok.lower()
        if not tok[0].isalpha() or low in NP_STOP:
            break
        if low.endswith("ed") and low not in CONCEPTS and out:
            break
        out.append(tok)
        if _is_plural(low):
            break
    return out


def _is_plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3
    )


def _is_subject(word: str) -> bool:
    low = word.lower()
    return low in SUBJECTS or (word[0].isupper() and low.endswith(("ans", "is", "ese", "ers")))


def _clause(tokens: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for tok in tokens[:limit]:
        if not tok[0].isalpha():
            break
        out.append(tok)
    return out


def _concept_in(words: list[str]) -> str | None:
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        pair = f"{low} {lows[i + 1]}" if i + 1 < len(lows) else ""
        if pair in CONCEPTS:
            return CONCEPTS[pair]
        if low in CONCEPTS:
            return CONCEPTS[low]
    return None


def _describe(phrase: list[str]) -> str | None:
    """The counted noun phrase as a short lowercase concept ("separate meetings" -> "meetings")."""
    words = [w.lower() for w in phrase if w[0].islower() and w.lower() not in NP_ADJECTIVES]
    words = [w for w in words if not w.endswith(("ed", "ing")) or w == words[-1]]
    if words and not _is_plural(words[-1]):
        # No plural closed the phrase: what follows the first noun may be a verb
        # ("a 6.1 earthquake struck"), so keep the first word only.
        return words[0]
    return " ".join(words[-2:]) or None
