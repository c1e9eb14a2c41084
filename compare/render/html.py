"""A Report as one self-contained HTML page.  Pure: returns a string, fetches nothing.

The discrepancy table sits on top; below it the articles stand side by side with
every figure marked and coloured by its verdict.  Each row links to the sentences
it compares (``#a-s14``); a targeted sentence is highlighted by CSS alone
(``:target``).  A few lines of inline script add one convenience, highlighting
both sides of a row at once, and the page works without them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from html import escape

from compare.intervals import describe
from compare.render.report import (
    FIGURE_COLUMNS,
    Dates,
    confidence_cell,
    dates_of,
    fig_said,
    fig_what,
    fig_when,
    fig_who,
    heading,
    reading_order,
    row_view,
    shorten,
    summary,
)
from compare.segment import TITLE
from compare.types import VERDICTS, Article, Claim, Figure, Report, Row

# Background of a figure's <mark> per verdict; the legend and the browser test use these.
COLOURS = {
    "agree": "#c8f0d0",
    "diverge": "#ffc9c9",
    "update": "#ffe2a8",
    "unique": "#e3e3ea",
    "figure": "#dde8ff",  # a figure in a `figures` report, which has no verdicts
}
TARGET_COLOUR = "#fff59d"
_MEANING = {
    "agree": "both say it, compatibly",
    "diverge": "the figures contradict",
    "update": "a later report revises it",
    "unique": "only one article says it",
}

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1400px;
       padding: 1rem 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.05rem; margin: .2rem 0 .6rem; }
.articles-list { margin: 0 0 .6rem; padding-left: 1.2rem; }
.legend span { margin-right: .8rem; white-space: nowrap; }
.table-box { max-height: 42vh; overflow-y: auto; margin: .6rem 0 1rem; border: 1px solid #ddd;
             border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f4f4f6; position: sticky; top: 0; }
tr.row:hover td { background: #fafaf0; }
td a { color: inherit; text-decoration: underline dotted; }
.badge { border-radius: 3px; padding: 0 .35rem; font-weight: 600; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.article { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .9rem; }
.text { white-space: pre-wrap; max-height: 60vh; overflow-y: auto; }
.sent { border-radius: 3px; }
.sent:target, .sent.hit { background: TARGET_COLOUR; outline: 2px solid #e0c000; }
mark { border-radius: 3px; padding: 0 .1rem; color: inherit; }
mark a { color: inherit; text-decoration: none; }
.context { color: #555; font-size: 12px; }
"""

_SCRIPT = """
document.querySelectorAll('tr.row').forEach(function (tr) {
  tr.addEventListener('click', function (ev) {
    document.querySelectorAll('.sent.hit').forEach(function (s) { s.classList.remove('hit'); });
    ['a', 'b'].forEach(function (side) {
      var el = document.getElementById(tr.dataset[side] || '');
      if (!el) { return; }
      el.classList.add('hit');
      if (!ev.target.closest('a')) { el.scrollIntoView({block: 'center'}); }
    });
  });
});
"""


def render_html(report: Report) -> str:
    """The whole page for a ``diff`` (rows) or ``figures`` (no rows) report."""
    if report.rows is not None:  # numbered in reading order, as every format shows them
        report = replace(report, rows=reading_order(report.rows))
    verdicts = _figure_verdicts(report)
    css = _CSS.replace("TARGET_COLOUR", TARGET_COLOUR) + "\n".join(
        f".v-{k} {{ background: {c}; }}" for k, c in COLOURS.items()
    )
    title = "factcompare: " + " vs ".join(a.outlet or a.path for a in report.articles)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{css}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<ol class="articles-list" type="A">',
        *(f"<li>{escape(heading(a))}</li>" for a in report.articles),
        "</ol>",
    ]
    if report.rows is not None:
        parts += [
            _legend(),
            f'<p class="summary">{escape(summary(report))}</p>',
            _rows_table(report),
        ]
    else:
        parts.append(_figures_table(report))
    parts.append('<div class="cols">')
    parts += [_article_block(a, report, verdicts) for a in report.articles]
    parts += ["</div>", f"<script>{_SCRIPT}</script>", "</body></html>", ""]
    return "\n".join(parts)


def sentence_anchor(claim: Claim) -> str:
    """The id of a sentence in the page: article id and sentence index, e.g. 'a-s14'."""
    return f"{claim.article}-s{claim.sentence.index}"


def _figure_verdicts(report: Report) -> dict[str, str]:
    verdicts: dict[str, str] = {}
    for row in report.rows or ():
        for fig in (row.a, row.b):
            if fig is not None:
                verdicts.setdefault(fig.id, row.verdict)
    return verdicts


def _legend() -> str:
    items = "".join(
        f'<span><mark class="v-{v}">{v}</mark> {escape(_MEANING[v])}</span>' for v in VERDICTS
    )
    return f'<p class="legend">{items}</p>'


