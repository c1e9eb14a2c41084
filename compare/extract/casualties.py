"""Casualty counts told in shapes the number reader and ``implicit.py`` miss.

Reports of a crash, a fire, a stabbing or a shooting often name the dead and the hurt
one by one instead of counting them:

- the outcome after the harm: "two men were shot and killed", "was stabbed to death",
  "a man was shot in the leg and wounded" (the last verb of the clause is the outcome);
- a definite person, a name or a pronoun with a casualty predicate: "the driver was
  pronounced dead", "John Reyes, 45, died at the scene", "his father was critically
  injured", "She died two days later";
- a person as the object of a casualty verb: "the blaze killed a firefighter and injured
  two residents", "left a cyclist dead", "left the driver in critical condition";
- a killing named by its victim: "the fatal stabbing of a teenager", "the death of a
  worker";
- a wound carried by a person: "a man suffering from a gunshot wound", "a woman with
  serious burns".

Each is a count of one (a pronoun or a name is one person).  Words are the vocabulary's
``[casualty_readings]``, ``[people]`` and ``[roles]`` tables.  Hand-written regular
expressions: a dependency parser would read these shapes too, but costs the fast start
``figures`` needs (see ``concepts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from compare.extract.implicit import count_in_words
from compare.extract.resources import alternation, substrings
from compare.extract.vocab import Vocabulary, table_words, vocabulary
from compare.types import Figure, Role

_HARMS = frozenset({"shot", "stabbed", "injured"})  # harms whose outcome may follow
# What a harm may turn out to be: the shot are either killed or wounded.
_FINER: dict[str | None, set[str]] = {
    "shot": {"killed", "injured"},
    "stabbed": {"killed", "injured"},
    "injured": {"killed"},
}
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"several|both|all|\d)"
)
_AGE = r"\d{1,3}-(?:year|month|week)-old"
# Words between a determiner and the person: "his 25-year-old father", "the wounded teen";
# not a function word ("her brother and 4-year-old daughter" is two people).
_MODIFIER = (
    rf"(?:{_AGE}|(?!(?:and|or|but|his|her|their|its|with|of|who|that|to|in|at|on|by)\b)"
    r"[a-z]+(?:-[a-z]+)*)\s+"
)
# A name: capitalised words, optionally after an age ("15-year-old Ana Ruiz"), optionally
# followed by its age in commas ("Ana Ruiz, 15,").
_NAME = (
    rf"(?:{_AGE}\s+)?{{skip}}(?:[A-Z][a-z'\u2019-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.)){{0,2}}"
    r"(?:,\s+\d{1,3},)?"
)


@lru_cache(maxsize=64)  # read on every figure: built once per vocabulary and key
def _words(vocab: Vocabulary, key: str) -> tuple[str, ...]:
    text = str(vocab.tables.get("casualty_readings", {}).get(key, ""))
    sep = "|" if "|" in text else None
    return tuple(
        sorted((" ".join(w.split()) for w in text.split(sep) if w.strip()), key=len, reverse=True)
    )


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _cues(vocab: Vocabulary) -> re.Pattern[str]:
    return substrings(_words(vocab, "cues"))


# Built once per vocabulary and key: built for each figure, it was 11% of extraction on the
# articles of bench/open.
@lru_cache(maxsize=16)  # keyed by the vocabulary (a user's file makes a new one)
def _alternation(vocab: Vocabulary, key: str) -> str:
    return alternation(_words(vocab, key))


@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _patterns(vocab: Vocabulary) -> dict[str, re.Pattern[str]]:
    people = alternation(_people(vocab))
    names_skip = alternation(_words(vocab, "not_names"))
    # A definite person: "the driver", "his 25-year-old father", "the girl's mother",
    # "the 15-year-old".
    # "both men", "both of the victims": two people, read wherever a definite person is
    both = (
        rf"[Bb]oth\s+(?:of\s+(?=the\b)|of\s+them\b)?(?:(?:the|his|her|their)\s+)?"
        rf"(?:{_MODIFIER}){{0,2}}?(?:{alternation(_plural(vocab))})"
    )
    definite = (
        rf"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:the\s+)?[A-Za-z]+['\u2019]s)\s+"
        rf"(?:{_MODIFIER}){{0,3}}?(?:{people}|{_AGE})|{both}|[Bb]oth\s+of\s+them)"
    )
    indefinite = rf"(?:[Aa]n?|[Oo]ne)\s+(?:{_MODIFIER}){{0,3}}?(?:{people}|{_AGE})"
    name = _NAME.replace("{skip}", rf"(?!(?i:{names_skip}|{_NUMBER_WORD})\b)")
    # "the victims, ages 22 and 25,": as many people as ages
    aged = (
        rf"(?:[Tt]he\s+)?(?:{_MODIFIER}){{0,2}}?(?:{alternation(_plural(vocab))}),\s+"
        r"(?:ages?|aged)\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s+and\s+\d{1,3},"
    )
    person = rf"(?:{definite}|{name}|{aged})"
    # After a verb a single capitalised word is as often a group ("wounded Haitians")
    # as a person: a name there has two words, or an age before it.
    full = rf"(?:{_AGE}\s+{name}|(?=[A-Z][\w'\u2019.-]*\s+[A-Z]){name})"
    anyone = rf"(?:{definite}|{indefinite}|{full})"
    # A second person after "and" ("her brother and 4-year-old daughter"); an age is no count.
    more = (
        rf"\s+(?:and|&)\s+(?!{_NUMBER_WORD}\b(?!-))(?:{anyone}|"
        rf"(?:(?:{_AGE}|[a-z]+(?:-[a-z]+)*)\s+)?(?:{people}))"
    )
    killed = alternation(_words(vocab, "killed_passive"))
    hurt = alternation(_words(vocab, "injured_passive"))
    died = alternation(_words(vocab, "died"))
    adverbs = alternation(_words(vocab, "adverbs"))
    aux = r"(?:was|is|has\s+been|had\s+been|got|remains|remained|were|are|have\s+been)"
    wounds = alternation(_words(vocab, "wounds"))
    carrying = alternation(_words(vocab, "carrying"))
    conditions = alternation(_words(vocab, "conditions"))
    active_killed = alternation(_words(vocab, "killed_active"))
    active_hurt = alternation(_words(vocab, "injured_active"))
    deaths = alternation(_words(vocab, "deaths_of"))
    carried = alternation(_words(vocab, "carried"))
    hospitals = alternation(_words(vocab, "hospitals"))
    return {
        # "The driver was pronounced dead", "Ana Ruiz, 15, died", "He was fatally shot",
        # "... before he was shot dead"
        "subject": re.compile(
            r"(?:^|(?<=[.;:,\"\u201c]\s)|(?<=\bthat\s)|(?<=\bsaid\s)|(?<=\bsays\s)"
            r"|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\buntil\s)|(?<=\bwhen\s))"
            # "A man and a 2-year-old boy were fatally shot": two people
            rf"(?P<np>(?:{person}|{indefinite}(?=\s+and\s))(?P<more>\s+and\s+{anyone})?|[Hh]e|[Ss]he)"
            rf"(?:\s*,\s+(?:(?:who|a|an)\b[^,;.]{{0,60}}|\d{{1,3}}),)?\s+"  # an apposition, an age
            rf"(?:(?:later\s+)?(?:{aux})\s+(?:(?P<adv>{adverbs})\s+)?(?:(?P<killed>{killed})|(?P<hurt>{hurt}))"
            rf"|(?:(?:{aux}|has|had)\s+)?(?:(?:{adverbs})\s+)?(?P<died>{died})"
            rf"|(?:(?:{aux}|is|was)\s+)?(?P<carry>{carrying})\s+(?:from\s+)?(?:an?\s+)?"
            rf"(?:(?P<fatal>fatal|mortal)\s+|[a-z-]+\s+){{0,2}}(?:{wounds})"
            rf"|(?:is|was|remains|remained)\s+(?:listed\s+)?(?P<cond>in\s+(?:{conditions})\s+condition))\b"
        ),
        # "killed a firefighter", "wounding his father", "left a cyclist dead"
        "object": re.compile(
            rf"\b(?:(?:critically|seriously|gravely|severely|badly|slightly)\s+)?"
            rf"(?:(?P<killed>{active_killed})|(?P<hurt>{active_hurt}))\s+"
            # "killed her father and 6-year-old daughter": two people
            # "shot her and their baby girl", "struck both him and their son": two people
            rf"(?P<np>(?:[Bb]oth\s+)?(?:{anyone}(?P<more>{more})?|(?:him|her)(?P<more2>{more})))\b"
            rf"(?!\s+(?:and|or)\s+(?:{_NUMBER_WORD}\b(?!-)|(?:{people})s?\b|others\b))"
        ),
        # "killed two men and wounded a third": one more person, named by the ordinal alone
        # (followed by punctuation or a function word, not "a third of", "a third time")
        "ordinal": re.compile(
            rf"\b(?:(?P<killed>{active_killed})|(?P<hurt>{active_hurt}))\s+"
            rf"(?P<np>an?\s+(?:{alternation(_words(vocab, 'ordinals'))}))\b"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:with|and|in|at|on|by|as|before|after|during|while|when)\b)"
        ),
        # "One man died and another was wounded", "killed one and injured another",
        # "left one dead and another in critical condition": one more person
        "another": re.compile(
            rf"(?:^|\band\s+|[,;]\s+|\bwhile\s+)(?P<np>[Aa]nother(?:\s+(?:{_MODIFIER}){{0,2}}?"
            rf"(?:{people}))?|[Aa]n?\s+(?:{alternation(_words(vocab, 'ordinals'))})(?:\s+"
            rf"(?:{_MODIFIER}){{0,2}}?(?:{people}))?)\s+(?:(?:was|is|has\s+been|had\s+been|got)\s+)?"
            rf"(?:(?:later|also|reportedly)\s+)?(?:(?P<adv>{adverbs})\s+)?(?:(?P<killed>{killed})|"
            rf"(?P<hurt>{hurt})|(?P<died>{died})|(?P<cond>in\s+(?:{conditions})\s+condition))\b"
        ),
        # "A woman was killed and her brother and 4-year-old daughter injured": the
        # second clause's "were" left out
        "elided": re.compile(
            rf"(?:\b(?:was|were)\s+(?:{killed}|{hurt}|{died})\s+and\s+)"
            rf"(?P<np>(?:{definite}|{indefinite})(?P<more>{more})?)\s+"
            rf"(?:(?P<adv>{adverbs})\s+)?(?:(?P<killed>{killed})|(?P<hurt>{hurt}))\b"
        ),
        "another_object": re.compile(
            rf"\b(?:(?P<killed>{active_killed})|(?P<hurt>{active_hurt}))\s+(?P<np>another)\b"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:with|and|in|at|on|by|as|before|after|during|while|when)\b)"
        ),
        # "left a girl and two men wounded": the person before a count of people (read
        # apart; the tally adds the list)
        "left": re.compile(
            rf"\b(?:left|leaves|leaving)\s+(?P<np>{anyone}|him|her)\s+"
            rf"(?:and\s+(?:{_NUMBER_WORD}|[a-z]+)\s+(?:[a-z-]+\s+)?(?:{alternation(_plural(vocab))})\s+)?"
            rf"(?:(?P<killed>dead)|"
            rf"(?P<hurt>wounded|injured|hurt|hospitali[sz]ed|in\s+(?:{conditions})\s+condition))\b"
        ),
        # "A worker who was hit by a falling beam on Monday has died"
        "relative": re.compile(
            r"(?:^|(?<=[.;:\"\u201c]\s)|(?<=\bthat\s)|(?<=\bsaid\s)|(?<=\bsays\s))"
            rf"(?P<np>{definite}|{indefinite}|{name})\s+who\s+[^.;,]{{1,140}}?\s+"
            rf"(?:(?:has|had)\s+)?(?:since\s+|later\s+|now\s+)?(?P<died>{died})\b"
        ),
        # "the fatal stabbing of a teenager", "the death of Ana Ruiz"
        "death_of": re.compile(rf"\b(?:{deaths})\s+of\s+(?P<np>{anyone})(?!['\u2019]s)\b"),
        # "a man suffering from a gunshot wound"
        "wound": re.compile(
            rf"\b(?P<np>{indefinite})\s+(?:who\s+(?:was|is|had)\s+)?(?:{carrying})\s+"
            rf"(?:from\s+)?(?:an?\s+)?(?:(?P<fatal>fatal|mortal)\s+|[a-z-]+\s+){{0,2}}(?:{wounds})\b"
        ),
        # "the 14-year-old was taken to the hospital", "a fourth victim ... is being treated"
        "hospital": re.compile(
            r"(?:^|(?<=[.;:,\"\u201c]\s)|(?<=\bthat\s)|(?<=\bsaid\s)|(?<=\bsay\s)|(?<=\bsays\s))"
            rf"(?P<np>(?:{definite}|{indefinite}|{name})(?P<more>\s+and\s+{anyone})?|{aged})"
            r"(?:\s*,[^,;.]{1,60},?)?\s+"
            r"(?:was|is|has\s+been|had\s+been|remains|remained|were|are|have\s+been)\s+"
            r"(?:later\s+|also\s+|still\s+)?"
            rf"(?:(?:{carried})\s+(?:\w+\s+){{0,2}}?to\s+(?:an?\s+|the\s+)?(?:[\w'\u2019.-]+\s+){{0,4}}?"
            rf"(?i:{hospitals})|being\s+treated|treated\s+(?:at|in|for)|hospitali[sz]ed)\b"
        ),
    }


@lru_cache(maxsize=4)
def _outcomes(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    killed = alternation(_words(vocab, "outcome_killed"))
    hurt = alternation(_words(vocab, "outcome_injured"))
    also = r"(?:(?:also|reportedly|allegedly)\s+)?"  # "was also shot and is expected to recover"
    # The outcome closes the harm's clause: a few words (where, how) and no other count.
    gap = (
        rf"(?:\s+(?!{_NUMBER_WORD}\b|and\b|but\b)[\w'\u2019-]+|\s+(?:{_NUMBER_WORD}|once|twice)"
        r"\s+times?){0,6}?"
    )
    return (
        re.compile(
            rf"^\s*(?:were|was|have\s+been|has\s+been)?\s*{also}(?:shot|stabbed){gap}\s*(?:{killed})\b",
            re.IGNORECASE,  # headlines capitalise every word
        ),
        re.compile(
            rf"^\s*(?:were|was|have\s+been|has\s+been)?\s*{also}(?:shot|stabbed){gap}\s*(?:{hurt})\b",
            re.IGNORECASE,  # headlines capitalise every word
        ),
    )


# "Two hikers were killed": a count of a plural noun its clause's casualty verb governs.
_PASSIVE = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,2}?(?:were|have\s+been|had\s+been|are|got)\s+"
    r"(?:(?:also|all|both|later|reportedly|allegedly|critically|seriously|fatally)\s+)?"
    r"(?P<pred>[a-z]+)\b"
)


# A street number, not a count: "at 951 W. Lake Mead Blvd.", "2222 N. Nevada Ave".
_ADDRESS = re.compile(
    r"\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z][\w'.-]*\s+){1,3}?"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|"
    r"Pkwy|Parkway|Hwy|Highway|Terrace|Circle)\b"
)
# "suffered three gunshot wounds": the wounds, not the people.
_WOUNDS = re.compile(r"\s+(?:[a-z-]+\s+)?(?:gunshot|stab|bullet|puncture|knife)\s+wounds?\b")
# The one who harmed others earlier in the sentence: "killed three neighbours before he
# was shot dead" makes "he" the attacker (an active harm verb, not "was killed").
_AGENT = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:killed|shot|stabbed|wounded|"
    r"injured|murdered|attacked|opened\s+fire)\s+(?!(?:and|by|in|at|on|to|dead)\b)\w",
    re.IGNORECASE,
)
# "one shot struck him", "a single shot was fired": the noun, not the people shot.
_SHOT_NOUN = re.compile(r"\s+shot\s+(?:struck|hit|rang|was\s+fired|went|missed|came)\b")


def casualty_counts(text: str, found: Sequence[Figure]) -> tuple[Figure, ...]:
    """``found`` (the sentence's figures, offsets from its start) with the outcome of a harm
    read, and the counts of one in the shapes of the module's docstring added.

    >>> def show(text):
    ...     return [(f.text, f.value, f.concept, f.role) for f in casualty_counts(text, ())]
    >>> show("The driver was pronounced dead at the scene.")
    [('The driver', 1.0, 'killed', None)]
    >>> show("The blaze killed a firefighter and injured a neighbour.")
    [('a firefighter', 1.0, 'killed', None), ('a neighbour', 1.0, 'injured', None)]
    >>> show("Police said he was in the car.")
    []
    """
    vocab = vocabulary()
    low = text.lower()
    if not _cues(vocab).search(low):  # any(w in low for w in the cues), in one search
        return tuple(found)
    out = [
        _outcome(text, f, vocab)
        for f in found
        if not _age(text, f, vocab) and not _ADDRESS.match(text, f.span[1])
    ]
    spans = [f.span for f in out]
    for kind, pattern in _patterns(vocab).items():
        if kind == "relative" and " who " not in text:
            continue  # cheap pre-check: the shape needs its relative pronoun
        for m in pattern.finditer(text):
            start, end = m.span("np")
            same = next((k for k, f in enumerate(out) if f.span == (start, end)), None)
            if same is None and any(s < end and start < e for s, e in spans):
                continue
            concept = _concept(kind, m, vocab)
            if concept is None:
                continue
            np = m.group("np")
            head = np.split()[-1].lower().strip(",")
            if kind == "subject" and head in ("he", "she") and concept != "killed":
                continue  # "he was injured" is often the speaker's own past; deaths only
            if concept == "injured" and _later_death(text, m.end()):
                concept = "killed"
            if same is not None:
                # The person another reading took, its harm now told: "a man suffering
                # from a gunshot wound" is hurt, not only shot.
                if out[same].concept in _HARMS and _FINER.get(out[same].concept, set()) >= {
                    concept
                }:
                    out[same] = replace(out[same], concept=concept)
                continue
            role: Role | None = "suspect" if head in vocab.suspects else None
            subject = head if head in _people(vocab) else "person"
            agent = _AGENT.search(text, 0, start) if head in ("he", "she") else None
            if agent is not None:
                # "The gunman killed 49 people before he was shot dead": the attacker,
                # named by the noun before the harm verb where there is one
                role = "suspect"
                nouns = re.findall(r"[a-z]+", text[: agent.start()].lower())
                subject = next((w for w in reversed(nouns) if w in _people(vocab)), subject)
            many, subject = _how_many(np, m.groupdict(), subject)
            if many == 1 and _PLURAL_VERB.match(text, end):
                continue  # "Protesters were injured": a group, not a person named
            spans.append((start, end))
            fig = count_in_words(text, (start, end), many, concept, subject, role)
            out.append(_outcome(text, fig, vocab))
    out = _families(text, out, vocab)
    spans = [f.span for f in out]
    for m in _multiple(vocab).finditer(text):
        start, end = m.span("np")
        if any(s < m.end() and start < e for s, e in spans):
            continue
        # "a triple shooting": three people shot; "a double homicide": two killed
        value = float(_multiples(vocab)[m.group("np").lower()])
        concept = next(k for k in ("killed", "stabbed", "shot") if m.group(k))
        spans.append((start, end))
        out.append(count_in_words(text, (start, end), value, concept, "people", None))
    out.sort(key=lambda f: f.span)
    return tuple(replace(f, id=f":f{k + 1}") for k, f in enumerate(out))


@lru_cache(maxsize=4)
def _multiples(vocab: Vocabulary) -> dict[str, int]:
    pairs = (w.partition(":") for w in _words(vocab, "multiples"))
    return {word.lower(): int(n) for word, _, n in pairs if word and n.isdigit()}


@lru_cache(maxsize=4)
def _multiple(vocab: Vocabulary) -> re.Pattern[str]:
    """ "a triple shooting", "double homicide", "a quadruple fatal shooting"."""
    words = alternation(sorted(_multiples(vocab)))
    return re.compile(
        rf"\b(?P<np>{words})[\s-]+(?:(?P<killed>{alternation(_words(vocab, 'multiple_killed'))})"
        rf"|(?P<stabbed>{alternation(_words(vocab, 'multiple_stabbed'))})"
        rf"|(?P<shot>{alternation(_words(vocab, 'multiple_shot'))}))\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _ages_before(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    people = alternation(_people(vocab))
    return (
        # "the man, 28, later died", "his wife, 34;", "Vic Ruiz, 50;": a person's age
        re.compile(rf"(?:\b(?i:{people})|\b[A-Z][\w'\u2019.-]+),\s*(?:now\s+|aged\s+)?$"),
        # "ages 19, 21 and 22", "between the ages of 11 and 15"
        re.compile(
            r"\bage[sd]?\s+(?:of\s+)?(?:\d{1,3}(?:\s*,\s*(?:and\s+)?|\s+(?:and|to|through)\s+))+$",
            re.IGNORECASE,
        ),
    )


def _age(text: str, fig: Figure, vocab: Vocabulary) -> bool:
    """A number after a person and a comma, closed by punctuation, is the person's age:
    "The climber, 28, later died", "Ana Ruiz, 50; her son, 12"; so are the later numbers of
    a list of ages, "three men, ages 19, 21 and 22" (the shape of ``nonfigures``' age after
    a name, for people named by a noun; read only in sentences about casualties).
    """
    if fig.unit is not None or fig.value >= 120 or not fig.text.isdigit():
        return False
    before = text[max(0, fig.span[0] - 60) : fig.span[0]]
    person, listed = _ages_before(vocab)
    if listed.search(before):
        return True
    after = text[fig.span[1] : fig.span[1] + 40]
    if person.search(before) is None:
        return False
    if re.match(r"\s*(?:[,;:)]|\.(?:\s|$)|$)", after) is not None:
        return True
    # a headline's age run on into the name it belongs to: "kills man, 18 Jose Ruiz
    # fatally wounded" (not "Driver, 18 Passengers Hurt": a count of other people)
    name = re.match(r"\s+([A-Z][a-z'\u2019]+)\s+[A-Z][a-z'\u2019]+\b", after)
    said = re.search(r"([a-z]+),\s*$", before)  # a person's noun, not "3 Dead, 1 Critical"
    if name is None or said is None or said.group(1) not in _people(vocab):
        return False
    word = name.group(1).lower()
    return word not in _people(vocab) | _plural(vocab) | {"others", "more"} and not _cues(
        vocab
    ).search(word)


def _concept(kind: str, m: re.Match[str], vocab: Vocabulary) -> str | None:
    groups = m.groupdict()
    if kind == "death_of" or groups.get("killed") or groups.get("died"):
        return "killed"
    if groups.get("fatal"):
        return "killed"
    if kind in ("wound", "left", "hospital") or groups.get("carry") or groups.get("cond"):
        return "injured"
    hurt = (groups.get("hurt") or "").lower()
    if re.search(r"\b(?:bullet|gunfire)$", hurt):
        return "shot"  # "was hit by a stray bullet"
    if hurt == "grazed":
        return "injured"  # "was grazed": a wound, no more
    verb = hurt.split()[-1:]
    concept = vocab.predicate(verb[0]) if verb else None
    if concept is None:
        return None
    fatal = table_words(vocab, "fatal", "adverbs")
    return "killed" if (groups.get("adv") or "").lower() in fatal else concept


@lru_cache(maxsize=4)
def _family(vocab: Vocabulary) -> re.Pattern[str]:
    """ "his wife and their four children", "A Roy couple and their two young children": a
    person (or a couple) and a count of their relatives."""
    people = alternation(_people(vocab))
    return re.compile(
        rf"\b(?P<np>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+(?:{_MODIFIER}|[A-Z][\w'-]*\s+){{0,2}}?"
        rf"(?P<who>{people})\s+and\s+(?:their|his|her)\s+(?P<n>\w+)\s+"
        r"(?:[a-z-]+\s+){0,2}?(?:children|kids|sons|daughters|grandchildren|siblings|brothers|"
        r"sisters|relatives|parents|girls|boys))\b"
    )


def _families(text: str, out: list[Figure], vocab: Vocabulary) -> list[Figure]:
    """The count of relatives with the person before it: "killing his wife and their four
    children" is five killed, "a couple and their two children were found dead" four (the
    concept is the one the count of relatives was read with)."""
    if " and " not in text:
        return out
    for m in _family(vocab).finditer(text):
        start, end = m.span("np")
        inner = [f for f in out if m.start("n") <= f.span[0] and f.span[1] <= m.end("n")]
        if len(inner) != 1 or inner[0].concept not in _FINER.keys() | {"killed"}:
            continue
        count = inner[0]
        more = 2.0 if m.group("who").lower() == "couple" else 1.0
        whole = count_in_words(
            text, (start, end), count.value + more, count.concept, "people", count.role
        )
        out = [f for f in out if not (f.span[0] < end and start < f.span[1])] + [whole]
    return sorted(out, key=lambda f: f.span)


def _how_many(np: str, groups: dict[str, str | None], subject: str) -> tuple[float, str]:
    """How many people a reading's noun phrase names, and who: two joined by "and" ("her
    brother and 4-year-old daughter"), "both men", "the couple", "the victims, ages 22 and
    25," (one a listed age)."""
    ages = re.findall(r"\b\d{1,3}\b", np) if re.search(r",\s+age", np) else []
    if len(ages) > 1:
        return float(len(ages)), "people"
    if _both(np):
        return 2.0, "people"
    parts = re.split(r"\s+(?:and|&)\s+", np) if groups.get("more") or groups.get("more2") else [np]
    # "the couple were found dead", "a couple and their baby": a couple is two
    many = sum(2.0 if p.split()[-1].lower() == "couple" else 1.0 for p in parts)
    return many, "people" if len(parts) > 1 else subject


