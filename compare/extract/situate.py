"""Where and when each figure of an article is, and whom it counts: place, time scope, role.

Run once per article, after the figures of each sentence are read, because a figure
with no place of its own takes its sentence's, else its paragraph's, else the
article's (its dateline, else the place its title and lead name most).

Time scope: a figure in a clause that names an earlier year, or recalls an earlier
event ("the 1999 quake, which killed about 17,000", "last year's floods"), is
*background*; one in a stated period ("in the third quarter", "last year", "in 2022")
is a *period* figure; the rest are *current*.  "since 7 October" opens a period that
runs to now: the figure stays current and keeps its start.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from compare.extract.places import (
    Mention,
    city_first,
    contains,
    gazetteer,
    not_surnames,
    surnames,
    told_with,
)
from compare.extract.places import mentions as named
from compare.extract.resources import alternation
from compare.extract.vocab import Vocabulary, table_phrases, table_words, vocabulary
from compare.segment import dateline
from compare.types import Article, Figure, PlaceFrom, Role, Scope, Sentence

LEAD_SENTENCES = 3  # the lead whose places make an article's main place
UNDATED_MARGIN = 3  # years: in an undated article, a year this old names a past event
_YEAR = re.compile(r"(?<![\w$\u20ac\u00a3.,-])(?:19[0-9]{2}|20[0-9]{2})(?![\w%-])")
# Where one clause ends and another begins, for what a figure's place or time is.
_BREAK = re.compile(
    r";|:\s|\s[\u2013\u2014-]\s|\(|\)|,\s+(?=(?:which|when|while|but|whereas|although|"
    r"though|and|who|after|before|as|compared|up\s+from|down\s+from|against|versus)\b)|"
    r"\b(?:when|after|before|while|whereas)\b|\band\s+(?=(?:a|an|the|its|their)\s)"
)
_ASIDE = re.compile(r"(?:,\s*(?:including|among\s+them|of\s+whom|among)|\()\s*$", re.IGNORECASE)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_SINCE = re.compile(
    r"\bsince\s+(?P<p>(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?\w+|"
    r"(?:early|mid|late)[- ]\w+|\d{1,2}\s+[A-Z][a-z]+|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:\s+\d{1,2}(?!\d))?"
    r"(?:,?\s+(?:19|20)\d{2})?|"
    r"(?:19|20)\d{2}|last\s+\w+))",
)
# A comparison's base right before a period: "from a year earlier", "versus a year ago".
_BASE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+$", re.I)
_PERIOD = re.compile(
    r"\b(?P<p>(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?:first|second|third|fourth|final|last|"
    r"latest|previous|same|past)[\s-]+(?:fiscal\s+)?(?:quarter|half|year|month|week|"
    r"three\s+months|six\s+months|nine\s+months|12\s+months)|q[1-4](?:\s+\d{4})?|"
    r"(?:fiscal|financial)\s+(?:year\s+)?\d{4}|(?:last|next)\s+(?:year|month|week|quarter)|"
    r"a\s+year\s+(?:earlier|ago|before)|year[- ]on[- ]year|annual(?:ly)?|per\s+year|"
    r"(?:in|for|during)\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+\d{4})?|(?:in|for|during)\s+(?:19|20)\d{2}|"
    # A month's own figure: "revised January's increase down to 504,000".
    + _MONTHS
    + r"['\u2019]s|"
    # "in the 12 months to June", "in the week to 28 January", "the quarter ended 30 July"
    r"(?:the\s+)?(?:(?:12|twelve|three|six|nine)\s+months|week|month|quarter|year)\s+"
    r"(?:to|ended|ending|through)\s+(?:\d{1,2}\s+)?" + _MONTHS + r"(?:\s+\d{1,2}(?!\d))?|"
    r"over\s+the\s+(?:past\s+)?year|from\s+" + _MONTHS + r"\s+to\s+" + _MONTHS + r"|"
    r"(?:the\s+)?" + _MONTHS + r"\s+quarter|"
    r"(?:the\s+)?(?:current|full|whole)[\s-]+(?:fiscal\s+)?(?:quarter|year)|"
    # A day's count: "in the past 24 hours", "over the last three days", "on Tuesday alone".
    r"(?:in|during|over|within)\s+the\s+(?:past|last|previous|preceding)\s+(?:\d{1,3}|"
    r"twenty-four|forty-eight|seventy-two|two|three|four|five|six|seven|ten)\s+(?:hours|days)|"
    r"(?:in|within)\s+(?:24|48|72|twenty-four|forty-eight|seventy-two)\s+hours|"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+alone|"
    # The year so far ("the 19th child shot in the city so far this year", "sales this
    # year") and a past season ("Last summer, one man was killed in a shooting nearby").
    r"(?:so\s+far\s+)?this\s+year(?:\s+alone)?|year[- ]to[- ]date|"
    r"(?:last|this\s+past)\s+(?:summer|winter|spring|fall|autumn))\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"quarter|half|fiscal|months?\b|week\s+to|" + _MONTHS + r"$", re.IGNORECASE)
# Two periods set against each other: "in January ..., while between February 9 and 20".
_CONTRAST = re.compile(r"\b(?:while|whereas|compared|against|versus|but)\b", re.IGNORECASE)
# "the lowest since May 1969": a record's "since" compares; it is not the figure's time.
_COMPARED_BEFORE = re.compile(r"\b(?:from|than)\s+\S*$", re.IGNORECASE)
_RECORD = re.compile(r"(?:est|most|least)\s+(?:\w+\s+){0,2}since\b", re.IGNORECASE)
# When something began, or the time compared with, is not the figure's period: "rains that
# began in June", "a far narrower margin than in 2019".
_STARTED = re.compile(
    r"\b(?:began|begun|started|starting|beginning|than|since)(?:\s+[A-Za-z]+){0,2}\s+$",
    re.IGNORECASE,
)
# "put the efficacy at 94.5%" after "An interim analysis two weeks ago ... had": a pluperfect
# names an earlier state of things.
_PLUPERFECT = re.compile(r"\bhad\s+(?!to\b|been\s+(?:a|an|the)\b)([a-z]+)", re.IGNORECASE)
_AGO = re.compile(
    r"\b(?P<n>\w+)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)
# "last year's floods", "a previous attack": an earlier event named without its year.
_RECALLED = re.compile(r"\blast\s+year['\u2019]s\b|\bprevious\b|\bearlier\b", re.IGNORECASE)
_CASUALTIES = frozenset({"killed", "injured", "missing", "displaced", "evacuated", "shot"})


def situate(
    figures: Sequence[Figure], sentences: Sequence[Sentence], article: Article
) -> tuple[Figure, ...]:
    """The figures with place, time scope and role set (see the module's docstring)."""
    if not figures:
        return tuple(figures)
    vocab = vocabulary()
    by_index = {s.index: s for s in sentences}
    body = sorted((s for s in sentences if s.index >= 0), key=lambda s: s.index)
    regions = _regions(sentences, article)

    resolved: dict[str, Sequence[Mention]] = {}
    people = surnames(s.text for s in sentences)

    def mentions(text: str) -> Sequence[Mention]:
        if text not in resolved:
            found = not_surnames(text, named(text), people) if people else named(text)
            resolved[text] = _resolve(text, found, regions)
        return resolved[text]

    where = _article_place(sentences, article, mentions)
    attack = _attacked(figures, sentences, vocab)
    year = article.published.year if article.published else _undated_year(sentences)
    last_seen: dict[int, Mention] = {}  # paragraph -> its latest place mention so far
    out: list[Figure] = []
    done_upto = -1
    ordered = sorted(figures, key=lambda f: (f.sentence, f.span[0]))
    siblings: dict[int, list[Figure]] = {}
    cut_of: dict[int, _Cuts] = {}
    counted: set[str] = set()  # what the figures before this one count
    for f in ordered:
        siblings.setdefault(f.sentence, []).append(f)
    for f in ordered:
        sentence = by_index.get(f.sentence)
        if sentence is None:
            out.append(f)
            continue
        if sentence.index > done_upto:
            # Remember the places of sentences before this one, paragraph by paragraph.
            for s in body[max(0, done_upto + 1) : max(0, sentence.index)]:
                found = _located(s.text, mentions(s.text))
                if found:
                    last_seen[s.paragraph] = found[-1]
            done_upto = sentence.index - 1
        if f.sentence not in cut_of:
            cut_of[f.sentence] = _cuts(sentence, siblings[f.sentence], vocab)
        lo, hi = _clause(sentence, f, cut_of[f.sentence], figures=True)
        when_lo, when_hi = _clause(sentence, f, cut_of[f.sentence], figures=False)
        own = mentions(sentence.text)
        at = f.span[0] - sentence.start
        clause = sentence.text[lo:hi]
        source: PlaceFrom
        place: Mention | None = None
        if not _WORLDWIDE.search(sentence.text, at, hi):  # "500 million doses worldwide"
            place, source = _place(sentence.text, own, lo, hi, at, when_hi)
            if place is None and sentence.paragraph in last_seen:
                place, source = last_seen[sentence.paragraph], "paragraph"
            if place is None and where is not None:
                place, source = where, "article"
        told = _scope(
            _relative(sentence.text, when_lo) or _entry_year(sentence.text, at),
            sentence.text[when_lo:when_hi],
            f,
            year,
            vocab,
        )
        scope, period = _event_scope(f, *told, article.published)
        period = _named_month(period, article.published)
        if (
            scope == "current"
            and period is None
            # "five were killed and three more were injured", "49 were killed ... Another 53
            # were wounded": more people, counted otherwise, so the total of that count.
            # "left four dead ... Officers found two more dead at a second house": more
            # of the people counted before; or the sentence says so: "In addition to those
            # shot, up to 9 more".
            and (f.concept in counted or _BESIDES.search(sentence.text, 0, at) is not None)
            and _added(sentence.text, at, f.span[1] - sentence.start)
        ):
            scope, period = "period", ADDED  # "9 more people were hurt": not the total
        if f.concept is not None:
            counted.add(f.concept)
        if scope == "current" and _link_line(sentence.text, vocab):
            scope, period = "background", ANOTHER_STORY
        elif scope == "current" and f.concept in _CASUALTIES and _roundup(sentence.text, vocab):
            scope, period = "background", SEVERAL_EVENTS
        elif scope == "current" and f.concept in _CASUALTIES and _follows(sentence.text, at, vocab):
            scope, period = "background", "earlier"
        day = _one_day(f, sentence.text[when_lo:when_hi], article.published, vocab)
        if day is not None and scope == "current" and period is None:
            period = day  # still this event's count (scope current), of that day
        out.append(
            replace(
                f,
                place=place.place.name if place else None,
                place_key=place.place.key if place else None,
                place_from=source if place is not None else None,
                scope=scope,
                period=period,
                role=f.role or _role(f, clause, vocab, sentence.text[at : at + 300], attack),
            )
        )
    return _inherit_periods(_bulletin_sources(_crowd_days(out, vocab), body), sentences)


def _crowd_days(figs: list[Figure], vocab: Vocabulary) -> list[Figure]:
    """A one-day happening's count without a day of its own (see :func:`_one_day`) is of
    the day the article dates its others ("marched on Thursday ... The interior ministry
    counted 1.12 million protesters"): no count of another day's march."""
    crowd = set(str(vocab.tables.get("time", {}).get("one_day", "")).lower().split())
    if not crowd:
        return figs
    undated = [
        k
        for k, f in enumerate(figs)
        if f.concept is not None
        and f.concept.lower() in crowd
        and f.scope == "current"
        and f.period is None
        and f.sentence >= 0
    ]
    if not undated:
        return figs
    days = [f.period for f in figs if f.concept and f.concept.lower() in crowd and _ISO(f)]
    if not days:
        return figs
    day = days[0]
    out = list(figs)
    for k in undated:
        out[k] = replace(out[k], period=day)
    return out


def _ISO(f: Figure) -> bool:
    return f.scope == "current" and bool(re.fullmatch(r"\d{4}-\d\d-\d\d", f.period or ""))


# A bulletin's item: "Dead: 2,012", "DEATHS: 6,300".
_ITEM = re.compile(r"^\s*[A-Za-z][A-Za-z '\u2019-]{0,30}:\s*\S")
# Its lead-in: "Source: NDRRMC final report", "Interior ministry figures, Saturday evening:".
_SOURCE_LINE = re.compile(r"^\s*(?:source|sources|figures\s+from)\s*:\s*(?P<who>.+?)\s*$", re.I)
_FIGURES_OF = re.compile(
    r"^\s*(?:the\s+)?(?P<who>.+?)['\u2019]?s?\s+(?:latest\s+|official\s+|final\s+)?"
    r"(?:figures|data|toll|tally|count|statistics|report|bulletin)\b[^:]*:\s*$",
    re.IGNORECASE,
)


def _bulletin_sources(figs: list[Figure], body: Sequence[Sentence]) -> list[Figure]:
    """A bulletin's items take the bulletin's source: the "Source:" line or the "<source>
    figures:" line that opens the list."""
    position = {s.index: k for k, s in enumerate(body)}
    out = []
    for f in figs:
        k = position.get(f.sentence)
        if f.attribution is None and k is not None and _ITEM.match(body[k].text):
            while k > 0 and _ITEM.match(body[k - 1].text) and not _lead_in(body[k - 1].text):
                k -= 1
            who = _lead_in(body[k - 1].text) if k > 0 else None
            if who:
                f = replace(f, attribution=who)
        out.append(f)
    return out


def _lead_in(text: str) -> str | None:
    m = _SOURCE_LINE.match(text) or _FIGURES_OF.match(text)
    if m is None:
        return None
    who = " ".join(m.group("who").split()).strip(" ,.")
    return who[4:] if who.lower().startswith("the ") else who or None


def _inherit_periods(figs: list[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """A statistic told without a time of its own belongs to the period its sentence, else
    the article's lead, states: in "Apple's revenue fell 1% to $89.5bn in its fiscal fourth
    quarter", "Mac sales dropped 34%" further down is that quarter's too; "the unemployment
    rate fell to 3.4%" after "added 517,000 jobs in January" is January's.  Counts of an
    event (killed, injured...) never take a period: they are the event's."""
    # The article reports on a period when its first figure is a statistic of a reporting
    # period (a quarter, a month, "the 12 months to June"), not of "last year" or a year.
    body = [f for f in figs if f.sentence >= 0]
    first = min(body, key=lambda f: (f.sentence, f.span[0]), default=None)
    article_period = (
        first.period
        if first is not None
        and first.scope == "period"
        and first.period
        and _REPORTING.search(first.period)
        else None
    )
    text_of = {s.index: s.text for s in sentences}
    start_of = {s.index: s.start for s in sentences}
    out: list[Figure] = []
    by_sentence: dict[int, str] = {}
    for f in figs:
        text = text_of.get(f.sentence, "")
        # "5.0%, up from 4.8% in September": the period of a value compared with is not
        # its sentence's (the few words before it, so that long lists stay linear).
        at = max(0, f.span[0] - start_of.get(f.sentence, 0))
        before = text[max(0, at - 40) : at]
        if (
            f.scope == "period"
            and f.period
            and _REPORTING.search(f.period)
            and not _CONTRAST.search(text)
            and not _COMPARED_BEFORE.search(before)
        ):
            by_sentence.setdefault(f.sentence, f.period)
    for f in figs:
        if (
            f.scope == "current"
            and (f.period is None or _RECORD.search(text_of.get(f.sentence, "")))
            and f.concept not in _CASUALTIES
            and not f.role
        ):
            period = by_sentence.get(f.sentence) or article_period
            if period is not None:
                f = replace(f, scope="period", period=period)
        out.append(f)
    return tuple(out)


@dataclass(frozen=True)
class _Cuts:
    """Where a sentence's clauses may end, found once per sentence (so a sentence with
    many figures costs a search per figure, not a pass over all the others)."""

    break_starts: tuple[int, ...]  # clause breaks, in order
    break_ends: tuple[int, ...]
    ends: tuple[int, ...]  # ends of the figures that end a clause, in order
    starts: tuple[int, ...]  # their starts, in order


def _cuts(sentence: Sentence, siblings: Sequence[Figure], vocab: Vocabulary) -> _Cuts:
    text, at = sentence.text, sentence.start
    kept = [
        (f.span[0] - at, f.span[1] - at)
        for f in siblings
        # "383 people, including 96 children, have been killed in Hatay province":
        # an aside's figure does not end the clause it stands in.
        if not _ASIDE.search(text[max(0, f.span[0] - at - 16) : f.span[0] - at])
    ]
    breaks = sorted(
        [(m.start(), m.end()) for m in _BREAK.finditer(text)]
        # ", surpassing the 2018 Camp Fire in California": what a figure is compared with
        # (the vocabulary's [time] compared words) is not in its clause, nor its place.
        + [(m.start(), m.end()) for m in _compared_break(vocab).finditer(text)]
    )
    return _Cuts(
        tuple(a for a, _ in breaks),
        tuple(b for _, b in breaks),
        tuple(sorted(e for _, e in kept)),
        tuple(sorted(s for s, _ in kept)),
    )


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _compared_break(vocab: Vocabulary) -> re.Pattern[str]:
    # Not "since": after a comma it also opens the figure's own period ("378 overdose deaths
    # in the county, including the city, since January").
    words = sorted(table_words(vocab, "time", "compared") - {"since"})
    return re.compile(rf",\s+(?=(?:{alternation(words)})\b)", re.IGNORECASE)


def _clause(sentence: Sentence, fig: Figure, cuts: _Cuts, *, figures: bool) -> tuple[int, int]:
    """The clause a figure stands in, as offsets into its sentence: from the last break
    before it (or, with ``figures``, the previous figure) to the first break after it (or
    the next figure)."""
    at, end = fig.span[0] - sentence.start, fig.span[1] - sentence.start
    k = bisect.bisect_right(cuts.break_ends, at)
    lo = cuts.break_ends[k - 1] if k else 0
    k = bisect.bisect_left(cuts.break_starts, end)
    hi = cuts.break_starts[k] if k < len(cuts.break_starts) else len(sentence.text)
    if figures:
        k = bisect.bisect_right(cuts.ends, at)
        if k:
            lo = max(lo, cuts.ends[k - 1])
        k = bisect.bisect_left(cuts.starts, end)
        if k < len(cuts.starts):
            hi = min(hi, cuts.starts[k])
    return lo, hi


def _place(
    text: str, found: Sequence[Mention], lo: int, hi: int, at: int, clause_end: int
) -> tuple[Mention | None, PlaceFrom]:
    """The figure's own place (in its clause, the nearest), else the sentence's (the last
    one before the figure, else the first after it).  A route's ends and the places of a
    relative aside the figure is not in ("In Syria, where figures come from the government
    in Damascus, ... the count stood at 5,914") are not where the figure is."""
    if not found:
        return None, "sentence"
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text)]
    outside = [a for a in asides if not a[0] <= at < a[1]]
    found = [m for m in _located(text, found) if not any(a <= m.start < b for a, b in outside)]
    inside = [m for m in found if lo <= m.start < hi]
    if inside:
        # Where something happens ("in Newtown") before what a noun is ("a US school").
        best = min(inside, key=lambda m: (_weakness(text, m), abs(m.start - at)))
        return _widened(text, best, inside), "figure"
    before = [m for m in found if m.start < at]
    if before:
        return _widened(text, before[-1], before), "sentence"
    # A place after the figure counts only in the figure's own clause: "28,000 killed and
    # 68,000 wounded in Hatay" is Hatay's, but in "pulled 110 billion francs from Credit
    # Suisse ..., and outflows continued after the collapse of a bank in California" the
    # bank's place is not the francs'.
    after = [m for m in found if at <= m.start < clause_end]
    if after:
        return _widened(text, after[0], after), "sentence"
    return None, "sentence"


def _widened(text: str, m: Mention, found: Sequence[Mention]) -> Mention:
    """Where a mention puts a figure, as widely as its words say: places listed together
    ("in southern Turkey and northern Syria", "in Texas, Oklahoma and Kansas") are all the
    figure's (one key per place, joined by "|": see :func:`places.relation`), and a place
    named as a landmark ("a tower near Miami", "a village outside Lyon", "50 km north of
    Kabul") puts the figure in the region around it (the landmark's parent key), not in
    it; its name stays the landmark's, as a reader says it ("near Dhaka" is Dhaka).

    >>> from compare.extract.places import mentions
    >>> t = "killed 7,800 in southern Turkey and northern Syria"
    >>> found = mentions(t)
    >>> _widened(t, found[1], found).place.key
    'SY|TR'
    >>> t = "a tower near Miami collapsed"
    >>> _widened(t, mentions(t)[0], mentions(t)).place.key
    'US>a1:FL'
    """
    listed = [m]
    for step in (-1, 1):  # the places listed before this one, then after
        k = found.index(m) if m in found else -1
        while k >= 0 and 0 <= k + step < len(found):
            x, y = (found[k + step], found[k]) if step < 0 else (found[k], found[k + step])
            if not _LISTED.fullmatch(text[x.end : y.start]):
                break
            k += step
            listed.append(found[k])
    # "Pensacola, Florida" is one place told with its state, not two places listed.
    listed = [
        x
        for x in listed
        if not any(
            (y.place.key != x.place.key and contains(x.place.key, y.place.key))
            or (told_with(y.place, x.place) and re.fullmatch(r",\s*", text[y.end : x.start]))
            for y in listed
        )
    ]
    keys = sorted({x.place.key for x in listed})
    if len(keys) > 1:
        ordered = sorted(listed, key=lambda x: x.start)
        names = [x.place.name.split(",")[0] for x in ordered]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return replace(m, place=replace(m.place, key="|".join(keys), name=name))
    m = listed[0] if listed else m
    landmark = _LANDMARK.search(text, max(0, m.start - 30), m.start) or (
        ">c:" in m.place.key and _AROUND.match(text, m.end)  # a town's, not "Kharkiv region"
    )
    if landmark and ">" in m.place.key:
        parent = m.place.key.rsplit(">", 1)[0]
        return replace(m, place=replace(m.place, key=parent))
    return m


# The words between two places listed together: ", ", " and ", ", and northern ".
_LISTED = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?",
    re.IGNORECASE,
)
# A place as a landmark: "near Miami", "outside Lyon", "50 km north of Kabul", "off Japan",
# "a suburb of Chicago".
_LANDMARK = re.compile(
    r"\b(?:near|nearby|outside|close\s+to|off|(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)\s+of|(?:suburbs?|outskirts)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... or told before what lies around it: "this Chicago suburb", "the Paris region".
_AROUND = re.compile(r"\s+(?:suburbs?|outskirts|exurbs?|region|metro(?:politan)?\s+area)\b")


def _weakness(text: str, m: Mention) -> int:
    """How weakly a mention says where: "in Newtown" (0), "for Haiti" (1), "a US aid
    package" (2)."""
    if _locative(text, m):
        return 0
    before = text[max(0, m.start - 12) : m.start].split()
    return 1 if before and before[-1].lower() in _PREPOSITIONS else 2


_PREPOSITIONS = frozenset("for to against by over toward towards about on".split())


def _locative(text: str, m: Mention) -> bool:
    """Whether a preposition puts something at the mention ("in Newtown, Connecticut": the
    state stands after its town)."""
    head = re.search(r"(?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w.'\u2019-]*,\s*$", text[: m.start])
    start = head.start() if head else m.start
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in _LOCATIVES


_LOCATIVES = frozenset("in at near outside inside into across throughout around of".split())


_INTO = re.compile(r"\binto\s+(?:the\s+)?$")
# "flight 7C2216 from Bangkok", "from Shalimar near Kolkata to Chennai": a route's ends.
_ROUTE = re.compile(
    r"\b(?:from|to|towards?|bound\s+for)\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+(?:near\s+)?)?$"
)
# ", where figures come from the government in Damascus and rescuers in the north-west,"
_RELATIVE_ASIDE = re.compile(r",\s+(?:where|which|who|whose)\b[^,;]*(?=,)")
# "500 million to 1 billion worldwide": a figure of the whole world has no place.
_WORLDWIDE = re.compile(
    r"\b(?:worldwide|globally|world-wide|(?:around|across|throughout)\s+the\s+(?:world|globe))\b",
    re.IGNORECASE,
)


def _article_place(
    sentences: Sequence[Sentence],
    article: Article,
    mentions: Callable[[str], Sequence[Mention]] = named,
) -> Mention | None:
    """The article's main place, for figures that name none of their own.

    A dateline names where the reporter files from: it is the main place when the title
    and lead name it again, or name no other place ("UVALDE, Texas", "CUPERTINO"); when
    they name another ("WASHINGTON -- US consumer prices...", "TRIPOLI -- ... the Libyan
    city of Derna"), the bureau is not where the figures are, and the place the title and
    lead name most is.  Without a dateline, that place counts only when the title names
    it, or the lead does twice, or it is a town ("A man was shot in Dayton"): a lone
    mention of a country ("would apply for approval in the United States") does not make a
    trial's figures American.
    """
    line = dateline(article.text)
    filed: Mention | None = None
    if line:
        head = line.split("(")[0].strip(" -\u2013\u2014")
        found = mentions("In " + _titlecase_dateline(head))
        if found:
            filed = found[0] if len(found) == 1 else _innermost(found)
            filed = replace(filed, place=city_first(filed.place))
    titled: set[str] = set()
    counts: dict[str, tuple[int, int, Mention]] = {}
    order = 0
    lead = [s.text for s in sentences if s.index >= 0][:LEAD_SENTENCES]
    for k, text in enumerate(([article.title] if article.title else []) + lead):
        for m in _located(text, mentions(text)):
            if k == 0 and article.title:
                titled.add(m.place.key)
            n, first, _ = counts.get(m.place.key, (0, order, m))
            counts[m.place.key] = (n + 1, first, m)
            order += 1
    if not counts:
        return filed
    n, _, best = max(counts.values(), key=lambda c: (c[0], -c[1]))
    if filed is not None:
        if contains(best.place.key, filed.place.key) and best.place.key != filed.place.key:
            return best  # "PARIS -- ... marched across France": the country's figures
        if any(contains(filed.place.key, key) for key in counts):
            return filed  # named again, or a place inside it ("Seoul's Itaewon district")
    if filed is None and n < 2 and best.place.key not in titled and best.place.key.count(">") < 2:
        return None  # a lone country or state named in passing; a lone town is the story's
    return best


def _regions(sentences: Sequence[Sentence], article: Article) -> tuple[tuple[str, ...], ...]:
    """The states and the countries an article names (its dateline, title and body), to
    tell which of several places a name is: "Escambia County" in a Florida story is
    Florida's, "Chelsea" in a Massachusetts story is not London's."""
    texts = [s.text for s in sentences]
    line = dateline(article.text)
    keys: set[str] = set()
    if line:
        head = line.split("(")[0].strip(" -\u2013\u2014")
        filed = "In " + _titlecase_dateline(head)
        texts.append(filed)
        # A dateline's town written with its state ("HIGHLAND PARK, Ill.") names the state
        # too: "Lake County" in that story is Illinois's.  A bare town ("VALENCIA") may be
        # any of its namesakes.
        if "," in head:
            keys |= {">".join(m.place.key.split(">")[:2]) for m in named(filed)}
    towns: set[str] = set()
    for text in texts:
        for m in named(text):
            if m.place.key.count(">") <= 1:
                keys.add(m.place.key)
            else:  # a town all of whose namesakes are in one country names that country
                homes = {p.key.split(">")[0] for p in gazetteer().lookup(text[m.start : m.end])}
                towns |= homes if len(homes) == 1 else set()
    states = tuple(sorted(k for k in keys if ">" in k))
    countries = tuple(sorted({k.split(">")[0] for k in keys}))
    # Last, the countries only its towns name: "Valencia" beside "Seville" is Spain's.
    return (states, countries, tuple(sorted(towns - set(countries))))


def _resolve(
    text: str, found: Sequence[Mention], regions: tuple[tuple[str, ...], ...]
) -> Sequence[Mention]:
    """Each mention as the place of that name inside the article's states, else countries."""
    out = list(found)
    for k, m in enumerate(out):
        for level in regions:
            if not level:
                continue  # the article names no place of this level
            if any(contains(r, m.place.key) or contains(m.place.key, r) for r in level):
                break  # already inside (or around) a place the article names
            alike = [
                p
                for p in gazetteer().lookup(text[m.start : m.end])
                if any(contains(r, p.key) for r in level)
            ]
            if alike:
                out[k] = replace(m, place=alike[0])
                break
    return out


def _located(text: str, found: Sequence[Mention]) -> list[Mention]:
    """The mentions that say where something is: not a route's ends ("flight 7C2216 from
    Bangkok", "from Shalimar near Kolkata to Chennai"; but "the toll from the Kentucky
    floods" names where the floods are) nor places inside a relative aside the caller does
    not stand in (see :func:`_place`)."""
    events = vocabulary().event_words
    return [
        m
        for m in found
        if not (
            _ROUTE.search(text, max(0, m.start - 30), m.start)
            and _first_word(text, m.end) not in events
        )
        and not (  # "crossed from Sudan into Chad": both ends of a route
            _INTO.search(text, max(0, m.start - 12), m.start)
            and re.search(r"\bfrom\b", text[max(0, m.start - 80) : m.start])
        )
    ]


def _first_word(text: str, at: int) -> str:
    word = re.match(r"\s+([A-Za-z]+)", text[at : at + 30])
    return word.group(1).lower() if word else ""


def _titlecase_dateline(head: str) -> str:
    """ "LITTLETON, Colo." -> "Littleton, Colo.": datelines shout the town's name."""
    parts = head.split(",", 1)
    town = " ".join(w.capitalize() for w in parts[0].split())
    return town + ("," + parts[1] if len(parts) > 1 else "")


def _innermost(found: Sequence[Mention]) -> Mention:
    return max(found, key=lambda m: m.place.key.count(">"))


def _undated_year(sentences: Sequence[Sentence]) -> int:
    """The year an undated article is taken to be from: the latest year it names, but
    at least a few years before today (a year that old is history whenever it is read)."""
    years = [int(y) for s in sentences for y in _YEAR.findall(s.text)]
    return max([*years, dt.date.today().year - UNDATED_MARGIN])


def _named_month(period: str | None, published: dt.date | None) -> str | None:
    """A month told relative to the report's date, named: "last month" in a report of 5 April
    is March, so that "added 303,000 jobs last month" and "in March" are one month's.

    >>> _named_month("last month", dt.date(2024, 4, 5)), _named_month("this month", None)
    ('march', 'this month')
    """
    shift = {"last month": -1, "this month": 0}.get(period or "")
    if shift is None or published is None:
        return period
    month = (published.month - 1 + shift) % 12 + 1
    return dt.date(2000, month, 1).strftime("%B").lower()


def _event_scope(
    fig: Figure, scope: Scope, period: str | None, published: dt.date | None
) -> tuple[Scope, str | None]:
    """An event's count told with its time ("three were wounded last week", "in July") is
    still this event's: only a year, or a month two or more before the report's ("In
    November, a fire ... killed 111" in May), makes it another, earlier one ("last year 40
    died").  An event's earlier count ("had put the toll at 11,300") is still its own."""
    if fig.concept not in _CASUALTIES:
        return scope, period
    if scope == "background" and period == _HAD_EARLIER:
        return "current", None
    if scope != "period":
        return scope, period
    if period is not None and _INCREMENT.search(period):
        return "period", period  # "54 died in the past 24 hours": a day's count, not the toll
    if period is not None and _THIS_YEAR.search(period):
        return "period", period  # "shot in the city so far this year": the year's, no event's
    if period is not None and _SEASON.search(period):
        return "background", period  # "Last summer, one man was killed": an earlier event
    if period is not None and ("year" in period or _YEAR.search(period)):
        return "background", period
    month = _MONTH_NUMBER.get((period or "").split(" ")[0])
    if month is not None and published is not None and (published.month - month) % 12 >= 2:
        return "background", period
    return "current", period


def _one_day(fig: Figure, clause: str, published: dt.date | None, vocab: Vocabulary) -> str | None:
    """The date of a one-day happening's count (the vocabulary's [time] ``one_day``
    concepts: a crowd) from a weekday in its clause, counted back from the article's date:
    "1.03 million people marched on Sunday" in a Monday's paper is the day before's.

    >>> from compare.extract.vocab import vocabulary
    >>> f = Figure("a:f1", "a", 0, "338,000", (0, 7), 338e3, 338e3, 338e3, "exact", None,
    ...            "participants")
    >>> _one_day(f, "338,000 took part in Sunday's march", dt.date(2019, 6, 17), vocabulary())
    '2019-06-16'
    >>> _one_day(f, "338,000 took part", dt.date(2019, 6, 17), vocabulary()) is None
    True
    """
    if published is None or fig.concept is None:
        return None
    crowd = str(vocab.tables.get("time", {}).get("one_day", "")).lower().split()
    if fig.concept.lower() not in crowd:
        return None
    m = _WEEKDAY.search(clause)
    if m is None:
        return None
    day = _WEEKDAYS.index((m.group(1) or m.group(2)).lower())
    back = (published.weekday() - day) % 7
    return (published - dt.timedelta(days=back)).isoformat()


_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# "on Sunday", "Sunday's march" (not "the Sunday Times").
_WEEKDAY = re.compile(
    r"\bon\s+(" + "|".join(_WEEKDAYS) + r")\b|\b(" + "|".join(_WEEKDAYS) + r")['\u2019]s\b",
    re.IGNORECASE,
)


_INCREMENT = re.compile(r"\b(?:hours|days|alone)$")
_THIS_YEAR = re.compile(r"\bthis\s+year\b|\bto[- ]date\b")
_SEASON = re.compile(r"\b(?:summer|winter|spring|fall|autumn)$")
_MONTH_NUMBER = {
    m: k
    for k, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
}


def _relative(text: str, start: int) -> str:
    """What a relative clause starting at ``start`` hangs on: "since 1999, when about
    17,000 died" -> "1999"; "the 2018 Camp Fire in California, which killed 85" -> "2018"
    (a year naming the short noun phrase just before the clause).

    >>> t = "surpassing the 2018 Camp Fire in California, which killed 85, as the deadliest"
    >>> _relative(t, t.find("which")), _relative("In 2019, the firm, which has 5 mills", 18)
    ('2018', '')
    """
    before = text[max(0, start - 40) : start]
    if re.search(r"\b(?:when|where|which|in which)\s*$", before, re.IGNORECASE):
        head = _YEAR.findall(before)
        return head[-1] if head else ""
    if re.match(r"(?:which|that|where|when)\b", text[start:], re.IGNORECASE):
        named = _NAMED_YEAR.search(text, max(0, start - 60), start)
        return named.group(1) if named else ""
    return ""


# A timeline's entry: "1993: Dr. David Gunn is shot to death", "Photo 2011: ..." (at most two
# words before the year, which the colon closes).
_ENTRY = re.compile(r"\s*(?:[A-Za-z][\w'\u2019-]*\s+){0,2}(" + _YEAR.pattern + r")\s*:\s")


def _entry_year(text: str, at: int) -> str:
    """The year of a timeline's entry a figure at ``at`` stands in ("1993: a doctor is shot
    to death outside a clinic"): an earlier year makes its figures another event's.

    >>> _entry_year("1993: A doctor is shot to death outside a clinic.", 6)
    '1993'
    >>> _entry_year("In 1993: 12 died.", 9), _entry_year("Police said 2 died.", 12)
    ('', '')
    """
    m = _ENTRY.match(text)
    return m.group(1) if m is not None and at >= m.end() and not _NOT_ENTRY.match(text) else ""


_NOT_ENTRY = re.compile(r"\s*(?:in|on|by|since|until|from|for|during)\b", re.IGNORECASE)


# A year opening the noun phrase that a relative clause follows: "the 2018 Camp Fire in
# California, " (at most five words after the year, no comma but a last one).
_NAMED_YEAR = re.compile(
    r"\b(?:the|a|an)\s+(" + _YEAR.pattern + r")(?:\s+[\w'\u2019-]+){1,5},?\s*$", re.IGNORECASE
)


def _scope(
    year_before: str, clause: str, fig: Figure, year: int | None, vocab: Vocabulary
) -> tuple[Scope, str | None]:
    if year_before and year is not None and int(year_before) < year:
        return "background", year_before
    return _scope_of(clause, fig.text, year, vocab)


@lru_cache(maxsize=8192)
def _scope_of(
    clause: str, figure_text: str, year: int | None, vocab: Vocabulary
) -> tuple[Scope, str | None]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", clause)}
    # A year after "since" starts an open period ("since 2006"), it names no earlier event.
    # "a far narrower margin than in 2019": a year compared with is not the figure's.
    at = max(0, clause.find(figure_text))
    years = [
        int(m.group())
        for m in _YEAR.finditer(clause)
        if m.group() not in figure_text
        and not re.search(
            # ("from a July 2014 shooting", "since a 1960 tsunami that killed 61" name an
            # earlier event: "a" opens no period)
            r"\b(?:since(?!\s+an?\s)|than|from(?!\s+an?\s))\s+(?:\w+\s+)?(?:\w+\s+)?$",
            clause[: m.start()],
            re.I,
        )
        and not _compared_year(clause, m.start(), at, at + len(figure_text), vocab)
        and not (m.start() > at and _CAUSE_YEAR.search(clause[: m.start()]))
    ]
    earlier = [
        (abs(m.start() - at), int(m.group()))
        for m in _YEAR.finditer(clause)
        if int(m.group()) in years and year is not None and int(m.group()) < year
    ]
    stated = [
        m
        for m in _PERIOD.finditer(clause)
        if not _STARTED.search(clause, 0, m.start())
        and not (
            _YEAR.search(m.group())
            and _compared_year(clause, m.start(), at, at + len(figure_text), vocab)
        )
        # "up 279% from a year earlier", "than a year ago": the base a change is measured
        # against, not the figure's own time
        and not _BASE.search(clause, max(0, m.start() - 20), m.start())
    ]
    periods = [  # stated periods other than a bare year ("in 2019" is the year's)
        abs(m.start() - at) for m in stated if not _YEAR.search(m.group())
    ]
    # "had $209bn in assets at the end of last year, ... since Washington Mutual collapsed
    # in 2008 with about $307bn": each figure takes the time nearest to it.
    if earlier and (not periods or min(earlier)[0] <= min(periods)):
        event = words & vocab.event_words or _event_verb(words, vocab)
        background = event or _told_earlier(clause) or not periods
        return ("background" if background else "period"), str(max(y for _, y in earlier))
    ago = _AGO.search(clause)
    # "up from 52 five years ago": the figure is the earlier value compared with.
    if (
        ago is not None
        and re.search(r"\b(?:from|than|compared\s+with|against)\s+\S*\s*$", clause[:at])
        and 0 <= ago.start() - (at + len(figure_text)) <= 12
    ):
        return "background", " ".join(ago.group().split()).lower()
    if _told_earlier(clause) and words & _earlier_words(vocab):
        return "background", _HAD_EARLIER
    if re.search(
        r"\blast\s+year['\u2019]s\b|\bprevious\b|\bearlier\s+(?:quake|attack|flood)", clause, re.I
    ) and (words & vocab.event_words):
        return "background", "earlier"
    since = _SINCE.search(clause)
    # The period nearest the figure: "98 a day in February, compared with 150 in January".
    period = min(stated, key=lambda m: min(abs(m.start() - at), abs(m.end() - at)), default=None)
    if period is not None and _running_total(clause[max(0, at - 40) : at], vocab):
        period = None  # "taking the toll to 1,481", "the toll rose to 300 over three days"
    end = at + len(figure_text)
    if (
        period is not None
        and period.start() >= end
        and _COMPARED_FIGURE.search(clause[end : period.start()])
    ):
        period = None  # "5.0%, up from 4.8% in September": September is 4.8%'s time
    if period is not None and (since is None or period.start() < since.start()):
        text = " ".join(period.group("p").split())
        text = re.sub(r"^(?:(?:in|during|for|over)\s+)?(?:the\s+)?", "", text, flags=re.I)
        text = re.sub(r"['\u2019]s$", "", text)  # "January's" is January
        text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "second-quarter revenue"
        return "period", text.lower()
    if since is not None:
        return "current", "since " + " ".join(since.group("p").split())
    return "current", None


# "sentenced to 15 years for the 2020 killing", "jailed over the 2019 attack": an earlier
# event a figure after it is for, not the figure's time (while "5,000 died in the 1991
# cyclone" is that cyclone's).
_CAUSE_YEAR = re.compile(
    r"\b(?:for|over|after|following)\s+(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE
)
ADDED = "in addition"  # the period of a count added to another: "another 5", "9 more"
_ADDED_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)
_ADDED_AFTER = re.compile(r"\s+(?:more|additional|further|extra)\b(?!\s+than\b)", re.I)


