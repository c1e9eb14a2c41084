"""The bundled model's ONNX encoder in a child process, started first thing by the command.

Why a process and not a thread: onnxruntime's import and its session start hold the GIL
(measured on these two cores: a Python thread spinning beside the load made the session
start two to four times slower), so a loading thread cannot overlap the command's own
start-up, reading and extraction, which are Python too.  A child process loads on another
core while the command works; by the time the sentences are ready, the session usually is.

The child (``python -m compare.encode_worker``) loads the export of the default model
(:mod:`compare.onnx_encoder`), then answers requests on its stdin and stdout until stdin
closes:

- a request is a 4-byte little-endian length, then that many bytes of UTF-8 JSON: a list of
  texts;
- an answer is two little-endian uint32, rows and dimension, then rows x dimension
  little-endian float32.  Rows = ``FAILED`` says it cannot encode (no export, an unreadable
  one): the parent then loads the encoder itself, and that load says what is wrong, once.

The child's stderr goes nowhere and Ctrl-C ends it silently: whatever it could say, the
parent's own load says again.  ``FACTCOMPARE_ENCODER_PROCESS=0`` turns it off.
"""

from __future__ import annotations

# Only what starting the child needs is imported here, so that it starts a few
# milliseconds into the command; json and the rest come when there is something to send.
import atexit
import os
import struct
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

FAILED = 0xFFFFFFFF
_HEAD = struct.Struct("<II")
_LENGTH = struct.Struct("<I")
# The commands that encode sentences of articles given on the command line.
ENCODING_COMMANDS = frozenset({"diff", "timeline"})
SWITCH = "FACTCOMPARE_ENCODER_PROCESS"


class WorkerFailed(Exception):
    """The child could not answer (it is gone, or it cannot encode): encode in-process."""


def wanted(argv: Sequence[str]) -> bool:
    """Whether a command line will encode with the bundled model on the ONNX backend.

    Read before the CLI parses it, so it is cautious: a plain ``diff`` with no ``--model``
    and no ``--help``, on a machine with a second core for the child, whose files were not
    compared before with the cache on (:func:`remember`).  Guessing wrong costs
    nothing but the child's CPU: an unused child is ended at exit.

    >>> wanted(["figures", "a.txt"]), wanted(["diff", "a.txt", "b.txt", "--model", "my-model"])
    (False, False)
    """
    if os.environ.get(SWITCH, "1").strip() == "0":
        return False
    if os.environ.get("FACTCOMPARE_BACKEND", "onnx").strip().lower() not in ("", "onnx"):
        return False
    if not argv or argv[0] not in ENCODING_COMMANDS:
        return False
    if cores() < 2:  # nothing to overlap on one core: the load would only slow the command
        return False
    if any(a in ("--help", "-h") or a.startswith("--model") for a in argv):
        return False
    # these very files compared before: their vectors are cached
    return "--no-cache" in argv or not _seen(argv).exists()


def remember(argv: Sequence[str]) -> None:
    """Note that a run of this command line has put its vectors in the cache, so that the
    next run of the same files starts no encoder (:func:`wanted`).  If the vectors are
    gone meanwhile (the cache pruned or deleted), that run loads its encoder itself."""
    if argv and argv[0] in ENCODING_COMMANDS and "--no-cache" not in argv:
        seen = _seen(argv)
        try:
            seen.parent.mkdir(parents=True, exist_ok=True)
            seen.touch()
        except OSError:  # a read-only cache: the next run starts its encoder, as now
            pass


