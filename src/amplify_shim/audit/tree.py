"""The project's files as the audit reads them: only through amplify_shim.files, every problem a fact.

Paths are relative to the project root, with "/" (what the report shows). Listing never follows a
symlinked directory (no loops); reading refuses FIFOs, devices, oversized and non-UTF-8 files.
"""

from __future__ import annotations

import bisect
import os
import re
from typing import NamedTuple, Optional

from .. import files

SOURCE_LIMIT = 512 << 10  # a schema, an override.ts or a source file; larger ones are generated bundles


class Fact(NamedTuple):
    """One thing found: a finding kind, where (file relative to the root, line or None), and what."""

    kind: str
    file: str
    line: Optional[int]
    detail: str


class Tree:
    def __init__(self, root: str):
        self.root = root
        self._real_root = os.path.realpath(root)
        self.facts: list = []
        self._texts: dict = {}
        self._index: dict = {}
        self._reals: dict = {}

    def add(self, kind: str, file: str, line: Optional[int], detail: str) -> None:
        self.facts.append(Fact(kind, file, line, detail))

    def path(self, rel: str) -> str:
        return os.path.join(self.root, rel.replace("/", os.sep)) if rel else self.root

    def problem(self, rel: str, message: str) -> None:
        """A file problem; its one-line message names the file, which the report already shows: "it"."""
        self.add("problem", rel, None, message.replace(files.shown(self.path(rel)), "it", 1))

    def exists(self, rel: str) -> bool:
        """Something is there (a symlink out of the project too: reading it is what is refused)."""
        return _plain_names(rel) and os.path.lexists(self.path(rel))

    def _inside(self, rel: str) -> bool:
        """A path built from names in the project's files stays in the project: no "." or ".." names, and
        no symlink or drive out of it (a pull request must not make CI print pieces of /etc files)."""
        if not _plain_names(rel):
            return False
        real = self._real(rel)
        return real == self._real_root or real.startswith(self._real_root.rstrip(os.sep) + os.sep)

    def _real(self, rel: str) -> str:
        """os.path.realpath of a path in the project, its folders resolved once each (a project naming
        40,000 resources reads many files in few folders)."""
        if rel not in self._reals:
            parent, _, name = rel.rpartition("/")
            full = os.path.join(self._real(parent) if parent else self._real_root, name)
            self._reals[rel] = os.path.realpath(full) if os.path.islink(full) else full
        return self._reals[rel]

    def _outside(self, rel: str) -> None:
        self.problem(rel, "it is not a path inside the project (a \"..\" name, or a symlink out of it); not audited")

    def text(self, rel: str, limit: int = SOURCE_LIMIT) -> Optional[str]:
        """The file's text (None if missing; a problem fact if unreadable)."""
        if rel not in self._texts:
            path = self.path(rel)
            if _plain_names(rel) and not os.path.lexists(path):  # missing: one system call, no resolving
                self._texts[rel] = None
                return None
            if not self._inside(rel):
                self._texts[rel] = None
                if os.path.lexists(path):
                    self._outside(rel)
                return None
            try:
                raw = files.read_capped(path, limit, "not audited")
                self._texts[rel] = None if raw is None else files.decode_utf8(path, raw, "not audited")
            except files.FileProblem as exc:
                self.problem(rel, str(exc))
                self._texts[rel] = None
        return self._texts[rel]

    def json(self, rel: str) -> Optional[dict]:
        """The file's JSON object (None if missing; a problem fact if unreadable or not an object)."""
        text = self.text(rel, files.JSON_LIMIT)
        if text is None:
            return None
        try:
            return files.parse_json_object(self.path(rel), text, "not audited")
        except files.FileProblem as exc:
            self.problem(rel, str(exc))
            return None

    def json_list(self, rel: str) -> Optional[list]:
        """The file's JSON array (user-pool-group-precedence.json, custom-policies.json); None if missing,
        a problem fact if unreadable or not an array (the same checks as files.parse_json_object)."""
        text = self.text(rel, files.JSON_LIMIT)
        if text is None:
            return None
        import json

        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            return self.problem(rel, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}); not audited")
        except RecursionError:
            return self.problem(rel, "it is nested too deeply to read; not audited")
        except ValueError:  # an integer longer than sys.get_int_max_str_digits()
            return self.problem(rel, "it holds a number too large to read; not audited")
        if not isinstance(value, list):
            self.problem(rel, "it does not hold a JSON array; not audited")
            return None
        return value

    def entries(self, rel: str) -> list:
        """Sorted (name, is_dir) of a folder; [] when it is missing; a problem fact when unreadable."""
        if rel and not self._inside(rel):
            self._outside(rel)
            return []
        try:
            with os.scandir(self.path(rel)) as scan:
                return sorted((e.name, e.is_dir(follow_symlinks=False)) for e in scan)
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            self.problem(rel, f"cannot list {files.shown(rel)} ({exc.strerror or exc.__class__.__name__}); not audited")
            return []

    def dirs(self, rel: str) -> list:
        return [name for name, is_dir in self.entries(rel) if is_dir]

    def locate(self, rel: str, *steps: str) -> Optional[int]:
        """The line of the last of `steps` found in order in the file's text: each step is a JSON key
        (`"name":`) or, written `=value`, a JSON string (a key or a value). None when the text or a step is
        missing. The file's strings are indexed once, so a backend-config.json naming 40,000 resources is
        located in one pass, not one search from the top per resource."""
        text = self._texts.get(rel)
        if not text:
            return None
        index = self._index.get(rel)
        if index is None:
            index = self._index[rel] = _Index(text)
        pos = 0
        for step in steps:
            places = index.anywhere.get(step[1:]) if step.startswith("=") else index.keys.get(step)
            at = bisect.bisect_left(places or (), pos)
            if not places or at == len(places):
                return None
            pos = places[at]
        return bisect.bisect_right(index.newlines, pos) + 1


class _Index:
    """Where each JSON string of a text starts: as a key, and anywhere; and where its lines end."""

    def __init__(self, text: str):
        self.keys: dict = {}
        self.anywhere: dict = {}
        for match in _STRING.finditer(text):
            raw, start = match.group(1), match.start()
            self.anywhere.setdefault(raw, []).append(start)
            if match.group(2):
                self.keys.setdefault(raw, []).append(start)
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]


_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?')  # a string, and the colon that makes it a key
_NEWLINE = re.compile("\n")


def _plain_names(rel: str) -> bool:
    parts = rel.split("/")
    return "" not in parts and "." not in parts and ".." not in parts and "\0" not in rel


def strings(value) -> list:
    """The strings in a JSON list (anything else in it ignored); [] for a non-list."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def items(value) -> list:
    return value if isinstance(value, list) else []


def obj(value) -> dict:
    return value if isinstance(value, dict) else {}