def _added(text: str, at: int, end: int) -> bool:
    """Whether a count is told as added to an earlier one: "another 5 died", "up to 9 more
    people were hurt", "a further 300 homes" (a period of its own, never the running total,
    when the figure before counts the same thing).

    >>> _added("another 5 died", 8, 9), _added("9 more people", 0, 1), _added("9 people", 0, 1)
    (True, True, False)
    """
    return bool(_ADDED_BEFORE.search(text, max(0, at - 20), at) or _ADDED_AFTER.match(text, end))


_BESIDES = re.compile(r"\b(?:in\s+addition\s+to|besides|apart\s+from|on\s+top\s+of)\b", re.I)

# A figure compared with after this one ("up from 4.8%"): a period after it is that one's.
_COMPARED_FIGURE = re.compile(r"\b(?:from|than|compared\s+with|against)\s+\S*\d", re.I)

COMPARED_WORDS_BACK = 6  # how far before a year a comparison word still governs it


def _compared_year(clause: str, start: int, at: int, end: int, vocab: Vocabulary) -> bool:
    """Whether the year at ``start`` is a past the figure at ``at`` is compared with, by the
    vocabulary's [time] ``compared`` words a few words before it (the figure is
    ``clause[at:end]``): "its biggest since
    Margaret Thatcher's victory in 1987", "nearly double its 2019 tally", "surpassing the
    toll of the 1999 disaster", "since Bill Clinton in 1992, winning its 16 votes".  A
    figure inside the comparison is the compared past's ("more than 5,000 people in 1991",
    "since WaMu collapsed in 2008 with about $307bn").

    >>> from compare.extract.vocab import vocabulary
    >>> c = "won 99, nearly double its 2019 tally"
    >>> _compared_year(c, c.find("2019"), 4, 6, vocabulary())
    True
    >>> c = "since Bill Clinton in 1992, winning its 16 votes"
    >>> _compared_year(c, c.find("1992"), c.find("16"), c.find("16") + 2, vocabulary())
    True
    >>> c = "since WaMu collapsed in 2008 with about $307bn"
    >>> _compared_year(c, c.find("2008"), c.find("about"), len(c), vocabulary())
    False
    >>> c = "which killed more than 5,000 people in 1991"
    >>> _compared_year(c, c.find("1991"), c.find("more"), c.find(" people"), vocabulary())
    False
    """
    words = table_words(vocab, "time", "compared")
    tokens = list(re.finditer(r"[A-Za-z]+|\d[\d,.]*", clause[:start]))[-COMPARED_WORDS_BACK:]
    after = at > start and re.search(r"[,;:]", clause[start:at]) is not None
    return any(t.group().lower() in words and (end <= t.start() or after) for t in tokens)


