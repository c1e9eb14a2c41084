"""A corpus of events as text: summary table, JSON, JSONL and an HTML index.  Pure functions.

JSON contract (``schema_version`` 2, ``kind`` "corpus"; later versions add fields, never rename):
``events[]``, each with ``id``, ``place``, ``first``/``last`` (dates), ``alarms``,
``articles[]`` (``id``, ``path``, ``title``, ``outlet``, ``published``),
``counts[]`` (``concept``, ``subject``, ``place``, ``claimant``, ``value``, ``low``,
``high``, ``as_of``, ``range`` {``low``, ``high``} across claimants, ``history[]``),
``rows[]`` (``verdict``, ``concept``, ``subject``, ``claimant``, ``a``, ``b``, ``reason``,
``confidence`` (new in 2: how likely the row is right, null for a lone series);
``a``/``b`` are figures: ``id``, ``article``, ``sentence``, ``text``, ``value``, ``low``,
``high``, ``published``), ``sentences[]`` (``article``, ``index``, ``text``) that the
figures point into, and ``totals[]`` (``concept``, ``role`` "suspect" or null for everyone else,
``value``, ``articles`` reporting that value, ``reporting`` the concept at all,
``as_of``, ``derived``): the event's own tally of each concept (see
:class:`compare.corpus.event.Total`).  JSONL is one event object a line, without the envelope.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from compare.render.report import fmt_plain, shorten

if TYPE_CHECKING:
    from compare.corpus.event import Count, Event, EventRow, Mention
    from compare.corpus.run import Corpus

SCHEMA_VERSION = 2
FORMATS = ("table", "json", "jsonl", "html")
EXTENSIONS = {".txt": "table", ".json": "json", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}


def ranked(corpus: Corpus) -> list[Event]:
    """Events by number of alarms, then size, then id order."""
    order = {e.id: n for n, e in enumerate(corpus.events)}
    return sorted(corpus.events, key=lambda e: (-e.alarms, -len(e.articles), order[e.id]))


def render(corpus: Corpus, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_dict(corpus), indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(jsonl_lines(corpus))
    if fmt == "html":
        return render_html(corpus)
    return table(corpus)


# --- JSON -------------------------------------------------------------------------------


def to_dict(corpus: Corpus) -> dict[str, Any]:
    s = corpus.settings
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "corpus",
        "model": corpus.model,
        "options": {"threshold": s.threshold, "window": s.window, "follow_up": s.follow_up},
        "articles": corpus.articles,
        "events": [event_dict(e) for e in ranked(corpus)],
    }


def jsonl_lines(corpus: Corpus) -> Iterator[str]:
    for e in ranked(corpus):
        yield json.dumps(event_dict(e), ensure_ascii=False) + "\n"


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "place": e.place,
        "first": _date(e.first),
        "last": _date(e.last),
        "alarms": e.alarms,
        "articles": [
            {
                "id": a.key,
                "path": a.path,
                "title": a.title,
                "outlet": a.outlet,
                "published": _date(a.published),
            }
            for a in e.articles
        ],
        "counts": [_count(c) for c in e.counts],
        "rows": [_row(r) for r in e.rows],
        "sentences": [{"article": a, "index": i, "text": t} for a, i, t in e.sentences],
        "totals": [
            {
                "concept": t.concept,
                "role": t.role,
                "value": _num(t.value),
                "articles": t.articles,
                "reporting": t.reporting,
                "as_of": _date(t.as_of),
                "derived": t.derived,
            }
            for t in e.totals
        ],
    }


def _count(c: Count) -> dict[str, Any]:
    return {
        "concept": c.concept,
        "subject": c.subject,
        "place": c.place,
        "claimant": c.claimant,
        "value": _num(c.value),
        "low": _num(c.low),
        "high": _num(c.high),
        "as_of": _date(c.as_of),
        "range": {"low": _num(c.range_low), "high": _num(c.range_high)},
        "history": [dict(_mention(m), verdict=v) for m, v in c.history],
    }


def keep_confident(result: Corpus, min_confidence: float | None) -> Corpus:
    """The corpus without the rows less likely to be right than ``min_confidence`` (rows
    without a confidence stay); an event's alarms are counted on the rows kept."""
    from dataclasses import replace

    if min_confidence is None:
        return result
    events = tuple(
        replace(
            e,
            rows=tuple(r for r in e.rows if r.confidence is None or r.confidence >= min_confidence),
        )
        for e in result.events
    )
    return replace(result, events=events)