def _both(np: str) -> bool:
    """ "both men", "both of them": two people (never "both him and his son", told by
    its second person)."""
    return re.match(r"both\s+(?!him\b|her\b)", np, re.IGNORECASE) is not None and not re.search(
        r"\sand\s", np
    )


@lru_cache(maxsize=4)
def _plural(vocab: Vocabulary) -> frozenset[str]:
    """Plural people words: "men", "victims", "brothers" (the singulars with an s)."""
    irregular = {"men", "women", "children", "people", "persons", "teens", "gunmen"}
    return frozenset({f"{w}s" for w in _people(vocab) if not w.endswith("s")} | irregular)


@lru_cache(maxsize=4)
def _people(vocab: Vocabulary) -> frozenset[str]:
    """The vocabulary's singular people and the more this module reads ("a bystander")."""
    return vocab.singular_people | frozenset(_words(vocab, "people"))


def _counts(vocab: Vocabulary) -> frozenset[str]:
    return table_words(vocab, "people_counts", "concepts")


def _attempted(text: str, fig: Figure, vocab: Vocabulary) -> bool:
    """A killing tried, not done: "trying to kill 2 officers", "3 men charged with
    attempted murder" (the vocabulary's [casualty_readings] attempts)."""
    attempts = _alternation(vocab, "attempts")
    before = text[max(0, fig.span[0] - 40) : fig.span[0]]
    if re.search(rf"\b(?:{attempts})\s+(?:to\s+)?(?:kill|murder)\s+$", before, re.I):
        return True
    after = text[fig.span[1] : fig.span[1] + 80]
    return (
        re.match(rf"[^.;:]*?\b(?:{attempts})\s+(?:murder|homicide|killing)", after, re.I)
        is not None
        and re.match(r"[^.;:]*?\b(?:killed|died|dead)\b", after, re.I) is None
    )