def _running_total(before: str, vocab: Vocabulary) -> bool:
    """Whether the words just before a figure call it a running total ("the toll to"):
    the vocabulary's [running_total] totals; a period stated in its clause is then the
    time the total grew over, not what it counts."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", before)}
    totals = table_words(vocab, "running_total", "totals")
    return not words.isdisjoint(totals)


def _told_earlier(clause: str) -> bool:
    """A pluperfect that tells an earlier state ("had put the toll at"), not an
    expectation ("analysts had expected")."""
    if re.search(r"\bsince\b", clause) or _REPORTED.search(clause):
        return False  # "claimed that the army had lost 3,800 troops since the offensive began"
    return any(m.group(1).lower() not in _EXPECTED for m in _PLUPERFECT.finditer(clause))


# Reported speech shifts tenses back: "said that ... had", "claimed ... had".
_REPORTED = re.compile(
    r"\b(?:said|says|claimed|claims|reported|announced|added|told\s+\w+)\s+(?:that\s+)?"
    r"[^.;]*\bhad\b",
    re.IGNORECASE,
)


_HAD_EARLIER = "earlier (pluperfect)"
_EXPECTED = frozenset(
    "expected forecast predicted projected estimated hoped feared planned".split()
)


def _event_verb(words: set[str], vocab: Vocabulary) -> bool:
    """ "since Washington Mutual collapsed in 2008": an event told by its verb."""
    return any(
        w.endswith(("ed", "d")) and (w[:-1] in vocab.event_words or w[:-2] in vocab.event_words)
        for w in words
    )


@lru_cache(maxsize=4)
def _earlier_words(vocab: Vocabulary) -> frozenset[str]:
    """Words that put a pluperfect's figure before now: "had put ... two weeks ago"."""
    return frozenset(str(vocab.tables.get("time", {}).get("earlier", "")).lower().split())


