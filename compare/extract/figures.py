"""Stage 3: a Sentence to its Figures: value, interval, qualifier, unit, concept, subject, claimant.

Interval conventions (the judge relies on them; ``low``/``high`` None = open):

- exact X: low = high = X.
- at_least X ("at least", "no fewer than", "X or more"): [X, open).
- more_than X ("more than", "over", "upwards of"): low X, excluded by the qualifier; high open.
- at_most X ("up to", "as many as", "no more than"): (open, X].
- less_than X ("less than", "fewer than", "under"): high X, excluded by the qualifier.
- about X ("about", "around", "roughly", "some", "an estimated"): [X - d, X + d] with
  d = max(5% of X, min(half the rounding unit shown by X's trailing zeros, 10% of X)):
  "about 28,000" is [26600, 29400] (5% wins), "around 200" is [180, 220] (half of the
  hundred it is rounded to, 50, is capped at 10%), "about 85%" is [80.75, 89.25].  The
  cap keeps a round number from swallowing its neighbours: "around 200" trucks and
  "about 150" trucks are different claims.
- nearly X ("nearly", "almost", "close to"): [0.9 X, X), never X itself, never above it.
- range ("between X and Y", "X to Y", "X-Y"): [X, Y], value X.
- vague: dozens [24, 99], hundreds [200, 999], thousands [2000, 9999], tens of thousands
  [20000, 99999], hundreds of thousands [200000, 999999], several [3, 9], scores of [40, 99],
  a few [2, 9]; value = low.  The full table is ``resources.VAGUE``.

Shares are percent: "less than half of aid trucks" is value 50, unit percent, less_than;
"more than four-fifths" is more_than 80 percent.  A duration ("135 days", "a 135-day
pause", "Two years of war") counts time: its concept is what lasts, with pauses of every
name ("truce", "ceasefire", "cease-fire", "halt") as "pause", or None -- never a casualty.
Counted nouns that name the same thing compare: "three phases" and a "3-stage plan" are
both "stages".
Counts of people or things have unit None.  "The two sides" is a count of sides and is
kept, like any spelled-out count ("two separate meetings").  Years, dates, times,
ordinals, identifiers (F-16, Boeing 737, Article 5), list numbering, "one of", and
phone numbers are not figures (``nonfigures.py``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import MISSING, replace
from dataclasses import fields as dataclass_fields
from functools import lru_cache

from compare.extract.attribution import Speaker, attribution, speakers
from compare.extract.casualties import casualty_counts, headline_counts
from compare.extract.concepts import counted
from compare.extract.implicit import count_in_words, implicit
from compare.extract.nonfigures import not_a_figure
from compare.extract.numbers import Number, ascii_digits, scan
from compare.extract.qualifiers import interval, prefix_qualifier, suffix_qualifier
from compare.extract.resources import alternation
from compare.extract.revisions import revised
from compare.extract.units import currency_before, rate, share_of_unit, unit_after
from compare.extract.vocab import Vocabulary, table_words, vocabulary
from compare.extract.whose import whose
from compare.intervals import compatible
from compare.types import Figure, Qualifier, Sentence

__all__ = ["article_figures", "attribution", "figures", "headline_figures"]

_RANGE_GAP = re.compile(r"\s*(?P<sep>-to-|-|\u2013|\u2014|to|and|up to)\s*", re.IGNORECASE)
_BETWEEN = re.compile(
    r"\b(?P<w>between|from)\s+(?:about\s+|up\s+to\s+)?(?:[$€£]\s?|[A-Z]{2,3}\s?\$?|\$[A-Z]{1,2})?$",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:rose|rise|rising|risen|increased?|increasing|grew|grown|jumped|climbed|fell|fallen|"
    r"dropped|declined?|decreased?|went|up|down|rais(?:e|es|ed|ing)|cut|revised|lower(?:s|ed|ing)?|"
    r"reduc(?:e|es|ed|ing)|lift(?:s|ed|ing)?|extend(?:s|ed|ing)?|boost(?:s|ed|ing)?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# The unit a figure hands to the next one when that one has none of its own, and the
# words that may stand between them: "from 20 mpg in 2008 to 29" (the "from X to Y" of
# one measure), "rose 64.06 points to 4,577.10" (an index level, in points).
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FROM_TO_GAP = re.compile(r"(?:\s+[^\s\d][^\s]*|\s+(?:19|20)\d\d){0,4}?\s+to\s+", re.IGNORECASE)
_TO_LEVEL = re.compile(
    r",?\s+(?:to\s+(?:close|end|finish|fall|rise|settle|stand|trade)\s+)?(?:to|at)\s+"
)
# An index level: "lost 162.31 points, or 2.14%, to fall to 7,425.81" (the change told in
# points, then again in percent); "edged down 0.03% to 1,463.87 points, while the TA-125
# climbed 0.1% to 1,333.18" (a later index's level in the earlier one's points).
_RESTATED = re.compile(r",?\s+or\s+")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|of)\s+$")


# A parallel clause that repeats the measure with a bare number: "the DAX rose by 2 percent
# but the Nasdaq fell by 1", "the highest forecast is 84.75 cents, while the lowest is
# 74.07", "a 1.4 degree angle in 2018 and 2.1 last year". The bare number must end its
# clause (or be followed by when), so "by 5% and 300 jobs" keeps its jobs.
_PARALLEL_GAP = re.compile(
    r"(?:[^.;:\d]|(?:19|20)\d\d){0,60}?(?:\band|\bbut|,?\s+while|,?\s+whereas)\s+"
    r"(?:[^.;:\d]{0,40}?\b(?:by|is|was|at|to)\s+)?",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"\s*(?:[.,;:)]|$|(?:last|this|next|a|in|on|from|since|earlier|ago)\b)", re.IGNORECASE
)


def _carried(text: str, fig: Figure) -> tuple[str, re.Pattern[str]] | None:
    if fig.unit is None:
        return None
    if fig.text[:5].lower() == "from " or _FROM_BEFORE.search(
        text, max(0, fig.span[0] - 8), fig.span[0]
    ):
        return fig.unit, _FROM_TO_GAP
    if fig.unit == "point":
        return fig.unit, _TO_LEVEL
    if text[fig.span[1] : fig.span[1] + 1] == ")":
        return None  # "2.2 billion shekels ($590 million) and 71 million": not the aside's
    return fig.unit, _PARALLEL_GAP


AGE = "age"
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|but|whereas|although|though)\b|\s[\u2013\u2014]\s")


def figures(sentence: Sentence, *, first: int = 1) -> tuple[Figure, ...]:
    """Figures in order of appearance, numbered from ``first``, spans in article offsets.

    >>> s = Sentence("a", 3, "At least 27,840 Palestinians have since been killed.", 100, 153)
    >>> f, = figures(s)
    >>> (f.id, f.text, f.span, f.value, f.low, f.high, f.qualifier)
    ('a:f1', 'At least 27,840', (100, 115), 27840.0, 27840.0, None, 'at_least')
    >>> (f.concept, f.subject)
    ('killed', 'Palestinians')
    """
    found = _figures_in(sentence.text)
    if not found:
        return ()
    at, aid = sentence.start, sentence.article
    return tuple(
        _placed(f, f"{aid}:f{first + k}", aid, sentence.index, (f.span[0] + at, f.span[1] + at))
        for k, f in enumerate(found)
    )


def _placed(f: Figure, fid: str, article: str, index: int, span: tuple[int, int]) -> Figure:
    """``replace(f, id=fid, article=article, sentence=index, span=span)``, without the
    dataclass's field-by-field __init__: every figure of every sentence passes here, and
    ``replace`` was 4% of extraction.  Figure has no __post_init__ to skip (frozen,
    no slots: its __dict__ holds the fields)."""
    new = object.__new__(Figure)
    fields = new.__dict__
    fields.update(f.__dict__)
    fields["id"], fields["article"], fields["sentence"], fields["span"] = fid, article, index, span
    return new


@lru_cache(maxsize=8192)  # wire copy repeats sentences verbatim across outlets and days
def _figures_in(text: str) -> tuple[Figure, ...]:
    """The figures of a sentence read on its own (offsets from its start, ids f1, f2...)."""
    sentence = Sentence("", 0, text, 0, len(text))
    norm = ascii_digits(text)
    nums = [n for n in scan(norm) if not not_a_figure(n, norm)]
    claimants = speakers(text)
    out: list[Figure] = []
    previous_subject: str | None = None
    previous_concept: str | None = None
    previous_unit: str | None = None
    previous_noun: str | None = None
    previous_end = 0
    carried: tuple[str, re.Pattern[str]] | None = None
    levels = False  # an index level in points was told
    for low_num, high_num in _group(nums, norm):
        fig = _figure(
            sentence,
            norm,
            low_num,
            high_num,
            claimants,
            previous_subject,
            previous_end,
            f":f{1 + len(out)}",
            previous_concept,
            previous_unit,
            carried,
            previous_noun,
        )
        gap = (previous_end, fig.span[0])
        previous_end = fig.span[1]
        previous_concept, previous_unit, previous_noun = fig.concept, fig.unit, fig.noun
        if fig.unit == "point" and _LEVEL_BEFORE.search(norm, max(0, gap[1] - 20), gap[1]):
            levels = True
        if (
            fig.unit == "percent"
            and carried is not None
            and carried[0] == "point"
            and _RESTATED.fullmatch(norm, *gap)
        ) or (fig.unit == "percent" and levels and _TO_LEVEL.match(norm, fig.span[1])):
            carried = ("point", _TO_LEVEL)  # the level after a change in points and percent
        else:
            carried = _carried(norm, fig)
        if fig.concept == AGE and fig.unit is not None:
            # "a 13-year-old", "30 years old": an age describes a person, it counts nothing
            # (a person's "at the age of 64" is dropped with the other ages, nonfigures.py);
            # "the age of 64 is no longer negotiable" is a policy's figure.
            continue
        out.append(fig)
        if fig.subject is not None:
            previous_subject = fig.subject
    found = implicit(text, [f.span for f in out])
    if found:
        out = sorted([*out, *found], key=lambda f: f.span)
    out = list(casualty_counts(text, out))  # outcomes of harms, counts of one named otherwise
    out = _listed_one(text, out)
    return tuple(
        f if f.id == f":f{k + 1}" else replace(f, id=f":f{k + 1}") for k, f in enumerate(out)
    )


def _listed_one(text: str, found: list[Figure]) -> list[Figure]:
    """One person ending a list of counts is a count of one of the same thing: "killed 14
    students and a teacher", "the dead were 108 women, seven children and a man".

    >>> f = Figure(":f1", "", 0, "14", (7, 9), 14, 14, 14, "exact", None, "killed", "students")
    >>> [(g.text, g.value, g.concept, g.subject)
    ...  for g in _listed_one("killed 14 students and a teacher at the school", [f])][1:]
    [('a teacher', 1.0, 'killed', 'teacher')]
    >>> _listed_one("killed 14 students and a teacher's aide", [f])[1:]
    []
    """
    vocab = vocabulary()
    people = table_words(vocab, "people_counts", "concepts")
    out = list(found)
    for f in found:
        if f.concept not in people or f.qualifier == "vague":
            continue
        m = _list_end(vocab).match(text, f.span[1])
        if m is None or any(g.span[0] < m.end("np") and m.start("np") < g.span[1] for g in out):
            continue
        one = count_in_words(text, m.span("np"), 1.0, f.concept, m.group("who").lower(), f.role)
        out.append(replace(one, sentence=f.sentence, attribution=f.attribution))
    return sorted(out, key=lambda g: g.span)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _list_end(vocab: Vocabulary) -> re.Pattern[str]:
    """After a count: its noun, then "and a teacher" (the list's last item, a person)."""
    people = vocab.singular_people | table_words(vocab, "casualty_readings", "people")
    who = alternation(people)
    return re.compile(
        rf"\s+[a-z-]+,?\s+and\s+(?P<np>(?:a|an|one)\s+(?P<who>{who}))\b(?!['\u2019-])",
        re.IGNORECASE,
    )


def article_figures(sentences: Iterable[Sentence]) -> tuple[Figure, ...]:
    """All figures of one article, numbered f1, f2, ... across the article; a revision the
    article reports ("revised down to 97 from 115") is one figure with its previous value."""
    out: list[Figure] = []
    read = tuple(sentences)
    for sentence in read:
        out.extend(figures(sentence, first=len(out) + 1))
    return whose(revised(out, read), read)


def headline_figures(title: Sentence, body: Sequence[Figure]) -> tuple[Figure, ...]:
    """The title's figures that the body does not repeat, numbered after the body's.

    A headline rounds what the body states ("toll passes 28,600" over "at least 28,663"),
    so a title figure whose interval meets a body figure of the same concept is that
    figure told again.
    """
    found = figures(title, first=len(body) + 1)
    found = _headline_counts(title, found)  # "Teen Killed In Crash": no article, any case
    kept = [f for f in found if not any(_repeats(f, b) for b in body)]
    return tuple(replace(f, id=f"{title.article}:f{len(body) + 1 + k}") for k, f in enumerate(kept))


def _headline_counts(title: Sentence, found: tuple[Figure, ...]) -> tuple[Figure, ...]:
    local = tuple(
        replace(f, span=(f.span[0] - title.start, f.span[1] - title.start)) for f in found
    )
    read = headline_counts(title.text, local)
    if len(read) == len(found):
        return found
    return tuple(
        replace(
            f,
            id=f"{title.article}:f{k}",
            article=title.article,
            sentence=title.index,
            span=(f.span[0] + title.start, f.span[1] + title.start),
        )
        for k, f in enumerate(read)
    )


_PEOPLE_HARMS = frozenset({"killed", "injured", "shot", "stabbed"})


def _repeats(head: Figure, body: Figure) -> bool:
    if head.unit != body.unit:
        return False
    harms = {head.concept, body.concept}
    if len(harms) == 2 and harms <= _PEOPLE_HARMS:
        return False  # "Girl Dies After Being Shot" over "a girl was shot": a death is no wound
    if head.concept in _PEOPLE_HARMS and body.concept != head.concept:
        # "2 teens injured" over a "Two" the body left unread, "three injured" over
        # "several shots", "Girl Dies" over "one rule": the headline's count is its own
        # (not "Six presumed dead" over "six missing": a count of people the same)
        people = table_words(vocabulary(), "people_counts", "concepts")
        words = not head.text.replace(",", "").isdigit()  # "Girl", "Six": read from words
        if body.concept is None or body.qualifier == "vague":
            return False
        if words and body.concept not in people:
            return False
    if head.value == body.value:
        return True  # the same number in the same unit: the headline's "9.1%" is the body's
    rounded = abs(head.value - body.value) <= 0.02 * abs(body.value)
    if not (head.concept and body.concept):
        # Without both concepts only a rounding repeats ("$13.5bn" over "$13.51bn"): "$30bn"
        # of damage is no "at least $16.3bn" of something else.
        return rounded
    # A headline names the measure with its owner ("Nvidia revenue" over "revenue"): the
    # same head word is the same concept.
    same = head.concept.split()[-1] == body.concept.split()[-1]
    return same and (compatible(head, body) or rounded)


def _group(nums: list[Number], text: str) -> list[tuple[Number, Number | None]]:
    """Pair up the two ends of ranges ("between 200 and 300", "10-15%", "1.2 to 1.5 million")."""
    out: list[tuple[Number, Number | None]] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        pair = _range(a, b, text) if b is not None else None
        if pair is not None:
            out.append(pair)
            i += 2
        else:
            out.append((a, None))
            i += 1
    return out


def _range(a: Number, b: Number, text: str) -> tuple[Number, Number] | None:
    """The two numbers as one range, or None.  A unit may stand after both ends
    ("1 per cent to 1.5 per cent") or after the second only ("5-10W"), never after the
    first only ("rose 0.7 percent to 6,327.80" is a change and a level)."""
    if a.kind not in ("digits", "words") or b.kind not in ("digits", "words"):
        return None
    gap = text[a.end : b.start].lower()  # _RANGE_GAP's separator stands in it, if anywhere
    if not ("-" in gap or "to" in gap or "and" in gap or "\u2013" in gap or "\u2014" in gap):
        return None
    unit_a = unit_after(text, a.start, a.end, a.value)
    gap_start = unit_a.end if unit_a.unit is not None else a.end
    currency = currency_before(text, b.start)
    gap_end = currency[1] if currency is not None else b.start
    m = _RANGE_GAP.match(text, gap_start, max(gap_start, gap_end))
    if m is None or m.end() != max(gap_start, gap_end):
        return None
    if unit_a.unit is not None and unit_after(text, b.start, b.end, b.value).unit != unit_a.unit:
        return None
    sep = m.group("sep").lower()
    before = text[max(0, a.start - 60) : a.start]
    between = _BETWEEN.search(before)
    if sep == "and" and (between is None or between.group("w").lower() != "between"):
        return None
    if (
        sep == "to"
        and re.search(r"\bby\s+\S*$", before)
        and (
            unit_a.end > a.end
            or currency_before(text, a.start) is not None
            or unit_after(text, b.start, b.end, b.value).unit is None
        )
    ):
        # "increased by $43.6 billion to $419.2 billion": a change and a level; "fell by 1
        # to 1.5 degrees" names its unit once, after both ends: a range.
        return None
    from_ = between is not None and between.group("w").lower() == "from"
    if sep in ("to", "-to-", "up to") and from_ and _CHANGE.search(before):
        return None  # "rose from 100 to 200" is a change: two figures
    scale = b.magnitude if b.magnitude > 1 else (b.step if b.kind == "words" else 1.0)
    if (
        a.magnitude == 1
        and scale >= 100
        and a.value * scale <= b.value
        and a.value < b.value / scale
    ):
        a = Number(a.start, a.end, a.value * scale, a.step * scale, a.kind, magnitude=scale)
    return (a, b) if a.value <= b.value else None


def _figure(
    sentence: Sentence,
    text: str,
    num: Number,
    upper: Number | None,
    claimants: Sequence[Speaker],
    previous_subject: str | None,
    previous_end: int,
    fig_id: str,
    previous_concept: str | None = None,
    previous_unit: str | None = None,
    carried: tuple[str, re.Pattern[str]] | None = None,
    previous_noun: str | None = None,
) -> Figure:
    start, end = num.start, (upper or num).end
    unit: str | None = "percent" if num.kind == "share" else None
    value, step = num.value, num.step
    whole = share_of_unit(text, end) if num.kind == "share" and upper is None else None
    if whole is not None:  # "three-quarters of a percentage point" is 0.75 of one
        (unit, end), value, step = whole, value / 100, step / 100
    currency = currency_before(text, start)
    if currency is not None:
        unit, start = currency
    after = unit_after(text, start, end, value)
    if after.unit is not None and unit is None:
        unit = after.unit
    end = after.end
    if (
        unit is None
        and carried is not None
        and carried[1].fullmatch(text, previous_end, start)
        and (carried[1] is not _PARALLEL_GAP or _CLAUSE_END.match(text, end))
    ):
        unit = carried[0]  # "from 20 mpg in 2008 to 29", "rose 64.06 points to 4,577.10"
    per = rate(text, end, unit)  # "$52 a barrel" is a price per barrel
    if per is not None:
        unit, end = per
    qualifier: Qualifier = "exact"
    high: float | None = None
    if upper is not None:
        qualifier, high = "range", upper.value
        between = _BETWEEN.search(text[max(0, start - 60) : start])
        if between is not None:
            start = between.start() + max(0, start - 60)
    elif num.kind == "vague":
        qualifier, high = "vague", num.high
    else:
        prefix = prefix_qualifier(text[max(0, start - 40) : start])
        if prefix is not None and not _during(text, start - prefix[1], unit):
            qualifier, start = prefix[0], start - prefix[1]
        suffix = suffix_qualifier(text[end:])
        if suffix is not None and qualifier == "exact":
            qualifier, end = suffix[0], end + suffix[1]
    low, high = interval(value, qualifier, step=step, high=high)
    what = counted(
        text,
        start,
        end,
        compound=after.counted,
        previous=previous_subject,
        unit=unit,
        since=min(previous_end, start),
        previous_concept=previous_concept,
        previous_unit=previous_unit,
        previous_noun=previous_noun,
    )
    # Figure(id=..., ..., noun=...) without the frozen dataclass's field-by-field
    # __init__ (a third of the cost of building a figure here), as _placed does: the
    # same fields in the same order, the defaults of those not given.
    fig = object.__new__(Figure)
    fig.__dict__.update(
        {
            "id": fig_id,
            "article": sentence.article,
            "sentence": sentence.index,
            "text": sentence.text[start:end],
            "span": (sentence.start + start, sentence.start + end),
            "value": value,
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "unit": unit,
            "concept": what.concept,
            "subject": what.subject,
            "attribution": _claimant(text, start, claimants),
            **_FIGURE_TAIL,
            "noun": what.noun,
        }
    )
    return fig


# The defaults of the fields _figure leaves to them, in the dataclass's order (between
# attribution and noun); checked against Figure's fields when the module loads.
_FIGURE_TAIL = {
    f.name: f.default for f in dataclass_fields(Figure)[13:-1] if f.default is not MISSING
}
if [f.name for f in dataclass_fields(Figure)] != [
    *"id article sentence text span value low high qualifier unit concept subject".split(),
    "attribution",
    *_FIGURE_TAIL,
    "noun",
]:
    raise AssertionError("Figure's fields changed: update _figure's fast construction")


def _during(text: str, start: int, unit: str | None) -> bool:
    """ "over 3 days" after a verb says when, not how many: "travelled 40 km over 3 days"."""
    if unit not in DURATIONS or not text[start:].lower().startswith("over"):
        return False
    before = text[max(0, start - 12) : start].lower().split()
    if re.match(r"\S*\s+(?:\w+\s+)?old\b", text[start + 4 :]):
        return False  # "over thirty years old" is an age above thirty
    return not before or before[-1] not in (
        "for",
        "lasting",
        "lasted",
        "took",
        "spent",
        "of",
        "is",
        "was",
        "are",
        "were",
        "be",
    )


def _claimant(text: str, pos: int, claimants: Sequence[Speaker]) -> str | None:
    """The speaker governing a figure: the sentence's only one, else the one in its clause."""
    if not claimants:
        return None
    if len(claimants) == 1:
        return claimants[0].name
    breaks = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    for lo, hi in itertools.pairwise(breaks):
        if lo <= pos < hi:
            inside = [c for c in claimants if lo <= c.start < hi]
            if inside:
                return min(inside, key=lambda c: abs(c.start - pos)).name
    preceding = [c for c in claimants if c.start <= pos]
    return (preceding[-1] if preceding else claimants[0]).name
