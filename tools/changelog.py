"""Read CHANGELOG.md: its releases, newest first, with their dates and sections.

The changelog is where a release's date is written (the version itself is in
src/amplify_shim/__init__.py): the man pages take their date from here, and
tests/release/ checks the file's shape (Keep a Changelog).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
PATH = ROOT / "CHANGELOG.md"
UNRELEASED = "Unreleased"
# `## [0.2.0] - 2026-12-06`, or `## [Unreleased]` for changes not released yet
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\S+))?\s*$")
SECTION = re.compile(r"^### (?P<kind>.+?)\s*$")


@dataclass
class Release:
    version: str
    date: str  # "" for Unreleased
    summary: List[str] = field(default_factory=list)  # the lines before the first section
    sections: Dict[str, List[str]] = field(default_factory=dict)  # kind -> its entries' lines


def releases(text: str) -> List[Release]:
    """Every `## [version] - date` heading in order, with the lines under it."""
    found: List[Release] = []
    lines: List[str] = []
    for line in text.splitlines():
        heading = RELEASE.match(line)
        if heading:
            found.append(Release(heading["version"], heading["date"] or ""))
            lines = found[-1].summary
        elif found and SECTION.match(line):
            lines = found[-1].sections.setdefault(SECTION.match(line)["kind"], [])
        elif found and line.strip():
            lines.append(line)
    return found


def release_date(version: str, path: Path = PATH) -> str:
    """The date CHANGELOG.md gives `version`; SystemExit with the fix when it has none."""
    for release in releases(path.read_text(encoding="utf-8")):
        if release.version == version and release.date:
            return release.date
    raise SystemExit(f"{path.name} has no dated entry for version {version}: add "
                     f"`## [{version}] - YYYY-MM-DD` with what the release changes for users")