ANOTHER_STORY = "another story"


@lru_cache(maxsize=4)
def _link_labels(vocab: Vocabulary) -> re.Pattern[str]:
    words = alternation(table_phrases(vocab, "not_figures", "link_labels"))
    return re.compile(rf"\s*{words}\s*:", re.IGNORECASE)


def _link_line(text: str, vocab: Vocabulary) -> bool:
    """A line that points to another story ("RELATED: 5 killed in bus crash", "MORE: ..."):
    its figures are that story's, not this one's (the vocabulary's [not_figures]
    link_labels).

    >>> from compare.extract.vocab import vocabulary
    >>> _link_line("READ MORE: Two dead in warehouse fire", vocabulary())
    True
    >>> _link_line("More than 40 people died in the fire.", vocabulary())
    False
    >>> _link_line("2:05 Two dead in warehouse fire", vocabulary())
    True
    """
    if _CLIP.match(text):
        return True
    return ":" in text[:40] and _link_labels(vocab).match(text) is not None


# A video's running time before its title, as players list other clips: "1:21 Prosecutor
# in double murder trial says ..." (not a clock time: "11:49 a.m. An officer was shot").
_CLIP = re.compile(r"\s*\d{1,2}:[0-5]\d\s+(?!(?:a\.?m|p\.?m|am|pm|hrs|h)\b)[A-Z][a-z]")


