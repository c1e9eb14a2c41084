"""Who says a figure: speakers named the ways news names them, and words that only look
like speakers."""

from __future__ import annotations

import pytest

from compare.extract.attribution import attribution


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Steven McCraw, the department's director, told reporters 19 officers waited.",
            "Steven McCraw",
        ),
        (
            "Derna's mayor, Abdulmenam al-Ghaithi, has said the count could reach 20,000.",
            "Abdulmenam al-Ghaithi",
        ),
        ("Pradeep Jena, the state's chief secretary, said 1,175 people were hurt.", "Pradeep Jena"),
        (
            "The CGT union, which helped organise the protests, said two million took part.",
            "CGT union",
        ),
        ("Earlier the UN's humanitarian office, OCHA, had put the toll at 11,300.", "OCHA"),
        (
            "The army ended its search on Monday, saying 1,127 bodies had been recovered.",
            "army",
        ),
        ("Moderna expects to have about 20 million doses by December.", "Moderna"),
        (
            "The National Disaster Management Authority has recorded 1,700 deaths.",
            "National Disaster Management Authority",
        ),
        ("Rebuilding will cost at least $16.3bn, the assessment found.", "assessment"),
        (
            "Ukraine's General Staff on Thursday put Russian losses at about 63,800.",
            "Ukraine's General Staff",
        ),
        ("The US Geological Survey measured the quake at magnitude 6.8.", "US Geological Survey"),
        (
            "Butte County Sheriff Kory Honea said the number of confirmed deaths stood at 85.",
            "Butte County Sheriff Kory Honea",
        ),
        ("US employers added 517,000 jobs in January.", None),
        ("Uttar Pradesh, the most populous state, where the BJP won 33 seats.", None),
        ("With all ballots counted, Lula received 60,345,999 votes.", None),
        ("Searchers and relatives found those who had fled.", None),
        (
            "The Civil Human Rights Front, which organised the march, said the turnout was larger.",
            "Civil Human Rights Front",
        ),
        ("Police said 338,000 people had been on the route.", "Police"),
        ("Insurance claims rose 40% last year.", None),
        ("Forty states reported new cases.", "states"),
        ("Sales of $4.1bn beat Wall Street's estimate of $3.9bn.", "Wall Street"),
        ("Turnout topped the commission's forecast of 61%.", None),
    ],
    ids=[
        "name-before-apposition",
        "name-in-apposition",
        "name-with-role-after",
        "relative-aside",
        "acronym-in-apposition-put-at",
        "participle-saying",
        "company-forecast",
        "agency-recorded",
        "assessment-found",
        "time-between-speaker-and-verb",
        "survey-measured-at",
        "county-sheriff",
        "employers-added-jobs-is-no-speech",
        "state-noun-is-no-verb",
        "ballots-counted-participle",
        "found-with-object-is-no-source",
        "inverted-said-with-clause-is-no-speaker",
        "said-before-a-number",
        "claims-noun",
        "number-is-no-speaker",
        "possessive-estimate-is-a-noun",
        "possessive-of-a-common-noun-names-nobody",
    ],
)
def test_claimant(text: str, claimant: str | None) -> None:
    assert attribution(text) == claimant
