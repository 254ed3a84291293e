"""Each fixture's whole report, --json and --markdown, from the installed `amplify-shim audit`, against
the reviewed files in tests/audit/expected/. AMPLIFY_SHIM_UPDATE_SNAPSHOTS=1 rewrites them."""

from __future__ import annotations

import json

import pytest

from tests.snapshot import check_snapshot

from .helpers import BROKEN, EDGE, EXPECTED, FIXTURES, REALISTIC, run


def check(name: str, actual: str) -> None:
    check_snapshot(EXPECTED / name, actual)


@pytest.mark.parametrize("fixture", REALISTIC + BROKEN + EDGE)
@pytest.mark.parametrize("fmt, suffix", [("--json", "json"), ("--markdown", "md")])
def test_report(fixture, fmt, suffix):
    root = FIXTURES / fixture
    done = run(str(root), fmt)
    assert done.returncode == 0 and done.stderr == ""
    check(f"{fixture}.{suffix}", done.stdout.replace(str(root), "<DIR>"))


@pytest.mark.parametrize("fixture", REALISTIC)
def test_every_json_finding_names_real_parity_rows(fixture):
    """The report's rows are the parity data's own (no invented rows), with the edition answered for."""
    from amplify_shim import parity

    known = {(r.category, r.feature, r.gen2, r.migration_tool) for r in parity.rows()}
    report = json.loads((EXPECTED / f"{fixture}.json").read_text(encoding="utf-8"))
    assert report["parity_source"]["edition"] == parity.edition()["edition"]
    for finding in report["findings"]:
        for row in finding["rows"]:
            assert (row["category"], row["feature"], row["gen2"], row["migration_tool"]) in known
