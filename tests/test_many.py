"""compare_many: the same reports as pairwise diffs, with each distinct sentence embedded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import embed as embed_mod
from compare.errors import InputError
from compare.many import compare_many
from compare.pipeline import compare_articles, read_articles
from compare.report import to_dict
from tests.conftest import FIXTURES, SEED


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
    pairwise = to_dict(compare_articles(articles[:2], cache=False))
    together = to_dict(reports[0])
    assert together["figures"] == pairwise["figures"]
    assert [(r["verdict"], r["a"], r["b"]) for r in together["rows"]] == [
        (r["verdict"], r["a"], r["b"]) for r in pairwise["rows"]
    ]


def test_a_pair_must_name_two_articles() -> None:
    articles = read_articles([str(SEED)])
    with pytest.raises(InputError, match="pair"):
        compare_many(articles, pairs=[(0, 0)])
