"""Rewrite one file's text: find, convert, and splice the new text in at exact offsets.

Only the spans of the Gen 1 commands change; a line that cannot be converted keeps its text
and gets a marker comment above it (in that file's comment syntax; none in JSON). A marker that
is already there is not added again, so rewriting twice changes nothing the second time.
"""

from __future__ import annotations

from ..record import Record
from ..render.text import TEXT_LIMIT, printable
from .commands import find
from .formats import segments
from .lexer import LexError, tokens
from .replace import convert
from .segments import Unencodable, line_number

MARK = "amplify-shim:"


class Finding(Record):
    _fields = (("file", ""), ("line", 0), ("old", ""), ("new", None), ("status", ""), ("reason", None))
    __slots__ = tuple(name for name, _ in _fields)

    def to_json(self) -> dict:
        return self._asdict()


def _invoked(text: str) -> bool:
    """`amplify` as a word followed by a word: worth reporting when the line cannot be read."""
    at = text.find("amplify ")
    while at >= 0:
        if at == 0 or text[at - 1] in " \t;&|($`'\"":
            return True
        at = text.find("amplify ", at + 1)
    return False


def _ending(text: str, offset: int) -> str:
    nl = text.find("\n", offset)
    if nl < 0:
        nl = text.find("\n")
    return "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"


def _short(reason: str, limit: int = 160) -> str:
    """A marker says what and where to look; the full reason is in the report."""
    reason = " ".join(reason.split())
    cut = reason.find(". ")
    return reason[:cut + 1] if len(reason) > limit and 0 < cut else reason


def _marker_line(text: str, marker, reason: str) -> str | None:
    note = f"{marker.prefix} {MARK} {printable(_short(reason), TEXT_LIMIT)}{marker.suffix}"
    before = text.rfind("\n", 0, max(marker.offset - 1, 0))
    previous = text[before + 1:marker.offset].strip()
    if previous == note.strip():
        return None  # already marked (a second run)
    return marker.indent + note + _ending(text, marker.offset)


def rewrite_text(path: str, text: str, fmt) -> tuple:
    """(new text, [Finding]) for one file's text."""
    edits, findings = find_edits(path, text, fmt)
    return apply(text, edits), findings


def find_edits(path: str, text: str, fmt) -> tuple:
    """([(start, end, order, new text)], [Finding]): each edit replaces text[start:end]; a marker is an
    insertion (start == end, order 0, before a replacement at the same offset)."""
    edits, findings, cache, marked = [], [], {}, set()
    for segment in segments(fmt, text):
        try:
            found_all = find(tokens(segment.text, segment.flavour, segment.make), segment.text, segment.flavour)
        except LexError as exc:
            if _invoked(segment.text):
                reason = f"cannot read this line for sure ({exc}): convert it by hand"
                findings.append(Finding(file=path, line=segment.line, old=segment.text.strip(), status="not-converted", reason=reason))
                _mark(edits, marked, text, segment, reason)
            continue
        for found in found_all:
            outcome = convert(found, segment, fmt)
            start = found.start - outcome.shift
            line = line_number(text, segment.starts[start], cache) if segment.starts else segment.line
            finding = Finding(file=path, line=line, old=segment.text[start:found.end], new=outcome.new,
                              status=outcome.status, reason=outcome.reason)
            if outcome.new is not None:
                try:
                    raw = segment.encode(outcome.new)
                except Unencodable as exc:
                    finding.new, finding.status, finding.reason = None, "not-converted", f"cannot write it here: {exc}"
                else:
                    edits.append((*segment.raw_span(start, found.end), 1, raw))
            findings.append(finding)
            if finding.status in ("needs-input", "not-converted"):
                _mark(edits, marked, text, segment, finding.reason)
    return edits, findings


def _mark(edits: list, marked: set, text: str, segment, reason: str) -> None:
    if segment.marker is not None:
        line = _marker_line(text, segment.marker, reason)
        edit = (segment.marker.offset, segment.marker.offset, 0, line)
        if line is not None and edit not in marked:  # two commands on one line with the same reason: one marker
            marked.add(edit)
            edits.append(edit)


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
