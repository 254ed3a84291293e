"""docs/threats.md and the tests agree: every test it names exists, and every threat is cited by a test."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "threats.md").read_text(encoding="utf-8")
ROWS = {m.group(1): m.group(0) for m in re.finditer(r"^\| ([AFXO]\d+) \|.*$", DOC, re.M)}


def _tests_named(row: str) -> list[tuple[str, str]]:
    """(file, test) pairs of a row's last cell: `tests/x.py::a, ::b; tests/y.py::c`."""
    cell = row.rstrip(" |").rsplit("|", 1)[-1]
    found, current = [], None
    for token in re.split(r"[,;\s]+", cell):
        match = re.match(r"(tests/[\w/]+\.py)?::(\w+)", token)
        if not match:
            continue
        current = match.group(1) or current
        found.append((current, match.group(2)))
    return found


def test_the_threat_list_has_rows():
    assert len(ROWS) >= 40


def test_every_named_test_exists():
    missing = []
    for threat, row in ROWS.items():
        names = _tests_named(row)
        assert names, f"{threat} names no test"
        for file, name in names:
            source = (ROOT / file).read_text(encoding="utf-8") if file and (ROOT / file).is_file() else ""
            if not re.search(rf"def {name}\b", source):
                missing.append(f"{threat}: {file}::{name}")
    assert missing == []


def test_every_threat_is_cited_in_a_test():
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    uncited = [t for t in ROWS if not re.search(rf"\b{t}\b", tests.replace("threats.md", ""))]
    assert uncited == []
