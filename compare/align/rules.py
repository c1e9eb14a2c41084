"""Stage 6, the rules: whether two figures may be the same quantity, and how strongly they look it.

One pair of figures at a time, in plain Python, so that each rule reads as a
sentence and its reason can be shown to the reader ("Gaza vs West Bank").
:mod:`compare.align.scoring` applies the very same rules to whole matrices of
figures at once; ``tests/test_scoring.py`` checks that both agree on every
figure pair of the fixtures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import combinations

from compare.align.meaning import Meaning
from compare.extract.places import relation
from compare.extract.readings import casualty_kinds
from compare.extract.resources import CASUALTY_CONCEPTS
from compare.extract.vocab import Vocabulary, vocabulary
from compare.intervals import compatible
from compare.types import Claim, Figure

EMBED_WEIGHT = 0.75  # the rest of a text score is rapidfuzz token agreement
CONTEXT_WEIGHT = 0.30  # share of a figure's text score taken from the words around it
COMPATIBLE_BONUS = 0.15  # comparable figures whose numbers agree are likelier the same fact
MAGNITUDE_WEIGHT = 0.15  # times 1 - |log10(a/b)|: 383 pairs with 378 before 95
SAME_CLAIMANT_BONUS = 0.05
SAME_NUMBER_BONUS = 0.05  # the very same number: 30,035 pairs with 30,035, not with 30,000
UNKNOWN_CONCEPT_PENALTY = 0.10  # one side does not say what it counts: weaker evidence
# When a side does not say what it counts, its number must vouch for it: compatible, or
# within this factor ("hundreds of thousands" homeless never meets "a million" sheltering).
UNKNOWN_CONCEPT_RATIO = 1.5
# Only these wordings bound a number on both sides, closely enough to vouch for a pair.
BOUNDED_QUALIFIERS = frozenset({"exact", "about", "nearly", "range"})

# Durations convert to days; a month is 28 to 31 days, a year 365 or 366.
DAYS_PER: dict[str, tuple[float, float]] = {
    "second": (1 / 86400, 1 / 86400),
    "minute": (1 / 1440, 1 / 1440),
    "hour": (1 / 24, 1 / 24),
    "day": (1.0, 1.0),
    "week": (7.0, 7.0),
    "month": (28.0, 31.0),
    "year": (365.0, 366.0),
    "decade": (3652.0, 3653.0),
}

# Units that say nothing of what is measured: shares, points, money's small coins.
NOT_MEASURES = frozenset({"percent", "percentage point", "basis point", "point", "times"})
NOT_MEASURES |= {"cent", "pence", "sen"}

SAME_COUNT_MIN = 10  # below this, equal numbers are coincidence, not evidence
IMPLAUSIBLE_RATIO = 10.0  # numbers this many times apart need the same source to pair
# A place the figure's clause or sentence names, not one inherited from its paragraph or
# the article (a dateline may be the bureau a story is filed from).
OWN_PLACE = frozenset({"figure", "sentence"})
_GENERIC_SUBJECTS = frozenset(
    {"people", "person", "persons", "individuals", "individual", "civilians", "civilian"}
)


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Who is counted: the same group, or one side does not say.

    >>> subjects_compatible("Gazans", "Palestinians"), subjects_compatible("Israelis", "Gazans")
    (True, False)
    >>> subjects_compatible("Conservatives", "Boris Johnson's Conservative Party")
    True
    """
    if a is None or b is None:
        return True
    x, y = subject_key(a), subject_key(b)
    return x == y or x in _GENERIC_SUBJECTS or y in _GENERIC_SUBJECTS


@lru_cache(maxsize=4096)
def subject_key(subject: str) -> str:
    """A subject as compared: synonyms merged ([synonyms.subjects]), an owner's name
    before a possessive dropped, an organisation's kind after its name dropped
    ([subjects] ``organisations``: "the Labour Party" is "Labour"), each word singular.

    >>> subject_key("Boris Johnson's Conservative Party"), subject_key("Conservatives")
    ('conservative', 'conservative')
    >>> subject_key("INDIA bloc"), subject_key("Haitian children")
    ('india', 'haitian children')
    """
    vocab = vocabulary()
    same = vocab.subject_synonyms
    text = subject.lower().strip()
    text = same.get(text, text)
    text = re.sub(r"^(?:the\s+)?.*?['\u2019]s\s+(?=\S)", "", text)  # "boris johnson's "
    text = re.sub(r"^the\s+", "", text)
    words = text.split()
    kinds = _organisation_words(vocab)
    while len(words) > 1 and words[-1] in kinds:
        words.pop()
    key = " ".join(words)
    key = same.get(key, key)
    return _singular(key)


def concepts_compatible(a: str | None, b: str | None, meaning: Meaning | None = None) -> bool:
    """What is counted: the same thing, the same head noun, the same by meaning (with the
    sentence model's vectors of the concepts, when given), or one side does not say.

    >>> concepts_compatible("killed", "injured"), concepts_compatible("aid trucks", "trucks")
    (False, True)
    >>> concepts_compatible(None, "killed"), concepts_compatible("tanks", "killed")
    (True, False)
    """
    if a is None or b is None or a == b or concept_key(a) == concept_key(b):
        return True
    if a in CASUALTY_CONCEPTS or b in CASUALTY_CONCEPTS:
        return False
    return _head(a) == _head(b) or (meaning is not None and meaning.same(a, b))


