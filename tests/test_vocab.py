"""The vocabulary is one data home a user extends with a file of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compare.extract import vocab
from compare.extract.places import mentions


@pytest.fixture
def own_words(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "words.toml"
    yield path
    vocab.configure(())


@pytest.mark.parametrize(
    ("toml", "check"),
    [
        (
            '[predicates]\nelectrocute = "killed"\n',
            lambda v: v.predicate("electrocuted") == "killed",
        ),
        ('[labels]\n"fallecidos" = "killed"\n', lambda v: v.label("Fallecidos") == "killed"),
        (
            '[people]\nsingular = "skier"\n',
            lambda v: "skier" in v.singular_people and "man" in v.singular_people,
        ),
        (
            '[contrasts]\npairs = "leased owned"\n',
            lambda v: ("leased", "owned") in v.contrasts and ("profit", "loss") in v.contrasts,
        ),
    ],
    ids=[
        "a-new-predicate-with-its-inflections",
        "a-bulletin-label",
        "a-word-list-grows",
        "a-contrast-is-added",
    ],
)
def test_user_file_extends(own_words: Path, toml: str, check: object) -> None:
    own_words.write_text(toml, encoding="utf-8")
    vocab.configure([str(own_words)])
    assert check(vocab.vocabulary())  # type: ignore[operator]


def test_user_places_nest_with_the_gazetteer(own_words: Path) -> None:
    from compare.extract import places

    own_words.write_text(
        '[places]\n"silicon valley" = "US>a1:CA>Silicon Valley"\n', encoding="utf-8"
    )
    vocab.configure([str(own_words)])
    places.gazetteer.cache_clear()
    places._mentions.cache_clear()
    try:
        found = mentions("Layoffs hit Silicon Valley and California.")
        assert [places.relation(found[0].place.key, found[1].place.key)] == ["nested"]
    finally:
        vocab.configure(())
        places.gazetteer.cache_clear()
        places._mentions.cache_clear()


def test_a_broken_user_file_is_one_clear_error(own_words: Path) -> None:
    own_words.write_text("[predicates\n", encoding="utf-8")
    vocab.configure([str(own_words)])
    with pytest.raises(vocab.VocabularyError, match=r"words\.toml: not valid TOML"):
        vocab.vocabulary()


def test_config_names_the_users_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from compare.cli import app

    (tmp_path / "factcompare.toml").write_text('vocabulary = "words.toml"\n', encoding="utf-8")
    (tmp_path / "words.toml").write_text('[predicates]\nelectrocute = "killed"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Storms electrocuted 12 people.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["figures", "a.txt", "--format", "csv"])
    finally:
        vocab.configure(())
    assert result.exit_code == 0, result.output
    assert ",killed," in result.stdout.splitlines()[1]
