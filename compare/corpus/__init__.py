"""``factcompare corpus``: many articles grouped into events, each event's figures compared.

read (files, directories, JSONL records, streamed) -> extract + encode (chunks) ->
group (nearest neighbours, rare names, places, dates) -> compare per event (diff rows for two
articles, timeline for more; the current figure per count).  The default engine
runs in one process (:mod:`compare.corpus.run`); ``engine="ray"`` runs the same
stages on a Ray cluster (:mod:`compare.corpus.ray_engine`) and must give the
same events and rows.  Importing this package is cheap: stages load when used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.errors import OptionError

if TYPE_CHECKING:
    from compare.corpus.run import Corpus, Progress, Settings

ENGINES = ("local", "ray")


def corpus(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    engine: str = "local",
    ray_address: str | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Every article under ``paths`` grouped into events, each event compared."""
    from compare.corpus.run import Settings, run

    settings = settings or Settings()
    if engine not in ENGINES:
        raise OptionError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "ray":
        from compare.corpus.ray_engine import run_ray

        return run_ray(paths, settings, address=ray_address)
    return run(paths, settings, progress=progress)
