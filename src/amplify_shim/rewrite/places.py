"""A place: a piece of shell inside a file (a whole script, a Makefile recipe line, a YAML command scalar,
a package.json script, a Markdown code block), decoded, with the way back to the file's bytes.

`text` is what the shell runs; `starts`/`ends` give each of its characters' span in the file (None:
the text is the file's own, from `base`); `encode` writes new command text the way this place
spells it (or raises Unencodable); `marker(offset)` says where a marker comment for a call at
`offset` goes: (file offset of a line start, indent, comment prefix), or None where the format has
no comments (JSON).
"""

from __future__ import annotations

import re


class Unencodable(ValueError):
    """The new text cannot be written at this place in the file."""


def as_is(text: str) -> str:
    return text


def one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise Unencodable("the new text would span lines here")
    return text


class Place:
    """(A plain class, not a Record: a big file has one per command scalar, and this one is built fast.)"""
    __slots__ = ("text", "grammar", "where", "base", "starts", "ends", "encode", "marker", "error", "error_marks",
                 "restore", "loose")

    def __init__(self, text="", grammar="bash", where=None, base=0, starts=None, ends=None, encode=as_is, marker=None,
                 error=None, error_marks=False, restore=as_is, loose=False):
        self.text, self.grammar, self.where, self.base, self.starts, self.ends = text, grammar, where, base, starts, ends
        self.encode, self.marker, self.error = encode, marker, error
        self.error_marks = error_marks  # a marker is safe here even when the text does not parse (YAML: outside the scalar)
        self.restore = restore  # decoded text -> as a person reads it (stand-ins back as written)
        self.loose = loose  # when `error` says it cannot be read: every `amplify WORD` outside a `#` line is reported

    def raw(self, offset: int) -> int:
        if self.starts is None:
            return self.base + offset
        return self.starts[offset] if offset < len(self.starts) else (self.ends[-1] if self.ends else self.base)

    def raw_span(self, start: int, end: int) -> tuple:
        if self.starts is None:
            return self.base + start, self.base + end
        return self.starts[start], self.ends[end - 1]


def line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


_INDENT = re.compile(r"[ \t]*")


def indent_at(text: str, start: int) -> str:
    """The spaces and tabs from `start` on."""
    return _INDENT.match(text, start).group()


def at_line_of(file_text: str, prefix: str = "#", indent=True):
    """A marker on its own line before the line holding `offset` (a file offset), at that line's indent."""
    def marker(raw_offset: int):
        start = line_start(file_text, raw_offset)
        return start, indent_at(file_text, start) if indent else "", prefix
    return marker


class Decoded:
    """Builds a place's text character by character with each character's span in the file."""

    def __init__(self) -> None:
        self.chars, self.starts, self.ends = [], [], []

    def add(self, text: str, start: int, end: int) -> None:
        """Each character of `text` stands for file[start:end] (an escape, a stand-in)."""
        self.chars.append(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def copy(self, file_text: str, start: int, end: int) -> None:
        self.chars.append(file_text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def span(self, place: Place, start: int, end: int) -> None:
        """place.text[start:end], each character with its own span in the file."""
        self.chars.append(place.text[start:end])
        if place.starts is None:
            self.starts.extend(range(place.base + start, place.base + end))
            self.ends.extend(range(place.base + start + 1, place.base + end + 1))
        else:
            self.starts.extend(place.starts[start:end])
            self.ends.extend(place.ends[start:end])

    def place(self, **kw) -> Place:
        return Place(text="".join(self.chars), starts=self.starts, ends=self.ends, **kw)


STAND_IN = "${AMPLIFYSHIM%s%d}"


def with_stand_ins(place: Place, pattern, kind: str) -> Place:
    """The place with each match of `pattern` (text a CI system substitutes before the shell runs, such as
    GitHub's `${{ … }}`) read as a shell variable the planner keeps as written; new text gets the original back."""
    matches = list(pattern.finditer(place.text)) if "{" in place.text else None
    if not matches:
        return place
    out, at, sources = Decoded(), 0, {}
    for match in matches:
        out.span(place, at, match.start())
        word = STAND_IN % (kind, len(sources))
        sources[word] = match.group()
        out.add(word, *place.raw_span(match.start(), match.end()))
        at = match.end()
    out.span(place, at, len(place.text))
    encode, earlier = place.encode, place.restore

    def restore(new: str) -> str:
        for word, source in sources.items():
            new = new.replace(word, source)
        return earlier(new)

    def encode_back(new: str) -> str:
        new = restore(new)
        if "AMPLIFYSHIM" in new:
            raise Unencodable("the new text would hold the rewriter's own stand-in")
        return encode(new)
    return out.place(where=place.where, grammar=place.grammar, encode=encode_back, marker=place.marker,
                     error=place.error, error_marks=place.error_marks, restore=restore)
