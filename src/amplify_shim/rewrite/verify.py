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
    old_offsets = Offsets(text)
    spans = sorted((old_offsets.byte(s), old_offsets.byte(e), new.encode("utf-8", "surrogatepass"))
                   for s, e, new in replacements)
    pieces, at, shifts, ends = [], 0, [], []
    delta = 0
    for start, end, new in spans:
        pieces += [data[at:start], new]
        at = end
        delta += len(new) - (end - start)
        ends.append(end)
        shifts.append(delta)
    pieces.append(data[at:])
    new_data = b"".join(pieces)
    new_tree, _ = parse(grammar, new_data.decode("utf-8", "surrogatepass"))
    if new_tree.root_node.has_error:
        return False
    if grammar != "bash":
        return True

    def moved(offset: int) -> int:
        k = bisect.bisect_right(ends, offset)  # the edits that end at or before it move it
        return offset + (shifts[k - 1] if k else 0)

    old_edited, new_edited = set(), set()
    for start, end, new in spans:
        node = _outermost(tree.root_node, start, end)
        if node is None:  # the replaced span starts inside the command (after env assignments, `exec`)
            node = tree.root_node.descendant_for_byte_range(start, end)
            while node is not None and node.type != "command":
                node = node.parent
            if node is None:
                return False
        old_edited.add((node.start_byte, node.end_byte))
        target = _outermost(new_tree.root_node, moved(node.start_byte), moved(node.end_byte))
        if target is None:
            return False
        new_edited.add((target.start_byte, target.end_byte))
    old_top, new_top = tree.root_node.children, new_tree.root_node.children
    if len(old_top) != len(new_top):
        return False
    for old, new in zip(old_top, new_top):
        if old.type != new.type or (moved(old.start_byte), moved(old.end_byte)) != (new.start_byte, new.end_byte):
            return False
        k = bisect.bisect_right(ends, old.start_byte)
        holds = k < len(spans) and spans[k][0] < old.end_byte
        if holds and _skeleton(old, old_edited) != _skeleton(new, new_edited):
            return False
    return True