@lru_cache(maxsize=4)
def _care(vocab: Vocabulary) -> tuple[re.Pattern[str], ...]:
    carried = alternation(_words(vocab, "carried"))
    hospitals = alternation(_words(vocab, "hospitals"))
    conditions = alternation(_words(vocab, "conditions"))
    gap = (
        rf"(?:(?!(?:{_NUMBER_WORD}|and|or|but|died|dies|dead|killed|later|after|before|being|"
        r"while|when)\b)[a-z-]+\s+){0,2}?"
    )
    where = rf"to\s+(?:an?\s+|the\s+)?(?:[\w'\u2019.-]+\s+){{0,4}}?(?i:{hospitals})\b"
    return (
        # "three people were taken to the hospital", "1 rushed to hospital"
        re.compile(
            rf"\s+{gap}(?:(?:were|was|are|is|have\s+been|had\s+been)\s+)?"
            rf"(?:later\s+|also\s+|all\s+)?(?i:{carried})\s+(?:\w+\s+){{0,2}}?{where}"
        ),
        # "sending three people to the hospital" (the count after the verb)
        re.compile(rf"\s+{gap}{where}"),
        # "left one dead and two others in critical condition", "3 Dead, 1 Critical"
        re.compile(
            rf"\s+{gap}(?:(?:were|was|are|is|remain|remains|remained)\s+)?(?:listed\s+)?"
            rf"in\s+(?:{conditions})\s+condition\b"
            r"|\s+(?:(?i:others|more|people)\s+)?(?i:critical|critically\s+(?:hurt|injured|wounded))"
            r"(?=\s*(?:[,;:|)]|$|\s+(?i:in|at|on|after|as|following)\b))"
        ),
        # "2 others in hospital" (not "five died at the scene and one in hospital")
        re.compile(r"\s+(?i:others)\s+in\s+(?:the\s+)?(?i:hospital)\b"),
    )


