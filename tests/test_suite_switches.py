"""The switches of the test suite itself: peer suites opt-in, CI never passes by skipping."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import tests.conftest as conftest

ROOT = Path(__file__).resolve().parents[1]


def test_importorskip_fails_instead_of_skipping_when_tools_are_required(monkeypatch):
    assert pytest.importorskip is conftest.importorskip
    monkeypatch.setattr(conftest, "REQUIRE_TOOLS", False)
    with pytest.raises(pytest.skip.Exception):
        pytest.importorskip("amplify_shim_no_such_module")
    monkeypatch.setattr(conftest, "REQUIRE_TOOLS", True)
    with pytest.raises(pytest.fail.Exception, match="AMPLIFY_SHIM_REQUIRE_TOOLS=1"):
        pytest.importorskip("amplify_shim_no_such_module")
    assert pytest.importorskip("json").dumps([]) == "[]"


class _Item:
    """Just enough of a pytest item for the collection hook."""

    def __init__(self, *markers: str) -> None:
        self.markers, self.added = set(markers), []

    def get_closest_marker(self, name: str):
        return name if name in self.markers else None

    def add_marker(self, marker) -> None:
        self.added.append(marker)


@pytest.mark.parametrize("marker", conftest.PEER_MARKERS)
def test_heavy_suites_are_skipped_unless_opted_in(monkeypatch, marker):
    heavy, light = _Item(marker), _Item("shells")
    monkeypatch.setattr(conftest, "REQUIRE_TOOLS", False)
    monkeypatch.setattr(conftest, "PEERS", False)
    conftest.pytest_collection_modifyitems(None, [heavy, light])
    assert [m.kwargs["reason"] for m in heavy.added] == [conftest.PEERS_SKIPPED] and light.added == []
    assert "AMPLIFY_SHIM_PEERS=1" in conftest.PEERS_SKIPPED
    monkeypatch.setattr(conftest, "REQUIRE_TOOLS", True)  # CI never passes by skipping them
    with pytest.raises(pytest.UsageError, match="AMPLIFY_SHIM_PEERS"):
        conftest.pytest_collection_modifyitems(None, [_Item(marker)])
    conftest.pytest_collection_modifyitems(None, [light])  # nothing heavy selected: fine
    monkeypatch.setattr(conftest, "PEERS", True)
    opted_in = _Item(marker)
    conftest.pytest_collection_modifyitems(None, [opted_in])
    assert opted_in.added == []


def test_the_switches_reach_pytest_from_the_test_command_and_ci():
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert '"--peers" ]]; then\n        export AMPLIFY_SHIM_PEERS=1' in script
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export AMPLIFY_SHIM_REQUIRE_TOOLS=1" in ci and "export AMPLIFY_SHIM_PEERS=1" in ci
    assert "bash scripts/test.sh --peers" in ci


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AMPLIFY_SHIM_PEERS", "AMPLIFY_SHIM_REQUIRE"))}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", *args],
                          cwd=ROOT, capture_output=True, text=True, env={**clean, **env}, timeout=300)


def test_a_real_run_skips_the_peer_suite_and_ci_refuses_to():
    suite = "tests/gen1_peer/test_gen1_peer.py"
    local = _pytest(suite, "-k", "version")
    assert local.returncode == 0, local.stdout + local.stderr
    assert " passed" not in local.stdout and "AMPLIFY_SHIM_PEERS=1" in local.stdout, local.stdout
    ci = _pytest(suite, "--collect-only", AMPLIFY_SHIM_REQUIRE_TOOLS="1")
    assert ci.returncode == pytest.ExitCode.USAGE_ERROR, ci.stdout + ci.stderr
