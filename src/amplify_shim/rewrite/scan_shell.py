"""Segments of shell-like files: sh/bash scripts, PowerShell scripts, Makefile recipes.

One segment per logical line (backslash or, in PowerShell, backtick continuations joined),
only where the word `amplify` occurs at all (cheap: most lines never reach the lexer).
Here-documents and PowerShell here-strings and block comments are skipped, not read as commands.
"""

from __future__ import annotations

from .segments import Marker, indent_of, lines, plain

NEEDLE = "amplify"


def _continued(text: str, start: int, end: int, escape: str) -> bool:
    run = 0
    while end - run - 1 >= start and text[end - run - 1] == escape:
        run += 1
    return run % 2 == 1


def _heredoc_end(text: str, content_start: int, content_end: int) -> str | None:
    """The delimiter of a here-document opened on this line (`<<EOF`, `<<-'EOF'`), or None."""
    at = text.find("<<", content_start, content_end)
    if at < 0 or text.startswith("<<<", at):
        return None
    rest = text[at + 2:content_end].lstrip("-").lstrip().strip("'\"")
    word = ""
    for c in rest:
        if not (c.isalnum() or c == "_"):
            break
        word += c
    return word or None


def logical_lines(text: str, region: tuple, escape: str, skip_start=None):
    """(pieces, first line start, line number) of each logical line in text[region]."""
    a, b = region
    physical = list(lines(text, a, b))
    number = text.count("\n", 0, a) + 1
    index, heredoc = 0, None
    while index < len(physical):
        start, content, _ = physical[index]
        line = number + index
        index += 1
        if heredoc is not None:
            if text[start:content].strip("\t") == heredoc:
                heredoc = None
            continue
        closer = skip_start(text[start:content]) if skip_start is not None else None
        if closer:
            while index < len(physical):
                index += 1
                if closer in text[physical[index - 1][0]:physical[index - 1][1]]:
                    break
            continue
        pieces = [(start, content)]
        while _continued(text, start, content, escape) and index < len(physical):
            pieces[-1] = (pieces[-1][0], content - 1)
            start, content, _ = physical[index]
            index += 1
            pieces.append((start, content))
        if escape == "\\":
            heredoc = _heredoc_end(text, pieces[-1][0], pieces[-1][1])
        yield pieces, pieces[0][0], line


def shell_segments(text: str, region=None, *, flavour="sh", shell="bash", prompt=None, make=False, marker_prefix="#"):
    """Segments of a script (or of a Markdown code block, `region`), for the rewriter."""
    region = region or (0, len(text))
    escape = "`" if flavour == "ps" else "\\"
    for pieces, line_start, line in logical_lines(text, region, escape, _ps_skip if flavour == "ps" else None):
        first_start, first_end = pieces[0]
        if not any(NEEDLE in text[s:e] for s, e in pieces):
            continue
        indent = indent_of(text, first_start, first_end)
        body = first_start + len(indent)
        if make:
            if indent[:1] != "\t":
                continue  # not a recipe line
            body = first_start + 1
            while body < first_end and text[body] in "@-+":
                body += 1
        if prompt is not None:
            shown = prompt(text[body:first_end])
            if shown is None:
                continue
            body += shown
        pieces = [(body, first_end)] + pieces[1:]
        mark = Marker(offset=line_start, indent="" if make else indent, prefix=marker_prefix)
        yield plain(text, pieces, line, flavour=flavour, shell=shell, make=make, marker=mark)


def _ps_skip(line: str) -> str | None:
    """What ends a PowerShell here-string or block comment opened on this line."""
    stripped = line.rstrip()
    for opener, closer in (("@'", "'@"), ('@"', '"@')):
        if stripped.endswith(opener):
            return closer
    if line.lstrip().startswith("<#") and "#>" not in line:
        return "#>"
    return None