def concept_key(concept: str) -> str:
    """A concept as compared: one name for the concepts the vocabulary's
    ``[synonyms.concepts]`` say count one thing ("marched", "marchers", "took part" are
    the crowd's participants), else the concept in lower case.

    >>> concept_key("marched"), concept_key("Marchers"), concept_key("killed")
    ('participants', 'participants', 'killed')
    """
    text = " ".join(concept.lower().split())
    return _concept_synonyms(vocabulary()).get(text, text)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _concept_synonyms(vocab: Vocabulary) -> dict[str, str]:
    table = vocab.tables.get("synonyms", {}).get("concepts", {})
    out: dict[str, str] = {}
    for name, others in table.items():
        for phrase in (name, *str(others).split("|")):
            if phrase.strip():
                out[" ".join(phrase.lower().split())] = name.lower()
    return out


def same_concept(a: str | None, b: str | None) -> bool:
    """Both figures say what they count, in the same words (singular or plural): the only
    concept evidence strong enough for an alarm.  Alike concepts ("cases" and "severe
    cases", "revenue" and "services revenue", near in meaning) may be one count told two
    ways, or a part and its whole.

    What happened to counted things is part of what is counted when both sides say it
    ("homes destroyed" is no count of "homes damaged"); when one side leaves it unsaid, the
    things themselves decide ("helicopters destroyed" and "helicopters").

    >>> same_concept("aid trucks", "aid truck"), same_concept("cases", "severe cases")
    (True, False)
    >>> same_concept("helicopters destroyed", "helicopters")
    True
    >>> same_concept("homes destroyed", "homes damaged or destroyed")
    False
    """
    if a is None or b is None:
        return False
    x, y = _singular(concept_key(a)), _singular(concept_key(b))
    if x == y:
        return True
    bx, by = _things(x), _things(y)
    return bx == by and (bx == x or by == y)


def _things(concept: str) -> str:
    """A concept without what happened to the things it counts ("homes damaged or
    destroyed" -> "homes"), by the vocabulary's [things_done] participles."""
    done = _done_words(vocabulary())
    words = concept.split()
    while len(words) > 1 and (words[-1] in done or words[-1] in ("or", "and")):
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _done_words(vocab: Vocabulary) -> frozenset[str]:
    table = vocab.tables.get("things_done", {})
    return frozenset(str(table.get("participles", "")).split())


def _singular(concept: str) -> str:
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in concept.lower().split()
    )


def units_compatible(a: str | None, b: str | None) -> bool:
    """Same unit, or two durations (converted to days); a percent never pairs with a count.

    >>> units_compatible("day", "month"), units_compatible("percent", None)
    (True, False)
    >>> units_compatible("EUR", "USD")
    False
    """
    return a == b or (a in DAYS_PER and b in DAYS_PER)


def unit_class(unit: str | None) -> str | None:
    """Units that can be compared: every duration is one class (converted to days)."""
    return "duration" if unit in DAYS_PER else unit


def in_days(fig: Figure) -> Figure:
    """A duration restated in days, its interval widened by how long a month or year is.

    >>> f = Figure("a:f1", "a", 0, "4.5 months", (0, 10), 4.5, 4.5, 4.5, "exact", "month")
    >>> g = in_days(f)
    >>> (g.qualifier, g.low, g.high, g.unit)
    ('range', 126.0, 139.5, 'day')
    """
    if fig.unit not in DAYS_PER or fig.unit == "day":
        return fig
    short, long = DAYS_PER[fig.unit]
    low = None if fig.low is None else fig.low * short
    high = None if fig.high is None else fig.high * long
    qualifier = fig.qualifier
    if qualifier == "exact":
        low, high = fig.value * short, fig.value * long
        qualifier = "range" if short != long else "exact"
    return replace(
        fig, value=fig.value * short, low=low, high=high, qualifier=qualifier, unit="day"
    )


