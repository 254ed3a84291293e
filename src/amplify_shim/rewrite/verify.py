"""The check after editing a piece of shell: parsed again, it has no error, and its syntax tree is the
old one everywhere but the edited commands (each edited span is one whole node in the new tree).

Statements that hold no edit are compared by their kind and (shifted) span only, so the check
stays linear in the size of the file; a statement that holds one is compared node by node.
"""

from __future__ import annotations

import bisect

from .grammars import Offsets, parse


def _skeleton(node, edited: set) -> list:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type == "comment":
            continue
        span = (current.start_byte, current.end_byte)
        if span in edited:
            out.append("EDIT")
            continue
        out.append(current.type)
        stack.extend(reversed(current.children))
    return out


def _outermost(root, start: int, end: int):
    node = root.descendant_for_byte_range(start, end)
    if node is None or (node.start_byte, node.end_byte) != (start, end):
        return None
    while node.parent is not None and (node.parent.start_byte, node.parent.end_byte) == (start, end):
        node = node.parent
    return node


def same_tree(text: str, tree, data: bytes, replacements: list, grammar: str = "bash") -> bool:
    """replacements: [(char start, char end, new text)] in `text` (parsed as `tree`, bytes `data`). PowerShell:
    the new text must parse without error (its calls are single commands, checked when found)."""
    offsets = Offsets(text)
    spans = sorted((offsets.byte(s), offsets.byte(e), new.encode("utf-8", "surrogatepass")) for s, e, new in replacements)
    if grammar != "bash":
        pieces, at = [], 0
        for start, end, new in spans:
            pieces += [data[at:start], new]
            at = end
        new_tree, _ = parse(grammar, (b"".join(pieces) + data[at:]).decode("utf-8", "surrogatepass"))
        return not new_tree.root_node.has_error
    # Only the statements that hold an edit are parsed again, one after the other in one text: the others are
    # byte for byte what they were, and each edited one must still be one whole statement on its own.
    starts = [s for s, _, _ in spans]
    statements, batch, size = [], [], 0
    for statement in tree.root_node.children:
        first = bisect.bisect_left(starts, statement.start_byte)
        last = bisect.bisect_left(starts, statement.end_byte)
        if first == last:
            continue
        mine = spans[first:last]
        if mine[-1][1] > statement.end_byte:
            return False
        pieces, at, nodes = [], statement.start_byte, []
        for start, end, new in mine:
            pieces += [data[at:start], new]
            at = end
        pieces.append(data[at:statement.end_byte])
        for start, end, _ in mine:
            node = _edited_node(tree.root_node, start, end)
            if node is None:
                return False
            nodes.append(node)
        statements.append((statement, mine, nodes, size))
        chunk = b"".join(pieces)
        batch.append(chunk)
        size += len(chunk) + 1
    new_tree, _ = parse("bash", b"\n".join(batch).decode("utf-8", "surrogatepass"))
    if new_tree.root_node.has_error:
        return False
    fresh = [c for c in new_tree.root_node.children if c.is_named and c.type != "comment"]
    if len(fresh) != len(statements):
        return False
    for new, (old, mine, nodes, base) in zip(fresh, statements):
        if new.type != old.type or new.start_byte != base:
            return False

        def moved(offset: int) -> int:  # old offset in the statement -> offset in the batch
            shift = sum(len(n) - (e - s) for s, e, n in mine if e <= offset)
            return base + offset - old.start_byte + shift

        new_edited = set()
        for node in nodes:
            target = _outermost(new_tree.root_node, moved(node.start_byte), moved(node.end_byte))
            if target is None:
                return False
            new_edited.add((target.start_byte, target.end_byte))
        if _skeleton(old, {(n.start_byte, n.end_byte) for n in nodes}) != _skeleton(new, new_edited):
            return False
    return True


def _edited_node(root, start: int, end: int):
    """The node an edit replaces: exactly its span, or the command it is part of (after env assignments, `exec`)."""
    node = _outermost(root, start, end)
    if node is not None:
        return node
    node = root.descendant_for_byte_range(start, end)
    while node is not None and node.type != "command":
        node = node.parent
    return node


def reads_the_same(kind: str, old: str, new, markers: int) -> bool:
    """The whole file after its edits, read again with its own grammar: YAML and Make files have the same
    syntax tree but for the marker comments (the edited scalars and recipe lines are leaves to them); JSON
    loads with the same keys. Shell-like places were checked one by one (same_tree). `new()` makes the new text."""
    if kind == "json":
        import json

        try:
            before, after = json.loads(old), json.loads(new())
        except ValueError:
            return False
        return before.keys() == after.keys() and before.get("scripts", {}).keys() == after.get("scripts", {}).keys()
    grammar = {"yaml": "yaml", "make": "make"}.get(kind)
    if grammar is None:
        return True
    old_tree, _ = parse(grammar, old)
    if old_tree.root_node.has_error:
        return True  # read in pieces (too long for the grammar in one go): each piece was read on its own
    new_tree, _ = parse(grammar, new())
    return not new_tree.root_node.has_error and _shape(grammar, new_tree) == _shape(grammar, old_tree) + markers


_LEAVES = {"yaml": "[(plain_scalar) (single_quote_scalar) (double_quote_scalar) (block_scalar)] @leaf",
           "make": "(recipe_line) @leaf"}


def _shape(grammar: str, tree) -> int:
    """How many nodes the tree has, each scalar (YAML) or recipe line (Make) counting as one: the edits are
    inside those, and what they hold (escapes, `$$`) may differ."""
    import tree_sitter

    from .grammars import parser

    query = tree_sitter.Query(parser(grammar).language, _LEAVES[grammar])
    # tree-sitter 0.25 moved `captures` to a QueryCursor; 0.23 (the newest for Python 3.9) has it on the Query
    capturer = tree_sitter.QueryCursor(query) if hasattr(tree_sitter, "QueryCursor") else query
    leaves = capturer.captures(tree.root_node).get("leaf", [])
    return tree.root_node.descendant_count - sum(node.descendant_count - 1 for node in leaves)
