"""What a figure counts (concept) and who is counted (subject), from the words around it.

No parser: news counts follow a few shapes -- "27,840 Palestinians have since
been killed", "85% of Gazans have been displaced", "which Tel Aviv says killed
nearly 1,200 people", "more than 130 hostages", "Tanks: 6,526".  The verb right
before the number governs it ("killed 3,287 people and wounded 14,222": the later
verb is the later number's); otherwise the counted noun phrase follows the number
and a casualty word is looked for after it in the same clause (a parenthesis such
as ", including 96 children," is stepped over), then just before the number, then
anywhere earlier in the sentence since the previous figure ("revised down its count
of the people killed ... to around 1,200").  A duration counts time: its concept is
what lasts (a pause, the war), never a casualty.  A tagger would cost the fast start
`figures` needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from compare.extract.resources import (
    ATTRIBUTION_VERBS,
    CASUALTY_CONCEPTS,
    CONCEPTS,
    DETERMINERS,
    FIGHTERS,
    LASTING,
    LOSS_VERBS,
    NP_ADJECTIVES,
    NP_PARTICIPLES,
    NP_STOP,
    SUBJECTS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE,
    alternation,
    substrings,
    words,
)
from compare.extract.unit_words import UNIT_WORDS
from compare.extract.units import plural
from compare.extract.vocab import (
    Vocabulary,
    inflections,
    table_phrases,
    table_words,
    vocabulary,
)

# (possessive: nothing follows what each run takes, so it never gives any back; a tenth faster)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019]*+(?:-[A-Za-z]+)*+|\d[\d,.]*+|[^\w\s]")
_IRREGULAR_PLURALS = words("people children men women police personnel staff")
_NUMBER_WORDS = UNITS_WORDS | TENS_WORDS | {k.split()[0] for k in VAGUE} - {"a"}
# Words between a verb and the number it governs: "wounded nearly 14,222".
_QUALIFYING = words("nearly almost about around some roughly over more than at least another")
_MAX_NP = 5
_CLAUSE_WORDS = 10  # how far after the counted noun a casualty verb may stand
_BEFORE_WORDS = 5  # "which Tel Aviv says killed nearly 1,200"
_LASTING_WORDS = 6  # "halt the fighting for 135 days", "two years of full-scale war"
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
# ", including 96 children," / ", among them 3,650 children," between a figure and its verb.
_ASIDE = words("including among of")
# "the toll has reached", "the overall toll of the war passed 30,000": a death toll.
_TOLL = words("toll tolls")
# Of those, the ones that join a measure to its amount ("a target of 500", "turnout was 66%").
_MEASURE_LINKS = words(
    """of was were is are stood stands reached reaches hit hits totalled totaled totals
    rose rises risen fell falls fallen increased increases decreased decreases grew grows
    jumped jumps climbed climbs dropped drops declined declines slipped surged edged at
    doubled tripled halved eased slowed accelerated soared plunged tumbled rebounded reach
    closed ended finished"""
)
# Nouns that name a share of something else, never what is measured.
_NOT_MEASURES = words("part parts rest most half some all each one share total number")
# Words between what is measured and the amount: "revenue rose 8% to", "turnout was".
_LINKS = words(
    """of at to by from was were is are be been stood stands reached reaches hit hits
    totalled totaled totals came rose rise rises risen fell fall falls fallen increased
    increase increases decreased decrease decreases grew grow grows jumped jump jumps
    climbed climb climbs dropped drop drops declined decline declines slipped slip
    surged surge edged edge up down rising falling a an the its their his her this that
    doubled tripled halved eased slowed accelerated soared plunged tumbled rebounded
    nearly almost about around some roughly over more than less fewer at least estimated
    an record just only s reach could would will may might shrunk shrank dwindled swelled
    ballooned has have had closed ended finished"""
)
# A markdown list item or table row read as text: "Tanks: 6,526", "1. Personnel: about 409,010".
_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?P<label>[A-Za-z][A-Za-z '\u2019-]{1,40}?):\s*"
)
_DELTA = re.compile(r"^[\s,;]*(?:\(\s*|\bup\s+|\bdown\s+|\ba\s+rise\s+of\s+)[+\u2212-]?$", re.I)
# "the number of Palestinians injured ... at 4,433", "its count of destroyed armoured
# personnel carriers was revised down to 5,167": the counted phrase stands before.
_NUMBER_OF = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+(?P<np>(?:[A-Za-z'\u2019-]+\s+){0,3}?[A-Za-z-]+s)\b"
)

# "... at 1,129 and of cruise missiles at 315", "... rose to 2,511 and artillery systems to
# 1,556": a list whose verb is gapped names each item before its number.
_GAPPED = re.compile(
    r"^\s*,?\s*and\s+(?:of\s+)?(?P<np>(?:[A-Za-z-]+\s+){0,2}[a-z-]+s)\s+(?:at|to)\s+$"
)
# "the tank tally rose to 2,511": a singular noun naming what a tally counts.
_NOUN_TALLY = re.compile(r"\b(?P<n>[a-z]{3,})\s+(?:tally|count)\s+(?:[a-z]+\s+){0,3}$")


@dataclass(frozen=True, init=False)  # its __init__ below: two are built per figure
class Counted:
    concept: str | None
    subject: str | None
    # The counted noun phrase as written, qualifiers kept ("seven European countries" ->
    # "european countries"): what NewsQuant-style annotation calls a count's unit.
    noun: str | None = field(default=None, repr=False)

    def __init__(self, concept: str | None, subject: str | None, noun: str | None = None) -> None:
        # The frozen dataclass's __init__ sets each field through object.__setattr__.
        self.__dict__.update({"concept": concept, "subject": subject, "noun": noun})


# Compiled once: called on every figure.
_COUNTED_RE1 = re.compile(r"\s*\(\s*")
_COUNTED_RE2 = re.compile(r"\b([a-z]{3,}s)\s*$")
_COUNTED_RE3 = re.compile(r"\s*(?:to|from)\s*")
_COUNTED_RE4 = re.compile(r"[\w\s'-]{0,30}?(?:,|\band)\s*")


def counted(
    text: str,
    start: int,
    end: int,
    *,
    compound: str | None = None,
    previous: str | None = None,
    unit: str | None = None,
    since: int = 0,
    previous_concept: str | None = None,
    previous_unit: str | None = None,
    previous_noun: str | None = None,
) -> Counted:
    """Concept and subject of the figure spanning text[start:end].

    ``compound`` is the noun of a hyphenated count ("3-stage" -> "stages");
    ``previous`` is the subject of the sentence's previous figure, inherited by "others";
    ``unit`` is the figure's unit (a duration counts what lasts); ``since`` is where the
    previous figure ends, so that a word read for this figure is not another's;
    ``previous_concept``, ``previous_unit`` and ``previous_noun`` are that figure's.

    >>> t = "At least 27,840 Palestinians have since been killed and 67,317 others injured"
    >>> counted(t, 0, 15)
    Counted(concept='killed', subject='Palestinians')
    >>> counted(t, 56, 62, previous="Palestinians")
    Counted(concept='injured', subject='Palestinians')
    >>> counted("less than half of aid trucks are entering", 0, 14)
    Counted(concept='aid trucks', subject=None)
    >>> t = "strikes have killed 3,287 people and wounded 14,222"
    >>> counted(t, 20, 25), counted(t, 45, 51, since=25)
    (Counted(concept='killed', subject='people'), Counted(concept='injured', subject='people'))
    >>> counted("would halt the fighting for 135 days", 28, 36, unit="day")
    Counted(concept='pause', subject=None)
    """
    after = _tokens(text[end:])
    while after and after[0].lower() in ("of", "the", "its", "their", "them"):
        after = after[1:]
    phrase = _noun_phrase(after)
    if phrase[:1] and phrase[0].lower() in table_words(vocabulary(), "holders", "not_nouns"):
        phrase = []  # "and 500 million to 1 billion worldwide": no noun of its own
    if not phrase and unit is None:
        phrase = _measured(text, end)  # "eight million 250ml bottles"
    if compound is not None:
        compound = vocabulary().counted_synonyms.get(compound, compound)
    if unit in _DURATIONS:
        lasting = (
            compound
            or _lasting(text, start, after)
            or _duration_word(text, start, end)
            or _duration_of(text[end:])
            or _span_concept(text[max(0, start - 40) : start], text[end:], text[start:end])
        )
        return Counted(
            lasting,
            _duration_subject(text[end : end + 80], lasting)
            or _who_lasted(text[:start] if start <= _WINDOW else ""),
        )
    phrase = _of_whole(_tokens(text[end:])) or phrase  # "240 of the 543 seats"
    before = _tokens(text[since:start])
    distances = table_words(vocabulary(), "clauses", "distances")
    where = unit is not None and (unit in distances or f"{unit}s" in distances)
    concept = (
        compound
        or (None if where and _passive(before) else _governing(before, phrase))
        or _uprooted(before, after[len(phrase) :])
        or _concept_in(phrase)
        or _crowd(text[since:start], phrase, unit)
    )
    subject = None
    same_noun = False  # the count names no noun and is of the previous figure's things
    if not phrase and after[1:2] and after[0].lower() in _COPULAS and _is_subject(after[1]):
        subject = after[1]  # "Of the dead, 101 were women"
    elif not phrase and unit is None and after[:1] and after[0].lower() in ("who", "whom"):
        subject = "people"  # "and 95,800 who have been out of work for two years"
    elif not phrase and after[1:2] and after[0].lower() in _COPULAS:
        who = _noun_phrase(after[1:])
        if 1 < len(who) <= 3 and _is_subject(who[-1]) and all(w.islower() for w in who):
            subject = " ".join(who)  # "Twenty-six were foreign nationals"
    if phrase:
        head = phrase[-1]
        if head.lower() == "others":
            # "killed 3 soldiers and wounded 5 others": the soldiers' kind; after one person
            # ("killed one woman and wounded 22 others", "the driver ... four others"),
            # people: a singular noun never counts the others.
            one = previous is not None and previous.lower() in vocabulary().singular_people
            one = one or _after_one(text[max(0, start - 16) : start])  # "he and four others"
            subject = "people" if one else previous
        elif _is_subject(head):
            subject = head
        elif concept == vocabulary().tables.get("crowds", {}).get("concept", "turnout"):
            subject = _describe(phrase)  # "the final attracted 90,000 fans"
        elif concept is None and head.lower().rstrip("s") not in _DURATIONS:
            concept = _describe(phrase)  # not "50 million euros next week"
            if _in_their_part(head) and unit is None:
                subject = concept  # "1.03 million marchers", "96 Liverpool fans" are who

            done = _done(_past_aside(after[len(phrase) :], before)) or _done_before(before)
            if done is None and previous_concept and since:
                last = previous_concept.split()[-1]
                if last in _participles() and _COUNTED_RE4.fullmatch(text[since:start]):
                    done = last  # "destroyed 13,972 homes, 528 buildings and 4,293 structures"
            if concept is not None and done is not None:
                # What happened is the concept, the things it happened to the subject
                # ("13,972 homes destroyed"). A bare count of things ("293 seats") leaves
                # the subject to an owner ("the Alliance won 293 seats").
                subject = concept if unit is None else None
                concept = f"{concept} {done}"  # "homes destroyed"
            elif concept is not None and unit is None:
                # A predicate told after them says what happened to whom: "a million farm
                # animals died", "Hundreds of white nationalists had gathered".
                told = _verb_of(after[len(phrase) :])
                rest = after[len(phrase) :]
                if told is None and rest[:1] and rest[0].lower() in ("who", "whom"):
                    # "Two troopers who had been monitoring the rally also died": people
                    # (a "who" says so) and the verb after their relative clause
                    told = _concept_in(_after_clause(rest, inside=False))
                if told is None and [t.lower() for t in rest[:1]] == ["and"]:
                    # "Three women and two men were injured", "Four adults and a child
                    # died": the verb after the list is the first group's too
                    told = _verb_of(_after_coordinate(rest[1:]))
                if told is not None and not _yields(told):
                    subject, concept = concept, told
    if concept is None:
        # An apposition steps over its comma too: "half of the victims, 52, died in Lee County".
        aside = _in_aside(before) or (before[-1:] == [","] and not phrase and after[:1] == [","])
        concept = _concept_in(_after_clause(after[len(phrase) :], inside=aside))
        rest = after[len(phrase) :]
        if concept is None and phrase and [t.lower() for t in rest[:1]] == ["and"]:
            # "Three women and two men were injured": the list's verb (see above)
            told = _verb_of(_after_coordinate(rest[1:]))
            concept = told if told is not None and not _yields(told) else None
        lows = map(str.lower, _tokens(text[max(0, start - 40) : start]))  # each lowered once
        lead = [t for t in lows if t != "the"]
        whole = lead[-1:] == ["of"] and len(lead) > 1 and _is_number(lead[-2])  # "179 of the"
        if concept is not None and _yields(concept) and not whole:
            # "179 of the 181 people aboard the flight that crashed at the airport had died"
            # (the 181 are all who were aboard)
            later = _concept_in(_clause(after[len(phrase) :], _CLAUSE_WORDS * 2))
            concept = later if later is not None and not _yields(later) else concept
        rest = [t.lower() for t in after[len(phrase) : len(phrase) + 2]]
        if whole and (rest[:1] == ["aboard"] or rest == ["on", "board"]):
            # "179 of the 181 people aboard died": the whole is who was aboard; the verb
            # tells what befell the part.
            concept = vocabulary().predicates.get("aboard", "on board")
    if concept is None and not phrase and unit is None:
        concept = _part_done(after, text, start)  # "Of the 275 dead, 88 had been identified"
    if concept is None:
        concept = _changed_from(text[max(0, start - _WINDOW) : start])  # "from 62 to 64"
    if concept is None and not (where and _passive(before)):
        # The nearest casualty word before it: "evacuations as the flood toll tops 8,800".
        # (the last words only, reversed: _clause reads no further than its limit)
        concept = _earlier(_clause(before[: -_BEFORE_WORDS - 1 : -1], _BEFORE_WORDS)[::-1])
    label = _LABEL.match(text)
    if concept is None and label is not None and label.end() <= start:
        name = " ".join(label.group("label").lower().split())
        if label.end() == start:
            concept = vocabulary().label(name) or name  # "DEATHS: 4,100" counts the killed
        elif since and _DELTA.match(text[since:start]):
            concept = f"{name} (daily)"  # "Personnel: about 409,010 (+770)"
    if concept is None and unit is None:
        concept = _earlier(before)
    if concept is None and since:
        gapped = _GAPPED.match(text[since:start])
        if gapped is not None:
            concept = _describe(gapped.group("np").split())
    if concept is None:
        gap = text[since:start]
        tally = _NOUN_TALLY.search(gap) if "tally" in gap or "count" in gap else None
        refs = table_words(vocabulary(), "references", "adjectives")
        if tally is not None and tally.group("n") not in NP_STOP | refs:  # not "final count"
            concept = plural(tally.group("n"))
    if concept is None or subject is None:
        gap = text[since:start]
        counts = "number" in gap or "count" in gap or "tally" in gap or "total" in gap
        found = list(_NUMBER_OF.finditer(gap)) if counts else []  # the pattern's own words
        if found:
            np = found[-1].group("np").split()
            if subject is None and _is_subject(np[-1]):
                subject = np[-1]
            elif concept is None:
                concept = _describe(np)
                rest = _tokens(text[since:start][found[-1].end() :])
                done = _done(rest)
                if concept is not None and done is not None:
                    if unit is None and subject is None:
                        subject = concept  # the things it happened to, as after them
                    concept = f"{concept} {done}"  # "the number of structures damaged"
    if concept is None and unit == "percent" and not (after[:1] and after[0].lower() == "of"):
        lead = [t.lower() for t in before if t.lower() not in _QUALIFYING]
        if lead:
            concept = vocabulary().tables.get("percent_predicates", {}).get(lead[-1])
    if concept is None:
        concept = _governed_amount(before, unit)
    if concept is None:
        earlier = _without_direction(previous_concept) if since else None
        concept = _measure(before, after, unit, earlier)  # "fell 1% to $89.5bn": revenue
        if concept is not None and subject is None:
            subject = _where_of(before)  # "Inflation in the euro zone rose to 10.7%"
        if concept is not None and (unit == "percent" or before[-1:] == ["by"]):
            concept = _with_direction(concept, before)  # "revenue fell 1%": a decline
    if concept is None and unit is not None:
        concept = _changed_by(before)  # "raised its key rate by a quarter of a point"
    if concept is not None and subject is None and unit is not None and unit not in _DURATIONS:
        # Whose amount it is: "Apple reported revenue of $89.5bn", "Pfizer's vaccine was
        # 95% effective" (Moderna's 94.1% is another vaccine's).
        owner = _owner(text[since:start])
        if owner is not None and owner.lower() not in concept:
            name, _, noun = owner.rpartition(" ")
            # "Apple's revenue was $383.3bn": Apple's, the revenue being the concept
            subject = name if name and noun in concept.split() else owner
        elif owner is None and since and previous and _COUNTED_RE3.fullmatch(text[since:start]):
            subject = previous  # "revenue fell 1% to $89.5bn": the same owner's amount
    if concept is None and unit is None:
        concept = _lead_of(text, start)  # "Of the dead, 101 were women"
    if (
        concept is None
        and previous_concept
        and since
        and (previous_unit is None) == (unit is None)  # not "$20bn ... and 4 million workers"
        and _gapped(text[since:start], phrase)
    ):
        # "101 were women and 55 were men", "1,293 of the dead, and Taroudant province 452",
        # "63 stolen this year compared with 48": the later count is of the same thing.
        concept = previous_concept
        same_noun = not phrase
        if subject is None and not phrase:
            # "Lula won 48.4% and Bolsonaro 43.2%": the amount's own owner, else the
            # earlier count's people.
            gap = text[since:start]
            owner = _owner(gap) if unit is not None else None
            elided = _ELIDED.fullmatch(gap)  # "..., the Scottish National Party 55"
            if unit is None and elided and concept not in _people_counts():
                owner = elided.group("name")
            named = _COUNTED_RE2.search(gap)  # "its lenders $1.3bn"
            if owner is None and named is not None and _is_plural(named.group(1)):
                owner = named.group(1)
            subject = owner or previous
    if (
        concept is None
        and unit is None
        and phrase
        and _in_their_part(phrase[-1])
        # Not "accused twelve of its employees", "twelve employees of involvement in".
        and _tokens(text[end : end + 40])[:1] == phrase[:1]
        and after[len(phrase) : len(phrase) + 1] != ["of"]
        and not (before and before[-1].lower() in LOSS_VERBS | _QUALIFYING)  # "lost 900 troops"
    ):
        concept = phrase[-1].lower()  # "80,000 protesters", "500 troops on standby"
    if unit == "magnitude":
        concept = "magnitude"  # "a magnitude-5.9 quake" measures the quake
    if concept is None or (after[:1] and concept == after[0].lower()):
        concept = _unit_measure(unit, after) or concept  # not "winds of 150 mph"
    if concept in LOSS_VERBS:
        concept = None
    if (
        subject is None
        and unit is None
        and concept in _people_counts()
        # "of the dead"; "1,700 deaths", "412 bodies" count people killed, while "130
        # hostages" names the people themselves
        and all(
            concept_word(w) and (not _is_plural(w.lower()) or concept_word(w) in _TALLIES)
            for w in phrase
        )
    ):
        subject = "people"  # "the toll rose to 452": people are counted
    if concept is not None and concept in table_words(vocabulary(), "fatal", "adverbs"):
        concept = "killed"  # "Two teens were shot, one fatally"
    if concept not in _people_counts() and unit in (None, "percent"):
        # Whose count or share it is, when a name wins or holds it: "368 seats for the
        # Conservatives", "49.1% for Bolsonaro", "Labour took 203", "Tesla delivered 1.8m".
        # (Money "for Haiti" is the recipient's, not its owner's: amounts are left out.)
        owner = (
            _for_owner(after[len(phrase) :] if phrase else after)
            or _verb_owner(text[since:start])
            or (_noun_owner(text[since:start]) if subject is None else None)
        )
        if owner is not None:
            subject = owner
    if unit is None and (subject is None or _is_subject(subject)):
        subject = (
            _group_of(
                _out_of_aside(text[end : end + 80], before)
            )  # "162 were in the placebo group"
            or _arm_of(text[end : end + 60], text[since:start])  # "11 the vaccine"
            or _among(text[end : end + 80])  # "170 cases among trial volunteers"
            or subject
        )
        if subject is not None and concept is not None and subject == f"{concept} group":
            concept = previous_concept if since else None  # "and 11 the vaccine": cases
    if (
        since
        and unit is not None
        and previous_unit is not None
        and _is_money(unit)
        and _is_money(previous_unit)
        and _COUNTED_RE1.fullmatch(text[since:start])
    ):
        # "3 billion Swiss francs ($3.2bn)", "3,000 taka ($38) a month": the same amount
        # in another currency.
        concept, subject = previous_concept, previous
    concept = _comparative(unit, before, after, previous_concept if since else None) or concept
    if unit is not None and concept is not None and unit not in _DURATIONS:
        caused = _caused_by(text[max(0, start - _WINDOW) : start])
        if caused is not None:
            subject = caused  # "floods in Pakistan caused $14.9bn of damage and $15.2bn ..."
        elif unit == "percent" and (subject is None or subject == _owner(text[since:start])):
            subject = _possessed(text, start, end, concept) or subject
    concept = _per_share(concept, unit, before, after)
    if (
        unit is None
        and concept in table_words(vocabulary(), "bodies", "nouns")
        and [t.lower() for t in before[-2:]] == [concept, "of"]
    ):
        concept = f"{concept} members"  # "the jury of seven women", "a crew of 12"
    last = concept.split()[-1] if concept else ""
    if last in table_words(vocabulary(), "crowds", "nouns") and re.search(
        rf"\b{last}\b",
        text[since:start],  # written lowercase: not "March"
    ):
        concept = "marched"  # "put that earlier march at 240,000"
    concept = _read_phrasing(
        text,
        start,
        end,
        Counted(concept, subject),
        unit=unit,
        since=since,
        previous_concept=previous_concept,
        previous_unit=previous_unit,
    )
    concept, subject = _whose_more(
        text, start, end, since, unit, concept, subject,
        compound=compound, previous=previous, previous_concept=previous_concept,
        previous_unit=previous_unit,
    )  # fmt: skip
    phrase = _joined(_tokens(text[end : end + 120]), phrase)
    if unit is None:
        same_noun = same_noun or (not phrase and _PART_OF.fullmatch(text, since, start) is not None)
        if (
            text[start:end].lower() in ("one", "1", "a single")
            and phrase[1:]
            and _is_plural(phrase[-1].lower())
            and not _is_plural(phrase[-2].lower())
        ):
            phrase = phrase[:-1]  # "One proposal asks": one thing is singular, "asks" its verb
        written = compound or _written(phrase) or (previous_noun if same_noun else None)
        if written is None and phrase and text[start:end].lower() in ("one", "1", "a single"):
            # "one particular demand", not "one hand behind his back"
            cut = next((k for k, w in enumerate(phrase) if w.lower() in _ADVERBIALS), None)
            written = _written(phrase[:cut], whole=True)
        if written is not None and _qualifies(before[-2:]):
            written = f"{before[-1].lower()} {written}"  # "the top three seeds"
    elif unit == "percent":
        written = _written(phrase, whole=True)  # "half the condos", "a third of the staff"
    else:
        written = None
    return Counted(concept, subject, written)


# Compiled once: called on every figure.
_WRITTEN_RE1 = re.compile(r"['\u2019]s$")


def _written(phrase: list[str], *, whole: bool = False) -> str | None:
    """The counted noun phrase as written, lowercase, when it ends in a plural noun: the
    concept's words with the qualifiers ``_describe`` drops ("four different bosses",
    "two Singaporean sisters", "4.3M digital and physical sales"); for a share
    (``whole``), the whole it is a share of, plural or not ("a fourth of the US population").

    >>> _written(["European", "countries"]), _written(["Kia", "and", "Hyundai", "vehicles"])
    ('european countries', 'kia hyundai vehicles')
    >>> _written(["others"]), _written(["page", "document"])
    (None, None)
    >>> _written(["Johnson's", "deputies"]), _written(["more", "recorded", "songs"])
    ('johnson deputies', 'songs')
    """
    words = [_WRITTEN_RE1.sub("", w.lower()) for w in phrase]
    if not words or words[-1] == "others" or not (whole or _is_plural(words[-1])):
        return None
    # Words that say how many more rather than which ("eight more picks"), and the
    # participles the concept drops too ("300 recorded songs", "the remaining hostages").
    dropped = table_words(vocabulary(), "noun_phrase", "drop") | _HOW_MANY
    kept = [
        w
        for w in words[:-1]
        if w not in dropped
        and w not in _NUMBER_WORDS
        and not (w.endswith("ed") and "-" not in w and w not in NP_PARTICIPLES)
    ]
    return " ".join([*kept, words[-1]])


def _joined(tokens: list[str], phrase: list[str]) -> list[str]:
    """A phrase whose words before its noun are joined by "and"/"or" ("4.3M digital and
    physical sales"), or an owner's phrase ("two of Johnson's deputies"), read on to that
    noun from the figure's following ``tokens``.

    >>> _joined(_tokens("of Johnson's deputies were fired"), ["Johnson's"])
    ["Johnson's", 'deputies']
    >>> _joined(_tokens("digital and physical sales of the film"), ["digital"])
    ['digital', 'and', 'physical', 'sales']
    >>> _joined(_tokens("soldiers and 12 civilians"), ["soldiers"])
    ['soldiers']
    """
    if not phrase:
        return phrase
    n = len(phrase)
    if phrase[-1].lower().endswith(("'s", "\u2019s")):
        # "two of Johnson's deputies": the owner, then the things counted
        k = next((k for k in range(len(tokens) - n + 1) if tokens[k : k + n] == phrase), -1)
        nxt = tokens[k + n] if 0 <= k < len(tokens) - n else ""
        return [*phrase, nxt] if nxt[:1].islower() and _is_plural(nxt) else phrase
    if _is_plural(phrase[-1].lower()):
        return phrase
    for k in range(len(tokens) - n + 1):
        if tokens[k : k + n] == phrase:
            rest = tokens[k + n :]
            if rest[:1] and rest[0].lower() in ("and", "or"):
                more = _noun_phrase(rest[1:4])
                if more and more[-1].islower() and _is_plural(more[-1]):
                    return [*phrase, rest[0], *more]
            break
    return phrase


def _qualifies(before: list[str]) -> bool:
    """Whether the two words before a count are an article and a word that says which
    things are counted ("the top three seeds", "a record 32 goals"), not how many ("the
    remaining 200", "an estimated 5,000", "a further 20", "the nearly 200").

    >>> _qualifies(["the", "previous"]), _qualifies(["a", "record"]), _qualifies(["the", "nearly"])
    (True, True, False)
    """
    if len(before) != 2 or before[0].lower() not in DETERMINERS:
        return False
    word = before[1]
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("ed", "ly"))
        and word not in NP_STOP | _QUALIFYING | _HOW_MANY | _NUMBER_WORDS
        and word not in table_words(vocabulary(), "noun_phrase", "drop")
    )


# A later count that is a part of the one before: "6 million homes, including 1.5 million in".
_PART_OF = re.compile(
    r"[^.;:\d]{0,30}?\b(?:including|among\s+them|of\s+which|of\s+whom)\s+"
    r"(?:(?:about|some|nearly|almost|around|roughly|over|more\s+than)\s+)?",
    re.IGNORECASE,
)
# "eight million 250ml bottles", "two 500-pound bombs": a measure between count and noun.
_MEASURE = re.compile(r"\s+\d[\d,.]*(?:\s?|-)(?P<u>[A-Za-z]+)(?=\s)")


def _measured(text: str, end: int) -> list[str]:
    """The noun phrase of a count whose things are told with a measure first ("eight
    million 250ml bottles" count bottles), or nothing.

    >>> _measured("eight million 250ml bottles of gel", 13), _measured("at 5 pm today", 2)
    (['bottles'], [])
    """
    m = _MEASURE.match(text, end)
    if m is None or m.group("u").lower() not in UNIT_WORDS:
        return []
    found = _noun_phrase(_tokens(text[m.end() : m.end() + 80]))
    return found if found and _is_plural(found[-1].lower()) else []


_ADVERBIALS = words(
    "behind across around against through between without within along among near about"
    " up down out off back away ago"
)
_HOW_MANY = words("and or more additional further extra many few several total overall")


def _crowd(before: str, phrase: list[str], unit: str | None) -> str | None:
    """A count of people right after a verb of drawing a crowd is the event's turnout (the
    vocabulary's [crowds]): "the rally drew 806,000 people", "attracted 90,000 fans".

    >>> _crowd("The last big protest drew ", ["people"], None)
    'turnout'
    >>> _crowd("The fund drew ", [], "USD"), _crowd("The final attracted ", ["viewers"], None)
    (None, 'turnout')
    """
    if unit is not None or not phrase or not (_is_subject(phrase[-1]) or _is_plural(phrase[-1])):
        return None
    lows = [t.lower() for t in _tokens(before)]
    while lows and lows[-1] in _QUALIFYING:
        lows.pop()
    verbs = _crowd_verbs(vocabulary())
    table = vocabulary().tables.get("crowds", {})
    return str(table.get("concept", "turnout")) if lows and lows[-1] in verbs else None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _crowd_verbs(vocab: Vocabulary) -> frozenset[str]:
    lemmas = table_words(vocab, "crowds", "verbs")
    return frozenset(form for lemma in lemmas for form in inflections(lemma))


@lru_cache(maxsize=32)  # keyed by the vocabulary (a user's file makes a new one)
def _vocab_regex(vocab: Vocabulary, template: str, table: str, key: str) -> re.Pattern[str]:
    """``template`` with ``{words}`` the words of ``[table] key``, compiled once per
    vocabulary (it was joined, hashed and looked up in re's cache on every figure)."""
    return re.compile(template.replace("{words}", "|".join(sorted(table_words(vocab, table, key)))))


@lru_cache(maxsize=32)  # keyed by the vocabulary (a user's file makes a new one)
def _vocab_cue(vocab: Vocabulary, table: str, key: str) -> re.Pattern[str]:
    """Whether any word of ``[table] key`` stands in a text, as a substring: one search."""
    return substrings(table_words(vocab, table, key))


_CAUSED = r"\b([a-z]+)(?:\s+in\s+(?:[A-Z][\w'-]*\s*)+)?\s+(?:{words})\b"
_ITS = r"\b(?:{words})\s+((?:[\w-]+\s+){0,3}[\w-]+)"
_FOR_ITS = r"\s*(?:\w+\s+){0,2}?for\s+(?:{words})\s+((?:[\w-]+\s+){0,2}[\w-]+)"
_GIVEN = (
    r"[^,;\d]{0,30}?(?:\s|\bin\s+the\s+(?:group|arm)\s+)"
    r"(?:had\s+|have\s+|were\s+|was\s+)?"
    r"(?:been\s+)?(?:{words})\s+(?:a|an|the)\s+([a-z]+)\b"
)
_REPORTED = r"\b[A-Za-z]+,\s+(?:{words})\s+by\b"


# Compiled once: called on every figure.
_CAUSED_BY_RE1 = re.compile(r"[;:]|,\s+(?:but|while|after|before|when|because|which)\b")


def _caused_by(before: str) -> str | None:
    """The event that caused an amount, told earlier in its clause (the vocabulary's
    [causes] verbs and [time] events): "This summer's floods in Pakistan caused $14.9bn of
    damage and".

    >>> _caused_by("This summer's floods in Pakistan caused "), _caused_by("The storm left ")
    ('floods', 'storm')
    >>> _caused_by("The floods caused damage; repairs cost "), _caused_by("Apple caused ")
    (None, None)
    """
    vocab = vocabulary()
    if not _vocab_cue(vocab, "causes", "verbs").search(before):
        return None  # no verb of causing: the pattern below needs one
    clause = _CAUSED_BY_RE1.split(before)[-1]
    found = None
    for m in _vocab_regex(vocab, _CAUSED, "causes", "verbs").finditer(clause):
        if m.group(1) in vocab.event_words:
            found = m.group(1)
    return found


# How far before a figure the readings below look (a sentence of 50,000 numbers stays
# linear).
_WINDOW = 300
# Words after a noun that say when: "for their vaccine earlier this month".
_WHEN_WORDS = words("earlier later ago this last next previously yesterday today")


# Compiled once: called on every figure.
_POSSESSED_RE1 = re.compile(
    r"\W*(?:[A-Z]{2,}[\w ,.]*?\s[\u2013\u2014-]\s+)?"  # a dateline
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
    r"(?:\s+and\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)?\s+[a-z]"
)
_POSSESSED_RE2 = re.compile(r"[;:]|,\s+(?:and|but|while)\b")


def _possessed(text: str, start: int, end: int, concept: str) -> str | None:
    """A measure of a thing told with "its"/"their" is that thing of the sentence's leading
    name ([possessives]): "Pfizer and BioNTech said their vaccine was 95% effective".

    >>> t = "Pfizer and BioNTech said that their vaccine was 95% effective"
    >>> _possessed(t, 48, 51, "effective")
    'Pfizer vaccine'
    >>> t = "Moderna reported efficacy of 94% for its vaccine"
    >>> _possessed(t, 29, 32, "efficacy")
    'Moderna vaccine'
    >>> _possessed("Apple said its revenue rose 8%", 27, 29, "revenue rise")
    'Apple'
    >>> t = "Nvidia said revenue in its third quarter rose 206%"
    >>> _possessed(t, 47, 51, "revenue rise")
    """
    lead = _POSSESSED_RE1.match(text)
    if lead is None or lead.group("name").split()[0].lower() in _NOT_OWNERS:
        return None
    vocab = vocabulary()
    near = text[max(lead.end(), start - _WINDOW) : start]  # bounded: linear on long lines
    clause = _POSSESSED_RE2.split(near)[-1]
    m = list(_vocab_regex(vocab, _ITS, "possessives", "pronouns").finditer(clause))
    said: list[str] = []
    for word in m[-1].group(1).split() if m else []:
        if word in _LINKS or word in NP_STOP:
            break  # "its experimental Covid-19 vaccine was": the vaccine
        said.append(word)
    if set(said) & vocab.period_words:
        said = []  # "its fiscal third quarter": when, not a thing of the name's
    nouns = [w for w in said if w.isalpha() and w.islower()]
    found = nouns[-1] if nouns else None
    if found is None:
        after = _vocab_regex(vocab, _FOR_ITS, "possessives", "pronouns").match(text[end:])
        told = []
        for word in after.group(1).split() if after else []:
            if word in _LINKS or word in NP_STOP or word in _WHEN_WORDS:
                break  # "for its weight-loss drug in the trial": the drug
            told.append(word)
        nouns = [w for w in told if w.isalpha() and w.islower()]
        found = nouns[-1] if nouns else None
    if found is None:
        return None
    name = lead.group("name")
    return name if found in concept.split() else f"{name} {found}"


# Compiled once: called on every figure.
_DURATION_OF_RE1 = re.compile(r"\s+of\s+((?:[a-z]+\s+)?[a-z]+)\b")


def _duration_of(after: str) -> str | None:
    """What a duration lasts, told after "of": "seven days of national mourning", "six weeks
    of polling" (its duration).

    >>> _duration_of(" of national mourning."), _duration_of(" of polling, officials said")
    ('national mourning duration', 'polling duration')
    >>> _duration_of(" of the year"), _duration_of(" later")
    (None, None)
    """
    m = _DURATION_OF_RE1.match(after)
    if m is None or any(w in NP_STOP or w in _DURATIONS for w in m.group(1).split()):
        return None
    return f"{m.group(1)} duration"


# Compiled once: called on every figure.
_CHANGED_FROM_RE1 = re.compile(
    r"\b([a-z]+)\s+(?:the|its|their|his|her)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+from\s+"
    r"(?:\S+\s+to\s+)?$"
)


def _changed_from(before: str) -> str | None:
    """The measure a verb of change takes "from" one amount "to" another: "raise the minimum
    retirement age from 62 to 64", "cut its workforce from 5,000 to".

    >>> _changed_from("a plan to raise the minimum retirement age from 62 to ")
    'minimum retirement age'
    >>> _changed_from("cut its workforce from "), _changed_from("evacuated people from ")
    ('workforce', None)
    """
    m = _CHANGED_FROM_RE1.search(before) if "from" in before else None  # its word first
    if m is None:
        return None
    vocab = vocabulary()
    verbs = table_words(vocab, "changes", "up") | table_words(vocab, "changes", "down")
    if m.group(1) not in verbs:
        return None
    noun = m.group(2).split()
    return None if _is_subject(noun[-1]) or noun[-1] in NP_STOP else " ".join(noun)


def _comparative(
    unit: str | None, before: list[str], after: list[str], previous: str | None
) -> str | None:
    """A share told "higher" or "lower" is a change of the measure before it: "Petrol prices
    ... were 59.9% higher than a year earlier" (a rise of petrol prices).

    >>> _comparative("percent", _tokens("Rents were"), _tokens("higher than in May"), None)
    'rents rise'
    >>> _comparative("percent", _tokens("and were"), _tokens("lower"), "petrol prices rise")
    'petrol prices decline'
    >>> _comparative("percent", _tokens("It was"), _tokens("of the vote"), None)
    """
    if unit != "percent" or not after or after[0].lower() not in ("higher", "lower"):
        return None
    table = vocabulary().tables.get("changes", {})
    way = str(table.get("rise", "rise") if after[0].lower() == "higher" else table.get("fall"))
    base = _without_direction(previous) or _measure(before, [], unit, None)
    return f"{base} {way}" if base else None


def _per_share(
    concept: str | None, unit: str | None, before: list[str], after: list[str]
) -> str | None:
    """An amount or change told per share is the measure per share: "net income of $22.96bn,
    or $1.46 a share" (net income per share), "up 13% per share" (its rise).

    >>> _per_share("net income", "USD/share", [], [])
    'net income per share'
    >>> _per_share("net income", "percent", _tokens("up"), _tokens("per share from"))
    'net income per share rise'
    >>> _per_share("dividend per share", "USD/share", [], []), _per_share(None, "USD/share", [], [])
    ('dividend per share', None)
    """
    if concept is None:
        return concept
    told = (unit or "").endswith("/share") or (
        unit == "percent" and [t.lower() for t in after[:2]] in (["per", "share"], ["a", "share"])
    )
    if not told:
        return concept
    base = _without_direction(concept) or concept
    if "share" not in base.split():
        base = f"{base} per share"
    return _with_direction(base, before) if unit == "percent" else base


def _unit_measure(unit: str | None, after: list[str]) -> str | None:
    """What the unit alone says an amount measures (the vocabulary's [unit_measures]): a
    speed, or a distance when a direction follows the length.

    >>> _unit_measure("km/h", []), _unit_measure("km", _tokens("southwest of Marrakech"))
    ('speed', 'distance')
    >>> _unit_measure("mile", _tokens("of coastline")), _unit_measure(None, [])
    (None, None)
    """
    if unit is None:
        return None
    vocab = vocabulary()
    if unit in table_words(vocab, "unit_measures", "speed"):
        return "speed"
    directions = table_words(vocab, "unit_measures", "directions")
    if unit in table_words(vocab, "unit_measures", "length") and after[:1]:
        return "distance" if after[0].lower() in directions else None
    return None


def _out_of_aside(after: str, before: list[str]) -> str:
    """The words after a count told in an aside, from where the aside closes: "All 30 severe
    cases, including one death, were in the placebo group" (the death is in it too).

    >>> _out_of_aside(" death, were in the group", _tokens("cases, including"))
    ' were in the group'
    """
    if _in_aside(before):
        return re.sub(r"^[^,;]{0,30},", "", after)
    return after


# Compiled once: called on every figure.
_ARM_OF_RE1 = re.compile(r"\s+(?:a|an|the)\s+([a-z]+)\s*(?:[,;.]|$|and\b)")


def _arm_of(after: str, before: str) -> str | None:
    """The arm of a trial a count is in, told by what it was given (the vocabulary's
    [arms]): "185 had received a placebo and 11 the vaccine", "eight in the group given the
    drug".

    >>> _arm_of(" had received a placebo and 11", ""), _arm_of(" the vaccine, the", " and ")
    ('placebo group', None)
    >>> _arm_of(" the vaccine, the", "185 had received a placebo and ")
    'vaccine group'
    >>> _arm_of(" in the group given the drug", ""), _arm_of(" received a letter", "")
    ('drug group', None)
    """
    vocab = vocabulary()
    nouns = table_words(vocab, "arms", "nouns")
    m = _vocab_regex(vocab, _GIVEN, "arms", "verbs").match(after)
    if m is None and _vocab_regex(vocab, r"\b(?:{words})\b", "arms", "verbs").search(before):
        m = _ARM_OF_RE1.match(after)  # gapped
    return f"{m.group(1)} group" if m is not None and m.group(1) in nouns else None


# Endings of plural nouns for people ("residents", "schoolchildren", "pensioners").
_PEOPLE_ENDS = ("ers", "ents", "ants", "ists", "children", "people")


# Compiled once: called on every figure.
_AMONG_RE1 = re.compile(r"[^,;]{0,40}?\bamong\s+((?:[a-z]+\s+){0,2}?[a-z]+)\b(?!\s+[a-z]+s\b)")
_AMONG_RE2 = re.compile(r"(?<![\w-])\d")


def _among(after: str) -> str | None:
    """Who a count of things is among, told in its clause: "170 confirmed cases of Covid-19
    among trial volunteers", "12 deaths among residents".

    >>> _among(" confirmed cases of flu among trial volunteers, 162"), _among(" among them")
    ('trial volunteers', None)
    """
    m = _AMONG_RE1.match(after) if "among" in after else None  # its word, looked for first
    if m is not None and _AMONG_RE2.search(after[: m.start(1)]):
        return None  # another count stands between: "300 cases and 12 among children"
    head = m.group(1).split()[-1] if m is not None else ""
    if m is None or not (_is_subject(head) or _in_their_part(head) or head.endswith(_PEOPLE_ENDS)):
        return None
    return m.group(1)


# Compiled once: called on every figure.
_GROUP_OF_RE1 = re.compile(r"^([^,;]{0,30}),\s+(?:including|among)\s[^,;]{1,40},")
_GROUP_OF_RE2 = re.compile(r"[^,;\d]{0,40}?\bin\s+the\s+([a-z]+)\s+([a-z]+)\b")


def _group_of(after: str) -> str | None:
    """The group a count is in, told in its clause: "were in the placebo group" (the
    vocabulary's [groups]).

    >>> _group_of(" were in the placebo group and eight"), _group_of(" of them in the control arm")
    ('placebo group', 'control arm')
    >>> _group_of(" people, 40 in the group"), _group_of(" died in the age group")
    (None, 'age group')
    """
    nouns = table_words(vocabulary(), "groups", "nouns")
    after = _GROUP_OF_RE1.sub(r"\1", after)
    m = _GROUP_OF_RE2.match(after)
    return f"{m.group(1)} {m.group(2)}" if m and m.group(2) in nouns else None


def _for_owner(tokens: list[str]) -> str | None:
    """The proper name after "for": "seats for the Conservatives" -> Conservatives.

    >>> _for_owner(_tokens("for the Scottish National Party, the poll said"))
    'Scottish National Party'
    >>> _for_owner(_tokens("for March")), _for_owner(_tokens("for the first time"))
    (None, None)
    """
    if not tokens or tokens[0].lower() != "for":
        return None
    rest = tokens[2:] if tokens[1:2] and tokens[1].lower() == "the" else tokens[1:]
    name: list[str] = []
    for tok in rest[:4]:
        if not tok[:1].isupper() or tok.lower() in _NOT_OWNERS:
            break
        name.append(tok)
    return " ".join(name) or None


def _verb_owner(text: str) -> str | None:
    """The proper name that wins, holds or reports a count right before it: "Labour took
    203", "Tesla delivered about 1.8 million" (verbs: the vocabulary's [owners]).

    >>> _verb_owner("The Conservatives won "), _verb_owner("In Texas, officials counted ")
    ('Conservatives', None)
    """
    m = _owner_verbs(vocabulary()).search(text)
    if m is None:
        return None
    words = [w for w in m.group("name").split() if w.lower() not in _NOT_OWNERS]
    return " ".join(words) or None


def _noun_owner(text: str) -> str | None:
    """A party named by a common noun that wins or holds a count right before it (the
    vocabulary's [owners] nouns): "the opposition won 43", "the ruling party took".

    >>> _noun_owner("In the state, the opposition won "), _noun_owner("the police took ")
    ('opposition', None)
    """
    m = _noun_owner_verbs(vocabulary()).search(text)
    return m.group("name").lower() if m is not None else None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _noun_owner_verbs(vocab: Vocabulary) -> re.Pattern[str]:
    nouns = alternation(table_words(vocab, "owners", "nouns"))
    return re.compile(
        rf"\b[Tt]he\s+(?P<name>(?:[a-z-]+\s+)?(?:{nouns}))\s+(?:[a-z]+\s+){{0,2}}" + _owning(vocab)
    )


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _owner_verbs(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(
        r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})\s+"
        r"(?:[a-z]+\s+){0,3}" + _owning(vocab)  # "would win", "was projected to win"
    )


def _owning(vocab: Vocabulary) -> str:
    """The end of a pattern of whose a count is: an [owners] or [holders] verb right before
    the count, a qualifier between ("won about", "took more than")."""
    owners = table_words(vocab, "owners", "verbs") | table_words(vocab, "holders", "verbs")
    verbs = alternation(v.replace("|", " ") for v in owners)  # "expects|to|have": 3 words
    return (
        rf"(?:{verbs})\s+"
        r"(?:(?:about|nearly|almost|some|just|over|under|more\s+than|less\s+than|"
        r"fewer\s+than|at\s+least|roughly|around|up\s+to)\s+)?$"
    )


_COPULAS = words("were was are is")
# Concepts whose plural nouns ("deaths", "bodies", "injuries") tally what befell people.
_TALLIES = words("killed injured")
# A name standing alone before a later count of the same thing: "the SNP 55".
_ELIDED = re.compile(
    r"(?:[^,;]*[,;]|[a-z\s]*?\band\b)?\s*(?:and\s+)?(?:the\s+)?(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})\s*"
)
_SCALES = words("thousand million billion trillion bn m k")
_AUXILIARIES = words("were was are is be been being have has had")
_ADVERBS = words("also then later since still all both reportedly")


def _participles() -> frozenset[str]:
    return table_words(vocabulary(), "things_done", "participles")


def _done(tokens: list[str]) -> str | None:
    """What happened to the counted things, told after them: "homes destroyed", "homes
    were damaged or destroyed", "buildings had collapsed or were so badly damaged".

    >>> _done(_tokens("were damaged or destroyed, officials said")), _done(_tokens("rose"))
    ('damaged or destroyed', None)
    """
    done = _participles()
    out: list[str] = []
    for tok in tokens[:8]:
        low = tok.lower()
        if low in _AUXILIARIES or (low.endswith("ly") and len(low) > 3) or low == "so":
            continue
        if low in done:
            out.append(low)
            continue
        if out and low in ("or", "and") and len(out) == 1:
            out.append(low)
            continue
        break
    while out and out[-1] in ("or", "and"):
        out.pop()
    return " ".join(out) or None


def _verb_of(tokens: list[str]) -> str | None:
    """The concept of the verb the counted things are the subject of: "died", "had
    gathered", ", some carrying shields, had gathered"; auxiliaries and one aside skipped.

    >>> _verb_of(_tokens("died, officials said")), _verb_of(_tokens("of malicious wounding"))
    ('killed', None)
    >>> _verb_of(_tokens("were among the dead")), _verb_of(_tokens("were among the top"))
    ('killed', None)
    """
    if tokens[:1] == [","] and "," in tokens[1:12]:
        tokens = tokens[tokens.index(",", 1) + 1 :]  # ", some carrying shields and clubs,"
    lows = [t.lower() for t in tokens[:4]]
    if len(lows) == 4 and lows[0] in _AUXILIARIES and lows[1:3] == ["among", "the"]:
        # "Nineteen foreigners were among the dead": who is counted among the casualties.
        among = concept_word(tokens[3])
        return among if among in CASUALTY_CONCEPTS else None
    for at, tok in enumerate(tokens[:4]):
        low = tok.lower()
        if low in _AUXILIARIES or low in _ADVERBS or (low.endswith("ly") and len(low) > 4):
            continue  # "also died", "had quickly gathered"
        return concept_word(tok) or _phrase_predicate([t.lower() for t in tokens[at : at + 5]])
    return None


def _phrase_predicate(lows: list[str]) -> str | None:
    """The concept of a predicate of three to five words that opens ``lows`` (lowercase):
    "treated in hospital", "taken to a hospital" (the vocabulary's [predicates]).

    >>> _phrase_predicate(["treated", "at", "local", "hospitals", "after"])
    'injured'
    >>> _phrase_predicate(["treated", "as", "suspicious"])
    """
    vocab = vocabulary()
    if not lows or lows[0] not in _pair_firsts(vocab):
        return None
    for size in range(min(5, len(lows)), 2, -1):
        found = vocab.predicate(" ".join(lows[:size]))
        if found is not None:
            return found
    return None


def _after_coordinate(tokens: list[str]) -> list[str]:
    """The words after a second group of people joined by "and": "two men were injured"
    -> "were injured", "a woman died" -> "died"; nothing when no group of people follows.

    >>> _after_coordinate(_tokens("two men were injured")), _after_coordinate(_tokens("said"))
    (['were', 'injured'], [])
    """
    k = 0
    if tokens[:1] and (_is_number(tokens[0]) or tokens[0].lower() in ("a", "an", "one")):
        k = 1  # "two men", "a woman"
    phrase = _noun_phrase(tokens[k:])
    if not phrase or not names_people(phrase[-1]):
        return []
    return tokens[k + len(phrase) :]


def _past_aside(tokens: list[str], before: list[str]) -> list[str]:
    """The words after counted things, an aside with "with" or "including" stepped over (or,
    for a count inside one, the rest of it): "202,000 buildings, with 582,000 apartments
    and other units, had collapsed", "582,000 apartments and other units, had collapsed".

    >>> _past_aside(_tokens(", with 582,000 apartments, had collapsed"), [])
    ['had', 'collapsed']
    >>> _past_aside(_tokens("and other units, had collapsed"), _tokens("buildings, with"))
    ['had', 'collapsed']
    >>> _past_aside(_tokens("were damaged"), [])
    ['were', 'damaged']
    """
    if not (tokens and tokens[0] == ",") and not (
        before[-1:] and before[-1].lower() in ("with", "including")
    ):
        return tokens  # neither test below can hold: no list of the words lowered
    lows = [t.lower() for t in tokens]
    if lows[:1] == [","] and lows[1:2] and lows[1] in ("with", "including") and "," in lows[2:12]:
        return tokens[lows.index(",", 2) + 1 :]
    if before[-1:] and before[-1].lower() in ("with", "including") and "," in lows[:8]:
        return tokens[lows.index(",") + 1 :]
    return tokens


def _done_before(before: list[str]) -> str | None:
    """A participle right before the count: "destroyed 3,000 homes"."""
    lows = [t.lower() for t in before]
    while lows and lows[-1] in _QUALIFYING:
        lows.pop()
    return lows[-1] if lows and lows[-1] in _participles() else None


_OF_LEAD = re.compile(r"^\W*of\s+(?:the\s+|all\s+|those\s+)?", re.IGNORECASE)
_GAP = re.compile(
    r"(?:,|\band\b|\bor\b|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bfrom|\bthan)"
    r"[\s,]*(?:(?:the|a|an|its|neighbouring|neighboring)\s+)?(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?:[a-z]+\s+){0,2}$"
)


def _gapped(gap: str, phrase: list[str]) -> bool:
    """Whether a count after "and", "compared with" or "from" is of what the count before
    it counts: it names nothing of its own, or only who ("20 children and six adults").

    >>> _gapped(" were women and ", []), _gapped(" tanks and ", ["planes"])
    (True, False)
    """
    if phrase and not _is_subject(phrase[-1]):
        return False
    m = _GAP.search(gap)
    return m is not None and not any(concept_word(w) for w in _tokens(m.group(0)))


def _of_whole(after: list[str]) -> list[str]:
    """The counted noun of "N of the M <noun>" ("240 of the 543 seats", "37 of the
    state's 80 seats").

    >>> _of_whole(_tokens("of the 543 seats in the lower house"))
    ['seats']
    """
    if not after or after[0].lower() != "of":
        return []
    for k in range(1, min(5, len(after))):
        if after[k][0].isdigit():
            rest = after[k + 1 :]
            while rest and rest[0].lower() in _SCALES:
                rest = rest[1:]  # "of the 1.5 billion shekels"
            found = _noun_phrase(rest)
            return [] if found and found[-1].lower() in UNIT_WORDS else found
        if after[k] in (",", ";", ".") or after[k].lower() in NP_STOP - {"the", "its", "their"}:
            break
    return []


def _part_done(after: list[str], text: str, start: int) -> str | None:
    """What befell a part of a whole a sentence opens with, told in the passive: "Of the 275
    dead, 88 had been identified", "Of 40 counts in the indictment, 31 were dropped".  The
    part is another count than the whole (88 of the dead were identified, not killed): what
    befell it, after the whole's things when they are things ("counts dropped").

    >>> _part_done(_tokens("had been identified"), "Of the 275 dead, 88 had been", 17)
    'identified'
    >>> _part_done(_tokens("were dropped"), "Of 40 counts in the indictment, 31 were", 32)
    'counts dropped'
    >>> _part_done(_tokens("were women"), "Of the dead, 101 were women", 13) is None
    True
    >>> _part_done(_tokens("had received a placebo"), "Of 90 patients, 71 had", 16) is None
    True
    """
    whole = _lead_of(text, start)
    if whole is None or not after[:1] or after[0].lower() not in _AUXILIARIES:
        return None
    passive = False
    for tok in after[:5]:
        low = tok.lower()
        if low in _AUXILIARIES or low in _ADVERBS or (low.endswith("ly") and len(low) > 4):
            passive = passive or low in _PASSIVE
            continue  # "had since been", "were later released"
        if not passive or _is_subject(low) or names_people(low):
            return None  # "101 were women": who the part is; "71 had received": active
        if (
            tok.isalpha()
            and tok.islower()
            and (low.endswith(("ed", "en")) or low in _participles())
        ):
            return low if whole.endswith("ed") else f"{whole} {low}"
        return None
    return None


_PASSIVE = _AUXILIARIES - words("have has had")  # "were discharged", "had been identified"


def _lead_of(text: str, start: int) -> str | None:
    """What a sentence that opens "Of the dead, ..." / "Of 170 confirmed cases ..., 162"
    counts, for the figures after its comma.

    >>> _lead_of("Of the dead, 101 were women", 13), _lead_of("Of 170 cases of flu, 162 were", 21)
    ('killed', 'cases')
    """
    m = _OF_LEAD.match(text)
    if m is None or "," not in text[m.end() : start]:
        return None
    tokens = _tokens(text[m.end() : start])
    if tokens and tokens[0][0].isdigit():
        tokens = tokens[1:]
    phrase = _noun_phrase(tokens)
    if not phrase:
        return None
    return _concept_in(phrase) or _describe(phrase)


_AREAS = frozenset({"acre", "hectare", "km2", "mile2", "m2", "foot2"})
_CURRENCIES = re.compile(r"^(?:[A-Z]{3}|cent|pence|sen)$")


@lru_cache(maxsize=256)  # asked by several readers of every amount
def _is_money(unit: str) -> bool:
    """Whether a unit, or a rate's first unit ("USD/barrel"), is money."""
    return _CURRENCIES.match(unit.split("/")[0]) is not None


_PLACE_NOUNS = words("city town village country nation region province state island capital")


def _governed_amount(before: list[str], unit: str | None) -> str | None:
    """What the verb or noun right before an amount makes of it: "burned 153,336 acres"
    (area burned), "customers lost $8bn" (losses), "home to about 27,000 people" and "a
    city of 100,000" (population).

    >>> _governed_amount(_tokens("The fire burned"), "acre")
    'area burned'
    >>> _governed_amount(_tokens("Investors lost nearly"), "USD")
    'losses'
    >>> _governed_amount(_tokens("the town, home to about"), None)
    'population'
    >>> _governed_amount(_tokens("depositors tried to withdraw"), "USD")
    'withdrawals'
    """
    end = len(before)
    while end and before[end - 1].lower() in _QUALIFYING:
        end -= 1
    # Only the last six words are read below (the verb within five of the amount): the
    # rest of the sentence is not lowered.
    lows = [t.lower() for t in before[max(0, end - 6) : end]]
    if not lows:
        return None
    if unit in _AREAS and lows[-1] in _participles():
        return f"area {lows[-1]}"
    if unit is not None and _CURRENCIES.match(unit) and lows[-1] in LOSS_VERBS:
        return "losses"
    if unit is not None and _is_money(unit):
        # "withdraw $42bn", "lend the combined bank up to", "buy Credit Suisse for": a verb
        # of the vocabulary's [amounts], its object (no number, no comma) between.
        verbs = _amount_verbs(vocabulary())
        for k in range(len(lows) - 1, max(-1, len(lows) - 6), -1):
            if lows[k] in verbs:
                return verbs[lows[k]]
            if not lows[k].isalpha() or lows[k] in ATTRIBUTION_VERBS:
                break
    if unit is None and (
        lows[-2:] == ["home", "to"]
        or (len(lows) > 1 and lows[-1] == "of" and lows[-2] in _PLACE_NOUNS)
    ):
        return "population"
    return None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _amount_verbs(vocab: Vocabulary) -> dict[str, str]:
    """Each form of an [amounts] verb ("withdrew", "lends") to its concept."""
    table = vocab.tables.get("amounts", {})
    out = {form: str(c) for lemma, c in table.items() for form in inflections(lemma.lower())}
    for form, lemma in vocab.tables.get("irregular", {}).items():
        if lemma in table:
            out.setdefault(form.lower(), str(table[lemma]))
    return out


def _people_counts() -> frozenset[str]:
    return table_words(vocabulary(), "people_counts", "concepts")


def _in_their_part(word: str) -> bool:
    """People named by their part in the event ("protesters", "passengers"): counted in it."""
    return word.lower() in table_words(vocabulary(), "people_counts", "in_their_part")


@lru_cache(maxsize=16)  # per vocabulary (hashed by identity) and table: read once
def _duration_word(text: str, start: int, end: int) -> str | None:
    """What a duration measures when a word around it says so ("sentenced to 25 years",
    "25 years in prison"): the vocabulary's [durations]."""
    table = vocabulary().tables.get("durations", {})
    near = [*_tokens(text[max(0, start - 40) : start])[-3:], *_tokens(text[end:])[:3]]
    for tok in near:
        found = table.get(tok.lower())
        if found:
            return str(found)
    return None


# A proper name, possibly possessive, and the noun it owns: "Moderna's vaccine", "Apple".
_OWNER = re.compile(
    r"(?P<name>(?:[A-Z][\w&.-]*)(?:\s+(?:[A-Z][\w&.-]*|of|de|&))*)"
    r"(?:['\u2019]s?\s+(?P<noun>[a-z]+)(?!-))?(?=\W|$)"  # not "Apple's third-largest"
)
_NOT_OWNERS = frozenset(
    """the a an in on at it its this that these those he she they we i you your our my
    but and or
    according after before during since while when for from as by with under over
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|i)$")


# Compiled once: called on every figure.
_OWNER_RE1 = re.compile(r"[;:]|,\s+(?:and|but|while|after|before|when|because)\b")
_OWNER_RE2 = re.compile(r"\s+([a-z]+s)\b")
_OWNER_RE3 = re.compile(r"\s+of\b")


def _owner(text: str) -> str | None:
    """Whose the measured amount is: the last proper name before it in its clause.

    >>> _owner("Moderna's vaccine was"), _owner("In the quarter, Apple reported revenue of")
    ('Moderna vaccine', 'Apple')
    """
    clause = _OWNER_RE1.split(text)[-1]
    found = None
    for m in _OWNER.finditer(clause):
        ahead = clause[: m.start()].split()[-1:]
        first = m.group("name").split()[0].lower()
        if (ahead and ahead[0].lower() in ("in", "from", "among")) or first in ("in", "among"):
            continue  # "Revenue in Greater China": where, not whose ("profit at Goldman")
        words = [w for w in m.group("name").split() if w.lower() not in _NOT_OWNERS]
        if not words:
            continue
        if m.start() == 0 and len(words) == 1 and words[0].lower() in NP_STOP:
            continue
        of = words[-1] == "of" or _OWNER_RE3.match(clause[m.end() :]) is not None
        words = words[:-1] if words[-1] == "of" else words
        if (
            len(words) == 1
            and not m.group("noun")
            and not clause[: m.start()].strip()
            and (words[0].lower().endswith("ed") or of)
        ):
            continue  # "Insured losses could reach", "Shares of the company": no name
        if len(words) == 1 and _DEMONYM.search(words[0]) and not m.group("noun"):
            continue  # "Italian bank losses": an adjective, not an owner
        noun = m.group("noun")
        if noun and noun.endswith("est"):
            noun = None  # "Siemens' biggest market": the owner alone
        people = _OWNER_RE2.match(clause[m.end() :])
        if (
            not noun
            and people
            and (_is_subject(people.group(1)) or people.group(1).endswith(_PEOPLE_ENDS))
        ):
            noun = people.group(1)  # "FTX customers had lost $8bn": the customers
        found = " ".join(words) + (f" {noun}" if noun else "")
    return found


def _measure(
    before: list[str], after: list[str], unit: str | None, previous: str | None
) -> str | None:
    """What an amount measures, named around it: "revenue of $2.1bn", "the unemployment
    rate fell to 3.5%", "Turnout was 66%", "$209 billion in assets"; an amount after a
    change ("rose 8% to $2.1bn") measures what the change did.

    >>> _measure(_tokens("The unemployment rate fell to"), [], "percent", None)
    'unemployment rate'
    >>> _measure(_tokens("The bank had"), _tokens("in assets."), "USD", None)
    'assets'
    """
    changed = unit == "percent" and bool(before) and before[-1].lower() in _MEASURE_LINKS
    if after[:1] and after[0].lower() in ("in", "of") and len(after) > 1 and not changed:
        # "$209 billion in assets", "$5bn of debt", "€68m in emergency aid"
        named = []
        for word in after[1:3]:
            if not (word[:1].islower() and word.isalpha()) or word.lower() in NP_STOP:
                break
            named.append(word.lower())
        if named:
            return " ".join(named)
    words = list(before)
    linked = False  # a copula or a verb of change joins the noun to the amount
    while words and (words[-1].lower() in _LINKS or words[-1] in ("$", "%", "\u20ac", "\u00a3")):
        # "revenue more than doubled to": the verb links, whatever qualifies it
        linked = linked or words[-1].lower() in _MEASURE_LINKS
        words.pop()
    if not words or words == [","]:  # ", has shrunk to a few hundred": the same count
        return previous if before and before[-1].lower() in ("to", "from") else None
    if not linked:
        return None
    if words[-1] == "," and "," in words[:-1]:
        # "Core inflation, which strips out food and energy, eased to": step over the aside
        words = words[: len(words) - 1 - words[-2::-1].index(",") - 1]
    words = words[: len(_without_where(words))]
    noun: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        tok = words[i]
        low = tok.lower()
        first = i == 0
        if low == "per" and noun and i > 0:
            noun.insert(0, low)  # "Earnings per share were $1.46", "GDP per capita rose"
            continue
        if not tok.isalpha() or low in NP_STOP or low in _LINKS or low in NP_ADJECTIVES:
            break
        if tok[:1].isupper() and not first:
            break  # a name ("Apple"), not what is measured
        after_per = i > 0 and words[i - 1].lower() == "per"  # "per share" is a measure's
        if low.endswith(("ed", "ing")) or low in ATTRIBUTION_VERBS:
            break
        if low in _NOT_MEASURES and not after_per:
            break
        noun.insert(0, low)
        if len(noun) == 3 + ("per" in noun):
            break
    if noun[:1] == ["per"]:
        noun = []
    if not noun or (unit is None and noun[-1] in SUBJECTS and noun[-1] != "population"):
        return None
    return " ".join(noun)


# Prepositions that open where or whose a measure is: "Revenue in Greater China", "net
# profit at the airline", "exports to China", "unemployment among young people" (not "a
# loss of": "at a loss" names the measure).
_WHERE_PREPOSITIONS = words("in at to from among")


def _without_where(words: list[str]) -> list[str]:
    """The measure's words without a short phrase that says where or whose it is.

    >>> _without_where(_tokens("Revenue in Greater China")), _without_where(_tokens("a rise"))
    (['Revenue'], ['a', 'rise'])
    >>> _without_where(_tokens("The minimum wage for a garment worker"))
    ['The', 'minimum', 'wage']
    """
    for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
        if not words[k].isalpha():
            return words
        if words[k].lower() == "for" and k > 0 and words[k + 1].lower() in ("a", "an"):
            if words[k - 1].isalpha() and words[k - 1].islower():
                return words[:k]  # "The minimum wage for a garment worker is"
            return words
        if words[k].lower() in _WHERE_PREPOSITIONS and k > 0:
            noun = words[k - 1]
            where = [w.lower() for w in words[k + 1 :]]
            if (
                noun.isalpha()
                and (noun.islower() or k == 1)
                and noun.lower() not in NP_STOP
                and (
                    words[k + 1][:1].isupper()
                    or where[0] in ("the", "its", "their")
                    or words[k].lower() == "among"
                )
                and not {"a", "an", "and", "or"} & set(where)
            ):
                return words[:k]
            return words
    return words


def _with_direction(concept: str, before: list[str]) -> str:
    """A percentage right after a verb of change is the change: its concept says which way
    (the vocabulary's [changes]).

    >>> _with_direction("revenue", _tokens("Revenue fell")), _with_direction("sales", [])
    ('revenue decline', 'sales')
    >>> _with_direction("food prices", _tokens("Food prices were up by nearly"))
    'food prices rise'
    """
    table = vocabulary().tables.get("changes", {})
    lows = [t.lower() for t in before]
    while lows and (lows[-1] in _QUALIFYING or lows[-1] == "by"):
        lows.pop()
    if not lows:
        return concept
    for way, word in (("up", "rise"), ("down", "fall")):
        if lows[-1] in table_words(vocabulary(), "changes", way):
            return f"{concept} {table.get(word, word)}"
    return concept


def _changed_by(before: list[str]) -> str | None:
    """What an amount after "by" changed, when a verb of change has it for object.

    >>> _changed_by(_tokens("The bank raised its benchmark interest rate by"))
    'benchmark interest rate rise'
    >>> _changed_by(_tokens("The firm cut prices by")), _changed_by(_tokens("rose by"))
    ('prices decline', None)
    """
    lows = [t.lower() for t in before]
    while lows and lows[-1] in _QUALIFYING:
        lows.pop()
    if not lows or lows[-1] != "by":
        return None
    vocab = vocabulary()
    verbs = table_words(vocab, "changes", "up") | table_words(vocab, "changes", "down")
    noun: list[str] = []
    k = len(lows) - 2
    while k >= 0 and len(noun) < 3 and before[k].isalpha() and before[k].islower():
        if lows[k] in NP_STOP or lows[k] in verbs or lows[k] in ("its", "their", "his", "her"):
            break
        noun.insert(0, lows[k])
        k -= 1
    while k >= 0 and lows[k] in ("its", "their", "the", "his", "her"):
        k -= 1
    if not noun or k < 0 or lows[k] not in verbs:
        return None
    return _with_direction(" ".join(noun), lows[: k + 1])


def _without_direction(concept: str | None) -> str | None:
    """The measure a change is of: "revenue decline" -> "revenue"."""
    if concept is None:
        return None
    table = vocabulary().tables.get("changes", {})
    head, _, last = concept.rpartition(" ")
    return head if head and last in (table.get("rise"), table.get("fall")) else concept


def _where_of(before: list[str]) -> str | None:
    """Who or where a measure is of, when a lowercase phrase says it: "Inflation in the
    euro zone rose to", "Unemployment among young people rose to" (a proper name there
    is a place, read as the figure's place).

    >>> _where_of(_tokens("Inflation in the euro zone rose to a record"))
    'euro zone'
    >>> _where_of(_tokens("Unemployment in Spain fell to")), _where_of(_tokens("It rose to"))
    (None, None)
    >>> _where_of(_tokens("revenue in its fiscal third quarter rose"))
    """
    words = list(before)
    while words and words[-1].lower() in _LINKS:
        words.pop()
    kept = _without_where(words)
    where = [
        w for w in words[len(kept) + 1 :] if w.lower() not in ("the", "its", "their", "a", "an")
    ]
    if not where or len(kept) == len(words) or not all(w.islower() and w.isalpha() for w in where):
        return None
    if set(where) & vocabulary().period_words:
        return None  # "revenue in its fiscal third quarter": when, not who or where
    return " ".join(where)


def _tokens(text: str) -> list[str]:
    return list(_tokens_of(text[-300:] if len(text) > 300 else text))


@lru_cache(maxsize=256)  # a figure's readers tokenise the same stretches again and again
def _tokens_of(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def _is_number(token: str) -> bool:
    return token[0].isdigit() or token.lower() in _NUMBER_WORDS


def _uprooted(before: list[str], rest: list[str]) -> str | None:
    """People driven from their homes are displaced: "forced more than 40,000 from their
    homes", "drove 5,000 people out of their homes" (the vocabulary's [readings] uprooting
    verbs before the count and homes after it).

    >>> _uprooted(_tokens("and forced more than"), _tokens("from their homes."))
    'displaced'
    >>> _uprooted(_tokens("forced"), _tokens("to work overtime"))
    """
    lows = [t.lower() for t in before]
    while lows and lows[-1] in _QUALIFYING:
        lows.pop()
    vocab = vocabulary()
    if not lows or lows[-1] not in table_words(vocab, "readings", "uprooting"):
        return None
    after = " ".join(t.lower() for t in rest[:4])
    if not any(after.startswith(p) for p in table_phrases(vocab, "readings", "homes")):
        return None
    return vocab.predicate("displace")


def _passive(before: list[str]) -> bool:
    """Whether the words before end in a passive verb ("were shot", "was killed")."""
    return len(before) > 1 and before[-2].lower() in ("was", "were", "been", "being", "is", "are")


def _governing(before: list[str], phrase: list[str]) -> str | None:
    """A casualty verb right before the number: "have killed 3,287", "We have lost 340 medics"."""
    if not before:
        return None
    word = before[-1].lower()
    if (
        phrase
        and phrase[-1].lower() in table_words(vocabulary(), "clauses", "distances")
        and _passive(before)
    ):
        return None  # "were shot three blocks from": a passive's distance, no one it counts
    if word in LOSS_VERBS:
        head = phrase[-1].lower() if phrase else ""
        # People lost are dead ("340 medics"); games or ground lost are not.
        return "killed" if head in SUBJECTS and head not in FIGHTERS else None
    found = concept_word(word)
    return fatal(found, before[-2].lower() if len(before) > 1 else "") if found else None


def _lasting(text: str, start: int, after: list[str]) -> str | None:
    """What a duration measures: the noun after it, else a pause or war word before it."""
    for tok in _clause(after, _LASTING_WORDS):
        if tok.lower() in LASTING:
            return LASTING[tok.lower()]
        if _is_number(tok):
            break
    before = _clause(_tokens(text[:start])[::-1], _LASTING_WORDS)
    kinds = [LASTING[t.lower()] for t in before if t.lower() in LASTING]
    if "pause" in kinds:
        return "pause"  # "would halt the fighting for 135 days": the halt is what lasts
    return kinds[0] if kinds else None


def _in_aside(before: list[str]) -> bool:
    """Whether the figure opens an aside: ", including 96 children," / ", among them 3,650"."""
    if not before:
        return False
    last = before[-1].lower()
    return last in ("including", "among") or (
        last == "them" and len(before) > 1 and before[-2].lower() == "among"
    )


def _after_clause(tokens: list[str], *, inside: bool) -> list[str]:
    """Words after the noun phrase that may hold its verb, asides stepped over.

    A casualty word right before the next number belongs to that number ("killed 3,287
    people and wounded 14,222"), so it is left out.
    """
    if inside and tokens[:1] == [","]:
        tokens = tokens[1:]  # "96 children, have been killed"
    elif len(tokens) > 2 and tokens[0] == "," and tokens[1].lower() in _ASIDE:
        close = tokens.index(",", 1) if "," in tokens[1:] else -1
        if close > 0:
            tokens = tokens[close + 1 :]  # "383 Palestinians, including 96 children, have..."
    out: list[str] = []
    openers = table_words(vocabulary(), "clauses", "openers")
    for k, tok in enumerate(tokens[:_CLAUSE_WORDS]):
        if tok.lower() in openers and not (tok.lower() == "as" and out and out[-1].endswith("ed")):
            break  # "the toll rose to 11 as a wounded victim died": another clause's words
            # (not "listed as missing", "counted as dead": what they were listed as)
        if not tok[0].isalpha() or _is_number(tok):
            nxt = tokens[k + 1].lower() if k + 1 < len(tokens) else ""
            # "voted over six weeks": a duration says when, the verb stays this count's;
            # "shot three blocks from": a distance says where ([clauses] distances)
            distances = table_words(vocabulary(), "clauses", "distances")
            if _is_number(tok) and nxt.rstrip("s") not in _DURATIONS and nxt not in distances:
                i = len(out)
                while i > 0 and out[i - 1].lower() in _QUALIFYING:
                    i -= 1
                if i > 0 and concept_word(out[i - 1].lower()):
                    out = out[: i - 1]
            break
        out.append(tok)
    return out


def _earlier(before: list[str]) -> str | None:
    """A casualty word earlier in the sentence, nearest first; a toll is of deaths.

    The search stops at a new clause (";", ", and", ", but", ", while").
    """
    for i in range(len(before) - 1, -1, -1):
        tok = before[i]
        low = tok.lower()
        nxt = before[i + 1].lower() if i + 1 < len(before) else ""
        if tok == ";" or (tok == "," and nxt in ("and", "but", "while", "whereas")):
            return None
        if low in _TOLL:
            return "killed"
        if (
            i
            and low.endswith("ing")
            and _names_event(before[i - 1])
            and nxt != "of"  # "the killing of three" counts the killed
        ):
            continue  # "Prior to the shooting, the dad ... the two children": the event
        found = concept_word(low, nxt)
        if found:
            return found
    return None


def _noun_phrase(tokens: list[str]) -> list[str]:
    """Words of the counted noun phrase, ending after its first plural noun."""
    out: list[str] = []
    if tokens[2:] and tokens[0].endswith("ly") and tokens[1].endswith(("ed", "en", "built")):
        tokens = tokens[2:]  # "20 decently sized coal-fired power plants", "newly built"
    for i, tok in enumerate(tokens[:_MAX_NP]):
        low = tok.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if low == "and" and out and out[-1][0].isupper() and nxt[:1].isupper():
            out.append(tok)  # "Kia and Hyundai vehicles"
            continue
        if (
            tok.isdigit()
            and out
            and nxt[1:2].isalpha()
            and (nxt[:1].isupper() or out[-1][:1].isupper())
        ):
            out.append(tok)  # a model's number: "two new 737 Max jets", "Model 3 sedans"
            continue
        if not tok[0].isalpha() or low in NP_STOP:
            break
        if low.endswith("ed") and not concept_word(low) and low not in NP_PARTICIPLES and out:
            break
        out.append(tok)
        if _is_plural(low):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if (
                tok[:1].isupper()
                and not low.endswith(("'s", "\u2019s"))  # "Ohio's population"
                and nxt[:1].islower()
                and (_is_subject(nxt) or (_is_plural(nxt) and nxt not in NP_STOP))
            ):
                continue  # "two Capitol Police officers": the force's name, then who
            # "armoured personnel carriers", "UNRWA staff members": the noun goes on.
            if not (
                low in _IRREGULAR_PLURALS
                and low not in SUBJECTS
                and nxt[:1].islower()
                and nxt.endswith("s")
                and _is_plural(nxt.lower())
                and nxt.lower() not in NP_STOP
            ):
                break
    return out


def _is_plural(word: str) -> bool:
    return (
        word in _IRREGULAR_PLURALS
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3)
        or (word.endswith("men") and len(word) > 5 and not word.endswith("imen"))  # fishermen
    )


def is_people(word: str) -> bool:
    """Whether a word names people counted ("children", "a man", "Haitians")."""
    return _is_subject(word)


def names_people(word: str) -> bool:
    """Whether a word names people, by the word or by its ending ("schoolchildren",
    "depositors" ... the ends of plural nouns for people, more lenient than is_people)."""
    return _is_subject(word) or word.lower().endswith((*_PEOPLE_ENDS, "tors"))


def _is_subject(word: str) -> bool:
    """Who is counted: people nouns, plural or singular ("one person was killed")."""
    low = word.lower()
    return (
        low in SUBJECTS
        or low in vocabulary().singular_people
        or (word[0].isupper() and low.endswith(("ans", "is", "ese", "ers")))
    )


def _clause(tokens: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for tok in tokens[:limit]:
        if not tok[0].isalpha():
            break
        out.append(tok)
    return out


def _concept_in(words: list[str]) -> str | None:
    """The first concept the words name; one that only says what people were or where
    ("on board", "survived") yields to a later one ("people on board were killed").

    >>> _concept_in(_tokens("on board were killed")), _concept_in(_tokens("on board"))
    ('killed', 'on board')
    """
    lows = [w.lower() for w in words]
    weak: str | None = None
    firsts = _pair_firsts(vocabulary())  # a pair is tried only after its first word
    for i, low in enumerate(lows):
        # "were treated in hospital", then "on board"
        found = _phrase_predicate(lows[i : i + 5])
        pair = f"{low} {lows[i + 1]}" if i + 1 < len(lows) and low in firsts else ""
        found = found or (concept_word(pair) if pair else None)
        if not found:
            if i and low.endswith("ing") and _names_event(lows[i - 1]):
                continue  # "six people were in the car during the shooting": the event, no count
            found = concept_word(low, lows[i + 1] if i + 1 < len(lows) else "")
            found = fatal(found, lows[i - 1] if i else "") if found else None
            if found and _to_death(found, lows[i + 1 : i + 3]):
                found = "killed"  # "found shot to death", "shot dead"
        if found and _yields(found):
            weak = weak or found
        elif found:
            return found
    return weak


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _pair_firsts(vocab: Vocabulary) -> frozenset[str]:
    """The first words of the concepts and predicates of several words: concept_word finds
    none of those for a pair of words that starts otherwise."""
    return frozenset(k.split(" ")[0] for k in (*CONCEPTS, *vocab.predicates) if " " in k)


def _yields(concept: str) -> bool:
    """Whether a concept only says what people were or where (the vocabulary's
    [people_counts] yields: "on board", "survived")."""
    yields = table_words(vocabulary(), "people_counts", "yields")
    return concept in yields or concept.split()[-1] in yields


# Before an -ing casualty word, these make it the name of the event ("the shooting", "a
# stabbing"), not what a count next to it counts.
_EVENT_DETERMINERS = words("the a an this that")


def _names_event(before: str) -> bool:
    """Whether the word before an -ing word makes it an event's name: a determiner, or a
    possessive ("Saturday's shooting", "the city's bombing").

    >>> _names_event("the"), _names_event("Saturday's"), _names_event("people")
    (True, True, False)
    """
    low = before.lower()
    return low in _EVENT_DETERMINERS or low.endswith(("'s", "\u2019s")) or low in ("'s", "\u2019s")


def fatal(concept: str, before: str) -> str:
    """A harm told with an adverb of death counts deaths: "fatally shot", "mortally wounded".

    >>> fatal("shot", "fatally"), fatal("injured", "mortally"), fatal("shot", "twice")
    ('killed', 'killed', 'shot')
    """
    vocab = vocabulary()
    fatal = table_words(vocab, "fatal", "adverbs")
    harms = table_words(vocab, "fatal", "harms")
    return "killed" if before in fatal and concept in harms else concept


def _to_death(concept: str, after: list[str]) -> bool:
    """Whether words after a harm make it a death: "shot to death", "shot dead".

    >>> _to_death("shot", ["to", "death"]), _to_death("shot", ["dead"]), _to_death("shot", ["in"])
    (True, True, False)
    """
    vocab = vocabulary()
    if not after or concept not in table_words(vocab, "fatal", "harms"):
        return False
    told = " ".join(after)
    phrases = table_phrases(vocab, "fatal", "after")
    return any(told == w or told.startswith(w + " ") for w in phrases)


def concept_word(word: str, following: str = "") -> str | None:
    """The concept a word names, in any inflection: "injuring" -> injured, "evacuated" ->
    evacuated (the vocabulary's predicates), "martyrs" -> killed; not when the next word
    makes it another verb ("drones shot down").

    >>> concept_word("injuring"), concept_word("deaths"), concept_word("trucks")
    ('injured', 'killed', None)
    >>> concept_word("shot"), concept_word("shot", "down")
    ('shot', None)
    """
    low = word.lower()
    vocab = vocabulary()
    found = CONCEPTS.get(low) or vocab.predicates.get(low.lower())  # vocab.predicate(low)
    if found is None:
        return None  # most words: no phrase to build for the check below
    if following and f"{low} {following.lower()}" in vocab.not_predicates:
        return None
    return found


def _describe(phrase: list[str]) -> str | None:
    """The counted noun phrase as a short lowercase concept ("separate meetings" -> "meetings").

    >>> _describe(["armoured", "personnel", "carriers"]), _describe(["three", "phases"])
    ('armoured personnel carriers', 'stages')
    """
    # A name that qualifies the noun stays ("Liverpool fans", "Kia and Hyundai vehicles"),
    # a demonym does not ("Japanese cars" are cars).
    words = [
        w.lower()
        for k, w in enumerate(phrase)
        if (w[0].islower() or (w != phrase[-1] and not _DEMONYM.search(w)))
        and w.lower() not in NP_ADJECTIVES
        and w.lower() not in ("and", "or")
    ]
    dropped = table_words(vocabulary(), "noun_phrase", "drop")
    words = [
        w
        for w in words
        if not w.endswith(("ed", "ing"))
        or w in NP_PARTICIPLES
        or w == words[-1]
        or (w.endswith("ing") and w not in dropped)
    ]
    words = [w for w in words if w not in _NUMBER_WORDS]
    if words and not _is_plural(words[-1]):
        # No plural closed the phrase: what follows the first noun may be a verb
        # ("a 6.1 earthquake struck"), so keep the first word only.
        return words[0]
    if not words:
        return None
    words[-1] = vocabulary().counted_synonyms.get(words[-1], words[-1])
    return " ".join(words[-3:])


# -- Readings of a figure's phrasing that name what it counts (issue 11): each looks at the
# words right around the figure only, after the readings above found nothing or something
# the phrasing overrides.  Their words are the vocabulary's [readings] tables.


def _reading(key: str) -> frozenset[str]:
    return table_words(vocabulary(), "readings", key)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _revising_verbs(vocab: Vocabulary) -> frozenset[str]:
    lemmas = table_words(vocab, "readings", "revising")
    return frozenset(form for lemma in lemmas for form in inflections(lemma))


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _revising_cue(vocab: Vocabulary) -> re.Pattern[str]:
    """Whether any verb of revision stands in a text, as a substring: one search."""
    return substrings(_revising_verbs(vocab) - {"up", "down"})


_REVISED_ACTIVE = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:the|its|their|his|her|[A-Z][\w.&-]*['\u2019]s)\s+"
    r"(?P<np>(?:[a-z-]+\s+){0,2}[a-z-]+)(?P<rest>\s[^.;:\d]{0,60}?)?\s+"
    r"(?:(?:up|down|sharply|further)\s+)?to\s+$"
)
_REVISED_PASSIVE = re.compile(
    r"(?:^|\b(?:the|its|their|his|her|a|an)\s+|[A-Z][\w.&-]*\s+|\w+['\u2019]s\s+)"
    r"(?P<np>(?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:(?:was|were|is|are|has|have|had)\s+)?"
    r"(?:been\s+)?(?P<verb>[a-z]+)\s+(?:(?:up|down|sharply|further)\s+)?to\s+$"
)


# Compiled once: called on every figure.
_REVISED_TO_RE1 = re.compile(r"(?:up|down)\s+to\b", re.IGNORECASE)


def _revised_to(before: str, figure: str, *, tight: bool = False) -> str | None:
    """What a count revised to an amount counts: the object of the verb of revision ("revised
    December's gain up to 260,000", "lowered the death toll from Friday's collision to 275",
    "the forecast was cut to 2%"); ``tight``: only when the object stands right before "to"
    ("a plan to raise the retirement age to 64").

    >>> _revised_to("The agency revised its harvest estimate ", "down to 41 million")
    'harvest estimate'
    >>> _revised_to("Officials lowered the death toll from the crash to ", "275")
    'killed'
    >>> _revised_to("The league's attendance figure was raised to ", "41,000")
    'attendance figure'
    >>> _revised_to("They went to ", "12"), _revised_to("She sold the house to ", "3")
    (None, None)
    >>> _revised_to("The FDIC said insured depositors, covered ", "up to $250,000")
    >>> _revised_to("The airline increased the number of flights to ", "300", tight=True)
    'flights'
    >>> _revised_to("Officials lowered the toll from the crash to ", "275", tight=True)
    """
    m = _REVISED_TO_RE1.match(figure)
    if m is not None:
        before = f"{before}{figure[: m.end()]} "
    verbs = _revising_verbs(vocabulary())
    if not _revising_cue(vocabulary()).search(before):
        return None  # no verb of revision to find: the two long searches below need one
    found = [
        x
        for x in (_REVISED_ACTIVE.search(before), _REVISED_PASSIVE.search(before))
        if x is not None and x.group("verb") in verbs - {"up", "down"}
    ]
    if tight:
        found = [x for x in found if x.re is _REVISED_ACTIVE and not x.group("rest")]
    if not found:
        return None
    words = found[0].group("np").split()
    if "of" in words:
        words = words[words.index("of") + 1 :]  # "the number of flights"
    np: list[str] = []
    for word in words:
        if word in NP_STOP or word in verbs or word in ("up", "down"):
            break
        np.append(word)
    if not np or _is_subject(np[-1]):
        return None
    if _TOLL & set(np):
        return "killed"  # "the death toll", "crash toll"
    return _concept_in(np) or " ".join(np)


_FROM_EARLIER = re.compile(r"^[^.;:\d]{0,40}?,?\s*(?:up|down)\s+(?:sharply\s+)?from\s+$", re.I)


def _up_from(gap: str, after: list[str]) -> bool:
    """Whether a figure is the earlier value of the figure just before it ("99 seats, up
    from 52 five years ago", "revenue of $5bn, down from $6.1bn"): it counts the same thing.

    >>> _up_from(" seats, up from ", _tokens("five years ago")), _up_from(" up from ", [])
    (True, True)
    >>> _up_from(" seats, up from ", _tokens("women in the last term"))
    False
    """
    if _FROM_EARLIER.match(gap) is None:
        return False
    phrase = _noun_phrase(after)
    when = _reading("when")
    return not phrase or (
        _is_number(phrase[0]) or phrase[0].lower() in when or phrase[-1].lower() in when
    )


_COUNTER = re.compile(
    r"[;,]\s*(?:(?:while|but|and|whereas)\s+)?(?:the\s+)?(?:[A-Za-z'\u2019-]+\s+){1,3}"
    r"(?P<verb>[a-z]+)\s+(?:it\s+was\s+|only\s+|just\s+)?$"
)


def _counter_claim(gap: str, phrase: list[str]) -> bool:
    """Whether a figure is another source's number for the count before it ("Organisers say
    nearly 2 million marched; police say 338,000", "the union counted 40,000, while the
    club said 25,000"): a saying verb right before it and no noun of its own.

    >>> _counter_claim(" marched; police say ", []), _counter_claim(" fans, the club said ", [])
    (True, True)
    >>> _counter_claim(" marched; police say ", ["cars"]), _counter_claim(" and ate ", [])
    (False, False)
    """
    if phrase or ("," not in gap and ";" not in gap):
        return False  # (the pattern needs its comma or semicolon: looked for first)
    m = _COUNTER.search(gap)
    return (
        not phrase and m is not None and m.group("verb") in ATTRIBUTION_VERBS | _reading("saying")
    )


def _state_after(after: str) -> str | None:
    """The state counted things are in, told right after them in their clause ([readings]
    states): "2.6 million homes and businesses were without power", "leaving 11 million
    people in the dark", "a third of the farmland under water".

    >>> _state_after(" homes and businesses in Florida were without power at its height")
    'without power'
    >>> _state_after(" of the farmland under water"), _state_after(" people; 40 were without power")
    ('under water', None)
    """
    states = vocabulary().tables.get("readings", {}).get("states", {})
    clause = re.split(r"[;:.!?()]|\d|,\s+(?:and|but|while|as)\b", after, maxsplit=1)[0]
    words = clause.lower().split()[:12]
    for k in range(len(words)):
        for n in (3, 2, 1):
            found = states.get(" ".join(words[k : k + n]))
            if found:
                return str(found)
    return None


def _times_done(after: list[str], before: list[str]) -> str | None:
    """How many times something was done, when a verb governs "N times", its object and an
    apposition between: "was shot seven times" (times shot), "shot Jacob Blake, a Black man,
    seven times", "scored three times" (times scored); not "three times what economists
    expected".

    >>> _times_done(_tokens("times in the back"), _tokens("Blake was shot"))
    'times shot'
    >>> _times_done(_tokens("times"), _tokens("an officer shot Ann Lee, a nurse,"))
    'times shot'
    >>> _times_done(_tokens("times"), _tokens("he scored")), _times_done(_tokens("goals"), [])
    ('times scored', None)
    >>> _times_done(_tokens("times what economists expected"), _tokens("in January, nearly"))
    'times expected'
    >>> _times_done(_tokens("times what it was"), _tokens("in January, nearly"))
    """
    if not after or after[0] != "times":
        return None
    told = [t.lower() for t in after[1:6]]
    if told[:1] == ["what"]:
        # "nearly three times what economists had expected": times the forecast
        verbs = [w for w in told if w in _reading("forecasting")]
        return f"times {verbs[0]}" if verbs else None
    lows = [t.lower() for t in before]
    while lows and (lows[-1] in _QUALIFYING or lows[-1] in _ADVERBS):
        lows.pop()
    irregular = vocabulary().tables.get("irregular", {})
    for k in range(len(lows) - 1, max(-1, len(lows) - 9), -1):
        word = lows[k]
        if word in _AUXILIARIES or word in ("who", "which", "that", ";", ".", "in", "on", "of"):
            return None  # not "have been displaced, some of them several times"
        if _is_number(word):
            return None  # another figure's words
        if word.isalpha() and (word.endswith("ed") or word in irregular or concept_word(word)):
            return f"times {word}"
    return None


def _of_possessed(after: list[str]) -> str | None:
    """What an amount is of, when a possessive name stands between ("16 billion francs of
    Credit Suisse's riskiest bonds", "$3m of the club's debt"): the noun after the name.

    >>> _of_possessed(_tokens("of Credit Suisse's riskiest bonds will be wiped out"))
    'riskiest bonds'
    >>> _of_possessed(_tokens("of Acme's debt")), _of_possessed(_tokens("of debt"))
    ('debt', None)
    """
    if not after or after[0].lower() != "of":
        return None
    k = 1
    while k < len(after) and k < 5 and after[k][:1].isupper():
        if after[k].endswith(("'s", "\u2019s")):
            phrase = _noun_phrase(after[k + 1 :])
            words = [w.lower() for w in phrase if w.isalpha() and w.islower()]
            return " ".join(words[-3:]) or None
        k += 1
    return None


def _money_noun(concept: str | None, before: list[str]) -> str | None:
    """What an amount written with a currency noun is ("stealing billions of dollars",
    "raised millions of euros"): the verb before it says ([amounts]); a currency is never
    what is counted.

    >>> _money_noun("dollars", _tokens("for stealing")), _money_noun("dollars", _tokens("He had"))
    ('stolen', None)
    >>> _money_noun("trucks", _tokens("for stealing"))
    >>> _money_noun("dollars", _tokens("people buying homes adding"))
    """
    unit = UNIT_WORDS.get(concept or "")
    if not unit or not _CURRENCIES.match(unit):
        return None
    lows = [t.lower() for t in before]
    while lows and lows[-1] in _QUALIFYING:
        lows.pop()
    # the verb right before it only: not "buying homes adding tens of thousands of dollars"
    return _amount_verbs(vocabulary()).get(lows[-1]) if lows else None


def _share_of_people(unit: str | None, after: str, subject: str | None) -> str | None:
    """A share of people whose number follows in an apposition is that share ("More than
    half of the victims, 52, died in Lee County": share of victims; the 52 are the killed).

    >>> _share_of_people("percent", " of the victims, 52, died", "victims")
    'share of victims'
    >>> _share_of_people("percent", " of the pupils, about 300, were", "pupils")
    'share of pupils'
    >>> _share_of_people("percent", " of people on the drug", "people")
    >>> _share_of_people("percent", " of the vote", None), _share_of_people(None, "", "men")
    (None, None)
    """
    if unit != "percent" or subject is None:
        return None
    apposition = re.match(
        r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+,"
        r"\s*(?:[a-z]+\s+)?(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?),",
        after,
    )
    if apposition is None or not any(_is_number(w) for w in _tokens(apposition.group(0))[-3:]):
        return None
    return f"share of {subject.lower()}"


def _span_concept(before: str, after: str, figure: str = "") -> str | None:
    """What a time span with nothing said to last counts: how long something lasted, after
    a word of lasting ("rescued after 17 days", "waited for more than an hour"), or the time
    between two events ("a second quake followed nine hours later"); a span that says when
    ("evacuated over two days", "two days after the levee broke") counts nothing of
    its own.

    >>> _span_concept("followed about ", " later near Elbistan"), _span_concept("", " earlier")
    ('interval', 'interval')
    >>> _span_concept("The update came ", " after the levee broke")
    >>> _span_concept("alive after ", ". She told"), _span_concept("talked for ", " before voting")
    ('duration', 'duration')
    >>> _span_concept("were evacuated ", ".", "over two days"), _span_concept("in ", ".")
    (None, None)
    >>> _span_concept("waited for ", " while", "more than an hour")
    'duration'
    """
    table = vocabulary().tables.get("readings", {})
    told = _reading("when_words") | _reading("lasting")
    lead = [t.lower() for t in _tokens(before)[-3:]]
    lead = [t for t in lead if t in told or t not in _QUALIFYING]
    lead += [t.lower() for t in _tokens(figure)[:1] if t.lower() in told]  # "over two days"
    if lead[-1:] and lead[-1] in _reading("when_words"):
        return None
    if lead[-1:] and lead[-1] in _reading("lasting"):
        return str(table.get("duration", "duration"))
    word = _tokens(after)[:1]
    if word and word[0].lower() in _reading("interval_words"):
        return str(table.get("interval", "interval"))
    return None


def _forecast(after: list[str], previous: str | None) -> str | None:
    """An amount that forecasters expected is the forecast of what the figure before it
    measures: "far above the roughly $11.2bn analysts had expected", "the 2.1% economists
    had predicted" ([readings] forecasting verbs).

    >>> _forecast(_tokens("analysts had expected, according to"), "revenue rise")
    'revenue forecast'
    >>> _forecast(_tokens("economists predicted"), None), _forecast(_tokens("fans expected"), None)
    ('forecast', None)
    """
    if len(after) < 2:
        return None
    first = after[0].lower()  # its test first: the other words are lowered only after it
    if not first.endswith(("ists", "ysts", "ers")) or not first.isalpha():
        return None
    lows = [t.lower() for t in after[:4]]
    verb = lows[2] if lows[1] in _AUXILIARIES and len(lows) > 2 else lows[1]
    if verb not in _reading("forecasting"):
        return None
    base = _without_direction(previous)
    if base is None or base.split()[-1] in table_words(vocabulary(), "references", "nouns"):
        return "forecast"  # "The figure was up 101% ... the $11.2bn analysts had expected"
    if set(base.split()) & (_reading("forecasting") | {"forecast", "forecasts"}):
        # "the company forecast revenue of $16bn, far above the $12.6bn analysts had
        # expected": the analysts' number is no company forecast
        return "forecast"
    return f"{base} forecast"


_REPORTED_BY = re.compile(
    r"(?<![\w-])(?P<noun>(?:[a-z-]+\s+)?[a-z-]+),\s+(?P<verb>[a-z]+)\s+by\s+$"
)
_AND_BY = re.compile(r"\band\s+(?P<noun>(?:[a-z-]+\s+)?[a-z-]+)\s+by\s+$")


def _reported_by(before: str, sentence: str) -> str | None:
    """What a share of people reported is: "fatigue, reported by 3.8% of volunteers", and,
    the verb gapped, "and headache by 2%" ([readings] reporting verbs).

    >>> _reported_by("The most common side effect was fatigue, reported by ", "")
    'fatigue'
    >>> _reported_by(" of users, and nausea by ", "Headaches, cited by 12% of users, and")
    'nausea'
    >>> _reported_by("and headache by ", "It rose by 3% and headache by ")
    """
    if "by" not in before:
        return None  # both shapes end in "by": looked for first
    m = _REPORTED_BY.search(before)
    if m is None or m.group("verb") not in _reading("reporting"):
        m = _AND_BY.search(before)
        reported = _vocab_regex(vocabulary(), _REPORTED, "readings", "reporting")
        if m is None or not reported.search(sentence):
            return None
    noun = [w for w in m.group("noun").split() if w not in NP_STOP and w not in _AUXILIARIES]
    return " ".join(noun) or None


def _changed_after(gap: str, previous: str) -> str | None:
    """A percentage right after an amount, told "up" or "down", is that amount's change:
    "Apple's revenue was $383.3bn, down 2.8% from fiscal 2022" (a revenue decline).

    >>> _changed_after(", down ", "revenue"), _changed_after(", up ", "net income")
    ('revenue decline', 'net income rise')
    >>> _changed_after(" and ", "revenue")
    """
    if not re.fullmatch(r"\s*,?\s*(?:up|down)\s+(?:by\s+)?", gap):
        return None
    base = _without_direction(previous) or previous
    changed = _with_direction(base, _tokens(gap))
    return changed if changed != base else None


# Compiled once: called on every figure.
_READ_PHRASING_RE1 = re.compile(r"\W{0,3}[a-zA-Z]")
_READ_PHRASING_RE2 = re.compile(r"(?:up|down)\s+to\b", re.I)
_READ_PHRASING_RE3 = re.compile(r"\s*from\s*")


def _read_phrasing(
    text: str,
    start: int,
    end: int,
    found: Counted,
    *,
    unit: str | None,
    since: int,
    previous_concept: str | None,
    previous_unit: str | None,
) -> str | None:
    """The concept the phrasing around a figure names, over or in place of ``found``'s (the
    readings above, each tried in turn).  Each reading is tried only when a cheap look at
    the words next to the figure allows it: a list of 50,000 numbers stays fast."""
    concept = found.concept
    near_after = text[end : end + 160]
    if (
        unit in (None, "percent")
        and concept != "population"
        and _state_cue(vocabulary()).search(near_after)
    ):
        # not "leaving most of the city of nearly 1 million people without electricity"
        state = _state_after(_before_predicate(near_after))
        if state is not None:
            return state  # "2.6 million homes were without power"
    raw_after = _tokens(text[end : end + 200]) if _READ_PHRASING_RE1.match(near_after) else []
    if raw_after[:1] == ["times"]:
        concept = _times_done(raw_after, _tokens(text[max(0, start - 80) : start])) or concept
    forecast = _forecast(raw_after, previous_concept if since else None)
    if forecast is not None:
        return forecast  # "$11.2bn analysts had expected"
    if unit == "percent":
        concept = _reported_by(text[max(0, start - 120) : start], text[:start]) or concept
        if since and previous_concept and concept in (None, _without_direction(previous_concept)):
            concept = (
                _changed_after(text[max(since, start - 40) : start], previous_concept) or concept
            )
    if concept in UNIT_WORDS:
        before = _tokens(text[max(since, start - 80) : start])
        concept = _money_noun(concept, before) or concept
    if unit is not None and _is_money(unit):
        concept = _of_possessed(raw_after) or concept
    lead = text[max(0, start - 160) : start]
    tail = lead[-4:].rstrip().lower()
    to = tail.endswith(" to") or tail == "to" or _READ_PHRASING_RE2.match(text[start:end])
    if to:
        concept = _revised_to(lead, text[start:end], tight=True) or concept
    if (
        since
        and previous_concept
        and (previous_unit is None) == (unit is None)
        and _READ_PHRASING_RE3.fullmatch(text[since:start])
    ):
        return previous_concept  # "raise the retirement age to 64 from 62"
    if concept is not None:
        return concept
    revised = _revised_to(lead, text[start:end]) if to else None
    if revised is not None:
        return revised
    if since and previous_concept and (previous_unit is None) == (unit is None):
        gap = text[max(since, start - 120) : start]  # bounded: linear on long lines
        if (start - since <= 120 and _up_from(gap, raw_after)) or _counter_claim(
            gap, _noun_phrase(raw_after)
        ):
            return previous_concept
    return _share_of_people(unit, text[end : end + 120], found.subject)


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _state_cue(vocab: Vocabulary) -> re.Pattern[str]:
    """Whether any of _state_words stands in a text, as a substring: one search."""
    return substrings(_state_words(vocab))


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _state_words(vocab: Vocabulary) -> frozenset[str]:
    """The last word of each [readings.states] phrase, to try the state reading only where
    one may stand."""
    states = vocab.tables.get("readings", {}).get("states", {})
    return frozenset(phrase.split()[-1] for phrase in states)


def _before_predicate(after: str) -> str:
    """The words after a figure up to the first word naming a concept of its own ("30
    people were killed and the storm left homes without power": the killed), a comma, a
    relative word or a clause opener ([clauses]).

    >>> _before_predicate(" deaths as a third lies under water"), _before_predicate(" homes, and")
    (' ', ' homes')
    """
    out: list[str] = []
    for word in re.split(r"(\s+)", after):
        low = word.strip().lower()
        openers = table_words(vocabulary(), "clauses", "openers")
        if low and (
            concept_word(low.strip(".,;:")) or low in ("which", "who", "that") or low in openers
        ):
            break  # "deaths pass 1,000 as a third of the country lies under water"
        if "," in word:
            out.append(word.split(",")[0])
            break
        out.append(word)
    return "".join(out)


# ---------------------------------------------------------------- whose, told around it
# Readings of who or what a figure counts that the shapes above leave without a subject:
# each is one phrasing class news writes in every domain.  Called once, at the end of
# `counted`, so that they only fill what it left empty (or replace a weaker owner).

# A noun that is a time, not an owner: "last year's 80 seats" is no year's.
_TIME_NOUNS = _DURATIONS | {f"{d}s" for d in _DURATIONS} | _WHEN_WORDS
# "up from 52", "down from 6%": the value compared with, of the same measure and owner.
_UP_FROM = re.compile(
    r"^\s*(?:[a-z]+\s*){0,2}?,?\s*(?:up|down)\s+from\s+(?:(?:about|nearly|almost|some|around|"
    r"roughly|just|over|under)\s+)?$"
)
# "The alley is about 3.2 metres wide": what a length measures.
_DIMENSIONS = words("wide long high tall deep thick across")
_OF_THE_PLACE = re.compile(rf"\s+of\s+the\s+({'|'.join(sorted(_PLACE_NOUNS))})\b")
_DIMENSION_AFTER = re.compile(rf"\s*[a-z]*\s+(?:{'|'.join(sorted(_DIMENSIONS))})\b")
# A person's name may hold particles: "Luiz Inacio Lula da Silva".
_NAME = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:[A-Z][\w&.'\u2019-]*|da|de|dos|do|van|von|bin|al|of))*"


# Compiled once: called on every figure.
_WHOSE_MORE_RE1 = re.compile(r"\s+of\b")


def _whose_more(
    text: str,
    start: int,
    end: int,
    since: int,
    unit: str | None,
    concept: str | None,
    subject: str | None,
    *,
    compound: str | None,
    previous: str | None,
    previous_concept: str | None,
    previous_unit: str | None,
) -> tuple[str | None, str | None]:
    """The concept and subject after the readings below (see each)."""
    gap = text[since:start] if since else ""
    if since and previous_concept and unit == previous_unit and _UP_FROM.match(gap):
        # "The Congress party won 99 seats, up from 52": the 52 are its seats too.
        return previous_concept, previous if subject is None else subject
    after = text[end : end + 80]
    before = text[max(since, start - _WINDOW) : start]
    if unit == "percent":
        whole = _OF_THE_PLACE.match(after)
        if whole is not None:
            return concept, whole.group(1)  # "a third of the country under water"
    won = _won_by(before) if unit in (None, "percent") else None
    if won is not None:
        return concept, won  # "Lula won the runoff with 50.9%", "held his seat by 152,513 votes"
    if (
        subject is None
        and unit is None
        and concept is not None
        and (concept in _people_counts() or set(inflections(concept)) & _people_counts())
        # "a million march against": the verb read as a noun; "130 hostages" are the people
        and _told_as(phrase_of(after), concept)
        and not _WHOSE_MORE_RE1.match(after)  # "two of them": whom "them" names
    ):
        return concept, "people"  # "Police had put that earlier march at 240,000"
    if subject is not None:
        return concept, subject
    sentence = text[:start] if start <= _WINDOW else ""
    if unit is None:
        # The readers below in the order of the full chain (the unit branch's), less those
        # that read amounts with a unit only and so return None here: the same first find.
        found = (
            _possessor(before, concept)
            or _nationals(after, unit)
            or (_owner(before) if concept == "population" else None)
            or _whole_in(text[max(0, start - 40) : start], after, unit)
            or _times_of(before, concept, unit)
            or _makers(sentence, after, unit)
            or _taken_from(after)
        )
        return concept, found
    found = (
        _possessor(before, concept)
        or _its_doer(sentence, unit, concept)
        or _length_of(before, after, unit)
        or _owner_after(after, unit)
        or _antecedent(before, unit)
        or _doers(before, unit, concept)
        or (_owner(before) if concept == "population" else None)  # "Hong Kong has a population of"
        or _of_people(after, unit)
        or _found_to_be(before, after, concept, unit)
        or _moving(sentence, unit)
        or _subgroup(sentence, unit)
        or _taken_from(after)
    )  # (_nationals, _whole_in, _times_of and _makers read counts without a unit only)
    return concept, found


# Compiled once: called on every figure.
_SUBGROUP_RE1 = re.compile(
    r"\W*(?:In|Among|For)\s+(?P<np>(?:[a-z-]+\s+)?(?P<head>[a-z]+)"
    r"(?:\s+(?:older|younger)\s+than\s+\d+|\s+(?:aged|over|under)\s+\d+)?),"
)


def _told_as(phrase: list[str], concept: str) -> bool:
    """No noun told after the count, or the concept's own word (read only when the other
    conditions hold: it was 18% of ``_whose_more``, read for every figure)."""
    told = [w.lower() for w in phrase]
    return not told or (told[:1] == concept.split() and concept not in _people_counts())


def _subgroup(sentence: str, unit: str | None) -> str | None:
    """The people a sentence opens with as the group a share or rate is of: "In adults older
    than 65, who are at greatest risk, efficacy was above 94%", "Among women, unemployment
    rose to 5.1%".

    >>> _subgroup("In adults older than 65, who are at risk, efficacy was above ", "percent")
    'adults older than 65'
    >>> _subgroup("Among women, unemployment rose to ", "percent")
    'women'
    >>> _subgroup("In May, it rose ", "percent")
    """
    if unit != "percent":
        return None
    m = _SUBGROUP_RE1.match(sentence)
    return m.group("np") if m is not None and names_people(m.group("head")) else None


# Compiled once: called on every figure.
_TAKEN_FROM_RE1 = re.compile(
    r"\s+(?:of\s+(?:dollars|euros|pounds)\s+)?from\s+(?:its|their|his|her|the)?\s*([a-z]+s)\b"
)


def _taken_from(after: str) -> str | None:
    """Whose money an amount was, taken "from" people: "stealing billions of dollars from its
    customers", "stole $5m from investors".

    >>> _taken_from(" of dollars from its customers."), _taken_from(" from the bank")
    ('customers', None)
    """
    m = _TAKEN_FROM_RE1.match(after)
    return m.group(1) if m is not None and names_people(m.group(1)) else None


def phrase_of(after: str) -> list[str]:
    """The counted noun phrase right after a number (none: "at 240,000.")."""
    return _noun_phrase(_tokens(after))


def _who_lasted(before: str) -> str | None:
    """Who or what a duration is of, when a verb of lasting tells it (the vocabulary's
    [whose] lasting verbs): "Police officers waited in a school hallway for more than an
    hour", "The jury of seven women and five men deliberated over four days", "Camp Fire
    contained after 17 days"; not "Prosecutors had asked for 40 to 50 years".

    >>> _who_lasted("Police officers waited in a school hallway for more than ")
    'Police officers'
    >>> _who_lasted("The jury of seven women deliberated over ")
    'jury'
    >>> _who_lasted("Prosecutors asked for ")
    """
    if len(before) > _WINDOW or not re.search(
        r"\b(?:for|over|after|within|in)\s+(?:(?:more\s+than|less\s+than|about|nearly|almost|"
        r"some|around|over|under|just)\s+)?$",
        before,
    ):
        return None
    lasting = table_words(vocabulary(), "whose", "lasting")
    verb = next((m for m in re.finditer(r"\b[a-z]+\b", before) if m.group(0) in lasting), None)
    if verb is None:
        return None
    m = re.fullmatch(
        r"\W*(?:The\s+|the\s+)?(?P<np>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,2}?)"
        r"(?:\s+(?:of|in|at|from)\s[^,;]{0,60}?)?\s+(?:had\s+|have\s+|has\s+|was\s+|were\s+)?",
        before[: verb.start()],
    )
    if m is None:
        return None
    np = m.group("np")
    return None if np.split()[0].lower() in NP_STOP | _NOT_OWNERS else np


# Compiled once: called on every figure.
_WHOLE_IN_RE1 = re.compile(r"\s+[a-z]+\s+in\s+the\s+")
_WHOLE_IN_RE2 = re.compile(r"\b\d[\d,.]*\s+of\s+the\s+$")
_WHOLE_IN_RE3 = re.compile(r"[a-z-]+")


def _whole_in(before: str, after: str, unit: str | None) -> str | None:
    """Where a whole told after a part is: "won 240 of the 543 seats in the lower house of
    parliament" (the lower house's seats), "12 of the 40 beds in the intensive care ward".

    >>> _whole_in("won 240 of the ", " seats in the lower house of parliament", None)
    'lower house'
    >>> _whole_in("won ", " seats in the lower house", None)
    """
    if unit is not None or not _WHOLE_IN_RE2.search(before):
        return None
    m = _WHOLE_IN_RE1.match(after)
    where: list[str] = []
    for word in _tokens(after[m.end() :])[:3] if m is not None else []:
        if not _WHOLE_IN_RE3.fullmatch(word) or word in NP_STOP:
            break
        where.append(word)
    return " ".join(where) or None


# Compiled once: called on every figure.
_OF_PEOPLE_RE1 = re.compile(r"\s+of\s+(?:the\s+|all\s+)?([a-z]+)\b")


def _of_people(after: str, unit: str | None) -> str | None:
    """The people a share is of: "reported by 3.8% of volunteers" (not "of the vote").

    >>> _of_people(" of volunteers after the second dose", "percent")
    'volunteers'
    >>> _of_people(" of the vote", "percent")
    """
    m = _OF_PEOPLE_RE1.match(after)
    if unit != "percent" or m is None:
        return None
    who = m.group(1)
    return who if _is_subject(who) or who.endswith(_PEOPLE_ENDS) else None


def _times_of(before: str, concept: str | None, unit: str | None) -> str | None:
    """Whom something was done to so many times: "shot Jacob Blake, a Black man, seven
    times" (Jacob Blake), "stabbed the guard 12 times".

    >>> _times_of("a police officer shot Jacob Blake, a Black man, ", "times", None)
    'Jacob Blake'
    >>> _times_of("stabbed the guard ", "times", None), _times_of("won ", "times", None)
    ('guard', None)
    """
    # "times", or what was done so many times ("times stabbed": the phrasing readings)
    if concept is None or concept.split()[0] != "times" or unit is not None:
        return None
    m = re.search(
        rf"\b[a-z]+(?:ed|ot|uck|ew)\s+(?:the\s+(?P<noun>[a-z]+)|(?P<name>{_NAME}))"
        r"(?:,[^,;]{1,40},)?\s+$",
        before,
    )
    if m is None:
        return None
    return m.group("noun") or m.group("name")


def _found_to_be(before: str, after: str, concept: str | None, unit: str | None) -> str | None:
    """What a share is said of: "had found the vaccine more than 90% effective", "rated
    the bridge 40% complete".

    >>> _found_to_be("had found the vaccine more than ", " effective.", "effective", "percent")
    'vaccine'
    """
    if unit != "percent" or concept is None:
        return None
    adjective = re.match(r"\s+([a-z]+)\b", after)
    m = re.search(
        r"\b[a-z]+\s+(?:the|its|their)\s+([a-z-]+)\s+"
        r"(?:(?:more\s+than|less\s+than|about|nearly|almost|some|around|over|under|just)\s+)?$",
        before,
    )
    if adjective is None or m is None or adjective.group(1) not in concept.split():
        return None
    return m.group(1)


def _moving(sentence: str, unit: str | None) -> str | None:
    """What a speed is of, named as the sentence's subject: "The Coromandel Express from
    Shalimar to Chennai was travelling at", "The ferry was moving at".

    >>> _moving("The Coromandel Express from Shalimar to Chennai was travelling at ", "km/h")
    'Coromandel Express'
    >>> _moving("The ferry was moving at about ", "knot"), _moving("Winds reached ", "km/h")
    ('ferry', None)
    """
    if unit is None or unit not in table_words(vocabulary(), "unit_measures", "speed"):
        return None
    m = re.match(
        rf"\W*(?:The\s+)?(?:(?P<name>{_NAME})|(?P<noun>[a-z]+))\b[^,;]{{0,80}}?\s"
        r"(?:was|were|is|are)\s+(?:travell?ing|moving|going|flying|driving|running|speeding|"
        r"sailing|heading|doing)\s+at\s+(?:(?:about|nearly|almost|some|around|over|up\s+to)\s+)?$",
        sentence,
    )
    if m is None:
        return None
    name = m.group("name")
    if name is not None:
        words = [w for w in name.split() if w.lower() not in _NOT_OWNERS]
        return " ".join(words) or None
    return m.group("noun")


# Compiled once: called on every figure.
_MAKERS_RE1 = re.compile(
    r"\W*(?:The\s+)?(?P<np>[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2})"
    r"(?:,\s+(?:which|who|that)\s[^,;]{1,60},)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?P<verb>[a-z]+)\s+(?:(?:about|nearly|almost|some|around|over|more\s+than|just)\s+)?$"
)


def _makers(sentence: str, after: str, unit: str | None) -> str | None:
    """Who made or cut a count of things, named as the sentence's subject before a verb of
    the vocabulary's [whose] making ("US employers added 517,000 jobs", "Leisure and
    hospitality, which includes restaurants and hotels, added 128,000 jobs").

    >>> _makers("US employers added ", " jobs in January", None)
    'US employers'
    >>> _makers("Leisure and hospitality, which includes hotels, added ", " jobs", None)
    'Leisure and hospitality'
    >>> _makers("Economists had forecast ", " new jobs", None)
    """
    if unit is not None:
        return None
    m = _MAKERS_RE1.match(sentence)  # (before phrase_of: it fails more often, and sooner)
    if m is None or m.group("verb") not in _making_verbs(vocabulary()) or not phrase_of(after):
        return None
    np = m.group("np")
    return None if np.split()[0].lower() in NP_STOP | _NOT_OWNERS else np


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _making_verbs(vocab: Vocabulary) -> frozenset[str]:
    lemmas = table_words(vocab, "whose", "making")
    irregular = {k: v for k, v in vocab.tables.get("irregular", {}).items() if v in lemmas}
    return frozenset(f for lemma in lemmas for f in inflections(lemma)) | frozenset(irregular)


def _duration_subject(after: str, concept: str | None) -> str | None:
    """What lasts, when a duration is told "of" it: "six weeks of polling" (polling's).

    >>> _duration_subject(" of national mourning.", "national mourning duration")
    'national mourning'
    >>> _duration_subject(" of national mourning.", "pause")
    """
    of = _duration_of(after)
    return of[: -len(" duration")] if of is not None and of == concept else None


# Compiled once: called on every figure.
_NATIONALS_RE1 = re.compile(r"\s+(?:were|was|are|is)\s+([A-Z][a-z]+)\s+([a-z]+s)\b")


def _nationals(after: str, unit: str | None) -> str | None:
    """People told by a nationality after a copula: "two were Thai nationals", "three are
    British citizens".

    >>> _nationals(" were Thai nationals, the ministry said", None)
    'Thai nationals'
    >>> _nationals(" were Thai restaurants", None), _nationals(" is Fiji", None)
    (None, None)
    """
    if unit is not None:
        return None
    m = _NATIONALS_RE1.match(after)
    if m is None or not _DEMONYM.search(m.group(1)):
        return None
    who = m.group(2)
    return f"{m.group(1)} {who}" if _is_subject(who) else None


def _its_doer(sentence: str, unit: str | None, concept: str | None) -> str | None:
    """Whose measure a sentence told with "its"/"their" after a common noun is: "The central
    bank raised its key rate by a quarter of a point" (the central bank's; a company's
    revenue is left to the owner the article names, the [owners] measures).

    >>> _its_doer("The central bank raised its key rate by ", "percentage point", "key rate rise")
    'central bank'
    >>> _its_doer("The firm said its revenue rose ", "percent", "revenue rise")
    """
    if unit is None or concept is None:
        return None
    if set(concept.split()) & table_words(vocabulary(), "owners", "measures"):
        return None
    m = _its_doer_pattern(vocabulary()).match(sentence)
    return m.group(1) if m is not None and not is_people(m.group(1).split()[-1]) else None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _its_doer_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    pronouns = alternation(table_words(vocab, "possessives", "pronouns"))
    return re.compile(
        rf"\W*The\s+((?:[a-z-]+\s+){{0,2}}[a-z-]+)\s+(?:has\s+|had\s+|have\s+)?"
        rf"[a-z]+(?:ed|s)\s+{pronouns}\s"
    )


# Compiled once: called on every figure.
_WON_BY_RE1 = re.compile(r"[;:]|\s[\u2013\u2014-]\s|,\s+(?:and|but|while)\b")


def _won_by(before: str) -> str | None:
    """The named winner of a count told "with" or "by" after the verb: "Luiz Inacio Lula da
    Silva won Brazil's presidential runoff on Sunday with", "Modi held his own seat of
    Varanasi by" (the vocabulary's [owners] verbs).

    >>> _won_by("Luiz Inacio Lula da Silva won Brazil's runoff on Sunday with ")
    'Luiz Inacio Lula da Silva'
    >>> _won_by("Modi held his own seat of Varanasi by "), _won_by("It won by ")
    ('Modi', None)
    """
    if " with " not in before and " by " not in before:
        return None  # nor in its last clause: no split
    clause = _WON_BY_RE1.split(before)[-1]
    if " with " not in clause and " by " not in clause:
        return None  # cheap pre-check
    m = _won_pattern(vocabulary()).search(clause)
    if m is None:
        return None
    name = [w for w in m.group("name").split() if w.lower() not in _NOT_OWNERS]
    return " ".join(name) if name and name[0][:1].isupper() else None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _won_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    verbs = alternation(table_words(vocab, "owners", "verbs"))
    return re.compile(
        rf"(?:^|\s)(?P<name>{_NAME})\s+(?:[a-z]+\s+)?{verbs}\b[^,;]{{0,80}}?\s(?:with|by)\s+"
        r"(?:(?:about|nearly|almost|some|just|over|more\s+than|less\s+than|roughly|around)\s+)?$"
    )


# Compiled once: called on every figure.
_POSSESSOR_RE1 = re.compile(
    r"\b[Tt]he\s+((?:[a-z-]+\s+)?[a-z-]+)['\u2019]s\s+((?:[a-z-]+\s+){0,3}?)"
    r"(?:(?:at|of|was|is|were|are|stood\s+at|reached|rose\s+to|fell\s+to)\s+)?"
    r"(?:(?:about|nearly|almost|some|around|roughly|just|over|under|more\s+than)\s+)?$"
)


def _possessor(before: str, concept: str | None) -> str | None:
    """The thing a count or measure is of, told with a possessive: "37 of the state's 80
    seats" (the state's), "put the vaccine's efficacy at 94.5%" (the vaccine's).

    >>> _possessor("won 37 of the state's ", "seats")
    'state'
    >>> _possessor("put the vaccine's efficacy at ", "efficacy")
    'vaccine'
    >>> _possessor("last year's ", "seats"), _possessor("the firm's chief said ", "jobs")
    (None, None)
    """
    if "'s" not in before and "\u2019s" not in before:
        return None  # the possessive the pattern needs, looked for first
    m = _POSSESSOR_RE1.search(before)
    if m is None or m.group(1).split()[-1] in _TIME_NOUNS:
        return None
    told = m.group(2).split()
    if told and not (concept and set(told) & set(concept.split())):
        return None  # the words between name something else than what is measured
    return m.group(1)


def _length_of(before: str, after: str, unit: str | None) -> str | None:
    """What a length measures across: "The alley is about 3.2 metres wide".

    >>> _length_of("The alley is about ", " metres wide.", "m")
    'alley'
    >>> _length_of("The alley is about ", " metres from the road", "m")
    """
    if unit is None or unit not in table_words(vocabulary(), "unit_measures", "length"):
        return None
    if not _DIMENSION_AFTER.match(after):
        return None
    m = re.search(
        r"\b(?:the|a|an|its|this)\s+((?:[a-z-]+\s+)?[a-z-]+)\s+(?:is|was|are|were|stands?)\s+"
        r"(?:(?:about|nearly|almost|some|around|roughly|just|over|under|only)\s+)?$",
        before,
        re.IGNORECASE,
    )
    return m.group(1) if m is not None else None


def _owner_after(after: str, unit: str | None) -> str | None:
    """An amount "of" a name's things: "16 billion francs of Credit Suisse's riskiest bonds".

    >>> _owner_after(" francs of Credit Suisse's riskiest bonds will", "CHF")
    'Credit Suisse bonds'
    """
    if unit is None or not _is_money(unit):
        return None
    m = re.match(
        rf"\s+(?:[a-z]+\s+)?of\s+(?P<name>{_NAME})['\u2019]s?\s+(?:[a-z-]+\s+){{0,2}}?"
        r"(?P<noun>[a-z]+s)\b",
        after,
    )
    return f"{m.group('name')} {m.group('noun')}" if m is not None else None


# Compiled once: called on every figure.
_ANTECEDENT_RE1 = re.compile(
    r"\b(?:the|The|its|Its)\s+((?:[a-z-]+\s+)?[a-z-]+),\s+(?:which|that)\s+(?:[a-z]+\s+){1,3}$"
)


def _antecedent(before: str, unit: str | None) -> str | None:
    """Who a relative clause an amount stands in is about: "The lender, which had $209bn in
    assets" (the lender's).

    >>> _antecedent("The lender, which had ", "USD"), _antecedent("The lender had ", "USD")
    ('lender', None)
    """
    if unit is None or not _is_money(unit):
        return None
    m = _ANTECEDENT_RE1.search(before)
    return m.group(1) if m is not None and m.group(1) not in NP_STOP else None


# Compiled once: called on every figure.
_DOERS_RE1 = re.compile(
    r"(?:^|[,;]\s+|\b(?:after|as|when|while|and|said)\s+)(?:[a-z]+\s+)?((?:^[A-Z])?[a-z]+s),?\s+"
    r"((?:[a-z]+\s+){1,3})$"
)


def _doers(before: str, unit: str | None, concept: str | None) -> str | None:
    """The people whose action an amount is, told right before its verb: "after depositors
    tried to withdraw $42bn" (not those who only expect it: "the $11.2bn analysts had
    expected", the vocabulary's [whose] expecting verbs).

    >>> _doers("after depositors tried to withdraw ", "USD", "withdrawals")
    'depositors'
    >>> _doers("after analysts expected ", "USD", "revenue")
    """
    if unit is None or not _is_money(unit):
        return None
    m = _DOERS_RE1.search(before)
    # "-tors" too: depositors, investors, creditors act with money.
    if m is None or not (_is_subject(m.group(1)) or m.group(1).endswith((*_PEOPLE_ENDS, "tors"))):
        return None
    expecting = table_words(vocabulary(), "whose", "expecting")
    if any(w in expecting or w in NP_STOP - {"to"} for w in m.group(2).split()):
        return None
    return m.group(1)


def _after_one(before: str) -> bool:
    """ "he and four others", "Ana Ruiz and two others": the others are people, whoever the
    sentence counted before (read6, counts)."""
    return re.search(r"\b(?:he|she|him|her)\s+and\s+$", before, re.IGNORECASE) is not None
