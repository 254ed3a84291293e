"""The real-world style fixture files and their committed expected diffs."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "rewrite"
EXPECTED = Path(__file__).resolve().parent / "expected"
FILES = ["package.json", "amplify.yml", ".github/workflows/deploy.yml", ".gitlab-ci.yml", "deploy.sh", "deploy.ps1",
         "Makefile", "README.md"]
UPDATE = os.environ.get("AMPLIFY_SHIM_UPDATE_SNAPSHOTS") == "1"


def expected_path(name: str) -> Path:
    return EXPECTED / (name.replace("/", "__").lstrip(".") + ".diff")
