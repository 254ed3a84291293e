"""The real-world style fixture files and their committed expected diffs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "rewrite"
EXPECTED = Path(__file__).resolve().parent / "expected"
FILES = ["package.json", "amplify.yml", ".github/workflows/deploy.yml", ".gitlab-ci.yml", "deploy.sh", "deploy.ps1",
         "Makefile", "README.md"]
def expected_path(name: str) -> Path:
    return EXPECTED / (name.replace("/", "__").lstrip(".") + ".diff")
