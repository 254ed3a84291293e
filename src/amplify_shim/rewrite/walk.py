"""The files `rewrite FOLDER` reads: those its name says are run (CI files, scripts, package.json,
Makefiles), never what a build or a package manager made, never through a symbolic link.

A folder given on the command line is walked; a file given is read whatever its name. Markdown is
read only when named: a changelog or a tutorial that mentions `amplify push` is prose to its author.
"""

from __future__ import annotations

import os

from .formats import kind_by_name, shell_shebang

# what tools make or fetch under a fixed name: rewriting it is useless (it is made again) or wrong (it is
# someone else's). `build/` and `dist/` are not here: some projects keep their scripts there.
_SKIPPED = {"node_modules", "#current-cloud-backend", "cdk.out", "bower_components", "Pods", "__pycache__", "venv"}
_HIDDEN_KEPT = {".github", ".circleci", ".gitlab"}
_NOT_RUN = (None, "markdown", "yaml")  # prose, and YAML that is no platform's CI file (docker-compose.yml…)


def _wanted(folder: str, name: str) -> bool:
    """A file whose name or place says it is run (formats.py reads the same names), or an executable script."""
    path = os.path.join(folder, name)
    kind = kind_by_name(path)
    if kind is None and "." not in name:
        return _executable_shell_script(path)
    return kind not in _NOT_RUN


def _executable_shell_script(path: str) -> bool:
    """An extension-less executable whose first line names a POSIX shell (scripts/deploy, bin/release)."""
    try:
        if not os.lstat(path).st_mode & 0o111:
            return False
        with open(path, "rb") as handle:  # a regular file (the caller checked): this does not block
            first = handle.read(200)
    except OSError:
        return False
    return shell_shebang(first.decode("utf-8", "replace"))


def files_under(top: str) -> list[str]:
    """The regular files under `top` that rewrite reads, each named as `top` joined with its path: a folder's
    files before its subfolders, each sorted by name. A stack, not recursion: a tree 5,000 folders deep is
    walked. A linked file or folder is never followed (a link inside is read as its target, once); a FIFO,
    socket or device is not a file anyone runs; a folder that cannot be read is passed over."""
    found, stack = [], [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        below = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIPPED and (not entry.name.startswith(".") or entry.name in _HIDDEN_KEPT):
                        below.append(entry.path)
                elif entry.is_file(follow_symlinks=False) and _wanted(folder, entry.name):
                    found.append(os.path.normpath(entry.path))  # `./x.sh` is `x.sh`
            except OSError:
                continue
        stack.extend(reversed(below))
    return found


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """(each folder replaced by the files under it that rewrite reads, files as given; the folders with none)."""
    expanded, empty = [], []
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            under = files_under(path)
            expanded.extend(under)
            if not under:
                empty.append(path)
        else:
            expanded.append(path)
    return expanded, empty
