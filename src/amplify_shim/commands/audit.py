"""`amplify-shim audit [DIR]`: an offline migration audit of a Gen 1 project (being written)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def command(
    directory: Path = typer.Argument(Path("."), help="The Gen 1 project to audit (default: the current folder)."),
) -> None:
    """Audit a Gen 1 project offline: what each feature it uses becomes in Gen 2."""
    raise typer.Exit(1)
