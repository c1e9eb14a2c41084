"""Revisions an article reports itself: one figure with its current and its previous value.

"Officials revised the toll down to 97 from 115", "the county's toll had risen to 54, up
from 42 a day earlier", "had earlier put the toll at 22": the article states one quantity
twice, as it is now and as it was.  The superseded value is no figure of its own (it must
not agree with the other article's copy of the old count, nor be updated by it); it becomes
the ``previous`` of the current figure, which comparison uses alone.

Run once per article at the end of reading its figures (``figures.article_figures``).
Read in each sentence, between two of its figures:

- "to N from M" after a verb of change ("rose to 34 from 16", "revised down to 504,000
  from the 517,000 first reported");
- "from M to N" after a verb of change ("rose from 16 to 34");
- neither when M is dated to another period ("rose to 300 from 250 a year earlier"
  compares two periods; it revises nothing);
- "N ..., up from M" / "down from M" (N the nearest earlier figure of the sentence in the
  same unit), unless M is dated to another period ("up from 3.5% a year earlier" compares
  two periods; it revises nothing);
- "revising down its flash estimate of M" (N another figure of the sentence);
- none of these when the change is intended, not reported ("plan to raise the retirement
  age to 64 from 62": the current age stands).

And across sentences, a value marked as superseded ("had earlier put the toll at M", "an
initial count of M", "narrowed the lead from M") becomes the previous value of the nearest
figure of the same concept and unit the article states before it.

The word lists are English news wording and are hand-written (no library reads revisions);
they name no event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from compare.types import Figure, Previous, Sentence

LOOK_BACK = 80  # characters before "to N" in which a verb of change must stand
HEAD_CHARS = 120  # characters either side of a figure that the patterns read
CROSS_SENTENCES = 6  # how many sentences back a superseded value looks for its current figure

_CHANGE = (
    r"(?:rose|rise[sn]?|rising|raised?|raising|revis\w*|increas\w*|lower\w*|cut|cuts|cutting|"
    r"fell|fall(?:en|s|ing)?|dropp\w*|drops?|climb\w*|jump\w*|gr[eo]w\w*|narrow\w*|widen\w*|"
    r"reduc\w*|correct\w*|updat\w*|lift\w*|slash\w*|trimm?\w*|declin\w*|decreas\w*|went|"
    r"soar\w*|surg\w*|edg\w*|slipp?\w*|brought|put|mov\w*|chang\w*|adjust\w*|up|down)"
)
_CHANGE_BEFORE = re.compile(rf"\b{_CHANGE}\b[^.;:!?]*$", re.IGNORECASE)
_EARLIER_ADJ = r"(?:earlier|initial|previous|preliminary|original|first|provisional|flash)"
_ARTICLE = r"(?:the|an?|its|their|his|her)"
# Text between the two numbers of "to N from M" and "from M to N".
_TO_FROM_GAP = re.compile(
    rf"^\s*(?:[^\W\d_]+\s+){{0,2}}from\s+(?:{_ARTICLE}\s+)?(?:{_EARLIER_ADJ}\s+)?$", re.IGNORECASE
)
_FROM_TO_GAP = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}to\s+$", re.IGNORECASE)
_ENDS_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_UP_TO = re.compile(r"up\s+to\s", re.IGNORECASE)  # "revised ... up to 260,000 from 223,000"
_ENDS_FROM = re.compile(rf"\bfrom\s+(?:{_ARTICLE}\s+)?$", re.IGNORECASE)
# "..., up from the 26 treated", "down from an initial 174"
_UP_FROM = re.compile(
    rf"\b(?:up|down|higher|lower|rising|falling|increas\w*|decreas\w*|revised\s+\w+)\s+from\s+"
    rf"(?:{_ARTICLE}\s+)?(?:{_EARLIER_ADJ}\s+)?$",
    re.IGNORECASE,
)
# "revising down its flash estimate of 10.7%", "corrected an earlier figure of 22"
_REVISING_OF = re.compile(
    rf"\b(?:revis|correct|lower|rais|cut|updat|replac|adjust)\w*\s+(?:(?:up|down)(?:wards?)?\s+)?"
    rf"{_ARTICLE}\s+(?:[^\W\d_]+\s+){{0,3}}(?:of|at)\s+$",
    re.IGNORECASE,
)
# Superseded wherever its current value stands: "had earlier put the toll at 22", "an
# initial count of 64", "the 115 first reported", "narrowed Biden's lead from about 14,000".
_SUPERSEDED_BEFORE = re.compile(
    rf"(?:\b(?:earlier|initially|previously|originally|first)\s+(?:put|reported|gave|given|"
    rf"estimated|said|counted|announced|set|placed|stated|put)\b(?:\s+[^\W\d_]+){{0,4}}"
    rf"\s+(?:at|as|of)?\s*"
    rf"|\b{_ARTICLE}\s+{_EARLIER_ADJ}\s+(?:[^\W\d_]+\s+){{0,2}}(?:of|at)\s+"
    rf"|\b(?:narrow|widen|revis|lower|rais|cut|reduc|correct)\w*\s+(?:[^\W\d_'\u2019]+"
    rf"(?:['\u2019]s)?\s+){{0,4}}from\s+)$",
    re.IGNORECASE,
)
# After "up from M": a period makes it a comparison of two periods, not a revision.
_OTHER_PERIOD = re.compile(
    r"^[^,;.]{0,30}?\b(?:(?:a|an|one|the|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|\d{1,2})\s+(?:years?|quarters?|months?|decades?)\s+(?:earlier|ago|before)|"
    r"last\s+(?:year|quarter|month)|(?:the\s+)?(?:same|previous|prior|preceding)\s+"
    r"(?:period|quarter|year|month)|in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|(?:19|20)\d\d)|year[- ]on[- ]year)\b",
    re.IGNORECASE,
)


def revised(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """The article's figures with each reported revision read as one figure: the current
    value with its ``previous``, the superseded value gone; ids renumbered f1, f2, ...

    >>> from compare.extract.figures import article_figures
    >>> s = Sentence("b", 0, "Officials revised the toll down to 97 from 115 on Friday.", 0, 58)
    >>> f, = article_figures([s])
    >>> (f.text, f.previous.text if f.previous else None)
    ('97', '115')
    """
    if len(figures) < 2:
        return tuple(figures)
    by_index = {s.index: s for s in sentences}
    order = sorted(range(len(figures)), key=lambda i: (figures[i].sentence, figures[i].span[0]))
    previous_of: dict[int, int] = {}  # current figure -> its previous value's figure
    gone: set[int] = set()

    def link(current: int, old: int) -> None:
        if old in gone or current in gone or current == old:
            return
        gone.add(old)
        previous_of.setdefault(current, old)

    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(figures[i].sentence, []).append(i)
    for index, members in groups.items():
        sentence = by_index.get(index)
        if sentence is None:
            continue
        _in_sentence(figures, members, sentence, link, gone)
    for index, members in groups.items():
        sentence = by_index.get(index)
        if sentence is None:
            continue
        for i in members:
            if i in gone or i in previous_of:
                continue
            head = _before(figures[i], sentence)
            if not _mentions(head, _SUPERSEDED_WORDS) or not _SUPERSEDED_BEFORE.search(head):
                continue
            current = _current_elsewhere(figures, order, i, gone)
            if current is not None:
                link(current, i)
    if not gone:
        return tuple(figures)
    out: list[Figure] = []
    for i in order:
        if i in gone:
            continue
        f = figures[i]
        if i in previous_of:
            old = figures[previous_of[i]]
            f = _direction_not_bound(f)
            # One quantity told twice: what either telling says it counts is said of both
            # ("revised the toll to 275 from 288 deaths").
            f = replace(
                f,
                concept=f.concept or old.concept,
                subject=f.subject or old.subject,
                attribution=f.attribution or old.attribution,
                previous=Previous(old.text, old.span, old.value, old.low, old.high, old.qualifier),
            )
        out.append(f)
    return tuple(
        f if f.id == f"{f.article}:f{k + 1}" else replace(f, id=f"{f.article}:f{k + 1}")
        for k, f in enumerate(out)
    )


def _in_sentence(
    figures: Sequence[Figure],
    members: list[int],
    sentence: Sentence,
    link: Callable[[int, int], None],
    gone: set[int],
) -> None:
    text = sentence.text
    for k, i in enumerate(members):
        f = figures[i]
        head = _before(f, sentence)
        if k + 1 < len(members) and _same_unit(f, figures[members[k + 1]]):
            g = figures[members[k + 1]]
            gap = text[f.span[1] - sentence.start : g.span[0] - sentence.start]
            near_head = head[-LOOK_BACK:]
            ends_to = _ENDS_TO.search(head) if _mentions(head, ("to",)) else None
            # "rose to 34 from 16"; "revised December's gain up to 260,000 from 223,000"
            to_from = (ends_to or _UP_TO.match(f.text)) and _TO_FROM_GAP.match(gap)
            if (
                to_from
                and not _OTHER_PERIOD.match(_after(g, sentence))  # "... from 250 a year earlier"
                and _CHANGE_BEFORE.search(_ENDS_TO.sub("", near_head))
                and not _planned(_ENDS_TO.sub("", near_head))
            ):
                link(i, members[k + 1])
                continue
            from_to = (
                _mentions(head, ("from",))
                and _ENDS_FROM.search(head)
                and _FROM_TO_GAP.match(gap)
                and not _OTHER_PERIOD.match(gap)
            )
            if (
                from_to
                and _CHANGE_BEFORE.search(_ENDS_FROM.sub("", near_head))
                and not _planned(_ENDS_FROM.sub("", near_head))
            ):
                link(members[k + 1], i)  # "rose from 16 to 34"
                continue
        if i in gone:
            continue
        if not _mentions(head, ("from", " of", " at")):
            continue  # every pattern below ends in one of these words
        if _UP_FROM.search(head) and not _OTHER_PERIOD.match(_after(f, sentence)):
            earlier = [j for j in members[:k] if j not in gone and _same_unit(figures[j], f)]
            if earlier:
                link(earlier[-1], i)  # "rose to 54, up from 42 a day earlier"
            continue
        if _REVISING_OF.search(head):
            others = [j for j in members if j != i and j not in gone and _same_unit(figures[j], f)]
            before = [j for j in others if figures[j].span[0] < f.span[0]]
            pick = before[-1] if before else (others[0] if others else None)
            if pick is not None:
                link(pick, i)  # "was 10.6%, ... revising down its flash estimate of 10.7%"


def _direction_not_bound(f: Figure) -> Figure:
    """In "revised up to 260,000 from 223,000", "up" says which way, not "at most"."""
    m = _UP_TO.match(f.text)
    if m is None or f.qualifier != "at_most":
        return f
    return replace(
        f,
        text=f.text[m.end() :],
        span=(f.span[0] + m.end(), f.span[1]),
        qualifier="exact",
        low=f.value,
        high=f.value,
    )


def _current_elsewhere(
    figures: Sequence[Figure], order: list[int], old: int, gone: set[int]
) -> int | None:
    """The figure a superseded value stated apart was replaced by: the same concept (known)
    and unit, in its sentence or in the CROSS_SENTENCES before it, the nearest first."""
    f = figures[old]
    if f.concept is None:
        return None
    candidates = [
        j
        for j in order
        if j != old
        and j not in gone
        and figures[j].concept == f.concept
        and figures[j].unit == f.unit
        and 0 <= f.sentence - figures[j].sentence <= CROSS_SENTENCES
        and figures[j].previous is None
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda j: (f.sentence - figures[j].sentence, abs(f.span[0] - figures[j].span[0])),
    )


# Words of a change intended, proposed or opposed, not reported: "plan to raise the age to
# 64 from 62", "would lift it from 62 to 64", "oppose raising it": both values stand.
_INTENT = frozenset(
    """plan plans planned planning proposal proposals propose proposes proposed would will
    could want wants wanted aim aims aimed seek seeks seeking intend intends intended oppose
    opposes opposed opposing against vow vows vowed pledge pledges pledged promise promises
    promised""".split()
)


def _planned(head: str) -> bool:
    """Whether the verb of change before a figure is intended, not reported: one of
    ``_INTENT`` stands among the three words before it.

    >>> _planned("the government's plan to raise the retirement age")
    True
    >>> _planned("The reform would lift the minimum pension age"), _planned("rose")
    (True, False)
    >>> _planned("Officials revised the toll")
    False
    """
    found = list(re.finditer(rf"\b{_CHANGE}\b", head, re.IGNORECASE))
    if not found:
        return False
    before = head[: found[-1].start()].split()[-3:]
    return any(w.lower().strip(",'\u2019s") in _INTENT or w.lower() in _INTENT for w in before)


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and (a.concept is None or b.concept is None or a.concept == b.concept)


_SUPERSEDED_WORDS = (
    "earlier", "initial", "previous", "original", "first", "provisional", "flash", "from",
)  # fmt: skip


def _mentions(head: str, words: Sequence[str]) -> bool:
    """A cheap test before a pattern that ends at the figure: one of its words is near."""
    tail = head[-40:].lower()
    return any(w in tail for w in words)


def _before(f: Figure, sentence: Sentence) -> str:
    """The words just before a figure: every pattern reads only its last HEAD_CHARS, which
    keeps a sentence of thousands of figures linear."""
    at = f.span[0] - sentence.start
    return sentence.text[max(0, at - HEAD_CHARS) : at]


def _after(f: Figure, sentence: Sentence) -> str:
    at = f.span[1] - sentence.start
    return sentence.text[at : at + HEAD_CHARS]