SEVERAL_EVENTS = "several events"


@lru_cache(maxsize=4)
def _roundup_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    words = table_words(vocab, "casualty_readings", "roundups")
    told = alternation(words)
    return re.compile(
        r"\b(?:in|from|after|following|during)\s+(?:one\s+of\s+)?(?:the\s+)?"
        # "in a string of separate, apparently unrelated shootings"
        r"(?:an?\s+(?:string|series|spate|wave|rash|number)\s+of\s+)?"
        r"(?:(?:two|three|four|five|six|several|multiple|separate|unrelated|apparently|"
        r"seemingly|weekend|overnight|night|morning|afternoon|evening|\w+day(?:['\u2019]s)?|"
        rf"shooting|stabbing|traffic|road),?\s+){{1,4}}{told}\b|"
        # "a series of weekend shootings left five people dead"
        rf"\b(?:string|series|spate|wave|rash)\s+of\s+(?:[\w-]+,?\s+){{0,3}}{told}\b|"
        # "investigating two separate shooting incidents", "in crashes across the state"
        rf"\b(?:separate|unrelated)\s+(?:[\w-]+\s+){{0,3}}{told}\b|"
        rf"\bin\s+{told}\s+(?:across|around|throughout|all\s+over|from|over|since|between|"
        r"during|this|last)\b",
        re.IGNORECASE,
    )


