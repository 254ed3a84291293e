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
from .job_shells import JobShells, shell_grammar
from .shell_calls import ANY_CANDIDATE
from .places import Decoded, Place, Unencodable, indent_at, line_start, one_line, with_stand_ins

COMMAND_KEYS = frozenset({"run", "script", "scripts", "command", "commands", "before_script", "after_script", "cmd",
                          "bash", "sh", "pwsh", "powershell", "install", "before_install", "after_success"})
POWERSHELL_KEYS = frozenset({"pwsh", "powershell"})
_SCALARS = frozenset({"plain_scalar", "single_quote_scalar", "double_quote_scalar", "block_scalar"})
_PLAIN_STARTS = tuple("{[&*!|>'\"%@`#,]}") + ("- ", "? ", ": ")
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")  # GitHub Actions expressions, substituted before the shell runs
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b",
            "e": "\x1b", "f": "\f", "v": "\v", " ": " ", "\t": "\t"}
_HEX = {"x": 2, "u": 4, "U": 8}


def _plain(new: str) -> str:
    one_line(new)
    if ": " in new or " #" in new or new.endswith(":") or new.startswith(_PLAIN_STARTS) or "\t" in new:
        raise Unencodable("the new text cannot be a plain YAML scalar here; quote the scalar and run again")
    return new


def _single(new: str) -> str:
    return one_line(new).replace("'", "''")


def _double(new: str) -> str:
    out = new.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    if any(ord(c) < 32 for c in out):
        raise Unencodable("the new text holds a control character")
    return out


def _block(indent: str):
    def encode(new: str) -> str:
        return new.replace("\r\n", "\n").replace("\n", "\n" + indent)
    return encode


def _key(pair, text: str, offsets: Offsets) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    return text[offsets.char(key.start_byte):offsets.char(key.end_byte)].strip().strip("'\"")


_HOLDERS = ("block_mapping_pair", "block_sequence_item")


def _holder(node):
    """The block-level key or list item that holds this scalar: where its marker goes."""
    while node is not None and node.type not in _HOLDERS:
        node = node.parent
    return node


def _marker(text: str, offset: int):
    def marker(_anchor):
        start = line_start(text, offset)
        return start, indent_at(text, start), "#"
    return marker


class _Based:
    """Offsets of a piece of the file (its bytes parsed alone) as str offsets of the whole file: `char(byte)`.
    (An attribute, not a method: an ASCII piece, the common case, needs one addition per query.)"""
    __slots__ = ("char",)

    def __init__(self, offsets: Offsets, base: int) -> None:
        self.char = base.__add__ if not offsets.wide_chars else (lambda byte: base + offsets.char(byte))


def _shell_of(pair, key: str, text: str, offsets: Offsets, jobs: JobShells | None) -> tuple:
    """(grammar, why not read) for a command key: `pwsh:`/`powershell:`, a GitHub step's `shell:`, or else the
    shell its job runs steps in (job_shells.py)."""
    if key in POWERSHELL_KEYS:
        return "powershell", None
    mapping = pair.parent
    if mapping is not None and text.find("shell", offsets.char(mapping.start_byte), offsets.char(mapping.end_byte)) >= 0:
        for sibling in mapping.children:  # (only where some key of the mapping can read `shell`: most steps have none)
            if sibling.type in ("block_mapping_pair", "flow_pair") and _key(sibling, text, offsets) == "shell":
                value = sibling.child_by_field_name("value")
                return shell_grammar(text[offsets.char(value.start_byte):offsets.char(value.end_byte)].strip().strip("'\"")
                                     if value else "")
    return (jobs.shell_at(pair.start_byte) if jobs is not None else None) or ("bash", None)


