"""What a figure counts and who or what is counted, for shapes news writes in every domain:
a force's name before the people it counts, a count named only as a count ("the count
stood at", "put it at"), a unit that says what is measured (a speed, a distance).
Sentences and articles of our own from several domains: (text, [(figure text, concept,
subject)]), every figure of the text listed."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

Row = tuple[str, str | None, str | None]

# A name that ends in a plural ("Police", "Guards") before the people it names: the people
# are who is counted, the name qualifies them.
FORCES = [
    (
        "protest-state-police-troopers-died",
        "Two State Police troopers also died when their helicopter crashed near Richmond.",
        [("Two", "killed", "state police troopers")],
    ),
    (
        "sport-capitol-police-officers",
        "The gunman exchanged fire with two Capitol Police officers at the ballpark.",
        [("two", "officers", "officers")],
    ),
    (
        "disaster-coast-guard-crews",
        "Three Coast Guards crews were deployed off Galveston on Monday.",
        [("Three", "deployed", "coast guards crews")],
    ),
    (
        "health-lowercase-police-unchanged",
        "Three police officers were hurt in the clashes in Lyon.",
        [("Three", "injured", "police")],
    ),
]

# A count named only as a count, or as "it", counts what the article's previous figure
# counts (the vocabulary's [references]); its change is a change of that.
REFERENCES = [
    (
        "flood-the-count-stood-at",
        "Floods have killed 1,200 people in the north, officials said. In the south the count"
        " stood at 340.",
        [("1,200", "killed", "people"), ("340", "killed", "people")],
    ),
    (
        "disaster-final-count-could-reach",
        "The landslide killed at least 670 people. The governor said the final count could"
        " reach 2,000.",
        [("at least 670", "killed", "people"), ("2,000", "killed", "people")],
    ),
    (
        "company-the-figure-was-up",
        "Acme reported revenue of $4.2bn for the quarter, Acme said. The figure was up 12%"
        " from a year earlier.",
        [("$4.2bn", "revenue", "Acme"), ("12%", "revenue rise", "Acme")],
    ),
    (
        "earthquake-put-it-at",
        "The USGS measured the quake at magnitude 6.4, with its centre 20 km north of Mardan."
        " Pakistan's meteorological department put it at 6.6.",
        [
            ("6.4", "magnitude", "earthquake"),
            ("20 km", "distance", None),
            ("6.6", "magnitude", "earthquake"),
        ],
    ),
    (
        "election-tally-noun-kept",
        "The Greens' seat tally rose to 14.",
        [("14", "seats", None)],
    ),
]

# What a unit alone says an amount measures ([unit_measures]): a speed; a length with a
# direction after it is a distance. A measure the sentence names wins.
UNIT_MEASURES = [
    (
        "transport-train-speed",
        "The express was travelling at 128 km/h when it left the rails near Pune.",
        [("128 km/h", "speed", "express")],
    ),
    (
        "storm-winds-named",
        "The storm's winds reached 150 mph in the Keys.",
        [("150 mph", "winds", "storm")],
    ),
    (
        "earthquake-distance-southwest",
        "The quake's centre was about 70 km southwest of Kabul.",
        [("about 70 km", "distance", None)],
    ),
    (
        "transport-distance-off-coast",
        "The ferry sank 12 miles off the coast of Lesbos.",
        [("12 miles", "distance", None)],
    ),
]


# A capitalised word opening the sentence is no owner when it is a participle ("Insured
# losses") or followed by "of" ("Shares of the company", "Holders of the bonds").
NOT_OWNERS = [
    (
        "storm-insured-losses",
        "Insured losses could reach $40bn, a modelling firm said.",
        [("$40bn", "losses", None)],
    ),
    (
        "company-shares-of-the-company",
        "Shares of the company, which passed $2 trillion in market value in June, fell.",
        [("passed $2 trillion", "market value", None)],
    ),
    (
        "bank-holders-of-bonds",
        "Holders of $17bn of bonds were wiped out.",
        [("$17bn", "bonds", None)],
    ),
    (
        "bank-name-with-of-kept",
        "Bank of America reported revenue of $25bn.",
        [("$25bn", "revenue", "Bank of America")],
    ),
]


# An amount or change per share is the measure per share (company results, any company).
PER_SHARE = [
    (
        "company-net-income-or-a-share",
        "Net income rose to $4.1bn, or $2.05 a share, up 9% per share from a year earlier.",
        [
            ("$4.1bn", "net income", None),
            ("$2.05 a share", "net income per share", None),
            ("9%", "net income per share rise", None),
        ],
    ),
    (
        "bank-earned-cents-per-share",
        "The bank earned $3.1bn, or 92 cents per share, in the quarter.",
        [("$3.1bn", "earnings", None), ("92 cents per share", "earnings per share", None)],
    ),
]

# Crowds: a count of people right after a verb of drawing a crowd is the turnout
# ([crowds]); a march named before its count is a count of marchers; the people making up
# a body ("the jury of", "a crew of") are its members ([bodies]).
CROWDS = [
    (
        "protest-rally-drew",
        "The rally drew 50,000 people according to police and 120,000 according to organisers.",
        [("50,000", "turnout", "people"), ("120,000", "turnout", "people")],
    ),
    (
        "sport-final-attracted-fans",
        "The cup final attracted 90,000 fans to Wembley.",
        [("90,000", "turnout", "fans")],
    ),
    (
        "protest-put-the-march-at",
        "Police had put that earlier march at 60,000.",
        [("60,000", "marched", "people")],
    ),
    (
        "weather-march-the-month",
        "In March 2,000 people were evacuated from Lismore.",
        [("2,000", "evacuated", "people")],
    ),
    (
        "trial-jury-of",
        "The jury of eight women and four men deliberated for two days.",
        [
            ("eight", "jury members", "women"),
            ("four", "jury members", "men"),
            ("two days", "duration", "jury"),
        ],
    ),
    (
        "transport-crew-of",
        "The lifeboat had a crew of 12.",
        [("12", "crew members", None)],
    ),
]

# What ends a count's clause: a duration says when, not what a later count is ("voted over
# six weeks"); "before" and "after" open another clause ("killed 19 children and two
# teachers before he was shot dead").
CLAUSES = [
    (
        "election-voted-over-weeks",
        "About 31 million people voted over two weeks of polling.",
        [("About 31 million", "voted", "people"), ("two weeks", "polling duration", "polling")],
    ),
    (
        "flood-evacuated-over-days",
        "About 300 people were evacuated over two days.",
        [("About 300", "evacuated", "people"), ("two days", None, None)],
    ),
    (
        "shooting-before-he-was-shot",
        "The gunman killed five people and two officers before he was shot dead by police.",
        # the count ends before "before"; the attacker's own death is read too (issue 11)
        [("five", "killed", "people"), ("two", "killed", "officers"), ("he", "killed", "gunman")],
    ),
    (
        "transport-hit-before-police-shot",
        "The driver hit six pedestrians before police shot him.",
        [("six", "pedestrians", None)],
    ),
]


# Whose a count is: a name standing alone before a later count of the same thing ("and
# Bolsonaro 58,206,354"); a name that makes or expects to have it ([holders]); a word
# that stands where a noun would and names none ("worldwide") leaves the count to the
# earlier one's noun.  A relative clause of people ("who ...") is stepped over to its verb.
OWNERS = [
    (
        "election-votes-and-the-runner-up",
        "Petro received 11,281,013 votes and Hernandez 10,580,412, the registrar said.",
        [("11,281,013", "votes", "Petro"), ("10,580,412", "votes", "Hernandez")],
    ),
    (
        "sport-medals-and-the-rival",
        "Norway won 37 medals and Germany 27 at the Games.",
        [("37", "medals", "Norway"), ("27", "medals", "Germany")],
    ),
    (
        "health-expects-to-have-doses",
        "Novavax expects to have about 100 million doses by June and 2 billion worldwide next"
        " year.",
        [("about 100 million", "doses", "Novavax"), ("2 billion", "doses", "Novavax")],
    ),
    (
        "company-expects-to-make-cars",
        "Tesla expects to make up to 500,000 cars in Berlin.",
        [("up to 500,000", "cars", "Tesla")],
    ),
    (
        "health-has-doctors-counts-doctors",
        "Duly has more than 900 doctors.",
        [("more than 900", None, "doctors")],
    ),
    (
        "disaster-who-clause-then-verb",
        "Three miners who had been trapped underground for a week were rescued.",
        [("Three", "rescued", "miners")],
    ),
]


# A change of a named series that no owner has is the series' ("Petrol prices jumped
# 11.2%"); a one-word measure waits for its owner; a name in the series is left to place.
# A share told "higher" or "lower" is a change of the measure before it.
SERIES = [
    (
        "economy-petrol-prices",
        "Petrol prices jumped 11.2% in May and were 48.5% higher than a year earlier.",
        [
            ("11.2%", "petrol prices rise", "petrol prices"),
            ("48.5%", "petrol prices rise", "petrol prices"),
        ],
    ),
    (
        "housing-uk-house-prices",
        "UK house prices fell 2.1% in the year to March.",
        [("2.1%", "uk house prices decline", "house prices")],
    ),
    (
        "jobs-average-hourly-earnings",
        "Average hourly earnings rose 4.4% from a year earlier.",
        [("4.4%", "average hourly earnings rise", "average hourly earnings")],
    ),
    (
        "company-revenue-waits-for-owner",
        "Revenue rose 8% to $2bn.",
        [("8%", "revenue rise", None), ("$2bn", "revenue", None)],
    ),
    (
        "energy-rents-lower",
        "In Spain, electricity bills were 12% lower than in winter.",
        [("12%", "electricity bills decline", "electricity bills")],
    ),
]

# The group of a study a count is in: what it was given ([arms]), the group named after an
# aside, who a count of cases is among; "N were <people>" after a toll.
GROUPS = [
    (
        "others-after-one-person-are-people",
        "A tram crash in Lisbon killed one woman and injured 22 others.",
        [("one", "killed", "woman"), ("22", "injured", "people")],
    ),
    (
        "others-after-a-group-are-that-group",
        "The factory blast killed 3 workers and injured 5 others.",
        [("3", "killed", "workers"), ("5", "injured", "workers")],
    ),
    (
        "health-placebo-and-drug-arms",
        "Of 90 patients who relapsed, 71 had received a placebo and 19 the drug, the company said.",
        [
            ("90", None, "patients"),
            ("71", "patients", "placebo group"),
            ("19", "patients", "drug group"),
        ],
    ),
    (
        "health-group-given-the-treatment",
        "Twelve deaths occurred in the group given the treatment.",
        [("Twelve", "killed", "treatment group")],
    ),
    (
        "health-aside-inside-the-group",
        "All 14 severe cases, including two deaths, were in the control group.",
        [("14", "severe cases", "control group"), ("two", "killed", "control group")],
    ),
    (
        "health-cases-among-children",
        "Officials confirmed 300 cases of measles among schoolchildren in Samoa.",
        [("300", "cases", "schoolchildren")],
    ),
    (
        "disaster-deaths-among-residents",
        "The heatwave caused 45 deaths among elderly residents in Lyon.",
        [("45", "killed", "elderly residents")],
    ),
    (
        "crowd-were-foreign-nationals",
        "The toll rose to 97. Twenty were foreign nationals.",
        [("97", "killed", "people"), ("Twenty", "killed", "foreign nationals")],
    ),
    (
        "shooting-a-count-with-its-own-noun-is-no-part",
        "A teen was injured. Five people under the age of 19 were in the house.",
        [("A teen", "injured", "teen"), ("Five", None, "people")],
    ),
    (
        "arrests-were-teenagers",
        "Police arrested 40 people. Twelve were teenagers.",
        [("40", "arrested", "people"), ("Twelve", "arrested", "teenagers")],
    ),
]


# The event that caused an amount owns it ([causes]); a share of a thing told with
# "its"/"their" is that thing of the sentence's leading name ([possessives]), so two makers'
# products stay apart.
CAUSES_AND_POSSESSIVES = [
    (
        "flood-caused-damage-and-losses",
        "Last year's floods in Kerala caused $3.8bn of damage and $1.2bn in lost output.",
        [("$3.8bn", "damage", "floods"), ("$1.2bn", "lost output", "floods")],
    ),
    (
        "earthquake-quake-left-damage",
        "The quake left an estimated $4bn of damage in Izmir.",
        [("an estimated $4bn", "damage", "quake")],
    ),
    (
        "health-their-vaccine",
        "Sanofi and GSK said their vaccine was 100% effective against severe disease.",
        [("100%", "effective", "Sanofi vaccine")],
    ),
    (
        "health-its-drug-after",
        "Novo reported efficacy of 15% for its weight-loss drug in the trial.",
        [("15%", "efficacy", "Novo drug")],
    ),
    (
        "company-its-revenue-is-the-company",
        "Apple said its revenue rose 8% to $90bn.",
        [("8%", "revenue rise", "Apple"), ("$90bn", "revenue", "Apple")],
    ),
    (
        "disaster-the-count-of-the-main-concept",
        "Rescuers found 120 dead and 40 missing on Monday, and 150 dead and 35 missing on"
        " Tuesday. The final count could reach 300.",
        [
            ("120", "killed", "people"),
            ("40", "missing", "people"),
            ("150", "killed", "people"),
            ("35", "missing", "people"),
            ("300", "killed", "people"),
        ],
    ),
    (
        "trial-one-count-of-is-no-reference",
        "He was convicted on three counts of fraud and one count of perjury.",
        [("three", "counts", None), ("one", "count", None)],
    ),
]


# A measure a verb of change takes "from" one amount "to" another; a count that "has shrunk
# to" another is the same count; what a duration lasts, told after "of".
CHANGES_AND_SPANS = [
    (
        "protest-retirement-age-from-to",
        "Unions marched against the plan to raise the state pension age from 66 to 67.",
        [("67", "state pension age", None)],  # 66 is its previous value
    ),
    (
        "company-cut-workforce-from-to",
        "The carmaker cut its workforce from 5,000 to 4,200.",
        [("4,200", "workforce", None)],
    ),
    (
        "wildfire-list-has-shrunk-to",
        "The number of people missing, which had peaked at 800, has shrunk to about 90.",
        [("800", "missing", "people"), ("about 90", "missing", "people")],
    ),
    (
        "transport-days-of-mourning",
        "The government declared three days of national mourning.",
        [("three days", "national mourning duration", "national mourning")],
    ),
    (
        "election-weeks-of-polling",
        "Voting will take place over seven weeks of polling.",
        [("seven weeks", "polling duration", "polling")],
    ),
]


# Things something happened to are the subject, however the sentence tells it ("the
# number of structures damaged", past a "with" aside); a name with the people it names
# owns the amount ("FTX customers had lost $8bn"); a defendant's forfeiture or fine is the
# defendant's ([defendants]).
THINGS_AND_OWNERS = [
    (
        "wildfire-number-of-structures",
        "Officials put the number of homes damaged or destroyed at more than 1,100.",
        [("more than 1,100", "homes damaged or destroyed", "homes")],
    ),
    (
        "earthquake-with-aside",
        "Officials said 12,000 houses, with 3,000 shops and other units, had collapsed.",
        [
            ("12,000", "houses collapsed", "houses"),
            ("3,000", "shops collapsed", "shops"),
        ],
    ),
    (
        "bank-customers-lost",
        "The judge said Celsius customers had lost $4.7bn.",
        [("$4.7bn", "losses", "Celsius customers")],
    ),
    (
        "trial-forfeiture-of-the-defendant",
        "Elizabeth Holmes was sentenced to 11 years in prison. The judge also ordered her to"
        " forfeit $452m.",
        [("11 years", "sentence", "Elizabeth Holmes"), ("$452m", "forfeiture", "Elizabeth Holmes")],
    ),
]


def _rows(text: str) -> list[Row]:
    return [(f.text, f.concept, f.subject) for f in extract(Article("a", "a.txt", text)).figures]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in FORCES], ids=[s[0] for s in FORCES])
def test_force_names_before_people(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in REFERENCES], ids=[s[0] for s in REFERENCES]
)
def test_counts_named_as_counts(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in UNIT_MEASURES], ids=[s[0] for s in UNIT_MEASURES]
)
def test_unit_measures(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in NOT_OWNERS], ids=[s[0] for s in NOT_OWNERS]
)
def test_capitalised_words_that_own_nothing(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in PER_SHARE], ids=[s[0] for s in PER_SHARE]
)
def test_per_share(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in CROWDS], ids=[s[0] for s in CROWDS])
def test_crowds_and_bodies(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in CLAUSES], ids=[s[0] for s in CLAUSES]
)
def test_clause_ends(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in OWNERS], ids=[s[0] for s in OWNERS])
def test_owners(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SERIES], ids=[s[0] for s in SERIES])
def test_changes_of_series(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in GROUPS], ids=[s[0] for s in GROUPS])
def test_groups(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [s[1:] for s in CAUSES_AND_POSSESSIVES],
    ids=[s[0] for s in CAUSES_AND_POSSESSIVES],
)
def test_causes_and_possessives(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [s[1:] for s in CHANGES_AND_SPANS],
    ids=[s[0] for s in CHANGES_AND_SPANS],
)
def test_changes_and_spans(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [s[1:] for s in THINGS_AND_OWNERS],
    ids=[s[0] for s in THINGS_AND_OWNERS],
)
def test_things_and_owners(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "concept"),
    [
        (
            "More than 1.28 million people marched against a reform raising the retirement age"
            " to 64 from 62, the ministry said. The union put the figure at 3.5 million.",
            "3.5 million",
            "marched",
        ),
    ],
    ids=["protest-rival-estimate"],
)
def test_the_figure_refers_to_a_count_of_its_order(text: str, figure: str, concept: str) -> None:
    """ "The figure" refers back to the article's main count among those of its order of
    magnitude, not to smaller numbers told since (an age, two shares)."""
    found = {f.text: f.concept for f in extract(Article("a", "a.txt", text)).figures}
    assert found[figure] == concept
