"""Golden fixtures on the real model, through the same pytest entry point users get.

Each directory under fixtures/ is one test; a changed case fails with the table
`factcompare check` prints.  Rewrite expectations on purpose with
`factcompare check --update CASE`.
"""

from __future__ import annotations

from compare.pytest_plugin import CaseRun


def test_fixture(factcompare_case: CaseRun) -> None:
    factcompare_case.verify()
