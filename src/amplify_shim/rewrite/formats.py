"""Which kind of file this is (from its name, else its first line), and so: how it is read, and desk or CI.

CI files get the planner's CI form, with the branch and app id as the variables their platform
sets (Amplify Hosting: AWS_BRANCH and AWS_APP_ID; GitHub Actions: GITHUB_REF_NAME, no app id; …),
or the variables the file itself declares (`AWS_APP_ID:` in an env block).
"""

from __future__ import annotations

import os

from ..record import Record

# file kind -> (branch variable, app id variable) the platform sets
AMPLIFY_HOSTING = ("AWS_BRANCH", "AWS_APP_ID")
PLATFORM_VARIABLES = {"amplify": AMPLIFY_HOSTING, "github": ("GITHUB_REF_NAME", None),
                      "gitlab": ("CI_COMMIT_REF_NAME", None), "bitbucket": ("BITBUCKET_BRANCH", None),
                      "circleci": ("CIRCLE_BRANCH", None), "yaml": (None, None)}
_BY_NAME = {"package.json": "json", "amplify.yml": "amplify", "amplify.yaml": "amplify", "buildspec.yml": "amplify",
            "buildspec.yaml": "amplify", ".gitlab-ci.yml": "gitlab", "bitbucket-pipelines.yml": "bitbucket",
            "makefile": "make", "gnumakefile": "make"}
_BY_SUFFIX = {".sh": "sh", ".bash": "sh", ".zsh": "sh", ".ps1": "ps1", ".psm1": "ps1", ".mk": "make",
              ".md": "markdown", ".markdown": "markdown", ".yml": "yaml", ".yaml": "yaml"}
_SHEBANGS = ("sh", "bash", "zsh", "dash", "ksh")


class Format(Record):
    _fields = (("kind", ""), ("ci", False), ("branch_var", None), ("app_var", None))
    __slots__ = tuple(name for name, _ in _fields)


def _kind(path: str, text: str) -> str | None:
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
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    first = text[:200].split("\n", 1)[0]
    if first.startswith("#!"):  # #!/bin/bash, #!/usr/bin/env bash, #!/usr/bin/env pwsh
        words = set(first[2:].replace("/", " ").split())
        if words & set(_SHEBANGS):
            return "sh"
        if "pwsh" in words:
            return "ps1"
    return None


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
    if kind != "amplify":
        branch = "AWS_BRANCH" if _declared(text, "AWS_BRANCH") else branch
        app = "AWS_APP_ID" if _declared(text, "AWS_APP_ID") else app
    return Format(kind="yaml", ci=True, branch_var=branch, app_var=app)


def places(fmt: Format, path: str, text: str):
    """The pieces of shell (places.Place) of a file of this format."""
    from .ci_runs import where_for_npm_scripts, where_for_script
    from .decide import Where
    from .places import Place, at_line_of

    if fmt.kind == "json":
        from .scan_json import json_places
        yield from json_places(text, where_for_npm_scripts(path, Where(shell="posix")))
    elif fmt.kind == "yaml":
        from .yaml_places import yaml_places
        yield from yaml_places(text, Where(mode="ci", branch_var=fmt.branch_var, app_var=fmt.app_var))
    elif fmt.kind == "markdown":
        from .markdown_places import markdown_places
        yield from markdown_places(text)
    elif fmt.kind == "make":
        from .make_places import make_places
        for place in make_places(text, where_for_script(path, Where(shell="posix", make=True))):
            yield place if place is not None else Place(text=text, error="the Make grammar cannot read this file")
    elif fmt.kind == "ps1":
        yield Place(text=text, grammar="powershell", marker=at_line_of(text),
                    where=where_for_script(path, Where(shell="powershell", powershell=True)))
    else:
        other = _other_interpreter(text)
        if other:
            yield Place(text=text, error=f"its #! line names `{other}`, not a shell", loose=True)
            return
        yield Place(text=text, marker=at_line_of(text), where=where_for_script(path, Where(shell="bash")))


def _other_interpreter(text: str) -> str | None:
    """The interpreter a `#!` line names when it is not a POSIX-like shell (expect, python, node…)."""
    if not text.startswith("#!"):
        return None
    words = text[2:200].split("\n", 1)[0].replace("/", " ").split()
    words = [w for w in words if w not in ("usr", "bin", "local", "env", "-S") and not w.startswith("-")]
    return None if not words or words[0] in _SHEBANGS else words[0]
