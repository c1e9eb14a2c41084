"""Casualty counts told without a number, as `factcompare figures` shows them: (text, value,
concept, role) per figure of one sentence.  Rows from road, fire, quake, stabbing and
industrial news, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.extract.figures import figures, headline_figures
from compare.pipeline import extract
from compare.types import Article, Figure, Sentence


def _read(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [
        (f.text, f.value, f.concept, f.role) for f in figures(Sentence("a", 0, text, 0, len(text)))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outcome after the harm
        ("Two hikers were shot and killed near the trail.", [("Two", 2, "killed", None)]),
        ("Three shoppers were stabbed and wounded at the market.", [("Three", 3, "injured", None)]),
        ("Two guards were stabbed to death.", [("Two", 2, "killed", None)]),
        ("A man was stabbed in the neck and killed.", [("A man", 1, "killed", None)]),
        (
            "Five people were shot and one was killed.",
            [("Five", 5, "shot", None), ("one", 1, "killed", None)],
        ),
        # one more person named by an ordinal after a count; not "a third of", "a third time"
        (
            "The crash killed two passengers and injured a third, police said.",
            [("two", 2, "killed", None), ("a third", 1, "injured", None)],
        ),
        (
            "The gunman killed two people and wounded a third before fleeing.",
            [("two", 2, "killed", None), ("a third", 1, "injured", None)],
        ),
        (
            "The outbreak killed a third of the herd.",
            [("a third", 33.333333333333336, "killed", None)],
        ),
        ("The driver was injured a second time.", [("The driver", 1, "injured", None)]),
        # a definite person, a name, a pronoun
        ("The driver was pronounced dead at the scene.", [("The driver", 1, "killed", None)]),
        ("The bus driver has died, the company said.", [("The bus driver", 1, "killed", None)]),
        (
            "Priya Nair, 34, was pronounced dead at the factory.",
            [("Priya Nair, 34,", 1, "killed", None)],
        ),
        (
            "Officials said 61-year-old Tomas Berg was crushed to death.",
            [("61-year-old Tomas Berg", 1, "killed", None)],
        ),
        ("She died in hospital on Friday.", [("She", 1, "killed", None)]),
        (
            "His brother was critically injured in the collapse.",
            [("His brother", 1, "injured", None)],
        ),
        (
            "The suspect was pronounced dead after the standoff.",
            [("The suspect", 1, "killed", "suspect")],
        ),
        # a person as the object
        (
            "The blaze killed a firefighter and injured a neighbour.",
            [("a firefighter", 1, "killed", None), ("a neighbour", 1, "injured", None)],
        ),
        ("The collapse left a worker dead.", [("a worker", 1, "killed", None)]),
        (
            "The crash left the cyclist in critical condition.",
            [("the cyclist", 1, "injured", None)],
        ),
        ("The quake killed Maria Santos, a teacher.", [("Maria Santos", 1, "killed", None)]),
        # a killing named by its victim, a wound carried
        (
            "He was charged over the fatal stabbing of a teenager.",
            [("a teenager", 1, "killed", None)],
        ),
        (
            "Police are investigating the death of a worker at the plant.",
            [("a worker", 1, "killed", None)],
        ),
        ("Crews found a man suffering from severe burns.", [("a man", 1, "injured", None)]),
        ("Medics treated a woman with a stab wound to the arm.", [("a woman", 1, "injured", None)]),
        # what is no count
        ("He said he was in the car when it happened.", []),
        (
            "A journalist and his son died in the strike.",
            [("A journalist and his son", 2, "killed", None)],
        ),
        ("The gunman later killed himself.", [("killed himself", 1, "killed", "suspect")]),
        (
            "Dozens of badly wounded Palestinians crossed the border.",
            [("Dozens", 24, "injured", None)],
        ),
        ("Six people were in the car during the crash.", [("Six", 6, None, None)]),
        ("Action News 5 reported that one person was hurt.", [("one person", 1, "injured", None)]),
        (
            "WPSD Local 6 reported that one driver was hurt in the crash.",
            [("one driver", 1, "injured", None)],
        ),
        (
            "WKRN Nashville 2 said a firefighter was hurt in the blaze.",
            [("a firefighter", 1, "injured", None)],
        ),
        (
            "Nelven Ortiz, 18, was charged in the death of Davon Price, also 18.",
            [("Davon Price", 1, "killed", None)],
        ),
        ("After the fire, the two brothers went home.", [("two", 2, "brothers", None)]),
        ("The killing of three aid workers drew protests.", [("three", 3, "killed", None)]),
        (
            "The guard was stabbed several times.",
            [("The guard", 1, "stabbed", None), ("several", 3, "times stabbed", None)],
        ),
        ("Witnesses heard three shots before the crash.", [("three", 3, "shots", None)]),
        ("A guard was stabbed twice and killed.", [("A guard", 1, "killed", None)]),
        ("A hunter accidentally shot himself in the leg.", [("shot himself", 1, "injured", None)]),
        ("The boy accidentally shot himself, police said.", [("shot himself", 1, "shot", None)]),
        ("The explosion injured a bystander.", [("a bystander", 1, "injured", None)]),
        ("None suffered serious injuries in the blast.", []),
        (
            "Lena Ortiz, 52, was stabbed in the chest and pronounced dead at the scene.",
            [("Lena Ortiz, 52,", 1, "killed", None)],
        ),
        ("He is accused of trying to kill 2 guards at the mine.", [("2", 2, None, None)]),
        ("3 men charged with attempted murder after the stabbing", [("3", 3, None, None)]),
        (
            "Two climbers were killed and a third man was charged with attempted murder.",
            [("Two", 2, "killed", None)],
        ),
        (
            "The driver was airlifted to Regional Medical Center.",
            [("The driver", 1, "injured", None)],
        ),
        (
            "Officials say a second worker, Ana Ruiz, is being treated for burns.",
            [("a second worker", 1, "injured", None)],
        ),
        ("Officers said the man was taken to the police station.", []),
        (
            "The driver was taken to a hospital in Mesa, where he died on Friday.",
            [("The driver", 1, "killed", None)],
        ),
        (
            "The climber was flown to the hospital and pronounced dead.",
            [("The climber", 1, "killed", None)],
        ),
        (
            "A worker who was hit by a falling beam on Monday has died, the firm said.",
            [("A worker", 1, "killed", None)],
        ),
        (
            "A man who was badly burned in a warehouse fire on the east side of the city early on "
            "Friday morning has died, officials said.",
            [("A man", 1, "killed", None)],
        ),
        (
            "The gunman killed 49 people before he was shot dead by police.",
            [("49", 49, "killed", None), ("he", 1, "killed", "suspect")],
        ),
        (
            "The driver swerved off the road before he died in the crash.",
            [("he", 1, "killed", None)],
        ),
        ("A man who saw the stampede said he was shaken.", []),
        ("The climber, 28, later died at the base camp.", [("The climber", 1, "killed", None)]),
        ("The quake killed 28, officials said.", [("28", 28, "killed", None)]),
        (
            "The victim suffered two stab wounds, police said.",
            [("The victim", 1, "injured", None), ("two", 2, "wounds", None)],
        ),
        (
            "The fire at 2222 N. Nevada Ave. killed two residents.",
            [("two", 2, "killed", None)],
        ),
        (
            "The hiker was injured in the fall, and was later pronounced dead.",
            [("The hiker", 1, "killed", None)],
        ),
        (
            "A guard was stabbed in the neck, and was later pronounced dead.",
            [("A guard", 1, "killed", None)],
        ),
        (
            "Two guards were stabbed, and one was later pronounced dead.",
            [("Two", 2, "stabbed", None), ("one", 1, "killed", None)],
        ),
        ("The blast killed a miner and his son.", [("a miner and his son", 2, "killed", None)]),
        ("The storm killed a man and two children.", [("two", 2, "killed", None)]),
        ("He faces trial with two murder suspects.", [("two", 2, "suspects", None)]),
        ("Two murder victims were found in the river.", [("Two", 2, "killed", None)]),
        # a harm named with its count: "a triple shooting", "a double homicide"
        (
            "Police are investigating a triple shooting outside a Leeds nightclub.",
            [("triple", 3, "shot", None)],
        ),
        ("The double homicide shocked the village.", [("double", 2, "killed", None)]),
        ("A quadruple fatal crash closed the motorway.", [("quadruple", 4, "killed", None)]),
        ("Exports will double by 2030, the minister said.", []),
        # surviving a harm is a wound; a bullet's hit is a shot
        (
            "Three hikers were shot, but all are expected to survive.",
            [("Three", 3, "injured", None)],
        ),
        ("The cyclist was grazed by a bullet.", [("The cyclist", 1, "injured", None)]),
        ("Maria Lopez, 34, was hit by a stray bullet.", [("Maria Lopez, 34,", 1, "shot", None)]),
        ("The miner passed away in hospital.", [("The miner", 1, "killed", None)]),
        # shot oneself by accident: a victim, not an attacker
        (
            "A hunter who shot himself by accident was airlifted to hospital.",
            [("shot himself", 1, "shot", None)],
        ),
    ],
    ids=[
        "shot-and-killed",
        "stabbed-and-wounded",
        "stabbed-to-death",
        "outcome-after-where",
        "outcome-of-another-count-is-its-own",
        "ordinal-one-more-injured",
        "ordinal-before-a-function-word",
        "ordinal-share-of-is-no-person",
        "ordinal-time-is-no-person",
        "definite-pronounced-dead",
        "definite-has-died",
        "name-with-age",
        "age-name-after-said",
        "pronoun-died",
        "possessive-injured",
        "suspect-dead",
        "objects-of-fire",
        "object-left-dead",
        "object-left-in-condition",
        "object-named",
        "fatal-stabbing-of",
        "death-of-a-worker",
        "suffering-burns",
        "with-stab-wound",
        "pronoun-not-hurt",
        "two-people-not-one",
        "self-killing-not-the-gunman",
        "plural-group-no-name",
        "the-crash-is-no-count",
        "broadcaster-channel",
        "call-letters-and-a-name-word",
        "call-letters-and-a-city",
        "age-after-also",
        "the-event-before-is-no-count",
        "the-killing-of-counts",
        "times-not-people",
        "shots-not-people",
        "outcome-after-times",
        "shot-self-in-limb",
        "shot-self-accidentally",
        "bystander-object",
        "none-is-no-name",
        "name-outcome-pronounced-dead",
        "trying-to-kill",
        "attempted-murder",
        "killed-beside-attempt",
        "airlifted-to-a-hospital",
        "being-treated-apposition",
        "taken-elsewhere",
        "taken-to-hospital-where-died",
        "taken-to-hospital-and-pronounced-dead",
        "who-then-has-died",
        "who-after-a-long-clause-has-died",
        "killer-shot-dead-after-killing",
        "driver-died-after-no-harm-done",
        "who-without-a-death",
        "age-in-commas-is-no-count",
        "a-count-before-a-comma-stays",
        "wounds-are-no-people",
        "a-street-number-is-no-count",
        "injured-then-later-pronounced-dead",
        "stabbed-then-later-pronounced-dead",
        "a-count-then-one-of-them-died",
        "two-objects",
        "object-then-a-number",
        "crime-suspects",
        "crime-victims",
        "triple-shooting",
        "double-homicide",
        "quadruple-fatal-crash",
        "double-is-no-harm",
        "shot-but-expected-to-survive",
        "grazed-by-a-bullet",
        "hit-by-a-stray-bullet",
        "passed-away",
        "shot-self-by-accident",
    ],
)
def test_casualty_counts(
    text: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Teen Killed In Crash On Route 9", [("Teen", 1, "killed")]),
        ("10-Year-Old Girl Dies After House Fire", [("10-Year-Old Girl", 1, "killed")]),
        ("Update: Miner hurt in tunnel collapse", [("Miner", 1, "injured")]),
        ("Quake: Climber, 40, seriously injured on ridge", [("Climber", 1, "injured")]),
        ("Cyclist struck, critically injured", []),
        ("Police say driver was sober", []),
        ("Worker injured in plant blast dies", [("Worker", 1, "killed")]),
        ("Climber hurt in fall; guide says rescue was slow", [("Climber", 1, "injured")]),
    ],
    ids=[
        "title-case",
        "age-person-dies",
        "after-a-label",
        "age-in-commas",
        "no-harm-verb",
        "no-harm",
        "hurt-then-dies",
        "hurt-and-no-death",
    ],
)
def test_headline_counts(title: str, expected: list[tuple[str, float, str | None]]) -> None:
    body: tuple[Figure, ...] = ()
    found = headline_figures(Sentence("a", -1, title, 0, len(title)), body)
    assert [(f.text, f.value, f.concept) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (
            "The crash happened a mile from a March 2014 collision that left a cyclist dead.",
            "background",
        ),
        ("The blaze was the worst since a 2012 fire that killed a firefighter.", "background"),
        ("Since 2012, a worker has been killed at the plant.", "current"),
        ("A worker was killed on Monday.", "current"),
    ],
    ids=["from-an-earlier-event", "since-an-earlier-event", "since-opens-a-period", "this-event"],
)
def test_count_of_one_scope(text: str, scope: str) -> None:
    article = Article(
        id="a", path="-", text=f"A man was hurt. {text}", published=dt.date(2015, 9, 1)
    )
    assert [f.scope for f in extract(article).figures][1:] == [scope]


def test_headline_death_over_body_wound() -> None:
    """A headline's death is kept beside the body's wound of the same person; a headline
    that repeats the body's count is the body's."""
    text = "A worker was shot at the plant."
    body = figures(Sentence("a", 0, text, 0, len(text)))
    died = Sentence("a", -1, "Worker Dies After Plant Shooting", 0, 32)
    hurt = Sentence("a", -1, "Worker Shot At Plant", 0, 20)
    assert [f.concept for f in headline_figures(died, body)] == ["killed"]
    assert headline_figures(hurt, body) == ()


@pytest.mark.parametrize(
    ("line", "scope"),
    [
        ("RELATED: Bus plunges into ravine, 12 dead", "background"),
        ("READ MORE: Three firefighters hurt in warehouse blaze", "background"),
        ("Watch: Quake of magnitude 6.1 leaves 40 injured", "background"),
        ("More than 40 people were injured in the stampede.", "current"),
        ("Officials: two workers were killed in the collapse.", "current"),
    ],
    ids=["related", "read-more", "watch", "more-than-is-no-label", "a-source-label"],
)
def test_link_line_is_another_story(line: str, scope: str) -> None:
    """A line that points to another story counts that story's casualties, not this one's."""
    text = f"A ferry capsized on Sunday.\n\n{line}\n\nDivers searched the river."
    article = Article(id="a", path="-", text=text, published=dt.date(2019, 4, 2))
    got = [f.scope for f in extract(article).figures if f.concept in ("killed", "injured")]
    assert got == [scope]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Three riders, ages 19, 21 and 22, were hurt in the crash.", [3]),
        ("Two girls between the ages of 11 and 15 were hospitalized after the fire.", [2, 11]),
        ("The driver, 64, and a passenger, 31, died in the collision.", []),
        ("The landslide killed 12, and 30 were injured.", [12, 30]),
    ],
    ids=["list-of-ages", "range-of-ages", "ages-in-commas", "counts-before-commas"],
)
def test_ages_are_no_counts(text: str, values: list[float]) -> None:
    """An age beside a person is no casualty count (the first age of a range keeps its
    concept "ages", which counts nobody)."""
    assert [f.value for f in figures(Sentence("a", 0, text, 0, len(text)))] == values


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The gunman killed 19 children before he was shot dead by officers.", "gunman"),
        ("A driver rammed the crowd and injured 12 before he was killed by police.", "driver"),
    ],
    ids=["gunman", "driver"],
)
def test_attacker_named_by_the_noun_before(text: str, subject: str) -> None:
    """The pronoun after a harm done to others is the attacker, named by the noun before."""
    found = figures(Sentence("a", 0, text, 0, len(text)))
    assert [(f.text, f.subject, f.role) for f in found if f.role == "suspect"] == [
        ("he", subject, "suspect")
    ]


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        (
            "Four people were killed and 16 hurt in weekend crashes across the state.",
            ["background"] * 2,
        ),
        ("In two separate stabbings, three people were hurt.", ["background"]),
        ("2 killed, 4 hurt in Sunday night crashes on Route 9", ["background"] * 2),
        ("Two people died in a crash on the motorway on Sunday.", ["current"]),
        ("At least 30 people were killed in attacks across the region.", ["current"]),
    ],
    ids=[
        "weekend-crashes",
        "separate-stabbings",
        "sunday-night-crashes",
        "one-crash",
        "attacks-are-one-story",
    ],
)
def test_roundup_counts_several_events(text: str, scopes: list[str]) -> None:
    """A toll told of several events at once is a roundup's, not this event's count."""
    article = Article(id="a", path="-", text=text, published=dt.date(2021, 7, 4))
    got = [f.scope for f in extract(article).figures if f.concept in ("killed", "injured")]
    assert got == scopes