def _seen(argv: Sequence[str]) -> Path:
    """The marker of a command line's input files, by their bytes (files over 8 MB by size
    and time): in the vector cache's directory, so that clearing the cache clears it."""
    import hashlib

    from compare.cache import cache_dir

    digest = hashlib.sha256(f"{argv[0]}\0".encode())
    for arg in argv[1:]:
        try:
            stat = os.stat(arg)
            if stat.st_size > 8 * 2**20:
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
            else:
                with open(arg, "rb") as file:
                    digest.update(hashlib.sha256(file.read()).digest())
        except OSError:  # an option, or no file: as written
            digest.update(arg.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return cache_dir() / "seen" / digest.hexdigest()[:32]


def cores() -> int:
    """CPUs this process may run on (also the encoder session's intra-op threads)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class EncoderProcess:
    """The parent's end: texts to vectors through the child, or :class:`WorkerFailed`."""

    def __init__(self) -> None:
        package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        paths = [package_root, os.environ.get("PYTHONPATH", "")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
        self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "compare.encode_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.export_dir = os.environ.get("FACTCOMPARE_EXPORT_DIR")  # where the child looks
        self.pending: list[str] | None = None  # texts sent ahead, whose answer is unread
        atexit.register(self.close)

    def send(self, texts: Sequence[str]) -> None:
        """Hand texts over now, without waiting: the child encodes them while this
        process goes on, and :meth:`encode` takes their vectors when it is asked."""
        if self.pending is None:
            self._send(list(texts))
            self.pending = list(texts)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        sent, self.pending = self.pending, None
        ahead = set(sent or ())
        missing = [t for t in dict.fromkeys(texts) if t not in ahead]
        if missing or not texts:
            self._send(missing)  # before reading the texts sent ahead: the child goes on
        got: dict[str, npt.NDArray[np.float32]] = {}
        if sent is not None:
            got = dict(zip(sent, self._receive(), strict=True))
        if missing or not texts:
            vectors = self._receive()
            if not texts:
                return vectors
            got.update(zip(missing, vectors, strict=True))
        return np.stack([got[t] for t in texts])

    def _send(self, texts: list[str]) -> None:
        import json

        proc = self.proc
        if proc is None or proc.stdin is None:
            raise WorkerFailed("no encoder process")
        body = json.dumps(texts).encode("utf-8")
        try:
            proc.stdin.write(_LENGTH.pack(len(body)) + body)
            proc.stdin.flush()
        except OSError as err:
            self.close()
            raise WorkerFailed(str(err)) from None

    def _receive(self) -> npt.NDArray[np.float32]:
        import numpy as np

        proc = self.proc
        if proc is None or proc.stdout is None:
            raise WorkerFailed("no encoder process")
        try:
            rows, dim = _HEAD.unpack(_read(proc.stdout, _HEAD.size))
            if rows == FAILED:
                raise WorkerFailed("the encoder process cannot encode")
            data = _read(proc.stdout, rows * dim * 4)
        except (OSError, ValueError, WorkerFailed) as err:
            self.close()
            raise WorkerFailed(str(err)) from None
        return np.frombuffer(data, dtype="<f4").reshape(rows, dim).astype(np.float32)

    def close(self) -> None:
        """End the child (at once: an unused one may still be loading)."""
        import contextlib

        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a request half-written to a dead child
                    stream.close()


def _read(stream: IO[bytes], n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise ValueError("the encoder process ended early")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def serve() -> None:
    """The child: load the export, then answer until stdin closes."""
    import json
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C at the terminal ends it quietly
    from compare import onnx_encoder
    from compare.embed import resolve_model

    encoder: onnx_encoder.OnnxEncoder | None
    try:
        where = onnx_encoder.export_path(resolve_model(None))
        encoder = onnx_encoder.OnnxEncoder(where)
    except Exception:  # the parent loads it itself and says what is wrong
        encoder = None
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            (length,) = _LENGTH.unpack(_read(stdin, _LENGTH.size))
            texts = json.loads(_read(stdin, length))
        except ValueError:  # stdin closed: the parent is done
            return
        try:
            vectors = encoder.encode(texts) if encoder is not None else None
        except Exception:
            vectors = None
        if vectors is None:
            stdout.write(_HEAD.pack(FAILED, 0))
        else:
            stdout.write(_HEAD.pack(*vectors.shape))
            stdout.write(vectors.astype("<f4", copy=False).tobytes())
        stdout.flush()


if __name__ == "__main__":
    serve()
