"""The on-disk vector cache: hits are exact, writers may run at once, size is bounded,
corruption costs a recomputation and never a crash, and a repeat diff never loads the model."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

from compare import cache as cache_mod
from compare.cache import CACHE_FILE, CacheRebuilt, VectorCache, cache_dir, model_key
from tests.conftest import FIXTURES, SEED

HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime", "scipy.optimize")


def unit(seed: int, dim: int = 384) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return v / np.linalg.norm(v)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "cache"
    monkeypatch.setenv("FACTCOMPARE_CACHE_DIR", str(target))
    return target


def test_cache_dir_honours_override_then_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("FACTCOMPARE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "factcompare"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "factcompare"


def test_hit_returns_the_identical_vector(isolated_cache: Path) -> None:
    vectors = {f"Sentence {i}.": unit(i) for i in range(50)}
    with VectorCache("m") as cache:
        cache.put(vectors)
    with VectorCache("m") as cache:
        found = cache.get([*vectors, "Never stored."])
    assert found.keys() == vectors.keys()
    for text, vector in vectors.items():
        assert found[text].dtype == np.float32
        assert np.array_equal(found[text], vector)
    assert (isolated_cache / CACHE_FILE).exists()


def test_models_do_not_share_vectors() -> None:
    with VectorCache("model-one") as cache:
        cache.put({"Same text.": unit(1)})
    with VectorCache("model-two") as cache:
        assert cache.get(["Same text."]) == {}


def test_model_key_changes_when_the_model_files_change(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "modules.json").write_text("[]")
    (model / "config.json").write_text('{"hidden_size": 384}')
    before = model_key(str(model))
    assert model_key(str(model)) == before
    (model / "config.json").write_text('{"hidden_size": 768}')
    assert model_key(str(model)) != before
    assert model_key("some/hub-model") == "v1:some/hub-model"


def test_the_bound_evicts_least_recently_used(tmp_path: Path) -> None:
    clock = itertools.count(1.0)
    row = 384 * 4 + len("m") + 32 + cache_mod._ROW_OVERHEAD
    with VectorCache("m", max_bytes=100 * row) as cache:
        cache.clock = lambda: float(next(clock))
        cache.put({f"old {i}": unit(i) for i in range(60)})
        for batch in range(3):
            assert cache.get(["old 0"]).keys() == {"old 0"}  # used again: now the most recent
            cache.put({f"new {batch} {i}": unit(1000 + 100 * batch + i) for i in range(30)})
            assert cache.size() <= 100 * row
        assert len(cache) < 100
        assert cache.get([f"old {i}" for i in range(1, 11)]) == {}
        assert len(cache.get([f"new 2 {i}" for i in range(30)])) == 30


@pytest.mark.parametrize(
    "garbage",
    [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000, b""],
    ids=["text", "broken-header", "empty"],
)
def test_a_corrupt_cache_is_rebuilt(isolated_cache: Path, garbage: bytes) -> None:
    isolated_cache.mkdir(parents=True)
    (isolated_cache / CACHE_FILE).write_bytes(garbage)
    with VectorCache("m") as cache, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert cache.get(["A sentence."]) == {}
        cache.put({"A sentence.": unit(7)})
    # An empty file is a new database; anything else is announced once.
    assert [w.category for w in seen] == ([] if garbage == b"" else [CacheRebuilt])
    with VectorCache("m") as cache:
        assert np.array_equal(cache.get(["A sentence."])["A sentence."], unit(7))


def test_an_unusable_cache_directory_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with VectorCache("m", directory=blocker / "cache") as cache:
        cache.put({"x": unit(1)})
        assert cache.get(["x"]) == {}


_WRITER = textwrap.dedent(
    """
    import sys
    import numpy as np
    from compare.cache import VectorCache
    who, n = sys.argv[1], int(sys.argv[2])
    rng = np.random.default_rng(int(who == "b"))
    for batch in range(n // 50):
        with VectorCache("m") as cache:
            texts = [f"{who} {batch} {i}" for i in range(50)] + [f"shared {i}" for i in range(20)]
            vecs = rng.standard_normal((len(texts), 384)).astype(np.float32)
            cache.put(dict(zip(texts, vecs)))
            assert len(cache.get(texts)) == len(texts), "a write was lost"
    """
)


def test_concurrent_writers(isolated_cache: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, who, "1000"], stderr=subprocess.PIPE, text=True
        )
        for who in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with VectorCache("m") as cache:
        texts = [f"{who} {b} {i}" for who in "ab" for b in range(20) for i in range(50)]
        assert len(cache.get(texts)) == 2000
        assert len(cache) == 2020


_DIFF_THEN_MODULES = textwrap.dedent(
    f"""
    import runpy, sys
    sys.argv = ["factcompare", "diff", *sys.argv[1:], "--format", "json"]
    try:
        runpy.run_module("compare", run_name="__main__")
    except SystemExit:
        pass
    sys.stdout.flush()
    print("\\nLOADED", [m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)
    """
)


def run_diff(*args: str) -> tuple[dict[str, object], str]:
    """The diff in one process (FACTCOMPARE_ENCODER_PROCESS=0), so that its imports show
    whether it loaded the model: by default the model loads in a child process."""
    done = subprocess.run(
        [sys.executable, "-c", _DIFF_THEN_MODULES, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "FACTCOMPARE_ENCODER_PROCESS": "0"},
    )
    loaded = done.stderr.rsplit("LOADED", 1)[-1].strip()
    return json.loads(done.stdout), loaded


def test_a_repeat_diff_skips_the_model_and_gives_the_same_report(isolated_cache: Path) -> None:
    b = str(FIXTURES / "01-seed-later-update" / "b.txt")
    first, loaded_first = run_diff(str(SEED), b)
    second, loaded_second = run_diff(str(SEED), b)
    uncached, _ = run_diff(str(SEED), b, "--no-cache")
    assert "onnxruntime" in loaded_first  # the default backend (compare/embed.py)
    assert loaded_second == "[]"
    assert first == second == uncached
