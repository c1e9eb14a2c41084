"""What grouping keeps of one article: its date, the places it is about and the names it uses.

Places come from the extraction's gazetteer (:mod:`compare.extract.places`): the
places its title and lead name and the article's own place (the dateline's, else
the one its title and lead name most, as every figure that has no nearer place
inherits it).  They are kept as nesting keys, innermost only ("US>a1:OH>c:1"
rather than also "US>a1:OH").

Names are the pairs of adjacent capitalised words of the body ("Maria Lopez",
"Hurricane Idalia", "Oak Street"): a rare one (few articles of the corpus use it)
names a person, a storm, a street or a trial that identifies an event across weeks,
when the date window alone would part its reports.  Which are rare is decided over
the whole corpus at grouping time (:mod:`compare.corpus.group`).  The names of
places and institutions ("Cook County", "Mount Sinai Hospital", a town's paper) are
kept apart, as ``where``: they recur in every event of their town, and say where,
not which.  An official's name ("Police Chief Art Acevedo") and a page's furniture
("Show Transcript") are neither: the office speaks for every event of its town.  On
GVA, names of where and officials joined reports of a city's shootings months
apart (B-cubed precision .930; with them kept apart, .97).  The title is left out:
headlines capitalise every word ("Boy Accidentally Shot").

Days are the days the text names on or before the article's date ("the Feb. 6
shooting"): a follow-up names the day of its event, weeks or a year later.

Figures are the article's current figures that have a concept, as "concept=value"
("injured=13", "block=1200", "sedans recalled=412000"): a count few articles of the corpus
report is a mark of one event as much as a name is (the thirteen wounded of one
party, the 1200 block of one street), and the same rarity decides.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.load import days_told
from compare.segment import sentences

if TYPE_CHECKING:
    from compare.extract.vocab import Vocabulary
    from compare.pipeline import Extracted

LEAD_SENTENCES = 3  # the lead whose places say where the article's event is
# One dead, two hurt: every other report's count, the mark of no event in a small corpus
# (where every figure is rare); on GVA the marks below 3 changed no grouping.
MARK_FROM = 3
# Capitalised words in a row, a middle initial allowed (and dropped): "John A. Smith".
# English capitalisation, like the vocabulary (hand-written: a named-entity model would
# cost a second model per article for what this pattern finds in these texts).
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z]\.?)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)+")
_WORD = re.compile(r"[^\s-]+")
# The word before a run of names, abbreviation point dropped: "Sgt. Ana Ruiz", "spokesman Al Cole".
_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


@dataclass(frozen=True)
class Digest:
    """One article for grouping: no text, only its key, date, places and names."""

    key: str
    published: dt.date | None
    places: frozenset[str] = frozenset()  # gazetteer keys, innermost only
    names: frozenset[str] = frozenset()  # capitalised word pairs, lower case
    place: str | None = None  # the readable name of the article's own place
    figures: frozenset[str] = frozenset()  # "concept=value" of its current figures
    where: frozenset[str] = frozenset()  # names of its places and institutions, lower case
    days: frozenset[dt.date] = frozenset()  # the days its text names, on or before its date


def digest(done: Extracted, lead: int = LEAD_SENTENCES) -> Digest:
    """The Digest of an extracted article."""
    from compare.extract.places import places_in
    from compare.extract.vocab import vocabulary

    article = done.article
    texts = [s.text for s in sentences(article)]
    head = ([article.title] if article.title else []) + texts[:lead]
    found = places_in(head)
    own = [f for f in done.figures if f.place_from == "article" and f.place_key]
    keys = {m.place.key for m in found} | {f.place_key for f in own if f.place_key}
    tally = Counter((m.place.key, m.place.name) for m in found)
    # The article's own place, else the place its title and lead name most; then the
    # innermost place they name inside it ("Columbus" when the title names Ohio and the
    # lead the town).
    place = min(tally, key=lambda p: (-tally[p], p)) if tally else None
    if own and own[0].place_key and own[0].place:
        place = (own[0].place_key, own[0].place)
    if place is not None:
        inside = [p for p in tally if p[0].startswith(place[0])]
        place = max(inside, key=lambda p: (p[0].count(">"), tally[p])) if inside else place
    marks, where = names(texts)
    return Digest(
        key=article.id,
        published=article.published,
        places=innermost(keys),
        names=frozenset(marks),
        place=place[1] if place else None,
        figures=figure_marks(done),
        where=frozenset(where),
        days=days_told(" ".join(texts), article.published, named_days(vocabulary())),
    )


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def named_days(vocab: Vocabulary) -> dict[str, tuple[int, int]]:
    """The vocabulary's named days ([time] named_days): "boxing day" -> (12, 26)."""
    from compare.extract.vocab import table_phrases

    out = {}
    for entry in table_phrases(vocab, "time", "named_days"):
        name, _, day = entry.partition("=")
        month, _, date = day.strip().partition("-")
        out[" ".join(name.split())] = (int(month), int(date))
    return out


def figure_marks(done: Extracted) -> frozenset[str]:
    """The article's current figures that have a concept and a value of at least
    :data:`MARK_FROM`, as "concept=value"."""
    return frozenset(
        f"{f.concept}={f.value:g}"
        for f in done.figures
        if f.concept and f.scope == "current" and abs(f.value) >= MARK_FROM
    )


def innermost(keys: set[str] | frozenset[str]) -> frozenset[str]:
    """The keys no other key nests in: ``{"US>a1:OH", "US>a1:OH>c:1"}`` -> ``{"US>a1:OH>c:1"}``."""
    return frozenset(k for k in keys if not any(o.startswith(k + ">") for o in keys))


def names(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Adjacent capitalised word pairs of ``texts``, lower case, as two sets: the names
    that may mark one event, and the names of where (a place the gazetteer reads in the
    sentence, an institution: the vocabulary's ``[event_names]``).  Officials' names,
    furniture and pairs with a function word are in neither.

    >>> marks, where = names(["Maria Lopez, 34, was shot on Oak Street in Cook County, "
    ...     "Sheriff Tom Dart said.", "The Tribune reported it. Show Transcript"])
    >>> sorted(marks), sorted(where)
    (['maria lopez', 'oak street'], ['cook county'])
    """
    from compare.extract.places import mentions
    from compare.extract.vocab import table_words, vocabulary

    vocab = vocabulary()
    institutions = table_words(vocab, "event_names", "institutions")
    furniture = table_words(vocab, "event_names", "furniture")
    titles = table_words(vocab, "event_names", "titles")
    function = table_words(vocab, "event_names", "function_words")
    marks: set[str] = set()
    where: set[str] = set()
    for text in texts:
        places: list[tuple[int, int]] | None = None  # the gazetteer's, read once a sentence
        for run in _NAME.finditer(text):
            words = [(w.group(), run.start() + w.start()) for w in _WORD.finditer(run.group())]
            words = [(w, at) for w, at in words if not w.endswith(".")]
            lower = {w.lower() for w, _ in words}
            before = _BEFORE.search(text, max(0, run.start() - 40), run.start())
            if (
                lower & furniture
                or (words and words[0][0].lower() in titles)
                or (before is not None and before.group(1).lower() in titles)
            ):
                continue
            own = bool(lower & institutions)
            for (a, at), (b, bt) in itertools.pairwise(words):
                pair = f"{a} {b}".lower()
                if a.lower() in function or b.lower() in function:
                    continue
                if places is None:
                    places = [(m.start, m.end) for m in mentions(text)]
                placed = any(start < bt + len(b) and at < end for start, end in places)
                (where if own or placed else marks).add(pair)
    return marks, where
