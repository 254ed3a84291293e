"""Quoting and layout helpers the per-shell emitters share."""

from __future__ import annotations


def sq(text: str) -> str:
    """POSIX single quotes (bash, zsh)."""
    return "'" + text.replace("'", "'\\''") + "'"


def fq(text: str) -> str:
    """fish single quotes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pq(text: str) -> str:
    """PowerShell single quotes (every single-quote character doubles)."""
    for quote in "'\u2018\u2019\u201a\u201b":
        text = text.replace(quote, quote * 2)
    return "'" + text + "'"


def by_value(mapping: dict) -> list[tuple[str, list[str]]]:
    """value -> sorted keys having it, ordered by their first key (deterministic)."""
    groups: dict[str, list[str]] = {}
    for key, value in mapping.items():
        groups.setdefault(value, []).append(key)
    return sorted(((value, sorted(keys)) for value, keys in groups.items()), key=lambda item: (item[1][0], item[0]))


def grouped(groups: dict) -> list[tuple[str, list[str]]]:
    """body -> keys sharing it, as (body, sorted keys) ordered by the first key."""
    return sorted(((body, sorted(keys)) for body, keys in groups.items()), key=lambda item: item[1][0])


def flag_order(flags) -> list[str]:
    return sorted(flags, key=lambda f: (f.lstrip("-").lower(), f))


def wrap(words: list[str], indent: str, width: int = 100) -> str:
    """Space-separated words, wrapped (the newlines are whitespace to the shell too)."""
    lines, line = [], ""
    for word in words:
        if line and len(indent) + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ("\n" + indent).join(lines)


def patterns(keys: list[str], quote, indent: str, sep: str = "|", width: int = 100) -> str:
    """Case patterns for these keys, wrapped with backslash-newlines (bash, zsh)."""
    lines, line = [], ""
    for part in (quote(k) for k in keys):
        if line and len(indent) + len(line) + len(sep) + len(part) > width:
            lines.append(line + sep + "\\")
            line = part
        else:
            line = f"{line}{sep}{part}" if line else part
    lines.append(line)
    return ("\n" + indent).join(lines)


def join(parts: list[str]) -> str:
    """Script parts, each ending in exactly one newline, a blank line between them."""
    return "\n".join(part.strip("\n") + "\n" for part in parts)