def _in_care(text: str, fig: Figure, vocab: Vocabulary) -> bool:
    """A count of people taken to hospital or in a grave condition is a count of the hurt,
    whatever the clause before counted: "killed one and sent three to the hospital",
    "left one dead and two others in critical condition", "1 rushed to hospital"."""
    # Only a count read as dead (its concept carried from the death before) or as the
    # carrying verb itself ("1 rushed"): a count with no concept of its own is most often
    # a part ("Two are in critical condition, and one is in fair condition").
    carried = fig.concept is not None and fig.concept in _words(vocab, "carried")
    taken, sent, condition, in_hospital = _care(vocab)
    end = fig.span[1]
    others = fig.concept is None and re.match(r"\s+others\b", text[end:]) is not None
    if others and (condition.match(text, end) or in_hospital.match(text, end)):
        return True  # "Girl, man killed; 2 others in hospital"
    if fig.unit is not None or fig.value >= 1000 or not (fig.concept == "killed" or carried):
        return False
    m = taken.match(text, end) or condition.match(text, end)
    before = text[max(0, fig.span[0] - 12) : fig.span[0]]
    if m is None and re.search(r"\b(?:sending|sent|sends|send)\s+$", before, re.I):
        m = sent.match(text, end)
    # "... taken to a hospital, where he died": the outcome is the death
    return m is not None and not _later_death(text, m.end())


