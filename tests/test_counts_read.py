"""Casualty counts in the shapes general news writes them, as `factcompare figures` shows
them: (text, value, concept) per casualty figure of one sentence or headline.  Rows from
crash, fire, storm, stampede, explosion, mine, zoo and attack news, written for these
tests; each shape has a row that must not be read as one."""

from __future__ import annotations

import pytest

from compare.extract.figures import figures, headline_figures
from compare.types import Sentence

_CASUALTIES = ("killed", "injured", "shot", "stabbed")


def _read(text: str) -> list[tuple[str, float, str | None]]:
    found = figures(Sentence("a", 0, text, 0, len(text)))
    return [(f.text, f.value, f.concept) for f in found if f.concept in _CASUALTIES]


def _title(text: str) -> list[tuple[str, float, str | None]]:
    found = headline_figures(Sentence("a", -1, text, 0, len(text)), ())
    return [(f.text, f.value, f.concept) for f in found if f.concept in _CASUALTIES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two people joined by "and": one count of two
        (
            "The crash killed the driver and 3-year-old son of the mayor.",
            [("the driver and 3-year-old son", 2, "killed")],
        ),
        (
            "The explosion also injured her brother and 4-year-old daughter in the kitchen.",
            [("her brother and 4-year-old daughter", 2, "injured")],
        ),
        (
            "A 70-year-old woman and a 12-year-old girl were killed in the stampede.",
            [("A 70-year-old woman and a 12-year-old girl", 2, "killed")],
        ),
        (
            "Ana Ruiz and her son died in the fire.",
            [("Ana Ruiz and her son", 2, "killed")],
        ),
        (
            "The driver and a passenger were taken to a hospital in Leeds.",
            [("The driver and a passenger", 2, "injured")],
        ),
        ("The storm killed a man and two children.", [("two", 2, "killed")]),
        (
            "The landslide buried a farmer and his three children.",
            [],
        ),
        (
            "The fire injured a man and his three children.",
            [("a man and his three children", 4, "injured")],
        ),
        (
            "A young couple and their two children were found dead after the flood.",
            [("A young couple and their two children", 4, "killed")],
        ),
        (
            "The blast gravely wounded his father and 9-year-old brother.",
            [("his father and 9-year-old brother", 2, "injured")],
        ),
        (
            "A miner was killed and his brother and 9-year-old son injured in the rockfall.",
            [("A miner", 1, "killed"), ("his brother and 9-year-old son", 2, "injured")],
        ),
        ("The driver was killed and his wife said nothing.", [("The driver", 1, "killed")]),
        # "both"
        ("Both climbers were pronounced dead at the scene.", [("Both climbers", 2, "killed")]),
        ("The avalanche killed both of them.", [("both of them", 2, "killed")]),
        (
            "The rockfall struck the hikers, killing both women.",
            [("both women", 2, "killed")],
        ),
        ("Both teams were hurt by the decision.", []),
        ("Two-dozen pilgrims were hurt in the crush.", [("Two-dozen", 24, "injured")]),
        ("About 3 dozen people were hurt.", [("About 3 dozen", 36, "injured")]),
        # a couple; as many people as listed ages
        ("A couple was killed when their car hit a tree.", [("A couple", 2, "killed")]),
        ("The couple were pronounced dead at the scene.", [("The couple", 2, "killed")]),
        ("A couple of days later, a tourist died.", [("a tourist", 1, "killed")]),
        (
            "The climbers, ages 22, 25 and 31, died on the ridge.",
            [("The climbers, ages 22, 25 and 31,", 3, "killed")],
        ),
        (
            "The victims, ages 22 and 25, were taken to a hospital.",
            [("The victims, ages 22 and 25,", 2, "injured")],
        ),
        ("Rescuers were hurt when the wall collapsed.", []),
        # a death told after the harm, in the person's own clause
        (
            "A worker injured in the blast on Nov. 2 at the refinery died Friday.",
            [("A worker", 1, "killed")],
        ),
        (
            "A miner wounded in the collapse earlier this month has died.",
            [("A miner", 1, "killed")],
        ),
        (
            "A man was injured and a woman died in the collision.",
            [
                ("A man", 1, "injured"),
                ("a woman", 1, "killed"),
            ],
        ),
        (
            "Three fans were injured, including a 17-year-old girl who succumbed to her injuries.",
            [("Three", 3, "injured"), ("a 17-year-old girl", 1, "killed")],
        ),
        (
            "The guard was transported to a local hospital where he succumbed to his wounds.",
            [("The guard", 1, "killed")],
        ),
        (
            "The bomber fatally wounded a guard and injured two visitors.",
            [("a guard", 1, "killed"), ("two", 2, "injured")],
        ),
        # a count taken to hospital or left in a grave condition is a count of the hurt
        (
            "The bus crash killed two and sent 14 passengers to hospitals in the region.",
            [("two", 2, "killed"), ("14", 14, "injured")],
        ),
        (
            "The blast left one dead and two others in critical condition.",
            [("one", 1, "killed"), ("two", 2, "injured")],
        ),
        (
            "One miner died and three were taken to the hospital with burns.",
            [("One", 1, "killed"), ("three", 3, "injured")],
        ),
        (
            "The storm killed four people and left 12 others in serious condition.",
            [("four", 4, "killed"), ("12", 12, "injured")],
        ),
        ("Two are in critical condition, and one is in fair condition.", []),
        ("Two men were arrested and taken to the hospital for evaluation.", []),
        (
            "Five passengers died at the scene and one in hospital, the coroner said.",
            [("Five", 5, "killed"), ("one", 1, "killed")],
        ),
        (
            "Seven people died on the bridge and three after being taken to hospital.",
            [("Seven", 7, "killed"), ("three", 3, "killed")],
        ),
        ("The climber died later in hospital, officials said.", [("The climber", 1, "killed")]),
        # ages between the count and its verb
        (
            "Two hikers, one 16 and the other 17, were injured in the fall.",
            [("Two", 2, "injured")],
        ),
        (
            "Three climbers, ages 19 to 24, were killed in the avalanche.",
            [("Three", 3, "killed")],
        ),
        # one more person: "another", an ordinal
        (
            "One miner died and another was hurt in the rockfall.",
            [("One", 1, "killed"), ("another", 1, "injured")],
        ),
        (
            "The bomb killed one soldier and injured another.",
            [("one", 1, "killed"), ("another", 1, "injured")],
        ),
        (
            "The blaze left one tenant dead and another in critical condition.",
            [("one", 1, "killed"), ("another", 1, "injured")],
        ),
        (
            "Two skiers died and a third was hurt in the avalanche.",
            [("Two", 2, "killed"), ("a third", 1, "injured")],
        ),
        ("Another building was damaged by the storm.", []),
        # one of a count died
        (
            "Five tourists were hurt, one man fatally, when the boat capsized.",
            [("Five", 5, "injured"), ("one", 1, "killed")],
        ),
        (
            "Two guards were stabbed, one fatally, at the embassy.",
            [("Two", 2, "stabbed"), ("one", 1, "killed")],
        ),
    ],
    ids=[
        "object-two-people-second-with-age",
        "object-possessive-pair",
        "subject-two-indefinite-people",
        "subject-name-and-relative",
        "hospital-two-people",
        "a-person-and-a-count",
        "a-person-and-relatives-no-harm",
        "a-person-and-relatives-counted",
        "a-couple-and-relatives",
        "adverb-before-the-harm",
        "elided-were",
        "elided-no-harm",
        "both-subject",
        "both-of-them-object",
        "both-object",
        "both-things-no-people",
        "hyphenated-dozen",
        "digits-dozen",
        "a-couple",
        "the-couple-were",
        "a-couple-of-days-is-no-one",
        "ages-listed-died",
        "ages-listed-hospital",
        "a-group-is-no-person",
        "later-death-after-a-long-clause",
        "reduced-relative-has-died",
        "another-clause-death-is-not-his",
        "who-succumbed",
        "hospital-where-succumbed",
        "fatally-wounded-object",
        "sent-to-hospitals",
        "others-in-critical-condition",
        "taken-to-hospital-after-a-death",
        "left-others-in-serious-condition",
        "conditions-of-some-are-no-count",
        "arrested-and-taken-is-no-harm",
        "died-one-in-hospital-is-a-death",
        "died-after-being-taken-is-a-death",
        "died-in-hospital-stays-dead",
        "ages-aside-one-and-the-other",
        "ages-aside-range",
        "another-subject",
        "another-object",
        "another-in-condition",
        "an-ordinal-subject",
        "another-thing-is-no-person",
        "one-noun-fatally",
        "one-fatally",
    ],
)
def test_counts_in_sentences(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bear mauls camper; hiker injured", [("hiker", 1, "injured")]),
        ("11-Year-Old Grazed By Bullet Outside School", [("11-Year-Old", 1, "injured")]),
        ("Woman recovering after zoo attack", [("Woman", 1, "injured")]),
        ("Woman recovering from cancer tells her story", []),
        (
            "Driver killed, daughter and son hurt in crash",
            [
                ("Driver", 1, "killed"),
                ("daughter and son", 2, "injured"),
            ],
        ),
        ("Storm kills hiker on ridge", [("hiker", 1, "killed")]),
        ("Falling crane kills worker, his son in Leeds", [("worker, his son", 2, "killed")]),
        ("Gas blast hospitalizes tenant", [("tenant", 1, "injured")]),
        (
            "Fire Kills Mom And Grandmother, Injures Baby",
            [
                ("Mom And Grandmother", 2, "killed"),
                ("Baby", 1, "injured"),
            ],
        ),
        ("Team kills it at the finals", []),
        ("Police say guard stabbed his brother & son", [("his brother & son", 2, "stabbed")]),
        ("3 Stabbed, 1 Fatally, At Festival", [("3", 3, "stabbed"), ("1", 1, "killed")]),
        ("Driver charged in crash death of best friend", [("best friend", 1, "killed")]),
        ("Death of a Salesman returns to Broadway", []),
        ("Two men charged in death of hiker", [("hiker", 1, "killed")]),
        ("Inquiry into crash that injured firefighter", [("firefighter", 1, "injured")]),
        ("Pilot, passenger killed in plane crash", [("Pilot, passenger", 2, "killed")]),
        ("Guard, robber wounded in bank raid", [("Guard, robber", 1, "injured")]),
        ("Boy, 9, and grandfather hurt in boat fire", [("Boy, 9, and grandfather", 2, "injured")]),
        ("Teen Killed In Crash On Route 9", [("Teen", 1, "killed")]),
        ("Landslide kills 12 in village", [("12", 12, "killed")]),
    ],
    ids=[
        "after-a-semicolon",
        "age-as-person",
        "recovering-after-harm",
        "recovering-from-illness-no-count",
        "two-people-joined",
        "active-present",
        "active-list",
        "hospitalizes",
        "active-pair-then-another-harm",
        "no-person-no-count",
        "active-past-with-an-object",
        "one-fatally-capitalised",
        "death-of-a-person",
        "death-of-a-title",
        "the-accused-are-not-the-dead",
        "harm-after-that",
        "comma-list",
        "comma-list-the-attacker-is-no-victim",
        "comma-list-with-age",
        "passive-stays",
        "number-stays",
    ],
)
def test_counts_in_headlines(title: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _title(title) == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Two suspects were arrested after he and four others were hurt in the blast.", "people"),
        ("The strike killed 4 soldiers and wounded four others.", "soldiers"),
    ],
    ids=["others-after-a-pronoun-are-people", "others-after-a-group-are-that-kind"],
)
def test_others_after_one_person(text: str, subject: str) -> None:
    """ "he and four others": the others are people, not the group counted before."""
    found = figures(Sentence("a", 0, text, 0, len(text)))
    assert [f.subject for f in found if f.text == "four"] == [subject]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "2 hikers injured after rockfall on ridge",
            "The two were on the ridge when it happened.",
            [("2", 2, "injured")],
        ),
        (
            "Three injured in warehouse fire",
            "Several shots of the blaze were posted online.",
            [("Three", 3, "injured")],
        ),
        ("Three injured in warehouse fire", "Three workers were injured, the firm said.", []),
        (
            "3 Dead, 1 Critical After Ferry Capsizes",
            "The ferry capsized on Sunday.",
            [("3", 3, "killed"), ("1", 1, "injured")],
        ),
        (
            "Pilot, passenger killed; 2 others in hospital",
            "The plane crashed on Sunday.",
            [("Pilot, passenger", 2, "killed"), ("2", 2, "injured")],
        ),
    ],
    ids=[
        "body-number-without-concept-repeats-nothing",
        "vague-body-number-repeats-nothing",
        "the-body-count-repeats-it",
        "a-count-in-critical-condition",
        "others-in-hospital",
    ],
)
def test_headline_count_beside_the_body(
    title: str, body: str, expected: list[tuple[str, float, str | None]]
) -> None:
    """A headline's casualty count is dropped only when the body counts the same thing."""
    found = figures(Sentence("a", 0, body, 0, len(body)))
    heads = headline_figures(Sentence("a", -1, title, 0, len(title)), found)
    assert [(f.text, f.value, f.concept) for f in heads if f.concept in _CASUALTIES] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person under a harm or care told in a phrase ([predicates] phrases)
        ("A jogger was struck by a stray bullet in the park.", [("A jogger", 1, "shot")]),
        ("A tourist was hit by gunfire near the border crossing.", [("A tourist", 1, "shot")]),
        # guard: care phrases were read before ([casualty_readings] hospital)
        ("A cyclist was taken to hospital after the crash.", [("A cyclist", 1, "injured")]),
        ("A bystander was hit by gunfire and killed.", [("A bystander", 1, "killed")]),
        # guard: a thing hit, no person
        ("A wall was hit by a stray bullet.", []),
    ],
)
def test_one_person_under_a_phrase(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person and a count of people before one verb: each is read (the tally adds them)
        (
            "A hiker and two climbers were injured in the rockfall.",
            [("A hiker", 1, "injured"), ("two", 2, "injured")],
        ),
        (
            "A man and two women were killed in the crash on the A9.",
            [("A man", 1, "killed"), ("two", 2, "killed")],
        ),
        (
            "A teacher and three students were wounded in the attack.",
            [("A teacher", 1, "injured"), ("three", 3, "injured")],
        ),
        # guard: a person who speaks of others is no count
        ("A spokesman and two witnesses said three people were hurt.", [("three", 3, "injured")]),
    ],
)
def test_one_person_and_a_count(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's age run on into the person's name is no count
        ("Police: teen driver kills man, 18 Jose Estrada fatally wounded in crash", []),
        ("NEWS Police: Crash kills man, 34 Tom Reyes fatally hurt on Route 9", []),
        # guard: a count of other people after the comma
        ("Bus crash kills driver, 18 passengers hurt", [("18", 18, "injured")]),
    ],
)
def test_age_run_on_into_a_name(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a distance after a passive harm says where: the verb is the count's before it
        (
            "Two people were shot about three blocks from the school.",
            [("Two", 2, "shot")],
        ),
        ("Two hikers were killed three miles from the trailhead.", [("Two", 2, "killed")]),
        ("Four workers were injured 200 yards from the blast.", [("Four", 4, "injured")]),
        ("The driver was killed two doors down from his home.", [("The driver", 1, "killed")]),
        # guard: an active verb's count stays its object
        ("The storm killed three people 20 miles from the coast.", [("three", 3, "killed")]),
    ],
)
def test_distance_after_a_passive(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one more dead told by its ordinal, the verb after what it was a victim of
        (
            "A fourth victim of the bus crash, which killed three others, has died.",
            [("A fourth victim", 4, "killed"), ("three", 3, "killed")],
        ),
        # guard: a harm participle before the death was read before
        (
            "A second climber hurt in the avalanche on Sunday has died.",
            [("A second climber", 2, "killed")],
        ),
        # guard: another's death after "and"
        (
            "A second victim of the blast was hurt and a man died.",
            [("A second victim", 1, "injured"), ("a man", 1, "killed")],
        ),
    ],
)
def test_one_more_dead_by_its_ordinal(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Second victim of bus crash dies", [("Second victim", 2, "killed")]),
        ("Third victim of the stampede dies in hospital", [("Third victim", 3, "killed")]),
    ],
)
def test_one_more_dead_by_its_ordinal_in_a_headline(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ago" closes a time phrase: the person after it is no "a half ago 12-year-old"
        ("A year and a half ago 12-year-old Mia Cole was hurt by a falling tree.", []),
        ("A week ago a 12-year-old was hurt by a falling tree.", [("a 12-year-old", 1, "injured")]),
    ],
)
def test_a_time_ago_is_no_person(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's person, what befell them, then the death
        ("Hiker in coma after fall on Ben Nevis dies", [("Hiker", 1, "killed")]),
        (
            "(UPDATE) Worker on life support after scaffold collapse dies; firm fined",
            [("Worker", 1, "killed")],
        ),
        # guard: a relative clause's death is another's
        (
            "Driver on trial over crash that left a pedestrian who later died",
            [("a pedestrian", 1, "killed")],
        ),
    ],
)
def test_a_headline_death_after_what_befell(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word that numbers a speaker's point is no count
        ("\u201cA crash can cause injury \u2026 Two, you never drive tired,\u201d he said.", []),
        ("The first lesson of the fire is that smoke kills. Two, we must fit alarms.", []),
        # guard: a count with an aside after its comma
        ("Two, including a child, were injured in the fire.", [("Two", 2, "injured")]),
    ],
)
def test_a_numbered_point_is_no_count(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "left" one person and a count of people in one state: each is read
        (
            "The crash left a woman and two children injured, police said.",
            [("a woman", 1, "injured"), ("two", 2, "injured")],
        ),
        (
            "The blast left a worker and three firefighters dead.",
            [("a worker", 1, "killed"), ("three", 3, "killed")],
        ),
        # guard: two states, two counts
        (
            "The attack left a man dead and two women wounded.",
            [("a man", 1, "killed"), ("two", 2, "injured")],
        ),
    ],
)
def test_left_one_and_a_count(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word after a capitalised word is a count when a toll's word follows
        (
            "Local News One dead, three hurt in Route 9 pile-up",
            [("One", 1, "killed"), ("three", 3, "injured")],
        ),
        ("Breaking News Two killed in mine collapse near Tete", [("Two", 2, "killed")]),
        # guard: a name with a number word in it
        ("BBC One reported that three were hurt in the fire.", [("three", 3, "injured")]),
    ],
)
def test_a_label_before_a_toll(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outcome after "and": a harm that is expected to end in survival is a wound
        ("A woman was stabbed and is expected to survive.", [("A woman", 1, "injured")]),
        ("A guard was also shot and is expected to recover.", [("A guard", 1, "injured")]),
        # guard: another subject's "expected to recover"
        (
            "Two men were shot and killed and police are expected to recover the weapon.",
            [("Two", 2, "killed")],
        ),
    ],
)
def test_expected_to_survive_after_and(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _read(text) == expected
