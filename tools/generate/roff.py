"""A small roff (man(7)) writer for the generated man pages.

Two layers:

* inline functions return *escaped roff text* (a str that is safe inside a
  text line or a quoted macro argument): `escape` for prose characters,
  `word`/`code`/`url` for things a reader types or pastes, `inline` for
  prose whose `backtick spans` are code;
* `Page` collects requests and text lines and renders the page, so that no
  text line starts with a control character, and no line is blank or ends
  in white space.

Conventions (groff_man(7), mandoc_char(7)): every `-` is written `\\-` so that
options and commands survive copy and paste as ASCII; quotes, backticks,
`~` and `^` are written as named glyphs for the same reason; a backslash is
`\\e`; non-ASCII characters become `\\[uXXXX]`. Code words get `\\%` (never
hyphenated); URLs keep plain hyphens and may break after `/` (`\\:`) or a
hyphen, since a documentation URL can be wider than the page. Fonts are
switched with `\\fB`/`\\fI` and always return to `\\fR`. Pages are set
ragged-right (`.ad l`): no stretched spaces inside commands.
"""

from __future__ import annotations

import re

_CHARS = {
    "\\": r"\e",
    "-": r"\-",
    "'": r"\(aq",
    "`": r"\(ga",
    '"': r"\(dq",
    "~": r"\(ti",
    "^": r"\(ha",
    "\t": " ",
    "\n": " ",
    "\r": " ",
    "\u00a0": " ",  # a no-break space is a space: `\\ ` would reach a copied command as U+00A0
}
# Non-ASCII characters with a portable (ASCII-device) rendering of their own.
_NAMED = {
    "\u2026": r".\|.\|.",  # ellipsis
    "\u2013": r"\(en",
    "\u2014": r"\(em",
    "\u2018": r"\(oq",
    "\u2019": r"\(cq",
    "\u201c": r"\(lq",
    "\u201d": r"\(rq",
    "\u2192": r"\(->",
    "\u00d7": r"\(mu",
}
_CODE_SPAN = re.compile(r"`([^`]+)`")
_URL = re.compile(r"https?://\S+")
# A prose word that is really a name someone types: an option, a path, a
# variable, a package. It is kept whole (no hyphenation).
_CODE_LIKE = re.compile(r"[-/_=@<>{}.:]")
# Text lines in the generated source are wrapped to this many bytes.
SOURCE_WIDTH = 80
# A word that ends a sentence as roff sees it, fonts and closing punctuation aside.
_SENTENCE_END = re.compile(r"[.?!](\\f[BIRP]|[)\]\"']|\\\(cq|\\\(rq|\\\(dq|\\\(aq)*$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def escape(text: str) -> str:
    """Escape characters for a text line or a quoted macro argument."""
    out = []
    for char in text:
        if char in _CHARS:
            out.append(_CHARS[char])
        elif char in _NAMED:
            out.append(_NAMED[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            continue  # control characters have no business in a man page
        elif ord(char) > 0x7E:
            out.append(f"\\[u{ord(char):04X}]")
        else:
            out.append(char)
    return "".join(out)


def word(text: str) -> str:
    """One word a reader may type: escaped and never hyphenated."""
    return r"\%" + escape(text) if text else ""


def url(text: str) -> str:
    """A URL: never hyphenated, but it may break after a `/` (groff) or a `-` (groff, mandoc).

    A documentation URL can be longer than an 80-column line. Its hyphens stay
    plain `-` (an ASCII hyphen-minus in both formatters, and a break point);
    `\\:` is an optional break after each `/` of the path.
    """
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "", text
    parts = [escape(p).replace(r"\-", "-") for p in rest.split("/")]
    return r"\%" + escape(scheme + sep) + r"/\:".join(parts)


def bold(roff: str) -> str:
    return rf"\fB{roff}\fR" if roff else ""


def italic(roff: str) -> str:
    return rf"\fI{roff}\fR" if roff else ""


def code(text: str) -> str:
    """A command line or other literal: bold, each word kept whole; lines break only at spaces.

    (Not at unbreakable spaces either: mandoc renders `\\ ` as U+00A0, which a
    shell does not take for a space when the command is copied.)
    """
    return bold(" ".join(word(w) for w in text.split()))


def _prose_word(token: str) -> str:
    match = _URL.match(token)
    if match:
        end = match.end()
        # keep sentence punctuation after the URL out of it
        while end > match.start() and token[end - 1] in ".,;:)":
            end -= 1
        return url(token[:end]) + escape(token[end:])
    if _CODE_LIKE.search(token.rstrip(".,;:)")):
        return word(token)
    return escape(token)


def inline(text: str) -> str:
    """Prose: `backtick spans` become bold code, URLs may break after `/`, the rest is escaped."""
    out = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_prose(text[position:match.start()]))
        out.append(code(match.group(1)))
        position = match.end()
    out.append(_prose(text[position:]))
    return "".join(out)


def _prose(text: str) -> str:
    # Keep the original spacing between tokens (collapsed to one space).
    pieces = re.split(r"(\s+)", text)
    return "".join(" " if piece.isspace() else _prose_word(piece) for piece in pieces if piece)


def _no_hyphenation_first(roff_word: str) -> str:
    """Move `\\%` to the start of its word: only there does it mean "do not hyphenate".

    Anywhere else groff takes it for a hyphenation point, so `[\\fB\\%\\-\\-json`
    could break after the `[`.
    """
    if r"\%" not in roff_word or roff_word.startswith(r"\%") and roff_word.count(r"\%") == 1:
        return roff_word
    return r"\%" + roff_word.replace(r"\%", "")


def _wrap(words: list[str], width: int = SOURCE_WIDTH) -> list[str]:
    """Input lines of at most `width` bytes where possible (a long word stays whole).

    No line ends in a word that ends a sentence: at the end of an input line
    roff would add sentence space after it, which it does not do mid-line.
    """
    lines: list[str] = []
    current: list[str] = []
    for word_ in words:
        if current and len(" ".join(current)) + 1 + len(word_) > width:
            cut = _last_safe_break(current)
            if cut:
                lines.append(" ".join(current[:cut]))
                current = current[cut:]
        current.append(word_)
    if current:
        lines.append(" ".join(current))
    return lines


def _last_safe_break(words: list[str]) -> int:
    """How many of `words` may end a line: the last one that does not end a sentence."""
    for cut in range(len(words), 0, -1):
        if not _SENTENCE_END.search(words[cut - 1]):
            return cut
    return 0


def argument(roff: str) -> str:
    """A macro argument: quoted, so spaces stay inside it."""
    return '"' + roff.replace('"', r"\(dq") + '"'


class Page:
    """A man(7) page built from requests and text lines, rendered deterministically."""

    def __init__(self, name: str, section: str, *, date: str = "", source: str = "", manual: str = "",
                 adjust_left: bool = True):
        self.lines: list[str] = []
        if date and not _DATE.fullmatch(date):
            raise ValueError(f"man page date must be YYYY-MM-DD, not {date!r}")
        # The date stays as is: mandoc parses it, and `\-` would not be a date.
        self.request("TH", escape(name.upper()), section, date, escape(source), escape(manual))
        if adjust_left:
            self.request("ad", "l")  # ragged right: no stretched spaces inside commands and URLs

    # -- low level -------------------------------------------------------------
    def request(self, macro: str, *args: str) -> "Page":
        """A request line; each argument is escaped roff text and is quoted when needed."""
        parts = ["." + macro]
        for arg in args:
            parts.append(argument(arg) if (not arg or " " in arg or '"' in arg) else arg)
        while len(parts) > 1 and parts[-1] == '""':
            parts.pop()  # trailing empty arguments say nothing
        self.lines.append(" ".join(parts))
        return self

    def text(self, roff: str) -> "Page":
        """One or more text lines of escaped roff; blank lines are dropped."""
        for line in roff.split("\n"):
            words = [_no_hyphenation_first(w) for w in line.split()]
            for chunk in _wrap(words):
                if chunk[0] in ".'":
                    chunk = r"\&" + chunk
                self.lines.append(chunk)
        return self

    def comment(self, text: str) -> "Page":
        for line in text.splitlines():
            self.lines.append((r'.\" ' + line).rstrip())
        return self

    # -- structure -------------------------------------------------------------
    def section(self, title: str) -> "Page":
        return self.request("SH", escape(title.upper()))

    def subsection(self, title: str) -> "Page":
        return self.request("SS", escape(title))

    def paragraph(self, roff: str = "") -> "Page":
        """A new paragraph; right after a heading the heading already started one."""
        if not self._after_heading():
            self.request("PP")
        return self.text(roff)

    def _after_heading(self) -> bool:
        last = self.lines[-1] if self.lines else ""
        return last.startswith((".SH", ".SS", ".PP"))

    def item(self, tag: str, *body: str) -> "Page":
        """A tagged paragraph (.TP): `tag` and each body line are escaped roff."""
        self.request("TP")
        self.text(tag)
        return self.lines_broken(body)

    def indented(self, *body: str) -> "Page":
        """A new paragraph at the current indent (.IP), e.g. a second paragraph under a .TP."""
        self.request("IP")
        return self.lines_broken(body)

    def lines_broken(self, body) -> "Page":
        """Text lines with a line break (.br) between them."""
        first = True
        for roff in body:
            if not roff:
                continue
            if not first:
                self.request("br")
            self.text(roff)
            first = False
        return self

    def example(self, lines) -> "Page":
        """Literal lines (plain text, escaped here), in no-fill mode and a fixed-width font."""
        if not self._after_heading():
            self.request("PP")
        self.request("RS", "4")
        self.request("EX")
        for line in lines:
            line = line.rstrip()
            self.lines.append(r"\&" + escape(line) if line else r"\&")
        self.request("EE")
        self.request("RE")
        return self

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"
