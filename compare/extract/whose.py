"""Whose a figure is when its sentence does not say: the owner, event or defendant the
article named before.

News names who or what it is about once and then writes around it: "Apple said revenue
fell 1% to $89.5bn. Net income rose to $22.96bn."; "Typhoon Haiyan killed 6,000 ... The
typhoon struck Samar with winds of 235 km/h"; "A jury convicted Bankman-Fried on seven
counts".  Each reading below gives a subject to figures that have none, in article order,
from the vocabulary's [owners], [events] and [defendants] tables; a figure that names its
own subject keeps it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from compare.extract.concepts import is_people, names_people
from compare.extract.resources import alternation
from compare.extract.vocab import Vocabulary, table_words, vocabulary
from compare.types import Figure, Role, Sentence

_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})


def whose(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """Figures with the subject their article implies (owners, events, defendants)."""
    text = {s.index: s.text for s in sentences}
    out = refer_back(figures, sentences)
    out = carry_owners(out)
    out = _carry(out, text, "events", _event_in)
    out = _carry(out, text, "defendants", _defendant_in)
    out = named_people(ones_of_a_list(out, sentences), sentences)
    out = carry_groups(out)
    return changes_of_series(out, text)


# A person counted by name: capitalised words only, not "A man" or "His mother".
_PERSON_NAME = re.compile(r"[A-Z][a-z'\u2019-]+(?:\s+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.))*")
# An ordinal after a count of people is one more of them: "killed two men and wounded a third".
_ORDINAL_ONE = re.compile(
    r"(?:a|an|one)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.I
)


def named_people(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """A person counted by name ("Hodgkinson died later in hospital", "a police officer shot
    Jacob Blake") is who is counted: the name, not "person".  Named next to a word for an
    attacker anywhere in the article ("The gunman, identified as James Hodgkinson, ..."),
    the person is the suspect (the vocabulary's [roles] suspect words and [whose] tied).

    >>> s = [Sentence("a", 0, "The gunman, identified as Ed Mole, fired.", 0, 41),
    ...      Sentence("a", 1, "Mole died later.", 42, 58)]
    >>> f = Figure("a:f1", "a", 1, "Mole", (42, 46), 1, 1, 1, "exact", None, "killed",
    ...            "person")
    >>> [(x.subject, x.role) for x in named_people([f], s)]
    [('Mole', 'suspect')]
    """
    vocab = vocabulary()
    determiners = table_words(vocab, "whose", "determiners")
    out: list[Figure] = []
    for fig in figures:
        m = _PERSON_NAME.match(fig.text)
        if (
            fig.subject == "person"
            and m is not None
            and re.fullmatch(r"(?:,\s*\d{1,3},?)?", fig.text[m.end() :])  # "Ed Mole, 52,"
            and fig.text.split()[0].lower() not in determiners
        ):
            name = m.group(0)
            fig = replace(fig, subject=name, role=fig.role or _named_role(name, sentences))
        out.append(fig)
    return tuple(out)


def _named_role(name: str, sentences: Sequence[Sentence]) -> Role | None:
    """ "suspect" when a sentence calls the person by a word for an attacker: the word right
    before the name ("The gunman, identified by authorities as James Hodgkinson", "suspect
    Ed Mole") or right after it ("Ed Mole, 41, the suspected shooter"); not "no suspects in
    the death of Ketron Nathan"."""
    vocab = vocabulary()
    tie = alternation(vocab.suspects | table_words(vocab, "whose", "tied"))
    last = re.escape(name.split()[-1])
    near = re.compile(
        rf"\b{tie},?\s+(?:(?:who\s+was\s+|was\s+)?(?:identified|named)\s+"
        rf"(?:by\s+(?:[\w-]+\s+){{1,3}})?as\s+)?(?:[A-Z][\w'.-]*\s+){{0,2}}{last}\b"
        rf"|\b{last}\b(?:,\s*\d+)?,\s+(?:the|a)\s+(?:[a-z-]+\s+){{0,2}}{tie}\b",
        re.IGNORECASE,
    )
    return "suspect" if any(near.search(s.text) for s in sentences) else None


def carry_groups(figures: Sequence[Figure]) -> tuple[Figure, ...]:
    """A count of the same things as an earlier count of a group of people is that group's:
    "170 cases among trial volunteers ... Ten cases were severe" (the volunteers' cases).
    Only a named group carries ("placebo group", "people" do not), and only to counts of
    things that name no one.

    >>> f = Figure("a:f1", "a", 0, "170", (0, 3), 170, 170, 170, "exact", None, "cases",
    ...            "trial volunteers")
    >>> g = replace(f, id="a:f2", sentence=1, text="Ten", value=10, subject=None)
    >>> [x.subject for x in carry_groups([f, g])]
    ['trial volunteers', 'trial volunteers']
    """
    in_part = table_words(vocabulary(), "people_counts", "in_their_part")
    harms = table_words(vocabulary(), "people_counts", "concepts")  # whoever is hurt: "people"
    groups: dict[str, str] = {}
    out: list[Figure] = []
    for fig in figures:
        concept = fig.concept
        if concept is not None and fig.unit is None and concept not in harms and not fig.role:
            if fig.subject is None and concept in groups:
                fig = replace(fig, subject=groups[concept])
            elif fig.subject is not None and fig.subject != "people":
                head = fig.subject.split()[-1]
                if fig.subject.islower() and (names_people(head) or head in in_part):
                    groups[concept] = fig.subject
        out.append(fig)
    return tuple(out)


def ones_of_a_list(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """One more of the people counted just before ("shot and killed two men and wounded a
    third") and some of them ("shooting three men, two of them fatally") are those people.

    >>> s = [Sentence("a", 0, "He shot three men, two of them fatally.", 0, 39)]
    >>> f = Figure("a:f1", "a", 0, "three", (8, 13), 3, 3, 3, "exact", None, "shot", "men")
    >>> g = replace(f, id="a:f2", text="two", span=(19, 22), value=2, concept="killed",
    ...             subject=None)
    >>> [x.subject for x in ones_of_a_list([f, g], s)]
    ['men', 'men']
    """
    text = {s.index: (s.start, s.text) for s in sentences}
    out: list[Figure] = []
    # The nearest count of several people before each figure in its sentence (not "A
    # gunman"), found in one pass over the figures in reading order (linear).
    nearest: dict[int, Figure | None] = {}
    counts: dict[int, Figure] = {}
    for k in sorted(range(len(figures)), key=lambda k: (figures[k].sentence, figures[k].span)):
        f = figures[k]
        nearest[k] = counts.get(f.sentence)
        if f.value > 1:
            counts[f.sentence] = f
    for k, fig in enumerate(figures):
        last = nearest[k]
        if last is not None and last.span[1] > fig.span[0]:
            last = None
        if (
            last is not None
            and last.role != "suspect"
            and fig.unit is None
            and last.unit is None
            and last.subject is not None
            and is_people(last.subject.split()[-1])
            and last.subject != "people"
            and fig.sentence in text
        ):
            start, said = text[fig.sentence]
            after = said[fig.span[1] - start : fig.span[1] - start + 12]
            ordinal = fig.subject == "person" and _ORDINAL_ONE.fullmatch(fig.text)
            of_them = fig.subject is None and re.match(r"\s+of\s+(?:them|whom)\b", after)
            if ordinal or of_them:
                fig = replace(fig, subject=last.subject)
        out.append(fig)
    return tuple(out)


def changes_of_series(
    figures: Sequence[Figure], text: dict[int, str] | None = None
) -> tuple[Figure, ...]:
    """A change of a named series that no owner has is the series': "Petrol prices jumped
    11.2%" (a rise of petrol prices), "Average hourly earnings rose 4.4%".  A one-word
    measure ("revenue rose 8%") names no series: it waits for its owner.  Capitalised
    words are left to the place ("US consumer prices" are consumer prices).

    >>> f = Figure("a:f1", "a", 0, "11.2%", (0, 5), 11.2, 11.2, 11.2, "exact", "percent",
    ...            "petrol prices rise", None)
    >>> [x.subject for x in changes_of_series([f, replace(f, concept="revenue rise")])]
    ['petrol prices', None]
    """
    changes = vocabulary().tables.get("changes", {})
    directions = {str(changes.get("rise", "rise")), str(changes.get("fall", "decline"))}
    out: list[Figure] = []
    for fig in figures:
        words = (fig.concept or "").split()
        if fig.subject is None and fig.unit == "percent" and words and words[-1] in directions:
            said = (text or {}).get(fig.sentence, "")
            series = [w for w in words[:-1] if not _named(w, said)]
            if len(series) >= 2 and not {"per", "share"} & set(series):  # an owner's per share
                fig = replace(fig, subject=" ".join(series))
        out.append(fig)
    return tuple(out)


def carry_owners(figures: Sequence[Figure]) -> tuple[Figure, ...]:
    """An article names a company once and then leaves it out: "Apple said revenue fell 1%
    to $89.5bn. Net income rose to $22.96bn." A figure whose concept is something an owner
    has (the vocabulary's [owners] measures) and that names no owner is the last named
    owner's, in article order, when the article quotes that owner too; who is counted
    (people) is never an owner.

    >>> f = Figure("a:f1", "a", 0, "$89.5bn", (0, 7), 8.95e10, 8.95e10, 8.95e10, "exact",
    ...            "USD", "revenue", "Apple", attribution="Apple")
    >>> g = replace(f, id="a:f2", sentence=1, concept="net income", subject=None)
    >>> [x.subject for x in carry_owners([f, g])]
    ['Apple', 'Apple']
    """
    measures = table_words(vocabulary(), "owners", "measures")
    # An owner the article also quotes ("Apple said", "after SVB said"): a company speaks
    # for its own results, while a name read off a phrase ("AI chips") speaks for nothing.
    speakers = {f.attribution.casefold() for f in figures if f.attribution}
    out: list[Figure] = []
    owner: str | None = None
    for fig in figures:
        if fig.subject is not None:
            if fig.subject.casefold() in speakers and not is_people(fig.subject.split()[-1]):
                owner = fig.subject
        elif owner is not None and _measures(fig, measures):
            fig = replace(fig, subject=owner)
        out.append(fig)
    return tuple(out)


def refer_back(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """A count named only as a count counts what the article's previous figure counts: "the
    count stood at 5,914", "the final count could reach 20,000", "put it at 7.0" (the
    vocabulary's [references]); "The figure was up 101%" is a change of it.

    >>> s = [Sentence("a", 0, "The toll rose to 44,218.", 0, 24),
    ...      Sentence("a", 1, "The count stood at 5,914.", 25, 50)]
    >>> k = Figure("a:f1", "a", 0, "44,218", (17, 23), 44218, 44218, 44218, "exact", None,
    ...            "killed", "people")
    >>> g = replace(k, id="a:f2", sentence=1, text="5,914", span=(44, 49), value=5914,
    ...             concept="count", subject=None)
    >>> [(x.concept, x.subject) for x in refer_back([k, g], s)]
    [('killed', 'people'), ('killed', 'people')]
    """
    vocab = vocabulary()
    nouns = table_words(vocab, "references", "nouns")
    adjectives = table_words(vocab, "references", "adjectives")
    changes = vocab.tables.get("changes", {})
    directions = {str(changes.get("rise", "rise")), str(changes.get("fall", "decline"))}
    starts = {s.index: s.start for s in sentences}
    texts = {s.index: s.text for s in sentences}
    out: list[Figure] = []
    for fig in figures:
        words = (fig.concept or "").split()
        way = words.pop() if len(words) > 1 and words[-1] in directions else None
        named = bool(words) and words[-1] in nouns and set(words[:-1]) <= adjectives
        pronoun = opening = False
        before, at = "", 0
        if fig.sentence in texts:
            at = fig.span[0] - starts[fig.sentence]
            before = texts[fig.sentence][max(0, at - 300) : at]  # bounded: linear
        # the noun stands before the number: "the count stood at 5,914", not "one count of"
        named = named and re.search(rf"\b{words[-1]}\b", before, re.IGNORECASE) is not None
        if fig.concept is None and fig.sentence in texts:
            pronoun = _pronoun_at(vocab).search(before) is not None
            # "Twenty-six were foreign nationals." after a toll: who of those counted
            end = fig.span[1] - starts[fig.sentence]
            rest = texts[fig.sentence][end : end + 20]
            opening = (
                at <= 300
                and not before.strip()
                and re.match(r"\s+(?:were|was|are|is)\s", rest) is not None  # no noun of its own
                and fig.unit is None
                and fig.subject is not None
                and is_people(fig.subject.split()[-1])
            )
        if opening and out and out[-1].concept in table_words(vocab, "people_counts", "concepts"):
            fig = replace(fig, concept=out[-1].concept)
        earlier = [  # only for a reference: a list of every earlier figure is quadratic
            f
            for f in (out if named or pronoun else ())
            if f.concept is not None
            and (way is not None or f.unit == fig.unit or pronoun)
            and f.unit not in _DURATIONS
            and (not pronoun or fig.sentence - f.sentence <= 1)
        ]
        if (named or pronoun) and earlier:
            last = earlier[-1]
            if pronoun:  # "it" is what the last sentence with figures was about: its first
                last = next(f for f in earlier if f.sentence == last.sentence)
            elif way is None:
                # "the final count" is of what the article counts most, the latest such
                # ("3,958 dead ... 11,300 dead ... 10,100 missing. The final count could reach"),
                # among counts of its order of magnitude when there are: "1.28 million
                # marched ... to raise the retirement age to 64 from 62. The union put the
                # figure at 3.5 million" (a rival estimate is of the same order).
                near = [f for f in earlier if _same_order(f.value, fig.value)]
                earlier = near or earlier
                counts = Counter(f.concept for f in earlier)
                top = max(counts.values())
                # ties: the concept the article told first, its main count
                main = next(f.concept for f in earlier if counts[f.concept] == top)
                last = [f for f in earlier if f.concept == main][-1]
            base = _without(last.concept or "", directions)
            concept = f"{base} {way}" if way else last.concept
            # "put it at 7.0" after "measured the quake at magnitude 6.8": the same measure
            unit = fig.unit if fig.unit is not None or not pronoun else last.unit
            fig = replace(fig, concept=concept, subject=fig.subject or last.subject, unit=unit)
        out.append(fig)
    return tuple(out)


def _same_order(a: float, b: float) -> bool:
    """Whether two values are within a factor of ten of each other.

    >>> _same_order(1.28e6, 3.5e6), _same_order(64, 3.5e6), _same_order(0, 5)
    (True, False, False)
    """
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo < 10


def _without(concept: str, directions: set[str]) -> str:
    head, _, last = concept.rpartition(" ")
    return head if head and last in directions else concept


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _pronoun_at(vocab: Vocabulary) -> re.Pattern[str]:
    verbs = "|".join(sorted(table_words(vocab, "references", "verbs")))
    return re.compile(
        rf"\b(?:{verbs})\s+(?:it|them)\s+at\s+(?:(?:about|around|nearly|some|roughly)\s+)?$",
        re.IGNORECASE,
    )


def _named(word: str, sentence: str) -> bool:
    """Whether a word of a concept is written as a name in its sentence: in capitals
    ("US"), or capitalised other than at the sentence's start.

    >>> _named("us", "US consumer prices rose 9.1%"), _named("petrol", "Petrol prices rose")
    (True, False)
    """
    for m in re.finditer(rf"\b{re.escape(word)}\b", sentence, re.IGNORECASE):
        found = m.group(0)
        if found.isupper() and len(found) > 1:
            return True
        if found[:1].isupper() and sentence[: m.start()].strip():
            return True
    return False


def _carry(
    figures: Sequence[Figure],
    text: dict[int, str],
    table: str,
    named: Callable[[str], tuple[str | None, str | None]],
) -> tuple[Figure, ...]:
    """Give figures measuring what `table` lists the name their sentence holds, else the
    last name an earlier sentence held; a common noun ("the quake") only when no name was.

    The event or defendant outranks a name other rules read off the sentence ("struck the
    island of Samar with winds of 235 km/h" are the typhoon's winds, not Samar's).
    """
    measures = table_words(vocabulary(), table, "measures")
    # What each sentence names, and the last name and noun named up to it, in order.
    here: dict[int, tuple[str | None, str | None]] = {}
    last: tuple[str | None, str | None] = (None, None)
    for index in sorted(text):
        name, noun = named(text[index])
        if (
            name is None
            and last[0]
            and re.search(rf"\b{re.escape(last[0].split()[-1])}\b", text[index])
        ):
            name = last[0]  # "Hurricane Ian ... Ian then made a second landfall"
        last = (name or last[0], noun or last[1])
        here[index] = last
    out: list[Figure] = []
    for fig in figures:
        last_name, last_noun = here.get(fig.sentence, (None, None))
        found = last_name or last_noun
        if _measures(fig, measures) and found is not None:
            fig = replace(fig, subject=found)
        out.append(fig)
    return tuple(out)


def _measures(fig: Figure, measures: frozenset[str]) -> bool:
    return (
        fig.concept is not None
        and fig.unit not in _DURATIONS
        and bool(measures & set(fig.concept.split()))
    ) or (fig.unit in _DURATIONS and fig.concept in measures)


def _event_in(sentence: str) -> tuple[str | None, str | None]:
    """The event a sentence names: by name ("Hurricane Ian", "Camp Fire"), or by a noun.

    >>> _event_in("The typhoon, known as Yolanda, hit Samar."), _event_in("Ian made landfall")
    ((None, 'typhoon'), (None, None))
    >>> _event_in("Before that, Typhoon Haiyan struck"), _event_in("A second shock followed")
    (('Typhoon Haiyan', None), (None, 'earthquake'))
    >>> _event_in("the Joint Typhoon Warning Center estimated")
    (None, None)
    """
    for m in _event_pattern(vocabulary()).finditer(sentence):
        words = sentence[: m.start()].split()
        after = sentence[m.end() :].split()[:1]
        inside = len(words) > 1 and words[-1][:1].isupper() and words[-1][-1:].isalpha()
        if inside or (after and after[0][:1].isupper()):
            continue  # "the Joint Typhoon Warning Center" is no typhoon
        return " ".join(m.group(0).split()), None
    nouns = vocabulary().tables.get("events", {}).get("nouns", {})
    for word in re.findall(r"\b[a-z]+\b", sentence):
        found = nouns.get(word) or nouns.get(word[:-1] if word.endswith("s") else "")
        if found:
            return None, str(found)
    return None, None


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _event_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    kinds = "|".join(sorted(table_words(vocab, "events", "kinds")))
    suffixes = "|".join(sorted(table_words(vocab, "events", "suffixes")))
    return re.compile(
        rf"\b(?:Tropical\s+)?(?:{kinds})\s+[A-Z][a-z]+\b|\b[A-Z][a-z]+\s+(?:{suffixes})\b"
    )


def _defendant_in(sentence: str) -> tuple[str | None, str | None]:
    return _defendant(sentence), None


def _defendant(sentence: str) -> str | None:
    """Who a sentence says was sentenced, convicted, acquitted or charged.

    >>> _defendant("A jury acquitted Kyle Rittenhouse on all five counts")
    'Kyle Rittenhouse'
    >>> _defendant("Sam Bankman-Fried, the founder of FTX, was sentenced to 25 years")
    'Sam Bankman-Fried'
    >>> _defendant("The judge sentenced him to 12 years")
    """
    m = _defendant_pattern(vocabulary()).search(sentence)
    name = None if m is None else m.group("before") or m.group("after")
    return None if name is None or name.lower() in _PRONOUNS else name  # not "He was jailed"


_PRONOUNS = frozenset("he she they it we i you who this that".split())


@lru_cache(maxsize=4)
def _defendant_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    verbs = "|".join(sorted(table_words(vocab, "defendants", "verbs")))
    name = r"[A-Z][\w'-]+(?:\s+[A-Z][\w.'-]*){0,3}"
    return re.compile(
        rf"(?P<before>{name})(?:,[^,]{{1,80}},)?\s+(?:was|were|has\s+been|had\s+been)\s+"
        rf"(?:{verbs})\b|\b(?:{verbs})\s+(?:the\s+\w+,\s+)?(?P<after>{name})"
    )
