"""The frontend's use of the Gen 1 config files: a bounded walk over the app's source.

Gen 2 replaces aws-exports.js / amplifyconfiguration.json (.dart) / awsconfiguration.json with
amplify_outputs.json, so every import of them, and every copy of them, is a place to change.
The walk skips dependencies, build output, hidden folders and amplify/, never follows a symlinked
folder, stops after MAX_FILES files and skips source files over the size cap (counted, not read).
"""

from __future__ import annotations

import os
import re

from .tree import SOURCE_LIMIT

MAX_FILES = 5000
MAX_DEPTH = 12
SKIP_DIRS = frozenset({"node_modules", "amplify", "build", "dist", "out", "coverage", "Pods", "DerivedData",
                       "vendor", "__pycache__", "venv", "target", "bower_components"})
EXTENSIONS = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".vue", ".svelte", ".dart", ".swift", ".kt",
              ".java", ".m", ".html")
CONFIG_FILES = frozenset({"aws-exports.js", "aws-exports.ts", "amplifyconfiguration.json",
                          "amplifyconfiguration.dart", "awsconfiguration.json"})
_REFERENCE = re.compile(r"aws-exports|amplifyconfiguration|awsconfiguration")


def scan(tree) -> dict:
    """Add frontend.config facts to tree; return the walk's limits (files read, skipped, stopped)."""
    limits = {"source_files": 0, "skipped_large": 0, "stopped_at_file_cap": False}
    stack = [("", 0)]
    while stack:
        rel, depth = stack.pop()
        for name, is_dir in reversed(tree.entries(rel)):
            child = f"{rel}/{name}" if rel else name
            if is_dir:
                if depth < MAX_DEPTH and name not in SKIP_DIRS and not name.startswith("."):
                    stack.append((child, depth + 1))
                continue
            if name in CONFIG_FILES:
                tree.add("frontend.config", child, None, f"Gen 1 config file {name}")
                continue
            if not name.endswith(EXTENSIONS):
                continue
            if limits["source_files"] >= MAX_FILES:
                limits["stopped_at_file_cap"] = True
                return limits
            if _too_large(tree.path(child)):
                limits["skipped_large"] += 1
                continue
            limits["source_files"] += 1
            _references(tree, child)
    return limits


def _too_large(path: str) -> bool:
    try:
        return os.stat(path).st_size > SOURCE_LIMIT
    except (OSError, ValueError):
        return False  # tree.text says what is wrong with it


def _references(tree, rel: str) -> None:
    text = tree.text(rel)
    if not text or not _REFERENCE.search(text):
        return
    for number, line in enumerate(text.splitlines(), 1):
        if _REFERENCE.search(line):
            tree.add("frontend.config", rel, number, line.strip()[:120])
