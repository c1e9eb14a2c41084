"""Counts news writes without digits: "a man was shot and killed", "killing him",
"the gunman killed himself".

Most small shootings and accidents never state their toll as a number: in real US
shooting reports, only about a third of the incidents with deaths do.  A singular
person named right before a casualty predicate is a count of one; a pronoun right
after a casualty verb ("killing him") too; a killing of oneself counts one suspect.
The person words, predicates and self-killing phrases are the vocabulary's
(``[people]``, ``[predicates]``, ``[roles]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from compare.extract.concepts import fatal
from compare.extract.resources import alternation, substrings
from compare.extract.vocab import Vocabulary, table_words, vocabulary
from compare.types import Figure, Role

# Words allowed between the article and the person: "a 45-year-old man", "an unarmed black
# teenager".  Ages inside are part of the person, not figures.
_MODIFIERS = (
    r"(?:(?:\d{1,3}-(?:year|month|week)-old|"
    r"(?!(?:and|or|his|her|their|its|with|of|who|that|ago)\b)[a-z]+(?:-[a-z]+)?)\s+){0,3}"
)
_AUX = (
    r"(?P<aux>(?:was|is|has\s+been|had\s+been|were|got|have\s+been|being)\s+)?(?:later\s+)?"
    r"(?:(?P<adv>fatally|critically|seriously|gravely|mortally|also|reportedly|allegedly)\s+)?"
)
# A death told after the harm in the same clause: "... shot Sunday died Friday", "a man
# wounded in a shooting earlier this month has died"; not another clause's ("a man was
# shot and a woman died").
_LATER_DEATH = re.compile(
    r"(?:\s+(?!(?:and|but|or|while|whose|said|says|told|as|when)\b)[\w'\u2019.-]+){0,10}?"
    r"\s+(?:(?:has|had|have)\s+)?(?:later\s+|since\s+|now\s+)?(?:died|dies|succumbed)\b"
)
# A death inside the person's own relative clause: "a woman who succumbed to her injuries".
_DIED_IN_GAP = re.compile(r"\bwho\s+(?:later\s+|since\s+|then\s+)?(?:died|succumbed)\b")
_MAX_GAP = 40  # characters between the person and the predicate ("who was found inside")
# A sentence with a count of one told in words holds one of these (or "own life").
_CUES = substrings(
    (
        "kill",
        "dead",
        "die",
        "shot",
        "wound",
        "injur",
        "hurt",
        "stab",
        "suicide",
        "murder",
        "bullet",
        "gunfire",
    )
)


@lru_cache(maxsize=1)
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # the people casualties.py reads too ("a miner", "a bystander"): [casualty_readings]
    people = alternation(vocab.singular_people | table_words(vocab, "casualty_readings", "people"))
    verbs = alternation(w for w in vocab.predicates if " " not in w)
    # and the phrases of a harm or its care: "a girl was hit by a stray bullet", "a man was
    # taken to a hospital" (not "lose their lives": no person is its subject)
    phrases = alternation(
        w for w, c in vocab.predicates.items() if " " in w and c in ("shot", "injured")
    )
    person = re.compile(
        # "a 19-year-old was shot": the age names the person.
        rf"\b(?P<np>(?:[Aa]n?|[Oo]ne)\s+{_MODIFIERS}(?P<who>{people}|\d{{1,3}}-year-old))\b"
        r"(?!(?<=couple)\s+of\b)"  # "a couple of people": a few
        rf"(?P<gap>[^.;:]{{0,{_MAX_GAP}}}?)\s*{_AUX}"
        rf"(?P<pred>found\s+dead|pronounced\s+dead|(?:{phrases}|{verbs})(?:\s+and\s+(?:{verbs}))?)\b",
    )
    pronoun = re.compile(rf"\b(?P<pred>{verbs})\s+(?P<np>him|her)\b")
    self_killing = re.compile(rf"\b(?P<np>{alternation(vocab.self_killing)})\b", re.IGNORECASE)
    return person, pronoun, self_killing


@lru_cache(maxsize=1)
def _ordinal_death(vocab: Vocabulary) -> re.Pattern[str]:
    """One more dead told by its ordinal, its verb after what it was a victim of: "A fourth
    victim of the bus crash, which killed three others, has died", "Second worker hurt in
    mine blast dies" (the toll has reached the ordinal)."""
    people = alternation(vocab.singular_people | table_words(vocab, "casualty_readings", "people"))
    ordinals = "|".join(_ORDINALS)
    return re.compile(
        rf"(?:^|(?<=[\s\"\u201c]))(?P<np>(?:(?:an?|the)\s+)?(?:{ordinals})\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{people}))\b"
        r"(?P<gap>\s+(?:of|in|from|injured|wounded|hurt|shot|stabbed)\b[^.;:]{0,100}?)"
        r"\s+(?:(?:has|had|have)\s+)?(?:(?:also|since|now|later)\s+)?(?:died|dies|succumbed)\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _and_count(vocab: Vocabulary) -> re.Pattern[str]:
    """A count of people after one person and "and", all the gap holds before the verb: "A
    hiker and two climbers were hurt" (the hiker is one more, the tally adds the list)."""
    people = alternation(vocab.singular_people | table_words(vocab, "casualty_readings", "people"))
    return re.compile(
        r"\s+and\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
        rf"(?:[a-z]+(?:-[a-z]+)?\s+)?(?:(?:{people})s|men|women|children|people)\s*",
        re.IGNORECASE,
    )


def implicit(text: str, taken: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
    """Counts of one written as words, with offsets from the sentence's start (``taken`` are
    the spans of figures already read, never read twice).

    >>> [(f.text, f.value, f.concept, f.role) for f in implicit("A man was shot and killed.")]
    [('A man', 1.0, 'killed', None)]
    >>> [(f.text, f.concept) for f in implicit("It fired into his chest, killing him.")]
    [('killing him', 'killed')]
    >>> [(f.text, f.concept, f.role) for f in implicit("The gunman then killed himself.")]
    [('killed himself', 'killed', 'suspect')]
    >>> implicit("A man said the fire was dead.")
    ()
    >>> implicit("An 18-year-old gunman killed 14 students.")
    ()
    >>> [(f.text, f.value) for f in implicit("A third woman died on Sunday.")]
    [('A third woman', 3.0)]
    """
    return _implicit(text, tuple(taken))


@lru_cache(maxsize=8192)
def _implicit(text: str, taken: tuple[tuple[int, int], ...]) -> tuple[Figure, ...]:
    vocab = vocabulary()
    low = text.lower()  # once, not once per cue
    if not (_CUES.search(low) or "own life" in low):  # one search for the single words
        return ()
    person, pronoun, self_killing = _patterns(vocab)
    spans = list(taken)
    out: list[Figure] = []

    def add(start: int, end: int, concept: str, role: Role | None, subject: str | None) -> None:
        if any(s < end and start < e for s, e in spans):
            return
        spans.append((start, end))
        out.append(
            count_in_words(text, (start, end), 1.0, concept, subject, role, id=f":f{len(out) + 1}")
        )

    for m in self_killing.finditer(text):
        add(m.start("np"), m.end("np"), "killed", "suspect", None)
    if any(w in low for w in _ORDINALS) and re.search(r"\b(?:died|dies|succumbed)\b", low):
        for m in _ordinal_death(vocab).finditer(text):
            # not another's death: "a second victim was hurt and a man died" ("and" outside
            # an aside in commas)
            gap = re.sub(r",[^,]*,", ",", m.group("gap"))
            if re.search(r"\b(?:and|but|while|said|says)\b", gap):
                continue
            who = m.group("np").split()[-1].lower()
            add(m.start("np"), m.end("np"), "killed", None, who)
    for m in person.finditer(text):
        gap = m.group("gap")
        if re.search(r"\b(?:said|says|told|and|or|with)\b|,", gap) and not (
            m.group("aux") and _and_count(vocab).fullmatch(gap)
        ):
            # "a man said the victim was killed": a speaker; "a journalist and his son
            # died": more than one.
            continue
        concept = _concept(m.group("pred"), vocab)
        if concept is None:
            continue
        concept = fatal(concept, (m.group("adv") or "").lower())  # "was fatally stabbed"
        if concept != "killed" and (
            _LATER_DEATH.match(text, m.end()) or _DIED_IN_GAP.search(m.group("gap"))
        ):
            concept = "killed"  # "a man who was shot Sunday died Friday": the outcome
        first = m.group("pred").lower().split()[0]
        passive = m.group("aux") or first in _INTRANSITIVE or first in ("found", "pronounced")
        if not passive and _OBJECT.match(text, m.end()):
            continue  # "a gunman killed nine people": the gunman is who killed, not who died
        who = m.group("who").lower()
        who = "person" if who.endswith("-year-old") else who
        role: Role | None = "suspect" if who in vocab.suspects else None
        add(m.start("np"), m.end("np"), concept, role, who)
    for m in pronoun.finditer(text):
        concept = _concept(m.group("pred"), vocab)
        if concept is not None and m.group("pred").lower().endswith("ing"):
            add(m.start(), m.end(), concept, None, None)
    out.sort(key=lambda f: f.span)
    return tuple(out)


def _concept(predicate: str, vocab: Vocabulary) -> str | None:
    """The concept of "shot and killed" (the last verb says the outcome), "found dead"."""
    words = predicate.lower().split()
    if words[-1] == "dead":
        return "killed"
    concept = vocab.predicate(" ".join(words)) or vocab.predicate(words[-1])
    return concept if concept in _COUNTS_OF_PEOPLE else None


# Ordinals before a person: "a seventh person died" tells a count of seven.
_ORDINALS = {
    w: n
    for n, w in enumerate(
        """second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split(),
        2,
    )
}
# What starts an object after a verb: "killed nine people", "shot his wife".  Without one,
# "A man shot and killed Sunday" is the headline's passive, its "was" dropped.
_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|my|our|your|him|them|himself|herself|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|dozens|\d[\d,.]*)\b",
    re.IGNORECASE,
)
# Predicates a person undergoes without "was": "a woman died", "a boy drowned".
_INTRANSITIVE = frozenset("died dies drowned drowns perished perishes".split())
# What a count of one person may be: the casualty predicates, not "affected" or "rescued".
_COUNTS_OF_PEOPLE = frozenset(
    {"killed", "injured", "shot", "stabbed", "missing", "hostages", "arrested", "evacuated"}
)


def count_in_words(
    text: str,
    span: tuple[int, int],
    value: float,
    concept: str | None,
    subject: str | None,
    role: Role | None,
    *,
    id: str = ":f0",
) -> Figure:
    """An exact count of people that the words tell without a number ("a man was shot",
    "a miner and his son"): a Figure of the sentence, renumbered by its caller.  One
    death told with an ordinal ("a seventh person died", "Seventh victim dies") tells that
    the toll has reached it; a harm may differ from the others' ("one worker died; a second
    worker is being treated" is one injured)."""
    words = text[span[0] : span[1]].lower().split()
    if value == 1.0 and words[-1:] == ["couple"]:
        value = 2.0  # "a couple was killed": two people
    if value == 1.0 and concept == "killed":
        value = float(next((_ORDINALS[w] for w in words if w in _ORDINALS), 1))
    return Figure(
        id=id,
        article="",
        sentence=0,
        text=text[span[0] : span[1]],
        span=span,
        value=value,
        low=value,
        high=value,
        qualifier="exact",
        concept=concept,
        subject=subject,
        role=role,
    )
