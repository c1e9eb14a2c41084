"""pytest entry point: run a folder of factcompare fixture cases as parametrized tests.

Installed with factcompare (entry point ``pytest11``), it does nothing until a
test asks for the ``factcompare_case`` fixture::

    # tests/test_my_fixtures.py
    def test_fixture(factcompare_case):
        factcompare_case.verify()

One test runs per case directory under the ``factcompare_fixtures`` ini option
(default ``fixtures``, relative to the rootdir); ``--factcompare-model`` picks
the model.  A changed case fails with the same table `factcompare check` prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from compare.check import Case, cases, check


@dataclass(frozen=True)
class CaseRun:
    """What a test receives: the case, and a way to check it."""

    case: Case
    model: str | None

    def verify(self) -> None:
        from compare.check import render_outcome

        outcome = check(self.case, model=self.model)
        if outcome.status != "passed":
            pytest.fail(render_outcome(outcome), pytrace=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("factcompare_fixtures", "folder of factcompare fixture cases", default="fixtures")
    parser.addoption(
        "--factcompare-model", default=None, help="model for factcompare fixture cases"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "factcompare_case" not in metafunc.fixturenames:
        return
    root = Path(str(metafunc.config.rootpath)) / str(metafunc.config.getini("factcompare_fixtures"))
    model = metafunc.config.getoption("--factcompare-model")
    found = cases(root)
    metafunc.parametrize(
        "factcompare_case", [CaseRun(c, model) for c in found], ids=[c.name for c in found]
    )
