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


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AMPLIFY_SHIM_PEERS", "AMPLIFY_SHIM_REQUIRE"))}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", *args],
                          cwd=ROOT, capture_output=True, text=True, env={**clean, **env}, timeout=300)


def test_peer_suites_are_skipped_unless_opted_in_and_ci_refuses_to_skip_them():
    suite = "tests/gen1_peer/test_gen1_peer.py"
    local = _pytest(suite)
    assert local.returncode == 0, local.stdout + local.stderr
    assert " passed" not in local.stdout and "AMPLIFY_SHIM_PEERS=1" in local.stdout, local.stdout
    ci = _pytest(suite, AMPLIFY_SHIM_REQUIRE_TOOLS="1")
    assert ci.returncode == pytest.ExitCode.USAGE_ERROR, ci.stdout + ci.stderr
    assert "AMPLIFY_SHIM_PEERS" in ci.stderr
    deselected = _pytest(suite, "-m", "not gen1peer", AMPLIFY_SHIM_REQUIRE_TOOLS="1")
    assert deselected.returncode == pytest.ExitCode.NO_TESTS_COLLECTED, deselected.stdout + deselected.stderr
