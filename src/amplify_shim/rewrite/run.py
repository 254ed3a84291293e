"""Rewrite named files: read, detect, rewrite, and say what could not be read (one line, never a traceback)."""

from __future__ import annotations

from ..files import FileProblem, shown
from ..record import Record
from . import fileio
from .engine import apply, find_edits
from .formats import detect
from .pause import collector_paused
from .scan_json import NotAPackage

KINDS = "package.json, *.yml/*.yaml, *.sh/*.bash, *.ps1, Makefile/*.mk, *.md"


class FileResult(Record):
    # old/new: the whole text (a BOM included); body/edits: the text the edits apply to (no BOM)
    # problem: why the file was not read; unwritten: why --write could not replace it (the file unchanged)
    _fields = (("path", ""), ("old", ""), ("new", ""), ("body", ""), ("edits", list), ("findings", list),
               ("problem", None), ("unwritten", None))
    __slots__ = tuple(name for name, _ in _fields)

    @property
    def changed(self) -> bool:
        return self.problem is None and self.new != self.old


def rewrite_file(path: str) -> FileResult:
    result = FileResult(path=path)
    try:
        text = fileio.read(path)
    except FileProblem as problem:
        result.problem = str(problem)
        return result
    bom = text[:1] == fileio.BOM
    body = text[1:] if bom else text
    fmt = detect(path, body)
    if fmt is None:
        result.problem = f"{shown(path)}: cannot tell what kind of file this is ({KINDS}); {fileio.SKIPPED}"
        return result
    try:
        with collector_paused():
            result.edits, result.findings = find_edits(path, body, fmt)
            new = apply(body, result.edits)
    except NotAPackage as exc:
        result.problem = f"{shown(path)} {exc}; {fileio.SKIPPED}"
        return result
    result.body, result.old, result.new = body, text, (fileio.BOM + new if bom else new)
    return result
