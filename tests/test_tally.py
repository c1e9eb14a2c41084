"""The event's tally (compare.corpus.event.totals): which of its articles' values is the
count of each casualty."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.corpus.event import totals
from compare.pipeline import Extracted, extract
from compare.types import Article, Figure


def _fig(value: float, concept: str, *, at: int = 0, text: str | None = None) -> Figure:
    return Figure("x:f1", "x", at, text or str(value), (0, 1), value, value, value, "exact",
                  None, concept)  # fmt: skip


def _reports(*days: tuple[int, list[Figure]]) -> list[Extracted]:
    return [
        Extracted(Article(f"a{n}", "-", "", published=dt.date(2025, 5, day)), tuple(figs), ())
        for n, (day, figs) in enumerate(days)
    ]


K, W = "killed", "injured"


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # A crash: one report says six hurt in its headline and first sentence; a report
        # the next day mentions three once: the count told twice wins over the later date.
        (_reports((1, [_fig(6, W, at=-1), _fig(6, W, at=0)]), (2, [_fig(3, W, at=1)])), (W, 6)),
        # Repetition never outweighs more articles: two reports of a fire say three dead.
        (
            _reports((1, [_fig(5, K), _fig(5, K), _fig(5, K)]), (2, [_fig(3, K)]), (2, [_fig(3, K)])),
            (K, 3),
        ),
        # Told once each: the latest, as before.
        (_reports((1, [_fig(4, W, at=1)]), (2, [_fig(5, W, at=1)])), (W, 5)),
        # Not a casualty: a company's revenue told twice, then revised once the next day:
        # the latest is current.
        (_reports((1, [_fig(5e9, "revenue"), _fig(5e9, "revenue")]), (2, [_fig(5.2e9, "revenue")])),
         ("revenue", 5.2e9)),
    ],
    ids=["told-twice-over-a-later-mention", "more-articles-over-repetition", "once-each-the-latest",
         "revenue-the-latest"],
)  # fmt: skip
def test_the_count_the_articles_repeat(
    reports: list[Extracted], expected: tuple[str, float]
) -> None:
    assert [(t.concept, t.value) for t in totals(reports)] == [expected]


def _read(text: str, day: int) -> Extracted:
    return extract(Article(f"a{day}", "-", text, published=dt.date(2025, 3, day)))


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Six people were hurt when a bus hit a wall in Leeds on Sunday.",
            "Three of the injured were taken to hospital by car, police said.",
            [("injured", 6)],
        ),
        (
            "A fire at a care home in Lyon killed five people on Monday.",
            "Two of those killed were nurses, the mayor said on Tuesday.",
            [("killed", 5)],
        ),
        (
            "Six climbers were hurt in an avalanche on Sunday.",
            "Two of them died in hospital on Monday, rescuers said.",
            [("injured", 6), ("killed", 2)],
        ),
    ],
    ids=["three-of-the-injured", "two-of-those-killed", "two-of-them-died-counts"],
)
def test_a_part_of_a_count_is_not_the_count(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """ "Three of the injured" in a later report counts some of the injured; the event's
    count is the whole one."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == sorted(expected)


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Six people were hurt when a stage collapsed at the fair on Friday.",
            "Organisers initially said that six people were hurt in the collapse. The count "
            "now stands at four injured, organisers said.",
            [("injured", 4)],
        ),
        (
            "Six people were hurt when a stage collapsed at the fair on Friday.",
            "Initial reports said 12 people were injured in the collapse on Friday.",
            [("injured", 6)],
        ),
        (
            "A stage collapsed at the fair on Friday, organisers said.",
            "A woman was injured, but organisers initially said the stage was empty.",
            [("injured", 1)],
        ),
    ],
    ids=["initially-said", "initial-reports", "a-later-clause-says-initially"],
)
def test_a_report_told_as_superseded_is_not_the_count(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """ "Initially said six were hurt": the count a later report replaced."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert [x for x in got if x[0] in (K, W)] == expected


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        # A cyclist hurt in a crash dies: "the teenager" and "the boy" may be one person.
        (
            "A teenager was seriously hurt when a car hit his bicycle in Leeds on Sunday.",
            "The boy who was hit by a car in Leeds on Sunday died in hospital on Tuesday, "
            "police said.",
            [("killed", 1)],
        ),
        # A climber hurt in an avalanche dies: "One climber" is a person told, not a
        # count beside another.
        (
            "One climber was hurt when an avalanche hit a group near Chamonix on Sunday.",
            "The climber who was hurt in the avalanche near Chamonix died in hospital on "
            "Tuesday, rescuers said.",
            [("killed", 1)],
        ),
        # A stabbing: "at least one person injured", then the victim died.
        (
            "At least one person was injured in a stabbing at a bus station in Malmo on Friday.",
            "A man who was stabbed at the bus station in Malmo on Friday has died, police said.",
            [("killed", 1)],
        ),
        # Guard: a blast that killed a man and hurt his son in one sentence hurt two
        # people, though "the son" may be "a man".
        (
            "A gas blast killed a man and injured his son in a flat in Porto on Friday.",
            "The son was taken to hospital in Porto, firefighters said on Saturday.",
            [("injured", 1), ("killed", 1)],
        ),
        # Guard: a girl hurt where a man died is someone else.
        (
            "A man died when a wall collapsed on a market in Kano on Monday.",
            "A girl was injured by the falling bricks, officials said on Tuesday.",
            [("injured", 1), ("killed", 1)],
        ),
    ],
    ids=["the-teen-hurt-is-the-boy-who-died", "one-climber-hurt-dies", "at-least-one-stabbed-dies",
         "killed-and-injured-in-one-sentence", "a-girl-hurt-where-a-man-died"],
)  # fmt: skip
def test_a_wound_of_one_who_died_is_no_wound(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """Casualty counts count a person once, at their last state: one hurt who later died
    is among the dead, not also among the injured, unless told apart from the dead."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == sorted(expected)


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        # A crash: the wound in one report's lead, the death told further down the next.
        (
            "A young man was badly hurt when his car hit a tree in Leeds on Sunday.",
            "Police closed the road for six hours on Sunday. The car was towed away on Monday. "
            "Neighbours said the bend was dangerous. Tom Hale, 22, died in hospital on Monday, "
            "police said.",
            [("killed", 1)],
        ),
        # An industrial accident, told the same way.
        (
            "A worker was injured in a blast at a chemical plant in Ludwigshafen on Tuesday.",
            "The plant was shut on Wednesday. Inspectors arrived at noon. The union called for "
            "a review. Jan Berg, 45, died of his injuries on Thursday, the company said.",
            [("killed", 1)],
        ),
        # A hunting accident: "shot", then the death.
        (
            "A hunter was shot by mistake in a forest in the Ardennes on Saturday.",
            "The forest was closed on Sunday. Rangers searched the area. The club cancelled its "
            "next hunt. Luc Peeters, 58, died in hospital on Sunday, prosecutors said.",
            [("injured", 0), ("killed", 1)],  # shot 1 - killed 1
        ),
        # Guard: a death of someone of another age, told in passing, is another event's.
        (
            "A 16-year-old was hurt when a wall fell in Leeds on Monday.",
            "The council inspected the wall on Tuesday. Builders said it was old. Residents "
            "asked for repairs. Separately, Eric Jordan, 19, died in a crash on the ring road, "
            "police said.",
            [("injured", 1)],
        ),
    ],
    ids=[
        "the-driver-hurt-died",
        "the-worker-injured-died",
        "the-hunter-shot-died",
        "another-age-died-elsewhere",
    ],
)
def test_a_death_deep_down_of_one_whose_wound_a_lead_told(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """A death told past a report's lead is most often another event's, but not when it may
    be the death of the one person whose wound another report's lead told."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == sorted(expected)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # A building collapse: two reports name a worker who died, a third's lead counts two.
        (
            ["A worker died when a building collapsed in Lagos on Monday.",
             "A worker was killed when a building under construction fell in Lagos, officials "
             "said.",
             "Two workers died when a building collapsed in Lagos on Monday, officials said."],
            2,
        ),
        # A ferry: "a passenger", "a woman" died; a report counts four dead.
        (
            ["A passenger was killed when a ferry capsized off Cebu on Friday.",
             "A woman died when a ferry sank off Cebu on Friday, the coast guard said.",
             "Four passengers were killed when a ferry capsized off Cebu on Friday."],
            4,
        ),
        # Guard: "one passenger", "one person" are counts, told by two reports.
        (
            ["One passenger was killed when a ferry capsized off Cebu on Friday.",
             "One person died when a ferry sank off Cebu on Friday, the coast guard said.",
             "Four passengers were killed when a ferry capsized off Cebu on Friday."],
            1,
        ),
    ],
    ids=["a-worker-died-two-workers-died", "a-passenger-a-woman-four-dead", "one-counted-twice"],
)  # fmt: skip
def test_a_death_of_one_named_is_one_of_a_count_a_lead_tells(
    reports: list[str], expected: float
) -> None:
    """Reports naming one person who died ("a worker died") tell one of the dead: a count
    another report's lead tells ("two workers died") is the event's toll."""
    done = [_read(text, day) for day, text in enumerate(reports, start=1)]
    assert [(t.concept, t.value) for t in totals(done)] == [(K, expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bank raid: the guard shot in the lead is the one flown to hospital further down.
        (
            "A gunman shot a guard and killed a cashier at a bank in Lyon on Monday. Police "
            "closed the street. The bank stayed shut on Tuesday. Marc Roux, 58, was flown to "
            "hospital in critical condition; Ana Diaz died at the scene.",
            [("injured", 1), ("killed", 1)],
        ),
        # Guard: "another man" wounded is no one the lead told.
        (
            "A gunman shot a guard and killed a cashier at a bank in Lyon on Monday. Police "
            "closed the street. The bank stayed shut on Tuesday. Another man was flown to "
            "hospital in critical condition; Ana Diaz died at the scene.",
            [("injured", 0), ("killed", 1)],
        ),
    ],
    ids=["the-guard-shot-is-the-one-wounded", "another-man-wounded"],
)
def test_a_wound_deep_down_of_one_a_lead_told_shot(
    text: str, expected: list[tuple[str, float]]
) -> None:
    """A wound of one person told past the lead, where a report must corroborate it, is
    this event's when the lead tells that one person shot."""
    got = [(t.concept, t.value) for t in totals([_read(text, 1), _read("The street reopened.", 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == sorted(expected)


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Three climbers died in an avalanche near Zermatt on Sunday.",
            "Rescuers searched the slope on Monday. The pass was closed. Guides said the snow "
            "was unstable. A fourth climber was injured and flown to Sion.",
            [("injured", 1), ("killed", 3)],
        ),
        (
            "Two residents died in a fire at a flat in Glasgow on Friday.",
            "Firefighters worked through the night. The block was evacuated. Neighbours gave "
            "blankets. A third resident was hurt and taken to hospital.",
            [("injured", 1), ("killed", 2)],
        ),
        # Guard: "another man" hurt in a separate crash is another event's.
        (
            "Two residents died in a fire at a flat in Glasgow on Friday.",
            "Firefighters worked through the night. The block was evacuated. Neighbours gave "
            "blankets. Another man was hurt in a separate crash on the M8.",
            [("killed", 2)],
        ),
    ],
    ids=["a-fourth-climber", "a-third-resident", "another-man-elsewhere"],
)
def test_one_counted_after_those_told_is_this_events(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """ "A fourth climber was injured", told past the lead, counts on from the people the
    event's reports told: this event's, as "he later died" is."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == sorted(expected)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            [
                "A bus crashed on the M6 on Monday, killing three passengers.",
                "Three people died when a bus crashed on the M6 on Monday, police said.",
                "A fourth victim of the M6 bus crash, which killed three others, has died.",
            ],
            4,
        ),
        (
            [
                "Two workers were killed in a blast at a chemical plant in Ohio on Monday.",
                "Two workers died and four were hurt in the plant blast, the company said.",
                "A third worker injured in the plant blast has died in hospital.",
            ],
            3,
        ),
        # guard: an ordinal of a series of events is no rise of this one's toll
        (
            [
                "Two cyclists were killed by a lorry in Leeds on Monday.",
                "Two cyclists died when a lorry hit them in Leeds on Monday.",
                "A third cyclist has died on the city's roads in just two days, police said.",
            ],
            2,
        ),
    ],
    ids=["fourth-victim-of-the-crash", "third-worker-of-the-blast", "third-in-two-days"],
)
def test_a_toll_risen_by_one_more_dead(reports: list[str], expected: float) -> None:
    """ "A fourth victim has died": the toll has risen since the reports that told three,
    though more of them told three."""
    got = totals([_read(text, day) for day, text in enumerate(reports, 1)])
    assert [t.value for t in got if t.concept == K] == [expected]


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Two passengers were killed and five were injured when a bus overturned on Monday.",
            "A passenger injured in the bus crash has died in hospital, police said.",
            [("injured", 4), ("killed", 3)],
        ),
        (
            "A fire at a hostel in Leeds killed one man and injured three people on Monday.",
            "A woman died on Friday, a week after she was badly hurt in the hostel fire.",
            [("injured", 2), ("killed", 2)],
        ),
        # guard: the death may be of the dead already counted
        (
            "A 24-year-old man was killed and three men were injured in a crash on the A1.",
            "A man who was critically injured in the crash on the A1 has died, police said.",
            [("injured", 3), ("killed", 1)],
        ),
    ],
    ids=["passenger-injured-has-died", "a-week-after-she-was-hurt", "the-dead-one-again"],
)
def test_a_wounded_one_who_died_since(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """A later report of the death of one wounded before: the earlier reports counted that
    person among the wounded (a person is counted once, at their last state)."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 5)])]
    assert sorted(x for x in got if x[0] in (K, W)) == expected


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Three people were killed and a fourth was injured when a tree fell on a tent.",
            "A fourth victim of the tent collapse at the festival has died, organisers said.",
            [("killed", 4)],
        ),
        (
            "A gas blast at a mine killed two miners and injured three on Monday.",
            "A third miner has died after the gas blast on Monday, the company said.",
            [("injured", 2), ("killed", 3)],
        ),
        # guard: an ordinal that tells no death
        (
            "Two guards were killed and three were injured in a prison riot on Monday.",
            "A second man who took part in the riot is in custody, police said.",
            [("injured", 3), ("killed", 2)],
        ),
    ],
    ids=["fourth-victim-was-the-injured", "third-miner-has-died", "second-man-in-custody"],
)
def test_one_more_dead_by_its_ordinal_was_wounded(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """ "A fourth victim has died" after reports of three dead and one hurt: the hurt one
    died; the earlier reports' wounded are fewer by as many as the toll rose."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 5)])]
    assert sorted(x for x in got if x[0] in (K, W)) == expected


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "One guest died and at least two guests were hurt when a gunman opened fire at a "
            "wedding in Izmir.",
            "Five guests were shot at the wedding in Izmir, police said on Monday.",
            [("injured", 4), ("killed", 1)],
        ),
        (
            "A guard was killed and at least one other was wounded in a shootout with poachers.",
            "Three guards were shot in the shootout with poachers, the park said.",
            [("injured", 2), ("killed", 1)],
        ),
        # guard: an exact count of the hurt stands
        (
            "One guest died and two guests were hurt when a gunman opened fire at a wedding.",
            "Five guests were shot at the wedding, police said on Monday.",
            [("injured", 2), ("killed", 1)],
        ),
    ],
    ids=["at-least-two-hurt-of-five-shot", "at-least-one-wounded-of-three-shot", "two-hurt"],
)
def test_a_floor_of_the_wounded_meets_the_shot_less_the_dead(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """ "At least two were hurt" is no count against "five were shot", one of them dead."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 2)])]
    assert sorted(x for x in got if x[0] in (K, W)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 29-year-old man hurt in the arm was taken to hospital with a 23-year-old "
            "woman hurt in the foot after the bus crash.",
            2,
        ),
        (
            "A 40-year-old miner was injured in the rockfall when a 52-year-old miner was "
            "injured trying to free him.",
            2,
        ),
        # guard: one person told twice by different words
        ("The 19-year-old cried after a teen was injured and his friend was injured.", 1),
    ],
    ids=["two-ages-one-harm", "two-miners-by-age", "a-teen-his-friend"],
)
def test_two_people_told_apart_by_age_in_one_sentence(text: str, expected: float) -> None:
    """Two people of one harm in one sentence, told apart by their ages, are two."""
    got = totals([_read(text, 1)])
    assert [t.value for t in got if t.concept == W] == [expected]


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        (
            "Five people were injured when a balcony collapsed at a party on Saturday.",
            "A man injured in the balcony collapse has died. Tom Hale, 31, was one of five "
            "people injured in the collapse on Saturday.",
            [("injured", 4), ("killed", 1)],
        ),
        (
            "A ferry hit a pier on Sunday, injuring six passengers.",
            "A passenger hurt in the ferry crash on Sunday has died. Six passengers, including "
            "the man, were injured on Sunday.",
            [("injured", 5), ("killed", 1)],
        ),
        # guard: "others" still in hospital are the living
        (
            "Five people were injured when a balcony collapsed at a party on Saturday.",
            "A man injured in the balcony collapse has died. Four others were injured in the "
            "collapse on Saturday.",
            [("injured", 4), ("killed", 1)],
        ),
    ],
    ids=["one-of-five-injured", "six-including-the-man", "four-others"],
)
def test_the_death_reports_own_count_of_the_wounded(
    first: str, later: str, expected: list[tuple[str, float]]
) -> None:
    """The report of a wounded one's death counts the wounded as they were when it names
    the dead among them ("Duhart was one of five people injured"): one fewer now."""
    got = [(t.concept, t.value) for t in totals([_read(first, 1), _read(later, 5)])]
    assert sorted(x for x in got if x[0] in (K, W)) == expected


def test_a_surname_is_the_full_name_told_before() -> None:
    """Guard: "Kenneth Mills" and "Mills" in one sentence are one person, not two told apart."""
    got = totals([_read("Kenneth Mills was injured when a wall fell and Mills was injured.", 1)])
    assert [t.value for t in got if t.concept == W] == [1]


def test_a_death_named_inside_its_wound_count_is_taken_once() -> None:
    """Guard: "three injured, including a 17-year-old who was hurt and later died" counts
    two wounded, the death taken out once (not again as a death of one wounded before)."""
    text = (
        "Three people were injured in the crash on Monday, including a 17-year-old who was "
        "hurt in the head and later died."
    )
    got = [(t.concept, t.value) for t in totals([_read(text, 1)])]
    assert sorted(x for x in got if x[0] in (K, W)) == [("injured", 2), ("killed", 1)]
