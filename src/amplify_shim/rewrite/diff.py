"""A unified diff of one file from the rewriter's own edits, as `git apply` and `patch` read it.

Built from the edits (exact spans) rather than by comparing texts: linear in the file's size,
where difflib takes seconds on a 5,000-line file with hundreds of changes. Lines keep their own
endings (a CRLF line shows as CRLF), a last line without one gets `\\ No newline at end of file`.
Control characters inside a line (ESC, a lone CR…) are written as escapes when the diff goes to a
terminal (file content must never drive it), and as they are otherwise: a patch with escapes in it
does not apply.
"""

from __future__ import annotations

import bisect
import itertools
import operator

from ..files import shown
from .pause import collector_paused

NO_NEWLINE = "\\ No newline at end of file\n"
CONTEXT = 3
_ORDER = operator.itemgetter(0, 2)  # by offset; at one offset a marker (0) before a replacement (1)


def split_lines(text: str) -> list:
    """Lines with their endings; only \\n ends a line (not \\x0c or U+2028, as str.splitlines has it)."""
    parts = text.split("\n")
    out = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def _safe(line: str, escape: bool) -> str:
    body, end = (line[:-2], "\r\n") if line.endswith("\r\n") else ((line[:-1], "\n") if line.endswith("\n") else (line, ""))
    if escape and not body.isprintable():
        body = "\t".join(shown(part) for part in body.split("\t"))  # a tab is content (Makefile recipes)
    return body + end + ("" if end else "\n" + NO_NEWLINE)


def _groups(text: str, starts: list, edits: list) -> list:
    """[(first old line, end old line, new text of those lines)]: each edit widened to whole lines, merged."""
    groups, top, lo, after = [], -1, 0, bisect.bisect_right  # top: the current group's end line
    for start, end, _, new in sorted(edits, key=_ORDER):
        first = after(starts, start, lo) - 1  # (the edits come in order: each search starts at the last line found)
        lo = first
        last = first if end == start else after(starts, end - 1, first)
        if first <= top:  # touching blocks read as one change, as git shows them
            group = groups[-1]
            if last > top:
                group[1] = top = last
            group[2].append((start, end, new))
        else:
            top = last
            groups.append([first, last, [(start, end, new)]])
    out, lines = [], len(starts)
    for first, last, spans in groups:
        at, pieces = starts[first], []
        for start, end, new in spans:
            pieces += [text[at:start], new]
            at = end
        pieces.append(text[at:starts[last] if last < lines else len(text)])
        out.append((first, last, "".join(pieces)))
    return out


def unified(shown_path: str, text: str, edits: list, escape: bool = True) -> str:
    """The diff of applying `edits` (engine.find_edits) to `text`; "" when there are none. `escape`:
    control characters shown as escapes (for a terminal; the patch then no longer applies)."""
    if not edits:
        return ""
    with collector_paused():
        return _unified(shown_path, text, edits, escape)


def _unified(shown_path: str, text: str, edits: list, escape: bool) -> str:
    old = split_lines(text)
    starts = [0, *itertools.accumulate(map(len, old))]
    starts.pop()
    groups = _groups(text, starts, edits)
    hunks, current = [], []
    for group in groups:
        if current and group[0] - current[-1][1] > 2 * CONTEXT:
            hunks.append(current)
            current = []
        current.append(group)
    hunks.append(current)
    out = [f"--- a/{shown_path}\n", f"+++ b/{shown_path}\n"]
    shift = 0  # new line number minus old line number so far
    for hunk in hunks:
        first, last = max(hunk[0][0] - CONTEXT, 0), min(hunk[-1][1] + CONTEXT, len(old))
        body, at, added = [], first, 0
        for a, b, new in hunk:
            body += [" " + line for line in old[at:a]] + ["-" + line for line in old[a:b]]
            fresh = split_lines(new)
            body += ["+" + line for line in fresh]
            added += len(fresh) - (b - a)
            at = b
        body += [" " + line for line in old[at:last]]
        count_old, count_new = last - first, last - first + added
        out.append(f"@@ -{_range(first, count_old)} +{_range(first + shift, count_new)} @@\n")
        chunk = "".join(body)
        if chunk.count("\n") == len(body) and (not escape or chunk.replace("\n", "").isprintable()):
            out.append(chunk)  # every line ends with \n and holds nothing to escape: _safe would return each as it is
        else:
            out.extend(_safe(line, escape) for line in body)
        shift += added
    return "".join(out)


def _range(first: int, count: int) -> str:
    start = first + 1 if count else first
    return f"{start}" if count == 1 else f"{start},{count}"
