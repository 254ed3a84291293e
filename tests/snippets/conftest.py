"""Fixtures for the snippet type-check: the installed Gen 2 packages and one tsc run over every case.

A peer suite: it needs node, npm and ~0.9 GB from the npm registry (install_snippets.sh), so it runs
only with AMPLIFY_SHIM_PEERS=1 (scripts/test.sh --peers; CI sets it). Locally a missing tool or a
failed install skips with the reason; with AMPLIFY_SHIM_REQUIRE_TOOLS=1 (CI) it fails instead.
$AMPLIFY_SHIM_SNIPPETS_DIR names an install to use as is (what install_snippets.sh printed).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Optional

import pytest

import tests.conftest as shared
from tests.conftest import require, require_tool
from tests.snippets.snippet_project import Case, collect_cases, run_tsc, write_projects

HERE = Path(__file__).resolve().parent
INSTALL_SCRIPT = HERE / "install_snippets.sh"
MARKER = ".snippets-installed"
WHY = "the snippet check type-checks every printed TypeScript snippet against the real Gen 2 packages"

#: Known-wrong code, checked in the same tsc run: proof that the check can fail at all.
SELF_TEST = {
    "selftest-bad-fragment": "backend.auth.resources.noSuchRole.attachInlinePolicy(undefined);\n",
    "selftest-bad-file": "import { defineStorage } from '@aws-amplify/backend';\n\nexport const storage = defineStorage({ nam: 'x' });\n",
}


def _cache_root() -> Path:
    return Path(os.environ.get("AMPLIFY_SHIM_CACHE") or Path.home() / ".cache" / "amplify-shim")


def _newest_installed() -> Optional[Path]:
    done = sorted(_cache_root().glob(f"snippets-*/{MARKER}"), key=lambda p: p.stat().st_mtime)
    return done[-1].parent if done else None


def _install() -> tuple[Optional[Path], str]:
    """(install folder, why not). Runs install_snippets.sh (cached: ~10 s of npm lookups)."""
    try:
        proc = subprocess.run(["bash", str(INSTALL_SCRIPT)], capture_output=True, text=True, timeout=1200, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"install_snippets.sh: {exc}"
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = " | ".join(proc.stderr.strip().splitlines()[-5:])
        return None, f"install_snippets.sh failed (exit {proc.returncode}): {tail}"
    return Path(lines[-1]), ""


@pytest.fixture(scope="session")
def snippets_install() -> Path:
    """The folder install_snippets.sh made: node_modules/ and tsconfig.amplify.json."""
    require(shared.PEERS, "peer suite (installs @aws-amplify/backend, aws-cdk-lib, typescript from npm, ~0.9 GB): "
                          "opt in with AMPLIFY_SHIM_PEERS=1 or scripts/test.sh --peers")
    require_tool("node", WHY)
    given = os.environ.get("AMPLIFY_SHIM_SNIPPETS_DIR")
    if given:
        path = Path(given)
        require((path / MARKER).is_file(), f"AMPLIFY_SHIM_SNIPPETS_DIR={given} is not a finished install_snippets.sh folder")
        return path
    require_tool("npm", WHY)
    path, why = _install()
    if path is None:
        path = _newest_installed()  # offline: the newest complete install will do
    require(path is not None, f"the Gen 2 packages are not installed: {why}")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def checked(snippets_install: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, str]:
    """({case id: Case}, {case id: [tsc errors]}, tsc output): every case plus the self-test cases, one tsc run."""
    cases = collect_cases()
    bad_fragment = next(c for c in cases if c.kind == "fragment")
    bad_file = next(c for c in cases if c.snippet_file == "amplify/storage/resource.ts")
    extra = [
        Case(id="selftest-bad-fragment", kind="fragment", snippet_file="amplify/backend.ts", snippet="",
             files={**bad_fragment.files, "amplify/backend.ts": bad_fragment.files["amplify/backend.ts"]
                    + SELF_TEST["selftest-bad-fragment"]}),
        Case(id="selftest-bad-file", kind="file", snippet_file="amplify/storage/resource.ts", snippet="",
             files={**bad_file.files, "amplify/storage/resource.ts": SELF_TEST["selftest-bad-file"]}),
    ]
    root = write_projects(cases + extra, tmp_path_factory.mktemp("gen2-snippets"), snippets_install)
    errors, output = run_tsc(root, snippets_install)
    return {c.id: c for c in cases}, errors, output
