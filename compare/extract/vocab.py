"""The vocabulary: every word table extraction reads, in one data home a user can extend.

The tables live in ``compare/extract/vocab/<language>.toml`` (English today; another
language is another file, not new code).  A user's own TOML file of the same shape is
merged in: lists grow, mappings are updated key by key.  Name it in the
``FACTCOMPARE_VOCABULARY`` environment variable (several paths joined by the OS path
separator) or pass it to :func:`configure`.

>>> v = vocabulary()
>>> v.predicate("injuring"), v.predicate("evacuated"), v.predicate("shot")
('injured', 'evacuated', 'shot')
>>> v.label("DEATHS"), v.label("Dead")
('killed', 'killed')
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from compare.errors import OptionError

HOME = Path(__file__).with_name("vocab")
ENV = "FACTCOMPARE_VOCABULARY"
_extra: tuple[str, ...] = ()


class VocabularyError(OptionError):
    """A user vocabulary file that cannot be read or has the wrong shape."""


def configure(paths: Iterable[str]) -> None:
    """Use these user vocabulary files (besides any named in the environment) from now on."""
    global _extra
    _extra = tuple(paths)
    vocabulary.cache_clear()


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process
class Vocabulary:
    """The merged tables, with the lookups extraction needs."""

    tables: Mapping[str, Any]
    predicates: Mapping[str, str] = field(default_factory=dict)  # any inflection -> concept
    labels: Mapping[str, str] = field(default_factory=dict)
    not_predicates: frozenset[str] = frozenset()
    contrasts: tuple[tuple[str, str], ...] = ()
    singular_people: frozenset[str] = frozenset()
    suspects: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    self_killing: tuple[str, ...] = ()
    places: Mapping[str, str] = field(default_factory=dict)
    place_names: Mapping[str, str] = field(default_factory=dict)
    country_aliases: Mapping[str, str] = field(default_factory=dict)
    # Counted nouns and counted groups that name the same thing, each mapped to one name.
    counted_synonyms: Mapping[str, str] = field(default_factory=dict)
    subject_synonyms: Mapping[str, str] = field(default_factory=dict)
    us_states: Mapping[str, str] = field(default_factory=dict)
    actor_verbs: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    period_words: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    history_words: frozenset[str] = frozenset()

    def predicate(self, word: str) -> str | None:
        """The concept a governing word names ("injuring" -> "injured"), or None."""
        return self.predicates.get(word.lower())

    def label(self, text: str) -> str | None:
        """The concept a bulletin label names ("DEATHS" -> "killed"), or None."""
        key = " ".join(text.lower().split())
        return self.labels.get(key) or self.predicates.get(key)


@lru_cache(maxsize=256)  # read on every figure by some rules: split once per vocabulary
def table_words(vocab: Vocabulary, table: str, key: str) -> frozenset[str]:
    """The words of one entry of a table (``[table] key = "word word ..."``); none if absent."""
    return frozenset(str(vocab.tables.get(table, {}).get(key, "")).split())


@lru_cache(maxsize=64)  # read on every figure by some rules: split once per vocabulary
def table_phrases(vocab: Vocabulary, table: str, key: str) -> tuple[str, ...]:
    """The phrases of one entry written ``"to death | dead"``, spaces normalised; none if absent.

    >>> table_phrases(vocabulary(), "fatal", "after")
    ('to death', 'dead')
    """
    text = str(vocab.tables.get(table, {}).get(key, ""))
    return tuple(w for w in (" ".join(p.split()) for p in text.split("|")) if w)


@lru_cache(maxsize=1)
def vocabulary(language: str = "en") -> Vocabulary:
    """The vocabulary of ``language`` with the user's files merged in (read once)."""
    path = HOME / f"{language}.toml"
    with path.open("rb") as handle:
        tables: dict[str, Any] = tomllib.load(handle)
    env = os.environ.get(ENV, "")
    for extra in [*(p for p in env.split(os.pathsep) if p), *_extra]:
        _merge(tables, _read(extra))
    return _build(tables)


