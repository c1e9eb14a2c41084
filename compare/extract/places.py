"""Where a figure happened: a small gazetteer of the places our news is about.

Two same-day tolls of "Palestinians killed" are different facts when one is
for Gaza and the other for the West Bank.  The aligner asks :func:`claim_places`
for the regions each sentence speaks of (or, when it names none, the previous
sentence's) and keeps figures from disjoint regions apart.  Unknown (an empty
set) is compatible with everything, so a missing place never blocks a pair.

Only places used as places count: "Israel says ...", "Tel Aviv estimates ...",
"Israel's army" name an actor, not where something happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from compare.types import Claim

# region -> names (and towns) that place a sentence in it.  Plain "Jerusalem" is
# left out on purpose: East Jerusalem is counted with the West Bank by OCHA.
GAZETTEER: dict[str, tuple[str, ...]] = {
    "Gaza": (
        "Gaza",
        "Gaza Strip",
        "Gaza City",
        "Rafah",
        "Khan Younis",
        "Khan Yunis",
        "Jabalia",
        "Deir al-Balah",
        "Nuseirat",
        "Beit Lahia",
        "Beit Hanoun",
        "Maghazi",
    ),
    "West Bank": (
        "West Bank",
        "East Jerusalem",
        "Jenin",
        "Tulkarm",
        "Nablus",
        "Ramallah",
        "Hebron",
        "Bethlehem",
        "Jericho",
        "Qalqilya",
        "Tubas",
        "Nur Shams",
    ),
    "Israel": (
        "Israel",
        "Tel Aviv",
        "southern Israel",
        "northern Israel",
        "Sderot",
        "Ashkelon",
        "Haifa",
        "Kfar Aza",
        "Be'eri",
        "Nir Oz",
    ),
    "Lebanon": ("Lebanon", "Beirut", "Tyre", "Sidon", "Nabatieh", "Baalbek", "Dahiyeh"),
    "Syria": ("Syria", "Damascus", "Aleppo", "Idlib"),
    "Yemen": ("Yemen", "Sanaa", "Hodeidah"),
    "Egypt": ("Egypt", "Cairo", "Sinai"),
    "Ukraine": (
        "Ukraine",
        "Kyiv",
        "Kharkiv",
        "Avdiivka",
        "Bakhmut",
        "Odesa",
        "Zaporizhzhia",
        "Kherson",
        "Donetsk",
        "Luhansk",
        "Crimea",
        "Mariupol",
        "Dnipro",
        "Lviv",
    ),
    "Russia": ("Russia", "Moscow", "Belgorod", "Kursk"),
    "Sudan": ("Sudan", "Khartoum", "Darfur", "El Fasher"),
}
# How many sentences back a sentence without places may borrow them from.
INHERIT_SENTENCES = 1

_NAMES = sorted(((n, r) for r, names in GAZETTEER.items() for n in names), key=lambda t: -len(t[0]))
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(n) for n, _ in _NAMES) + r")\b")
_REGION = {n: r for n, r in _NAMES}
# A place name followed by these is an actor speaking or acting, not a location.
_ACTOR_AFTER = re.compile(
    r"^(?:['\u2019]s?\b|\s+(?:has\s+|had\s+|have\s+)?(?:says?|said|estimates?|estimated|claims?|"
    r"claimed|accuses?|accused|reports?|reported|revised|insists?|insisted|denies|denied|"
    r"rejected|rejects|agreed|warned|announced)\b)"
)


@lru_cache(maxsize=4096)  # all-pairs runs ask again for every article pair
def places(text: str) -> tuple[frozenset[str], bool]:
    """Regions a sentence places things in, and whether it names any place at all.

    >>> sorted(places("383 were killed in the West Bank, including East Jerusalem")[0])
    ['West Bank']
    >>> places("Israel says 134 hostages are still held")
    (frozenset(), True)
    """
    found: set[str] = set()
    named = False
    for m in _PATTERN.finditer(text):
        named = True
        if _ACTOR_AFTER.match(text[m.end() :]):
            continue
        found.add(_REGION[m.group(1)])
    return frozenset(found), named


def claim_places(claims: Sequence[Claim]) -> list[frozenset[str]]:
    """The regions of each claim of one article, in order; borrowed from the sentence before
    when a sentence names no place at all ("A further 67,317 were wounded, the ministry said")."""
    return list(_article_places(tuple(c.sentence.text for c in claims)))


@lru_cache(maxsize=1024)  # once per article, however many pairs it is in
def _article_places(texts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    direct = [places(text) for text in texts]
    out: list[frozenset[str]] = []
    for i, (regions, named) in enumerate(direct):
        if not named:
            # Borrowed only from what an earlier sentence names itself, never passed on.
            earlier = [direct[k][0] for k in range(max(0, i - INHERIT_SENTENCES), i)]
            regions = next((r for r in reversed(earlier) if r), regions)
        out.append(regions)
    return tuple(out)


def places_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown on either side, or some region in common."""
    return not a or not b or bool(a & b)