def _row(r: EventRow) -> dict[str, Any]:
    return {
        "verdict": r.verdict,
        "concept": r.concept,
        "subject": r.subject,
        "claimant": r.claimant,
        "a": _mention(r.a) if r.a else None,
        "b": _mention(r.b) if r.b else None,
        "reason": r.reason,
        "confidence": r.confidence,
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {
        "id": m.figure,
        "article": m.article,
        "sentence": m.sentence,
        "text": m.text,
        "value": _num(m.value),
        "low": _num(m.low),
        "high": _num(m.high),
        "published": _date(m.published),
    }


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _date(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


# --- table ------------------------------------------------------------------------------


def table(corpus: Corpus) -> str:
    """One line per event: alarms first, then the biggest events."""
    rows = [
        [
            e.id,
            _when(e),
            (e.place or "").split(",")[0],  # the town: its region and country are in the JSON
            len(e.articles),
            e.alarms,
            shorten(_headline(e), 50),
            shorten(_counts_text(e), 40),
        ]
        for e in ranked(corpus)
    ]
    body = tabulate(
        rows,
        headers=["event", "when", "where", "articles", "alarms", "headline", "current counts"],
        tablefmt="simple",
    )
    alarms = sum(e.alarms for e in corpus.events)
    return (
        f"{body}\n\n{corpus.articles} articles in {len(corpus.events)} events; "
        f"{alarms} alarms (diverge or update) in "
        f"{sum(1 for e in corpus.events if e.alarms)} events\n"
    )


def _when(e: Event) -> str:
    if e.first is None:
        return ""
    if e.last is None or e.last == e.first:
        return e.first.isoformat()
    return f"{e.first.isoformat()}..{e.last.isoformat()[5:]}"


def _headline(e: Event) -> str:
    return next((a.title for a in e.articles if a.title), e.articles[0].key if e.articles else "")


def _counts_text(e: Event) -> str:
    """The event's counts, those more of its articles report first: the toll five reports
    give before the shell casings one counts."""
    told = sorted(e.counts, key=lambda c: -len({m.article for m, _ in c.history}))
    return "; ".join(
        f"{c.concept} {fmt_plain(c.value)}" + (f" ({c.claimant})" if c.claimant else "")
        for c in told
    )


# --- HTML -------------------------------------------------------------------------------

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1200px;
       padding: 1rem 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
section { border-top: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: .4rem 0; }
th, td { border-bottom: 1px solid #eee; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
.sent:target { background: #fff59d; outline: 2px solid #e0c000; }
.alarm { color: #b00020; font-weight: 600; }
ol.sentences { font-size: 14px; color: #333; }
"""


def render_html(corpus: Corpus) -> str:
    """One section per event (alarms first); every figure links to the sentence it comes from."""
    events = ranked(corpus)
    toc = "".join(
        f'<li><a href="#{_esc(e.id)}">{_esc(e.id)}</a>: {_esc(shorten(_headline(e), 80))}'
        f" ({len(e.articles)} articles, {e.alarms} alarms)</li>"
        for e in events
    )
    sections = "".join(_section(e) for e in events)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>factcompare corpus: {len(events)} events</title><style>{_CSS}</style></head>"
        f"<body><h1>{corpus.articles} articles in {len(events)} events</h1>"
        f'<ol class="toc">{toc}</ol>{sections}</body></html>\n'
    )


def sentence_id(event: str, article: str, index: int) -> str:
    """The anchor of one sentence of one event's article."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in article)
    return f"{event}-{safe}-s{index}"


def _section(e: Event) -> str:
    arts = "".join(
        f"<li>{_esc(a.published.isoformat() if a.published else '')} {_esc(a.outlet or '')} "
        f"<b>{_esc(a.title or a.key)}</b> <small>{_esc(a.path)}</small></li>"
        for a in e.articles
    )
    counts = "".join(
        f"<tr><td>{_esc(c.concept)}</td><td>{_esc(c.subject or '')}</td>"
        f"<td>{_esc(c.place or '')}</td><td>{_esc(c.claimant or '')}</td>"
        f"<td>{_link(e.id, c.history[-1][0])}</td>"
        f"<td>{_esc(c.as_of.isoformat() if c.as_of else '')}</td>"
        f"<td>{_esc(_range(c))}</td>"
        f"<td>{' &rarr; '.join(_link(e.id, m) for m, _ in c.history)}</td></tr>"
        for c in e.counts
    )
    rows = "".join(
        f'<tr><td class="{"alarm" if r.verdict in ("diverge", "update") else ""}">'
        f"{_esc(r.verdict)}</td><td>{_esc(r.concept or '')}</td>"
        f"<td>{_link(e.id, r.a) if r.a else ''}</td><td>{_link(e.id, r.b) if r.b else ''}</td>"
        f"<td>{_esc(r.reason)}</td></tr>"
        for r in e.rows
    )
    sents = "".join(
        f'<li class="sent" id="{sentence_id(e.id, a, i)}"><small>{_esc(a)} #{i}</small> '
        f"{_esc(t)}</li>"
        for a, i, t in e.sentences
    )
    return (
        f'<section id="{_esc(e.id)}"><h2>{_esc(e.id)}: {_esc(_headline(e))}</h2>'
        f"<p>{_esc(e.place or 'place unknown')}, {_esc(_when(e))}; "
        f"{len(e.articles)} articles, {e.alarms} alarms</p><ul>{arts}</ul>"
        + (
            "<table><tr><th>counts</th><th>who</th><th>where</th><th>says</th><th>current</th>"
            f"<th>as of</th><th>range</th><th>history</th></tr>{counts}</table>"
            if counts
            else ""
        )
        + (
            "<table><tr><th>verdict</th><th>what</th><th>A</th><th>B</th><th>reason</th></tr>"
            f"{rows}</table>"
            if rows
            else ""
        )
        + (f'<ol class="sentences">{sents}</ol>' if sents else "")
        + "</section>"
    )


def _range(c: Count) -> str:
    if c.range_low == c.range_high:
        return ""
    return f"{fmt_plain(c.range_low)} to {fmt_plain(c.range_high)}"


def _link(event: str, m: Mention) -> str:
    return (
        f'<a class="fig" href="#{sentence_id(event, m.article, m.sentence)}" '
        f'title="{_esc(m.article)}">{_esc(m.text)}</a>'
    )


def _esc(text: str) -> str:
    return escape(text, quote=True)
