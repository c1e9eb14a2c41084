"""Reading articles: formats, metadata, and bad input that gets a one-line error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.load import Meta, days_told, load, markdown_to_text
from tests.conftest import SEED


def test_seed_metadata_from_sidecar() -> None:
    article = load(str(SEED))
    assert (article.outlet, article.published) == ("Anadolu Agency", dt.date(2024, 2, 8))
    assert article.text.startswith("By Abdelraouf Arnaout\nJERUSALEM (AA) -")


def test_front_matter_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text(
        "---\noutlet: Levant Wire\npublished: 2024-02-15\ntitle: Toll\n---\n# Toll rises\n"
        "- **At least 28,663** killed\n",
        encoding="utf-8",
    )
    article = load(str(path))
    assert (article.outlet, article.title, article.published) == (
        "Levant Wire",
        "Toll",
        dt.date(2024, 2, 15),
    )
    assert article.text == "Toll rises.\nAt least 28,663 killed"
    later = load(str(path), meta=Meta(published=dt.date(2024, 3, 1)))
    assert later.published == dt.date(2024, 3, 1) and later.outlet == "Levant Wire"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffAt least 27,840 killed.".encode(), "At least 27,840 killed."),
        ("At least 27,840 killed.".encode("utf-16"), "At least 27,840 killed."),
        ("\u201cNearly 1,200\u201d killed.".encode("cp1252"), "\u201cNearly 1,200\u201d killed."),
        (b"Line one.\r\nLine two.", "Line one.\nLine two."),
    ],
    ids=["utf8-bom", "utf16", "windows-1252", "crlf"],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert load(str(path)).text == expected


def test_json_record(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"text": "Aid arrived.", "outlet": "Gulf Monitor", "published": "2024-02-08"})
    )
    article = load(str(path))
    assert (article.text, article.outlet, article.published) == (
        "Aid arrived.",
        "Gulf Monitor",
        dt.date(2024, 2, 8),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("empty.txt", b"", "empty.txt: no article text"),
        ("blank.txt", b"  \n\n ", "blank.txt: no article text"),
        ("bin.txt", b"\x00\x01\x02PNG", "bin.txt: looks like a binary file, not an article"),
        ("bad.json", b"{nope", "bad.json: malformed JSON"),
        ("notext.json", b'{"title": "x"}', 'notext.json: the JSON record has no "text" field'),
        ("list.json", b"[1, 2]", "list.json: a JSON article must be an object"),
        (
            "bad-date.txt",
            b"---\npublished: yesterday\n---\nText.",
            "published date 'yesterday' is not a date",
        ),
        ("bad-yaml.md", b"---\n: : :\n  - [\n---\nText.", "front-matter block"),
    ],
    ids=[
        "missing",
        "empty",
        "blank",
        "binary",
        "malformed-json",
        "json-without-text",
        "json-list",
        "bad-date",
        "bad-front-matter",
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load(str(path))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_directory_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        load(str(big), max_bytes=100)


def test_same_file_twice() -> None:
    from compare.pipeline import read_articles

    with pytest.raises(InputError, match="given twice"):
        read_articles([str(SEED), str(SEED)])


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Toll rises\n\nAt least 27,840 killed.", "Toll rises.\nAt least 27,840 killed."),
        ("Flood toll rises\n================\n\n312 dead.", "Flood toll rises.\n312 dead."),
        (
            "Reported by [the agency][afad].\n\n[afad]: https://example.org/afad",
            "Reported by the agency.",
        ),
        (
            "Casualties by province:\n\n| Province | Dead | Injured |\n|---|---|---|\n"
            "| Hatay | 312 | 1,540 |\n| Adana | 27 |  |",
            "Casualties by province:\nProvince: Hatay; Dead: 312; Injured: 1,540.\n"
            "Province: Adana; Dead: 27.",
        ),
        ("Turnout:\n\n1. North: 61%\n2. South: 58%", "Turnout:\nNorth: 61%\nSouth: 58%"),
        (
            "Shares fell 4%.\n\n> Revenue was $2.1bn, the CFO said.",
            "Shares fell 4%.\n\nRevenue was $2.1bn, the CFO said.",
        ),
        ("Evacuated: <b>5,000</b> residents.", "Evacuated: 5,000 residents."),
        ("Rainfall of 200 mm  \nin six hours.", "Rainfall of 200 mm\nin six hours."),
    ],
    ids=[
        "atx-heading",
        "setext-heading",
        "reference-link",
        "table-rows-as-labels",
        "ordered-list",
        "quote-is-a-paragraph",
        "inline-html",
        "hard-break",
    ],
)
def test_markdown_reads_as_prose(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("LAHAINA, Hawaii, Aug. 12, 2023 - The toll rose to 93.", dt.date(2023, 8, 12)),
        ("NEW DELHI, June 4, 2024 (AP) \u2014 Counting began.", dt.date(2024, 6, 4)),
        ("PARIS, 19 January 2023 (Reuters) - Unions marched.", dt.date(2023, 1, 19)),
        ("Nov. 21, 2023 - Nvidia reported revenue of $18.1 billion.", dt.date(2023, 11, 21)),
        ("By Jane Roe\nPublished 3:04 PM EDT, Sat August 12, 2023\nThe fire grew.",
         dt.date(2023, 8, 12)),
        ("Updated: 12 September 2024\nThe jury deliberated.", dt.date(2024, 9, 12)),
        ("The fire began on Aug. 8, 2023 - officials said.", None),
        ("PARIS (AP) \u2014 Protesters marched on Jan. 19, 2023.", None),
        ("Quake survivors were pulled out.\nLater, on March 3, 2023 - the rescue ended.", None),
    ],
    ids=[
        "wildfire-dateline", "election-dateline-agency", "protest-day-first", "results-date-only",
        "published-line", "updated-line", "a-date-in-the-story-is-no-date",
        "dateline-without-date", "a-later-line-is-no-dateline",
    ],
)  # fmt: skip
def test_a_story_without_metadata_is_dated_by_its_dateline(
    tmp_path: Path, text: str, published: dt.date | None
) -> None:
    """A story pasted without metadata keeps its date: the judge tells an update from a
    divergence by dates.  Metadata wins where it is given."""
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    assert load(str(path)).published == published
    path.write_text(f"---\npublished: 2020-01-02\n---\n{text}", encoding="utf-8")
    assert load(str(path)).published == dt.date(2020, 1, 2)


@pytest.mark.parametrize(
    ("text", "published", "told"),
    [
        ("The jury convicted him of starting the Aug. 8 fire that razed Lahaina.",
         dt.date(2024, 5, 2), [dt.date(2023, 8, 8)]),
        ("The bus plunged into the Trishuli river on 12 July, killing 65.",
         dt.date(2024, 7, 30), [dt.date(2024, 7, 12)]),
        ("The quake of February 6th, 2023 left 50,000 dead in Turkey.",
         dt.date(2024, 2, 6), [dt.date(2023, 2, 6)]),
        ("Rescuers worked through the night of Dec. 30 after the landslide.",
         dt.date(2025, 1, 4), [dt.date(2024, 12, 30)]),
        ("He was shot on the 4th of July downtown.", dt.date(2016, 9, 20), [dt.date(2016, 7, 4)]),
        ("Sentencing is set for March 9 in the fraud case.", dt.date(2024, 3, 1), []),
        ("Shares fell in June 2024 and 3 May 2025 is the next meeting.", dt.date(2024, 8, 1), []),
        ("It may 5 times exceed the limit; the 1200 block of March Street at 10:30.",
         dt.date(2024, 8, 1), []),
        ("Counting ended on Feb. 30, the commission said.", dt.date(2024, 3, 2), []),
        ("Homicides since Jan. 1 rose to 40; as of Dec. 31 the fund held $3 billion.",
         dt.date(2024, 3, 2), []),
    ],
    ids=[
        "wildfire-verdict-names-the-fire-day", "bus-crash-day-first", "quake-anniversary-year",
        "landslide-across-new-year", "holiday-day-first-with-of", "a-hearing-ahead-is-no-day",
        "a-month-and-year-or-a-day-ahead-is-no-day", "verbs-streets-and-times-are-no-days",
        "no-such-day", "a-periods-bounds-are-no-days",
    ],
)  # fmt: skip
def test_the_days_a_story_tells(text: str, published: dt.date, told: list[dt.date]) -> None:
    """A follow-up names the day of its event; grouping places it there (compare.corpus.group)."""
    assert sorted(days_told(text, published)) == told


@pytest.mark.parametrize(
    ("text", "published", "told"),
    [
        ("Survivors of the Boxing Day tsunami gathered in Banda Aceh.",
         dt.date(2005, 1, 9), [dt.date(2004, 12, 26)]),
        ("The man charged over the Fourth of July parade shooting pleaded not guilty.",
         dt.date(2022, 8, 3), [dt.date(2022, 7, 4)]),
        ("The toll of the Bastille Day truck attack in Nice rose to 86.",
         dt.date(2016, 7, 19), [dt.date(2016, 7, 14)]),
        ("Police said the New Year\u2019s Eve stabbing was the city's third.",
         dt.date(2024, 1, 2), [dt.date(2023, 12, 31)]),
        ("Sales since Christmas Day rose 4%, the retailer said.", dt.date(2024, 1, 20), []),
    ],
    ids=["tsunami", "parade-shooting", "truck-attack", "curly-apostrophe",
         "a-periods-bound-is-no-day"],
)  # fmt: skip
def test_days_news_names_by_name(text: str, published: dt.date, told: list[dt.date]) -> None:
    """The vocabulary's [time] named_days: days that fall on one date every year."""
    from compare.corpus.digest import named_days
    from compare.extract.vocab import vocabulary

    assert sorted(days_told(text, published, named_days(vocabulary()))) == told
