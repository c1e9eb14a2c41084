"""Extraction's speed shortcuts find exactly what the plain patterns find.

`figures` reads a sentence in well under a millisecond because a few hot patterns take a
shortcut: an IGNORECASE pattern run as its lowercase twin on ASCII text lowercased, an
end-anchored pattern searched only where a match can start, a pattern tried only where
the word it needs stands.  Each row is a sentence from some domain; each test compares the
shortcut with the plain pattern on it, so a pattern edited later (a new word with a capital,
a longer alternative) fails here instead of silently reading less.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

import pytest

from compare.extract import (
    attribution,
    casualties,
    concepts,
    nonfigures,
    numbers,
    qualifiers,
    units,
)
from compare.extract import figures as figures_module
from compare.extract import resources as extract_resources
from compare.extract.figures import _placed, figures
from compare.extract.numbers import scan
from compare.extract.resources import guarded, substrings
from compare.extract.vocab import table_words, vocabulary
from compare.types import Sentence

SENTENCES = {
    "quake": "A magnitude-6.8 quake killed MORE THAN 2,900 people, about half of them in Al Haouz.",
    "election": "Labour won 411 seats, up from 202; the Conservatives fell to 121, Reuters reported.",
    "results": "Nvidia's revenue rose 101% to $13.51bn, according to the company's filing.",
    "trial": "Figures compiled by the FDA show efficacy of 95%; Pfizer said it was over a third.",
    "gallery": "Image 3 of 12: Firefighters, aged 18 to 25, worked for an hour at the No. 4 pit.",
    "headline": "Two Dead, Dozens Hurt As Bus Overturns On The M1; Police Say A Third Was Critical",
    "ages": "The victim, who was 17, and his brother, now 19, were older than 16 at the time.",
    "sport": "He went 3-for-4 in the second half, the last-16 tie, and scored in the 89th minute.",
    "phone": "Call +1 555-123-4567 or (02) 9876 5432 before 9 a.m.; Station WAFB 9 reported it.",
    "non-ascii": "İstanbul'da 1.200 kişi: nearly 40 \u017feats, \u2019s figures, a fifth of the vote.",
    "newline": "Route No.\n7 and item #\n3 were listed with another second \n",
    "scores": "Arsenal beat Charlton 2-1 and drew 1\u20131; the 4-5 year-olds, aged 3 to 5, an image of",
    "spaces": "The aged\u00a0 over the age of\t 9 PHOTO 2 of\n5 were 12 who turned\n 30, now 7",
}
ROWS = [pytest.param(text, id=name) for name, text in SENTENCES.items()]


def _found(pattern: object, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [
        (m.span(), tuple(g.lower() if g else g for g in m.groups()))
        for m in pattern.finditer(text)  # type: ignore[attr-defined]
    ]


TWINS = [
    (numbers._PHRASES, numbers._PHRASES_LOWER),
    (numbers._ANY_NUMBER_WORD, numbers._ANY_NUMBER_WORD_LOWER),
    (qualifiers._PREFIX, qualifiers._PREFIX_LOWER),
    (nonfigures._AGE_BEFORE, nonfigures._AGE_BEFORE_LOWER),
    (nonfigures._AGE_BOUND_BEFORE, nonfigures._AGE_BOUND_LOWER),
    (nonfigures._GALLERY, nonfigures._GALLERY_LOWER),
]


def _befores(text: str) -> list[str]:
    """The words before every place a number may stand, as not_a_figure cuts them."""
    return [text[max(0, k - 40) : k] for k in range(len(text) + 1)]


@pytest.mark.parametrize("text", ROWS)
def test_a_lowercase_twin_finds_what_its_ignorecase_pattern_finds(text: str) -> None:
    for plain, twin in TWINS:
        for piece in [text, *_befores(text)]:
            if piece.isascii():
                assert _found(twin, piece.lower()) == _found(plain, piece), plain.pattern[:40]


@pytest.mark.parametrize("text", ROWS)
def test_end_anchored_patterns_are_searched_where_a_match_can_start(text: str) -> None:
    for before in _befores(text):
        assert nonfigures._round_before(before) == bool(nonfigures._ROUND_BEFORE.search(before))
        for pattern, back in ((nonfigures._FOR_BEFORE, 7), (nonfigures._DATE_BEFORE, 4)):
            bounded = pattern.search(before, max(0, len(before) - back))
            assert bool(bounded) == bool(pattern.search(before)), pattern.pattern


@pytest.mark.parametrize("text", ROWS)
def test_a_pattern_skipped_for_want_of_its_word_finds_nothing_there(text: str) -> None:
    low = text.lower()
    skipped = [
        (attribution._ACCORDING, "ccord" not in low),
        (attribution._BY_SOURCE, "by" not in low),
        (attribution._OWN_SOURCE, "'s" not in text and "\u2019s" not in text),
        (attribution._INVERTED, attribution._ANY_VERB.search(text) is None),
    ]
    for pattern, skip in skipped:
        if skip:
            assert _found(pattern, text) == [], pattern.pattern[:40]
    for before in _befores(text):
        if not before.endswith(("-", "-\n")):
            assert nonfigures._MODEL_BEFORE.search(before) is None
        if "," not in before:
            assert nonfigures._AGE_NAME.search(before) is None
        if "K" not in before and "W" not in before:
            assert nonfigures._CALL_LETTERS.search(before) is None
        if before.rstrip()[-1:] not in tuple("oOsSrR.#\u017f"):
            assert nonfigures._NUMBER_BEFORE.search(before) is None


@pytest.mark.parametrize("text", ROWS)
def test_a_figure_placed_in_its_article_is_the_figure_replace_makes(text: str) -> None:
    for f in figures(Sentence("b", 4, text, 100, 100 + len(text))):
        placed = _placed(f, "c:f9", "c", 7, (1, 2))
        expected = replace(f, id="c:f9", article="c", sentence=7, span=(1, 2))
        assert placed == expected
        assert repr(placed) == repr(expected)


@pytest.mark.parametrize("text", ROWS)
def test_a_stripped_end_reads_what_an_end_anchored_pattern_reads(text: str) -> None:
    for lead in [text[:k] for k in range(len(text) + 1)] + ["the state's \n", "Thus,\n"]:
        stripped = lead.rstrip()
        possessive = len(stripped) < len(lead) and stripped.endswith(("'s", "\u2019s"))
        assert possessive == bool(re.search(r"['\u2019]s\s+$", lead))
        assert stripped.endswith(",") == bool(re.search(r",\s*$", lead))


def _module_patterns() -> list[re.Pattern[str]]:
    modules = (attribution, nonfigures, numbers, qualifiers, extract_resources)
    return [p for m in modules for p in vars(m).values() if isinstance(p, re.Pattern)]


@pytest.mark.parametrize("text", ROWS)
def test_a_guarded_pattern_finds_what_the_pattern_finds(text: str) -> None:
    # The start-character lookahead only skips places no match can start: every pattern of
    # these modules, guarded, finds the same matches, groups and offsets.
    for plain in _module_patterns():
        fast = guarded(plain)
        for piece in [text, text.lower(), *_befores(text)[::3]]:
            assert [(m.span(), m.groups()) for m in fast.finditer(piece)] == [
                (m.span(), m.groups()) for m in plain.finditer(piece)
            ], plain.pattern[:40]


@pytest.mark.parametrize("text", ROWS)
def test_a_twin_skipped_for_want_of_its_last_word_finds_nothing_there(text: str) -> None:
    for before in _befores(text):
        low = before.lower() if before.isascii() else None
        last = low.rstrip() if low is not None else None
        for plain, twin in [
            (nonfigures._AGE_BEFORE, nonfigures._AGE_BEFORE_LOWER),
            (nonfigures._AGE_BOUND_BEFORE, nonfigures._AGE_BOUND_LOWER),
            (nonfigures._GALLERY, nonfigures._GALLERY_LOWER),
        ]:
            found = nonfigures._ending(plain, twin, before, low, last)
            assert found == bool(plain.search(before)), (plain.pattern[:40], before)


@pytest.mark.parametrize("text", ROWS)
def test_a_score_is_searched_only_where_a_dash_stands(text: str) -> None:
    for num in scan(text):
        lo, hi = max(0, num.start - 4), min(len(text), num.end + 4)
        if "-" not in text[lo:hi] and "\u2013" not in text[lo:hi]:
            assert list(nonfigures._SCORE.finditer(text, lo, hi)) == []


@pytest.mark.parametrize("text", ROWS)
def test_a_cue_pattern_finds_a_word_where_in_finds_it(text: str) -> None:
    vocab = vocabulary()
    verbs = concepts._revising_verbs(vocab) - {"up", "down"}
    cues = [
        (concepts._revising_cue(vocab), verbs),
        (concepts._state_cue(vocab), concepts._state_words(vocab)),
        (
            concepts._vocab_cue(vocab, "causes", "verbs"),
            table_words(vocab, "causes", "verbs"),
        ),
    ]
    extra = ["the toll was revised to", "homes without power", "lowered", "floods caused"]
    for piece in [text, text.lower(), *extra, *_befores(text)]:
        for pattern, words in cues:
            assert bool(pattern.search(piece)) == any(w in piece for w in words), piece


@pytest.mark.parametrize("text", ROWS)
def test_phones_are_searched_only_where_one_can_stand(text: str) -> None:
    odd = ["call 555.123.4567", "tel 02-9876-5432 now", "12-345-6", "+44 20 7946 0958"]
    for piece in [text, *odd, *[text[k:] for k in range(0, len(text), 5)]]:
        assert nonfigures.phone_spans(piece) == [
            m.span() for m in nonfigures._PHONE.finditer(piece)
        ]


@pytest.mark.parametrize("text", ROWS)
def test_a_search_skipped_for_want_of_its_words_finds_nothing(text: str) -> None:
    vocab = vocabulary()
    extra = ["the number of homes", "the total of 12", "floods caused ", "The storm left "]
    for piece in [text, *extra, *_befores(text)]:
        if not any(w in piece for w in ("number", "count", "tally", "total")):
            assert list(concepts._NUMBER_OF.finditer(piece)) == []
        if not concepts._vocab_cue(vocab, "causes", "verbs").search(piece):
            assert concepts._caused_by(piece) is None


@pytest.mark.parametrize(
    "text", [*ROWS, "from 5 To 7, 3 AND 4, 9 up To 12, 1\u201414 and 6 \u2013 8"]
)
def test_two_numbers_without_a_separator_between_are_no_range(text: str) -> None:
    nums = scan(text)
    for a, b in itertools.pairwise(nums):
        gap = text[a.end : b.start].lower()
        if "-" in gap or "to" in gap or "and" in gap or "\u2013" in gap or "\u2014" in gap:
            continue
        for lo in range(a.end, b.start + 1):
            for hi in range(lo, b.start + 1):
                m = figures_module._RANGE_GAP.match(text, lo, hi)
                assert m is None or m.end() != hi, (text[lo:hi], text)


@pytest.mark.parametrize("text", ROWS)
def test_a_prefix_qualifier_is_searched_only_before_its_last_word(text: str) -> None:
    extra = ["killed at LEAST\n", "x < = ", "rose over\t", "approx. ", "more than or equal to  "]
    for before in [*_befores(text), *extra]:
        m = qualifiers._PREFIX.search(before)
        key = " ".join(m.group("q").lower().split()) if m else ""
        expected = (qualifiers.PREFIX_QUALIFIERS[key], len(before) - m.start("q")) if m else None
        assert qualifiers.prefix_qualifier(before) == expected, before


def test_substrings_finds_a_word_wherever_in_finds_it() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        items = ["".join(rng.choice("aAb. (") for _ in range(rng.randint(0, 4))) for _ in range(3)]
        items = items[: rng.randint(0, 3)]
        pattern = substrings(items)
        for _ in range(5):
            text = "".join(rng.choice("aAb. (\n") for _ in range(rng.randint(0, 12)))
            assert bool(pattern.search(text)) == any(w in text for w in items), (items, text)


@pytest.mark.parametrize("text", ROWS)
def test_the_casualty_cues_are_found_where_in_finds_them(text: str) -> None:
    cues = casualties._words(vocabulary(), "cues")
    for piece in [text.lower(), "he was shot dead", "taken to hospital", *_befores(text.lower())]:
        assert bool(casualties._cues(vocabulary()).search(piece)) == any(w in piece for w in cues)


@pytest.mark.parametrize("text", ROWS)
def test_a_label_is_searched_only_after_a_word_ending_in_one(text: str) -> None:
    labels = nonfigures.IDENTIFIER_LABELS | nonfigures.CASELESS_LABELS
    extra = ["Article ", "flight No. ", "the Boeing\t#\n", "Flight #", "gate.\n", "xArticle. "]
    for before in [*_befores(text), *extra]:
        found = nonfigures._LABEL_BEFORE.search(before)
        if found is not None and found.group("label").lower() in labels:
            assert nonfigures._may_be_label(before), before


@pytest.mark.parametrize("text", ROWS)
def test_an_age_range_is_searched_only_after_its_word(text: str) -> None:
    for before in [*_befores(text), "women AGED 25 to ", "Ages 5-"]:
        if before.isascii() and "age" not in before.lower():
            assert nonfigures._AGED_RANGE_BEFORE.search(before) is None
        assert before.rsplit(None, 2)[-2:] == before.rstrip().split()[-2:]


@pytest.mark.parametrize("text", [*ROWS, "taken hostage, held captive, on board, death toll"])
def test_a_pair_of_words_names_a_concept_only_after_a_first_word_of_one(text: str) -> None:
    firsts = concepts._pair_firsts(vocabulary())
    lows = [t.lower() for t in concepts._tokens(text)]
    for low, nxt in itertools.pairwise(lows):
        if low not in firsts:
            assert concepts.concept_word(f"{low} {nxt}") is None, (low, nxt)
    for phrase in [*concepts.CONCEPTS, *vocabulary().predicates]:
        if " " in phrase:
            assert phrase.split(" ")[0] in firsts


@pytest.mark.parametrize(
    "text", [*ROWS, "well-known O'Neill\u2019s 27,840. a-b- x--y 3.5m caf\u00e9_x"]
)
def test_the_possessive_tokens_are_the_greedy_ones(text: str) -> None:
    greedy = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*|\d[\d,.]*|[^\w\s]")
    for k in range(len(text) + 1):
        assert concepts._TOKEN.findall(text[k:]) == greedy.findall(text[k:])
        assert concepts._TOKEN.findall(text[:k]) == greedy.findall(text[:k])


@pytest.mark.parametrize("text", ROWS)
def test_a_currency_is_searched_only_after_the_last_sign_of_one(text: str) -> None:
    extra = ["worth US$ ", "HK $", "at RM", "paid \u20ac\n", "Y=", "Rs ", "cost $US", "a EUR  "]
    for piece in [*_befores(text), *extra]:
        before = piece[-6:]
        if before.rstrip()[-1:] not in units._CURRENCY_ENDS:
            assert units._CURRENCY.search(before) is None, before


@pytest.mark.parametrize(
    "text", [*ROWS, "in 2023-24 and 1999 \u2013 2000, the 2019/20 season; 2021- \n22"]
)
def test_a_year_range_is_searched_only_after_its_dash(text: str) -> None:
    for k in range(len(text) + 1):
        before = text[max(0, k - 8) : k]
        if before.rstrip()[-1:] not in ("-", "\u2013", "/"):
            assert nonfigures._YEAR_BEFORE.search(before) is None, before