def _roundup(text: str, vocab: Vocabulary) -> bool:
    """A casualty count told of several events at once ("four were killed in separate
    shootings", "12 hurt in weekend crashes", "in three stabbings"): a roundup's total, not
    this event's count (the vocabulary's [casualty_readings] roundups).

    >>> from compare.extract.vocab import vocabulary
    >>> _roundup("Four people were killed in separate crashes on the motorway", vocabulary())
    True
    >>> _roundup("Four people were killed in a crash on the motorway", vocabulary())
    False
    >>> _roundup("A spate of weekend crashes left six dead", vocabulary())
    True
    """
    return _roundup_pattern(vocab).search(text) is not None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _follows_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    events = alternation(vocab.event_words)
    return re.compile(
        r"\b(?:follows|followed|comes|came)\s+(?:[\w-]+\s+){0,3}?(?:"
        rf"(?:a|an|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{events}|streak|spate|wave|string|series|"
        r"rash)\b|"
        r"(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)\s+after\b)",
        re.IGNORECASE,
    )


def _follows(text: str, at: int, vocab: Vocabulary) -> bool:
    """Whether a figure at ``at`` counts the earlier event its sentence says this one follows:
    "The crash follows a similar collision last month that killed two", "The shooting comes
    just over a year after nine people were shot at a housing complex".

    >>> from compare.extract.vocab import vocabulary
    >>> t = "The fire follows a blaze last month that killed two"
    >>> _follows(t, t.find("two"), vocabulary()), _follows("Two died in the fire", 0, vocabulary())
    (True, False)
    """
    m = _follows_pattern(vocab).search(text, 0, at)
    return m is not None


