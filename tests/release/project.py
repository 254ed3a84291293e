"""What the release tests read: the repository's files, never a built or installed copy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
# Every folder of Python that CI runs (the GitHub workflow runs the tests on 3.9 too); the fixtures
# are other people's projects, not code of ours.
PYTHON_DIRS = ("src", "tests", "tools", "benchmarks", "scripts")
NOT_OURS = ("tests/fixtures/",)


def pyproject() -> dict:
    try:
        import tomllib  # novermin: the 3.11+ module; the except below is the deliberate tomli fallback
    except ModuleNotFoundError:  # Python < 3.11: tomli, the package's own dependency there
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def python_files() -> List[Path]:
    found = [ROOT / "hatch_build.py"]
    for folder in PYTHON_DIRS:
        found += sorted(p for p in (ROOT / folder).rglob("*.py")
                        if not p.relative_to(ROOT).as_posix().startswith(NOT_OURS))
    return found


def version_tuple(text: str) -> Tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def python_floor() -> str:
    """`3.9` from requires-python `>=3.9`."""
    return re.fullmatch(r">=\s*(\d+\.\d+)", pyproject()["project"]["requires-python"]).group(1)
