"""The bundled model's arithmetic without the framework: onnxruntime and tokenizers.

Importing sentence-transformers costs seconds (torch, transformers) before one
sentence is encoded, while MiniLM-L6 is 22 M parameters and a short article is
tens of milliseconds of arithmetic.  So the bundled model is exported once to
ONNX (fp32) from its installed weights, and run with ``onnxruntime`` and the
``tokenizers`` library, both quick to import.

The export traces the SentenceTransformer itself (transformer, then its own
pooling and normalisation modules), so the graph returns the same unit vectors;
the tokenizer is saved beside it with the model's truncation (max_seq_length).
``make setup`` makes it (``python -m compare.onnx_encoder``), else the first
encoding does.  It lives under :func:`export_root`, one directory per model
fingerprint (:func:`compare.cache.model_key`), built in a temporary directory
and renamed into place, so that a reader sees a whole export or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.encode_worker import cores

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

EXPORT_VERSION = 2  # bump when the export's files or their meaning change
OPSET = 17
MODEL_FILE = "model.onnx"  # the graph, optimised by onnxruntime at export time
WEIGHTS_FILE = "model.onnx.data"  # its weights beside it, which onnxruntime maps, not parses
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "export.json"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "sentence_embedding"
BATCH_SIZE = 16  # sentences per run, sorted by length; 8-16 beat 32-64 on the diff and many sets


class ExportWarning(UserWarning):
    """The ONNX export could not be made or read: sentence-transformers encodes instead."""


def export_root() -> Path:
    """Where exports live: ``$FACTCOMPARE_EXPORT_DIR``, else ``onnx/`` in the user cache.

    Not under ``$FACTCOMPARE_CACHE_DIR``: that moves the vector cache (tests and
    benches point it at empty directories), while an export is keyed by the
    model's fingerprint and never goes stale.
    """
    from compare.cache import user_cache_dir

    override = os.environ.get("FACTCOMPARE_EXPORT_DIR")
    return Path(override).expanduser() if override else user_cache_dir() / "onnx"


def export_path(target: str) -> Path:
    """The export directory of a model directory, named by its fingerprint."""
    from compare.cache import model_key

    key = f"e{EXPORT_VERSION}:{model_key(target)}"
    return export_root() / hashlib.sha256(key.encode()).hexdigest()[:32]


class OnnxEncoder:
    """An exported model: texts to unit vectors, like SentenceTransformer.encode.

    Raises (OSError, ValueError, onnxruntime's errors) when the export is
    missing, truncated or unreadable; :func:`load` turns that into a fallback.
    """

    def __init__(self, directory: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        model = directory / MODEL_FILE
        if meta.get("version") != EXPORT_VERSION or meta.get("onnxruntime") != ort.__version__:
            raise ValueError(f"{directory}: made for another version")
        for name, size in meta["bytes"].items():
            if (directory / name).stat().st_size != size:
                raise ValueError(f"{directory / name}: not the file the export wrote")
        self.directory = directory
        self.lowercase = bool(meta["lowercase"])
        self.dim = int(meta["dim"])
        self.tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self.tokenizer.no_padding()  # batches are padded here, after sorting by length
        options = ort.SessionOptions()
        options.intra_op_num_threads = cores()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: advisories would reach the user's stderr
        # Optimised once at export (see export): loading then skips the graph rewrites,
        # which took half of the session's start-up.
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])

    def encode(
        self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE
    ) -> npt.NDArray[np.float32]:
        """One unit float32 row per text, in the order given.

        Texts are tokenized once, sorted by token count so that each batch pads
        to nearly its own length, and put back in order at the end.
        """
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # sentence-transformers strips each text before tokenizing (and lowercases when
        # its config says so); the same here, so that the tokens are the same.
        cleaned = [t.strip().lower() if self.lowercase else t.strip() for t in texts]
        encodings = self.tokenizer.encode_batch(cleaned)
        order = sorted(range(len(texts)), key=lambda k: len(encodings[k].ids))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            picked = order[start : start + batch_size]
            width = max(len(encodings[k].ids) for k in picked)
            feeds = {name: np.zeros((len(picked), width), dtype=np.int64) for name in INPUTS}
            for row, k in enumerate(picked):
                enc = encodings[k]
                n = len(enc.ids)
                feeds["input_ids"][row, :n] = enc.ids
                feeds["attention_mask"][row, :n] = enc.attention_mask
                feeds["token_type_ids"][row, :n] = enc.type_ids
            (vectors,) = self.session.run([OUTPUT], feeds)
            out[picked] = vectors
        return out


def load(target: str) -> OnnxEncoder | None:
    """The model's export, made first if there is none; None (and one ExportWarning) if
    it cannot be made or read, so that the caller encodes with sentence-transformers.

    An unreadable export is removed, so that the next run makes it again.
    """
    import warnings

    where = export_path(target)
    if not (where / META_FILE).exists():
        try:
            export(target, where)
        # An export is an optimisation: whatever stops it (the exporter's own errors are
        # many and unlisted), the vectors still come, from sentence-transformers.
        except Exception as err:
            warnings.warn(
                f"cannot export the model to ONNX ({type(err).__name__}: {_first_line(err)}); "
                "encoding with sentence-transformers",
                ExportWarning,
                stacklevel=3,
            )
            return None
    try:
        return OnnxEncoder(where)
    except Exception as err:  # onnxruntime's load errors are its own classes, all Exceptions
        shutil.rmtree(where, ignore_errors=True)
        warnings.warn(
            f"the ONNX export in {where} is unreadable ({type(err).__name__}); encoding with "
            "sentence-transformers this time, exporting again on the next run",
            ExportWarning,
            stacklevel=3,
        )
        return None


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0][:200] if text else "no message"


def export(target: str, where: Path) -> Path:
    """Export the sentence-transformers model at ``target`` to ``where`` (atomically).

    Needs torch and the ONNX exporter's packages (installed by ``make setup``);
    run once, offline, from the installed weights.
    """
    import warnings

    import torch

    from compare.embed import load_model

    model = load_model(target)
    where.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=where.parent))
    try:
        sample = model.tokenizer(
            ["An example sentence to trace.", "Another one, a little longer than the first."],
            padding=True,
            return_tensors="pt",
        )
        args = tuple(sample[name] for name in INPUTS)
        axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
        # The tracer's advisories (the legacy exporter's deprecation, shapes taken as
        # constants where they are: the mask always spans the tokens) are not the user's.
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Sentences(model),
                args,
                str(work / "traced.onnx"),
                input_names=list(INPUTS),
                output_names=[OUTPUT],
                dynamic_axes={**axes, OUTPUT: {0: "batch"}},
                opset_version=OPSET,
                # The TorchScript exporter needs only `onnx`; the torch.export one adds
                # onnxscript and gains nothing for a plain BERT at a pinned torch.
                dynamo=False,
            )
        _optimise(work / "traced.onnx", work / MODEL_FILE)
        tokenizer = model.tokenizer.backend_tokenizer
        tokenizer.enable_truncation(max_length=int(model.max_seq_length))
        tokenizer.no_padding()
        tokenizer.save(str(work / TOKENIZER_FILE))
        meta = {
            "version": EXPORT_VERSION,
            "model": target,
            "max_seq_length": int(model.max_seq_length),
            "lowercase": bool(getattr(model[0], "do_lower_case", False)),
            "dim": int(model.get_embedding_dimension()),
            "bytes": {name: (work / name).stat().st_size for name in (MODEL_FILE, WEIGHTS_FILE)},
            "torch": torch.__version__,
            "onnxruntime": _ort_version(),
        }
        (work / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        try:
            work.rename(where)
        except OSError:  # another process put its export there first: keep that one
            if not (where / META_FILE).exists():
                raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)
    return where


def _optimise(traced: Path, out: Path) -> None:
    """The traced graph as onnxruntime rewrites it for the CPU (fused layer norms, GELU,
    attention: the "extended" level, which keeps the arithmetic of the "all" level that
    loading the traced graph would apply), saved with its weights in a file beside it."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(out)
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_file_name", WEIGHTS_FILE
    )
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_min_size_in_bytes", "1024"
    )
    options.log_severity_level = 3
    ort.InferenceSession(str(traced), options, providers=["CPUExecutionProvider"])
    traced.unlink()


def _ort_version() -> str:
    import onnxruntime as ort

    return str(ort.__version__)


def _Sentences(model: Any) -> Any:
    """The SentenceTransformer as a module of three tensors to the sentence embedding."""
    import torch

    class Sentences(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            features = {
                "input_ids": input_ids,
                "attention_mask": attention_mask,
                "token_type_ids": token_type_ids,
            }
            return self.model(features)[OUTPUT]

    return Sentences().eval()


def ensure_export(*, force: bool = False) -> Path:
    """The bundled model's export, made now if missing (or if ``force``), then loaded once
    to prove it reads.  ``make setup`` runs it as ``python -m compare.onnx_encoder``."""
    from compare.embed import resolve_model

    target = resolve_model(None)
    where = export_path(target)
    if not force and (where / META_FILE).exists():
        try:
            OnnxEncoder(where).encode(["A check that the export loads."])
            return where
        except Exception:  # unreadable (see load): made again below
            pass
    shutil.rmtree(where, ignore_errors=True)
    export(target, where)
    OnnxEncoder(where).encode(["A check that the export loads."])
    return where


if __name__ == "__main__":  # a set-up step, not a library call: it says where the export is
    print(f"ONNX export of the bundled model: {ensure_export(force='--force' in sys.argv)}")