def _scalar_place(node, text: str, offsets: Offsets, where: Where, grammar: str, why: str | None,
                  holder=None) -> Place:
    start, end = offsets.char(node.start_byte), offsets.char(node.end_byte)
    if grammar == "powershell":
        where = Where(mode=where.mode, branch_var=where.branch_var, app_var=where.app_var, shell="powershell",
                      powershell=True)
    holder = holder if holder is not None else _holder(node)  # (given when the walk up to the command key met it)
    common = dict(where=where, grammar=grammar, marker=_marker(text, offsets.char(holder.start_byte) if holder else start),
                  error_marks=True, loose=True)  # loose: only read when it is not decoded (error), then every call is marked
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
                letter = text[i + 1:i + 2]
                if letter in _ESCAPES:
                    out.add(_ESCAPES[letter], i, i + 2)
                    i += 2
                    continue
                digits = text[i + 2:i + 2 + _HEX.get(letter, 0)]
                try:
                    char = chr(int(digits, 16)) if letter in _HEX and len(digits) == _HEX[letter] else None
                except (ValueError, OverflowError):  # not hex; past U+10FFFF (`\UFFFFFFFF` is past a C int too)
                    char = None
                if char is None:
                    return Place(text=raw, base=start, error=f"the escape `{pair}` in this scalar is not read", **common)
                out.add(char, i, i + 2 + len(digits))
                i += 2 + len(digits)
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
        if text[at:stop].strip():
            if indent is None:
                indent = indent_at(text, at)
            if not text.startswith(indent, at):
                return Place(text=raw, base=start, error="this block scalar's indentation is not read", **common)
            out.copy(text, at + len(indent), stop)
        if nl >= 0:
            out.copy(text, nl, nl + 1)
        at = stop + 1
    return out.place(encode=_block(indent or ""), **common)


def yaml_places(text: str, where: Where, region=None):
    """The command places of a YAML document (or of a Markdown ```yaml block, `region` (start, end)). A document
    too large for the grammar in one go is read in pieces, each with the key it is under."""
    work = [(region, None)]
    while work:
        piece, owner = work.pop()
        start, end = piece or (0, len(text))
        if text.count("\n", start, end) >= _ROWS:  # past the grammar's row counter: cut first, never parsed whole
            pieces = _pieces(text, (start, end), owner)
            if pieces:
                work.extend(reversed(pieces))
                continue
        body = text if piece is None else text[start:end]
        tree, data = parse("yaml", body)
        if tree.root_node.has_error:
            pieces = _pieces(text, piece or (0, len(text)), owner) if len(body) > _SPLIT_ABOVE else None
            if not pieces:
                base = 0 if piece is None else piece[0]
                yield Place(text=body, base=base, where=where, error="the YAML grammar cannot read this file", marker=None,
                            loose=True)
            else:
                work.extend(reversed(pieces))
            continue
        yield from _document_places(text, where, piece, owner, body, tree, data)


def _document_places(text: str, where: Where, region, owner, body: str, tree, data: bytes):
    offsets = _Based(Offsets(body), 0 if region is None else region[0])
    seen = set()
    jobs = JobShells(tree.root_node, text, offsets, _key) if b"runs-on" in data else None  # GitHub: each job's shell
    for match in ANY_CANDIDATE.finditer(data):  # only the scalars where a call could be: linear in the calls
        scalar = tree.root_node.named_descendant_for_byte_range(match.start(), match.end())
        while scalar is not None and scalar.type not in _SCALARS:
            scalar = scalar.parent
        if scalar is None or scalar.start_byte in seen:
            continue
        seen.add(scalar.start_byte)
        pair, key, holder = _command_key(scalar, text, offsets, owner)
        if key not in COMMAND_KEYS:
            continue
        grammar, why = _shell_of(pair, key, text, offsets, jobs) if pair is not None else ("bash", None)
        yield with_stand_ins(_scalar_place(scalar, text, offsets, where, grammar, why, holder), _EXPRESSION, "CI")


