"""`amplify-shim rewrite FILE...`: Gen 1 command lines in scripts and CI files -> Gen 2 (being written)."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer


def command(
    files: List[Path] = typer.Argument(..., help="Files to rewrite."),
) -> None:
    """Rewrite Gen 1 command lines in scripts and CI files as their Gen 2 equivalents (a diff; --write applies)."""
    raise typer.Exit(1)
