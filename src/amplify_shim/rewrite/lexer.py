"""Split one logical shell line into words and operators, keeping exact spans.

Two flavours: "sh" (POSIX sh/bash, also Makefile recipes with make="$$") and "ps"
(PowerShell). A word is a list of pieces: literal text, or an expansion whose source
text (`$X`, `"$X"`, `${{ github.ref_name }}`, `$(VAR)`, `$env:X`) is kept verbatim,
since the rewriter must hand it back unchanged. Anything this lexer cannot read for
sure (an unclosed quote, a here-document) is a LexError: reported, never guessed.
"""

from __future__ import annotations

import re

_NAME = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"
_SPECIAL = "@*#?$!-0123456789"  # $@ $? $1 …
_OPERATORS = ("&&", "||", ";;", "|&", ";", "|", "&", "(", ")")
REDIRECTS = (">>", ">&", "<&", "&>", ">|", ">", "<")
_OPERATOR_CHARS = frozenset(";|&()<>")
# A run of characters that mean nothing special, read in one step (not on the `amplify` fast path: re is fine).
_PLAIN = {"sh": re.compile(r"[^\s;|&()<>'\"$`\\]+"), "ps": re.compile(r"[^\s;|&()<>'\"$`]+")}


class LexError(ValueError):
    """The line cannot be split with certainty."""


class Word:
    """A word at text[start:end]; pieces: [("lit", text) | ("exp", source text, quoted)].
    (A plain class, not a Record: a 5,000-line file makes tens of thousands of these.)"""
    __slots__ = ("start", "end", "pieces")

    def __init__(self, start: int, end: int, pieces: list):
        self.start, self.end, self.pieces = start, end, pieces

    def literal(self) -> str | None:
        """The word's value when it has no expansion, else None."""
        if any(p[0] == "exp" for p in self.pieces):
            return None
        return "".join(p[1] for p in self.pieces)


class Op:
    """An operator (`&&`, `|`, `;`, a redirection) at text[start:end]."""
    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end


def tokens(text: str, flavour: str = "sh", make: bool = False) -> list:
    """Words and operators of `text` (one logical line); a comment ends it."""
    return _Lexer(text, flavour, make).run()


class _Lexer:
    def __init__(self, text: str, flavour: str, make: bool):
        self.text, self.ps, self.make = text, flavour == "ps", make
        self.escape = "`" if self.ps else "\\"
        self.plain = _PLAIN["ps" if self.ps else "sh"]
        self.i = 0

    def run(self) -> list:
        out, text = [], self.text
        while self.i < len(text):
            c = text[self.i]
            if c in " \t\r\n":
                self.i += 1
            elif c == "#":
                break
            elif text.startswith("<<", self.i) and not self.ps:
                raise LexError("a here-document")
            elif self._operator(out) or self._io_number(out):
                continue
            else:
                out.append(self._word())
        return out

    def _operator(self, out: list) -> bool:
        text, i = self.text, self.i
        if text[i] not in _OPERATOR_CHARS:
            return False
        for op in REDIRECTS + _OPERATORS:
            if text.startswith(op, i):
                if self.ps and op == "&" and text.startswith("&&", i):
                    continue
                out.append(Op(text=op, start=i, end=i + len(op)))
                self.i = i + len(op)
                return True
        return False

    def _io_number(self, out: list) -> bool:
        """`2>&1`: a file descriptor number glued to a redirection belongs to it, not to the arguments."""
        end = self.i
        while end < len(self.text) and self.text[end].isdigit():
            end += 1
        if end == self.i or self.text[end:end + 1] not in ("<", ">"):
            return False
        start, self.i = self.i, end
        self._operator(out)
        out[-1].start = start
        return True

    def _word(self) -> Word:
        text, start = self.text, self.i
        pieces: list = []
        while self.i < len(text):
            c = text[self.i]
            if c in " \t\r\n;|&()<>":
                break
            if c == self.escape:
                if self.i + 1 >= len(text):
                    raise LexError("a line that ends in an escape")
                pieces.append(("lit", text[self.i + 1]))
                self.i += 2
            elif c == "'":
                pieces.append(("lit", self._single()))
            elif c == '"':
                pieces.extend(self._double())
            elif c == "$" or (c == "`" and not self.ps):
                pieces.append(("exp", self._expansion(), False))
            else:
                run = self.plain.match(text, self.i)
                end = run.end() if run else self.i + 1
                pieces.append(("lit", text[self.i:end]))
                self.i = end
        return Word(start=start, end=self.i, pieces=_merge(pieces))

    def _single(self) -> str:
        text = self.text
        end = text.find("'", self.i + 1)
        value = []
        while True:
            if end < 0:
                raise LexError("an unclosed single quote")
            value.append(text[self.i + 1:end])
            self.i = end + 1
            if self.ps and text.startswith("'", self.i):  # PowerShell: '' is one quote
                value.append("'")
                end = text.find("'", self.i + 1)
                continue
            return "".join(value)

    def _double(self) -> list:
        text = self.text
        pieces, self.i = [], self.i + 1
        while self.i < len(text):
            c = text[self.i]
            if c == '"':
                if self.ps and text.startswith('""', self.i):
                    pieces.append(("lit", '"'))
                    self.i += 2
                    continue
                self.i += 1
                return pieces
            if c == self.escape and self.i + 1 < len(text):
                nxt = text[self.i + 1]
                keep = self.ps or nxt in '$`"\\\n'
                pieces.append(("lit", nxt if keep else c + nxt))
                self.i += 2
            elif c == "$" or (c == "`" and not self.ps):
                start = self.i
                self._expansion()
                pieces.append(("exp", '"' + text[start:self.i] + '"', True))
            else:
                pieces.append(("lit", c))
                self.i += 1
        raise LexError("an unclosed double quote")

    def _expansion(self) -> str:
        """Move past one expansion; return its source text."""
        text, start = self.text, self.i
        if text[self.i] == "`":
            end = text.find("`", self.i + 1)
            if end < 0:
                raise LexError("an unclosed backquote")
            self.i = end + 1
            return text[start:self.i]
        self.i += 2 if (self.make and text.startswith("$$", self.i)) else 1
        nxt = text[self.i:self.i + 1]
        if nxt in ("{", "("):
            self._balanced(nxt, "}" if nxt == "{" else ")")
        elif self.ps and text[self.i:self.i + 4].lower() == "env:":
            self.i += 4
            self._name()
        elif nxt and nxt in _NAME:
            self._name()
        elif nxt and nxt in _SPECIAL:
            self.i += 1
        return text[start:self.i]

    def _name(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in _NAME:
            self.i += 1

    def _balanced(self, open_: str, close: str) -> None:
        depth, text = 0, self.text
        while self.i < len(text):
            c = text[self.i]
            self.i += 1
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    return
        raise LexError(f"an unclosed {open_}")


def _merge(pieces: list) -> list:
    """Adjacent literal pieces as one."""
    out: list = []
    for piece in pieces:
        if piece[0] == "lit" and out and out[-1][0] == "lit":
            out[-1] = ("lit", out[-1][1] + piece[1])
        else:
            out.append(piece)
    return out
