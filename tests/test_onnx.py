"""The ONNX backend on the real model: sentence-transformers' vectors, without torch.

sentence-transformers stays the reference: every sentence of the fixtures and the
seed must come out of the export at cosine >= 0.99999 to its vector.  A missing
export is made on first use; a broken one falls back to the reference with one
warning line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from compare import embed, encode_worker, onnx_encoder
from compare.errors import CompareError
from compare.onnx_encoder import MODEL_FILE, ExportWarning, OnnxEncoder
from compare.pipeline import extract, read_articles
from tests.conftest import FIXTURES, ROOT, SEED

MIN_COSINE = 0.99999  # fp32 graph against fp32 torch: measured 0.9999996 at worst


def corpus() -> list[str]:
    """Every sentence the fixtures and the seed embed, plus a few awkward texts."""
    texts: list[str] = []
    inputs = [SEED, *sorted(p for p in FIXTURES.glob("*/*") if p.name != "expected.json")]
    for path in inputs:
        if not path.is_file() or path.suffix not in (".txt", ".md", ".html", ".json"):
            continue
        try:
            (article,) = read_articles([str(path)])
        except CompareError:  # sidecars and options files are not articles
            continue
        texts += [claim.sentence.text for claim in extract(article).claims]
    awkward = ["  Spaces around.  ", "x", "Über 1.200 Menschen, 30 % mehr.", "word " * 400]
    return list(dict.fromkeys(texts)) + awkward


@pytest.fixture(scope="module")
def onnx() -> OnnxEncoder:
    found = embed.load_encoder(None, "onnx")
    assert isinstance(found, OnnxEncoder), "the bundled model has no usable export"
    return found


def test_vectors_equal_sentence_transformers(onnx: OnnxEncoder) -> None:
    texts = corpus()
    assert len(texts) > 300
    mine = onnx.encode(texts)
    reference = embed.load_encoder(None, "torch").encode(texts)
    cosines = (mine * reference).sum(axis=1)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= MIN_COSINE, texts[worst]
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-6)


@pytest.mark.parametrize(
    "texts",
    [
        ["A long sentence, with 1,200 people displaced in three towns.", "Short.", "Mid one."],
        ["Same.", "Same.", "Different words here."],
        ["One alone."],
    ],
    ids=["longest-first", "repeats", "single"],
)
def test_order_is_kept_whatever_the_batching(onnx: OnnxEncoder, texts: list[str]) -> None:
    together = onnx.encode(texts, batch_size=2)
    alone = np.vstack([onnx.encode([t]) for t in texts])
    assert together.shape == (len(texts), 384)
    assert (together * alone).sum(axis=1).min() >= MIN_COSINE


def test_no_texts_no_rows(onnx: OnnxEncoder) -> None:
    assert onnx.encode([]).shape == (0, 384)


def test_the_export_uses_every_core(onnx: OnnxEncoder) -> None:
    options = onnx.session.get_session_options()
    assert options.intra_op_num_threads == onnx_encoder.cores()


# -- the export: made on first use, broken ones fall back ----------------------------------


@pytest.fixture(scope="module")
def fresh_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An export made here, on first use, in an empty export directory."""
    root = tmp_path_factory.mktemp("exports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACTCOMPARE_EXPORT_DIR", str(root))
        target = embed.resolve_model(None)
        found = onnx_encoder.load(target)
        assert isinstance(found, OnnxEncoder)
        yield onnx_encoder.export_path(target)


def test_first_use_makes_the_export(fresh_export: Path, onnx: OnnxEncoder) -> None:
    assert sorted(p.name for p in fresh_export.iterdir()) == [
        "export.json",
        "model.onnx",
        "model.onnx.data",
        "tokenizer.json",
    ]
    assert not [p for p in fresh_export.parent.iterdir() if p.name.startswith(".export-")]
    texts = corpus()[:40]
    made = OnnxEncoder(fresh_export).encode(texts)
    assert (made * onnx.encode(texts)).sum(axis=1).min() >= MIN_COSINE


