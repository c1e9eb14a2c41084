"""Units as news writes them, by domain: the figure a reader sees and the unit it carries."""

from __future__ import annotations

import pytest

from compare.pipeline import extract
from compare.types import Article

UNITS = [
    (
        "economy-oil-price",
        "Brent rose to $84.20 a barrel on Monday.",
        [("$84.20 a barrel", "USD/barrel")],
    ),
    (
        "company-per-share",
        "The bank earned 71 cents per share in the quarter.",
        [("71 cents per share", "cent/share")],
    ),
    (
        "economy-wage-per-hour",
        "The minimum wage rises to £11.44 an hour.",
        [("£11.44 an hour", "GBP/hour")],
    ),
    ("economy-a-year-ago-is-a-date", "Sales reached $3m a year ago.", [("$3m", "USD")]),
    ("economy-count-per-day-is-a-count", "Clinics saw 98 a day in May.", [("98", None)]),
    ("transport-speed", "The train was travelling at 128 km/hr.", [("128 km/hr", "km/h")]),
    ("transport-speed-words", "Winds reached 150 miles per hour.", [("150 miles per hour", "mph")]),
    (
        "storm-rainfall-us-spelling",
        "Up to 300 millimeters of rain fell.",
        [("Up to 300 millimeters", "mm")],
    ),
    (
        "wildfire-temperature",
        "It was 45 degrees Celsius in the shade.",
        [("45 degrees Celsius", "celsius")],
    ),
    ("cars-engine", "a 2.4 liter engine with 201 hp", [("2.4 liter", "litre"), ("201 hp", "hp")]),
    ("cars-revolutions", "peak torque at 3000 rpm", [("3000 rpm", "rpm")]),
    ("environment-ppm", "CO2 reached 421 parts per million.", [("421 parts per million", "ppm")]),
    (
        "company-currency-by-name",
        "The deal is worth 2.5 billion Australian dollars.",
        [("2.5 billion Australian dollars", "AUD")],
    ),
    ("company-sign-after", "A ticket costs 45€ at the door.", [("45€", "EUR")]),
    ("company-or-shares-the-unit", "It costs 8 or $9.", [("8", "USD"), ("$9", "USD")]),
    (
        "company-or-words",
        "about eight or nine euros",
        [("about eight", "EUR"), ("nine euros", "EUR")],
    ),
    # Symbols read in their own case only.
    (
        "cars-torque-and-metric-horsepower",
        "The hatchback makes 320 Nm of torque and 180 PS.",
        [("320 Nm", "N m"), ("180 PS", "PS")],
    ),
    ("tech-nanometre-stays", "a 5nm chip", [("5nm", "nm")]),
    ("tech-watts-spaced", "The phone ships with a 25 W USB-C charger.", [("25 W", "W")]),
    ("address-west-is-no-watt", "The clinic at 5 W 42nd St reopened.", []),
    ("weather-celsius-capital-c", "Seville reached 44 C on Sunday.", [("44 C", "celsius")]),
    (
        "climate-degree-sign-lost",
        "July was 1.8degF (1.0deg C) warmer than average.",
        [("1.8degF", "fahrenheit"), ("1.0deg C", "celsius")],
    ),
    ("housing-inches-prime", "The screen is 6.1\u2033 across.", [("6.1\u2033", "inch")]),
    (
        "housing-square-metres-superscript",
        "flats of 45m2 and 60 m\u00b2 in the new block",
        [("45m2", "m2"), ("60 m\u00b2", "m2")],
    ),
    ("cars-brake-horsepower", "its 510bhp V8", [("510bhp", "bhp")]),
    # Tons and tonnes are different weights; "metric tons" are tonnes.
    (
        "shipping-tons-tonnes",
        "The barge carried 400 tons of grain, the ship 2,000 tonnes and the train 90 metric tons.",
        [("400 tons", "ton"), ("2,000 tonnes", "tonne"), ("90 metric tons", "tonne")],
    ),
    # Rates: past an amount in another currency, per barrel a day, per century.
    (
        "company-rate-past-brackets",
        "The bid values each share at C$6 (US$4.46) per share.",
        [("C$6", "CAD/share"), ("US$4.46", "USD/share")],
    ),
    (
        "labour-rate-past-brackets",
        "Teachers earn 30,000 rupees ($360) a month.",
        [("30,000 rupees", "INR/month"), ("$360", "USD/month")],
    ),
    (
        "energy-barrel-a-day",
        "a 90,000 barrel-a-day refinery",
        [("90,000 barrel-a-day", "barrel/day")],
    ),
    (
        "climate-per-century",
        "Seas could rise 3 feet per century.",
        [("3 feet per century", "foot/century")],
    ),
    (
        "economy-australian-dollars-code",
        "It costs AU $12.50 a month.",
        [("AU $12.50 a month", "AUD/month")],
    ),
    (
        "economy-australian-dollars-after-us",
        "worth $US4,000,000 ($A6,100,000)",
        [("$US4,000,000", "USD"), ("$A6,100,000", "AUD")],
    ),
    # An index level takes the points of the change told beside it.
    (
        "markets-level-after-points",
        "The FTSE 100 lost 41.2 points to 7,388.6.",
        [("41.2 points", "point"), ("7,388.6", "point")],
    ),
    (
        "markets-level-before-points",
        "The Nikkei (38,120.5 up 210.3 points) led Asia.",
        [("38,120.5", "point"), ("210.3 points", "point")],
    ),
    (
        "markets-level-after-percent-has-none",
        "The Dax fell 1.2% to 17,950.",
        [("1.2%", "percent"), ("17,950", None)],
    ),
    (
        "markets-level-after-points-and-percent",
        "The Dow lost 300 points, or 1%, to close at 33,000.",
        [("300 points", "point"), ("1%", "percent"), ("33,000", "point")],
    ),
    (
        "markets-level-to-fall-to",
        "The index has shed 162.3 points, or 2.1%, to fall to 7,425.8.",
        [("162.3 points", "point"), ("2.1%", "percent"), ("7,425.8", "point")],
    ),
    (
        "markets-parallel-index-level",
        "The Kospi ended up 0.5% at 2,510.2 points, while the Kosdaq lost 1.1% to end at 841.7.",
        [("0.5%", "percent"), ("2,510.2 points", "point"), ("1.1%", "percent"), ("841.7", "point")],
    ),
    (
        "markets-price-level-gets-no-points",
        "Brent rose 1% to $80 while WTI gained 2% to 76.",
        [("1%", "percent"), ("$80", "USD"), ("2%", "percent"), ("76", None)],
    ),
    # "from X to Y" of one measure: Y takes X's unit, whatever stands between.
    (
        "cars-from-to-carries-unit",
        "Fuel economy rose from 21 mpg in 2019 to 26 last year.",
        [("21 mpg", "mpg"), ("26", "mpg")],
    ),
    (
        "labour-from-to-percent",
        "Unemployment fell from 5.2% in March to 4.9 in June.",
        [("5.2%", "percent"), ("4.9", "percent")],
    ),
    (
        "weather-from-range-to",
        "Highs will climb from about 18-20 C to 27 by Friday.",
        [("from about 18-20 C", "celsius"), ("27", "celsius")],
    ),
    # A part of an amount told right after takes its unit.
    (
        "budget-part-of-the-whole",
        "The city has spent 40 million of the 120 million euros approved.",
        [("40 million", "EUR"), ("120 million euros", "EUR")],
    ),
    (
        "aid-part-of-promised",
        "Only 700 million of the promised $2 billion has arrived.",
        [("700 million", "USD"), ("$2 billion", "USD")],
    ),
    (
        "rescue-part-of-people-is-a-count",
        "Divers found 12 of the 30 crew.",
        [("12", None), ("30", None)],
    ),
    ("power-kilovolts-per-cm", "fields above 10 kV/cm", [("above 10 kV/cm", "kV/cm")]),
    (
        "sport-wins-above-replacement",
        "Gant (0.5 WAR) and Reyes (1.2 WAR)",
        [("0.5 WAR", "WAR"), ("1.2 WAR", "WAR")],
    ),
    ("headline-war-is-a-word", "3 WAR CRIMES CHARGED", [("3", None)]),
    (
        "climate-change-by-a-range",
        "Temperatures dropped by 1 to 1.5 degrees Celsius.",
        [("1 to 1.5 degrees Celsius", "celsius")],
    ),
    (
        "markets-change-by-then-level",
        "Prices rose by 2% to 5%.",
        [("2%", "percent"), ("5%", "percent")],
    ),
    # A unit after one word that says which of them.
    ("markets-trading-days", "Shares fell for 20 trading days.", [("20 trading days", "day")]),
    (
        "economy-consecutive-months",
        "Prices rose for 12 consecutive months.",
        [("12 consecutive months", "month")],
    ),
    ("sport-rushing-yards", "He ran for 117 rushing yards.", [("117 rushing yards", "yard")]),
    ("no-unit-after-a-modifier", "She made two key points.", [("two", None)]),
    # A unit handed on to a bare number in a parallel clause, and only to a bare one.
    (
        "markets-parallel-by",
        "The Nikkei rose by 2 percent but the Hang Seng fell by 1.",
        [("2 percent", "percent"), ("1", "percent")],
    ),
    (
        "forecast-parallel-while",
        "The highest forecast is 84.75 cents, while the lowest is 74.07.",
        [("84.75 cents", "cent"), ("74.07", "cent")],
    ),
    (
        "weather-parallel-and-then-when",
        "Rain fell at 12 mm an hour on Monday and 9 on Tuesday.",
        [("12 mm an hour", "mm/hour"), ("9", "mm/hour")],
    ),
    (
        "jobs-parallel-count-keeps-its-noun",
        "Output rose by 5% and the plant hired 300 workers.",
        [("5%", "percent"), ("300", None)],
    ),
    (
        "company-aside-hands-nothing-on",
        "Sales and profit were 2.2 billion shekels ($590 million) and 71 million.",
        [("2.2 billion shekels", "ILS"), ("$590 million", "USD"), ("71 million", None)],
    ),
    # A unit told around the number in other ways: a named scale, a fraction of one unit
    # (which gallon is meant), "a day or two".
    (
        "quake-richter-scale",
        "The quake measured 6.1 on the Richter scale.",
        [("6.1", "magnitude")],
    ),
    (
        "materials-named-unit-scale",
        "The alloy scored between 50 and 70 on the GPa scale.",
        [("between 50 and 70", "GPa")],
    ),
    ("unknown-scale-has-no-unit", "Noise hit 140 on the city's scale.", [("140", None)]),
    (
        "fuel-fraction-of-an-imperial-gallon",
        "The tank holds 3/4 of an imperial gallon.",
        [("3/4 of an imperial gallon", "gallon")],
    ),
    ("sport-fraction-of-a-mile", "The race is 1/4 of a mile.", [("1/4 of a mile", "mile")]),
    ("repairs-a-day-or-two", "Repairs will take a day or two.", [("two", "day")]),
    ("health-an-hour-or-two", "Wait an hour or two before eating.", [("two", "hour")]),
    (
        "health-a-range-after-a-year-like-number",
        "Adults need about 2000 - 2500 calories a day.",
        [("2000 - 2500 calories a day", "calorie/day")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [u[1:] for u in UNITS], ids=[u[0] for u in UNITS])
def test_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.unit) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bank of England raised its key rate by a quarter of a percentage point to 5.25%.",
            [
                ("a quarter of a percentage point", 0.25, "percentage point", "key rate rise"),
                ("5.25%", 5.25, "percent", "key rate"),
            ],
        ),
        (
            "Firefighters reached the tower within a quarter of an hour.",
            [("a quarter of an hour", 0.25, "hour", None)],
        ),
        (
            "The river rose by two-thirds of a metre in Passau.",
            [("two-thirds of a metre", 2 / 3, "m", "river rise")],
        ),
        ("Half of the homes were flooded.", [("Half", 50.0, "percent", "homes flooded")]),
    ],
    ids=["economy-quarter-point", "fire-quarter-hour", "flood-two-thirds-metre", "share-of-things"],
)
def test_share_of_one_unit(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    """A share "of a" unit is that share of one unit, not a percentage."""
    figures = extract(Article("a", "a.txt", text)).figures
    got = [(f.text, f.value, f.unit, f.concept) for f in figures]
    assert [(t, pytest.approx(v), u, c) for t, v, u, c in got] == expected


# The counted noun phrase as written (Figure.noun): the concept's words with the qualifiers
# that say which things are counted, without those that say how many more.
NOUNS = [
    (
        "election-qualified-countries",
        "Voters in nine Baltic and Nordic countries went to the polls.",
        [("nine", "baltic nordic countries")],
    ),
    (
        "retail-different-products",
        "The chain cut prices on 120 different products.",
        [("120", "different products")],
    ),
    (
        "sport-more-is-how-many",
        "The club added four more signings and 300 recorded goals.",
        [("four", "signings"), ("300", "goals")],
    ),
    (
        "sport-qualifier-before-the-number",
        "The club won the previous four finals and a record 12 titles.",
        [("four", "previous finals"), ("12", "record titles")],
    ),
    ("survey-share-of-a-whole", "Half the households own a car.", [("Half", "households")]),
    ("survey-share-of-no-noun", "A third of those asked agreed.", [("A third", None)]),
    (
        "music-joined-qualifiers",
        "The album sold 2.7m combined digital and physical copies.",
        [("2.7m", "digital physical copies")],
    ),
    (
        "crime-later-count-of-the-same-things",
        "Some 120 Ford and Toyota trucks have been recalled so far this month compared with"
        " 45 during the same month last year.",
        [("Some 120", "ford toyota trucks"), ("45", "ford toyota trucks")],
    ),
    (
        "council-one-singular-thing",
        "The council approved one new school budget.",
        [("one", "new school budget")],
    ),
    ("sport-one-stops-at-an-adverb", "He kept one hand behind his back.", [("one", "hand")]),
    ("cars-compound-counts", "a six-cylinder engine", [("six-cylinder", "cylinders")]),
    ("amount-is-no-count", "Her net worth of 1.2 billion", [("1.2 billion", None)]),
    ("measure-has-a-unit", "The river rose 3 metres.", [("3 metres", None)]),
    # A possessive owner stays in the phrase; a count of one names a singular thing.
    (
        "sport-owner-of-the-counted",
        "Two of the coach's assistants resigned.",
        [("Two", "coach assistants")],
    ),
    (
        "company-named-owner",
        "Three of Tesla\u2019s factories paused output.",
        [("Three", "tesla factories")],
    ),
    ("law-one-and-its-verb", "One lawsuit seeks damages.", [("One", "lawsuit")]),
    ("council-one-and-its-verb", "One bill requires schools to test water.", [("One", "bill")]),
    # A model's number inside the phrase; a measure between the count and its noun.
    (
        "aviation-model-number",
        "The airline grounded two new 737 Max jets.",
        [("two", "new 737 max jets")],
    ),
    (
        "cars-model-number",
        "The carmaker recalled 5,000 Model 3 sedans.",
        [("5,000", "model 3 sedans")],
    ),
    (
        "war-measured-things",
        "A jet dropped two 500-pound bombs.",
        [("two", "bombs"), ("500-pound", None)],
    ),
    (
        "retail-measured-things",
        "The plant filled eight million 250ml bottles.",
        [("eight million", "bottles"), ("250ml", None)],
    ),
    # An adverb and its participle say how, a hyphened participle says which.
    (
        "housing-adverb-and-participle",
        "The council approved 300 newly built homes.",
        [("300", "homes")],
    ),
    (
        "energy-hyphened-participle-kept",
        "The wind farm equals about 15 reasonably sized gas-fired plants.",
        [("about 15", "gas-fired plants")],
    ),
    (
        "retail-hyphened-participle",
        "The town lost 12 family-owned shops.",
        [("12", "family-owned shops")],
    ),
    # A later count that is a part of the one before counts the same things.
    (
        "power-including-part",
        "Storms cut power to 200,000 homes, including 40,000 in Dallas.",
        [("200,000", "homes"), ("40,000", "homes")],
    ),
    (
        "schools-among-them-part",
        "The district closed 30 schools, among them 12 in the north.",
        [("30", "schools"), ("12", "schools")],
    ),
    (
        "music-a-song-or-two",
        "The band will play a song or two before midnight.",
        [("two", "songs")],
    ),
    (
        "markets-no-noun-after-a-preposition",
        "The yen traded at 132.86 against the dollar.",
        [("132.86", None)],
    ),
    (
        "others-name-no-noun",
        "Ten soldiers and 12 others died.",
        [("Ten", "soldiers"), ("12", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [u[1:] for u in NOUNS], ids=[u[0] for u in NOUNS])
def test_counted_noun(text: str, expected: list[tuple[str, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.noun) for f in figures] == expected


# Who is counted when no noun is written: "who" after a count says people.
PEOPLE = [
    (
        "health-who-are-people",
        "The clinic treated 40 patients, and 12 who arrived later were sent home.",
        [("40", "patients"), ("12", "people")],
    ),
    (
        "jobs-who-are-people",
        "Some 68,000 are jobless and 9,000 who have looked for a year.",
        [("Some 68,000", None), ("9,000", "people")],
    ),
    (
        "crime-whom-are-people",
        "Police questioned 14, 3 of whom were held.",
        [("14", None), ("3", "people")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [u[1:] for u in PEOPLE], ids=[u[0] for u in PEOPLE])
def test_who_counts_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    figures = extract(Article("a", "a.txt", text)).figures
    assert [(f.text, f.subject) for f in figures] == expected
