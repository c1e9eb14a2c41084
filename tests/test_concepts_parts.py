"""What a figure counts when the sentence names people by what they did or their part in an
event, and whose amount a figure is when the article named its owner earlier: sentences of
our own from several domains (figure text, concept, subject)."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

# People counted by what they did or where they were (the vocabulary's [predicates]), or by
# their part in the event when no verb governs them ([people_counts] in_their_part).
PEOPLE = [
    (
        "protest-gathered",
        "Police estimated that 45,000 people had gathered outside parliament in Wellington.",
        [("45,000", "gathered", "people")],
    ),
    (
        "protest-protesters-in-their-part",
        "Police counted 12,000 protesters in Lisbon on Saturday.",
        [("12,000", "protesters", "protesters")],
    ),
    (
        "transport-on-board",
        "The ferry was carrying 430 people on board when it capsized off Sulawesi.",
        [("430", "on board", "people")],
    ),
    (
        "transport-survived",
        "Only three people survived the crash near Kathmandu.",
        [("three", "survived", "people")],
    ),
    (
        "transport-passengers-and-crew",
        "The liner had 2,100 passengers and 900 crew.",
        [("2,100", "passengers", "passengers"), ("900", "crew", "crew")],
    ),
    (
        "election-voted",
        "Some 31 million people voted in the runoff in Colombia.",
        [("Some 31 million", "voted", "people")],
    ),
    (
        "sport-officers-deployed",
        "About 4,000 officers were deployed for the match in Manchester.",
        [("About 4,000", "deployed", "officers")],
    ),
    (
        "flood-forced-from-homes",
        "At least 12,000 people in Assam were forced from their homes.",
        [("At least 12,000", "displaced", "people")],
    ),
    (
        "flood-deaths-count-people",
        "Authorities have recorded more than 2,300 deaths across the region.",
        [("more than 2,300", "killed", "people")],
    ),
    (
        "collapse-bodies-count-people",
        "Rescuers had recovered 412 bodies from the rubble by Sunday.",
        [("412", "killed", "people")],
    ),
    (
        "protest-marchers-are-who",
        "About 40,000 marchers crossed the bridge in Belgrade.",
        [("About 40,000", "marchers", "marchers")],
    ),
    (
        "sport-fans-of-a-club-are-who",
        "Some 3,000 Arsenal fans travelled to Seville for the final.",
        [("Some 3,000", "arsenal fans", "arsenal fans")],
    ),
    (
        "air-crash-the-whole-aboard-the-part-died",
        "179 of the 181 people aboard died.",
        [("179", "killed", "people"), ("181", "on board", "people")],
    ),
    (
        "aid-convoy-carries-cargo",
        "A convoy carrying 20 tonnes of aid arrived.",
        [("20 tonnes", "aid", None)],
    ),
    (
        "transport-crew-are-who",
        "The ship carried 120 passengers and 25 crew.",
        [("120", "passengers", "passengers"), ("25", "crew", "crew")],
    ),
    (
        "flood-apposition-fled",
        "Nearly a third of the residents, 1,200, fled to the hills.",
        [("Nearly a third", "share of residents", "residents"), ("1,200", "displaced", "people")],
    ),
    (
        "mining-apposition-died",
        "Most of the miners, 27, died underground, the company said.",
        [("27", "killed", "people")],
    ),
    # "according to" names who says it, never what is counted.
    (
        "protest-according-to-is-no-concept",
        "The march drew 806,000 people according to the ministry, and 1.5 million according"
        " to the union.",
        # "according to" names no concept: "drew" does (the crowd's turnout, [crowds])
        [("806,000", "turnout", "people"), ("1.5 million", "turnout", "people")],
    ),
    (
        "election-turnout-according-to",
        "Turnout was 1.2 million according to organisers.",
        [("1.2 million", "turnout", "people")],  # a turnout counts people
    ),
    # What people were or where yields to a harm told later in the clause; the whole of
    # "N of the M" keeps what they were.
    (
        "transport-aboard-yields-to-died",
        "Officials said 40 of the 62 passengers aboard the bus that plunged into the gorge"
        " near Shimla had died.",
        [("40", "killed", "passengers"), ("62", "on board", "passengers")],
    ),
    (
        "shooting-survived-yields-to-injured",
        "The four who survived were injured, hospital officials said.",
        [("four", "injured", "people")],
    ),
    (
        "fire-survived-alone",
        "The two who survived were treated for burns.",
        [("two", "survived", "people")],
    ),
    # Not their part: "N of its employees" names whose they are, and a verb we do not know
    # may follow; troops "lost" are losses, not a count of troops.
    (
        "company-of-its-employees",
        "The bank dismissed 30 of its employees for misconduct.",
        [("30", None, "employees")],
    ),
    (
        "war-troops-lost",
        "The army said it had lost 300 troops in the offensive.",
        [("300", None, "troops")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in PEOPLE], ids=[s[0] for s in PEOPLE])
def test_people_counted(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# What an amount measures when a verb of change with its qualifier ("more than doubled") or
# a phrase of where ("in Spain", "at the airline") stands between the measure and the amount.
MEASURES = [
    (
        "company-more-than-doubled",
        "Shopify said on Tuesday that revenue more than doubled to $2.9bn in the quarter.",
        [("$2.9bn", "revenue", "Shopify")],
    ),
    (
        "company-revenue-in-region",
        "Revenue in Europe, Siemens' biggest market, slipped to €9.4bn.",
        [("€9.4bn", "revenue", "Siemens")],
    ),
    (
        "transport-profit-at-the-airline",
        "Net profit at the airline more than tripled to €1.2bn.",
        [("€1.2bn", "net profit", "airline")],
    ),
    (
        "bank-profit-at-a-name",
        "Profit at Goldman Sachs rose to $3.2bn.",
        [("$3.2bn", "profit", "Goldman Sachs")],
    ),
    (
        "economy-inflation-in-the-area",
        "Inflation in the euro area eased to 2.4% in April.",
        [("2.4%", "inflation", "euro area")],
    ),
    (
        "economy-rate-among-women",
        "The jobless rate among women fell to 4.1%.",
        [("4.1%", "jobless rate", "women")],
    ),
    (
        "economy-unemployment-in-country",
        "Unemployment in Spain fell to 11.8% in June.",
        [("11.8%", "unemployment", None)],
    ),
    (
        "bank-at-a-loss-is-the-measure",
        "The fund sold $4bn of bonds at a loss of $600m.",
        [("$4bn", "bonds sold", None), ("$600m", "loss", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in MEASURES], ids=[s[0] for s in MEASURES]
)
def test_measures_around_a_change(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Shopify revenue rises to $2.9bn", "Shopify said revenue more than doubled to $2.94bn."),
        ("Airline profit triples to €1.2bn", "Net profit at the airline tripled to €1.21bn."),
    ],
    ids=["company-title-rounds-body", "transport-title-rounds-body"],
)
def test_title_that_rounds_a_body_amount_is_read_once(title: str, body: str) -> None:
    figures = extract(Article("a", "a.txt", body, title=title)).figures
    assert [(f.text, f.sentence) for f in figures] == [(body.split(" to ")[-1][:-1], 0)]


# Whose amount it is when the article named its owner earlier and the owner also speaks
# (the vocabulary's [owners] measures): (article text, [(figure text, concept, subject)]).
OWNERS = [
    (
        "company-results-owner-carried",
        "Siemens said on Thursday that revenue rose 4% to €19.4bn in the quarter."
        " Net income fell to €1.8bn. About 2,000 workers protested outside a plant in Munich.",
        [
            ("4%", "revenue rise", "Siemens"),
            ("€19.4bn", "revenue", "Siemens"),
            ("€1.8bn", "net income", "Siemens"),
            ("About 2,000", "workers", "workers"),
        ],
    ),
    (
        "bank-owner-carried-past-another-name",
        "Regulators closed First Republic Bank on Monday. In 2008 Washington Mutual had $307bn"
        " in assets. Days earlier, First Republic said it had lost $102bn in deposits."
        " Its shares fell 97% this year.",
        [
            ("$307bn", "assets", "Washington Mutual"),
            ("$102bn", "losses", "First Republic"),
            ("97%", "shares decline", "First Republic"),
        ],
    ),
    (
        "company-owner-not-quoted-not-carried",
        "Analysts said AI chip sales rose to $5bn. Revenue fell to $2bn.",
        [("$5bn", "chip sales", "AI"), ("$2bn", "revenue", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in OWNERS], ids=[s[0] for s in OWNERS])
def test_owner_carried(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# What happened to things is the concept, the things the subject; a bare count of things
# leaves the subject to its owner.
THINGS = [
    (
        "wildfire-homes-destroyed",
        "The blaze destroyed 1,200 homes near Canberra.",
        [("1,200", "homes destroyed", "homes")],
    ),
    (
        "flood-houses-damaged-or-destroyed",
        "More than 4,000 houses were damaged or destroyed in Kerala.",
        [("More than 4,000", "houses damaged or destroyed", "houses")],
    ),
    (
        "earthquake-buildings-collapsed",
        "About 900 buildings collapsed in the province, officials said.",
        [("About 900", "buildings collapsed", "buildings")],
    ),
    (
        "election-seats-owned-not-subject",
        "The Alliance won 293 of the 543 seats.",
        [("293", "seats", "Alliance"), ("543", "seats", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in THINGS], ids=[s[0] for s in THINGS])
def test_things_done(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# What an amount of money is when a verb before it says so (the vocabulary's [amounts]),
# its object between them.
AMOUNTS = [
    (
        "bank-withdraw",
        "The regulator put the lender under state control, after savers tried to withdraw $5bn.",
        [("$5bn", "withdrawals", "savers")],
    ),
    (
        "disaster-will-cost",
        "Rebuilding the port will cost at least $2.3bn, the World Bank said.",
        [("at least $2.3bn", "cost", "Rebuilding")],
    ),
    (
        "company-buy-for",
        "Microsoft agreed to buy Activision for $69bn.",
        [("$69bn", "price", "Activision")],
    ),
    (
        "bank-pulled-from",
        "Savers pulled more than €2bn from the bank in a week.",
        [("more than €2bn", "withdrawals", "Savers")],
    ),
    (
        "company-values-at",
        "The offer values the company at $4.20 a share.",
        [("$4.20 a share", "valuation per share", None)],
    ),
    (
        "storm-losses-could-reach",
        "The storm's insured losses could reach $63bn, a risk modelling firm said.",
        [("$63bn", "losses", "storm")],
    ),
    (
        "aid-pledged",
        "Donors pledged $1.2bn at the conference in Geneva.",
        [("$1.2bn", "pledges", "Donors")],
    ),
    (
        "trial-forfeit",
        "The judge ordered him to forfeit $2.5m.",
        [("$2.5m", "forfeiture", None)],
    ),
    (
        "economy-earns-a-year-then-a-count",
        "The tourism industry earns about $20bn a year and employs 4 million workers.",
        [("about $20bn a year", "earnings", None), ("4 million", "workers", "workers")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in AMOUNTS], ids=[s[0] for s in AMOUNTS]
)
def test_amounts(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# A percentage right after a verb of change is the change, with its direction (the
# vocabulary's [changes]); the level after "to" is the measure itself.
CHANGES = [
    (
        "economy-prices-were-up",
        "Food prices were up 10.4% over the year.",
        [("10.4%", "food prices rise", "food prices")],  # the series is its own,
    ),
    (
        "sport-change-then-level",
        "Attendance at Premier League games rose 4% to 38,500 a match.",
        [("4%", "attendance rise", "Premier League"), ("38,500", "attendance", None)],
    ),
    (
        "health-admissions-jumped",
        "Hospital admissions jumped 30% in a week, the health ministry said.",
        [("30%", "hospital admissions rise", "hospital admissions")],
    ),
    (
        "economy-level-after-to",
        "Unemployment fell to 3.4% in January.",
        [("3.4%", "unemployment", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in CHANGES], ids=[s[0] for s in CHANGES]
)
def test_changes(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# A predicate told right after counted things says what happened to them, the things being
# the subject; an amount in brackets is the amount before it in another currency.
TOLD = [
    (
        "drought-goats-died",
        "More than 20,000 goats died in the drought in Somalia, officials said.",
        [("More than 20,000", "killed", "goats")],
    ),
    (
        "protest-farmers-had-gathered",
        "Thousands of farmers, many driving tractors, had gathered outside parliament in Brussels.",
        [("Thousands", "gathered", "farmers")],
    ),
    (
        "trial-counts-of-a-crime-are-counts",
        "The court convicted the mayor on three counts of bribery.",
        [("three", "counts", None)],
    ),
    (
        "health-trial-groups",
        "Of 88 infections recorded, 71 were in the placebo group and 17 in the vaccine group.",
        [
            ("88", "infections", None),
            ("71", "infections", "placebo group"),
            ("17", "infections", "vaccine group"),
        ],
    ),
    (
        "survey-control-group",
        "Of 2,000 households surveyed, 650 were in the control group, the World Bank said.",
        [("2,000", "households", None), ("650", "households", "control group")],
    ),
    (
        "company-amount-in-brackets",
        "Toyota said net profit rose to 1.3 trillion yen ($8.7bn) in the quarter.",
        [("1.3 trillion yen", "net profit", "Toyota"), ("$8.7bn", "net profit", "Toyota")],
    ),
    (
        "labour-wage-for-a-worker",
        "The minimum wage for a nurse is 12,500 rupees ($150) a month.",
        [("12,500 rupees", "minimum wage", "nurse"), ("$150", "minimum wage", "nurse")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in TOLD], ids=[s[0] for s in TOLD])
def test_told_after_and_in_brackets(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected


# What a figure counts stops where another clause begins ([clauses] openers in the
# vocabulary), and an -ing word after a possessive is the event ("Saturday's shooting").
CLAUSES = [
    (
        "crash-toll-as-another-dies",
        "The toll of the bus crash rose to 14 as an injured passenger died in hospital.",
        [("14", "killed", "people"), ("an injured passenger", "killed", "passenger")],
    ),
    (
        "mine-rescued-while-others-drowned",
        "Twelve miners were rescued while three drowned.",
        [("Twelve", "rescued", "miners"), ("three", "killed", "people")],
    ),
    (
        "flood-listed-as-missing",
        "Another 31 people are still listed as missing after the floods.",
        [("31", "missing", "people")],
    ),
    (
        "shooting-possessive-event",
        "The number of people killed in Saturday's shooting rose to 11 on Monday.",
        [("11", "killed", "people")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in CLAUSES], ids=[s[0] for s in CLAUSES]
)
def test_what_is_counted_ends_with_its_clause(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.concept, f.subject) for f in figures] == expected
