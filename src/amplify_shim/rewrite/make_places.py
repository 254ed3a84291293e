"""Makefile recipe lines as places, read with the Make grammar.

What make does before the shell sees a line is undone here: `$$` is one `$`, a make reference
(`$(APP)`, `${APP}`, `$@`) becomes a stand-in shell variable the planner keeps as written, a
backslash-newline keeps the newline but loses the next line's tab. New text is written back the
other way: `$` doubled, each stand-in its make reference again.
"""

from __future__ import annotations

import re

from .decide import Where
from .grammars import parse
from .places import Decoded, Unencodable

STAND_IN = "${AMPLIFYSHIMMAKE%d}"
_PREFIX = "-@+ \t"  # make's own, before a recipe's command: `-` (go on if it fails), `@` (quiet), `+` (run with -n)
# a recipe line whose command, after that prefix, is the Gen 1 CLI: the shell's reading of words (a `-` glued to
# `amplify` makes another name) would not see it
PREFIXED_RECIPE = re.compile(r"^[ \t]*[-@+][-@+ \t]*(?:amplify|@aws-amplify/cli)(?![\w./@-])", re.M)


def _closing(text: str, at: int, end: int) -> int:
    """The offset after the make reference starting at text[at] == '$'."""
    opener = text[at + 1:at + 2]
    if opener not in ("(", "{"):
        return at + 2
    closer, depth, i = ")" if opener == "(" else "}", 0, at + 1
    while i < end:
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return end


def _decode(text: str, start: int, end: int, refs: dict, out: Decoded | None = None, recipe: bool = True) -> Decoded:
    out, i = out or Decoded(), start
    while recipe and i < end and text[i] in _PREFIX:
        i += 1
    while i < end:
        c = text[i]
        if c == "$" and text[i + 1:i + 2] == "$":
            out.add("$", i, i + 2)
            i += 2
        elif c == "$" and i + 1 < end:
            close = _closing(text, i, end)
            word = STAND_IN % len(refs)
            refs[word] = text[i:close]
            out.add(word, i, close)
            i = close
        elif c == "\\" and text[i + 1:i + 2] == "\n":
            out.copy(text, i, i + 2)
            i += 2
            if text[i:i + 1] == "\t":
                i += 1
        else:
            out.copy(text, i, i + 1)
            i += 1
    return out


def _restorer(refs: dict):
    def restore(text: str) -> str:
        for word, source in refs.items():
            text = text.replace(word, source)
        return text
    return restore


def _encoder(refs: dict):
    def encode(new: str) -> str:
        if "\n" in new or "\r" in new:
            raise Unencodable("the new text would span lines in a recipe")
        pieces = new.split("${AMPLIFYSHIMMAKE")
        out = [pieces[0].replace("$", "$$")]
        for piece in pieces[1:]:
            number, _, rest = piece.partition("}")
            out.append(refs["${AMPLIFYSHIMMAKE%s}" % number] + rest.replace("$", "$$"))
        return "".join(out)
    return encode


def _never(_new: str) -> str:
    raise Unencodable("make runs this command itself ($(shell …)): its output is used")


def _shell_command(node, data: bytes):
    """The byte span of the command of make's `$(shell …)`, or None. The grammar reads `${shell …}` as a
    variable's name; make reads it as the same function."""
    if node.type == "shell_function":
        return next(((c.start_byte, c.end_byte) for c in node.children if c.type == "shell_command"), None)
    source = data[node.start_byte:node.end_byte]
    if node.type == "variable_reference" and source[:7] == b"${shell" and source[7:8] in (b" ", b"\t"):
        return node.start_byte + 8, node.end_byte - 1
    return None


def _statement_start(node) -> int:
    """Where the line of the statement holding node starts: a marker above a continued line would cut it."""
    while node.parent is not None and node.type not in ("recipe_line", "variable_assignment", "rule") \
            and node.parent.parent is not None:
        node = node.parent
    return node.start_byte


def make_places(text: str, where: Where):
    tree, data = parse("make", text)
    if tree.root_node.has_error:
        yield None  # the caller reports: this Makefile does not parse
        return
    from .grammars import Offsets

    offsets = Offsets(text)
    stack = [tree.root_node]
    lines, functions = [], []
    while stack:
        node = stack.pop()
        if node.type == "recipe_line":
            lines.append((offsets.char(node.start_byte), offsets.char(node.end_byte)))
        command = _shell_command(node, data)
        if command is not None:
            functions.append((*map(offsets.char, command), offsets.char(_statement_start(node))))
        stack.extend(reversed(node.children))
    for start, end in lines:
        if "amplify" not in text[start:end]:
            continue
        refs: dict = {}
        decoded = _decode(text, start, end, refs)
        line = text.rfind("\n", 0, start) + 1
        yield decoded.place(where=where, encode=_encoder(refs), restore=_restorer(refs),
                            marker=lambda _offset, line=line: (line, "", "#"))
    # make runs `$(shell …)` while it reads the line, in a recipe or anywhere else: read as `$( … )`, so a
    # call there is marked (its output is used), never rewritten
    for start, end, statement in functions:
        if "amplify" not in text[start:end]:
            continue
        refs = {}
        decoded = Decoded()
        decoded.add("$(", start, start)
        _decode(text, start, end, refs, decoded, recipe=False)
        decoded.add(")", end, end)
        line = text.rfind("\n", 0, statement) + 1
        yield decoded.place(where=where, encode=_never, restore=_restorer(refs),
                            marker=lambda _offset, line=line: (line, "", "#"))
