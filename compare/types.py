"""Frozen dataclasses that flow between the pipeline stages.

load -> Article; segment -> Sentence; figures -> Figure; claims -> Claim;
align -> Pair; judge -> Row; pipeline -> Report.  Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Qualifier = Literal[
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "about",
    "nearly",
    "range",
    "vague",
]
QUALIFIERS: tuple[Qualifier, ...] = (
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "about",
    "nearly",
    "range",
    "vague",
)

Scope = Literal["current", "background", "period"]
SCOPES: tuple[Scope, ...] = ("current", "background", "period")
Role = Literal["victim", "suspect"]
# Where a figure's place comes from, most specific first: its own clause, its sentence,
# an earlier sentence of its paragraph, or the article (dateline, else its main place).
PlaceFrom = Literal["figure", "sentence", "paragraph", "article"]

Verdict = Literal["agree", "diverge", "update", "unique"]
VERDICTS: tuple[Verdict, ...] = ("agree", "diverge", "update", "unique")


@dataclass(frozen=True)
class Article:
    """One input article: its text and what is known about where it came from."""

    id: str  # "a", "b", ... in argument order
    path: str  # as the user gave it ("-" for standard input)
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str = "en"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; start/end are character offsets into Article.text."""

    article: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True)
class Previous:
    """The value a figure's own article says it replaced: "revised down to 97 from 115"
    gives the figure 97 this previous value, 115 (see ``extract.revisions``)."""

    text: str
    span: tuple[int, int]
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier


@dataclass(frozen=True)
class Figure:
    """A number as the text states it, with the interval its wording allows.

    ``low``/``high`` of None mean the interval is open on that side.  Whether a
    bound is itself included follows from the qualifier: ``more_than`` excludes
    ``low``; ``less_than`` and ``nearly`` exclude ``high``.  ``span`` is a pair
    of character offsets into the article's text, so that
    ``article.text[span[0]:span[1]] == text``.

    ``place`` is a readable name, ``place_key`` its gazetteer key, which nests
    ("US>a1:TX>c:4738721" is a town in Texas; see ``extract.places.relation``).
    ``scope`` says whether the figure counts the story's own event (current), another
    earlier one (background: "the 1999 quake, which killed about 17,000"), or a stated
    period (``period``: "third quarter", "2022"; an open period such as "since 7
    October" stays current, its start kept in ``period``).  ``role`` tells the
    attacked from the attackers where news makes it matter.  ``previous`` is the value
    the article itself says this one replaced ("raised the toll to 34 from 16"); the
    superseded value is no figure of its own.
    """

    id: str  # "<article>:f<n>"
    article: str
    sentence: int
    text: str
    span: tuple[int, int]
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    concept: str | None = None
    subject: str | None = None
    attribution: str | None = None
    role: Role | None = None
    place: str | None = None
    place_key: str | None = None
    place_from: PlaceFrom | None = None
    scope: Scope = "current"
    period: str | None = None
    previous: Previous | None = None
    # What alignment reads of the figure's words, set once by extraction (extract.readings):
    # the words either side of it, numbers left out, and whether its sentence or its list's
    # lead-in calls it a running total.
    context: str = ""
    total: bool = False
    # The counted noun phrase as written, qualifiers kept ("seven European countries" ->
    # "european countries"), when the number counts things or people named after it.
    noun: str | None = None


@dataclass(frozen=True)
class Claim:
    """A sentence read as a claim: its figures, who says it, whether it is a quote."""

    article: str
    sentence: Sentence
    figures: tuple[Figure, ...] = ()
    attribution: str | None = None
    quote: bool = False
    casualties: frozenset[str] = frozenset()  # casualty counts the sentence speaks of


@dataclass(frozen=True)
class Pair:
    """Two things aligned across articles (figures, or figure-less claims).

    Either side may be None for something only one article has.
    """

    a: Claim | None
    b: Claim | None
    fig_a: Figure | None = None
    fig_b: Figure | None = None
    score: float | None = None
    note: str | None = None  # why the aligner kept a figure apart, for the reader


@dataclass(frozen=True)
class Row:
    """One line of the discrepancy table."""

    verdict: Verdict
    concept: str | None
    a: Figure | None
    b: Figure | None
    claim_a: Claim | None
    claim_b: Claim | None
    score: float | None  # on [0, 1]: a figure pair's score normalised, else a text score
    reason: str
    confidence: float | None = None  # how likely the row is right (compare.align.confidence)


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs; JSON output is this object serialised."""

    articles: tuple[Article, ...]
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...] = ()
    rows: tuple[Row, ...] | None = None  # None for `figures`, a tuple for `diff`
    model: str | None = None
    options: dict[str, float] = field(default_factory=dict)
