"""Shared test fixtures.

Tests that need a tool a user may not have (a shell, mandoc, node) call
`require_tool`. Locally a missing tool skips the test with a reason; in CI
(`.ci/run` sets AMPLIFY_SHIM_REQUIRE_TOOLS=1) it fails, so CI never passes
by skipping. `pytest.importorskip` obeys the same switch.

The heavy suites (markers in PEER_MARKERS) run only when AMPLIFY_SHIM_PEERS=1
(`scripts/test.sh --peers`; CI always sets it): the peer suites install the
real ampx and the real Gen 1 CLI from npm (about 3.1 GB, several minutes the
first time), and `slow` tests build wheels or run long property tests.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_TOOLS = os.environ.get("AMPLIFY_SHIM_REQUIRE_TOOLS") == "1"
PEERS = os.environ.get("AMPLIFY_SHIM_PEERS") == "1"
PEER_MARKERS = ("conformance", "gen1peer", "snippets", "slow")
PEERS_SKIPPED = ("heavy suite (the real ampx / Gen 1 CLI from npm, ~3.1 GB, or a slow test): "
                 "opt in with AMPLIFY_SHIM_PEERS=1 or scripts/test.sh --peers")

# A quick local fuzz budget (read by tests/robustness when they are imported, after
# this file). CI (.ci/run) and scripts/fuzz.sh set their own, larger counts.
FUZZ_DEFAULTS = {"AMPLIFY_SHIM_FUZZ_EXAMPLES": "400", "AMPLIFY_SHIM_FUZZ_FILE_EXAMPLES": "50"}
for _name, _value in FUZZ_DEFAULTS.items():
    os.environ.setdefault(_name, _value)


def require_tool(name: str, why: str = "") -> str:
    """Return the path of `name` on PATH, or skip (locally) / fail (CI)."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed{': ' + why if why else ''}"
    if REQUIRE_TOOLS:
        pytest.fail(f"{message} (AMPLIFY_SHIM_REQUIRE_TOOLS=1: .ci/run must install it)")
    pytest.skip(message)


def require(condition: bool, message: str) -> None:
    """Skip locally / fail in CI when a test prerequisite is missing."""
    if condition:
        return
    if REQUIRE_TOOLS:
        pytest.fail(f"{message} (AMPLIFY_SHIM_REQUIRE_TOOLS=1)")
    pytest.skip(message)


@pytest.hookimpl(trylast=True)  # after `-m` has deselected what it will
def pytest_collection_modifyitems(config, items):
    """Skip the heavy suites unless AMPLIFY_SHIM_PEERS=1; with REQUIRE_TOOLS, refuse to skip them."""
    if PEERS:
        return
    peers = [item for item in items if any(item.get_closest_marker(m) for m in PEER_MARKERS)]
    if peers and REQUIRE_TOOLS:
        raise pytest.UsageError("AMPLIFY_SHIM_REQUIRE_TOOLS=1 selects the heavy suites but AMPLIFY_SHIM_PEERS "
                                "is not 1: set it (as .ci/run does) or deselect them with "
                                "-m 'not conformance and not gen1peer and not slow'")
    for item in peers:
        item.add_marker(pytest.mark.skip(reason=PEERS_SKIPPED))


_importorskip = pytest.importorskip


def importorskip(modname: str, *args, **kwargs):
    """pytest.importorskip that fails instead of skipping when AMPLIFY_SHIM_REQUIRE_TOOLS=1."""
    try:
        return _importorskip(modname, *args, **kwargs)
    except pytest.skip.Exception as skipped:
        if REQUIRE_TOOLS:
            pytest.fail(f"{skipped.msg} (AMPLIFY_SHIM_REQUIRE_TOOLS=1)", pytrace=False)
        raise


pytest.importorskip = importorskip


@pytest.fixture
def denied(monkeypatch):
    """denied(path): opening `path`, or a file in it when it is a folder (os.open, open), fails with
    PermissionError, as for mode 0 (a read-only folder) when not root. Injected rather than chmod'ed, so a
    test of the error path runs as root too (CI runs as root)."""
    import builtins
    import errno

    blocked: set = set()
    real_os_open, real_open = os.open, builtins.open

    def refuse(path):
        if not isinstance(path, (str, os.PathLike)):
            return  # a file descriptor or bytes: never a path a test blocks
        real = os.path.realpath(os.fspath(path))
        if real in blocked or os.path.dirname(real) in blocked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    def os_open(path, *args, **kwargs):
        refuse(path)
        return real_os_open(path, *args, **kwargs)

    def open_(file, *args, **kwargs):
        refuse(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)

    def deny(path) -> None:
        blocked.add(os.path.realpath(os.fspath(path)))

    return deny
