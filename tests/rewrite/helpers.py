"""Rewrite one text as a file of a given name would be rewritten."""

from __future__ import annotations

from amplify_shim.rewrite.engine import rewrite_text
from amplify_shim.rewrite.formats import detect


def rewrite(name: str, text: str) -> tuple:
    fmt = detect(name, text)
    assert fmt is not None, name
    return rewrite_text(name, text, fmt)


def line(text: str, name: str = "run.sh") -> str:
    """The rewritten text of one line (markers included)."""
    return rewrite(name, text + "\n")[0][:-1]
