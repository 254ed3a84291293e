"""JavaScript workspaces (pnpm, yarn, npm, bun) around a Gen 2 project, and the Gen 2 projects below a folder.

A Gen 2 backend often lives in `packages/backend` of a monorepo whose lockfile, `packageManager`
and hoisted node_modules are at the workspace root. `find(project, …)` walks up from the project
root to the repository root (the folder holding .git; without one, to the file system root) and
stops at the first folder that declares a workspace including the project: `pnpm-workspace.yaml`,
or `workspaces` in package.json (yarn, npm, bun). Only those two files are read above the project
root, and the root's lockfile is only looked at (a stat). Standard library only: the fast path.
"""

from __future__ import annotations

import os

from .files import JSON_LIMIT, FileProblem, decode_utf8, read_capped, read_json_object

PNPM_WORKSPACE = "pnpm-workspace.yaml"
SKIP = {"node_modules", "dist", "build", "cdk.out", "amplify"}  # never a project folder to look into
BELOW_DEPTH = 3  # packages/backend, apps/web/backend: deep enough for real monorepos
BELOW_LIMIT = 2000  # folders looked at, at most: a home folder is not searched


def _above(start: str):
    """The folders above start, up to the repository root (inclusive) or the file system root."""
    current = start
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent
        yield current


def pnpm_patterns(text: str) -> list[str]:
    """The `packages:` globs of a pnpm-workspace.yaml: a tolerant reader of its one list, not YAML."""
    patterns, inside = [], False
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not raw[:1].isspace():
            key = line.split(":", 1)[0].strip()
            inside = key == "packages"
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if inside and rest.startswith("["):  # packages: ["apps/*", "packages/*"]
                patterns += [p.strip().strip("'\"") for p in rest.strip("[]").split(",") if p.strip()]
                inside = False
            continue
        item = line.strip()
        if inside and item.startswith("-"):
            patterns.append(item[1:].strip().strip("'\""))
    return [p for p in patterns if p]


def _json_patterns(data: dict) -> list[str] | None:
    """package.json `workspaces`: a list of globs, or {"packages": [...]} (yarn); None when absent."""
    value = data.get("workspaces")
    if isinstance(value, dict):
        value = value.get("packages")
    if isinstance(value, list):
        return [p for p in value if isinstance(p, str)]
    return None


def includes(patterns: list[str], relative: str) -> bool:
    """Whether a workspace's globs take in the package at `relative` (a/b, '/'-separated)."""
    from fnmatch import fnmatchcase  # imports re: only where a workspace is declared

    included = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern[1:] if negated else pattern
        glob = glob.removeprefix("./").strip("/")
        if fnmatchcase(relative, glob):
            included = not negated
    return included


def find(project: str, warnings: list) -> tuple | None:
    """(workspace root, the file that declares it) for the workspace that includes `project`, or None."""
    for directory in _above(project):
        relative = os.path.relpath(project, directory).replace(os.sep, "/")
        pnpm = os.path.join(directory, PNPM_WORKSPACE)
        try:
            raw = read_capped(pnpm, JSON_LIMIT)
        except FileProblem as exc:
            warnings.append(str(exc))
            raw = None
        if raw is not None:
            try:
                patterns = pnpm_patterns(decode_utf8(pnpm, raw))
            except FileProblem as exc:
                warnings.append(str(exc))
                patterns = []
            if includes(patterns, relative):
                return directory, pnpm
        package = os.path.join(directory, "package.json")
        if os.path.lexists(package):
            patterns = _json_patterns(read_json_object(package, warnings) or {})
            if patterns is not None and includes(patterns, relative):
                return directory, package
    return None


def gen2_projects_below(start: str, markers: tuple) -> list[str]:
    """The Gen 2 projects (folders holding one of `markers`) below start, relative to it, nearest first."""
    found: list[str] = []
    level, seen = [start], 0
    for _ in range(BELOW_DEPTH):
        below = []
        for directory in level:
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                seen += 1
                if seen > BELOW_LIMIT:
                    return found
                if entry.name.startswith(".") or entry.name in SKIP or not entry.is_dir(follow_symlinks=False):
                    continue
                if any(os.path.isfile(os.path.join(entry.path, marker)) for marker in markers):
                    found.append(os.path.relpath(entry.path, start))
                else:
                    below.append(entry.path)
        level = below
    return found
