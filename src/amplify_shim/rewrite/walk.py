"""The files `rewrite FOLDER` reads: those its name says are run (CI files, scripts, package.json,
Makefiles), never what a build or a package manager made, never through a symbolic link.

A folder given on the command line is walked; a file given is read whatever its name. Markdown is
read only when named: a changelog or a tutorial that mentions `amplify push` is prose to its author.
"""

from __future__ import annotations

import os
import stat

from .formats import shell_shebang

# by name, anywhere; by suffix; YAML only where CI platforms look for it
_NAMES = {"package.json", "amplify.yml", "amplify.yaml", "buildspec.yml", "buildspec.yaml", ".gitlab-ci.yml",
          "bitbucket-pipelines.yml", "azure-pipelines.yml", "makefile", "gnumakefile"}
_SUFFIXES = (".sh", ".bash", ".zsh", ".ps1", ".psm1", ".mk")
_CI_FOLDERS = (".github/workflows", ".circleci")
# what tools make or fetch: rewriting it is useless (it is made again) or wrong (it is someone else's)
_SKIPPED = {"node_modules", "#current-cloud-backend", ".amplify", "dist", "build", "cdk.out", "coverage", "vendor",
            "bower_components", "Pods", "__pycache__", "venv", ".venv", ".next", ".nuxt", ".turbo", ".cache"}
_HIDDEN_KEPT = {".github", ".circleci", ".gitlab"}


def _wanted(folder: str, name: str) -> bool:
    lower = name.lower()
    if lower in _NAMES or lower.endswith(_SUFFIXES):
        return True
    if lower.endswith((".yml", ".yaml")):
        return os.path.abspath(folder).replace(os.sep, "/").endswith(tuple("/" + f for f in _CI_FOLDERS))
    return "." not in name and _executable_shell_script(os.path.join(folder, name))


def _executable_shell_script(path: str) -> bool:
    """An extension-less executable whose first line names a POSIX shell (scripts/deploy, bin/release)."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or not info.st_mode & 0o111:
            return False
        with open(path, "rb") as handle:
            first = handle.read(200)
    except OSError:
        return False
    return shell_shebang(first.decode("utf-8", "replace"))


def files_under(top: str) -> list[str]:
    """The files under `top` that rewrite reads, sorted, each named as `top` joined with its path."""
    found = []
    for folder, folders, names in os.walk(top, onerror=None):  # os.walk never follows a linked folder
        folders[:] = sorted(f for f in folders if f not in _SKIPPED and (not f.startswith(".") or f in _HIDDEN_KEPT))
        for name in sorted(names):
            path = os.path.normpath(os.path.join(folder, name))  # `./x.sh` is `x.sh`
            if not os.path.islink(path) and _wanted(folder, name):  # a link's target is walked, or is outside
                found.append(path)
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
