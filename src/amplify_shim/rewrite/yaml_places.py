"""The command scalars of a CI YAML file as places, read with the YAML grammar.

A scalar is a command when it is the value of a command key (`run:`, `script:`, `commands:`…) or an
item of a list under one; other scalars (a step's `name:`) are prose and never touched. Each scalar
is decoded the way YAML reads it (single quotes doubled, double-quote escapes, a literal `|` block's
indentation) and new text is written back in the same style. What this reader does not decode for
sure (a folded `>` block, a plain or quoted scalar over several lines, an escape it does not know)
gets no edit: its calls are marked. A marker is always a YAML comment line before the key or list
item that holds the scalar, never inside a scalar.
"""

from __future__ import annotations

import re

from .decide import Where
from .grammars import Offsets, parse
from .places import Decoded, Place, Unencodable, indent_at, line_start, one_line, with_stand_ins

COMMAND_KEYS = frozenset({"run", "script", "scripts", "command", "commands", "before_script", "after_script", "cmd",
                          "bash", "sh", "pwsh", "powershell", "install", "before_install", "after_success"})
POWERSHELL_KEYS = frozenset({"pwsh", "powershell"})
_SCALARS = frozenset({"plain_scalar", "single_quote_scalar", "double_quote_scalar", "block_scalar"})
_PLAIN_STARTS = tuple("{[&*!|>'\"%@`#,]}") + ("- ", "? ", ": ")
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")  # GitHub Actions expressions, substituted before the shell runs
_SIMPLE_ESCAPES = {'\\"': '"', "\\\\": "\\", "\\/": "/"}


def _plain(new: str) -> str:
    one_line(new)
    if ": " in new or " #" in new or new.endswith(":") or new.startswith(_PLAIN_STARTS) or "\t" in new:
        raise Unencodable("the new text cannot be a plain YAML scalar here; quote the scalar and run again")
    return new


def _single(new: str) -> str:
    return one_line(new).replace("'", "''")


def _double(new: str) -> str:
    if any(ord(c) < 32 for c in new):
        raise Unencodable("the new text holds a control character")
    return new.replace("\\", "\\\\").replace('"', '\\"')


def _block(indent: str):
    def encode(new: str) -> str:
        return new.replace("\r\n", "\n").replace("\n", "\n" + indent)
    return encode


def _key(pair, text: str, offsets: Offsets) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    return text[offsets.char(key.start_byte):offsets.char(key.end_byte)].strip().strip("'\"")


def _holder(node):
    """The block-level key or list item that holds this scalar: where its marker goes."""
    while node is not None and node.type not in ("block_mapping_pair", "block_sequence_item"):
        node = node.parent
    return node


def _marker(text: str, offset: int):
    start = line_start(text, offset)
    return lambda _anchor: (start, indent_at(text, start), "#")


def _shell_of(pair, key: str, text: str, offsets: Offsets) -> tuple:
    """(grammar, why not read) for a command key: `pwsh:`/`powershell:`, or a GitHub step's `shell:`."""
    if key in POWERSHELL_KEYS:
        return "powershell", None
    mapping = pair.parent
    for sibling in (mapping.children if mapping is not None else []):
        if sibling.type == "block_mapping_pair" and _key(sibling, text, offsets) == "shell":
            value = sibling.child_by_field_name("value")
            shell = text[offsets.char(value.start_byte):offsets.char(value.end_byte)].strip().strip("'\"") if value else ""
            name = shell.split()[0] if shell.split() else ""
            if name in ("pwsh", "powershell"):
                return "powershell", None
            if name not in ("bash", "sh", ""):
                return "bash", f"a `shell: {shell}` step is not read"
    return "bash", None


