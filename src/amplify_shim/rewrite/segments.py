"""A segment: one logical shell line inside a file, with the exact file offset of every character.

Scanners build segments; the rewriter edits a segment's text and `raw_span` maps the edit back
to the bytes of the file, so everything outside the edited span stays exactly as it was.
`encode` turns new command text into the file's spelling of it at that place (a JSON string,
a quoted YAML scalar, or as is) and raises Unencodable when it cannot be written there.
"""

from __future__ import annotations

from ..record import Record


class Unencodable(ValueError):
    """The new text cannot be written at this place in the file."""


def as_is(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise Unencodable("the new text would span lines here")
    return text


class Marker(Record):
    """Where a marker comment goes: before the line at `offset`, indented, with this comment prefix."""
    _fields = (("offset", 0), ("indent", ""), ("prefix", "#"), ("suffix", ""))
    __slots__ = tuple(name for name, _ in _fields)


class Segment(Record):
    _fields = (("text", ""), ("starts", list), ("ends", list), ("line", 1),
               ("flavour", "sh"), ("make", False), ("shell", "bash"), ("encode", as_is), ("marker", None),
               ("ci", None))  # None: the file's own form; True: a build spec inside a desk file (Markdown)
    __slots__ = tuple(name for name, _ in _fields)

    def raw_span(self, start: int, end: int) -> tuple:
        return self.starts[start], self.ends[end - 1]


def lines(text: str, start: int = 0, size: int | None = None):
    """(start, content end, end) of each physical line of text[start:size]; content excludes its \\n or \\r\\n."""
    size = len(text) if size is None else size
    while start < size:
        nl = text.find("\n", start, size)
        end = size if nl < 0 else nl + 1
        content = nl if nl >= 0 else size
        if content > start and text[content - 1] == "\r" and nl >= 0:
            content -= 1
        yield start, content, end
        start = end


def plain(text: str, pieces: list, line: int, **kw) -> Segment:
    """A segment of raw ranges [(start, end), …] of `text`, concatenated (a continued line)."""
    kw.setdefault("text", "".join(text[a:b] for a, b in pieces))
    starts, ends = [], []
    for a, b in pieces:
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
    return Segment(starts=starts, ends=ends, line=line, **kw)


def indent_of(text: str, start: int, limit: int) -> str:
    end = start
    while end < limit and text[end] in " \t":
        end += 1
    return text[start:end]


def line_number(text: str, offset: int, cache: dict) -> int:
    """1-based line of `offset` (counting from the last answer, so a scan in order stays linear)."""
    last_offset, last_line = cache.get("at", (0, 1))
    if offset < last_offset:
        last_offset, last_line = 0, 1
    line = last_line + text.count("\n", last_offset, offset)
    cache["at"] = (offset, line)
    return line