def _role(
    fig: Figure, clause: str, vocab: Vocabulary, rest: str = "", attack: bool = False
) -> Role | None:
    """Victims or suspects, where the words say: "two gunmen" are suspects; people a gunman
    killed are victims; a person killed or shot "by police" is the suspect; in an article
    about an attack (``attack``: it names an attacker) the people killed or hurt are its
    victims.  ``rest`` is the figure's sentence from the figure on.

    >>> from compare.extract.vocab import vocabulary
    >>> f = Figure("a:f1", "a", 0, "A man", (0, 5), 1, 1, 1, "exact", None, "killed", "man")
    >>> _role(f, "A man was", vocabulary(), "A man was shot dead by police on Friday.")
    'suspect'
    >>> _role(f, "A man was", vocabulary(), "A man was killed on Friday.", attack=True)
    'victim'
    >>> _role(f, "A man was", vocabulary(), "A man was killed on Friday.") is None
    True
    """
    subject = (fig.subject or "").lower()
    if subject in vocab.suspects:
        return "suspect"
    if subject in vocab.victims:
        return "victim"
    if fig.concept in _HARMED and _by_enforcers(vocab).match(rest):
        return "suspect"
    if fig.concept in _CASUALTIES:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", clause)}
        if words & vocab.suspects:
            return "victim"
    if attack and fig.concept in _HARMED and fig.unit is None:
        return "victim"
    return None