def _later_death(text: str, end: int, *, alone: bool = False) -> bool:
    """ "... was shot and later died", "... taken to a hospital, where he died Friday",
    "... taken to the hospital and pronounced dead"."""
    rest = text[end : end + 90]
    if alone and re.match(rf"[^.;]*?\b{_NUMBER_WORD}\b", rest, re.IGNORECASE):
        return False  # "... shot, and one of them later died": another count's death
    return (
        re.match(
            r"[^.;]{0,60}?\b(?:and|but|later|where\s+(?:he|she)|where\s+(?:he|she)\s+later)\s+"
            r"(?:was\s+)?(?:later\s+)?(?:died|succumbed|passed\s+away|(?:was\s+)?pronounced\s+dead)\b",
            rest,
        )
        is not None
    )


# A count of the accused before a killing's name: "Two men charged in death of teen", "3
# teens arrested in fatal stabbing".
_ACCUSED = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:(?:were|are|have\s+been|was|has\s+been)\s+)?"
    r"(?P<verb>charged|arrested|indicted|accused|sentenced|convicted|detained|jailed|booked|"
    r"held|questioned|sought)\b",
    re.IGNORECASE,
)
# The ages of the people counted, between the count and its verb: "Two teenagers, one 16
# and the other 17, were injured", "Three climbers, ages 19 to 24, were killed".
_AGES_ASIDE = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?[a-z-]+,\s+(?:one|both|ages?|aged|all)\b[^,;.]{0,40},\s+"
    r"(?:were|are|have\s+been|had\s+been)\s+(?:(?:all|also|critically|seriously|fatally)\s+)?"
    r"(?P<pred>[a-z]+)\b"
)
# A plural verb after the person: two people or a group ("Protesters were hurt").
_PLURAL_VERB = re.compile(r"(?:\s*,[^,;.]{1,60},)?\s+(?:later\s+)?(?:were|are|have\s+been)\b")
# "..., one man fatally,", "— one fatally —": the count closes a clause of its own.
_FATALLY = re.compile(
    r"\s+(?:(?P<noun>[a-z]+)\s+)?(?:fatally|mortally)\s*(?:[,;.)\u2014\u2013]|-\s|$)",
    re.IGNORECASE,  # headlines: "4 Shot, 1 Fatally"
)