def _scalar_place(node, text: str, offsets: Offsets, where: Where, grammar: str, why: str | None) -> Place:
    start, end = offsets.char(node.start_byte), offsets.char(node.end_byte)
    if grammar == "powershell":
        where = Where(mode=where.mode, branch_var=where.branch_var, app_var=where.app_var, shell="powershell",
                      powershell=True)
    holder = _holder(node)
    common = dict(where=where, grammar=grammar, marker=_marker(text, offsets.char(holder.start_byte) if holder else start),
                  error_marks=True)
    raw = text[start:end]
    if why:
        return Place(text=raw, base=start, error=why, **common)
    if node.type == "plain_scalar":
        if "\n" in raw:
            return Place(text=raw, base=start, error="a plain YAML scalar over several lines is not read", **common)
        return Place(text=raw, base=start, encode=_plain, **common)
    if node.type in ("single_quote_scalar", "double_quote_scalar"):
        if "\n" in raw:
            return Place(text=raw, base=start, error="a quoted YAML scalar over several lines is not read", **common)
        out, i, quote = Decoded(), start + 1, raw[0]
        while i < end - 1:
            pair = text[i:i + 2]
            if quote == "'" and pair == "''":
                out.add("'", i, i + 2)
                i += 2
            elif quote == '"' and text[i] == "\\":
                if pair not in _SIMPLE_ESCAPES:
                    return Place(text=raw, base=start, error=f"the escape `{pair}` in this scalar is not read", **common)
                out.add(_SIMPLE_ESCAPES[pair], i, i + 2)
                i += 2
            else:
                out.copy(text, i, i + 1)
                i += 1
        return out.place(encode=_single if quote == "'" else _double, **common)
    # a block scalar: `|` literal is read; `>` folded joins lines, so a call in it is only marked
    header_end = text.find("\n", start, end)
    header = text[start:header_end if header_end >= 0 else end].split("#")[0].strip()
    if header.startswith(">"):
        return Place(text=raw, base=start, error="a folded YAML block (`>`) joins its lines: it is not rewritten", **common)
    if any(c.isdigit() for c in header) or header_end < 0:
        return Place(text=raw, base=start, error="a block scalar with an indentation indicator is not read", **common)
    out, at = Decoded(), header_end + 1
    indent = None
    while at < end:
        nl = text.find("\n", at, end)
        stop = end if nl < 0 else nl
        content = text[at:stop].rstrip("\r")
        if content.strip():
            if indent is None:
                indent = indent_at(text, at)
            if not text.startswith(indent, at):
                return Place(text=raw, base=start, error="this block scalar's indentation is not read", **common)
            out.copy(text, at + len(indent), stop)
        if nl >= 0:
            out.copy(text, nl, nl + 1)
        at = stop + 1
    return out.place(encode=_block(indent or ""), **common)


def _command_scalars(value):
    """The scalar nodes a command key's value holds (itself, or the items of a list)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type in _SCALARS:
            yield node
        elif node.type in ("flow_node", "block_node", "block_sequence", "block_sequence_item", "flow_sequence"):
            stack.extend(reversed([c for c in node.children if c.is_named]))


def yaml_places(text: str, where: Where, region=None):
    """The command places of a YAML document (or of a Markdown ```yaml block, `region` (start, end))."""
    body = text if region is None else text[region[0]:region[1]]
    base = 0 if region is None else region[0]
    tree, data = parse("yaml", body)
    offsets = Offsets(body)
    if tree.root_node.has_error:
        yield Place(text=body, base=base, where=where, error="the YAML grammar cannot read this file", marker=None)
        return
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in ("block_mapping_pair", "flow_pair"):
            key = _key(node, body, offsets)
            value = node.child_by_field_name("value")
            if key in COMMAND_KEYS and value is not None:
                grammar, why = _shell_of(node, key, body, offsets)
                for scalar in _command_scalars(value):
                    place = with_stand_ins(_scalar_place(scalar, body, offsets, where, grammar, why), _EXPRESSION, "CI")
                    yield _shifted(place, base, text) if base else place
                continue
        stack.extend(reversed(node.children))


def _shifted(place: Place, base: int, text: str) -> Place:
    """A place read inside a region, moved to file offsets."""
    if place.starts is None:
        place.base += base
    else:
        place.starts = [s + base for s in place.starts]
        place.ends = [e + base for e in place.ends]
    if place.marker is not None:
        offset, _, prefix = place.marker(0)
        place.marker = _marker(text, offset + base)
    return place
