"""Figures as a fact-checker reads them: sentence -> expected figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.extract.figures import article_figures, attribution, figures
from compare.segment import sentences
from compare.types import Article, Figure, Sentence

SEED = Path(__file__).resolve().parents[1] / "seeds" / "anadolu-2024-02-08-gaza-ceasefire-talks.txt"

# text, value, low, high, qualifier, unit, concept, subject, attribution
Row = tuple[
    str, float, float | None, float | None, str, str | None, str | None, str | None, str | None
]
SEED_FIGURES: list[tuple[str, Row]] = [
    ("two separate meetings", ("two", 2, 2, 2, "exact", None, "meetings", None, None)),
    (
        "the two sides fought (a count of sides)",
        ("two", 2, 2, 2, "exact", None, "sides", None, None),
    ),
    ("3-stage plan", ("3-stage", 3, 3, 3, "exact", None, "stages", None, "a Palestinian source")),
    (
        "135-day pause",
        ("135-day", 135, 135, 135, "exact", "day", "pause", None, "a Palestinian source"),
    ),
    (
        "nearly 1,200 people killed, says Tel Aviv",
        ("nearly 1,200", 1200, 1080, 1200, "nearly", None, "killed", "people", "Tel Aviv"),
    ),
    (
        "more than 130 hostages",
        ("more than 130", 130, 130, None, "more_than", None, "hostages", None, "Tel Aviv"),
    ),
    (
        "at least 27,840 Palestinians killed",
        (
            "At least 27,840",
            27840,
            27840,
            None,
            "at_least",
            None,
            "killed",
            "Palestinians",
            "local health authorities",
        ),
    ),
    (
        "67,317 others injured",
        (
            "67,317",
            67317,
            67317,
            67317,
            "exact",
            None,
            "injured",
            "Palestinians",
            "local health authorities",
        ),
    ),
    (
        "about 85% of Gazans displaced",
        ("About 85%", 85, 80.75, 89.25, "about", "percent", "displaced", "Gazans", "UN"),
    ),
    (
        "hundreds of thousands without shelter",
        (
            "Hundreds of thousands",
            200000,
            200000,
            999999,
            "vague",
            None,
            "homeless",
            "people",
            None,
        ),
    ),
    (
        "less than half of aid trucks",
        ("less than half", 50, None, 50, "less_than", "percent", "aid trucks", None, None),
    ),
]


def row(f: Figure) -> Row:
    return (
        f.text,
        f.value,
        f.low,
        f.high,
        f.qualifier,
        f.unit,
        f.concept,
        f.subject,
        f.attribution,
    )


@pytest.fixture(scope="module")
def seed() -> tuple[str, tuple[Figure, ...]]:
    text = SEED.read_text(encoding="utf-8")
    return text, article_figures(sentences(Article("a", str(SEED), text)))


def test_seed_has_exactly_the_expected_figures(seed: tuple[str, tuple[Figure, ...]]) -> None:
    _, found = seed
    assert [f.text for f in found] == [r[0] for _, r in SEED_FIGURES]
    assert [f.id for f in found] == [f"a:f{i}" for i in range(1, len(SEED_FIGURES) + 1)]


@pytest.mark.parametrize("i", range(len(SEED_FIGURES)), ids=[name for name, _ in SEED_FIGURES])
def test_seed_figure(seed: tuple[str, tuple[Figure, ...]], i: int) -> None:
    text, found = seed
    fig = found[i]
    assert row(fig) == SEED_FIGURES[i][1]
    assert text[fig.span[0] : fig.span[1]] == fig.text


@pytest.mark.parametrize("word", ["2006", "October", "Thursday", "Wednesday", " X."])
def test_seed_non_figures(seed: tuple[str, tuple[Figure, ...]], word: str) -> None:
    _, found = seed
    assert not any(word.strip(" .") in f.text for f in found)


def test_first_numbers_from_and_spans_are_article_offsets() -> None:
    s = Sentence("b", 7, "Some 300 people fled.", 1000, 1021)
    (fig,) = figures(s, first=5)
    assert (fig.id, fig.sentence, fig.span, fig.text) == ("b:f5", 7, (1000, 1008), "Some 300")


def extract(text: str) -> tuple[Figure, ...]:
    return figures(Sentence("a", 0, text, 0, len(text)))


# sentence -> (figure text, value, low, high, qualifier) for each figure
QUALIFIERS = [
    (
        "at least",
        "At least 27,840 people died.",
        [("At least 27,840", 27840, 27840, None, "at_least")],
    ),
    ("more than", "more than 130 hostages", [("more than 130", 130, 130, None, "more_than")]),
    ("over", "over 500 homes", [("over 500", 500, 500, None, "more_than")]),
    (
        "risen past",
        "Fire toll climbs past 100",
        [("climbs past 100", 100, 100, None, "more_than")],
    ),
    ("the past is no bound", "in the past 24 hours", [("24 hours", 24, 24, 24, "exact")]),
    (
        "nearly never includes the value",
        "nearly 1,200 people",
        [("nearly 1,200", 1200, 1080, 1200, "nearly")],
    ),
    ("almost", "almost 90 trucks", [("almost 90", 90, 81, 90, "nearly")]),
    (
        "about uses 5% or the rounding",
        "about 28,000 people",
        [("about 28,000", 28000, 26600, 29400, "about")],
    ),
    ("around", "around 85% of Gazans", [("around 85%", 85, 80.75, 89.25, "about")]),
    ("roughly", "roughly 1,200 people", [("roughly 1,200", 1200, 1140, 1260, "about")]),
    (
        "some: 300 is written to the hundred, capped at 10%",
        "Some 300 people fled.",
        [("Some 300", 300, 270, 330, "about")],
    ),
    (
        "about uses the rounding unit when wider, capped at 10%",
        "about 2,000 people",
        [("about 2,000", 2000, 1800, 2200, "about")],
    ),
    ("around 200 is 180-220", "around 200 aid trucks", [("around 200", 200, 180, 220, "about")]),
    (
        "around 1,500: 5% wins over half the hundred",
        "around 1,500 people",
        [("around 1,500", 1500, 1425, 1575, "about")],
    ),
    ("up to", "up to 5,000 troops", [("up to 5,000", 5000, None, 5000, "at_most")]),
    ("less than", "less than 300 civilians", [("less than 300", 300, None, 300, "less_than")]),
    ("fewer than", "fewer than 300 civilians", [("fewer than 300", 300, None, 300, "less_than")]),
    (
        "less than half",
        "less than half of aid trucks",
        [("less than half", 50, None, 50, "less_than")],
    ),
    ("or more", "300 or more people", [("300 or more", 300, 300, None, "at_least")]),
    (
        "between X and Y",
        "between 200 and 300 people",
        [("between 200 and 300", 200, 200, 300, "range")],
    ),
    ("X to Y", "200 to 300 people", [("200 to 300", 200, 200, 300, "range")]),
    ("X-Y", "200-300 people", [("200-300", 200, 200, 300, "range")]),
    ("X-Y percent", "10-15% of the budget", [("10-15%", 10, 10, 15, "range")]),
    (
        "shared magnitude",
        "1.2 to 1.5 million people",
        [("1.2 to 1.5 million", 1_200_000, 1_200_000, 1_500_000, "range")],
    ),
    (
        "a change is two figures",
        "The toll rose from 100 to 200.",
        [("100", 100, 100, 100, "exact"), ("200", 200, 200, 200, "exact")],
    ),
    ("dozens", "Dozens of people were hurt.", [("Dozens", 24, 24, 99, "vague")]),
    ("hundreds", "hundreds of homes", [("hundreds", 200, 200, 999, "vague")]),
    ("several", "several hospitals", [("several", 3, 3, 9, "vague")]),
    ("scores of", "scores of people", [("scores", 40, 40, 99, "vague")]),
    (
        "tens of thousands",
        "tens of thousands fled",
        [("tens of thousands", 20000, 20000, 99999, "vague")],
    ),
    (
        "more than a dozen",
        "more than a dozen people",
        [("more than a dozen", 12, 12, None, "more_than")],
    ),
    (
        "greater than",
        "greater than 4,565 votes",
        [("greater than 4,565", 4565, 4565, None, "more_than")],
    ),
    ("at least sign", "when >= 30", [(">= 30", 30, 30, None, "at_least")]),
    (
        "less than or equal to",
        "less than or equal to 100",
        [("less than or equal to 100", 100, None, 100, "at_most")],
    ),
    ("or greater", "200 or greater", [("200 or greater", 200, 200, None, "at_least")]),
    # An age is no figure (issue 11), however it is spelled: "30-year-old", "30 years old".
    ("over with an age", "He is over thirty years old.", []),
    (
        "over after took",
        "The repairs took over thirty years.",
        [("over thirty years", 30, 30, None, "more_than")],
    ),
    (
        "over a stretch of time is no qualifier",
        "travelled 40 km over 3 days",
        [("40 km", 40, 40, 40, "exact"), ("3 days", 3, 3, 3, "exact")],
    ),
    (
        "spelled-out",
        "twenty-seven thousand people",
        [("twenty-seven thousand", 27000, 27000, 27000, "exact")],
    ),
    (
        "arabic-indic digits",
        "\u0662\u0667\u066c\u0668\u0664\u0660 people",
        [("\u0662\u0667\u066c\u0668\u0664\u0660", 27840, 27840, 27840, "exact")],
    ),
    (
        "spelled-out with and is one figure",
        "A hundred and fifty-four UNRWA staff have been killed.",
        [("A hundred and fifty-four", 154, 154, 154, "exact")],
    ),
    (
        "more than a fraction in words",
        "More than four-fifths of Gaza's population",
        [("More than four-fifths", 80, 80, None, "more_than")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [q[1:] for q in QUALIFIERS], ids=[q[0] for q in QUALIFIERS]
)
def test_qualifiers_to_intervals(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(f.text, f.value, f.low, f.high, f.qualifier) for f in extract(text)]
    assert got == expected


# sentence -> (figure text, value, unit) for each figure
UNITS = [
    ("percent sign", "85% of Gazans", [("85%", 85, "percent")]),
    ("percent word", "85 percent of Gazans", [("85 percent", 85, "percent")]),
    ("per cent", "85 per cent of Gazans", [("85 per cent", 85, "percent")]),
    ("duration compound", "a 135-day pause", [("135-day", 135, "day")]),
    ("duration words", "for three weeks", [("three weeks", 3, "week")]),
    ("spelled compound counts stages", "a three-stage plan", [("three-stage", 3, None)]),
    ("dollars", "$3bn in aid", [("$3bn", 3e9, "USD")]),
    ("dollars spelled", "300 dollars", [("300 dollars", 300, "USD")]),
    ("euros", "\u20ac2.5 million", [("\u20ac2.5 million", 2.5e6, "EUR")]),
    ("pounds sterling", "\u00a340m budget", [("\u00a340m", 40e6, "GBP")]),
    ("kilometres", "40 km away", [("40 km", 40, "km")]),
    ("miles", "5 miles away", [("5 miles", 5, "mile")]),
    ("glued metres", "a 100m sprint", [("100m", 100, "m")]),
    ("magnitude", "A 6.1 earthquake struck.", [("6.1", 6.1, "magnitude")]),
    ("magnitude before", "a magnitude 5.2 aftershock", [("5.2", 5.2, "magnitude")]),
    ("magnitude compound", "a 7.8-magnitude quake", [("7.8-magnitude", 7.8, "magnitude")]),
    ("age is no figure", "a 45-year-old man", []),
    ("count of people has no unit", "1.2 million people", [("1.2 million", 1.2e6, None)]),
    ("glued gigabytes", "256GB of storage", [("256GB", 256, "GB")]),
    ("glued kilowatts", "a 5kW motor", [("5kW", 5, "kW")]),
    ("spaced milliamp-hours", "a 4500 mAh battery", [("4500 mAh", 4500, "mAh")]),
    ("glued pence", "rose to 164p", [("164p", 164, "pence")]),
    ("currency code glued", "sold for USD10m", [("USD10m", 10e6, "USD")]),
    ("ringgit code", "closed at RM23.50", [("RM23.50", 23.5, "MYR")]),
    ("pound sign lost in conversion", "worth PS2.7m", [("PS2.7m", 2.7e6, "GBP")]),
    ("Hong Kong dollars", "HK $3.7 billion", [("HK $3.7 billion", 3.7e9, "HKD")]),
    ("US dollars written after", "$US160 million", [("$US160 million", 160e6, "USD")]),
    ("digits then scale words", "4 hundred million people", [("4 hundred million", 4e8, None)]),
    ("fraction", "1/2 pound of chocolate", [("1/2 pound", 0.5, "pound")]),
    ("mixed number, hyphen", "a sentence of 5-1/4 years", [("5-1/4 years", 5.25, "year")]),
    ("mixed number, space", "the flight took 6 1/2 hours", [("6 1/2 hours", 6.5, "hour")]),
    ("mixed number, thousands", "ran to 2,500 1/2 pages", [("2,500 1/2", 2500.5, None)]),
    ("minus", "at minus 5 degrees", [("minus 5 degrees", -5, "degree")]),
    (
        "unit on both ends of a range",
        "from 1 per cent to 1.5 per cent",
        [("from 1 per cent to 1.5 per cent", 1, "percent")],
    ),
    (
        "a change by and a level",
        "rose by $43.6 billion to $419.2 billion.",
        [("$43.6 billion", 43.6e9, "USD"), ("$419.2 billion", 419.2e9, "USD")],
    ),
    ("fraction in words is percent", "four-fifths of Gazans", [("four-fifths", 80, "percent")]),
    ("duration in a heading", "Two years of full-scale war", [("Two years", 2, "year")]),
    (
        "a percent change and a level",
        "gained 0.7 percent to 6,327.80",
        [("0.7 percent", 0.7, "percent"), ("6,327.80", 6327.8, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [u[1:] for u in UNITS], ids=[u[0] for u in UNITS])
def test_units(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert [(f.text, f.value, f.unit) for f in extract(text)] == expected


# sentence -> the texts of the figures it holds (the rest are not figures)
NOT_FIGURES = [
    ("year", "the two sides fought a full-scale war in 2006", ["two"]),
    ("year after in", "In 2024, 300 people fled.", ["300"]),
    ("year range", "the 2023-24 season", []),
    ("decade", "since the 1990s", []),
    ("date day month", "on 7 October", []),
    ("date month day", "on October 7, 12 people died", ["12"]),
    ("date ordinal", "on the 7th of October", []),
    ("numeric date", "on 08/02/2024", []),
    ("time", "at 10:30 on Thursday", []),
    ("time pm", "at 3 p.m. local time", []),
    ("weekdays and months", "on Wednesday evening in early October", []),
    ("ordinal", "the 2nd round and the 22nd amendment", []),
    ("age inside a name", "Yair Lapid, 59, said 20 people died.", ["20"]),
    ("list numbering", "1. The first point.", []),
    ("numbering sign", "No. 5 and #3", []),
    ("one of", "one of the soldiers", []),
    ("no one", "no one was hurt", []),
    ("X the platform", "Lapid wrote on X.", []),
    ("phone", "Call +1 555-123-4567 now.", []),
    ("model hyphen", "an F-16 and a MiG-29 during COVID-19", []),
    ("model maker", "a Boeing 737 crashed", []),
    ("turboprop maker", "the ATR 72 aircraft and an Antonov 124 landed", []),
    ("article number", "under Article 5 and Resolution 2334", []),
    ("count of one", "one person was killed", ["one"]),
    ("match score", "Bristol City beat Charlton 2-1 at home.", []),
    ("tied score", "Game 7 ended 89-89.", []),
    ("a range is no score", "5-10 people", ["5-10"]),
    ("market index", "The S&P 500 rose 0.2% and the FTSE 100 fell.", ["0.2%"]),
    ("product name", "the iPhone 11 Pro and two 737 Max jets", ["two"]),
    ("birthday party", "Five teens were hurt at a Sweet 16 party.", ["Five"]),
    ("idiom", "It was a catch 22 for 40 growers.", ["40"]),
    ("address", "at 575 Wilbraham Road", []),
    ("shirt number", "Dak Prescott (4) scored", []),
    ("second half", "in the second half of the game", []),
    ("name holding a number word", "he told BBC One", []),
    (
        "name opened by a number word",
        "It happened outside the Four Points Sheraton, where two people died.",
        ["two"],
    ),
    ("hospital named with a number", "He was taken to Three Rivers Hospital.", []),
    ("title-case headline counts", "Two Killed, Three Hurt In Crash On Highway", ["Two", "Three"]),
    ("year before a name", "the 2003 Iron Bowl", []),
    ("year after a possessive", "Keytruda's 2018 sales", []),
    ("early count is no year", "an average of 1500.", ["1500"]),
    ("one before a number", "just one 52,000 barrel refinery", ["52,000 barrel"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [n[1:] for n in NOT_FIGURES], ids=[n[0] for n in NOT_FIGURES]
)
def test_not_figures(text: str, expected: list[str]) -> None:
    assert [f.text for f in extract(text)] == expected


# sentence -> (concept, subject) for each figure
CONCEPTS = [
    (
        "killed and others injured",
        "At least 27,840 Palestinians have since been killed and 67,317 others injured.",
        [("killed", "Palestinians"), ("injured", "Palestinians")],
    ),
    ("hostages", "more than 130 hostages remained in Hamas' captivity", [("hostages", None)]),
    (
        "verb before the number",
        "which Tel Aviv says killed nearly 1,200 people",
        [("killed", "people")],
    ),
    ("share of a people", "About 85% of Gazans have been displaced", [("displaced", "Gazans")]),
    (
        "without shelter is homeless",
        "Hundreds of thousands of people are living without shelter",
        [("homeless", "people")],
    ),
    ("counted things", "less than half of aid trucks are entering", [("aid trucks", None)]),
    ("adjective dropped", "two separate meetings with Israeli leaders", [("meetings", None)]),
    ("compound counts", "a 3-stage plan", [("stages", None)]),
    ("duration counts what it lasts", "a 135-day pause in fighting", [("pause", None)]),
    ("wounded", "12 soldiers were wounded", [("injured", "soldiers")]),
    ("dead", "the dead include 40 children", [("killed", "children")]),
    ("death toll", "The death toll rose to 34,000.", [("killed", "people")]),
    (
        "detained",
        "Almost 500 people were detained and 30 are missing.",
        [("detained", "people"), ("missing", "people")],
    ),
    ("arrested", "Police arrested 25 protesters.", [("arrested", "protesters")]),
    ("displaced by fleeing", "tens of thousands fled", [("displaced", "people")]),
    (
        "the verb before a number governs it",
        "Israeli strikes on Lebanon have killed 3,287 people and wounded 14,222.",
        [("killed", "people"), ("injured", "people")],
    ),
    (
        "the number killed and the number injured",
        "The number of Palestinians killed in Gaza has reached 27,840 and the number injured 67,317.",
        [("killed", "Palestinians"), ("injured", "people")],
    ),
    (
        "a duration near hostages counts the pause",
        "The fighting would stop for 135 days in three phases while hostages are released.",
        [("pause", None), ("stages", None)],
    ),
    (
        "a 135-day pause to free hostages",
        "a 135-day pause in fighting to free the hostages",
        [("pause", None)],
    ),
    ("a truce lasts as a pause", "a six-week truce for the hostages", [("pause", None)]),
    ("a cease-fire lasts as a pause", "a 42-day cease-fire", [("pause", None)]),
    ("hour pauses", "daily four-hour pauses in fighting", [("pause", None)]),
    ("a duration of war", "Two years of full-scale war", [("war", None)]),
    ("a duration with nothing lasting", "two days after Russia fired missiles", [(None, None)]),
    ("phases are stages", "a plan in three phases", [("stages", None)]),
    ("a 3-phase plan counts stages", "a 3-phase plan", [("stages", None)]),
    (
        "a fraction in words is a share",
        "More than four-fifths of Gaza's population has been displaced",
        [("displaced", None)],
    ),
    (
        "an aside is stepped over",
        "Since October 7, 383 Palestinians, including 96 children, have been killed.",
        [("killed", "Palestinians"), ("killed", "children")],
    ),
    (
        "among them",
        "at least 8,805 Palestinians, among them 3,650 children, had been killed and 22,240 wounded",
        [("killed", "Palestinians"), ("killed", "children"), ("injured", "people")],
    ),
    (
        "of them",
        "378 Palestinians killed in the West Bank since October 7, 95 of them children.",
        [("killed", "Palestinians"), ("killed", "children")],
    ),
    ("list label", "Tanks: 6,526", [("tanks", None)]),
    (
        "list label of several words",
        "Armoured combat vehicles: 12,410",
        [("armoured combat vehicles", None)],
    ),
    ("list label with a subject", "Personnel: about 408,240 troops", [("personnel", "troops")]),
    (
        "list label with a daily delta in brackets",
        "Personnel: about 407,060 (+770)",
        [("personnel", None), ("personnel (daily)", None)],
    ),
    (
        "list label with a daily delta in words",
        "Personnel: about 409,010, up 770 from Friday",
        [("personnel", None), ("personnel (daily)", None)],
    ),
    (
        "a toll revised down",
        "Israel has revised down its count of the people killed in the Hamas attack of October 7"
        " to around 1,200.",
        [("killed", "people")],
    ),
    (
        "a toll passed",
        "With Thursday's deaths, the overall toll of the war passed 30,000.",
        [("killed", "people")],
    ),
    (
        "the noun phrase beats a keyword inside it",
        "2,505 Russian tanks, 5,181 armoured personnel carriers",
        [("tanks", None), ("armoured personnel carriers", None)],
    ),
    (
        "a count of a noun phrase",
        "Its count of destroyed armoured personnel carriers was revised down to 5,167, while the"
        " tank tally rose to 2,511 and artillery systems to 1,556.",
        [("armoured personnel carriers", None), ("tanks", None), ("artillery systems", None)],
    ),
    (
        "a gapped list",
        "It put the number of Russian drones shot down at 1,129 and of cruise missiles at 315.",
        [("drones", None), ("cruise missiles", None)],
    ),
    ("lost medics", "We have lost 340 medics since the war began.", [("killed", "medics")]),
    ("lost colleagues", '"We have now lost 154 colleagues," she said.', [("killed", "colleagues")]),
    (
        "martyrs",
        "The toll has reached 27,840 martyrs and 67,317 wounded.",
        [("killed", "people"), ("injured", "people")],
    ),
    ("staff killed", "154 UNRWA staff have been killed.", [("killed", "staff")]),
    ("troops lost are no death count", "Russia has lost about 63,380 troops", [(None, "troops")]),
    ("games lost are no deaths", "The team has lost 3 games.", [("games", None)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CONCEPTS], ids=[c[0] for c in CONCEPTS]
)
def test_concept_and_subject(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(f.concept, f.subject) for f in extract(text)] == expected


ATTRIBUTIONS = [
    (
        "according to",
        "67,317 others injured, according to local health authorities.",
        "local health authorities",
    ),
    (
        "according to figures from",
        "34,000 dead, according to figures from the health ministry.",
        "health ministry",
    ),
    ("says in a clause", "an attack which Tel Aviv says killed nearly 1,200 people", "Tel Aviv"),
    ("the UN said", "The UN said 85% of Gazans are displaced.", "UN"),
    (
        "told",
        "A Palestinian source told Anadolu that Hamas has proposed a plan.",
        "a Palestinian source",
    ),
    ("after a quote", '"Those are not conflicting goals," Lapid wrote on X.', "Lapid"),
    ("inverted after a quote", '"We will win," said the prime minister.', "prime minister"),
    (
        "long speaker",
        "Israeli opposition leader Yair Lapid said talks went well.",
        "Israeli opposition leader Yair Lapid",
    ),
    ("pronoun is no claimant", "He said the talks failed.", None),
    ("no claimant", "Hundreds of thousands of people are living without shelter.", None),
    ("said as a count's neighbour", "officials said more than a dozen were arrested", "officials"),
    (
        "a ministry in a place",
        "The Health Ministry in Gaza said on Thursday that 27,840 people had been killed.",
        "Health Ministry in Gaza",
    ),
    (
        "according to a ministry in a place",
        "27,840 killed, according to the Health Ministry in Gaza.",
        "Health Ministry in Gaza",
    ),
    (
        "a country's ministry",
        "3,287 killed, Lebanon's Health Ministry said.",
        "Lebanon's Health Ministry",
    ),
    ("a country says", "Lebanon says Israeli strikes have killed 3,287 people", "Lebanon"),
    (
        "officials in a place",
        "Israeli officials in Tel Aviv said 5 people died.",
        "Israeli officials",
    ),
    ("police in a town", "Police in Uvalde said 21 people were killed.", "Police"),
    ("number before the speakers", "Forty states reported new cases.", "states"),
    ("claims as a noun", "Insurance claims rose 40% last year.", None),
    (
        "figures verified by, acronym in brackets",
        "Figures verified by the UN's humanitarian office (OCHA) record 378 Palestinians killed.",
        "OCHA",
    ),
    (
        "figures verified by a long name",
        "Figures verified by the UN Office for the Coordination of Humanitarian Affairs (OCHA)"
        " record 378 Palestinians killed.",
        "OCHA",
    ),
    (
        "according to, acronym in brackets",
        "378 killed, according to the UN Office for the Coordination of Humanitarian Affairs (OCHA).",
        "OCHA",
    ),
    (
        "according to an update of a named office",
        "383 killed, according to the daily flash update of the UN humanitarian office OCHA.",
        "OCHA",
    ),
    ("a body's own data", "OCHA's verified data also list 4,451 Palestinians injured.", "OCHA"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [a[1:] for a in ATTRIBUTIONS], ids=[a[0] for a in ATTRIBUTIONS]
)
def test_attribution(text: str, expected: str | None) -> None:
    assert attribution(text) == expected


def test_each_clause_keeps_its_own_claimant() -> None:
    text = "Israel says 1,200 people were killed, while Hamas says 30,000 Palestinians died."
    assert [f.attribution for f in extract(text)] == ["Israel", "Hamas"]


def test_attribution_governs_the_whole_sentence() -> None:
    text = "Nearly 1,200 people were killed and more than 130 taken hostage, Israel says."
    assert [f.attribution for f in extract(text)] == ["Israel", "Israel"]
