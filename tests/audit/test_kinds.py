"""The finding -> parity row table names only rows that exist (no invented rows), for every platform."""

from __future__ import annotations

import pytest

from amplify_shim import parity
from amplify_shim.audit import findings, kinds, report
from amplify_shim.platform import PLATFORMS

from .helpers import BROKEN, EDGE, FIXTURES, REALISTIC

ALL_ROWS = {(row.category, row.feature) for row in parity.rows()}
# Kinds with no parity row on purpose: the page has none (status "unlisted"), or a file problem.
UNLISTED = {"notifications", "data.transformer_v1", "problem", "unrecognised", "auth.identity_pool_only",
            "api.containers", "hosting.containers"}


@pytest.mark.parametrize("kind", sorted(kinds.KINDS))
def test_every_row_a_kind_names_exists_in_the_parity_data(kind):
    missing = [pair for pair in kinds.KINDS[kind]["rows"] if pair not in ALL_ROWS]
    assert not missing, f"{kind} names parity rows the data does not hold: {missing}"


@pytest.mark.parametrize("kind", sorted(set(kinds.KINDS) - UNLISTED))
@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_kind_has_a_row_on_every_platform(kind, platform):
    assert findings.rows_for(kind, parity.rows(), platform), f"{kind}: no row visible for {platform}"


def test_unlisted_kinds_really_have_no_rows():
    assert {kind for kind, spec in kinds.KINDS.items() if not spec["rows"]} == UNLISTED


def test_each_kind_belongs_to_a_known_report_section():
    assert {spec["section"] for spec in kinds.KINDS.values()} <= set(kinds.SECTIONS)


def test_the_fixtures_produce_every_kind_and_nothing_else():
    """The fixture trees exercise every row of the table (so a broken scanner shows), and every
    kind a scanner emits is in the table."""
    produced = set()
    for name in REALISTIC + BROKEN + EDGE:
        produced |= {f["kind"] for f in report(str(FIXTURES / name))["findings"]}
    assert produced <= set(kinds.KINDS)
    assert set(kinds.KINDS) - produced == set()