def _rows_table(report: Report) -> str:
    head = (
        "<tr><th>#</th><th>verdict</th><th>confidence</th><th>what</th><th>where</th>"
        "<th>when</th><th>A</th><th>B</th><th>who says (A / B)</th><th>reason</th></tr>"
    )
    dates = dates_of(report)
    body = [_row_html(n, row, dates) for n, row in enumerate(report.rows or (), start=1)]
    return (
        f'<div class="table-box"><table class="rows"><thead>{head}</thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _row_html(n: int, row: Row, dates: Dates) -> str:
    view = row_view(row, dates)  # the same fields as the JSON row
    says = " / ".join(view[k] or "-" for k in ("a_says", "b_says"))
    data = "".join(
        f' data-{side}="{sentence_anchor(c)}"'
        for side, c in (("a", row.claim_a), ("b", row.claim_b))
        if c
    )
    cells = [
        f'<a href="#r{n}">{n}</a>',
        f'<span class="badge v-{row.verdict}">{row.verdict}</span>',
        escape(confidence_cell(row)),
        escape(view["what"]),
        escape(view["where"]),
        escape(view["when"]),
        _side_link(row.a, row.claim_a) + _context(view["a_context"], view["a_text"]),
        _side_link(row.b, row.claim_b) + _context(view["b_context"], view["b_text"]),
        escape(says if says != "- / -" else ""),
        escape(view["explanation"]),
    ]
    tds = "".join(f"<td>{c}</td>" for c in cells)
    return f'<tr class="row v-row-{row.verdict}" id="r{n}"{data}>{tds}</tr>'


def _context(snippet: str | None, text: str) -> str:
    if not snippet or snippet == text:
        return ""
    return f'<div class="context">{escape(snippet)}</div>'


def _side_link(fig: Figure | None, claim: Claim | None) -> str:
    if claim is None:
        return escape(fig.text) if fig else ""
    label = fig.text if fig else shorten(claim.sentence.text, 80)
    return f'<a href="#{sentence_anchor(claim)}">{escape(label)}</a>'


def _who(fig: Figure | None, claim: Claim | None) -> str | None:
    if fig is not None:
        return fig.attribution
    return claim.attribution if claim is not None else None


def _figures_table(report: Report) -> str:
    claims = {(c.article, c.sentence.index): c for c in report.claims}
    rows = []
    for f in report.figures:
        claim = claims.get((f.article, f.sentence))
        link = (
            f'<a href="#{sentence_anchor(claim)}">{escape(fig_said(f))}</a>'
            if claim
            else escape(fig_said(f))
        )
        cells = [
            escape(f.id),
            link,
            escape(describe(f)),
            escape(f.unit or ""),
            escape(f.concept or ""),
            escape(fig_who(f)),
            escape(f.place or ""),
            escape(fig_when(f)),
            escape(f.attribution or ""),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in FIGURE_COLUMNS)
    return (
        f'<div class="table-box"><table class="figures"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _article_block(article: Article, report: Report, verdicts: dict[str, str]) -> str:
    claims = sorted(
        (c for c in report.claims if c.article == article.id), key=lambda c: c.sentence.start
    )
    figures = [f for f in report.figures if f.article == article.id]
    rows = {
        fig_id: n
        for n, row in enumerate(report.rows or (), start=1)
        for fig_id in (row.a.id if row.a else None, row.b.id if row.b else None)
        if fig_id
    }
    body = _marked_text(article.text, claims, figures, verdicts, rows)
    title = [c for c in claims if c.sentence.index == TITLE]
    head = escape(heading(article))
    if title and article.title:
        # The title's own figures, marked in the title (their offsets are into it).
        marked = _marked_text(
            article.title,
            [replace(title[0], sentence=replace(title[0].sentence, index=0))],
            [replace(f, sentence=0) for f in figures if f.sentence == TITLE],
            verdicts,
            rows,
        )
        head = escape(heading(replace(article, title=None))) + ": " + marked
    return (
        f'<section class="article" id="article-{escape(article.id)}">'
        f"<h2>{escape(article.id.upper())}: {head}</h2>"
        f'<div class="text">{body}</div></section>'
    )


def _marked_text(
    text: str,
    claims: Iterable[Claim],
    figures: Iterable[Figure],
    verdicts: dict[str, str],
    rows: dict[str, int],
    *,
    in_title: bool = False,
) -> str:
    """The article text (or, ``in_title``, its title) with sentences wrapped in anchors and
    figures in <mark>s.

    Offsets index the unescaped text, so pieces are cut first and escaped one by one.
    Overlapping or out-of-sentence spans are left unmarked rather than nesting tags wrongly.
    """
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    out: list[str] = []
    pos = 0
    for claim in claims:
        s = claim.sentence
        if (s.index == TITLE) != in_title or s.start < pos or s.end > len(text):
            continue  # the title is shown, marked, in the section's heading
        out.append(escape(text[pos : s.start]))
        out.append(f'<span class="sent" id="{sentence_anchor(claim)}">')
        cur = s.start
        for f in sorted(by_sentence.get(s.index, []), key=lambda f: f.span):
            start, end = f.span
            if start < cur or end > s.end:
                continue
            verdict = verdicts.get(f.id, "figure")  # a figures report, or its row filtered out
            bits = (verdict, fig_what(f), describe(f), f.place, fig_when(f), f.attribution)
            tip = " · ".join(x for x in bits if x)
            inner = escape(text[start:end])
            if f.id in rows:
                inner = f'<a href="#r{rows[f.id]}">{inner}</a>'
            out.append(escape(text[cur:start]))
            out.append(
                f'<mark class="fig v-{verdict}" id="{escape(f.id.replace(":", "-"))}" '
                f'data-verdict="{verdict}" title="{escape(tip)}">{inner}</mark>'
            )
            cur = end
        out.append(escape(text[cur : s.end]) + "</span>")
        pos = s.end
    out.append(escape(text[pos:]))
    return "".join(out)
