"""Which scripts the CI files of a repository run: a script run by CI gets the unattended answer.

The repository is the nearest folder above the file that holds `.git`; its CI files are read as text
(capped) and searched for the script's path from the repository root, or for `npm run NAME`,
`yarn NAME`, `pnpm NAME` of a package.json script. Not found: nothing is assumed.
"""

from __future__ import annotations

import glob
import os
import re

from .decide import Where

CI_FILES = ("amplify.yml", "amplify.yaml", "buildspec.yml", "buildspec.yaml", ".gitlab-ci.yml", "bitbucket-pipelines.yml",
            "azure-pipelines.yml", "Jenkinsfile", ".circleci/config.yml", ".github/workflows/*.yml",
            ".github/workflows/*.yaml")
_LIMIT = 1 << 20


def _root(path: str) -> str | None:
    if not os.path.isfile(path):
        return None  # text given with a name only (tests, stdin): nothing beside it is read
    folder = os.path.dirname(os.path.abspath(path))
    for _ in range(40):
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return None


def _ci_texts(root: str):
    from .formats import detect

    for pattern in CI_FILES:
        for name in sorted(glob.glob(os.path.join(root, pattern))):
            try:
                with open(name, encoding="utf-8", errors="replace") as handle:
                    text = handle.read(_LIMIT)
            except OSError:
                continue
            fmt = detect(os.path.relpath(name, root), text)
            yield text, (fmt.branch_var, fmt.app_var) if fmt is not None and fmt.ci else ("AWS_BRANCH", "AWS_APP_ID")


def where_for_script(path: str, default: Where) -> Where:
    root = _root(path)
    if root is None:
        return default
    relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    pattern = re.compile(r"(?<![\w./-])(?:\./)?" + re.escape(relative) + r"(?![\w./-])")
    if relative.lower() in ("makefile", "gnumakefile"):  # the repository's own Makefile: run by `make …`
        pattern = re.compile(r"(?<![\w./-])make(?:\s|$)")
    for text, (branch, app) in _ci_texts(root):
        if pattern.search(text):
            return Where(mode="ci", branch_var=branch, app_var=app, shell=default.shell, make=default.make,
                         powershell=default.powershell)
    return default


def where_for_npm_scripts(path: str, default: Where):
    """where_of(name) for the scripts of this package.json."""
    root = _root(path)
    texts = list(_ci_texts(root)) if root is not None else []

    def where_of(name: str) -> Where:
        runs = re.compile(r"(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+" + re.escape(name)
                          + r"(?![\w:.-])" + ("|npm\\s+" + re.escape(name) + r"\b" if name in ("test", "start") else ""))
        for text, (branch, app) in texts:
            if runs.search(text):
                return Where(mode="ci", branch_var=branch, app_var=app, shell=default.shell)
        return default
    return where_of
