"""What `rewrite` prints: diffs (stdout), findings as JSON (stdout), and one line per problem (stderr)."""

from __future__ import annotations

import os

from ..files import shown
from ..render.text import TEXT_LIMIT, json_text, printable
from .diff import unified

ATTENTION = ("not-converted",)


def one_line(text: str) -> str:
    return printable(" ".join(text.split()), TEXT_LIMIT)


def diff_name(path: str) -> str:
    """The path a diff header names after `a/`: relative to the working directory when the file is under it,
    else without its root (`git apply` refuses `a//tmp/x`, and `-p1` then finds the file from `/`)."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, here).replace(os.sep, "/")
    if os.path.isabs(path):
        return os.path.splitdrive(absolute)[1].replace(os.sep, "/").lstrip("/")
    return path.replace(os.sep, "/")


def diffs(results: list, escape: bool = True) -> str:
    return "".join(unified(shown(diff_name(r.path)), r.body, r.edits, escape) for r in results if r.changed)


def as_json(results: list) -> str:
    payload = {"files": [{"file": r.path, "changed": r.changed, "error": r.problem or r.unwritten} for r in results],
               "findings": [f.to_json() for r in results for f in r.findings]}
    return json_text(payload)


def summary(results: list, wrote: bool) -> str:
    """A line per finding that needs a person, then the counts."""
    lines, counts, said = [], {"rewritten": 0, "not-converted": 0, "kept": 0}, {}
    for result in results:
        name = shown(result.path)
        for f in result.findings:
            if not result.unwritten:  # a file left as it was rewrote nothing
                counts[f.status] = counts.get(f.status, 0) + 1
            if f.status in ATTENTION or f.status == "kept":
                reason = f.reason or ""
                line = said.get(reason)
                if line is None:  # a reason repeats for each call of the same words
                    line = said[reason] = one_line(reason)
                lines.append(f"{name if f.file == result.path else shown(f.file)}:{f.line}: {f.status}: {line}\n")
    changed = sum(1 for r in results if r.changed and not r.unwritten)
    failed = sum(1 for r in results if r.unwritten)
    verb = "rewrote" if wrote else "would change"
    not_written = f" ({failed} could not be written: unchanged)" if failed else ""
    lines.append(f"amplify-shim: {verb} {changed} of {len(results)} file(s){not_written}: "
                 f"{counts['rewritten']} command(s) rewritten, "
                 f"{counts['not-converted']} not converted"
                 + (f", {counts['kept']} kept for the Gen 1 CLI" if counts["kept"] else "") + "\n")
    return "".join(lines)
