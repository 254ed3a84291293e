"""Fixture trees are committed whole: a fixture's own .gitignore (a real Gen 1 project ignores
aws-exports.js, node_modules and dist) must not keep its files out of a clean checkout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_no_fixture_file_is_ignored_by_git():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(["git", "status", "--short", "--ignored", "--", "tests/fixtures"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert [line for line in ignored.splitlines() if line.startswith("!!")] == [], \
        "git add -f the fixture files listed (their .gitignore hides them)"


def test_no_merge_leftover_is_committed():
    # A `.orig` beside a module (a merge tool's backup) once shipped in the package for a whole release.
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    leftovers = [name for name in tracked.decode("utf-8", "replace").split("\0")
                 if name.endswith((".orig", ".rej", ".BACKUP", ".BASE", ".LOCAL", ".REMOTE", "~"))]
    assert leftovers == [], f"git rm these merge leftovers: {leftovers}"