def _read(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise VocabularyError(f"vocabulary {path}: cannot read: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise VocabularyError(f"vocabulary {path}: not valid TOML ({err})") from None


def _merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for name, table in extra.items():
        mine = into.get(name)
        if isinstance(mine, dict) and isinstance(table, dict):
            for key, value in table.items():
                if isinstance(mine.get(key), str) and key in _WORD_LISTS.get(name, ()):
                    joint = "|" if "|" in mine[key] else " "
                    mine[key] = f"{mine[key]}{joint}{value}"  # word lists grow
                else:
                    mine[key] = value
        elif mine is None and isinstance(table, dict):
            into[name] = dict(table)
        else:
            raise VocabularyError(f"vocabulary: [{name}] must be a table of words")


# Tables whose values are whitespace-separated word lists (a user's words are added).
_WORD_LISTS = {
    "people": ("singular",),
    "not_predicates": ("phrases",),
    "contrasts": ("pairs",),
    "roles": ("suspect", "victim", "self_killing"),
    "actor_verbs": ("verbs",),
    "institutions": ("words",),
    "not_places": ("words",),
    "place_followers": ("kinds", "words", "listed"),
    "attribution": ("verbs", "at_verbs", "closing_verbs"),
    "time": ("periods", "events", "history", "earlier", "compared"),
    "running_total": ("phrases", "totals"),
    "casualty_words": ("killed", "injured", "hostages", "displaced"),
    "fatal": ("adverbs", "harms", "after"),
    "owners": ("verbs", "measures", "nouns"),
    "people_counts": ("concepts", "in_their_part", "yields"),
    "events": ("kinds", "suffixes", "measures"),
    "defendants": ("verbs", "measures"),
    "groups": ("nouns",),
    "references": ("nouns", "adjectives", "verbs"),
    "unit_measures": ("speed", "length", "directions"),
    "crowds": ("verbs", "nouns"),
    "bodies": ("nouns",),
    "holders": ("verbs", "not_nouns"),
    "arms": ("nouns", "verbs"),
    "causes": ("verbs",),
    "possessives": ("pronouns",),
    "whose": ("determiners", "tied", "enforcers", "crimes", "expecting", "lasting", "making"),
    "event_names": ("institutions", "furniture", "titles", "function_words"),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def _synonyms(table: Mapping[str, str]) -> dict[str, str]:
    """name = "other names": each other name (and the name itself) maps to the name."""
    out: dict[str, str] = {}
    for name, others in table.items():
        for word in (name, *others.split()):
            out[word.lower()] = name.lower()
    return out


def _build(t: Mapping[str, Any]) -> Vocabulary:
    irregular = {k.lower(): v.lower() for k, v in t.get("irregular", {}).items()}
    predicates: dict[str, str] = {}
    for lemma, concept in t.get("predicates", {}).items():
        for form in inflections(lemma.lower()):
            predicates.setdefault(form, concept)
    for form, lemma in irregular.items():
        if lemma in t.get("predicates", {}):
            predicates.setdefault(form, t["predicates"][lemma])
    labels = {" ".join(k.lower().split()): v for k, v in t.get("labels", {}).items()}
    roles = t.get("roles", {})
    phrases = [p.strip() for p in roles.get("self_killing", "").split("|")]
    return Vocabulary(
        tables=t,
        predicates=predicates,
        labels=labels,
        contrasts=tuple(
            (pair.split()[0], pair.split()[1])
            for pair in t.get("contrasts", {}).get("pairs", "").split("|")
            if len(pair.split()) == 2
        ),
        not_predicates=frozenset(
            " ".join(p.split())
            for p in t.get("not_predicates", {}).get("phrases", "").split("|")
            if p.strip()
        ),
        singular_people=_words(t.get("people", {}).get("singular", "")),
        suspects=_words(roles.get("suspect", "")),
        victims=_words(roles.get("victim", "")),
        self_killing=tuple(" ".join(p.split()) for p in phrases if p),
        places={k.lower(): v for k, v in t.get("places", {}).items()},
        place_names=dict(t.get("place_names", {})),
        country_aliases={k.lower(): v for k, v in t.get("country_aliases", {}).items()},
        counted_synonyms=_synonyms(t.get("synonyms", {}).get("counted", {})),
        subject_synonyms=_synonyms(t.get("synonyms", {}).get("subjects", {})),
        us_states={k.lower(): v for k, v in t.get("us_state_abbreviations", {}).items()},
        actor_verbs=_words(t.get("actor_verbs", {}).get("verbs", "")),
        institutions=_words(t.get("institutions", {}).get("words", "")),
        not_places=_words(t.get("not_places", {}).get("words", "")),
        period_words=_words(t.get("time", {}).get("periods", "")),
        event_words=_words(t.get("time", {}).get("events", "")),
        history_words=_words(t.get("time", {}).get("history", "")),
    )


_VOWEL = re.compile(r"[aeiou]")


def inflections(lemma: str) -> tuple[str, ...]:
    """The regular English forms of a word: itself, -s, -ed, -ing (and their spellings).

    Written here because the few rules English spelling needs are shorter than a
    lemmatiser's start-up (simplemma loads its dictionary in half a second).

    >>> inflections("kill"), inflections("injure"), inflections("fatality")
    (('kill', 'kills', 'killed', 'killing'), ('injure', 'injures', 'injured', 'injuring'), \
('fatality', 'fatalities'))
    >>> inflections("death toll")
    ('death toll', 'death tolls')
    """
    if " " in lemma:
        head, _, last = lemma.rpartition(" ")
        return tuple(f"{head} {form}" for form in inflections(last)[:2])
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")[
            : 2 if lemma.endswith("ty") else 4
        ]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if (
        len(lemma) <= 4
        and len(lemma) >= 3
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
        and len(_VOWEL.findall(lemma)) == 1
    ):
        double = lemma + lemma[-1]  # stab -> stabbed, stabbing
        return (lemma, lemma + "s", double + "ed", double + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")
