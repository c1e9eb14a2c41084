"""What a figure counts when its phrasing says so: a count revised to an amount, an earlier
value ("up from"), another source's number, a state counted things are in ("without
power"), how many times something was done, money of a named holder or told with a
currency noun, a share of people with their number in an apposition, and a time span
(a duration or the interval between two events).  Sentences of our own from domains the
annotated articles do not cover (sport, energy, farming, housing, schools, health,
transport, crime): (text, [(figure text, concept, subject)]), every figure listed."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

Row = tuple[str, str | None, str | None]

# A count revised to an amount counts the object of the verb of revision; "rose"/"fell"
# have their subject read elsewhere.
REVISED = [
    (
        "farming-harvest-estimate-revised",
        "The ministry revised its wheat harvest estimate down to 41 million tonnes.",
        [("41 million tonnes", "wheat harvest estimate", "ministry")],
    ),
    (
        "health-toll-lowered-from-outbreak",
        "The health ministry lowered the death toll from the outbreak to 212.",
        [("212", "killed", "people")],
    ),
    (
        "housing-target-raised",
        "The council raised its housing target to 12,000.",
        [("12,000", "housing target", None)],
    ),
    (
        "transport-number-of-flights",
        "The airline increased the number of daily flights to 300.",
        [("300", "daily flights", None)],
    ),
    (
        "sport-sales-rose-unchanged",
        "Ticket sales rose to 41,000 on Friday.",
        [("41,000", "ticket sales", None)],
    ),
    (
        "pensions-age-to-from",
        "Officials plan to raise the pension age to 67 from 65.",
        [("67", "pension age", None), ("65", "pension age", None)],
    ),
]

# An earlier value ("up from") and another source's number ("police said 30,000") count
# what the figure before them counts.
SAME_COUNT = [
    (
        "sport-season-tickets-up-from",
        "The club sold 21,000 season tickets, up from 18,500 two years ago.",
        [
            ("21,000", "season tickets sold", "season tickets"),
            ("18,500", "season tickets sold", "season tickets"),
        ],
    ),
    (
        "sport-police-said",
        "The club said 45,000 fans attended; police said 30,000.",
        [("45,000", "fans", "fans"), ("30,000", "fans", "fans")],
    ),
    (
        "labour-company-says",
        "The union says 20,000 workers walked out, while the company says 8,000.",
        [("20,000", "workers", "workers"), ("8,000", "workers", "workers")],
    ),
]

# A state the counted things are in, told after them in their clause; a concept of its
# own or a clause opener before it keeps it for another count.
STATES = [
    (
        "energy-without-electricity",
        "About 300,000 customers in Ohio were without electricity on Tuesday.",
        [("About 300,000", "without power", None)],
    ),
    (
        "energy-left-without-power",
        "The storm left 40,000 homes without power.",
        [("40,000", "without power", None)],
    ),
    (
        "farming-half-under-water",
        "Nearly half of the farmland was under water.",
        [("Nearly half", "under water", None)],
    ),
    (
        "tech-without-internet-for-hours",
        "More than 2 million users were without internet for six hours.",
        [("More than 2 million", "without internet", None), ("six hours", "duration", None)],
    ),
    (
        "energy-died-as-homes-lost-power",
        "Three people died as 10,000 homes lost power.",
        [("Three", "killed", "people"), ("10,000", "without power", None)],
    ),
    (
        "schools-share-on-strike",
        "About 39% of teachers were on strike, the ministry said.",
        [("About 39%", "on strike", "teachers")],
    ),
]

# How many times something was done: the verb before "N times" (its object between).
TIMES = [
    (
        "sport-scored-three-times",
        "Kane scored three times in the second half.",
        [("three", "times scored", None)],
    ),
    (
        "crime-stabbed-times",
        "The victim was stabbed 14 times, prosecutors said.",
        [("The victim", "stabbed", "victim"), ("14", "times stabbed", None)],
    ),
    (
        "economy-times-what-expected",
        "Exports grew 12%, three times what economists had expected.",
        [("12%", "exports rise", None), ("three", "times expected", None)],
    ),
    (
        "economy-times-what-it-was",
        "Rents are now three times what they were in 2010.",
        [("three", "times", None)],
    ),
]

# An amount forecasters expected is the forecast of what the figure before it measures; a
# share reported by people is what they reported ("and headache by 2%": the verb gapped);
# a percentage told "up"/"down" right after an amount is that amount's change.
FORECASTS_AND_REPORTS = [
    (
        "retail-sales-analysts-expected",
        "Sales rose to $4.1bn, above the $3.9bn analysts had expected.",
        [("$4.1bn", "sales", None), ("$3.9bn", "sales forecast", None)],
    ),
    (
        "tech-crashes-cited-by-users",
        "The most common complaint was crashes, cited by 41% of users, and battery drain by 12%.",
        [("41%", "crashes", "users"), ("12%", "battery drain", None)],
    ),
    (
        "farming-exports-down-percent",
        "Wheat exports were 31 million tonnes, down 4% from last season.",
        [
            ("31 million tonnes", "wheat exports", None),
            ("4%", "wheat exports decline", "wheat exports"),
        ],
    ),
]

# Money of a named holder's thing, and money told with a currency noun: a currency is never
# what is counted.
MONEY = [
    (
        "aviation-bonds-of-name",
        "Pension funds own about $3bn of Boeing's bonds.",
        [("about $3bn", "bonds", "Boeing bonds")],
    ),
    (
        "schools-embezzling-millions-of-euros",
        "The treasurer was convicted of embezzling millions of euros from the school district.",
        [("millions", "embezzled", None)],
    ),
    (
        "charity-stealing-thousands-of-dollars",
        "He admitted stealing thousands of dollars from the charity.",
        [("thousands", "stolen", None)],
    ),
]

# A share of people with their number in an apposition is that share; without one, the
# share keeps what its clause says (here nothing).
SHARES = [
    (
        "schools-half-of-students-apposition",
        "More than half of the students, 640, passed the exam.",
        [("More than half", "share of students", "students"), ("640", None, None)],
    ),
    (
        "health-quarter-of-patients-apposition",
        "About a quarter of the patients, 30, were readmitted within a month.",
        [("About a quarter", "share of patients", "patients"), ("30", None, None)],
    ),
    (
        "health-half-without-apposition",
        "Half of the patients on the drug improved.",
        [("Half", None, "patients")],
    ),
]

# A time span after a word of lasting is a duration; one before "later"/"after" is the
# interval between two events; one that says when ("over two days") counts nothing.
SPANS = [
    (
        "sport-suspended-for-minutes",
        "The match was suspended for 40 minutes.",
        [("40 minutes", "duration", None)],
    ),
    ("tech-outage-lasted", "The outage lasted six hours.", [("six hours", "duration", None)]),
    (
        "labour-strike-ended-after",
        "The strike ended after 43 days.",
        [("43 days", "duration", None)],
    ),
    (
        "health-dose-days-later",
        "The second dose was given 21 days later.",
        [("21 days", "interval", None)],
    ),
    (
        "farming-evacuated-over-days",
        "Farmers were evacuated over two days.",
        [("two days", None, None)],
    ),
]

# A part of a whole the sentence opens with counts what befell the part, not the whole's kind.
PARTS = [
    (
        "rail-crash-part-of-the-dead-identified",
        "Of the 275 dead, 88 had been identified.",
        [("275", "killed", "people"), ("88", "identified", None)],
    ),
    (
        "quake-part-of-the-injured-discharged",
        "Of the 1,175 injured, 793 were discharged.",
        [("1,175", "injured", "people"), ("793", "discharged", None)],
    ),
    (
        "protest-part-of-the-arrested-released",
        "Of the 120 protesters arrested, 40 were later released.",
        [("120", "arrested", "protesters"), ("40", "protesters released", None)],
    ),
    (
        "storm-part-of-the-dead-who",
        "Of the 31 dead, 12 were children.",
        [("31", "killed", "people"), ("12", "killed", "children")],
    ),
]

# Groups of people joined by "and" before one verb: the verb tells what befell each group.
LISTS = [
    (
        "fair-stage-collapse-women-and-men-injured",
        "Three women and two men were injured when a stage collapsed at the fair in Porto.",
        [("Three", "injured", "women"), ("two", "injured", "men")],
    ),
    (
        "house-fire-adults-and-children-killed",
        "Four adults and two children were killed in a fire at a home in Greenwood.",
        [("Four", "killed", "adults"), ("two", "killed", "children")],
    ),
    (
        "protest-women-and-men-arrested",
        "Three women and two men were arrested on Monday.",
        [("Three", "arrested", "women"), ("two", "arrested", "men")],
    ),
    (
        "storm-things-listed-keep-their-kind",
        "Five cars and two buses were damaged in the storm.",
        [("Five", "cars", None), ("two", "buses damaged", "buses")],
    ),
]


# People treated in or taken to hospital after an event were hurt in it (a phrase of the
# vocabulary's [predicates]); "treated" alone names no harm.
HOSPITAL = [
    (
        "transport-treated-in-hospital",
        "Two people survived, and 16 were treated in hospital.",
        [("Two", "survived", "people"), ("16", "injured", "people")],
    ),
    (
        "storm-treated-at-hospitals-after-deaths",
        "The storm killed 4 people and 30 were treated at hospitals.",
        [("4", "killed", "people"), ("30", "injured", "people")],
    ),
    (
        "factory-taken-to-a-hospital",
        "Nine workers were taken to a hospital after the blast.",
        [("Nine", "injured", "workers")],
    ),
    (
        "crime-treated-as-suspicious-guard",
        "The death was treated as suspicious by 3 detectives.",
        [("3", "detectives", None)],
    ),
]


# Land a fire scorched or charred is the area it burned ([synonyms.concepts]).
SCORCHED = [
    (
        "wildfire-scorched-acres",
        "The fire had scorched 368,000 acres by Tuesday.",
        [("368,000 acres", "area scorched", None)],
    ),
]


# People driven from their homes are displaced, whatever the sentence counted before.
UPROOTED = [
    (
        "flood-forced-from-homes-after-deaths",
        "Floods killed 47 people and forced more than 40,000 from their homes.",
        [("47", "killed", "people"), ("more than 40,000", "displaced", "people")],
    ),
    (
        "war-drove-out-of-homes",
        "The fighting drove 5,000 people out of their homes.",
        [("5,000", "displaced", "people")],
    ),
    (
        "guard-wildfire-forced-to-flee",
        "The fire forced 2,000 residents to flee.",
        [("2,000", "displaced", "residents")],
    ),
    (
        "guard-factory-forced-to-take-leave",
        "The company forced 300 workers to take leave.",
        [("300", "workers", "workers")],
    ),
]


def _rows(text: str) -> list[Row]:
    return [(f.text, f.concept, f.subject) for f in extract(Article("a", "a.txt", text)).figures]


CASES = [
    *REVISED,
    *SAME_COUNT,
    *STATES,
    *TIMES,
    *FORECASTS_AND_REPORTS,
    *MONEY,
    *SHARES,
    *SPANS,
    *PARTS,
    *HOSPITAL,
    *UPROOTED,
    *SCORCHED,
    *LISTS,
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phrasing_names_the_concept(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
