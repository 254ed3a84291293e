"""The branches a git repository knows, read from its files (no git process), and what the planner
says about a `git checkout NAME` of a branch that is not among them.

    branches(git_dir) -> frozenset of local and remote-tracking branch names, or None (unknown)
    checkout_warnings(steps, known) -> notes for the plan (pure)

Local branches are refs/heads/…, remote-tracking ones refs/remotes/<remote>/… (as of the last
fetch), each a loose file or a line of packed-refs. A linked worktree keeps its refs in the common
git directory (`commondir`). Standard library only: `amplify` reads these on its fast path.
"""

from __future__ import annotations

import os

from .files import FileProblem, read_capped

PACKED_LIMIT = 1 << 20  # packed-refs larger than this: the branches are not known (no warning rather than a slow one)
LOOSE_LIMIT = 5000  # loose ref files looked at, at most


def _common_dir(git_dir: str) -> str:
    """The folder holding the refs: a linked worktree's git dir names it in `commondir`."""
    path = os.path.join(git_dir, "commondir")
    if not os.path.exists(path):
        return git_dir
    try:
        raw = read_capped(path, 4096)
    except FileProblem:
        return git_dir
    if not raw:
        return git_dir
    return os.path.normpath(os.path.join(git_dir, raw.decode("utf-8", "replace").strip()))


def _loose(base: str, prefix: str, names: list, budget: list) -> bool:
    """The ref files below base (as prefix + their path), into names; False past the budget."""
    try:
        entries = os.scandir(base)
    except OSError:
        return True
    with entries:
        for entry in entries:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if entry.is_dir(follow_symlinks=False):
                if not _loose(entry.path, prefix + entry.name + "/", names, budget):
                    return False
            else:
                names.append(prefix + entry.name)
    return True


def _remote_branch(ref: str) -> str | None:
    """refs/remotes/origin/feature/x -> feature/x (HEAD, the remote's default pointer, is no branch)."""
    parts = ref.split("/", 3)
    return parts[3] if len(parts) == 4 and parts[3] != "HEAD" else None


def branches(git_dir: str | None) -> frozenset | None:
    if not git_dir:
        return None
    common = _common_dir(git_dir)
    names: set = set()
    packed_path = os.path.join(common, "packed-refs")
    try:
        packed = read_capped(packed_path, PACKED_LIMIT) if os.path.lexists(packed_path) else None
    except FileProblem:
        return None
    for line in (packed or b"").decode("utf-8", "replace").splitlines():
        ref = line.partition(" ")[2].strip()
        if ref.startswith("refs/heads/"):
            names.add(ref[len("refs/heads/"):])
        elif ref.startswith("refs/remotes/"):
            name = _remote_branch(ref)
            if name:
                names.add(name)
    loose: list = []
    budget = [LOOSE_LIMIT]
    if not (_loose(os.path.join(common, "refs", "heads"), "refs/heads/", loose, budget) and
            _loose(os.path.join(common, "refs", "remotes"), "refs/remotes/", loose, budget)):
        return None
    for ref in loose:
        name = ref[len("refs/heads/"):] if ref.startswith("refs/heads/") else _remote_branch(ref)
        if name:
            names.add(name)
    return frozenset(names)


def checkout_warnings(steps, known: frozenset | None) -> list[str]:
    """A note for each `git checkout NAME` step whose branch the repository does not know."""
    if known is None:
        return []
    notes = []
    for step in steps:
        argv = step.argv
        if argv[:2] == ["git", "checkout"] and len(argv) == 3 and not argv[2].startswith(("-", "<")):
            name = argv[2]
            if name not in known:
                notes.append(f"Warning: there is no branch {name!r} here, locally or on a remote (as of the last "
                             f"`git fetch`), so `git checkout {name}` will fail: `git fetch` first, check the name "
                             f"with `git branch -a`, or make it with `amplify env add {name}`.")
    return notes