def _command_key(scalar, text: str, offsets: Offsets, owner: str | None) -> tuple:
    """(the pair, its key, the holder) for the pair whose value holds this scalar, directly or as a list item;
    (None, owner, …) for an item of a piece's top-level list; (None, None, …) for a key, or a scalar under a mapping.
    The holder (see _holder) when the walk up met it, else None. (Each step up asks for a node's parent once: a
    parent is found from the root down.)"""
    node = scalar.parent
    holder = node if node is not None and node.type in _HOLDERS else None
    parent = node.parent if node is not None else None
    while parent is not None:
        kind = parent.type
        if holder is None and kind in _HOLDERS:
            holder = parent
        if kind in ("block_mapping_pair", "flow_pair"):
            value = parent.child_by_field_name("value")
            if value is None or value.start_byte != node.start_byte:
                return None, None, holder  # the scalar is a key
            return parent, _key(parent, text, offsets), holder
        if kind in ("block_sequence_item", "block_sequence", "flow_sequence", "block_node", "flow_node"):
            node, parent = parent, parent.parent
            continue
        if kind == "document" and node.type in ("block_node", "flow_node") and scalar.parent is not node:
            return None, owner, holder  # the list of a piece cut out of a document too large for the grammar
        return None, None, holder
    return None, None, holder


_SPLIT_ABOVE = 64 << 10  # the YAML grammar gives up on very long documents (about 16,000 list items)
_ROWS = 1 << 15  # its scanner counts rows in 16 bits: past row 32,767 a document fails to parse (seconds on a
# big file, once per level of keys before the splitter reaches small pieces) or, worse, parses with wrapped rows
_BATCH = 500  # list items per piece
_SPACES = re.compile(" *")


def _line_starts(body: str, text: str, start: int, end: int, first: bool = False) -> list:
    """Where the lines of text[start:end] that begin with `body` (a pattern) start: what `^body` (re.M) finds, found
    by searching for the newline before each line (a pattern that begins with a character is searched for three times
    as fast as one that begins with `^`). `first`: the first such line only."""
    found = [start] if (start == 0 or text[start - 1] == "\n") and re.compile(body).match(text, start, end) else []
    if found and first:
        return found
    after = re.compile("\n" + body)
    if first:
        match = after.search(text, start, end)
        return [match.start() + 1] if match else []
    return found + [match.start() + 1 for match in after.finditer(text, start, end)]


def _outer_indent(text: str, start: int, end: int) -> int | None:
    """The smallest indent (under 200) of a line that is not blank or a comment. Each search looks only for a line
    indented less than the least found so far, from where that one was: one pass over the region in all."""
    least, at = 200, start
    while least > 0:
        found = _line_starts(r" {0,%d}[^ #\r\n]" % (least - 1), text, at, end, first=True)
        if not found:
            break
        at = found[0]
        least = _SPACES.match(text, at).end() - at  # (all its spaces: the pattern's next character is none)
    return None if least == 200 else least


def _pieces(text: str, region: tuple, owner: str | None) -> list | None:
    """A document too large for the grammar, cut at its outermost keys or list items into pieces that stand
    alone: [(region, the key the piece is under)]; None when it cannot be cut."""
    start, end = region
    indent = _outer_indent(text, start, end)
    if indent is None:
        return None
    starts = _line_starts(r" {%d}[^ #\r\n]" % indent, text, start, end)
    if text[starts[0] + indent] == "-":  # a list: batches of items, under the same key
        cuts = starts[::_BATCH] + [end]
        cuts[0] = start
        return [((a, b), owner) for a, b in zip(cuts, cuts[1:]) if (a, b) != region] or None
    if len(starts) == 1:  # one key: its value, under that key
        first = starts[0]
        nl = text.find("\n", first, end)
        key = text[first:nl].split(":", 1)[0].strip().strip("'\"")
        return [((nl + 1, end), key)] if 0 <= nl and nl + 1 < end else None
    cuts = starts + [end]
    cuts[0] = start
    return [((a, b), owner) for a, b in zip(cuts, cuts[1:])]
