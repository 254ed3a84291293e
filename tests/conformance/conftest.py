"""Fixtures for the conformance suite: the real ampx parser, installed once per session.

The suite is opt-in (AMPLIFY_SHIM_PEERS=1, `scripts/test.sh --peers`; CI sets it),
because the first run installs the package from npm (see tests/conftest.py).
Locally, a missing node/npm or a failed install skips with the reason; in CI
(AMPLIFY_SHIM_REQUIRE_TOOLS=1) it fails instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

import pytest

from tests.conformance.ampx_parser import (
    ParserInfo,
    Result,
    check,
    default_version,
    ensure_installed,
    install_error,
    make_project,
    parser_info,
)
from tests.conftest import require, require_tool

WHY = "the conformance suite runs argv lists through the real ampx parser"


@pytest.fixture(scope="session")
def ampx_version() -> str:
    """The @aws-amplify/backend-cli version under test ($AMPX_VERSION, default 1.10.0)."""
    return default_version()


@pytest.fixture(scope="session")
def ampx_dir(ampx_version: str) -> Path:
    """Install (or find in the cache) @aws-amplify/backend-cli and return its directory."""
    require_tool("node", WHY)
    require_tool("npm", WHY)
    path = ensure_installed(ampx_version)
    require(path is not None, f"could not install @aws-amplify/backend-cli@{ampx_version}: {install_error(ampx_version)}")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def ampx_info(ampx_dir: Path) -> ParserInfo:
    """The handshake of the harness: the package and yargs versions really loaded."""
    return parser_info(ampx_dir=ampx_dir)


@pytest.fixture(scope="session")
def gen2_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A minimal Gen 2 project (amplify/backend.ts, amplify/seed/seed.ts) to run checks in."""
    return make_project(tmp_path_factory.mktemp("gen2-project"))


@pytest.fixture(scope="session")
def ampx_check(ampx_dir: Path, gen2_project: Path) -> Callable[..., list[Result]]:
    """`ampx_check(argvs, cwd=None)`: check a batch with the real parser, in gen2_project by default."""

    def run(argvs: Sequence[Sequence[str]], cwd: Optional[Path] = None) -> list[Result]:
        return check(argvs, cwd=cwd if cwd is not None else gen2_project, ampx_dir=ampx_dir)

    return run