# "shot himself by accident", "shot herself accidentally in the leg"
_BY_ACCIDENT = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,4}?\s+(?:by\s+accident|accidentally)\b", re.IGNORECASE
)


def _outcome(text: str, fig: Figure, vocab: Vocabulary) -> Figure:
    """A harm's outcome told after it in the clause: "were shot and killed" counts the dead,
    "was stabbed and wounded" the hurt."""
    if fig.role == "suspect" and re.fullmatch(r"shot\s+(?:him|her)self", fig.text, re.I):
        # "shot himself in the foot", "accidentally shot herself": hurt, and no attacker
        before = text[max(0, fig.span[0] - 14) : fig.span[0]].lower()
        part = re.match(r"\s+in\s+the\s+(\w+)", text[fig.span[1] :])
        if part and part.group(1).lower() in _words(vocab, "limbs"):
            return replace(fig, concept="injured", role=None, subject="person")
        after = text[fig.span[1] : fig.span[1] + 50]
        if "accidental" in before or _BY_ACCIDENT.match(after):
            # "who apparently shot himself by accident": a victim of his own gun, whose
            # death (if any) another reading tells
            return replace(fig, concept="shot", role=None, subject="person")
    if fig.concept in _counts(vocab):
        crimes = _alternation(vocab, "crimes")
        proceedings = _alternation(vocab, "proceedings")
        legal = re.match(
            rf"\s+(?:[a-z]+\s+)?(?:{crimes})\s+({proceedings})\b", text[fig.span[1] :], re.I
        )
        if legal is not None:
            return replace(fig, concept=legal.group(1).lower())  # "two murder suspects"
    if fig.concept == "killed" and _attempted(text, fig, vocab):
        return replace(fig, concept=None)  # "trying to kill 2 officers": nobody died
    accused = _ACCUSED.match(text, fig.span[1]) if fig.concept == "killed" else None
    if accused is not None:
        # "Two men charged in death of teen": the accused, not the dead
        return replace(fig, concept=accused.group("verb").lower())
    if _in_care(text, fig, vocab):
        return replace(fig, concept="injured")  # "sending three people to the hospital"
    fatally = _FATALLY.match(text, fig.span[1])
    if fatally is not None and fig.unit is None and fig.concept != "killed":
        # "Four people were shot, one man fatally": one of them died
        noun = fatally.group("noun")
        return replace(fig, concept="killed", subject=noun.lower() if noun else fig.subject)
    if fig.concept in _counts(vocab):
        after = text[fig.span[1] : fig.span[1] + 30]
        before = text[max(0, fig.span[0] - 12) : fig.span[0]]
        if re.match(r"\s+times\b", after):
            return replace(fig, concept="times")  # "was shot five times": how often
        if _WOUNDS.match(after):
            return replace(fig, concept="wounds")  # "suffered three gunshot wounds"
        if re.match(r"\s+(?:[a-z]+\s+)?shots\b", after) or (
            re.match(r"\s+shot\b", after)
            and (re.search(r"\bfir(?:e|es|ed|ing)\s+$", before) or _SHOT_NOUN.match(after))
        ):
            return replace(fig, concept="shots")  # "firing one shot": shots, not people
    counted = fig.concept is None or fig.concept not in _counts(vocab)
    aside = _AGES_ASIDE.match(text, fig.span[1]) if counted and not fig.unit else None
    if aside is not None and vocab.predicate(aside.group("pred")) in _counts(vocab):
        # "Two teenagers, one 16 and the other 17, were injured": the ages stepped over
        subject = fig.subject or fig.concept
        fig = replace(fig, concept=vocab.predicate(aside.group("pred")), subject=subject)
    if fig.unit is None and fig.concept is not None and fig.concept not in _counts(vocab):
        # "Two hikers were killed" counts hikers killed, not hikers.
        m = _PASSIVE.match(text, fig.span[1])
        concept = vocab.predicate(m.group("pred")) if m else None
        if m is None or concept not in _counts(vocab) or fig.concept.split()[-1] not in m.group():
            return fig
        fatal = "fatally" in m.group()
        fig = replace(fig, concept="killed" if fatal else concept, subject=fig.concept)
    if fig.concept not in _HARMS:
        return fig
    if fig.value == 1 and _later_death(text, fig.span[1], alone=True):
        return replace(fig, concept="killed")  # "was shot in the head, and later died"
    killed, hurt = _outcomes(vocab)
    rest = text[fig.span[1] :]
    rest = re.sub(r"^\s*(?:[a-z]+\s+){0,3}?(?=(?:were|was|have|has)\s)", " ", rest, count=1)
    if killed.match(rest):
        return replace(fig, concept="killed")
    if fig.concept != "injured" and hurt.match(rest):
        return replace(fig, concept="injured")
    return fig


