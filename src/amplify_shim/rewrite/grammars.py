"""The maintained grammars the rewriter reads files with (tree-sitter and its bash, YAML, Make and
PowerShell grammars), loaded on first use: `amplify` itself never imports them.

Offsets: tree-sitter counts bytes of UTF-8; the rewriter edits str. `Offsets` converts between the
two in O(log n) per query, at the cost of one pass over the non-ASCII characters only.
"""

from __future__ import annotations

import bisect
import functools
import re

_MODULES = {"bash": "tree_sitter_bash", "yaml": "tree_sitter_yaml", "make": "tree_sitter_make",
            "powershell": "tree_sitter_powershell"}


from .scan_json import NotAPackage


class GrammarMissing(NotAPackage):
    """A grammar package is not installed: `amplify-shim rewrite` cannot read this kind of file. (A NotAPackage, so
    that run.py reports it as one line naming the file, like any file it cannot read.)"""


@functools.lru_cache(maxsize=None)
def parser(name: str):
    import importlib

    try:
        import tree_sitter

        module = importlib.import_module(_MODULES[name])
    except ImportError as exc:
        import sys

        fix = ("it is published for Python 3.10 and later only: run amplify-shim on a newer Python"
               if name == "powershell" and sys.version_info < (3, 10) else "reinstall amplify-shim with its dependencies")
        raise GrammarMissing(f"cannot be read: the {name} grammar ({exc.name}) is not installed; {fix}") from None
    return tree_sitter.Parser(tree_sitter.Language(module.language()))


def parse(name: str, text: str):
    """(tree, utf-8 bytes) of text read with grammar `name`."""
    data = text.encode("utf-8", "surrogatepass")
    return parser(name).parse(data), data


_WIDE = re.compile(r"[^\x00-\x7f]")


class Offsets:
    """Byte offset <-> str offset in one text."""

    def __init__(self, text: str) -> None:
        self.wide_chars, self.wide_bytes = [], []  # str offset of each non-ASCII char, and its byte offset
        extra = 0
        for match in ([] if text.isascii() else _WIDE.finditer(text)):
            at = match.start()
            self.wide_chars.append(at)
            self.wide_bytes.append(at + extra)
            extra += len(match.group().encode("utf-8", "surrogatepass")) - 1
        self._extra = []
        running = 0
        for at in self.wide_chars:
            running += len(text[at].encode("utf-8", "surrogatepass")) - 1
            self._extra.append(running)

    def char(self, byte: int) -> int:
        if not self.wide_chars:
            return byte
        k = bisect.bisect_left(self.wide_bytes, byte)  # wide chars wholly before `byte`
        return byte - (self._extra[k - 1] if k else 0)

    def byte(self, char: int) -> int:
        if not self.wide_chars:
            return char
        k = bisect.bisect_left(self.wide_chars, char)
        return char + (self._extra[k - 1] if k else 0)
