"""compare_many: the same reports as pairwise diffs, with each distinct sentence embedded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import embed as embed_mod
from compare.errors import InputError
from compare.many import compare_many
from compare.pipeline import compare_articles, read_articles
from compare.render.report import to_dict
from tests.conftest import FIXTURES, SEED

CASES = ("01-seed-later-update", "02-seed-same-day-other-outlet", "12-near-miss-gaza-vs-west-bank")


def test_all_pairs_match_diff_and_embed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCOMPARE_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    real = embed_mod.encode

    def counting(texts: list[str], **kw: object) -> object:
        calls.append(len(texts))
        return real(texts, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(embed_mod, "encode", counting)
    paths = [
        str(SEED),
        str(FIXTURES / "01-seed-later-update" / "b.txt"),
        str(FIXTURES / "02-seed-same-day-other-outlet" / "b.txt"),
    ]
    articles = read_articles(paths)
    reports = compare_many(articles, cache=False)
    assert len(calls) == 1 and len(reports) == 3
    assert [tuple(a.id for a in r.articles) for r in reports] == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
    ]
    # Each report is the very report `diff` gives for those two articles.
    for report, (i, j) in zip(reports, [(0, 1), (0, 2), (1, 2)], strict=True):
        pairwise = compare_articles([articles[i], articles[j]], cache=False)
        assert to_dict(report) == to_dict(pairwise)


def test_pairs_in_any_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pairs asked for out of order, or twice, still get each its own report.
    monkeypatch.setenv("FACTCOMPARE_CACHE_DIR", str(tmp_path))
    paths = [str(SEED), *(str(FIXTURES / c / "b.txt") for c in CASES)]
    articles = read_articles(paths)
    wanted = [(2, 0), (0, 1), (3, 2), (0, 2), (2, 0)]
    reports = compare_many(articles, pairs=wanted)
    for report, (i, j) in zip(reports, wanted, strict=True):
        assert to_dict(report) == to_dict(compare_articles([articles[i], articles[j]]))


def test_a_pair_must_name_two_articles() -> None:
    articles = read_articles([str(SEED)])
    with pytest.raises(InputError, match="pair"):
        compare_many(articles, pairs=[(0, 0)])
