"""Shared test fixtures.

Tests that need a tool a user may not have (a shell, mandoc, node) call
`require_tool`. Locally a missing tool skips the test with a reason; in CI
(`.ci/run` sets AMPLIFY_SHIM_REQUIRE_TOOLS=1) it fails, so CI never passes
by skipping.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_TOOLS = os.environ.get("AMPLIFY_SHIM_REQUIRE_TOOLS") == "1"


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
