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
        [("2,100", "passengers", "passengers"), ("900", "crew", None)],
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
