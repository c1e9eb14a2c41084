"""The Ray engine: the same stages as :mod:`compare.corpus.run`, spread over a Ray cluster.

- extraction and encoding: a Ray Data ``map_batches`` over the sources, run by
  actors that each load the model once (:class:`_Prepare`);
- the driver streams the results into its spill file, keeping only the digests
  and group vectors (the same memory bound as the default engine);
- grouping: one Ray task (the index search is one process' work at these sizes);
- comparison: one task per batch of events, at most :data:`IN_FLIGHT` at a time.

``address`` joins an existing cluster ("auto", "ray://host:10001"); without it a
local cluster of :data:`LOCAL_CPUS` CPUs starts and stops with the run.  The
workers import ``compare`` from their Python environment: on a cluster, install
the package on every node (or pass a ``runtime_env``, see the README).
"""

from __future__ import annotations

import logging
import pickle
import tempfile
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from compare.corpus.read import Source, sources
from compare.corpus.run import (
    CHUNK,
    Corpus,
    Settings,
    compare_spilled,
    event_place,
    group_digests,
    prepare_chunk,
)
from compare.errors import CompareError

if TYPE_CHECKING:
    from compare.corpus.event import Event

LOCAL_CPUS = 2
ACTORS = 2  # extraction and encoding actors, one model each
EVENTS_PER_TASK = 16
IN_FLIGHT = 8  # comparison tasks submitted ahead of the results collected


class _Prepare:
    """One Ray Data actor: loads the encoder once, then reads, extracts and encodes batches."""

    def __init__(self, settings: Settings) -> None:
        from compare.embed import backend, load_encoder

        self.settings = settings
        # The encoder the chunks will use (ONNX for the default model), not the torch model:
        # loading sentence-transformers cost each actor 10 s and 400 MB it never used.
        load_encoder(settings.model, backend())

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        chunk = [pickle.loads(s) for s in batch["source"]]
        done = prepare_chunk(chunk, self.settings)
        return {
            "n": batch["n"],
            "digest": np.array([pickle.dumps(p.digest) for p in done], dtype=object),
            "vector": np.stack([p.vector for p in done]),
            "blob": np.array([p.blob for p in done], dtype=object),
        }


def _group_task(digests: Any, rows: Any, settings: Settings) -> list[list[int]]:
    return group_digests(digests, rows, settings)


def _compare_task(
    jobs: list[tuple[str, list[bytes], str | None]], settings: Settings
) -> list[Event]:
    return [
        compare_spilled(eid, [pickle.loads(b) for b in blobs], place, settings)
        for eid, blobs, place in jobs
    ]


_AUTH_LOGGER = "ray._private.authentication.authentication_token_setup"


def _quiet_auth_notice(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Token authentication is enabled for this")


def run_ray(paths: Sequence[str], settings: Settings, *, address: str | None = None) -> Corpus:
    try:
        import ray
        import ray.data  # before the level below: its import sets the logger's own level
    except ImportError:
        raise CompareError("the Ray engine needs Ray: pip install 'factcompare[ray]'") from None
    from compare.embed import model_label

    listed: list[Source] = list(sources(paths))
    started = not ray.is_initialized()
    if started:
        # The local cluster's notice that token authentication is on (the secure default) is
        # Ray's to say, not the user's to read on every run; a warning that it is off stays.
        logging.getLogger(_AUTH_LOGGER).addFilter(_quiet_auth_notice)
        ray.init(
            address=address,
            num_cpus=None if address else LOCAL_CPUS,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.ERROR,
            configure_logging=False,
        )
    try:
        with warnings.catch_warnings():
            # Ray Data's own deprecations (its DataContext sets deprecated fields itself).
            warnings.simplefilter("ignore", DeprecationWarning)
            logging.getLogger("ray.data").setLevel(logging.ERROR)
            return _run(ray, listed, settings, model_label(settings.model))
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, listed: list[Source], settings: Settings, model: str) -> Corpus:
    import numpy as np

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    digests: list[Any] = [None] * len(listed)
    rows: list[Any] = [None] * len(listed)
    offsets: list[tuple[int, int]] = [(0, 0)] * len(listed)
    with tempfile.TemporaryFile(prefix="factcompare-corpus-") as spill:
        if listed:
            items = [{"n": n, "source": pickle.dumps(s)} for n, s in enumerate(listed)]
            dataset = ray.data.from_items(items).map_batches(
                _Prepare,
                fn_constructor_kwargs={"settings": settings},
                batch_size=CHUNK,
                # One model per actor; no more actors than batches (each loads the model).
                compute=ray.data.ActorPoolStrategy(size=min(ACTORS, -(-len(listed) // CHUNK))),
                num_cpus=1,
                batch_format="numpy",
                # A worker that dies fails the run with its error, not a restart: Ray warns
                # that a restart could not rebuild a worker from its constructor arguments.
                max_restarts=0,
            )
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for n, digest, vector, blob in zip(
                    batch["n"], batch["digest"], batch["vector"], batch["blob"], strict=True
                ):
                    k = int(n)
                    digests[k] = pickle.loads(digest)
                    rows[k] = np.asarray(vector, dtype=np.float32)
                    offsets[k] = (spill.tell(), len(blob))
                    spill.write(blob)
        events = ray.get(ray.remote(_group_task).remote(digests, rows, settings))

        def blob(k: int) -> bytes:
            spill.seek(offsets[k][0])
            data: bytes = spill.read(offsets[k][1])
            return data

        compare = ray.remote(_compare_task)
        pending: list[Any] = []
        results: list[Event] = []
        for start in range(0, len(events), EVENTS_PER_TASK):
            jobs = [
                (f"e{n + 1}", [blob(k) for k in members], event_place(digests[k] for k in members))
                for n, members in enumerate(events[start : start + EVENTS_PER_TASK], start=start)
            ]
            pending.append(compare.remote(jobs, settings))
            if len(pending) >= IN_FLIGHT:
                results.extend(ray.get(pending.pop(0)))
        for ref in pending:
            results.extend(ray.get(ref))
    return Corpus(tuple(results), len(listed), model, settings)
