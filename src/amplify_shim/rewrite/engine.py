"""Rewrite one file's text: parse it with its grammar, find every Gen 1 call, decide each one, and
splice the new text in at exact offsets (or a marker comment above it).

Only the calls' spans change. After the edits each rewritten place is parsed again: it must parse
without error and its syntax tree must equal the old one everywhere but the edited commands;
otherwise nothing in it is rewritten and its calls are marked instead. A place whose grammar
reports an error gets no edit at all, only a finding. Running the rewrite twice changes nothing
the second time (a marker already there is not added again).
"""

from __future__ import annotations

import re

from ..record import Record
from ..render.text import TEXT_LIMIT, printable
from .decide import decide
from .formats import places
from .grammars import Offsets, parse
from .places import Unencodable
from .shell_calls import find_calls
from .verify import same_tree

MARK = "amplify-shim:"
_CANDIDATE = re.compile(r"(?<![\w./$-])(?:amplifyPush|amplify|@aws-amplify/cli)(?![\w./@-])")


class Finding(Record):
    _fields = (("file", ""), ("line", 0), ("old", ""), ("new", None), ("status", ""), ("reason", None))
    __slots__ = tuple(name for name, _ in _fields)

    def to_json(self) -> dict:
        return self._asdict()


def _ending(text: str, offset: int) -> str:
    nl = text.find("\n", offset)
    if nl < 0:
        nl = text.find("\n")
    return "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"


def _short(reason: str, limit: int = 300) -> str:
    """A marker says what and where to look; the full reason is in the report."""
    reason = " ".join(reason.split())
    cut = reason.find(". ")
    return reason[:cut + 1] if len(reason) > limit and 0 < cut else reason


class _Lines:
    """1-based line of a file offset; queries in increasing order stay linear."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line = text, 0, 1

    def __call__(self, offset: int) -> int:
        if offset < self.at:
            self.at, self.line = 0, 1
        self.line += self.text.count("\n", self.at, offset)
        self.at = offset
        return self.line


def rewrite_text(path: str, text: str, fmt) -> tuple:
    """(new text, [Finding]) for one file's text."""
    edits, findings = find_edits(path, text, fmt)
    return apply(text, edits), findings


def find_edits(path: str, text: str, fmt) -> tuple:
    """([(start, end, order, new text)], [Finding]): each edit replaces text[start:end]; a marker is an
    insertion (start == end, order 0, before a replacement at the same offset)."""
    if not _CANDIDATE.search(text):
        return [], []
    edits, findings, marked = [], [], set()
    lines = _Lines(text)
    for place in places(fmt, path, text):
        if not _CANDIDATE.search(place.text):
            continue
        _place_edits(path, text, place, edits, findings, marked, lines)
    return edits, findings


def _place_edits(path, text, place, edits, findings, marked, lines) -> None:
    tree, data = parse(place.grammar, place.text)
    if place.grammar == "powershell":
        from .ps_calls import find_ps_calls
        calls = find_ps_calls(data, tree.root_node)
    else:
        calls = find_calls(data, tree.root_node)
    offsets = Offsets(place.text)
    error = place.error or (_error_line(tree, data) if tree.root_node.has_error else None)
    pending = []  # (call, outcome, finding, char start, char end)
    for call in calls:
        start, end = offsets.char(call.start), offsets.char(call.end)
        raw_start, raw_end = place.raw_span(start, end)
        finding = Finding(file=path, line=lines(raw_start), old=place.restore(place.text[start:end]))
        if error:
            finding.status, finding.reason = "not-converted", f"{error}: nothing here is changed; convert it by hand"
            findings.append(finding)
            if place.error_marks:
                _mark(edits, marked, text, place, offsets.char(call.anchor), f"`{finding.old}`: {finding.reason}")
            continue
        outcome = decide(call, place.where)
        outcome.reason = outcome.reason and place.restore(outcome.reason)
        if outcome.status == "needs-input" and place.marker is None:  # JSON: a placeholder nobody is told about
            outcome.reason = (f"`{outcome.command}` would become `{outcome.new}`, with values to fill in ({outcome.reason[len('fill in the placeholder: '):]}); "
                              f"this file cannot hold a comment that says so: left as it is")
            outcome.new, outcome.status = None, "not-converted"
        finding.new, finding.status, finding.reason = outcome.new and place.restore(outcome.new), outcome.status, outcome.reason
        if outcome.new is not None:
            if outcome.whole:
                start = offsets.char(call.assign_start)
            try:
                raw = place.encode(outcome.new)
            except Unencodable as exc:
                finding.new, finding.status, finding.reason = None, "not-converted", f"cannot write it here: {exc}"
            else:
                pending.append((call, start, end, outcome.new, raw, finding))
        findings.append(finding)
        if finding.status in ("needs-input", "not-converted"):
            _mark(edits, marked, text, place, offsets.char(call.anchor), finding.reason)
    if not pending:
        return
    if not same_tree(place.text, tree, data, [(s, e, new) for _, s, e, new, _, _ in pending], place.grammar):
        for call, _, _, _, _, finding in pending:
            finding.new, finding.status = None, "not-converted"
            finding.reason = "the rewritten text would not parse as the same script here: convert it by hand"
            _mark(edits, marked, text, place, offsets.char(call.anchor), finding.reason)
        return
    for _, start, end, _, raw, _ in pending:
        edits.append((*place.raw_span(start, end), 1, raw))


def _error_line(tree, data: bytes) -> str:
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            line = data.count(b"\n", 0, node.start_byte) + 1
            return f"the grammar cannot read this text (line {line} of it)"
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return "the grammar cannot read this text"


def _mark(edits: list, marked: set, text: str, place, anchor: int, reason: str) -> None:
    if place.marker is None:
        return
    offset, indent, prefix = place.marker(place.raw(anchor))
    note = f"{prefix} {MARK} {printable(_short(reason), TEXT_LIMIT)}"
    if (offset, note) in marked:
        return  # two calls before one line with the same reason: one marker
    marked.add((offset, note))
    end = offset
    while end > 0:  # the marker lines already above this line (a second run)
        before = text.rfind("\n", 0, end - 1) + 1
        above = text[before:end].strip()
        if not above.startswith(f"{prefix} {MARK}"):
            break
        if above == note.strip():
            return
        end = before
    edits.append((offset, offset, 0, indent + note + _ending(text, offset)))


def apply(text: str, edits: list) -> str:
    out, at = [], 0
    for start, end, _, new in sorted(edits, key=lambda e: (e[0], e[2])):
        if start < at:
            continue  # overlapping spans cannot happen; never write one twice
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)
