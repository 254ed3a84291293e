"""Which kind of file this is (from its name, else its first line), and so: how it is read, and desk or CI.

CI files get the planner's CI form, with the branch and app id as the variables their platform
sets (Amplify Hosting: AWS_BRANCH and AWS_APP_ID; GitHub Actions: GITHUB_REF_NAME, no app id; …),
or the variables the file itself declares (`AWS_APP_ID:` in an env block).
"""

from __future__ import annotations

import os
import re

from ..record import Record

# file kind -> (branch variable, app id variable) the platform sets
AMPLIFY_HOSTING = ("AWS_BRANCH", "AWS_APP_ID")
PLATFORM_VARIABLES = {"amplify": AMPLIFY_HOSTING, "github": ("GITHUB_REF_NAME", None),
                      "gitlab": ("CI_COMMIT_REF_NAME", None), "bitbucket": ("BITBUCKET_BRANCH", None),
                      "circleci": ("CIRCLE_BRANCH", None), "azure": (None, None), "yaml": (None, None)}
_BY_NAME = {"package.json": "json", "amplify.yml": "amplify", "amplify.yaml": "amplify", "buildspec.yml": "amplify",
            "buildspec.yaml": "amplify", ".gitlab-ci.yml": "gitlab", "bitbucket-pipelines.yml": "bitbucket",
            "azure-pipelines.yml": "azure", "makefile": "make", "gnumakefile": "make"}
_BY_SUFFIX = {".sh": "sh", ".bash": "sh", ".zsh": "sh", ".ps1": "ps1", ".psm1": "ps1", ".mk": "make",
              ".md": "markdown", ".markdown": "markdown", ".yml": "yaml", ".yaml": "yaml"}
_SHEBANGS = ("sh", "bash", "zsh", "dash", "ksh")


class Format(Record):
    _fields = (("kind", ""), ("ci", False), ("branch_var", None), ("app_var", None))
    __slots__ = tuple(name for name, _ in _fields)


def _kind(path: str, text: str) -> str | None:
    kind = kind_by_name(path)
    if kind is not None:
        return kind
    words = _shebang_words(text)  # #!/bin/bash, #!/usr/bin/env bash, #!/usr/bin/env pwsh
    if words & set(_SHEBANGS):
        return "sh"
    return "ps1" if "pwsh" in words else None


def kind_by_name(path: str) -> str | None:
    """The kind a file's name and place say (None: only its first line can tell). "yaml" is any other YAML file,
    which is read when named but is no platform's CI file."""
    name = os.path.basename(path)
    normal = path.replace("\\", "/")
    if name.lower() in _BY_NAME:
        return _BY_NAME[name.lower()]
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".yml", ".yaml"):
        if "/.github/workflows/" in "/" + normal:
            return "github"
        if "/.circleci/" in "/" + normal:
            return "circleci"
    return _BY_SUFFIX.get(suffix)


def _shebang_words(text: str) -> set:
    first = text[:200].split("\n", 1)[0]
    return set(first[2:].replace("/", " ").split()) if first.startswith("#!") else set()


def shell_shebang(text: str) -> bool:
    """The first line is a `#!` naming a POSIX-like shell."""
    return bool(_shebang_words(text) & set(_SHEBANGS))


_PULL_REQUEST = re.compile(r"\bpull_request(?:_target)?\b")  # a trigger, or a condition on one: either way it runs there


def _declared(text: str, name: str | None) -> bool:
    """The YAML file sets this variable itself (`AWS_APP_ID: …` in an env block)."""
    return bool(name) and any(line.strip().startswith(name + ":") for line in text.split("\n") if name in line)


def detect(path: str, text: str) -> Format | None:
    kind = _kind(path, text)
    if kind is None:
        return None
    if kind not in PLATFORM_VARIABLES:
        return Format(kind=kind)
    branch, app = PLATFORM_VARIABLES[kind]
    if kind == "github" and _PULL_REQUEST.search(text):
        branch = None  # on a pull request GITHUB_REF_NAME is `<number>/merge`, not a branch: nothing is assumed
    if kind != "amplify":
        branch = "AWS_BRANCH" if _declared(text, "AWS_BRANCH") else branch
        app = "AWS_APP_ID" if _declared(text, "AWS_APP_ID") else app
    return Format(kind="yaml", ci=True, branch_var=branch, app_var=app)


def other_interpreter(text: str) -> str | None:
    """The interpreter a `#!` line names when it is not a POSIX-like shell (expect, python, node…)."""
    if not text.startswith("#!"):
        return None
    words = text[2:200].split("\n", 1)[0].replace("/", " ").split()
    words = [w for w in words if w not in ("usr", "bin", "local", "env", "-S") and not w.startswith("-")]
    return None if not words or words[0] in _SHEBANGS else words[0]
