"""One way to compare output with a committed expected file (snapshots, expected reports and diffs).

AMPLIFY_SHIM_UPDATE_SNAPSHOTS=1 rewrites the files instead; a missing one is written and the test fails,
so a new expectation is always reviewed before it is committed. Bytes are compared as written: a CRLF
diff stays CRLF.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

UPDATE = os.environ.get("AMPLIFY_SHIM_UPDATE_SNAPSHOTS") == "1"


def check_snapshot(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        if not UPDATE:
            pytest.fail(f"new expected file {path.name} written: review and commit it")
    assert actual == path.read_bytes().decode("utf-8"), f"{path.name} changed (AMPLIFY_SHIM_UPDATE_SNAPSHOTS=1 to accept)"
