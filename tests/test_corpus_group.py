"""Grouping rules beyond the GVA dev set: two reports of one event told in other domains.

Each row is two articles (their dates, the regions their places were read in, the rare
names they share, the cosine of their title + lead vectors) and whether one event
holds them.  The rules: two shared rare names join reports within the date window even
when a place name was resolved to a namesake in another region; one rare name carries
a link two weeks; three names and close wording carry it up to two years (a verdict, a
sentence); a company's next quarter, told with the same executives in other words, is
another event.  Names of where (a town's county, hospital or paper) score a link but
carry none beyond the window: they recur in every event of their town.  Places keyed
two ways (a state by its ISO code, a town by its GeoNames region) are not apart; names
alone, with wording that has little in common, join nothing.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from compare.corpus.digest import Digest, digest
from compare.corpus.group import NAMES_FOR_GROUPS, RARE_NAME, group
from compare.pipeline import extract
from compare.types import Article

FLORIDA, UTAH = "US>a1:FL>c:7", "US>a1:UT>c:9"
BAVARIA = "DE>a1:02>c:4"
ODISHA, BALASORE = "IN>s:IN-OD", "IN>a1:21>c:1277599"  # keyed two ways: ISO and GeoNames
DAY = dt.date(2025, 3, 10)


def _pair(
    gap: int,
    places: tuple[str | None, str | None],
    names: tuple[str, ...],
    cosine: float,
    where: tuple[str, ...] = (),
) -> tuple[list[Digest], np.ndarray]:
    digests = [
        Digest(
            key,
            DAY + dt.timedelta(days=shift),
            frozenset({place}) if place else frozenset(),
            frozenset(names),
            where=frozenset(where),
        )
        for key, shift, place in (("a", 0, places[0]), ("b", gap, places[1]))
    ]
    vectors = np.array([[1, 0, 0, 0], [cosine, (1 - cosine**2) ** 0.5, 0, 0]], dtype=np.float32)
    return digests, vectors


STORM = ("hurricane idalia", "cedar key")
RECALL = ("model y",)
TRIAL = ("maria lopez", "oak street", "judge hanna", "carl weber")
QUARTER = ("lena park", "omar haddad", "river campus", "nova phone")
COUNTY = ("davis county", "lakeview hospital", "mount olympus", "standard examiner")


@pytest.mark.parametrize(
    ("gap", "places", "names", "cosine", "together", "where"),
    [
        (1, (FLORIDA, UTAH), STORM, 0.5, True, ()),
        (1, (FLORIDA, UTAH), STORM[:1], 0.5, True, STORM[1:]),
        (1, (FLORIDA, UTAH), STORM[:1], 0.9, False, ()),
        (20, (FLORIDA, UTAH), STORM, 0.9, False, ()),
        (1, (FLORIDA, BAVARIA), (), 0.95, False, ()),
        (1, (ODISHA, BALASORE), (), 0.57, True, ()),
        (1, (FLORIDA, FLORIDA), STORM, 0.15, False, ()),
        (5, (BAVARIA, BAVARIA), RECALL, 0.5, True, ()),
        (5, (BAVARIA, BAVARIA), (), 0.9, False, ()),
        (15, (BAVARIA, BAVARIA), RECALL, 0.9, False, ()),
        (400, (UTAH, None), TRIAL, 0.6, True, ()),
        (300, (UTAH, UTAH), TRIAL[1:], 0.55, True, ()),
        (240, (None, None), QUARTER, 0.3, False, ()),
        (800, (UTAH, UTAH), TRIAL, 0.9, False, ()),
        (2, (UTAH, UTAH), (), 0.4, True, COUNTY[:2]),
        (90, (UTAH, UTAH), (), 0.9, False, COUNTY),
        (20, (UTAH, UTAH), RECALL, 0.9, False, COUNTY),
    ],
    ids=[
        "storm-town-read-as-a-namesake-two-names-join",
        "namesake-one-name-stays-apart",
        "namesake-two-names-weeks-later-stays-apart",
        "same-wording-other-country-stays-apart",
        "train-crash-state-by-its-iso-code-and-a-town-in-it-join",
        "names-alone-worded-apart-stay-apart",
        "product-recall-follow-up-within-a-week",
        "same-wording-five-days-later-no-name-stays-apart",
        "one-name-two-weeks-later-stays-apart",
        "verdict-a-year-later-four-names",
        "sentence-ten-months-later-the-street-judge-and-accused",
        "next-quarter-same-executives-other-words-stays-apart",
        "four-names-beyond-two-years-stays-apart",
        "storm-and-its-town-a-name-of-where-join",
        "two-names-of-where-within-the-window-join",
        "wildfire-months-later-same-county-hospital-and-paper-stays-apart",
        "one-name-and-names-of-where-three-weeks-later-stays-apart",
    ],
)
def test_two_reports_of_one_event(
    gap: int,
    places: tuple[str | None, str | None],
    names: tuple[str, ...],
    cosine: float,
    together: bool,
    where: tuple[str, ...],
) -> None:
    digests, vectors = _pair(gap, places, names, cosine, where)
    assert group(digests, vectors) == ([[0, 1]] if together else [[0], [1]])


@pytest.mark.parametrize(
    ("window", "follow_up", "gap", "names", "together"),
    [
        (3, 60, 5, RECALL, True),
        (3, 3, 5, RECALL, False),
        (3, 3, 400, TRIAL, False),
        (10, 10, 8, (), True),
    ],
    ids=["defaults", "follow-ups-off-one-name", "follow-ups-off-four-names", "wider-window"],
)
def test_the_window_options_bound_the_name_rules(
    window: int, follow_up: int, gap: int, names: tuple[str, ...], together: bool
) -> None:
    digests, vectors = _pair(gap, (BAVARIA, BAVARIA), names, 0.7)
    events = group(digests, vectors, window=window, follow_up=follow_up)
    assert events == ([[0, 1]] if together else [[0], [1]])


@pytest.mark.parametrize(
    ("title", "text", "mark"),
    [
        (
            "Tornado levels trailer park",
            "A tornado killed 14 people in a trailer park near Tupelo on Monday, officials said.",
            "killed=14",
        ),
        (
            "Carmaker recalls sedans over faulty airbags",
            "The company recalled 412,000 sedans on Tuesday after airbags failed to open.",
            "sedans recalled=412000",
        ),
        (
            "Crash on the ring road",
            "One driver died and two passengers were hurt in a crash on Sunday, police said.",
            None,
        ),
    ],
    ids=["storm-deaths", "recall-size", "one-dead-two-hurt-mark-nothing"],
)
def test_an_articles_current_figures_are_its_marks(title: str, text: str, mark: str | None) -> None:
    found = digest(extract(Article("a", "a.md", text, title=title)))
    assert (mark in found.figures) if mark else not found.figures, found.figures


def _marked(n: int, figures: tuple[str, ...]) -> Digest:
    return Digest(f"x{n}", DAY + dt.timedelta(days=n % 2), figures=frozenset(figures))


@pytest.mark.parametrize(
    ("crowd", "together"),
    [(0, True), (RARE_NAME, False)],
    ids=["a-rare-count-joins-reports-worded-apart", "a-count-many-reports-give-does-not"],
)
def test_a_rare_figure_is_a_mark_of_one_event(crowd: int, together: bool) -> None:
    """Two reports a day apart, worded apart (cosine 0.45), both count 13 wounded; with
    ``crowd`` more reports that count 13 wounded too, the count marks no one event."""
    digests = [_marked(n, ("injured=13",)) for n in range(2 + crowd)]
    vectors = np.zeros((len(digests), 2 + crowd), dtype=np.float32)
    vectors[0, 0], vectors[1, :2] = 1, [0.45, (1 - 0.45**2) ** 0.5]
    for n in range(2, len(digests)):
        vectors[n, n] = 1
    assert (group(digests, vectors)[0] == [0, 1]) is together


# Two reports of each of two events in one town on one day; the second report of the
# first event and the first of the second are worded alike (cosine 0.59), each event's own
# reports closer still (0.95).
LOOK_ALIKE = [[1, 0, 0], [0.95, 0.312, 0], [0.312, 0.95, 0], [0, 1, 0]]


@pytest.mark.parametrize(
    ("reports", "names", "events"),
    [
        (4, (), [[0, 1], [2, 3]]),
        (3, (), [[0, 1, 2]]),
        (4, (*TRIAL, "sam ortiz")[:NAMES_FOR_GROUPS], [[0, 1, 2, 3]]),
    ],
    ids=[
        "one-look-alike-pair-does-not-chain-two-events",
        "a-lone-report-joins-on-its-link",
        "enough-rare-names-join-two-groups",
    ],
)
def test_two_groups_merge_when_they_are_alike_as_a_whole(
    reports: int, names: tuple[str, ...], events: list[list[int]]
) -> None:
    digests = [Digest(f"r{n}", DAY, frozenset({UTAH}), frozenset(names)) for n in range(reports)]
    vectors = np.array(LOOK_ALIKE[:reports], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert group(digests, vectors) == events


def _dated(shift: int, told: tuple[int, ...] = (), place: str = UTAH) -> Digest:
    return Digest(
        f"d{shift}",
        DAY + dt.timedelta(days=shift),
        frozenset({place}),
        days=frozenset(DAY + dt.timedelta(days=t) for t in told),
    )


@pytest.mark.parametrize(
    ("reports", "cosines", "events"),
    [
        ([_dated(0), _dated(200, (0,))], [0.6], [[0, 1]]),
        ([_dated(0, (-1,)), _dated(320, (-1, 150))], [0.6], [[0, 1]]),
        ([_dated(0), _dated(200, (-40,))], [0.6], [[0], [1]]),
        ([_dated(0), _dated(200, (0,))], [0.3], [[0], [1]]),
        ([_dated(0), _dated(200, (0,), BAVARIA)], [0.9], [[0], [1]]),
        ([_dated(0), _dated(200, (0,)), _dated(201)], [0.8, 0.6], [[0, 1], [2]]),
    ],
    ids=[
        "a-verdict-months-later-names-the-day-of-the-crash",
        "both-name-the-day-before",
        "a-report-naming-another-day-stays-apart",
        "the-day-alone-does-not-pass-the-threshold",
        "the-day-does-not-join-places-apart",
        "a-later-event-worded-like-the-verdict-stays-apart",
    ],
)
def test_a_follow_up_joins_on_the_day_it_names(
    reports: list[Digest], cosines: list[float], events: list[list[int]]
) -> None:
    """A follow-up names the day of its event ("the Aug. 8 fire"): its report months later
    is a day from the first.  Each row's reports share no name; ``cosines`` are the first
    report's with the second, and the second's with the third."""
    vectors = np.zeros((len(reports), 4), dtype=np.float32)
    vectors[0, 0] = 1
    vectors[1, :2] = [cosines[0], (1 - cosines[0] ** 2) ** 0.5]
    if len(reports) > 2:  # close to the second report, not the first
        second = vectors[1]
        ortho = np.array([0, 0, 1, 0], dtype=np.float32)
        vectors[2] = cosines[1] * second + (1 - cosines[1] ** 2) ** 0.5 * ortho
    assert group(reports, vectors) == events


def test_an_article_keeps_the_days_its_text_names() -> None:
    text = (
        "A jury on Thursday convicted a man of starting the Aug. 8 fire that razed the town. "
        "Sentencing is set for June 20."
    )
    article = Article("a", "a.md", text, title="Verdict", published=dt.date(2024, 5, 2))
    assert digest(extract(article)).days == {dt.date(2023, 8, 8)}
