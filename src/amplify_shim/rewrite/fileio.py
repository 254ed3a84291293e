"""Read a named file safely (files.py: regular files only, capped, strict UTF-8) and write it back atomically."""

from __future__ import annotations

import os

from ..files import FileProblem, decode_utf8, read_capped, replace_file, shown

LIMIT = 8 << 20  # a 5,000-line CI file is about 300 KiB
BOM = "\ufeff"
SKIPPED = "skipped"


def read(path: str) -> str:
    """The file's text, its BOM kept as U+FEFF so it is written back; FileProblem otherwise."""
    raw = read_capped(path, LIMIT, SKIPPED)
    if raw is None:
        raise FileProblem(f"{shown(path)} does not exist; {SKIPPED}")
    text = decode_utf8(path, raw, SKIPPED)
    return BOM + text if raw.startswith(b"\xef\xbb\xbf") else text


def write(path: str, text: str) -> None:
    """Replace the file in one step, keeping its mode. A symbolic link stays a link: its target is what
    is rewritten."""
    target = os.path.realpath(path)
    replace_file(target, text.encode("utf-8"), os.stat(target).st_mode & 0o7777)