# Harms an attacker does to people: who suffers them in an attack is a victim.
_HARMED = frozenset({"killed", "injured", "shot", "stabbed"})


def _attacked(figures: Sequence[Figure], sentences: Sequence[Sentence], vocab: Vocabulary) -> bool:
    """Whether an article is about an attack: a figure counts a suspect, or a sentence names
    a crime ([whose] crimes).  A word for attackers alone is not enough: war news names
    gunmen and its tolls are no crime's victims."""
    if any(f.role == "suspect" for f in figures):
        return True
    pattern = _attack_words(vocab)
    return any(pattern.search(s.text) for s in sentences)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _attack_words(vocab: Vocabulary) -> re.Pattern[str]:
    words = alternation(table_words(vocab, "whose", "crimes"))
    return re.compile(rf"\b{words}\b", re.IGNORECASE)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _by_enforcers(vocab: Vocabulary) -> re.Pattern[str]:
    """A harm done "by" police or another force that stops attackers, in the figure's
    sentence after it: "was killed in Lacey, a town near Olympia, by members of a fugitive
    task force" (the vocabulary's [whose] enforcers; "task|force" is two words)."""
    forces = alternation(w.replace("|", " ") for w in table_words(vocab, "whose", "enforcers"))
    harms = alternation(_HARM_WORDS)
    # Within the figure's own clause: not "killed 19 children before he was shot dead by".
    own = r"(?:(?!\b(?:before|after|when|while|as|he|she|they|who|which)\b)[^.;])"
    return re.compile(
        rf"{own}{{0,80}}?\b(?:{harms})\b{own}{{0,80}}?\bby\s+(?:[\w-]+\s+){{0,5}}?(?:{forces})\b",
        re.IGNORECASE,
    )


_HARM_WORDS = ("killed", "shot", "dead", "wounded", "injured", "gunned")
