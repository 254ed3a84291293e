"""Which @aws-amplify/backend-cli the project has installed: the "version" of its package.json.

Read on the `amplify` fast path (context detection), so with str methods only: no json, no re. The file
is read through files.py (a regular file, capped, strict UTF-8: a FIFO there never blocks); the top-level
"version" key is found by walking the object with a depth count that skips strings.
"""

from __future__ import annotations

import os

from ..files import read_text

LIMIT = 1 << 16  # a package.json larger than this is not npm's


def version(package_dir: str | None, warnings: list) -> str | None:
    """The installed version (`"1.4.3"`), or None: no package dir, unreadable (one line in warnings), or no
    top-level version."""
    if not package_dir:
        return None
    text = read_text(os.path.join(package_dir, "package.json"), warnings, LIMIT)
    return top_level_string(text, "version") if text is not None else None


def _string_end(text: str, start: int) -> int:
    """The index just past the JSON string that opens at text[start] (a quote)."""
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    return len(text)


def top_level_string(text: str, key: str) -> str | None:
    """The string value of `key` in the outermost JSON object of text, or None."""
    depth, i, want = 0, 0, f'"{key}"'
    while i < len(text):
        char = text[i]
        if char == '"':
            end = _string_end(text, i)
            if depth == 1 and text[i:end] == want:
                rest = text[end:].lstrip()
                if rest.startswith(":"):
                    value = rest[1:].lstrip()
                    if value.startswith('"'):
                        close = _string_end(value, 0)
                        raw = value[1:close - 1]
                        return raw if "\\" not in raw and raw else None
                    return None
            i = end
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        i += 1
    return None
