"""Who a figure counts (subject) and their part in an attack (role), for shapes news writes
in every domain: a person counted by name, one more of a list ("wounded a third"), some of
them ("two of them fatally"), a person killed by police, the people hurt in an attack.
Articles of our own from domains bench/open does not cover (sport, schools, health,
transport, workplaces): (text, figure text, subject, role).  Only the figure named is
checked, so that a row reads as the line of the table a user would look at."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

Row = tuple[str, str, str, str | None, str | None]

NAMED = [
    (
        "sport-named-gunman-dies",
        "The gunman, identified by police as Carl Voss, 41, opened fire at the depot. Voss"
        " died later in hospital, officials said.",
        "Voss",
        "Voss",
        "suspect",
    ),
    (
        "school-named-attacker-killed-by-police",
        "Eddie Mole, 52, was shot dead in Leeds by members of a police tactical team.",
        "Eddie Mole, 52,",
        "Eddie Mole",
        "suspect",
    ),
    (
        "health-the-fan-shot-by-police",
        "The fan was shot dead by police outside the arena on Sunday.",
        "The fan",
        "fan",
        "suspect",
    ),
]

LISTS = [
    (
        "health-wounded-a-third",
        "The suspect killed two nurses and wounded a third at the clinic. He was charged with"
        " murder.",
        "a third",
        "nurses",
        "victim",
    ),
    (
        "school-two-of-them-fatally",
        "He stabbed four students, two of them fatally, at the school in Leeds.",
        "two",
        "students",
        None,
    ),
]

ATTACKS = [
    (
        "sport-fans-hurt-in-an-attack",
        "Twelve fans were injured at the stadium on Saturday. Police charged a man with"
        " attempted murder.",
        "Twelve",
        "fans",
        "victim",
    ),
    (
        "war-gunmen-named-is-no-crime",
        "Gunmen attacked the border town on Sunday. Forty soldiers were killed, the army said.",
        "Forty",
        "soldiers",
        None,
    ),
    (
        "workplace-murder-charge",
        "Three workers were killed at the plant in Ohio. A colleague was charged with murder.",
        "Three",
        "workers",
        "victim",
    ),
    (
        "transport-a-crash-has-no-victims-role",
        "A landslide killed 14 people and injured 30 in the valley.",
        "14",
        "people",
        None,
    ),
    (
        "school-killed-before-he-was-shot-by-police",
        "The attacker killed four children before he was shot dead by police.",
        "four",
        "children",
        "victim",
    ),
]

# Whose a count or amount is, told around it (compare/extract/concepts.py, `_whose_more`).
AROUND = [
    (
        "sport-up-from-is-the-same-owner",
        "The Hawks won 52 games, up from 41 a year earlier.",
        "41",
        "Hawks",
        None,
    ),
    (
        "education-the-district-s-schools",
        "The district's 14 schools reopened on Monday.",
        "14",
        "district",
        None,
    ),
    (
        "energy-the-reactor-s-output",
        "The regulator put the reactor's output at 900 megawatts.",
        "900 megawatts",
        "reactor",
        None,
    ),
    (
        "transport-a-runway-is-wide",
        "The runway is about 45 metres wide.",
        "about 45 metres",
        "runway",
        None,
    ),
    (
        "transport-a-length-from-is-no-width",
        "The crash site is about 45 metres from the road.",
        "about 45 metres",
        None,
        None,
    ),
    (
        "energy-amount-of-a-name-s-bonds",
        "Holders of about $2bn of Acme's unsecured bonds will be repaid in full.",
        "about $2bn",
        "Acme bonds",
        None,
    ),
    (
        "energy-the-utility-which-had",
        "The utility, which had $9bn in debt, filed for bankruptcy.",
        "$9bn",
        "utility",
        None,
    ),
    (
        "agriculture-farmers-tried-to-sell",
        "The strike began after farmers tried to sell $40m of grain abroad.",
        "$40m",
        "farmers",
        None,
    ),
    (
        "agriculture-analysts-only-expect",
        "The harvest missed the $3bn analysts had expected.",
        "$3bn",
        None,
        None,
    ),
    (
        "sport-won-the-final-with",
        "Aurora won the final with 61% of the points.",
        "61%",
        "Aurora",
        None,
    ),
    (
        "housing-held-her-seat-by",
        "Senator Ruiz held her seat on the housing board by 4,210 votes.",
        "4,210",
        "Senator Ruiz",
        None,
    ),
    (
        "energy-a-share-of-the-city",
        "About 15% of the city was without power on Tuesday.",
        "About 15%",
        "city",
        None,
    ),
    (
        "sport-climbers-by-nationality",
        "Two climbers died; three were Nepali nationals.",
        "three",
        "Nepali nationals",
        None,
    ),
    (
        "education-the-board-raised-its-budget",
        "The school board raised its budget by 4% to $12m.",
        "4%",
        "school board",
        None,
    ),
    (
        "tech-the-firm-s-revenue-waits-for-its-owner",
        "The firm said its revenue rose 8% in the quarter.",
        "8%",
        None,
        None,
    ),
    (
        "sport-days-of-official-mourning",
        "The football league declared three days of official mourning.",
        "three days",
        "official mourning",
        None,
    ),
    (
        "housing-a-city-has-a-population",
        "Lagos has a population of about 15 million.",
        "about 15 million",
        "Lagos",
        None,
    ),
]

# Who did, made, waited or moved: the sentence's subject, before a verb of the vocabulary's
# [whose] tables; the group a count of the same things was told of before.
DOERS = [
    (
        "health-nurses-waited-for-hours",
        "Nurses waited in the corridor for more than two hours.",
        "more than two hours",
        "Nurses",
        None,
    ),
    (
        "wildfire-the-fire-burned-for-days",
        "The fire burned for 12 days before crews contained it.",
        "12 days",
        "fire",
        None,
    ),
    (
        "education-asked-for-is-no-lasting",
        "The board asked for 30 days to respond.",
        "30 days",
        None,
        None,
    ),
    (
        "education-a-share-of-teachers",
        "About 40% of teachers said they would strike.",
        "About 40%",
        "teachers",
        None,
    ),
    (
        "sport-stabbed-so-many-times",
        "A fan stabbed the steward 12 times outside the ground.",
        "12",
        "steward",
        None,
    ),
    (
        "transport-the-ferry-was-travelling-at",
        "The ferry was travelling at about 20 knots when it hit the pier.",
        "about 20 knots",
        "ferry",
        None,
    ),
    (
        "tech-firms-added-jobs",
        "Tech firms added 12,000 jobs in March.",
        "12,000",
        "Tech firms",
        None,
    ),
    (
        "health-hospitals-cut-beds",
        "Hospitals cut 300 beds last year.",
        "300",
        "Hospitals",
        None,
    ),
    (
        "health-cases-among-schoolchildren-carry",
        "The hospital admitted 40 cases of measles among schoolchildren. Twelve cases were severe.",
        "Twelve",
        "schoolchildren",
        None,
    ),
    (
        "election-the-whole-in-an-assembly",
        "Opposition parties won 12 of the 60 seats in the regional assembly.",
        "60",
        "regional assembly",
        None,
    ),
    (
        "housing-thousands-march",
        "Thousands march against the new housing law",
        "Thousands",
        "people",
        None,
    ),
    (
        "bank-savers-covered-up-to",
        "Savers, covered up to $100,000 each, will be repaid.",
        "up to $100,000",
        "Savers",
        None,
    ),
]

# A group the sentence opens with, and people money was taken from.
GROUPS = [
    (
        "economy-among-women",
        "Among women, unemployment rose to 5.1% in the quarter.",
        "5.1%",
        "women",
        None,
    ),
    (
        "health-in-children-under-12",
        "In children under 12, the vaccine was 91% effective.",
        "91%",
        "children under 12",
        None,
    ),
    (
        "tech-in-may-is-no-group",
        "In May, the share of cloud revenue rose to 41%.",
        "41%",
        None,
        None,
    ),
    (
        "housing-stole-from-investors",
        "The broker stole $5m from investors, prosecutors said.",
        "$5m",
        "investors",
        None,
    ),
]

ROWS = NAMED + LISTS + ATTACKS + AROUND + DOERS + GROUPS


@pytest.mark.parametrize(
    ("text", "figure", "subject", "role"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_subject_and_role(text: str, figure: str, subject: str | None, role: str | None) -> None:
    figures = {f.text: f for f in extract(Article("a", "a.txt", text)).figures}
    assert figure in figures, sorted(figures)
    assert (figures[figure].subject, figures[figure].role) == (subject, role)
