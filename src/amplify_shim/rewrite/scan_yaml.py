"""Segments of CI YAML files (amplify.yml, GitHub Actions, GitLab, Bitbucket, buildspec…), read by lines.

Not a YAML parser: it follows indentation well enough to know which scalars are commands: the
value of a command key (`run:`, `script:`, `commands:`…), the items of a list under one, and
each line of a block scalar (`run: |`) under one. Other scalars (a step's `name:`) are prose and
are never touched. Quoted scalars are decoded character by character so an edit is written back
in the same quoting; a scalar this reader is not sure of is left alone.
"""

from __future__ import annotations

from .segments import Marker, Segment, Unencodable, indent_of, lines, plain

COMMAND_KEYS = frozenset({"run", "script", "scripts", "command", "commands", "before_script", "after_script", "cmd",
                          "bash", "sh", "pwsh", "powershell", "install", "before_install", "after_success"})
POWERSHELL_KEYS = frozenset({"pwsh", "powershell"})
_BLOCK = frozenset("|>")


def _key(item: str) -> tuple:
    """(key, offset of its value) when `item` starts `key: …`, else (None, 0)."""
    if not item or item[0] in "\"'{[#&*!|>%@`":
        return None, 0
    colon = item.find(":")
    while colon >= 0:
        after = item[colon + 1:colon + 2]
        if after in ("", " ", "\t"):
            key = item[:colon]
            return (key, colon + 1) if " #" not in key else (None, 0)
        colon = item.find(":", colon + 1)
    return None, 0


def _plain_encoder(new: str) -> str:
    if "\n" in new or ": " in new or " #" in new or new.endswith(":"):
        raise Unencodable("the new text cannot be a plain YAML scalar (it holds ': ' or ' #'); quote the line")
    return new


def _single_encoder(new: str) -> str:
    if "\n" in new:
        raise Unencodable("the new text would span lines")
    return new.replace("'", "''")


def _double_encoder(new: str) -> str:
    if "\n" in new:
        raise Unencodable("the new text would span lines")
    return new.replace("\\", "\\\\").replace('"', '\\"')


def _quoted(text: str, start: int, end: int) -> tuple:
    """(decoded chars with their raw spans, encoder) of a one-line quoted scalar at text[start], or None."""
    quote, units, i = text[start], [], start + 1
    while i < end:
        c = text[i]
        if c == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                units.append(("'", i, i + 2))
                i += 2
                continue
            return units, (_single_encoder if quote == "'" else _double_encoder)
        if quote == '"' and c == "\\":
            if text[i + 1:i + 2] not in ('"', "\\"):
                return None  # an escape this reader does not decode: leave the scalar alone
            units.append((text[i + 1], i, i + 2))
            i += 2
            continue
        units.append((c, i, i + 1))
        i += 1
    return None  # continues on the next line


def _value_segment(text, at, end, line, marker, shell):
    """The command segment of a scalar value starting at text[at], or None."""
    if at >= end or text[at] in "[{&*!|>":
        return None
    kw = dict(line=line, marker=marker, shell=shell, flavour="ps" if shell == "powershell" else "sh")
    if text[at] in "'\"":
        found = _quoted(text, at, end)
        if found is None:
            return None
        units, encoder = found
        return Segment(text="".join(u[0] for u in units), starts=[u[1] for u in units],
                       ends=[u[2] for u in units], encode=encoder, **kw)
    comment = text.find(" #", at, end)
    stop = comment if comment >= 0 else end
    while stop > at and text[stop - 1] in " \t":
        stop -= 1
    return plain(text, [(at, stop)], encode=_plain_encoder, **kw)


def yaml_segments(text: str, region=None, *, needle="amplify"):
    """Command segments of a YAML document (or of a Markdown ```yaml block, `region`)."""
    a, b = region or (0, len(text))
    stack: list = []  # (column, key)
    block = None  # (parent column, is a command, shell) while inside a block scalar
    number = text.count("\n", 0, a)
    for start, content, _ in lines(text, a, b):
        number += 1
        indent = indent_of(text, start, content)
        col, body = len(indent), start + len(indent)
        if block is not None:
            if body == content or col > block[0]:
                if block[1] and needle in text[body:content]:
                    mark = Marker(offset=start, indent=indent)
                    yield plain(text, [(body, content)], number, marker=mark, shell=block[2],
                                flavour="ps" if block[2] == "powershell" else "sh")
                continue
            block = None
        if body == content or text[body] == "#":
            continue
        item_col = col
        parent_col = None
        while text.startswith("- ", body) or (text[body:content] == "-"):
            parent_col = item_col
            body += 2
            while body < content and text[body] == " ":
                body += 1
            item_col = body - start
        if parent_col is not None:
            while stack and stack[-1][0] > parent_col:
                stack.pop()
        owner = stack[-1][1] if stack else None
        key, offset = _key(text[body:content])
        if key is not None:
            while stack and stack[-1][0] >= item_col:
                stack.pop()
            stack.append((item_col, key.strip().strip("'\"")))
            owner = stack[-1][1]
            value = body + offset
            while value < content and text[value] in " \t":
                value += 1
            node_col = item_col
        else:
            if parent_col is None:
                continue  # a continued plain scalar, or something this reader does not follow
            value, node_col = body, parent_col
        shell = "powershell" if owner in POWERSHELL_KEYS else "bash"
        if value < content and text[value] in _BLOCK and text[value:content].split(" #")[0].strip(" |>+-0123456789") == "":
            block = (node_col, owner in COMMAND_KEYS, shell)
            continue
        if owner in COMMAND_KEYS and needle in text[value:content]:
            mark = Marker(offset=start, indent=indent)
            segment = _value_segment(text, value, content, number, mark, shell)
            if segment is not None:
                yield segment
