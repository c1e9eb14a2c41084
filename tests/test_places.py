"""Where figures happen: places read from a real gazetteer, nested, inherited, and apart."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.extract.places import mentions, relation
from compare.pipeline import extract
from compare.types import Article


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "383 were killed in the West Bank, including East Jerusalem.",
            ["West Bank", "East Jerusalem"],
        ),
        (
            "Five people were killed in Uvalde, Texas, on Tuesday.",
            ["Uvalde, Texas, United States", "Texas, United States"],
        ),
        ("The quake killed 5,400 people in Turkey and 1,800 in Syria.", ["Turkey", "Syria"]),
        (
            "Floods in Libya killed thousands, officials in Tripoli said.",
            ["Libya", "Tripoli, Libya"],
        ),
        ("Israel says 134 hostages are held.", []),
        ("Moscow claimed 40 drones were shot down.", []),
        ("Israel's army said 12 soldiers died.", []),
        ("Police in Jackson said two men were shot.", ["Jackson, Mississippi, United States"]),
        ("Reading the report, Smith said 40 people died.", []),
        ("Four people were wounded in a Downtown shooting, Metro police said.", []),
        ("Floods on the Southside of Chicago left 3 dead.", ["Chicago, Illinois, United States"]),
        (
            "Two people died in Harris County after the storm.",
            ["Harris County, Texas, United States"],
        ),
        ("Ballots in Cook County were recounted.", ["Cook County, Illinois, United States"]),
        (
            "The fire burned 361,000 acres in Butte and Tehama counties.",
            ["Butte County, California, United States", "Tehama County, California, United States"],
        ),
        (
            "The storm flooded Harris, Fort Bend and Galveston counties.",
            [
                "Harris County, Texas, United States",
                "Fort Bend County, Texas, United States",
                "Galveston County, Texas, United States",
            ],
        ),
        ("Floods hit Sindh and Punjab provinces.", ["Sindh, Pakistan"]),
        ("A girl was killed in the 16800 block of Riverview on Sunday.", []),
        (
            "A pipe burst in the 200 block of Houston Street in Dallas.",
            ["Dallas, Texas, United States"],
        ),
        ("Eddie Holmes, 13, was shot at a home.", []),
        ("Apple's revenue in China fell 2.5% to $15.8 billion.", ["China"]),
        (
            "More than 1,200 people were killed in Hatay province and in Antakya.",
            ["Hatay, Turkey", "Antakya, Turkey"],
        ),
        ("US consumer prices rose 9.1% in June.", ["United States"]),
        ("Lula won Brazil's presidential runoff with 50.9%.", ["Brazil"]),
        ("The bank is the biggest to fail since Washington Mutual collapsed.", []),
        (
            "at Sandy Hook Elementary School in Newtown, Connecticut, in 2012",
            ["Connecticut, United States"],
        ),
        ("Police arrested James Fields Jr., 20, of Maumee, Ohio, on Saturday.", []),
        (
            "Butte County Sheriff Kory Honea said 85 people died.",
            ["Butte County, California, United States"],
        ),
        ("The flood tore through the Libyan city of Derna.", ["Derna, Libya"]),
        ("Hamas said 30 people were killed.", []),
        ("Sam Bankman-Fried was sentenced to 25 years.", []),
        ("For the full fiscal year, revenue was $383.3bn.", []),
        ("The Election Commission of India said 642 million voted.", ["India"]),
        ("The US military's warning centre put winds at 315 km/h.", []),
        (
            "A patient died at LAC+USC Medical Center in Los Angeles on Monday.",
            ["Los Angeles, California, United States"],
        ),
        ("FLOODS KILL 40 IN PERU", ["Peru"]),
        ("Two workers were airlifted to the ICU in Lima.", ["Lima, Peru"]),
    ],
    ids=[
        "two-letter-country",
        "possessive-place",
        "company-named-after-a-place",
        "school-named-after-a-place-then-town-and-state",
        "home-town-is-no-place-of-the-event",
        "county-opening-a-sentence",
        "another-spelling-after-a-preposition",
        "another-spelling-without-one",
        "first-name-is-no-city",
        "a-word-is-no-airport-code",
        "place-in-an-organisation-name",
        "country-owning-an-army-acts",
        "regions-from-the-vocabulary",
        "town-and-state",
        "two-countries",
        "capital-after-preposition",
        "country-as-actor",
        "capital-as-actor",
        "possessive-actor",
        "place-after-in-is-no-speaker",
        "town-named-like-a-word",
        "part-of-a-town-is-no-town",
        "part-of-a-town-in-a-town",
        "county-namesakes-the-larger-states",
        "election-county-namesakes-the-larger-states",
        "wildfire-counties-written-once-after-the-list",
        "storm-three-counties-written-once",
        "flood-provinces-a-name-of-two-countries-left-unread",
        "a-block-of-a-street-is-no-town",
        "utility-a-block-of-a-street-in-a-city",
        "surname-not-a-town",
        "company-and-country",
        "province-and-city",
        "acronym-is-no-town",
        "headline-in-capitals",
        "hospital-unit-is-no-place",
    ],
)
def test_mentions(text: str, names: list[str]) -> None:
    assert [m.place.name for m in mentions(text)] == names


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("Uvalde", "Texas", "nested"),
        ("Texas", "California", "apart"),
        ("Turkey", "Syria", "apart"),
        ("Gaza Strip", "West Bank", "apart"),
        ("Rafah", "Gaza Strip", "nested"),
        ("Antakya", "Hatay", "unknown"),
        ("Houston", "Houston", "same"),
    ],
)
def test_relation(a: str, b: str, how: str) -> None:
    (ma,), (mb,) = mentions(f"It happened in {a}."), mentions(f"It happened in {b}.")
    assert relation(ma.place.key, mb.place.key) == how


def _figures(
    text: str, **meta: object
) -> list[tuple[str, str | None, str | None, str, str | None]]:
    art = Article("a", "a.txt", text, **meta)  # type: ignore[arg-type]
    return [(f.text, f.place, f.place_from, f.scope, f.period) for f in extract(art).figures]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "HOUSTON (AP) - Police said 3 people were wounded on Sunday.",
            None,
            [("3", "Houston, Texas, United States", "article", "current", None)],
        ),
        (
            "The quake killed 5,400 people in Turkey and 1,800 in Syria.",
            None,
            [
                ("5,400", "Turkey", "figure", "current", None),
                ("1,800", "Syria", "figure", "current", None),
            ],
        ),
        (
            "Rescuers dug through rubble in Antakya. At least 1,200 bodies were recovered there.",
            None,
            [("At least 1,200", "Antakya, Turkey", "paragraph", "current", None)],
        ),
        (
            "The toll rose to 3,400. It is the deadliest quake since 1999, when about 17,000 people died.",
            dt.date(2023, 2, 7),
            [
                ("3,400", None, None, "current", None),
                ("about 17,000", None, None, "background", "1999"),
            ],
        ),
        (
            "Revenue rose 8% to $2.1 billion in the third quarter, the company said.",
            dt.date(2023, 10, 26),
            [
                ("8%", None, None, "period", "third quarter"),
                ("$2.1 billion", None, None, "period", "third quarter"),
            ],
        ),
        (
            "At least 27,840 Palestinians have been killed since 7 October.",
            dt.date(2024, 2, 8),
            [("At least 27,840", None, None, "current", "since 7 October")],
        ),
        (
            "WASHINGTON - US consumer prices rose 9.1% in the 12 months to June. "
            "Food prices were up 10.4% over the year.\n\nCore inflation eased to 5.9%.",
            dt.date(2022, 7, 13),
            [
                ("9.1%", "United States", "figure", "period", "12 months to june"),
                ("10.4%", "United States", "paragraph", "period", "year"),
                ("5.9%", "United States", "article", "period", "12 months to june"),
            ],
        ),
        (
            "TRIPOLI - Floods killed 3,958 people in the Libyan city of Derna. "
            "About 30,000 residents were forced from their homes.",
            dt.date(2023, 9, 17),
            [
                ("3,958", "Derna, Libya", "figure", "current", None),
                ("About 30,000", "Derna, Libya", "paragraph", "current", None),
            ],
        ),
        (
            "3 people were wounded in Pensacola, Florida.\n\nThe Escambia County sheriff said 2 "
            "of them were in critical condition.",
            None,
            [
                ("3", "Pensacola, Florida, United States", "figure", "current", None),
                ("2", "Escambia County, Florida, United States", "figure", "current", None),
            ],
        ),
        (
            "A gunman wounded 2 people in Chelsea on Sunday, Massachusetts State Police said.",
            None,
            [("2", "Chelsea, Massachusetts, United States", "figure", "current", None)],
        ),
        (
            "Moderna expects 20 million doses in the United States and 500 million worldwide.",
            dt.date(2020, 11, 30),
            [
                ("20 million", "United States", "figure", "current", None),
                ("500 million", None, None, "current", None),
            ],
        ),
        (
            "The opposition won 99 seats, up from 52 five years ago. The BJP had won 303 seats "
            "in 2019.",
            dt.date(2024, 6, 5),
            [
                ("99", None, None, "current", None),
                ("52", None, None, "background", "five years ago"),
                ("303", None, None, "background", "2019"),
            ],
        ),
        (
            "In November, a fire at a factory near Dhaka killed at least 111 workers.",
            dt.date(2013, 5, 13),
            [("at least 111", "Dhaka, Bangladesh", "figure", "background", "november")],
        ),
        (
            "Apple's revenue fell 1% to $89.5bn in its fiscal fourth quarter. "
            "Mac sales dropped 34% to $7.6bn.",
            dt.date(2023, 11, 2),
            [
                ("1%", None, None, "period", "fourth quarter"),
                ("$89.5bn", None, None, "period", "fourth quarter"),
                ("34%", None, None, "period", "fourth quarter"),
                ("$7.6bn", None, None, "period", "fourth quarter"),
            ],
        ),
        (
            "The unemployment rate fell to 3.4%, the lowest since May 1969.",
            dt.date(2023, 2, 3),
            [("3.4%", None, None, "current", "since May 1969")],
        ),
        (
            "Another 54 people died in the past 24 hours, taking the toll to 1,481. "
            "On Tuesday alone, 12 people were killed.",
            dt.date(2022, 9, 13),
            [
                ("54", None, None, "period", "past 24 hours"),
                ("24 hours", None, None, "period", "past 24 hours"),
                ("1,481", None, None, "current", None),
                ("12", None, None, "period", "on tuesday alone"),
            ],
        ),
    ],
    ids=[
        "bureau-dateline-national-figures",
        "bureau-dateline-event-town",
        "town-and-state",
        "name-read-in-the-state-the-article-names",
        "worldwide-has-no-place",
        "baseline-and-pluperfect-are-background",
        "earlier-month-event-is-background",
        "results-period-carries-through",
        "record-since-is-no-period",
        "dateline",
        "two-countries",
        "paragraph",
        "background-year",
        "period-quarter",
        "open-period",
        "a-day-count-is-a-period-its-total-is-not",
    ],
)
def test_place_and_time(
    text: str, published: dt.date | None, expected: list[tuple[object, ...]]
) -> None:
    assert _figures(text, published=published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A fire in London, Ontario killed 2 people.",
            [("2", "London, Canada")],
            id="town-told-with-a-region-abroad",
        ),
        pytest.param(
            "In Canada, a gas blast in London injured 4.",
            [("4", "London, Canada")],
            id="the-articles-country-without-a-state",
        ),
        pytest.param(
            "Floods in Valencia killed 158, exceeding the 1957 flood in Seville, which killed 81.",
            [("158", "Valencia, Spain"), ("81", "Seville, Spain")],
            id="a-namesake-in-the-country-of-the-other-towns",
        ),
        pytest.param(
            "The toll from the Kentucky floods rose to 12.",
            [("12", "Kentucky, United States")],
            id="toll-from-a-places-event-is-no-route",
        ),
        pytest.param(
            "A flight from Denver carried 180 passengers.",
            [("180", None)],
            id="a-routes-end-is-not-where",
        ),
        pytest.param(
            "A tornado in Paris, Texas injured 3.",
            [("3", "Paris, Texas, United States")],
            id="town-told-with-its-state",
        ),
        pytest.param(
            "In North Carolina's Buncombe County, officials counted 30 deaths.",
            [("30", "Buncombe County, North Carolina, United States")],
            id="a-county-after-its-states-possessive",
        ),
        pytest.param(
            "Floods in Texas' Harris County left 5 dead.",
            [("5", "Harris County, Texas, United States")],
            id="a-county-of-the-state-that-owns-it",
        ),
        pytest.param(
            "In Georgia, 17 people died. South Carolina reported 19 deaths.",
            [("17", "Georgia, United States"), ("19", "South Carolina, United States")],
            id="a-state-reporting-its-own-deaths",
        ),
        pytest.param(
            "In Acapulco, 12 people died. Canada says 3 of its citizens were killed.",
            [("12", "Acapulco, Mexico"), ("3", "Acapulco, Mexico")],
            id="a-country-speaking-is-no-place",
        ),
        pytest.param(
            "BHUBANESWAR - Chief secretary Pradeep Jena said 275 died. "
            "Some 1,175 were injured, Jena told reporters.",
            [("275", "Bhubaneswar, India"), ("Some 1,175", "Bhubaneswar, India")],
            id="a-persons-surname-alone-is-the-person",
        ),
        pytest.param(
            "Sheriff Tom Jackson said 3 were shot. Jackson added that 2 were hurt.",
            [("3", None), ("2", None)],
            id="a-sheriffs-surname-speaks-and-is-no-town",
        ),
        pytest.param(
            "Mayor Ann Paris spoke at noon. In Paris, 12 families were moved.",
            [("12", "Paris, France")],
            id="a-surname-after-a-preposition-is-the-place",
        ),
        pytest.param(
            "Storms in New Mexico killed 2, and 5 died across the border in Mexico.",
            [("2", "New Mexico, United States"), ("5", "Mexico")],
            id="a-two-word-place-is-no-persons-name",
        ),
    ],
)
def test_which_of_a_names_places(text: str, expected: list[tuple[str, str]]) -> None:
    art = Article("a", "a.txt", text)
    assert [(f.text, f.place) for f in extract(art).figures] == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A gunman killed 6 people at a parade in this Chicago suburb.", "US>a1:IL"),
        ("Floods killed 4 in a suburb of Lyon.", "FR>a1:84"),
        ("A blast killed 2 in the Kharkiv region.", "UA>a1:07"),
    ],
    ids=["a-towns-suburb", "suburb-of-a-town", "a-region-is-not-widened"],
)
def test_a_place_around_a_town_is_its_region(text: str, key: str) -> None:
    (fig,) = extract(Article("a", "a.txt", text)).figures
    assert fig.place_key == key
