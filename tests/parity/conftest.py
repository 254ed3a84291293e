"""Make `amplify_shim` importable from src/ when the package is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

try:
    import amplify_shim  # noqa: F401
except ImportError:
    sys.path.insert(0, str(SRC))
