"""Text laid out for a width: wrapped at word boundaries, never splitting a word, a command or a URL.

The management views (explain, table, features, doctor, audit) are label/value rows. At a width
where a value fits beside its label column, they are side by side, the value wrapped under itself;
where it does not (a narrow terminal, a long label, a command longer than the column), the row is
stacked: the label on its line, the value below it, indented. Prose wraps at spaces; a command line
or a line of code is `Verbatim`: kept whole, on a line of its own when it is longer than the space
left (the terminal folds it, but it is still one line to copy). A token longer than a line (a URL
at 60 columns) is never cut either.

    width_for(stream) -> int | None     on a terminal: COLUMNS, else its width; None: no wrapping (a pipe)
"""

from __future__ import annotations

import os
import textwrap

MIN_RIGHT = 24  # a value column narrower than this is no column: the row is stacked
STACK_INDENT = "    "


class Verbatim(str):
    """A line shown as it is (a command, code): never wrapped."""


def width_for(stream) -> int | None:
    """The width to lay out for on a terminal: COLUMNS when set (as rich, less and git read it), else
    the terminal's own. None when stream is no terminal (a pipe, a file): lines stay whole there, for
    grep and scripts, whatever COLUMNS says (a parent process may export it)."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return max(int(value), 20)
    try:
        return max(os.get_terminal_size(stream.fileno()).columns, 20)
    except (AttributeError, ValueError, OSError):
        return 80


def wrap(text: str, width: int | None, indent: str = "", hang: str | None = None) -> list[str]:
    """`text` at `indent`, wrapped to `width` at spaces (continuation lines at `hang`); a Verbatim
    line, and any token longer than the line, is kept whole."""
    hang = indent if hang is None else hang
    if width is None or isinstance(text, Verbatim) or len(indent) + len(text) <= width:
        return [indent + text]
    lines = textwrap.wrap(_joined(text), width, initial_indent=indent, subsequent_indent=hang,
                          break_long_words=False, break_on_hyphens=False) or [indent]
    return [line.replace(_KEEP, " ") for line in lines]


_KEEP = "\x00"  # a space inside a `code span` while wrapping: the span is one word (never in shown text:
# printable() escapes NUL)


def _joined(text: str) -> str:
    """text with the spaces inside `code spans` made unbreakable (a command quoted in prose stays whole)."""
    if "`" not in text:
        return text
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: no spans to trust
        return text
    return "`".join(part.replace(" ", _KEEP) if i % 2 else part for i, part in enumerate(parts))


def rows(pairs, width: int | None, *, indent: str = "", gap: int = 2, left_max: int = 24,
         label_style: str | None = "bold", styles: dict | None = None) -> list[list[tuple]]:
    """[(label, [line, ...])] as side-by-side or stacked rows (module docstring): a list of lines,
    each a list of (text, style or None) segments (plain text joins them; rich styles them).
    `styles`: label -> the style of that row's value (a warning in yellow)."""
    styles = styles or {}
    left = max((len(label) for label, _ in pairs), default=0)
    if width is not None:
        left = min(left, left_max)
    right = None if width is None else width - len(indent) - left - gap
    out: list[list[tuple]] = []
    for label, lines in pairs:
        lines = list(lines) or [""]
        value_style = styles.get(label)
        if right is None or (len(label) <= left and right >= MIN_RIGHT and
                             all(len(line) <= right for line in lines if isinstance(line, Verbatim)) and
                             all(len(word) <= right for line in lines for word in line.split())):
            pad = " " * (left + gap)
            first = True
            for line in lines:
                for text in wrap(line, None if right is None else len(pad) + right, pad):
                    head = [(indent, None), (label, label_style), (pad[len(label):], None)] if first else [(indent + pad, None)]
                    out.append(head + [(text[len(pad):].rstrip(), value_style)])
                    first = False
            continue
        out.append([(indent, None), (label, label_style)])
        for line in lines:
            out.extend([[(text.rstrip(), value_style)] for text in wrap(line, width, indent + STACK_INDENT)])
    return out


def plain(lines: list[list[tuple]]) -> str:
    """The lines as plain text, each ending in a newline (trailing spaces dropped)."""
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def emit(lines: list[list[tuple]], console=None, stream=None) -> None:
    """Write laid-out lines: styled through a rich console (never re-wrapped or cropped: they are laid
    out already), or as plain text."""
    if console is None:
        import sys

        (stream or sys.stdout).write(plain(lines))
        return
    from rich.text import Text

    for line in lines:
        text = Text.assemble(*[(t, s) if s else t for t, s in line if t])
        text.rstrip()
        console.print(text, soft_wrap=True)
