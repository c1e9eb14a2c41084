"""What a figure counts and whom, across news domains: one sentence, the figures a reader sees."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article


def _read(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [
        (f.text, f.value, f.concept, f.role) for f in extract(Article("a", "a.txt", text)).figures
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot and killed outside a bar on Friday.", [("A man", 1, "killed", None)]),
        ("A woman died after her car struck a tree.", [("A woman", 1, "killed", None)]),
        (
            "The round fired into the boy's chest, killing him.",
            [("killing him", 1, "killed", None)],
        ),
        (
            "Police said the gunman later killed himself.",
            [("killed himself", 1, "killed", "suspect")],
        ),
        (
            "The gunman killed 19 children before he was shot dead.",
            [("19", 19, "killed", "victim"), ("he", 1, "killed", "suspect")],
        ),
        (
            "Four people were wounded and a teenager was critically injured.",
            [("Four", 4, "injured", None), ("a teenager", 1, "injured", None)],
        ),
        (
            "The blast injured 900, injuring many inside the market.",
            [("900", 900, "injured", None)],
        ),
        (
            "Authorities evacuated 5,000 residents from the valley.",
            [("5,000", 5000, "evacuated", None)],
        ),
        ("Dead: 312", [("312", 312, "killed", None)]),
        ("DEATHS: 4,100", [("4,100", 4100, "killed", None)]),
        ("Air defences shot down 40 drones overnight.", [("40", 40, "drones", None)]),
        (
            "A 13-year-old boy was found dead in the river.",
            [("A 13-year-old boy", 1, "killed", None)],
        ),
        ("Smith, 45, told reporters that a 13-year-old was missing.", []),
        (
            "A journalist and his son died in the strike.",
            [("A journalist and his son", 2, "killed", None)],
        ),
    ],
    ids=[
        "shot-and-killed",
        "a-woman-died",
        "killing-him",
        "killed-himself",
        "victims-of-a-gunman",
        "words-and-digits",
        "injuring",
        "evacuated",
        "bulletin-dead",
        "bulletin-deaths-shouted",
        "shot-down-is-not-shot",
        "found-dead-age-inside",
        "ages-are-not-figures",
        "two-people-not-one",
    ],
)
def test_counts(text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Apple reported revenue of $89.5 billion for the quarter.",
            [("$89.5 billion", "revenue", "USD")],
        ),
        (
            "Net profit fell 15% to $1.2bn.",
            [("15%", "net profit decline", "percent"), ("$1.2bn", "net profit", "USD")],
        ),
        ("The bank had $209 billion in assets.", [("$209 billion", "assets", "USD")]),
        ("The unemployment rate fell to 3.5% in July.", [("3.5%", "unemployment rate", "percent")]),
        ("Inflation rose to 3.2% in October.", [("3.2%", "inflation", "percent")]),
        ("Turnout was 66%.", [("66%", "turnout", "percent")]),
        ("Labour won 411 seats.", [("411", "seats", None)]),
        ("A magnitude-5.9 quake struck the region.", [("5.9", "magnitude", "magnitude")]),
        ("The quake had a magnitude of 7.8.", [("7.8", "magnitude", None)]),
        ("The storm destroyed 3,000 homes.", [("3,000", "homes destroyed", None)]),
        ("The company will send 50 million euros next week.", [("50 million euros", None, "EUR")]),
    ],
    ids=[
        "company-revenue",
        "company-change-and-level",
        "bank-assets",
        "economy-rate",
        "economy-inflation",
        "election-turnout",
        "election-seats",
        "quake-magnitude-compound",
        "quake-magnitude-of",
        "storm-damage",
        "a-verb-is-no-measure",
    ],
)
def test_measures(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.unit) for f in figures] == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Quake toll passes 5,000",
            "At least 5,021 people were killed, officials said.",
            ["At least 5,021"],
        ),
        (
            "Two dead in Houston shooting",
            "Police said a man was shot and killed on Main Street.",
            ["Two", "a man"],
        ),
        ("Storm nears coast", "About 3,000 people were evacuated.", ["About 3,000"]),
    ],
    ids=["title-repeats-body-once", "title-only-figure-kept", "no-figure-in-title"],
)
def test_titles(title: str, body: str, expected: list[str]) -> None:
    figures = extract(Article("a", "a.txt", body, title=title)).figures
    assert [f.text for f in figures] == expected
    assert all((f.sentence == -1) == (f.text == "Two") for f in figures)


# Shapes of issue 11, by domain, in sentences of our own: (figure text, concept, subject).
SHAPES = [
    (
        "election-seats-for-parties",
        "The exit poll projected 368 seats for the Conservatives, while Labour took 203.",
        [("368", "seats", "Conservatives"), ("203", None, "Labour")],
    ),
    (
        "election-party-named-by-a-common-noun",
        "In the state, the opposition won 43 seats; the ruling party won 37.",
        [("43", "seats", "opposition"), ("37", None, "ruling party")],
    ),
    (
        "union-ballot-named-by-a-common-noun",
        "The union won 62% of the vote at the plant.",
        [("62%", "vote", "union")],
    ),
    (
        "guard-custody-police-are-no-owner",
        "The police took 5 people into custody.",
        [("5", None, "people")],
    ),
    (
        "election-seats-elided",
        "Labour was projected to win 191 seats, the Scottish National Party 55 and the"
        " Liberal Democrats 13.",
        [
            ("191", "seats", "Labour"),
            ("55", "seats", "Scottish National Party"),
            ("13", "seats", "Liberal Democrats"),
        ],
    ),
    (
        "election-share-for-candidate",
        "Lula won 50.9% of the vote, against 49.1% for Bolsonaro.",
        [("50.9%", "vote", "Lula"), ("49.1%", "vote", "Bolsonaro")],
    ),
    (
        "company-deliveries-owner",
        "Tesla delivered about 1.8 million cars last year.",
        [("about 1.8 million", "cars delivered", "Tesla")],
    ),
    (
        "shooting-fatally-shot",
        "Two people were fatally shot on Sunday and a teenager was shot twice, police said.",
        [("Two", "killed", "people"), ("a teenager", "shot", "teenager")],
    ),
    (
        "shooting-age-names-the-person",
        "A 19-year-old was shot and killed Saturday night.",
        [("A 19-year-old", "killed", "person")],
    ),
    (
        "shooting-later-death-is-the-outcome",
        "A man who was shot Sunday died Friday. A woman was shot in the arm.",
        [("A man", "killed", "man"), ("A woman", "shot", "woman")],
    ),
    (
        "shooting-one-fatally",
        "Two teens were shot, one fatally.",
        [("Two", "shot", "teens"), ("one", "killed", None)],
    ),
    (
        "crash-one-person-killed",
        "One person was killed and 3 were hurt when the bus overturned.",
        [("One", "killed", "person"), ("3", "injured", "people")],
    ),
    (
        "crime-found-shot-to-death",
        "Two men were found shot to death in a car, and three were shot in the leg.",
        [("Two", "killed", "men"), ("three", "shot", "people")],
    ),
    (
        "crash-mortally-injured-one",
        "A cyclist was mortally injured when the truck struck him.",
        [("A cyclist", "killed", "cyclist")],
    ),
    (
        "attack-verb-with-adverb",
        "The attacker fatally stabbed three people and wounded five.",
        [("three", "killed", "people"), ("five", "injured", "people")],
    ),
    (
        "shooting-breakdown",
        "Of those killed, 7 were children and 3 were teachers, police said.",
        [("7", "killed", "children"), ("3", "killed", "teachers")],
    ),
    (
        "shooting-victims-and-bystanders",
        "The gunman killed 12 students and four teachers before police arrived.",
        [("12", "killed", "students"), ("four", "killed", "teachers")],
    ),
    (
        "disaster-toll-names-no-one",
        "The regional office raised the toll to 341.",
        [("341", "killed", "people")],
    ),
    (
        "disaster-gapped-province",
        "Kerman province counted 210 of the dead, and neighbouring Yazd province 95.",
        [("210", "killed", "people"), ("95", "killed", "people")],
    ),
    (
        "protest-marched",
        "Organisers said 250,000 people marched through Santiago on Saturday.",
        [("250,000", "marched", "people")],
    ),
    (
        "election-n-of-m-seats",
        "The Liberals won 160 of the 338 seats in the House of Commons.",
        [("160", "seats", "Liberals"), ("338", "seats", None)],
    ),
    (
        "company-compared-with",
        "The carmaker sold 4,100 electric vans this quarter, compared with 2,900 a year earlier.",
        [
            ("4,100", "electric vans sold", "electric vans"),
            ("2,900", "electric vans sold", "electric vans"),
        ],
    ),
    (
        "trial-sentence",
        "The former mayor was sentenced to 12 years in prison for bribery.",
        [("12 years", "sentence", None)],
    ),
    (
        "markets-shares-fell-in-extended-trading",
        "Shares fell 20% in extended trading.",
        [("20%", "shares decline", None)],
    ),
    (
        "markets-shares-closed-down",
        "Airline shares closed down 6% on Friday.",
        [("6%", "airline shares decline", "airline shares")],
    ),
    (
        "results-earnings-per-share",
        "Earnings per share were $1.46.",
        [("$1.46", "earnings per share", None)],
    ),
    (
        "economy-gdp-per-capita",
        "GDP per capita rose to $12,400.",
        [("$12,400", "gdp per capita", None)],
    ),
    (
        "trial-lead-of",
        "Of 40 counts in the indictment, 31 were dropped.",
        [("40", "counts", None), ("31", "counts dropped", None)],  # a part: another count
    ),
    (
        "economy-aside",
        "Services inflation, which excludes goods, slowed to 4.1% in March.",
        [("4.1%", "services inflation", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_shapes(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected
