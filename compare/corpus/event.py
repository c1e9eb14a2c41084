"""One event's comparison: the rows of ``diff`` (two articles) or ``timeline`` (three or more),
and per count (concept, subject, place, claimant) the current figure.

An Event carries plain values only (figures by their text, value and interval,
sentences by their text), so that it renders, serialises and crosses process
boundaries without the articles it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from compare.align.pairs import Options
from compare.timeline import same_claimant
from compare.types import Article, Figure, Sentence, Verdict

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.pipeline import Extracted

ALARMS: tuple[Verdict, ...] = ("diverge", "update")

# One count's history in an event: each figure with its verdict against the one before.
Chain = list[tuple[Figure, Verdict | None, str | None]]


@dataclass(frozen=True)
class Mention:
    """A figure as an event shows it: enough to print it and link it to its sentence."""

    figure: str  # figure id, "<article>:f<n>"
    article: str
    sentence: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    published: dt.date | None


@dataclass(frozen=True)
class EventRow:
    """One comparison row: A's figure against B's (either may be missing for a unique figure)."""

    verdict: Verdict
    concept: str | None
    subject: str | None
    claimant: str | None
    a: Mention | None
    b: Mention | None
    reason: str
    confidence: float | None = None  # how likely the row is right (compare.align.confidence)


@dataclass(frozen=True)
class Count:
    """The current figure of one count and how it got there.

    ``value``/``low``/``high`` are the latest dated report's; ``range_low`` and
    ``range_high`` span the current values of every claimant of the same
    (concept, subject, place); ``history`` is every report in date order.
    """

    concept: str
    subject: str | None
    place: str | None
    claimant: str | None
    value: float
    low: float | None
    high: float | None
    as_of: dt.date | None
    range_low: float
    range_high: float
    history: tuple[tuple[Mention, Verdict | None], ...]


@dataclass(frozen=True)
class Total:
    """The event's own tally of one concept, for suspects or for everyone else (victims and
    figures with no role).

    Each article's own value is the current figure of the concept its lead (title and first
    sentences) repeats most, then its most repeated, then the larger (background and period
    figures are left out: "the 1999 quake, which killed 17,000"); the event's value is the
    one the most articles state (a count of one beside a larger count in the same article is
    a person told apart, not a count), then the one the most articles hold as their own,
    then (for a casualty count) the one told most often, then the latest, then the smaller.
    People listed together with one harm are one count ("two women and a man were killed":
    three); those a wound count names among it who died are no wounded ("three were hurt,
    including a girl who died": two).  An article that tells a death only of one person
    named ("a worker died") tells one of the dead, no toll of its own, when another
    article's lead tells its own larger toll ("two workers died"); wounds are left as they
    are (a lead's count of the hit often counts the dead too, or another shooting's: on GVA
    dev, reading them so lost more than it won).  A part of a count ("three of the injured
    drove to hospital") is no count of its own, nor one told as an earlier report that a
    later replaced ("police initially said six were shot").  A vague count ("several were
    hurt") counts only where its article has nothing more exact, and its article only where
    no article has.  ``derived`` says when the value comes from other totals instead ("shot
    3 - killed 1" when no article counts the wounded, or when two or more articles count
    more people shot than the stated wounded and dead: a count of the wounded often names
    only some of them, "two men and a woman were hurt").  A wound told of one person ("a boy
    with a gunshot wound", "one climber was hurt") in an event where that person, or someone
    unnamed, died and no report counts more people shot than dead is the dead one's wound
    (casualty counts count a person once, at their last state: "the teen" hurt is "the boy"
    who died): no wounded count is kept, unless a sentence tells the wound beside a death
    ("left a boy dead and his father wounded").  Tolls rise over time: a death told by its
    ordinal ("a fourth victim has died") is the toll over smaller ones told no later, and a
    later report of the death of one wounded before ("a passenger injured in the crash has
    died") moves that person from the wounded to the dead in the reports before it, unless
    it may be one of their own dead.

    A count must be corroborated: one that a single article states, only past its lead
    (:data:`LEAD_SENTENCES`), is dropped when another article of the event also counts its
    casualties, or when that article's own lead counts other casualties, unless it counts
    people named before ("He later died", "one of them died", "a fourth victim was hurt"),
    is the death of one person whose wound another article's lead told, or the wound of one
    person a lead told shot (:func:`_died_of_wound`).  News puts the event's toll in the
    headline and the first sentences; a toll told once further down is most often another
    event's: a roundup's ("one of eight shootings this weekend"), a background line's or a
    link to another story.
    """

    concept: str
    role: str | None  # "suspect", or None for victims and figures with no role
    value: float
    articles: int  # articles that report this value
    reporting: int  # articles that report the concept at all
    as_of: dt.date | None
    derived: str | None = None


@dataclass(frozen=True)
class ArticleRef:
    key: str
    path: str
    title: str | None
    outlet: str | None
    published: dt.date | None


@dataclass(frozen=True)
class Event:
    id: str
    place: str | None
    first: dt.date | None
    last: dt.date | None
    articles: tuple[ArticleRef, ...]
    counts: tuple[Count, ...]
    rows: tuple[EventRow, ...]
    sentences: tuple[tuple[str, int, str], ...]  # (article, index, text) of every figure shown
    totals: tuple[Total, ...] = ()

    @property
    def alarms(self) -> int:
        return sum(r.verdict in ALARMS for r in self.rows)


def compare_event(
    event_id: str,
    done: Sequence[Extracted],
    vectors: Sequence[npt.NDArray[np.float32]],
    *,
    place: str | None = None,
    model: str | None = None,
    options: Options | None = None,
) -> Event:
    """The Event of extracted articles (any order) and their claim vectors."""
    order = sorted(range(len(done)), key=lambda k: (_date_key(done[k].article), done[k].article.id))
    done = [done[k] for k in order]
    vectors = [vectors[k] for k in order]
    articles = [e.article for e in done]
    dates = {a.id: a.published for a in articles}
    chains: list[Chain]
    if len(done) == 1:
        rows: list[EventRow] = []
        chains = [[(f, None, None)] for f in done[0].figures]
    elif len(done) == 2:
        rows, chains = _diff(done, vectors, dates, model=model, options=options)
    else:
        rows, chains = _timeline(done, vectors, dates, model=model, options=options)
    counts = _counts(chains, dates, place)
    shown = {(m.article, m.sentence) for r in rows for m in (r.a, r.b) if m is not None}
    shown |= {(m.article, m.sentence) for c in counts for m, _ in c.history}
    sentences = tuple(
        (c.article, c.sentence.index, c.sentence.text)
        for e in done
        for c in e.claims
        if (c.article, c.sentence.index) in shown
    )
    known = [a.published for a in articles if a.published is not None]
    return Event(
        id=event_id,
        place=place,
        first=min(known) if known else None,
        last=max(known) if known else None,
        articles=tuple(ArticleRef(a.id, a.path, a.title, a.outlet, a.published) for a in articles),
        counts=counts,
        rows=tuple(rows),
        sentences=sentences,
        totals=totals(done),
    )


def _date_key(article: Article) -> dt.date:
    return article.published or dt.date.max


def mention(fig: Figure, dates: dict[str, dt.date | None]) -> Mention:
    return Mention(
        fig.id,
        fig.article,
        fig.sentence,
        fig.text,
        fig.value,
        fig.low,
        fig.high,
        fig.qualifier,
        dates.get(fig.article),
    )


def _diff(
    done: Sequence[Extracted],
    vectors: Sequence[npt.NDArray[np.float32]],
    dates: dict[str, dt.date | None],
    *,
    model: str | None,
    options: Options | None,
) -> tuple[list[EventRow], list[Chain]]:
    from compare.pipeline import pair_report

    report = pair_report(done[0], done[1], vectors[0], vectors[1], model=model, options=options)
    rows: list[EventRow] = []
    chains: list[Chain] = []
    for r in report.rows or ():
        fig = r.a if r.a is not None else r.b
        if fig is None:
            continue  # a statement without figures: the per-event table shows figures only
        rows.append(
            EventRow(
                r.verdict,
                r.concept or fig.concept,
                fig.subject,
                fig.attribution,
                mention(r.a, dates) if r.a else None,
                mention(r.b, dates) if r.b else None,
                r.reason,
                r.confidence,
            )
        )
        if r.a is not None and r.b is not None:
            chains.append([(r.a, None, r.reason), (r.b, r.verdict, r.reason)])
        else:
            chains.append([(fig, None, r.reason)])
    return rows, chains


def _timeline(
    done: Sequence[Extracted],
    vectors: Sequence[npt.NDArray[np.float32]],
    dates: dict[str, dt.date | None],
    *,
    model: str | None,
    options: Options | None,
) -> tuple[list[EventRow], list[Chain]]:
    from compare.timeline import timeline_of

    result = timeline_of(done, vectors, model=model, options=options)
    rows: list[EventRow] = []
    chains: list[Chain] = []
    for series in result.series:
        previous = None
        for point in series.points:
            fig = point.figure
            if previous is not None and point.verdict is not None:
                rows.append(
                    EventRow(
                        point.verdict,
                        series.concept,
                        series.subject,
                        series.claimant,
                        mention(previous, dates),
                        mention(fig, dates),
                        point.reason,
                        point.confidence,
                    )
                )
            previous = fig
        if len(series.points) == 1:
            fig = series.points[0].figure
            rows.append(
                EventRow(
                    "unique",
                    series.concept,
                    series.subject,
                    series.claimant,
                    mention(fig, dates),
                    None,
                    "only one article reports it",
                )
            )
        chains.append([(p.figure, p.verdict, p.reason) for p in series.points])
    return rows, chains


def _counts(
    chains: list[Chain],
    dates: dict[str, dt.date | None],
    place: str | None,
) -> tuple[Count, ...]:
    """One Count per (concept, subject, place, claimant): its best-supported series' latest value.

    Lines are split by claimant (timeline's rule); of several lines with the same
    key, the one with the most reports wins, then the latest, then the larger value.
    A count's place is its current figure's, else the event's; background figures
    (another, earlier event's) are left out.
    """
    lines: list[tuple[str, str | None, str | None, list[tuple[Figure, Verdict | None]]]] = []
    for chain in chains:
        concept = next((f.concept for f, _, _ in chain if f.concept), None)
        if concept is None:
            continue
        subject = next((f.subject for f, _, _ in chain if f.subject), None)
        split: list[tuple[str | None, list[tuple[Figure, Verdict | None]]]] = []
        for fig, verdict, _ in chain:
            if fig.scope == "background":
                continue  # another, earlier event's figure ("the 1999 quake killed 17,000")
            who = fig.attribution
            line = next((ln for ln in split if same_claimant(ln[0], who)), None)
            if line is None:
                split.append((who, [(fig, verdict)]))
            else:
                if line[0] is None and who:
                    split[split.index(line)] = (who, line[1])
                line[1].append((fig, verdict))
        lines.extend((concept, subject, who, pts) for who, pts in split if pts)

    def strength(pts: list[tuple[Figure, Verdict | None]]) -> tuple[int, dt.date, float]:
        last = pts[-1][0]
        return (len(pts), dates.get(last.article) or dt.date.min, last.value)

    best: dict[tuple[str, str | None, str | None], list[tuple[Figure, Verdict | None]]] = {}
    for concept, subject, who, pts in lines:
        key = (concept, subject, who)
        if key not in best or strength(pts) > strength(best[key]):
            best[key] = pts
    ranges: dict[tuple[str, str | None], list[float]] = {}
    for (concept, subject, _), pts in best.items():
        ranges.setdefault((concept, subject), []).append(pts[-1][0].value)
    out = []
    for (concept, subject, who), pts in best.items():
        current = pts[-1][0]
        spread = ranges[concept, subject]
        out.append(
            Count(
                concept=concept,
                subject=subject,
                place=current.place or place,
                claimant=who,
                value=current.value,
                low=current.low,
                high=current.high,
                as_of=dates.get(current.article),
                range_low=min(spread),
                range_high=max(spread),
                history=tuple((mention(f, dates), v) for f, v in pts),
            )
        )
    return tuple(sorted(out, key=lambda c: (c.concept, c.subject or "", c.claimant or "")))


# A count made of two others: a person shot is either killed or wounded, so when no
# article counts the wounded, they are the shot less the killed.  Hand-written here
# until the vocabulary (compare/extract/vocab/en.toml) can say which concepts add up.
PARTS: dict[str, tuple[str, str]] = {"shot": ("killed", "injured")}
_PART_CONCEPTS = frozenset(part for part, _ in PARTS.values())
_REST_CONCEPTS = frozenset(rest for _, rest in PARTS.values())


# Subjects that may name anyone: "the victim", "a person"; a young child by any name
# ("the toddler" who was "a 2-year-old boy").
_ANYONE = frozenset(
    {"person", "victim", "people", "child", "individual", "toddler", "baby", "infant", "kid"}
)


def _one_person(f: Figure) -> bool:
    """A count of one person named, not a number ("a boy was shot", "the victim")."""
    return (
        re.match(r"(?:at\s+least\s+|about\s+|only\s+)?(?:\d|one\b|single\b)", f.text, re.I) is None
    )


# The lead: the title and the first sentences, where news tells the event's own toll.
LEAD_SENTENCES = 3
# Casualty counts, whose corroboration the tally asks for.
_CASUALTY = frozenset({"killed", "injured", "shot", "missing"})


# A count of people the article named before: "He later died", "the driver", "one of them".
_ANAPHOR = re.compile(
    r"(?:he|she|they|the|his|her|their|both|one\s+of\s+(?:them|the|those))\b", re.IGNORECASE
)


class _Ordinals(NamedTuple):
    """Patterns of the vocabulary's ordinals ([casualty_readings] ordinals)."""

    one: re.Pattern[str]  # one person counted after those told before: "A second person"
    apart: re.Pattern[str]  # a person told apart from those before: "another", "a fifth victim"
    toll: re.Pattern[str]  # one more dead told by its ordinal: "a fourth victim has died"


@lru_cache(maxsize=1)
def _ordinals() -> _Ordinals:
    from compare.extract.resources import alternation
    from compare.extract.vocab import table_words, vocabulary

    ordinal = alternation(table_words(vocabulary(), "casualty_readings", "ordinals"))
    return _Ordinals(
        re.compile(rf"an?\s+(?:{ordinal})\b", re.IGNORECASE),
        re.compile(rf"\b(?:another|other|{ordinal})\b", re.IGNORECASE),
        re.compile(rf"(?:(?:an?|the)\s+)?(?:{ordinal})\b", re.IGNORECASE),
    )


def _sentences(e: Extracted) -> dict[int, Sentence]:
    """The article's sentences by index, as its claims hold them (the title's too)."""
    return {c.sentence.index: c.sentence for c in e.claims}


# The death an ordinal tells ("a second person who took part in the murder" is none).
_DIES = re.compile(r"\b(?:died|dies|succumbed|pronounced\s+dead|death\s+of)\b", re.IGNORECASE)
# An ordinal of a series, not of one event's dead: "the third child to die from a shooting
# in just two days", "the fifth fatal crash this year".
_SERIES = re.compile(
    r"\b(?:in\s+(?:just\s+|only\s+|less\s+than\s+|under\s+)?(?:a|one|two|three|four|five|"
    r"six|seven|\d+)\s+(?:days?|weeks?|months?|years?)|(?:this|that)\s+(?:week|weekend|month|"
    r"year)|so\s+far)\b",
    re.IGNORECASE,
)


def _ordinal_death(f: Figure, sentence: str) -> bool:
    """Whether ``f`` is one more dead told by its ordinal in ``sentence``: "a fourth victim
    has died", not "a second man who took part" nor "the third child to die this week"."""
    return (
        f.value > 1
        and _ordinals().toll.match(f.text) is not None
        and _DIES.search(sentence) is not None
        and _SERIES.search(sentence) is None
    )


# A death of one told wounded before ("a man wounded in the crash has died", "the driver
# who was hurt on Friday died", "a woman died Saturday, a week after she was wounded"):
# the words after the dead one's figure.
_DIED_OF_HARM = re.compile(
    r"(?:(?:\s+(?!(?:and|but|or|while)\b)[\w'\u2019.,-]+){0,14}?\s+(?:wounded|injured|hurt|shot|"
    r"stabbed|struck|burned)\b(?:\s+(?!(?:and|but|or|while)\b(?!\s+[A-Z]))[\w'\u2019.,-]+){0,14}?\s+"
    r"(?:(?:has|had|have)\s+)?(?:later\s+|since\s+|now\s+)?(?:died|dies|succumbed)\b"
    r"|\s+(?:has\s+|had\s+)?(?:died|dies|succumbed)\b[^.;]{0,40}?\b(?:days?|weeks?|months?)\s+"
    r"after\s+(?:he|she|they)\s+"
    r"(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:wounded|injured|hurt|shot|stabbed))",
    re.IGNORECASE,
)


def _deaths_of_wounded(e: Extracted, current: Sequence[Figure]) -> list[frozenset[str]]:
    """Whom each of the dead this article tells as one wounded before names (see _whom): "A
    man wounded in a shooting earlier this month has died", "A fourth victim of the crash,
    wounded on Friday, has died"."""
    sentences = _sentences(e)
    out: list[frozenset[str]] = []
    for f in current:
        s = sentences.get(f.sentence)
        if f.concept not in _PART_CONCEPTS or f.role == "suspect" or s is None:
            continue
        ordinal = f.value > 1 and _ordinals().toll.match(f.text) is not None
        harmed = _DIED_OF_HARM.match(s.text, f.span[1] - s.start) is not None
        if ((f.value == 1 or ordinal) and harmed) or _ordinal_death(f, s.text):
            out.append(_whom(f))  # "a fourth victim has died": one of the wounded
    return out


# A count the sentence says one person is among: "Duhart was one of five people injured",
# "Five people, including Duhart, were injured".
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_INCLUDING_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}\s*,?\s+including\b", re.IGNORECASE)


def _wounded_then(
    e: Extracted, current: Sequence[Figure], died: list[frozenset[str]], summed: dict[str, float]
) -> dict[str, float]:
    """The wounded counts of an article that tells the death of ones wounded before, as they
    stand now: "Duhart was one of five people injured" (Duhart died) counts four wounded
    still; "Tarjan Edwards, 17, had been wounded" (the one who died) none.  Figure id -> the
    count left."""
    sentences = _sentences(e)
    out: dict[str, float] = {}
    for f in current:
        s = sentences.get(f.sentence)
        if f.concept not in _REST_CONCEPTS or f.role == "suspect" or s is None:
            continue
        value = summed.get(f.id, f.value)
        if value == 1 and _one_person(f) and _same_people([_whom(f)], died):
            out[f.id] = 0.0  # the dead one's wound, told before the death
        elif _ONE_OF.search(s.text[: f.span[0] - s.start]) or _INCLUDING_AFTER.match(
            s.text, f.span[1] - s.start
        ):
            out[f.id] = value - len(died)
    return out


def _whom(f: Figure) -> frozenset[str]:
    """Whom a figure names, as the tally compares people: its age where the text gives
    one ("the 8-year-old" is not "the 7-year-old", "Ana Ruiz, 41,") and its subject
    ("boy"), or "another" for a person told apart ("a fifth person", "another").  A
    subject that is no word for a person ("Ana Ruiz") is a name: ``name:ana ruiz``."""
    if _ordinals().apart.search(f.text):
        return frozenset({"another"})
    subject = (f.subject or "person").lower()
    if f.subject and f.subject[:1].isupper() and subject not in _kinds_of_people():
        subject = f"name:{subject}"
    age = re.search(r"\b(\d{1,3})[- ]years?[- ]old\b|, (\d{1,3}),?$", f.text, re.IGNORECASE)
    if age is None:
        return frozenset({subject})
    return frozenset({f"{age.group(1) or age.group(2)}-year-old"} | ({subject} - {"person"}))


@lru_cache(maxsize=1)
def _kinds_of_people() -> frozenset[str]:
    from compare.extract.vocab import vocabulary

    vocab = vocabulary()
    return vocab.singular_people | _ANYONE | {"he", "she", "him", "her", "they", "people"}


@lru_cache(maxsize=1)
def _alike() -> tuple[frozenset[str], ...]:
    """The vocabulary's groups of kinds of person that may name one person ([people] alike)."""
    from compare.extract.vocab import table_phrases, vocabulary

    return tuple(frozenset(g.split()) for g in table_phrases(vocabulary(), "people", "alike"))


def _same_people(told: list[frozenset[str]], known: list[frozenset[str]]) -> bool:
    """Whether every figure of ``told`` may name one of the people the figures of
    ``known`` name: not one told apart ("another"), nor one of another age or another
    name when ages or names are told on both sides; one that may name anyone ("the
    victim"), or beside one who may be anyone ("a person", "a 24-year-old"), or of a kind
    of person ``known`` names ("the teen" beside "a boy", [people] alike)."""
    tags = set().union(*known)
    ages = {w for w in tags if w.endswith("-year-old")}
    names = {w[5:] for w in tags if w.startswith("name:")}
    kinds = {w for w in tags if w not in ages and not w.startswith("name:")}
    # "a person", or "a 24-year-old", "Ana Ruiz" (a person of any kind), unless told as a
    # kind too ("Ana Ruiz, 45," and "the driver" died: "a passenger" hurt is someone else)
    anyone = bool(kinds & _ANYONE) or (
        not kinds and any(all(w in ages or w.startswith("name:") for w in k) for k in known)
    )
    kinds |= {w for g in _alike() if kinds & g for w in g}
    for one in told:
        if "another" in one:
            return False
        own = {w for w in one if w.endswith("-year-old")}
        if own and ages and not own & ages:
            return False
        called = [set(w[5:].split()) for w in one if w.startswith("name:")]
        if (
            called
            and names
            and not any(c <= set(n.split()) or set(n.split()) <= c for c in called for n in names)
        ):
            return False
        kind = {w for w in one if w not in own and not w.startswith("name:")}
        if kind and not kind & _ANYONE and not anyone and not kind & kinds:
            return False
    return True


@lru_cache(maxsize=4096)
def _title_counts(title: str | None, suspects: bool = False) -> frozenset[str]:
    """The casualty concepts a headline counts ("Boy, 15, shot near school dies"), with
    its suspects' too when ``suspects`` ("Trooper wounded, suspect dead")."""
    from compare.extract.figures import headline_figures
    from compare.types import Sentence

    if not title:
        return frozenset()
    read = headline_figures(Sentence("title", -1, title, 0, len(title)), ())
    return frozenset(
        f.concept for f in read if f.concept in _CASUALTY and (suspects or f.role != "suspect")
    )


def _key(f: Figure) -> tuple[str, str | None]:
    return (f.concept or "", "suspect" if f.role == "suspect" else None)


# "three others", "two other men": a count beside people told before it.
_OTHERS = re.compile(r"\s+(?:[a-z]+\s+)?others?\b")


def _with_others(e: Extracted, current: Sequence[Figure]) -> dict[str, float]:
    """Counts that add the people told one by one before them in their sentence: "a woman
    was critically injured and three others were hurt" counts four injured, "a man was
    shot in the leg and two others wounded" three (a harm without a death told is a
    wound); "one man was killed and three others hurt" stays three.  Figure id -> count."""
    sentences = _sentences(e)
    out: dict[str, float] = {}
    for f in current:
        if f.concept not in ("killed", "injured") or f.qualifier != "exact":
            continue
        s = sentences.get(f.sentence)
        if s is None or s.text[f.span[0] - s.start : f.span[1] - s.start] != f.text:
            continue
        if not _OTHERS.match(s.text, f.span[1] - s.start):
            continue
        alike = {f.concept} | ({"shot", "stabbed"} if f.concept == "injured" else set())
        ones = [
            g
            for g in current
            if g.sentence == f.sentence
            and g.span[1] <= f.span[0]
            and g.value == 1
            and _one_person(g)
            and g.concept in alike
            and g.role == f.role
        ]
        if ones:
            out[f.id] = f.value + len(ones)
    return out


# What joins two groups of people into one list: "two women and a man", "a girl, two men".
_AND = re.compile(r"((?:\s+[\w'-]+){0,2}?)\s*(,\s*and|,|and|&)\s+", re.IGNORECASE)


def _people_word(word: str, subject: str | None) -> bool:
    """A word for the people a count counts: its subject, or a person word in the
    singular or the plural ("men", "women", "boys")."""
    kinds = _kinds_of_people()
    low = word.lower()
    one = low[:-3] + "man" if low.endswith("men") else low[:-1] if low.endswith("s") else low
    return low == (subject or "").lower() or low in kinds or one in kinds


def _told_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two people are told apart by their ages or names ("a 29-year-old man" and "a
    23-year-old woman"), not only by the words for them ("a teen", "his friend")."""
    ages = [{w for w in x if w.endswith("-year-old")} for x in (a, b)]
    names = [{w[5:] for w in x if w.startswith("name:")} for x in (a, b)]
    named = all(names) and not any(
        set(m.split()) <= set(n.split()) or set(n.split()) <= set(m.split())
        for m in names[0]
        for n in names[1]
    )  # "Mills" is "Kenneth Mills"
    return bool((all(ages) and not ages[0] & ages[1]) or named)


def _listed_together(e: Extracted, current: Sequence[Figure]) -> tuple[dict[str, float], set[str]]:
    """Counts of one harm listed together in one sentence count their people in all: "Two
    women and a man were killed" counts three dead, "injured two men and a 10-year-old
    girl" three hurt.  The last figure of the list -> the list's count, and the figures
    the list took in."""
    sentences = _sentences(e)
    out: dict[str, float] = {}
    taken: set[str] = set()
    exact = sorted(
        (f for f in current if f.concept in _CASUALTY and f.qualifier == "exact"),
        key=lambda f: (f.sentence, f.span),
    )
    for a, b in pairwise(exact):
        s = sentences.get(a.sentence)
        if (
            s is None
            or b.sentence != a.sentence
            or (b.concept, b.role) != (a.concept, a.role)
            or s.text[a.span[0] - s.start : a.span[1] - s.start] != a.text
            or s.text[b.span[0] - s.start : b.span[1] - s.start] != b.text
        ):
            continue
        joined = _AND.fullmatch(s.text, a.span[1] - s.start, b.span[0] - s.start)
        words = joined.group(1).split() if joined is not None else []
        if (
            a.value == 1
            and b.value == 1
            and a.id not in out
            and _one_person(a)
            and _one_person(b)
            and _told_apart(_whom(a), _whom(b))
        ):
            # "a 29-year-old man shot in the arm was taken to hospital with a 23-year-old
            # woman shot in the foot": two people told apart by age, one harm each
            out[b.id] = 2.0
            taken.add(a.id)
            continue
        if joined is None or not all(_people_word(w, a.subject) for w in words):
            continue
        if joined.group(2) == "," and {w.lower() for w in words} & _ANYONE:
            continue  # "Five people, four men and a woman, were hurt": who the five are
        out[b.id] = out.pop(a.id, a.value) + b.value
        taken.add(a.id)
    return out, taken


# "Three people were injured, including a girl who died": the rest of a wound count's
# sentence names some of the wounded.
_INCLUDING = re.compile(r"[^.;:]*?\bincluding\s+$", re.IGNORECASE)


def _later_dead(e: Extracted, current: Sequence[Figure]) -> dict[str, float]:
    """Wound counts that name among them people who died: "Three people were injured,
    including a 17-year-old who succumbed to her injuries" counts two wounded (and one
    dead); "twelve were hurt, including two who later died" ten.  Figure id -> the
    wounded who lived."""
    sentences = _sentences(e)
    out: dict[str, float] = {}
    for f in current:
        s = sentences.get(f.sentence)
        if f.concept not in _REST_CONCEPTS or f.qualifier != "exact" or s is None:
            continue
        for g in current:
            if (
                g.sentence == f.sentence
                and g.concept in _PART_CONCEPTS
                and g.role == f.role
                and g.span[0] >= f.span[1]
                and g.value < out.get(f.id, f.value)
                and _INCLUDING.fullmatch(s.text, f.span[1] - s.start, g.span[0] - s.start)
            ):
                out[f.id] = out.get(f.id, f.value) - g.value
    return out


@lru_cache(maxsize=4)
def _partitive(concept: str) -> re.Pattern[str] | None:
    """ "three of the injured", "two of those wounded": a part of a count of the same
    casualties (the vocabulary's [casualty_words]), told after its figure."""
    from compare.extract.vocab import vocabulary

    words = str(vocabulary().tables.get("casualty_words", {}).get(concept, ""))
    told = "|".join(re.escape(" ".join(w.split())) for w in words.split("|") if w.strip())
    if not told:
        return None
    return re.compile(
        rf"\s+of\s+(?:the|those|these)\s+(?:[\w-]+\s+){{0,2}}?(?:{told})\b", re.IGNORECASE
    )


def _parts(e: Extracted, current: Sequence[Figure]) -> set[str]:
    """Figures that count a part of the casualties counted in full elsewhere: "three of the
    injured drove themselves to hospital", "two of those killed were children" (figure
    ids).  A part is never the event's count."""
    sentences = _sentences(e)
    out: set[str] = set()
    for f in current:
        s = sentences.get(f.sentence)
        pattern = _partitive(f.concept) if f.concept in _CASUALTY else None
        if s is None or pattern is None:
            continue
        end = f.span[1] - s.start
        if s.text[f.span[0] - s.start : end] == f.text and pattern.match(s.text, end):
            out.add(f.id)
    return out


@dataclass(frozen=True)
class _Report:
    """One article's report of one (concept, role) count."""

    value: float  # its own value
    stated: frozenset[float]  # every value it states (one person told apart left out)
    when: dt.date | None
    rough: bool  # only a vague count ("several")
    heads: frozenset[float]  # the values its lead states
    said: Counter[float]  # how often it states each value
    article: str = ""  # the article's id
    one_named: bool = False  # its value 1 is only ever one person named ("a man was hurt")


def _less(r: _Report, n: float) -> _Report:
    """A report's values, ``n`` fewer people each (those of them who died since)."""
    said: Counter[float] = Counter({v - n: k for v, k in r.said.items() if v - n > 0})
    return replace(
        r,
        value=r.value - n,
        stated=frozenset(v - n for v in r.stated if v - n > 0),
        heads=frozenset(v - n for v in r.heads if v - n > 0),
        said=said,
        one_named=False,
    )


@dataclass(frozen=True)
class _Support:
    """How the articles of an event support one value of a count."""

    articles: int = 0  # articles that state it
    lead: int = 0  # articles whose lead states it
    own: int = 0  # articles whose own value it is
    mentions: int = 0  # times it is stated, in all
    last: dt.date = dt.date.min  # the latest article that states it

    def rank(self, casualty: bool) -> tuple[int, int, int, int, dt.date]:
        """More articles, then more leads, then more articles' own value; then, for a
        casualty count, the value told more often (a toll in a headline and its lead
        against one mention in passing: "one person was taken to hospital"); then the
        latest (a company's results, an election's count: the latest is current)."""
        return (self.articles, self.lead, self.own, self.mentions if casualty else 0, self.last)


# A report the sentence says was superseded: "Authorities initially said six were shot",
# "Initial reports indicated four agents were wounded", "police said earlier that".
_SUPERSEDED = re.compile(
    r"\b(?:initially|originally|at\s+first|first|earlier|previously)\s+(?:had\s+)?"
    r"(?:said|reported|put|told|indicated|stated|announced|counted)\b|"
    r"\b(?:initial|original|earlier|early|preliminary)\s+(?:reports?|figures?|counts?|"
    r"estimates?)\b|\bsaid\s+earlier\b",
    re.IGNORECASE,
)


def _superseded(e: Extracted, current: Sequence[Figure]) -> set[str]:
    """Casualty counts told as an earlier report that a later one replaced ("police
    initially said six people were shot"; the words before the figure): figure ids.  The
    event's count is the later ("was wounded, but police initially said" is not one)."""
    sentences = _sentences(e)
    out: set[str] = set()
    for f in current:
        s = sentences.get(f.sentence)
        if (
            s is not None
            and f.concept in _CASUALTY
            and _SUPERSEDED.search(s.text, 0, max(0, f.span[0] - s.start))
        ):
            out.add(f.id)
    return out


def _died_of_wound(
    key: tuple[str, str | None],
    report: _Report,
    people: dict[tuple[str, str | None], bool],
    led: dict[tuple[str, str | None], set[str]],
    who: dict[tuple[str, str | None], list[frozenset[str]]],
) -> bool:
    """Whether a death of one person, told past an article's lead, is the death of one whose
    wound another article's lead told ("A young man was shot", then "the wound caused the
    death of Tyler Buchanan a day later"): the wound corroborates it.  Not a death told
    beside others ("two of the victims died"), nor one told deep in the article whose lead
    tells the wound (a roundup's other case).  Likewise a wound of one person told past the
    lead, where a lead tells one person shot it may be ("A man shot his daughter", then
    "Mya Verner was flown to the hospital")."""
    concept, role = key
    if report.stated != {1} or not people.get(key, False):
        return False
    if not all(_same_people([a], [b]) for a in who.get(key, []) for b in who.get(key, [])):
        return False  # not one person: "Eric Jordan, 19," and "Anthony Hughes, 14,"
    for whole, (part, rest) in PARTS.items():
        for wound in (rest, whole) if part == concept else ():
            # "A young man was wounded", "the teen was shot": a wound of one person
            wounds = led.get((wound, role), set())
            if (
                wounds
                and report.article not in wounds
                and people.get((wound, role), False)
                and _same_people(who.get((wound, role), []), who.get(key, []))
            ):
                return True
        if (
            concept == rest
            and led.get((whole, role))
            and people.get((whole, role), False)
            and _same_people(who.get(key, []), who.get((whole, role), []))
        ):
            # "A man shot his 16-year-old daughter" in a lead, "Verner was flown to the
            # hospital in critical condition" further down: the one shot, wounded
            return True
    return False


def totals(done: Sequence[Extracted]) -> tuple[Total, ...]:
    """The event's tally per (concept, role): see :class:`Total`."""
    # Per article: its own value (its most repeated figure) and every value it states.
    reported: dict[tuple[str, str | None], list[_Report]] = {}
    people: dict[tuple[str, str | None], bool] = {}  # every figure counts one person
    led: dict[tuple[str, str | None], set[str]] = {}  # articles whose lead tells the count
    telling: set[str] = set()  # articles that count casualties at all
    told_back: set[tuple[str, str | None]] = set()  # counts told of people named before
    who: dict[tuple[str, str | None], list[frozenset[str]]] = {}  # whom each figure names
    apart: set[tuple[str, str | None]] = set()  # counts told beside a death in one sentence
    # the toll a report tells risen to by one more dead ("a fourth victim has died"), its date
    risen: dict[tuple[str, str | None], list[tuple[float, dt.date]]] = {}
    later: list[tuple[dt.date, frozenset[str]]] = []  # deaths of ones told wounded: when, whom
    floors: dict[tuple[str, str | None], set[float]] = {}  # values told only as "at least"
    exact: dict[tuple[str, str | None], set[float]] = {}  # values told as they are
    dead: dict[str, list[frozenset[str]]] = {}  # whom each article's deaths name
    for e in done:
        said: dict[tuple[str, str | None], Counter[float]] = {}
        vague: dict[tuple[str, str | None], Counter[float]] = {}
        lead: dict[tuple[str, str | None], Counter[float]] = {}
        named: dict[tuple[str, str | None], bool] = {}  # its counts of one name one person
        current = [
            f
            for f in e.figures
            if f.concept is not None and f.scope == "current" and f.unit != "percent"
        ]  # a share is no tally ("up 11 percent")
        parts = _parts(e, current) | _superseded(e, current)
        current = [f for f in current if f.id not in parts]
        summed = _with_others(e, current)
        listed, taken = _listed_together(e, current)
        current = [f for f in current if f.id not in taken]
        summed |= listed
        sentences = _sentences(e)
        lived_on = _later_dead(e, current)
        summed |= lived_on
        died = _deaths_of_wounded(e, current)
        if died:
            for fid, lived in _wounded_then(e, current, died, summed).items():
                if fid not in lived_on:  # "including a girl who was shot and later died"
                    summed[fid] = lived
            current = [f for f in current if summed.get(f.id, 1) > 0]
        for f in current:
            key = _key(f)
            if f.id in summed:
                f = replace(f, value=summed[f.id])
            if f.qualifier == "vague":
                vague.setdefault(key, Counter())[f.value] += 1
                continue  # "several were hurt": a count only when no report gives a number
            said.setdefault(key, Counter())[f.value] += 1
            if f.sentence < LEAD_SENTENCES:
                lead.setdefault(key, Counter())[f.value] += 1
            people[key] = people.get(key, True) and f.value == 1
            kind = floors if f.qualifier in ("at_least", "more_than") else exact
            kind.setdefault(key, set()).add(f.value)
            if (
                f.concept in _PART_CONCEPTS
                and e.article.published is not None
                and (s := sentences.get(f.sentence)) is not None
                and _ordinal_death(f, s.text)
            ):
                risen.setdefault(key, []).append((f.value, e.article.published))
            if f.value == 1:
                named[key] = named.get(key, True) and _one_person(f)
            who.setdefault(key, []).append(_whom(f))
        rough = {key for key in vague if key not in said}  # "several", nothing more exact
        for key in rough:
            said[key] = vague[key]
        for key, tally in said.items():
            # The count its lead tells most, then its most repeated, then the larger.
            first = lead.get(key, Counter())
            value = max(tally, key=lambda v: (first[v], tally[v], v))
            # One person told apart ("the victim died") is a part of a larger count the
            # same article states, not a count of its own.
            stated = frozenset(v for v in tally if v > 1 or v == value)
            heads = frozenset(v for v in first if v in stated)
            reported.setdefault(key, []).append(
                _Report(
                    value,
                    stated,
                    e.article.published,
                    key in rough,
                    heads,
                    tally,
                    e.article.id,
                    named.get(key, False),
                )
            )
        deaths = {f.sentence for f in current if f.concept in _PART_CONCEPTS}
        if _PART_CONCEPTS & _title_counts(e.article.title, suspects=True):
            deaths.add(-1)  # the headline's death, read once in the body
        for f in current:
            if f.concept in _REST_CONCEPTS and f.sentence in deaths:
                apart.add(_key(f))  # "left a boy dead and a woman wounded": two people
            if f.sentence < LEAD_SENTENCES:
                led.setdefault(_key(f), set()).add(e.article.id)
            elif _ANAPHOR.match(f.text) or (f.value == 1 and _ordinals().one.match(f.text)):
                told_back.add(_key(f))  # "He later died", "one of them": this event's people
        for concept in _title_counts(e.article.title):
            # a headline count the body repeats further down is read once, in the body
            # ("Boy, 15, who shot himself accidentally dies"): the lead told it
            led.setdefault((concept, None), set()).add(e.article.id)
        if any(f.concept in _CASUALTY for f in current):
            telling.add(e.article.id)
        if e.article.published is not None:
            later.extend((e.article.published, w) for w in died)
        dead[e.article.id] = [
            _whom(f) for f in current if f.concept in _PART_CONCEPTS and f.role != "suspect"
        ]
    for key, told_floor in floors.items():
        told_floor -= exact.get(key, set())  # "at least two", never "two"
    tolls = [t for k in _PART_CONCEPTS for t in risen.get((k, None), [])]
    own = {r.article: r.value for k in _PART_CONCEPTS for r in reported.get((k, None), [])}
    for (concept, role), reports in list(reported.items()):
        if role is not None or concept not in _REST_CONCEPTS | _PART_CONCEPTS:
            continue
        # "A man wounded in the shooting has died", "a fourth victim has died": the reports
        # before it counted him among the wounded, not the dead (a person is counted once,
        # at their last state), unless he may be one of their own dead ("A man was killed";
        # "the man ... has died"); one more dead by its ordinal is as many more as the toll
        # it tells is above theirs.
        kept = []
        for r in reports:
            if r.when is None:
                kept.append(r)
                continue
            moved = sum(
                1
                for when, w in later
                if r.when < when
                and not (dead.get(r.article) and _same_people([w], dead[r.article]))
            )
            risen_by = max(
                (toll - own.get(r.article, 0.0) for toll, when in tolls if r.when < when),
                default=0.0,
            )
            n = max(float(moved), risen_by)
            if n <= 0:
                kept.append(r)
            elif concept in _PART_CONCEPTS:
                kept.append(_less(r, -n))
            elif r.value - n > 0:
                kept.append(_less(r, n))
        reported[concept, role] = kept
    out: dict[tuple[str, str | None], Total] = {}
    for (concept, role), reports in reported.items():
        if not reports:
            continue
        if (
            len(reports) == 1
            and not led.get((concept, role))
            and concept in _CASUALTY
            and (concept, role) not in told_back
        ):
            # One article tells it, only past its lead: uncorroborated when another
            # article counts the event's casualties, or its own lead counts others.
            leads_others = any(k[0] != concept and k[0] in _CASUALTY for k in led)
            if (len(telling) >= 2 or leads_others) and not _died_of_wound(
                (concept, role), reports[0], people, led, who
            ):
                continue
        # Articles with only a vague count ("several were hurt") count when none is exact.
        values = [r for r in reports if not r.rough] or reports
        # A value stated by more articles wins, even where it is not each one's own ("five
        # died" beside "three children" in one report, "five killed" in another); then
        # the articles whose own value it is, then (a casualty count) the value told most
        # often, then the latest, then the smaller (see _Support.rank).
        support: dict[float, _Support] = {}
        larger = any(r.value > 1 and r.value in r.heads for r in values)
        for r in values:
            for v in r.stated:
                if v == 1 and r.one_named and larger and concept in _PART_CONCEPTS:
                    continue  # "a man was hurt": one of those another report counts
                was = support.get(v, _Support())
                support[v] = _Support(
                    was.articles + 1,
                    was.lead + (v in r.heads),
                    was.own + (v == r.value),
                    was.mentions + r.said[v],
                    max(was.last, r.when or dt.date.min),
                )
        for toll, when in risen.get((concept, role), []):
            # "A fourth victim has died": the toll has risen to four since the reports
            # before it (smaller counts told no later are the toll as it was then)
            if toll in support:
                for v in [v for v in support if v < toll and support[v].last <= when]:
                    del support[v]
        casualty = concept in _CASUALTY
        value = max(support, key=lambda v: (support[v].rank(casualty), -v))
        n, last = support[value].own, support[value].last
        out[concept, role] = Total(
            concept, role, value, n, len(values), None if last == dt.date.min else last
        )
    for whole, (part, rest) in PARTS.items():
        for role in (None, "suspect"):
            told, known, have = out.get((rest, role)), out.get((part, role)), out.get((whole, role))
            if (
                told is not None
                and known is not None
                and told.value == 1
                and people.get((rest, role))
                and (rest, role) not in apart
                and known.value >= 1
                and (have is None or have.value <= known.value)
                and _same_people(who[rest, role], who.get((part, role), []))
            ):
                # "a boy with a gunshot wound" in an event where one boy died and no report
                # counts more people shot than dead: the wound was the dead one's.
                del out[rest, role]
            have = out.get((whole, role))
            if have is None:
                continue
            known = out.get((part, role))
            minus = known.value if known is not None else 0.0
            told = out.get((rest, role))
            if told is not None and (
                told.value >= have.value - minus
                or (
                    have.articles < 2
                    and told.articles >= have.articles
                    and told.value not in floors.get((rest, role), set())
                )
            ):
                continue  # the stated count stands unless more reports count the whole
                # (or it is only ever a floor, "at least two were hurt", that the whole's
                # count less the dead meets)
            out[rest, role] = Total(
                rest,
                role,
                max(0.0, have.value - minus),
                have.articles,
                have.reporting,
                have.as_of,
                derived=f"{whole} {have.value:g} - {part} {minus:g}",
            )
    return tuple(sorted(out.values(), key=lambda t: (t.role is not None, t.concept)))
