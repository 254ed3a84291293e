"""Each test decides its calls afresh: rewrite.decide keeps the outcome of the same call in the same kind of
place for the whole process, so a test run after another (or in a process forked after one, as mutmut's
per-mutant runs are) would otherwise read an outcome computed before, by other code."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite import decide


@pytest.fixture(autouse=True)
def _decide_afresh():
    decide._DECIDED.clear()
    yield