def in_common_unit(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """Both figures in one unit when they are durations in different ones; else as they are."""
    if a.unit != b.unit and a.unit in DAYS_PER and b.unit in DAYS_PER:
        return in_days(a), in_days(b)
    return a, b


def why_apart(a: Figure, b: Figure, meaning: Meaning | None = None) -> str | None:
    """Why two figures cannot speak of the same quantity, or None when they may.

    >>> k = Figure("a:f1", "a", 0, "383", (0, 3), 383, 383, 383, "exact", None, "killed")
    >>> why_apart(replace(k, place="Texas", place_key="US>a1:TX", place_from="figure"),
    ...           replace(k, place="Oklahoma", place_key="US>a1:OK", place_from="figure"))
    'Texas vs Oklahoma'
    """
    if not concepts_compatible(a.concept, b.concept, meaning):
        return f"counts {a.concept} vs {b.concept}"
    if not units_compatible(a.unit, b.unit):
        return f"unit {a.unit or 'count'} vs {b.unit or 'count'}"
    # Outlets name the same dead differently ("340 medics", "340 health workers"); the very
    # same count of the same kind vouches for the pair, while a different count does not,
    # unless one rounds the other to three figures or more ("about 526,000" of 526,409).
    same_count = a.value >= SAME_COUNT_MIN and a.concept is not None
    same_count = same_count and (a.value == b.value or rounds(a, b) or rounds(b, a))
    if not subjects_compatible(a.subject, b.subject) and not same_count:
        return f"{a.subject} vs {b.subject}"
    return situations_apart(situation(a), situation(b))


ROUNDED_FIGURES = 3  # significant figures a rounded count needs to vouch like an equal one


def rounding_step(fig: Figure) -> float:
    """The step a count is rounded to when it is told to ROUNDED_FIGURES significant
    figures or more with trailing zeros ("about 526,000": 1,000), else 0.

    >>> f = Figure("b:f1", "b", 0, "about 526,000", (0, 13), 526e3, None, None, "about")
    >>> rounding_step(f), rounding_step(replace(f, value=500e3))
    (1000.0, 0.0)
    >>> rounding_step(replace(f, value=526))
    0.0
    """
    if fig.qualifier not in ("about", "exact") or not float(fig.value).is_integer():
        return 0.0
    digits = str(abs(int(fig.value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0**zeros if zeros and len(digits) - zeros >= ROUNDED_FIGURES else 0.0


def rounds(rounded: Figure, exact: Figure) -> bool:
    """Whether one count is the other rounded: "about 526,000" of 526,409.

    >>> f = Figure("b:f1", "b", 0, "about 526,000", (0, 13), 526e3, None, None, "about")
    >>> g = replace(f, text="526,409", value=526409.0, qualifier="exact")
    >>> rounds(f, g), rounds(g, f), rounds(f, replace(g, value=527_000.0))
    (True, False, False)
    """
    step = rounding_step(rounded)
    if step == 0 or exact.qualifier != "exact":
        return False
    return round(exact.value / step) * step == rounded.value and exact.value != rounded.value


# What a figure's place, time and role say of it, for the rule below: place key, whether the
# place is the figure's own (its clause's), whether the figure counts something that happens
# somewhere (a casualty), scope, period, role.  Few distinct values, so the bulk form of the
# rule is a lookup table of this one (see scoring).
Situation = tuple[str | None, str | None, str | None, bool, str, str | None, str | None]


def situation(f: Figure) -> Situation:
    return (
        f.place_key,
        f.place,
        f.place_from,
        f.concept in CASUALTY_CONCEPTS,
        f.scope,
        f.period,
        f.role,
    )


def situations_apart(a: Situation, b: Situation) -> str | None:
    """Place, time and role keep two figures apart: places apart (two countries, two
    states, two regions of one country), another event or period, victims and suspects.

    >>> tr = ("TR", "Turkey", "figure", True, "current", None, None)
    >>> situations_apart(tr, ("SY", "Syria", "figure", True, "current", None, None))
    'Turkey vs Syria'
    >>> situations_apart(tr, ("TR", "Turkey", "figure", True, "background", "1999", None))
    'this event vs an earlier one (1999)'
    >>> situations_apart(tr, ("SY", "Syria", "article", True, "current", None, None)) is None
    True

    """
    key_a, name_a, from_a, located_a, scope_a, period_a, role_a = a
    key_b, name_b, from_b, located_b, scope_b, period_b, role_b = b
    own_a, own_b = from_a == "figure", from_b == "figure"
    if role_a and role_b and role_a != role_b:
        return f"{role_a}s vs {role_b}s"
    # The same stated time is the same time, whether one article tells it as a past
    # event and the other as a period ("1.8 million cars in 2023").
    same_period = period_key(period_a) == period_key(period_b)
    same_time = scope_a != "current" and scope_b != "current" and same_period
    if (scope_a == "background") != (scope_b == "background") and not same_time:
        earlier = period_a if scope_a == "background" else period_b
        return f"this event vs an earlier one ({earlier})"
    if scope_a == scope_b and scope_a != "current" and not same_period:
        return f"{period_a} vs {period_b}"
    if _DAY.fullmatch(period_a or "") and _DAY.fullmatch(period_b or "") and period_a != period_b:
        return f"a count of {period_a} vs one of {period_b}"  # two days' crowds

    # Casualties happen somewhere: a toll in Turkey is not a toll in Syria.  Other
    # counts (a plan's stages, a company's revenue) are kept apart by place only when each
    # figure names its own.  An article's dateline or main place is too weak to keep
    # figures apart (a dateline may be the bureau a story is filed from), and a place
    # inside another may be the same count told more or less precisely ("383 in the West
    # Bank, including East Jerusalem").
    # A figure's own place against a place its sentence names elsewhere is no proof either:
    # "... shelled the city after last year's attack, which officials say killed 1,200".
    located = located_a or located_b or (own_a and own_b)
    inherited = {from_a, from_b} - {"figure"}
    comparable = "article" not in inherited and (own_a == own_b)
    if located and key_a and key_b and comparable and relation(key_a, key_b) == "apart":
        return f"{name_a} vs {name_b}"
    return None


_SO_FAR = re.compile(r"\b(?:so|thus)\s+far\b|\bto\s+date\b", re.IGNORECASE)


def period_key(period: str | None) -> str | None:
    """A stated period as compared: a calendar quarter however it is named ("the
    October-December quarter", "the December quarter", "the fourth quarter", "Q4" are
    "q4"); a fiscal quarter, or any other period, as written.

    >>> period_key("december quarter"), period_key("fourth quarter"), period_key("q4")
    ('q4', 'q4', 'q4')
    >>> period_key("fiscal fourth quarter"), period_key("2023")
    ('fiscal fourth quarter', '2023')
    >>> period_key("so far this year"), period_key("this year to date")
    ('this year', 'this year')
    """
    if period is None:
        return None
    # "so far this year" is "this year": a running count told as of now either way.
    period = " ".join(_SO_FAR.sub(" ", period).split()) or period
    words = re.findall(r"[a-z0-9]+", period.lower())
    if "fiscal" in words or not ({"quarter", "q1", "q2", "q3", "q4"} & set(words)):
        return period
    for word in reversed(words):  # "october-december": the quarter's last month decides
        n = _quarter_words(vocabulary()).get(word)
        if n is not None:
            return f"q{n}"
    return period


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _quarter_words(vocab: Vocabulary) -> dict[str, int]:
    table = vocab.tables.get("quarters", {})
    return {w: int(k[1:]) for k, v in table.items() for w in str(v).lower().split()}


def why_unpaired(
    a: Figure,
    b: Figure,
    hints_a: frozenset[str] = frozenset(),
    hints_b: frozenset[str] = frozenset(),
    named_a: frozenset[tuple[str, str]] = frozenset(),
    named_b: frozenset[tuple[str, str]] = frozenset(),
    parts_of: frozenset[str] = frozenset(),
    wholes_of: frozenset[str] = frozenset(),
    kinds_a: frozenset[str] = frozenset(),
    kinds_b: frozenset[str] = frozenset(),
) -> str | None:
    """Every rule that keeps two figures apart, in order: :func:`why_apart`, then what
    their sentences say of unlabelled figures, then whether the other article counts the
    same thing of the same group elsewhere (``named_a``/``named_b``: :func:`named` of
    each article's figures), whether one is a part of a total and the other not
    (``parts_of``: :func:`parts` of both articles) or the whole a share is told of
    (``wholes_of``: :func:`wholes`), whether their sentences tell of different kinds of
    event (``kinds_a``/``kinds_b``: :func:`event_kinds`), then whether their numbers vouch."""
    return (
        why_apart(a, b)
        or hinted_apart(a, hints_a, b)
        or hinted_apart(b, hints_b, a)
        or counted_elsewhere(a, b, named_b)
        or counted_elsewhere(b, a, named_a)
        or part_apart(a, b, parts_of, wholes_of)
        or events_apart(a, b, kinds_a, kinds_b)
        or unvouched(a, b)
        or vague_apart(a, b)
        or implausible(a, b)
    )


def named(figures: Iterable[Figure]) -> frozenset[tuple[str, str]]:
    """What an article counts of which named group: (concept, group) of its figures that
    say both (see :func:`counted_elsewhere`)."""
    return frozenset(k for k in map(named_key, figures) if k is not None)


def named_key(fig: Figure) -> tuple[str, str] | None:
    """A figure's (concept, group) when it says both, as compared."""
    g = group(fig.subject)
    return None if fig.concept is None or g is None else (_singular(concept_key(fig.concept)), g)


def counted_elsewhere(
    fig: Figure, other: Figure, named_other: frozenset[tuple[str, str]]
) -> str | None:
    """A figure that names whose count it is ("Labour won 191 seats") pairs only with the
    same group's count when the other article gives that group's count of the same thing:
    not with another group's, nor with a count that names none ("59 seats").

    >>> s = Figure("a:f1", "a", 0, "191", (0, 3), 191, 191, 191, "exact", None, "seats",
    ...            "Labour")
    >>> other = replace(s, text="59", value=59, low=59, high=59, subject=None)
    >>> labour = frozenset({("seat", "labour")})
    >>> counted_elsewhere(s, other, labour)
    'the other article counts seats of Labour in another figure'
    >>> counted_elsewhere(s, replace(s, subject="the Labour Party"), labour)
    """
    key = named_key(fig)
    if key is None or key not in named_other or group(other.subject) == key[1]:
        return None
    return f"the other article counts {fig.concept} of {fig.subject} in another figure"


MAX_PART_FIGURES = 10  # figures in a sentence beyond which no parts are looked for
MAX_PARTS = 3  # parts that may add up to a total


def parts(claims: Sequence[Claim]) -> frozenset[str]:
    """Ids of an article's figures that are part of a larger count it gives: figures that
    add up to a total stated beside them, in their sentence or the one before ("33 were
    seriously injured and 116 suffered minor injuries, bringing the number of injured to
    149"; "95 cases. Ninety were in the placebo group and five ..."), and figures told as
    a share of a group ("Of the injured, 19 were ...", "185 of them"; the vocabulary's
    [partitive] words: "Four of the dead were children").

    >>> from compare.types import Sentence
    >>> text = "Another 33 were hurt and 116 had minor injuries, 149 in all."
    >>> f = Figure("a:f1", "a", 0, "33", (8, 10), 33, 33, 33, "exact", None, "injured")
    >>> g = replace(f, id="a:f2", text="116", span=(24, 27), value=116, low=116, high=116)
    >>> h = replace(f, id="a:f3", text="149", span=(49, 52), value=149, low=149, high=149)
    >>> c = Claim("a", Sentence("a", 0, text, 0, len(text)), (f, g, h))
    >>> sorted(parts([c])), sorted(parts([replace(c, figures=(f, g))]))
    (['a:f1', 'a:f2'], [])
    >>> text = "Of the injured, 19 were in critical condition."
    >>> k = replace(f, text="19", span=(16, 18), value=19, low=19, high=19)
    >>> sorted(parts([Claim("a", Sentence("a", 0, text, 0, len(text)), (k,))]))
    ['a:f1']
    """
    lead, after = _partitive(vocabulary())
    by_sentence: dict[int, list[Figure]] = {}
    found: set[str] = set()
    for claim in claims:
        sentence = claim.sentence
        for f in claim.figures:
            # A share is always "of" something, and durations do not add up to a count.
            if f.sentence < 0 or f.qualifier == "vague" or f.unit in NOT_MEASURES | DAYS_PER.keys():
                continue
            by_sentence.setdefault(f.sentence, []).append(f)
            at, end = f.span[0] - sentence.start, f.span[1] - sentence.start
            if lead.search(sentence.text[:at]) or after.match(sentence.text[end:]):
                found.add(f.id)
        # A count of the same thing told after a share and "and" is another share of that
        # group: "Only 88 of the dead had been identified, and 187 bodies were unclaimed".
        shares = [f for f in claim.figures if f.id in found and f.concept is not None]
        for f in claim.figures:
            if f.id in found or f.sentence < 0 or f.qualifier == "vague":
                continue
            if any(
                s.concept == f.concept
                and s.unit == f.unit
                and s.span[1] <= f.span[0]
                and _AND.search(
                    sentence.text[s.span[1] - sentence.start : f.span[0] - sentence.start]
                )
                for s in shares
            ):
                found.add(f.id)
    for k, here in by_sentence.items():
        if len(here) > MAX_PART_FIGURES:
            continue
        totals = here + by_sentence.get(k - 1, [])
        for size in range(2, MAX_PARTS + 1):
            for some in combinations(here, size):
                unit = some[0].unit
                if any(f.unit != unit for f in some):
                    continue
                total = sum(f.value for f in some)
                if any(t.unit == unit and t.value == total and t not in some for t in totals):
                    found.update(f.id for f in some)
    return frozenset(found)


_AND = re.compile(r"\band\b")


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _partitive(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sentence's opening that makes the figure after it a share of a group ("Of the
    injured, "), and the words after a figure that do ("of them")."""
    table = vocab.tables.get("partitive", {})
    leads = "|".join(map(re.escape, str(table.get("leads", "")).split())) or "(?!)"
    words = str(table.get("pronouns", "")).split()
    pronouns = "|".join(map(re.escape, words)) or "(?!)"
    # Before a figure, "of the" leads to a whole ("120 of the 300 seats"), not a group.
    before = "|".join(re.escape(w) for w in words if w.lower() != "the") or "(?!)"
    return (
        # "Of the injured, " opening the sentence; "among them " just before the figure.
        re.compile(
            rf"^\s*(?:{leads})\s[^,]{{1,60}},\s*$|\b(?:{leads})\s+(?:{before})\s*,?\s*$",
            re.IGNORECASE,
        ),
        # "240 of the 543 seats" is a share of a whole, not of a group: no part.
        re.compile(rf"\s+(?:{leads})\s+(?:{pronouns})\b(?!\s+\d)", re.IGNORECASE),
    )


def wholes(claims: Sequence[Claim]) -> frozenset[str]:
    """Ids of an article's figures that are the whole a share is told of: "368 of the 650
    seats", "48 of Scotland's 59 seats", "12 of its 40 stores" (the vocabulary's
    [partitive] words).

    >>> from compare.types import Sentence
    >>> text = "It won 48 of Scotland's 59 seats."
    >>> f = Figure("a:f1", "a", 0, "48", (7, 9), 48, 48, 48, "exact", None, "seats")
    >>> g = replace(f, id="a:f2", text="59", span=(24, 26), value=59, low=59, high=59)
    >>> sorted(wholes([Claim("a", Sentence("a", 0, text, 0, len(text)), (f, g))]))
    ['a:f2']
    """
    of = _share_of(vocabulary())
    return frozenset(
        f.id
        for claim in claims
        for f in claim.figures
        if f.sentence >= 0 and of.search(claim.sentence.text[: f.span[0] - claim.sentence.start])
    )


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _share_of(vocab: Vocabulary) -> re.Pattern[str]:
    """The words between a share and its whole: "368 of the ", "48 of Scotland's "."""
    table = vocab.tables.get("partitive", {})
    owners = "|".join(map(re.escape, str(table.get("owners", "")).split())) or "(?!)"
    return re.compile(
        rf"\d(?:[\d,.]*\d)?(?:\s+[a-z]+)?\s+(?:out\s+)?of\s+(?:{owners}|[\w.-]+['\u2019]s)\s+$",
        re.IGNORECASE,
    )


def part_apart(
    a: Figure, b: Figure, parts_of: frozenset[str], wholes_of: frozenset[str] = frozenset()
) -> str | None:
    """A part of a total ("116 suffered minor injuries" of 149 injured) is no count of the
    whole the other side gives, nor the whole a share is told of ("48 of Scotland's 59
    seats") a count of anything else, unless both name the same group or their own same
    place ("5,400 in Turkey" of a quake's 7,200 and another article's "5,000 in Turkey"),
    or give the very same number.

    >>> f = Figure("a:f1", "a", 0, "82", (0, 2), 82, 82, 82, "exact", None, "injured")
    >>> part = replace(f, id="b:f2", text="116", value=116, low=116, high=116)
    >>> part_apart(f, part, frozenset({"b:f2"}))
    '116 is a part of a total its article gives, 82 is not'
    >>> part_apart(replace(f, subject="children"), replace(part, subject="children"),
    ...            frozenset({"b:f2"})) is None
    True
    >>> part_apart(f, part, frozenset(), frozenset({"b:f2"}))
    '116 is the whole a share is told of, 82 is not'
    """
    kind_a = (a.id in parts_of, a.id in wholes_of)
    kind_b = (b.id in parts_of, b.id in wholes_of)
    # The very same number of the same thing vouches, as for subjects (SAME_COUNT_MIN).
    same = a.value == b.value and (a.value >= SAME_COUNT_MIN or same_concept(a.concept, b.concept))
    if kind_a == kind_b or same:
        return None
    if group(a.subject) is not None and group(a.subject) == group(b.subject):
        return None
    here = a.place_from == b.place_from == "figure"
    if here and a.place_key is not None and a.place_key == b.place_key:
        return None
    if kind_a[0] != kind_b[0]:
        part, other = (a, b) if kind_a[0] else (b, a)
        return f"{part.text} is a part of a total its article gives, {other.text} is not"
    whole, other = (a, b) if kind_a[1] else (b, a)
    return f"{whole.text} is the whole a share is told of, {other.text} is not"


def event_kinds(text: str) -> frozenset[str]:
    """The kinds of event a sentence tells of, by the vocabulary's [event_kinds] words.

    >>> sorted(event_kinds("Floods driven by Storm Daniel burst two dams"))
    ['weather']
    >>> sorted(event_kinds("The quake and the tsunami it set off killed 2,000"))
    ['quake']
    """
    kinds = _event_words(vocabulary())
    return frozenset(kinds[w] for w in re.findall(r"[a-z]+", text.lower()) if w in kinds)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _event_words(vocab: Vocabulary) -> dict[str, str]:
    table = vocab.tables.get("event_kinds", {})
    return {w: kind for kind, words in table.items() for w in str(words).lower().split()}


def events_apart(
    a: Figure, b: Figure, kinds_a: frozenset[str], kinds_b: frozenset[str]
) -> str | None:
    """Casualties of an earthquake are no count of a flood's: two casualty figures whose
    sentences each name a kind of event, and no kind in common, are kept apart.

    >>> k = Figure("a:f1", "a", 0, "2,497", (0, 5), 2497, 2497, 2497, "exact", None, "killed")
    >>> events_apart(k, k, frozenset({"quake"}), frozenset({"weather"}))
    'a quake vs a weather event'
    >>> events_apart(k, k, frozenset({"quake"}), frozenset()) is None
    True
    """
    if not (a.concept in CASUALTY_CONCEPTS and b.concept in CASUALTY_CONCEPTS):
        return None
    if not kinds_a or not kinds_b or kinds_a & kinds_b:
        return None
    return f"a {'/'.join(sorted(kinds_a))} vs a {'/'.join(sorted(kinds_b))} event"


def vague_apart(a: Figure, b: Figure) -> str | None:
    """A vague amount ("dozens", "hundreds") is no count to check an exact one against: it
    may agree with one it covers, never contradict or update one it does not.

    >>> v = Figure("a:f1", "a", 0, "hundreds", (0, 8), 200, 200, 999, "vague", None, "killed")
    >>> vague_apart(v, replace(v, text="251", value=251, low=251, high=251, qualifier="exact"))
    >>> vague_apart(v, replace(v, text="34", value=34, low=34, high=34, qualifier="exact"))
    'hundreds is too vague to check 34 against'
    """
    if (a.qualifier == "vague") == (b.qualifier == "vague"):
        return None
    ca, cb = in_common_unit(a, b)
    if compatible(ca, cb):
        return None
    vague, exact = (a, b) if a.qualifier == "vague" else (b, a)
    return f"{vague.text} is too vague to check {exact.text} against"


def implausible(a: Figure, b: Figure) -> str | None:
    """Numbers ten times apart or more are rarely one count told twice (a town's toll and
    the nation's, last week's and this year's).  Strong evidence of identity vouches for
    such a change: the same claimant's count of the same thing in the same place; the same
    thing counted of the same group and role in the same place that both figures state
    themselves (not an article's dateline); or a revision one article reports itself whose
    previous value is within ten times of the other figure ("raised the toll to 2,975 from
    64" after "34").

    >>> k = Figure("a:f1", "a", 0, "2", (0, 1), 2, 2, 2, "exact", None, "killed")
    >>> implausible(k, replace(k, text="251", value=251, low=251, high=251))
    '2 and 251 are over ten times apart'
    >>> here = replace(k, place="Georgia", place_key="US>a1:GA", place_from="figure")
    >>> implausible(here, replace(here, text="251", value=251, low=251, high=251)) is None
    True
    """
    ca, cb = in_common_unit(a, b)
    lo, hi = sorted((abs(ca.value), abs(cb.value)))
    if lo == 0 or hi / lo < IMPLAUSIBLE_RATIO:
        return None
    same_source = (
        a.attribution is not None
        and b.attribution is not None
        and a.attribution.lower() == b.attribution.lower()
        and a.concept is not None
        and a.concept == b.concept
        and a.place_key is not None
        and a.place_key == b.place_key
    )
    same_here = (
        same_concept(a.concept, b.concept)
        and a.place_key is not None
        and a.place_key == b.place_key
        and a.place_from in OWN_PLACE
        and b.place_from in OWN_PLACE
        and a.role == b.role
        and group(a.subject) == group(b.subject)
    )
    bridged = _bridges(a, cb.value) or _bridges(b, ca.value)
    if same_source or same_here or bridged:
        return None
    return f"{a.text} and {b.text} are over ten times apart"


def _bridges(fig: Figure, other: float) -> bool:
    """Whether a figure's own previous value is within ten times of another number."""
    if fig.previous is None or fig.unit in DAYS_PER:
        return False
    lo, hi = sorted((abs(fig.previous.value), abs(other)))
    return lo > 0 and hi < IMPLAUSIBLE_RATIO * lo


def group(subject: str | None) -> str | None:
    """A subject as compared for identity (:func:`subject_key`), generic words as none."""
    if subject is None:
        return None
    s = subject_key(subject)
    return None if s in _GENERIC_SUBJECTS else s


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _organisation_words(vocab: Vocabulary) -> frozenset[str]:
    table = vocab.tables.get("subjects", {})
    return frozenset(str(table.get("organisations", "")).lower().split())


def figure_score(text: float, context: float, a: Figure, b: Figure) -> float:
    """The evidence that two comparable figures report the same fact.

    ``text`` is how alike their sentences are, ``context`` how alike the words
    around the two numbers are (both in [0, 1]).
    """
    ca, cb = in_common_unit(a, b)
    score = (1 - CONTEXT_WEIGHT) * text + CONTEXT_WEIGHT * context
    if compatible(ca, cb):
        score += COMPATIBLE_BONUS
    score += MAGNITUDE_WEIGHT * closeness(ca.value, cb.value)
    if ca.value == cb.value:
        score += SAME_NUMBER_BONUS
    if a.attribution and b.attribution and a.attribution.lower() == b.attribution.lower():
        score += SAME_CLAIMANT_BONUS
    if (a.concept is None) != (b.concept is None):
        score -= UNKNOWN_CONCEPT_PENALTY
    elif a.concept is None:
        score -= 2 * UNKNOWN_CONCEPT_PENALTY  # neither says what it counts
    return score


def unvouched(a: Figure, b: Figure) -> str | None:
    """When one side does not say what it counts, or the two say it in alike but different
    words ("cases" and "severe cases": maybe a part and its whole), or only one states the
    period it counts (a month's jobs against jobs of no stated month), missing evidence is
    no compatibility: the two may be told as one figure when their numbers agree (bounded
    intervals that meet, or numbers within UNKNOWN_CONCEPT_RATIO that meet), never raised
    as an alarm.

    >>> c = Figure("a:f1", "a", 0, "90", (0, 2), 90, 90, 90, "exact", None, "cases")
    >>> unvouched(c, replace(c, text="30", value=30, low=30, high=30, concept="severe cases"))
    'cases and severe cases are alike, not the same count, and the numbers do not agree'
    """
    weak = weak_identity(a, b)
    if weak is None:
        return None
    ca, cb = in_common_unit(a, b)
    lo, hi = sorted((abs(ca.value), abs(cb.value)))
    # A vague or one-sided amount ("hundreds of thousands", "up to 1.9 million") is
    # compatible with too much to vouch; only bounded intervals do.
    bounded = {a.qualifier, b.qualifier} <= BOUNDED_QUALIFIERS
    near = lo > 0 and hi / lo <= UNKNOWN_CONCEPT_RATIO
    if compatible(ca, cb) and (near or bounded):
        return None
    return f"{weak}, and the numbers do not agree"


def weak_identity(a: Figure, b: Figure) -> str | None:
    """What is missing for two comparable figures to be known as one quantity, or None:
    pairs with such a gap pair only when their numbers agree (see :func:`unvouched` and
    :func:`no_alarm`).

    >>> c = Figure("a:f1", "a", 0, "90", (0, 2), 90, 90, 90, "exact", None, "cases")
    >>> weak_identity(c, replace(c, scope="period", period="third quarter"))
    'only one side states the period (third quarter)'
    """
    if revision_told(a, b):
        return None
    # A measure's unit says what it measures when one side leaves it unsaid ("nearly
    # 20,000 acres" against "burned 23,713 acres").
    measured = (a.concept is None) != (b.concept is None) and a.unit == b.unit
    if (a.concept is None or b.concept is None) and not (measured and is_measure(a.unit)):
        return "what one side counts is unknown"
    if period_unmatched(a.scope, b.scope):
        stated = a.period if a.scope == "period" else b.period
        return f"only one side states the period ({stated})"
    if (day(a) is None) != (day(b) is None):
        return f"only one side dates the day it counts ({day(a) or day(b)})"
    for x, y in ((a, b), (b, a)):
        if in_a_part(x) and y.subject is not None and group(y.subject) is None:
            return f"only one side counts {x.subject}, the other all {y.subject} {y.concept}"
    if a.concept is None or b.concept is None:
        return None  # vouched by the unit
    if not same_concept(a.concept, b.concept):
        return f"{a.concept} and {b.concept} are alike, not the same count"
    return None


# The day a one-day happening's count is of (compare.extract.situate: a crowd's march).
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def day(fig: Figure) -> str | None:
    """The day a count of this event is of, when its article dates it ("marched on
    Sunday": see compare.extract.situate), else None.

    >>> f = Figure("a:f1", "a", 0, "2", (0, 1), 2, 2, 2, "exact", None, "marched")
    >>> day(replace(f, period="2019-06-16")), day(f), day(replace(f, period="since May"))
    ('2019-06-16', None, None)
    """
    if fig.scope == "current" and fig.period and _DAY.fullmatch(fig.period):
        return fig.period
    return None


def in_a_part(fig: Figure) -> bool:
    """Whether a figure counts a casualty of people who serve at an event (the
    vocabulary's [people_counts] ``responders``): "two officers were wounded" counts some
    of the wounded, not all of them, so it vouches for no count of people in general ("17
    people were wounded"); a count that does not say whom ("four others") may be theirs.
    Other groups may be the whole ("410 protesters were arrested" of "450 arrested").

    >>> k = Figure("a:f1", "a", 0, "2", (0, 1), 2, 2, 2, "exact", None, "injured", "officers")
    >>> in_a_part(k), in_a_part(replace(k, concept="arrested", subject="protesters"))
    (True, False)
    """
    if fig.subject is None or fig.concept not in CASUALTY_CONCEPTS:
        return False
    return _singular(subject_key(fig.subject)) in _part_words(vocabulary())


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _part_words(vocab: Vocabulary) -> frozenset[str]:
    table = vocab.tables.get("people_counts", {})
    return frozenset(_singular(w) for w in str(table.get("responders", "")).lower().split())


def is_measure(unit: str | None) -> bool:
    """Whether a unit measures one physical kind of thing (acres, feet, tonnes, megawatts),
    so that it tells what a figure measures: not a share, money (ISO codes, cents), a
    duration or a rate.

    >>> is_measure("acre"), is_measure("percent"), is_measure("USD"), is_measure("month")
    (True, False, False, False)
    """
    if unit is None or unit in DAYS_PER or unit in NOT_MEASURES or "/" in unit:
        return False
    return not (len(unit) == 3 and unit.isupper())  # a currency's ISO code


def revision_told(a: Figure, b: Figure) -> bool:
    """Whether one side itself says the other's number is the value its own replaced
    ("revised the toll to 275 from 288" against "288 killed"): evidence enough that the
    two count one thing, when the wording of one leaves it unsaid or alike.

    >>> from compare.types import Previous
    >>> n = Figure("b:f1", "b", 0, "275", (0, 3), 275, 275, 275, "exact", None, None)
    >>> k = replace(n, text="288", value=288, low=288, high=288, concept="killed")
    >>> revised = replace(n, previous=Previous("288", (9, 12), 288, 288, 288, "exact"))
    >>> revision_told(k, n), revision_told(k, revised)
    (False, True)
    """
    return _told(a, b) or _told(b, a)


def _told(fig: Figure, other: Figure) -> bool:
    prev = fig.previous
    if prev is None or fig.unit in DAYS_PER or fig.unit != other.unit or other.value == 0:
        return False
    return abs(prev.value) == abs(other.value) and fig.value != other.value


def no_alarm(a: Figure, b: Figure) -> bool:
    """Whether the wording of two paired figures says they may be different quantities
    (alike but different concepts, one side's stated period): they may agree, and the judge
    tells them as agreement only.  A side that does not say what it counts is silence, not
    contrary wording: its pair, vouched by near numbers, may still update.
    """
    return a.concept is not None and b.concept is not None and weak_identity(a, b) is not None


def period_unmatched(a: str, b: str) -> bool:
    """Whether one figure's scope is a stated period and the other's is the current event."""
    return (a == "period") != (b == "period") and "background" not in (a, b)


def hinted_apart(fig: Figure, hints: frozenset[str], other: Figure) -> str | None:
    """An unlabelled figure in a sentence about other casualties than ``other`` counts."""
    known = other.concept in casualty_kinds()
    if fig.concept is None and known and hints and other.concept not in hints:
        return f"its sentence speaks of {', '.join(sorted(hints))}, not {other.concept}"
    return None


def closeness(x: float, y: float) -> float:
    """1 for equal numbers, falling to 0 at a factor of ten apart."""
    if x <= 0 or y <= 0:
        return 1.0 if x == y else 0.0
    return max(0.0, 1.0 - abs(math.log10(x / y)))


def _head(concept: str) -> str:
    word = concept.lower().split()[-1] if concept.split() else concept.lower()
    return word[:-1] if word.endswith("s") else word