def _truncate(model: Path) -> None:
    model.write_bytes(model.read_bytes()[: model.stat().st_size // 2])


def _garble(model: Path) -> None:
    size = model.stat().st_size
    model.write_bytes(b"not an onnx graph " * (size // 18) + b"!" * (size % 18))


def _remove_tokenizer(model: Path) -> None:
    (model.parent / "tokenizer.json").unlink()


def _truncate_weights(model: Path) -> None:
    _truncate(model.parent / "model.onnx.data")


def _other_onnxruntime(model: Path) -> None:
    meta = model.parent / "export.json"
    meta.write_text(meta.read_text().replace('"onnxruntime": "', '"onnxruntime": "0.0-'))


@pytest.mark.parametrize(
    "damage",
    [_truncate, _garble, _remove_tokenizer, _truncate_weights, _other_onnxruntime],
    ids=["truncated", "garbled", "no-tokenizer", "weights-truncated", "other-onnxruntime"],
)
def test_a_broken_export_falls_back_with_one_warning(
    fresh_export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    broken_root = tmp_path / "exports"
    broken = broken_root / fresh_export.name
    shutil.copytree(fresh_export, broken)
    assert callable(damage)
    damage(broken / MODEL_FILE)
    monkeypatch.setenv("FACTCOMPARE_EXPORT_DIR", str(broken_root))
    embed.load_encoder.cache_clear()
    try:
        with pytest.warns(ExportWarning, match="is unreadable") as seen:
            vectors = embed.encode(["At least 27,840 people were killed."])
    finally:
        embed.load_encoder.cache_clear()
    assert len(seen) == 1
    assert not broken.exists()  # removed, so that the next run exports again
    expected = embed.load_encoder(None, "torch").encode(["At least 27,840 people were killed."])
    assert np.array_equal(vectors, expected)


def test_the_cli_says_a_fallback_in_one_line(fresh_export: Path, tmp_path: Path) -> None:
    broken_root = tmp_path / "exports"
    shutil.copytree(fresh_export, broken_root / fresh_export.name)
    _garble(broken_root / fresh_export.name / MODEL_FILE)
    b = FIXTURES / "01-seed-later-update" / "b.txt"
    env = {**os.environ, "FACTCOMPARE_EXPORT_DIR": str(broken_root)}
    args = [sys.executable, "-m", "compare", "diff", str(SEED), str(b), "--no-cache"]
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    torch = subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**os.environ, "FACTCOMPARE_BACKEND": "torch"},
        cwd=ROOT,
        timeout=600,
    )
    where = broken_root / fresh_export.name
    assert done.stderr == (
        f"Warning: the ONNX export in {where} is unreadable (InvalidProtobuf); encoding with "
        "sentence-transformers this time, exporting again on the next run\n"
    )
    assert (done.returncode, done.stdout) == (torch.returncode, torch.stdout)
    assert torch.stderr == ""


# -- choosing the backend -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", "onnx"), ("onnx", "onnx"), ("torch", "torch"), (" Torch ", "torch")],
    ids=["unset", "onnx", "torch", "spaced-capital"],
)
def test_backend_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv("FACTCOMPARE_BACKEND", value)
    assert embed.backend() == expected


def test_an_unknown_backend_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCOMPARE_BACKEND", "tensorflow")
    with pytest.raises(CompareError) as err:
        embed.encode(["Hello."])
    assert str(err.value) == (
        "FACTCOMPARE_BACKEND='tensorflow': unknown backend (choose from onnx, torch)"
    )


def test_other_models_stay_on_sentence_transformers(tmp_path: Path) -> None:
    model = tmp_path / "my-model"
    shutil.copytree(embed.resolve_model(None), model)
    found = embed.load_encoder(str(model), "onnx")
    assert not isinstance(found, OnnxEncoder)


# -- the encoder process, started before the CLI (compare/encode_worker.py) -------------------


@pytest.mark.parametrize(
    ("argv", "env", "wanted"),
    [
        (["diff", "a.txt", "b.txt"], {}, True),
        (["diff", "a.txt", "b.txt", "--no-cache", "--format", "json"], {}, True),
        (["figures", "a.txt"], {}, False),
        (["timeline", "a.txt", "b.txt", "c.txt"], {}, True),
        (["check", "fixtures"], {}, False),
        (["diff", "a.txt", "b.txt", "--model", "/models/mpnet"], {}, False),
        (["diff", "a.txt", "b.txt", "--model=/models/mpnet"], {}, False),
        (["diff", "--help"], {}, False),
        (["--help"], {}, False),
        ([], {}, False),
        (["diff", "a.txt", "b.txt"], {"FACTCOMPARE_BACKEND": "torch"}, False),
        (["diff", "a.txt", "b.txt"], {"FACTCOMPARE_ENCODER_PROCESS": "0"}, False),
        (["diff", "a.txt", "b.txt"], {"cores": "1"}, False),
    ],
    ids=[
        "diff",
        "diff-no-cache-json",
        "figures-encodes-nothing",
        "timeline",
        "check-not-yet",
        "other-model",
        "other-model-equals",
        "help",
        "top-help",
        "nothing",
        "torch-backend",
        "switched-off",
        "one-core",
    ],
)
def test_which_command_lines_start_the_encoder_early(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], env: dict[str, str], wanted: bool
) -> None:
    for name in ("FACTCOMPARE_BACKEND", "FACTCOMPARE_ENCODER_PROCESS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(encode_worker, "cores", lambda: int(env.get("cores", "2")))
    for name, value in env.items():
        if name != "cores":
            monkeypatch.setenv(name, value)
    assert encode_worker.wanted(argv) is wanted


def test_the_encoder_process_gives_this_process_vectors(onnx: OnnxEncoder) -> None:
    texts = corpus()[:60]
    process = encode_worker.EncoderProcess()
    try:
        vectors = process.encode(texts)
        again = process.encode(texts[:3])  # it answers until it is closed
    finally:
        process.close()
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(texts), onnx.dim)
    assert float(np.min(np.sum(vectors * onnx.encode(texts), axis=1))) >= MIN_COSINE
    assert np.array_equal(again, vectors[:3])


@pytest.mark.parametrize(
    ("ahead", "asked"),
    [(slice(0, 10), slice(5, 20)), (slice(0, 10), slice(0, 10)), (slice(0, 10), slice(12, 14))],
    ids=["overlapping", "the-same", "none-of-them"],
)
def test_texts_sent_ahead_come_back_when_asked(
    onnx: OnnxEncoder, ahead: slice, asked: slice
) -> None:
    """`diff` hands the sentences over before reading their figures (embed.prefetch); what
    it asks for later is answered from them, and the rest is encoded then."""
    texts = corpus()[:20]
    process = encode_worker.EncoderProcess()
    try:
        process.send(texts[ahead])
        vectors = process.encode(texts[asked])
    finally:
        process.close()
    expected = onnx.encode(texts[asked])
    assert vectors.shape == expected.shape
    assert float(np.min(np.sum(vectors * expected, axis=1))) >= MIN_COSINE


@pytest.mark.parametrize("how", ["killed", "closed"], ids=["child-killed", "child-closed"])
def test_a_lost_encoder_process_falls_back_to_this_process(onnx: OnnxEncoder, how: str) -> None:
    process = encode_worker.EncoderProcess()
    assert process.proc is not None
    if how == "killed":
        process.proc.kill()
        process.proc.wait()
    else:
        process.close()
    early = embed._Early(process, None)
    texts = ["A factory fire killed 12 workers.", "Revenue rose 8% to $2.1bn."]
    assert np.array_equal(early.encode(texts), onnx.encode(texts))
    assert early.process is None and early.local is not None


def test_the_command_leaves_no_encoder_process_behind(tmp_path: Path) -> None:
    """A run that never asks the child for vectors (here: a bad option, found after the
    child started) ends it at exit: no process is left behind."""
    mark = f"factcompare-test-{os.getpid()}-{id(tmp_path)}"
    b = FIXTURES / "01-seed-later-update" / "b.txt"
    env = {**os.environ, "FACTCOMPARE_CACHE_DIR": str(tmp_path / "cache"), "TEST_MARK": mark}
    args = [sys.executable, "-m", "compare", "diff", str(SEED), str(b), "--format", "nope"]
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and len(done.stderr.splitlines()) == 1
    assert _processes_marked(mark) == []


def test_a_repeat_of_the_same_files_starts_no_encoder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a diff of these very files has put its vectors in the cache, the next one
    starts no encoder process; other bytes, or --no-cache, do."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A factory fire killed 12 workers on Monday, officials said.\n")
    b.write_text("A factory fire killed 14 workers on Monday, the union said.\n")
    env = {**os.environ, "FACTCOMPARE_CACHE_DIR": str(tmp_path / "cache")}
    argv = ["diff", str(a), str(b)]
    args = [sys.executable, "-m", "compare", *argv, "--format", "json"]
    first = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert first.returncode in (0, 1), first.stderr
    monkeypatch.setenv("FACTCOMPARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCOMPARE_ENCODER_PROCESS", raising=False)
    monkeypatch.delenv("FACTCOMPARE_BACKEND", raising=False)
    monkeypatch.setattr(encode_worker, "cores", lambda: 2)
    repeat = encode_worker.wanted([*argv, "--format", "json"])
    without_cache = encode_worker.wanted([*argv, "--format", "json", "--no-cache"])
    b.write_text("A factory fire killed 15 workers on Monday, the union said.\n")
    changed = encode_worker.wanted([*argv, "--format", "json"])
    assert (repeat, without_cache, changed) == (False, True, True)


def _processes_marked(mark: str) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if f"TEST_MARK={mark}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:  # gone meanwhile, or not ours
            continue
    return found
