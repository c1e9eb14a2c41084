"""Stage 2: an Article to sentences with character offsets.

Written here rather than taken from a library because news copy needs three
things general splitters get wrong: a dateline ("JERUSALEM (AA) -") is not part
of the first claim, a quote that holds several sentences stays with the
speaker named after it, and bylines or writing credits are not claims at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.types import Article, Sentence

# "JERUSALEM (AA) -", "GAZA CITY, Feb 8 (Reuters) -", "KYIV -", "WASHINGTON (AP) —"
DATELINE = re.compile(
    r"^(?P<dl>[A-Z][A-Z .'\-]{1,40}"  # place
    r"(?:,\s*[A-Z][\w. ]{0,20}){0,2}(?:,\s*\d{4})?"  # ", Hawaii", ", Feb 8", ", 2024"
    r"(?:\s*\([^)]{1,30}\))?"  # "(AA)"
    r"\s*[-\u2013\u2014]+\s+)"  # the dash
    r"(?=\S)"
)
DATELINE_PARAGRAPHS = 3
# Lines that credit people rather than state anything.
CREDIT = re.compile(
    r"^\W*(?:By\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,4}"
    r"|(?:Writing|Reporting|Additional reporting|Editing|Edited|Compiled)\s+by\b.*)\W*$"
)
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj rep sen gov pres st jr sr inc ltd co corp
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m
    approx est dept govt""".split()
)
# A boundary: terminal punctuation, optional closing quotes/brackets, then space.  It starts
# only where a run of punctuation starts and never gives back what it took (possessive), so
# a run of a million dots is read once, not a million times.
_BOUNDARY = re.compile(
    r"(?<![.!?])[.!?]++[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
# Bounds on what reaches the extractor, so that its time is linear in the article: a
# sentence longer than this is cut at a space (no claim runs to pages), and a run of
# non-space characters longer than MAX_TOKEN (a pasted blob, not a word) is left out.
MAX_SENTENCE = 1000  # 99.9% of FNC-1 news sentences are under 600 characters
MAX_TOKEN = 200
_LONG_TOKEN = re.compile(r"\S{" + str(MAX_TOKEN + 1) + ",}")
_CREDIT_MAX = 200  # credit lines are short; longer lines are not tried against CREDIT
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def sentences(article: Article) -> tuple[Sentence, ...]:
    """All sentences of an article, in order, indexed from 0."""
    out: list[Sentence] = []
    for start, end, paragraph in _spans(article.text):
        out.append(
            Sentence(
                article=article.id,
                index=len(out),
                text=article.text[start:end],
                start=start,
                end=end,
                paragraph=paragraph,
            )
        )
    return tuple(out)


TITLE = -1  # the sentence index of an article's title; its offsets are into the title


def title_sentence(article: Article) -> Sentence | None:
    """The title as a sentence of its own (index TITLE, offsets into the title), or None.

    >>> title_sentence(Article("a", "-", "Body.", title="Quake toll passes 5,000"))
    Sentence(article='a', index=-1, text='Quake toll passes 5,000', start=0, end=23, paragraph=-1)
    """
    title = (article.title or "").strip()
    if not title or not any(c.isalnum() for c in title):
        return None
    return Sentence(article.id, TITLE, title, 0, len(title), paragraph=TITLE)


def dateline(text: str) -> str | None:
    """The dateline that opens a story, if any.

    >>> dateline("LITTLETON, Colo. (CBS4) - A 14-year-old boy was shot.")
    'LITTLETON, Colo. (CBS4) - '
    """
    return next((d for d, _ in _paragraphs(text) if d), None)


def _spans(text: str) -> Iterator[tuple[int, int, int]]:
    for start, end, paragraph in _paragraph_spans(text):
        for s, e in _bounded(text, start, end):
            yield s, e, paragraph


def _paragraphs(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each paragraph with the dateline that opens it ("" for none)."""
    looking = DATELINE_PARAGRAPHS
    for para in re.finditer(r"[^\n]+", text):
        line = para.group()
        if not line.strip() or (len(line) <= _CREDIT_MAX and CREDIT.match(line.strip())):
            continue
        found = ""
        if looking:
            # A dateline opens the story's first paragraph, after any headline or standfirst.
            match = DATELINE.match(line)
            looking = 0 if match else looking - 1
            found = match.group("dl") if match else ""
        yield found, para


def _paragraph_spans(text: str) -> Iterator[tuple[int, int, int]]:
    for number, (found, para) in enumerate(_paragraphs(text)):
        offset = para.start() + len(found)
        for s, e in _split_paragraph(para.group()[len(found) :]):
            yield offset + s, offset + e, number


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence's span without over-long tokens, cut into pieces of at most MAX_SENTENCE."""
    pieces = []
    at = start
    for blob in _LONG_TOKEN.finditer(text, start, end):
        pieces.append((at, blob.start()))
        at = blob.end()
    pieces.append((at, end))
    for a, b in pieces:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            yield from _trimmed(text, a, cut)
            a = cut
        yield from _trimmed(text, a, b)


def _split_paragraph(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    quotes = _QuoteCount()
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if quotes.open_after(line, end) or _is_abbreviation(line, match.start()):
            continue
        yield from _trimmed(line, start, end)
        start = end
        quotes = _QuoteCount(end)
    yield from _trimmed(line, start, len(line))


class _QuoteCount:
    """Quotation marks counted from a sentence's start, forward only (linear, unlike
    counting the whole chunk again at every candidate boundary)."""

    def __init__(self, at: int = 0) -> None:
        self.at, self.straight, self.curly = at, 0, 0

    def open_after(self, line: str, end: int) -> bool:
        """True while a quotation opened since the start is not closed at ``end``."""
        chunk = line[self.at : end]
        self.at = end
        self.straight += chunk.count('"')
        self.curly += chunk.count("\u201c") - chunk.count("\u201d")
        return self.straight % 2 == 1 or self.curly > 0


def _trimmed(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in line[start:end]):
        yield start, end


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    # Only the last few characters: abbreviations are short, and a search anchored at the
    # end of the whole line would rescan a long run of letters at every full stop.
    word = _WORD_BEFORE.search(line, max(0, dot - 12), dot)
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    # Single capitals ("J. Smith") and known abbreviations do not end sentences.
    return token in ABBREVIATIONS or (len(token) == 1 and line[dot - 1].isupper())