@lru_cache(maxsize=4)
def _headline(vocab: Vocabulary) -> re.Pattern[str]:
    people = alternation(_headline_people(vocab))  # "Guard, robber wounded"
    killed = alternation([*_words(vocab, "killed_passive"), *_words(vocab, "died"), "dead", "dies"])
    hurt = alternation(_words(vocab, "injured_passive"))
    adverbs = alternation(_words(vocab, "adverbs"))
    item = rf"(?:[\w'\u2019-]+\s+){{0,3}}?(?:{people}|{_AGE})(?:,\s+\d{{1,3}}(?=,))?"
    return re.compile(
        # "Teen killed in crash", "10-Year-Old Girl Dies After Fire", "Police: Driver, 60,
        # hurt": a headline drops its articles and may capitalise every word.
        # "11-Year-Old Grazed By Bullet", "Woman recovering after shooting"
        # "Man, woman killed in crash", "Boy, 2, and man killed": people listed
        rf"(?:^|(?<=[:|,;\u2013\u2014-]\s))"
        rf"(?P<np>{item}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){item})*|another)"
        rf"(?:,\s+\d{{1,3}},)?\s+(?:(?:is|was|found)\s+)?(?:(?P<adv>{adverbs})\s+)?"
        rf"(?:(?P<killed>{killed})|(?P<hurt>{hurt})(?!\s+(?:his|her|their|an?|the)\s)"
        rf"|(?P<recovering>recovering|recovers)"
        rf"(?=\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:after|from)\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
        rf"(?:{alternation(_words(vocab, 'recovering_from'))})))\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _headline_active(vocab: Vocabulary) -> re.Pattern[str]:
    """ "Man kills woman, her son", "Shooting hospitalizes juvenile", "Boy shoots sister":
    a headline's harm done to people it names without an article."""
    people = alternation(_people(vocab))
    word = (
        r"(?!(?:and|or|but|his|her|their|its|with|of|who|that|to|in|at|on|by|after|before|"
        r"for|from|kills?|killed|injur\w*|wound\w*|shoots?|shot|stabs?|stabbed|hurts?|"
        r"hospitali\w*)\b)(?![\w'\u2019-]+ing\b)[\w'\u2019-]+\s+"
    )
    one = rf"(?:(?:an?|the|his|her|their|its)\s+)?(?:{word}){{0,2}}?(?:{people}|{_AGE})"
    # past forms only before a determiner or an age: "Teen killed in crash" is passive
    # ... or after "that": "shooting that killed teen"
    past = (
        r"(?:(?<=\bthat\skilled\s)|(?<=\bthat\sinjured\s)|(?<=\bthat\swounded\s)"
        r"|(?=(?:his|her|their|an?|the|\d{1,3}-(?:year|month|week)-old)\b))"
    )
    return re.compile(
        # "... charged in shooting death of best friend": a killing named by its victim
        rf"\b(?:(?P<killed>kills|killing|killed\s+{past}|"
        rf"(?:(?:shooting|stabbing)\s+)?(?:death|slaying|murder)\s+of\s+)|"
        rf"(?P<hurt>wounds|wounding|injures|injuring|hospitalizes|hospitalises|hospitalizing|"
        rf"(?:wounded|injured)\s+{past})|"
        rf"(?P<shot>shoots|shot\s+{past})|(?P<stabbed>stabs|stabbed\s+{past}))\s*"
        rf"(?P<np>{one}(?:\s*(?:,|\band\b|&)\s*(?:and\s+)?{one})*)\b(?!['\u2019])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _headline_people(vocab: Vocabulary) -> frozenset[str]:
    """People a headline names: the singular people and attackers ("robber", not "robbers")."""
    one = frozenset(w for w in vocab.suspects if not w.endswith(("s", "men")))
    return _people(vocab) | one


def _listed(np: str, vocab: Vocabulary) -> float:
    """How many people a headline lists: "daughter and brother" two, "woman, her son" two."""
    parts = [
        p.split()
        for p in re.split(r"\s*(?:,|&|\band\b)\s*", np.lower())
        if p.strip() and not p.strip().isdigit()  # "Boy, 2, and man": an age
    ]
    people = _headline_people(vocab)
    named = [p for p in parts if p[-1] in people or re.fullmatch(_AGE, p[-1])]
    return float(len(named)) if len(parts) > 1 and len(named) == len(parts) else 1.0


@lru_cache(maxsize=4)
def _headline_dies(vocab: Vocabulary) -> re.Pattern[str]:
    """ "Boy On Life Support After Being Shot In The Head Dies", "(UPDATE) Hiker in coma
    after fall dies": a headline's person, what befell them, then the death."""
    people = alternation(_headline_people(vocab))
    return re.compile(
        r"(?:^(?:\(\w{1,12}\)\s+)?|(?<=[:|;\u2013\u2014]\s))"
        rf"(?P<np>(?:[\w'\u2019-]+\s+){{0,2}}?(?:{people}|{_AGE}))\s+(?:on|in|after|from|at|with)\b"
        r"(?:(?!\b(?:who|that|whose)\b)[^;:|,]){0,80}?\s(?:dies|died|has\s+died)\b",
        re.IGNORECASE,
    )


# A headline's outcome after the harm: "Worker injured in plant blast dies".
_DIES_LATER = re.compile(r"[^;:|,\u2013\u2014]*?\b(?:dies|died|has\s+died)\b", re.IGNORECASE)


def headline_counts(title: str, found: Sequence[Figure]) -> tuple[Figure, ...]:
    """A headline's count of one ("Teen Killed In Crash"), beside the title's ``found``
    figures (offsets from the title's start).

    >>> [(f.text, f.concept) for f in headline_counts("10-Year-Old Girl Dies After Fire", ())]
    [('10-Year-Old Girl', 'killed')]
    """
    vocab = vocabulary()
    fatal = table_words(vocab, "fatal", "adverbs")
    read = list(found)
    for m in _headline(vocab).finditer(title):
        start, end = m.span("np")
        if any(s < end and start < e for s, e in (f.span for f in read)):
            continue
        verb = (m.group("hurt") or "").split()[-1:]
        concept = "killed" if m.group("killed") else (vocab.predicate(verb[0]) if verb else None)
        if m.group("recovering") or [v.lower() for v in verb] == ["grazed"]:
            concept = "injured"  # "Woman recovering after accidental shooting"
        if concept is None:
            continue
        if (m.group("adv") or "").lower() in fatal or (
            concept != "killed" and _DIES_LATER.match(title, m.end())
        ):
            concept = "killed"  # "Worker injured in plant blast dies"
        head = m.group("np").split()[-1].lower()
        role: Role | None = "suspect" if head in vocab.suspects else None
        subject = head if head in _people(vocab) else "person"
        many = _listed(m.group("np"), vocab)
        attackers = sum(w in vocab.suspects for w in re.findall(r"[\w-]+", m.group("np").lower()))
        if many > 1 and 0 < attackers < many:
            # "Officer, suspect wounded in shootout": the victims; the attacker is no victim
            many, role, subject = many - attackers, None, "person"
        fig = count_in_words(title, (start, end), many, concept, subject, role)
        read.append(_outcome(title, fig, vocab))
    for m in _headline_dies(vocab).finditer(title):
        start, end = m.span("np")
        if any(s < end and start < e for s, e in (f.span for f in read)):
            continue
        head = m.group("np").split()[-1].lower()
        subject = head if head in _people(vocab) else "person"
        read.append(count_in_words(title, (start, end), 1.0, "killed", subject, None))
    for m in _headline_active(vocab).finditer(title):
        start, end = m.span("np")
        if any(s < end and start < e for s, e in (f.span for f in read)):
            continue
        concept = next(k for k in ("killed", "shot", "stabbed") if m.group(k) or k == "stabbed")
        concept = "injured" if m.group("hurt") else concept
        head = m.group("np").split()[-1].lower()
        subject = head if head in _people(vocab) else "person"
        many = _listed(m.group("np"), vocab)
        read.append(count_in_words(title, (start, end), many, concept, subject, None))
    if len(read) == len(found):
        return tuple(found)
    out = sorted(read, key=lambda f: f.span)
    return tuple(replace(f, id=f":f{k + 1}") for k, f in enumerate(out))
